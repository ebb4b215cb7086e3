"""Claims: the figures and quotations of one document, each placed in its sentence and described."""

from __future__ import annotations

from operator import attrgetter
from dataclasses import dataclass

from sahel_reader.highlighters.context import (
    event_words,
    figure_counts,
    figure_event,
    nearest_source,
    sentence_sources,
)
from sahel_reader.highlighters.numbers import find_figures
from sahel_reader.highlighters.quotations import find_quotations
from sahel_reader.highlighters.spans import Figure

from .model import Document


@dataclass(slots=True)
class Claim:
    """One figure or quotation of one document, with what the engine could tell about it."""

    id: str
    doc: str
    kind: str
    """number | quote"""
    start: int
    end: int
    text: str
    sentence: int
    """Index into the document's sentences."""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    quantity: str | None = None
    unit: str | None = None
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
        """The claim as the ``claims --json`` contract of DESIGN.md gives it."""
        data = {"id": self.id, "doc": self.doc, "kind": self.kind, "start": self.start,
                "end": self.end, "text": self.text, "sentence": self.sentence}
        if self.kind == "number":
            data.update(value=_plain(self.value), low=_plain(self.low), high=_plain(self.high),
                        qualifier=self.qualifier, quantity=self.quantity, counts=self.counts,
                        event=self.event, source=self.source)
        else:
            data.update(speaker=self.speaker, speaker_text=self.speaker_text,
                        speaker_start=self.speaker_start, speaker_end=self.speaker_end)
        return data


SentenceMemo = dict[tuple[str, tuple[tuple[int, int, bool], ...]], tuple[tuple[str | None, str | None, str | None], ...]]
"""What the figures of a sentence count, their event and source, by the sentence and its figures."""


def extract_claims(document: Document, memo: SentenceMemo | None = None) -> list[Claim]:
    """Every figure and quotation of ``document`` outside boilerplate, in text order.

    ``memo``, shared by the reports of one story, reads each sentence's figures once: reports that
    copy a wire story repeat its sentences word for word. ``background`` is left for the story to
    set: it depends on the dates of all the reports.
    """
    memo = {} if memo is None else memo
    text = document.text
    starts = [start for start, _ in document.sentences]
    figures = [f for f in find_figures(text) if not document.is_boilerplate(f.start, f.end)]
    quotes = [q for q in find_quotations(text, document.sentences)
              if not document.is_boilerplate(q.start, q.end)]

    figures_by_sentence: dict[int, list[Figure]] = {}
    for figure, index in zip(figures, _sentences_of(starts, [f.start for f in figures])):
        figures_by_sentence.setdefault(index, []).append(figure)

    claims: list[Claim] = []
    for index, sentence_figures in figures_by_sentence.items():
        sentence_start, sentence_end = document.sentences[index]
        sentence_text = text[sentence_start:sentence_end]
        placed = tuple((f.start - sentence_start, f.end - sentence_start, f.quantity == "count") for f in sentence_figures)
        contexts = memo.get((sentence_text, placed))
        if contexts is None:
            contexts = memo[sentence_text, placed] = _figure_contexts(sentence_text, placed)
        for figure, (counts, event, source) in zip(sentence_figures, contexts):
            claims.append(Claim(  # by position, in the order of the fields: a third of the time by keyword
                "", document.id, "number", figure.start, figure.end, text[figure.start:figure.end], index,
                figure.value, figure.low, figure.high, figure.qualifier, figure.quantity, figure.unit,
                counts, event, source,
            ))
    for quote, index in zip(quotes, _sentences_of(starts, [q.start for q in quotes])):
        claims.append(Claim(
            id="", doc=document.id, kind="quote", start=quote.start, end=quote.end,
            text=text[quote.start:quote.end], sentence=index, speaker=quote.speaker,
            speaker_text=quote.speaker_text, speaker_start=quote.speaker_start, speaker_end=quote.speaker_end,
        ))
    claims.sort(key=_TEXT_ORDER)
    for number, claim in enumerate(claims, 1):
        claim.id = f"{document.id}#{number}"
    return claims


def _figure_contexts(sentence_text: str, figures: tuple[tuple[int, int, bool], ...]
                     ) -> tuple[tuple[str | None, str | None, str | None], ...]:
    """What each figure of a sentence counts, what happened to them and who says so.

    ``figures`` are (start, end, is a count) within the sentence; only counts have the first two.
    """
    sources = sentence_sources(sentence_text)
    events = event_words(sentence_text) if any(counted for _, _, counted in figures) else []
    spans = [(start, end) for start, end, _ in figures]
    contexts = []
    for span, (start, _, counted) in zip(spans, figures):
        source = nearest_source(sentence_text, sources, start)
        if counted:
            others = [other for other in spans if other != span]
            contexts.append((figure_counts(sentence_text, span), figure_event(sentence_text, span, others, events), source))
        else:
            contexts.append((None, None, source))
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


def _plain(number: float | None) -> float | int | None:
    """Whole numbers as ints in JSON (77, not 77.0)."""
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number
