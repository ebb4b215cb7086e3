"""Messages the reader's workers (loading, following, saving, recovery) post to the reader screen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the screens import these messages before the story is loaded
    from ..story.analysis import Story
    from ..story.annotations import Session
    from ..story.model import LoadError, LoadResult
    from ..story.session import DiskState, SaveResult

    from .layout import DocumentView


def refusals(errors: list[LoadError]) -> list[tuple[str, str, str, float]]:
    """Each report that could not be opened, as a notice (text, title, severity, seconds)."""
    return [(error.message, "Could not open a report", "error", 10) for error in errors]


def nothing_opened(errors: list[LoadError]) -> str:
    """What the reader shows when no report could be opened: each file and why, once its notice is gone."""
    return "\n".join(["No report could be opened:", *(f"  {error.message}" for error in errors), "Press q to quit."])


@dataclass
class LoadProgress(Message):
    """What the loading worker is doing now."""

    text: str


@dataclass
class LoadFailed(Message):
    """The loading worker failed in a way nobody foresaw: its error, in one line."""

    error: str


@dataclass
class SessionFailed(Message):
    """The session file could not be read: one sentence saying why."""

    text: str


@dataclass
class StoryReady(Message):
    """The worker has loaded and linked the reports (and read the session, when one was opened)."""

    story: Story
    views: dict[str, DocumentView]
    errors: list[LoadError]
    session: Session | None = None
    notes: list[str] | None = None
    needs_permission: list[str] | None = None
    disk: DiskState | None = None
    """The session file as read, when a session was opened: saves merge what others wrote since."""
    texts_only: bool = False
    """True for the first, early delivery: the reports' texts before their claims and links."""

    def notices(self) -> list[tuple[str, str, str, float]]:
        """What the reader is told, as (text, title, severity, seconds): the session's notes, the reports
        that could not be opened (not those the permission question names), the reports' warnings."""
        outside = self.needs_permission or ()
        return ([(note, "", "warning", 10) for note in self.notes or []]
                + refusals([e for e in self.errors if e.path not in outside])
                + [(w, "", "warning", 8) for d in self.story.documents for w in d.warnings])


@dataclass
class ReportsArrived(Message):
    """The watched story's folders gained reports (read, their pages fetched) or files that could not be read."""

    loaded: LoadResult

    def notices(self) -> list[tuple[str, str, str, float]]:
        """What the reader is told before the story grows: the files that could not be read."""
        return refusals(self.loaded.errors)


@dataclass
class SessionSaved(Message):
    """A save worker wrote the session (merged with what others wrote to it, when they had)."""

    target: Path
    result: SaveResult
    snapshot: Session
    """The work as it was when the save began: what changed since is not saved."""
    revision: int
    then_exit: bool = False


@dataclass
class SessionNotSaved(Message):
    """A save worker could not write the session: one sentence saying why and where the work is."""

    text: str


@dataclass
class SaveWouldReplace(Message):
    """The chosen file holds a session this reader never read: merge into it, or replace it?"""

    target: Path
    work: int
    then_exit: bool = False


@dataclass
class RecoveryKept(Message):
    """The recovery file holds the work up to ``revision``, or could not be written (``problem``)."""

    revision: int
    problem: str | None = None


@dataclass
class RecoveryFound(Message):
    """Work that readers before this one left unsaved, in files whose reader is gone."""

    paths: list[Path]
    sessions: list[Session]
    problems: list[str]


@dataclass
class SessionChangedElsewhere(Message):
    """The open session file now holds what another reader or an edit wrote: the next save merges."""

    path: Path
    sha256: str
