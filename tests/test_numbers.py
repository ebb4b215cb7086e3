"""Figures: every numeric expression, its hedge, interval and kind; and what is not a figure."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sahel_reader.highlighters.numbers import find_figures, parse_number_words


def only(text: str):
    figures = find_figures(text)
    assert len(figures) == 1, [text[f.start:f.end] for f in figures]
    figure = figures[0]
    return text[figure.start:figure.end], figure


@pytest.mark.parametrize(
    ("sentence", "span", "value", "quantity"),
    [
        ("77 people had died.", "77", 77, "count"),
        ("It cost 1,000 lives.", "1,000", 1000, "count"),
        ("A 6.1-magnitude quake struck.", "6.1-magnitude", 6.1, "magnitude"),
        ("The quake had a magnitude of 4.6 near the town.", "4.6", 4.6, "magnitude"),
        ("Explosions began around 0500 GMT on Tuesday.", "around 0500 GMT", 500, "time"),
        ("It began at 3:45 p.m. local time.", "3:45 p.m. local time", 1545, "time"),
        ("In 2015, gunmen attacked a hotel.", "2015", 2015, "year"),
        ("The burials of fifty cadets took place.", "fifty", 50, "count"),
        ("Some twenty-three houses burned.", "Some twenty-three", 23, "count"),
        ("A dozen shops were looted.", "A dozen", 12, "count"),
        ("The war lasted a decade.", "a decade", 10, "duration"),
        ("They met on September 17, 2024 in Bamako.", "September 17, 2024", 17, "date"),
        ("A checkpoint 60 kilometers from Bamako was hit.", "60 kilometers", 60, "distance"),
        ("The damage reached $2.5 million.", "$2.5 million", 2_500_000, "money"),
        ("Turnout was 45 percent.", "45 percent", 45, "percent"),
        ("Turnout was 45%.", "45%", 45, "percent"),
        ("It marked the one-year anniversary.", "one-year", 1, "duration"),
        ("Two hundred and fifty people fled.", "Two hundred and fifty", 250, "count"),
        ("The camp holds 1.5 million refugees.", "1.5 million", 1_500_000, "count"),
    ],
)
def test_figures_of_every_form_are_found_with_their_value_and_kind(sentence, span, value, quantity):
    found, figure = only(sentence)
    assert found == span
    assert figure.value == pytest.approx(value)
    assert figure.quantity == quantity


@pytest.mark.parametrize(
    ("sentence", "span", "qualifier", "low", "high"),
    [
        ("More than 70 people were killed.", "More than 70", "lower", 70, None),
        ("Over 70 died.", "Over 70", "lower", 70, None),
        ("At least 15 suspects were detained.", "At least 15", "lower", 15, None),
        ("Almost 100 died.", "Almost 100", "upper", 85, 100),
        ("Nearly 100 died.", "Nearly 100", "upper", 85, 100),
        ("Up to 100 died.", "Up to 100", "upper", None, 100),
        ("The toll could reach as high as 200.", "as high as 200", "upper", None, 200),
        ("About 50 died.", "About 50", "approx", 42.5, 57.5),
        ("Around 70 died.", "Around 70", "approx", 59.5, 80.5),
        ("Some fifty cadets died.", "Some fifty", "approx", 42.5, 57.5),
        ("Approximately 200 were hurt.", "Approximately 200", "approx", 170, 230),
        ("An estimated 100 people were killed.", "An estimated 100", "approx", 85, 115),
        ("The toll was in the 70s.", "in the 70s", "range", 70, 79),
        ("Between 70 and 80 died.", "Between 70 and 80", "range", 70, 80),
        ("Officials said 70-80 died.", "70-80", "range", 70, 80),
        ("Dozens died.", "Dozens", "vague", 24, 99),
        ("A few dozen fighters attacked.", "A few dozen", "vague", 24, 60),
        ("Hundreds were hurt.", "Hundreds", "vague", 200, 999),
        ("Thousands have died.", "Thousands", "vague", 2000, 9999),
        ("Millions fled.", "Millions", "vague", 2_000_000, 999_999_999),
        ("There were 100 or more victims.", "100 or more", "lower", 100, None),
        ("77 died.", "77", "exact", 77, 77),
    ],
)
def test_hedges_set_the_qualifier_and_interval(sentence, span, qualifier, low, high):
    found, figure = only(sentence)
    assert found == span
    assert figure.qualifier == qualifier
    assert figure.low == (pytest.approx(low) if low is not None else None)
    assert figure.high == (pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize(
    "sentence",
    [
        "It was one of the worst attacks.",
        "A military building is adjacent to a civilian one.",
        "It highlighted its two-pronged strategy.",
        "The three have been ruled by the military.",
        "It was the first attack of its type; a third official spoke.",
        "No one was available for comment.",
        "The COVID-19 pandemic and F-16 jets.",
        "Two officials, one of whom was based in Bamako, spoke.",
    ],
)
def test_ordinals_pronouns_and_identifiers_are_not_figures(sentence):
    texts = [sentence[f.start:f.end] for f in find_figures(sentence)]
    assert "one" not in [t.lower() for t in texts]
    assert not any(t.lower() in ("two", "three", "19", "16", "first", "third") for t in texts if t != "Two")


def test_a_pronoun_one_is_dropped_but_a_counted_one_kept():
    text = "Twenty died, including one American; one of them was a guard."
    assert [text[f.start:f.end] for f in find_figures(text)] == ["Twenty", "one"]


def test_a_curly_apostrophe_year_and_seed_sentence():
    text = "Following several coups, the three have been ruled by the military since 2020. In January, they left."
    assert [(text[f.start:f.end], f.quantity) for f in find_figures(text)] == [("2020", "year")]


def test_a_year_followed_by_a_counted_noun_is_a_count():
    _, figure = only("Police said 2000 protesters marched.")
    assert figure.quantity == "count"


@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty-three", 23), ("one hundred", 100), ("a thousand", 1000), ("two hundred and fifty thousand", 250_000),
     ("half a dozen", 6), ("three million", 3_000_000), ("ninety-nine", 99)],
)
def test_number_words_parse(words, value):
    assert parse_number_words(words) == value


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_figures_inside_the_text_in_order(text):
    figures = find_figures(text)
    previous_end = 0
    for figure in figures:
        assert previous_end <= figure.start < figure.end <= len(text)
        assert text[figure.start:figure.end].strip() == text[figure.start:figure.end]
        previous_end = figure.end


@given(st.lists(st.sampled_from(["more than", "about", "77", "in the", "70s", "dozens", "one", "of",
                                 "the", "killed", "2015", "-", "and", "to", "80", "twenty", "three", ",",
                                 "million", "$", "%", "magnitude", "GMT", "almost"]), max_size=30))
def test_figure_like_word_soup_never_breaks_the_extractor(words):
    text = " ".join(words)
    for figure in find_figures(text):
        assert 0 <= figure.start < figure.end <= len(text)
        assert figure.qualifier in {"exact", "approx", "lower", "upper", "range", "vague"}
        if figure.low is not None and figure.high is not None:
            assert figure.low <= figure.high


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a two-year maintenance period", [("two-year", 2)]),
        ("between ten and fifteen people", [("between ten and fifteen", 10)]),
        ("ten and fifteen people", [("ten", 10), ("fifteen", 15)]),
        ("I have seen 45 and 50 cases", [("45", 45), ("50", 50)]),
        ("It costs 12.50 dollars", [("12.50 dollars", 12.5)]),
        ("The debt is $2.174T now", [("$2.174T", 2.174e12)]),
        ("Temperatures fell to -18 at night", [("-18", -18)]),
        ("It cost 10\u00a0000 dollars", [("10\u00a0000 dollars", 10_000)]),
        ("The server at 192.168.1.2 answered", []),
        ("A rate of .08 was set", [(".08", 0.08)]),
    ],
)
def test_peer_data_lessons(text, expected):
    """Cases other projects' test data taught us (scripts/peer_data.py)."""
    assert [(text[f.start:f.end], f.value) for f in find_figures(text)] == [
        (span, pytest.approx(value)) for span, value in expected
    ]


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [("200 or greater", "lower", 200, None), ("five hundred or less", "upper", None, 500),
     ("greater than 4,565", "lower", 4565, None)],
)
def test_suffix_and_comparative_hedges(text, qualifier, low, high):
    _, figure = only(text)
    assert (figure.qualifier, figure.low, figure.high) == (qualifier, low, high)
