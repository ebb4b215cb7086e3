"""Hostile and broken reports, made here in tmp_path: each bad file gets one sentence naming it.

Every case is loaded three ways (in a folder, by its own path, and by ``sahel-reader claims``), and
each time the good report beside it still opens and nothing raises.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sahel_reader.cli import main
from sahel_reader.highlighters.numbers import find_figures
from sahel_reader.highlighters.sentences import MAX_SENTENCE_CHARS, split_sentences
from sahel_reader.story import documents
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import LoadResult, bundled_seed_paths, load_paths

from hang_guard import without_hanging

GOOD = "More than 70 people were killed in Bamako on Tuesday, security sources said.\n"


def junk(size: int, *, nul: bool) -> bytes:
    """Random bytes, the same on every run; without NUL they must be caught by their characters."""
    rng = random.Random(size)
    return bytes(rng.randrange(0 if nul else 1, 256) for _ in range(size))


def sparse_50_mb(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """50 MB on paper, nothing on disk; reading it at all fails the test."""
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    refuse_to_read(path, monkeypatch, AssertionError("a file over the limit was read"))


def unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests run as root, who reads anything: the read itself is made to fail."""
    path.write_text(GOOD)
    refuse_to_read(path, monkeypatch, PermissionError(13, "Permission denied"))


def unsearchable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a folder the user may list but not enter: even looking at the file is refused."""
    path.write_text(GOOD)
    real_stat = Path.stat

    def stat(self: Path, **options: bool) -> os.stat_result:
        if self.name == path.name:
            raise PermissionError(13, "Permission denied")
        return real_stat(self, **options)

    monkeypatch.setattr(Path, "stat", stat)


def refuse_to_read(path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == path.name:
            raise error
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def writes(data: bytes) -> Callable[[Path, pytest.MonkeyPatch], None]:
    return lambda path, _: path.write_bytes(data)


BAD_FILES = {
    "empty": (writes(b""), "empty"),
    "whitespace only": (writes(b" \n\t\r\n  \r"), "empty"),
    "binary junk with NUL bytes": (writes(junk(6000, nul=True)), "binary file"),
    "binary junk without NUL bytes": (writes(junk(6000, nul=False)), "binary file"),
    "a PDF named .txt": (writes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n"), "PDF"),
    "a PNG named .txt": (writes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + junk(200, nul=True)), "PNG image"),
    "a ZIP named .txt": (writes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + junk(200, nul=True)), "ZIP"),
    "control characters only": (writes(bytes(range(1, 32)) * 40), "binary file"),
    "50 MB": (sparse_50_mb, "50.0 MB"),
    "no read permission": (unreadable, "permission denied"),
    "no permission to look at it": (unsearchable, "permission denied"),
    "broken symlink": (lambda path, _: path.symlink_to(path.parent / "gone.txt"), "broken symbolic link"),
    "symlink to itself": (lambda path, _: path.symlink_to(path.name), "symbolic link loop"),
    "a folder named like a report": (lambda path, _: path.mkdir(), "folder"),
    "a pipe named like a report": (lambda path, _: os.mkfifo(path), "pipe"),
}


def assert_one_error(result: LoadResult, bad: Path, word: str) -> None:
    """One error, one sentence, naming the bad file and saying what is wrong; the good report opens."""
    assert [document.id for document in result.documents] == ["good"], result.errors
    assert len(result.errors) == 1, result.errors
    (error,) = result.errors
    assert error.path == str(bad) and error.message.startswith(f"{bad}: ")
    problem = error.message.removeprefix(f"{bad}: ")
    assert word in problem and problem.endswith(".") and ". " not in problem, problem


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_one_clear_error_and_the_good_report_still_opens(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make, word = BAD_FILES[case]
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    bad = folder / "bad.txt"
    make(bad, monkeypatch)
    assert_one_error(without_hanging(lambda: load_paths([folder]), "loading the folder"), bad, word)
    assert_one_error(without_hanging(lambda: load_paths([bad, folder / "good.txt"]), "loading the files"),
                     bad, word)
    assert main(["claims", str(folder)]) == 1
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith(f"sahel-reader: {bad}: ") and word in line
    assert "1 report ·" in captured.out


def test_all_the_bad_files_in_one_folder_get_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    bad = {}
    for case, (make, word) in BAD_FILES.items():
        bad[tmp_path / f"{case.replace(' ', '-')}.txt"] = word
        make(tmp_path / f"{case.replace(' ', '-')}.txt", monkeypatch)
    result = load_paths([tmp_path])
    assert [d.id for d in result.documents] == ["good"]
    assert sorted(Path(e.path) for e in result.errors) == sorted(bad)
    assert main(["claims", str(tmp_path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == len(bad)
    for path, word in bad.items():
        assert any(line.startswith(f"sahel-reader: {path}: ") and word in line for line in lines), path


def test_a_file_name_with_a_line_break_and_an_escape_is_still_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    bad = tmp_path / "two\nlines\x1b[2J.txt"
    bad.write_bytes(b"")
    (error,) = load_paths([tmp_path]).errors
    assert error.path == str(bad) and "\n" not in error.message and "two\\nlines" in error.message
    assert main(["claims", str(tmp_path)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "\x1b" not in line and line.endswith("the file is empty.")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_for_real(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    assert_one_error(load_paths([tmp_path]), locked, "permission denied")


def test_a_folder_that_links_to_itself_does_not_loop(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "again").symlink_to(folder, target_is_directory=True)
    assert load_paths([folder / "again" / "again" / "again"]).documents[0].id == "good"
    (folder / "again.txt").symlink_to(folder, target_is_directory=True)
    assert_one_error(load_paths([folder]), folder / "again.txt", "folder")


def test_a_folder_named_like_a_report_is_read_as_a_folder(tmp_path: Path) -> None:
    named = tmp_path / "x.txt"
    named.mkdir()
    (tmp_path / "good.txt").write_text(GOOD)
    result = load_paths([named, tmp_path / "good.txt"])
    assert [d.id for d in result.documents] == ["good"]
    (error,) = result.errors
    assert error.message == f"{named}: this folder holds no reports (.txt, .md or .html files)."


# --- files that load, maybe with a warning --------------------------------------------------------


def load_with_good(tmp_path: Path, name: str, data: bytes) -> tuple[documents.Document, LoadResult]:
    (tmp_path / "good.txt").write_text(GOOD)
    path = tmp_path / name
    path.write_bytes(data)
    result = load_paths([tmp_path])
    assert result.errors == []
    return next(d for d in result.documents if d.id == path.stem), result


def assert_claims_hold(result: LoadResult) -> None:
    """Every claim is its document's text at its offsets, inside its sentence."""
    story = analyse(result.documents)
    texts = {d.id: d for d in story.documents}
    for claim in story.claims:
        document = texts[claim.doc]
        assert document.text[claim.start:claim.end] == claim.text
        start, end = document.sentences[claim.sentence]
        assert start <= claim.start < end


def test_invalid_utf8_is_read_as_windows_1252_with_one_warning_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "Le bilan est de 77 morts, a déclaré le ministre.\n".encode("cp1252") + b"\xff\xfe\x81 bad\n"
    document, result = load_with_good(tmp_path, "latin.txt", data)
    assert document.text.startswith("Le bilan est de 77 morts, a déclaré le ministre.")
    (warning,) = document.warnings
    assert warning.startswith(f"{tmp_path / 'latin.txt'}: ") and "Windows-1252" in warning
    assert_claims_hold(result)
    assert main(["claims", str(tmp_path)]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert "latin.txt" in line and "warning" in line


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, encoding: str) -> None:
    text = "Bamako\r\n\r\nMore than 70 people were killed, “we mourn them,” the minister said.\r\n"
    document, result = load_with_good(tmp_path, "notepad.txt", ("\ufeff" + text).encode(encoding))
    assert document.text == text.replace("\r\n", "\n") and document.warnings == []
    assert_claims_hold(result)


def test_utf16_cut_short_keeps_what_can_be_read_with_a_warning(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "77 people were killed.\n".encode("utf-16-le") + b"\x41"
    document, _ = load_with_good(tmp_path, "cut.txt", data)
    assert document.text == "77 people were killed.\n�"
    (warning,) = document.warnings
    assert "cut.txt" in warning and "UTF-16" in warning


def test_mixed_line_endings_give_python_text_and_true_offsets(tmp_path: Path) -> None:
    data = (b"Attack in Bamako\r\n\r\nMore than 70 people were killed on Tuesday.\r"
            b"Officials said \xe2\x80\x9cwe are counting\xe2\x80\x9d on Wednesday.\n"
            b"77 died, 255 were injured\r\n\r\rAbout 50 were buried.\n\r")
    document, result = load_with_good(tmp_path, "mixed.txt", data)
    assert "\r" not in document.text
    assert document.text == (tmp_path / "mixed.txt").read_text(encoding="utf-8")
    assert document.title == "Attack in Bamako"
    lines = [document.text[s:e] for s, e in document.sentences]
    assert lines[1:4] == ["More than 70 people were killed on Tuesday.",
                          "Officials said “we are counting” on Wednesday.", "77 died, 255 were injured"]
    assert_claims_hold(result)


def test_a_file_name_that_is_not_utf8_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    with open(os.path.join(os.fsencode(tmp_path), b"\xff\xfe bad.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    result = load_paths([tmp_path])
    assert sorted(d.id for d in result.documents) == ["good", "\ufffd\ufffd bad"]
    assert main(["claims", str(tmp_path)]) == 0
    assert "\ufffd\ufffd bad" in capsys.readouterr().out


def test_claims_json_with_a_file_name_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"\xff bad.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    assert main(["claims", "--json", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")  # no lone surrogate reaches a strict UTF-8 stream
    paths = [d["path"] for d in json.loads(out)["documents"]]
    assert any(p.endswith("\ufffd bad.txt") for p in paths)


# --- sizes ------------------------------------------------------------------------------------------


def long_line(size: int) -> str:
    """Real report text with every full stop and line break taken out, repeated to ``size``."""
    prose = re.sub(r"[.!?…\n]+", " ", " ".join(path.read_text() for path in bundled_seed_paths()))
    return (prose * (size // len(prose) + 1))[:size]


def best_time(function: Callable[[str], object], text: str) -> float:
    """The least CPU time of three runs: the other test workers' load left out."""
    times = []
    for _ in range(3):
        started = time.process_time()
        function(text)
        times.append(time.process_time() - started)
    return min(times)


@pytest.mark.parametrize("function", [split_sentences, find_figures], ids=lambda f: f.__name__)
def test_splitting_and_figures_grow_linearly_on_one_long_line(function: Callable[[str], object]) -> None:
    big = long_line(2_000_000)
    assert best_time(function, big) < 40 * best_time(function, big[:200_000]) + 0.1  # linear: 10


def test_a_2_mb_line_without_a_full_stop_loads_and_is_analysed(tmp_path: Path) -> None:
    document, result = load_with_good(tmp_path, "long.txt", long_line(2_000_000).encode())
    without_hanging(lambda: assert_claims_hold(result), "analysing one 2 MB line")  # took hours once
    assert max(end - start for start, end in document.sentences) <= MAX_SENTENCE_CHARS
    assert document.sentences[-1][1] == len(document.text.rstrip())


def test_long_words_between_a_figure_and_over_a_duration_do_not_hang() -> None:
    """The test of "over" as a period ("cost $1 trillion over 10 years") once split each word before it every way
    it could: a real sentence ("In 2011 after multiple interviews with the U.S. State Department over three years")
    took 73 s, and one long word doubles that per letter."""
    text = "Its 1 pneumonoultramicroscopicsilicovolcanoconiosis. Then over two years"
    found = without_hanging(lambda: find_figures(text), "reading a long word before \"over two years\"")
    assert [(text[f.start:f.end], f.qualifier) for f in found] == [("1", "exact"), ("over two years", "lower")]


def test_a_figure_too_big_for_a_float_beside_a_small_one_is_linked_without_a_crash(tmp_path: Path) -> None:
    """A thousand digits read as infinity: comparing it with "5" once divided 5 by it, and the log of 0 stopped
    the whole analysis (``claims --json`` and the reader alike)."""
    text = "5 people were killed. Then " + "1" * 1000 + " people were killed.\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    story = analyse(load_paths([tmp_path]).documents)
    assert {claim.text for claim in story.claims if claim.value == 5} == {"5"}
    assert any(claim.value == math.inf for claim in story.claims)


def test_a_report_of_nothing_but_numbers(tmp_path: Path) -> None:
    rng = random.Random(7)
    rows = [" ".join(str(rng.randrange(10 ** rng.randrange(1, 7))) for _ in range(8)) for _ in range(300)]
    data = ("\n".join(rows) + "\n" + " ".join(map(str, range(3000)))).encode()
    document, result = load_with_good(tmp_path, "numbers.txt", data)
    assert len(find_figures(document.text)) > 3000
    assert_claims_hold(result)


def test_a_folder_of_10000_reports_opens_the_first_ones_with_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    for number in range(10_000):
        (folder / f"r{number:05d}.txt").write_text(f"Report {number}: {number % 90} people were killed.\n")
    result = load_paths([folder])
    assert len(result.documents) == documents.MAX_REPORTS
    assert [e.path for e in result.errors] == [str(folder / "a-empty.txt"), str(folder / "r02000.txt")]
    assert f"only {documents.MAX_REPORTS} reports are opened" in result.errors[1].message
    monkeypatch.setattr(documents, "MAX_REPORTS", 20)
    assert main(["claims", str(folder)]) == 1
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == 2 and "20 reports" in captured.out


@pytest.mark.parametrize("value", ["2024-02-30", "9" * 5000])
def test_a_manifest_with_a_value_yaml_cannot_build_is_refused_not_a_crash(tmp_path: Path, value: str,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    manifest = tmp_path / "story.yaml"
    manifest.write_text(f"title: {value}\nreports:\n  - path: good.txt\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = load_paths([manifest])
    assert not result.documents and len(result.errors) == 1
    assert str(manifest) in result.errors[0].message and "cannot be read" in result.errors[0].message
    assert main(["claims", str(manifest)]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_numbers_inside_terminal_escape_sequences_are_no_figures() -> None:
    """A report pasted from a terminal: colours, a link and a screen clearing hold no figure, and the
    figures around them keep their places in the text as it is shown."""
    text = ("Gunmen killed \x1b[1m12\x1b[0m people in Gao, officials said. The link "
            "\x1b]8;;http://example.org/7\x1b\\here\x1b]8;;\x1b\\ was shared \x1b[2J widely.")
    story = analyse([documents.Document(id="wire", path="wire.txt", text=text, sentences=split_sentences(text))])
    assert [(claim.text, claim.value) for claim in story.claims if claim.kind == "number"] == [("12", 12)]
    (toll,) = [claim for claim in story.claims if claim.kind == "number"]
    assert text[toll.start:toll.end] == "12"
