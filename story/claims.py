"""Claims: the figures and quotations of one document, each placed in its sentence and described."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Literal
from urllib.parse import urlsplit

from ..highlighters.boilerplate import is_date_line
from ..highlighters.capitals import in_capitals, in_news_case, names_its_speaker
from ..highlighters.clock import iso_date
from ..highlighters.context import event_words, figure_counts, figure_event, sentence_words
from ..highlighters.folding import fold
from ..highlighters.quotations import find_quotations
from ..highlighters.sources import PERSONAL_PRONOUNS, figure_sources, sentence_sources
from ..highlighters.safety import without_escape_sequences
from ..highlighters.soft_wraps import breaks_as_spaces
from ..highlighters.spans import Figure, Qualifier, Quantity, Quotation

from .measures import base_unit, to_base
from .model import Document
from .report_figures import LineFigures, report_figures
from ..highlighters.kept_patterns import compile_kept

Kind = Literal["number", "quote"]
"""A claim is a figure or a quotation."""
Status = Literal["agree", "conflict"]
"""A fact's versions can all be true together, or they cannot."""


@dataclass(slots=True)
class Claim:
    """One figure or quotation of one document, with what the engine could tell about it."""

    id: str
    doc: str
    kind: Kind
    start: int
    end: int
    text: str
    sentence: int
    """Index into the document's sentences."""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier | None = None
    quantity: Quantity | None = None
    unit: str | None = None
    dimension: str | None = None
    per: str | None = None
    when: str | None = None
    role: str | None = None
    dateline: bool = False
    """The figure dates the report itself ("Updated 4/9/2007 6:04 PM"): publication, not a fact of the story."""
    counts: str | None = None
    event: str | None = None
    source: str | None = None
    speaker: str | None = None
    """Who said a quotation: the fullest name the report gives them ("Salva Kiir")."""
    speaker_text: str | None = None
    """The words the report used for the speaker there ("Mr. Kiir", "he", "the doctor")."""
    speaker_start: int | None = None
    speaker_end: int | None = None
    """Where ``speaker_text`` is in the document's text."""
    background: str | None = None
    """Set when the sentence tells of another time or scope ("2015", "july", "scope")."""
    cluster: str | None = None

    def to_json(self) -> dict:
        """The claim as ``docs/claims-json.md`` gives it."""
        data = {"id": self.id, "doc": self.doc, "kind": self.kind, "start": self.start,
                "end": self.end, "text": self.text, "sentence": self.sentence}
        if self.kind == "number":
            base = base_values(self)
            data.update(value=_plain(self.value), low=_plain(self.low), high=_plain(self.high),
                        qualifier=self.qualifier, quantity=self.quantity, unit=self.unit, dimension=self.dimension,
                        per=self.per, base_value=_plain(base[0]), base_low=_plain(base[1]), base_high=_plain(base[2]),
                        base_unit=base[3], when=self.when, role=self.role, dateline=self.dateline,
                        counts=self.counts, event=self.event, source=self.source)
        else:
            data.update(speaker=self.speaker, speaker_text=self.speaker_text,
                        speaker_start=self.speaker_start, speaker_end=self.speaker_end)
        return data


SentenceMemo = dict[tuple[str, tuple[tuple[int, int, bool], ...]], tuple[tuple[str | None, str | None, str | None], ...]]
"""What the figures of a sentence count, their event and source, by the sentence and its figures."""
ClaimsMemo = dict[str, LineFigures | SentenceMemo]
"""What the reports of one story share while their claims are found: under "lines" each line's
figures (``report_figures``), under "sentences" what the figures of a sentence are about."""


def extract_claims(document: Document, memo: ClaimsMemo | None = None) -> list[Claim]:
    """Every figure and quotation of ``document`` outside boilerplate, in text order.

    ``memo``, shared by the reports of one story, reads each line's figures and what each sentence's
    figures are about once: reports that copy a wire story repeat its paragraphs word for word.
    ``background`` is left for the story to set: it depends on the dates of all the reports.
    """
    memo = {} if memo is None else memo
    line_figures: LineFigures = memo.setdefault("lines", {})
    sentence_memo: SentenceMemo = memo.setdefault("sentences", {})
    text = breaks_as_spaces(without_escape_sequences(document.text), document.soft_breaks)  # read in; a claim's words are the report's own
    spoken = in_news_case(text) if in_capitals(text) else text  # who speaks is told by case: a telex is read in it
    starts = [start for start, _ in document.sentences]
    date_lines = {start: is_date_line(document.text[start:end]) for start, end in document.boilerplate}
    figures, datelines = _kept_figures(document, report_figures(text, report_dollar(text), line_figures,
                                                                _furniture_lines(document, text, date_lines)), date_lines)
    quotes = [q for q in _quotations(text, spoken, document.sentences)
              if not q.name and not document.is_boilerplate(q.start, q.end)]  # a title says nothing

    figures_by_sentence: dict[int, list[Figure]] = {}
    for figure, index in zip(figures, _sentences_of(starts, [f.start for f in figures])):
        figures_by_sentence.setdefault(index, []).append(figure)

    said_by = _speakers_by_place(quotes)
    anyone_said = bool(said_by[0])
    doc_id, original = document.id, document.text
    claims: list[Claim] = []
    for index, sentence_figures in figures_by_sentence.items():
        sentence_start, sentence_end = document.sentences[index]
        sentence_text = spoken[sentence_start:sentence_end]
        key = (sentence_text, tuple([(f.start - sentence_start, f.end - sentence_start, f.quantity == "count")
                                     for f in sentence_figures]))
        contexts = sentence_memo.get(key)
        if contexts is None:
            contexts = sentence_memo[key] = _figure_contexts(*key)
        for figure, (counts, event, source) in zip(sentence_figures, contexts):
            if source is None and anyone_said:
                source = _speaker_around(said_by, figure.start)  # a figure in someone's quoted words is theirs
            elif source in PERSONAL_PRONOUNS:
                source = _speaker_before(said_by, figure.start, starts[max(0, index - _PRONOUN_REACH)])
            claims.append(Claim(  # by position, in the order of the fields: a third of the time by keyword
                "", doc_id, "number", figure.start, figure.end, original[figure.start:figure.end], index,
                figure.value, figure.low, figure.high, figure.qualifier, figure.quantity, figure.unit,
                figure.dimension, figure.per, figure.when, figure.role, figure.start in datelines,
                counts, event, source,
            ))
    for quote, index in zip(quotes, _sentences_of(starts, [q.start for q in quotes])):
        claims.append(Claim(
            id="", doc=document.id, kind="quote", start=quote.start, end=quote.end,
            text=document.text[quote.start:quote.end], sentence=index, speaker=quote.speaker,
            speaker_text=None if quote.speaker_start is None else document.text[quote.speaker_start:quote.speaker_end],
            speaker_start=quote.speaker_start, speaker_end=quote.speaker_end,
        ))
    claims.sort(key=_TEXT_ORDER)
    for number, claim in enumerate(claims, 1):
        claim.id = f"{doc_id}#{number}"
    return claims


def _speakers_by_place(quotes: list[Quotation]) -> tuple[list[int], list[tuple[int, str]]]:
    """The quotations with a speaker, as their starts and (end, speaker), in text order, for ``_speaker_around``."""
    spoken = [quote for quote in quotes if quote.speaker]
    return [quote.start for quote in spoken], [(quote.end, quote.speaker) for quote in spoken]


def _speaker_around(said_by: tuple[list[int], list[tuple[int, str]]], offset: int) -> str | None:
    """The speaker of the quotation holding ``offset``, if one does."""
    starts, ends = said_by
    index = bisect_right(starts, offset) - 1
    return ends[index][1] if index >= 0 and offset < ends[index][0] else None


_PRONOUN_REACH = 2
"""Sentences back (and the figure's own) in which the speaker a "he said" or "she said" stands for is looked for."""


def _speaker_before(said_by: tuple[list[int], list[tuple[int, str]]], offset: int, since: int) -> str | None:
    """The one speaker of the quotations between ``since`` and ``offset``, which a pronoun there stands for;
    None when none spoke, or when two did (the pronoun could be either's)."""
    starts, ends = said_by
    speakers = {speaker for _, speaker in ends[bisect_left(starts, since):bisect_right(starts, offset)]}
    return speakers.pop() if len(speakers) == 1 else None


def _quotations(text: str, spoken: str, sentences: list[tuple[int, int]]) -> list[Quotation]:
    """The quotations of ``text`` with the speakers ``spoken``, the same text in the case of news prose, gives
    them: a report in capitals keeps its own quotations and titles (told by their marks and capitals), and a
    quotation tagged only by a pronoun keeps no speaker there (``names_its_speaker``)."""
    quotes = find_quotations(text, sentences)
    if spoken is text:
        return quotes
    said = {(q.start, q.end): q for q in find_quotations(spoken, sentences) if names_its_speaker(q.speaker_text)}
    return [replace(quote, speaker=tag.speaker, speaker_text=tag.speaker_text, speaker_start=tag.speaker_start,
                    speaker_end=tag.speaker_end) if (tag := said.get((quote.start, quote.end)))
            else replace(quote, speaker=None, speaker_text=None, speaker_start=None, speaker_end=None)
            for quote in quotes]


def _figure_contexts(sentence_text: str, figures: tuple[tuple[int, int, bool], ...]
                     ) -> tuple[tuple[str | None, str | None, str | None], ...]:
    """What each figure of a sentence counts, what happened to them and who says so.

    ``figures`` are (start, end, is a count) within the sentence; only counts have the first two.
    The sentence is lower-cased and split into words, and its sources and event words found, once
    for all its figures.
    """
    folded = fold(sentence_text)
    words = sentence_words(folded)
    sources = sentence_sources(sentence_text, folded, words)
    if sources:
        sources = figure_sources(sentence_text, folded, sources, [start for start, _, _ in figures])
    else:
        sources = [None] * len(figures)  # most sentences name nobody
    events = None  # found at the first count: a sentence of dates and money has none
    spans: list[tuple[int, int]] = []  # the figures' spans, once an event word is found: most sentences have none
    contexts = []
    for (start, end, counted), source in zip(figures, sources):
        if not counted:
            contexts.append((None, None, source))
            continue
        if events is None:
            events = event_words(sentence_text, folded, words)
            if events:
                spans = [figure[:2] for figure in figures]
        span = (start, end)
        event = figure_event(sentence_text, span, [other for other in spans if other != span], events) if events else None
        contexts.append((figure_counts(sentence_text, span), event, source))
    return tuple(contexts)


_TEXT_ORDER = attrgetter("start", "end")


def _sentences_of(starts: list[int], offsets: list[int]) -> list[int]:
    """The sentence holding each of ``offsets``, which come in text order: one walk through the sentences."""
    indices, index, last = [], 0, len(starts) - 1
    for offset in offsets:
        while index < last and starts[index + 1] <= offset:
            index += 1
        indices.append(index)
    return indices


def base_values(claim: Claim) -> tuple[float | None, float | None, float | None, str | None]:
    """The claim's value, low and high in its dimension's base unit, and that unit (money stays in its currency)."""
    if claim.dimension == "currency":
        return (claim.value, claim.low, claim.high, claim.unit) if claim.unit else (None, None, None, None)
    unit = base_unit(claim.dimension) if claim.unit else None
    if unit is None:
        return None, None, None, None
    return (to_base(claim.value, claim.unit, claim.dimension), to_base(claim.low, claim.unit, claim.dimension),
            to_base(claim.high, claim.unit, claim.dimension), unit)


_SIGNED_DOLLAR = compile_kept(r"(?<![A-Za-z$])(US|A|AU|NZ|HK|C|CA|S|NT|R)\$")
_NAMED_DOLLAR = compile_kept(r"\b(Australian|Canadian|New Zealand|Hong Kong|Singapore|Taiwan) dollars?\b")
_NAMED_REACH = len("New Zealand ")
"""How far before "dollar" the longest country of ``_NAMED_DOLLAR`` starts."""
_DOLLAR_CODES = {"a": "AUD", "au": "AUD", "australian": "AUD", "nz": "NZD", "new zealand": "NZD", "hk": "HKD",
                 "hong kong": "HKD", "c": "CAD", "ca": "CAD", "canadian": "CAD", "s": "SGD", "singapore": "SGD",
                 "nt": "TWD", "taiwan": "TWD", "r": "BRL", "us": "USD"}
_NUMERIC_DATE = compile_kept(r"(?<![\d/])(\d{1,2})/(\d{1,2})/\d{2,4}(?![\d/])")
_DAY_FIRST_HOSTS = (".uk", ".in", ".au", ".nz", ".ie", ".za", ".pk", ".ng", ".ke", ".sg", ".my", ".fr", ".de", ".es",
                    ".it", ".ae", ".eg", ".ml", ".sn", ".gh", ".lk", ".bd", ".ph")
"""Where dates are written day first (4/9/2007 is 4 September): most of the world but North America."""


def report_dollar(text: str) -> str:
    """The currency a bare "$" means in a report: the one other dollar it names ("A$18 million"), else USD.

    Each "$" and "dollar" is found with ``str.find`` and only the few characters before it are read:
    a pattern that opens with a lookbehind would be tried at every position of the report.
    """
    named = set()
    at = text.find("$")
    while at >= 0:
        found = _SIGNED_DOLLAR.search(text, max(0, at - 2), at + 1)
        if found is not None:
            named.add(_DOLLAR_CODES[found.group(1).lower()])
        at = text.find("$", at + 1)
    at = text.find("dollar")
    while at >= 0:
        found = _NAMED_DOLLAR.search(text, max(0, at - _NAMED_REACH), at + len("dollars") + 1)
        if found is not None:
            named.add(_DOLLAR_CODES[found.group(1).lower()])
        at = text.find("dollar", at + 1)
    return named.pop() if len(named) == 1 else "USD"


def day_first(document: Document, numeric_dates: list[str]) -> bool:
    """Whether the report writes numeric dates day first: a first number over 12 in one of its
    ``numeric_dates`` says so, a second one says not; else its site's country does."""
    for written in numeric_dates:
        parts = _NUMERIC_DATE.search(written)
        if parts and int(parts.group(1)) > 12:
            return True
        if parts and int(parts.group(2)) > 12:
            return False
    url = document.url or ""
    host = (urlsplit(url if "://" in url else f"http://{url}").hostname or "") if url else (document.outlet or "")
    return host.lower().endswith(_DAY_FIRST_HOSTS)


_DATELINE_KINDS = frozenset({"date", "time", "year"})
"""What a dateline states: a stray count beside it ("GMT+01: 0", a comment count) is page furniture."""


def _kept_figures(document: Document, figures: list[Figure], date_lines: dict[int, bool]
                  ) -> tuple[list[Figure], set[int]]:
    """The figures outside page furniture, and those that date the report on a line of its own (whose
    starts are returned apart); numeric dates are re-read day first where the report writes them so.
    ``date_lines`` tells, by its start, whether each boilerplate line of the report is a date line."""
    kept: list[Figure] = []
    datelines: set[int] = set()
    numeric: list[Figure] = []
    text = document.text
    furniture, line, last = document.boilerplate, -1, len(document.boilerplate) - 1
    for figure in figures:  # in text order, as the lines of furniture: a walk through both tells which lie in one
        while line < last and furniture[line + 1][0] <= figure.start:
            line += 1
        if line >= 0 and figure.end <= furniture[line][1]:  # what ``document.is_boilerplate`` says, without its bisection
            if figure.quantity not in _DATELINE_KINDS or not date_lines.get(text.rfind("\n", 0, figure.start) + 1):
                continue
            datelines.add(figure.start)
        kept.append(figure)
        if figure.quantity == "date" and "/" in text[figure.start:figure.end]:
            numeric.append(figure)
    if numeric and day_first(document, [text[f.start:f.end] for f in numeric]):
        for figure in numeric:
            figure.when = iso_date(text[figure.start:figure.end], day_first=True)
    return kept, datelines


def _furniture_lines(document: Document, text: str, date_lines: dict[int, bool]) -> frozenset[int]:
    """The starts of the lines of ``text`` that are page furniture whole and date nothing ("Post Comment",
    "Original Source: www.arabnews.com/…"): ``_kept_figures`` would drop every figure read there, so none is read.
    A boilerplate line that a soft break joins to the next is read: the rest of its line is the report's."""
    return frozenset(start for start, end in document.boilerplate if not date_lines[start]
                     and (start == 0 or text[start - 1] == "\n") and text[end:end + 1] in ("\n", ""))


def _plain(number: float | None) -> float | int | None:
    """Whole numbers as ints in JSON (77, not 77.0); null for a figure too big for a float (310
    digits and more read as infinity, which JSON cannot hold: the claim's text keeps the figure)."""
    if number is None or not math.isfinite(number):
        return None
    return int(number) if float(number).is_integer() else number
