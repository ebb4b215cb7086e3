"""Where the reader's files go by default: a session next to its reports, an export beside its session.

Policy only, no I/O: the reader and the command line ask here, so a name is decided in one place.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .documents import bundled_seed_paths
from .model import Document

_NAME_LENGTH = 36
"""The longest default session file name, before its extension."""


def default_session_path(documents: list[Document], title: str | None, working_folder: Path) -> Path:
    """Next to the reports when they share a folder, else in the working folder (so also for the
    bundled story); named after the story. Reports from far apart share only ``/``."""
    bundled = {os.path.realpath(p) for p in bundled_seed_paths()}
    paths = [os.path.realpath(d.path) for d in documents]
    folder = working_folder
    if paths and not all(p in bundled for p in paths):
        shared = Path(os.path.commonpath([os.path.dirname(p) for p in paths]))
        if shared != Path(shared.anchor):
            folder = shared
    name = ""
    for word in re.findall(r"[a-z0-9]+", (title or "session").lower()):  # whole words, up to a short name
        if len(name) + len(word) + 1 > _NAME_LENGTH:
            break
        name = f"{name}-{word}" if name else word
    return folder / f"{name or 'session'}.sahel.yaml"




def export_path(session_path: Path, suffix: str) -> Path:
    """An export's default file: the session's name, its ``.sahel.yaml`` traded for the format's suffix."""
    return session_path.with_name(session_path.name.removesuffix(".yaml").removesuffix(".sahel") + suffix)
