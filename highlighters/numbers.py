"""Figures: every numeric expression that states a fact, with its hedge, interval, unit and kind.

One compiled pattern (``figure_pattern``) finds candidates: digits, number words, fractions,
vague amounts such as "dozens", dates, clock times, money, with the hedge before them ("more
than", "almost", "in the") and the unit after them. Python then only looks at the few matches: it
parses the number (``figure_values``), drops what is not a figure (ordinals never match; "one of
the worst", "a civilian one", "two-pronged", "the three have", "COVID-19", "Interstate 75",
"12-gauge" are dropped by ``not_figures``), and turns the hedge into a qualifier and an interval. ``figure_kinds`` says what
kind of quantity each is; ``zeros`` adds the figures written without a digit ("no one was killed").
"""

from __future__ import annotations

import re

from .clock import iso_time
from .figure_kinds import (
    MAGNITUDE_HINT,
    classify_unit,
)
from .figure_pattern import (
    AFTER_TIME,
    APPROX,
    FIGURE_AFTER,
    FIGURE_CAN_START,
    LOWER,
    RANGE,
    SCALES,
    UNITS,
    UPPER,
    UPPER_NEAR,
)
from .figure_values import (
    G_CLOCK,
    G_DATE,
    G_DIGITS,
    G_END_UNIT,
    G_HEDGE,
    G_PER,
    G_RANGE_END,
    G_SCALE,
    G_SHORT_SCALE,
    G_SIGN,
    G_SLASH,
    G_SUFFIX,
    G_TIME_HEDGE,
    G_UNIT,
    G_WORD_FRACTION,
    Reading,
    core_start,
    false_zone,
    normalise,
    parse_number_words,  # read with the figures: the number words' parser is also this module's
    read_core,
    share_numerator_end,
)
from .bare_numbers import MODAL_HEDGES, TIME_ONLY_HEDGES, classify_bare_number
from .folding import fold
from .kept_patterns import compile_kept
from .not_figures import not_a_figure
from .ranges import NO_CHANGE, change_role, is_tally
from .ranges import range_end as read_range_end
from .spans import Figure
from .trie import word_alternatives
from .unit_words import CURRENCY_HUNDREDTHS, DURATIONS
from .zeros import find_zero_figures

_LOWER_BEFORE_UPPER = compile_kept(r"\b(?:over|more than|above|upwards of)\s+$", re.IGNORECASE)
"""A bound before an upper bound ("over nearly 100", "more than almost 50"): the writer's two hedges
pull both ways, and the figure is read as approximate, neither bound being meant."""
_LOWER_HEDGES, _UPPER_NEAR_HEDGES, _UPPER_HEDGES, _APPROX_HEDGES, _AFTER = map(
    frozenset, (LOWER, UPPER_NEAR, UPPER, APPROX, AFTER_TIME))
"""The hedges as sets, for looking a figure's hedge up (their tuples keep the order patterns are built in)."""
_OVER_A_PERIOD = compile_kept(
    rf"(?:\d|\b(?:{word_alternatives([*UNITS, *SCALES, 'percent', 'dozens', 'hundreds', 'thousands'])})\b)"
    r"[^\d_.;:!?\n]*?"
    r"(?<!\bfor )(?<!\bin )(?<!\bof )(?<!\bafter )(?<!\bthan )(?<!\bjust )(?<!\bwell )(?<!\blasted )"
    r"(?<!\btook )(?<!\bwaited )(?<!\bspent )(?<!\bbeen )$", re.IGNORECASE)
"""A figure earlier in the clause, before "over" and a duration: the span it happens over ("cost $1 trillion over
10 years", "killed 12 over two days"); "lasted over", "for over", "in over" keep "more than"."""
_MAGNITUDE_WORD = compile_kept(r"[\s-]*magnitude", re.IGNORECASE)
_AFTER_FOLDED, _CAN_START_FOLDED = FIGURE_AFTER.folded, FIGURE_CAN_START.folded
"""The patterns for lower-cased text, which nearly every text is: looked up once, not for every line."""
_FIGURE = _AFTER_FOLDED.groupindex["figure"]
"""The figure's group, by number: its name need not be looked up for every match (a test checks the
numbers are the same in every compiled form of the pattern)."""
_BARE_TEMPERATURE_LETTERS = frozenset(f"{space}{letter}" for space in ("", " ", "-") for letter in "cfCF") - {"C", "F"}
"""A temperature's unit as a bare letter counts only in capitals and glued to its number ("minus 6C (21F)")."""
_SPEED_PERIODS = {"h": "hour", "hr": "hour", "hour": "hour", "s": "second", "sec": "second", "second": "second"}
"""A length per one of these is a speed: "193km / h" is kilometers per hour."""


def find_figures(text: str, dollar: str = "USD", day_first: bool = False) -> list[Figure]:
    """Every figure in ``text``, in order. Offsets index ``text`` directly.

    ``dollar`` is the currency a bare "$" or "dollars" means in this report (the story reads it from
    the report: "A$" written elsewhere makes it AUD); ``day_first`` reads "4/9/2007" as 4 September.
    The text is searched lower-cased (see ``folding``), so the groups of a match are in lower case;
    where case matters (a capitalised number word) ``text`` is read at the match's offsets.
    """
    figures = read_figures(text, fold(text), dollar, day_first)
    carry_hedges_into_conversions(text, figures)
    return figures


def read_figures(text: str, folded: str | None, dollar: str, day_first: bool = False,
                 zeros: bool = True) -> list[Figure]:
    """``find_figures`` given ``fold(text)``, but for the hedges that conversions take, which the caller
    carries (``carry_hedges_into_conversions``) once over all its figures: a report read line by line is
    lower-cased once, whole, and a conversion may stand on the line after the figure it converts.

    Whether a number is a magnitude is asked only where ``text`` holds a word of a quake
    (``has_quakes``): ``is_magnitude`` looks no further than the figure's line, so a line of a report
    about an earthquake that names none is read as any other line is. ``zeros=False`` says that
    ``text`` holds no figure of zero (``holds_zero_figures``), which a caller reading a report line by
    line asks of the whole report once.
    """
    if folded is not None:
        searched = lowered = folded
        after, can_start = _AFTER_FOLDED, _CAN_START_FOLDED
    else:
        searched, lowered = text, text.lower()
        after, can_start = FIGURE_AFTER.any_case, FIGURE_CAN_START.any_case
    figures: list[Figure] = []
    report = _Report(text, lowered, dollar, day_first) if can_start.match(searched) else None
    match = after.search(searched, _opening_figure(report, after, searched, figures) if report else 0)
    if match is not None and report is None:
        report = _Report(text, lowered, dollar, day_first)  # made only for a text with figures: many lines hold none
    while match is not None:
        figure, resume = _to_figure(report, match)
        if figure is not None:
            figures.append(figure)
        past_figure = match.start(_FIGURE) + 1
        position = resume if resume > past_figure else past_figure  # max() would cost 200 ns here in Python 3.11
        match = after.search(searched, position - 1)  # the next figure from ``position`` on
    found_zeros = find_zero_figures(text, folded) if zeros and "no" in lowered else None  # each opens with "no"
    if found_zeros:
        figures = sorted(figures + found_zeros, key=lambda figure: figure.start)
    return figures


def _opening_figure(report: _Report, after: re.Pattern[str], searched: str, figures: list[Figure]) -> int:
    """The figure that opens the text, if one does, into ``figures``; where the search goes on.

    ``after`` needs a character before a figure: it reads the text after a space put before it, as
    it reads the start of the text (``figure_pattern``), and the figure is moved back by that space.
    Compiling the pattern a second time, without that character, would cost a process a tenth of a
    second.
    """
    opening = after.match(" " + searched)
    if opening is None:
        return 0
    spaced = _Report(" " + report.text, " " + report.lowered, report.dollar, report.day_first)
    figure, resume = _to_figure(spaced, opening)
    if figure is not None:
        figure.start, figure.end = figure.start - 1, figure.end - 1
        figures.append(figure)
    past_figure = opening.start("figure") + 1
    return (resume if resume > past_figure else past_figure) - 2  # as the loop goes on: from ``position - 1``


class _Report:
    """The text being read, and what all its figures share."""

    __slots__ = ("text", "lowered", "dollar", "day_first", "_quakes")

    def __init__(self, text: str, lowered: str, dollar: str, day_first: bool) -> None:
        self.text, self.lowered, self.dollar, self.day_first = text, lowered, dollar, day_first
        self._quakes: bool | None = None

    def speaks_of_quakes(self) -> bool:
        """Whether any word of an earthquake's magnitude is in the text: most reports have none, and most
        lines of those that have one. Searched when a figure first asks: many lines hold none that would."""
        if self._quakes is None:
            self._quakes = has_quakes(self.lowered)
        return self._quakes


def has_quakes(lowered: str) -> bool:
    """Whether a report, lower-cased, holds any word of an earthquake's magnitude: only then are its
    bare numbers asked whether they are magnitudes."""
    return MAGNITUDE_HINT.search(lowered) is not None


def _to_figure(report: _Report, match: re.Match[str]) -> tuple[Figure | None, int]:
    """The figure a candidate match states (or None), and where the search goes on from.

    A shorter figure is read again (``_reread``) where the match ran past it: a clock time's false
    zone, a range that is none, words after the figure that are no unit.
    """
    text = report.text
    start, end = match.span(_FIGURE)
    groups = match.groups()
    written_hedge = groups[G_HEDGE] or groups[G_TIME_HEDGE]
    hedge = normalise(written_hedge) if written_hedge else None
    if not_a_figure(text, match, groups):  # the end of a range after a name's number may be a figure of its own:
        return None, match.end("core") if groups[G_RANGE_END] and groups[G_DIGITS] else end  # "Windows 7 to 40 million"
    negative = False
    if groups[G_SIGN]:  # most figures: no sign to read
        sign_at = match.start(G_SIGN + 1)
        negative = sign_at == 0 or text[sign_at - 1] in " \t\n([" or groups[G_SIGN][0].isalpha()
        if sign_at == start and not negative:
            start = match.start(G_DIGITS + 1)  # a dash that joins, not a minus
    cut = false_zone(text, match) if groups[G_CLOCK] else None  # "at 6 p.m. west of Paris": the time without "west"
    if cut is not None:
        return _reread(report, match, cut), cut
    reading = read_core(text, match, groups, report.dollar, report.day_first, negative)
    if reading is None:
        numerator_end = share_numerator_end(groups[G_SLASH]) if groups[G_SLASH] else None
        if numerator_end is None:
            return None, end
        cut = match.start(G_SLASH + 1) + numerator_end  # "killed 12 in two attacks": no share, the 12 killed
        return _reread(report, match, cut), cut
    range_end = per_text = None  # most figures: no range, and no word after them to read
    if groups[G_RANGE_END]:
        if is_tally(groups):
            return None, end
        range_end, cut = read_range_end(text, match, groups, reading, hedge, start)
    if cut is None and (groups[G_END_UNIT] or groups[G_UNIT] or groups[G_PER]):
        per_text, cut = _read_unit(report, match, groups, reading, start, end)
    if cut is not None:
        return _reread(report, match, cut), cut
    if reading.dimension == "currency" and _in_hundredths(groups):  # "45 cents": 0.45 of the dollar
        reading.value = round(reading.value / 100, 10)
        range_end = None if range_end is None else round(range_end / 100, 10)
    classify_bare_number(report, match, groups, reading, hedge, start, end)
    qualifier, low, high, start = _qualify(text, match, groups, reading, hedge, range_end, start, negative)
    role = None
    if reading.quantity not in NO_CHANGE and report.lowered.find("from", start - 45 if start > 45 else 0,
                                                                 match.end(_FIGURE) + 18) >= 0:
        role = change_role(text, match, hedge, start)  # most figures: no change is written near them
    per = normalise(per_text).split()[-1].lstrip("/") if per_text else None
    return Figure(start, end, reading.value, low, high, qualifier, reading.quantity, reading.unit, reading.dimension,
                  DURATIONS[per].name if per in DURATIONS else per, reading.when, role), end


def _in_hundredths(groups: tuple[str | None, ...]) -> bool:
    """Whether the figure's unit is a hundredth of a currency ("45 cents", "212 pence", "45 to 50 cents")."""
    unit = groups[G_END_UNIT] or groups[G_UNIT]
    return unit is not None and " ".join(unit.lower().replace("-", " ").split()) in CURRENCY_HUNDREDTHS


def _read_unit(report: _Report, match: re.Match[str], groups: tuple[str | None, ...], reading: Reading, start: int,
               end: int) -> tuple[str | None, int | None]:
    """The unit after the figure, into ``reading``; the rate's "per" as written, or where to cut the
    match when the words after the figure are no unit ("8 Rand Paul"). Asked only of a match with words after it."""
    text = report.text
    unit_group = G_END_UNIT if groups[G_END_UNIT] else G_UNIT if groups[G_UNIT] else None
    unit_text = text[match.start(unit_group + 1):match.end(unit_group + 1)] if unit_group else None  # as written
    per_text = groups[G_PER]
    if groups[G_WORD_FRACTION] and per_text and not unit_text and per_text.split()[0].lower() in ("a", "an"):
        unit_text, per_text = per_text.split()[-1], None  # "half an hour" is half of an hour, not a rate
    if unit_text in _BARE_TEMPERATURE_LETTERS:  # "6 c", "5-f", "5c": no unit ("-6C" and "21F" are)
        return None, match.start(unit_group + 1)
    if reading.unit is None and reading.quantity in ("count", "other") and unit_text and not _MAGNITUDE_WORD.fullmatch(unit_text):
        unit = classify_unit(unit_text, text[start:end], text[start - 60 if start > 60 else 0:start], text[end:end + 20],
                             reading.value, bool(groups[G_SCALE] or groups[G_SHORT_SCALE]), report.dollar)
        if isinstance(unit, tuple):
            when = iso_time(groups[G_DIGITS] + unit_text, unit_text) if groups[G_DIGITS] else None
            if when is not None or not groups[G_DIGITS]:  # "NewsTalk 990 AM" is a radio station, no time
                reading.quantity, reading.when = "time", when
        elif unit is not None:
            reading.quantity, reading.unit, reading.dimension = unit.quantity, unit.name, unit.dimension
            if unit_text.lower().rstrip().endswith(("old", "olds")):
                reading.dimension = "age"
        elif unit_group == G_UNIT and not groups[G_PER] and not groups[G_SUFFIX]:
            return None, match.start("unit")
    if per_text and reading.dimension == "length" and per_text.split("/")[-1].split()[-1].lower() in _SPEED_PERIODS:
        reading.unit = f"{reading.unit}_per_{_SPEED_PERIODS[per_text.split('/')[-1].split()[-1].lower()]}"
        reading.quantity, reading.dimension, per_text = "other", "speed", None  # "193km / h" is a speed
    if per_text:
        reading.quantity = "other" if reading.quantity in ("count", "distance", "duration") else reading.quantity
    return per_text, None


def _qualify(text: str, match: re.Match[str], groups: tuple[str | None, ...], reading: Reading, hedge: str | None,
             range_end: float | None, start: int, negative: bool) -> tuple[str, float | None, float | None, int]:
    """The qualifier and interval the range or the hedge make of the value, and where the figure
    starts: a hedge that is not the figure's ("between", "after" before a count) is left out.

    Most figures have no hedge, range or suffix, and an exact reading: their value is their interval, as
    ``_qualify_bounded`` works out at more than twice the cost (a test checks the two agree)."""
    if hedge is None and range_end is None and reading.qualifier == "exact" and not groups[G_SUFFIX]:
        return "exact", reading.value, reading.value, start
    return _qualify_bounded(text, match, groups, reading, hedge, range_end, start, negative)


def _qualify_bounded(text: str, match: re.Match[str], groups: tuple[str | None, ...], reading: Reading,
                     hedge: str | None, range_end: float | None, start: int, negative: bool
                     ) -> tuple[str, float | None, float | None, int]:
    """``_qualify`` of a figure with a hedge, a range, a suffix or a reading that is not exact."""
    qualifier = reading.qualifier
    low, high = reading.low, reading.high
    if hedge in MODAL_HEDGES and reading.quantity == "year":  # "Perhaps 2016 will be": the year, exactly
        hedge, start = None, core_start(match, groups)
    elif hedge == "over" and reading.quantity == "duration" and _OVER_A_PERIOD.search(text, start - 60, start):
        hedge, start = None, core_start(match, groups)  # "$1 trillion over 10 years": the period, not "more than"
    if range_end is not None:
        qualifier, low, high = "range", reading.value, range_end
    elif qualifier == "exact" and hedge is None and not groups[G_SUFFIX]:
        low = high = reading.value  # a hedge that is not the figure's: nothing else bounds it (``_interval``)
    elif qualifier == "exact":
        qualifier, low, high = _interval(hedge, reading.value, groups[G_SUFFIX], reading.quantity)
        stacked = _LOWER_BEFORE_UPPER.search(text, start - 16, start) if qualifier == "upper" else None
        if stacked and reading.value is not None:  # "over nearly $100 billion": hedges that cancel out
            qualifier, low, high, start = "approx", *sorted((round(reading.value * 0.85, 1),
                                                              round(reading.value * 1.15, 1))), stacked.start()
    if (hedge in RANGE and qualifier != "range") or (hedge in TIME_ONLY_HEDGES and reading.quantity not in ("time", "date")):
        start = match.start("date") if groups[G_DATE] else (match.start("sign") if negative else core_start(match, groups))
    if reading.quantity in ("year", "date", "time") and qualifier == "approx":
        low = high = reading.value
    return qualifier, low, high, start


def _interval(hedge: str | None, value: float | None, suffix: str | None, quantity: str):
    """Turn the words around a figure (a hedge or a suffix, which ``_qualify`` asks it for) into a
    qualifier and the interval ``[low, high]`` it allows."""
    suffix = normalise(suffix) if suffix else ""
    if hedge in TIME_ONLY_HEDGES:
        if quantity not in ("time", "date"):
            hedge = None
        elif hedge in _AFTER:
            return "lower", value, None
        else:
            return "upper", None, value
    if hedge in _LOWER_HEDGES or suffix in ("or more", "or greater", "or higher", "or above", "+", "-plus"):
        return "lower", value, None
    if hedge in _UPPER_NEAR_HEDGES:
        return "upper", *sorted((round(value * 0.85, 1), value))  # sorted: "almost -3" is -3 to -2.5
    if hedge in _UPPER_HEDGES or suffix in ("or less", "or fewer", "or below"):
        return "upper", None, value
    if hedge in _APPROX_HEDGES or suffix == "or so":
        return "approx", *sorted((round(value * 0.85, 1), round(value * 1.15, 1)))
    return "exact", value, value


def carry_hedges_into_conversions(text: str, figures: list[Figure]) -> None:
    """A conversion in brackets takes the hedge of the figure it converts: "about 58km (36 miles)" is about 36
    miles, "around 4:30 a.m. local time (11.30 p.m. ET)" around 11.30 p.m."""
    for first, second in zip(figures, figures[1:]):
        if (first.qualifier in ("approx", "lower", "upper") and second.qualifier == "exact" and second.value is not None
                and text[first.end:second.start].strip() in ("(", "[", "/ (", "or", "(or")):
            if first.quantity == second.quantity == "time":  # a clock time: its bound, not a share of it
                second.low = second.value if first.low is not None else None
                second.high = second.value if first.high is not None else None
            elif first.dimension is None or first.dimension != second.dimension:
                continue
            elif first.qualifier == "approx":
                second.low, second.high = sorted((round(second.value * 0.85, 3), round(second.value * 1.15, 3)))
            elif first.qualifier == "lower":
                second.low, second.high = second.value, None
            else:
                second.low, second.high = (None, second.value) if first.low is None else sorted(
                    (round(second.value * 0.85, 3), second.value))
            second.qualifier = first.qualifier


def _reread(report: _Report, match: re.Match[str], cut: int) -> Figure | None:
    """The figure that the candidate states up to ``cut``, the rest being another figure or none."""
    after = match.string[cut:cut + 1]
    if after.isalnum() or after == "_":
        return None  # cut inside a word ("5c": no unit, and no figure either, as the pattern's end asks)
    shortened = match.re.match(match.string, match.start(), cut)
    return _to_figure(report, shortened)[0] if shortened and shortened.end() == cut else None
