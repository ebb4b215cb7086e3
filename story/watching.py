"""A story followed as it breaks: its folders watched for reports that arrive, read when they settle.

The folders watched are those the story was opened from: a folder of reports, a story folder, the
folder of a manifest (a report copied in, a page fetched for an address added to the manifest).
``watchfiles`` reports changes as the system tells of them (inotify here), so nothing polls; a file
still being copied is read once its size has stopped changing.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .documents import MANIFEST_SUFFIXES, REPORT_SUFFIXES, load_paths
from .model import Document, LoadResult

WATCH_DEBOUNCE_MS = 300
"""Changes this close together are one: a copy of many files arrives as one batch."""
_SETTLE_STEP = 0.1
_SETTLE_LIMIT = 3.0
"""Seconds a file may keep growing before it is read as it is (a slow download's partial copy)."""


def watched_folders(paths: Sequence[str | Path]) -> list[Path]:
    """The folders to watch for a story opened from ``paths``: given folders, and manifests' folders."""
    folders: dict[str, Path] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            folders.setdefault(os.path.realpath(path), path)
        elif path.suffix.lower() in MANIFEST_SUFFIXES and path.parent.is_dir():
            folders.setdefault(os.path.realpath(path.parent), path.parent)
    return list(folders.values())


def changes(folders: Sequence[Path], stop: threading.Event) -> Iterator[set[Path]]:
    """The report files and manifests that appear or change in ``folders``, batch by batch, until ``stop``
    (anything with ``is_set``, as watchfiles takes)."""
    import watchfiles  # only a watched story needs it

    def wanted(_change: object, name: str) -> bool:
        suffix = Path(name).suffix.lower()
        return not Path(name).name.startswith(".") and (suffix in REPORT_SUFFIXES or suffix in MANIFEST_SUFFIXES)

    for batch in watchfiles.watch(*folders, watch_filter=wanted, debounce=WATCH_DEBOUNCE_MS, step=50,
                                  stop_event=stop, recursive=False, raise_interrupt=False):
        changed = {Path(name) for change, name in batch if change != watchfiles.Change.deleted}
        if changed:
            yield changed


def settle(paths: set[Path], stop: threading.Event | None = None) -> None:
    """Wait until each file's size stops changing (a copy or a download that is still being written)."""
    deadline = time.monotonic() + _SETTLE_LIMIT
    sizes = {path: _size(path) for path in paths}
    while time.monotonic() < deadline and not (stop and stop.is_set()):
        time.sleep(_SETTLE_STEP)
        now = {path: _size(path) for path in paths}
        if now == sizes:
            return
        sizes = now


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def new_reports(paths: Sequence[str | Path], documents: Sequence[Document], *, allow_outside: bool = False,
                on_fetched: Callable[[str, object], None] | None = None) -> LoadResult:
    """The reports ``paths`` give now that ``documents`` (the story's) do not have: read, and pages fetched.

    Their ids are made unique against the story's.
    """
    return load_paths(paths, allow_outside=allow_outside, fetch=True, on_fetched=on_fetched,
                      known=[document.path for document in documents], taken_ids=[d.id for d in documents])
