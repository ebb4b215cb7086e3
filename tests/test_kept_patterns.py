"""Long patterns kept compiled across processes (highlighters/kept_patterns.py): the pattern read back is
the one ``re.compile`` makes, and anything unexpected falls back to ``re.compile``.

It leans on private parts of the standard library, named here one by one so that a Python that moves
them fails here, by name: ``re._parser.parse`` and its ``state.groups`` / ``state.groupdict`` /
``state.flags``, ``re._compiler._code``, ``_sre.compile``, ``_sre.MAGIC`` and ``_sre.CODESIZE``.
"""

import json
import re

import _sre
import pytest
from sahel_reader.highlighters import kept_patterns
from sahel_reader.highlighters.figure_pattern import FIGURE_AFTER
from sahel_reader.highlighters.kept_patterns import compile_kept

FIGURE = FIGURE_AFTER._pattern
SENTENCE = " About 77 people died and more than 1,000 were injured at 2:15 a.m. on Sept. 17, 2024, costing $2.6m."


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    """An empty cache folder of the test's own, and no programs read by earlier tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kept_patterns._kept.cache_clear()
    yield tmp_path / "sahel-reader" / "patterns.json"
    kept_patterns._kept.cache_clear()


def a_new_process():
    """What a later process sees: the programs are read from the file again."""
    kept_patterns._kept.cache_clear()


def test_the_private_parts_it_uses_are_there():
    from re import _compiler, _parser

    parsed = _parser.parse("(?P<n>a)(b)", 0)
    assert parsed.state.groups == 3 and parsed.state.groupdict == {"n": 1} and isinstance(parsed.state.flags, int)
    assert callable(_compiler._code) and callable(_sre.compile) and isinstance(_sre.MAGIC, int)
    assert _sre.CODESIZE in (2, 4)


@pytest.mark.parametrize("flags", [re.VERBOSE, re.VERBOSE | re.IGNORECASE])
def test_a_pattern_compiled_and_kept_is_the_one_re_makes_in_this_process_and_the_next(cache_folder, flags):
    made = re.compile(FIGURE, flags)
    first = compile_kept(FIGURE, flags)
    assert cache_folder.exists()
    a_new_process()
    second = compile_kept(FIGURE, flags)
    assert first == made and second == made  # a pattern's equality compares its program, flags and text
    assert second.groupindex == made.groupindex and second.groups == made.groups and second.flags == made.flags
    assert [m.groupdict() for m in second.finditer(SENTENCE.lower())] == [m.groupdict() for m in made.finditer(SENTENCE.lower())]


def test_a_kept_program_is_read_not_compiled_again(cache_folder, monkeypatch):
    from re import _parser

    compile_kept(FIGURE, re.VERBOSE)
    a_new_process()
    re.purge()  # nor taken from re's own cache of this process
    with monkeypatch.context() as patched:
        patched.setattr(_parser, "parse", lambda *args: pytest.fail("compiled again"))  # not an Exception: not caught
        kept = compile_kept(FIGURE, re.VERBOSE)
    assert kept == re.compile(FIGURE, re.VERBOSE)


def test_a_damaged_program_is_compiled_again_and_replaced(cache_folder):
    compile_kept(FIGURE, re.VERBOSE)
    kept = json.loads(cache_folder.read_text(encoding="utf-8"))
    for program in kept["programs"].values():
        program["code"] = [9999, 1, 2, 3]  # no instruction of _sre's: it refuses the program
    cache_folder.write_text(json.dumps(kept), encoding="utf-8")
    a_new_process()
    assert compile_kept(FIGURE, re.VERBOSE) == re.compile(FIGURE, re.VERBOSE)
    a_new_process()
    assert compile_kept(FIGURE, re.VERBOSE) == re.compile(FIGURE, re.VERBOSE)
    kept = json.loads(cache_folder.read_text(encoding="utf-8"))
    assert all(program["code"] != [9999, 1, 2, 3] for program in kept["programs"].values())


@pytest.mark.parametrize("content", ["", "not json", "[]", '{"python": "another", "programs": {}}', '{"programs": 3}'])
def test_an_unreadable_file_or_another_pythons_is_passed_over(cache_folder, content):
    cache_folder.parent.mkdir(parents=True)
    cache_folder.write_text(content, encoding="utf-8")
    assert compile_kept(FIGURE, re.VERBOSE) == re.compile(FIGURE, re.VERBOSE)
    assert json.loads(cache_folder.read_text(encoding="utf-8"))["python"] == kept_patterns._python()


def test_a_cache_folder_that_cannot_be_written_still_gives_the_pattern(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    kept_patterns._kept.cache_clear()
    try:
        assert compile_kept(FIGURE, re.VERBOSE) == re.compile(FIGURE, re.VERBOSE)
    finally:
        kept_patterns._kept.cache_clear()


def test_the_file_keeps_the_latest_programs_only(cache_folder, monkeypatch):
    monkeypatch.setattr(kept_patterns, "KEPT_PROGRAMS", 3)
    for word in ("one", "two", "three", "four", "five"):
        assert compile_kept(rf"\b{word}\b").search(f"a {word} b")
    a_new_process()
    assert len(kept_patterns._kept()) == 3
