"""What a figure's number itself states, whichever way it is written: digits with their scale,
number words, fractions, multipliers, dates, clock times and money; before its range, unit and hedge
are read (``numbers``).
"""

from __future__ import annotations

import re

from .clock import clock_parts, iso_date, time_text
from .figure_kinds import zone_written_as_zone
from .figure_pattern import FIGURE_AFTER, SCALES, SHORT_SCALES, UNITS, VAGUE, VULGAR_FRACTIONS
from .unit_words import LOST_SIGN, currency_code
from .kept_patterns import compile_kept

_GROUP_NUMBERS = FIGURE_AFTER.folded.groupindex
"""The numbers of the pattern's groups, the same in its every compiled form (a test checks). A match's
groups are read as ``match.groups()``, by position: a tuple is built in a sixth of the time of
``groupdict()``, and every candidate figure needs a dozen of them."""
(G_HEDGE, G_M_WORD, G_TIME_HEDGE, G_CORE, G_DATE, G_CLOCK, G_DECADE, G_VAGUE, G_CURRENCY, G_MONEY, G_MONEY_SCALE,
 G_MONEY_SHORT, G_MULTIPLIER, G_SLASH, G_SIGN, G_M_PREFIX, G_DIGITS, G_MIXED, G_SCALE, G_SHORT_SCALE, G_VULGAR, G_WORDS,
 G_A_DECADE, G_WORD_FRACTION, G_UNIT, G_RANGE_SEP, G_RANGE_END, G_END_UNIT, G_PER, G_SUFFIX) = (
    _GROUP_NUMBERS[name] - 1 for name in (
        "hedge", "m_word", "time_hedge", "core", "date", "clock", "decade", "vague", "currency", "money", "money_scale", "money_short",
        "multiplier", "slash_fraction", "sign", "m_prefix", "digits", "mixed", "scale", "short_scale", "vulgar", "words", "a_decade",
        "word_fraction", "unit", "range_sep", "range_end", "end_unit", "per", "suffix"))
_NUMBER_WORD_BREAK = compile_kept(r"[\s-]+")
_DIGIT_RUN = compile_kept(r"\d+")
_DAY = compile_kept(r"(?<!\d)\d{1,2}(?!\d)")
_YEAR = compile_kept(r"\d{4}")
_METRES_AFTER = compile_kept(
    r"(?:-|[^\S\n]+)(?:away|high|long|deep|tall|wide|from|above|below|off|race|sprint|hurdles|freestyle|backstroke"
    r"|breaststroke|butterfly|final|dash|relay|in[^\S\n]+\d)\b", re.IGNORECASE)
"""What makes an "m" glued to a bare number metres, not a million: a dimension, a place ("500m away", "a 30m-high
wall") or a race ("the 100m in 9.58 seconds", "the 400m hurdles"); "5m people" and "1.7m have fled" are millions."""
_OWNER = compile_kept(r"\b(?:his|her|their)\b", re.IGNORECASE)
_NUMBER_IN = compile_kept(r"\d[\d,.\u00a0\u202f]*|\.\d+")
_END_SCALE = compile_kept(r"(?<![a-z])(hundred|thousand|million|billion|trillion|k|mn|mil|mm|m|bln|bn|b|tn|t)\.?$",
                          re.IGNORECASE)
_FRACTION_PARTS = compile_kept(r"(\d+)\s?/\s?(\d+)")
_SHARE_PARTS = compile_kept(r"(\w+)\s+(?:in|out\s+of)\s+(\w+)", re.IGNORECASE)
"""A share of a group, "4 in 10", "one out of three": one figure, the fraction, not two counts."""
_ZONE_AT_END = compile_kept(r"[a-z]+(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?$|[+\-−]\d{2}:\d{2}$", re.IGNORECASE)
_CLOCK_CORE = compile_kept(r"\d{1,2}(?:[:.]\d{2}(?::\d{2})?)?\s*(?:[ap]\.?\s?m\.?)?|\d{4}", re.IGNORECASE)
_WORD_BEFORE = compile_kept(r"([\w'’.]+)[^\w]*$")
_WORD_BEFORE_REVERSED = compile_kept(r"(?:[^\w'’.]|['’.]++(?!\w))*+([\w'’.]*?\w[\w'’.]*)")
"""``_WORD_BEFORE`` read backwards from the end, so that it costs the length of the word, not of
the text before it: the run of word characters, points and apostrophes holding the last letter."""
WORD_AFTER = compile_kept(r"^[\s\"“”'‘’(]*([\w'’]+)")
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})
"""The denominators news writes a fraction with: "9/11" and "24/7" are no fractions."""
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                   "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                   "tenth": 10, "tenths": 10}
_HALF_NEXT = frozenset({"of", "the", "and", "to", "or", "its", "their", "his", "her", "a", "an", "that", "those",
                        "these", "them", "all"})
"""What follows a "half" that is an amount: "half of whom", "half the homes", "between half and two-thirds"."""
_OBJECT_AFTER = compile_kept(r"[^\S\n]+(?:(?:a|an|the|all|his|her|their|its|our|my|your|this|that|these|those|another"
                             r"|big|high|low|points?|goals?)\b|\d)", re.IGNORECASE)
"""What follows a verb rather than a count: its object ("scores a win", "scores all 66 delegates")."""
_MULTIPLIER_VERBS = {"doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0}
_IDIOM_AFTER_VERB = compile_kept(r"[\s-]+down\b", re.IGNORECASE)
"""A multiplying verb in an idiom: "doubled down" multiplies nothing."""
_POSITION_BEFORE_HALF = frozenset({"first", "second", "third", "fourth", "last", "top", "bottom", "lower", "upper",
                                   "latter", "former", "back", "front", "other", "better", "opening", "closing",
                                   "early", "late", "northern", "southern", "eastern", "western"})
"""Words that make "half" a part of something rather than an amount: "the second half of July"."""


def parse_number_words(words: str) -> float | None:
    """The value of spelled-out numbers ("twenty-three", "two hundred and fifty thousand", "a dozen")."""
    single = UNITS.get(words.lower())
    if single is not None:
        return float(single)  # most are one word: "three"
    lowered = words.lower()
    half = lowered.endswith("and a half")
    tokens = [t for t in _NUMBER_WORD_BREAK.split(lowered.removesuffix("and a half")) if t and t != "and"]
    if tokens[:2] in (["half", "a"], ["a", "half"]):  # "half a dozen", "a half-dozen"
        tokens = ["half", *tokens[2:]]
    elif tokens and tokens[0] == "a":
        tokens[0] = "one"
    total, current = 0.0, 0.0
    for token in tokens:
        if token == "half":
            current = 0.5
        elif token in UNITS:
            current = current * UNITS[token] if token == "dozen" and current else current + UNITS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            return None
    return total + current + (0.5 if half else 0.0)


class Reading:
    """What the core of a candidate says, before its range, unit and hedge are read."""

    __slots__ = ("value", "low", "high", "qualifier", "quantity", "unit", "dimension", "when")

    def __init__(self, value: float | None, quantity: str = "count", unit: str | None = None,
                 dimension: str | None = None, qualifier: str = "exact", low: float | None = None,
                 high: float | None = None, when: str | None = None) -> None:
        self.value = value  # one by one: a tuple of four built and unpacked costs a third more (one per candidate)
        self.quantity = quantity
        self.unit = unit
        self.dimension = dimension
        self.qualifier = qualifier
        self.low = low
        self.high = high
        self.when = when


def read_core(text: str, match: re.Match[str], groups: tuple[str | None, ...], dollar: str, day_first: bool,
               negative: bool) -> Reading | None:
    """The value and kind that the number itself states, whichever form it is written in."""
    if groups[G_DIGITS]:
        scale = groups[G_SCALE] or groups[G_SHORT_SCALE]
        if scale and groups[G_SHORT_SCALE] and scale.lower() == "m" and _METRES_AFTER.match(text, match.end("figure")):
            value = _parse_digits(groups[G_DIGITS])  # "the 100m in 9.58 seconds", "500m away": metres, no million
            return Reading(-value if negative else value, "distance", "meter", "length")
        value = _parse_digits(groups[G_DIGITS]) * _scale(scale) if scale else _parse_digits(groups[G_DIGITS])
        if groups[G_MIXED]:
            fraction = _fraction_value(groups[G_MIXED].strip())
            if fraction is None:  # "77 0/0", "3 5/4": no mixed number, and no figure to guess at
                return None
            value += fraction
        return Reading(-value if negative else value)
    if groups[G_DATE]:
        return _read_date(groups[G_DATE], day_first)
    if groups[G_CLOCK]:
        return _read_clock(text, match, groups[G_CLOCK])
    if groups[G_WORDS]:
        value = parse_number_words(groups[G_WORDS])
        return None if value is None else Reading(value)
    if groups[G_CURRENCY]:
        sign = groups[G_CURRENCY].strip()
        value = _parse_digits(groups[G_MONEY]) * _scale(groups[G_MONEY_SCALE] or groups[G_MONEY_SHORT])
        code = None if sign == LOST_SIGN else currency_code(sign, dollar)
        return Reading(value, "money", code, "currency")
    if groups[G_VAGUE]:
        vague = normalise(groups[G_VAGUE])
        if vague == "scores" and _OBJECT_AFTER.match(text, match.end("vague")):
            return None  # a verb and its object: "Kasich scores all 66 delegates", "he scores a big win"
        low, high = VAGUE[vague]
        return Reading(None, qualifier="vague", low=low, high=high)
    if groups[G_DECADE]:
        decade = _DIGIT_RUN.search(groups[G_DECADE]).group()
        value = float(decade)
        if len(decade) == 4:
            return Reading(value, "year", qualifier="range", low=value, high=value + 9)
        if _OWNER.search(groups[G_DECADE]):  # "a man in his 40s": an age, as "a man, 45," is
            return Reading(value, "duration", "year", "age", qualifier="range", low=value, high=value + 9)
        return Reading(value, qualifier="range", low=value, high=value + 9)  # "a toll in the 70s"
    if groups[G_SLASH] or groups[G_VULGAR]:
        value = _fraction_value(groups[G_SLASH] or groups[G_VULGAR])
        return None if value is None else Reading(value, "other", dimension="fraction")
    if groups[G_WORD_FRACTION]:
        return _read_word_fraction(text, match, groups[G_WORD_FRACTION])
    if groups[G_MULTIPLIER]:
        return _read_multiplier(text, match, groups[G_MULTIPLIER])
    span = groups[G_A_DECADE].lower()
    value = 10.0 if "decade" in span else (50.0 if "half" in span else 100.0)
    return Reading(value, "duration", "year", "duration")


def _read_date(written: str, day_first: bool) -> Reading:
    when = iso_date(written, day_first)
    day = _DAY.search(written)
    year = _YEAR.search(written)
    if when is not None and when[:4].isdigit() and len(when) == 7:  # "December 2003": news reads a month of a year as the year
        return Reading(float(when[:4]), "year", when=when)
    return Reading(float(day.group()) if day else float(year.group()) if year else None, "date", when=when)


def _read_clock(text: str, match: re.Match[str], clock: str) -> Reading | None:
    """A clock time; its value the 24-hour number news writes ("3:45 p.m." is 1545), its zone kept."""
    zone = _zone_of(clock)
    parts = clock_parts(clock)  # as ``iso_time`` reads them, without reading its text back
    if parts is None:
        return None
    hours, minutes, seconds = parts
    return Reading(float(hours * 100 + minutes), "time", zone.upper() if zone and zone.isalpha() else None,
                   when=time_text(hours, minutes, seconds, zone))


def _zone_of(clock: str) -> str | None:
    """The time zone or offset written after a clock time ("GMT", "UTC+3", "+02:00"), or None."""
    core = _CLOCK_CORE.match(clock)
    found = _ZONE_AT_END.search(clock, core.end()) if core else None
    if found is None or found.group().lower() in ("am", "pm", "hrs", "hours", "local time"):
        return None
    return found.group()


def false_zone(text: str, match: re.Match[str]) -> int | None:
    """Where a clock time ends if the word after it only looks like a zone ("west", "eat"), else None."""
    clock = match.group("clock")
    zone = _zone_of(clock)
    if zone is None:
        return None
    zone_start = match.start("clock") + clock.rfind(zone)
    if zone_written_as_zone(text, zone_start, zone.split()[0].rstrip("+-−0123456789:")):
        return None
    return match.start("clock") + len(clock[:clock.rfind(zone)].rstrip())


def _read_word_fraction(text: str, match: re.Match[str], written: str) -> Reading | None:
    """"two-thirds", "a quarter", "half": an amount only where it is one ("half of whom", "a quarter mile")."""
    words = _NUMBER_WORD_BREAK.split(written.lower())
    denominator = _FRACTION_WORDS[words[-1]]
    numerator = 1.0 if len(words) == 1 or words[0] in ("a", "an") else float(UNITS.get(words[0], 0))
    if not numerator or numerator >= denominator and words[-1] != "halves":
        return None
    next_word = WORD_AFTER.match(text[match.end("word_fraction"):match.end("word_fraction") + 30])
    next_word = next_word.group(1).lower() if next_word else ""
    plural = words[-1].endswith("s") and words[-1] != "halves"
    if len(words) == 1 and words[0] != "half":
        return None  # "from third to second": a rank
    after = text[match.end("word_fraction"):match.end("word_fraction") + 2]
    if not match.group("unit") and after[:1] == "-" and after[1:].isalpha():
        return None  # a compound word: "a third-party candidate", "the quarter-final", "a half-brother"
    if words == ["half"] and word_before(text[:match.start("figure")]).lower() in _POSITION_BEFORE_HALF:
        return None
    if not (plural or next_word in _HALF_NEXT or match.group("unit") or match.group("hedge")
            or (words[-1] == "half" and len(words) == 1 and word_before(text[:match.start("figure")]).lower()
                in ("between", "and", "than", "nearly", "almost", "about", "over"))):
        return None
    if len(words) == 1 and next_word not in _HALF_NEXT and not match.group("unit") and words[0] != "half":
        return None
    return Reading(round(numerator / denominator, 3), "other", dimension="fraction")


def _read_multiplier(text: str, match: re.Match[str], written: str) -> Reading | None:
    lowered = written.lower()
    if lowered in _MULTIPLIER_VERBS:
        if _IDIOM_AFTER_VERB.match(text, match.end("multiplier")):
            return None
        return Reading(_MULTIPLIER_VERBS[lowered], "other", dimension="multiplier")
    number = lowered.removesuffix("fold").rstrip(" -")
    value = _parse_digits(number) if number[:1].isdigit() else parse_number_words(number)
    return None if not value else Reading(value, "other", dimension="multiplier")


def word_before(text: str) -> str:
    """The last word of ``text`` (with its points and apostrophes: "U.S."), or "".

    Most words before a figure are letters and digits alone: where the last run of text without
    a space is one, it is the word (a space is neither a word's character nor a point or an
    apostrophe, so the word can run no further back), found without reversing the text."""
    last = text.rsplit(None, 1)[-1:]
    if last and last[0].isalnum() and last[0].isascii():
        return last[0]
    reversed_match = _WORD_BEFORE_REVERSED.match(text[::-1])
    if reversed_match is not None:
        return reversed_match.group(1)[::-1]
    found = _WORD_BEFORE.search(text)  # no letter or digit at all: rare, and short
    return found.group(1) if found else ""


def share_numerator_end(written: str) -> int | None:
    """Where the first number of ``written`` ends if it is written as a share ("12 in two"), else None:
    a share whose value is none ("12 in two attacks") is read as its first number."""
    share = _SHARE_PARTS.fullmatch(written)
    return share.end(1) if share is not None else None


def _fraction_value(written: str) -> float | None:
    if written in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[written]
    share = _SHARE_PARTS.fullmatch(written)
    if share is not None:  # "4 in 10": any group, "one in 45 children"
        numerator, denominator = (float(part) if part.isdecimal() else parse_number_words(part.casefold())
                                  for part in share.groups())
        if numerator is None or denominator is None:  # a word the pattern took for a number
            return None
        return round(numerator / denominator, 3) if 0 < numerator < denominator else None
    numerator, denominator = map(int, _FRACTION_PARTS.fullmatch(written).groups())
    if denominator not in _FRACTION_DENOMINATORS or not 0 < numerator < denominator:
        return None
    return round(numerator / denominator, 3)


def _parse_digits(digits: str) -> float:
    if digits.isdecimal():
        return float(digits)  # most numbers: no separator to take out
    return float(digits.replace(",", "").replace("\u00a0", "").replace("\u202f", ""))


def parse_range_end(token: str) -> float | None:
    """The value of a range's second figure: "80", "fifteen", "two-thirds", "$1,730", "2.5 million"."""
    token = token.strip()
    if token[0].isalpha():
        words = _NUMBER_WORD_BREAK.split(token.lower())
        if words[-1] in _FRACTION_WORDS:
            numerator = 1.0 if len(words) == 1 or words[0] in ("a", "an") else float(UNITS.get(words[0], 0))
            return round(numerator / _FRACTION_WORDS[words[-1]], 3)
        spelled = parse_number_words(token)
        if spelled is not None:
            return spelled
    number = _NUMBER_IN.search(token)
    if number is None:
        return None
    return _parse_digits(number.group().rstrip(".,")) * _scale(token[number.end():].strip(" -") or None)


def range_end_scale(token: str) -> int:
    """The scale a range's second figure ends with ("2.5 million", "three billion", "$4bn"), or 1."""
    scale = _END_SCALE.search(token.rstrip())
    return _scale(scale.group(1)) if scale else 1


def _scale(word: str | None) -> int:
    if not word:
        return 1
    word = " ".join(word.lower().strip(" .").split())  # "lakh  crore" as "lakh crore"
    return SCALES.get(word) or SHORT_SCALES.get(word, 1)


def normalise(phrase: str) -> str:
    return " ".join(phrase.split()).lower()


def core_start(match: re.Match[str], groups: tuple[str | None, ...]) -> int:
    """Where the number itself begins: after any hedge, and after the sign of digits."""
    return match.start(G_DIGITS + 1) if groups[G_DIGITS] else match.start(G_CORE + 1)
