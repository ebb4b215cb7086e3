"""YAML from files anyone may have written (sessions, story manifests): read with limits, safely.

Only the safe loader's plain types are built, and only after the whole node tree has been checked:
no tag that could run code, no key given twice, no alias that refers to itself, and no YAML bomb
(a few lines whose aliases expand to billions of nodes). Every refusal is a ``YamlProblem``: one
sentence and the line, counted as editors count lines.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import yaml

from .collector import collector_paused
from ..highlighters.kept_patterns import compile_kept

MAX_ALIASES = 1000
MAX_ALIAS_EXPANSION = 100_000
"""Nodes that aliases may add when expanded; sahel-reader never writes aliases, so its files have none."""
_SAFE_TAGS = {f"tag:yaml.org,2002:{name}" for name in
              ("null", "bool", "int", "float", "str", "seq", "map", "timestamp", "merge")}


class YamlProblem(Exception):
    """Why a YAML text was refused: one sentence, and its 1-based line where there is one."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


@dataclass(slots=True)
class ParsedYaml:
    """The data built from a checked text, and its node tree (to name the line of a bad value)."""

    data: object
    root: yaml.Node | None
    lines: LineCounter


class LineCounter:
    """Line numbers of positions in a text, as an editor and ``grep -n`` count them (line feeds only).

    YAML also breaks lines at U+0085, U+2028 and U+2029, so its own count names lines the reader
    cannot find. Found by bisection, so that naming lines never costs the square of the file.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None

    def line(self, mark: yaml.Mark | int) -> int:
        index = mark if isinstance(mark, int) else mark.index
        if self._breaks is None:  # made once, on the first line asked for: most files are never asked
            self._breaks = [match.start() for match in re.finditer("\n", self.text)]
        return bisect.bisect_left(self._breaks, index) + 1


QUOTED_LENGTH = 40
"""Characters of a file's text quoted in a refusal, as shown: an escape counts its own length."""


def quoted(value: object) -> str:
    """Text from the file as one short quoted line: escapes for line breaks and controls, cut at
    ``QUOTED_LENGTH`` characters as shown (a character shown as ``\\U0001da8c`` is ten of them: cut
    before escaping, forty such made a refusal of 200 characters and more)."""
    text = str(value)
    end = min(len(text), QUOTED_LENGTH)
    while len(repr(text[:end])) > QUOTED_LENGTH + 2:  # the text and its quotes
        end -= 1
    return repr(text[:end]) + ("…" if end < len(text) else "")


@collector_paused  # tens of thousands of nodes, all kept: each full collection walked them all again
def parse_yaml(text: str, what: str) -> ParsedYaml:
    """Parse, check and build ``text``; any problem is a YamlProblem. ``what`` names the kind of file
    in refusals ("session file", "story manifest")."""
    plain = _parse_plain(text)
    if plain is not None:
        return plain
    lines = LineCounter(text)
    loader = root = None
    try:
        loader = _Loader(text, lines)  # checks every character first: a control character fails here
        root = loader.get_single_node()
        if root is not None:
            _check_nodes(root, loader, what)
        return ParsedYaml(loader.construct_document(root) if root is not None else None, root, lines)
    except yaml.reader.ReaderError as error:
        raise YamlProblem(f"this is not valid YAML (the character U+{error.character:04X} is not allowed"
                          " in it)", lines.line(error.position)) from None  # a position in the text: read as str
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlProblem(f"this is not valid YAML ({error.problem or error.context})",
                          lines.line(mark) if mark else None) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        raise YamlProblem(f"this is not valid YAML ({error})") from None
    except RecursionError:
        raise YamlProblem("the YAML is nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


_LIBYAML = getattr(yaml, "CSafeLoader", None)
"""The safe loader on libyaml's parser, where PyYAML was built with it: five times quicker to parse a
session of 2,000 notes (0.27 s against 1.45 s). It reads only what it cannot get wrong."""
_PLAIN_DEPTH = 100
"""Indentation and brackets under which a file counts as shallow: libyaml composes nested nodes by C
recursion, which no recursion limit guards, so a deep file is left to the checked loader."""
_DEEP_INDENT = compile_kept(rf"^[ \t-]{{{_PLAIN_DEPTH},}}", re.MULTILINE)


def _parse_plain(text: str) -> ParsedYaml | None:
    """``text`` parsed by libyaml when it is plain: every character allowed, shallow, no alias, only
    the safe tags, no key given twice, no error. None otherwise: the checked loader reads it, and any
    refusal is worded and placed as it always was."""
    if (_LIBYAML is None or yaml.reader.Reader.NON_PRINTABLE.search(text)
            or text.count("[") + text.count("{") > _PLAIN_DEPTH or _DEEP_INDENT.search(text)):
        return None
    loader = _LIBYAML(text)
    try:
        root = loader.get_single_node()
        if root is None or not _plain_tree(root):
            return None
        return ParsedYaml(loader.construct_document(root), root, LineCounter(text))
    except Exception:  # noqa: BLE001 - anything libyaml or the constructor finds: the checked loader says why
        return None
    finally:
        loader.dispose()


def _plain_tree(root: yaml.Node) -> bool:
    """Whether every node is met once (no alias), has a safe tag, and no mapping gives a key twice."""
    seen: set[int] = set()
    waiting = [root]
    while waiting:
        node = waiting.pop()
        if id(node) in seen or node.tag not in _SAFE_TAGS:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            waiting.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
            if len(set(keys)) != len(keys):
                return False
            waiting.extend(part for pair in node.value for part in pair)
    return True


class _Loader(yaml.SafeLoader):
    """The safe loader, counting aliases as it composes, so that a YAML bomb stops early."""

    def __init__(self, stream: str, lines: LineCounter) -> None:
        super().__init__(stream)
        self.lines = lines
        self.alias_targets: list[yaml.Node] = []
        self.first_alias: yaml.Mark | None = None

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if not self.check_event(yaml.AliasEvent):
            return super().compose_node(parent, index)
        if len(self.alias_targets) >= MAX_ALIASES:
            raise YamlProblem("too many YAML aliases (a YAML bomb?)", self.lines.line(self.peek_event().start_mark))
        self.first_alias = self.first_alias or self.peek_event().start_mark
        node = super().compose_node(parent, index)
        self.alias_targets.append(node)
        return node

    def construct_object(self, node, deep=False):  # type: ignore[no-untyped-def]
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError):  # a date that does not exist, a 5000-digit number
            kind = {"int": "a whole number", "float": "a number", "timestamp": "a date"}.get(
                node.tag.rsplit(":", 1)[-1], "a value")
            raise YamlProblem(f"{quoted(node.value)} cannot be read as {kind}",
                              self.lines.line(node.start_mark)) from None


def _check_nodes(root: yaml.Node, loader: _Loader, what: str) -> None:
    """Refuse unsafe tags, duplicate keys, recursive aliases and aliases that expand hugely."""
    lines = loader.lines
    sizes: dict[int, int] = {}  # nodes expanded, by node; -1 while being counted

    def size(node: yaml.Node) -> int:
        if id(node) in sizes:
            if sizes[id(node)] < 0:
                raise YamlProblem("a YAML alias refers to itself", lines.line(node.start_mark))
            return sizes[id(node)]
        sizes[id(node)] = -1
        if node.tag not in _SAFE_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(f"the YAML tag '{tag}' is not allowed in a {what}", lines.line(node.start_mark))
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value in keys:
                    raise YamlProblem(f"the key {quoted(key.value)} appears twice", lines.line(key.start_mark))
                keys.add(key.value if isinstance(key, yaml.ScalarNode) else "")
                total += size(key) + size(value)
        sizes[id(node)] = total
        return total

    size(root)
    if sum(sizes[id(node)] for node in loader.alias_targets) > MAX_ALIAS_EXPANSION:
        raise YamlProblem("too many YAML aliases (a YAML bomb?)", lines.line(loader.first_alias))
