"""The watch on a story's folders, as a widget of the reader: it shows nothing, owns the thread that
watches, and posts ``ReportsArrived`` for the reader to link and show."""

from __future__ import annotations

from collections.abc import Sequence

from textual import work
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from sahel_reader.story.model import Document

from ..following import Follower, story_sources


class StoryWatch(Widget):
    """Started and stopped by the reader; ``watching`` says whether it is on."""

    DEFAULT_CSS = "StoryWatch { display: none; }"

    def __init__(self, paths: Sequence[str], *, from_session: bool, allow_outside: bool) -> None:
        super().__init__()
        self.paths = list(paths)
        self.from_session = from_session
        self.allow_outside = allow_outside
        self._worker: Worker | None = None
        self.folders: list[str] = []

    @property
    def watching(self) -> bool:
        return self._worker is not None and not self._worker.is_finished

    def start(self, documents: Sequence[Document]) -> bool:
        """Watch where this story's reports come from; False when it comes from nowhere that can grow."""
        sources = story_sources(self.paths, documents, from_session=self.from_session)
        if not sources:
            return False
        follower = Follower(sources, documents, self._deliver, allow_outside=self.allow_outside)
        self.folders = [str(folder) for folder in follower.folders]
        self._worker = self._follow(follower)
        return True

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()  # sets the event the watching thread waits on
            self._worker = None

    @work(thread=True, group="follow", exit_on_error=False)
    def _follow(self, follower: Follower) -> None:
        follower.run(_Ended(get_current_worker(), self.app))

    def on_unmount(self) -> None:
        self.stop()

    def _deliver(self, loaded) -> None:
        from ..messages import ReportsArrived

        self.post_message(ReportsArrived(loaded))

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
