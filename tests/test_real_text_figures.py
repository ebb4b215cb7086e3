"""Figures misread in political news nobody here wrote (PolNeAR's train split, issue 12): each example is a
short sentence of the form found there, with a neighbour of the same form that must keep its old reading."""

import pytest
from sahel_reader.highlighters.numbers import find_figures


def figures(text: str) -> list[tuple[str, str, float | None, str]]:
    """(span, quantity, value, qualifier) of every figure."""
    return [(text[f.start:f.end], f.quantity, f.value, f.qualifier) for f in find_figures(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a year its clause opens, before an -s verb that an article or "to" follows, is the verb's subject
    ("As 2015 comes to an end, the bankers dine.", [("2015", "year", 2015, "exact")]),
    ("For the party, 2016 marks the end of an era.", [("2016", "year", 2016, "exact")]),
    # the plural noun a count counts stays counted
    ("As 2000 troops arrived, the town emptied.", [("2000", "count", 2000, "exact")]),
    ("Police said 2000 homes were lost.", [("2000", "count", 2000, "exact")]),
    ("He sent 2000 troops to the border.", [("2000", "count", 2000, "exact")]),
])
def test_a_year_before_a_verb_in_s_is_no_count(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a year after a determiner or a possessive modifies the noun after it
    ("After the 2012 attacks on the consulate, he spoke.", [("2012", "year", 2012, "exact")]),
    ("Obama's 2012 bundlers gave again.", [("2012", "year", 2012, "exact")]),
    ("His 2016 rivals were silent.", [("2016", "year", 2016, "exact")]),
    # a noun in the singular that ends in s counts nothing
    ("The 2008 crisis deepened.", [("2008", "year", 2008, "exact")]),
    ("He gave a 2008 address at the school.", [("2008", "year", 2008, "exact")]),
    # a year of these decades that is no round number, whatever plural follows it but one of people
    ("Republicans were eyeing 2020 campaigns.", [("2020", "year", 2020, "exact")]),
    ("emissions 80 percent from 2005 levels", [("80 percent", "percent", 80, "exact"), ("2005", "year", 2005, "exact")]),
    ("He spoke at the 2004 and 2008 conventions.", [("2004", "year", 2004, "exact"), ("2008", "year", 2008, "exact")]),
    ("It was around 2002, when theories spread.", [("around 2002", "year", 2002, "approx")]),
    ("The gunmen killed 2015 people.", [("2015", "count", 2015, "exact")]),
    # a round number after a determiner stays a count
    ("The 2000 homes were lost.", [("2000", "count", 2000, "exact")]),
    ("Their 1500 troops went home.", [("1500", "count", 1500, "exact")]),
])
def test_a_year_that_modifies_a_noun_is_no_count(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Perhaps 2016 will be the year the tax code is fixed.", [("2016", "year", 2016, "exact")]),
    # a round number after "perhaps" is the hedged count it was, and so is one with its noun
    ("Perhaps 1500 marched on the capital.", [("Perhaps 1500", "count", 1500, "approx")]),
    ("perhaps 2016 people marched.", [("perhaps 2016", "count", 2016, "approx")]),
    ("about 2016 will be read as a count.", [("about 2016", "count", 2016, "approx")]),
])
def test_a_doubt_before_a_bare_year_leaves_it_a_year(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "He backed the Gang of Eight bill on immigration.",
    "She was part of the “Gang of Eight,” which wrote it.",
    "The exception is a 19-year-old Cessna 750 Citation X.",
    "The taps are brushed with 24-karat gold.",
    "She wore 18 carat gold rings.",
    "The men drove a large four-by-four car into the store.",
    "Gunmen in a 4-by-4 truck opened fire.",
])
def test_numbers_in_names_models_and_purities_are_no_counts(text):
    assert [f for f in figures(text) if f[1] == "count"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Storm Kills 50 People In Texas", [("50", "count", 50, "exact")]),  # a headline's capitals
    ("Deaths of Eight Miners Confirmed", [("Eight", "count", 8, "exact")]),
    ("The Gang of Eight met eight times.", [("eight", "count", 8, "exact")]),
    ("A 5-carat diamond was stolen.", [("5", "count", 5, "exact")]),  # a mass, not a purity
])
def test_figures_beside_capitals_or_carats_stay_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "span", "value", "qualifier"), [
    ("About 4 in 10 registered voters view him well.", "About 4 in 10", 0.4, "approx"),
    ("Three in five said so.", "Three in five", 0.6, "exact"),
    ("Nine out of 10 say the country is on the wrong track.", "Nine out of 10", 0.9, "exact"),
    ("One in 45 children is affected.", "One in 45", 0.022, "exact"),
])
def test_a_share_of_a_group_is_one_fraction_not_two_counts(text, span, value, qualifier):
    (found,) = find_figures(text)
    assert (text[found.start:found.end], found.value, found.qualifier, found.dimension) == (span, value, qualifier,
                                                                                             "fraction")


@pytest.mark.parametrize("text", ["İzmir: 70 in ſeven", "İzmir: 2 in ² x", "70 in ſeven", "4 out of ³"])
def test_a_word_read_as_a_number_but_none_makes_no_share(text):
    """The share's pattern takes any word, and a text with letters that change length when lower-cased
    ("İ") is read case-folded, where "ſeven" is "seven": a word of the report that names no number (a long
    s, a superscript) makes no share."""
    number = next(word for word in text.split() if word.isdecimal())
    assert [text[f.start:f.end] for f in find_figures(text)] == [number]


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen killed 12 in two attacks.", [("12", "count", 12, "exact"), ("two", "count", 2, "exact")]),
    ("Five in one family died.", [("Five", "count", 5, "exact"), ("one", "count", 1, "exact")]),
])
def test_a_share_that_is_none_is_read_as_its_numbers(text, expected):
    """More of a group than the group holds is no share: the figures are read as they would be without it."""
    assert figures(text) == expected


def test_a_number_in_so_many_minutes_is_no_share():
    assert figures("He scored 3 in 10 minutes.") == [("3", "count", 3, "exact"), ("10 minutes", "duration", 10, "exact")]
