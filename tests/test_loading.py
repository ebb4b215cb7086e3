"""Loading reports: seeds, encodings, newlines, folders, manifests, HTML, and every refusal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sahel_reader.story import documents
from sahel_reader.story.documents import (
    LoadResult,
    bundled_seed_paths,
    is_session_file,
    load_paths,
)

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


def write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def load_one(path: Path) -> documents.Document:
    result = load_paths([path])
    assert result.errors == []
    (document,) = result.documents
    return document


def only_error(result: LoadResult, name: str) -> str:
    """The single error's message, checked to name the file."""
    assert len(result.errors) == 1, result.errors
    (error,) = result.errors
    assert name in error.message and name in error.path
    assert error.message.count(". ") == 0 and error.message.endswith("."), error.message
    return error.message


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


# --- refusals: one clear sentence naming the file, the other paths still load ------------------


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good.txt", "A good report. 77 people died.\n")


def assert_refused(paths: list[Path], good: Path, name: str, *words: str) -> None:
    result = load_paths([paths[0], good, *paths[1:]])
    assert [document.id for document in result.documents] == ["good"]
    message = only_error(result, name)
    for word in words:
        assert word in message, message


def test_missing_file(tmp_path: Path, good: Path) -> None:
    assert_refused([tmp_path / "reports" / "a.txt"], good, "a.txt", "file not found")


def test_broken_symlink(tmp_path: Path, good: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert_refused([link], good, "link.txt", "broken symbolic link")


def test_empty_and_blank_files(tmp_path: Path, good: Path) -> None:
    assert_refused([write(tmp_path / "empty.txt", b"")], good, "empty.txt", "empty")
    assert_refused([write(tmp_path / "blank.txt", b" \n\r\n\t")], good, "blank.txt", "empty")


def test_binary_pdf_named_txt(tmp_path: Path, good: Path) -> None:
    pdf = write(tmp_path / "x.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert_refused([pdf], good, "x.txt", "binary file (PDF)", "not a text report")


def test_file_with_nul_bytes(tmp_path: Path, good: Path) -> None:
    assert_refused([write(tmp_path / "nul.txt", b"abc\x00def")], good, "nul.txt", "binary file")


def test_file_over_the_size_limit(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert documents.MAX_REPORT_BYTES == 20 * 1024 * 1024
    monkeypatch.setattr(documents, "MAX_REPORT_BYTES", 1024)
    big = write(tmp_path / "big.txt", "Seventy-seven people died. " * 100)
    assert_refused([big], good, "big.txt", "over", "refused")


def test_unreadable_file(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.txt", "Secret.\n")
    real_read_bytes = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert_refused([locked], good, "locked.txt", "permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(tmp_path: Path, good: Path) -> None:
    locked = write(tmp_path / "locked.txt", "Secret.\n")
    locked.chmod(0)
    assert_refused([locked], good, "locked.txt", "permission denied")


def test_folder_without_reports(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "attachments"
    write(folder / "photo.jpg", b"\xff\xd8\xff\xe0")
    write(folder / "inner" / "r.txt", "Only in a subfolder.\n")
    assert_refused([folder], good, "attachments", "no reports")


def test_unsupported_file_type(tmp_path: Path, good: Path) -> None:
    assert_refused([write(tmp_path / "r.csv", "a,b\n")], good, "r.csv", "not a report file")
    assert_refused([write(tmp_path / "r.docx", b"PK\x03\x04rest")], good, "r.docx", "binary file")


def test_invalid_yaml_manifest(tmp_path: Path, good: Path) -> None:
    broken = write(tmp_path / "story.yaml", "title: [unclosed\nreports:\n  - path: a.txt\n")
    assert_refused([broken], good, "story.yaml", "not valid YAML", "line")


def test_invalid_yaml_manifest_names_the_line_an_editor_shows(tmp_path: Path, good: Path) -> None:
    broken = write(tmp_path / "story.yaml", "title: one\u2028two\u2028three\nreports: []\n")  # YAML: line 2
    assert_refused([broken], good, "story.yaml", "story.yaml, line 1: this is not valid YAML ")


def test_yaml_that_is_not_a_manifest(tmp_path: Path, good: Path) -> None:
    other = write(tmp_path / "config.yaml", "theme: dark\n")
    assert_refused([other], good, "config.yaml", "reports:")


# --- HTML --------------------------------------------------------------------------------------

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Dozens killed in Bamako attack | Sahel Daily</title>
<meta property="og:site_name" content="Sahel Daily">
<meta property="og:title" content="Dozens killed in Bamako attack">
<meta property="og:url" content="https://www.saheldaily.example/2024/09/bamako-attack">
<meta property="article:published_time" content="2024-09-19T08:30:00Z">
<script>window.dataLayer = []; function track() { console.log("tracking pixel"); }</script>
<style>.menu { color: red }</style>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
</header>
<main><article>
<h1>Dozens killed in Bamako attack</h1>
<p>More than 70 people were killed when militants attacked a military police school in Bamako
on Tuesday, security sources told AFP.</p>
<p>The al-Qaeda-linked group JNIM claimed responsibility for the assault, which also targeted
the city's airport.</p>
<p>Mali's military government has not published an official death toll, and the airport
reopened later in the day.</p>
</article></main>
<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Football results from the weekend
league</a></li><li><a href="/b">Weather forecast for the coming week</a></li></ul></aside>
<footer><p>© 2024 Sahel Daily. All rights reserved.</p><a href="/privacy">Privacy policy</a>
</footer>
<script>track();</script>
</body></html>
"""


def test_html_page_gives_only_the_article(tmp_path: Path) -> None:
    document = load_one(write(tmp_path / "sahel-daily.html", ARTICLE_PAGE))
    assert document.text == (
        "Dozens killed in Bamako attack\n\n"
        "More than 70 people were killed when militants attacked a military police school in Bamako"
        " on Tuesday, security sources told AFP.\n\n"
        "The al-Qaeda-linked group JNIM claimed responsibility for the assault, which also targeted"
        " the city's airport.\n\n"
        "Mali's military government has not published an official death toll, and the airport"
        " reopened later in the day."
    )
    assert document.id == "sahel-daily"
    assert document.title == "Dozens killed in Bamako attack"
    assert document.title_span == (0, len(document.title))
    assert (document.outlet, document.date) == ("Sahel Daily", "2024-09-19T08:30+00:00")  # the minute its metadata gives
    assert document.url == "https://www.saheldaily.example/2024/09/bamako-attack"
    assert document.sources == ["AFP"]
    assert document.sentences


def test_html_page_without_an_article(tmp_path: Path, good: Path) -> None:
    menu_only = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    empty_page = write(tmp_path / "menu.htm", menu_only)
    assert_refused([empty_page], good, "menu.htm", "no article text found in this HTML page")
