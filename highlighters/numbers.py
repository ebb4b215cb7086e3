"""Figures: every numeric expression that states a fact, with its hedge and the interval it allows.

One compiled pattern (``figure_pattern``) finds candidates: digits, number words, vague amounts
such as "dozens", dates, clock times, with the hedge before them ("more than", "almost", "in the")
and the unit after them. Python then only looks at the few matches: it parses number words, drops
what is not a figure (ordinals never match; "one of the worst", "a civilian one", "two-pronged",
"the three have", "COVID-19" are dropped here), and turns the hedge into a qualifier and an interval.
"""

from __future__ import annotations

import re

from .figure_pattern import (
    APPROX,
    CLOCK_UNIT,
    DISTANCE_UNIT,
    FIGURE,
    FIGURE_AFTER,
    LOWER,
    MONEY_UNIT,
    PERCENT_UNIT,
    RANGE,
    SCALES,
    SHORT_SCALES,
    TIME_UNIT,
    UNITS,
    UPPER,
    UPPER_NEAR,
    VAGUE,
)
from .folding import fold
from .spans import Figure

_LOWER_HEDGES, _UPPER_NEAR_HEDGES, _UPPER_HEDGES, _APPROX_HEDGES = map(frozenset, (LOWER, UPPER_NEAR, UPPER, APPROX))
"""The hedges as sets, for looking a figure's hedge up (their tuples keep the order patterns are built in)."""

_NUMBER_WORD_BREAK = re.compile(r"[\s-]+")
_DIGIT_RUN = re.compile(r"\d+")
_PLURAL = re.compile(r"[a-z]+s")
_AFTERNOON = re.compile(r"p\.?m", re.IGNORECASE)
_PUNCTUATION_NEXT = re.compile(r"\s*[,.;:)!?]")
_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_YEAR = re.compile(r"\d{4}")
_MILITARY_TIME_AFTER = re.compile(r"\s*\((?:\d{4}\s*)?(?:gmt|utc)|\s*hours?\b", re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"magnitude(?:\s+of)?\s*[-:]?\s*$")
_MAGNITUDE_AFTER = re.compile(r"\s*(?:on the richter scale|magnitude)")
_PERCENT, _CLOCK, _DURATION, _DISTANCE, _MONEY = (
    re.compile(unit, re.IGNORECASE) for unit in (PERCENT_UNIT, CLOCK_UNIT, TIME_UNIT, DISTANCE_UNIT, MONEY_UNIT))
_WORD_BEFORE = re.compile(r"([\w'’.]+)[^\w]*$")
_WORD_BEFORE_REVERSED = re.compile(r"[^\w]*?([\w'’.]*?\w[\w'’.]*)")
"""``_WORD_BEFORE`` read backwards from the end, so that it costs the length of the word, not of
the text before it: the run of word characters, points and apostrophes holding the last letter."""
_WORD_AFTER = re.compile(r"^[\s\"“”'‘’(]*([\w'’]+)")
_PRONOUN_DETERMINERS = {"a", "an", "the", "no", "any", "every", "each", "this", "that", "which",
                        "such", "another", "these", "those", "all", "both", "only", "civilian"}
_FUNCTION_WORDS = {"of", "another", "or", "and", "who", "whom", "which", "that", "is", "was", "are",
                   "were", "have", "has", "had", "will", "would", "could", "can", "did", "do", "does",
                   "in", "on", "at", "to", "for", "by", "with", "as", "from", "thing", "way", "time",
                   "side", "hand", "after", "before", "way", "but", "if", "said", "told"}
_COMPOUND_UNITS = re.compile(
    rf"^-(?:{TIME_UNIT}|{DISTANCE_UNIT}|magnitude|member|strong|man|person|storey|story|vehicle|car|seat|bed|point|page)s?\b",
    re.IGNORECASE)
_NAME_PREFIXES = {"article", "resolution", "flight", "route", "highway", "no", "no.", "number",
                  "room", "chapter", "section", "page", "boeing", "airbus", "f", "mig", "su",
                  "covid", "mh", "g", "apollo", "voyager", "level", "phase", "grade", "cup", "road"}
_NAME_PREFIX_ENDINGS = tuple(_NAME_PREFIXES)
"""For ``str.endswith``: a text can end with a naming word only if it ends with one of these."""

_GROUP_NUMBERS = FIGURE.folded.groupindex
"""The numbers of the pattern's groups, the same in its every compiled form (a test checks). A match's
groups are read as ``match.groups()``, by position: a tuple is built in a sixth of the time of
``groupdict()``, and every candidate figure needs a dozen of them."""
(_G_HEDGE, _G_CORE, _G_DATE, _G_CLOCK, _G_DECADE, _G_VAGUE, _G_CURRENCY, _G_MONEY, _G_MONEY_SCALE, _G_MONEY_SHORT,
 _G_DIGITS, _G_SCALE, _G_SHORT_SCALE, _G_WORDS, _G_A_DECADE, _G_RANGE_SEP, _G_RANGE_END, _G_UNIT, _G_SUFFIX) = (
    _GROUP_NUMBERS[name] - 1 for name in (
        "hedge", "core", "date", "clock", "decade", "vague", "currency", "money", "money_scale", "money_short",
        "digits", "scale", "short_scale", "words", "a_decade", "range_sep", "range_end", "unit", "suffix"))


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order. Offsets index ``text`` directly.

    The text is searched lower-cased (see ``folding``), so the groups of a match are in lower
    case; where case matters (a capitalised number word) ``text`` is read at the match's offsets.
    """
    folded = fold(text)
    at_start, searched = FIGURE.over(text, folded)
    after = FIGURE_AFTER.over(text, folded)[0]
    figures = []
    match = at_start.match(searched) or after.search(searched)
    while match is not None:
        figure, resume = _to_figure(text, match)
        if figure is not None:
            figures.append(figure)
        position = max(resume, match.start("figure") + 1)
        match = after.search(searched, position - 1)  # the next figure from ``position`` on
    return figures


def parse_number_words(words: str) -> float | None:
    """The value of spelled-out numbers ("twenty-three", "two hundred and fifty thousand", "a dozen")."""
    single = UNITS.get(words.lower())
    if single is not None:
        return float(single)  # most are one word: "three"
    tokens = [t for t in _NUMBER_WORD_BREAK.split(words.lower()) if t and t != "and"]
    if tokens[:2] == ["half", "a"]:
        tokens = ["half", *tokens[2:]]
    elif tokens[0] == "a":
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
    return total + current


def _to_figure(text: str, match: re.Match[str]) -> tuple[Figure | None, int]:
    """The figure a candidate match states (or None), and where the search goes on from."""
    start, end = match.span("figure")
    groups = match.groups()
    hedge = _normalise(groups[_G_HEDGE]) if groups[_G_HEDGE] else None
    if _is_part_of_name(text, match, groups):
        return None, end
    if groups[_G_WORDS] and not _is_spelled_figure(text, match):
        return None, end
    sign_at = match.start("sign")
    negative = sign_at >= 0 and (sign_at == 0 or text[sign_at - 1] in " \t\n([")
    if sign_at == start and not negative:
        start = match.start("digits")  # a dash that joins, not a minus

    unit_text = _normalise(groups[_G_UNIT]) if groups[_G_UNIT] else ""
    low = high = None
    value: float | None
    quantity = "count"
    unit = None
    qualifier = "exact"

    if groups[_G_DATE]:
        day = _DAY.search(groups[_G_DATE])
        year = _YEAR.search(groups[_G_DATE])
        value = float(day.group()) if day else float(year.group())
        quantity, unit = "date", None
    elif groups[_G_CLOCK]:
        value = _clock_value(groups[_G_CLOCK])
        quantity = "time"
    elif groups[_G_DECADE]:
        decade = _DIGIT_RUN.search(groups[_G_DECADE]).group()
        value = float(decade)
        low, high = value, value + 9
        qualifier = "range"
        quantity = "year" if len(decade) == 4 else "count"
    elif groups[_G_VAGUE]:
        value = None
        low, high = VAGUE[_normalise(groups[_G_VAGUE]).lower()]
        qualifier = "vague"
    elif groups[_G_CURRENCY]:
        value = _parse_digits(groups[_G_MONEY]) * _scale(groups[_G_MONEY_SCALE] or groups[_G_MONEY_SHORT])
        quantity, unit = "money", _currency(groups[_G_CURRENCY])
    elif groups[_G_DIGITS]:
        value = _parse_digits(groups[_G_DIGITS]) * _scale(groups[_G_SCALE] or groups[_G_SHORT_SCALE])
        value = -value if negative else value
    elif groups[_G_WORDS]:
        value = parse_number_words(groups[_G_WORDS])
        if value is None:
            return None, end
    else:
        span = groups[_G_A_DECADE].lower()
        value = 10.0 if "decade" in span else (50.0 if "half" in span else 100.0)
        quantity, unit = "duration", "year"

    range_end = None
    if groups[_G_RANGE_END]:
        range_end = _parse_range_end(groups[_G_RANGE_END])
        separator = groups[_G_RANGE_SEP].strip().lower()
        plausible = (range_end is not None and value is not None and range_end > value
                     and (groups[_G_DIGITS] or groups[_G_WORDS])
                     and (separator in "-–—" or hedge in RANGE or separator == "to"))
        if not plausible or (separator == "and" and hedge != "between"):
            cut = match.start("range_sep")  # "45 and 50", "from 70 to the city": no range
            return _reread(text, match, cut), cut

    if quantity == "count" and unit_text:
        quantity, unit = _classify_unit(unit_text, groups[_G_UNIT])
    if quantity == "count" and groups[_G_DIGITS] and value is not None and not groups[_G_SCALE]:
        quantity = _count_or_year(text, match, value, hedge)
        if quantity == "time":
            unit = None
        if quantity == "count" and _is_magnitude(text, match):
            quantity = "magnitude"

    if range_end is not None:
        qualifier, low, high = "range", value, range_end
    elif qualifier == "exact":
        qualifier, low, high = _interval(hedge, value, groups[_G_SUFFIX], quantity)
    if hedge in RANGE and qualifier != "range":
        start = match.start("date") if groups[_G_DATE] else (sign_at if negative else _core_start(match, groups))

    if quantity in ("year", "date", "time") and qualifier == "approx":
        low = high = value
    return Figure(start, end, value, low, high, qualifier, quantity, unit), end


def _interval(hedge: str | None, value: float | None, suffix: str | None, quantity: str):
    """Turn the words around a figure into a qualifier and the interval ``[low, high]`` it allows."""
    suffix = _normalise(suffix) if suffix else ""
    if hedge in _LOWER_HEDGES or suffix in ("or more", "or greater", "or higher", "or above", "+", "-plus"):
        return "lower", value, None
    if hedge in _UPPER_NEAR_HEDGES:
        return "upper", *sorted((round(value * 0.85, 1), value))  # sorted: "almost -3" is -3 to -2.5
    if hedge in _UPPER_HEDGES or suffix in ("or less", "or fewer", "or below"):
        return "upper", None, value
    if hedge in _APPROX_HEDGES or suffix == "or so":
        return "approx", *sorted((round(value * 0.85, 1), round(value * 1.15, 1)))
    return "exact", value, value


def _is_spelled_figure(text: str, match: re.Match[str]) -> bool:
    """Spelled-out numbers are figures unless used as a pronoun, an idiom or part of an adjective."""
    if match.group("unit"):
        return True  # one-year anniversary, two days
    words = match.group("words").lower()
    after = text[match.end("words"):match.end("words") + 40]
    start = match.start("figure")
    before = text[max(0, start - 40):start]
    next_word = _WORD_AFTER.match(after)
    next_word = next_word.group(1).lower() if next_word else ""
    previous = _word_before(before).lower()

    if after.startswith("-") and not _COMPOUND_UNITS.match(after) and not match.group("unit"):
        return False  # two-pronged, one-sided, two-way
    if match.group("hedge") is None and previous in _PRONOUN_DETERMINERS and (
        not next_word or next_word in _FUNCTION_WORDS or _PUNCTUATION_NEXT.match(after)
    ):
        return False  # the three have been ruled; a civilian one,
    if words in ("one", "a"):
        if match.group("hedge") is None and previous in _PRONOUN_DETERMINERS:
            return False
        if not next_word or next_word in _FUNCTION_WORDS or _PUNCTUATION_NEXT.match(after):
            return False  # one of the worst; no one; one another
        if next_word in ("day", "year", "week", "month", "hour") and previous in ("at", "one"):
            return False
    if words in SCALES and previous[-1:].isdigit():
        return False  # "R26 million": the scale of a figure that is not one
    if words.startswith("one") and previous in ("no", "any", "every", "some"):
        return False
    return True


def _is_part_of_name(text: str, match: re.Match[str], groups: tuple[str | None, ...]) -> bool:
    """Digits glued to letters or after a naming word are identifiers, not figures (F-16, Article 5)."""
    core = _core_start(match, groups)
    last = text[core - 1] if core else ""
    if last.isalpha() or (last in "-/" and core > 1 and text[core - 2].isalnum()):
        return True
    if not (groups[_G_DIGITS] or groups[_G_WORDS]):
        return False
    before = text[max(0, core - 20):core].rstrip()
    if before[-1:].isalpha() and before.lower().endswith(_NAME_PREFIX_ENDINGS):
        previous = _word_before(before)
        if previous.lower().rstrip(".") in _NAME_PREFIXES:
            return previous[0].isupper()
    return False


def _word_before(text: str) -> str:
    """The last word of ``text`` (with its points and apostrophes: "U.S."), or ""."""
    reversed_match = _WORD_BEFORE_REVERSED.match(text[::-1])
    if reversed_match is not None:
        return reversed_match.group(1)[::-1]
    found = _WORD_BEFORE.search(text)  # no letter or digit at all: rare, and short
    return found.group(1) if found else ""


def _count_or_year(text: str, match: re.Match[str], value: float, hedge: str | None) -> str:
    """A bare four-digit number is a year unless something is counted with it."""
    digits = match.group("digits")
    if len(digits) == 4 and digits.isdigit() and hedge is None:
        after = text[match.end("figure"):match.end("figure") + 25]
        if _MILITARY_TIME_AFTER.match(after):
            return "time"
        if 1500 <= value <= 2099:
            next_word = _WORD_AFTER.match(after)
            if next_word is None or not _PLURAL.fullmatch(next_word.group(1)) or next_word.group(1) in (
                "as", "was", "has", "is", "this", "his", "its"
            ):
                return "year"
    return "count"


def _is_magnitude(text: str, match: re.Match[str]) -> bool:
    start, end = match.span("figure")
    before = text[max(0, start - 25):start].lower()
    after = text[end:end + 30].lower()
    return bool(("magnitude" in before and _MAGNITUDE_BEFORE.search(before))
                or (("magnitude" in after or "richter" in after) and _MAGNITUDE_AFTER.match(after)))


def _classify_unit(unit_text: str, raw_unit: str) -> tuple[str, str | None]:
    lowered = unit_text.lower().strip(" -")
    if lowered.endswith("old"):
        return "duration", "age"
    if _PERCENT.fullmatch(raw_unit) or lowered in ("%", "percent", "per cent"):
        return "percent", "%"
    if _CLOCK.fullmatch(lowered):
        return "time", lowered.upper() if lowered in ("gmt", "utc") else None
    if lowered == "magnitude":
        return "magnitude", None
    if _DURATION.fullmatch(lowered):
        unit = lowered.rstrip("s") if lowered != "centuries" else "century"
        return "duration", {"hr": "hour", "min": "minute", "sec": "second"}.get(unit, unit)
    if _DISTANCE.fullmatch(lowered):
        return "distance", "km" if lowered.startswith(("km", "kilomet")) else ("mile" if lowered.startswith("mi") or "mile" in lowered else lowered)
    if _MONEY.fullmatch(lowered):
        return "money", lowered
    return "count", None


def _reread(text: str, match: re.Match[str], cut: int) -> Figure | None:
    """The figure that the candidate states up to ``cut``, the rest being another figure or none."""
    shortened = match.re.match(match.string, match.start(), cut)
    return _to_figure(text, shortened)[0] if shortened and shortened.end() == cut else None


def _core_start(match: re.Match[str], groups: tuple[str | None, ...]) -> int:
    """Where the number itself begins: after any hedge, and after the sign of digits."""
    return match.start(_G_DIGITS + 1) if groups[_G_DIGITS] else match.start(_G_CORE + 1)


def _clock_value(clock: str) -> float:
    """A clock time as the 24-hour number news writes ("3:45 p.m." is 1545)."""
    parts = _DIGIT_RUN.findall(clock)
    hours, minutes = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    if _AFTERNOON.search(clock) and hours < 12:
        hours += 12
    return float(hours * 100 + minutes)


def _parse_digits(digits: str) -> float:
    return float(digits.replace(",", "").replace("\u00a0", "").replace("\u202f", ""))


def _parse_range_end(token: str) -> float | None:
    if token[0].isdigit():
        return _parse_digits(token)
    return parse_number_words(token)


def _scale(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return SCALES.get(word) or SHORT_SCALES.get(word, 1)


def _currency(symbol: str) -> str:
    return {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}[symbol.lower()]


def _normalise(phrase: str) -> str:
    return " ".join(phrase.split()).lower()
