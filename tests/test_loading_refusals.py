"""Loading reports: every refusal, one sentence naming the file, the other reports still loaded; HTML pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_files import load_one, only_error, write
from sahel_reader.story import documents
from sahel_reader.story.documents import load_paths


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
