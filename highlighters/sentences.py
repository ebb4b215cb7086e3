"""Sentence boundaries with exact character offsets.

Approach: the candidate breaks are found in C (line breaks by ``str.find``, punctuation by a pattern),
and only those are looked at in Python.

* Every line break ends a sentence. Our reports are one paragraph per line, and headlines or
  section words ("Condemnation") have no full stop, so a line never runs into the next.
* A run of terminal punctuation (``. ! ? …``), with any closing quotes or brackets stuck to it,
  followed by a space, ends a sentence unless:

  - the next word starts in lower case (``e.g. the``, ``5 p.m. on``, ``“Why?” he asked``);
  - the word before is a title that precedes a name (Mr., Dr., Gen., Col., Lt., vs., e.g.);
  - the word before is an ambiguous abbreviation (dotted acronyms like U.S./U.N./a.m.,
    single initials like "J.", St., Jr., No., month names) and the next word is not a common
    sentence opener (The, He, In, Then, ...): "U.S. Embassy" and "J. Smith" stay whole,
    "... in the U.S. The next day" splits;
  - it is ``?`` or ``!`` closing a quotation that a speech tag follows (``“Why?” Webber asked``).

The closing quote or bracket belongs to the sentence it closes. Decimals (6.1) and web
addresses (www.arabnews.com) have no space after the dot, so they are never candidates.

A sentence is at most ``MAX_SENTENCE_CHARS`` long: a longer run (a scrape with no full stops,
a wall of figures) is cut at its last space before the limit. Real sentences are far shorter,
and the engine's work within one sentence grows faster than its length.
"""

from __future__ import annotations

import re
from operator import methodcaller
from typing import TYPE_CHECKING

from .kept_patterns import compile_kept

if TYPE_CHECKING:  # a type alias: spans' dataclasses are the engine's, not needed to read a report
    from .spans import Span

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([„"

MAX_SENTENCE_CHARS = 1000
"""The longest sentence of the seeds and the dev stories is 413 characters."""

# Terminal punctuation that opens a run of it, with closing marks, before the next word on its line
# (group 1): where a sentence may end inside a line. Every line break ends one, so a run with nothing
# after it on its line would end its sentence where the line does, and is left to the line.
_AFTER_RUN = r"(?<![.!?…]{2})[.!?…]*[\"'”’»)\]]*(?=[^\S\n]+(\S+))"
_RUN_BREAK = compile_kept(rf"[.!?…]{_AFTER_RUN}")
_FULL_STOP_BREAK = compile_kept(rf"\.{_AFTER_RUN}")
"""``_RUN_BREAK`` at a full stop, the mark of almost every break: a pattern opening with one character
is searched for it in C, eight times as fast as one opening with a class of characters."""
_RARE_MARKS = "!?…"
_LAST_SPACE = compile_kept(r".*\s", re.DOTALL)
_LAST_NON_WORD = compile_kept(r".*\W", re.DOTALL)
_SPACES = compile_kept(r"\s*")
# Single letters and dotted acronyms, as seen without their last dot: J, U.S, e.g, a.m.
_LETTERS = compile_kept(r"[A-Za-z]+")
_INITIALS = compile_kept(r"[A-Za-z](?:\.[A-Za-z])*")
# A speech tag after a quoted question or exclamation: “Why?” Webber asked.
_SPEECH_TAG = compile_kept(
    r"[^\S\n]+[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,3}[^\S\n]+"
    r"(?:said|says|asked|asks|added|told|wrote|replied|shouted|cried)\b"
)

# Titles and words that come before a name or figure and never end a sentence.
_NEVER_FINAL = frozenset(
    "mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr brig rev fr sen rep "
    "gov pres hon supt insp det amb mt ft vs v cf e.g i.e approx ca fig figs nos".split()
)
# Abbreviations that may or may not end a sentence.
_AMBIGUOUS = frozenset(
    "jr sr st no inc ltd co corp bros al jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun".split()
)
# Words that commonly open a sentence and are rarely part of a name after an abbreviation.
_OPENER_WORDS = frozenset(
    "The A An This That These Those It Its He She They We I You His Her Their Our There Here "
    "Then But And Or So Yet However Meanwhile Moreover Nevertheless Still Thus Instead Also "
    "In On At By For From With Without After Before Since During While When Where What Who "
    "Why How If As Although Though Unless Until Some Many Most All No Not None One Both Each "
    "Several Such Another Other Earlier Later Previously Now Today Yesterday According "
    "Following Despite Last Next Under Over Among".split()
)


def split_sentences(text: str) -> list[Span]:
    """Return the ``(start, end)`` of every sentence, stripped of surrounding whitespace.

    The line breaks are found apart from the punctuation, with ``str.find``: one pattern finding both
    opened with a class of characters, which ``re`` tests each character against, a third of the split."""
    spans: list[Span] = []
    start = 0
    line_end = text.find("\n")
    for match in _punctuation_breaks(text):
        while 0 <= line_end < match.start():
            _append_stripped(text, start, line_end, spans)
            start = line_end + 1
            line_end = text.find("\n", start)
        if _ends_sentence(text, match, start):
            _append_stripped(text, start, match.end(), spans)
            start = match.end()
    while line_end >= 0:
        _append_stripped(text, start, line_end, spans)
        start = line_end + 1
        line_end = text.find("\n", start)
    _append_stripped(text, start, len(text), spans)
    return spans


def _punctuation_breaks(text: str) -> list[re.Match[str]]:
    """``_RUN_BREAK.finditer(text)``, found faster: at full stops by ``_FULL_STOP_BREAK``, and at the other
    marks, which few texts hold, one at a time. A match is tried only where a run of marks starts and
    holds its run and closing marks only, so matches at different runs never overlap."""
    breaks = list(_FULL_STOP_BREAK.finditer(text))
    if "!" not in text and "?" not in text and "…" not in text:  # most texts: each asked in C
        return breaks
    for mark in _RARE_MARKS:
        at = text.find(mark)
        while at >= 0:
            match = _RUN_BREAK.match(text, at)
            if match is not None:
                breaks.append(match)
            at = text.find(mark, at + 1)
    breaks.sort(key=_START)
    return breaks


_START = methodcaller("start")


def _append_stripped(text: str, start: int, end: int, spans: list[Span]) -> None:
    segment = text[start:end]
    stripped = segment.strip()
    if not stripped:
        return
    start += len(segment) - len(segment.lstrip())
    end = start + len(stripped)
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cut(text, start)
        spans.append((start, cut))
        start = _SPACES.match(text, cut).end()
    spans.append((start, end))


def _cut(text: str, start: int) -> int:
    """Where an over-long sentence from ``start`` ends: after its last word that fits the limit.

    Without a space in reach, after its last non-word character (1,000 may split but no word
    does); a run of letters or digits alone is cut at the limit.
    """
    window = text[start + 1 : start + MAX_SENTENCE_CHARS]
    for pattern in (_LAST_SPACE, _LAST_NON_WORD):
        found = pattern.match(window)
        if found:
            return start + 1 + len(found.group().rstrip())
    return start + MAX_SENTENCE_CHARS


def _ends_sentence(text: str, match: re.Match[str], segment_start: int) -> bool:
    """Whether the punctuation run in ``match``, with the next word of its line (its group 1), closes the
    sentence begun at ``segment_start``."""
    token = match.group(1)
    word = token.lstrip(_OPENERS)
    if word and word[0].islower():
        return False
    punctuation = match.group().rstrip(_CLOSERS)
    if punctuation != ".":
        if punctuation[-1] in "?!" and match.group()[-1] in _CLOSERS:
            return _SPEECH_TAG.match(text, match.end()) is None
        return True  # ?, !, an ellipsis
    before = _word_before(text, match.start(), segment_start)
    lowered = before.lower()
    if lowered in _NEVER_FINAL:
        return False
    if lowered in _AMBIGUOUS or _INITIALS.fullmatch(before):
        if token[0] in _OPENERS:
            return True
        opener = _LETTERS.match(word)
        return opener is not None and opener.group() in _OPENER_WORDS
    return True


def _word_before(text: str, end: int, limit: int) -> str:
    """The word ending at ``end`` (not before ``limit``), without its brackets or quotes."""
    start = end
    while start > limit and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENERS).rstrip(_CLOSERS)
