"""Session files that must be refused, each with one sentence naming the file and the line.

A refused file is never changed, and nothing in it is ever executed or read from outside the
session's folder without permission.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sahel_reader.story import session as session_module
from sahel_reader.story.session import (
    SessionError,
    load_session,
    session_from_yaml,
)
from valid_session import valid_yaml


def refuse(text: str, tmp_path: Path) -> SessionError:
    """Refused both as text and as a file, and the file is left exactly as it was."""
    with pytest.raises(SessionError) as as_text:
        session_from_yaml(text, "given.yaml")
    path = tmp_path / "refused.yaml"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(SessionError) as as_file:
        load_session(path)
    assert path.read_bytes() == text.encode("utf-8")
    error = as_file.value
    assert error.path == str(path) and error.message == as_text.value.message
    assert str(error).startswith(f"{path}, line {error.line}: " if error.line else f"{path}: ")
    assert str(error).endswith(".") and not str(error).endswith("..") and "\n" not in str(error)
    assert "Traceback" not in str(error)
    return error


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_not_yaml(tmp_path: Path) -> None:
    error = refuse("sahel_reader_session: 1\ntitle: [unclosed\nview: {\n", tmp_path)
    assert "not valid YAML" in error.message and error.line is not None


@pytest.mark.parametrize("breaker", ["\u0085", "\u2028", "\u2029"])
def test_the_line_named_is_the_line_an_editor_shows(tmp_path: Path, breaker: str) -> None:
    """YAML also breaks lines at these characters; the line named counts line feeds only."""
    error = refuse(f"title: one{breaker}two{breaker}three\nview: {{\n", tmp_path)
    assert "not valid YAML" in error.message and error.line == 1  # YAML would say 2: "two" has no ':'
    error = refuse(f"title: 'folded{breaker}{breaker}in quotes'\nview: [\n", tmp_path)
    assert "not valid YAML" in error.message and error.line == 3  # the end, after the last line feed


def test_yaml_but_not_a_session(tmp_path: Path) -> None:
    for text in ("title: Bamako\nreports: []\n", "- a list\n", "just words\n", ""):
        error = refuse(text, tmp_path)
        assert (
            str(error) == f"{tmp_path / 'refused.yaml'}: this is not a sahel-reader session file."
        )


def test_newer_format(tmp_path: Path) -> None:
    error = refuse(
        valid_yaml().replace("sahel_reader_session: 1", "sahel_reader_session: 7"), tmp_path
    )
    assert error.message == (
        "this session was written by a newer sahel-reader (format 7); this version reads format 1"
    )


@pytest.mark.parametrize("version", ["'1'", "0", "true", "1.5", "null"])
def test_version_that_is_not_a_version(tmp_path: Path, version: str) -> None:
    error = refuse(
        valid_yaml().replace("sahel_reader_session: 1", f"sahel_reader_session: {version}"),
        tmp_path,
    )
    assert "format version" in error.message and error.line == 2


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    for text in (
        f'!!python/object/apply:os.system ["touch {marker}"]\n',
        f'sahel_reader_session: 1\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n',
        (
            "sahel_reader_session: 1\n"
            f'title: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]\n'
        ),
        "sahel_reader_session: 1\ntitle: !!python/name:os.system\n",
    ):
        error = refuse(text, tmp_path)
        assert re.fullmatch(
            r"the YAML tag '!!python/[\w/:.]+' is not allowed in a session file", error.message
        )
        assert error.line == text.count("\n", 0, text.index("!!")) + 1
    assert not marker.exists()


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = [
        "sahel_reader_session: 1",
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ]
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join(f"*{previous}" for _ in range(9)) + "]")
    error = refuse("\n".join(lines) + "\n", tmp_path)
    assert error.message == "too many YAML aliases (a YAML bomb?)"


def test_thousands_of_aliases_are_refused(tmp_path: Path) -> None:
    text = "sahel_reader_session: 1\nx: &x word\ntitle: [" + ", ".join(["*x"] * 5000) + "]\n"
    assert refuse(text, tmp_path).message == "too many YAML aliases (a YAML bomb?)"


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    assert "alias" in refuse("sahel_reader_session: 1\ntitle: &t [*t]\n", tmp_path).message


def test_oversized_file_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sahel_reader.story import session_format

    monkeypatch.setattr(session_module, "MAX_SESSION_BYTES", 1000)
    monkeypatch.setattr(session_format, "MAX_SESSION_BYTES", 1000)
    path = tmp_path / "big.yaml"
    path.write_text(valid_yaml() + "#" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(SessionError, match="MB are refused"):
        load_session(path)
    with pytest.raises(SessionError, match="MB are refused"):
        session_from_yaml(path.read_text(encoding="utf-8"))


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(valid_yaml().replace("Bamako", "Bamak\u00f3").encode("latin-1"))
    with pytest.raises(SessionError, match="not valid UTF-8"):
        load_session(path)


# (text to replace, its replacement, the fragment whose line the message names, words expected)
WRONG_TYPES = [
    ("  start: 21\n", "  start: x\n", "start: x", "annotations[1].start must be a whole number"),
    ("  start: 21\n", "  start: -4\n", "start: -4", "annotations[1].start must be a whole number"),
    (
        "  start: 21\n",
        "  start: true\n",
        "start: true",
        "must be a whole number (0 or more), not true/false",
    ),
    ("  end: 53\n", "  end: 3\n", "end: 3", "annotations[1].end (3) is before its start (21)"),
    (
        "  tags: [verified]\n",
        "  tags: verified\n",
        "tags: verified",
        "annotations[1].tags must be a list",
    ),
    (
        "  tags: [verified]\n",
        "  tags: [verified, 7]\n",
        "tags: [verified, 7]",
        "annotations[1].tags[2] must be text",
    ),
    (
        "  note: a note\n",
        "  note: [a, note]\n",
        "note: [a, note]",
        "annotations[1].note must be text, not a list",
    ),
    (
        "  note: a note\n",
        "  note: yes\n",
        "note: yes",
        "annotations[1].note must be text, not true/false",
    ),
    (
        "  note: a note\n",
        "  note: 2024-09-19\n",
        "note: 2024-09-19",
        "annotations[1].note must be text, not a date",
    ),
    (
        "- verdict: confirmed\n",
        "- verdict: maybe\n",
        "verdict: maybe",
        "link_verdicts[1].verdict must be confirmed, rejected, other-event or manual, not the text 'maybe'",
    ),
    (
        "    end: 53\n  target:",
        "    end: 53.5\n  target:",
        "end: 53.5",
        "link_verdicts[1].source.end must be a whole",
    ),
    (
        "  cursors:\n    afp: 1\n",
        "  cursors: [1, 2]\n",
        "cursors: [1, 2]",
        "view.cursors must be a mapping",
    ),
    (
        "  cursors:\n    afp: 1\n",
        "  cursors:\n    afp: first\n",
        "afp: first",
        "view.cursors.afp must be a whole",
    ),
    (
        "  theme: dark\n",
        "  theme: {name: dark}\n",
        "theme: {name",
        "view.theme must be text or null, not a mapping",
    ),
    (
        "title: Bamako\n",
        "title: 12\n",
        "title: 12",
        "title must be text or null, not the number 12",
    ),
    (
        "- id: n2\n",
        "- 12\n- id: n2\n",
        "- 12\n",
        "annotations[2] must be a mapping, not the number 12",
    ),
    (
        "  path: afp.txt\n",
        "  path: null\n",
        "path: null",
        "documents[1].path must be text, not null",
    ),
    (
        "  modified: t\nmarks",
        "  modified: t\n  orphan: maybe\nmarks",
        "orphan: maybe",
        "annotations[2].orphan must be true or false",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "fragment", "words"), WRONG_TYPES, ids=[case[3][:40] for case in WRONG_TYPES]
)
def test_wrong_types_are_named_with_their_line(
    tmp_path: Path, old: str, new: str, fragment: str, words: str
) -> None:
    base = valid_yaml()
    assert old in base, old
    text = base.replace(old, new, 1)
    error = refuse(text, tmp_path)
    assert words in error.message
    assert error.line == line_of(text, fragment)


def cut(text: str, after: str, first: str, stop: str) -> str:
    """The text without the lines from ``first`` (looked for after ``after``) up to ``stop``."""
    start = text.index(first, text.index(after))
    return text[:start] + text[text.index(stop, start) :]


def test_block_of_the_wrong_kind(tmp_path: Path) -> None:
    base = valid_yaml()
    text = base[: base.index("view:")] + "view: []\n"
    error = refuse(text, tmp_path)
    assert error.message == "view must be a mapping, not a list" and error.line == line_of(
        text, "view: []"
    )
    text = base[: base.index("annotations:")] + "annotations: {}\n" + base[base.index("marks:") :]
    error = refuse(text, tmp_path)
    assert error.message == "annotations must be a list, not a mapping"
    assert error.line == line_of(text, "annotations: {}")


@pytest.mark.parametrize(
    ("after", "first", "stop", "key", "holder", "item_start"),
    [
        ("documents:", "  sha256: ", "- id: ap", "sha256", "documents[1]", "- id: afp"),
        ("annotations:", "  exact: ", "  prefix:", "exact", "annotations[1]", "- id: n1"),
        ("marks:", "- doc: afp\n  exact:", "exact:", "doc", "marks[1]", "exact:"),
        ("link_verdicts:", "  target:", "  created:", "target", "link_verdicts[1]", "- verdict:"),
        (
            "link_verdicts:",
            "    start: ",
            "    end:",
            "start",
            "link_verdicts[1].source",
            "    doc: afp",
        ),
    ],
)
def test_missing_keys_are_named_with_the_line_of_their_mapping(
    tmp_path: Path, after: str, first: str, stop: str, key: str, holder: str, item_start: str
) -> None:
    text = cut(valid_yaml(), after, first, stop)
    if key == "doc":
        text = text.replace("marks:\nexact:", "marks:\n- exact:")
    error = refuse(text, tmp_path)
    assert error.message == f"{holder} lacks the required key '{key}'"
    assert error.line == text[: text.index(item_start, text.index(after))].count("\n") + 1


def test_unknown_keys_are_named(tmp_path: Path) -> None:
    text = valid_yaml().replace("  note: a note\n", "  note: a note\n  colour: red\n", 1)
    error = refuse(text, tmp_path)
    assert (
        error.message
        == "annotations[1] has an unknown key 'colour' (written by a newer sahel-reader?)"
    )
    assert error.line == line_of(text, "colour: red")
    text = valid_yaml() + "shared_with: [ana, bo]\n"
    assert "unknown key 'shared_with'" in refuse(text, tmp_path).message


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    text = valid_yaml().replace("- id: n2", "- id: n1", 1)
    error = refuse(text, tmp_path)
    assert error.message == "annotations[2].id 'n1' is already the id of annotations[1]"
    assert error.line == text[: text.index("- id: n1", text.index("- id: n1") + 1)].count("\n") + 1
    text = valid_yaml().replace("- id: ap", "- id: afp", 1)
    error = refuse(text, tmp_path)
    assert error.message == "documents[2].id 'afp' is already the id of documents[1]"
    assert error.line == line_of(text, "- id: afp\n  path: ap.txt")


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    text = valid_yaml().replace("title: Bamako\n", "title: Bamako\ntitle: Mopti\n")
    error = refuse(text, tmp_path)
    assert error.message == "the key 'title' appears twice" and error.line == line_of(
        text, "title: Mopti"
    )
