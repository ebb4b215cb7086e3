"""What looks like a figure and is none: a number in a name ("Interstate 75", "COVID-19"), number
words that are no amount ("one of the worst", "the three have"), a number that counts nothing
("two-pronged", "12-gauge"). ``numbers`` asks ``not_a_figure`` of every candidate.
"""

from __future__ import annotations

import re

from .clock import MONTHS, WEEKDAYS
from .figure_pattern import SCALES
from .figure_values import (
    G_CORE, G_DIGITS, G_HEDGE, G_M_PREFIX, G_RANGE_END, G_RANGE_SEP, G_UNIT, G_WORDS, WORD_AFTER, core_start,
    parse_number_words, parse_range_end, word_before,
)
from .kept_patterns import compile_kept

_PUNCTUATION_NEXT = compile_kept(r"\s*[,.;:)!?]")
_PRONOUN_DETERMINERS = {"a", "an", "the", "no", "any", "every", "each", "this", "that", "which",
                        "such", "another", "these", "those", "both", "only", "civilian"}
_FUNCTION_WORDS = {"of", "another", "or", "and", "who", "whom", "which", "that", "is", "was", "are",
                   "were", "have", "has", "had", "will", "would", "could", "can", "did", "do", "does",
                   "in", "on", "at", "to", "for", "by", "with", "as", "from", "thing", "way", "time",
                   "side", "hand", "after", "before", "but", "if", "said", "told"}
_NEGATED = ("n't", "n’t")
"""A verb with "not" joined on after "one": its subject, the pronoun ("The next one won't come")."""
_EVENT_VERBS = ("killing", "killed", "wounding", "wounded", "injuring", "injured", "leaving", "left", "hurting",
                "arresting", "arrested", "detaining", "detained", "kidnapping", "rescuing", "rescued")
"""Verbs whose object a bare "one" is: "killing one", "wounded one"."""
_COMPOUND_ADJECTIVE = compile_kept(r"^-[a-z]+(?:ed|ing)\b|^-(?:way|sided|off|time|timer|liner|on-one|to-one|all)\b",
                                 re.IGNORECASE)
"""A number word joined to a word that makes an adjective or an idiom: "two-pronged", "one-way", "one-time";
joined to a noun it counts ("a five-boat attack", "the three-story building")."""
_NOT_QUANTITY_AFTER = compile_kept(
    r"-?\s?(?:gauge|cal(?:ibre|iber|\b)|mm\s+(?:pistol|rifle|gun|handgun|round|firearm|weapon|semi-automatic|bullet"
    r"|ammunition|cartridge)|karat|carat(?=\s+(?:gold|white|yellow|rose)\b))|\s+in\s+on\b|-by-(?=[a-z\d])",
    re.IGNORECASE)
"""Calibres name a weapon, they count nothing ("a 12-gauge shotgun", "a 9mm pistol"); nor does a purity ("24-karat
gold", "18 carat gold"), nor "zero in on", nor a number joined by "-by-" to another: a vehicle ("a four-by-four
car", as "4x4" is one), a size ("a 10-by-12-foot room") or a manner ("one-by-one"). Calibres and purities share one
optional hyphen and space, which ``re`` enters once, not once for each (it is tried after nearly every figure)."""
_NAME_PREFIXES = {"article", "category", "resolution", "flight", "route", "highway", "interstate", "no", "no.", "number",
                  "room", "chapter", "section", "page", "boeing", "airbus", "f", "mig", "su", "covid", "mh", "g",
                  "apollo", "voyager", "level", "phase", "grade", "stage", "type", "tier", "cup", "road", "ak", "bus", "line", "gate",
                  "terminal", "platform", "channel", "pier", "exit", "unit", "ward", "block", "lot", "case", "bill",
                  "act", "amendment", "proposition", "prop"}
"""Words that name a thing with a number when capitalised: "Flight 370", "Interstate 75", "AK 47", "Gate 5"."""
_NAME_PREFIX_ENDINGS = tuple(_NAME_PREFIXES)
"""For ``str.endswith``: a text can end with a naming word only if it ends with one of these."""
_MODEL_BEFORE = compile_kept(
    r"(?<![\w’'-])(?P<first>[a-z\d][\w’'-]*|[A-Z][\w-]*[’']s)[^\S\n]+(?P<name>[A-Z][\w-]*)[^\S\n]+$")
_LIST_WORDS = frozenset({"and", "or", "vs", "versus"})
"""Words before a name and its number that end a list of tallies ("Rubio 151, and Kasich 37."): a count."""
_TO_NUMBER = compile_kept(r"[^\S\n]+to[^\S\n]+(\d[\d,]*(?:\.\d+)?)")
_MODEL_AFTER = compile_kept(r"[^\S\n]+[A-Z]")
"""A number between a capitalised word and another, in a sentence, is a model's number ("a Cessna 750 Citation X"):
the word before follows a word in lower case, which a headline's capitalised words do not ("Storm Kills 50 People")."""
_MODEL_END = compile_kept(r"[^\S\n]*(?:[.,;:)!?]|$)|[^\S\n]+(?:to|by|for|in|on|at|and|or|with|from|as)\b")
"""What may follow a product's or a thing's number when no capitalised word does: a preposition or a stop
("released Windows 7 to 40 million users", "in Game 7.", "Google's Android 2.0 was" is not one)."""
_VERSION = compile_kept(r"\d{1,3}(?:\.\d{1,2})?")
"""The numbers a name ends with: "Windows 7", "PlayStation 3", "Android 2.0" (a year or a large count is none)."""
_DAY_AND_MONTH_WORDS = frozenset({*WEEKDAYS, *MONTHS})
"""Capitalised words after which a number is a day or a count, not a name's: "said Monday 12 had died"."""
_LOWER_WORD_BEFORE = compile_kept(r"(?<![\w’'-])[a-z][\w’'-]*[^\S\n]+[a-z][\w’'-]*[^\S\n]+$")
"""Two words in lower case right before a capitalised number word: it stands inside a sentence, not at the start
of one nor in a headline's capitals, whose short words are in lower case ("Deaths of Eight Miners Confirmed",
"Storm Kills Five People" count eight and five)."""
_NAME_OF_BEFORE = compile_kept(r"(?<![\w’'-])[A-Z][\w’'-]*[^\S\n]+of[^\S\n]+$")
"""A capitalised number word after "Name of" ends a proper name ("the Gang of Eight", "the Group of Seven"); in
a headline's capitalised words ("Deaths of Eight Miners") the next word is capitalised too."""
_CASUALTIES_AFTER = compile_kept(r"[^\S\n]+(?:dead|injured|wounded|hurt)\b", re.IGNORECASE)
"""What a number joined by a hyphen to a word counts when it counts people, not names a thing: "Follow-Up-1 Dead"
(a designator, "MiG-29 dead", stays a name; "killed" may be a verb the MiG-29 is the subject of)."""
_MAGNITUDE_PREFIX = compile_kept(r"magnitude-$", re.IGNORECASE)
"""A magnitude joined to its number: "magnitude-5.9" (and "M7.5", seismologists' notation, has its own group)."""


_REVISION_SLUG = compile_kept(r"(?:[A-Z]+-)*UPDATE $")
"""A wire story's revision before its headline ("UPDATE 2-Gunmen kill 12", "CORRECTED-UPDATE 1-Quake hits"): the
number counts the story's versions, nothing it tells of."""


_IDENTIFIER_DIGITS = 13
"""A run of this many digits with no separators, quoted or after "=", "#" or "/", is an identifier (a post's or
an account's number in a page's markup or address), no amount."""
_IDENTIFIER_MARKS = frozenset("\"'=#/")


def not_a_figure(text: str, match: re.Match[str], groups: tuple[str | None, ...]) -> bool:
    """A number in a name ("Interstate 75"), words that are no spelled figure ("one of the worst"), a
    number that counts nothing ("two-pronged"), or an identifier ("699320266804092929")."""
    core = core_start(match, groups)
    return (_is_identifier(text, match, groups)
            or _is_part_of_name(text, match, groups, core)
            or _is_revision(text, match, core)
            or bool(groups[G_WORDS]) and not _is_spelled_figure(text, match, groups)
            or bool(groups[G_DIGITS] or groups[G_WORDS]) and _NOT_QUANTITY_AFTER.match(text, match.end(G_CORE + 1)) is not None)


def _is_identifier(text: str, match: re.Match[str], groups: tuple[str | None, ...]) -> bool:
    digits = groups[G_DIGITS]
    if digits is None or len(digits) < _IDENTIFIER_DIGITS or not digits.isdigit():
        return False
    start, end = match.span(G_DIGITS + 1)
    return text[start - 1:start] in _IDENTIFIER_MARKS or text[end:end + 1] in _IDENTIFIER_MARKS


def _is_revision(text: str, match: re.Match[str], core: int) -> bool:
    """The number of a wire's "UPDATE 2-" slug, which opens its line (``_REVISION_SLUG``); ``core`` is where it starts."""
    if text[core - 7 if core > 7 else 0:core] != "UPDATE " or text[match.end(G_CORE + 1):match.end(G_CORE + 1) + 1] != "-":
        return False  # nearly every figure: one look at the seven characters before it
    return _REVISION_SLUG.fullmatch(text, text.rfind("\n", 0, core) + 1, core) is not None


def _is_spelled_figure(text: str, match: re.Match[str], groups: tuple[str | None, ...]) -> bool:
    """Spelled-out numbers are figures unless used as a pronoun, an idiom or part of an adjective.

    The groups are read from ``groups`` by number, not from the match by name (a lookup of the name each)."""
    if groups[G_UNIT]:
        return True  # one-year anniversary, two days
    words = groups[G_WORDS].lower()
    if groups[G_RANGE_END] and groups[G_RANGE_SEP].strip() in ("to", "-", "–"):
        high = parse_range_end(groups[G_RANGE_END])
        low = parse_number_words(words)
        if high is not None and low is not None and high > low:
            return True  # "the three to four points", "from one to three appointments": a range, whatever is before it
    words_end = match.end(G_WORDS + 1)
    after = text[words_end:words_end + 40]
    if after.startswith("-") and after[1:2].isalpha():
        return not _COMPOUND_ADJECTIVE.match(after)  # a five-boat attack; but two-pronged, one-sided, two-way
    start = match.start("figure")
    previous = word_before(text[start - 40 if start > 40 else 0:start]).lower()
    next_word = ""  # read only where the words before or the number itself make it matter
    if words in ("one", "a") or previous in _PRONOUN_DETERMINERS:
        following = WORD_AFTER.match(after)
        next_word = following.group(1).lower() if following else ""

    if groups[G_HEDGE] is None and previous in _PRONOUN_DETERMINERS and (
        not next_word or (next_word in _FUNCTION_WORDS and (next_word != "of" or words in ("one", "a")))
        or _PUNCTUATION_NEXT.match(after)
    ):
        return False  # the three have been ruled; a civilian one,
    if words in ("one", "a"):
        if previous in _EVENT_VERBS:
            return True  # killing one, wounding one
        if groups[G_HEDGE] is None and previous in _PRONOUN_DETERMINERS:
            return False
        if not next_word or next_word in _FUNCTION_WORDS or next_word.endswith(_NEGATED) or _PUNCTUATION_NEXT.match(after):
            return False  # one of the worst; no one; one another
        if next_word in ("day", "year", "week", "month", "hour") and previous in ("at", "one"):
            return False
    if words in SCALES and previous[-1:].isdigit():
        return False  # "R26 million": the scale of a figure that is not one
    if words.startswith("one") and previous in ("no", "any", "every", "some"):
        return False
    return True


def _is_part_of_name(text: str, match: re.Match[str], groups: tuple[str | None, ...], core: int) -> bool:
    """Digits glued to letters or after a naming word are identifiers, not figures (F-16, Article 5, Interstate 75);
    ``core`` is where the number starts (``core_start``)."""
    last = text[core - 1] if core else ""
    if last.isalpha() or (last in "-/" and core > 1 and text[core - 2].isalnum()):
        if last == "-" and _CASUALTIES_AFTER.match(text, match.end(G_CORE + 1)) and (
                word_before(text[core - 20 if core > 20 else 0:core - 1]).lower() not in _NAME_PREFIXES):
            return False  # a headline's "Follow-Up-1 Dead, 2 Injured": the hyphen only joins it to the slug
        return not (groups[G_M_PREFIX] or _MAGNITUDE_PREFIX.search(text, core - 12, core))  # "magnitude-5.9", "M7.5"
    if not (groups[G_DIGITS] or groups[G_WORDS]):
        return False
    if _is_model_or_title(text, match, groups, core):
        return True
    window = text[core - 20 if core > 20 else 0:core]
    before = window.rstrip()
    if window.islower() and not before.endswith(_STEP_WORD_ENDINGS):  # most figures: no capital before them, so
        return False  # no naming word, which counts only with one (a character that is upper is in no lower-case
        # text), but for a step's in lower case ("stage 4")
    stem = before.rstrip(".")  # "No. 2": the naming word may be abbreviated
    if stem[-1:].isalpha() and before.lower().endswith(_NAME_PREFIX_ENDINGS):
        previous = word_before(before)
        if previous.lower().rstrip(".") in _NAME_PREFIXES:
            if not stem.rsplit(None, 1)[-1].islower():  # a naming word counts capitalised, but for a step's
                return previous[0].isupper()
            return previous in _STEP_WORDS and _names_a_step(groups)
    return False


_STEP_WORDS = frozenset({"category", "stage", "level", "phase", "grade", "type", "tier"})
"""Naming words that number a step of a scale, written in lower case too: "a category 4 storm", "stage 4 cancer",
"type 2 diabetes"."""


_STEP_WORD_ENDINGS = tuple(_STEP_WORDS)


def _names_a_step(groups: tuple[str | None, ...]) -> bool:
    """Whether the number after a lower-case step word is the step's: one or two digits with no unit ("at this
    stage 50 people" and "sea level 2 metres higher" are figures, the first larger than any scale's steps)."""
    digits = groups[G_DIGITS]
    return digits is not None and digits.isdigit() and int(digits) <= 12 and not groups[G_UNIT]


def _is_model_or_title(text: str, match: re.Match[str], groups: tuple[str | None, ...], core: int) -> bool:
    """A number that ends a capitalised name ("the Gang of Eight bill") or stands inside one ("a Cessna 750
    Citation X"): asked only of a capitalised word or a capitalised name before the number."""
    if not text[core - 2:core - 1].isalpha():  # most figures: no word right before them
        return False
    end = match.end(G_CORE + 1)
    if groups[G_WORDS]:
        if not text[core].isupper():
            return False
        if _MODEL_AFTER.match(text, end):  # "director of One Wisconsin Now", "with One Voice": a capitalised
            return _LOWER_WORD_BEFORE.search(text, core - 30, core) is not None  # name in a sentence in lower case
        return _NAME_OF_BEFORE.search(text, core - 30, core) is not None
    digits = groups[G_DIGITS]
    word_start = core - 2
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    if not text[word_start].isupper():
        word = text[word_start:core - 1]
        if word.islower() or not word.isalpha():  # most figures: a word in lower case before them ("killed 12")
            return False
        # a word in camel case is a product's name, and the number after it its model's ("the iPhone 5 sold")
        return not groups[G_UNIT] and _VERSION.fullmatch(digits) is not None and not _is_tally_after(text, end, digits)
    if groups[G_UNIT] or not (digits.isdigit() and _MODEL_AFTER.match(text, end) or (
            _VERSION.fullmatch(digits) and _MODEL_END.match(text, end) and not _is_tally_after(text, end, digits))):
        return False
    before = _MODEL_BEFORE.search(text, core - 40, core)
    return before is not None and before.group("name").lower() not in _DAY_AND_MONTH_WORDS and (
        before.group("first") not in _LIST_WORDS)


def _is_tally_after(text: str, end: int, digits: str) -> bool:
    """Whether "to" and a number no greater follow: a name's score or share, not its model ("beat Trump 46 to
    40 percent", "trails Trump 458 to 359"), where "Windows 7 to 40 million users" goes up."""
    following = _TO_NUMBER.match(text, end)
    return following is not None and float(following.group(1).replace(",", "")) <= float(digits)
