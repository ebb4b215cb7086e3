"""Messages the loading worker posts to the reader screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from sahel_reader.story.analysis import Story
from sahel_reader.story.annotations import Session
from sahel_reader.story.model import LoadError

from .layout import DocumentView


@dataclass
class LoadProgress(Message):
    """What the loading worker is doing now."""

    text: str


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
    texts_only: bool = False
    """True for the first, early delivery: the reports' texts before their claims and links."""
