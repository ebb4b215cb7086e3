"""Unsaved work kept where a crash cannot take it: one recovery file per running reader.

Each reader of a story writes its own file (named after the story's reports and the reader's
instance) and holds a lock on a companion file while it runs; the lock goes with the process,
however it ends. The next reader of the same reports is offered the files whose reader is gone,
never those of a reader still open, and restoring merges them into what it has open. A file is
removed only once its work is safe elsewhere: saved, or in the recovery file of the reader that
took it over.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
from dataclasses import replace
from pathlib import Path

from .anchoring import reanchor_session
from .annotations import Session
from .atomic import write_atomically
from .merging import MergeReport, merge_sessions
from .model import Document
from .session import new_session_documents
from .session_format import SessionError, session_from_yaml, session_to_yaml

try:
    import fcntl
except ImportError:  # not on Windows: there, every file left by another reader is offered
    fcntl = None


def recovery_folder() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "sahel-reader" / "recovery"


def story_key(paths: list[str]) -> str:
    """The same for the same reports, whatever order they were given in and whatever their names
    hold (a name that is not UTF-8 is hashed as the bytes it is)."""
    real = sorted(os.fsencode(os.path.realpath(path)) for path in paths)
    return hashlib.sha256(b"\n".join(real)).hexdigest()[:16]


class Recovery:
    """This reader's recovery file for one story, and the files earlier readers of it left behind."""

    def __init__(self, paths: list[str], folder: Path | None = None) -> None:
        self.folder = folder or recovery_folder()
        self.key = story_key(paths)
        self.instance = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.path = self.folder / f"{self.key}.{self.instance}.yaml"
        self._lock: int | None = None
        self._writing = threading.Lock()
        self._newest = -1
        """The newest revision of the work kept: written here, or saved to the session."""

    def write(self, session: Session, documents: list[Document], revision: int) -> None:
        """Keep ``session``; the reports' texts are not copied (the reader has them open).

        Writes from several threads keep the latest ``revision``: an older one finishing last, or
        one of work already saved, is skipped.
        """
        with self._writing:
            if revision <= self._newest:
                return
            self._hold_lock()
            kept = replace(session, documents=new_session_documents(documents, self.path), embed=False)
            write_atomically(self.path, session_to_yaml(kept).encode("utf-8"), mode=0o600)
            self._newest = revision

    def saved(self, revision: int, adopted: list[Path] = ()) -> None:
        """The work up to ``revision`` is in the session file: this reader's recovery file, and the
        ones it took over, are no longer needed (a write still under way is skipped)."""
        with self._writing:
            self._newest = max(self._newest, revision)
            self.discard([self.path, *adopted])

    def forget(self) -> None:
        """The reader quits without saving: nothing of this run is kept, now or by a late write."""
        self.saved(float("inf"))

    def left_behind(self) -> list[Path]:
        """Recovery files of this story whose reader is no longer running, oldest first."""
        found = []
        for path in self._candidates():
            instance = path.name[len(self.key) + 1:-len(".yaml")]
            if path != self.path and (not instance or not _held(self.folder / f"{self.key}.{instance}.lock")):
                found.append(path)
        return sorted(found, key=_modified)

    def discard(self, paths: list[Path]) -> None:
        """Remove recovery files (this reader's own, or ones whose work is now safe elsewhere)."""
        for path in paths:
            path.unlink(missing_ok=True)
            if path != self.path:
                path.with_suffix(".lock").unlink(missing_ok=True)

    def close(self) -> None:
        """As the reader ends: its lock goes, and its file stays only if it holds unsaved work."""
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None
            (self.folder / f"{self.key}.{self.instance}.lock").unlink(missing_ok=True)

    def _hold_lock(self) -> None:
        if self._lock is not None:
            return
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(self.folder / f"{self.key}.{self.instance}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._lock = descriptor

    def _candidates(self) -> list[Path]:
        try:
            return [entry for entry in self.folder.iterdir()
                    if entry.name.startswith(f"{self.key}.") and entry.suffix == ".yaml"]
        except OSError:
            return []


def read_recovered(path: Path) -> Session:
    """A recovery file's session (SessionError when it cannot be read)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SessionError(path, None, f"this file cannot be read ({error})") from None
    return session_from_yaml(text, str(path))


def restore(current: Session, recovered: list[Session], texts: dict[str, str]) -> tuple[Session, MergeReport]:
    """``current`` with the recovered work merged in, each note placed on its sentence in ``texts``.

    Nothing is replaced: what the open session holds stays, and a note both have in two versions
    is kept in both. The reports, and whether their texts are embedded, are the open session's.
    """
    total = MergeReport()
    for session in recovered:
        reanchor_session(session, texts)
        session.documents = [d for d in session.documents if d.id in texts]
        current, report = merge_sessions(Session(), session, current)
        total.added += report.added
        total.kept_both += report.kept_both
    return current, total


def _held(lock: Path) -> bool:
    """Whether a running reader holds this lock (a reader that died let it go)."""
    if fcntl is None or not lock.exists():
        return False
    try:
        descriptor = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)  # closing lets go of the lock, if it was taken
    return False


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
