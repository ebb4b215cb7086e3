"""The clause a figure stands in: whether the figure is its subject, where its verb is, and whether
it opens a clause of its own after an earlier one.

"A receptionist died and two men, believed to be employees, underwent surgery": "two" opens the
clause after "and", its noun phrase ("two men") and an apposition between commas are followed by
its own verb ("underwent"), and what happened to the two men is told by that verb's clause, not by
"died". Read as the rest of the context is, with punctuation and closed word classes of English
(auxiliaries, prepositions, conjunctions, the irregular past tense), no parser; where the shape is
not clear, the answer is None and the figure is read by its nearest event words.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .words import ALL_IRREGULAR_PAST, VERB, is_adverb
from .kept_patterns import compile_kept

_AUXILIARIES = frozenset(
    "was were is are am be been being had have has do does did will would shall should can could may "
    "might must remain remains remained".split()
)
_VERB_FORMS = _AUXILIARIES | ALL_IRREGULAR_PAST
"""Verbs whatever their ending: auxiliaries and the irregular past, one set to look a word up in."""
_NOT_VERBS_IN_ED = frozenset("hundred bed need seed speed shed breed creed greed steed weed sled red bred".split())
_ADVERBS = frozenset("also still later then now not never all both each only reportedly allegedly".split())
"""Words between a subject and its verb: "two others also died", "the three were all injured"."""
_PHRASE_ENDS = frozenset(
    "in on at for from with by to as than into onto upon over under after before during since until "
    "near about around against among between through across without within and or but nor who whom "
    "whose which that when where while because if though although whereas".split()
)
"""Words that end a noun phrase read forwards without any verb: a preposition, a conjunction, a
relative pronoun ("two civilians in the market", "two and wounding five")."""
_OPENS_CLAUSE = compile_kept(
    r"(?:(?:^|[^\w’'-])(?:and|but|yet|so|that|while|whereas|although|though|after|when|because|since|before|until)"
    r"|;)[\s,]*(?:(?:the|his|her|their|its|our|another|those|these|all)\s+)?$",
    re.IGNORECASE,
)
"""What stands before a figure that opens a clause of its own: a conjunction or a semicolon, and a
determiner ("…, and the two other officers")."""
_WORD = compile_kept(r"[^\S\n]*([\w’'-]+)")
_APPOSITION = compile_kept(
    r"[^\S\n]*(?:,[^,;:()\n]{1,120}?,[\"”’']?|[^\S\n]+(?:--|—|–)[^;:()\n]{1,120}?(?:--|—|–)|—[^;:()\n]{1,120}?—"
    r"|[^\S\n]*\([^()\n]{1,120}\))"
)
"""What may stand between a subject and its verb: "two managers, Paul Riva and Alan Steinberg, were",
"two men -- both partners -- were", "three (all tourists) were"."""
_MAX_NOUN_WORDS = 6
_SINGULAR_VERBS = frozenset("was is has does".split())
_SINGULAR_FIGURE = compile_kept(r"(?<![\w’'-])(?:one|1|an?)$", re.IGNORECASE)
"""A figure of one, whose verb may be singular: "only one was found"."""
_SINGULAR_LAST = frozenset("eE1aAnN\n")
"""What such a figure ends with (or a line break, before which ``$`` matches too): others are not looked at."""
_LAST_WORD = compile_kept(r"([\w’'-]+)[^\S\n]*$")


class FigureClause(NamedTuple):
    """A figure followed by a verb: where its noun phrase ends and the verb begins."""

    noun_end: int
    verb_start: int
    agrees: bool
    """Whether the verb agrees with the figure: "the man who shot a clerk and two managers was arrested"
    has "was" for the man, and the figure is no subject of it."""


def figure_clause(text: str, start: int, end: int) -> FigureClause | None:
    """The clause of the figure at ``text[start:end]`` when a verb follows its noun phrase, else None.

    "two men were taken": a noun phrase, perhaps with an "of" phrase ("two of his colleagues") and an
    apposition between commas, dashes or brackets, then a verb. A phrase that meets a preposition,
    a conjunction or a relative pronoun first ("two civilians in the market", "killing two and
    wounding five") is no subject here.
    """
    position, words, noun_end = end, 0, end
    while True:
        match = _WORD.match(text, position)
        if match is None:
            break
        word = match.group(1)
        verb = _verb_at(text, match, word)
        if verb is not None:
            return _clause(text, start, end, noun_end, verb)
        word = word.lower()
        if word in _PHRASE_ENDS and word != "of" or word[0].isdigit() or words == _MAX_NOUN_WORDS:
            return None
        position = noun_end = match.end()
        words += 1
    apposition = _APPOSITION.match(text, position)
    if apposition is None:
        return None
    match = _WORD.match(text, apposition.end())
    verb = None if match is None else _verb_at(text, match, match.group(1))
    return None if verb is None else _clause(text, start, end, noun_end, verb)


def _verb_at(text: str, match: re.Match[str], word: str) -> re.Match[str] | None:
    """The verb that ``match``, the word ``word``, is or opens after adverbs ("also died", "reportedly were")."""
    if is_verb_form(word):
        return match
    if word in _ADVERBS or is_adverb(word):
        after = _WORD.match(text, match.end())
        if after is not None and is_verb_form(after.group(1)):
            return after
    return None


def _clause(text: str, start: int, end: int, noun_end: int, verb: re.Match[str]) -> FigureClause:
    singular_verb = verb.group(1) in _SINGULAR_VERBS
    singular_figure = text[end - 1:end] in _SINGULAR_LAST and _SINGULAR_FIGURE.search(text, start, end) is not None
    return FigureClause(noun_end, verb.start(1), singular_verb <= singular_figure)


def is_verb_form(word: str) -> bool:
    """A verb, written in lower case: "Ahmed" and "Red" are names."""
    return word.islower() and (word in _VERB_FORMS or (
        word.endswith("ed") and len(word) >= 4 and word.isalpha() and word not in _NOT_VERBS_IN_ED))


def opens_clause(text: str, start: int) -> bool:
    """Whether the figure at ``start`` opens its clause after a conjunction: what came before is another
    clause's. Asked apart from ``figure_clause``, only where an event word stands before the figure."""
    return _OPENS_CLAUSE.search(text, start - 40, start) is not None  # ``re`` reads a negative start as 0


_SUBJECT_BEFORE = compile_kept(
    r"(?:^|[,;:(“\"]|(?<![\w’'-])(?:and|but|yet|so|that|while|whereas|although|though|after|when|because|since|before"
    r"|until|if))[^\S\n]*$", re.IGNORECASE)


def is_subject_at(text: str, position: int) -> bool:
    """Whether a noun phrase at ``position`` can be its clause's subject: it opens the sentence, or
    follows a conjunction, a punctuation mark or a verb of saying ("He said 30 of the 80 …"), not a
    verb or a preposition ("was one of 20 students killed", "used by one of the two people")."""
    if _SUBJECT_BEFORE.search(text, position - 12, position) is not None:  # a negative start is 0 to ``re``
        return True
    said = _LAST_WORD.search(text, position - 24, position)
    return said is not None and VERB.fullmatch(said.group(1)) is not None
