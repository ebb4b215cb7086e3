"""Quotations and who the text says spoke them.

Marks are paired by ``quote_marks``. Each quoted passage then gets its speaker in three steps:

1. Its own tag (``speech``): ``“…,” X said`` / ``said X`` after it, or a clause closing its
   sentence (``“…” would be right, X said``); the subject of the last reporting verb before it in
   its sentence (``X told reporters: “…”``, ``X said that “…”``, a participle's clause); a clause
   or a headline ending on a colon; a source in brackets after it or signed on the line below;
   ``according to X``; else the person its sentence is about, when the sentence names one and no
   passive says it is nobody's (``X, the chairman, “firmly condemned” …``).
2. Else the speaker of the quotation it goes on with: the paragraph it continues (press
   convention), a quotation of the same paragraph (``“…,” X said. “…”``), a sentence just before
   that introduces it (``X said:``, ``X said in a statement.``), or a paragraph about a named
   person that it opens after.
3. The words found are resolved (``names``): a pronoun to the person its sentence is about or
   the nearest fitting person named before, a role ("the doctor") to the name the report gave its
   holder, a short name ("Mr. Kiir") to the fullest one. ``speaker`` is that name;
   ``speaker_text`` and its offsets are the words the text used.

Page names and titles (``the survey's “Did you feel it?” site``) are marked ``name`` and take no
speaker (the story makes no claim of them: two reports naming one page do not quote anyone); scare quotes
(two words or fewer, no full stop) take one only from a tag of their own, never from a
neighbouring quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import phrases, speech
from .names import People, Person, document_author
from .phrases import Mention
from .quote_marks import Passage, pair_quote_marks
from .sentences import split_sentences
from .spans import Quotation, Span
from .words import verbs_in
from .kept_patterns import compile_kept

_NAME_BEFORE = compile_kept(r"(?:\b(?:the|a|an|its|his|her|their)|\w[’']s)[^\S\n]$", re.I)
_NOUN_AFTER = compile_kept(
    r"[^\S\n]+(?:site|page|website|web\s+page|survey|program|programme|show|series|segment|column|"
    r"section|feature|tool|app|campaign|slogan|hashtag|song|album|book|film|movie|documentary|"
    r"banner|sign|motto|initiative|operation|map|form|button|tab|link)s?\b")
"""Nouns of named things: a quotation right before one is its name ("the “Did you feel it?” site")."""


def find_quotations(text: str, sentences: list[Span] | None = None) -> list[Quotation]:
    """Every quotation in ``text``, in order, with its speaker where the text says."""
    passages = pair_quote_marks(text)
    if not passages:
        return []
    if sentences is None:
        sentences = split_sentences(text)
    scares = [_is_scare(text, passage) for passage in passages]
    places = _Places(text, passages, sentences, scares)
    people = People(text, [(passage.start, passage.end) for passage in passages])
    names = [_is_name(text, passage) for passage in passages]
    mentions = [None if names[index] else _own_mention(text, passages, index, places, people)
                for index, passage in enumerate(passages)]
    _inherit(text, passages, mentions, places, scares, people)
    recent: list[tuple[int, Person]] = []
    resolved: dict[Mention, Person | None] = {}  # a mention shared by a quotation and its continuations
    quotations = []
    for index, (passage, mention) in enumerate(zip(passages, mentions)):
        if mention is not None and mention not in resolved:
            sentence = places.sentence_of(mention.start)
            resolved[mention] = _resolve(people, mention, recent, places.sentences[sentence][0] if sentence >= 0 else 0)
            if resolved[mention] is not None:
                recent.append((mention.start, resolved[mention]))
        speaker = resolved[mention] if mention is not None else None
        quotations.append(Quotation(
            passage.start, passage.end, " ".join(speaker.name.split()) if speaker else None,  # "Amadou  Diallo": one space
            scare=scares[index], name=names[index],
            speaker_text=text[mention.start:mention.end] if speaker else None,
            speaker_start=mention.start if speaker else None, speaker_end=mention.end if speaker else None,
        ))
    return quotations


class _Places:
    """Where each passage sits: its line, the next passage after it, the sentences around it."""

    __slots__ = ("sentences", "starts", "line_starts", "line_ends", "next_starts")

    def __init__(self, text: str, passages: list[Passage], sentences: list[Span], scares: list[bool]) -> None:
        self.sentences = sentences
        self.starts = [start for start, _ in sentences]
        self.line_starts, self.line_ends = _line_bounds(text, passages)
        self.next_starts = [0] * len(passages)
        following = len(text)
        for index in range(len(passages) - 1, -1, -1):
            self.next_starts[index] = following
            if not passages[index].nested and not scares[index]:
                following = passages[index].start  # a tag may hold a scare quote: “…,” X, in “Cruz” pins, said

    def sentence_of(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1


def _line_bounds(text: str, passages: list[Passage]) -> tuple[list[int], list[int]]:
    """Where each passage's line starts and where its last line ends. Passages come in order of their
    starts (``pair_quote_marks``), so a line start is looked for back to the start before it only (a text without line breaks
    is not read back to its beginning for each quotation), and a line end found serves the passages
    that end before it."""
    starts, ends = [], []
    previous, line_start = 0, 0  # line_start: just after the last line break before ``previous``
    searched_from, line_end = -1, -1  # no line break in text[searched_from:line_end], which ends a line
    for passage in passages:
        found = text.rfind("\n", previous, passage.start)
        if found >= 0:
            line_start = found + 1
        previous = passage.start
        starts.append(line_start)
        if not searched_from <= passage.end <= line_end:
            searched_from, line_end = passage.end, text.find("\n", passage.end)
            if line_end < 0:
                line_end = len(text)
        ends.append(line_end)
    return starts, ends


def _own_mention(text: str, passages: list[Passage], index: int, places: _Places, people: People) -> Mention | None:
    """The speaker the passage's own sentence names, as written."""
    passage = passages[index]
    start, end = passage.start, passage.end
    sentences = places.sentences
    line_end = places.line_ends[index]
    next_quote = places.next_starts[index] if places.next_starts[index] < line_end else line_end
    last = places.sentence_of(end)
    if last >= 0 and sentences[last][1] <= end and last + 1 < len(sentences):
        last += 1  # the quotation ends its sentence: “… beforehand.” Webber said.
    sentence_end = sentences[last][1] if last >= 0 else len(text)
    limit = sentence_end if sentence_end > end else end
    if next_quote < limit:
        limit = next_quote
    tag = (speech.transcript_label(text, start) or speech.signed_after(text, end)
           or speech.tag_after(text, end, limit, closes_sentence=_ends_with_stop(text, passage)))
    if tag is not None:
        return tag
    first = places.sentence_of(start)
    region_start = max(sentences[first][0] if first >= 0 else 0, places.line_starts[index])
    verbs = verbs_in(text, region_start, start)  # read by the tag before and by the passive
    before = (speech.tag_before(text, region_start, start, verbs) or speech.colon_subject(text, region_start, start)
              or speech.headline_speaker(text, places.line_starts[index], start))
    if before is not None:
        return before
    bracketed = speech.parenthesised_source(text, end, next_quote)
    if bracketed is None and not text[end:line_end].strip():
        bracketed = speech.signed_below(text, line_end)
    if bracketed is None and not passage.closed and places.line_starts[index] == start and end == line_end:
        bracketed = speech.cited_below(text, line_end)  # a block quotation credited after its last paragraph
    if bracketed is not None:
        return bracketed
    according = speech.according_to(text, region_start, start) or speech.according_to(text, end, limit)
    if according is not None:
        return according
    if speech.passive_before(text, region_start, start, verbs):
        return None  # nobody is named: "Dozens were said to have killed “hundreds”"
    # "X, the chairman, “firmly condemned” …" / "X, Trump's former manager, ripped Comey for acting
    # as “the judge”": the words of the person the sentence is about, when it names one
    for subject in (phrases.head_and_apposition(text, region_start, region_start + len(text[region_start:start].rstrip(" ,"))),
                    phrases.clause_subject(text, region_start, start)):
        if subject is not None and not any(p.start <= subject.start < p.end for p in passages) \
                and people.names_a_person(subject):
            return subject  # (not the words of another quotation: "“Family Leave,” the memo states")
    return None


def _inherit(text: str, passages: list[Passage], mentions: list[Mention | None], places: _Places,
             scares: list[bool], people: People) -> None:
    """Passages without a tag of their own take the speaker of the quotation they go on with."""
    lines: dict[tuple[int, bool], list[int]] = {}
    for index, passage in enumerate(passages):
        if text.find("\n", passage.start, passage.end) < 0:
            lines.setdefault((places.line_starts[index], passage.nested), []).append(index)
    own = list(mentions)
    for index, passage in enumerate(passages):
        if own[index] is not None or scares[index]:
            continue
        if passage.continues and index and mentions[index - 1] is not None:
            mentions[index] = mentions[index - 1]
            continue
        same_line = lines.get((places.line_starts[index], passage.nested), ())
        earlier = [i for i in same_line if i < index and own[i] is not None]
        later = [i for i in same_line if i > index and own[i] is not None]
        if earlier:
            mentions[index] = own[earlier[-1]]
        elif later:
            mentions[index] = own[later[0]]
        else:
            mentions[index] = _introduced(text, passages, mentions, index, places, people)
    for index in range(len(passages) - 2, -1, -1):  # a paragraph cut short takes its continuation's
        if mentions[index] is None and passages[index + 1].continues and not passages[index].closed:
            mentions[index] = mentions[index + 1]
    for index, passage in enumerate(passages):  # a paragraph of quoted words alone goes on with the last speaker
        if mentions[index] is None and not scares[index] and not passage.nested and index \
                and places.line_starts[index] == passage.start and mentions[index - 1] is not None \
                and places.sentence_of(passage.start) - places.sentence_of(passages[index - 1].end) <= _GOES_ON_SENTENCES:
            mentions[index] = mentions[index - 1]


_GOES_ON_SENTENCES = 3
"""How far after a speaker's quotation a paragraph of quoted words alone is still theirs."""


def _introduced(text: str, passages: list[Passage], mentions: list[Mention | None], index: int,
                places: _Places, people: People) -> Mention | None:
    """The speaker of a quotation that opens its sentence, from the sentence before it: a tag
    without a quotation ("X said in a statement." / "X said:"), or the tag of the quotation that
    ends there."""
    passage = passages[index]
    current = places.sentence_of(passage.start)
    if current <= 0 or text[places.sentences[current][0]:passage.start].strip():
        return None
    before_start, before_end = places.sentences[current - 1]
    overlapping = []
    for earlier in range(index - 1, -1, -1):
        other = passages[earlier]
        if other.end > before_start and other.start < before_end:
            overlapping.append(mentions[earlier])
        elif other.end <= before_start and not other.nested:
            break
    if overlapping:
        return next((mention for mention in overlapping if mention is not None), None)
    introducing = speech.tag_before(text, before_start, before_end) or speech.colon_subject(text, before_start, before_end)
    if introducing is None and "\n" in text[before_end:passage.start]:
        # a quotation that opens a paragraph after one about a named person
        subject = phrases.clause_subject(text, before_start, before_end)
        if subject is not None and people.names_a_person(subject):
            return subject
    return introducing


def _ends_with_stop(text: str, passage: Passage) -> bool:
    """Whether the quoted words end a sentence inside the marks (“… beforehand.”)."""
    inner = text[passage.start:passage.end].rstrip("”“\"'’» ")
    return bool(inner) and inner[-1] in ".!?…"


def _is_name(text: str, passage: Passage) -> bool:
    """A title or page name used as a noun's modifier: "the survey's “Did you feel it?” site"."""
    if _NOUN_AFTER.match(text, passage.end) is None:
        return False  # most quotations: tried at one place, where the other is looked for in twelve
    return _NAME_BEFORE.search(text, passage.start - 12, passage.start) is not None  # re reads a pos below 0 as 0


def _is_scare(text: str, passage: Passage) -> bool:
    """Two words or fewer and no full stop: "firmly condemned", "hundreds"."""
    inner = text[passage.start + 1:passage.end - 1]
    return len(inner.split(None, 2)) <= 2 and not any(map(inner.__contains__, ".!?…"))


def _resolve(people: People, mention: Mention, recent: list[tuple[int, Person]], sentence_start: int) -> Person | None:
    """The person or body the mention stands for, named as fully as the report names it."""
    described = people.describe(mention)
    lowered = described.name.lower()
    if lowered in ("he", "she"):
        # "Clinton said that she called …": the person the sentence is about comes first
        subject = phrases.clause_subject(people.text, sentence_start, mention.start)
        if subject is not None and subject.start < mention.start and people.names_a_person(subject):
            named = people.describe(subject)
            if named.gender is None or described.gender is None or named.gender == described.gender:
                return Person(people.fullest(named.name, subject.start), True, described.gender)
        return people.nearest(mention.start, described.gender, recent)
    if lowered in ("they", "it"):
        return next((p for _, p in reversed(recent) if not p.person), None)
    if lowered in ("we", "i"):
        return None
    if described.person:
        return Person(people.fullest(described.name, mention.start), True, described.gender)
    apposed = people.apposed_name(mention)
    if apposed is not None:  # "said the mayor of Bamako, Jean Dupont": the role holds a place, the name follows
        return Person(people.fullest(apposed, mention.start), True, described.gender)
    if described.name.isupper() and described.name.isalpha():  # a transcript's "PENCE": Mike Pence, if named
        fuller = people.fullest(described.name.title(), mention.start)
        if " " in fuller:
            return Person(fuller, True, described.gender)
    author = document_author(people.text, mention)
    if author is not None:
        return _resolve(people, author, recent, sentence_start)
    holder = people.holder(described.name, mention.start)
    if holder is not None:
        return Person(people.fullest(holder.name, mention.start), holder.person, holder.gender) if holder.person else holder
    return described
