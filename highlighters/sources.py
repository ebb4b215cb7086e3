"""Who a sentence holding a figure says it comes from: "according to security sources", "officials said",
"told AFP". The speech tags that attribute quotations (``speech.attributions``) find them; a figure takes the
nearest one within its clause (``figure_sources``), and the status bar shows it as "per …".
"""

from __future__ import annotations

import re

from .folding import CaseBlind, places_of
from .kept_patterns import compile_kept
from .speech import attributions
from .trie import word_alternatives
from .words import verb_matches

_FIGURE_VERBS = (
    "said says say told tells tell reported stated confirmed confirms announced estimated suggested "
    "suggests suggest put puts gave gives named added noted claimed wrote writes tweeted informed"
).split()
_FIGURE_VERB_TEXT = {verb.encode(): verb for verb in _FIGURE_VERBS}
_FIGURE_VERB_WORDS = frozenset(_FIGURE_VERB_TEXT)
_SAY_ALONE = frozenset({b"say"})
"""The one verb of ``_FIGURE_VERBS`` that is no cue itself (``_CUES``)."""
_FIGURE_VERB = compile_kept(rf"(?<![\w’'-]){word_alternatives(_FIGURE_VERBS)}\b(?![’'-]\w)")
"""The verbs a figure is attributed with: fewer than those of speech ("called 911" is no source),
and a few of their own ("police put the toll at 70")."""
_CUES = ("said", "says", "say ", "told", "tell", "reported", "ccording", "stated", "confirm", "announced",
         "estimated", "suggest", "put", "gave", "give", "named", "inform", "noted", "added", "claimed",
         "wrote", "write", "tweeted")
"""What any source a sentence names comes with: a sentence holding none of them names none, and
that test is quicker than looking for the verbs."""
_CUE = compile_kept(word_alternatives(_CUES))
"""Any of ``_CUES``, as one trie searched in C."""
_SOURCE_TRIM = compile_kept(r"^(?:and|but|that|while|although|as|from|by|on\s+\w+day|late\s+on\s+\w+day|on\s+\w+)\s+", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "there"}
PERSONAL_PRONOUNS = frozenset({"he", "she"})
"""A source that is one of these is given as the pronoun, for the report's reader to resolve: a sentence alone
cannot say who "she" is."""

_CLAUSE_BREAK = CaseBlind(r";|:|,\s*(?:but|although|though|while|whereas|yet)\b"
                          r"|b(?<!\wb)ut\b|a(?<!\wa)lthough\b|t(?<!\wt)hough\b|w(?<!\ww)hereas\b")
"""Whether a clause breaks between two places: a semicolon or a colon, "but", "although", "though" and
"whereas", and "while" and "yet" after a comma. Each alternative opens with its letter, and the word
boundary before a word is looked behind at, so that ``re`` passes over the other characters in C:
``\b(?:but|…)`` was tried at every place (2.6 times slower over a sentence). Only asked whether it
finds anything (the same places as the plain alternation: ``tests/test_fast_patterns.py``)."""

def sentence_sources(sentence_text: str, folded: str | None = None, words: list[bytes] | None = None,
                     ) -> list[tuple[int, str]]:
    """Who the sentence attributes its content to, with the offset of each attribution.

    The speech tags that attribute quotations (``speech.attributions``): the subject of a
    reporting verb ("security sources said", "a security official at the camp told AP"), the
    speaker after one ("…, said the governor"), "according to X" and "informed by X". A sentence
    without a word such a tag needs is passed over at once: most have no verb of ``_FIGURE_VERB``
    and no "according"; a verb other than "say" is a cue itself, and only "say" alone leaves the
    cues to look for. ``folded`` is ``fold(sentence_text)`` and ``words`` its ``sentence_words``,
    when the caller has them already: without a verb among them, the verbs are not looked for.
    """
    end = len(sentence_text)
    according = "ccording" in sentence_text
    if words is None or folded is None:
        matches = verb_matches(sentence_text, 0, end, _FIGURE_VERB, folded)
        if not according and all(verb.group() == "say" for verb in matches) and (
                not matches or _CUE.search(sentence_text.lower() if folded is None else folded) is None):
            return []
    else:
        verb_words = _FIGURE_VERB_WORDS.intersection(words)
        if not verb_words and not according:
            return []
        matches = _figure_verb_matches(sentence_text, folded, verb_words)
        # each verb found is one of ``verb_words``, and any but "say" among them is a cue in ``folded``
        if not according and (not matches or verb_words == _SAY_ALONE and _CUE.search(folded) is None):
            return []
    found: list[tuple[int, str]] = []
    for mention in attributions(sentence_text, 0, end, _FIGURE_VERB, matches):
        source = _clean_source(sentence_text[mention.start:mention.head_end])
        if source and not (found and any(abs(mention.start - other) < len(src) for other, src in found)):
            found.append((mention.start, source))
    return sorted(found)


def _figure_verb_matches(sentence_text: str, folded: str, verb_words: set[bytes]) -> list[re.Match[str]]:
    """What ``verb_matches(sentence_text, 0, len(sentence_text), _FIGURE_VERB, folded)`` gives, found
    where the verbs among the sentence's words (``verb_words``) are: a few ``str.find`` instead of a
    pattern tried after every non-letter. Exact: a verb ``_FIGURE_VERB`` finds is a whole run of
    a-z, so it is among the sentence's words, and ``folded`` holds it where ``sentence_text`` does;
    each place is checked with the pattern itself, so a verb inside a word ("unsaid") or in another
    case ("Said") does not pass. Verbs are whole words: no two overlap."""
    end = len(sentence_text)
    places = places_of([_FIGURE_VERB_TEXT[word] for word in verb_words], folded)
    return [verb for place in places if (verb := _FIGURE_VERB.match(sentence_text, place, end)) is not None]


def figure_sources(sentence_text: str, folded: str | None, sources: list[tuple[int, str]],
                   positions: list[int]) -> list[str | None]:
    """For each of ``positions`` (the figures of one sentence), the attribution of ``sources``
    closest to it within its clause, or None when the clause names nobody.

    A source across "but" or "although" is someone else's ("77 ..., but other reports suggest 100").
    The sentence is read once for all its figures: ``folded`` is ``fold(sentence_text)``.
    """
    if not sources:
        return [None] * len(positions)  # most sentences name nobody
    if any(offset <= position and _holds(sentence_text, offset, source, position)  # a source after a figure holds none
           for offset, source in sources for position in positions):
        return [figure_sources(sentence_text, folded, [(offset, source) for offset, source in sources
                                                       if not _holds(sentence_text, offset, source, position)],
                               [position])[0] for position in positions]
    if folded is not None and not _may_break_clauses(folded):
        if len(sources) == 1:
            return [sources[0][1]] * len(positions)  # one clause, one source: every figure's
        return [min(sources, key=lambda item: abs(item[0] - position))[1] for position in positions]
    clause_break, searched = _CLAUSE_BREAK.over(sentence_text, folded)
    found: list[str | None] = []
    for position in positions:
        in_clause = [
            (offset, source) for offset, source in sources
            if not clause_break.search(searched, min(offset, position), max(offset, position))
        ]
        found.append(min(in_clause, key=lambda item: abs(item[0] - position))[1] if in_clause else None)
    return found


def _may_break_clauses(folded: str) -> bool:
    """Whether lower-cased text holds what any clause break holds: without it, it has none, and this test
    (each string looked for in turn, in C) is quicker than the search and twice as quick as ``any(map(...))``."""
    return (";" in folded or ":" in folded or "but" in folded or "though" in folded or "while" in folded
            or "whereas" in folded or "yet" in folded)


def _holds(sentence_text: str, offset: int, source: str, position: int) -> bool:
    """Whether the source named at ``offset`` holds the figure at ``position``: "More than 60 people reported
    feeling it" names who reported, not a source of the 60."""
    if position < offset:
        return False
    start = sentence_text.find(source, offset, position + len(source))
    start = offset if start < 0 else start  # spaces made one in the source
    return start <= position < start + len(source)


def _clean_source(source: str) -> str | None:
    source = " ".join(source.split()).strip(" -–—")  # every run of spaces made one, as ``\s+`` finds them
    while (opening := _SOURCE_TRIM.match(source)) is not None:
        source = source[opening.end():]
    lowered = source.lower()
    if lowered in PERSONAL_PRONOUNS:
        return lowered  # "she said": the report's own speaker, whom the caller may know (``claims``)
    words = source.split()
    if not words or len(words) > 12 or lowered in _PRONOUNS or words[0].lower() in _PRONOUNS:
        return None
    return source
