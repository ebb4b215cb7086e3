"""Where two figures are one range, and where they are a change: "70 to 80" is one figure, "rose from 70 to
77" and "rose to 77 from 70" two, one where the change started (role "from") and one where it went ("to").

``numbers`` reads a candidate's range and role with these; a range is read only where the text states one,
never across a change by one unit to another figure ("rose 10% to 77") nor a score ("beat Arsenal 3-1").
"""

from __future__ import annotations

import re

from .figure_pattern import RANGE, SCALES, UNITS
from .figure_values import (
    G_CURRENCY,
    G_DIGITS,
    G_END_UNIT,
    G_MONEY_SCALE,
    G_MONEY_SHORT,
    G_RANGE_END,
    G_RANGE_SEP,
    G_SCALE,
    G_SHORT_SCALE,
    G_SLASH,
    G_UNIT,
    G_WORD_FRACTION,
    G_WORDS,
    Reading,
    parse_range_end,
    range_end_scale,
)
from .kept_patterns import compile_kept
from .trie import word_alternatives

_CHANGE_VERB = (
    r"\b(?:ros[ea]|rising|risen|increas\w*|jump\w*|climb\w*|soar\w*|surg\w*|grew|grow\w*|went|go(?:es|ing)?|fell|fall\w*"
    r"|drop\w*|declin\w*|decreas\w*|slip\w*|plung\w*|plummet\w*|sank|sink\w*|cut|cuts|raised?|rais\w*|lower\w*"
    r"|reduc\w*|revis\w*|boost\w*|up|down|chang\w*|mov\w*|shr[ua]nk\w*|doubl\w*|tripl\w*|push\w*|brought|bring\w*)")
_CHANGE_BEFORE = compile_kept(rf"{_CHANGE_VERB}(?:\s+\w+){{0,2}}\s+$", re.IGNORECASE)
"""A verb of change before "from X to Y": two figures, where it was and where it went, not a range."""
_CHANGED_TO_BEFORE = compile_kept(rf"{_CHANGE_VERB}(?:\s+\w+){{0,2}}?\s+to\s+$", re.IGNORECASE)
_FROM_FIGURE_AFTER = compile_kept(r"(?:\s+in\s+\d{4})?\s*,?\s+(?:up\s+|down\s+)?from\s+\W{0,3}\d", re.IGNORECASE)
_CHANGED_TO_FIGURE_BEFORE = compile_kept(
    rf"{_CHANGE_VERB}(?:\s+\w+){{0,2}}?\s+to\s+[^\s,;]+(?:\s+[^\s,;]+){{0,4}}?\s*,?\s+(?:up\s+|down\s+)?from\s+$",
    re.IGNORECASE)
"""The wire's order of a change, "rose to 60 from 45", "climbed to $1.5 billion from $1.2 billion": the
first figure is where it went, the one after "from" where it was."""
_TO_FIGURE = compile_kept(r"\s+to\s+\W{0,3}\d", re.IGNORECASE)
_FROM_FIGURE_TO = compile_kept(
    rf"\bfrom\s+(?:[^\s\d]+\s+){{0,2}}?(?:[^\s\d]{{0,3}}\d|{word_alternatives(UNITS)}\b)\S*(?:\s+\S+){{0,4}}\s+to\s*$",
    re.IGNORECASE)
""""from", a figure and "to" before a figure: where a change went ("rose from 70 on Monday to 77", "from about
12 points to 8"); not "The toll from the attack climbed to 170", where "from" holds no figure."""
_MONEY_END = compile_kept(r"[^\d.][^\d]*\d")
"""A range's second figure that opens with a currency ("$22.10", "usd 5"), the only one that has digits and
opens with none: money, which a first figure that is none does not range to."""

def range_end(text: str, match: re.Match[str], groups: tuple[str | None, ...], reading: Reading, hedge: str | None,
              start: int) -> tuple[float | None, int | None]:
    """The end of the range the match states ("70 to 80"), or where to cut it when it states none
    ("45 and 50", "from 70 to the city"). Asked only of a match with a range's second figure."""
    range_end = parse_range_end(groups[G_RANGE_END])
    separator = groups[G_RANGE_SEP].strip(" -").lower() or "-"
    plausible = (range_end is not None and reading.value is not None and range_end > reading.value
                 and (groups[G_DIGITS] or groups[G_WORDS] or groups[G_CURRENCY] or groups[G_WORD_FRACTION]
                      or groups[G_SLASH])
                 and (separator in "-–—" or hedge in RANGE or separator == "to")
                 and not (hedge == "from" and _CHANGE_BEFORE.search(text, start - 40, start))
                 and (groups[G_CURRENCY] or not _MONEY_END.match(groups[G_RANGE_END]))  # "rose 3.5% to $22.10"
                 and (not groups[G_UNIT] or _unit_key(groups[G_UNIT]) == _unit_key(groups[G_END_UNIT])))
    if not plausible or (separator == "and" and hedge != "between"):
        return None, match.start("range_sep")
    scale = range_end_scale(groups[G_RANGE_END])
    if scale > 1 and not _scaled(groups) and reading.value < range_end / scale:
        reading.value *= scale  # "1.5 to 2.5 million": the scale is both figures' ("from 500 to 1.2 million" is not)
    return range_end, None


def is_tally(groups: tuple[str | None, ...]) -> bool:
    """A score or a vote: "won 3-1", "passed 52-48", "ruled 5-4", "a 5-to-4 majority", "a 50-50 chance". Two whole
    numbers joined by a bare hyphen, a dash or "-to-", the second no greater, state no range and no amount (reading the first alone would
    count 52 of something); an ascending pair is read as a range ("killed 10-12")."""
    digits, range_end = groups[G_DIGITS], groups[G_RANGE_END]
    return (groups[G_RANGE_SEP] in ("-", "–", "-to-") and digits is not None and len(digits) <= 3 and digits.isdigit()
            and range_end.isdigit() and int(range_end) <= int(digits)
            and not (groups[G_UNIT] or groups[G_END_UNIT] or groups[G_SCALE] or groups[G_SHORT_SCALE]))


def _unit_key(unit: str | None) -> str | None:
    """A unit as a range's two figures may write it: "%" for "per cent", one "mile" for "miles".

    A range gives its unit after its end ("5 to 10 percent") or after both figures ("5% to 10%"): where
    only the first figure has one, or the two differ, the words are a change and where it ended ("rose
    10% to 77", "fell 3.5 per cent to 212 pence", "up 2 percentage points to 45%"), two figures."""
    if unit is None:
        return None
    key = unit.lower().replace(" ", "").replace("-", "")
    return "%" if key.startswith(("%", "percent")) and "point" not in key else key.removesuffix("s")


def _scaled(groups: tuple[str | None, ...]) -> bool:
    """Whether the first figure of a range has its own scale ("1 million to 2 million", "two million")."""
    return bool(groups[G_SCALE] or groups[G_SHORT_SCALE] or groups[G_MONEY_SCALE] or groups[G_MONEY_SHORT]
                or groups[G_WORDS] and any(scale in groups[G_WORDS] for scale in SCALES))


NO_CHANGE = frozenset({"time", "date", "year"})
"""Kinds no change is read of: "from 6 a.m. to 9 a.m." and "from 1950 to 1960" are spans of time."""


def change_role(text: str, match: re.Match[str], hedge: str | None, start: int) -> str | None:
    """"from" for the figure a change starts at ("rose from 40 to 50", "rose to 50 from 40"), "to" for where it went.

    Asked only where "from" is written near the figure, and not of a kind in ``NO_CHANGE``.
    """
    if hedge == "from" and not match.group("range_end") and (
            _CHANGE_BEFORE.search(text, start - 45, start) or _TO_FIGURE.match(text, match.end("figure"))
            or _CHANGED_TO_FIGURE_BEFORE.search(text, start - 80, start)):
        return "from"
    if _FROM_FIGURE_TO.search(text, start - 45, start) or (
            _FROM_FIGURE_AFTER.match(text, match.end("figure")) and _CHANGED_TO_BEFORE.search(text, start - 40, start)):
        return "to"
    return None
