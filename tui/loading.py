"""What the reader's load worker does, in its thread: read the reports (or a session and its
reports), find their claims and link them, and post what it has as it goes.

Plain functions over a ``post`` callable, so the screen holds only the worker that runs them.
``analysis.analyse`` is looked up when called, so a test can stand in for it. A few plain report
files are read before the first frame instead (``read_at_once``): reading needs none of the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual.message import Message

from ..story import analysis
from ..story.documents import MANIFEST_SUFFIXES, load_paths
from ..story.model import LoadResult
from ..story.wording import counted

from .layout import document_views
from .messages import LoadProgress, SessionFailed, StoryReady

Post = Callable[[Message], object]


def read_at_once(paths: Sequence[str], most: int) -> LoadResult | None:
    """The reports, read now when they are at most ``most`` plain files (no folder, manifest or
    address, which may name many files or pages to fetch); else None, and the worker reads them."""
    files = [Path(path) for path in paths]
    if not files or len(files) > most or any(p.suffix.lower() in MANIFEST_SUFFIXES or not p.is_file() for p in files):
        return None
    return load_paths(files)


def texts_of(loaded: LoadResult, title: str | None) -> StoryReady:
    """The reports' texts, to be read while their claims are found."""
    texts = analysis.Story(loaded.documents, title=loaded.title or title)
    return StoryReady(texts, document_views(texts), loaded.errors, texts_only=True)


def load_reports(paths: Sequence[str], title: str | None, allow_outside: bool, post: Post,
                 loaded: LoadResult | None = None) -> None:
    """The reports of ``paths``: their texts posted first, then their claims and links (finding them
    imports the engine and takes seconds on a big story). ``loaded``: already read and shown."""
    shown = loaded is not None
    if loaded is None:
        count = len(paths)
        post(LoadProgress(f"Reading {counted(count, 'path')}…"))

        def fetched(url: str, _result: object) -> None:  # a page a manifest names by address only
            post(LoadProgress(f"Fetched {url}"))

        loaded = load_paths(paths, allow_outside=allow_outside, fetch=True, on_fetched=fetched)
        shown = bool(loaded.documents)
        if shown:
            post(texts_of(loaded, title))
    post(LoadProgress(f"Finding the figures and linking {len(loaded.documents)} reports…"))
    story = analysis.analyse(loaded.documents, loaded.title or title, growable=True)  # a watched story grows
    post(StoryReady(story, document_views(story), [] if shown else loaded.errors, needs_permission=loaded.outside))


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
