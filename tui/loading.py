"""What the reader's load worker does, in its thread: read the reports (or a session and its
reports), find their claims and link them, and post what it has as it goes.

Plain functions over a ``post`` callable, so the screen holds only the worker that runs them.
``analysis.analyse`` is looked up when called, so a test can stand in for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual.message import Message

from ..story import analysis
from ..story.documents import load_paths

from .layout import document_views
from .messages import LoadProgress, SessionFailed, StoryReady

Post = Callable[[Message], object]


def load_reports(paths: Sequence[str], title: str | None, allow_outside: bool, early_after: int, post: Post) -> None:
    """The reports of ``paths``; with more than ``early_after`` of them, their texts are posted first,
    to be read while their claims are found (linking many reports takes seconds)."""
    count = len(paths)
    post(LoadProgress(f"Reading {count} path{'s' if count != 1 else ''}…"))

    def fetched(url: str, _result: object) -> None:  # a page a manifest names by address only
        post(LoadProgress(f"Fetched {url}"))

    loaded = load_paths(paths, allow_outside=allow_outside, fetch=True, on_fetched=fetched)
    title = loaded.title or title
    early = len(loaded.documents) > early_after
    if early:
        texts = analysis.Story(loaded.documents, title=title)
        post(StoryReady(texts, document_views(texts), loaded.errors, texts_only=True))
    post(LoadProgress(f"Finding the figures and linking {len(loaded.documents)} reports…"))
    story = analysis.analyse(loaded.documents, title, growable=True)  # a watched story grows
    post(StoryReady(story, document_views(story), [] if early else loaded.errors, needs_permission=loaded.outside))


def load_session_story(path: Path, allow_outside: bool, post: Post) -> None:
    """A session file, its reports found again and its notes re-anchored; ``SessionFailed`` when
    it cannot be read."""
    from ..story.session import SessionError, load_session

    post(LoadProgress(f"Opening the session {path.name}…"))
    try:
        loaded = load_session(path, allow_outside=allow_outside)
    except SessionError as error:
        post(SessionFailed(str(error)))
        return
    post(LoadProgress(f"Finding the figures and linking {len(loaded.documents)} reports…"))
    story = analysis.analyse(loaded.documents, loaded.session.title, growable=True)
    post(StoryReady(story, document_views(story), [], loaded.session, loaded.notes,
                    loaded.needs_permission, loaded.disk))
