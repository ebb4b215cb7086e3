"""A load that fails in a way nobody foresaw is told in the reader, which stays open (issue 16).
A failure once the texts are shown: tests/tui/test_first_frame.py."""

from pathlib import Path

from pilot_helpers import settle
from textual.widgets import Static

from sahel_reader.story.documents import bundled_seed_paths
from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.widgets.status_bar import StatusBar


async def test_an_exception_while_reading_is_told_and_the_reader_stays_open(monkeypatch):
    from sahel_reader.tui import loading  # a folder is read by the loading worker, with this

    def broken(*_args, **_kwargs):
        raise RuntimeError("the reader broke")

    monkeypatch.setattr(loading, "load_paths", broken)
    app = SahelReaderApp([str(Path(bundled_seed_paths()[0]).parent)])
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        assert app.is_running and app.return_code is None
        status = str(app.screen.query_one(StatusBar).render())
        assert "could not be read (RuntimeError: the reader broke)" in status
        assert "Press q to quit" in str(app.screen.query_one("#progress").render())
        assert [n.title for n in app._notifications] == ["Not opened"]
        enabled = {b.action: on for _, b, on, _ in app.screen.active_bindings.values()}
        assert not enabled["matrix"] and not enabled["save"] and not enabled["step('version', 1)"]
        assert enabled["help"] and enabled["quit"], "the footer dims only the keys that cannot act"
        await pilot.press("j", "c", "ctrl+s")  # keys that need a story do nothing
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_session_that_cannot_be_opened_stops_the_spinner(tmp_path):
    """The spinner says "still working": once the reader has said why it gave up, it is gone."""
    from textual.widgets import LoadingIndicator

    broken = tmp_path / "broken.yaml"
    broken.write_text("sahel_reader_session: 1\ntitle: [unclosed\n", encoding="utf-8")
    app = SahelReaderApp([str(broken)], session=broken)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert "Press q to quit" in str(app.screen.query_one("#progress").render())
        assert not [spinner for spinner in app.screen.query(LoadingIndicator) if spinner.display]
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_session_broken_by_hand_says_why_after_its_notice_is_gone(tmp_path):
    """A note's tags list left unclosed in an editor: the reader opens it as the session it is (as the
    command line decides) and keeps the file, the line and "left untouched" on screen."""
    from sahel_reader.story.documents import is_session_file

    broken = tmp_path / "reading.yaml"
    broken.write_text("sahel_reader_session: 1\ntitle: T\ndocuments: []\nannotations:\n- id: n1\n"
                      "  tags: [disputed\n  note: check\n", encoding="utf-8")
    before = broken.read_bytes()
    app = SahelReaderApp([str(broken)], session=broken if is_session_file(broken) else None)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        shown = str(app.screen.query_one("#progress").render())
        assert "reading.yaml, line" in shown and "left untouched" in shown
        await pilot.press("ctrl+s", "q")
    assert broken.read_bytes() == before


async def test_reports_that_cannot_be_opened_are_named_after_their_notices_are_gone(tmp_path):
    """`sahel-reader gone.txt`: the toast fades, and the screen still says which file and why."""
    gone = tmp_path / "gone.txt"
    app = SahelReaderApp([str(gone)])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        shown = str(app.screen.query_one("#loading", Static).render())
        assert "No report could be opened" in shown
        assert f"{gone}: file not found." in shown and "Press q to quit" in shown
        await pilot.press("q")
    assert app.return_code == 0
