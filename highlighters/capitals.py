"""Reports written in capitals throughout (telex-style wires), read in the case news prose uses.

The speech tags and the names they give are told by their case: a name is a run of capitalised
words, a reporting verb ("said") is in lower case. In a report in capitals every word looks like a
name and no verb is found, so its quotations kept no speaker and its figures no source. Such a
report is read as if written in the usual case: the words the engine knows in lower case (function
words, reporting verbs, roles) are put in lower case, every other word keeps only its first capital
(names stay names), and a sentence opens with a capital. Each word keeps its length, so every offset
into the text stays true and what a claim quotes is still the report's own text.
"""

from __future__ import annotations

from .kept_patterns import compile_kept
from .names import _BODIES, _DOCUMENTS, _FUNCTION_WORDS, _PRONOUNS
from .phrases import _BEFORE_VERB, _STOP, DETERMINERS, INTRO_WORDS, NOT_A_SUBJECT
from .words import ALL_IRREGULAR_PAST, ALL_VERBS, FEMALE, MALE, ROLES, TITLES, TITLES_WITH_DOT

_SAMPLE = 400
"""Characters looked at first: a report in the usual case has a lower-case letter in any stretch of this length."""
_MOST_LOWER = 0.5
"""A report most of whose letters are capitals is in capitals (its address, headline or byline may not be); in
the usual case three in four letters or more are in lower case (0.77 in the lowest of 984 real reports: a
newsletter with its headings in capitals)."""
_DOTTED = frozenset(title.lower() for title in TITLES_WITH_DOT)
_WEEK_AND_YEAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split())
_LOWER_WORDS = (_FUNCTION_WORDS | _BEFORE_VERB | _STOP | DETERMINERS | INTRO_WORDS | NOT_A_SUBJECT | ALL_VERBS
                | ALL_IRREGULAR_PAST | frozenset(ROLES) | frozenset(f"{role}s" for role in ROLES) | (TITLES - _DOTTED)
                | _BODIES | _DOCUMENTS | ((FEMALE | MALE) - _DOTTED)
                | frozenset("is are was were be been being am".split())) - _WEEK_AND_YEAR
"""Words the engine reads in lower case (function words, reporting verbs, roles, titles, bodies and documents
that speak, words of family and gender); "may" is left out with the months (``May 3``)."""
_WORD = compile_kept(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")
_SENTENCE_OPENING = compile_kept(
    r"(?:^|[.!?][\"”’')\]]*[^\S\n]+)[^\S\n]*(?:[\"“‘(]|'')?[a-z]|(?<!\S)(?:[\"“‘(]|'')[a-z]")
"""A line's or a sentence's first letter, after any opening mark, and a quotation's (a mark after a space)."""


def in_capitals(text: str) -> bool:
    """Whether ``text`` is written in capitals throughout (its address, byline or a code aside)."""
    middle = len(text) // 2
    if not text[middle:middle + _SAMPLE].isupper():
        return False  # the usual case, told from a few hundred characters
    letters = sum(map(str.isalpha, text))
    return sum(map(str.islower, text)) < _MOST_LOWER * letters


def in_news_case(text: str) -> str:
    """``text`` in the case of news prose, each character where it was (``in_capitals`` says when): its lines in
    capitals, the others as they are."""
    lines = text.split("\n")
    return "\n".join(_SENTENCE_OPENING.sub(_capitalised_end, _WORD.sub(_word_in_case, line)) if line.isupper() else line
                     for line in lines)


def names_its_speaker(speaker_text: str | None) -> bool:
    """Whether a speech tag read in news case names its speaker itself: a pronoun's person is not told in a
    report in capitals, where any two words of the sentences before ("DEATH TOLL") look like a name."""
    return speaker_text is not None and speaker_text.lower() not in _PRONOUNS


def _word_in_case(match) -> str:
    word = match.group()
    lower = word.lower()
    if len(lower) != len(word):
        return word  # a letter whose lower case is longer ("İ"): the offsets come first
    base = lower.split("’")[0].split("'")[0]
    if lower in _LOWER_WORDS or (base in _LOWER_WORDS and base != lower) or lower.endswith(("n't", "n’t")):
        return lower
    return word[0] + lower[1:]


def _capitalised_end(match) -> str:
    opening = match.group()
    return opening[:-1] + opening[-1].upper()
