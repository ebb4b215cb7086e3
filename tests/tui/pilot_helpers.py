"""What the reader's Pilot tests share: the app on the bundled story, and waiting for its work.

A module of its own, imported by the tests that need it; ``conftest.py`` holds only fixtures.
"""

from sahel_reader.cli import BUNDLED_TITLE
from sahel_reader.story.documents import bundled_seed_paths
from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.screens.reader import ReaderScreen


def seed_app() -> SahelReaderApp:
    return SahelReaderApp([str(p) for p in bundled_seed_paths()], BUNDLED_TITLE)


async def settle(pilot) -> None:
    """Let the workers (loading, saving, the recovery file) finish and their messages be handled.

    A question the reader is asked runs in a ``dialog`` worker until it is answered, and the story's
    watch (``w``) until it is turned off: neither is waited for, nor a cancelled worker. A worker a
    dialog starts once answered (a save) is, since it starts before the pause ends.
    """
    for _ in range(20):
        await pilot.pause()
        busy = [w for w in pilot.app.workers
                if w.group not in ("dialog", "follow") and not w.is_finished and not w.is_cancelled]
        if not busy:
            return
        await pilot.app.workers.wait_for_complete(busy)


async def wait_for_story(pilot) -> ReaderScreen:
    """Let the loading worker finish and the panes mount (a question may sit on top of the reader)."""
    await settle(pilot)
    for _ in range(200):
        readers = [s for s in pilot.app.screen_stack if isinstance(s, ReaderScreen)]
        if readers and readers[0].panes:
            await pilot.pause()
            return readers[0]
        await pilot.pause(0.05)
    raise AssertionError("the reader never showed its panes")


async def wait_until(pilot, condition, seconds: float = 20.0) -> None:
    """Pause until ``condition()`` holds: for what no worker stands for (a thread, a failure, a search)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the reader never got there")


def sentence_text(pane) -> str:
    start, end = pane.document.sentences[pane.cursor]
    return pane.document.text[start:end]


def record_notifications(app: SahelReaderApp) -> list[str]:
    """Every message the app notifies from now on, in order (a toast may be gone before a test looks)."""
    told: list[str] = []
    shown = app.notify
    app.notify = lambda message, **kw: (told.append(message), shown(message, **kw))[1]
    return told


async def wait_for_recovery_file(pilot, screen) -> None:
    """Wait until the reader has written its recovery file, a moment after the last change (a timer,
    then a worker). The tests that wait shorten that moment with the ``quick_recovery`` fixture."""
    for _ in range(200):
        await settle(pilot)
        if screen.recovery.path.exists():
            return
        await pilot.pause(0.02)
    raise AssertionError("the reader never wrote its recovery file")
