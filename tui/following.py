"""Following a story as it breaks: its folders watched from a thread, each batch of new reports handed on.

The reader runs ``Follower.run`` in a thread worker and stops it with the worker's own cancel event
(set when the reader closes or the watch is turned off). Reading and fetching happen in that thread;
linking the reports into the story happens where the story lives (``grow_story``, on the reader).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..story.model import Document, LoadResult
from ..story.watching import changes, new_reports, settle, watched_folders

from .layout import DocumentView, document_views

if TYPE_CHECKING:
    from ..story.analysis import Story
    from ..story.growing import StoryChange


def story_sources(paths: Sequence[str], documents: Sequence[Document], *, from_session: bool) -> list[str]:
    """Where new reports of this story appear: the folders and manifests it was opened from, else the
    folders its reports are in (a session, or reports named one by one)."""
    given = [] if from_session else [path for path in paths if watched_folders([path])]
    if given:
        return given
    folders = dict.fromkeys(str(Path(document.path).parent) for document in documents if document.path)
    return [folder for folder in folders if Path(folder).is_dir()]


class StopSignal(Protocol):
    """Anything that says when to stop watching (a ``threading.Event``, or the reader's own signal)."""

    def is_set(self) -> bool: ...


class Follower:
    """Watches a story's sources and delivers what is new in them: reports not yet in the story, and
    files that could not be read (each told once)."""

    def __init__(self, sources: Sequence[str], documents: Sequence[Document],
                 deliver: Callable[[LoadResult], None], *, allow_outside: bool = False) -> None:
        self.sources = list(sources)
        self.folders = watched_folders(self.sources)
        self._known = list(documents)
        self._deliver = deliver
        self._allow_outside = allow_outside
        self._told: set[str] = set()

    def run(self, stop: StopSignal) -> None:
        """Watch until ``stop`` is set; a batch of changes is read once its files stop growing."""
        for batch in changes(self.folders, stop):
            settle(batch, stop)
            if stop.is_set():
                return
            self.read_new()

    def read_new(self) -> LoadResult:
        """Read the reports that are new since the last look, and hand them on with any new refusals."""
        loaded = new_reports(self.sources, self._known, allow_outside=self._allow_outside)
        self._known += loaded.documents
        loaded.errors = [error for error in loaded.errors if error.message not in self._told]
        self._told.update(error.message for error in loaded.errors)
        if loaded.documents or loaded.errors:
            self._deliver(loaded)
        return loaded


def grow_story(story: Story, documents: list[Document]) -> tuple[StoryChange, dict[str, DocumentView]]:
    """Link ``documents`` into ``story`` (in place) and lay every report out again: the old ones gain links."""
    from ..story.growing import grow

    change = grow(story, documents)
    return change, document_views(story)
