"""A report's figures read line by line, each distinct line once for the whole story (``report_figures``).

The memo must change nothing but the time: the figures and claims it gives are those of reading
every report whole and on its own.
"""

from __future__ import annotations

from dataclasses import astuple, replace
from pathlib import Path

import pytest

from sahel_reader.highlighters.numbers import find_figures, read_figures
from sahel_reader.story import report_figures as module
from sahel_reader.highlighters.boilerplate import is_date_line
from sahel_reader.story.claims import _kept_figures, extract_claims, report_dollar
from sahel_reader.story.documents import bundled_seed_paths, load_paths
from sahel_reader.story.model import Document
from sahel_reader.story.report_figures import report_figures

DEV_STORIES = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-stories"
WIRE = "More than 70 people were killed and about 255 injured, officials said on Tuesday.\n"


def _seeds():
    loaded = load_paths(bundled_seed_paths())
    assert not loaded.errors
    return loaded.documents


def test_the_figures_of_the_seeds_are_those_of_reading_each_report_whole() -> None:
    shared: dict = {}
    for document in _seeds():
        dollar = report_dollar(document.text)
        whole = find_figures(document.text, dollar)
        assert whole
        assert report_figures(document.text, dollar, shared) == whole
        assert report_figures(document.text, dollar, {}) == whole


def test_the_figures_of_the_dev_stories_are_those_of_reading_each_report_whole() -> None:
    """Real reports nobody here wrote, with wire copies: the memo is hit and changes nothing."""
    if not DEV_STORIES.is_dir():
        pytest.skip("the shared dev stories are not here")
    for story in sorted(p for p in DEV_STORIES.iterdir() if p.is_dir()):
        shared: dict = {}
        for path in sorted(story.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            dollar = report_dollar(text)
            assert report_figures(text, dollar, shared) == find_figures(text, dollar), path.name


def test_the_claims_of_a_story_with_one_memo_are_those_of_a_fresh_memo_per_report() -> None:
    documents = _seeds()
    shared: dict = {}
    together = [[c.to_json() for c in extract_claims(d, shared)] for d in documents]
    apart = [[c.to_json() for c in extract_claims(d)] for d in documents]
    assert together == apart
    assert shared["lines"] and shared["sentences"]


def test_a_line_met_again_in_another_report_is_read_once_and_placed_at_its_own_offsets(monkeypatch) -> None:
    reads: list[str] = []

    def counting(line: str, folded, *args, **kwargs):
        reads.append(line)
        return read_figures(line, folded, *args, **kwargs)

    monkeypatch.setattr(module, "read_figures", counting)
    memo: dict = {}
    first = report_figures(WIRE, "USD", memo)
    later = "Bamako, Mali (AP) - Gunmen stormed a hotel.\n" + WIRE
    second = report_figures(later, "USD", memo)
    assert reads.count(WIRE.rstrip("\n")) == 1
    assert [later[f.start:f.end] for f in second] == [WIRE[f.start:f.end] for f in first] == ["More than 70", "about 255"]
    assert second == find_figures(later)


def test_a_report_may_change_its_figures_without_changing_another_reports() -> None:
    memo: dict = {}
    first = report_figures(WIRE, "USD", memo)
    first[0].when, first[0].qualifier = "2015-11-20", "exact"
    assert report_figures(WIRE, "USD", memo) == find_figures(WIRE)


def test_what_a_report_says_elsewhere_is_part_of_the_memo_s_key() -> None:
    """A bare "$" is the report's dollar, and a bare number may be a magnitude in a report of a quake."""
    memo: dict = {}
    line = "The damage was put at $5 million, and a 6.1 was recorded"
    plain = report_figures(line, "USD", memo)
    australian = report_figures(line + "\nA$2 was the fare.", "AUD", memo)
    quake = report_figures(line + "\nThe earthquake struck at dawn.", "USD", memo)
    assert [f.unit for f in plain][:1] == ["USD"] and [f.unit for f in australian][:1] == ["AUD"]
    for text, dollar, found in ((line, "USD", plain), (line + "\nA$2 was the fare.", "AUD", australian),
                                (line + "\nThe earthquake struck at dawn.", "USD", quake)):
        assert [astuple(f) for f in found] == [astuple(f) for f in find_figures(text, dollar)]


def test_a_conversion_on_the_next_line_takes_the_hedge_of_the_figure_it_converts() -> None:
    text = "The quake struck about 58km\n(36 miles) from the town."
    found = report_figures(text, "USD", {})
    assert found == find_figures(text)
    assert [(text[f.start:f.end], f.qualifier) for f in found] == [("about 58km", "approx"), ("36 miles", "approx")]


def test_an_age_at_the_end_of_a_line_is_read_with_its_own_line() -> None:
    """A list of the victims, one a line: the number after a name is an age whatever the next line says."""
    text = "The victims were named.\nSahar Khoga, 52\nKhoga, a teacher, had three children."
    (age,) = [f for f in report_figures(text, "USD", {}) if text[f.start:f.end] == "52"]
    assert (text[age.start:age.end], age.quantity, age.dimension) == ("52", "duration", "age")


def test_the_figures_kept_are_those_outside_furniture_as_is_boilerplate_tells() -> None:
    """``_kept_figures`` walks the figures and the furniture together: the figures it drops are those
    ``Document.is_boilerplate`` places in furniture (and dates no line of its own), spans that are no whole
    line, figures at a span's very start and end, and figures before and after all of them included."""
    text = "Posted 4/9/2007 6:04 PM\n12 comments on 3 posts\nAbout 40 people, 7 of them children, died.\nShare 5 times\n"
    lines = [(0, 23), (24, 46), (64, 80), (90, 97)]  # the last two are parts of lines only
    document = Document(id="r", path="r.txt", text=text, boilerplate=lines)
    figures = report_figures(text, "USD", {})
    date_lines = {start: is_date_line(text[start:end]) for start, end in lines}
    kept, datelines = _kept_figures(document, [replace(f) for f in figures], date_lines)
    expected = [f.start for f in figures if not document.is_boilerplate(f.start, f.end) or (
        f.quantity in ("date", "time", "year") and date_lines.get(text.rfind("\n", 0, f.start) + 1))]
    assert [f.start for f in kept] == expected
    assert len(expected) < len(figures) and datelines and set(datelines) < set(expected)


@pytest.mark.parametrize("text", [
    "In İzmir 12 people were killed.\nAbout 40 were hurt, 3 of them badly.\n\nNo one was killed in Ankara.",
    "In Izmir 12 people were killed.\nAbout 40 were hurt, 3 of them badly.\n\nNo one was killed in Ankara.",
])
def test_each_line_is_read_with_its_own_lower_case(text: str) -> None:
    """A line is read with its line of the whole text lower-cased, or, where lower-casing moves offsets (the
    dotted İ), lower-cased alone: the figures of reading the report whole either way."""
    assert report_figures(text, "USD", {}) == find_figures(text, "USD")
    assert len(find_figures(text, "USD")) == 4
