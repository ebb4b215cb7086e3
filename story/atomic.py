"""Writing a file so that it is always whole: the old bytes or the new ones, never a mix or nothing.

The bytes go to a temporary file beside the target, are flushed to the disk, and the temporary file
is renamed over the target; a kill or a full disk at any moment leaves the old file as it was. A
symbolic link is written through (its target gets the new bytes, the link stays). Temporary files
carry the writer's process id, so those that a killed writer left behind are removed by the next.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_ABANDONED_AFTER = 600.0
"""Seconds after which a temporary file is left over whatever its writer (no write takes this long)."""


class TargetChanged(Exception):
    """The file changed while the new bytes were being written; nothing was replaced."""


def real_target(path: Path) -> Path:
    """The file a path names once symbolic links are followed: what a save must replace."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomically(path: Path, data: bytes, *, mode: int = 0o600,
                     unchanged: Callable[[], bool] | None = None) -> None:
    """Replace ``path`` (through a symbolic link) with ``data``, with permissions ``mode``.

    ``unchanged``, asked just before the rename, may refuse it (``TargetChanged``): another writer
    got there while ours was being written, and the caller should read the file again.
    """
    target = real_target(Path(path))
    _remove_left_over_temporaries(target)
    temp_name = None
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.",
                                         suffix=".tmp", delete=False) as temp:
            temp_name = temp.name
            os.chmod(temp_name, mode)
            unwritten = memoryview(data)
            while unwritten:
                unwritten = unwritten[os.write(temp.fileno(), unwritten):]
            os.fsync(temp.fileno())
        if unchanged is not None and not unchanged():
            raise TargetChanged(str(target))
        os.replace(temp_name, target)
        temp_name = None
        _fsync_folder(target.parent)
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the OS lets a folder be opened (not on Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # the new file is in place; only the durability of the rename is unknown
    finally:
        os.close(descriptor)


def _remove_left_over_temporaries(target: Path) -> None:
    """Temporary files of this target whose writer is gone (killed mid-write), or that are old."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(?:(\d+)\.)?[^.]+\.tmp")
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if found is None:
            continue
        writer = int(found.group(1)) if found.group(1) else None
        try:
            old = time.time() - entry.stat(follow_symlinks=False).st_mtime > _ABANDONED_AFTER
            if old or (writer is not None and writer != os.getpid() and not _running(writer)):
                os.unlink(entry.path)
        except OSError:
            pass  # gone already, or not ours to remove: the save goes on


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, as another user's process
    return True
