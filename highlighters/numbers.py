"""Figures: every numeric expression that states a fact, with its hedge and the interval it allows.

One compiled pattern finds candidates (digits, number words, vague amounts such as "dozens",
dates, clock times), with the hedge before them ("more than", "almost", "in the") and the unit
after them. Python then only looks at the few matches: it parses number words, drops what is not
a figure (ordinals never match; "one of the worst", "a civilian one", "two-pronged", "the three
have", "COVID-19" are dropped here), and turns the hedge into a qualifier and an interval.
"""

from __future__ import annotations

import re

from .spans import Figure
from .trie import word_alternatives

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mil": 1_000_000, "mm": 1_000_000,
                 "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
                 "t": 1_000_000_000_000, "tn": 1_000_000_000_000}
_SHORT_SCALE = r"(?:k|mn|mil|mm|m|bln|bn|b|tn|t)"

_VAGUE = {
    "a few dozen": (24, 60), "several dozen": (36, 99), "many dozens": (24, 99), "dozens": (24, 99),
    "scores": (40, 99), "a few hundred": (200, 500), "several hundred": (300, 999),
    "hundreds": (200, 999), "a few thousand": (2_000, 5_000), "several thousand": (3_000, 9_999),
    "many thousands": (2_000, 9_999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999), "a few million": (2_000_000, 5_000_000),
    "several million": (3_000_000, 9_999_999), "billions": (2_000_000_000, 999_999_999_999),
}

_LOWER = ("more than", "over", "at least", "greater than", "higher than", "no fewer than", "no less than", "upwards of", "in excess of", "no fewer than",
          "no less than", "above", "exceeding", "well over", "just over", "just above", "north of")
_UPPER_NEAR = ("almost", "nearly", "close to", "just under", "just below", "just short of")
_UPPER = ("up to", "as many as", "fewer than", "less than", "under", "no more than", "at most",
          "below", "as much as")
_APPROX = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated",
           "approx.", "circa", "an approximate", "a reported", "perhaps", "about some")
_RANGE = ("between", "from")

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
_RANGE_WORD = "|".join(sorted(_UNITS, key=len, reverse=True))
_DIGITS = r"(?<![\d.,])(?:(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?![.,]?\d)"
"""Digits, grouped by commas or no-break spaces (10\u00a0000), never starting or stopping inside a
number, so an address like 192.168.1.2 gives no figure at all."""
_HEDGE = "|".join(re.escape(h).replace(r"\ ", r"\s+")
                  for h in sorted({*_LOWER, *_UPPER_NEAR, *_UPPER, *_APPROX, *_RANGE}, key=len, reverse=True))
_SCALE_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
"""Only a scale takes "and" inside one number: "two hundred and fifty", never "ten and fifteen"."""
_VAGUE_PATTERN = "|".join(v.replace(" ", r"\s+") for v in sorted(_VAGUE, key=len, reverse=True))
_TIME_UNIT = r"(?:hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|nights?|weeks?|months?|years?|decades?|centuries|century)"
_DISTANCE_UNIT = r"(?:km|kilomet(?:er|re)s?|miles?|mi|met(?:er|re)s?|feet|foot|ft|yards?|nautical\s+miles?)"
_MONEY_UNIT = r"(?:dollars?|euros?|pounds?\s+sterling|(?:cfa\s+)?francs?|naira|rupees?|yuan|yen|rand|shillings?|dinars?)"
_PERCENT_UNIT = r"(?:%|\s*percent|\s*per\s+cent)"
_CLOCK_UNIT = r"(?:gmt|utc|local\s+time|a\.m\.|p\.m\.|am\b|pm\b|hrs\b)"



_MONTH_WORDS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
                "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
                "nov", "november", "dec", "december"}
_FIRST_WORDS = {
    *(h.split()[0].rstrip(".") for h in (*_LOWER, *_UPPER_NEAR, *_UPPER, *_APPROX, *_RANGE)),
    *(v.split()[0] for v in _VAGUE), *_UNITS, *_SCALES, *_MONTH_WORDS,
    "a", "half", "in", "the", "their", "his", "her", "us",
}
_CAN_START = rf"(?<![^\W\d_])(?=[\d$£€¥.\-−–]|{word_alternatives(_FIRST_WORDS)}\b)"
"""Where a figure can begin: not inside a word, and at a digit, a sign, a currency or a word that
starts a hedge, a date or a number. Checking this first makes the search about ten times faster,
since most positions fail it at once."""


def _on_one_line(pattern: str) -> str:
    """The pattern with its spaces kept to one line: a line break ends a sentence, so a figure
    never spans one ("more than" at the end of a line is not the hedge of the next line's 77)."""
    return pattern.replace(r"[\s-]", r"(?:[^\S\n]|-)").replace(r"\s", r"[^\S\n]")


_FIGURE = re.compile(_on_one_line(
    rf"""
    {_CAN_START}
    (?:(?P<hedge>{_HEDGE})\s+)?
    (?:
        (?P<date>(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
                  |(?<![\d.,])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?
                  |{_MONTH}\s+(?:of\s+)?\d{{4}}))(?![\w])
      | (?P<clock>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*{_CLOCK_UNIT})?|\d{{1,2}}\.\d{{2}}\s*(?:{_CLOCK_UNIT})
                 |\d{{1,2}}\s*(?:a\.m\.|p\.m\.|am\b|pm\b))
      | (?P<decade>(?:in\s+)?(?:the|their|his|her)\s+(?:mid-|early\s+|late\s+)?'?(?:\d{{2}}|1\d{{3}}|20\d{{2}})['’]?s)\b
      | (?P<vague>{_VAGUE_PATTERN})\b
      | (?P<currency>US\$|\$|£|€|¥)\s?(?P<money>{_DIGITS})(?:[\s-]*(?P<money_scale>million|billion|trillion)\b|(?P<money_short>{_SHORT_SCALE})\b)?
      | (?P<sign>[-−–](?=\d))?(?P<digits>{_DIGITS})(?:[\s-]*(?P<scale>million|billion|trillion)\b|(?P<short_scale>{_SHORT_SCALE})\b)?
      | (?P<words>(?:a\s+(?=hundred|thousand|million|billion|dozen)|half\s+a\s+)?(?:{_NUMBER_WORD})(?:(?:{_SCALE_AND}|[\s-]+)(?:{_NUMBER_WORD}))*)\b
      | (?P<a_decade>a\s+decade|half\s+a\s+century|a\s+century)\b
    )
    (?:(?P<range_sep>\s*[-–—]\s*|\s+(?:to|and)\s+)(?P<range_end>{_DIGITS}|{_RANGE_WORD}))?
    (?P<unit>
        {_PERCENT_UNIT}
      | \s*(?:{_CLOCK_UNIT})
      | [\s-]+{_TIME_UNIT}(?:[\s-]+old)?
      | [\s-]*{_DISTANCE_UNIT}
      | \s+{_MONEY_UNIT}
      | [\s-]+magnitude
    )?
    (?P<suffix>\s+or\s+(?:more|greater|higher|above|less|fewer|below|so)|\+|-plus)?
    (?![\w])
    """),
    re.IGNORECASE | re.VERBOSE,
)

_PUNCTUATION_NEXT = re.compile(r"\s*[,.;:)!?]")
_SENTENCE_START_BEFORE = re.compile(r"(^|[.!?\n]\s*[\"“‘']?|:\s*)$")
_WORD_BEFORE = re.compile(r"([\w'’.]+)[^\w]*$")
_WORD_AFTER = re.compile(r"^[\s\"“”'‘’(]*([\w'’]+)")
_PRONOUN_DETERMINERS = {"a", "an", "the", "no", "any", "every", "each", "this", "that", "which",
                        "such", "another", "these", "those", "all", "both", "only", "civilian"}
_FUNCTION_WORDS = {"of", "another", "or", "and", "who", "whom", "which", "that", "is", "was", "are",
                   "were", "have", "has", "had", "will", "would", "could", "can", "did", "do", "does",
                   "in", "on", "at", "to", "for", "by", "with", "as", "from", "thing", "way", "time",
                   "side", "hand", "after", "before", "way", "but", "if", "said", "told"}
_COMPOUND_UNITS = re.compile(
    rf"^-(?:{_TIME_UNIT}|{_DISTANCE_UNIT}|magnitude|member|strong|man|person|storey|story|vehicle|car|seat|bed|point|page)s?\b",
    re.IGNORECASE)
_NAME_PREFIXES = {"article", "resolution", "flight", "route", "highway", "no", "no.", "number",
                  "room", "chapter", "section", "page", "boeing", "airbus", "f", "mig", "su",
                  "covid", "mh", "g", "apollo", "voyager", "level", "phase", "grade", "cup", "road"}


_FIGURE_LOWERCASE = re.compile(_FIGURE.pattern.replace("US\\$", "us\\$"), re.VERBOSE)
"""The same pattern, case-sensitive, for lower-cased text: about twice as fast to search as
IGNORECASE, which folds the case of every character it compares."""


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order. Offsets index ``text`` directly."""
    folded = text.lower()
    figures = []
    position = 0
    while (match := _next_candidate(text, folded, position)) is not None:
        figure, resume = _to_figure(text, match)
        if figure is not None:
            figures.append(figure)
        position = max(resume, match.start() + 1)
    return figures


def _next_candidate(text: str, folded: str, position: int) -> re.Match[str] | None:
    """The next match of ``_FIGURE`` from ``position``, found in the lower-cased text when it can be.

    Lower-casing keeps offsets unless a character changes length (the Turkish dotted I); then the
    original search is used. The match is taken again on the text itself, so groups keep their case.
    """
    if len(folded) != len(text):
        return _FIGURE.search(text, position)
    while (found := _FIGURE_LOWERCASE.search(folded, position)) is not None:
        match = _FIGURE.match(text, found.start())
        if match is not None:
            return match
        position = found.start() + 1
    return None


def parse_number_words(words: str) -> float | None:
    """The value of spelled-out numbers ("twenty-three", "two hundred and fifty thousand", "a dozen")."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if tokens[:2] == ["half", "a"]:
        tokens = ["half", *tokens[2:]]
    elif tokens[0] == "a":
        tokens[0] = "one"
    total, current = 0.0, 0.0
    for token in tokens:
        if token == "half":
            current = 0.5
        elif token in _UNITS:
            current = current * _UNITS[token] if token == "dozen" and current else current + _UNITS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = 0
        else:
            return None
    return total + current


def _to_figure(text: str, match: re.Match[str]) -> tuple[Figure | None, int]:
    """The figure a candidate match states (or None), and where the search goes on from."""
    start, end = match.span()
    groups = match.groupdict()
    hedge = _normalise(groups["hedge"]) if groups["hedge"] else None
    if _is_part_of_name(text, match):
        return None, end
    if groups["words"] and not _is_spelled_figure(text, match):
        return None, end
    sign_at = match.start("sign")
    negative = sign_at >= 0 and (sign_at == 0 or text[sign_at - 1] in " \t\n([")
    if sign_at == start and not negative:
        start = match.start("digits")  # a dash that joins, not a minus

    unit_text = _normalise(groups["unit"] or "")
    low = high = None
    value: float | None
    quantity = "count"
    unit = None
    qualifier = "exact"

    if groups["date"]:
        day = re.search(r"(?<!\d)\d{1,2}(?!\d)", groups["date"])
        year = re.search(r"\d{4}", groups["date"])
        value = float(day.group()) if day else float(year.group())
        quantity, unit = "date", None
    elif groups["clock"]:
        value = _clock_value(groups["clock"])
        quantity = "time"
    elif groups["decade"]:
        decade = re.search(r"\d+", groups["decade"]).group()
        value = float(decade)
        low, high = value, value + 9
        qualifier = "range"
        quantity = "year" if len(decade) == 4 else "count"
    elif groups["vague"]:
        value = None
        low, high = _VAGUE[_normalise(groups["vague"]).lower()]
        qualifier = "vague"
    elif groups["currency"]:
        value = _parse_digits(groups["money"]) * _scale(groups["money_scale"] or groups["money_short"])
        quantity, unit = "money", _currency(groups["currency"])
    elif groups["digits"]:
        value = _parse_digits(groups["digits"]) * _scale(groups["scale"] or groups["short_scale"])
        value = -value if negative else value
    elif groups["words"]:
        value = parse_number_words(groups["words"])
        if value is None:
            return None, end
    else:
        value = 10.0 if "decade" in groups["a_decade"].lower() else (50.0 if "half" in groups["a_decade"].lower() else 100.0)
        quantity, unit = "duration", "year"

    range_end = None
    if groups["range_end"]:
        range_end = _parse_range_end(groups["range_end"])
        separator = groups["range_sep"].strip().lower()
        plausible = (range_end is not None and value is not None and range_end > value
                     and (groups["digits"] or groups["words"])
                     and (separator in "-–—" or hedge in _RANGE or separator == "to"))
        if not plausible or (separator == "and" and hedge != "between"):
            cut = match.start("range_sep")  # "45 and 50", "from 70 to the city": no range
            return _reread(text, match, cut), cut

    if quantity == "count" and unit_text:
        quantity, unit = _classify_unit(unit_text, groups["unit"])
    if quantity == "count" and groups["digits"] and value is not None and not groups["scale"]:
        quantity = _count_or_year(text, match, value, hedge)
        if quantity == "time":
            unit = None
        if quantity == "count" and _is_magnitude(text, match):
            quantity = "magnitude"

    if range_end is not None:
        qualifier, low, high = "range", value, range_end
    elif qualifier == "exact":
        qualifier, low, high = _interval(hedge, value, groups["suffix"], quantity)
    if hedge in _RANGE and qualifier != "range":
        start = match.start("date") if groups["date"] else (sign_at if negative else _core_start(match))

    if quantity in ("year", "date", "time") and qualifier == "approx":
        low = high = value
    return Figure(start, end, value, low, high, qualifier, quantity, unit), end


def _interval(hedge: str | None, value: float | None, suffix: str | None, quantity: str):
    """Turn the words around a figure into a qualifier and the interval ``[low, high]`` it allows."""
    suffix = _normalise(suffix or "").lower()
    if hedge in _LOWER or suffix in ("or more", "or greater", "or higher", "or above", "+", "-plus"):
        return "lower", value, None
    if hedge in _UPPER_NEAR:
        return "upper", *sorted((round(value * 0.85, 1), value))  # sorted: "almost -3" is -3 to -2.5
    if hedge in _UPPER or suffix in ("or less", "or fewer", "or below"):
        return "upper", None, value
    if hedge in _APPROX or suffix == "or so":
        return "approx", *sorted((round(value * 0.85, 1), round(value * 1.15, 1)))
    return "exact", value, value


def _is_spelled_figure(text: str, match: re.Match[str]) -> bool:
    """Spelled-out numbers are figures unless used as a pronoun, an idiom or part of an adjective."""
    if match.group("unit"):
        return True  # one-year anniversary, two days
    words = match.group("words").lower()
    after = text[match.end("words"):match.end("words") + 40]
    before = text[max(0, match.start() - 40):match.start()]
    next_word = _WORD_AFTER.match(after)
    next_word = next_word.group(1).lower() if next_word else ""
    previous = _WORD_BEFORE.search(before)
    previous = previous.group(1).lower() if previous else ""

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
    if words in _SCALES and previous[-1:].isdigit():
        return False  # "R26 million": the scale of a figure that is not one
    if words.startswith("one") and previous in ("no", "any", "every", "some"):
        return False
    first = match.group("words")[0]
    at_sentence_start = _SENTENCE_START_BEFORE.search(before) is not None
    if first.isupper() and not at_sentence_start and previous[:1].isupper() and previous not in (
        "over", "about", "around", "nearly", "almost"
    ):
        return False  # a capitalised number inside a name: Formula One, Air Force One
    return True


def _is_part_of_name(text: str, match: re.Match[str]) -> bool:
    """Digits glued to letters or after a naming word are identifiers, not figures (F-16, Article 5)."""
    core = _core_start(match)
    before = text[max(0, core - 20):core]
    if before[-1:].isalpha() or (before[-1:] in "-/" and before[-2:-1].isalnum()):
        return True
    if match.group("digits") or match.group("words"):
        previous = _WORD_BEFORE.search(before)
        if previous and previous.group(1).lower().rstrip(".") in _NAME_PREFIXES and before.rstrip()[-1:].isalpha():
            return previous.group(1)[0].isupper()
    return False


def _count_or_year(text: str, match: re.Match[str], value: float, hedge: str | None) -> str:
    """A bare four-digit number is a year unless something is counted with it."""
    digits = match.group("digits")
    if len(digits) == 4 and digits.isdigit() and hedge is None:
        after = text[match.end():match.end() + 25]
        if re.match(r"\s*\((?:\d{4}\s*)?(?:gmt|utc)", after, re.IGNORECASE) or re.match(r"\s*hours?\b", after, re.IGNORECASE):
            return "time"
        if 1500 <= value <= 2099:
            next_word = _WORD_AFTER.match(after)
            if next_word is None or not re.fullmatch(r"[a-z]+s", next_word.group(1)) or next_word.group(1) in (
                "as", "was", "has", "is", "this", "his", "its"
            ):
                return "year"
    return "count"


def _is_magnitude(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 25):match.start()].lower()
    after = text[match.end():match.end() + 30].lower()
    return bool(re.search(r"magnitude(?:\s+of)?\s*[-:]?\s*$", before)
                or re.match(r"\s*(?:on the richter scale|magnitude)", after))


def _classify_unit(unit_text: str, raw_unit: str) -> tuple[str, str | None]:
    lowered = unit_text.lower().strip(" -")
    if lowered.endswith("old"):
        return "duration", "age"
    if re.fullmatch(_PERCENT_UNIT.replace(r"\s*", r"\s*"), raw_unit, re.IGNORECASE) or lowered in ("%", "percent", "per cent"):
        return "percent", "%"
    if re.fullmatch(_CLOCK_UNIT, lowered, re.IGNORECASE):
        return "time", lowered.upper() if lowered in ("gmt", "utc") else None
    if lowered == "magnitude":
        return "magnitude", None
    if re.fullmatch(_TIME_UNIT, lowered, re.IGNORECASE):
        unit = lowered.rstrip("s") if lowered != "centuries" else "century"
        return "duration", {"hr": "hour", "min": "minute", "sec": "second"}.get(unit, unit)
    if re.fullmatch(_DISTANCE_UNIT, lowered, re.IGNORECASE):
        return "distance", "km" if lowered.startswith(("km", "kilomet")) else ("mile" if lowered.startswith("mi") or "mile" in lowered else lowered)
    if re.fullmatch(_MONEY_UNIT, lowered, re.IGNORECASE):
        return "money", lowered
    return "count", None


def _reread(text: str, match: re.Match[str], cut: int) -> Figure | None:
    """The figure that the candidate states up to ``cut``, the rest being another figure or none."""
    shortened = _FIGURE.match(text, match.start(), cut)
    return _to_figure(text, shortened)[0] if shortened and shortened.end() == cut else None


def _core_start(match: re.Match[str]) -> int:
    for name in ("date", "clock", "decade", "vague", "currency", "digits", "words", "a_decade"):
        if match.group(name):
            return match.start(name)
    return match.start()


def _clock_value(clock: str) -> float:
    """A clock time as the 24-hour number news writes ("3:45 p.m." is 1545)."""
    parts = re.findall(r"\d+", clock)
    hours, minutes = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    if re.search(r"p\.?m", clock, re.IGNORECASE) and hours < 12:
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
    return _SCALES.get(word) or _SHORT_SCALES.get(word, 1)


def _currency(symbol: str) -> str:
    return {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}[symbol.lower()]


def _normalise(phrase: str) -> str:
    return " ".join(phrase.split()).lower()
