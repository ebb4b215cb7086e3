import pytest

from sahel_reader.cli import BUNDLED_TITLE
from sahel_reader.story.documents import bundled_seed_paths
from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.screens.reader import ReaderScreen


def seed_app() -> SahelReaderApp:
    return SahelReaderApp([str(p) for p in bundled_seed_paths()], BUNDLED_TITLE)


async def wait_for_workers(pilot) -> None:
    """Wait for the workers that will end: the story's watch (``w``) runs until it is turned off, and a
    cancelled worker has nothing more to deliver."""
    workers = [w for w in pilot.app.workers if w.group != "follow" and not w.is_cancelled]
    if workers:
        await pilot.app.workers.wait_for_complete(workers)


async def wait_for_story(pilot) -> ReaderScreen:
    """Let the loading worker finish and the panes mount (a question may sit on top of the reader)."""
    await wait_for_workers(pilot)
    await pilot.pause()
    for _ in range(200):
        readers = [s for s in pilot.app.screen_stack if isinstance(s, ReaderScreen)]
        if readers and readers[0].panes:
            await pilot.pause()
            return readers[0]
        await pilot.pause(0.05)
    raise AssertionError("the reader never showed its panes")


async def settle(pilot) -> None:
    """Let the workers (saving, the recovery file) finish and their messages be handled."""
    await wait_for_workers(pilot)
    await pilot.pause()


def sentence_text(pane) -> str:
    start, end = pane.document.sentences[pane.cursor]
    return pane.document.text[start:end]


@pytest.fixture(autouse=True)
def hermetic_config(monkeypatch, tmp_path_factory):
    """No user's key file or home folder leaks into what the tests see."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))


@pytest.fixture
def app():
    return seed_app()
