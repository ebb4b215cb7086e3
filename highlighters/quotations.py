"""Quotations and who the text says spoke them.

Pairing: one regex finds every double quote mark and every single mark that is not flanked by
letters on both sides (so Mali’s, didn’t, Jama’a are never candidates). The marks are paired
with a small stack, one paragraph (line) at a time:

* curly marks say which way they face; a straight ``"`` closes an open double quote, else opens;
* a single mark opens after a space, bracket, dash or double quote, and closes an open single
  quote when followed by a non-letter; otherwise it is an apostrophe (70s', troops’) and ignored;
* only outermost quotations are reported; a quote inside another is part of it;
* a quotation runs over several sentences but not past the end of its paragraph, unless the
  next paragraph opens with a double mark (the press convention for long quotes); an opening
  mark left unclosed is dropped, and complete quotations inside it are reported instead.

Speaker: the first of these that applies, read from the sentence around the quotation:
``“…,” X said`` / ``said X``; ``X said/noted/told AFP … “…”`` (the subject of the last
speech verb before the quote, not a passive "were said"); ``according to X`` before or after;
a name opening the sentence, with an apposition, right before the quote. He/she resolve to the most
recent person speaker (else a name opening, or after "by", one of the two sentences before),
they/it to the most recent non-person one. "Lucas Webber of Tech Against Terrorism" gives the
name alone; titles and organisations are kept as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from .sentences import split_sentences
from .spans import Quotation, Span

# Any double mark; a single mark unless a word character is on both sides (Mali’s, Jama’a).
# Written with a leading character class so the regex engine can skip ahead fast.
_MARK = re.compile(r"[“”„\"«»'‘’](?:(?<=[“”„\"«»])|(?<!\w.)|(?!\w))")
_REACH = 600  # how far from a quotation, in characters, its speaker is looked for
_DOUBLE_OPENERS = "“„«"
_DOUBLE_CLOSERS = "”»"
_OPEN_CONTEXT = " \t\n\r([{—–-/“\"«"
_ELISION = re.compile(r"\d\d(?:s\b|\b)")  # ’70s, '90
_LEADING_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_TERMINAL = re.compile(r"[.!?…]")
_HAS_WORD = re.compile(r"\w")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")

_FINITE = (
    r"said|says|say|told|tells|added|adds|noted|stated|acknowledged|acknowledges|"
    r"claimed|warned|warns|posited|posits|explained|explains|insisted|insists|declared|"
    r"declares|announced|announces|wrote|writes|asked|asks|replied|replies|reaffirmed|reaffirms|"
    r"stressed|stresses|argued|argues|suggested|suggests|confirmed|confirms|affirmed|affirms|"
    r"urged|urges|tweeted|observed|remarked|commented|emphasi[sz]ed|maintained|admitted|admits|"
    r"conceded|recalled|promised|pledged|vowed|alleged|concluded|reported|denounced|described|"
    r"called|continued|cautioned|pointed\s+out"
)
_PARTICIPLE = (
    r"saying|adding|noting|stating|claiming|warning|insisting|telling|declaring|describing|calling"
)
# Case-sensitive on purpose: "States" in "the United States" is not a verb.
_SPEECH_VERB = re.compile(rf"(?<![\w-])(?:(?P<finite>{_FINITE})|(?P<ing>{_PARTICIPLE}))\b")
_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|de|al|bin|ibn)){0,5}"
_SUBJECT = (
    rf"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|(?:[Tt]he|[Aa]n?)(?:\s+[\w’'.-]+){{1,5}}?|{_NAME})"
)
# Right after the closing mark: “…,” Webber said / “…,” Webber, an analyst, said / said Webber.
_TAG_AFTER = re.compile(
    rf"[^\S\n]*,?[^\S\n]*(?:(?P<verb_first>{_FINITE})[^\S\n]+(?P<late>[^,.;:!?“”\"\n]{{1,80}})"
    rf"|(?P<early>{_SUBJECT})(?:,[^,“”\"\n]{{1,80}},)?[^\S\n]+(?:also[^\S\n]+|later[^\S\n]+)?"
    rf"(?:{_FINITE})\b)"
)
_TAG_END = re.compile(r"[^\S\n]*(?:[.!?]|$)")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,;:“”\"\n]+)", re.I)
# A name opening the sentence, maybe with an apposition, right before the quote.
_OPENING_NAME = re.compile(
    r"\s*(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,4})\s*(?:,[^,“”\"]*,)?\s*"
)
_OPENING_PRONOUN = re.compile(r"\s*(?P<name>He|She|They)\b")
_PERSON_MENTION = re.compile(
    r"(?:^\s*|\bby\s+|\baccording\s+to\s+)(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,3})"
)

_LAST_SEPARATOR = re.compile(r".*[,;:“”\"()—–]\s*", re.S)
_LAST_CONJUNCTION = re.compile(
    r".*\b(?:that|but|while|because|whereas"
    r"|and(?=\s+(?:the|a|an|his|her|its|their|he|she|they)\b))\s+",
    re.S | re.I,
)
_CUT = re.compile(
    r",|\s[-–—]\s|\(|\s(?:who|which|that|when|while|as|after|before|on|in|at|during|late|early|"
    r"earlier|later|last|this|yesterday|today|via)\b"
)
_LEADING_JUNK = re.compile(r"^(?:and|but|while|as|so|then)\s+", re.I)
# "Lucas Webber of Tech Against Terrorism": the name, then where the person works.
_NAME_OF_ORGANISATION = re.compile(
    r"(?P<head>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})\s+(?:of|from|at|with)\s"
)
_DOCUMENT = re.compile(
    r"(?:a|an|the|his|her|its|their)\s+(?:\w+\s+)?(?:statement|communiqu[ée]|release|report|post|"
    r"video|message|tweet|letter|document|speech|interview|transcript|recording|announcement)\b"
    r"(?:\s+(?:by|from|of)\s+(?P<author>.+)|\s+(?P<pronoun>he|she|they|it)\s+\w+)?",
    re.I,
)

_PASSIVE = frozenset("was were is are be been being".split())
_AUXILIARY = frozenset(
    "has have had will would could should may might must did does do also later earlier then "
    "further previously recently again repeatedly publicly openly firmly once already not "
    "reportedly allegedly".split()
)
_PRONOUNS = frozenset("he she they it we i".split())
_DETERMINERS = frozenset("the a an his her its their".split())
_ROLE_WORDS = frozenset(
    "chief head minister ministry president director secretary spokesman spokeswoman spokesperson "
    "commander general chairman chairwoman community union commission council army office "
    "department embassy government group institute foundation centre center agency bank "
    "organization organisation nations states court party front movement forces staff alliance "
    "committee board university police republic".split()
)


def find_quotations(text: str, sentences: list[Span] | None = None) -> list[Quotation]:
    """Every outermost quotation in ``text``, in order, with its speaker where the text says."""
    if sentences is None:
        sentences = split_sentences(text)
    starts = [start for start, _ in sentences]
    recent: list[tuple[int, str, bool]] = []  # (sentence index, speaker, looks like a person)
    quotations = []
    for start, end in _pair_quote_marks(text):
        index = bisect_right(starts, start) - 1
        speaker = None
        for phrase in _speaker_phrases(text, start, end, sentences, starts, index):
            speaker = _resolve(text, phrase, index, sentences, recent)
            if speaker is not None:
                recent.append((index, speaker, _looks_like_person(speaker)))
                break
        inner = text[start + 1:end - 1]
        scare = len(_WORD.findall(inner)) <= 2 and not _TERMINAL.search(inner)
        quotations.append(Quotation(start, end, speaker, scare=scare))
    return quotations


# --- pairing ---------------------------------------------------------------------------------


class _Open:
    """An opening mark still waiting for its close, and the complete quotes found inside it."""

    __slots__ = ("kind", "start", "inner")

    def __init__(self, kind: str, start: int) -> None:
        self.kind, self.start, self.inner = kind, start, []


def _pair_quote_marks(text: str) -> list[Span]:
    """The spans of the outermost quotations, marks included, in order."""
    found: list[Span] = []
    stack: list[_Open] = []
    paragraph_end = None  # index of the newline ending the current paragraph, -1 for the last
    for match in _MARK.finditer(text):
        i = match.start()
        mark = text[i]
        if paragraph_end is None or -1 < paragraph_end < i:
            if stack and paragraph_end is not None and _continues(text, paragraph_end, i, stack):
                while len(stack) > 1:
                    stack[-2].inner.extend(stack.pop().inner)
                paragraph_end = text.find("\n", i)
                continue
            _drop(stack, len(stack), found)
            paragraph_end = text.find("\n", i)
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if mark in _DOUBLE_OPENERS:
            stack.append(_Open("double", i))
        elif mark in _DOUBLE_CLOSERS:
            _close(text, stack, "double", i + 1, found)
        elif mark == '"':
            if not _close(text, stack, "double", i + 1, found) and not after.isspace():
                stack.append(_Open("double", i))
        elif mark in "’'" and stack and stack[-1].kind == "single" and (
            not before.isspace() and not after.isalnum()
        ):
            _close(text, stack, "single", i + 1, found)
        elif mark in "‘'" and before in _OPEN_CONTEXT and (
            not after.isspace() and not _ELISION.match(text, i + 1)
        ):
            stack.append(_Open("single", i))
    _drop(stack, len(stack), found)
    found.sort()
    return found


def _continues(text: str, paragraph_end: int, mark_at: int, stack: list[_Open]) -> bool:
    """A double quote left open at a paragraph end goes on if the next paragraph opens with one."""
    next_start = _LEADING_SPACE.match(text, paragraph_end).end()
    opens_double = text[mark_at] in _DOUBLE_OPENERS or text[mark_at] == '"'
    return stack[0].kind == "double" and mark_at == next_start and opens_double


def _close(text: str, stack: list[_Open], kind: str, end: int, found: list[Span]) -> bool:
    """Close the innermost open quote of ``kind``; unclosed quotes inside it are dropped."""
    depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].kind == kind), None)
    if depth is None:
        return False
    _drop(stack, len(stack) - depth - 1, found)
    opened = stack.pop()
    inner = text[opened.start + 1:end - 1].strip()
    if _HAS_WORD.search(inner) and (kind == "double" or len(inner) > 1):  # not rock 'n' roll
        (stack[-1].inner if stack else found).append((opened.start, end))
    return True


def _drop(stack: list[_Open], count: int, found: list[Span]) -> None:
    """Forget the ``count`` innermost open quotes, keeping the complete quotes found inside them."""
    for _ in range(count):
        dropped = stack.pop()
        (stack[-1].inner if stack else found).extend(dropped.inner)


# --- speakers --------------------------------------------------------------------------------


def _speaker_phrases(
    text: str, start: int, end: int, sentences: list[Span], starts: list[int], index: int
) -> Iterator[str | None]:
    """Phrases that may name the speaker of the quotation at ``start:end``, likeliest first."""
    line_break = text.rfind("\n", max(0, start - _REACH), start)
    paragraph_start = line_break + 1 if line_break >= 0 else max(0, start - _REACH)
    line_break = text.find("\n", end, end + _REACH)
    paragraph_end = line_break if line_break >= 0 else min(len(text), end + _REACH)
    sentence_start = sentences[index][0] if index >= 0 else paragraph_start
    before = text[max(sentence_start, paragraph_start):start]
    last = bisect_right(starts, end - 1) - 1
    sentence_end = sentences[last][1] if last >= 0 and sentences[last][1] > end else end
    after = text[end:min(sentence_end, paragraph_end)]

    tagged = text[end:min(end + 200, paragraph_end)]
    tag = _TAG_AFTER.match(tagged)
    # “… beforehand.” Webber said. -- but not “… this.” The army said “…”
    if tag and (text[end - 2] not in ".!?…" or _TAG_END.match(tagged, tag.end())):
        yield _clean(tag.group("late") or tag.group("early"))
    finite = [verb for verb in _SPEECH_VERB.finditer(before) if verb.group("finite")]
    if finite:
        yield _subject_before(before[:finite[-1].start()])
    in_before = list(_ACCORDING.finditer(before))
    according = in_before[-1] if in_before else _ACCORDING.search(after)
    if according:
        yield _clean(according.group("who"))
    opening = _OPENING_PRONOUN.match(before) or _OPENING_NAME.fullmatch(before)
    if opening and sentence_start >= paragraph_start:
        yield _clean(opening.group("name"))


def _subject_before(region: str) -> str | None:
    """The subject of a verb, given the text before it; None for a passive ("were said")."""
    region = region.rstrip()
    while region:
        head, _, word = region.rpartition(" ")
        lowered = word.lower()
        if lowered in _PASSIVE:
            return None
        if lowered not in _AUXILIARY:
            break
        region = head.rstrip()
    if region.endswith(","):  # an apposition: "X, director at Y, said"
        region = region[:-1]
        region = region[:region.rfind(",")] if "," in region else region
    separator = _LAST_SEPARATOR.match(region)
    region = region[separator.end():] if separator else region
    conjunction = _LAST_CONJUNCTION.match(region)
    region = region[conjunction.end():] if conjunction else region
    return _clean(region)


def _clean(phrase: str | None) -> str | None:
    """Trim a speaker phrase to the name, role or body it names; None if it names nothing."""
    if not phrase:
        return None
    phrase = _LEADING_JUNK.sub("", phrase.strip(" \t\n,.;:—–-\"“”‘’'()"))
    document = _DOCUMENT.match(phrase)
    if document:
        if document.group("pronoun"):
            return document.group("pronoun")
        return _clean(document.group("author")) if document.group("author") else None
    cut = _CUT.search(phrase)
    if cut:
        phrase = phrase[:cut.start()].rstrip()
    named = _NAME_OF_ORGANISATION.match(phrase)
    head = named.group("head") if named else ""
    if head and not _has_role_word(head) and head.split()[0].lower() not in _DETERMINERS:
        phrase = head  # a person, not "The Economic Community of ..." nor "Army Chief of Staff"
    words = phrase.split()
    if not words or len(words) > 10 or not _LETTER.search(phrase):
        return None
    if not (phrase[0].isupper() or words[0].lower() in _DETERMINERS | _PRONOUNS):
        return None
    return phrase


def _has_role_word(phrase: str) -> bool:
    return any(word.lower() in _ROLE_WORDS for word in _LATIN_WORD.findall(phrase))


def _looks_like_person(speaker: str) -> bool:
    """Ends in a name ("Lucas Webber", "Guterres"), not a body ("the general staff", "JNIM")."""
    return all(
        word[:1].isupper() and not word.isupper() and word.lower() not in _ROLE_WORDS
        for word in speaker.split()[-2:]
    )


def _resolve(text: str, phrase: str | None, index: int, sentences: list[Span],
             recent: list[tuple[int, str, bool]]) -> str | None:
    """Replace a pronoun by the speaker it most plausibly stands for, where that is plain."""
    if phrase is None or phrase.lower() not in _PRONOUNS:
        return phrase
    lowered = phrase.lower()
    if lowered in ("we", "i"):
        return None
    wants_person = lowered in ("he", "she")
    for spoken_in, speaker, person in reversed(recent):
        if index - spoken_in > 3:
            break
        if person == wants_person:
            return speaker
    if wants_person:
        for previous in range(index - 1, max(index - 3, -1), -1):
            start, end = sentences[previous]
            mention = _PERSON_MENTION.search(text[start:end])
            if mention and not _has_role_word(mention.group("name")):
                return _clean(mention.group("name"))
    return None
