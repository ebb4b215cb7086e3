"""The one pattern that finds figures, and the words it is made of.

It finds candidates (digits, number words, vague amounts such as "dozens", dates, clock times)
with the hedge before them ("more than", "almost", "in the") and the unit after them; ``numbers``
reads its matches. It is written for the speed of Python's ``re``, which tries a pattern at every
position it cannot rule out: a cheap guard first (where a figure can begin), word lists as tries,
and a one-character test before each alternative that can only start with a letter.
"""

from __future__ import annotations

import re

from .folding import CaseBlind
from .trie import phrase_alternatives, word_alternatives

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mil": 1_000_000, "mm": 1_000_000,
                "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
                "t": 1_000_000_000_000, "tn": 1_000_000_000_000}
_SHORT_SCALE = r"(?:k|mn|mil|mm|m|bln|bn|b|tn|t)"

VAGUE = {
    "a few dozen": (24, 60), "several dozen": (36, 99), "many dozens": (24, 99), "dozens": (24, 99),
    "scores": (40, 99), "a few hundred": (200, 500), "several hundred": (300, 999),
    "hundreds": (200, 999), "a few thousand": (2_000, 5_000), "several thousand": (3_000, 9_999),
    "many thousands": (2_000, 9_999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999), "a few million": (2_000_000, 5_000_000),
    "several million": (3_000_000, 9_999_999), "billions": (2_000_000_000, 999_999_999_999),
}

LOWER = ("more than", "over", "at least", "greater than", "higher than", "no fewer than", "no less than",
         "upwards of", "in excess of", "above", "exceeding", "well over", "just over", "just above", "north of")
UPPER_NEAR = ("almost", "nearly", "close to", "just under", "just below", "just short of")
UPPER = ("up to", "as many as", "fewer than", "less than", "under", "no more than", "at most",
         "below", "as much as")
APPROX = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated",
          "approx.", "circa", "an approximate", "a reported", "perhaps", "about some")
RANGE = ("between", "from")

_MONTH_WORDS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
                "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
                "nov", "november", "dec", "december"}
_MONTH = rf"{word_alternatives(_MONTH_WORDS)}\.?"
_NUMBER_WORD = word_alternatives([*UNITS, *SCALES])
_RANGE_WORD = word_alternatives(UNITS)
_DIGITS = r"(?<![\d.,])(?:(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?![.,]?\d)"
"""Digits, grouped by commas or no-break spaces (10\u00a0000), never starting or stopping inside a
number, so an address like 192.168.1.2 gives no figure at all."""
_HEDGE = phrase_alternatives({*LOWER, *UPPER_NEAR, *UPPER, *APPROX, *RANGE})
_SCALE_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
"""Only a scale takes "and" inside one number: "two hundred and fifty", never "ten and fifteen"."""
_VAGUE_PATTERN = phrase_alternatives(VAGUE)
TIME_UNIT = word_alternatives([*(f"{unit}{plural}" for unit in ("hour", "hr", "minute", "min", "second", "sec", "day", "night",
                                                                "week", "month", "year", "decade") for plural in ("", "s")),
                               "centuries", "century"])
DISTANCE_UNIT = phrase_alternatives(["km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "mi",
                                     "meter", "meters", "metre", "metres", "feet", "foot", "ft", "yard", "yards",
                                     "nautical mile", "nautical miles"])
MONEY_UNIT = phrase_alternatives([*(f"{unit}{plural}" for unit in ("dollar", "euro", "cfa franc", "franc", "rupee", "shilling",
                                                                 "dinar") for plural in ("", "s")),
                                  "pound sterling", "pounds sterling", "naira", "yuan", "yen", "rand"])
"""The units after a figure, as tries (see ``trie``): they are tried after every figure."""
PERCENT_UNIT = r"(?:%|\s*percent|\s*per\s+cent)"
CLOCK_UNIT = r"(?:gmt|utc|local\s+time|a\.m\.|p\.m\.|am\b|pm\b|hrs\b)"

_DECADE_AFTER = r"\s+(?:mid-|early\s|late\s|'|\d)"
_NARROW_STARTS = {
    "the": _DECADE_AFTER, "their": _DECADE_AFTER, "his": _DECADE_AFTER, "her": _DECADE_AFTER,
    "in": r"\s+(?:excess\s|(?:the|their|his|her)\s)",
    "a": r"\s+(?:few|hundred|thousand|million|billion|dozen|decade|century|reported)\b",
    "an": r"\s+(?:estimated|approximate)\b", "at": r"\s+(?:least|most)\b", "as": r"\s+m(?:any|uch)\b",
    "no": r"\s+(?:fewer|less|more)\b", "up": r"\s+to\b", "us": r"\$",
    **{month: r"\.?\s+(?:of\s+)?\d" for month in _MONTH_WORDS},
}
"""Frequent words that start a figure only before certain words, and what must follow them: "the"
only in "the 70s", a month only before a day or a year. Ruling them out in the guard spares most
attempts of the whole pattern."""
_FIRST_WORDS = {
    *(h.split()[0].rstrip(".") for h in (*LOWER, *UPPER_NEAR, *UPPER, *APPROX, *RANGE)),
    *(v.split()[0] for v in VAGUE), *UNITS, *SCALES, "half",
} - set(_NARROW_STARTS)
_STARTING_WORD = word_alternatives({*_FIRST_WORDS, *_NARROW_STARTS}, {**dict.fromkeys(_FIRST_WORDS, r"\b"), **_NARROW_STARTS})
_CAN_START = rf"(?<![^\W\d_])(?=[\d$£€¥]|[.\-−–]\d|{_STARTING_WORD})"
"""Where a figure can begin: not inside a word, and at a digit, a sign or point before a digit, a
currency, or a word that starts a hedge, a date or a number. Checking this first makes the search
about ten times faster, since most positions fail it at once."""


_LINE_SPACES = "".join(f"\\u{ord(c):04x}" for c in map(chr, range(0x3001)) if c.isspace() and c != "\n")
"""What ``\\s`` matches but a line break, listed: Unicode has no space beyond U+3000 (a test checks)."""


def _on_one_line(pattern: str) -> str:
    """The pattern with its spaces kept to one line: a line break ends a sentence, so a figure
    never spans one ("more than" at the end of a line is not the hedge of the next line's 77).

    The spaces are a listed class, which ``re`` checks against a table, rather than a class
    "space but not a line break", which it checks by asking Unicode each time.
    """
    return pattern.replace(r"[\s-]", f"[{_LINE_SPACES}-]").replace(r"\s", f"[{_LINE_SPACES}]")


_FIGURE_BODY = _on_one_line(
    rf"""
    {_CAN_START}
    (?:(?=[a-z])(?P<hedge>{_HEDGE})\s+)?
    (?P<core>
        (?P<date>(?:(?=[a-z]){_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
                  |(?<![\d.,])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?
                  |(?=[a-z]){_MONTH}\s+(?:of\s+)?\d{{4}}))(?![\w])
      | (?P<clock>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*{CLOCK_UNIT})?|\d{{1,2}}\.\d{{2}}\s*(?:{CLOCK_UNIT})
                 |\d{{1,2}}\s*(?:a\.m\.|p\.m\.|am\b|pm\b))
      | (?=[a-z])(?P<decade>(?:in\s+)?(?:the|their|his|her)\s+(?:mid-|early\s+|late\s+)?'?(?:\d{{2}}|1\d{{3}}|20\d{{2}})['’]?s)\b
      | (?=[a-z])(?P<vague>{_VAGUE_PATTERN})\b
      | (?P<currency>us\$|\$|£|€|¥)\s?(?P<money>{_DIGITS})(?:[\s-]*(?P<money_scale>million|billion|trillion)\b|(?P<money_short>{_SHORT_SCALE})\b)?
      | (?P<sign>[-−–](?=\d))?(?P<digits>{_DIGITS})(?:[\s-]*(?P<scale>million|billion|trillion)\b|(?P<short_scale>{_SHORT_SCALE})\b)?
      | (?=[a-z])(?P<words>(?:a\s+(?=hundred|thousand|million|billion|dozen)|half\s+a\s+)?(?:{_NUMBER_WORD})(?:(?:{_SCALE_AND}|[\s-]+)(?:{_NUMBER_WORD}))*)\b
      | (?P<a_decade>a\s+decade|half\s+a\s+century|a\s+century)\b
    )
    (?:(?P<range_sep>\s*[-–—]\s*|\s+(?:to|and)\s+)(?P<range_end>{_DIGITS}|{_RANGE_WORD}))?
    (?P<unit>
        {PERCENT_UNIT}
      | \s*(?:{CLOCK_UNIT})
      | [\s-]+{TIME_UNIT}(?:[\s-]+old)?
      | [\s-]*{DISTANCE_UNIT}
      | \s+{MONEY_UNIT}
      | [\s-]+magnitude
    )?
    (?P<suffix>\s+or\s+(?:more|greater|higher|above|less|fewer|below|so)|\+|-plus)?
    (?![\w])
    """)
FIGURE = CaseBlind(rf"(?P<figure>{_FIGURE_BODY})", re.VERBOSE)
"""A figure where the search starts: at the start of the text."""
FIGURE_AFTER = CaseBlind(rf"[^a-z](?P<figure>{_FIGURE_BODY})", re.VERBOSE)
"""A figure after the character before it, which is never a letter. A pattern that opens with a
character class lets ``re`` skip, in C, the positions that cannot hold it: the letters, most of
the text. (Letters beyond a-z pass the class, and the guard rules them out.)"""
