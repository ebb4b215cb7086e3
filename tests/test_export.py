"""Exports of a session: Markdown and HTML reports, plain JSON, and W3C Web Annotation JSON-LD."""

import copy
import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_reader.story.annotations import (
    Anchor,
    Annotation,
    LinkVerdict,
    Mark,
    Session,
    SessionDocument,
)
from sahel_reader.story.export import (
    FORMATS,
    ORPHANS_HEADING,
    W3C_CONTEXT,
    escape_markdown,
    export,
    to_html,
    to_json,
    to_markdown,
    to_w3c,
)

AFP, ARAB, THIRD, AP, FOURTH = ("000_9e34431ca94add9f", "001_fc57addf554b25cf", "002_c6df8b2cbe4401de",
                                "003_9cec25fe9ce3ed75", "004_09ed114894ee4676")
MULTILINE_NOTE = "Two figures in one sentence.\nThe 81 is a count, the toll an estimate.\n\nAsk AFP which is which."
HOSTILE_NOTE = "77 | almost 100 <script>alert('x')</script> **x**"
ORPHAN_QUOTE = "A sentence that was rewritten since"


def anchor(story, doc_id: str, index: int) -> Anchor:
    document = story.document(doc_id)
    start, end = document.sentences[index]
    return Anchor.of(doc_id, document.text, start, end)


@pytest.fixture
def session(seed_story) -> Session:
    orphan = anchor(seed_story, AFP, 6)
    orphan.exact = ORPHAN_QUOTE
    return Session(
        annotations=[
            Annotation("n1", anchor(seed_story, AFP, 3), MULTILINE_NOTE, ["verified", "follow-up"],
                       "2024-09-20T10:00:00+00:00", "2024-09-20T11:30:00+00:00"),
            Annotation("n2", anchor(seed_story, ARAB, 2), HOSTILE_NOTE, ["disputed"],
                       "2024-09-20T10:10:00+00:00", "2024-09-20T10:10:00+00:00"),
            Annotation("n3", orphan, "a note whose sentence is gone", ["important"], orphan=True),
        ],
        marks=[Mark(anchor(seed_story, FOURTH, 1), "2024-09-20T10:20:00+00:00")],
        link_verdicts=[
            LinkVerdict("confirmed", anchor(seed_story, AFP, 2), anchor(seed_story, THIRD, 1),
                        "2024-09-20T10:30:00+00:00"),
            LinkVerdict("manual", anchor(seed_story, AFP, 8), anchor(seed_story, ARAB, 5),
                        "2024-09-20T10:40:00+00:00"),
        ],
    )


def section(markdown: str, heading: str) -> str:
    """The text under ``## heading`` up to the next second-level heading."""
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start:end if end != -1 else None]


def quoted(text: str) -> str:
    return "\n".join("> " + escape_markdown(line.strip()) for line in text.split("\n"))


# -- Markdown ---------------------------------------------------------------------------------

def test_markdown_has_the_reports_and_the_claims_matrix_with_every_report_as_a_column(seed_story, session):
    markdown = to_markdown(session, seed_story)
    assert markdown.startswith("# Reading session\n")
    reports = section(markdown, "Reports")
    for document in seed_story.documents:
        assert f"| {document.id} |" in reports and document.path in reports
    assert "Militant Attack in Bamako Leaves Over 70 Dead and 200 Wounded" in reports
    matrix = section(markdown, "Claims matrix")
    assert f"|  | fact | {AFP} | {ARAB} | {THIRD} | {AP} | {FOURTH} |" in matrix
    toll = next(line for line in matrix.splitlines() if "| death toll |" in line)
    assert toll.startswith("| ≠ | death toll |") and "almost 100" in toll and "77" in toll
    cells = toll.strip("|").split(" | ")
    assert len(cells) == 2 + 5 and cells[2 + 3].strip() == ""  # AP is silent on the toll
    agreed = next(line for line in matrix.splitlines() if "| victims identified |" in line)
    assert agreed.startswith("| = |") and "≠" not in agreed


def test_every_markdown_table_row_has_as_many_cells_as_its_header(seed_story, session):
    markdown = to_markdown(session, seed_story)
    for table in re.findall(r"(?:^\|.*\|\n)+", markdown, flags=re.MULTILINE):
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table.splitlines()}
        assert len(widths) == 1, table


def test_markdown_conflicts_give_every_version_with_its_source(seed_story, session):
    conflicts = section(to_markdown(session, seed_story), "Conflicts")
    assert "### death toll" in conflicts and "### injured" in conflicts
    assert f"|  | {AFP} | 77 | exact | a security source |" in conflicts
    assert f"| ≠ | {AFP} | almost 100 | upper | private document |" in conflicts
    assert f"| {FOURTH} | in the 70s | range |" in conflicts
    assert "victims identified" not in conflicts


def test_markdown_notes_quote_their_sentence_with_tags_and_keep_the_lines_of_the_note(seed_story, session):
    notes = section(to_markdown(session, seed_story), "Notes")
    first, second = session.annotations[0], session.annotations[1]
    assert quoted(first.anchor.exact) in notes and quoted(second.anchor.exact) in notes
    assert f"### n1 · {AFP} · sentence 4/" in notes and f"### n2 · {ARAB} · sentence 3/" in notes
    assert "Tags: verified, follow-up" in notes and "Tags: disputed" in notes
    assert "Two figures in one sentence.\\\nThe 81 is a count, the toll an estimate.\n\nAsk AFP" in notes
    assert ORPHAN_QUOTE not in notes and "n3" not in notes


def test_markdown_escapes_what_a_note_could_turn_into_html_emphasis_or_a_table(seed_story, session):
    markdown = to_markdown(session, seed_story)
    assert "<script>" not in markdown and "**x**" not in markdown
    assert r"77 \| almost 100 \<script\>alert('x')\</script\> \*\*x\*\*" in markdown


def test_markdown_lists_marks_link_verdicts_and_orphans_in_their_own_sections(seed_story, session):
    markdown = to_markdown(session, seed_story)
    marks = section(markdown, "Marks")
    assert f"{FOURTH} · sentence 2/" in marks and quoted(session.marks[0].anchor.exact) in marks
    verdicts = section(markdown, "Link verdicts")
    for verdict, name in zip(session.link_verdicts, ["confirmed link", "link drawn by hand"]):
        assert f"{name}: {verdict.source.doc} · sentence" in verdicts
        assert quoted(verdict.source.exact) in verdicts and quoted(verdict.target.exact) in verdicts
    orphans = section(markdown, ORPHANS_HEADING)
    assert "could not be placed in the current text" in markdown.lower()
    assert f"### n3 · {AFP} (was at" in orphans and "> " + ORPHAN_QUOTE in orphans
    assert "a note whose sentence is gone" in orphans and "Tags: important" in orphans


@given(st.text())
def test_escaped_markdown_cells_cannot_break_a_table_row(text):
    cell = escape_markdown(text, oneline=True)
    assert "\n" not in cell and "\r" not in cell
    unescaped = re.sub(r"\\.", "", cell)  # what is left once every backslash escape is taken out
    assert not set("|<>*[]`") & set(unescaped)  # intraword _ stays: it emphasises nothing


@pytest.mark.parametrize("text, expected", [
    ("a | b\nc", r"a \| b c"),
    ("<b>bold</b>", r"\<b\>bold\</b\>"),
    ("[link](http://x)", r"\[link\](http://x)"),
    ("snake_case and _emphasis_", r"snake_case and \_emphasis\_"),
    ("\x1b[31mred", r"\\x1b\[31mred"),
])
def test_escape_markdown_examples(text, expected):
    assert escape_markdown(text, oneline=True) == expected


def test_escape_markdown_keeps_lines_from_becoming_headings_or_lists():
    assert escape_markdown("# not a heading\n- not a list\n1. nor this") == \
        "\\# not a heading\n\\- not a list\n1\\. nor this"


# -- HTML -------------------------------------------------------------------------------------

VOID = {"meta", "br", "hr", "img", "link", "input"}


class StrictParser(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open)
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_a_standalone_well_formed_page_with_the_same_content(seed_story, session):
    page = to_html(session, seed_story)
    parser = StrictParser()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert ("meta", {"charset": "utf-8"}) in parser.tags
    assert not any(tag in ("script", "link", "img", "iframe") for tag, _ in parser.tags)
    assert not any("src" in attrs or "href" in attrs for _, attrs in parser.tags)
    text = "".join(parser.text)
    for fact in ("death toll", "almost 100", "in the 70s", "≠", ORPHANS_HEADING, "Tags: verified, follow-up",
                 session.annotations[0].anchor.exact, AFP, FOURTH):
        assert fact in text
    assert HOSTILE_NOTE in text  # shown as written, as text


def test_html_escapes_the_script_of_a_note(seed_story, session):
    page = to_html(session, seed_story)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


# -- JSON -------------------------------------------------------------------------------------

def test_json_is_plain_data_with_the_matrix_and_the_readers_work(seed_story, session):
    data = json.loads(to_json(session, seed_story))
    assert list(data) == ["title", "documents", "facts", "annotations", "marks", "link_verdicts"]
    assert [d["id"] for d in data["documents"]] == [AFP, ARAB, THIRD, AP, FOURTH]
    toll = data["facts"][0]
    assert (toll["label"], toll["status"], toll["kind"]) == ("death toll", "conflict", "number")
    assert AP not in toll["cells"]
    afp = {c["text"]: c for c in toll["cells"][AFP]}
    assert afp["almost 100"]["outlier"] and not afp["77"]["outlier"] and afp["77"]["value"] == 77
    assert [a["id"] for a in data["annotations"]] == ["n1", "n2", "n3"]
    assert data["annotations"][1]["note"] == HOSTILE_NOTE and data["annotations"][2]["orphan"] is True
    assert data["annotations"][0]["anchor"]["exact"] == session.annotations[0].anchor.exact
    assert [v["verdict"] for v in data["link_verdicts"]] == ["confirmed", "manual"]
    assert data["marks"][0]["anchor"]["doc"] == FOURTH


# -- W3C Web Annotation -----------------------------------------------------------------------

def test_w3c_export_is_an_annotation_collection_of_notes_and_marks(seed_story, session):
    data = json.loads(to_w3c(session, seed_story))
    assert data["@context"] == W3C_CONTEXT and data["type"] == "AnnotationCollection"
    assert data["id"].startswith("urn:sahel-reader:") and data["label"] == "Reading session"
    page = data["first"]
    assert page["type"] == "AnnotationPage" and page["partOf"] == data["id"]
    items = page["items"]
    assert data["total"] == len(items) == len(session.annotations) + len(session.marks) == 4
    assert [i["id"] for i in items] == [f"urn:sahel-reader:{AFP}:n1", f"urn:sahel-reader:{ARAB}:n2",
                                        f"urn:sahel-reader:{AFP}:n3", f"urn:sahel-reader:{FOURTH}:mark-1"]
    assert [i["motivation"] for i in items] == ["commenting"] * 3 + ["bookmarking"]
    for item in items:
        assert item["@context"] == W3C_CONTEXT and item["type"] == "Annotation"
        assert item["target"]["source"].startswith("file:///")


def test_w3c_selectors_quote_the_text_and_point_at_it_except_for_orphans(seed_story, session):
    items = json.loads(to_w3c(session, seed_story))["first"]["items"]
    orphans = [i for i in items if i["id"].endswith(":n3")]
    for item in items:
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        doc_id = item["id"].split(":")[2]
        quote = selectors["TextQuoteSelector"]
        assert set(quote) == {"type", "exact", "prefix", "suffix"}
        if item in orphans:
            assert list(selectors) == ["TextQuoteSelector"] and quote["exact"] == ORPHAN_QUOTE
            continue
        position = selectors["TextPositionSelector"]
        assert list(selectors) == ["TextQuoteSelector", "TextPositionSelector"]
        text = seed_story.document(doc_id).text
        assert quote["exact"] == text[position["start"]:position["end"]]
        assert text[:position["start"]].endswith(quote["prefix"]) and text[position["end"]:].startswith(quote["suffix"])


def test_w3c_bodies_are_the_note_and_its_tags_and_times_are_kept(seed_story, session):
    first, _, _, mark = json.loads(to_w3c(session, seed_story))["first"]["items"]
    assert first["body"] == [
        {"type": "TextualBody", "value": MULTILINE_NOTE, "format": "text/plain", "purpose": "commenting"},
        {"type": "TextualBody", "value": "verified", "purpose": "tagging"},
        {"type": "TextualBody", "value": "follow-up", "purpose": "tagging"},
    ]
    assert (first["created"], first["modified"]) == ("2024-09-20T10:00:00+00:00", "2024-09-20T11:30:00+00:00")
    assert "body" not in mark and mark["created"] == "2024-09-20T10:20:00+00:00" and "modified" not in mark


def test_a_report_that_is_not_loaded_is_named_by_a_urn_and_listed(seed_story):
    gone = Anchor("gone", 0, 5, "Hello", "", " world")
    session = Session(documents=[SessionDocument("gone", "reports/gone.txt", "0" * 64)],
                      annotations=[Annotation("n1", gone, "still here")])
    item = json.loads(to_w3c(session, seed_story))["first"]["items"][0]
    assert item["target"]["source"] == "urn:sahel-reader:gone"
    markdown = to_markdown(session, seed_story)
    assert "| gone | (not loaded) |  | reports/gone.txt |" in markdown and "### n1 · gone (not loaded)" in markdown


# -- every format -----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_the_same_input_gives_the_same_bytes(seed_story, session, fmt):
    first = export(session, seed_story, fmt)
    assert export(session, seed_story, fmt) == first
    assert export(copy.deepcopy(session), seed_story, fmt) == first


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_session_exports_too(seed_story, fmt):
    output = export(Session(title="Bamako, <b>September</b>"), seed_story, fmt)
    if fmt == "markdown":
        assert output.startswith("# Bamako, \\<b\\>September\\</b\\>\n") and "No notes." in output
    elif fmt == "html":
        assert "<title>Bamako, &lt;b&gt;September&lt;/b&gt;</title>" in output
    elif fmt == "w3c":
        data = json.loads(output)
        assert data["total"] == 0 and data["first"]["items"] == []
    else:
        assert json.loads(output)["annotations"] == []


def test_an_unknown_format_is_a_value_error(seed_story, session):
    with pytest.raises(ValueError, match="pdf"):
        export(session, seed_story, "pdf")


# -- what a Markdown renderer makes of it -----------------------------------------------------

class TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def render_markdown(markdown: str) -> TextOnly:
    markdown_it = pytest.importorskip("markdown_it")
    parser = TextOnly()
    parser.feed(markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown))
    parser.close()
    return parser


def test_a_markdown_renderer_shows_the_notes_as_written_and_the_tables_as_tables(seed_story, session):
    rendered = render_markdown(to_markdown(session, seed_story))
    assert "script" not in rendered.tags and "strong" not in rendered.tags and "em" not in rendered.tags
    assert rendered.tags.count("table") == 4  # reports, claims matrix, and the two conflicts
    text = "".join(rendered.text)
    assert HOSTILE_NOTE in text and "Two figures in one sentence." in text
    assert rendered.tags.count("blockquote") == 2 + 1 + 2 * 2 + 1  # notes, mark, verdicts, orphan


MARKDOWN_PIECES = st.sampled_from(list("ab1 .)\n\t#>-+=*_`~[]()<>!|&;\\:\x1b") + ["&amp;", "<div>", "http://x"])


@given(st.lists(MARKDOWN_PIECES, max_size=40).map("".join))
def test_a_note_of_any_markdown_syntax_renders_as_its_own_text(note):
    from sahel_reader.highlighters.safety import printable
    from sahel_reader.story.export import _md_block

    rendered = render_markdown(_md_block(("p", note)))
    assert set(rendered.tags) <= {"p", "br"}, (note, rendered.tags)
    assert " ".join("".join(rendered.text).split()) == " ".join(printable(note).split())


def test_a_count_updated_by_a_later_report_is_shown_beside_its_fact_in_every_report_format(tmp_path):
    from sahel_reader.story.analysis import analyse
    from sahel_reader.story.documents import load_paths

    (tmp_path / "wire.txt").write_text("At least three people were killed in the floods in Lakeside.", encoding="utf-8")
    (tmp_path / "daily.txt").write_text("Ten people were killed in the floods in Lakeside.", encoding="utf-8")
    (tmp_path / "story.yaml").write_text(
        "reports:\n- {path: wire.txt, date: '2024-05-01T10:23+00:00'}\n- {path: daily.txt, date: '2024-05-01T16:00+00:00'}\n",
        encoding="utf-8")
    story = analyse(load_paths([tmp_path]).documents)
    empty = Session()
    markdown = to_markdown(empty, story)
    assert "## How the facts changed" in markdown
    assert "↑ at least three → ten, 5 h 37 min later" in markdown
    assert "↑ at least three → ten, 5 h 37 min later" in to_html(empty, story)
    (fact,) = json.loads(to_json(empty, story))["facts"]
    assert (fact["status"], [change["text"] for change in fact["changes"]]) == (
        "agree", ["↑ at least three → ten, 5 h 37 min later"])


def test_a_story_without_publication_times_has_no_timeline_section(seed_story):
    assert "How the facts changed" not in to_markdown(Session(), seed_story)
