"""A report saved as text wrapped to a width reads as the same report unwrapped (highlighters/soft_wraps.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sahel_reader.highlighters.sentences import split_sentences
from sahel_reader.highlighters.soft_wraps import reading_text, soft_breaks
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import load_paths

PARAGRAPHS = [
    "Gunmen attacked a police training school on the edge of the capital before dawn on Tuesday, "
    "killing at least 41 cadets and wounding 65 others, according to officials at the interior ministry.",
    '"We will rebuild the school and we will find those who did this," said Amadou Diallo, the mayor of '
    "the district, who visited the site with the minister on Tuesday afternoon.",
    "The army said about 20 attackers had been killed or captured, a figure that could not be checked, and "
    "a curfew was ordered in three districts of the city until Thursday morning.",
]
"""Three paragraphs of a made-up report: a figure whose source is at the end, a quotation whose speaker's
name a wrap at 70 cells cuts in two."""


def wrapped(width: int = 70) -> str:
    return "Attack on police school\n\n" + "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"


def one_paragraph_a_line() -> str:
    return "Attack on police school\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def test_the_breaks_inside_a_wrapped_paragraph_are_soft_and_read_as_spaces():
    text = wrapped()
    breaks = soft_breaks(text)
    inside = [n for n, character in enumerate(text) if character == "\n"
              and text[n - 1:n] not in ("\n", "") and text[n + 1:n + 2] not in ("\n", "")]
    assert breaks == inside and len(breaks) >= 6
    assert reading_text(text) == one_paragraph_a_line()  # textwrap only replaced spaces by line breaks


def test_a_wrapped_paragraph_is_one_run_of_sentences():
    text = wrapped()
    sentences = [" ".join(text[s:e].split()) for s, e in split_sentences(reading_text(text))]
    assert sentences == [" ".join(s.split()) for s in [
        "Attack on police school", *(t for p in PARAGRAPHS for t in _sentences(p))]]


def _sentences(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in split_sentences(paragraph)]


def test_reports_of_a_paragraph_a_line_or_a_sentence_a_line_keep_every_break():
    assert soft_breaks(one_paragraph_a_line()) == []
    sentence_a_line = "\n".join(t for p in PARAGRAPHS for t in _sentences(p))
    assert soft_breaks(sentence_a_line) == []
    short_lines = "\n".join(f"Line {n} says one short thing." for n in range(30))
    assert soft_breaks(short_lines) == []


def test_a_list_of_short_lines_is_no_wrapped_paragraph():
    names = "\n".join(f"{name} of {town}, aged {age}" for name, town, age in [
        ("Amadou Diallo", "Bamako", 34), ("Fatou Traore", "Kati", 29), ("Moussa Keita", "Segou", 41),
        ("Awa Coulibaly", "Mopti", 22), ("Ibrahim Toure", "Gao", 37), ("Mariam Sangare", "Kayes", 30),
        ("Oumar Sidibe", "Sikasso", 45), ("Kadiatou Diarra", "Koulikoro", 26)])
    assert soft_breaks("The dead named by the hospital:\n" + names + "\n") == []


def test_list_items_indented_lines_and_short_lines_keep_their_breaks():
    items = "\n".join(textwrap.fill(p, 70) for p in PARAGRAPHS[:2])
    listed = items + "\n- the first item of a list that the report\n- gives after its text\n    an indented line"
    breaks = soft_breaks(listed)
    assert breaks  # the paragraphs are still wrapped
    for n, character in enumerate(listed):
        if character == "\n" and listed[n + 1:n + 3] in ("- ", "  "):
            assert n not in breaks


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab c.\n\n-"), max_size=600), st.integers(20, 90))
def test_reading_text_keeps_length_and_changes_only_line_breaks(text, width):
    texts = [text, "\n".join(textwrap.fill(line, width) for line in text.split("\n"))]
    for original in texts:
        read = reading_text(original)
        assert len(read) == len(original)
        assert all(a == b or (a == "\n" and b == " ") for a, b in zip(original, read))
        assert reading_text(read) == read


def test_claims_of_a_wrapped_report_are_those_of_it_unwrapped(tmp_path: Path):
    """The speaker whose name the wrap cut, the source at the paragraph's end and the event keep to their figures."""
    (tmp_path / "wrapped.txt").write_text(wrapped(), encoding="utf-8")
    (tmp_path / "whole.txt").write_text(one_paragraph_a_line(), encoding="utf-8")
    story = analyse(load_paths(sorted(tmp_path.iterdir())).documents)

    def read(doc: str) -> list[tuple]:
        return [(" ".join(c.text.split()), c.speaker, c.source, c.event, c.value)
                for c in story.claims if c.doc == doc]

    wrapped_report = next(d for d in story.documents if d.id == "wrapped")
    assert wrapped_report.soft_breaks == soft_breaks(wrapped())  # found once, as it was loaded
    assert read("wrapped") == read("whole")
    assert ("41", None, "officials", "killed", 41) in [
        (text.removeprefix("at least "), *rest) for text, *rest in read("wrapped")]
    assert [speaker for _, speaker, *_ in read("wrapped") if speaker] == ["Amadou Diallo"]


def test_a_pane_shows_a_wrapped_paragraph_flowing_and_the_status_bar_a_figure_on_one_row(tmp_path: Path):
    from dataclasses import replace

    from sahel_reader.tui.pane_lines import PaneLines
    from sahel_reader.tui.widgets.status_bar import describe

    (tmp_path / "wrapped.txt").write_text(wrapped(), encoding="utf-8")
    story = analyse(load_paths([tmp_path / "wrapped.txt"]).documents)
    document = story.documents[0]
    shown, starts = PaneLines().shown_text(document)
    assert shown == reading_text(document.text) and "said Amadou Diallo, the mayor of the district" in shown
    assert starts == [start for start, _ in document.sentences]
    figure = next(c for c in story.claims if c.kind == "number")
    assert describe(replace(figure, text="at least\n41")) == "at least 41 killed, per officials"


WIRE_SENTENCES = [
    "Gunmen attacked a police training school in the capital before dawn on Tuesday, officials said.",
    "At least 41 cadets were killed and 65 others wounded in the attack, the interior ministry said.",
    "The army said about 20 attackers had been killed or captured, a figure that could not be checked.",
    '"We will rebuild the school and find those who did this," said Amadou Diallo, the mayor.',
    "A curfew was ordered in three districts of the city until Thursday morning, state radio said.",
    "Schools and markets in the districts stayed closed on Wednesday, residents told reporters.",
]
"""A wire of one-sentence paragraphs, each a little longer than a line of 72 cells."""


def test_a_wire_of_one_sentence_paragraphs_wrapped_to_a_width_is_read_unwrapped():
    """Half its breaks end a sentence (each paragraph's last line), and they stay; the others are soft."""
    text = "Police school attacked\nTuesday 12 March\n" + "\n".join(textwrap.fill(s, 72) for s in WIRE_SENTENCES) + "\n"
    assert reading_text(text) == "Police school attacked\nTuesday 12 March\n" + "\n".join(WIRE_SENTENCES) + "\n"
