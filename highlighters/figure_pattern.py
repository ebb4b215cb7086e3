"""The one pattern that finds figures, and the words it is made of.

It finds candidates (digits, number words, vague amounts such as "dozens", dates, clock times)
with the hedge before them ("more than", "almost", "in the") and the unit after them; ``numbers``
reads its matches. It is written for the speed of Python's ``re``, which tries a pattern at every
position it cannot rule out: a cheap guard first (where a figure can begin), word lists as tries,
and one test of the first character before each run of alternatives that open with groups and can
only start with a letter, or only with a digit (a clock, a date's numbers), or never with one (a
currency). An alternative that opens with a word list needs none: the trie fails at a digit as
fast as the test would, and the test, a lookahead, costs ``re`` as much as entering a group.
Alternatives that start with a letter and those that start with a digit are grouped apart (a
date's): no position holds both, so their order among each other changes no match. The tails
(unit, range, rate, "or more") are passed over at once before a mark that ends a figure (",",
".", ")", a quote), which none of them starts with.
Runs of spaces (``_on_one_line``) and of digits (``\\d++``, ``\\d{1,2}+``) are possessive where what
follows them cannot start with a space or a digit: giving one back could only fail, and ``re``
tries what follows once, not once for each character the run could give back.
"""

from __future__ import annotations

import re

from .clock import MONTH_NAMES, MONTHS, WEEKDAYS, ZONE_OFFSETS
from .folding import CaseBlind
from .kept_patterns import compile_kept
from .trie import phrase_alternatives, word_alternatives, word_branches
from .unit_words import CURRENCY_HUNDREDTHS, CURRENCY_WORDS, DURATIONS, MEASURES

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, **(_LAKHS_AND_CRORES := {
              "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
              "lakh crore": 1_000_000_000_000, "lakh crores": 1_000_000_000_000})}
"""Scales in words, with those of South Asian English ("Rs 500 crore", "five lakh people", "Rs 2.5 lakh crore"),
which never open a figure alone."""
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
         "below", "as much as", "as high as")
APPROX = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated", "estimated at",
          "estimated to be", "estimated to be worth", "estimated to have been",
          "approx.", "circa", "an approximate", "a reported", "perhaps", "about some")
RANGE = ("between", "from")
AFTER_TIME = ("after", "shortly after", "just after", "soon after", "since")
BEFORE_TIME = ("before", "shortly before", "just before", "by")
"""Hedges of a clock time only: "shortly after 2 a.m." allows any later time ("after 10 years" is no bound)."""

_MONTH_WORDS = set(MONTHS)
_MONTH = rf"(?:{word_alternatives(_MONTH_WORDS - set(MONTH_NAMES))}\.?|{word_alternatives(MONTH_NAMES)})"
"""A month: its abbreviation may take a point ("Sept. 30"), its full name not ("the 30th of September." ends a sentence)."""
_WEEKDAY = word_alternatives(WEEKDAYS)
_NUMBER_WORD = word_alternatives([*UNITS, *SCALES])
_RANGE_WORD = word_alternatives(UNITS)
_DIGITS = r"(?<![\d.,])(?<!\d×)(?:(?:\d{1,3}+,\d{3}(?:,\d{3})*|\d{1,3}+[\u00a0\u202f]\d{3}(?:[\u00a0\u202f]\d{3})*|\d++)(?:\.\d++)?|\.\d++)(?![.,]?\d|×\d)"
"""Digits, grouped by commas or no-break spaces (10\u00a0000), never starting or stopping inside a
number, so an address like 192.168.1.2 gives no figure at all, nor a name like "4×4" (a vehicle),
as "4x4" gives none."""
_HEDGE = phrase_alternatives({*LOWER, *UPPER_NEAR, *UPPER, *APPROX, *RANGE})
_TIME_HEDGE = phrase_alternatives({*AFTER_TIME, *BEFORE_TIME})
_TIME_AHEAD = (rf"(?=\d{{1,2}}(?:[:.]\d\d|\s*[ap]\.?m\b)|[0-2]\d[0-5]\d\s*(?:gmt|utc)|{_MONTH}\s+\d"
               rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})")
"""What a time's hedge is followed by: a clock time or a date ("shortly after 2:09 am", "before 10 Nov")."""
_SCALE_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
"""Only a scale takes "and" inside one number: "two hundred and fifty", never "ten and fifteen"."""
_VAGUE_PATTERN = phrase_alternatives(VAGUE)
_SCALE_WORD = r"(?:million|billion|trillion|lakhs?(?:\s+crores?)?|crores?)\b"
_SHORT_SCALE = r"(?:k|mn|mil|m|bln|bn|b|tn|t)"
_MONEY_SHORT_SCALE = r"(?:k|mn|mil|mm|m|bln|bn|b|tn|t)"
"""After money "mm" is a million ("$5mm"); after a bare number it is millimetres."""
TIME_UNIT = word_alternatives(DURATIONS)
MEASURE_UNIT = phrase_alternatives(MEASURES)
MONEY_UNIT = phrase_alternatives([form for form in CURRENCY_WORDS if form not in ("dollar", "dollars")]
                                 + ["dollar", "dollars", *CURRENCY_HUNDREDTHS])
"""The units after a figure, as tries (see ``trie``): they are tried after every figure."""
_SPACED_SIGNS = r"us\$|au?\$|nz\$|hk\$|ca?\$|s\$|r\$|nt\$|\$|£|€|¥|₹|₦|₩|₽|₺|₱|₪|\?(?<![^ \t\n(\[]\?)(?=\d)"
_CODE_SIGNS = word_alternatives(["usd", "eur", "gbp", "jpy", "cny", "rmb", "aed", "sar", "chf", "inr", "euro", "euros",
                                 "rs.", "rs"])
_GLUED_SIGNS = word_alternatives(["r", "rm", "rs", "dh", "dhs", "rp", "ksh"])
_CURRENCY = rf"(?:{_SPACED_SIGNS})\s?|(?:{_CODE_SIGNS})\s?|(?:{_GLUED_SIGNS})(?=\d)"
"""A currency before its amount: signs ("A$", "€"), codes ("USD 5"), and letters only glued to the
digits ("RM3.06", "Dh472"), which apart would be initials. "?" is a sign the text's encoding lost,
after a space or a bracket or first (tested after the "?": an alternative that opens with a
character is passed over at once where that character is not)."""
_CLOCK_WORDS = r"gmt|utc|local\s+time|a\.m\.|p\.m\.|am\b|pm\b|hrs\b"
_ZONE = rf"(?:{word_alternatives([zone for zone in ZONE_OFFSETS if zone != 'z'])})\b(?:\s*[+\-−]\s*\d{{1,2}}(?::?\d{{2}})?)?"
_CLOCK_SUFFIX = rf"(?:(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s*{_ZONE})?|{_ZONE}|local\s+time|hrs\b|hours\b|[+\-−]\d{{2}}:\d{{2}})"
"""What may follow a clock time: a.m. or p.m., a time zone or offset ("1052 GMT", "6:04 PM ET", "+02:00")."""
_PER = word_alternatives([*DURATIONS, "h", "capita", "person", "head", "km", "kilometer", "kilometre", "mile", "kg",
                          "kilo", "kilogram", "tonne", "ton", "barrel", "gallon", "litre", "liter", "l", "ounce", "oz",
                          "pound", "lb", "share", "unit", "month", "sq ft"])
_PER_TIME = word_alternatives(["hour", "day", "week", "month", "year", "night", "gallon", "barrel", "head", "person",
                               "share", "ton", "tonne", "litre", "liter", "kilo", "ounce"])
_TIME_OFFSET_AFTER = (r"(?!\s+(?:(?:earlier|later)(?!\s+(?:this|that|last|next)\b)"
                      r"|ago|previously|prior|apart|beforehand|before|after)\b)")
"""After "a day", "a year": words that make it a time away, not a rate ("up from 70 a day earlier", "1.2
million a year ago", "a week after the storm"), but for "earlier this year" ("$900 a month earlier this
year" is a rate). "A week before" and "after" are read as a time away even where they could end a rate
("$500 a week before tax"): in news the first sense is the common one ("a day after the attack")."""
_FRACTION_WORD = word_alternatives(["half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths",
                                    "fifth", "fifths", "sixth", "sixths", "eighth", "eighths", "tenth", "tenths"])
VULGAR_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125, "⅜": 0.375,
                    "⅝": 0.625, "⅞": 0.875}
_VULGAR = "[" + "".join(VULGAR_FRACTIONS) + "]"
_UNIT_AFTER = rf"""(?:%|\s*(?:per(?:cent|\s+cent|centage[\s-]+points?)|pc\b(?!-)|{_CLOCK_WORDS})|[\s-]+{TIME_UNIT}(?:[\s-]+olds?)?
                 |[\s-]*{MEASURE_UNIT}|[\s-]+(?:{MONEY_UNIT}|magnitude)|[\s-]*degrees?)"""
"""The unit after a figure, and after the second figure of a range ("40 percent to 70 percent", "15-17kHz")."""
_SMALL_NUMBER_WORD = word_alternatives(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])
"""A number word in a share of a group ("four in 10 voters", "one out of three") or a fraction's numerator."""
_SHARE_OF = rf"\s+(?:in|out\s+of)\s+(?:\d{{1,3}}+|{_SMALL_NUMBER_WORD})\b(?![.,]?\d|[\s-]+{TIME_UNIT})"
"""A share of a group after its first number ("four in 10 voters", "one out of three"), not a rate ("2 in 3 years")."""
_WORD_FRACTION = rf"(?:(?:a|an(?=[\s-]+eighth)|{_SMALL_NUMBER_WORD})[\s-]+{_FRACTION_WORD}|half)"
"""A fraction in words: "two-thirds", "a quarter", "one eighth"; alone only "half" ("third" alone is a rank)."""

_DECADE_AFTER = r"\s+(?:mid-|early\s|late\s|'|\d)"
_DIGIT_AFTER = r"\s+\d"
_NARROW_STARTS = {
    "the": _DECADE_AFTER, "their": _DECADE_AFTER, "his": _DECADE_AFTER, "her": _DECADE_AFTER,
    "in": rf"\s+(?:excess\s|(?:the|their|his|her){_DECADE_AFTER})",
    "a": r"(?:\s+(?:few|hundred|thousand|million|billion|dozen|decade|century|reported|half|third|quarter"
         r"|fourth|fifth|sixth|eighth|tenth)\b|\$)",
    "an": r"\s+(?:estimated|approximate|eighth)\b", "at": r"\s+(?:least|most)\b", "as": r"\s+(?:m(?:any|uch)|high)\b",
    "no": r"\s+(?:fewer|less|more)\b", "up": r"\s+to\b", "close": r"\s+to\b", "north": r"\s+of\b", "well": r"\s+over\b",
    **{word: r"\s+than\b" for word in ("more", "less", "fewer", "greater", "higher")},
    "several": r"\s+(?:dozen|hundred|thousand|million)\b", "many": r"\s+(?:dozens|thousands)\b",
    "us": r"\$", "by": rf"\s+{_TIME_AHEAD}",
    "after": rf"\s+{_TIME_AHEAD}", "before": rf"\s+{_TIME_AHEAD}", "since": rf"\s+{_TIME_AHEAD}",
    "shortly": rf"\s+(?:after|before)\s+{_TIME_AHEAD}", "soon": rf"\s+after\s+{_TIME_AHEAD}", "just": r"\s+(?:over|above|under|below|short|after|before)\b",
    "minus": _DIGIT_AFTER, "negative": _DIGIT_AFTER, "m": r"w?\s?\d\.\d", "mw": r"\s?\d\.\d",
    "au": r"\$", "nz": r"\$", "hk": r"\$", "c": r"\$", "ca": r"\$", "s": r"\$", "nt": r"\$", "r": r"(?:\$|\d)",
    "rm": r"\d", "rs": r"\.?\s?\.?\d", "dh": r"s?\d", "rp": r"\d", "ksh": r"\d",
    **{code: r"\s?\.?\d" for code in ("usd", "eur", "gbp", "jpy", "cny", "rmb", "aed", "sar", "chf", "inr", "euro")},
    **{month: r"\.?\s+(?:of\s+)?\d" for month in _MONTH_WORDS},
    **{day: r",?\s+\d" for day in WEEKDAYS},
}
"""Frequent words that start a figure only before certain words, and what must follow them: "the"
only in "the 70s", a month only before a day or a year. Ruling them out in the guard spares most
attempts of the whole pattern."""
_FIRST_WORDS = {
    *(h.split()[0].rstrip(".") for h in (*LOWER, *UPPER_NEAR, *UPPER, *APPROX, *RANGE)),
    *(v.split()[0] for v in VAGUE), *UNITS, *SCALES, "half", "euros",
    "doubled", "tripled", "quadrupled",
} - set(_NARROW_STARTS) - set(_LAKHS_AND_CRORES)
_STARTING_WORDS = word_branches({*_FIRST_WORDS, *_NARROW_STARTS}, {
    **dict.fromkeys(_FIRST_WORDS, r"\b"), **dict.fromkeys({*UNITS, "hundred"} - set(_NARROW_STARTS), r"(?:\b|fold)"),
    **_NARROW_STARTS})
_CAN_START = rf"(?=[\d$£€¥₹₦₩₽₺₱₪?{''.join(VULGAR_FRACTIONS)}]|[.\-−–]\d|{_STARTING_WORDS})(?<![^\W\d_])"
"""Where a figure can begin: not inside a word, and at a digit, a sign or point before a digit, a
currency, or a word that starts a hedge, a date or a number. Checking this first makes the search
about ten times faster, since most positions fail it at once. What may follow is asked before what
comes before (the same test either way): most positions fail the first, and the second asks Unicode."""


def _ranges(characters: list[str]) -> str:
    """A character class body for ``characters``, runs written as ranges (U+2000 to U+200A as one):
    the pattern, repeated at every space of a long pattern, stays short and compiles fast. The
    characters are written as themselves, not as ``\\u`` escapes, which ``re`` parses a sixth slower
    (none of them is special in a class, and a verbose pattern keeps spaces there)."""
    runs: list[list[int]] = []
    for code in map(ord, characters):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(chr(a) + (f"-{chr(b)}" if b > a else "") for a, b in runs)


_LINE_SPACES = _ranges([c for c in map(chr, range(0x3001)) if c.isspace() and c != "\n"])
"""What ``\\s`` matches but a line break, listed: Unicode has no space beyond U+3000 (a test checks)."""


_SPACE_RUN = compile_kept(r"(\[\\s-\]|\\s)([+*?])(?![+?])")


def _on_one_line(pattern: str) -> str:
    """The pattern with its spaces kept to one line: a line break ends a sentence, so a figure
    never spans one ("more than" at the end of a line is not the hedge of the next line's 77).

    The spaces are a listed class, which ``re`` checks against a table, rather than a class
    "space but not a line break", which it checks by asking Unicode each time. And every run of
    spaces (or of spaces and hyphens) is possessive, ``\\s++``: nothing that follows a run in the
    figure pattern can start with a space (or a hyphen), so a run that gave one back could only
    fail, and ``re`` tries what follows once rather than once for each character it could give
    back (a test checks that the greedy runs find the same).
    """
    pattern = _SPACE_RUN.sub(r"\1\2+", pattern)
    return pattern.replace(r"[\s-]", f"[{_LINE_SPACES}-]").replace(r"\s", f"[{_LINE_SPACES}]")


_FIGURE_BODY = _on_one_line(
    rf"""
    {_CAN_START}
    (?:(?=[a-z])(?:(?P<hedge>{_HEDGE})\s+(?P<m_word>magnitude(?:[\s-]+of)?[\s-]+(?=[\d.]))?
                 |(?P<time_hedge>{_TIME_HEDGE})\s+{_TIME_AHEAD}))?
    (?P<core>
        (?P<date>(?=[a-z])(?:{_MONTH}\s+\d{{1,2}}+(?:st|nd|rd|th)?(?:(?:,?\s+|\s*[-–]\s*)\d{{4}})?(?![\d:])
                           |{_MONTH}\s+(?:of\s+)?\d{{4}}
                           |{_WEEKDAY},?\s+\d{{1,2}}(?:st|nd|rd|th)?(?=\s*(?:\n|$|[,;]|\.(?!\d)|\d{{1,2}}:\d\d|\d{{4}})))
                |(?=\d)(?:(?<![\d.,])\d{{1,2}}+(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?
                        |(?<![\d.,/])\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})(?![\d/])
                        |(?<![\d.,/-])(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d-])))(?![\w])
      | (?=\d)(?P<clock>\d{{1,2}}+(?::\d{{2}}(?::\d{{2}})?(?:\s*{_CLOCK_SUFFIX})?|\.\d{{2}}\s*(?:(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s*{_ZONE})?|hrs\b)
                                 |\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s*{_ZONE})?)
                       |(?<![\d.,])[0-2]\d[0-5]\d\s*{_ZONE})
      | (?=[a-z])(?:(?P<decade>(?:in\s+)?(?:the|their|his|her)\s+(?:mid-|early\s+|late\s+)?'?(?:\d{{2}}|1\d{{3}}|20\d{{2}})['’]?s)\b
                 |(?P<vague>{_VAGUE_PATTERN})\b)
      | (?!\d)(?P<currency>{_CURRENCY})(?P<money>{_DIGITS})(?:[\s-]*(?P<money_scale>{_SCALE_WORD})|(?P<money_short>{_MONEY_SHORT_SCALE})(?:\b|\.(?=\s)))?
      | (?P<multiplier>\d++[\s-]?fold|{_RANGE_WORD}[\s-]?fold|doubled|tripled|quadrupled)\b
      | (?P<slash_fraction>(?<![\d/.,])\d{{1,2}}+(?:\s?/\s?\d{{1,3}}+(?![\d/])|{_SHARE_OF})|{_SMALL_NUMBER_WORD}{_SHARE_OF})
      | (?:(?P<sign>[-−–](?=\d)|(?:minus|negative)\s+(?=\d))|(?P<m_prefix>mw?\s?(?=\d\.\d)))?(?P<digits>{_DIGITS})(?P<mixed>\s?{_VULGAR}|\s\d/\d{{1,2}}(?![\d/]))?(?:[\s-]*(?P<scale>{_SCALE_WORD})|(?P<short_scale>{_SHORT_SCALE}\b|\s?{_SHORT_SCALE}\.?(?=[\s-]+{MONEY_UNIT}\b)))?
      | (?P<vulgar>{_VULGAR})
      | (?=[a-z])(?:(?P<word_fraction>{_WORD_FRACTION})\b(?![\s-]+(?:an?\s+)?(?:hundred|thousand|million|billion|dozen)\b|[\s-]+an?\s+(?:century|decade)\b)
                 |(?P<words>(?:a\s+(?=hundred|thousand|million|billion|dozen)|half\s+a\s+|(?:an?\s+)?half[\s-]+(?=hundred|thousand|million|billion|dozen))?(?:{_NUMBER_WORD})(?:(?:{_SCALE_AND}|[\s-]+)(?:{_NUMBER_WORD}))*(?:\s+and\s+a\s+half)?)\b
                 |(?P<a_decade>a\s+decade|half\s+a\s+century|a\s+century)\b)
    )
    (?:(?![,.;:)\]"'’”])
       (?P<unit>{_UNIT_AFTER})?
       (?:(?P<range_sep>\s*[-–—]\s*|[\s-]+to(?:\s+|-(?=\d))|\s+and\s+)
          (?P<range_end>(?:{_CURRENCY})?{_DIGITS}(?:[\s-]*{_SCALE_WORD}|{_MONEY_SHORT_SCALE}\b)?|{_WORD_FRACTION}\b|{_RANGE_WORD}(?:[\s-]+(?:hundred|thousand|{_SCALE_WORD}))?\b)
          (?P<end_unit>{_UNIT_AFTER})?)?
       (?P<per>\s*/\s*{_PER}|\s+per\s+{_PER}|\s+an?\s+{_PER_TIME}\b{_TIME_OFFSET_AFTER})?
       (?P<suffix>\s+or\s+(?:more|greater|higher|above|less|fewer|below|so)|\+|-plus)?)?
    (?![\w])
    """)
FIGURE_CAN_START = CaseBlind(_on_one_line(_CAN_START), re.VERBOSE)
"""The guard a figure opens with, alone: where it fails at the start of a text, no figure opens it."""
FIGURE_AFTER = CaseBlind(rf"[^a-z](?P<figure>{_FIGURE_BODY})", re.VERBOSE)
"""A figure after the character before it, which is never a letter. A pattern that opens with a
character class lets ``re`` skip, in C, the positions that cannot hold it: the letters, most of
the text. (Letters beyond a-z pass the class, and the guard rules them out.) A figure at the very
start of a text, with no character before it, is found after a space put before the text: every
look-behind of the pattern reads a space as it reads the start of the text."""
