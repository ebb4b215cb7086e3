"""Patterns kept compiled across processes (highlighters/kept_patterns.py): the pattern read back is
the one ``re.compile`` makes, and anything unexpected falls back to ``re.compile``.

It leans on private parts of the standard library, named here one by one so that a Python that moves
them fails here, by name: ``re._parser.parse`` and its ``state.groups`` / ``state.groupdict`` /
``state.flags``, ``re._compiler._code``, ``_sre.compile``, ``_sre.MAGIC`` and ``_sre.CODESIZE``.
"""

import json
import os
import re
import subprocess
import sys
from array import array

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
    yield tmp_path / "sahel-reader" / kept_patterns.FILE
    kept_patterns._kept().write()  # nothing left for the end of the test run's process
    kept_patterns._kept.cache_clear()


def a_new_process():
    """What a later process sees: this one wrote its programs as it ended, the next reads them from the file."""
    kept_patterns._kept().write()
    kept_patterns._kept.cache_clear()


def header_and_codes(path):
    line, _, codes = path.read_bytes().partition(b"\n")
    return json.loads(line), codes


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
    a_new_process()
    assert cache_folder.exists()
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
    a_new_process()
    header, codes = header_and_codes(cache_folder)
    damaged = array(kept_patterns._code_type(), [9999]) * (len(codes) // 4)  # no instruction of _sre's: it refuses the program
    cache_folder.write_bytes(json.dumps(header).encode() + b"\n" + damaged.tobytes())
    a_new_process()
    assert compile_kept(FIGURE, re.VERBOSE) == re.compile(FIGURE, re.VERBOSE)
    a_new_process()
    assert compile_kept(FIGURE, re.VERBOSE) == re.compile(FIGURE, re.VERBOSE)
    assert header_and_codes(cache_folder)[1] != damaged.tobytes()


def test_a_file_cut_short_is_passed_over(cache_folder):
    compile_kept(FIGURE, re.VERBOSE)
    a_new_process()
    cache_folder.write_bytes(cache_folder.read_bytes()[:-8])
    a_new_process()
    assert compile_kept(FIGURE, re.VERBOSE) == re.compile(FIGURE, re.VERBOSE)


@pytest.mark.parametrize("content", ["", "not json", "[]", '{"python": "another", "programs": {}}', '{"programs": 3}'])
def test_an_unreadable_file_or_another_pythons_is_passed_over(cache_folder, content):
    cache_folder.parent.mkdir(parents=True)
    cache_folder.write_text(content, encoding="utf-8")
    assert compile_kept(FIGURE, re.VERBOSE) == re.compile(FIGURE, re.VERBOSE)
    a_new_process()
    assert header_and_codes(cache_folder)[0]["python"] == kept_patterns._python()


def test_a_cache_folder_that_cannot_be_written_still_gives_the_pattern(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    kept_patterns._kept.cache_clear()
    try:
        assert compile_kept(FIGURE, re.VERBOSE) == re.compile(FIGURE, re.VERBOSE)
        kept_patterns._kept().write()  # passed over, not raised
    finally:
        kept_patterns._kept.cache_clear()


def test_the_file_keeps_the_programs_of_the_latest_process_first(cache_folder, monkeypatch):
    monkeypatch.setattr(kept_patterns, "KEPT_PROGRAMS", 3)
    for word in ("one", "two", "three"):
        assert compile_kept(rf"\b{word}\b").search(f"a {word} b")
    a_new_process()
    for word in ("four", "five"):
        assert compile_kept(rf"\b{word}\b").search(f"a {word} b")
    a_new_process()
    kept = header_and_codes(cache_folder)[0]["programs"]
    assert len(kept) == 3
    for word in ("four", "five", "one"):
        assert kept_patterns._kept().program(kept_patterns.key_of(rf"\b{word}\b", 0)) is not None


def test_every_pattern_of_the_engine_is_read_back_in_the_next_process(tmp_path):
    """The reader's colours and every ``claims`` command wait for the engine's import: after a first
    analysis, importing it compiles no pattern (``re``'s parser is never called), even where that first
    process never reached its end (a reader killed, or closed with its terminal)."""
    engine = ("import sahel_reader.story.analysis as a, sahel_reader.story.claims, sahel_reader.story.linking, "
              "sahel_reader.story.sentence_links, sahel_reader.story.similarity, sahel_reader.story.published")
    count = ("import re._parser as p, sys; calls = []; parse = p.parse\n"
             "def engines(frame):  # the module that asked re for the pattern: the engine's own?\n"
             "    while frame and frame.f_globals.get('__name__', '').split('.')[0] in ('re', '__main__'):\n"
             "        frame = frame.f_back\n"
             "    return frame and frame.f_globals['__name__'].startswith('sahel_reader.')\n"
             "def counted(*args):\n"
             "    if engines(sys._getframe(1)): calls.append(args[0][:60])\n"
             "    return parse(*args)\n"
             f"p.parse = counted\n{engine}\nprint(calls)")
    killed = (f"import os\n{engine}\nfrom sahel_reader.story.documents import bundled_seed_paths, load_paths\n"
              "a.analyse(load_paths(bundled_seed_paths()[:1]).documents)\nos._exit(0)")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", count], capture_output=True, text=True, env=env, check=True)
    assert first.stdout.strip() != "[]"  # no file yet: it compiles them, and keeps them as it ends
    (tmp_path / "sahel-reader" / kept_patterns.FILE).unlink()
    subprocess.run([sys.executable, "-c", killed], env=env, check=True)
    second = subprocess.run([sys.executable, "-c", count], capture_output=True, text=True, env=env, check=True)
    assert second.stdout.strip() == "[]", second.stdout


def test_the_former_json_file_is_removed_by_the_next_process_that_reads_the_programs(cache_folder):
    """Versions before the binary file kept the programs as JSON, megabytes that nothing reads now: gone
    after the next process, whether it finds the binary file or writes it."""
    former = cache_folder.with_name("patterns.json")
    former.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):  # no binary file yet; then one written by a version that left the JSON file
        former.write_text('{"python": "3.11", "programs": {}}', encoding="utf-8")
        compile_kept(r"\d+ people were killed")
        a_new_process()
        compile_kept(r"\d+ people were killed")
        assert cache_folder.exists() and not former.exists()


def test_a_program_is_kept_under_the_sha_256_of_its_pattern_and_flags():
    """The key is the same whichever SHA-256 computes it (CPython's own, not OpenSSL's through hashlib):
    programs kept by earlier versions are found again."""
    import hashlib

    expected = hashlib.sha256("2|a|é\ud800".encode("utf-8", "surrogatepass")).hexdigest()
    assert kept_patterns.key_of("a|é\ud800", 2) == expected
    assert kept_patterns.key_of(b"a", 0) == hashlib.sha256(b"0|bytes|a").hexdigest()


def test_a_rewritten_patterns_text_is_kept_after_the_codes_not_in_the_line_of_json(cache_folder, monkeypatch):
    """The line of JSON every process parses before its first pattern holds no pattern's text; the text a
    pattern was rewritten to is read back with its program, surrogates and all."""
    from re import _parser

    def rewrite(pattern: str) -> str:
        return pattern.replace("killed", "(?:killed|slain)")

    written = r"(\d+) people were killed é\ud800?"
    first = compile_kept(written, 0, rewrite)
    a_new_process()
    header, _ = header_and_codes(cache_folder)
    assert not any("text" in program for program in header["programs"].values())
    with monkeypatch.context() as patched:
        patched.setattr(_parser, "parse", lambda *args: pytest.fail("compiled again"))
        second = compile_kept(written, 0, rewrite)
    assert first == second == re.compile(rewrite(written)) and second.pattern == rewrite(written)
    assert second.search("12 people were slain é").group(1) == "12"


def test_a_file_with_the_texts_in_its_line_of_json_is_read_and_written_anew(cache_folder):
    """Programs kept by an earlier version, with each rewritten pattern's text in the line of JSON, are
    read as they are, and the process that reads them writes the file in the new layout."""
    rewritten = r"(\d+) (?:people|persons) were killed"
    compile_kept(r"\d+ people were killed", 0, lambda pattern: rewritten)
    a_new_process()
    header, body = header_and_codes(cache_folder)
    key, program = next((k, p) for k, p in header["programs"].items() if "text_at" in p)
    text_at = header.pop("texts_at") + program.pop("text_at")
    program["text"] = body[text_at:text_at + program.pop("text_size")].decode("utf-8")
    cache_folder.write_bytes(json.dumps(header).encode() + b"\n" + body)  # as an earlier version wrote it
    kept_patterns._kept.cache_clear()
    assert compile_kept(r"\d+ people were killed", 0, lambda pattern: rewritten) == re.compile(rewritten)
    a_new_process()
    header, _ = header_and_codes(cache_folder)
    assert "texts_at" in header and "text" not in header["programs"][key]
