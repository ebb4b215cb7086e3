"""Noun phrases around a reporting verb: the subject before it, the speaker after it, appositions.

Read with small patterns and a few word lists rather than a parser: a subject is the last stretch
between commas before its verb, past "has also" and the like ("X, a doctor at Y, said" keeps its
apposition; "When asked why, Sembler responded" passes over the opening phrase); a noun phrase
read forwards ends at a comma, a preposition or a verb ("said Cornell Belcher, a pollster").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .trie import behind_first_letters, word_alternatives
from .words import ALL_VERBS, IRREGULAR_PAST, TITLE_SET, is_adverb, is_verb
from .kept_patterns import compile_kept

_PASSIVE = frozenset("was were is are be been being".split())
_BEFORE_VERB = frozenset(
    "has have had will would could should may might must did does do also later earlier then "
    "further previously recently again repeatedly publicly openly firmly once already not never "
    "reportedly allegedly often always simply just still only even flatly quickly now".split()
)
"""Words between a subject and its verb: "Webber has also said"."""
_CONJUNCTIONS = "that but because while whereas although though when after before since if as so where and or what"
_PREPOSITIONS = "in at on during of for from with by under through"
_BOUNDARY_WORDS = [*_CONJUNCTIONS.split(), *_PREPOSITIONS.split()]
_FIRST_LETTERS = "".join(sorted({word[0] for word in _BOUNDARY_WORDS} | {word[0].upper() for word in _BOUNDARY_WORDS}))
_WHICH_AFTER = dict.fromkeys(_PREPOSITIONS.split(), r"\s+(?:which|whom)")
"""A preposition ends a clause before "which" or "whom": "a rally at which X said"."""
_CASE_BLIND_TWINS = "İıſ"
"""Letters that match a first letter of the words only without regard to case (İ and ı as i, ſ as s)."""
BOUNDARY = compile_kept(
    rf"[;:“”\"«»\[\]—–]|''|\s[-–—]+\s|[{_FIRST_LETTERS}{_CASE_BLIND_TWINS}](?<!\w.)"
    rf"(?i:{behind_first_letters(_BOUNDARY_WORDS, _WHICH_AFTER)})\b"
)
"""Where a clause ends. ``_LAST_BOUNDARY`` tries it at every place from the end of a stretch back
to its last boundary, so it is written to fail fast: every alternative opens with a character or a
class, which ``re`` tests without entering it. A word is one of the class of first letters, not
after a letter (the ``\\b`` before it), then its letter's trie (``trie``) behind a look back at
that letter; only the words are compared without regard to case. A third less time than the words
behind one ``\\b``, which ``re`` entered at every place (``tests/test_fast_speech_patterns.py``)."""
DETERMINERS = frozenset(
    "the a an another one some his her its their our my this that these those each both many "
    "several two three four other any no every".split()
)
_LAST_BOUNDARY = compile_kept(rf"(?s:.*)(?:{BOUNDARY.pattern})")
"""Matched from a stretch's start, it ends where the last clause boundary of the stretch ends."""
_COORDINATED = compile_kept(r"\b(?:and|but|or|then)\s*$", re.I)
_COORDINATION_ENDS = ("d", "D", "t", "T", "r", "R", "n", "N")
"""The last letters of those words: a stretch ending otherwise is not searched."""
_SUBJECT_REACH = 120
"""How far before its verb a subject without an apposition can start, in characters."""
_CUTS = (",", "—", " - ", " – ")
"""What ends the stretch of a sentence that holds a verb's subject."""
INTRO_WORDS = frozenset(
    "on in at after before when while as asked speaking late early earlier later last this "
    "yesterday today however meanwhile still but and so then also now instead reached writing "
    "responding during for from with by of to under over since until unlike like despite "
    "following amid among according separately similarly moreover nevertheless indeed there "
    "here once if although though because perhaps specifically finally first second third "
    "likewise additionally overall otherwise again anyway nonetheless besides furthermore "
    "ultimately currently recently initially already thus hence therefore".split()
)
"""Words that open an adverbial phrase before a subject ("On Tuesday, ...", "When asked why, ...")."""
NOT_A_SUBJECT = frozenset(
    "and but or nor so yet then would will could should can may might must is was were are be been "
    "has have had do does did to in on at for of with by from as that which who whom when while if "
    "because not also just there here this these those its than it’s it's that’s that's there’s there's "
    "given suffice despite although though since after before during until unless whether about into over "
    "through against among".split()
)
"""Words a speaker's name or description never starts with ("but said", "would be appropriate", "Given his
past comments …, it’s safe to say", "suffice it to say")."""
_NEGATED = ("n’t", "n't")
"""Verbs with "not" joined on end a noun phrase: "Weaver didn’t seem"."""
_IMPERSONAL_SUBJECTS = frozenset(("it", "there"))
"""Subjects that name no speaker: a clause they open has no speaker in an opening phrase before them either
("that", "this" may open a clause as a conjunction or a determiner: "told Fox News, that “…”")."""
_PRONOUN_AT_END = compile_kept(r"(?<![\w’'-])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)$")
"""A subject pronoun right before the verb is the whole subject: what comes before it belongs to another clause."""
_PRONOUN_LAST_LETTERS = ("e", "y", "I", "\n")
"""What the text before a pronoun's ``$`` ends with: the last letter of he, she, they, we or I, or the line end ``$``
stands before; a stretch that ends otherwise is not searched."""
_APOSTROPHE = compile_kept(r"[’']")
"""What joins a word to its contraction: "there’s" opens its clause as "there" does."""
_STOP = frozenset(
    "in on at for from with during after before when while as who whom whose which that to via "
    "because and but or than about last yesterday today tomorrow late early earlier later according "
    "monday tuesday wednesday thursday friday saturday sunday into through over near is was were are "
    "has have had will would can could should may might must did does do also just recently then "
    "not never often again always already soon still".split()
)
"""Words that end a noun phrase read forwards."""
TOKEN = compile_kept(r"[\w’'&.$-]*[\w’']\.?|\w")
_COMMA_OR_DASH = compile_kept(r",|\s[-–—]+\s|—")
_RELATIVE = compile_kept(r"\s(?:who|whom|whose|which)\b")
_RELATIVE_OPENS = compile_kept(r"[^\S\n]*(?:who|whom|whose|which)\b")
LEADING_COMMA = compile_kept(r"[^\S\n]*,?[^\S\n]*")
_PLACE_TAIL = compile_kept(
    r"^(?:\s+(?:in|from|at|of|for|with|near|on)\s+(?:(?:the|a|an|his|her|its|their)\s+)?"
    r"(?:[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*)*|[a-z][\w’'-]*))+")
"""Where a person is from or works, after their name or role: "one woman in Qeshm"."""
_NAMED = compile_kept(r"(?<![\w’'-])[A-Z][\w’'.-]*[^\S\n]+(?:[A-Z]\.[^\S\n]+)?[A-Z][\w’'-]*")
"""Two capitalised words in a row: a name ("Gov. John Kasich", "Giovanni Maria Vian")."""
_NOT_A_HEAD = frozenset(
    "who which whose monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december".split()
)
_LOWER_WORD = compile_kept(r"[^\S\n]+[a-z]")
_NAME_AFTER_CONJUNCTION = compile_kept(r"\s*(?:as|while|when|but|and|though|although|because|since|if)\s+[A-Z]", re.I)
PARENTHESIS = compile_kept(r"\s*\([^()]{1,40}\)")


class Mention(NamedTuple):
    """The words that name a speaker: ``text[start:end]``, the apposition included."""

    start: int
    end: int
    head_end: int
    """Where the head ends; after it, up to ``end``, comes the apposition."""


_new_tuple = tuple.__new__
"""What ``Mention(start, end, head_end)`` calls, without the Python function ``NamedTuple`` puts before it:
``phrase`` makes one for each speaker and subject read."""


def clause_subject(text: str, start: int, end: int) -> Mention | None:
    """The subject of the clause ``text[start:end]``, past any opening phrase ("On Tuesday, X ...").

    The clause's last comma-free stretch holds its verb: it opens with the subject ("Mr. Christie
    gloated"), or with the verb after an apposition ("O'Malley, who ..., interjected to say"), and
    then the subject is the first stretch that is not an opening phrase or an apposition.
    """
    segments = _segments(text, start, end)
    if not segments:
        return None
    last_start, last_end = segments[-1]
    first = _first_word(text, last_start, last_end)
    while first is not None and first.group().lower() in ("and", "but", "so", "then", "yet", "also"):
        first = _first_word(text, first.end(), last_end)
    if first is not None and _APOSTROPHE.split(first.group().lower(), 1)[0] in _IMPERSONAL_SUBJECTS:
        return None  # "Wait, it gets better:", "Each cycle, there’s a threat:": no one, and "Wait" no subject
    heads = [s for s in segments[:-1] if not _is_intro_segment(text, *s)]
    verb_first = first is not None and (is_verb(first.group()) or first.group().lower() in NOT_A_SUBJECT)
    if first is not None and not verb_first and first.group().lower() not in INTRO_WORDS and not (
            heads and first.group()[0].islower() and first.group().lower() not in DETERMINERS):
        return valid(text, noun_phrase_at(text, first.start(), last_end))
    if not heads:
        return None
    head = noun_phrase_at(text, heads[0][0], heads[0][1])
    if head is None or len(heads) == 1:
        return valid(text, head)
    return valid(text, phrase(text, head.start, heads[-1][1], head_end=head.end))


def subject_before(text: str, start: int, verb_start: int, apposition_first: bool = False) -> Mention | None:
    """The subject of the verb at ``verb_start``, read back to ``start``; None for a passive.

    ``apposition_first``: the clause opens with the subject (a tag after a quotation), so a
    subject followed by commas is a head with its apposition ("X, a doctor at Y, said").
    """
    end = subject_end(text, start, verb_start)
    if end is None:
        return None
    if apposition_first:
        return head_and_apposition(text, start, end)
    pronoun = _PRONOUN_AT_END.search(text, end - 5 if end - 5 > start else start, end) \
        if text[end - 1:end] in _PRONOUN_LAST_LETTERS else None
    if pronoun is not None and text[start:pronoun.start()].strip():
        return phrase(text, pronoun.start(), end)  # "South Carolina, he said, was", "since 2008 she has told"
    window = end - 6 if end - 6 > start else start
    coordinated = text[window:end].rstrip()[-1:] in _COORDINATION_ENDS and _COORDINATED.search(text, window, end)
    if coordinated:  # "X lives in Y and wrote": the first verb's subject
        return clause_subject(text, start, coordinated.start())
    if text[end - 1:end] == ",":
        return _subject_with_apposition(text, start, end)
    # the subject lies in the last stretch between commas, after its last clause boundary
    stretch = end - _SUBJECT_REACH if end - _SUBJECT_REACH > start else start
    for cut in _CUTS:
        found = text.rfind(cut, start, end)
        if found >= 0:
            stretch = found + len(cut) if found + len(cut) > stretch else stretch
    last = _LAST_BOUNDARY.match(text, stretch, end)
    return phrase(text, last.end() if last else stretch, end)


def _subject_with_apposition(text: str, start: int, end: int) -> Mention | None:
    """The subject in "X, a doctor at Y, said" / "On Monday, X (R-Ohio), said".

    After the last clause boundary when a plain noun phrase opens what follows it ("..., while Mike
    Huckabee, the former governor, proposed"); else the first stretch between commas that is a
    name, or failing one the first that is no opening phrase ("Clinton, who called Sanders after
    the winner was declared, told"); what follows the subject is its apposition.
    """
    last = _LAST_BOUNDARY.match(text, start, end)
    boundary = last.end() if last else start
    if last and _RELATIVE_OPENS.match(text, text.rfind(",", start, boundary) + 1, boundary):
        boundary = start  # "Zimmerman, who identifies as Hispanic, told": a word inside the relative clause
    pieces = _segments(text, boundary, end)
    opening = [_is_intro_segment(text, *s) for s in pieces]
    after = [s for s, opens in zip(pieces, opening) if not opens]
    if after and _plain_noun_phrase(text, *after[0]):
        segments = after
    else:
        if boundary != start:  # else the stretches between commas are those read already
            pieces = _segments(text, start, end)
            opening = [_is_intro_segment(text, *s) for s in pieces]
        segments = [s for s, opens in zip(pieces, opening) if not opens or _NAME_AFTER_CONJUNCTION.match(text, s[0])]
    if not segments:
        return None
    head_start, head_end = next((s for s in segments if _NAMED.search(text, *s)), segments[0])
    for match in BOUNDARY.finditer(text, head_start, head_end):
        head_start = match.end()
    head = phrase(text, head_start, head_end)
    return phrase(text, head.start, segments[-1][1], head_end=head.end) if head else None


def _plain_noun_phrase(text: str, start: int, end: int) -> bool:
    """A stretch that is one noun phrase and nothing more ("Mike Huckabee", "the winner" but not
    "the winner was declared")."""
    found = noun_phrase_at(text, LEADING_COMMA.match(text, start, end).end(), end)
    rest = text[found.end:end] if found is not None else ""
    return found is not None and not (PARENTHESIS.sub("", rest) if "(" in rest else rest).strip(" .")


def head_and_apposition(text: str, start: int, end: int) -> Mention | None:
    """``X`` or ``X, a doctor at Y,`` filling ``text[start:end]``: the subject right after a quote."""
    segments = _segments(text, start, end)
    if not segments:
        return None
    head_start, head_end = segments[0]
    head = noun_phrase_at(text, head_start, head_end)
    if head is None or BOUNDARY.search(text, head_start, head.end) or _is_intro_segment(text, *head[:2]):
        return None
    rest = text[head.end:head_end]  # most heads fill their stretch: nothing is left to take out
    if "(" in rest:
        rest = PARENTHESIS.sub("", rest)
    if rest[:1].isspace():  # where a place tail can open (``^\\s+``)
        rest = _PLACE_TAIL.sub("", rest)
    rest = rest.strip(" .")
    if rest.startswith("and "):  # "the senator and Democratic candidate"
        more = noun_phrase_at(text, text.find(rest, head.end) + 4, head_end)
        if more is not None and not text[more.end:head_end].strip(" ."):
            head, rest = Mention(head.start, more.end, more.end), ""
    if rest and len(segments) == 1 and _RELATIVE_OPENS.match(rest):  # "a witness who gave his name as Ahmed told"
        return head
    if rest:
        return None
    return phrase(text, head.start, segments[-1][1], head_end=head.end)


def noun_phrase_at(text: str, start: int, limit: int) -> Mention | None:
    """The noun phrase that starts at ``start``: words up to a comma, a preposition or a verb."""
    end = start
    count = 0
    for token in TOKEN.finditer(text, start, limit):
        token_start, token_end = token.span()
        if count and not (token_start == end + 1 and text[end] == " "):  # most words: one space before
            gap = text[end:token_start]
            if gap.strip() or "\n" in gap:
                break
        word = token.group()
        lowered = word.lower().rstrip(".")
        if lowered == "of" and count and _capital_follows(text, token_end):
            pass
        elif lowered in _STOP or lowered.endswith(_NEGATED) or (count and (is_verb(word) or is_adverb(word))):
            break
        ends_sentence = word[-1] == "." and not keeps_dot(word)  # a token is never empty
        end = token_end - 1 if ends_sentence else token_end
        count += 1
        if count > 10 or ends_sentence:
            break
    return phrase(text, start, end) if count else None


_INVERTED_VERB = compile_kept(r"(?:Said|Says|Added|Adds|Asked|Asks|Wrote|Writes)[^\S\n]+(?=[A-Z])")
"""A reporting verb opening its sentence before the speaker, in the inverted order of news English."""
_INVERTED_VERB_FIRST_LETTERS = ("S", "A", "W")
"""The first letters of those verbs: a phrase that opens with another is not matched."""


def phrase(text: str, start: int, end: int, head_end: int | None = None) -> Mention | None:
    """A mention of ``text[start:end]`` trimmed of spaces, punctuation and a relative clause."""
    while start < end and not text[start].isalnum():
        start += 1
    verb = _INVERTED_VERB.match(text, start, end) if text[start:start + 1] in _INVERTED_VERB_FIRST_LETTERS else None
    if verb is not None:
        start = verb.end()  # "Said Dorothy Poynter, who grew up with him, “…”": the name after the verb
    relative = _RELATIVE.search(text, start, end) if text.find("wh", start, end) >= 0 else None
    if relative:
        end = relative.start()
    while end > start and text[end - 1] in " \t\n,;:—–-\"“”‘’'()" and not (
            text[end - 1] == ")" and "(" in text[start:end]):
        end -= 1
    if end <= start:
        return None
    head_end = end if head_end is None or head_end > end else head_end
    while head_end > start and text[head_end - 1] in " ,":
        head_end -= 1
    return _new_tuple(Mention, (start, end, head_end))


_PARTICIPLE_LINKS = frozenset({"to", "by", "with", "from", "into", "out", "up", "off", "on", "in", "at", "as", "for"})
"""Words that follow a verb's participle and never the adjective before a noun: "forced to", "killed by"."""


def valid(text: str, mention: Mention | None) -> Mention | None:
    """The mention, if it can name a speaker: a few words, not opening on a verb or a conjunction."""
    if mention is None:
        return None
    words = text[mention.start:mention.head_end].split()
    first = words[0] if words else ""
    if not words or len(words) > 12 or first.lower() in NOT_A_SUBJECT or first in IRREGULAR_PAST or (
            first.endswith("ed") and first.islower() and len(words) == 1) or is_adverb(first):
        return None  # "but said", "would be appropriate", "went", "matter-of-factly" (but "retired Army Lt. Gen. X")
    if len(words) > 1 and first.endswith("ing") and not words[1][0].isupper():
        return None  # "Boasting 108,000 residents, …": a participle's phrase ("Manning said", "Irving Kristol" are names)
    if len(words) > 1 and first.endswith("ed") and first.islower() and words[1] in _PARTICIPLE_LINKS:
        return None  # "when forced to defend not paying an architect who said": a participle's phrase ("armed men said")
    if not ALL_VERBS.isdisjoint(words):
        return None
    return mention


def keeps_dot(word: str) -> bool:
    """Whether a final dot belongs to the word (Mr., Lt., J., U.S.) rather than ending a sentence."""
    bare = word[:-1]
    return bare in TITLE_SET or (len(bare) == 1 and bare.isupper()) or "." in bare


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at commas and spaced dashes, empty pieces left out. Most stretches hold
    no dash: their commas are found with ``str.find``, quicker than ``re`` trying each place."""
    segments = []
    position = start
    if text.find("-", start, end) < 0 and text.find("–", start, end) < 0 and text.find("—", start, end) < 0:
        comma = text.find(",", start, end)
        while comma >= 0:
            if text[position:comma].strip():
                segments.append((position, comma))
            position = comma + 1
            comma = text.find(",", position, end)
    else:
        for match in _COMMA_OR_DASH.finditer(text, start, end):
            if text[position:match.start()].strip():
                segments.append((position, match.start()))
            position = match.end()
    if text[position:end].strip():
        segments.append((position, end))
    return segments


def _first_word(text: str, start: int, end: int) -> re.Match[str] | None:
    return TOKEN.search(text, start, end)


def _is_intro(word: str) -> bool:
    """A word that opens a phrase before a subject: "On", "When", "Reluctantly", "2015"."""
    lowered = word.lower().rstrip(".")
    return lowered in INTRO_WORDS or word[0].isdigit() or (len(lowered) > 5 and is_adverb(lowered))


_DATELINE = compile_kept(r"[A-Z][A-Z.'’-]+(?:[^\S\n][A-Z][A-Z.'’-]+)*(?:[^\S\n]*\([A-Za-z]+\))?[^\S\n]*")
"""A dateline opening a paragraph: the place in capitals, and the agency ("WASHINGTON (AP)", "SAN JUAN")."""


def _is_intro_segment(text: str, start: int, end: int) -> bool:
    """An opening phrase ("On Tuesday", "Speaking to Iowans"), or an apposition that cannot be a
    head ("who ...", "48")."""
    first = _first_word(text, start, end)
    if first is None:
        return True
    if text[start - 1:start] in ("", "\n") and _DATELINE.fullmatch(text, start, end):
        return True  # "WASHINGTON — Sen. X on Wednesday downplayed … and said": the dateline is where, not who
    word = first.group().lower()
    return _is_intro(word) or word in _NOT_A_HEAD or (word.endswith("ing") and len(word) > 5 and (
        first.group().islower() or _LOWER_WORD.match(text, first.end(), end) is not None))


def subject_end(text: str, start: int, verb_start: int) -> int | None:
    r"""Where the subject before a verb ends, past "has also" and the like; None for a passive.

    Each word before it is the last word of the 40 characters before, if it starts there: what a
    search for ``(?<!\S)(\S+)\s*$`` would find, read from the end with ``str`` methods rather than
    tried at every position of the stretch."""
    end = verb_start
    while True:
        window = end - 40 if end - 40 > start else start
        stretch = text[window:end].rstrip()
        written = stretch.rsplit(None, 1)[-1] if stretch else ""
        word_end = window + len(stretch)
        word_start = word_end - len(written)
        if not stretch or (word_start == window and window > 0 and not text[window - 1].isspace()):
            # no word, or one that began before the stretch
            return None if not text[start:end].strip() else start + len(text[start:end].rstrip())
        word = written.lower()
        if word in _PASSIVE:
            return None
        if word in _BEFORE_VERB or is_adverb(written):
            end = word_start
            if end <= start:
                return None
            continue
        return word_end


def _capital_follows(text: str, position: int) -> bool:
    return position + 1 < len(text) and text[position + 1].isupper()
