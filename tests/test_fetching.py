"""Reports from web addresses: fetched politely from a server the test starts on 127.0.0.1, kept in a
story folder that reopens offline with the same claims, every failure one sentence naming its address."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from web_pages import PageServer, article_pages, html_route

from sahel_reader.cli import main
from sahel_reader.story import fetching
from sahel_reader.story.documents import load_paths
from sahel_reader.story.fetching import USER_AGENT, FetchFailed, fetch_page
from sahel_reader.story.story_folder import MANIFEST_NAME, page_file_name

ARTICLE = html_route(article_pages()["/news/000_9e34431ca94add9f-early.html"])


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Whatever proxy this machine is told to use, the test's own server is asked directly."""
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


def _claims_json(capsys, *args: str) -> tuple[int, dict, str]:
    code = main(["claims", "--json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_ten_pages_are_fetched_into_a_story_folder_that_reopens_offline_with_the_same_claims(tmp_path, capsys):
    pages = article_pages()
    folder = tmp_path / "bamako"
    with PageServer({path: html_route(body) for path, body in pages.items()}) as server:
        server.delay = 0.02  # so that requests would overlap if they were not sent one at a time
        urls = [server.url(path) for path in sorted(pages)]
        code, online, err = _claims_json(capsys, "--into", str(folder), *urls)
        asked = list(server.user_agents)
    assert code == 0, err
    assert len(online["documents"]) == 10
    assert {document["outlet"] for document in online["documents"]} == {
        "Sahel Wire", "Gulf Daily", "Africa Desk", "Continental Press", "World Report"}
    assert all(document["published"].startswith("2024-09-1") for document in online["documents"])
    assert online["clusters"] and any(claim["kind"] == "quote" for claim in online["claims"])
    assert f"[10/10] {urls[-1]}" in err or "[10/10]" in err
    assert asked == [USER_AGENT] * 10 and server.most_at_once == 1  # one request at a time to a site

    kept = sorted(path.name for path in folder.iterdir())
    assert MANIFEST_NAME in kept and len(kept) == 11
    manifest = yaml.safe_load((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["title"] == "Attack in Bamako: report 1"
    assert [entry["fetched_from"] for entry in manifest["reports"]] == urls

    # The server is gone: the story folder alone gives the same story.
    code, offline, err = _claims_json(capsys, str(folder))
    assert code == 0 and err == ""
    assert offline == online


def test_a_page_that_fails_is_one_sentence_naming_its_address_and_the_rest_still_open(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(fetching, "MAX_PAGE_BYTES", 50_000)
    monkeypatch.setattr(fetching, "TIMEOUT_SECONDS", 0.5)
    big = b"<html><body><article><p>" + b"word " * 20_000 + b"</p></article></body></html>"

    def slow():
        time.sleep(2)
        return ARTICLE

    routes = {
        "/ok": ARTICLE,
        "/gone": (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"),
        "/broken": (500, {"Content-Type": "text/html"}, b"oops"),
        "/paper.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7"),
        "/big": html_route(big),
        "/big-without-length": (200, {"Content-Type": "text/html", "Content-Length": None}, big),
        "/slow": slow,
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/file.html"}, b""),
        "/home": html_route(b"<html><body><nav><a href='/a'>World</a> <a href='/b'>Sport</a></nav></body></html>"),
    }
    with PageServer(routes) as server:
        urls = [server.url(path) for path in routes] + ["ftp://127.0.0.1/report.html"]
        code = main(["claims", "--into", str(tmp_path / "story"), *urls])
    err = capsys.readouterr().err
    assert code == 1
    expected = {
        "/gone": "the site answered 404 Not Found.",
        "/broken": "the site answered 500 Internal Server Error.",
        "/paper.pdf": "not a web page but application/pdf.",
        "/big": "the page is over 0 MB, so it was not kept.",
        "/big-without-length": "the page is over 0 MB, so it was not kept.",
        "/slow": "no answer within 0.5 s.",
        "/loop": "more than 5 redirects.",
        "/to-ftp": "the site redirects to ftp://127.0.0.1/file.html, which is not http or https.",
        "/home": "no article text found on this page",
    }
    for path, sentence in expected.items():
        assert f"sahel-reader: {server.url(path)}: {sentence}" in err, path
    assert "sahel-reader: ftp://127.0.0.1/report.html: only http and https addresses are fetched." in err
    assert "1 report kept in" in err
    assert [p.suffix for p in (tmp_path / "story").iterdir()].count(".html") == 1  # nothing failed is kept


def test_an_address_that_cannot_be_reached_is_said_so(tmp_path):
    with PageServer({}) as server:
        url = server.url("/gone-away")
    with pytest.raises(FetchFailed, match=r"^http://127\.0\.0\.1:\d+/gone-away: the site cannot be reached \("):
        fetch_page(url, timeout=2)


def test_a_page_in_another_charset_is_kept_as_utf8_and_reads_right(tmp_path):
    body = ("<html><head><meta charset='iso-8859-1'><title>Sécurité</title></head><body><article><h1>Sécurité à"
            " Bamako</h1><p>Plus de 70 personnes ont été tuées mardi à Bamako, selon une source sécuritaire.</p>"
            "</article></body></html>").encode("latin-1")
    with PageServer({"/fr": (200, {"Content-Type": "text/html; charset=ISO-8859-1"}, body)}) as server:
        page = fetch_page(server.url("/fr"))
    assert "tuées".encode() in page.html and b"charset='utf-8'" in page.html


def test_a_manifest_names_pages_by_address_fetched_once_then_read_offline(tmp_path):
    manifest = tmp_path / "story.yaml"
    with PageServer({"/a": ARTICLE}) as server:
        url = server.url("/a")
        manifest.write_text(yaml.safe_dump({"title": "T", "reports": [{"url": url}, {"path": "missing.txt"}]}),
                            encoding="utf-8")
        unfetched = load_paths([manifest])
        assert [error.message for error in unfetched.errors][0] == (
            f"{url}: not fetched yet; the reader fetches it when it opens the story.")
        heard = []
        fetched = load_paths([manifest], fetch=True, on_fetched=lambda address, result: heard.append(address))
    assert heard == [url]
    assert [document.outlet for document in fetched.documents] == ["Sahel Wire"]
    assert (tmp_path / page_file_name(url)).is_file()
    assert len(fetched.errors) == 1  # the missing file, said as before: the rest opens

    offline = load_paths([tmp_path], fetch=True)  # the folder is read through its manifest; nothing fetched
    assert [document.text for document in offline.documents] == [fetched.documents[0].text]
    assert manifest.read_text(encoding="utf-8").count("url:") == 1  # the manifest itself is never rewritten


def test_an_existing_story_folder_grows_without_taking_a_page_twice(tmp_path, capsys):
    pages = article_pages()
    first, second = sorted(pages)[:2]
    folder = tmp_path / "story"
    with PageServer({path: html_route(body) for path, body in pages.items()}) as server:
        assert main(["claims", "--into", str(folder), server.url(first)]) == 0
        assert main(["claims", "--into", str(folder), server.url(first), server.url(second)]) == 0
    capsys.readouterr()
    entries = yaml.safe_load((folder / MANIFEST_NAME).read_text(encoding="utf-8"))["reports"]
    assert [entry["fetched_from"] for entry in entries] == [server.url(first), server.url(second)]


def test_a_new_story_folder_is_named_after_the_first_headline(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with PageServer({"/a": ARTICLE}) as server:
        assert main(["claims", server.url("/a")]) == 0
        assert main(["claims", server.url("/a")]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "attack-in-bamako-report-1", "attack-in-bamako-report-1-2"]
    assert "reopens offline with: sahel-reader attack-in-bamako-report-1" in capsys.readouterr().err


def test_a_list_of_addresses_is_read_from_a_file_and_a_bad_line_is_named(tmp_path, capsys):
    listing = tmp_path / "urls.txt"
    with PageServer({"/a": ARTICLE}) as server:
        listing.write_text(f"# the wire's first report\n\n{server.url('/a')}\n", encoding="utf-8")
        assert main(["claims", "--urls", str(listing), "--into", str(tmp_path / "s")]) == 0
    listing.write_text("https://example.org/a\nnot an address\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["claims", "--urls", str(listing)])
    assert stopped.value.code == 2
    assert f"{listing}, line 2: not a web address (http:// or https://): not an address" in capsys.readouterr().err


def test_into_without_addresses_is_a_usage_error(capsys):
    with pytest.raises(SystemExit):
        main(["claims", "--into", "somewhere"])
    assert "--into says where fetched pages go" in capsys.readouterr().err


def test_page_file_names_are_readable_stable_and_apart():
    url = "https://www.reuters.com/world/africa/mali-attack-2024-09-18/"
    assert page_file_name(url) == page_file_name(url)
    assert page_file_name(url).startswith("reuters.com-mali-attack-2024-09-18-") and page_file_name(url).endswith(".html")
    assert page_file_name(url) != page_file_name(url + "?page=2")
    assert "/" not in page_file_name("https://example.org/../../etc/passwd") and ".." not in page_file_name(
        "https://example.org/../../etc/passwd")
