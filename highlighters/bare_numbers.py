"""The kind of a bare number, one written with no unit, from the words beside it: a year, a clock time, a
magnitude, an age, a day of a date, or a count (``numbers`` asks it of every such figure)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .clock import iso_time, year_text
from .figure_kinds import count_or_year, day_of_date, is_age, is_magnitude, two_digit_year
from .figure_pattern import AFTER_TIME, BEFORE_TIME
from .figure_values import G_DIGITS, G_M_PREFIX, G_M_WORD, G_RANGE_END, G_SCALE, G_UNIT, G_WORDS, Reading, word_before
from .kept_patterns import compile_kept

if TYPE_CHECKING:
    from .numbers import _Report

TIME_ONLY_HEDGES = frozenset(AFTER_TIME) | frozenset(BEFORE_TIME)
"""Hedges of a clock time only: "since 2020" is a year, not a hedged count."""
MODAL_HEDGES = frozenset({"perhaps"})
"""Hedges that doubt a statement as much as an amount: before a bare year that counts nothing ("Perhaps
2016 will be the year") they leave it a year; a round number stays a count ("perhaps 1500 marched")."""
_YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "during"})
"""Words before a bare four-digit number that make it a year whatever follows: "in 2003 women won"."""
_YEAR = r"(?:1[5-9]|20)\d\d"
"""A year as ``count_or_year`` reads one: 1500 to 2099."""
_YEAR_DIGITS = compile_kept(_YEAR)
"""The end of a span of years: "from 2009 to 2013"."""
_UNTIL_YEAR = compile_kept(rf"[^\S\n]+(?:until|till|through)[^\S\n]+{_YEAR}\b")
"""The end of a span of years that is no range of the figure: "a colony from 1890 until 1941"."""
_ZONE_NEXT = compile_kept(r"[^\S\n]*([A-Za-z]{1,4})\b")


def classify_bare_number(report: _Report, match: re.Match[str], groups: tuple[str | None, ...], reading: Reading,
                         hedge: str | None, start: int, end: int) -> None:
    """A bare number's kind from the words beside it: a year, a clock time, a magnitude, an age."""
    text = report.text
    unit_word = groups[G_UNIT].strip(" -").lower() if groups[G_UNIT] else ""
    if groups[G_M_PREFIX] or groups[G_M_WORD]:
        reading.quantity, reading.dimension = "magnitude", "magnitude"
        return
    if reading.unit == "degree" or unit_word == "magnitude":  # "6.1-magnitude", "a 6.7 degree quake"
        if unit_word == "magnitude" or report.speaks_of_quakes() and is_magnitude(
                text, start, end, reading.value, groups[G_DIGITS] or ""):
            reading.quantity, reading.unit, reading.dimension = "magnitude", None, "magnitude"
        return
    if reading.quantity != "count" or reading.unit is not None:
        return
    if groups[G_DIGITS] and reading.value is not None and not groups[G_SCALE]:
        year = two_digit_year(text, match.start("digits"), groups[G_DIGITS])
        if year is not None:  # "the ’07 attack", "on 10 Nov 11.": a date's year, no count
            reading.quantity, reading.value, reading.low, reading.high, reading.when = (
                "year", float(year), float(year), float(year), year_text(year))
            return
        day = day_of_date(text, match.start("digits"), end, reading.value)
        if day is not None:  # "Nov 11 and 12", "11-12 November": a day of a date, no count
            reading.quantity, reading.when = "date", day
            return
        year_span = hedge in ("from", "between") and (
            _YEAR_DIGITS.fullmatch(groups[G_RANGE_END] or "") is not None or _UNTIL_YEAR.match(text, end) is not None
            or hedge == "from" and not groups[G_RANGE_END] and bool(reading.value % 100))
        # "since 2020" is a year, and so are both ends of "from 2009 to 2013" and "up 70 percent from 2008" (a
        # year that is no round number, after "from"); "about 2000" is a count
        hedged = hedge is not None and hedge not in TIME_ONLY_HEDGES and not year_span and not (
            hedge in MODAL_HEDGES and reading.value % 100)
        if len(groups[G_DIGITS]) == 4:  # only four digits are a year or a military time: the rest stay counts
            dated = hedge is None and word_before(text[start - 12 if start > 12 else 0:start]).lower() in _YEAR_PREPOSITIONS
            reading.quantity = count_or_year(groups[G_DIGITS], reading.value, text[end:end + 25], hedged, dated,
                                             text[start - 40 if start > 40 else 0:start])
        if reading.quantity == "time":
            reading.when = iso_time(groups[G_DIGITS], _zone_after(text, end))
        elif reading.quantity == "year":
            reading.when = year_text(int(reading.value))
        elif report.speaks_of_quakes() and is_magnitude(text, start, end, reading.value, groups[G_DIGITS]):
            reading.quantity, reading.dimension = "magnitude", "magnitude"
        elif reading.quantity == "count" and not hedged and is_age(text, match.start(G_DIGITS + 1), end, reading.value):
            reading.quantity, reading.unit, reading.dimension = "duration", "year", "age"
    elif groups[G_WORDS] and report.speaks_of_quakes() and is_magnitude(text, start, end, reading.value, ""):
        reading.quantity, reading.dimension = "magnitude", "magnitude"


def _zone_after(text: str, end: int) -> str | None:
    """The zone written right after a military time ("1052 GMT"); not the one of its conversion in
    brackets ("1353 (1023 GMT)": 1353 is local time)."""
    found = _ZONE_NEXT.match(text, end)
    return found.group(1) if found else None
