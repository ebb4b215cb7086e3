"""Which event a figure tells of: the story's own, an earlier one, or a wider scope.

"A 6.7 quake in the city of Bam in December 2003 killed more than 26,000 people" tells of another
quake than the story's, and its toll must not join this one's. The markers are a year or month
that is not the story's (its reports' publication dates say which are), and phrases of another
time or a wider scope ("last year", "so far this year", "since the war began", "across the
country"). They count where they stand in the figure's own clause, or open its sentence.
"""

from __future__ import annotations

import re
from collections import Counter

from ..highlighters.clock import MONTH_NAMES, MONTHS
from ..highlighters.folding import WordStart, fold
from ..highlighters.kept_patterns import compile_kept

from .claims import Claim
from .model import Document

_MONTH = "|".join(MONTH_NAMES)
_MARKER = compile_kept(
    rf"\b(?:in|of|during|until|by|from|the)\s+(?:(?:early|late|mid)[\s-]+)?(?:(?P<month_of_year>{_MONTH})\s+)?(?P<year>(?:1[89]|20)\d\d)\b"
    rf"|\b(?:in|during|last)\s+(?:(?:early|late|mid)[\s-]+)?(?P<month>{_MONTH})\b(?!\s+\d)"
    rf"|\b(?P<since>since\s+(?:(?:1[89]|20)\d\d|{_MONTH}|the\b))"
    r"|\b(?P<scope>last\s+year|earlier\s+this\s+year|in\s+recent\s+years|over\s+the\s+(?:years|past\s+decade)"
    r"|so\s+far\s+this\s+year|this\s+year|previously|in\s+(?:an?|the)\s+(?:earlier|previous|separate|similar)\s+\w+"
    r"|across\s+the\s+(?:region|country|continent|world)|nationwide|worldwide|ever|on\s+record|in\s+history)\b",
    re.IGNORECASE)
_MARKER_WORDS = WordStart(_MARKER.pattern)
"""``_MARKER`` searched in lower-cased text, passing over letters in C: every figure's clause and sentence is
searched for one (``WordStart``)."""
_FRAME = compile_kept(r"^\W*(?:in|across|throughout)\s+the\s+(?:area|region|country|continent)\b", re.IGNORECASE)
"""A place that frames the whole sentence when it opens it ("In the area, thousands have died"); in the
middle of one it is where someone lives or speaks from."""
_CONTRAST = compile_kept(r";|\b(?:since|compared\s+(?:with|to)|whereas|while|unlike|but)\b", re.IGNORECASE)
"""A sentence that sets two times or events against each other: its markers count only in their own clause."""
_GENERIC = compile_kept(r"\W*(?:An?|Such\s+an?)\s+(?:[\w.-]+\s+){0,3}?[\w.-]*\d[\w.-]*\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:can|could|may|might)\s+(?!not\b|have\b)[a-z]")
"""A sentence about any thing of its kind, not one that happened: "A magnitude 6 quake can cause severe damage"."""
GENERIC = "in general"
"""The episode of a figure in a generic statement: it is no fact of the story's event."""
_OPENING_WORDS = 6
_DATELINE_SENTENCES = 3


def story_time(documents: list[Document], claims: list[Claim]) -> tuple[set[int], set[int]]:
    """The story's own years and months: those of its reports' publication, else of their first dates; and
    the month before or after where a report falls within a few days of it (or says no day)."""
    years: Counter[int] = Counter()
    days: list[tuple[int, int | None]] = []
    for document in documents:
        if document.published and document.published[:4].isdigit():
            years[int(document.published[:4])] += 1
            if len(document.published) >= 7 and document.published[5:7].isdigit():
                day = document.published[8:10]
                days.append((int(document.published[5:7]), int(day) if day.isdigit() else None))
    if not years:
        for claim in claims:
            if claim.quantity in ("date", "year") and claim.sentence < _DATELINE_SENTENCES and claim.when:
                if claim.when[:4].isdigit():
                    years[int(claim.when[:4])] += 1
                if len(claim.when) >= 7 and claim.when[-5:-3].isdigit():
                    day = claim.when[-2:]
                    days.append((int(claim.when[-5:-3]), int(day) if day.isdigit() else None))
    main_months = {month for month, _ in Counter(month for month, _ in days).most_common(2)}
    own_months = set(main_months)
    for month, day in days:
        if month in main_months and (day is None or day <= _MONTH_EDGE):
            own_months.add(month - 1 or 12)  # a report of the 1st tells of the 31st as its own
        if month in main_months and (day is None or day > 28 - _MONTH_EDGE):
            own_months.add(month % 12 + 1)
    return {year for year, _ in years.most_common(2)}, own_months


_MONTH_EDGE = 3
"""How many days from a month's edge a report may tell of the next or last month's days as its own event's."""


def episode(clause: str, sentence: str, years: set[int], months: set[int]) -> str | None:
    """The other event a figure's clause tells of, or its sentence's where the sentence sets no times
    against each other: "2003", "2005-02", "february", "scope" for a wider scope or time; None for the
    story's own event."""
    return clause_episode(clause, sentence_episode(sentence, years, months), years, months)


def sentence_episode(sentence: str, years: set[int], months: set[int]) -> str | None:
    """What a whole sentence says of its time (``episode``), worked out once for all its figures."""
    if _GENERIC.match(sentence):
        return GENERIC
    found = "scope" if _FRAME.match(sentence) else None
    whole = sentence if not _CONTRAST.search(sentence) else opening_of(sentence)
    return _first_marker(whole, years, months) or found


def clause_episode(clause: str, of_sentence: str | None, years: set[int], months: set[int],
                   whole_clause: str | None = None) -> str | None:
    """A figure's episode: a dated marker of its own clause, else its sentence's (``sentence_episode``).

    ``clause`` is the few words around the figure; ``whole_clause`` all of it up to the next figure or
    clause break, whose dated markers count too ("600 were killed in the city of Zarand in February"),
    but not its markers of scope, which tell of the words they stand beside."""
    own = _first_marker(clause, years, months)
    if whole_clause is not None and (own is None or own == "scope"):
        dated = _first_marker(whole_clause, years, months)
        own = dated if dated and dated != "scope" else own
    if own and own != "scope":
        return own
    if of_sentence and of_sentence != "scope":
        return of_sentence
    return own or of_sentence


def _first_marker(text: str, years: set[int], months: set[int]) -> str | None:
    """The first dated marker of ``text``, else "scope" if it has a marker of scope, else None."""
    found = None
    for match in _MARKER_WORDS.groups(text, fold(text)):
        marker = _marker(match, years, months)
        if marker and marker != "scope":
            return marker
        found = found or marker
    return found


def _marker(match: re.Match[str], years: set[int], months: set[int]) -> str | None:
    if match.group("year"):
        year = int(match.group("year"))
        month = MONTHS.get((match.group("month_of_year") or "").lower())
        if year not in years:  # a story of unknown date: a year named beside a figure is an earlier one's
            return f"{year}"
        if month and months and month not in months:
            return f"{year}-{month:02d}"
        return None
    if match.group("month"):
        month = MONTHS[match.group("month").lower()]
        return match.group("month").lower() if months and month not in months else None
    return "scope"


def episode_words(told: str | None, *texts: str) -> str | None:
    """How a label says a figure's other event or scope, read from ``texts`` (its clause, then its sentence):
    "in 2003", "in February 2005", "in February", "across the country", "since the war began", "that can
    cause severe damage" (a generic statement); None for the story's own event."""
    if told is None:
        return None
    if told == GENERIC:
        found = next((m for text in texts if (m := _MODAL.search(text))), None)
        return f"that {found.group().lower()}" if found else "in general"
    if told == "scope":
        found = next(((m, text) for text in texts for m in (*_MARKER.finditer(text), _FRAME.match(text))
                      if m and _is_scope(m)), None)
        if found is None:
            return None
        match, text = found
        words = match.group()
        if words.lower().endswith(" the"):  # "since the war began"
            words += _GOES_ON_TO.match(text, match.end()).group()
        words = _SPACE.sub(" ", words.strip()).lower()
        return None if words in _RECORDS else words
    year, _, month = told.partition("-")
    if not year.isdigit():
        return f"in {told.capitalize()}"
    return f"in {MONTH_NAMES[int(month) - 1].capitalize()} {year}" if month else f"in {year}"


_MODAL = compile_kept(r"\b(?:can|could|may|might)\s+(?!not\b|have\b)[a-z][\w-]*(?:\s+(?![\w-]+ly\b)[a-z][\w-]*){0,2}")
"""What a generic statement says any thing of its kind does: "can cause severe damage"."""
_SPACE = compile_kept(r"\s+")
_RECORDS = frozenset({"ever", "on record", "in history"})
"""Markers of a record ("the biggest heist ever"), which say how big, not when or where: no label says them."""
_GOES_ON_TO = compile_kept(r"(?:\s+[^\W\d_][\w'-]*){0,3}")


def _is_scope(match: re.Match[str]) -> bool:
    """Whether a marker (or a framing place, which has no groups) tells of a scope, not a year or month."""
    groups = match.re.groupindex
    return "scope" not in groups or bool(match.group("scope") or match.group("since"))


def same_episode(a: str | None, b: str | None) -> bool:
    """Whether two episodes are one: equal, or one a part of the other ("2003" and "2003-12")."""
    if a is None or b is None:
        return a is b
    return a == b or a.startswith(f"{b}-") or b.startswith(f"{a}-")


def opening_of(sentence: str) -> str:
    """The first words of a sentence, where a time or scope frames all of it ("In 2015, ...")."""
    return " ".join(sentence.split()[:_OPENING_WORDS])
