"""``tab`` past the window's edge and ``]`` to a far report change one pane: the panes still shown keep
what they painted (issue 18, item 2: a press paints at most one pane anew)."""

from pilot_helpers import sentence_text, wait_for_story
from test_pane_window import markers

from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.layout import window_beside
from sahel_reader.tui.widgets.report_pane import ReportPane

PLACES = ["harbour", "market", "airport", "stadium", "station", "museum", "bridge", "hospital", "school", "embassy"]
SHARED = "The governor said 42 soldiers were wounded near the old customs bridge on Sunday evening."


def far_versions(folder) -> list[str]:
    """Ten reports, each about a place of its own; only the fourth and the eighth share a sentence."""
    for number, place in enumerate(PLACES):
        shared = f"{SHARED}\n" if number in (3, 7) else ""
        (folder / f"r{number:02d}.txt").write_text(
            f"A fire broke out at the {place} early on Monday morning.\n{shared}"
            f"Firefighters from the {place} district worked through the night, neighbours said.\n",
            encoding="utf-8")
    return [str(folder)]


def shown(screen) -> list[str]:
    return [pane.document.id for pane in screen.panes if pane.is_mounted]


def record_painting(monkeypatch) -> tuple[list[str], list[str]]:
    """The reports whose rows off the cursor are drawn from their text (the cursor's rows change colour
    with the focus), and those whose pane composes its lines at all."""
    rows, lines = [], []
    render_row, render_line = ReportPane._render_row, ReportPane.render_line

    def counted_row(pane, line, on_cursor, *args):
        if not on_cursor:
            rows.append(pane.document.id)
        return render_row(pane, line, on_cursor, *args)

    def counted_line(pane, y):
        lines.append(pane.document.id)
        return render_line(pane, y)

    monkeypatch.setattr(ReportPane, "_render_row", counted_row)
    monkeypatch.setattr(ReportPane, "render_line", counted_line)
    return rows, lines


def test_the_target_goes_beside_the_report_the_reader_comes_from():
    assert window_beside(1000, [8, 9, 10], 9, 57, 3) == [8, 9, 57]  # from the middle: one pane changes
    assert window_beside(1000, [8, 9, 10], 10, 57, 3) == [9, 10, 57]  # from the edge: shifted by one
    assert window_beside(1000, [8, 9, 10], 10, 11, 3) == [9, 10, 11]  # tab past the edge
    assert window_beside(1000, [8, 9, 10], 8, 3, 3) == [3, 8, 9]  # leftwards, mirrored
    assert window_beside(1000, [8, 9, 57], 9, 10, 3) == [8, 9, 10]  # back to neighbours: the far one goes
    assert window_beside(1000, [8, 9, 57], 57, 58, 3) == [9, 57, 58]
    assert window_beside(1000, [9, 57, 123], 123, 3, 3) == [2, 3, 123]  # nothing beyond: neighbours fill
    assert window_beside(1000, [997, 998, 999], 999, 0, 3) == [0, 998, 999]  # the story's ends: kept panes
    assert window_beside(1000, [4], 4, 700, 1) == [700]
    assert window_beside(2, [0, 1], 1, 0, 2) == [0, 1]


async def test_tab_past_the_edge_shifts_by_one_and_paints_only_the_new_report(tmp_path, monkeypatch):
    app = SahelReaderApp(far_versions(tmp_path), "fires")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("tab", "tab", "tab")  # the window shifted once: the left marker is shown
        await pilot.pause()
        assert shown(screen) == ["r01", "r02", "r03"] and screen.pane.document.id == "r03"
        widths = [pane.region.width for pane in screen.panes if pane.is_mounted]
        assert len(set(widths)) == 1, "one width: a report moving to the next pane keeps its rows"
        rows, lines = record_painting(monkeypatch)
        await pilot.press("tab")
        await pilot.pause()
        assert shown(screen) == ["r02", "r03", "r04"] and screen.pane.document.id == "r04"
        assert screen.focused is screen.pane
        assert set(rows) == {"r04"}, "only the new report's rows drawn from its text"
        assert "r02" not in lines, "the pane that only moved took the lines it had painted"
        assert [pane.region.width for pane in screen.panes if pane.is_mounted] == widths


async def test_a_far_version_comes_beside_the_sentence_it_is_a_version_of(tmp_path, monkeypatch):
    app = SahelReaderApp(far_versions(tmp_path), "fires")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "shift+tab", "j")  # the fourth report, in the middle pane
        await pilot.pause()
        assert sentence_text(screen.pane) == SHARED and shown(screen) == ["r02", "r03", "r04"]
        kept = [pane for pane in screen.panes if pane.is_mounted][:2]
        rows, lines = record_painting(monkeypatch)
        await pilot.press("]")
        await pilot.pause()
        assert shown(screen) == ["r02", "r03", "r07"], "the reader's pane and its left neighbour stay"
        assert [pane for pane in screen.panes if pane.is_mounted][:2] == kept
        assert screen.pane.document.id == "r07" and sentence_text(screen.pane) == SHARED
        assert set(rows) == {"r07"} and "r02" not in lines, "only the target's pane painted anew"
        assert "version 2 of 2" in str(screen.query_one("StatusBar").render())
        await pilot.press("[")  # back: the source is still shown, nothing moves
        await pilot.pause()
        assert shown(screen) == ["r02", "r03", "r07"] and screen.pane.document.id == "r03"


async def test_a_report_moving_to_the_next_pane_stays_scrolled_where_the_reader_left_it(tmp_path):
    for number in range(8):
        (tmp_path / f"r{number:02d}.txt").write_text("".join(
            f"Line {line} of dispatch {number} on the {PLACES[line % 10]} fire.\n" for line in range(80)),
            encoding="utf-8")
    app = SahelReaderApp([str(tmp_path)], "long")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("tab", "tab", "tab", "tab")
        await pilot.press(*["j"] * 50, *["k"] * 15)  # scrolled down, the cursor back up within the view
        await pilot.pause()
        pane = screen.pane
        assert shown(screen) == ["r02", "r03", "r04"] and pane.document.id == "r04" and pane.scroll_y > 0
        scrolled, row = pane.scroll_y, pane.cursor_line() - pane.scroll_y
        await pilot.press("tab")
        await pilot.pause()
        moved = next(p for p in screen.panes if p.is_mounted and p.document.id == "r04")
        assert shown(screen) == ["r03", "r04", "r05"] and moved is not pane
        assert moved.scroll_y == scrolled and moved.cursor_line() - moved.scroll_y == row


async def test_the_markers_count_the_reports_not_shown_before_and_after_the_focused_one(tmp_path):
    app = SahelReaderApp(far_versions(tmp_path), "fires")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "shift+tab", "j", "]")
        await pilot.pause()
        assert shown(screen) == ["r02", "r03", "r07"] and screen.pane.document.id == "r07"
        assert markers(screen) == ("‹5", "2›")  # r00, r01 and r04 to r06 before; r08, r09 after
        await pilot.press("[")  # back to r03, shown: nothing moves, the markers count from it
        await pilot.pause()
        assert shown(screen) == ["r02", "r03", "r07"] and markers(screen) == ("‹2", "5›")
        await pilot.press("tab")  # to r04, beside r03: the far pane gives way, r02 stays
        await pilot.pause()
        assert shown(screen) == ["r02", "r03", "r04"] and markers(screen) == ("‹2", "5›")
