"""A report's words with where they come from, and only web addresses a browser may be asked to open."""

from sahel_reader.story.citation import citation, source_url
from sahel_reader.story.model import Document


def report(url=None, outlet=None, published=None, title=None, text="Twelve  people\ndied.\x1b[2J"):
    return Document(id="r1", path="r1.txt", text=text, url=url, outlet=outlet, published=published, title=title)


def test_only_http_and_https_addresses_with_a_host_are_opened():
    assert source_url(report("https://example.org/a?b=1")) == "https://example.org/a?b=1"
    assert source_url(report("www.example.org/a")) == "https://www.example.org/a"
    for refused in ("javascript:alert(1)", "file:///etc/passwd", "https://", "https://exa mple.org",
                    "https://example.org/\x1b[2J", None, ""):
        assert source_url(report(refused)) is None


def test_a_citation_quotes_on_one_line_and_leaves_out_what_is_not_known():
    full = report("https://example.org/a", "AFP", "2024-09-19T10:05+00:00")
    assert citation(full, 0, 20) == "“Twelve people died.” — AFP, 19 Sep 2024 10:05 +00:00, https://example.org/a"
    assert citation(report(title="Attack in Gao"), 0, 6) == "“Twelve” — Attack in Gao"
    assert citation(report(), 0, 6) == "“Twelve” — r1"


def test_control_characters_of_a_report_never_reach_the_clipboard_raw():
    copied = citation(report(), 0, len(report().text))
    assert "\x1b" not in copied and "\\x1b" in copied


def test_the_address_comes_from_the_pages_canonical_link_or_the_reports_first_line(tmp_path):
    from sahel_reader.story.documents import load_paths

    page = tmp_path / "page.html"
    page.write_text('<html><head><title>Gunmen attack Gao market</title>'
                    '<link rel="canonical" href="https://news.example.org/gao-attack"></head><body><article>'
                    "<h1>Gunmen attack Gao market</h1><p>Gunmen killed 12 people in the market of Gao on Monday,"
                    " officials said. The market was closed on Tuesday and traders said it would reopen soon.</p>"
                    "<p>The army sent reinforcements to the town, a local official told reporters on Wednesday.</p>"
                    "</article></body></html>", encoding="utf-8")
    first_line = tmp_path / "wire.txt"
    first_line.write_text("https://wire.example.org/story/1\nGunmen killed 12 people in Gao on Monday.\n",
                          encoding="utf-8")
    html, text = load_paths([page, first_line]).documents
    assert source_url(html) == "https://news.example.org/gao-attack"
    assert source_url(text) == "https://wire.example.org/story/1"
