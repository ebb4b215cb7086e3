"""The first frame shows the reports' texts, in their panes, with the status bar, before the engine
runs; the figures colour them once linked (issue 18, item 1)."""

import gc
import json
import subprocess
import sys
import threading

import pytest

from pilot_helpers import seed_app, settle, wait_for_story, wait_until

from sahel_reader.tui.widgets.status_bar import StatusBar

_FIRST_FRAME = """
import asyncio, json, sys
sys.path.insert(0, {tests!r})
from pilot_helpers import seed_app
from sahel_reader.tui.screens.reader import ReaderScreen
from sahel_reader.tui.widgets.report_pane import ReportPane

seen = {{"first lines": {{}}}}
after_first_frame = ReaderScreen._after_first_frame
render_line = ReportPane.render_line

def first_line(self, y):  # the first line each pane paints
    strip = render_line(self, y)
    seen["first lines"].setdefault(self.document.id[:3], strip.text.strip())
    return strip

ReportPane.render_line = first_line

async def spy(self):  # runs once the first frame is painted, before the loading worker starts
    seen["panes"] = [p.document.id[:3] for p in self.panes if p.is_mounted]
    seen["unneeded"] = sorted(m for m in ("pint", "numpy", "rapidfuzz", "yaml", "sahel_reader.story.claims",
                                        "sahel_reader.story.linking", "sahel_reader.story.story_folder",
                                        "sahel_reader.tui.screens.dialogs", "sahel_reader.tui.widgets.search_bar",
                                        "sahel_reader.story.hedges", "sahel_reader.story.annotations",
                                        "sahel_reader.highlighters.spans", "_hashlib", "zipfile")
                              if m in sys.modules)
    seen["footer keys"] = len(self.query("FooterKey"))
    seen["loading"] = [w.name for w in self.app.workers]
    seen["modal styles"] = any(path.endswith("screens.tcss") for path, _ in self.app.stylesheet.source)
    await after_first_frame(self)
    seen["modal styles after"] = any(path.endswith("screens.tcss") for path, _ in self.app.stylesheet.source)

ReaderScreen._after_first_frame = spy

async def main():
    async with seed_app().run_test(size=(160, 45)) as pilot:
        await pilot.pause()
    print(json.dumps(seen))

asyncio.run(main())
"""


def test_the_first_frame_holds_the_texts_and_none_of_the_engine(tmp_path):
    """In a process of its own: the tests before have imported the engine in this one."""
    tests = str(__import__("pathlib").Path(__file__).parent)
    result = subprocess.run([sys.executable, "-c", _FIRST_FRAME.format(tests=tests)], capture_output=True,
                            text=True, timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["panes"] == ["000", "001", "002"] and seen["unneeded"] == [], \
        "neither the engine nor YAML, nor the code of manifests, dialogs and search"
    assert seen["footer keys"] == 0 and seen["loading"] == [], "the keys come a frame later, then the worker"
    assert not seen["modal styles"] and seen["modal styles after"], "the modal screens' rules come after it"
    # each pane's first line, wrapped to its width from the first frame on (not a letter a row until its Resize)
    assert seen["first lines"]["000"] == "▌   The JNIM organization, which has ties to", seen
    assert seen["first lines"]["001"] == "Loading Now", seen


def hold_analysis(monkeypatch) -> threading.Event:
    """The engine held until the returned event is set: what the reader shows meanwhile can be seen."""
    from sahel_reader.story import analysis  # the loading worker looks analyse up here when it runs

    release, real = threading.Event(), analysis.analyse

    def held(*args, **kwargs):
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis, "analyse", held)
    return release


async def test_the_texts_are_read_while_linking_and_coloured_in_place_after(monkeypatch):
    release = hold_analysis(monkeypatch)
    app = seed_app()
    frozen = gc.get_freeze_count()  # what the test run froze (tests/tui/conftest.py)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen
        assert screen.pane.is_mounted and not screen.query("#progress"), "no loading screen"
        status = str(screen.query_one(StatusBar).render())
        assert "000_9e34431ca94add9f" in status and "sentence 1/26" in status and "finding the figures" in status
        assert str(screen.pane.border_subtitle) == "finding figures…"
        enabled = {b.action: on for _, b, on, _ in screen.active_bindings.values()}
        assert enabled["step('sentence', 1)"] and not enabled["matrix"], "reading goes on; the matrix waits for the links"
        assert not gc.isenabled(), "no full collection walks what the first frame and the engine make"
        await pilot.press("j", "j", "right_square_bracket", "c", "enter", "z", "z", "J")
        assert screen.pane.cursor == 2 and app.screen is screen
        release.set()
        screen = await wait_for_story(pilot)
        await settle(pilot)
        assert screen.story.claims and "fig ·" in str(screen.pane.border_subtitle)
        assert screen.pane.cursor == 2, "the reader stays where it was"
        assert "finding the figures" not in str(screen.query_one(StatusBar).render())
        enabled = {b.action: on for _, b, on, _ in screen.active_bindings.values()}
        assert enabled["matrix"]
        assert gc.isenabled() and gc.get_freeze_count() > frozen, "collections again once the story is frozen"


async def test_after_a_linking_failure_the_borders_stop_promising_figures(monkeypatch):
    from sahel_reader.story import analysis

    def broken(*_args, **_kwargs):
        raise RuntimeError("the linker broke")

    monkeypatch.setattr(analysis, "analyse", broken)
    app = seed_app()
    frozen = gc.get_freeze_count()  # what the test run froze (tests/tui/conftest.py): fewer as some are freed
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        screen = app.screen
        # waited for, not settled: on a busy machine the first pause can end before the worker started
        await wait_until(pilot, lambda: "could not be found" in str(screen.query_one(StatusBar).render()))
        await settle(pilot)
        assert [str(p.border_subtitle) for p in screen.panes if p.is_mounted] == ["figures not found"] * 3
        status = str(screen.query_one(StatusBar).render())
        assert "could not be found (RuntimeError: the linker broke)" in status
        assert [n.title for n in app._notifications] == ["Not linked"]
        assert gc.isenabled() and gc.get_freeze_count() <= frozen, "no story to freeze: collections as usual"
        await pilot.press("tab")
        await pilot.pause()
        assert screen.pane.document.id.startswith("001"), "the texts can still be read"
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert str(screen.pane.border_subtitle) == "figures not found", "a pane brought in later too"


@pytest.mark.parametrize(("keys", "report"), [(("tab", "j", "a"), "001"), (("j", "j", "a"), "000")])
async def test_a_dialog_open_while_the_story_is_linked_gives_the_focus_back_to_the_report_it_was_on(
        monkeypatch, keys, report):
    """The panes are made anew once the story is linked; a note dialog open meanwhile closes onto the
    report the reader was on, and a session saved then says so (not the first report, nor the one beside it)."""
    release = hold_analysis(monkeypatch)
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = app.screen
        await pilot.press(*keys)  # a report, a sentence in it, a note
        await wait_until(pilot, lambda: app.screen is not screen)
        release.set()
        await wait_until(pilot, lambda: not screen.row.linking)
        await settle(pilot)
        await pilot.press(*"checked", "ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        await settle(pilot)
        assert screen.pane.document.id.startswith(report) and screen.focused is screen.pane
        assert screen.row.view_state()[0].startswith(report)
        await pilot.press("j")
        assert screen.pane.document.id.startswith(report) and screen.focused is screen.pane


_COMMAND_START = """
import gc, json, sys
from sahel_reader.cli import main

class TextualImported(BaseException):
    pass

class Finder:  # stops the command where it first imports Textual, to see the collector then
    def find_spec(self, name, path=None, target=None):
        if name == "textual":
            raise TextualImported(gc.isenabled())

sys.meta_path.insert(0, Finder())
try:
    main([])
except TextualImported as stop:
    print(json.dumps({"collector on": stop.args[0]}))
"""


def test_the_command_holds_the_collector_from_before_textual_is_imported(tmp_path):
    """About a hundred young collections ran while Textual and the reader were imported and the first
    frame composed; the reader's row takes the hold over, so collections come back once the story is frozen."""
    from sahel_reader.tui import idle_collector

    result = subprocess.run([sys.executable, "-c", _COMMAND_START], capture_output=True, text=True, timeout=60,
                            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"collector on": False}
    collector = idle_collector.IdleCollector()
    try:
        idle_collector.hold_from_start()
        assert not gc.isenabled()
        collector.hold()  # taken over by the reader's row, though the collector was already off
        collector.stop()  # as when there is no story to freeze (``start`` does the same once it is frozen)
        assert gc.isenabled()
    finally:
        gc.enable()


async def test_the_session_is_made_after_the_first_frame_with_the_command_lines_embed():
    """The work keeper makes its session when first asked for (the annotations are not imported for
    the first frame); ``--embed`` still holds for it."""
    from sahel_reader.cli import BUNDLED_TITLE
    from sahel_reader.story.documents import bundled_seed_paths
    from sahel_reader.tui.app import SahelReaderApp

    app = SahelReaderApp([str(p) for p in bundled_seed_paths()], BUNDLED_TITLE, embed=True)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await settle(pilot)
        assert screen.session.embed and not screen.dirty


async def test_a_modal_opened_before_the_modal_styles_are_read_reads_them_itself(monkeypatch):
    from sahel_reader.tui.app import SahelReaderApp

    monkeypatch.setattr(SahelReaderApp, "read_modal_styles", lambda app: None)
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("a")  # a note on the first sentence: its editor is a modal
        await wait_until(pilot, lambda: app.screen.query(".modal-frame"))
        assert app.screen.query_one(".modal-frame").styles.border_top[0] == "round", "screens.tcss applies"
