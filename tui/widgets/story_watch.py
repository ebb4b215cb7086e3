"""The watch on a story's folders, as a widget of the reader: it shows nothing, owns the thread that
watches, and posts ``ReportsArrived`` for the reader to link and show."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

if TYPE_CHECKING:  # watching loads when the watch starts, not with the first frame
    from ...story.analysis import Story
    from ...story.model import LoadResult

    from ..following import Follower


class StoryWatch(Widget):
    """Turned on and off by the reader (``w``, or ``--watch`` once the story is shown)."""

    DEFAULT_CSS = "StoryWatch { display: none; }"

    def __init__(self, paths: Sequence[str], *, from_session: bool, allow_outside: bool, asked: bool = False) -> None:
        super().__init__()
        self.paths = list(paths)
        self.from_session = from_session
        self.allow_outside = allow_outside
        self.asked = asked
        """Start watching once the story is shown (``--watch``)."""
        self._worker: Worker | None = None

    @property
    def watching(self) -> bool:
        return self._worker is not None and not self._worker.is_finished

    def story_shown(self, story: Story) -> None:
        if self.asked and not self.watching:
            self.toggle(story)

    def toggle(self, story: Story) -> None:
        """Watch where this story's reports come from, or stop; the reader is told which."""
        from ..following import Follower, story_sources

        self.asked = False
        if self.watching:
            self._worker.cancel()  # sets what the watching thread waits on
            self._worker = None
            self.notify("No longer watching the story's folders.", timeout=3)
            return
        sources = story_sources(self.paths, story.documents, from_session=self.from_session)
        if not sources:
            self.notify("This story was not opened from a folder: there is nothing to watch.", timeout=4)
            return
        follower = Follower(sources, story.documents, self._deliver, allow_outside=self.allow_outside)
        self._worker = self._follow(follower)
        self.notify(f"Watching {', '.join(str(folder) for folder in follower.folders)} for new reports.", timeout=4)

    @work(thread=True, group="follow", exit_on_error=False)
    def _follow(self, follower: Follower) -> None:
        follower.run(_Ended(get_current_worker(), self.app))

    def _deliver(self, loaded: LoadResult) -> None:
        from ..messages import ReportsArrived

        self.post_message(ReportsArrived(loaded))

    def on_unmount(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A watch that broke (a folder removed, the system out of watches): one sentence, the reader goes on."""
        if event.worker is self._worker and event.state is WorkerState.ERROR:
            event.stop()
            error = event.worker.error
            self._worker = None
            self.notify(f"The story's folders are no longer watched ({type(error).__name__}: {error}); "
                        "press w to watch them again.", severity="error", timeout=12)


class _Ended:
    """The watch's stop signal: the worker was cancelled, or the app stopped without cancelling it
    (a test torn down mid-run); watchfiles asks ``is_set`` between its looks."""

    def __init__(self, worker: Worker, app) -> None:
        self._worker = worker
        self._app = app

    def is_set(self) -> bool:
        return self._worker.is_cancelled or not self._app.is_running
