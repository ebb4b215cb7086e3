"""The shortcuts that make the highlighters fast never change what they find.

Each shortcut (the guard on where a figure can begin, the one-letter tests before alternatives,
searching lower-cased text, scanning only after non-letters) is checked against the plain pattern
it stands for, on the seed reports and on soups of the very words the shortcuts single out.
"""

from __future__ import annotations

import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from sahel_reader.highlighters import context, figure_pattern
from sahel_reader.highlighters import sources as source_finding
from sahel_reader.highlighters import numbers
from sahel_reader.highlighters.figure_pattern import FIGURE_AFTER
from sahel_reader.highlighters.folding import CaseBlind, WordStart, fold
from sahel_reader.story import episodes
from sahel_reader.story.seeds import bundled_seed_paths

SEEDS = [path.read_text(encoding="utf-8") for path in bundled_seed_paths()]
FIGURE = CaseBlind(rf"(?P<figure>{figure_pattern._FIGURE_BODY})", re.VERBOSE, lazy=True)
"""The figure pattern without the character before it that ``FIGURE_AFTER`` opens with: a search
from any position, the start of a text included."""
PHRASES = (
    "the 70s", "their early 80s", "his mid-90s", "her late 20s", "the '90s", "in the 70s", "in their 60s",
    "in excess of 300", "at least 5", "at most 5", "as many as 40", "as much as $5", "no fewer than 9",
    "no one", "up to 40", "us$ 5", "US$5", "March 3", "march of 2020", "May 4, 2024", "may be", "sept. 17",
    "Sept 17th", "17 September", "from 70 to 80", "between ten and fifteen", "north of 300", "more people",
    "half a million", "half-time", "a few dozen", "a dozen", "a decade", "a century", "a reported 12",
    "an estimated 50", "an approximate 20", "an apple", "-5", "−5", ".5", "5.5", "1,000", "10\u00a0000",
    "F-16", "Article 5", "£5", "€5", "¥5", "٧٧", "İstanbul 5", "ſeven", "killed and wounded",
    "named 81 victims", "said", "Said", "told AFP", "5 p.m.", "17:30 GMT", "some twenty-three",
    "M7.5", "Mw 6.1", "minus 5", "negative 3", "A$5", "AU$5", "NZ$5", "HK$5", "C$5", "S$5", "R$5", "NT$5",
    "Rs. 500", "Rs 5", "RM3", "Dh472", "Dhs5", "Rp5", "KSh5", "R26m", "USD 5", "EUR 5", "euro110", "?5",
    "shortly after 2", "soon after 3", "just after 9", "by 10", "since 2020", "before 9 a.m.", "after 10",
    "Wednesday 03", "Sat Nov 12", "sixfold", "six-fold", "tenfold", "doubled", "tripled", "half of",
    "a quarter", "a third of", "an eighth", "½", "2½", "magnitude-5.9", "at least magnitude 5", "1052 GMT",
    "6:04 PM ET", "4/9/2007", "2007-04-10",
)
"""Phrases the shortcuts single out: a figure that only some company makes one, or a near miss."""
TRICKY = tuple(word for phrase in PHRASES for word in phrase.split())


def _unguarded_figure(flags: int = 0) -> re.Pattern[str]:
    """The figure pattern without its speed-ups: only "not after a letter" left of the guard."""
    guard = figure_pattern._on_one_line(figure_pattern._CAN_START)
    body = figure_pattern._FIGURE_BODY
    assert guard in body and "(?=[a-z])" in body
    body = body.replace(guard, r"(?<![^\W\d_])").replace("(?=[a-z])", "")
    return re.compile(f"(?P<figure>{body})", re.VERBOSE | flags)


UNGUARDED = _unguarded_figure()
UNGUARDED_ANY_CASE = _unguarded_figure(re.IGNORECASE)
soups = st.lists(st.sampled_from(TRICKY), min_size=1, max_size=25).map(" ".join)


def _figure_matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span("figure"), m.groupdict()) for m in pattern.finditer(text)]


def test_the_guard_and_letter_tests_hide_no_figure_of_the_seeds_or_the_singled_out_phrases():
    phrases = [f"{before}{phrase}{after}" for phrase in PHRASES for before, after in (("", ""), ("Then ", " died."))]
    for text in [*SEEDS, *phrases]:
        folded = text.lower()
        assert _figure_matches(FIGURE.folded, folded) == _figure_matches(UNGUARDED, folded), text
    assert all(len(_figure_matches(FIGURE.folded, text.lower())) > 5 for text in SEEDS)


@settings(max_examples=300, deadline=None)
@given(soups)
@example("Rs. .5")  # a code with its point, then a decimal that opens on its point
def test_the_guard_and_letter_tests_hide_no_figure_of_tricky_text(text):
    folded = text.lower()
    assert _figure_matches(FIGURE.folded, folded) == _figure_matches(UNGUARDED, folded)


GREEDY_FIGURE = CaseBlind(re.sub(r"([+*?}])\+", r"\1", FIGURE._pattern), re.VERBOSE, lazy=True)
"""The figure pattern with its possessive runs (``\\s++``, ``\\d{1,2}+``) greedy again."""
spaced_soups = st.lists(st.tuples(st.sampled_from(TRICKY), st.sampled_from([" ", "  ", "-", " - ", "", "\u00a0 "])),
                        min_size=1, max_size=20).map(lambda pairs: "".join(word + space for word, space in pairs))


def _all_groups(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [match.regs for match in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(spaced_soups)
@example("in the  70s, 10  march  2024, 5 - 7  percent, 1,000  km / h, 3 -  fold, 2  in  3")
def test_possessive_runs_find_what_greedy_runs_find(text):
    assert "++" in FIGURE.folded.pattern and "++" not in GREEDY_FIGURE.folded.pattern
    folded = text.lower()
    assert _all_groups(FIGURE.folded, folded) == _all_groups(GREEDY_FIGURE.folded, folded)


def test_possessive_runs_find_what_greedy_runs_find_in_the_seeds():
    for text in SEEDS:
        assert _all_groups(FIGURE.folded, text.lower()) == _all_groups(GREEDY_FIGURE.folded, text.lower())


@settings(max_examples=300, deadline=None)
@given(soups)
def test_lower_cased_search_finds_what_a_case_blind_search_finds(text):
    """Save the long s (ſ), which only case-blind matching takes for an s: news does not print it."""
    assert fold("İ") is None  # a text whose lower-casing moves offsets is searched as it is
    folded = fold(text)
    if folded is not None and "ſ" not in text:
        assert [m.span("figure") for m in FIGURE.folded.finditer(folded)] == [
            m.span("figure") for m in UNGUARDED_ANY_CASE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(soups)
def test_searching_after_a_non_letter_finds_every_figure_a_plain_search_finds(text):
    folded = text.lower()
    plain = [m.span("figure") for m in FIGURE.folded.finditer(folded)]
    found, match = [], FIGURE.folded.match(folded) or FIGURE_AFTER.folded.search(folded)
    while match is not None:
        found.append(match.span("figure"))
        position = max(match.end(), match.start("figure") + 1)
        match = FIGURE_AFTER.folded.search(folded, position - 1)
    assert found == plain


def test_every_compiled_form_of_the_figure_pattern_numbers_its_groups_alike():
    """``numbers`` reads a match's groups by position, the positions of one of the four."""
    forms = (FIGURE.folded, FIGURE.any_case, FIGURE_AFTER.folded, FIGURE_AFTER.any_case)
    assert all(form.groupindex == FIGURE.folded.groupindex for form in forms)


@settings(max_examples=300, deadline=None)
@given(soups, st.integers(0, 40))
def test_word_start_spans_are_finditer_spans(text, start):
    for scan in (context._EVENT,):
        assert isinstance(scan, WordStart)
        plain = [(m.start(), m.end(), m.lastgroup)
                 for m in scan.at_start.any_case.finditer(text, start)]
        assert scan.spans(text, fold(text), start) == plain
        assert scan.spans(text, None, start) == plain


EVENT_WORDS = (*re.findall(r"[a-z]+", " ".join(pattern for _, pattern in context._EVENT_PHRASES)),
               "Killed", "KILLED", "in", "into", "x", "3", ",", "-", "é", "_", "skilled", "indeed", "unaccounted")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(EVENT_WORDS), min_size=1, max_size=16), st.sampled_from([" ", "", "-", "é", " , "]))
@example(["named", "the", "3", "victims", "in", "custody"], " ")
def test_event_phrases_tried_only_where_their_first_words_stand_are_those_the_spans_find(words, glue):
    text = glue.join(words)
    folded = fold(text)
    expected = context._EVENT.spans(text, folded)
    assert context.event_words(text, folded, context.sentence_words(folded)) == expected
    assert context._EVENT.spans_at(folded, list(range(len(folded) + 1))) == expected


MARKER_WORDS = ("in", "In", "of", "during", "until", "by", "from", "the", "The", "last", "Last", "since", "early",
                "late", "mid", "mid-", "February", "february", "MAY", "2003", "1998", "2031", "year", "this", "earlier",
                "recent", "years", "over", "past", "decade", "so", "far", "previously", "a", "an", "similar", "attack",
                "across", "region", "nationwide", "worldwide", "ever", "every", "on", "record", "history", "x2003",
                "in2003", "3", ",", ".", "-", "é", "_in")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MARKER_WORDS), max_size=14).map(" ".join), st.sampled_from(["", " ", "-", "é"]))
@example("In February 2005 and since the war, in early 2003", "")
def test_the_markers_of_time_found_after_a_non_letter_are_those_finditer_finds(words, glue):
    text = words.replace(" ", glue or " ") if glue else words
    plain = [{name: (value or "").lower() or None for name, value in m.groupdict().items()}
             for m in episodes._MARKER.finditer(text)]
    assert [m.groupdict() for m in episodes._MARKER_WORDS.groups(text, fold(text))] == plain
    assert [m.groupdict() for m in episodes._MARKER_WORDS.groups(text, None)] == [
        m.groupdict() for m in episodes._MARKER.finditer(text)]


CLAUSE_BREAK_ANY_CASE = re.compile(r"[;:]|,\s*(?:but|although|though|while|whereas|yet)\b|\b(?:but|although|though|whereas)\b",
                                   re.IGNORECASE)
"""The clause breaks as plainly written: ``sources._CLAUSE_BREAK`` opens each alternative with a letter."""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(("but", "But", "although", "though", "whereas", "Whereas", "while", "yet", ";", ":",
                                 ",", ", ", "abut", "butt", "tough", "thoughts", "é", "_", "3", "x", " ", "\n")))
       .map("".join), st.integers(0, 40), st.integers(0, 40))
@example("x, but y", 0, 8)
@example("abut", 1, 4)
def test_the_clause_breaks_opened_by_their_letters_are_found_where_the_plain_ones_are(text, start, length):
    end = start + length
    plain = CLAUSE_BREAK_ANY_CASE.search(text, start, end) is None
    assert (source_finding._CLAUSE_BREAK.folded.search(text.lower(), start, end) is None) == plain or fold(text) is None
    assert (source_finding._CLAUSE_BREAK.any_case.search(text, start, end) is None) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from((*TRICKY, "but", "But", "though", "whereas", "while", "yet", ";", ":", ",",
                                 "police", "said", "officials", "Although", "butter", "BUT"))).map(" ".join),
       st.lists(st.integers(0, 60), min_size=1, max_size=3), st.lists(st.integers(0, 60), min_size=1, max_size=3))
@example("police said the toll rose, but officials said; 77", [0, 41], [48])
@example("police said so; 77 died", [0], [16])
@example("police said so: 77 died", [0], [16])
@example("police said so, yet 77 died", [0], [20])
@example("police said so, while 77 died", [0], [22])
@example("police said so whereas 77 died", [0], [23])
@example("police said so, though 77 died", [0], [23])
@example("police said 5 died and 7 were hurt", [0], [12, 23])
@example("police said 5 died, but officials said 7 were hurt", [0, 25], [12, 39])
def test_the_clause_test_before_the_clause_search_loses_no_clause_break(text, offsets, positions):
    """The sources of a sentence's figures, placed for all of them at once (one source, or no clause
    break in the sentence, answered without a search), are each figure's nearest in its clause."""
    sources = [(offset, f"source {offset}") for offset in sorted(set(offsets))]
    expected = []
    for position in positions:
        in_clause = [(offset, source) for offset, source in sources
                     if not CLAUSE_BREAK_ANY_CASE.search(text, min(offset, position), max(offset, position))
                     and not offset <= position < offset + len(source)]  # a source holding the figure is none
        expected.append(min(in_clause, key=lambda item: abs(item[0] - position))[1] if in_clause else None)
    assert source_finding.figure_sources(text, fold(text), sources, positions) == expected



DOLLAR_WORDS = ("US$", "A$", "AU$", "NZ$", "HK$", "CA$", "C$", "S$", "NT$", "R$", "$", "$$", "xA$", "AUS$", "US",
                "New Zealand dollar", "Hong Kong dollars", "Taiwan dollarsx", "Australian dollars.", "Canadian  dollar",
                "Singapore dollar5", "dollar", "dollars", "é", "\n", "5", "million", "Zealand")
PLAIN_DOLLARS = re.compile(r"(?<![A-Za-z$])(US|A|AU|NZ|HK|C|CA|S|NT|R)\$|\b(Australian|Canadian|New Zealand|Hong Kong"
                           r"|Singapore|Taiwan) dollars?\b")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DOLLAR_WORDS), min_size=1, max_size=8).map("".join),
       st.lists(st.sampled_from(DOLLAR_WORDS), min_size=1, max_size=8).map(" ".join))
def test_the_reports_dollar_read_around_each_sign_is_the_one_a_whole_text_search_finds(glued, spaced):
    from sahel_reader.story.claims import _DOLLAR_CODES, report_dollar

    for text in (glued, spaced, *SEEDS):
        named = {_DOLLAR_CODES[(m.group(1) or m.group(2)).lower()] for m in PLAIN_DOLLARS.finditer(text)}
        assert report_dollar(text) == (named.pop() if len(named) == 1 else "USD")


VERB_WORDS = (*TRICKY, "said", "Said", "unsaid", "said-so", "told", "‘told", "'said", "put", "put it", "shot back",
              "went on", "issued a statement", "says", "saying", "added", "adding", "the", "his", "gave", "claimed")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VERB_WORDS), min_size=1, max_size=25).map(" ".join), st.integers(0, 30),
       st.integers(0, 200))
def test_reporting_verbs_found_after_a_non_letter_are_those_finditer_finds(text, start, length):
    from sahel_reader.highlighters.words import VERB, verb_matches

    end = min(len(text), start + length)
    for pattern in (VERB, source_finding._FIGURE_VERB):
        expected = [m.span() for m in pattern.finditer(text, start, end)]
        assert [m.span() for m in verb_matches(text, start, end, pattern)] == expected
        assert [m.span() for m in verb_matches(text, start, end, pattern, fold(text))] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VERB_WORDS + ("SAID", "saysay", "say", "x_said", "putput", "input", "señor", "’")),
                min_size=1, max_size=25).map(" ".join))
def test_a_figures_verbs_found_from_the_sentences_words_are_those_finditer_finds(text):
    folded = fold(text)
    assume(folded is not None)  # a text whose offsets lower-casing moves is searched as it is
    verb_words = source_finding._FIGURE_VERB_WORDS.intersection(context.sentence_words(folded))
    expected = [m.span() for m in source_finding._FIGURE_VERB.finditer(text)]
    assert [m.span() for m in source_finding._figure_verb_matches(text, folded, verb_words)] == expected


def test_a_date_line_is_the_same_with_its_first_word_checked_first():
    from sahel_reader.highlighters import boilerplate

    plain = re.compile(boilerplate._DATE_LINE, re.IGNORECASE)
    lines = ["Updated 4/9/2007 6:04 PM", "POSTED: 1052 GMT (1852 HKT), April 10, 2007", "Apr 9, 2007",
             "on April 30, 2008 at 4:31 AM", "WEDNESDAY 03", "The toll rose on April 3", "said on 4/9/2007",
             *(line for seed in SEEDS for line in seed.splitlines())]
    for line in lines:
        assert (boilerplate._DATE_ONLY.fullmatch(line) is None) == (plain.fullmatch(line) is None), line


@given(st.text(alphabet="magnitudequkeshocrtbljw m456789-", max_size=60), st.text(alphabet="saidtolepcrngvwmfu ", max_size=60))
def test_the_quake_hints_and_source_cues_tries_find_what_a_scan_per_word_finds(quake, cue):
    from sahel_reader.highlighters.figure_kinds import MAGNITUDE_HINT, MAGNITUDE_HINTS

    assert (MAGNITUDE_HINT.search(quake) is not None) == any(hint in quake for hint in MAGNITUDE_HINTS)
    assert (source_finding._CUE.search(cue) is not None) == any(word in cue for word in source_finding._CUES)


def test_the_quake_hints_found_at_a_rare_letter_are_found_as_a_scan_per_hint_finds_them():
    from sahel_reader.highlighters.figure_kinds import MAGNITUDE_HINT, MAGNITUDE_HINTS

    near_misses = {hint[:cut] + other + hint[cut + 1:] for hint in MAGNITUDE_HINTS for cut in range(len(hint))
                   for other in ("", "x", hint[cut] * 2)}
    texts = [*MAGNITUDE_HINTS, *near_misses, *(f"a {text}." for text in near_misses), "earthquakes", "m10", "mm7"]
    for text in texts:
        assert (MAGNITUDE_HINT.search(text) is not None) == any(hint in text for hint in MAGNITUDE_HINTS), text


def test_re_reads_a_window_that_starts_before_the_text_as_one_from_its_start():
    """The figure readers give ``re`` windows such as ``start - 40`` as they are, not ``max(0, start - 40)``
    (a call of ``max`` costs 200 ns in Python 3.11): ``re`` takes a negative start as the text's start and
    an end past the text as its end, where a slice or ``str.find`` would count a negative start from the end."""
    text = "magnitude 5.9"
    assert re.compile(r"\w+").search(text, -40, 9).span() == (0, 9)
    assert re.compile(r"magnitude $").search(text, -3, 10).span() == (0, 10)
    assert re.compile(r"(?<!\w)m").search(text, -1).span() == (0, 1)
    assert re.compile(r"5\.9").search(text, 0, 95).span() == (10, 13)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ9_.'’,-\"(é \u00a0\t\u2009", max_size=24))
@example("No. ")
@example("the U.S. ")
@example("killed ")
@example("said, ")
@example("Flight")
@example("")
@example(" \t")
@example("x y.'")
@example("café 5")
def test_the_word_before_a_figure_is_the_last_word_the_plain_pattern_finds(text):
    from sahel_reader.highlighters import figure_values

    found = figure_values._WORD_BEFORE.search(text)
    assert figure_values.word_before(text) == (found.group(1) if found else "")


def test_figures_with_nothing_to_bound_them_are_qualified_as_the_full_rules_qualify_them(monkeypatch):
    texts = [*SEEDS, *PHRASES, "Perhaps 2016 will be the year", "cost $1 trillion over 10 years", "over nearly $100 billion",
             "from 2009 to 2013", "since 2020", "after 6 p.m.", "5 or more", "-3 degrees", "in the 1990s"]
    shortcut = [numbers.find_figures(text) for text in texts]
    monkeypatch.setattr(numbers, "_qualify", numbers._qualify_bounded)
    assert [numbers.find_figures(text) for text in texts] == shortcut


CALIBRE_WORDS = ("gauge", "calibre", "caliber", "cal", "mm", "pistol", "karat", "carat", "gold", "in", "on", "by", "-",
                 " ", "  ", "\t", "-by-", "4", "x", "Cal", "GAUGE", "Karat", "\u212arat")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CALIBRE_WORDS), max_size=6).map("".join))
@example("-gauge")
@example(" - karat")
@example("-caliber")
@example(" carat gold")
@example("  in on")
def test_calibres_and_purities_that_share_one_optional_hyphen_match_what_their_own_alternatives_matched(text):
    from sahel_reader.highlighters import not_figures

    separate = re.compile(
        r"-?\s?(?:gauge|calibre|caliber|cal\b|mm\s+(?:pistol|rifle|gun|handgun|round|firearm|weapon|semi-automatic"
        r"|bullet|ammunition|cartridge))|-?\s?(?:karat|carat(?=\s+(?:gold|white|yellow|rose)\b))|\s+in\s+on\b"
        r"|-by-(?=[a-z\d])", re.IGNORECASE)
    assert (not_figures._NOT_QUANTITY_AFTER.match(text) is None) == (separate.match(text) is None)


def test_a_naming_word_names_the_number_after_it_only_with_its_capital_whatever_comes_before():
    """``_is_part_of_name`` stops at a lower-case stretch before the number: the naming word needs a capital."""
    from sahel_reader.highlighters import not_figures

    for word in sorted(not_figures._NAME_PREFIXES):
        for written in (word, word.capitalize(), word.upper()):
            for before in ("", "the ", "said the ", "Officials said the "):
                text = f"{before}{written} 75 was"
                counted = any(text[figure.start:figure.end] == "75" for figure in numbers.find_figures(text))
                assert counted == written[0].islower(), text


def test_iso_times_and_dates_written_from_the_table_of_two_digits_are_what_format_specs_write():
    from sahel_reader.highlighters import clock

    for hours in range(24):
        for minutes in range(60):
            assert clock.time_text(hours, minutes, None, None) == f"{hours:02d}:{minutes:02d}"
    for seconds in range(60):
        assert clock.time_text(9, 5, seconds, "GMT") == f"09:05:{seconds:02d}+00:00"
    for year in (*range(-12, 1100), 1999, 2024, 9999, 10000, 123456):
        assert clock.year_text(year) == f"{year:04d}"
    dates = {"April 10, 2007": "2007-04-10", "27 NOVEMBER": "--11-27", "Wednesday 03": "---03", "December 2003": "2003-12",
             "4/9/2007": "2007-04-09", "2007-04-10": "2007-04-10", "1/2/0099": "0099-01-02", "3/4/05": "2005-03-04",
             "Feb 29, 2023": None, "Jan 1, 0999": "0999-01-01"}
    for written, expected in dates.items():
        assert clock.iso_date(written) == expected, written
    assert clock.iso_time("10:52", "GMT") == "10:52+00:00" and clock.iso_time("6:04 PM", None) == "18:04"
    assert clock.iso_time("06:37:46 am", "pdt") == "06:37:46-07:00" and clock.iso_time("25:00", None) is None


def _figures_opening_read_by_a_pattern_of_their_own(text: str) -> list:
    """``find_figures`` as it was: a figure at the start of the text matched by ``FIGURE`` itself."""
    folded = fold(text)
    searched = folded if folded is not None else text
    report = numbers._Report(text, folded if folded is not None else text.lower(), "USD", False)
    after = FIGURE_AFTER.over(text, folded)[0]
    match = FIGURE.over(text, folded)[0].match(searched) or after.search(searched)
    figures = []
    while match is not None:
        figure, resume = numbers._to_figure(report, match)
        if figure is not None:
            figures.append(figure)
        match = after.search(searched, max(resume, match.start("figure") + 1) - 1)
    numbers.carry_hedges_into_conversions(text, figures)
    return sorted(figures + numbers.find_zero_figures(text, folded), key=lambda figure: figure.start)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PHRASES), soups)
@example("More than 50 people", "died")
@example("$5", "million")
@example("-5", "degrees")
@example("12:28 CDT", "Updated")
@example("April 10, 2007", "10:52 GMT")
def test_a_figure_opening_the_text_is_read_after_a_space_as_at_the_start(phrase, soup):
    for text in (f"{phrase} {soup}", phrase, phrase.upper(), f"{phrase}İ {soup}"):
        assert numbers.find_figures(text) == _figures_opening_read_by_a_pattern_of_their_own(text), text


NOUN_WORDS = ("entrance", "entrances", "Entrances", "body", "bodies", "man", "men", "bus", "buses", "village",
              "villages", "to", "To", "in", "at", "on", "near", "off", "inside", "the", "The", "our", "a", "of",
              "offices", "office", "Bamako", "north-east", "camp", "was", "were", "and", "it", "hearing", "next",
              "police", "military", "quake", "fault", "Maacama", ",", ".", "-", "’s", "x-ray")
"""Nouns, their plurals, the place words, determiners and the words a place phrase stops at."""


@settings(deadline=None)  # it compiles the old pattern for each noun: slow on a loaded machine, and timing is not its point
@given(st.sampled_from(("entrance", "body", "man", "bus", "village", "office", "x-ray", "camp")),
       st.lists(st.sampled_from(NOUN_WORDS), max_size=12),
       st.lists(st.sampled_from((" ", "  ", "\n", " \t", "", ",")), min_size=12, max_size=12))
@example("entrance", ["three", "entrances", "to", "our", "offices"], [" "] * 12)
@example("body", ["bodies", "in", "the", "north-east", "camp"], [" "] * 12)
@example("village", ["two", "Villages", "NEAR", "The", "Fault"], [" "] * 12)
def test_the_place_after_a_noun_is_what_a_pattern_of_the_noun_finds(noun, words, gaps):
    from sahel_reader.story import fact_labels

    right = "".join(gap + word for gap, word in zip(gaps, words))
    forms = {noun, fact_labels.plural(noun)}
    pattern = (rf"^(?:\s+[\w-]+){{0,2}}?\s+(?:{'|'.join(map(re.escape, forms))})\s+(?P<link>{fact_labels._PLACE_WORDS})"
               rf"\s+(?P<phrase>(?:{fact_labels._DETERMINER}\s+)?(?:{fact_labels._PHRASE_WORD}\s+){{0,2}}"
               rf"{fact_labels._PHRASE_WORD})\b")
    expected = re.match(pattern, right, re.IGNORECASE)
    found = fact_labels._place_after_noun((noun, fact_labels.plural(noun)), right)
    assert (found and (found.group("link"), found.group("phrase"), found.end())) == \
        (expected and (expected.group("link"), expected.group("phrase"), expected.end()))


def test_the_last_clause_boundary_is_where_the_plain_alternation_finds_it():
    """``BOUNDARY`` is written to fail fast (tries, one class, case-blind words only); matched from a
    stretch's start behind ``.*`` it must end where the plain alternation, case-blind, ends."""
    from sahel_reader.highlighters import phrases

    plain = re.compile(
        r"(?s:.*)(?:[;:“”\"«»\[\]]|''|\s[-–—]+\s|—|–"
        r"|\b(?:that|but|because|while|whereas|although|though|when|after|before|since|if|as|so|where|and|or|what)\b"
        r"|\b(?:in|at|on|during|of|for|from|with|by|under|through)\s+(?:which|whom)\b)", re.I)
    lines = ["Police, AS the Army said - and Reuters — reported", "a rally AT WHICH he said", "x – y", "So", "Whereas:",
             "the man who said ''so'' in which", *(line for seed in SEEDS for line in seed.splitlines())]
    for line in lines:
        for start in range(0, len(line), 7):
            for end in range(start, len(line) + 1, 11):
                found, expected = phrases._LAST_BOUNDARY.match(line, start, end), plain.match(line, start, end)
                assert (found and found.end()) == (expected and expected.end()), (line, start, end)


def test_a_role_found_without_a_leading_word_boundary_and_checked_after_is_what_the_boundary_finds():
    from sahel_reader.highlighters import names

    texts = [*SEEDS, "the Dr. said; hundreds of drs, Sandr Dr, DR_x dr Gov.Gov. the governor's aide-governor"]
    for text in texts:
        for noun in (*names.ROLES, *names._BODIES):
            role = names._role_pattern(noun)
            bounded = re.compile(r"\b" + role.pattern, role.flags)
            found = [m.span() for m in role.finditer(text) if not (m.start() and names._is_word(text[m.start() - 1]))]
            assert found == [m.span() for m in bounded.finditer(text)], noun
