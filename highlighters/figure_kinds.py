"""What kind of quantity a figure is, from its unit and the words around it.

A unit names the kind ("58km" a distance, "82 degrees Fahrenheit" a temperature); without one the
words beside the figure decide: "a 6.7 quake" and "measuring 4.6" are magnitudes, "LaCalamita,
38," and "a 63-year-old" are ages, "in 2015" a year, "1052 GMT" a clock time.
"""

from __future__ import annotations

import re

from .clauses import is_verb_form
from .clock import MONTHS, ZONE_OFFSETS, iso_date
from .kept_patterns import compile_kept
from .trie import word_alternatives
from .unit_words import CURRENCY_HUNDREDTHS, CURRENCY_WORDS, DURATIONS, Unit, currency_code, measure
from .words import FEMALE, MALE, ROLES

QUAKE_WORDS = ("earthquake", "quake", "temblor", "tremor", "aftershock", "foreshock", "shock", "jolt", "seism")
_QUAKE = word_alternatives([*QUAKE_WORDS, *(f"{word}s" for word in QUAKE_WORDS)])
_MAGNITUDE_BEFORE = compile_kept(
    rf"(?:magnitude(?:\s+of)?|richter(?:\s+scale)?(?:\s+of)?|(?:{_QUAKE})\s+of|measur(?:ing|ed)|register(?:ing|ed)"
    r"|(?:put|puts|putting|estimated|gave|gives|set|sets)\s+(?:the\s+|its\s+)?(?:magnitude|strength)\s+at"
    r"|magnitude\s+(?:was|is|at|of)(?:\s+(?:about|around|roughly|approximately))?)\s*[-:]?\s*$")
_MAGNITUDE_AFTER = compile_kept(
    rf"(?:-?\s*(?:plus|strength|degree|magnitude|point))?[\s-]*(?:{word_alternatives(QUAKE_WORDS)})\b"
    r"|\s*(?:on\s+the\s+richter\s+scale|magnitude)")
"""A quake word after a figure, in the singular: "a 4.6 quake" is a magnitude, "four aftershocks" a count."""
MAGNITUDE_HINTS = ("magni", "richter", "measur", "regist", "strength", "quake", "shock", "temblor", "tremor",
                    "jolt", "seism", "m7", "m6", "m5", "m4", "m8", "m9", "mw")
"""Every magnitude the patterns below find has one of these near it: a window without any is skipped."""
MAGNITUDE_HINT = compile_kept(
    r"c(?:hter(?<=richter)|k(?<=shock))|g(?:ist(?<=regist)|th(?<=strength))|jolt"
    r"|m(?:agni|easur|[4-9w]|or(?<=tremor)|blor(?<=temblor)|(?<=seism))|quake")
"""Any of ``MAGNITUDE_HINTS`` (a test checks it finds what a scan per hint finds), each found at its rarest
letter and the rest checked behind: ``re`` enters the pattern only where a text has c, g, j, m or q, a
fifteenth of the letters of news, where a trie of the hints' first letters (r, s and t among them) entered
it at a fifth; a search over the lines of the seeds and dev stories that hold a figure, 0.75 -> 0.53 ms."""
_QUAKE_NEAR = compile_kept(rf"\b(?:{_QUAKE}|magnitude|richter|seismic)\b")
_DECIMAL_MAGNITUDE = compile_kept(r"\d\.\d")
_AGE_NAME_BEFORE = compile_kept(r"(?:[A-Z][\w’'.-]*|I{1,3}|IV|Jr\.?|Sr\.?)\s*,\s*$")
_AGE_WORD_BEFORE = compile_kept(r"\b(?:aged?|ages)\s+(?:\d{1,3}\s+and\s+)?$", re.IGNORECASE)
_AGE_PERSON_BEFORE = compile_kept(r"\b(?:the|a|an|his|her|their|its|our|one)\s+(?:[\w’'-]+\s+){0,2}([a-z]+)\s*,\s*$",
                                  re.IGNORECASE)
_PERSON_NOUNS = frozenset({*ROLES, *FEMALE, *MALE, "actor", "actress", "singer", "star", "rapper", "player", "victim",
                           "suspect", "driver", "passenger", "resident", "student", "soldier", "worker", "gunman",
                           "shooter", "teenager", "teen", "child", "baby", "toddler", "pilot", "farmer", "survivor",
                           "witness", "patient"})
"""Words for a person, whose age may follow them between commas: "The actress, 24, was", "a suspect, 19,"."""
_AGE_AFTER = compile_kept(r"\s*+(?:[,;)]|\.(?!\d)|$|(?<=\s)and\s++\d|(?<=\s)(?:of|from)\s++[A-Z])")
_MILITARY_TIME_AFTER = compile_kept(
    rf"\s*(?:\((?:\d{{4}}\s*)?(?:{word_alternatives([z for z in ZONE_OFFSETS if z != 'z'])})\b|hours?\b|hrs\b)",
    re.IGNORECASE)
_WORD_AFTER = compile_kept(r"^[\s\"“”'‘’(]*([\w'’]+)")
_PLURAL = compile_kept(r"[a-z]+s")
IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "crew", "staff", "personnel", "cattle",
                               "livestock"})
"""Nouns in the plural without an s: after a number they make it a count ("1500 people", no year), and
they are what a figure counts ("some fifty police")."""
NOT_PLURAL_ENDINGS = ("ss", "us", "is", "’s", "'s")
"""Endings of nouns in the singular that end in s ("crisis", "loss", "census"): after a year they count nothing."""
_MONEY_CONTEXT = compile_kept(
    r"\b(?:worth|valued?|cost(?:s|ing)?|paid|pay|fine[sd]?|stolen|stole|price[sd]?|budget|salary|earn(?:s|ed)?"
    r"|raised?|spen[dt]|compensation|bail|ransom|bonus|deal|sold|bought|sterling|loot|haul|jewel\w*|fund\w*)\b"
    r"|[£]")
_CURRENCY_AFTER_POUND = compile_kept(r"\s+sterling\b", re.IGNORECASE)
_ENGLISH_WORD_ZONES = frozenset({"west", "eat", "art", "cat", "ast", "wat", "et", "ct", "mt", "pt", "ist", "gst"})
"""Zone abbreviations that are also English words or common letters: a zone only in capitals."""

PERCENT = Unit("%", "percent", "percent")
_CURRENCIES_THAT_ARE_WORDS = frozenset({"real", "won", "rand", "dong"})
"""Currencies whose names are English words too: money only after digits ("5,000 won", "300 rand")."""


def classify_unit(unit_text: str, figure_text: str, before: str, after: str, value: float | None,
                  has_scale: bool, dollar: str) -> Unit | tuple[str, None] | None:
    """The unit that the words after a figure name, or ("time", None) for a clock word, or None.

    ``before``/``after`` are the text around the figure, for the two readings of "pounds".
    """
    lowered = " ".join(unit_text.lower().strip(" -").split())
    if lowered.endswith(("old", "olds")):  # "a 38-year-old", "17-year-olds": the age, in years
        lowered = lowered.removesuffix("s")[:-3].rstrip(" -")
    if lowered in ("%", "percent", "per cent", "pc") or lowered.startswith(("percentage", "per cent")):  # "45pc": UK
        return PERCENT
    if lowered in ("gmt", "utc", "local time", "a.m.", "p.m.", "am", "pm", "hrs"):
        return ("time", None)
    if lowered in DURATIONS:
        return DURATIONS[lowered]
    if lowered in ("pound", "pounds"):
        if has_scale or _CURRENCY_AFTER_POUND.match(after) or (
                not figure_text.endswith("-pound") and _MONEY_CONTEXT.search(before[-60:].lower())):
            return Unit("GBP", "currency", "money")
        return measure(lowered)
    found = measure(lowered)
    if found is not None:
        return found
    if lowered in CURRENCY_WORDS or lowered in ("dollar", "dollars"):
        if lowered in _CURRENCIES_THAT_ARE_WORDS and not any(character.isdigit() for character in figure_text):
            return None  # "two real choices", "The next one won't come": the words, not the real or the won
        written = unit_text.strip(" -")
        if written[:1].isupper() and not written.isupper() and lowered not in ("euro", "euros", "dollar", "dollars"):
            return None  # "8 Rand Paul": a name, not rand
        return Unit(currency_code(lowered, dollar) or lowered.rstrip("s"), "currency", "money")
    if lowered in CURRENCY_HUNDREDTHS:  # "45 cents", read as 0.45 of the currency (``numbers``)
        return Unit(CURRENCY_HUNDREDTHS[lowered] or dollar, "currency", "money")
    if lowered in ("degree", "degrees"):
        return Unit("degree", "temperature", "other")
    return None


def count_or_year(digits: str, value: float, after: str, hedged: bool, dated: bool = False, before: str = "") -> str:
    """A bare four-digit number is a year, or a military clock time, unless something is counted with it.

    ``dated``: a word of time stands before it ("in", "since"), which makes "in 2003 women won" a year.
    ``before``: the few characters before the number, where a clause may open with it ("As 2015 comes")."""
    if len(digits) != 4 or not digits.isdigit():
        return "count"
    if _MILITARY_TIME_AFTER.match(after):
        return "count" if hedged else "time"
    next_word = _WORD_AFTER.match(after)
    word = next_word.group(1) if next_word else ""
    if _RECENT_YEARS[0] <= value <= _RECENT_YEARS[1] and value % 100 and (
            _DATE_ENDS.match(after) if hedged else word not in IRREGULAR_PLURALS):
        return "year"  # "2016 campaigns", "2005 levels", "around 2002, when": news writes a count of thousands "2,016"
    if not hedged and 1500 <= value <= 2099:
        counted = (_PLURAL.fullmatch(word) and not word.endswith(NOT_PLURAL_ENDINGS)) or word in IRREGULAR_PLURALS
        if dated or not counted or word in ("as", "was", "has", "is", "this", "his", "its") or (
                _is_verb_of_year(before, after) or value % 100 and _DETERMINER_BEFORE.search(before)):
            return "year"
    return "count"


_RECENT_YEARS = (1950, 2030)
"""Years a bare four-digit number that is no round number is read as, whatever follows it but a word for people
(``IRREGULAR_PLURALS``: no year modifies them, "killed 2015 people"):
news writes a count of thousands with a comma ("2,016 people", "1,944 delegates"), and years of these decades fill
its pages. After a hedge, only where the clause goes on or ends ("around 2002, when"): "about 2016 will be" stays
the hedged count it may be."""


_OPENS_CLAUSE = compile_kept(r"(?:^|[.,;:!?(“\"]|(?<![\w’'-])(?:as|and|but|so|when|while|because|if|though|until|before|after"
                             r"|perhaps|maybe))[^\S\n]*$", re.IGNORECASE)
_DETERMINER_AFTER_VERB = compile_kept(
    r"[^\S\n]*[a-z]+s[^\S\n]+(?:the|a|an|to|its|his|her|their|our|this|these|those|another|no)[^\S\n]")
"""An -s word that an article or "to" follows: a verb ("comes to an end", "marks the"), as a plural
noun after a count seldom is ("2000 homes were", "2000 homes that")."""


_DETERMINER_BEFORE = compile_kept(
    r"(?:(?<![\w’'-])(?:the|his|her|their|its|our|this|that|all|[A-Za-z]+[’']s)(?:[^\S\n]+(?-i:[A-Z])[\w’'-]*){0,2}"
    r"|(?<![\w’'-])(?:fiscal|year)|(?<![\w’'.,-])(?:1[5-9]|20)\d\d[^\S\n]+(?:and|or))[^\S\n]+$", re.IGNORECASE)
"""A determiner or a possessive before a bare year that is no round number modifies a noun with it: "the 2012
attacks", "Obama's 2008 primaries", "the Republican 2016 hopefuls", "all 2016 campaigns", as do "fiscal year 2014
levels" and a year before it in a list ("the 2004 and 2008 conventions"); news writes a count of thousands with a
comma ("the 2,012 votes")."""


def _is_verb_of_year(before: str, after: str) -> bool:
    """The year is the subject of the -s word after it, a verb: "As 2015 comes to an end", "2016 marks
    the", where the year opens its clause and an article or "to" follows the word."""
    return _DETERMINER_AFTER_VERB.match(after) is not None and _OPENS_CLAUSE.search(before) is not None


_DAY_MONTH_BEFORE = compile_kept(
    rf"(?<![\w.,])\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]+(?:of[^\S\n]+)?(?:{word_alternatives(MONTHS)})\.?[^\S\n]+$",
    re.IGNORECASE)
_DATE_ENDS = compile_kept(r"[^\S\n]*(?:[,;:)\]]|\.(?!\d)|\n|$)")
_ELIDED_CENTURY = ("’", "'")
_CLOSING_QUOTE = compile_kept(r"(?<=[\w.!?])['’](?![\w’'])[^\n]*")
"""A closing single quote later on the line: the mark before the number opened a quotation ("'12 killed' in blast")."""
_PIVOT = 69
"""Two-digit years from 69 on are the 1900s, below it the 2000s: the POSIX reading of ``%y``."""


def two_digit_year(text: str, start: int, digits: str) -> int | None:
    """The year a two-digit number writes, or None: one whose century is elided by an apostrophe
    ("the ’07 attack", "in '08"; not a quoted '12' nor the '80s), or the year of a day-first date
    that ends there ("on 10 Nov 11.", not "on 10 Nov 11 people")."""
    if len(digits) != 2 or not digits.isdigit():
        return None
    end = start + 2
    elided = start > 0 and text[start - 1] in _ELIDED_CENTURY and (
        start == 1 or not (text[start - 2].isalnum() or text[start - 2] in _ELIDED_CENTURY)) and (
        end == len(text) or not (text[end].isalnum() or text[end] in _ELIDED_CENTURY)) and (
        _CLOSING_QUOTE.search(text, end, end + 80) is None)
    if not elided and not (_DATE_ENDS.match(text, end) and _DAY_MONTH_BEFORE.search(text, start - 20, start)):
        return None
    year = int(digits)
    return (1900 if year >= _PIVOT else 2000) + year


_MONTH_WORD = rf"(?P<month>{word_alternatives(MONTHS)})\.?"
_JOIN_WORDS = ("and", "or", "to", "through", "&", "-", "–", "—")
_JOINS = rf"[^\S\n]*(?:{'|'.join(_JOIN_WORDS)})[^\S\n]*"
_DATE_BEFORE = compile_kept(rf"(?<![\w.])(?:{_MONTH_WORD}[^\S\n]+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]+"
                          rf"{_MONTH_WORD.replace('month', 'month_after_day')}){_JOINS}$", re.IGNORECASE)
"""A date that a later day joins: "Nov 9 and 11", "on 10 Nov to 12"."""
_MONTH_AFTER = compile_kept(rf"(?:st|nd|rd|th)?(?:{_JOINS}\d{{1,2}}(?:st|nd|rd|th)?)?[^\S\n]+(?:of[^\S\n]+)?{_MONTH_WORD}\b",
                          re.IGNORECASE)
"""A month after a day, or after a day joined to the next: "11 and 12 November", "11-12 November"."""
_COUNTED_AFTER = compile_kept(r"[^\S\n]+([a-z]+)\b")
_NOT_COUNTED = frozenset("and or to in on at of for from by with as than when after before during until "
                         "while since but so respectively".split())


def day_of_date(text: str, start: int, end: int, value: float | None) -> str | None:
    """The date (ISO, "--11-12") a bare number is the day of, joined to a date beside it: "Nov 11 and
    12", "between Nov 9 and 11", "11 and 12 November", "11-12 November"; None where it is no day
    or counts something ("on Nov 11 and 12 people died")."""
    if value is None or not 1 <= value <= 31 or not float(value).is_integer() or end - start > 8:  # "11-12", "9 to 11"
        return None
    after = _MONTH_AFTER.match(text, end)
    if after is not None:
        return iso_date(f"{int(value)} {after.group('month')}", False)
    window = start - 24 if start > 24 else 0
    if not text[window:start].rstrip().lower().endswith(_JOIN_WORDS):
        return None  # most numbers: no "and" or "-" before them, which the search below would try at each position
    before = _DATE_BEFORE.search(text, window, start)
    if before is None or _counts_a_noun(text, end):
        return None
    return iso_date(f"{int(value)} {before.group('month') or before.group('month_after_day')}", False)


def _counts_a_noun(text: str, end: int) -> bool:
    """Whether the word after a number is something it counts: a lower-case word that is no verb,
    preposition or conjunction ("12 people", not "12 killed" or "12, police said")."""
    word = _COUNTED_AFTER.match(text, end)
    if word is None:
        return False
    found = word.group(1)
    return found not in _NOT_COUNTED and not is_verb_form(found)


def is_magnitude(text: str, start: int, end: int, value: float | None, decimal: str) -> bool:
    """Whether a unitless figure is an earthquake's magnitude: named so before or after it ("measuring
    4.6", "a 6.7 quake", "4-Plus Earthquake"), or a one-decimal figure under ten in a sentence of a quake."""
    line_start = text.rfind("\n", start - 150 if start > 150 else 0, start) + 1
    line_end = text.find("\n", end, end + 150)
    around = text[line_start if line_start > start - 150 else start - 150:line_end if line_end >= 0 else end + 150].lower()
    if MAGNITUDE_HINT.search(around) is None:
        return False  # no word of a quake near this figure
    if value is not None and value >= 10:
        return False  # no quake reaches 10: "registered 459 Democratic primary voters" counts voters
    before = text[start - 40 if start > 40 else 0:start].lower()
    after = text[end:end + 40].lower()
    if _MAGNITUDE_BEFORE.search(before) or (decimal and _MAGNITUDE_AFTER.match(after)):
        return True
    if value is None or not 1 <= value or not _DECIMAL_MAGNITUDE.fullmatch(decimal):
        return False
    return _QUAKE_NEAR.search(around) is not None


def is_age(text: str, start: int, end: int, value: float) -> bool:
    """Whether a bare number is someone's age: "LaCalamita, 38," "Riva, 47, and", "aged 63", "ages 47 and 48"."""
    if not 1 <= value <= 120 or not float(value).is_integer():
        return False
    before = text[start - 30 if start > 30 else 0:start]
    if "age" in before.lower() and _AGE_WORD_BEFORE.search(before):
        return True
    if not before.rstrip().endswith(",") or not _AGE_AFTER.match(text, end):
        return False
    if _AGE_NAME_BEFORE.search(before) and not before.rstrip(" ,").endswith(tuple(_NOT_A_NAME)):
        return True
    person = _AGE_PERSON_BEFORE.search(text, start - 60, start)  # "The actress, 24,": a person's word
    return person is not None and _names_a_person(person.group(1))


def _names_a_person(noun: str) -> bool:
    """Whether the noun before ", 45," is one whose age that can be: a word for a person, or a common noun
    in the singular made as words for people are, by what they do ("a firefighter, 45,", "the protester,
    23,", "an activist, 31,", "the pedestrian, 70,"): no list of people's words is ever whole. A thing
    ("The attack, 24, was claimed") stays a count, as does a quantity ("the toll, 45,")."""
    return noun.lower() in _PERSON_NOUNS or (
        noun.islower() and noun.endswith(_AGENT_ENDINGS) and noun not in _QUANTITY_NOUNS)


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ee", "ant")
_QUANTITY_NOUNS = frozenset({"number", "quarter", "percent", "amount", "total", "toll", "figure", "count", "tally"})
"""Nouns with those endings, and others, that a figure between commas may be the value of ("the number, 45,")."""


_NOT_A_NAME = ("In", "On", "At", "By", "From", "To", "Of", "And", "But", "Since", "Until", "About", "Around",
               "Over", "Under", "After", "Before", "The", "A", "An", "Monday", "Tuesday", "Wednesday", "Thursday",
               "Friday", "Saturday", "Sunday", *(month.capitalize() for month in MONTHS), "Sept.", "Jan.", "Feb.",
               "Aug.", "Oct.", "Nov.", "Dec.")
"""Capitalised words before ", 38," that are not a person: "In March, 38 died", "On Friday, 12 were hurt"."""


def zone_written_as_zone(text: str, zone_start: int, zone: str) -> bool:
    """A zone that is also a word ("west", "eat") counts only in capitals: "6 p.m. west of" is no zone."""
    return zone.lower() not in _ENGLISH_WORD_ZONES or text[zone_start:zone_start + len(zone)].isupper()
