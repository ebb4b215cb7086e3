"""Speech tags: who a sentence says is speaking, as the words the text used and where they are.

News English attributes speech in a handful of shapes, read here with small patterns around a
reporting verb rather than a parser:

* after the quotation: ``“…,” Sandalow said`` / ``“…,” said Cornell Belcher, a pollster`` /
  ``“…,” Ryan's spokeswoman, AshLee Strong, said in a statement`` / ``“…” is one saying here`` no;
* before it, the subject of the last reporting verb: ``Obama told a crowd in Columbus, “…”``,
  ``X said Monday that the plan was “…”``; a participle (``saying``, ``adding``) takes the
  subject of its clause; ``X was quoted as saying``;
* a clause that ends on a colon: ``And Mr. Christie gloated: “…”``;
* ``according to X``, and a source in brackets after a quotation (``“…” (Fox News article)``).

Each answer is a ``Mention``: the offsets of the words naming the speaker (a name, a role, a
pronoun, an organisation) with any apposition that may hold the name ("Ryan's spokeswoman,
AshLee Strong"). Who that is, is the business of ``names``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .trie import word_alternatives

_FINITE = (
    "said says say told tells added adds noted notes stated acknowledged acknowledges claimed claims "
    "warned warns explained explains insisted insists declared declares announced announces wrote "
    "writes asked asks replied replies responded responds answered answers reaffirmed reaffirms "
    "stressed stresses argued argues suggested suggests confirmed confirms affirmed urged urges "
    "tweeted tweets posted observed observes remarked remarks commented comments emphasized "
    "emphasised maintained maintains admitted admits conceded concedes recalled recalls promised "
    "promises pledged vowed vows alleged concluded concludes reported reported denounced described "
    "describes continued continues cautioned predicted predicts agreed agrees countered contended "
    "contends complained complains joked jokes quipped boasted bragged lamented laments recounted "
    "recounts testified shouted yelled cried exclaimed whispered mused wondered assured reiterated "
    "reiterates repeated charged blasted slammed mocked retorted texted emailed proclaimed demanded "
    "demands pleaded advised recommended estimated gloated boomed thundered scoffed snapped fumed "
    "believes believed thinks thought reasoned echoed chimed interjected read reads called calls "
    "dubbed labeled labelled termed branded tell write ask claim warn insist argue admit explain "
    "suggest note add declare reply respond answer concede recall predict agree complain barked "
    "groused griped grumbled muttered murmured sang sings chanted hailed touted decried derided "
    "asserted asserts protested objected implored begged threatened swore proposed clarified "
    "elaborated interrupted screamed revealed disclosed confessed opined informed briefed puts "
    "posited posits remembered riffed recounted"
).split()
_PARTICIPLES = (
    "saying adding noting stating claiming warning insisting telling declaring describing writing "
    "asking explaining arguing tweeting posting urging vowing predicting recalling complaining "
    "acknowledging announcing quoting calling labeling labelling dubbing branding terming "
    "characterizing praising criticizing blasting slamming mocking accusing yelling shouting "
    "screaming chanting responding replying"
).split()
_ALL_VERBS = frozenset(_FINITE) | frozenset(_PARTICIPLES)
FINITE_VERBS = frozenset([*_FINITE, "put", "issued", "released", "shot", "fired", "hit", "went", "pointed"])
PARTICIPLES = frozenset(_PARTICIPLES)
# Case-sensitive on purpose: "States" in "the United States" is not a verb.
VERB = re.compile(
    rf"(?<![\w’'-])(?:{word_alternatives(frozenset(_FINITE) | PARTICIPLES)}|put(?=\s+it\b)|(?:shot|fired|hit)(?=\s+back\b)"
    r"|went(?=\s+on\b)|pointed(?=\s+out\b)|(?:issued|released)(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:statement|communiqu|release)))"
    r"\b(?![’'-]\w)")
"""A reporting verb that starts a word."""


def verbs_in(text: str, start: int, end: int, verbs: re.Pattern[str] = VERB) -> list[re.Match[str]]:
    """The reporting verbs of ``text[start:end]``, in order."""
    return list(verbs.finditer(text, start, end))
_PHRASAL = re.compile(r"[^\S\n]+(?:out|back|up|on|it)\b")  # pointed out, fired back, went on, put it
_QUOTED_AS = re.compile(r"\b(?:was|were|is|are|been|be)\s+quoted\s+as\s+$")

_PASSIVE = frozenset("was were is are be been being".split())
_BEFORE_VERB = frozenset(
    "has have had will would could should may might must did does do also later earlier then "
    "further previously recently again repeatedly publicly openly firmly once already not never "
    "reportedly allegedly often always simply just still only even flatly quickly now".split()
)
"""Words between a subject and its verb: "Webber has also said"."""
_BOUNDARY = re.compile(
    r"[;:“”\"«»\[\]]|''|\s[-–—]+\s|—|–"
    r"|\b(?:that|but|because|while|whereas|although|though|when|after|before|since|if|as|so|where|and|or|what)\b",
    re.I,
)
_DETERMINERS = frozenset(
    "the a an another one some his her its their our my this that these those each both many "
    "several two three four other any no every".split()
)
_LAST_BOUNDARY = re.compile(rf"(?s:.*)(?:{_BOUNDARY.pattern})", re.I)
"""Matched from a stretch's start, it ends where the last clause boundary of the stretch ends."""
_COORDINATED = re.compile(r"\b(?:and|but|or|then)\s*$", re.I)
_LAST_WORD = re.compile(r"(?<!\S)(\S+)\s*$")
_SUBJECT_REACH = 120
_CUTS = (",", "—", " - ", " – ")
"""What ends the stretch of a sentence that holds a verb's subject."""
"""How far before its verb a subject without an apposition can start, in characters."""
_INTRO = frozenset(
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
    "because not also just there here this these those its".split()
)
"""Words a speaker's name or description never starts with ("but said", "would be appropriate")."""
_STOP = frozenset(
    "in on at for from with during after before when while as who whom whose which that to via "
    "because and but or than about last yesterday today tomorrow late early earlier later according "
    "monday tuesday wednesday thursday friday saturday sunday into through over near is was were are "
    "has have had will would can could should may might must did does do also just recently then "
    "not never".split()
)
"""Words that end a noun phrase read forwards."""
_IRREGULAR_PAST = frozenset(
    "went made took gave came got saw knew felt left held kept brought began ran spoke met sent "
    "built paid sat stood won lost led fought sought struck set cut became drew threw wore "
    "chose broke rose fell hung shook laid".split()
)
_TOKEN = re.compile(r"[\w’'&.$-]*[\w’']\.?|\w")
_COMMA_OR_DASH = re.compile(r",|\s[-–—]+\s|—")
_RELATIVE = re.compile(r"\s(?:who|whom|whose|which)\b")
_LEADING = re.compile(r"[^\S\n]*,?[^\S\n]*")
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
_ACCORDING_STOP = frozenset("who which that when while as after before in on at during".split())
_PAREN_SOURCE = re.compile(
    r"[^\S\n]*[(\[](?P<who>[A-Z][\w.!&’'-]*(?:[^\S\n]+(?:[A-Z][\w.!&’'-]*|article|report|reports|story|"
    r"news|via|and|of|the|&)){0,5})\.?[)\]]")
_QUOTED_AS_SAYING = re.compile(r"\b(?:was|were|is|are|been|be)\s+quoted\s+as\s+saying\b")
_INTRODUCES = re.compile(r"[^\S\n]*(?:that\b|:|,?[^\S\n]*[“\"«])")
"""What follows a verb that introduces the next quotation: "said that", "said:", "said “"."""
_NAME_AT_END = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*(?:[^\S\n]+(?:[A-Z][\w’'.-]*|al|el|de|bin|van|von))+[^\S\n]*$")
_PLACE_TAIL = re.compile(
    r"^(?:\s+(?:in|from|at|of|for|with|near|on)\s+(?:(?:the|a|an|his|her|its|their)\s+)?"
    r"(?:[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*)*|[a-z][\w’'-]*))+")
"""Where a person is from or works, after their name or role: "one woman in Qeshm"."""
_NAMED = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*[^\S\n]+(?:[A-Z]\.[^\S\n]+)?[A-Z][\w’'-]*")
"""Two capitalised words in a row: a name ("Gov. John Kasich", "Giovanni Maria Vian")."""
_NOT_A_HEAD = frozenset(
    "who which whose monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december".split()
)
_PAST_TAG = re.compile(r"[^.!?;:,“”\"\n]{1,60}?[^\S\n](?P<verb>[a-z]{3,}ed)\b(?:[^\S\n]+[^\s.!?;:,“”\"]+){0,4}[.!?]?[^\S\n]*$")
"""A subject and a verb in the past tense closing the sentence after a quotation."""
_LOWER_WORD = re.compile(r"[^\S\n]+[a-z]")
_NAME_AFTER_CONJUNCTION = re.compile(r"\s*(?:as|while|when|but|and|though|although|because|since|if)\s+[A-Z]", re.I)
_WITH = re.compile(r"\bwith\s+(?=(?:the\s+)?[A-Z][^,;:]*$)")
_TO_LISTENER = frozenset("told tells tell asked asks ask informed briefed assured urged".split())
"""Verbs whose object is the listener, not the speaker."""
TITLES_WITH_DOT = (
    "Mr Mrs Ms Mx Dr Lt Sgt Gen Col Capt Cpt Gov Sen Rep Jr Sr St Prof Rev Adm Maj Cpl Pvt Brig Cmdr "
    "Supt Insp Det Amb Pres Hon Fr Mt Ft"
).split()
"""Titles written with a dot that is no sentence end ("Mr. Nevins", "Lt. Gen. Mick Bednarek")."""
_TITLE_SET = frozenset(TITLES_WITH_DOT)
_NOT_A_TITLE = "".join(rf"(?<!\b{title})" for title in TITLES_WITH_DOT)
_SIMPLE_WORD = r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w’'-]*|(?!(?:said|says|told|added|asked|who|and|but|or|in|on|at|to|of|for|by|with|was|is|has|had)\b)[a-z][\w-]*)"
_SIMPLE_NP = rf"(?:(?:the|a|an|another|one)[^\S\n]+)?{_SIMPLE_WORD}(?:[^\S\n]+{_SIMPLE_WORD}){{0,4}}"
_SIMPLE_TAG = re.compile(
    rf"(?:(?<=[,!?][”\"])|(?<=[,!?]''))[^\S\n]+(?:(?P<before>he|she|they|{_SIMPLE_NP})[^\S\n]+(?:said|says|added|asked|told)"
    rf"|(?:said|says|added|asked)[^\S\n]+(?P<after>{_SIMPLE_NP})){_NOT_A_TITLE}(?=[^\S\n]*(?:[,\n]|\.(?!\S)|$))")
"""“…,” Webber said. / “…,” said Lucas Webber, …: most tags, read by one pattern."""
_NEW_CLAUSE = re.compile(r"[^\S\n]+(?:he|she|they|it|we|i|there|this)\b", re.I)
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")
_HEADLINE = re.compile(r"[^\S\n]*(?P<who>[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,3}):[^\S\n]")
_BY = re.compile(r"[^\S\n]+by[^\S\n]+")
_COMMA_BEFORE = re.compile(r",[^\S\n]*$")
_AFTER_SPEAKER = re.compile(r"(?![^\S\n]+(?:could|would|will|should|can|may|might|must|is|was|are|were|has|have|had|did|does)\b)")
"""What cannot follow the speaker of "“…,” said X": a verb of its own ("said the candidate could")."""
_CLAUSE_END = re.compile(r"[^\S\n]*(?:[,.;]|$)")
_SIGNATURE = re.compile(r"\s*\n[^\S\n]*[-–—][^\S\n]*(?P<who>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,4})[.,]?[^\n]{0,40}$", re.M)
_QUOTE_MARK = re.compile(r"[“”\"«»]|''")


class Mention(NamedTuple):
    """The words that name a speaker: ``text[start:end]``, the apposition included."""

    start: int
    end: int
    head_end: int
    """Where the head ends; after it, up to ``end``, comes the apposition."""


def tag_after(text: str, end: int, limit: int, closes_sentence: bool = False) -> Mention | None:
    """The speech tag after a quotation ending at ``end``, within ``text[end:limit]``.

    ``, Webber said`` / ``, said Lucas Webber, an analyst`` / ``, X, a doctor, told AFP`` right
    after it, or a clause closing its sentence: ``“…” would be right, Carson said after.``
    ``closes_sentence``: the quoted words end with a full stop, so only a tag right after them
    counts, and not one that opens the next quotation or statement ("“… this.” The army said
    “…”", "“… .” Brafman said he …").
    """
    simple = _SIMPLE_TAG.match(text, end, limit)
    if simple is not None:  # the common shapes, in one step: “…,” Webber said. / “…,” said Lucas Webber.
        who = "before" if simple.group("before") else "after"
        return Mention(simple.start(who), simple.end(who), simple.end(who))
    position = _LEADING.match(text, end, limit).end()
    punctuated = text[max(0, end - 4):end].rstrip("”\"'’» ")[-1:] in (",", ".", "!", "?", "…") or (
        text[end:end + 1] == ",")
    stop = _QUOTE_MARK.search(text, position, limit)
    verb = next((v for v in verbs_in(text, position, stop.start() if stop else limit)
                 if v.group() in FINITE_VERBS), None)
    if verb is None:
        quoted_as = _QUOTED_AS_SAYING.search(text, position, limit)
        if quoted_as and punctuated:
            return valid(text, subject_before(text, position, quoted_as.start(), apposition_first=True))
        return _any_verb_tag(text, end, position, limit)
    if closes_sentence and _INTRODUCES.match(text, verb.end(), limit + 1 if limit < len(text) else limit):
        return None  # the next quotation's tag: "“… this.” The army said “…”"
    if verb.start() == position and punctuated:  # “…,” said X (not "said the candidate could …")
        inverted = noun_phrase_at(text, _skip_phrasal(text, verb.end(), limit), limit)
        return valid(text, inverted) if inverted is not None and _AFTER_SPEAKER.match(text, inverted.end, limit) else None
    if closes_sentence and _NEW_CLAUSE.match(text, verb.end(), limit):
        return None  # "“… .” Brafman said he was …": a statement of its own
    adjacent = valid(text, subject_before(text, position, verb.start(), apposition_first=True)) if punctuated else None
    if adjacent is not None or closes_sentence:
        return adjacent
    comma = text.rfind(",", position, verb.start())
    if comma < 0:
        return None
    if not text[comma + 1:verb.start()].strip():
        return valid(text, noun_phrase_at(text, _skip_phrasal(text, verb.end(), limit), limit))
    return valid(text, subject_before(text, comma + 1, verb.start()))


def _any_verb_tag(text: str, end: int, position: int, limit: int) -> Mention | None:
    """``“…,” an angry Hollande retaliated.``: after a quotation that a comma leaves open, a noun
    phrase and any verb in the past tense closing the sentence are its tag."""
    if text[max(0, end - 3):end].rstrip("”\"'’»")[-1:] != "," and text[end:end + 1] != ",":
        return None
    tail = _PAST_TAG.match(text, position, limit)
    subject = valid(text, head_and_apposition(text, position, tail.start("verb"))) if tail else None
    if subject is None or not any(word[:1].isupper() for word in text[subject.start:subject.head_end].split()):
        return None  # a name says it; "the crowd applauded" does not
    return subject


def tag_before(text: str, start: int, quote: int) -> Mention | None:
    """The speaker named in ``text[start:quote]``, the sentence before a quotation."""
    verbs = [v for v in verbs_in(text, start, quote) if not _inside_quote(text, start, v.start())]
    opening = text[start:verbs[-1].start()].rstrip()[-1:] if verbs else ""
    if verbs and verbs[-1].group() in FINITE_VERBS and verbs[-1].group() not in _TO_LISTENER and opening in ",;:":
        # "…, explained Rosenberg, “…”": the verb opens its clause, the speaker follows it
        after = _skip_phrasal(text, verbs[-1].end(), quote)
        inverted = noun_phrase_at(text, after, quote)
        between = text[inverted.end:quote] if inverted is not None else ""
        if inverted is not None and not between.strip(" ,:\n") and between.strip() and text[inverted.start].isupper():
            return valid(text, inverted)
    for index in range(len(verbs) - 1, -1, -1):
        verb = verbs[index]
        quoted_as = _QUOTED_AS.search(text, max(start, verb.start() - 30), verb.start())
        if quoted_as:
            return valid(text, subject_before(text, start, quoted_as.start()))
        if text[max(start, verb.start() - 3):verb.start()] == "to ":  # "interjected to say:"
            return clause_subject(text, start, verb.start())
        if verb.group() in PARTICIPLES:
            with_subject = _WITH.search(text, max(start, verb.start() - 80), verb.start())
            if with_subject is not None:  # "..., with Gorka noting ...": the subject stands between
                return valid(text, noun_phrase_at(text, with_subject.end(), verb.start()))
            earlier = next((v for v in reversed(verbs[:index]) if v.group() in FINITE_VERBS
                            and text[max(start, v.start() - 3):v.start()] != "to "), None)
            if earlier is None:
                return clause_subject(text, start, verb.start())
            # "“…,” said Rep. Bobby Scott, adding that “…”": the participle's clause is the earlier verb's
            inverted = noun_phrase_at(text, _skip_phrasal(text, earlier.end(), verb.start()), verb.start())
            opens = text[start:earlier.start()].rstrip()[-1:] in ("", ",", "”", '"', "'")
            if inverted is not None and opens and text[inverted.start].isupper() and earlier.group() not in _TO_LISTENER:
                return valid(text, inverted)
            return valid(text, subject_before(text, start, earlier.start()))
        return valid(text, subject_before(text, start, verb.start()))
    return None


def headline_speaker(text: str, line_start: int, quote: int) -> Mention | None:
    """A headline that opens with who speaks: "Reid: ‘Never underestimate Trump’", "Milbank:
    Republicans ‘waving the flag’"."""
    match = _HEADLINE.match(text, line_start, quote)
    return phrase(text, match.start("who"), match.end("who")) if match else None


def colon_subject(text: str, start: int, quote: int) -> Mention | None:
    """Who speaks after a colon that introduces a quotation, where no reporting verb says so:
    "Pollsters agree - Carl Bialik: “…”", "And Mr. Christie gloated: “…”"."""
    if not text[start:quote].rstrip().endswith(":"):
        return None
    colon = text.rfind(":", start, quote)
    return _name_before(text, start, colon) or clause_subject(text, start, colon)


def _name_before(text: str, start: int, end: int) -> Mention | None:
    """A name that ends right at ``end`` ("such as the prophetic Dr Azm Al Homoud:")."""
    run = _NAME_AT_END.search(text, max(start, end - 80), end)
    if run is None or len(run.group().split()) < 2 or run.group().split()[0].lower() in _INTRO:
        return None
    return phrase(text, run.start(), run.end())


def attributions(text: str, start: int, end: int, verbs: re.Pattern[str] = VERB) -> list[Mention]:
    """Every source ``text[start:end]`` names for what it reports, in order: the subject of each
    reporting verb ("police said", "…, a security official told AP"), the speaker after one that
    opens its clause when no subject comes before it ("…, said Jean Larson."), what follows
    "according to", and the agent of "told by" / "informed by". ``verbs`` are the reporting verbs
    to look for (those of facts are fewer than those of speech)."""
    found = []
    for verb in verbs_in(text, start, end, verbs):
        if verb.group() in PARTICIPLES or text[max(start, verb.start() - 3):verb.start()] == "to ":
            continue
        by = _BY.match(text, verb.end(), end)
        if by is not None:
            mention = noun_phrase_at(text, by.end(), end)
        else:
            mention = valid(text, subject_before(text, start, verb.start()))
            if mention is None and (verb.start() == start or _COMMA_BEFORE.search(text, max(start, verb.start() - 4), verb.start())):
                inverted = noun_phrase_at(text, _skip_phrasal(text, verb.end(), end), end)
                if inverted is not None and _CLAUSE_END.match(text, inverted.end, end):
                    mention = inverted
        if valid(text, mention) is not None:
            found.append(mention)
    if text.find("ccording", start, end) >= 0:
        for match in _ACCORDING.finditer(text, start, end):
            mention = according_to(text, match.start(), end)
            if mention is not None:
                found.append(mention)
    return sorted(found)


def passive_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` reports speech in the passive ("were said to", "is called")."""
    return any(_subject_end(text, start, verb.start()) is None for verb in verbs_in(text, start, end))


def according_to(text: str, start: int, end: int) -> Mention | None:
    """``according to X`` in ``text[start:end]``: X, the last one before ``end``."""
    found = None
    if text.find("ccording", start, end) < 0:
        return None
    for match in _ACCORDING.finditer(text, start, end):
        stop = match.end()
        for token in _TOKEN.finditer(text, match.end(), end):
            gap = text[stop:token.start()]
            if gap.strip() or token.group().lower() in _ACCORDING_STOP:
                break
            stop = token.end() if not token.group().endswith(".") or keeps_dot(token.group()) else token.end() - 1
            if token.group().endswith(".") and not keeps_dot(token.group()):
                break
        found = phrase(text, match.end(), stop) or found
    return found


def parenthesised_source(text: str, end: int, limit: int) -> Mention | None:
    """``“…” (Fox News article)`` / ``[WaPo.]``: a source named in brackets after a quotation."""
    match = _PAREN_SOURCE.match(text, end, limit)
    return phrase(text, match.start("who"), match.end("who")) if match else None


def signed_below(text: str, line_end: int) -> Mention | None:
    """A quotation signed on the line below it, as pull quotes are: "- Bernie Sanders."."""
    match = _SIGNATURE.match(text, line_end)
    if match is None:
        return None
    end = match.end("who")
    if text[end - 1] == "." and not keeps_dot(text[match.start("who"):end].split()[-1]):
        end -= 1
    return phrase(text, match.start("who"), end)


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
    heads = [s for s in segments[:-1] if not _is_intro_segment(text, *s)]
    verb_first = first is not None and (_is_verb(first.group()) or first.group().lower() in NOT_A_SUBJECT)
    if first is not None and not verb_first and first.group().lower() not in _INTRO and not (
            heads and first.group()[0].islower() and first.group().lower() not in _DETERMINERS):
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
    end = _subject_end(text, start, verb_start)
    if end is None:
        return None
    if apposition_first:
        return head_and_apposition(text, start, end)
    coordinated = _COORDINATED.search(text, max(start, end - 6), end)
    if coordinated:  # "X lives in Y and wrote": the first verb's subject
        return clause_subject(text, start, coordinated.start())
    if text[end - 1:end] == ",":
        return _subject_with_apposition(text, start, end)
    # the subject lies in the last stretch between commas, after its last clause boundary
    stretch = max(start, end - _SUBJECT_REACH, *(text.rfind(cut, start, end) + len(cut) for cut in _CUTS
                                                  if text.rfind(cut, start, end) >= 0))
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
    after = [s for s in _segments(text, boundary, end) if not _is_intro_segment(text, *s)]
    if after and _plain_noun_phrase(text, *after[0]):
        segments = after
    else:
        segments = [s for s in _segments(text, start, end) if not _is_intro_segment(text, *s)
                    or _NAME_AFTER_CONJUNCTION.match(text, s[0])]
    if not segments:
        return None
    head_start, head_end = next((s for s in segments if _NAMED.search(text, *s)), segments[0])
    for match in _BOUNDARY.finditer(text, head_start, head_end):
        head_start = match.end()
    head = phrase(text, head_start, head_end)
    return phrase(text, head.start, segments[-1][1], head_end=head.end) if head else None


def _plain_noun_phrase(text: str, start: int, end: int) -> bool:
    """A stretch that is one noun phrase and nothing more ("Mike Huckabee", "the winner" but not
    "the winner was declared")."""
    found = noun_phrase_at(text, _LEADING.match(text, start, end).end(), end)
    return found is not None and not _PARENTHESIS.sub("", text[found.end:end]).strip(" .")


def head_and_apposition(text: str, start: int, end: int) -> Mention | None:
    """``X`` or ``X, a doctor at Y,`` filling ``text[start:end]``: the subject right after a quote."""
    segments = _segments(text, start, end)
    if not segments:
        return None
    head_start, head_end = segments[0]
    head = noun_phrase_at(text, head_start, head_end)
    rest = _PLACE_TAIL.sub("", _PARENTHESIS.sub("", text[head.end:head_end])).strip(" .") if head else ""
    if rest.startswith("and ") and head is not None:  # "the senator and Democratic candidate"
        more = noun_phrase_at(text, text.find(rest, head.end) + 4, head_end)
        if more is not None and not text[more.end:head_end].strip(" ."):
            head, rest = Mention(head.start, more.end, more.end), ""
    if head is None or rest or _BOUNDARY.search(text, head_start, head.end) or _is_intro_segment(text, *head[:2]):
        return None
    return phrase(text, head.start, segments[-1][1], head_end=head.end)


def noun_phrase_at(text: str, start: int, limit: int) -> Mention | None:
    """The noun phrase that starts at ``start``: words up to a comma, a preposition or a verb."""
    end = start
    count = 0
    for token in _TOKEN.finditer(text, start, limit):
        gap = text[end:token.start()]
        if count and (gap.strip() or "\n" in gap):
            break
        word = token.group()
        lowered = word.lower().rstrip(".")
        if lowered == "of" and count and _capital_follows(text, token.end()):
            pass
        elif lowered in _STOP or (count and (_is_verb(word) or (word.endswith("ly") and word.islower()))):
            break
        end = token.end() if not word.endswith(".") or keeps_dot(word) else token.end() - 1
        count += 1
        if count > 10 or (word.endswith(".") and not keeps_dot(word)):
            break
    return phrase(text, start, end) if count else None


def phrase(text: str, start: int, end: int, head_end: int | None = None) -> Mention | None:
    """A mention of ``text[start:end]`` trimmed of spaces, punctuation and a relative clause."""
    while start < end and not text[start].isalnum():
        start += 1
    relative = _RELATIVE.search(text, start, end)
    if relative:
        end = relative.start()
    while end > start and text[end - 1] in " \t\n,;:—–-\"“”‘’'()" and not (
            text[end - 1] == ")" and "(" in text[start:end]):
        end -= 1
    if end <= start:
        return None
    head_end = end if head_end is None else min(head_end, end)
    while head_end > start and text[head_end - 1] in " ,":
        head_end -= 1
    return Mention(start, end, head_end)


def valid(text: str, mention: Mention | None) -> Mention | None:
    """The mention, if it can name a speaker: a few words, not opening on a verb or a conjunction."""
    if mention is None:
        return None
    words = text[mention.start:mention.head_end].split()
    first = words[0] if words else ""
    if not words or len(words) > 12 or first.lower() in NOT_A_SUBJECT or first in _IRREGULAR_PAST or (
            first.endswith("ed") and first.islower() and len(words) == 1):
        return None  # "but said", "would be appropriate", "went" (but "retired Army Lt. Gen. X")
    if not _ALL_VERBS.isdisjoint(words):
        return None
    return mention


def keeps_dot(word: str) -> bool:
    """Whether a final dot belongs to the word (Mr., Lt., J., U.S.) rather than ending a sentence."""
    bare = word[:-1]
    return bare in _TITLE_SET or (len(bare) == 1 and bare.isupper()) or "." in bare


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at commas and spaced dashes, empty pieces left out."""
    segments = []
    position = start
    for match in _COMMA_OR_DASH.finditer(text, start, end):
        if text[position:match.start()].strip():
            segments.append((position, match.start()))
        position = match.end()
    if text[position:end].strip():
        segments.append((position, end))
    return segments


def _first_word(text: str, start: int, end: int) -> re.Match[str] | None:
    return _TOKEN.search(text, start, end)


def _is_intro(word: str) -> bool:
    """A word that opens a phrase before a subject: "On", "When", "Reluctantly", "2015"."""
    lowered = word.lower().rstrip(".")
    return lowered in _INTRO or word[0].isdigit() or (lowered.endswith("ly") and len(lowered) > 5)


def _is_intro_segment(text: str, start: int, end: int) -> bool:
    """An opening phrase ("On Tuesday", "Speaking to Iowans"), or an apposition that cannot be a
    head ("who ...", "48")."""
    first = _first_word(text, start, end)
    if first is None:
        return True
    word = first.group().lower()
    return _is_intro(word) or word in _NOT_A_HEAD or (word.endswith("ing") and len(word) > 5 and (
        first.group().islower() or _LOWER_WORD.match(text, first.end(), end) is not None))


def _is_verb(word: str) -> bool:
    """A reporting verb, or a lower-case word in the past tense ("gloated", "went")."""
    return word in _IRREGULAR_PAST or word in _ALL_VERBS or (
        word.islower() and word.endswith("ed") and len(word) > 4)


def _subject_end(text: str, start: int, verb_start: int) -> int | None:
    """Where the subject before a verb ends, past "has also" and the like; None for a passive."""
    end = verb_start
    while True:
        last = _LAST_WORD.search(text, max(start, end - 40), end)
        if last is None:
            return None if not text[start:end].strip() else len(text[:end].rstrip())
        written = last.group(1)
        word = written.lower()
        if word in _PASSIVE:
            return None
        if word in _BEFORE_VERB or (word.endswith("ly") and written.isalpha() and written.islower()):
            end = last.start(1)
            if end <= start:
                return None
            continue
        return last.end(1)


def _inside_quote(text: str, start: int, position: int) -> bool:
    """Whether ``position`` lies inside a quotation opened after ``start`` (its marks are odd)."""
    return len(_QUOTE_MARK.findall(text, start, position)) % 2 == 1


def _skip_phrasal(text: str, position: int, limit: int) -> int:
    phrasal = _PHRASAL.match(text, position, limit)
    return phrasal.end() if phrasal else position


def _capital_follows(text: str, position: int) -> bool:
    return position + 1 < len(text) and text[position + 1].isupper()
