"""Reading sessions on disk: atomic saving, loading with the reports found again and re-anchored.

Report paths in a shared session are untrusted, so files outside the session's folder are not read
without the caller's permission. What no longer fits its report is kept as an orphan, never dropped.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .anchoring import reanchor, reanchor_session
from .annotations import Session, SessionDocument
from .atomic import TargetChanged, real_target, write_atomically
from .documents import REPORT_SUFFIXES, bundled_seed_paths, load_paths
from .merging import MergeReport, merge_sessions
from .model import Document
from .session_format import (
    FORMAT_VERSION,
    MAX_SESSION_BYTES,
    SessionError,
    SessionSaveError,
    session_from_yaml,
    session_to_yaml,
)
from .session_paths import default_session_path
from .whereabouts import Whereabouts
from .wording import counted

_MAX_CANDIDATES = 1000

__all__ = [
    "FORMAT_VERSION", "DiskState", "LoadedSession", "SaveResult", "SessionError", "SessionSaveError",
    "default_session_path", "load_session", "new_session_documents", "reanchor", "save_session", "session_from_yaml",
    "session_to_yaml", "text_sha256", "work_in",
]


@dataclass(slots=True)
class LoadedSession:
    """A session, the reports it could open, what to tell the reader, and what to ask them."""

    session: Session
    documents: list[Document] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    needs_permission: list[str] = field(default_factory=list)
    """Paths outside the session's folder, not read: the UI asks, then passes allow_outside."""
    disk: DiskState | None = None
    """The file as read: the next save merges in what others wrote to it since."""


def text_sha256(text: str) -> str:
    """The hash saved for a report: of its text as loaded, UTF-8 encoded."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- saving ------------------------------------------------------------------------------------


@dataclass(slots=True)
class DiskState:
    """The session file as this reader last read or wrote it: its hash, and the session it held.

    A save that finds other bytes there knows that someone else wrote the file since, and merges.
    """

    sha256: str
    session: Session
    stamp: tuple[int, int] | None = None
    """The file's size and modification time then: a change of either is worth hashing it again."""

    @classmethod
    def unknown(cls) -> DiskState:
        """For a file this reader never read: all that it holds is someone else's work, to merge."""
        return cls("", Session())


def content_hash(path: Path) -> str | None:
    """The hash a DiskState keeps, of the file as it is now (None when it cannot be read)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None  # gone or unreadable: the next save says so


@dataclass(slots=True)
class SaveResult:
    """What a save wrote (ours, merged with the file's changes when it had changed), and how it went."""

    session: Session
    disk: DiskState
    merge: MergeReport | None = None
    """Set when the file had changed since it was read and its changes were merged in."""
    backup: Path | None = None


_ATTEMPTS = 3
"""Saves in a row that may find the file changed again while they wrote, before giving up."""


def save_session(session: Session, path: Path, *, known: DiskState | None = None,
                 texts: dict[str, str] | None = None) -> SaveResult:
    """Write the session atomically; the file is always the old one or the new one.

    ``known`` is the file as this reader last read or wrote it: when the file now holds other
    bytes, someone else wrote it since, and their work is merged in (``texts``, the reports as open
    here, re-anchor it) rather than overwritten. Without ``known`` a session there is replaced. The
    previous file is kept as ``<name>.bak``, written atomically too. A file there that is not a
    session this version can read is never overwritten.
    """
    path = Path(path)
    try:
        target = real_target(path)
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        for _ in range(_ATTEMPTS):
            try:
                return _save_once(session, path, target, known, texts or {})
            except TargetChanged:
                continue  # read it again, merge again
        raise SessionSaveError(path, "the session was not saved: another program kept writing the file")
    except SessionSaveError:
        raise
    except Exception as error:
        raise SessionSaveError(path, f"the session was not saved: {_why(error)}") from error


def _save_once(session: Session, path: Path, target: Path, known: DiskState | None,
               texts: dict[str, str]) -> SaveResult:
    old = target.read_bytes() if target.exists() else None
    old_hash = hashlib.sha256(old).hexdigest() if old else None
    merged, report = session, None
    if old and (known is None or old_hash != known.sha256):
        theirs = _readable_session(old, path)
        if known is not None:
            reanchor_session(theirs, texts)
            merged, report = merge_sessions(known.session, theirs, session)
    data = session_to_yaml(merged).encode("utf-8")
    mode = stat.S_IMODE(target.stat().st_mode) if old is not None else 0o600
    backup = None
    if old is not None:
        backup = target.with_name(target.name + ".bak")
        write_atomically(backup, old, mode=mode)

    def unchanged() -> bool:
        now = target.read_bytes() if target.exists() else None
        return now == old

    write_atomically(target, data, mode=mode, unchanged=unchanged)
    disk = DiskState(hashlib.sha256(data).hexdigest(), merged.copy(), file_stamp(target))
    return SaveResult(merged, disk, report, backup)


def file_stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and modification time (None when it cannot be looked at): cheap to watch."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _readable_session(data: bytes, path: Path) -> Session:
    try:
        return session_from_yaml(data.decode("utf-8-sig"), str(path))
    except (SessionError, UnicodeDecodeError):
        raise SessionSaveError(path, "the file there is not a session this version can read, so it was"
                                     " left as it is; save under another name") from None


def _why(error: Exception) -> str:
    reasons = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
               errno.EACCES: "permission denied", errno.EPERM: "permission denied",
               errno.EISDIR: "the path is a folder, not a file",
               errno.ENOENT: "the folder does not exist",
               errno.ENOTDIR: "part of the path is not a folder",
               errno.EROFS: "the disk is read-only"}
    if isinstance(error, OSError):
        return reasons.get(error.errno, error.strerror or str(error) or type(error).__name__)
    return str(error) or type(error).__name__


# --- loading -----------------------------------------------------------------------------------


def load_session(path: Path, *, allow_outside: bool = False) -> LoadedSession:
    """Read a session and open its reports, re-anchoring what moved and orphaning what is gone.

    Reports outside the session's folder tree are read only with ``allow_outside``; otherwise
    they are listed in ``needs_permission`` and treated as missing.
    """
    path = Path(path)
    stamp = file_stamp(path)
    data = _read_session_bytes(path)
    session = session_from_yaml(_decoded(data, path), str(path))
    folder = Path(os.path.realpath(path.parent))
    reports_by_hash = cache(lambda: _reports_by_hash(folder))  # listed only if one is missing
    loaded = LoadedSession(session)
    changed: set[str] = set()
    whereabouts = Whereabouts()
    for entry in session.documents:
        document = _open_document(entry, path, folder, reports_by_hash, allow_outside, loaded, whereabouts)
        if document is None:
            continue
        document.id = entry.id
        if text_sha256(document.text) != entry.sha256:
            changed.add(entry.id)
        entry.sha256 = text_sha256(document.text)  # the anchors now point into this text
        entry.text = document.text if entry.text is not None else None
        loaded.documents.append(document)
    if (note := whereabouts.note(path)) is not None:
        loaded.notes.append(note)
    moved, orphaned = reanchor_session(session, {d.id: d.text for d in loaded.documents})
    for document in loaded.documents:
        counts = (f"{counted(moved.get(document.id, 0), 'note')} re-anchored,"
                  f" {orphaned.get(document.id, 0)} orphaned")
        if document.id in changed:
            what = "the report changed since the session was saved"
        elif moved.get(document.id) or orphaned.get(document.id):
            what = "some notes no longer matched the report where they were saved"
        else:
            continue
        loaded.notes.append(f"{document.path}: {what}; {counts}.")
    loaded.disk = DiskState(hashlib.sha256(data).hexdigest(), session.copy(), stamp)
    return loaded


def _read_session_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise SessionError(path, None, "this is a folder, not a session file")
        size = path.stat().st_size
        if size > MAX_SESSION_BYTES:
            raise SessionError(path, None, f"the file is {size / 1_048_576:.1f} MB; session files"
                                           f" over {MAX_SESSION_BYTES >> 20} MB are refused")
        return path.read_bytes()
    except OSError as error:
        raise SessionError(path, None, f"this file cannot be read ({_why(error)})") from None


def _decoded(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SessionError(path, None, "this file is not valid UTF-8 text, so not a session file") from None


def _open_document(entry: SessionDocument, session_path: Path, folder: Path,
                   reports_by_hash: Callable[[], dict[str, Path]], allow_outside: bool,
                   loaded: LoadedSession, whereabouts: Whereabouts) -> Document | None:
    """The report at its path, else the same text near the session, else the embedded copy."""
    try:
        target: Path | None = Path(os.path.realpath(folder / entry.path))
    except (OSError, ValueError):  # a NUL byte, a name too long: no file can be there
        target = None
    outside = target is not None and not allow_outside and not _is_trusted(target, folder)
    readable = target is not None and not outside
    where = f"{session_path}: report {entry.id} ({entry.path})"
    if readable:
        document, problem = _read_report(target)
        if document is not None:
            return document
        if problem is not None:
            loaded.notes.append(problem)
    # The text's own hash too, for an embedded copy: the recorded one may be what was damaged.
    hashes = [entry.sha256, *([text_sha256(entry.text)] if entry.text is not None else [])]
    found = next((reports_by_hash()[h] for h in hashes if h in reports_by_hash()), None)
    document = _read_report(found)[0] if found is not None else None
    if document is not None and text_sha256(document.text) in hashes:
        entry.path = _stored_path(found, folder)
        whereabouts.found.append((entry.id, found))
        return document
    document = _document_from_text(entry, target) if entry.text is not None else None
    if document is not None:
        whereabouts.embedded.append(entry.id)
    elif not outside:
        whereabouts.missing.append(entry.id)
    else:
        loaded.needs_permission.append(str(target))
        loaded.notes.append(f"{where} is outside the session's folder and was not read; its"
                            " notes are kept as orphans unless you allow it.")
    return document


def _is_trusted(path: Path, folder: Path) -> bool:
    """Inside the session's folder tree (symbolic links followed), or a bundled report."""
    bundled = {Path(os.path.realpath(seed)) for seed in bundled_seed_paths()}
    return path.is_relative_to(folder) or path in bundled


def _read_report(path: Path) -> tuple[Document | None, str | None]:
    """One report file loaded as the reader loads reports, or why not (None: it is not there)."""
    try:
        if not path.is_file():
            return None, None
    except OSError:  # a name too long, a loop of links
        return None, None
    if path.suffix.lower() not in REPORT_SUFFIXES:
        return None, f"{path}: not a report file (.txt, .md or .html)."
    result = load_paths([path])
    if result.errors or len(result.documents) != 1:
        return None, result.errors[0].message if result.errors else f"{path}: no report in it."
    return result.documents[0], None


def _document_from_text(entry: SessionDocument, path: Path | None) -> Document | None:
    """A Document of embedded text, made by the loader itself so that its sentences match."""
    suffix = ".md" if Path(entry.path).suffix.lower() in {".md", ".markdown"} else ".txt"
    with tempfile.TemporaryDirectory() as scratch:
        scratch_file = Path(scratch) / f"report{suffix}"
        # The loader drops one byte order mark: this one, so that a text's own stays in it.
        scratch_file.write_bytes(codecs.BOM_UTF8 + entry.text.encode("utf-8", "surrogatepass"))
        document = _read_report(scratch_file)[0]
    if document is not None:
        document.path = str(path or entry.path)  # where it was: saving again keeps the path
    return document


def _reports_by_hash(folder: Path) -> dict[str, Path]:
    """Reports in the session's folder and its subfolders, and the bundled ones, by text hash.

    The bundled reports are included because their install path changes with the environment.
    """
    places = [folder, *(entry for entry in _entries(folder) if entry.is_dir())]
    candidates = [entry for place in places for entry in _entries(place)
                  if entry.suffix.lower() in REPORT_SUFFIXES and entry.is_file()
                  and Path(os.path.realpath(entry)).is_relative_to(folder)]
    by_hash: dict[str, Path] = {}
    for candidate in candidates[:_MAX_CANDIDATES] + bundled_seed_paths():
        document = _read_report(candidate)[0]
        if document is not None:
            by_hash.setdefault(text_sha256(document.text), candidate)
    return by_hash


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(entry for entry in folder.iterdir() if not entry.name.startswith("."))
    except OSError:
        return []


def _stored_path(report: Path, folder: Path) -> str:
    """Relative to the session's folder when inside it (they travel together), else absolute."""
    report = Path(os.path.realpath(report))
    return report.relative_to(folder).as_posix() if report.is_relative_to(folder) else str(report)


def new_session_documents(documents: list[Document], session_path: Path, *, embed: bool = False,
                          others: list[SessionDocument] = (), others_from: Path | None = None
                          ) -> list[SessionDocument]:
    """The session's record of loaded reports: each text's hash, its path from the session.

    ``others`` are reports the session names that are not open (missing, or not allowed), kept so
    that their notes keep their report; their paths, relative to ``others_from`` (the session file
    they were read from), are made relative to ``session_path``.
    """
    folder = Path(os.path.realpath(Path(session_path).parent))
    recorded = [SessionDocument(d.id, _stored_path(Path(d.path), folder), text_sha256(d.text),
                                d.text if embed else None) for d in documents]
    opened = {d.id for d in documents}
    was = Path(os.path.realpath(Path(others_from).parent)) if others_from is not None else folder
    recorded += [replace(d, path=_stored_path(was / d.path, folder), text=d.text if embed else None)
                 for d in others if d.id not in opened]
    return recorded


def work_in(path: Path) -> int | None:
    """How many notes, marks and verdicts a session file at ``path`` holds; None when there is no
    session there this version can read (so nothing a save could merge)."""
    try:
        return session_from_yaml(_decoded(_read_session_bytes(Path(path)), Path(path)), str(path)).work_count()
    except SessionError:
        return None