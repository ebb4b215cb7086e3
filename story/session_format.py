"""The session file's format: YAML written deterministically, read strictly with the safe loader.

A session holds hours of a reader's work and may come from anyone, so it is read with the safe
loader only, with every field checked and every refusal naming the line. The format is a contract:
``docs/contracts.md``, "Session file".
"""

from __future__ import annotations

import re
from copy import copy
from pathlib import Path

import yaml

from .collector import collector_paused
from .annotations import Anchor, Annotation, LinkVerdict, Mark, Session, SessionDocument, ViewState
from .documents import SESSION_KEY
from .safe_yaml import LineCounter, YamlProblem, parse_yaml
from .safe_yaml import quoted as _quoted
from ..highlighters.kept_patterns import compile_kept

FORMAT_VERSION = 1
MAX_SESSION_BYTES = 50 * 1024 * 1024
VERDICTS = ("confirmed", "rejected", "other-event", "manual")
_HEADER = "# sahel-reader reading session: notes, marks and link verdicts on the reports below.\n"
_PLAIN_KEY = compile_kept(r"[\w-]{1,40}", re.ASCII)


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
    """A problem at a key path of the file (None: the whole file)."""

    def __init__(self, where: tuple | None, message: str, *, at_key: bool = False) -> None:
        super().__init__(message)
        self.where, self.message, self.at_key = where, message, at_key


@collector_paused  # a session of thousands of notes is tens of thousands of objects, all kept
def session_from_yaml(text: str, path: str = "<session>") -> Session:
    """Parse and check a session file's text; any problem is a SessionError naming the line."""
    if len(text) > MAX_SESSION_BYTES:
        limit = MAX_SESSION_BYTES >> 20
        raise SessionError(path, None, f"session files over {limit} MB are refused")
    try:
        parsed = parse_yaml(text, "session file")
    except YamlProblem as problem:
        raise SessionError(path, problem.line, problem.message) from None
    try:
        return _read_session(parsed.data)
    except _Invalid as problem:
        known = parsed.root is not None and problem.where is not None
        line = _line_of(parsed.root, problem.where, problem.at_key, parsed.lines) if known else None
        raise SessionError(path, line, problem.message) from None


def _line_of(root: yaml.Node, where: tuple, at_key: bool, lines: LineCounter) -> int:
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
    return lines.line(node.start_mark)


def _name(where: tuple) -> str:
    """A key path as the reader sees it: ``annotations[3].start`` (items counted from 1).

    A key from the file that is not a plain word (a report id in ``view.cursors``) is quoted.
    """
    text = ""
    for part in where:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        elif not _PLAIN_KEY.fullmatch(part):
            text += f"[{_quoted(part)}]"
        else:
            text += f".{part}" if text else part
    return text or "the session"


def _number(value: int | float) -> str:
    """A number as a sentence can show it: a hundred digits would make the sentence a page."""
    shown = str(value)
    return shown if len(shown) <= 20 else f"{shown[:12]}… ({len(shown)} characters)"


def _kind(value: object) -> str:
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true/false"
    if isinstance(value, (int, float)):
        return f"the number {_number(value)}"
    if isinstance(value, str):
        return f"the text {_quoted(value)}"
    return {list: "a list", dict: "a mapping"}.get(type(value), f"a {type(value).__name__}")


_TEXT, _MAYBE_TEXT, _COUNT = "text", "text or null", "a whole number (0 or more)"
_FLAG, _LIST, _MAPPING = "true or false", "a list", "a mapping"
_VERDICT = "confirmed, rejected, other-event or manual"
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
            raise _Invalid(where + (str(key),), f"{_name(where)} has an unknown key {_quoted(key)}"
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
                                       f" {_number(version)}); this version reads format {FORMAT_VERSION}")
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
            raise _Invalid(at + ("id",), f"{_name(at + ('id',))} {_quoted(fields['id'])} is already"
                                         f" the id of {_name(seen[fields['id']])}")
        seen[fields["id"]] = at
