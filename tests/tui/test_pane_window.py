"""Reading on any terminal: whole panes only, a marker for the reports left and right, the footer's
``? Help``, uncut help and the inspector's sentences at 80 columns (issue 17, items 8 and 9)."""

from pathlib import Path

import pytest
from rich.cells import cell_len
from pilot_helpers import seed_app, wait_for_story

from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.layout import pane_window

ECB_12 = Path(__file__).resolve().parents[3] / "shared" / "dev-stories" / "ecb-12"


def screen_text(app) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


def markers(screen) -> tuple[str, str]:
    """What each edge marker draws, all its rows ("" where it is hidden)."""
    return tuple("".join(segment.text for strip in m.render_lines(m.size.region) for segment in strip).strip()
                 if m.display else "" for m in screen.query("EdgeMarker"))


def assert_whole_panes(screen, width: int) -> list:
    """The panes shown lie whole inside the terminal, side by side, and none scrolls sideways."""
    shown = [pane for pane in screen.panes if pane.is_mounted]
    places = [screen.panes.index(pane) for pane in shown]
    assert places == sorted(places), "in report order (neighbours, or two runs of them after a jump)"
    for pane in shown:
        assert 0 <= pane.region.x and pane.region.right <= width and pane.region.width >= 44
        assert not pane.show_horizontal_scrollbar
        text_width = pane.scrollable_content_region.width
        assert text_width + pane.scrollable_content_region.x <= pane.region.right - 2, "clear of the scrollbar"
        lines = [pane._text[line.start:line.end].rstrip() for line in pane._lines]
        assert max(map(cell_len, lines)) <= text_width - 4, "no line wider than the text (4: the gutter)"
    return shown


def test_the_window_holds_the_focused_report_and_moves_as_little_as_it_can():
    assert pane_window(5, 0, 0, 160, 44, 8, 4) == range(0, 3)  # 3 fit at 160 with a marker each side
    assert pane_window(5, 3, 0, 160, 44, 8, 4) == range(1, 4)  # one step right shows one new pane
    assert pane_window(5, 1, 1, 160, 44, 8, 4) == range(1, 4)  # back inside: it stays
    assert pane_window(5, 0, 2, 160, 44, 8, 4) == range(0, 3)
    assert pane_window(3, 2, 0, 160, 44, 8, 4) == range(0, 3)  # all fit: no marker needed
    assert pane_window(5, 4, 0, 80, 44, 8, 4) == range(4, 5)
    assert pane_window(20, 10, 0, 400, 44, 8, 4) == range(3, 11)  # never more than 8
    assert pane_window(0, 0, 0, 80, 44, 8, 4) == range(0)


async def test_five_reports_at_160_columns_show_three_whole_panes_and_say_how_many_are_right():
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert len(assert_whole_panes(screen, 160)) == 3
        assert markers(screen) == ("", "2›")
        await pilot.press("tab", "tab", "tab")
        await pilot.pause()
        shown = assert_whole_panes(screen, 160)
        assert [p.document.id[:3] for p in shown] == ["001", "002", "003"] and screen.pane is shown[-1]
        assert markers(screen) == ("‹1", "1›")
        await pilot.press("z")  # zoomed: the markers count around the focused report
        await pilot.pause()
        assert markers(screen) == ("‹3", "1›")


async def test_at_80_by_24_one_whole_pane_the_footer_keeps_help_and_help_is_not_cut():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_story(pilot)
        assert len(assert_whole_panes(screen, 80)) == 1
        assert markers(screen) == ("", "4›")
        footer = screen_text(app).splitlines()[-1]
        assert "? Help" in footer and "q Quit" in footer
        await pilot.press("l")
        await pilot.pause()
        assert markers(screen) == ("‹1", "3›") and screen.pane.document.id.startswith("001")
        await pilot.press("question_mark")
        await pilot.pause()
        keys = app.screen.query_one("#keys")
        assert keys.virtual_size.width <= keys.scrollable_content_region.width, "no column runs off the frame"
        inspect_row = next(n for n, row in enumerate(keys.ordered_rows) if "next version" in
                           str(keys.get_row_at(n)[2]).lower())
        assert keys.ordered_rows[inspect_row].height > 1, "a long description wraps"


async def test_at_80_by_24_the_inspector_shows_the_sentence_column():
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("J", "enter")
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        sentence = next(c for c in table.ordered_columns if str(c.label) == "sentence")
        assert sentence.width >= 20
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert "sentence" in screen_text(app)


@pytest.mark.skipif(not ECB_12.is_dir(), reason="../shared/dev-stories is not beside this checkout")
async def test_eleven_reports_at_160_columns_whole_panes_no_text_under_the_scrollbar():
    app = SahelReaderApp([str(ECB_12)], "ecb-12")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert len(screen.panes) == 11
        assert len(assert_whole_panes(screen, 160)) == 3
        assert markers(screen) == ("", "8›")
        for _ in range(6):
            await pilot.press("tab")
        await pilot.pause()
        assert len(assert_whole_panes(screen, 160)) == 3
        assert markers(screen) == ("‹4", "4›") and screen.pane.is_mounted


async def test_jumps_that_move_the_window_keep_the_panes_whole_when_a_marker_appears():
    """Tabs, versions and conflicts move the window a pane at a time, reusing the panes shown: the
    left marker appearing takes its cells from them, and the last pane is never pushed past the edge."""
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        for key in ("tab", "tab", "tab", "tab", "right_square_bracket", "right_square_bracket",
                    "right_curly_bracket", "tab"):
            await pilot.press(key)
            await pilot.pause()
            shown = assert_whole_panes(screen, 160)
            right = max(pane.region.right for pane in shown)
            marker = screen.query("EdgeMarker").last()
            assert right + (marker.region.width if marker.display else 0) <= 160, key


async def test_a_jump_while_the_panes_are_being_made_anew_shows_the_new_window_whole():
    """When the story arrives the panes are made anew (``keep_story``); a key pressed meanwhile moves
    the focus between two mounts. The window being mounted finishes, then moves to the focus, whole
    (CI once saw a ``KeyError`` here: the second pane sized by the window after the jump)."""
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        row = screen.row
        mount = row.mount

        async def mount_then_jump(*widgets, **where):
            row.mount = mount
            await mount(*widgets, **where)
            row.focus_pane(4)  # as ``]`` to a version in the last report would

        row.mount = mount_then_jump
        await row.keep_story()
        await wait_for_story(pilot)
        shown = assert_whole_panes(screen, 160)
        assert screen.pane is screen.panes[4] and screen.pane in shown
        assert markers(screen) == ("‹2", "")


async def test_the_panes_keep_their_widths_as_the_window_reaches_either_end():
    """The markers stay while some report has no pane, blank at an end of the story: reaching the first or
    the last report gives the panes no other width (a layout, and every pane's text wrapped anew)."""
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        widths, seen = set(), set()
        for key in ["tab"] * 4 + ["shift+tab"] * 4 + ["right_square_bracket"] * 3:
            await pilot.press(key)
            await pilot.pause()
            widths.add(tuple(pane.region.width for pane in screen.panes if pane.is_mounted))
            seen.add(markers(screen))
            assert all(marker.display for marker in screen.query("EdgeMarker"))
        assert widths == {(50, 50, 50)}  # (160 - 2 × 4) // 3, the cells left over given to a marker
        assert {("", "2›"), ("‹2", "")} <= seen
