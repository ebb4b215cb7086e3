"""What a figure is about: what it counts and what happened to them (who says so is ``sources``).

These read the words of the figure's own sentence only. They are deliberately shallow (word
windows and phrase lists, no parser) so that they stay fast and predictable; where they cannot
tell, they answer None rather than guess.
"""

from __future__ import annotations

import re

from .clauses import FigureClause, figure_clause, is_subject_at, opens_clause
from .figure_kinds import IRREGULAR_PLURALS, NOT_PLURAL_ENDINGS
from .figure_pattern import UNITS
from .folding import WordStart, fold, places_of
from .spans import Span
from .trie import word_alternatives
from .kept_patterns import compile_kept

_EVENT_PHRASES: list[tuple[str, str]] = [
    ("casualties", r"(?:killed|dead|died)\s+(?:and|or)\s+(?:injured|wounded|hurt)|(?:killing|killed)\s+(?:and|or)\s+(?:injuring|wounding)"
                   r"|casualties|dead\s+and\s+wounded|killed\s+or\s+wounded"),
    ("identified", r"(?:named|naming|identified|identifying|listed)\s+(?:\w+\s+){0,2}victims|victims\s+(?:were\s+)?(?:identified|named)"),
    ("killed", r"death\s+toll|toll|lives\s+(?:were\s+)?lost|lost\s+their\s+lives|killed|killing|kills?|died|dead|deaths?"
               r"|fatalities|fatally|perished|slain|bodies|murdered|shot\s+dead|shot\s+and\s+killed|massacred"),
    ("injured", r"injured|injuring|injures?|injuries|wounded|wounding|wounds?|hurt|hurts|hospitali[sz]ed"),
    ("shot", r"shot|shooting|shoots|gunned\s+down|opened\s+fire\s+on"),
    ("detained", r"detained|arrested|arrests?|captured|apprehended|taken\s+into\s+custody|held\s+in\s+custody|in\s+custody"),
    ("buried", r"burials?|buried|funerals?|laid\s+to\s+rest"),
    ("displaced", r"displaced|forced\s+to\s+(?:leave|flee)|fled\s+their\s+homes|homeless|evacuated|refugees"),
    ("missing", r"missing|unaccounted\s+for"),
    ("abducted", r"abducted|kidnapped|taken\s+hostage|hostages"),
]
_EVENT_FIRST_WORDS = (
    "killed dead died killing casualties named naming identified identifying listed victims death "
    "toll lives lost kill kills deaths fatalities fatally perished slain bodies murdered shot "
    "massacred injured injuring injure injures injuries wounded wounding wound wounds hurt hurts "
    "hospitalised hospitalized shooting shoots gunned opened detained "
    "arrested arrest arrests captured apprehended taken held in burial burials buried funeral "
    "funerals laid displaced forced fled homeless evacuated refugees missing unaccounted abducted "
    "kidnapped hostages"
).split()
"""Every word an event phrase can begin with (a test checks the list against the phrases)."""
_EVENT = WordStart(
    rf"\b(?={word_alternatives(_EVENT_FIRST_WORDS)}\b)(?:"
    + "|".join(f"(?P<{name}>\\b(?:{pattern})\\b)" for name, pattern in _EVENT_PHRASES) + ")"
)
"""The guard in front rules out most positions at once: only a listed word can start a phrase."""
_EVENT_WEAK_FIRST_WORDS = frozenset("in taken held named naming identified identifying listed".split())
"""First words of phrases that need a word further on: "in custody", "taken hostage", "named the victims"."""
_EVENT_NEEDED_WORDS = frozenset({b"custody", b"hostage", b"victims"})
"""What every phrase that opens with a weak first word holds whole."""
_EVENT_KEY_WORDS = frozenset(
    {word.encode() for word in _EVENT_FIRST_WORDS if word not in _EVENT_WEAK_FIRST_WORDS} | _EVENT_NEEDED_WORDS
)
"""A word every event phrase holds whole: its first, or for "in custody", "taken hostage" and "named
the victims" the word they need (a sentence "in" the news tells of nothing yet)."""
_EVENT_STARTS = {word.encode(): word for word in _EVENT_FIRST_WORDS}
"""The first words of the phrases, as the sentence's words give them and as they are found in its text."""
_EVENT_STRONG_STARTS = frozenset(word for word in _EVENT_STARTS if word.decode() not in _EVENT_WEAK_FIRST_WORDS)
_EVENT_ANY_STARTS = frozenset(_EVENT_STARTS)
_EVENT_WORDS = _EVENT_ANY_STARTS | _EVENT_NEEDED_WORDS
"""Every word the event phrases are told by, the key words among them."""
_LETTERS_ONLY = bytes(code if 97 <= code <= 122 else 32 for code in range(256))
"""Every byte but a-z made a space."""
_WORD = compile_kept(r"[\w’'-]+")
_COORDINATED = compile_kept(r"\s*(?:,\s*)?(?:and|or|but|while|whereas)\b", re.IGNORECASE)
_CLAUSE_ENDED = compile_kept(
    r"\s*(?:;|(?:,\s*)?(?:and|but|while|whereas)\s)\s*(?:(?:the|his|her|their|its|our|another|all|those|these)\s+)?",
    re.IGNORECASE)
"""Between an event word and a figure, what ends the event's clause: "died and two men", ", but the three", ";"."""
_PARTITIVE = compile_kept(r"\s+of\s+(?:(?:the|those|these|its|his|her|their|our)\s+)?", re.IGNORECASE)
"""Between two figures, what makes the second the whole the first is a part of: "two of the three"."""
_PART_OF = compile_kept(r"\b(?:one|some|many|most|several|few|none|half|any|either|neither|majority|minority|rest)"
                      r"\s+of\s+(?:(?:the|those|these|its|his|her|their|our)\s+)?$", re.IGNORECASE)
"""A part named by a word before the figure: "one of the 26 pirates was wounded" tells of one."""
_OTHERS_AS_OBJECT = compile_kept(
    r"(?<![\w’'-])(?!being\b|having\b)[a-z]+ing\s+(?:the\s+)?(?:\w+ed|dead|hurt|missing)$"
    r"|(?<![\w’'-])(?!(?:was|were|is|are|been|be|had|have|has|found|left|reported|listed|named|declared)\b)"
    r"[a-z]+(?:ed|ied)\s+the\s+(?:\w+ed|dead|hurt|missing)$")
"""An event word that is a verb's object, people of its own ("evacuating injured", "carried the wounded"),
not what happened to the subject (as in "were among the injured", "were found dead")."""
_PREDICATE_ENDS = compile_kept(r"[;:“”\"()]")
"""What ends the predicate of a figure's own verb: what comes after is quoted or another clause."""
_DIRECT_OBJECT = compile_kept(r"[\s\"“‘'(]*")
_PHRASE_BREAK = compile_kept(r"[,;:.!?()“”\"]")
_MAX_WINDOW = 8
"""How many words away an event word may stand from its figure."""

_NOT_A_HEAD = {
    "of", "were", "was", "had", "have", "has", "are", "is", "would", "will", "could", "and", "or",
    "in", "on", "at", "who", "that", "which", "to", "by", "for", "from", "with", "as", "than",
    "more", "others", "other", "a", "an", "the", "their", "its", "his", "her", "it", "be", "been",
    "since", "after", "before", "ago", "this", "but", "said", "say", "says", "during", "when",
    "through", "into", "across", "near", "towards", "toward", "along", "over", "under", "off", "per", "around",
    "about", "via", "onto", "upon", "within", "without", "against", "between", "among", "behind", "beyond",
    "inside", "outside", "below", "above", "while", "where", "whose", "did", "do", "does", "can", "may", "might",
    "must", "should", "shall", "them", "us", "those", "these", "they", "we", "you", "him", "me", "all", "each",
    "began", "came", "went", "took", "made", "left", "got", "gave", "saw", "found", "fled", "ran", "stood", "lay",
    "aboard", "onboard", "shot", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "yesterday", "today", "tonight", "last", "earlier", "later", "ago",
}
"""Words that end the phrase of what a figure counts: prepositions, pronouns, auxiliaries, common verbs."""
_EVENT_NOUNS = {"deaths", "death", "dead", "injuries", "injured", "wounded", "casualties",
                "fatalities", "hurt", "killed"}

def sentence_words(folded: str | None) -> list[bytes] | None:
    """The runs of letters a-z of a lower-cased sentence, each as bytes: split in C, they tell at
    once whether a sentence holds any of a few words whole, quicker than a pattern searched in it.
    Every word a pattern finds between non-letters (``\\b``) is among them. None without ``folded``."""
    return None if folded is None else folded.encode("ascii", "replace").translate(_LETTERS_ONLY).split()


def event_words(sentence_text: str, folded: str | None = None, words: list[bytes] | None = None,
                ) -> list[tuple[int, int, str]]:
    """The event words of a sentence as (start, end, event), found once for all its figures.

    ``folded`` is ``fold(sentence_text)`` and ``words`` its ``sentence_words``, when the caller has
    them already: a sentence without a key word (most) is not searched, and in the others the phrases
    are tried only where their first words stand (``_event_places``).
    """
    if words is None or folded is None:
        return _EVENT.spans(sentence_text, fold(sentence_text) if folded is None else folded)
    held = _EVENT_WORDS.intersection(words)  # one pass over the words; the rest is asked of the few held
    if _EVENT_KEY_WORDS.isdisjoint(held):
        return []
    return _EVENT.spans_at(folded, _event_places(folded, held))


def _event_places(folded: str, held: set[bytes]) -> list[int]:
    """Every place an event phrase can start at, in order: where its first word, which is whole and so
    among the sentence's words (``held`` are those of ``_EVENT_WORDS``), stands (``str.find``, which finds
    it in longer words too: ``spans_at`` passes over those). A weak first word ("in") starts one only
    beside a word it needs ("custody")."""
    firsts = (_EVENT_STRONG_STARTS if _EVENT_NEEDED_WORDS.isdisjoint(held) else _EVENT_ANY_STARTS).intersection(held)
    return places_of([_EVENT_STARTS[word] for word in firsts], folded)


def _part_before(sentence_text: str, start: int, left_fence: int, others: list[Span]) -> int | None:
    """Where the part starts when the figure is the whole it is taken from ("two of the three"), else None."""
    if sentence_text.find("of", start - 12 if start > 12 else 0, start) < 0:
        return None  # most figures: no "of" right before them
    if left_fence and _PARTITIVE.fullmatch(sentence_text, left_fence, start):
        return max(o_start for o_start, o_end in others if o_end == left_fence)
    part = _PART_OF.search(sentence_text, start - 24, start)  # ``re`` reads a negative start as 0
    return None if part is None else part.start()


def figure_event(sentence_text: str, figure: Span, others: list[Span],
                 events: list[tuple[int, int, str]] | None = None) -> str | None:
    """What happened to what the figure counts (killed, injured, ...), from the nearest event words.

    ``figure`` and ``others`` are spans relative to ``sentence_text``; an event word on the far side
    of another figure belongs to that one ("killed and injured “hundreds”" is about the hundreds).
    ``events`` are the sentence's ``event_words``, when the caller has them already.
    """
    if events is None:
        events = event_words(sentence_text)
    if not events:
        return None  # most sentences: no event word to tell of
    start, end = figure
    left_fence, right_fence = 0, len(sentence_text)  # where the nearest other figure before ends, after starts
    for other_start, other_end in others:
        if left_fence < other_end <= start:
            left_fence = other_end
        if end <= other_start < right_fence:
            right_fence = other_start
    best: tuple[int, str] | None = None
    part = _part_before(sentence_text, start, left_fence, others)
    if part is not None and is_subject_at(sentence_text, part):
        # "two of the three victims died": the clause tells of the two; "30 of the 80 wounded": the whole's own
        return next((event for word_start, _, event in events
                     if start <= word_start and not sentence_text[end:word_start].strip(" -")), None)
    clause = figure_clause(sentence_text, start, end)
    if clause is not None:  # "two managers, Paul Riva and Alan Steinberg, were wounded": the apposition is no distance
        verb_fence = min([o_start for o_start, _ in others if o_start >= clause.verb_start] or [len(sentence_text)])
        subject_words = _words_between(sentence_text, end, clause.noun_end)
    for word_start, word_end, event in events:
        if word_start < left_fence:
            continue
        if clause is not None and word_start >= clause.verb_start:
            if not _tells_of_subject(sentence_text, clause, word_start, word_end, verb_fence):
                continue
            distance = subject_words + _words_between(sentence_text, clause.verb_start, word_start)
        elif word_end > right_fence:
            continue
        elif word_end <= start:
            if clause is not None and clause.agrees and opens_clause(sentence_text, start):
                continue  # "a receptionist was killed and two managers were wounded": "killed" is another clause's
            if left_fence and _COORDINATED.match(sentence_text, word_end, start):
                continue  # "77 had died and 255 were injured": "died" is the 77's
            if _CLAUSE_ENDED.fullmatch(sentence_text, word_end, start):
                continue  # "was shot dead and two managers …": that clause ended on its event word
            distance = _words_between(sentence_text, word_end, start)
        elif word_start >= end:
            distance = _words_between(sentence_text, end, word_start)
            if right_fence < len(sentence_text) and _DIRECT_OBJECT.fullmatch(sentence_text, word_end, right_fence):
                continue  # "killed and injured “hundreds”": the verb's object is the next figure
        else:
            distance = 0  # the phrase holds the figure: "named 81 victims"
        if distance <= _MAX_WINDOW and (best is None or distance < best[0] or (
            distance == best[0] and word_start >= end
        )):
            best = (distance, event)
    return best[1] if best else None


_WHOLE_DETERMINERS = frozenset("the those these his her their its our".split())
"""What may stand between "of" and the noun of the whole a part is taken from: "two of the three victims"."""
def _tells_of_subject(sentence_text: str, clause: FigureClause, word_start: int, word_end: int, verb_fence: int) -> bool:
    """Whether an event word in the predicate of the figure's verb tells what happened to the figure."""
    if not clause.agrees:
        return False  # "the man who shot a clerk and two managers was arrested": another subject's verb
    if word_end > verb_fence or verb_fence < len(sentence_text) and _DIRECT_OBJECT.fullmatch(
            sentence_text, word_end, verb_fence):
        return False  # past another figure, or its verb: "were said to have killed and injured “hundreds”"
    if _PREDICATE_ENDS.search(sentence_text, clause.verb_start, word_start):
        return False  # past the clause: "two sources said: “you kill …”"
    # "two helicopters were evacuating the injured": the verb's object are other people
    reach = word_start - 30 if word_start - 30 > clause.verb_start else clause.verb_start
    return _OTHERS_AS_OBJECT.search(sentence_text, reach, word_end) is None


_DESIGNATOR = compile_kept(r"[A-Z]{1,4}")
"""Capitals before a number name a model ("AK 47", "F 16"): the noun goes on after the number."""


def figure_counts(sentence_text: str, figure: Span) -> str | None:
    """The head noun of what the figure counts ("cadets" in "some fifty military police cadets")."""
    words: list[str] = []
    partitive = False
    gap_start = figure[1]  # where the last word kept ends: the gap before the next is read in place, not copied
    position, reach = gap_start, gap_start + 80  # ``re`` ends the reach at the text's end
    # a search a word, not ``finditer``: most figures are read in two words, and an iterator costs more to make
    while (match := _WORD.search(sentence_text, position, reach)) is not None:
        position = match.end()
        gap_end = match.start()
        if (gap_end - gap_start != 1 or sentence_text[gap_start] != " ") and _PHRASE_BREAK.search(
                sentence_text, gap_start, gap_end):
            break
        word = match.group().lower()
        if not words:
            if word == "of" and not partitive:
                partitive = True
                continue  # dozens of people
            if partitive and (word in _WHOLE_DETERMINERS or word in UNITS or word[0].isdigit()):
                continue  # "two of the three victims": the two are victims
        if word.endswith(("’s", "'s")):
            words.append(word)
            gap_start = match.end()
            continue
        if word[0].isdigit() and words and _DESIGNATOR.fullmatch(sentence_text, gap_start - len(words[-1]), gap_start):
            continue  # "six AK 47 rifles": the model's number, not a new figure
        if word.endswith(("ed", "ing")):
            if not words and word not in _NOT_A_HEAD and _plural_noun_next(sentence_text, match.end()):
                continue  # "170 million connected users", "20 remaining hostages": a participle before the noun
            if word != "wounded":
                break
        if word in _NOT_A_HEAD or word[0].isdigit() or word[0] == "-" and word[1:2].isdigit():
            break  # "won 102-96": a score's other number counts nothing
        words.append(word)
        gap_start = match.end()
        if len(words) == 4:
            break
    head = None  # the last plural ("military police cadets": cadets), else the last noun
    for word in reversed(words):
        if word.endswith(("’s", "'s")):
            continue  # a possessive is no head
        if _is_plural(word):
            head = word
            break
        if head is None:
            head = word
    return None if head in _EVENT_NOUNS else head


_NEXT_WORD = compile_kept(r" ([a-z]+)\b")


def _plural_noun_next(sentence_text: str, position: int) -> bool:
    """Whether the word after ``position`` (one space on) is a plural noun in lower case ("users", "children")."""
    following = _NEXT_WORD.match(sentence_text, position)
    return following is not None and _is_plural(following.group(1))


def _is_plural(word: str) -> bool:
    """A noun in the plural, told by its ending ("cadets", not "press" or "bus") or known ("people", "crew")."""
    return (word.endswith("s") and not word.endswith(NOT_PLURAL_ENDINGS)) or word in IRREGULAR_PLURALS


def _words_between(text: str, start: int, end: int) -> int:
    """How far apart ``start`` and ``end`` are in words, a comma or a semicolon counting two."""
    if end - start < 2 and (end <= start or text[start] == " "):
        return 0  # nothing, or a space (two in five calls): no word to find
    return len(_WORD.findall(text, start, end)) + 2 * (text.count(",", start, end) + text.count(";", start, end))

