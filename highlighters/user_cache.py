"""Files the engine keeps for its later processes, in the user's cache folder (``$XDG_CACHE_HOME/sahel-reader/``).

What one process worked out slowly (pint's answers, compiled pattern programs) the next reads back. Each file
is written whole or not at all, since another process may be reading it; a file that cannot be read or written
means the work is done again, never an error.
"""

from __future__ import annotations

import json
import mmap
import os
from pathlib import Path


def cache_file(name: str) -> Path:
    cache_folder = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_folder) / "sahel-reader" / name


def read_kept(name: str) -> object | None:
    """What the JSON file holds, or None where there is none or it is not JSON."""
    try:
        return json.loads(cache_file(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def map_kept(name: str) -> mmap.mmap | None:
    """The file mapped, not read: only the pages looked at are (the compiled patterns' file is megabytes,
    and the reader's first frame needs a few of its programs); None where there is none or it is empty.
    A file written again is a new file (``keep_bytes``), so the one mapped never changes under it."""
    try:
        with cache_file(name).open("rb") as file:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None


def keep(name: str, data: object) -> None:
    """Write ``data`` as JSON for later processes, whole or not at all (``keep_bytes``)."""
    keep_bytes(name, json.dumps(data).encode("utf-8"))


def keep_bytes(name: str, data: bytes) -> None:
    """Write ``data`` for later processes, whole or not at all; a folder that cannot be written is passed over."""
    path = cache_file(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        pass


def forget(name: str) -> None:
    """Remove a file no later process reads (one an earlier version kept); none there, or not removable, is passed over."""
    try:
        cache_file(name).unlink(missing_ok=True)
    except OSError:
        pass
