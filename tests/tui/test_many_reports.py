"""Pilot tests for stories with more reports than fit: only a window of panes is mounted."""

import gc
import threading

from pilot_helpers import sentence_text, settle, wait_for_story

from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.widgets.pane_window import MOUNTED_PANES
from sahel_reader.tui.screens.reader import ReaderScreen

TOLLS = ["77 people were killed", "at least 77 people were killed", "almost 100 people were killed"]


def many_reports(folder, count: int = 14) -> list[str]:
    """``count`` short reports of one attack, each with the toll and an own sentence."""
    for number in range(count):
        toll = TOLLS[number % len(TOLLS)]
        (folder / f"r{number:02d}.txt").write_text(
            f"Gunmen attacked a police training school in the capital on Tuesday.\n"
            f"Officials said {toll} in the attack.\n"
            f"Report {number} was filed from the city centre by a local reporter.\n",
            encoding="utf-8",
        )
    return [str(folder)]


async def test_only_the_panes_that_fit_are_mounted_and_tab_reaches_every_report(tmp_path):
    app = SahelReaderApp(many_reports(tmp_path), "many")
    async with app.run_test(size=(140, 30)) as pilot:
        screen = await wait_for_story(pilot)
        assert len(screen.panes) == 14 > MOUNTED_PANES
        mounted = [p.document.id for p in screen.panes if p.is_mounted]
        assert mounted == ["r00", "r01", "r02"]  # 140 columns hold three readable panes
        for expected in range(1, 14):
            await pilot.press("tab")
            await pilot.pause()
            assert screen.pane.document.id == f"r{expected:02d}"
            assert screen.pane.is_mounted and screen.focused is screen.pane
            assert sum(p.is_mounted for p in screen.panes) == 3
        await pilot.press("tab")
        await pilot.pause()
        assert screen.pane.document.id == "r00" and screen.pane.is_mounted


async def test_a_jump_to_a_far_report_mounts_it_and_cursors_survive_the_window_moving(tmp_path):
    app = SahelReaderApp(many_reports(tmp_path), "many")
    async with app.run_test(size=(140, 30)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("J")  # the toll: its versions are the whole cluster, one per report
        first = screen.panes[0]
        shown = {id(p) for p in screen.panes if p.is_mounted}
        assert screen.story.claim(screen.pane.selected_claim).text == "77"
        visited = set()
        for _ in range(13):
            await pilot.press("]")
            await pilot.pause()
            assert screen.pane.is_mounted and screen.focused is screen.pane
            assert "people were killed" in sentence_text(screen.pane)
            assert [p.document.id for p in screen.row.children if p in screen.panes] == [
                p.document.id for p in screen.panes if p.is_mounted], "the panes stay in report order"
            window = [n for n, p in enumerate(screen.panes) if p.is_mounted]
            assert window == list(range(window[0], window[0] + 3)) and screen.row.active in window, \
                "after the focused pane, its neighbours in the window"
            visited.add(screen.pane.document.id)
        assert visited == {f"r{n:02d}" for n in range(1, 14)}  # each shown when reached
        assert not screen.panes[0].is_mounted
        assert {id(p) for p in screen.panes if p.is_mounted} == shown, "the panes are reused, none mounted anew"
        assert first.is_mounted and first.document.id != "r00", "r00's pane shows another report"
        await pilot.press("]")  # the cycle comes back to where it started
        await pilot.pause()
        assert screen.pane.document.id == "r00" and screen.pane.cursor == 1
        assert screen.pane.is_mounted


async def test_many_reports_show_their_texts_while_the_claims_are_found(tmp_path, monkeypatch):
    from sahel_reader.story import analysis  # the loading worker imports analyse from here when it runs

    release = threading.Event()
    real_analyse = analysis.analyse

    def slow_analyse(*args, **kwargs):
        release.wait(30)
        return real_analyse(*args, **kwargs)

    monkeypatch.setattr(analysis, "analyse", slow_analyse)
    app = SahelReaderApp(many_reports(tmp_path), "many")
    async with app.run_test(size=(140, 30)) as pilot:
        for _ in range(200):
            readers = [s for s in app.screen_stack if isinstance(s, ReaderScreen)]
            if readers and readers[0].panes:
                break
            await pilot.pause(0.02)
        screen = readers[0]
        await pilot.pause()
        assert str(screen.pane.border_subtitle) == "finding figures…"
        assert not screen.story.claims
        await pilot.press("j")  # the reader reads on meanwhile
        assert "77 people were killed" in sentence_text(screen.pane)
        release.set()
        await settle(pilot)
        await pilot.pause()
        assert screen.story.claims and "fig ·" in str(screen.pane.border_subtitle)
        assert screen.pane.cursor == 1, "the panes stay where the reader was"
        await pilot.press("J")
        assert screen.story.claim(screen.pane.selected_claim).text == "77"


async def test_the_matrix_of_a_big_story_shows_thirty_reports_from_the_focused_one(tmp_path):
    from textual.widgets import DataTable

    from sahel_reader.tui.screens.matrix import MAX_REPORTS, ClaimsMatrix

    app = SahelReaderApp(many_reports(tmp_path, count=40), "many")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        for _ in range(5):
            await pilot.press("tab")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        matrix = app.screen
        assert isinstance(matrix, ClaimsMatrix)
        table = matrix.query_one(DataTable)
        reports = [key.value for key in table.columns][2:]
        assert len(reports) == MAX_REPORTS == 30
        assert reports[0] == "r05" and reports[-1] == "r34"
        assert "30 of 40 reports" in str(matrix.query(".modal-title").first().render())
        await pilot.press("enter")  # the cursor starts on the focused report's version of the toll
        await pilot.pause()
        assert app.screen is screen and screen.pane.document.id == "r05"


async def test_reports_outside_the_window_are_plain_places_and_the_story_is_frozen_out_of_the_collector(tmp_path):
    from sahel_reader.tui.report_place import ReportPlace
    from sahel_reader.tui.widgets.report_pane import ReportPane

    from sahel_reader.tui.idle_collector import IDLE, YOUNG

    thresholds = gc.get_threshold()
    frozen = gc.get_freeze_count()  # what the test run froze (tests/tui/conftest.py)
    app = SahelReaderApp(many_reports(tmp_path, count=40), "many")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await settle(pilot)
        for _ in range(5):
            await pilot.press("tab")
        await pilot.pause()
        shown = [p for p in screen.panes if p.is_mounted]
        assert len(shown) == 3 and all(isinstance(p, ReportPane) for p in shown)
        assert all(type(p) is ReportPlace for p in screen.panes if not p.is_mounted), "no widget off screen"
        assert gc.get_freeze_count() > frozen
        claim = screen.story.claims[0]
        assert not any(o is claim for o in gc.get_objects(2)), "the story is out of the collector's walks"
        assert any(o is screen.pane for o in gc.get_objects()), "the panes shown are not: they are let go later"
        assert gc.get_threshold()[0] == YOUNG != thresholds[0], "young objects die before a collection sees them"
        assert gc.isenabled(), "collections held while the story was linked run again once it is frozen"
        gc.collect(1)  # a collection of the middle generation, then a pause: a full collection follows
        assert gc.get_count()[2] > 0
        await pilot.pause(3 * IDLE)
        assert gc.get_count()[2] == 0, "the reader paused: the full collection ran then"
    assert gc.get_freeze_count() == 0, "and the story is let go with the reader"
    assert gc.get_threshold() == thresholds and gc.isenabled(), "and Python's own collection with it"


async def test_the_lines_a_key_press_paints_are_freed_without_a_garbage_collection(tmp_path):
    """Every painted line that leaves the screen is freed by its last reference going, none left in a
    cycle for a collection to find: at a thousand reports those collections were the slowest presses."""
    from textual.strip import Strip

    app = SahelReaderApp(many_reports(tmp_path, count=40), "many")
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for_story(pilot)
        await settle(pilot)
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)  # what a collection finds is kept in gc.garbage, to be looked at
        try:
            for key in ("tab", "tab", "J", "]", "]", "j", "tab", "shift+tab", "tab"):
                await pilot.press(key)
                await pilot.pause()
            gc.collect()
            found = [o for o in gc.garbage if isinstance(o, Strip)]
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
        assert found == [], f"{len(found)} painted lines were left to the collector"
