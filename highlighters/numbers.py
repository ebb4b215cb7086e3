"""Figures: every numeric expression that states a fact, with its hedge, interval, unit and kind.

One compiled pattern (``figure_pattern``) finds candidates: digits, number words, fractions,
vague amounts such as "dozens", dates, clock times, money, with the hedge before them ("more
than", "almost", "in the") and the unit after them. Python then only looks at the few matches: it
parses the number, drops what is not a figure (ordinals never match; "one of the worst", "a
civilian one", "two-pronged", "the three have", "COVID-19", "Interstate 75", "12-gauge" are
dropped here), and turns the hedge into a qualifier and an interval. ``figure_kinds`` says what
kind of quantity each is; ``zeros`` adds the figures written without a digit ("no one was killed").
"""

from __future__ import annotations

import re

from .clock import iso_date, iso_time
from .figure_kinds import MAGNITUDE_HINTS, PERCENT, classify_unit, count_or_year, is_age, is_magnitude, zone_written_as_zone
from .figure_pattern import (
    AFTER_TIME,
    APPROX,
    BEFORE_TIME,
    FIGURE,
    FIGURE_AFTER,
    FIGURE_CAN_START,
    LOWER,
    RANGE,
    SCALES,
    SHORT_SCALES,
    UNITS,
    UPPER,
    UPPER_NEAR,
    VAGUE,
    VULGAR_FRACTIONS,
)
from .folding import fold
from .spans import Figure
from .unit_words import DURATIONS, LOST_SIGN, currency_code
from .zeros import find_zero_figures

_LOWER_BEFORE_UPPER = re.compile(r"\b(?:over|more than|above|upwards of)\s+$", re.IGNORECASE)
"""A bound before an upper bound ("over nearly 100", "more than almost 50"): the writer's two hedges
pull both ways, and the figure is read as approximate, neither bound being meant."""
_LOWER_HEDGES, _UPPER_NEAR_HEDGES, _UPPER_HEDGES, _APPROX_HEDGES, _AFTER, _BEFORE = map(
    frozenset, (LOWER, UPPER_NEAR, UPPER, APPROX, AFTER_TIME, BEFORE_TIME))
"""The hedges as sets, for looking a figure's hedge up (their tuples keep the order patterns are built in)."""
_TIME_ONLY_HEDGES = _AFTER | _BEFORE

_NUMBER_WORD_BREAK = re.compile(r"[\s-]+")
_DIGIT_RUN = re.compile(r"\d+")
_PUNCTUATION_NEXT = re.compile(r"\s*[,.;:)!?]")
_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_YEAR = re.compile(r"\d{4}")
_NUMBER_IN = re.compile(r"\d[\d,.\u00a0\u202f]*|\.\d+")
_FRACTION_PARTS = re.compile(r"(\d+)\s?/\s?(\d+)")
_ZONE_AT_END = re.compile(r"[a-z]+(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?$|[+\-−]\d{2}:\d{2}$", re.IGNORECASE)
_CLOCK_CORE = re.compile(r"\d{1,2}(?:[:.]\d{2}(?::\d{2})?)?\s*(?:[ap]\.?\s?m\.?)?|\d{4}", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w'’.]+)[^\w]*$")
_WORD_BEFORE_REVERSED = re.compile(r"[^\w]*?([\w'’.]*?\w[\w'’.]*)")
"""``_WORD_BEFORE`` read backwards from the end, so that it costs the length of the word, not of
the text before it: the run of word characters, points and apostrophes holding the last letter."""
_WORD_AFTER = re.compile(r"^[\s\"“”'‘’(]*([\w'’]+)")
_CHANGE_BEFORE = re.compile(
    r"\b(?:ros[ea]|rising|risen|increas\w*|jump\w*|climb\w*|soar\w*|surg\w*|grew|grow\w*|went|go(?:es|ing)?|fell|fall\w*"
    r"|drop\w*|declin\w*|decreas\w*|slip\w*|plung\w*|plummet\w*|sank|sink\w*|cut|cuts|raised?|rais\w*|lower\w*"
    r"|reduc\w*|revis\w*|boost\w*|up|down|chang\w*|mov\w*|shr[ua]nk\w*|doubl\w*|tripl\w*|push\w*|brought|bring\w*)"
    r"(?:\s+\w+){0,2}\s+$", re.IGNORECASE)
"""A verb of change before "from X to Y": two figures, where it was and where it went, not a range."""
_TO_FIGURE = re.compile(r"\s+to\s+\W{0,3}\d", re.IGNORECASE)
_FROM_FIGURE_TO = re.compile(r"\bfrom\s+\S+(?:\s+\S+){0,4}\s+to\s*$", re.IGNORECASE)
_PRONOUN_DETERMINERS = {"a", "an", "the", "no", "any", "every", "each", "this", "that", "which",
                        "such", "another", "these", "those", "both", "only", "civilian"}
_FUNCTION_WORDS = {"of", "another", "or", "and", "who", "whom", "which", "that", "is", "was", "are",
                   "were", "have", "has", "had", "will", "would", "could", "can", "did", "do", "does",
                   "in", "on", "at", "to", "for", "by", "with", "as", "from", "thing", "way", "time",
                   "side", "hand", "after", "before", "way", "but", "if", "said", "told"}
_EVENT_VERBS = ("killing", "killed", "wounding", "wounded", "injuring", "injured", "leaving", "left", "hurting",
                "arresting", "arrested", "detaining", "detained", "kidnapping", "rescuing", "rescued")
"""Verbs whose object a bare "one" is: "killing one", "wounded one"."""
_COMPOUND_ADJECTIVE = re.compile(r"^-[a-z]+(?:ed|ing)\b|^-(?:way|sided|off|time|timer|liner|on-one|to-one|all)\b",
                                 re.IGNORECASE)
"""A number word joined to a word that makes an adjective or an idiom: "two-pronged", "one-way", "one-time";
joined to a noun it counts ("a five-boat attack", "the three-story building")."""
_NOT_QUANTITY_AFTER = re.compile(
    r"-?\s?(?:gauge|calibre|caliber|cal\b|mm\s+(?:pistol|rifle|gun|handgun|round|firearm|weapon|semi-automatic|bullet"
    r"|ammunition|cartridge))|\s+in\s+on\b", re.IGNORECASE)
"""Calibres name a weapon, they count nothing ("a 12-gauge shotgun", "a 9mm pistol"); nor does "zero in on"."""
_NAME_PREFIXES = {"article", "resolution", "flight", "route", "highway", "interstate", "no", "no.", "number",
                  "room", "chapter", "section", "page", "boeing", "airbus", "f", "mig", "su", "covid", "mh", "g",
                  "apollo", "voyager", "level", "phase", "grade", "cup", "road", "ak", "bus", "line", "gate",
                  "terminal", "platform", "channel", "pier", "exit", "unit", "ward", "block", "lot", "case", "bill",
                  "act", "amendment", "proposition", "prop"}
"""Words that name a thing with a number when capitalised: "Flight 370", "Interstate 75", "AK 47", "Gate 5"."""
_NAME_PREFIX_ENDINGS = tuple(_NAME_PREFIXES)
"""For ``str.endswith``: a text can end with a naming word only if it ends with one of these."""
_ZONE_NEXT = re.compile(r"[^\S\n]*([A-Za-z]{1,4})\b")
_MAGNITUDE_WORD = re.compile(r"[\s-]*magnitude", re.IGNORECASE)
_MAGNITUDE_PREFIX = re.compile(r"magnitude-$", re.IGNORECASE)
"""A magnitude joined to its number: "magnitude-5.9" (and "M7.5", seismologists' notation, has its own group)."""
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})
"""The denominators news writes a fraction with: "9/11" and "24/7" are no fractions."""
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                   "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                   "tenth": 10, "tenths": 10}
_HALF_NEXT = frozenset({"of", "the", "and", "to", "or", "its", "their", "his", "her", "a", "an", "that", "those",
                        "these", "them", "all"})
"""What follows a "half" that is an amount: "half of whom", "half the homes", "between half and two-thirds"."""
_SPEED_PERIODS = {"h": "hour", "hr": "hour", "hour": "hour", "s": "second", "sec": "second", "second": "second"}
"""A length per one of these is a speed: "193km / h" is kilometers per hour."""
_MULTIPLIER_VERBS = {"doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0}
_IDIOM_AFTER_VERB = re.compile(r"[\s-]+down\b", re.IGNORECASE)
"""A multiplying verb in an idiom: "doubled down" multiplies nothing."""
_POSITION_BEFORE_HALF = frozenset({"first", "second", "third", "fourth", "last", "top", "bottom", "lower", "upper",
                                   "latter", "former", "back", "front", "other", "better", "opening", "closing",
                                   "early", "late", "northern", "southern", "eastern", "western"})
"""Words that make "half" a part of something rather than an amount: "the second half of July"."""

_GROUP_NUMBERS = FIGURE_AFTER.folded.groupindex
"""The numbers of the pattern's groups, the same in its every compiled form (a test checks). A match's
groups are read as ``match.groups()``, by position: a tuple is built in a sixth of the time of
``groupdict()``, and every candidate figure needs a dozen of them."""
(_G_HEDGE, _G_M_WORD, _G_TIME_HEDGE, _G_CORE, _G_DATE, _G_CLOCK, _G_DECADE, _G_VAGUE, _G_CURRENCY, _G_MONEY, _G_MONEY_SCALE,
 _G_MONEY_SHORT, _G_MULTIPLIER, _G_SLASH, _G_SIGN, _G_M_PREFIX, _G_DIGITS, _G_MIXED, _G_SCALE, _G_SHORT_SCALE, _G_VULGAR, _G_WORDS,
 _G_A_DECADE, _G_WORD_FRACTION, _G_UNIT, _G_RANGE_SEP, _G_RANGE_END, _G_END_UNIT, _G_PER, _G_SUFFIX) = (
    _GROUP_NUMBERS[name] - 1 for name in (
        "hedge", "m_word", "time_hedge", "core", "date", "clock", "decade", "vague", "currency", "money", "money_scale", "money_short",
        "multiplier", "slash_fraction", "sign", "m_prefix", "digits", "mixed", "scale", "short_scale", "vulgar", "words", "a_decade",
        "word_fraction", "unit", "range_sep", "range_end", "end_unit", "per", "suffix"))


def find_figures(text: str, dollar: str = "USD", day_first: bool = False) -> list[Figure]:
    """Every figure in ``text``, in order. Offsets index ``text`` directly.

    ``dollar`` is the currency a bare "$" or "dollars" means in this report (the story reads it from
    the report: "A$" written elsewhere makes it AUD); ``day_first`` reads "4/9/2007" as 4 September.
    The text is searched lower-cased (see ``folding``), so the groups of a match are in lower case;
    where case matters (a capitalised number word) ``text`` is read at the match's offsets.
    """
    folded = fold(text)
    searched = folded if folded is not None else text
    after = FIGURE_AFTER.over(text, folded)[0]
    report = _Report(text, folded if folded is not None else text.lower(), dollar, day_first)
    figures: list[Figure] = []
    opens = FIGURE_CAN_START.over(text, folded)[0].match(searched) is not None
    match = (opens and FIGURE.over(text, folded)[0].match(searched)) or after.search(searched)
    while match is not None:
        figure, resume = _to_figure(report, match)
        if figure is not None:
            figures.append(figure)
        position = max(resume, match.start("figure") + 1)
        match = after.search(searched, position - 1)  # the next figure from ``position`` on
    _carry_hedges_into_conversions(text, figures)
    zeros = find_zero_figures(text, folded)
    if zeros:
        figures = sorted(figures + zeros, key=lambda figure: figure.start)
    return figures


def parse_number_words(words: str) -> float | None:
    """The value of spelled-out numbers ("twenty-three", "two hundred and fifty thousand", "a dozen")."""
    single = UNITS.get(words.lower())
    if single is not None:
        return float(single)  # most are one word: "three"
    lowered = words.lower()
    half = lowered.endswith("and a half")
    tokens = [t for t in _NUMBER_WORD_BREAK.split(lowered.removesuffix("and a half")) if t and t != "and"]
    if tokens[:2] == ["half", "a"]:
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


class _Report:
    """The text being read, and what all its figures share."""

    __slots__ = ("text", "lowered", "dollar", "day_first", "quakes")

    def __init__(self, text: str, lowered: str, dollar: str, day_first: bool) -> None:
        self.text, self.lowered, self.dollar, self.day_first = text, lowered, dollar, day_first
        self.quakes = any(map(lowered.__contains__, MAGNITUDE_HINTS))
        """Whether any word of an earthquake's magnitude is in the text: most reports have none."""


class _Reading:
    """What the core of a candidate says, before its range, unit and hedge are read."""

    __slots__ = ("value", "low", "high", "qualifier", "quantity", "unit", "dimension", "when")

    def __init__(self, value: float | None, quantity: str = "count", unit: str | None = None,
                 dimension: str | None = None, qualifier: str = "exact", low: float | None = None,
                 high: float | None = None, when: str | None = None) -> None:
        self.value, self.quantity, self.unit, self.dimension = value, quantity, unit, dimension
        self.qualifier, self.low, self.high, self.when = qualifier, low, high, when


def _to_figure(report: _Report, match: re.Match[str]) -> tuple[Figure | None, int]:
    """The figure a candidate match states (or None), and where the search goes on from."""
    text = report.text
    start, end = match.span("figure")
    groups = match.groups()
    written_hedge = groups[_G_HEDGE] or groups[_G_TIME_HEDGE]
    hedge = _normalise(written_hedge) if written_hedge else None
    if _is_part_of_name(text, match, groups):
        return None, end
    if groups[_G_WORDS] and not _is_spelled_figure(text, match):
        return None, end
    if (groups[_G_DIGITS] or groups[_G_WORDS]) and _NOT_QUANTITY_AFTER.match(text, match.end(_G_CORE + 1)):
        return None, end
    sign_at = match.start("sign")
    negative = sign_at >= 0 and (sign_at == 0 or text[sign_at - 1] in " \t\n([" or groups[_G_SIGN][0].isalpha())
    if sign_at == start and not negative:
        start = match.start("digits")  # a dash that joins, not a minus
    if groups[_G_CLOCK]:
        cut = _false_zone(text, match)
        if cut is not None:  # "at 6 p.m. west of Paris": the time without "west"
            return _reread(report, match, cut), cut
    reading = _read_core(text, match, groups, report.dollar, report.day_first, negative)
    if reading is None:
        return None, end

    range_end = None
    if groups[_G_RANGE_END]:
        range_end = _parse_range_end(groups[_G_RANGE_END])
        separator = groups[_G_RANGE_SEP].strip(" -").lower() or "-"
        plausible = (range_end is not None and reading.value is not None and range_end > reading.value
                     and (groups[_G_DIGITS] or groups[_G_WORDS] or groups[_G_CURRENCY] or groups[_G_WORD_FRACTION]
                          or groups[_G_SLASH])
                     and (separator in "-–—" or hedge in RANGE or separator == "to")
                     and not (hedge == "from" and _CHANGE_BEFORE.search(text, max(0, start - 40), start)))
        if not plausible or (separator == "and" and hedge != "between"):
            cut = match.start("range_sep")
            return _reread(report, match, cut), cut  # "45 and 50", "from 70 to the city": no range

    unit_group = _G_END_UNIT if groups[_G_END_UNIT] else _G_UNIT if groups[_G_UNIT] else None
    unit_text = text[match.start(unit_group + 1):match.end(unit_group + 1)] if unit_group else None  # as written
    per_text = groups[_G_PER]
    if groups[_G_WORD_FRACTION] and per_text and not unit_text and per_text.split()[0].lower() in ("a", "an"):
        unit_text, per_text = per_text.split()[-1], None  # "half an hour" is half of an hour, not a rate
    if reading.unit is None and reading.quantity in ("count", "other") and unit_text and not _MAGNITUDE_WORD.fullmatch(unit_text):
        unit = classify_unit(unit_text, text[start:end], text[max(0, start - 60):start], text[end:end + 20],
                             reading.value, bool(groups[_G_SCALE] or groups[_G_SHORT_SCALE]), report.dollar)
        if isinstance(unit, tuple):
            when = iso_time(groups[_G_DIGITS] + unit_text, unit_text) if groups[_G_DIGITS] else None
            if when is not None or not groups[_G_DIGITS]:  # "NewsTalk 990 AM" is a radio station, no time
                reading.quantity, reading.when = "time", when
        elif unit is not None:
            reading.quantity, reading.unit, reading.dimension = unit.quantity, unit.name, unit.dimension
            if unit_text.lower().rstrip().endswith("old"):
                reading.dimension = "age"
        elif unit_group == _G_UNIT and not groups[_G_PER] and not groups[_G_SUFFIX]:
            cut = match.start("unit")  # "8 Rand Paul": the words after the figure are no unit
            return _reread(report, match, cut), cut
    if per_text and reading.dimension == "length" and per_text.split("/")[-1].split()[-1].lower() in _SPEED_PERIODS:
        reading.unit = f"{reading.unit}_per_{_SPEED_PERIODS[per_text.split('/')[-1].split()[-1].lower()]}"
        reading.quantity, reading.dimension, per_text = "other", "speed", None  # "193km / h" is a speed
    if per_text:
        reading.quantity = "other" if reading.quantity in ("count", "distance", "duration") else reading.quantity
    _classify_unitless(report, match, groups, reading, hedge, start, end)

    qualifier = reading.qualifier
    low, high = reading.low, reading.high
    if range_end is not None:
        qualifier, low, high = "range", reading.value, range_end
    elif qualifier == "exact":
        qualifier, low, high = _interval(hedge, reading.value, groups[_G_SUFFIX], reading.quantity)
        stacked = _LOWER_BEFORE_UPPER.search(text, max(0, start - 16), start) if qualifier == "upper" else None
        if stacked and reading.value is not None:  # "over nearly $100 billion": hedges that cancel out
            qualifier, low, high, start = "approx", *sorted((round(reading.value * 0.85, 1),
                                                              round(reading.value * 1.15, 1))), stacked.start()
    if (hedge in RANGE and qualifier != "range") or (hedge in _TIME_ONLY_HEDGES and reading.quantity not in ("time", "date")):
        start = match.start("date") if groups[_G_DATE] else (sign_at if negative else _core_start(match, groups))
    if reading.quantity in ("year", "date", "time") and qualifier == "approx":
        low = high = reading.value
    role = _change_role(report, match, hedge, start, reading.quantity)
    per = _normalise(per_text).split()[-1].lstrip("/") if per_text else None
    return Figure(start, end, reading.value, low, high, qualifier, reading.quantity, reading.unit, reading.dimension,
                  DURATIONS[per].name if per in DURATIONS else per, reading.when, role), end


def _read_core(text: str, match: re.Match[str], groups: tuple[str | None, ...], dollar: str, day_first: bool,
               negative: bool) -> _Reading | None:
    """The value and kind that the number itself states, whichever form it is written in."""
    if groups[_G_DIGITS]:
        value = _parse_digits(groups[_G_DIGITS]) * _scale(groups[_G_SCALE] or groups[_G_SHORT_SCALE])
        if groups[_G_MIXED]:
            value += _fraction_value(groups[_G_MIXED].strip())
        return _Reading(-value if negative else value)
    if groups[_G_DATE]:
        return _read_date(groups[_G_DATE], day_first)
    if groups[_G_CLOCK]:
        return _read_clock(text, match, groups[_G_CLOCK])
    if groups[_G_WORDS]:
        value = parse_number_words(groups[_G_WORDS])
        return None if value is None else _Reading(value)
    if groups[_G_CURRENCY]:
        sign = groups[_G_CURRENCY].strip()
        value = _parse_digits(groups[_G_MONEY]) * _scale(groups[_G_MONEY_SCALE] or groups[_G_MONEY_SHORT])
        code = None if sign == LOST_SIGN else currency_code(sign, dollar)
        return _Reading(value, "money", code, "currency")
    if groups[_G_VAGUE]:
        low, high = VAGUE[_normalise(groups[_G_VAGUE])]
        return _Reading(None, qualifier="vague", low=low, high=high)
    if groups[_G_DECADE]:
        decade = _DIGIT_RUN.search(groups[_G_DECADE]).group()
        value = float(decade)
        return _Reading(value, "year" if len(decade) == 4 else "count", qualifier="range", low=value, high=value + 9)
    if groups[_G_SLASH] or groups[_G_VULGAR]:
        value = _fraction_value(groups[_G_SLASH] or groups[_G_VULGAR])
        return None if value is None else _Reading(value, "other", dimension="fraction")
    if groups[_G_WORD_FRACTION]:
        return _read_word_fraction(text, match, groups[_G_WORD_FRACTION])
    if groups[_G_MULTIPLIER]:
        return _read_multiplier(text, match, groups[_G_MULTIPLIER])
    span = groups[_G_A_DECADE].lower()
    value = 10.0 if "decade" in span else (50.0 if "half" in span else 100.0)
    return _Reading(value, "duration", "year", "duration")


def _read_date(written: str, day_first: bool) -> _Reading:
    when = iso_date(written, day_first)
    day = _DAY.search(written)
    year = _YEAR.search(written)
    if when is not None and when[:4].isdigit() and len(when) == 7:  # "December 2003": news reads a month of a year as the year
        return _Reading(float(when[:4]), "year", when=when)
    return _Reading(float(day.group()) if day else float(year.group()) if year else None, "date", when=when)


def _read_clock(text: str, match: re.Match[str], clock: str) -> _Reading | None:
    """A clock time; its value the 24-hour number news writes ("3:45 p.m." is 1545), its zone kept."""
    zone = _zone_of(clock)
    when = iso_time(clock, zone)
    if when is None:
        return None
    hours, minutes = int(when[:2]), int(when[3:5])
    return _Reading(float(hours * 100 + minutes), "time", zone.upper() if zone and zone.isalpha() else None, when=when)


def _zone_of(clock: str) -> str | None:
    """The time zone or offset written after a clock time ("GMT", "UTC+3", "+02:00"), or None."""
    core = _CLOCK_CORE.match(clock)
    found = _ZONE_AT_END.search(clock, core.end()) if core else None
    if found is None or found.group().lower() in ("am", "pm", "hrs", "hours", "local time"):
        return None
    return found.group()


def _false_zone(text: str, match: re.Match[str]) -> int | None:
    """Where a clock time ends if the word after it only looks like a zone ("west", "eat"), else None."""
    clock = match.group("clock")
    zone = _zone_of(clock)
    if zone is None:
        return None
    zone_start = match.start("clock") + clock.rfind(zone)
    if zone_written_as_zone(text, zone_start, zone.split()[0].rstrip("+-−0123456789:")):
        return None
    return match.start("clock") + len(clock[:clock.rfind(zone)].rstrip())


def _read_word_fraction(text: str, match: re.Match[str], written: str) -> _Reading | None:
    """"two-thirds", "a quarter", "half": an amount only where it is one ("half of whom", "a quarter mile")."""
    words = _NUMBER_WORD_BREAK.split(written.lower())
    denominator = _FRACTION_WORDS[words[-1]]
    numerator = 1.0 if len(words) == 1 or words[0] in ("a", "an") else float(UNITS.get(words[0], 0))
    if not numerator or numerator >= denominator and words[-1] != "halves":
        return None
    next_word = _WORD_AFTER.match(text[match.end("word_fraction"):match.end("word_fraction") + 30])
    next_word = next_word.group(1).lower() if next_word else ""
    plural = words[-1].endswith("s") and words[-1] != "halves"
    if len(words) == 1 and words[0] != "half":
        return None  # "from third to second": a rank
    if words == ["half"] and _word_before(text[:match.start("figure")]).lower() in _POSITION_BEFORE_HALF:
        return None
    if not (plural or next_word in _HALF_NEXT or match.group("unit") or match.group("hedge")
            or (words[-1] == "half" and len(words) == 1 and _word_before(text[:match.start("figure")]).lower()
                in ("between", "and", "than", "nearly", "almost", "about", "over"))):
        return None
    if len(words) == 1 and next_word not in _HALF_NEXT and not match.group("unit") and words[0] != "half":
        return None
    return _Reading(round(numerator / denominator, 3), "other", dimension="fraction")


def _read_multiplier(text: str, match: re.Match[str], written: str) -> _Reading | None:
    lowered = written.lower()
    if lowered in _MULTIPLIER_VERBS:
        if _IDIOM_AFTER_VERB.match(text, match.end("multiplier")):
            return None
        return _Reading(_MULTIPLIER_VERBS[lowered], "other", dimension="multiplier")
    number = lowered.removesuffix("fold").rstrip(" -")
    value = _parse_digits(number) if number[:1].isdigit() else parse_number_words(number)
    return None if not value else _Reading(value, "other", dimension="multiplier")


def _classify_unitless(report: _Report, match: re.Match[str], groups: tuple[str | None, ...], reading: _Reading,
                       hedge: str | None, start: int, end: int) -> None:
    """A bare number's kind from the words beside it: a year, a clock time, a magnitude, an age."""
    text, quakes = report.text, report.quakes
    unit_word = (groups[_G_UNIT] or "").strip(" -").lower()
    if groups[_G_M_PREFIX] or groups[_G_M_WORD]:
        reading.quantity, reading.dimension = "magnitude", "magnitude"
        return
    if reading.unit == "degree" or unit_word == "magnitude":  # "6.1-magnitude", "a 6.7 degree quake"
        if unit_word == "magnitude" or quakes and is_magnitude(text, start, end, reading.value, groups[_G_DIGITS] or ""):
            reading.quantity, reading.unit, reading.dimension = "magnitude", None, "magnitude"
        return
    if reading.quantity != "count" or reading.unit is not None:
        return
    if groups[_G_DIGITS] and reading.value is not None and not groups[_G_SCALE]:
        hedged = hedge is not None and hedge not in _TIME_ONLY_HEDGES  # "since 2020" is a year
        reading.quantity = count_or_year(groups[_G_DIGITS], reading.value, text[end:end + 25], hedged)
        if reading.quantity == "time":
            reading.when = iso_time(groups[_G_DIGITS], _zone_after(text, end))
        elif reading.quantity == "year":
            reading.when = f"{int(reading.value):04d}"
        elif quakes and is_magnitude(text, start, end, reading.value, groups[_G_DIGITS]):
            reading.quantity, reading.dimension = "magnitude", "magnitude"
        elif reading.quantity == "count" and not hedged and is_age(text, match.start(_G_DIGITS + 1), end, reading.value):
            reading.quantity, reading.unit, reading.dimension = "duration", "year", "age"
    elif groups[_G_WORDS] and quakes and is_magnitude(text, start, end, reading.value, ""):
        reading.quantity, reading.dimension = "magnitude", "magnitude"


def _zone_after(text: str, end: int) -> str | None:
    """The zone written right after a military time ("1052 GMT"); not the one of its conversion in
    brackets ("1353 (1023 GMT)": 1353 is local time)."""
    found = _ZONE_NEXT.match(text, end)
    return found.group(1) if found else None


def _change_role(report: _Report, match: re.Match[str], hedge: str | None, start: int, quantity: str) -> str | None:
    """"from" for the figure a change starts at ("rose from 40 to 50"), "to" for where it went.

    Not for times and dates: "from 6 a.m. to 9 a.m." and "from 1950 to 1960" are spans of time.
    """
    if quantity in ("time", "date", "year") or "from" not in report.lowered[max(0, start - 45):start + 6]:
        return None  # most figures: no change is written near them
    text = report.text
    if hedge == "from" and not match.group("range_end") and (
            _CHANGE_BEFORE.search(text, max(0, start - 45), start) or _TO_FIGURE.match(text, match.end("figure"))):
        return "from"
    if _FROM_FIGURE_TO.search(text, max(0, start - 45), start):
        return "to"
    return None


def _interval(hedge: str | None, value: float | None, suffix: str | None, quantity: str):
    """Turn the words around a figure into a qualifier and the interval ``[low, high]`` it allows."""
    suffix = _normalise(suffix) if suffix else ""
    if hedge in _TIME_ONLY_HEDGES:
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


def _carry_hedges_into_conversions(text: str, figures: list[Figure]) -> None:
    """A conversion in brackets takes the hedge of the figure it converts: "about 58km (36 miles)" is about 36 miles."""
    for first, second in zip(figures, figures[1:]):
        if (first.qualifier in ("approx", "lower", "upper") and second.qualifier == "exact" and second.value is not None
                and first.dimension is not None and first.dimension == second.dimension
                and text[first.end:second.start].strip() in ("(", "[", "/ (", "or", "(or")):
            if first.qualifier == "approx":
                second.low, second.high = sorted((round(second.value * 0.85, 3), round(second.value * 1.15, 3)))
            elif first.qualifier == "lower":
                second.low, second.high = second.value, None
            else:
                second.low, second.high = (None, second.value) if first.low is None else sorted(
                    (round(second.value * 0.85, 3), second.value))
            second.qualifier = first.qualifier


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

    if after.startswith("-") and after[1:2].isalpha():
        return not _COMPOUND_ADJECTIVE.match(after)  # a five-boat attack; but two-pronged, one-sided, two-way
    if match.group("hedge") is None and previous in _PRONOUN_DETERMINERS and (
        not next_word or (next_word in _FUNCTION_WORDS and (next_word != "of" or words in ("one", "a")))
        or _PUNCTUATION_NEXT.match(after)
    ):
        return False  # the three have been ruled; a civilian one,
    if words in ("one", "a"):
        if previous in _EVENT_VERBS:
            return True  # killing one, wounding one
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
    """Digits glued to letters or after a naming word are identifiers, not figures (F-16, Article 5, Interstate 75)."""
    core = _core_start(match, groups)
    last = text[core - 1] if core else ""
    if last.isalpha() or (last in "-/" and core > 1 and text[core - 2].isalnum()):
        return not (groups[_G_M_PREFIX] or _MAGNITUDE_PREFIX.search(text, max(0, core - 12), core))  # "magnitude-5.9", "M7.5"
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


def _reread(report: _Report, match: re.Match[str], cut: int) -> Figure | None:
    """The figure that the candidate states up to ``cut``, the rest being another figure or none."""
    shortened = match.re.match(match.string, match.start(), cut)
    return _to_figure(report, shortened)[0] if shortened and shortened.end() == cut else None


def _core_start(match: re.Match[str], groups: tuple[str | None, ...]) -> int:
    """Where the number itself begins: after any hedge, and after the sign of digits."""
    return match.start(_G_DIGITS + 1) if groups[_G_DIGITS] else match.start(_G_CORE + 1)


def _fraction_value(written: str) -> float | None:
    if written in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[written]
    numerator, denominator = map(int, _FRACTION_PARTS.fullmatch(written).groups())
    if denominator not in _FRACTION_DENOMINATORS or not 0 < numerator < denominator:
        return None
    return round(numerator / denominator, 3)


def _parse_digits(digits: str) -> float:
    return float(digits.replace(",", "").replace("\u00a0", "").replace("\u202f", ""))


def _parse_range_end(token: str) -> float | None:
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


def _scale(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower().strip(" .")
    return SCALES.get(word) or SHORT_SCALES.get(word, 1)


def _normalise(phrase: str) -> str:
    return " ".join(phrase.split()).lower()
