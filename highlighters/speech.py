"""Speech tags: who a sentence says is speaking, as the words the text used and where they are.

News English attributes speech in a handful of shapes, read here with small patterns around a
reporting verb rather than a parser:

* after the quotation: ``“…,” Sandalow said`` / ``“…,” said Cornell Belcher, a pollster`` /
  ``“…,” Ryan's spokeswoman, AshLee Strong, said in a statement`` / ``“…,” an angry X retaliated``;
* before it, the subject of the last reporting verb: ``Obama told a crowd in Columbus, “…”``,
  ``X said Monday that the plan was “…”``; a participle (``saying``, ``adding``) takes the
  subject of its clause; ``X was quoted as saying``;
* a clause that ends on a colon: ``And Mr. Christie gloated: “…”``;
* ``according to X``, a source in brackets after a quotation (``“…” (Fox News article)``), a
  signature on the line below (``- Bernie Sanders.``), a headline that opens ``Reid: ‘…’``.

``attributions`` reads the same tags for what a sentence reports, the source of its figures.

Each answer is a ``Mention``: the offsets of the words naming the speaker (a name, a role, a
pronoun, an organisation) with any apposition that may hold the name ("Ryan's spokeswoman,
AshLee Strong"), read by ``phrases``. Who that is, is the business of ``names``.
"""

from __future__ import annotations

import re

from .kept_patterns import compile_kept
from .phrases import (
    INTRO_WORDS, LEADING_COMMA, TOKEN, Mention, clause_subject, head_and_apposition, keeps_dot, noun_phrase_at,
    phrase, subject_before, subject_end, valid,
)
from .words import FINITE_VERBS, PARTICIPLES, TITLES_WITH_DOT, VERB, skip_phrasal, verbs_in

_QUOTED_AS = compile_kept(r"\b(?:was|were|is|are|been|be)\s+quoted\s+as\s+$")
_ACCORDING = compile_kept(r"\baccording\s+to\s+", re.I)
_ACCORDING_STOP = frozenset("who which that when while as after before in on at during".split())
_PAREN_SOURCE = compile_kept(
    r"[^\S\n]*[(\[](?P<who>[A-Z][\w.!&’'-]*(?:[^\S\n]+(?:[A-Z][\w.!&’'-]*|article|report|reports|story|"
    r"news|via|and|of|the|&)){0,5})\.?[)\]]")
_DOCUMENT_AFTER = compile_kept(r"[^\S\n]+(?:article|report|reports|story)$")
_CITATION_ENDING = compile_kept(
    r"[(\[](?P<who>[A-Z][^()\[\]\n“”\"«»]{0,60}?(?P<document>[^\S\n]+(?:[Aa]rticle|[Rr]eport|[Ss]tory)))\.?[)\]][^\S\n]*$")
"""A bracketed source closing a paragraph: "… 15 miles north of Detroit. (CNN News Article)"."""
_CITED_PARAGRAPHS = 6
"""How many paragraphs an unclosed block quotation may run before the source that closes it."""
_ELLIPTICAL = compile_kept(r"\b(?:if|when|unless|as|than)[^\S\n]+$", re.I)
"""What opens a clause without a subject: "if asked", "when asked", "as reported"."""
_QUOTED_AS_SAYING = compile_kept(r"\b(?:was|were|is|are|been|be)\s+quoted\s+as\s+saying\b")
_INTRODUCES = compile_kept(r"[^\S\n]*(?:that\b|:|,?[^\S\n]*[“\"«])")
"""What follows a verb that introduces the next quotation: "said that", "said:", "said “"."""
_NAME_AT_END = compile_kept(r"(?<![\w’'-])[A-Z][\w’'.-]*(?:[^\S\n]+(?:[A-Z][\w’'.-]*|al|el|de|bin|van|von))+[^\S\n]*$")
_PAST_TAG = compile_kept(r"[^.!?;:,“”\"\n]{1,60}?[^\S\n](?P<verb>[a-z]{3,}ed)\b(?:[^\S\n]+[^\s.!?;:,“”\"]+){0,4}[.!?]?[^\S\n]*$")
"""A subject and a verb in the past tense closing the sentence after a quotation."""
_WITH = compile_kept(r"\bwith\s+(?=(?:the\s+)?[A-Z][^,;:]*$)")
_TO_LISTENER = frozenset("told tells tell asked asks ask informed briefed assured urged".split())
"""Verbs whose object is the listener, not the speaker."""
_NOT_A_TITLE = "".join(rf"(?<!\b(?:{'|'.join(title for title in TITLES_WITH_DOT if len(title) == length)}))"
                       for length in sorted({len(title) for title in TITLES_WITH_DOT}))
"""No title ends here: one look back for the titles of each length, not one for each title."""
_SIMPLE_WORD = (r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w’'-]*|(?!(?:said|says|told|added|asked|who|and|but|or|in|on|at|to|of|for|by"
                r"|with|was|is|has|had|also|often|later|earlier|then|still|again|always|already|now|never|just|once"
                r"|soon|reportedly|allegedly|repeatedly|previously|recently|initially|finally|publicly|privately)\b)"
                r"[a-z][\w-]*)")
"""A word of a speaker in the common tags; no verb, conjunction or adverb ("he often says" is "he" and the verb)."""
_SIMPLE_NP = rf"(?:(?:the|a|an|another|one)[^\S\n]+)?{_SIMPLE_WORD}(?:[^\S\n]+{_SIMPLE_WORD}){{0,4}}"
_SIMPLE_TAG = compile_kept(
    rf"(?:(?<=[,!?][”“\"])|(?<=[,!?]''))[^\S\n]+(?:(?P<before>he|she|they|{_SIMPLE_NP})[^\S\n]+(?:said|says|added|asked|told)"
    rf"|(?:said|says|added|asked)[^\S\n]+(?P<after>{_SIMPLE_NP}))(?=[^\S\n]*(?:[,\n]|\.(?!\S)|$)){_NOT_A_TITLE}")
"""“…,” Webber said. / “…,” said Lucas Webber, …: most tags, read by one pattern."""
_NEW_CLAUSE = compile_kept(r"[^\S\n]+(?:he|she|they|it|we|i|there|this)\b", re.I)
_HEADLINE = compile_kept(r"[^\S\n]*(?P<who>[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,3}):[^\S\n]")
_ARTICLE = compile_kept(r"(?:The|A|An)\b")
_BY = compile_kept(r"[^\S\n]+by[^\S\n]+")
_VALUED_AS = compile_kept(r"[^\S\n]+(?:to[^\S\n]+(?:be|have)\b|at[^\S\n]+(?!least\b|most\b))")
"""After "estimated" or "put", a participle that values what comes before it, no one's report: "watches
estimated to be worth 2 million euros", "the toll, put at 50" (but "police estimated at least 50"; and the
agent after "by" is the source: "estimated at 50 by the army")."""
_VALUING_VERBS = frozenset({"estimated", "put", "puts"})
_SAYS_NOTHING = compile_kept(r"[^\S\n]+(?:nothing|no\s+one|nobody)\b")
"""What a verb's subject did not report: "X, 38, said nothing after officers surrounded him, the sheriff said"."""
_COMMA_BEFORE = compile_kept(r",[^\S\n]*$")
_AFTER_SPEAKER = compile_kept(r"(?![^\S\n]+(?:could|would|will|should|can|may|might|must|is|was|are|were|has|have|had|did|does)\b)")
"""What cannot follow the speaker of "“…,” said X": a verb of its own ("said the candidate could")."""
_NAME_APPOSED = compile_kept(
    r"(?:[^\S\n]+(?:of|in|at|for|with)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,3})?"
    r",[^\S\n]+(?P<name>(?:[A-Z][a-z]{0,4}\.[^\S\n]+){0,2}[A-Z][\w’'-]+(?:[^\S\n]+[A-Z][\w’'-]+){1,3})"
    r"(?=[^\S\n]*(?:[.;]|,(?![^\S\n]+(?:and|or)\b)|$))")
"""After a role that follows the verb ("said the mayor of Bamako", "said an army spokesman"), the full name it gives,
set off by a comma and closing the clause: ", Jean Dupont.", ", Col. Jean Dupont,"."""
_SUBORDINATE_NAME = compile_kept(r"\b(?:that|because|when|after|while|since|until|though|although)[^\S\n]+(?=[A-Z])")
"""A word that opens a clause within a sentence, before a capitalised subject: who speaks in "so subdued that
Mr. Trump was prompted to say" is that clause's subject, not the sentence's."""
_PAGE_CUE = compile_kept(r"(?:read|see|watch|listen|click|related|more)(?:[^\S\n]+(?:more|also|here|now|on))?[^\S\n]*$",
                         re.IGNORECASE)
"""A page's words before a link, as a colon ends them: "Read more:", "See also:", "Watch:"."""
_CLAUSE_END = compile_kept(r"[^\S\n]*(?:[,.;]|$)")
_SIGNER = (r"[-–—―][^\S\n]*(?!(?:An?|The|This|That|These|Those|It|He|She|They|We|I|But|And)\b)"
           r"(?P<who>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,4})[.,]?")
"""A dash and the name that signs a quotation: "- Bernie Sanders.", "― Carla Sanchez"; not a determiner or a
pronoun opening a line of the page ("– An immigrant himself –")."""
_SIGNATURE = compile_kept(rf"\s*\n[^\S\n]*{_SIGNER}[^\n]{{0,40}}$", re.M)
_FROM_SOURCE = compile_kept(r"(?:^|[.!?][^\S\n]+|[^\S\n][-–—][^\S\n]+)(?:More[^\S\n]+)?[Ff]rom[^\S\n]+(?P<who>[^:;,.!?\n]{1,60})$")
"""A clause that names only where the words below come from: "More from Jones:", "From the report:"."""
_SIGNED_AFTER = compile_kept(rf"[^\S\n]*{_SIGNER}[^\S\n]*(?=\n|$)")
"""A name after a dash that fills the rest of the quotation's line: “…” ― Carla Sanchez."""
_QUOTE_MARK = compile_kept(r"[“”\"«»]|''")
_BARE_NAME_TAG = compile_kept(r"[^\S\n]*[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,2}[^\S\n]+[a-z]+[.!?]?\s*")
"""A quotation left open by a missing comma and closed by a name and its verb alone: “…” Grubbs said."""
_TRANSCRIPT_LABEL = compile_kept(r"(?:[“\"«]|'')[^\S\n]*(?P<who>[A-Z][A-Z’'.-]+(?:[^\S\n]+[A-Z][A-Z’'.-]+){0,2}):[^\S\n]")
"""A transcript's turn, quoted: the speaker's name in capitals and a colon open it (“WALLACE: Let's …”)."""
_STAGE_LABELS = frozenset({"VIDEO", "AUDIO", "CLIP", "VIDEO CLIP", "BEGIN VIDEO CLIP", "END VIDEO CLIP", "CROSSTALK",
                           "APPLAUSE", "LAUGHTER", "UPDATE", "BREAKING", "WATCH", "NOTE", "EDITOR'S NOTE", "PHOTO",
                           "PHOTOS", "UNIDENTIFIED MALE", "UNIDENTIFIED FEMALE"})
"""Labels of a transcript or a page in capitals that name no speaker: “VIDEO: …”, “CROSSTALK: …”."""


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
        named = _NAME_APPOSED.match(text, simple.end(who), limit) if who == "after" and text[simple.start(who)].islower() else None
        return Mention(simple.start(who), named.end("name") if named else simple.end(who), simple.end(who))
    position = LEADING_COMMA.match(text, end, limit).end()
    punctuated = text[end - 4 if end > 4 else 0:end].rstrip("”“\"'’» ")[-1:] in (",", ".", "!", "?", "…") or (
        text[end:end + 1] == ",")
    verb = next((v for v in verbs_in(text, position, limit) if v.group() in FINITE_VERBS), None)
    if verb is None:
        quoted_as = _QUOTED_AS_SAYING.search(text, position, limit)
        if quoted_as and punctuated:
            return valid(text, subject_before(text, position, quoted_as.start(), apposition_first=True))
        return _any_verb_tag(text, end, position, limit)
    if closes_sentence and _INTRODUCES.match(text, verb.end(), limit + 1 if limit < len(text) else limit):
        return None  # the next quotation's tag: "“… this.” The army said “…”"
    if verb.start() == position and punctuated:  # “…,” said X (not "said the candidate could …")
        inverted = noun_phrase_at(text, skip_phrasal(text, verb.end(), limit), limit)
        if inverted is None or not _AFTER_SPEAKER.match(text, inverted.end, limit):
            return None
        named = _NAME_APPOSED.match(text, inverted.end, limit) if text[inverted.start].islower() else None
        # “…,” said the mayor of Bamako, Jean Dupont.: the role and the name it gives (``People.apposed_name``)
        return valid(text, Mention(inverted.start, named.end("name"), inverted.end) if named else inverted)
    if closes_sentence and _NEW_CLAUSE.match(text, verb.end(), limit):
        return None  # "“… .” Brafman said he was …": a statement of its own
    adjacent = valid(text, subject_before(text, position, verb.start(), apposition_first=True)) if punctuated else None
    if adjacent is None and not punctuated and _BARE_NAME_TAG.fullmatch(text, position, limit):
        adjacent = valid(text, subject_before(text, position, verb.start()))  # “…” Grubbs said. (no comma)
    if adjacent is not None or closes_sentence:
        return adjacent
    comma = text.rfind(",", position, verb.start())
    if comma < 0:
        return None
    if not text[comma + 1:verb.start()].strip():
        return valid(text, noun_phrase_at(text, skip_phrasal(text, verb.end(), limit), limit))
    return valid(text, subject_before(text, comma + 1, verb.start()))


def _any_verb_tag(text: str, end: int, position: int, limit: int) -> Mention | None:
    """``“…,” an angry Hollande retaliated.``: after a quotation that a comma leaves open, a noun
    phrase and any verb in the past tense closing the sentence are its tag."""
    if text[end - 3 if end > 3 else 0:end].rstrip("”“\"'’»")[-1:] != "," and text[end:end + 1] != ",":
        return None
    tail = _PAST_TAG.match(text, position, limit)
    subject = valid(text, head_and_apposition(text, position, tail.start("verb"))) if tail else None
    if subject is None or not any(word[:1].isupper() for word in text[subject.start:subject.head_end].split()):
        return None  # a name says it; "the crowd applauded" does not
    return subject


def tag_before(text: str, start: int, quote: int, found: list[re.Match[str]] | None = None) -> Mention | None:
    """The speaker named in ``text[start:quote]``, the sentence before a quotation. ``found`` is
    ``verbs_in(text, start, quote)`` when the caller has it (``passive_before`` reads the same)."""
    verbs = [v for v in (verbs_in(text, start, quote) if found is None else found)
             if not _inside_quote(text, start, v.start()) and (
                 v.group() in PARTICIPLES or not _ELLIPTICAL.search(text, v.start() - 8 if v.start() - 8 > start else start, v.start()))]
    opening = text[start:verbs[-1].start()].rstrip()[-1:] if verbs else ""
    if verbs and verbs[-1].group() in FINITE_VERBS and verbs[-1].group() not in _TO_LISTENER and opening in ",;:":
        # "…, explained Rosenberg, “…”": the verb opens its clause, the speaker follows it
        after = skip_phrasal(text, verbs[-1].end(), quote)
        if text[verbs[-1].end():after].strip() == "on":
            after = verbs[-1].end()  # "…, Olivier Salgado, wrote on X:": "on" opens where, and who spoke came first
        inverted = noun_phrase_at(text, after, quote)
        between = text[inverted.end:quote] if inverted is not None else ""
        if inverted is not None and not between.strip(" ,:\n") and between.strip() and text[inverted.start].isupper():
            return valid(text, inverted)
    for index in range(len(verbs) - 1, -1, -1):
        verb = verbs[index]
        quoted_as = _QUOTED_AS.search(text, verb.start() - 30 if verb.start() - 30 > start else start, verb.start())
        if quoted_as:
            return valid(text, subject_before(text, start, quoted_as.start()))
        if text[verb.start() - 3 if verb.start() - 3 > start else start:verb.start()] == "to ":  # "interjected to say:"
            inner = None  # "… was so subdued that Mr. Trump was prompted to say,": the clause "that" opens
            stretch = max(start, text.rfind(",", start, verb.start()) + 1, text.rfind(";", start, verb.start()) + 1)
            for inner in _SUBORDINATE_NAME.finditer(text, stretch, verb.start()):
                pass
            named = clause_subject(text, inner.end(), verb.start()) if inner else None
            if named is not None and all(word[:1].isupper() for word in text[named.start:named.end].split()):
                return named  # a name, all its words capitalised: not "Hillary Clinton dealt a severe blow"
            return clause_subject(text, start, verb.start())
        if verb.group() in PARTICIPLES:
            with_subject = _WITH.search(text, verb.start() - 80 if verb.start() - 80 > start else start, verb.start())
            if with_subject is not None:  # "..., with Gorka noting ...": the subject stands between
                return valid(text, noun_phrase_at(text, with_subject.end(), verb.start()))
            earlier = next((v for v in reversed(verbs[:index]) if v.group() in FINITE_VERBS
                            and text[v.start() - 3 if v.start() - 3 > start else start:v.start()] != "to "), None)
            if earlier is None:
                return clause_subject(text, start, verb.start())
            # "“…,” said Rep. Bobby Scott, adding that “…”": the participle's clause is the earlier verb's
            inverted = noun_phrase_at(text, skip_phrasal(text, earlier.end(), verb.start()), verb.start())
            opens = text[start:earlier.start()].rstrip()[-1:] in ("", ",", "”", '"', "'")
            if inverted is not None and opens and text[inverted.start].isupper() and earlier.group() not in _TO_LISTENER:
                return valid(text, inverted)
            return valid(text, subject_before(text, start, earlier.start()))
        return valid(text, subject_before(text, start, verb.start()))
    return None


def transcript_label(text: str, quote: int) -> Mention | None:
    """The speaker a quoted transcript's turn opens with: “PENCE: Well, look, …” (three letters or
    more, so "Q:" and "A:" are no one)."""
    match = _TRANSCRIPT_LABEL.match(text, quote)
    if match is None or sum(map(str.isalpha, match.group("who"))) < 3 or match.group("who") in _STAGE_LABELS:
        return None
    return phrase(text, match.start("who"), match.end("who"))


def headline_speaker(text: str, line_start: int, quote: int) -> Mention | None:
    """A headline that opens with who speaks: "Reid: ‘Never underestimate Trump’", "Milbank:
    Republicans ‘waving the flag’"."""
    match = _HEADLINE.match(text, line_start, quote)
    if match is None or _ARTICLE.match(match.group("who")):
        return None  # "The Latest: Trump delivers …": headlines drop articles, so one opens a series' label
    return phrase(text, match.start("who"), match.end("who"))


def colon_subject(text: str, start: int, quote: int) -> Mention | None:
    """Who speaks after a colon that introduces a quotation, where no reporting verb says so:
    "Pollsters agree - Carl Bialik: “…”", "And Mr. Christie gloated: “…”"."""
    if not text[start:quote].rstrip().endswith(":"):
        return None
    colon = text.rfind(":", start, quote)
    source = _FROM_SOURCE.search(text[start:colon])
    if source is not None:  # "More from Jones: “…”", "From the report: “…”"
        return phrase(text, start + source.start("who"), start + source.end("who"))
    subject = _name_before(text, start, colon) or clause_subject(text, start, colon)
    if subject is not None and text[subject.start].islower() and " " not in text[subject.start:subject.end] \
            and not text[subject.end:colon].strip():
        return None  # "And more:": a word in lower case and no verb, no one who speaks ("- HuffPollster:" is one)
    if subject is not None and _PAGE_CUE.match(text, subject.start, colon):
        return None  # "Read more:", "See also:": a page's links, no one who speaks
    return subject


def _name_before(text: str, start: int, end: int) -> Mention | None:
    """A name that ends right at ``end`` ("such as the prophetic Dr Azm Al Homoud:")."""
    run = _NAME_AT_END.search(text, end - 80 if end - 80 > start else start, end)
    if run is None or len(run.group().split()) < 2 or run.group().split()[0].lower() in INTRO_WORDS:
        return None
    return phrase(text, run.start(), run.end())


def attributions(text: str, start: int, end: int, verbs: re.Pattern[str] = VERB,
                 matches: list[re.Match[str]] | None = None) -> list[Mention]:
    """Every source ``text[start:end]`` names for what it reports, in order: the subject of each
    reporting verb ("police said", "…, a security official told AP"), the speaker after one that
    opens its clause when no subject comes before it ("…, said Jean Larson."), what follows
    "according to", and the agent of "told by" / "informed by". ``verbs`` are the reporting verbs
    to look for (those of facts are fewer than those of speech); ``matches``, where they are in
    the range (``words.verb_matches``), when the caller has looked already."""
    found = []
    for verb in verbs_in(text, start, end, verbs, matches):
        verb_start = verb.start()
        if verb.group() in PARTICIPLES or text[verb_start - 3 if verb_start - 3 > start else start:verb_start] == "to " or (
                _SAYS_NOTHING.match(text, verb.end(), end)):
            continue
        by = _BY.match(text, verb.end(), end)
        if by is not None:
            mention = valid(text, noun_phrase_at(text, by.end(), end))
        elif verb.group() in _VALUING_VERBS and _VALUED_AS.match(text, verb.end(), end):
            continue
        else:
            mention = valid(text, subject_before(text, start, verb_start))
            if mention is None and (verb_start == start or _COMMA_BEFORE.search(
                    text, verb_start - 4 if verb_start - 4 > start else start, verb_start)):
                inverted = noun_phrase_at(text, skip_phrasal(text, verb.end(), end), end)
                if inverted is not None and _CLAUSE_END.match(text, inverted.end, end):
                    mention = valid(text, inverted)
        if mention is not None:
            found.append(mention)
    if text.find("ccording", start, end) >= 0:
        for match in _ACCORDING.finditer(text, start, end):
            mention = according_to(text, match.start(), end)
            if mention is not None:
                found.append(mention)
    return sorted(found)


def passive_before(text: str, start: int, end: int, found: list[re.Match[str]] | None = None) -> bool:
    """Whether ``text[start:end]`` reports speech in the passive ("were said to", "is called"); ``found``
    is ``verbs_in(text, start, end)`` when the caller has it."""
    return any(subject_end(text, start, verb.start()) is None
               for verb in (verbs_in(text, start, end) if found is None else found))


def according_to(text: str, start: int, end: int) -> Mention | None:
    """``according to X`` in ``text[start:end]``: X, the last one before ``end``."""
    found = None
    if text.find("ccording", start, end) < 0:
        return None
    for match in _ACCORDING.finditer(text, start, end):
        stop = match.end()
        for token in TOKEN.finditer(text, match.end(), end):
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
    if match is None:
        return None
    outlet = _DOCUMENT_AFTER.search(text, match.start("who"), match.end("who"))  # "Fox News article": Fox News
    return phrase(text, match.start("who"), match.end("who"), head_end=outlet.start() if outlet else None)


def cited_below(text: str, line_end: int) -> Mention | None:
    """The source in brackets that closes a block quotation left open: its mark opens a paragraph, is never
    closed, and a paragraph below without any quote mark ends on "(CNN News Article)"."""
    for _ in range(_CITED_PARAGRAPHS):
        if line_end >= len(text):
            return None
        start, line_end = line_end + 1, text.find("\n", line_end + 1)
        line_end = len(text) if line_end < 0 else line_end
        if _QUOTE_MARK.search(text, start, line_end):
            return None  # another quotation begins: the open one was not this source's
        cited = _CITATION_ENDING.search(text, start, line_end)
        if cited is not None:
            return phrase(text, cited.start("who"), cited.end("who"), head_end=cited.start("document"))
    return None


def signed_below(text: str, line_end: int) -> Mention | None:
    """A quotation signed on the line below it, as pull quotes are: "- Bernie Sanders."."""
    return _signer(text, _SIGNATURE.match(text, line_end))


def signed_after(text: str, end: int) -> Mention | None:
    """A quotation signed on its own line after a dash, as lists of readers' words are: “…” ― Carla Sanchez."""
    return _signer(text, _SIGNED_AFTER.match(text, end))


def _signer(text: str, match: re.Match[str] | None) -> Mention | None:
    """The name a signature gives, without the full stop that ends the line ("Sanders.", not "Jr.")."""
    if match is None:
        return None
    stop = match.end("who")
    if text[stop - 1] == "." and not keeps_dot(text[match.start("who"):stop].split()[-1]):
        stop -= 1
    return phrase(text, match.start("who"), stop)


def _inside_quote(text: str, start: int, position: int) -> bool:
    """Whether ``position`` lies inside a quotation opened after ``start`` (its marks are odd)."""
    return len(_QUOTE_MARK.findall(text, start, position)) % 2 == 1
