"""The loading of the story: a few plain files read before the first frame, the rest (and the
linking) in a thread worker whose messages (``LoadProgress``, ``StoryReady``, ``SessionFailed``,
``LoadFailed``) bubble to the screen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from ..messages import LoadFailed
from .pane_window import MOUNTED_PANES

if TYPE_CHECKING:
    from ..messages import StoryReady


class Loader(Widget):
    """Reads and links the reports; shows nothing, says everything with messages."""

    DEFAULT_CSS = "Loader { display: none; }"

    class LeftOut(Message):
        """The reader chose to leave out the files outside the folder: the story shown is the one kept."""

    def __init__(self, paths: Sequence[str], title: str | None, *, from_session: bool, allow_outside: bool) -> None:
        super().__init__()
        self.paths = list(paths)
        self.story_title = title
        self.allow_outside = allow_outside
        """Files a manifest or session names outside its folder are read (the command line's flag)."""
        from ..loading import read_at_once  # reading needs none of the engine

        self.early = None if from_session else read_at_once(self.paths, MOUNTED_PANES)
        """A few plain report files, read before the first frame so that it shows their texts."""

    def early_texts(self) -> StoryReady | None:
        """The texts of the files read before the first frame, to be read while their claims are found."""
        from ..loading import texts_of

        return texts_of(self.early, self.story_title) if self.early is not None else None

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self, session_path: Path | None, allow_outside: bool = False) -> None:
        from ..loading import load_reports, load_session_story  # in the worker: not needed for the first frame

        allow_outside = allow_outside or self.allow_outside
        if session_path is not None:
            load_session_story(session_path, allow_outside, self.post_message)
        else:
            read, self.early = self.early, None  # once: a load asked again (files outside) reads anew
            load_reports(self.paths, self.story_title, allow_outside, self.post_message, read)

    @work(group="dialog")
    async def ask_permission(self, outside: list[str], session_path: Path | None) -> None:
        """A session or manifest that names files outside its folder reads them only when the reader
        agrees; else they are left out (``Loader.LeftOut``)."""
        from ..screens.dialogs import ChoiceScreen

        shown = ", ".join(outside[:3]) + (f" and {len(outside) - 3} more" if len(outside) > 3 else "")
        names = "The session names" if session_path else "The story manifest names"
        question = ChoiceScreen(f"{names} files outside its folder: {shown}. Open them?",
                                [("skip", "Leave them out"), ("open", "Open them")])
        if await self.app.push_screen_wait(question) == "open":
            self.load(session_path, allow_outside=True)
        else:
            self.post_message(self.LeftOut())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A question shown: the keys that ask are enabled again. A failure nobody foresaw becomes a
        message: the screen says so, and the reader stays open."""
        if event.worker.group == "dialog":
            self.refresh_bindings()
        elif event.state is WorkerState.ERROR:
            error = f"{type(error).__name__}: {error}" if (error := event.worker.error) else ""
            self.post_message(LoadFailed(error))
