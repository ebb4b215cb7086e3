"""Text built to make a pattern of the engine backtrack, from the audit of every pattern for runs that two
parts of it could share: each is read at once, where it once hung. Tests of the boilerplate rules and the
sentence breaks are with their modules'."""

from __future__ import annotations

from sahel_reader.highlighters.numbers import find_figures
from sahel_reader.highlighters.quote_marks import pair_quote_marks
from sahel_reader.story.fact_labels import measure_gist

from hang_guard import without_hanging


def test_a_long_run_of_points_before_half_does_not_hang() -> None:
    """The word before "half" ("the second half") was read backwards with two lazy runs over points and
    apostrophes, which split a run without a letter every way: 20,000 points took 7 s, each doubling four
    times that."""
    text = "." * 200_000 + " half of them, " + "’" * 200_000 + " the second half"
    found = without_hanging(lambda: find_figures(text), "reading the word before \"half\" past a run of points")
    assert [(text[figure.start:figure.end], figure.value) for figure in found] == [("half", 0.5)]


def test_spaces_after_a_time_that_opens_its_sentence_do_not_hang() -> None:
    """The clause after a time that opens its sentence ("In May 2010, the old bridge was closed") was looked for
    past three runs of spaces that could share one run of them: 400 spaces took 8 s, and each doubling eight times
    that (a sentence may hold 1,000)."""
    spaces = " " * 3000
    gists = without_hanging(lambda: [measure_gist("year", "In ", spaces + "x y z."),
                                     measure_gist("year", "In ", "," + spaces + "the old bridge was closed")],
                            "reading the clause after a year past a run of spaces")
    assert gists == [None, "year the old bridge was closed"]


def test_a_tag_opened_before_a_long_run_of_spaces_does_not_hang() -> None:
    """A markup tag's attributes were looked for from every space of the run after its name, each time up to 600
    characters on: 160,000 spaces took 2 s, and a report of 20 MB (the most that is read) over four minutes."""
    text = "“It is 5,” he said <a" + " " * 20_000_000 + "x “y”"
    passages = without_hanging(lambda: pair_quote_marks(text), "looking for tags before a run of spaces")
    assert [text[passage.start:passage.end] for passage in passages] == ["“It is 5,”", "“y”"]


def test_spaces_after_a_number_after_a_name_do_not_hang() -> None:
    """Whether "Smith, 38" is an age looked past the spaces after it twice over (a run, then a run before "and"
    or "of"), splitting them every way: 20,000 spaces took 2.7 s, and a line may be megabytes long."""
    spaces = " " * 200_000
    text = "Smith, 38" + spaces + ", was hurt. Riva, 47" + spaces + "x"
    found = without_hanging(lambda: find_figures(text), "reading an age before a run of spaces")
    assert [(text[figure.start:figure.end], figure.unit) for figure in found] == [("38", "year"), ("47", None)]
