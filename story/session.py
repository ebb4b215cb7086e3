"""Reading sessions on disk: the YAML file, strict loading, atomic saving, re-anchoring.

A session holds hours of a reader's work, so it is written atomically, read with the safe loader
only, checked field by field, and never silently trimmed: what no longer fits its report is kept
as an orphan. Report paths in a shared session are untrusted, so files outside the session's
folder are not read without the caller's permission.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, field
from functools import cache
from os.path import commonprefix
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from .annotations import Anchor, Annotation, LinkVerdict, Mark, Session, SessionDocument, ViewState
from .documents import REPORT_SUFFIXES, SESSION_KEY, bundled_seed_paths, load_paths
from .model import Document

FORMAT_VERSION = 1
MAX_SESSION_BYTES = 50 * 1024 * 1024
MAX_ALIASES = 1000
MAX_ALIAS_EXPANSION = 100_000
"""Nodes that aliases may add when expanded; we never write aliases, so real files have none."""
VERDICTS = ("confirmed", "rejected", "manual")
FUZZY_WINDOW = 2000
FUZZY_WHOLE_TEXT_LIMIT = 200_000
FUZZY_ACCEPT = 80.0
_MAX_CANDIDATES = 1000
_HEADER = "# sahel-reader reading session: notes, marks and link verdicts on the reports below.\n"
_SAFE_TAGS = {f"tag:yaml.org,2002:{name}" for name in
              ("null", "bool", "int", "float", "str", "seq", "map", "timestamp", "merge")}


class SessionError(Exception):
    """A session file that cannot be loaded: where, and one sentence on why."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message.rstrip(".")
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line else self.path
        return f"{where}: {self.message}."


class SessionSaveError(Exception):
    """A session that could not be saved; the previous file is left as it was."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path, self.message = str(path), message.rstrip(".")
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}."


@dataclass(slots=True)
class LoadedSession:
    """A session, the reports it could open, what to tell the reader, and what to ask them."""

    session: Session
    documents: list[Document] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    needs_permission: list[str] = field(default_factory=list)
    """Paths outside the session's folder, not read: the UI asks, then passes allow_outside."""


def text_sha256(text: str) -> str:
    """The hash saved for a report: of its text as loaded, UTF-8 encoded."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- writing -----------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Safe output a person can read: notes as ``|`` blocks, tags on one line, no aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True  # a list used twice is written twice: no anchors for readers to trip on


class _Flow(list):
    """A short list written on one line (tags)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # The emitter falls back to double quotes where a block is not allowed (trailing spaces...);
    # unicode line breaks only survive as escapes: PyYAML folds them in the other styles.
    style = '"' if any(c in value for c in "\x85\u2028\u2029") else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Flow, lambda dumper, value: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", value, flow_style=True))


def _anchor_fields(anchor: Anchor) -> dict:
    return {"doc": anchor.doc, "exact": anchor.exact, "prefix": anchor.prefix,
            "suffix": anchor.suffix, "start": anchor.start, "end": anchor.end}


def _orphan(fields: dict, orphan: bool) -> dict:
    return fields | {"orphan": True} if orphan else fields


def session_to_yaml(session: Session) -> str:
    """The file text; the same session always gives the same text."""
    documents = [{"id": d.id, "path": d.path, "sha256": d.sha256}
                 | ({"text": d.text} if session.embed and d.text is not None else {})
                 for d in session.documents]
    annotations = [_orphan({"id": a.id, **_anchor_fields(a.anchor), "note": a.note,
                            "tags": _Flow(a.tags), "created": a.created, "modified": a.modified},
                           a.orphan) for a in session.annotations]
    marks = [_orphan({**_anchor_fields(m.anchor), "created": m.created}, m.orphan)
             for m in session.marks]
    verdicts = [_orphan({"verdict": v.verdict, "source": _anchor_fields(v.source),
                         "target": _anchor_fields(v.target), "created": v.created}, v.orphan)
                for v in session.link_verdicts]
    view = {"focused": session.view.focused, "cursors": dict(sorted(session.view.cursors.items())),
            "theme": session.view.theme}
    data = {SESSION_KEY: FORMAT_VERSION, "title": session.title, "documents": documents,
            "annotations": annotations, "marks": marks, "link_verdicts": verdicts, "view": view}
    return _HEADER + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                               default_flow_style=False, width=1 << 30, indent=2)


# --- reading -----------------------------------------------------------------------------------


class _Invalid(Exception):
    """A problem at a key path of the file (None: the whole file), or at a line already known."""

    def __init__(self, where: tuple | None, message: str, *, at_key: bool = False,
                 line: int | None = None) -> None:
        super().__init__(message)
        self.where, self.message, self.at_key, self.line = where, message, at_key, line


class _Loader(yaml.SafeLoader):
    """The safe loader, counting aliases as it composes, so that a YAML bomb stops early."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_targets: list[yaml.Node] = []

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if not self.check_event(yaml.AliasEvent):
            return super().compose_node(parent, index)
        if len(self.alias_targets) >= MAX_ALIASES:
            line = self.peek_event().start_mark.line + 1
            raise _Invalid(None, "too many YAML aliases (a YAML bomb?)", line=line)
        node = super().compose_node(parent, index)
        self.alias_targets.append(node)
        return node


def session_from_yaml(text: str, path: str = "<session>") -> Session:
    """Parse and check a session file's text; any problem is a SessionError naming the line."""
    if len(text) > MAX_SESSION_BYTES:
        limit = MAX_SESSION_BYTES >> 20
        raise SessionError(path, None, f"session files over {limit} MB are refused")
    loader = _Loader(text)
    root = None
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_nodes(root, loader.alias_targets)
        return _read_session(loader.construct_document(root) if root is not None else None)
    except _Invalid as problem:
        known = root is not None and problem.where is not None
        line = problem.line or (_line_of(root, problem.where, problem.at_key) if known else None)
        raise SessionError(path, line, problem.message) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise SessionError(path, mark.line + 1 if mark else None,
                           f"this is not valid YAML ({error.problem or error.context})") from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        raise SessionError(path, None, f"this is not valid YAML ({error})") from None
    except RecursionError:
        raise SessionError(path, None, "the YAML is nested too deeply") from None
    finally:
        loader.dispose()


def _check_nodes(root: yaml.Node, alias_targets: list[yaml.Node]) -> None:
    """Refuse unsafe tags, duplicate keys, recursive aliases and aliases that expand hugely."""
    sizes: dict[int, int] = {}  # nodes expanded, by node; -1 while being counted

    def size(node: yaml.Node) -> int:
        line = node.start_mark.line + 1
        if id(node) in sizes:
            if sizes[id(node)] < 0:
                raise _Invalid(None, "a YAML alias refers to itself", line=line)
            return sizes[id(node)]
        sizes[id(node)] = -1
        if node.tag not in _SAFE_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Invalid(None, f"the YAML tag '{tag}' is not allowed in a session file",
                           line=line)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value in keys:
                    raise _Invalid(None, f"the key '{key.value}' appears twice",
                                   line=key.start_mark.line + 1)
                keys.add(key.value if isinstance(key, yaml.ScalarNode) else "")
                total += size(key) + size(value)
        sizes[id(node)] = total
        return total

    size(root)
    if sum(sizes[id(node)] for node in alias_targets) > MAX_ALIAS_EXPANSION:
        raise _Invalid(None, "too many YAML aliases (a YAML bomb?)")


def _line_of(root: yaml.Node, where: tuple, at_key: bool) -> int:
    """The 1-based line of the node at a key path (or of its key), else of its nearest parent."""
    node = root
    for depth, part in enumerate(where):
        if isinstance(node, yaml.MappingNode):
            pair = next(((key, value) for key, value in node.value
                         if isinstance(key, yaml.ScalarNode) and key.value == str(part)), None)
            if pair is None:
                break
            node = pair[0] if at_key and depth == len(where) - 1 else pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
                and part < len(node.value):
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1


def _name(where: tuple) -> str:
    """A key path as the reader sees it: ``annotations[3].start`` (items counted from 1)."""
    text = ""
    for part in where:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or "the session"


def _kind(value: object) -> str:
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return {list: "a list", dict: "a mapping"}.get(type(value), f"a {type(value).__name__}")


_TEXT, _MAYBE_TEXT, _COUNT = "text", "text or null", "a whole number (0 or more)"
_FLAG, _LIST, _MAPPING = "true or false", "a list", "a mapping"
_VERDICT = "confirmed, rejected or manual"
_KINDS = {
    _TEXT: lambda v: isinstance(v, str),
    _MAYBE_TEXT: lambda v: v is None or isinstance(v, str),
    _COUNT: lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
    _FLAG: lambda v: isinstance(v, bool),
    _LIST: lambda v: isinstance(v, list),
    _MAPPING: lambda v: isinstance(v, dict),
    _VERDICT: lambda v: isinstance(v, str) and v in VERDICTS,
}
_REQUIRED = object()
# Each key's kind, or (kind, default) when it may be left out.
_ANCHOR = {"doc": _TEXT, "exact": _TEXT, "prefix": (_TEXT, ""), "suffix": (_TEXT, ""),
           "start": _COUNT, "end": _COUNT}
_TRACE = {"created": (_TEXT, ""), "orphan": (_FLAG, False)}
_SCHEMAS = {
    "": {SESSION_KEY: _COUNT, "title": (_MAYBE_TEXT, None), "documents": (_LIST, []),
         "annotations": (_LIST, []), "marks": (_LIST, []), "link_verdicts": (_LIST, []),
         "view": (_MAPPING, {})},
    "documents": {"id": _TEXT, "path": _TEXT, "sha256": _TEXT, "text": (_MAYBE_TEXT, None)},
    "annotations": {"id": _TEXT, **_ANCHOR, "note": (_TEXT, ""), "tags": (_LIST, []), **_TRACE,
                    "modified": (_TEXT, "")},
    "marks": {**_ANCHOR, **_TRACE},
    "link_verdicts": {"verdict": _VERDICT, "source": _MAPPING, "target": _MAPPING, **_TRACE},
    "view": {"focused": (_MAYBE_TEXT, None), "cursors": (_MAPPING, {}),
             "theme": (_MAYBE_TEXT, None)},
}


def _want(value: object, where: tuple, kind: str) -> object:
    if not _KINDS[kind](value):
        raise _Invalid(where, f"{_name(where)} must be {kind}, not {_kind(value)}")
    return value


def _fields(value: object, where: tuple, schema: dict) -> dict:
    """A mapping's values, checked, with defaults for the keys left out."""
    _want(value, where, _MAPPING)
    for key in value:
        # A key we do not know is most likely a newer version's: refused rather than dropped,
        # because saving the session again would silently lose what that version stored there.
        if key not in schema:
            raise _Invalid(where + (str(key),), f"{_name(where)} has an unknown key '{key}'"
                           " (written by a newer sahel-reader?)", at_key=True)
    fields = {}
    for key, spec in schema.items():
        kind, default = spec if isinstance(spec, tuple) else (spec, _REQUIRED)
        if key in value:
            fields[key] = _want(value[key], where + (key,), kind)
        elif default is _REQUIRED:
            raise _Invalid(where, f"{_name(where)} lacks the required key '{key}'")
        else:
            fields[key] = copy(default)
    return fields


def _anchor(fields: dict, where: tuple) -> Anchor:
    start, end = fields["start"], fields["end"]
    if end < start:
        where += ("end",)
        raise _Invalid(where, f"{_name(where)} ({end}) is before its start ({start})")
    return Anchor(fields["doc"], start, end, fields["exact"], fields["prefix"], fields["suffix"])


def _read_session(data: object) -> Session:
    if not isinstance(data, dict) or SESSION_KEY not in data:
        raise _Invalid(None, "this is not a sahel-reader session file")
    version = data[SESSION_KEY]
    if not _KINDS[_COUNT](version) or version < 1:
        raise _Invalid((SESSION_KEY,), f"{SESSION_KEY} must be a format version (a whole number"
                                       f" from 1), not {_kind(version)}")
    if version > FORMAT_VERSION:
        raise _Invalid((SESSION_KEY,), f"this session was written by a newer sahel-reader (format"
                                       f" {version}); this version reads format {FORMAT_VERSION}")
    top = _fields(data, (), _SCHEMAS[""])

    def items(kind: str) -> list[tuple[tuple, dict]]:
        return [((kind, i), _fields(item, (kind, i), _SCHEMAS[kind]))
                for i, item in enumerate(top[kind])]

    documents, annotations = items("documents"), items("annotations")
    _refuse_duplicate_ids(documents)
    _refuse_duplicate_ids(annotations)
    session = Session([SessionDocument(**fields) for _, fields in documents], title=top["title"])
    session.embed = any(document.text is not None for document in session.documents)
    for at, f in annotations:
        tags = [_want(tag, at + ("tags", n), _TEXT) for n, tag in enumerate(f["tags"])]
        session.annotations.append(Annotation(f["id"], _anchor(f, at), f["note"], tags,
                                              f["created"], f["modified"], f["orphan"]))
    session.marks = [Mark(_anchor(f, at), f["created"], f["orphan"]) for at, f in items("marks")]
    for at, f in items("link_verdicts"):
        source, target = (_anchor(_fields(f[end], at + (end,), _ANCHOR), at + (end,))
                          for end in ("source", "target"))
        session.link_verdicts.append(LinkVerdict(f["verdict"], source, target, f["created"],
                                                 f["orphan"]))
    view = _fields(top["view"], ("view",), _SCHEMAS["view"])
    where = ("view", "cursors")
    cursors = {_want(doc, where + (str(doc),), _TEXT): _want(n, where + (str(doc),), _COUNT)
               for doc, n in view["cursors"].items()}
    session.view = ViewState(view["focused"], cursors, view["theme"])
    return session


def _refuse_duplicate_ids(items: list[tuple[tuple, dict]]) -> None:
    seen: dict[str, tuple] = {}
    for at, fields in items:
        if fields["id"] in seen:
            raise _Invalid(at + ("id",), f"{_name(at + ('id',))} '{fields['id']}' is already"
                                         f" the id of {_name(seen[fields['id']])}")
        seen[fields["id"]] = at


# --- saving ------------------------------------------------------------------------------------


def save_session(session: Session, path: Path) -> None:
    """Write the session atomically: the file at ``path`` is always the old one or the new one.

    The previous file is copied (not moved) to ``<name>.bak`` first, so the path never goes away.
    A file there that is not a session this version can read is never overwritten.
    """
    path = Path(path)
    data = session_to_yaml(session).encode("utf-8")
    temp_name = None
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if path.exists() and path.stat().st_size:
            try:
                session_from_yaml(path.read_bytes().decode("utf-8-sig"), str(path))
            except (SessionError, UnicodeDecodeError):
                raise SessionSaveError(path, "the file there is not a session this version can"
                                             " read, so it was left as it is; save under another"
                                             " name") from None
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False) as temp:
            temp_name = temp.name
            unwritten = memoryview(data)
            while unwritten:
                unwritten = unwritten[os.write(temp.fileno(), unwritten):]
            os.fsync(temp.fileno())
        if path.exists():
            shutil.copymode(path, temp_name)
            shutil.copyfile(path, path.with_name(path.name + ".bak"))
        os.replace(temp_name, path)
        temp_name = None
        _fsync_folder(path.parent)
    except SessionSaveError:
        raise
    except Exception as error:
        raise SessionSaveError(path, f"the session was not saved: {_why(error)}") from error
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
    session = session_from_yaml(_read_session_text(path), str(path))
    folder = Path(os.path.realpath(path.parent))
    reports_by_hash = cache(lambda: _reports_by_hash(folder))  # listed only if one is missing
    loaded = LoadedSession(session)
    changed: set[str] = set()
    for entry in session.documents:
        document = _open_document(entry, path, folder, reports_by_hash, allow_outside, loaded)
        if document is None:
            continue
        document.id = entry.id
        if text_sha256(document.text) != entry.sha256:
            changed.add(entry.id)
        entry.sha256 = text_sha256(document.text)  # the anchors now point into this text
        entry.text = document.text if entry.text is not None else None
        loaded.documents.append(document)
    moved, orphaned = _reanchor_session(session, {d.id: d.text for d in loaded.documents})
    for document in loaded.documents:
        counts = (f"{_plural(moved.get(document.id, 0), 'note')} re-anchored,"
                  f" {orphaned.get(document.id, 0)} orphaned")
        if document.id in changed:
            what = "the report changed since the session was saved"
        elif moved.get(document.id) or orphaned.get(document.id):
            what = "some notes no longer matched the report where they were saved"
        else:
            continue
        loaded.notes.append(f"{document.path}: {what}; {counts}.")
    return loaded


def _read_session_text(path: Path) -> str:
    try:
        if path.is_dir():
            raise SessionError(path, None, "this is a folder, not a session file")
        size = path.stat().st_size
        if size > MAX_SESSION_BYTES:
            raise SessionError(path, None, f"the file is {size / 1_048_576:.1f} MB; session files"
                                           f" over {MAX_SESSION_BYTES >> 20} MB are refused")
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SessionError(path, None, "this file is not valid UTF-8 text, so not a session"
                                       " file") from None
    except OSError as error:
        raise SessionError(path, None, f"this file cannot be read ({_why(error)})") from None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _open_document(entry: SessionDocument, session_path: Path, folder: Path,
                   reports_by_hash: Callable[[], dict[str, Path]], allow_outside: bool,
                   loaded: LoadedSession) -> Document | None:
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
    found = reports_by_hash().get(entry.sha256)
    document = _read_report(found)[0] if found is not None else None
    if document is not None and text_sha256(document.text) == entry.sha256:
        entry.path = _stored_path(found, folder)
        loaded.notes.append(f"{where} was not there; the same text was found at {found}.")
        return document
    document = _document_from_text(entry, target) if entry.text is not None else None
    if document is not None:
        loaded.notes.append(f"{where} is missing; the copy embedded in the session is used.")
    elif not outside:
        loaded.notes.append(f"{where} is missing; its notes are kept as orphans.")
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
        scratch_file.write_bytes(entry.text.encode("utf-8", "surrogatepass"))
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


def new_session_documents(documents: list[Document], session_path: Path, *,
                          embed: bool = False) -> list[SessionDocument]:
    """The session's record of loaded reports: each text's hash, its path from the session."""
    folder = Path(os.path.realpath(Path(session_path).parent))
    return [SessionDocument(d.id, _stored_path(Path(d.path), folder), text_sha256(d.text),
                            d.text if embed else None) for d in documents]


# --- re-anchoring ------------------------------------------------------------------------------


def _reanchor_session(session: Session,
                      texts: dict[str, str]) -> tuple[dict[str, int], dict[str, int]]:
    """Re-anchor everything in place; how many anchors moved and were orphaned, per report."""
    moved: dict[str, int] = {}
    orphaned: dict[str, int] = {}

    def place(anchor: Anchor) -> Anchor | None:
        if anchor.doc not in texts:
            return None
        new = reanchor(anchor, texts[anchor.doc])
        tally = orphaned if new is None else moved if new != anchor else {}
        tally[anchor.doc] = tally.get(anchor.doc, 0) + 1
        return new

    for item in [*session.annotations, *session.marks]:
        new = place(item.anchor)
        item.orphan, item.anchor = new is None, new or item.anchor  # orphans keep their old anchor
    for verdict in session.link_verdicts:
        source, target = place(verdict.source), place(verdict.target)
        verdict.orphan = source is None or target is None
        verdict.source, verdict.target = source or verdict.source, target or verdict.target
    return moved, orphaned


def reanchor(anchor: Anchor, text: str) -> Anchor | None:
    """The anchor found again in changed text: same offsets, exact quote, fuzzy match; or None."""
    start, end = anchor.start, anchor.end
    if 0 <= start <= end <= len(text) and text[start:end] == anchor.exact:
        return anchor
    if not anchor.exact:
        return None
    span = _by_exact_quote(anchor, text) or _by_fuzzy_match(anchor, text)
    return Anchor.of(anchor.doc, text, *span) if span else None


def _context_agreement(anchor: Anchor, text: str, start: int, end: int) -> int:
    """How many characters of the saved prefix and suffix agree around ``[start, end)``."""
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    return (len(commonprefix([before[::-1], anchor.prefix[::-1]]))
            + len(commonprefix([after, anchor.suffix])))


def _by_exact_quote(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """The occurrence whose context agrees best, then the one nearest the old offset."""
    starts, found = [], text.find(anchor.exact)
    while found != -1:
        starts.append(found)
        found = text.find(anchor.exact, found + 1)
    if not starts:
        return None
    size = len(anchor.exact)
    best = max(starts, key=lambda start: (_context_agreement(anchor, text, start, start + size),
                                          -abs(start - anchor.start)))
    return best, best + size


def _score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """0.6 quote + 0.2 prefix + 0.2 suffix, each scored 0 to 100."""
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    return (0.6 * fuzz.ratio(anchor.exact, text[start:end])
            + 0.2 * fuzz.ratio(anchor.prefix, before) + 0.2 * fuzz.ratio(anchor.suffix, after))


def _by_fuzzy_match(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Near the old place first, then anywhere in texts of ordinary size: O(text) per anchor."""
    centre = min(anchor.start, len(text))
    reach = len(anchor.exact) + FUZZY_WINDOW
    near = (max(0, centre - FUZZY_WINDOW), min(len(text), centre + reach))
    windows = [near]
    if near != (0, len(text)) and len(text) <= FUZZY_WHOLE_TEXT_LIMIT:
        windows.append((0, len(text)))
    for low, high in windows:
        found = fuzz.partial_ratio_alignment(anchor.exact, text[low:high], score_cutoff=60)
        if found is None:
            continue
        spans = _refined(anchor, text, low + found.dest_start, low + found.dest_end)
        best = max(spans, key=lambda span: _score(anchor, text, *span), default=None)
        if best is not None and _score(anchor, text, *best) >= FUZZY_ACCEPT:
            return best
    return None


def _refined(anchor: Anchor, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The aligned span, and the spans whose ends sit where the saved prefix and suffix now are.

    The alignment has the quote's length, so words added or removed inside it shift its far end.
    """
    slack = max(8, len(anchor.exact) // 2)
    starts, ends = [start], [end]
    if anchor.prefix:
        low = max(0, start - slack - len(anchor.prefix))
        hit = fuzz.partial_ratio_alignment(anchor.prefix, text[low:start + slack], score_cutoff=80)
        starts += [low + hit.dest_end] if hit else []
    if anchor.suffix:
        low = max(0, end - slack)
        window = text[low:end + slack + len(anchor.suffix)]
        hit = fuzz.partial_ratio_alignment(anchor.suffix, window, score_cutoff=80)
        ends += [low + hit.dest_start] if hit else []
    return [(s, e) for s in starts for e in ends if s < e]
