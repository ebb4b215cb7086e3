"""Loading reports: seeds, encodings, newlines, folders, manifests (refusals and HTML:
test_loading_refusals.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sahel_reader.story import documents
from sahel_reader.story.documents import (
    bundled_seed_paths,
    is_session_file,
    load_paths,
)
from report_files import load_one, only_error, write

DEV_STORIES = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-stories"

SEED_EXPECTATIONS = {
    "000_9e34431ca94add9f": (None, None, ["AFP"], []),
    "001_fc57addf554b25cf": (
        "Militant Attack in Bamako Leaves Over 70 Dead and 200 Wounded",
        "arabnews.com",
        ["arabnews.com"],
        ["Loading Now", "Original Source: www.arabnews.com", "Post Comment"],
    ),
    "002_c6df8b2cbe4401de": (None, None, [], []),
    "003_9cec25fe9ce3ed75": (
        None,
        None,
        ["AP"],
        [
            "YOU MAY ALSO READ: US President Joe Biden urges Sudanese factions to resume peace"
            " talks and end conflict",
            "Got a Question?",
            "Find us on Socials or Contact us and we’ll get back to you as soon as possible.",
        ],
    ),
    "004_09ed114894ee4676": (
        "Attack by Al Qaeda affiliate in Mali results in the deaths of dozens of individuals",
        None,
        ["Reuters"],
        ["Add a Comment", "Your email address will not be published."],
    ),
}


# --- the bundled seeds -------------------------------------------------------------------------


def test_bundled_seed_paths_are_the_five_reports_sorted() -> None:
    paths = bundled_seed_paths()
    assert [path.stem for path in paths] == sorted(SEED_EXPECTATIONS)
    assert all(path.is_file() for path in paths)


def test_seeds_load_with_their_ids_titles_outlets_sources_and_boilerplate() -> None:
    result = load_paths(bundled_seed_paths())
    assert result.errors == [] and result.title is None
    assert [document.id for document in result.documents] == sorted(SEED_EXPECTATIONS)
    for document in result.documents:
        title, outlet, sources, boilerplate = SEED_EXPECTATIONS[document.id]
        with open(document.path, encoding="utf-8") as handle:
            assert document.text == handle.read()
        assert document.title == title, document.id
        if title is None:
            assert document.title_span is None
        else:
            assert document.text[slice(*document.title_span)] == title
        assert document.outlet == outlet
        assert document.sources == sources
        assert [document.text[start:end] for start, end in document.boilerplate] == boilerplate
        assert document.sentences and document.warnings == []


def test_seed_000_repeats_its_first_sentence_on_line_6() -> None:
    (document,) = load_paths([bundled_seed_paths()[0]]).documents
    line_6 = document.text.split("\n")[5]
    assert line_6 == document.text.split("\n")[0]
    (index,) = document.duplicate_sentences
    start, end = document.sentences[index]
    assert start == document.text.index(line_6, 1)
    assert document.text[start:end] == document.text[slice(*document.sentences[0])]


def test_other_seeds_have_no_duplicate_sentences() -> None:
    for document in load_paths(bundled_seed_paths()[1:]).documents:
        assert document.duplicate_sentences == [], document.id


# --- decoding and newlines ---------------------------------------------------------------------


def test_utf8_bom_is_dropped_and_offsets_start_after_it(tmp_path: Path) -> None:
    document = load_one(write(tmp_path / "bom.txt", b"\xef\xbb\xbfMore than 70 people died.\n"))
    assert document.text == "More than 70 people died.\n"
    assert document.sentences[0][0] == 0
    assert document.warnings == []


def test_windows_1252_fallback_warns(tmp_path: Path) -> None:
    document = load_one(write(tmp_path / "old.txt", b"caf\xe9 77 people \x93quoted\x94"))
    assert document.text == "café 77 people “quoted”"
    (warning,) = document.warnings
    assert "not valid UTF-8" in warning and "Windows-1252" in warning


def test_crlf_and_cr_become_newlines_as_in_python_text_mode(tmp_path: Path) -> None:
    path = write(tmp_path / "dos.txt", b"Troops deployed\r\n\r\nFirst line.\rSecond line.\r\nEnd.")
    document = load_one(path)
    assert document.text == "Troops deployed\n\nFirst line.\nSecond line.\nEnd."
    with open(path, encoding="utf-8") as handle:
        assert document.text == handle.read()
    assert document.title == "Troops deployed"


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    notepad = write(tmp_path / "notepad.txt", "Ten died.\r\nMore later.".encode("utf-16"))
    document = load_one(notepad)
    assert document.text == "Ten died.\nMore later."


# --- headlines, urls, dates --------------------------------------------------------------------


def test_sentence_per_line_report_with_url_and_date_header(tmp_path: Path) -> None:
    text = (
        "http://news.bbc.co.uk/2/hi/middle_east/4475546.stm\n"
        "Last Updated: Monday, 28 November 2005, 02:24 GMT\n"
        "Ten dead in southern Iran quake\n"
        "A powerful earthquake has hit southern Iran, killing at least 10 people, officials say.\n"
        "The quake struck Qeshm island.\n"
    )
    document = load_one(write(tmp_path / "20_1.txt", text))
    assert document.title == "Ten dead in southern Iran quake"
    assert document.text[slice(*document.title_span)] == document.title
    assert document.url == "http://news.bbc.co.uk/2/hi/middle_east/4475546.stm"
    assert document.outlet == "news.bbc.co.uk"
    assert document.date == "Last Updated: Monday, 28 November 2005, 02:24 GMT"
    assert [document.text[s:e] for s, e in document.boilerplate] == text.split("\n")[:2]


@pytest.mark.parametrize(
    "text",
    [
        "More than 70 people were killed.\n\nThe junta said little.\n",
        "By Baba Ahmed\n\nMore than 70 people were killed.\n",
        "BAMAKO, Mali -\nMore than 70 people were killed.\n",
        "A single line without a full stop",
        f"{'A very long opening line that goes on ' * 8}\n\nMore text.\n",
    ],
)
def test_lines_that_are_not_headlines(tmp_path: Path, text: str) -> None:
    document = load_one(write(tmp_path / "r.txt", text))
    assert document.title is None and document.title_span is None


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    text = "# Dozens killed in **Bamako**\n\nMore than 70 people died, *officials* said.\n"
    document = load_one(write(tmp_path / "story.md", text))
    assert document.text == text
    assert document.title == "Dozens killed in **Bamako**"
    assert document.title_span == (2, 2 + len(document.title))


def test_dev_story_headline_url_and_date() -> None:
    path = DEV_STORIES / "ecb-20" / "20_1ecbplus.txt"
    if not path.is_file():
        pytest.skip("the shared dev stories are not here")
    document = load_one(path)
    assert document.title == "Ten dead in southern Iran quake"
    assert document.url == "http://news.bbc.co.uk/2/hi/middle_east/4475546.stm"
    assert document.date == "Last Updated: Monday, 28 November 2005, 02:24 GMT"
    assert "AFP" in document.sources


# --- folders, manifests, sessions, ids ---------------------------------------------------------


def test_folder_loads_its_reports_sorted_and_ignores_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    write(folder / "b.txt", "Second report. 70 dead.\n")
    write(folder / "a.md", "First report. 77 dead.\n")
    write(folder / "notes.pdf", b"%PDF-1.4 binary")
    write(folder / "data.csv", "a,b\n")
    write(folder / ".draft.txt", "An editor's temporary file.\n")
    write(folder / "sub" / "c.txt", "Not loaded: subfolders are not read.\n")
    result = load_paths([folder])
    assert result.errors == []
    assert [document.id for document in result.documents] == ["a", "b"]


def test_manifest_with_relative_paths_and_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "story" / "reports" / "afp.txt", "77 people died, AFP said.\n")
    write(tmp_path / "story" / "reports" / "aa.txt", "More than 70 people died.\n")
    write(
        tmp_path / "story" / "story.yaml",
        "title: Bamako attacks, September 2024\n"
        "reports:\n"
        "  - path: reports/afp.txt\n"
        "    outlet: France 24\n"
        "    date: 2024-09-19\n"
        "    url: https://www.france24.com/en/africa/20240919-bamako\n"
        "  - path: reports/aa.txt\n"
        "    id: anadolu\n",
    )
    monkeypatch.chdir(tmp_path)
    result = load_paths(["story/story.yaml"])
    assert result.errors == []
    assert result.title == "Bamako attacks, September 2024"
    first, second = result.documents
    assert (first.id, first.outlet, first.date) == ("afp", "France 24", "2024-09-19")
    assert first.url == "https://www.france24.com/en/africa/20240919-bamako"
    assert first.path == os.path.join("story", "reports", "afp.txt")
    assert (second.id, second.outlet) == ("anadolu", None)
    assert second.text == "More than 70 people died.\n"


def test_manifest_report_that_is_missing_is_one_error_and_the_rest_load(tmp_path: Path) -> None:
    write(tmp_path / "ok.txt", "Fine report.\n")
    listing = "reports:\n  - path: ok.txt\n  - path: gone.txt\n  - {}\n"
    manifest = write(tmp_path / "story.yml", listing)
    result = load_paths([manifest])
    assert [document.id for document in result.documents] == ["ok"]
    assert [error.message for error in result.errors] == [
        f"{tmp_path / 'gone.txt'}: file not found.",
        f"{manifest}: report 3 in the list has no 'path' (nor a 'url' to fetch).",
    ]


def test_session_file_is_recognised_and_not_taken_for_a_manifest(tmp_path: Path) -> None:
    session = write(tmp_path / "reading.yaml", "sahel_reader_session: 1\ndocuments: []\n")
    manifest = write(tmp_path / "story.yaml", "title: T\nreports: []\n")
    report = write(tmp_path / "r.txt", "sahel_reader_session: 1\n")
    assert is_session_file(session)
    assert not is_session_file(manifest)
    assert not is_session_file(report)
    assert not is_session_file(tmp_path / "missing.yaml")
    message = only_error(load_paths([session, report]), "reading.yaml")
    assert "session" in message


def test_duplicate_ids_are_suffixed_with_a_warning(tmp_path: Path) -> None:
    first = write(tmp_path / "one" / "report.txt", "First.\n")
    second = write(tmp_path / "two" / "report.txt", "Second.\n")
    third = write(tmp_path / "three" / "report.md", "Third.\n")
    taken = write(tmp_path / "report-2.txt", "Already called report-2.\n")
    result = load_paths([first, second, third, taken])
    ids = [document.id for document in result.documents]
    assert ids == ["report", "report-3", "report-4", "report-2"]
    assert result.documents[0].warnings == [] and result.documents[3].warnings == []
    (warning,) = result.documents[1].warnings
    assert "'report'" in warning and "'report-3'" in warning


def test_a_session_broken_by_hand_is_still_taken_for_a_session(tmp_path: Path) -> None:
    """Its top key says what it is: opened as a session, it is refused with the session's own
    sentence (file, line, left untouched) rather than as a story manifest."""
    broken = write(tmp_path / "reading.yaml", "sahel_reader_session: 1\ntitle: [unclosed\nnotes: x: y\n")
    broken_manifest = write(tmp_path / "story.yaml", "title: [unclosed\nreports: x: y\n")
    assert is_session_file(broken)
    assert not is_session_file(broken_manifest)
