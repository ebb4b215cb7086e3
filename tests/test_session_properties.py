"""Sessions under random work and random damage.

Any notes, marks and verdicts (control characters, markup, YAML look-alikes in every field) on a
report of any text come back equal from the file and save again to the same bytes. A saved file
damaged in any way either loads or is refused with one sentence naming it; it never runs anything,
never reads outside its folder, and is never changed by being read.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sahel_reader.story import session as session_module
from sahel_reader.story.annotations import (
    Anchor,
    Annotation,
    LinkVerdict,
    Mark,
    Session,
    ViewState,
)
from sahel_reader.story.documents import bundled_seed_paths, load_paths
from sahel_reader.story.session import (
    LoadedSession,
    SessionError,
    load_session,
    new_session_documents,
    save_session,
)
from sahel_reader.story.session_format import VERDICTS

HOSTILE_PIECES = [
    "[bold]x[/bold]", "[/]", "[@click=app.quit]z[/]", "[link=http://evil]y[/link]", "\x1b[2J",
    "\x1b]8;;http://evil\x1b\\", "\x1b]52;c;aGk=\x07", "\x07", "\x08", "\u202e", "\u2066",
    "\x85", "\u2028", "\u2029", "\ufeff", "\x7f", "\x9b", "\r\n", "\r", "\t", "\n", ": ", "- ",
    "? ", "&a ", "*a ", "!!python/object/apply:os.system", "'", '"', "# ", "|", ">", "{", "}",
    "%YAML", "---", "...", "null", "~", "yes", "0o17", "1e3", "2024-02-30", "🇲🇱", "é", "死者",
]
hostile = st.lists(st.sampled_from(HOSTILE_PIECES) | st.text(max_size=6), max_size=6).map("".join)
"""Text that is hard to write, to read back, and to show: markup, escapes, controls, YAML syntax."""

SENTENCES = [
    "More than 70 people were killed in the attack.", "A security source said 77 had died.",
    "Officials put the toll at almost 100.", "\u201cWe are counting,\u201d the mayor said.",
]


@st.composite
def report_texts(draw: st.DrawFn) -> str:
    """A report: real sentences with hostile pieces between and inside them (never NUL: binary)."""
    parts = [draw(st.sampled_from(SENTENCES) | hostile) for _ in range(draw(st.integers(1, 6)))]
    start = draw(st.sampled_from(["", "\ufeff", "\ufeff\ufeff", "\r\n"]))  # the loader drops one BOM
    return (start + "".join(parts)).replace("\x00", "")


@contextmanager
def nothing_runs() -> Iterator[list]:
    """Fails the test if anything in a session reaches a shell or a subprocess."""
    calls: list = []

    def record(*args: object, **kwargs: object) -> None:
        calls.append(args)

    with mock.patch("os.system", record), mock.patch("subprocess.Popen", record):
        yield calls
    assert calls == []


# --- round trips -------------------------------------------------------------------------------


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.filter_too_much])
@given(report=report_texts(), data=st.data())
def test_random_work_on_a_hostile_report_round_trips_through_the_file(report: str,
                                                                      data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        report_path = folder / "report.txt"
        report_path.write_bytes(report.encode("utf-8"))
        loaded = load_paths([report_path])
        assume(not loaded.errors and loaded.documents[0].sentences)
        (document,) = loaded.documents
        session_path = folder / "reading.yaml"
        session = random_work(document, session_path, data)
        save_session(session, session_path)
        first = session_path.read_bytes()
        if session.embed and data.draw(st.booleans(), label="report deleted"):
            report_path.unlink()  # the copy embedded in the session must give the same text
        back = load_session(session_path)
        assert back.session == session
        assert [d.text for d in back.documents] == [document.text]
        assert [d.sentences for d in back.documents] == [document.sentences]
        save_session(back.session, session_path)
        assert session_path.read_bytes() == first


def random_work(document, session_path: Path, data: st.DataObject) -> Session:  # type: ignore[no-untyped-def]
    """Notes, marks and verdicts on random spans of the report, every text field hostile."""
    draw = data.draw
    sentences = st.sampled_from(document.sentences)

    def anchor() -> Anchor:
        start, end = draw(sentences)
        start = draw(st.integers(start, end))
        return Anchor.of(document.id, document.text, start, draw(st.integers(start, end)))

    embed = draw(st.booleans(), label="embed")
    notes = [Annotation(f"n{i + 1}", anchor(), draw(hostile), draw(st.lists(hostile, max_size=3)),
                        draw(hostile), draw(hostile)) for i in range(draw(st.integers(0, 4)))]
    marks = [Mark(anchor(), draw(hostile)) for _ in range(draw(st.integers(0, 3)))]
    verdicts = [LinkVerdict(draw(st.sampled_from(VERDICTS)), anchor(), anchor(), draw(hostile))
                for _ in range(draw(st.integers(0, 3)))]
    cursor = draw(st.integers(0, len(document.sentences) - 1))
    return Session(new_session_documents([document], session_path, embed=embed), notes, marks,
                   verdicts, ViewState(document.id, {document.id: cursor}, draw(st.none() | hostile)),
                   title=draw(st.none() | hostile), embed=embed)


# --- damaged files -----------------------------------------------------------------------------

REPORT = "Attack in Bamako\n\n" + " ".join(SENTENCES) + "\nThe [bold]army[/] said \x1b[2J nothing.\n"
MARKER = "MARKER"
"""Stands for a file that a command smuggled into the session would create."""


@cache
def saved_session() -> bytes:
    """A session as the reader saves it: embedded report, notes, marks, verdicts, hostile text."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "report.txt").write_text(REPORT, encoding="utf-8")
        (document,) = load_paths([folder / "report.txt"]).documents

        def spot(n: int) -> Anchor:
            return Anchor.of(document.id, document.text, *document.sentences[n])

        path = folder / "reading.yaml"
        session = Session(
            new_session_documents([document], path, embed=True),
            [Annotation("n1", spot(1), "77 per [bold]AFP[/]\nsecond line\x1b[2J", ["verified", "a: b"],
                        "2024-09-19T10:00:00+00:00", "2024-09-19T11:00:00+00:00"),
             Annotation("n2", spot(2), "yes", [], "t", "t", orphan=True)],
            [Mark(spot(3), "t")],
            [LinkVerdict("confirmed", spot(1), spot(2), "t"), LinkVerdict("manual", spot(2), spot(3))],
            ViewState(document.id, {document.id: 2}, "textual-dark"), title="Bamako \u202e[/]",
            embed=True)
        save_session(session, path)
        return path.read_bytes()


def open_damaged(data: bytes) -> LoadedSession | SessionError:
    """Load damaged session bytes next to the report, checking everything a load must keep."""
    with tempfile.TemporaryDirectory() as scratch, nothing_runs():
        folder = Path(scratch)
        marker = folder / "executed"
        (folder / "report.txt").write_text(REPORT, encoding="utf-8")
        path = folder / "reading.yaml"
        path.write_bytes(data.replace(MARKER.encode(), str(marker).encode()))
        before, listing = path.read_bytes(), sorted(folder.iterdir())
        opened: list[Path] = []
        real_load_paths = session_module.load_paths
        with mock.patch.object(session_module, "load_paths",
                               lambda paths: opened.extend(paths) or real_load_paths(paths)):
            try:
                result: LoadedSession | SessionError = load_session(path)
            except SessionError as error:
                result = error
        assert path.read_bytes() == before and sorted(folder.iterdir()) == listing
        assert not marker.exists()
        assert all(read_allowed(Path(p), folder) for p in opened), opened
        if isinstance(result, SessionError):
            assert_one_sentence(result, path, data)
        else:
            assert_saves_again(result, folder)
        return result


def read_allowed(path: Path, folder: Path) -> bool:
    """Inside the session's folder, a bundled report, or the scratch copy of an embedded text."""
    path = path.resolve()
    bundled = {seed.resolve() for seed in bundled_seed_paths()}
    scratch = path.name.startswith("report.") and not path.parent.exists()  # deleted since
    return path.is_relative_to(folder.resolve()) or path in bundled or scratch


def assert_one_sentence(error: SessionError, path: Path, data: bytes) -> None:
    text = str(error)
    assert error.path == str(path)
    assert text.startswith(f"{path}, line {error.line}: " if error.line else f"{path}: "), text
    assert text.endswith(".") and "\n" not in text and "Traceback" not in text, text
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), text
    assert len(error.message) < 200, text
    assert error.line is None or 1 <= error.line <= data.count(b"\n") + 1, text


def assert_saves_again(loaded: LoadedSession, folder: Path) -> None:
    """Whatever loads can be saved, and that file loads to the same session."""
    again = folder / "again.yaml"
    save_session(loaded.session, again)
    assert load_session(again).session == loaded.session
    again.unlink()


def flip(data: bytes, draw: st.DrawFn) -> bytes:
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]


def insert(data: bytes, draw: st.DrawFn) -> bytes:
    at = draw(st.integers(0, len(data)))
    piece = draw(st.binary(min_size=1, max_size=8) | hostile.map(str.encode))
    return data[:at] + piece + data[at:]


def delete(data: bytes, draw: st.DrawFn) -> bytes:
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    return data[:at] + data[at + draw(st.integers(1, 40)):]


def truncate(data: bytes, draw: st.DrawFn) -> bytes:
    return data[:draw(st.integers(0, max(0, len(data) - 1)))]


def lines_changed(data: bytes, draw: st.DrawFn) -> bytes:
    """A line dropped, duplicated, or swapped with another."""
    lines = data.splitlines(keepends=True)
    if not lines:
        return data
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    how = draw(st.sampled_from(["drop", "duplicate", "swap"]))
    if how == "drop":
        del lines[i]
    elif how == "duplicate":
        lines.insert(j, lines[i])
    else:
        lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


WRONG_VALUES = [
    "12", "-5", "1.5", ".inf", "0x1F", "true", "null", "~", "[]", "{}", "[1, [2]]", "{a: b}",
    "2024-09-19", "2024-02-30", "1" + "0" * 5000, '"\\x1b[2J \\u202e"', "''", "!!binary aGk=",
    "!!set {a}", "!!str 7", "&x [a, b]", "*undefined", "|", "'unclosed", "[unclosed",
    f'!!python/object/apply:os.system ["touch {MARKER}"]',
    f'!!python/object/new:subprocess.Popen [["touch", "{MARKER}"]]', "!!python/name:os.system",
]
_VALUE = re.compile(rb"^(\s*(?:- )?[\w]+:) (.+)$", re.MULTILINE)


def retyped(data: bytes, draw: st.DrawFn) -> bytes:
    """One scalar's value replaced by a value of another type (or a tag, or broken YAML)."""
    values = list(_VALUE.finditer(data))
    if not values:
        return data
    found = values[draw(st.integers(0, len(values) - 1))]
    new = draw(st.sampled_from(WRONG_VALUES)).encode()
    return data[:found.start(2)] + new + data[found.end(2):]


BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{c}: &{c} [" + ",".join([f"*{chr(ord(c) - 1)}"] * 9) + "]" for c in "bcdefghi"]).encode()


def bombed(data: bytes, draw: st.DrawFn) -> bytes:
    """Billion laughs defined at the top, and one value made an alias of its last level."""
    *header, rest = data.split(b"\n", 2)
    values = list(_VALUE.finditer(rest))
    if len(header) < 2 or not values:
        return data
    found = values[draw(st.integers(0, len(values) - 1))]
    rest = rest[:found.start(2)] + b"*i" + rest[found.end(2):]
    return b"\n".join([*header, BILLION_LAUGHS, rest])


MUTATIONS = [flip, insert, delete, truncate, lines_changed, retyped, bombed]

# Damage the random search found: each once raised another exception, ran over several lines,
# or spoke Python to the reader ("use sys.set_int_max_str_digits()").
FOUND = [
    ("title: a\x07b", 2, "this is not valid YAML (the character U+0007 is not allowed in it)"),
    ('"x\\ny": 1', 2, "the session has an unknown key 'x\\ny' (written by a newer sahel-reader?)"),
    ('"a\\nb": 1\n"a\\nb": 2', 3, "the key 'a\\nb' appears twice"),
    (f"{'k' * 90}: 1", 2, f"the session has an unknown key '{'k' * 40}'… (written by a newer sahel-reader?)"),
    ('view: {cursors: {"a\\nb": x}}', 2, "view.cursors['a\\nb'] must be a whole number (0 or more), not the text 'x'"),
    ("title: 1" + "0" * 5000, 2, f"'1{'0' * 39}'… cannot be read as a whole number"),
    ("title: 2024-02-30", 2, "'2024-02-30' cannot be read as a date"),
]


@pytest.mark.parametrize(("line", "number", "message"), FOUND, ids=[m[:30] for _, _, m in FOUND])
def test_damage_found_by_the_search_is_one_sentence(line: str, number: int, message: str) -> None:
    result = open_damaged(f"sahel_reader_session: 1\n{line}\n".encode())
    assert isinstance(result, SessionError) and (result.line, result.message) == (number, message)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_damaged_session_loads_or_is_refused_in_one_sentence(data: st.DataObject) -> None:
    damaged = saved_session()
    for mutation in data.draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        damaged = mutation(damaged, data.draw)
    open_damaged(damaged)


def with_value(n: int, value: str) -> bytes:
    """The saved session with its n-th value (every scalar under a key, block texts too) replaced."""
    text = saved_session().decode("utf-8")
    node = value_nodes(text)[n]
    end = "\n" if node.style in ("|", ">") else ""
    return (text[:node.start_mark.index] + value + end + text[node.end_mark.index:]).encode("utf-8")


@cache
def value_nodes(text: str) -> list[yaml.ScalarNode]:
    found, todo = [], [yaml.compose(text)]
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            todo += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
        else:
            found.append(node)
    return found


@pytest.mark.parametrize("value", WRONG_VALUES)
def test_every_value_of_the_wrong_type_anywhere(value: str) -> None:
    """Each value of the file in turn given this one: a load or a one-sentence refusal."""
    for n in range(len(value_nodes(saved_session().decode("utf-8")))):
        result = open_damaged(with_value(n, value))
        if "!!python" in value:
            assert isinstance(result, SessionError), "a Python tag was accepted"
            assert re.search("is not allowed|not valid YAML", result.message), result


def test_a_bomb_anywhere_is_refused() -> None:
    for n in range(len(value_nodes(saved_session().decode("utf-8")))):
        header, rest = with_value(n, "*i").split(b"\n", 1)
        result = open_damaged(b"\n".join([header, BILLION_LAUGHS, rest]))
        assert isinstance(result, SessionError) and "alias" in result.message, result
