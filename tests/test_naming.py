"""Reports are named by outlet, time and headline; the hash only where nothing else is known."""

from sahel_reader.story.model import Document
from sahel_reader.story.naming import pane_title, publication_order, report_names, short_ids, toggled_order


def report(doc_id: str, outlet=None, published=None, title=None) -> Document:
    document = Document(doc_id, f"/r/{doc_id}.txt", "Ten people died.")
    document.outlet, document.published, document.title = outlet, published, title
    return document


def test_the_title_reads_outlet_time_and_headline_and_the_id_only_when_nothing_is_known():
    full = report("001_fc57", "arabnews.com", "2011-11-11T20:09+05:30", "Quake kills ten")
    assert pane_title(full) == "arabnews.com · 11 Nov 2011 20:09 +05:30 · Quake kills ten"
    assert pane_title(report("002_ab", title="Quake kills ten")) == "Quake kills ten"
    assert pane_title(report("003_cd", published="2011-11-12")) == "12 Nov 2011"
    assert pane_title(report("004_ef")) == "004_ef"


def test_column_names_are_outlets_kept_apart_by_a_short_id_where_two_share_one():
    names = report_names([report("000_aa", "afp.com"), report("001_bb", "bbc.co.uk"), report("002_cc", "bbc.co.uk"),
                          report("003_dd")])
    assert names == {"000_aa": "afp.com", "001_bb": "bbc.co.uk 001", "002_cc": "bbc.co.uk 002", "003_dd": "003"}


def test_a_short_id_is_the_first_word_of_the_id_and_more_words_only_where_two_would_be_the_same():
    assert short_ids(["000_9e34431c", "001_fc57addf"]) == {"000_9e34431c": "000", "001_fc57addf": "001"}
    assert short_ids(["daily", "gazette", "wire"]) == {"daily": "daily", "gazette": "gazette", "wire": "wire"}
    assert short_ids(["reuters-2024-09-20", "reuters-2024-09-21", "ap-mali-attack"]) == {
        "reuters-2024-09-20": "reuters-2024-09-20", "reuters-2024-09-21": "reuters-2024-09-21",
        "ap-mali-attack": "ap-mali"}  # "ap" is under three characters: the name goes on to the next word
    assert short_ids(["abc", "abc_1"]) == {"abc": "abc", "abc_1": "abc_1"}


def test_publication_order_is_by_time_and_keeps_the_unknown_in_their_order_after():
    documents = [report("late", published="2011-11-12T10:00+00:00"), report("unknown-1"),
                 report("early", published="2011-11-11T20:09+05:30"), report("unknown-2"),
                 report("day", published="2011-11-11")]
    assert publication_order(documents) == ["day", "early", "late", "unknown-1", "unknown-2"]


def test_p_orders_by_publication_time_and_back_to_the_storys_order():
    documents = [report("late", published="2011-11-12T10:00+00:00"), report("unknown"),
                 report("early", published="2011-11-11T20:09+05:30")]
    story_order = ["late", "unknown", "early"]
    assert toggled_order(documents, story_order) == (
        ["early", "late", "unknown"], "Reports in publication order; 1 report of unknown time after them.")
    assert toggled_order(documents, ["early", "late", "unknown"]) == (story_order, "Reports in the story's order.")
    in_order = [report("a", published="2011-11-11"), report("b", published="2011-11-12")]
    assert toggled_order(in_order, ["a", "b"]) == (["a", "b"], "Reports in publication order.")
