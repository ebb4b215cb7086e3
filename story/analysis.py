"""A story: its documents with their claims, the clusters of the same fact and the sentence links."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, TextIO

from .collector import collector_paused
from .model import Document

if TYPE_CHECKING:
    from .claims import Claim
    from .fact_status import Rates
    from .fact_verdicts import JudgedFacts
    from .growing import Growth
    from .linking import Cluster
    from .sentence_links import SentenceLink


@dataclass(slots=True)
class Story:
    """Everything the engine knows about one set of reports."""

    documents: list[Document]
    claims: list[Claim] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    sentence_links: list[SentenceLink] = field(default_factory=list)
    title: str | None = None
    _by_id: tuple[dict[str, Document], dict[str, Claim]] | None = field(default=None, repr=False, compare=False)
    growth: Growth | None = field(default=None, repr=False, compare=False)
    """What linking read, kept by ``analyse(..., growable=True)`` so that reports added later
    link against the story without starting over (``growing.grow``)."""
    judged: JudgedFacts | None = field(default=None, repr=False, compare=False)
    """What the reader's verdicts on versions changed in the facts (``fact_verdicts``)."""
    _rates: tuple[int, Rates] | None = field(default=None, repr=False, compare=False)

    def document(self, doc_id: str) -> Document:
        return self._index()[0][doc_id]

    def claim(self, claim_id: str) -> Claim:
        return self._index()[1][claim_id]

    def _index(self) -> tuple[dict[str, Document], dict[str, Claim]]:
        """Documents and claims by id, made on first use: look-ups are per key press."""
        if self._by_id is None or len(self._by_id[1]) != len(self.claims):
            self._by_id = ({d.id: d for d in self.documents}, {c.id: c for c in self.claims})
        return self._by_id

    def currency_rates(self) -> Rates:
        """The rates between currencies the story's text states (``fact_status.stated_rates``), worked out on
        first use and again when reports are added: the statuses and the outliers of its facts use them."""
        if self._rates is None or self._rates[0] != len(self.claims):
            from .fact_status import stated_rates

            self._rates = (len(self.claims), stated_rates(self.claims, self.documents))
        return self._rates[1]

    def to_json(self) -> dict:
        """The ``claims --json`` contract of ``docs/claims-json.md``."""
        return {name: list(items) for name, items in self._json_sections()}

    def write_json(self, stream: TextIO, *, ascii_only: bool = False) -> None:
        """``to_json`` written as it is made, one item per line.

        A story of a thousand reports has hundreds of thousands of links: building the whole
        document first would double the memory, and one item per line keeps it greppable.
        ``ascii_only`` writes every other character as a ``\\u`` escape, for outputs that are not
        UTF-8: the JSON stays the same. Strict JSON: no ``Infinity`` or ``NaN`` (claims give null).
        """
        import json  # here: the reader's first frame makes a Story of the texts and writes none
        from json.encoder import encode_basestring, encode_basestring_ascii

        encode = json.JSONEncoder(ensure_ascii=ascii_only, allow_nan=False).encode  # one encoder, not one a line
        string = encode_basestring_ascii if ascii_only else encode_basestring
        stream.write("{")
        for number, (name, items) in enumerate(self._json_sections()):
            stream.write(f'{"," if number else ""}\n"{name}": [')
            if name == "sentence_links":
                lines = _link_lines(self.sentence_links, string)
            elif name == "claims":
                lines = _claim_lines(self.claims, string, encode)
            else:
                lines = map(encode, items)
            separator = "\n "
            while chunk := list(islice(lines, _LINES_A_WRITE)):  # a write a line costs a fifth of the time
                stream.write(separator + ",\n ".join(chunk))
                separator = ",\n "
            stream.write("\n]")
        stream.write("\n}\n")

    def _json_sections(self) -> Iterator[tuple[str, Iterator[dict]]]:
        yield "documents", ({"id": d.id, "path": _shown_path(d.path), "title": d.title, "outlet": d.outlet,
                             "published": d.published, "url": d.url,
                             "sentences": [list(s) for s in d.sentences]} for d in self.documents)
        yield "claims", (c.to_json() for c in self.claims)
        yield "clusters", (c.to_json() for c in self.clusters)
        from .sentence_links import link_json

        yield "sentence_links", (link_json(link) for link in self.sentence_links)


@collector_paused
def analyse(documents: list[Document], title: str | None = None, *, growable: bool = False) -> Story:
    """Find every claim of every document and link the same facts across documents.

    ``growable`` keeps what linking read, so that reports can be added later (``growing.grow``).
    """
    # The engine (its patterns, numpy, rapidfuzz) is imported on first use, in the loading
    # worker: the reader's first frame needs only the Story type.
    from ..highlighters.kept_patterns import keep_compiled_patterns
    from .claims import ClaimsMemo, extract_claims
    from .linking import clusters_and_facets
    from .sentence_links import link_sentences
    from .similarity import content_words

    words_of: dict[str, str] = {}

    def words(text: str) -> str:
        """Content words, worked out once per distinct text: copies of a wire story repeat them."""
        if text not in words_of:
            words_of[text] = content_words(text)
        return words_of[text]

    from .published import publication_time, resolve_dates

    memo: ClaimsMemo = {}
    claims_by_doc = [extract_claims(d, memo) for d in documents]
    for document, claims in zip(documents, claims_by_doc):
        document.published = publication_time(document, claims)
        resolve_dates(claims, document.published)
    sentence_words: dict[tuple[str, int], str] = {}
    for document in documents:
        for index, (start, end) in enumerate(document.sentences):
            sentence_words[(document.id, index)] = words(document.text[start:end])
    claims = [c for doc_claims in claims_by_doc for c in doc_claims]
    clusters, facets = clusters_and_facets(documents, claims, sentence_words)
    links = link_sentences(documents, sentence_words, claims)
    story = Story(documents, claims, clusters, links, title)
    if growable:
        from .growing import keep_for_growth

        keep_for_growth(story, sentence_words, facets)
    keep_compiled_patterns()  # a first analysis has compiled them all: kept now, however this process ends
    return story


_LINES_A_WRITE = 4096


def _link_lines(links, string: Callable[[str], str]) -> Iterator[str]:
    """Each sentence link as ``encode(link_json(link))`` writes it, made faster: a thousand reports have
    a quarter of a million links. ``string`` is json's string encoder. A line is a sentence's opening
    and the rest (target, score and cluster), each written once: the sentences of a wire story's copies
    link to the same few targets (3,170 distinct rests among 365,904 links at 1,000 reports), so a line
    is one look-up and one join. At most ``_RESTS_KEPT`` rests are kept, should a story repeat nothing."""
    encoded: dict[str | None, str] = {None: "null"}
    opening_of: dict[tuple[str, int], str] = {}
    rest_of: dict[tuple[tuple[str, int], float, str | None], str] = {}
    last_source, opening = None, ""
    for source_key, target_key, score, cluster in links:
        if source_key != last_source:
            last_source = source_key
            opening = opening_of.get(source_key)
            if opening is None:
                doc, index = source_key
                opening = opening_of[source_key] = f'{{"from": [{_encoded(encoded, doc, string)}, {index}], "to": ['
        rest = rest_of.get((target_key, score, cluster))
        if rest is None:
            if len(rest_of) == _RESTS_KEPT:
                rest_of.clear()
            doc, index = target_key
            rest = rest_of[(target_key, score, cluster)] = (
                f'{_encoded(encoded, doc, string)}, {index}], "score": {float(score)!r}, '
                f'"cluster": {_encoded(encoded, cluster, string)}}}')
        yield opening + rest


_RESTS_KEPT = 65_536
"""Rests of link and claim lines kept for reuse, a few megabytes: a story that repeats nothing keeps no more."""


def _encoded(encoded: dict[str | None, str], name: str | None, string: Callable[[str], str]) -> str:
    if name not in encoded:
        encoded[name] = string(name)
    return encoded[name]


def _claim_lines(claims: list[Claim], string: Callable[[str], str], encode: Callable[[object], str]) -> Iterator[str]:
    """``encode(claim.to_json())`` for each claim, made faster: the keys are written once here, not
    encoded for each of tens of thousands of claims (a test checks that the bytes are the same). A
    figure's part after its sentence (value, unit, base values, hedge, source...) is written once for
    all the figures that have the same, as the copies of a wire story do (403 among 15,752 figures
    at 1,000 reports): those fields are text, None or a flag, and the numbers are written as ``_plain``
    makes them, which writes equal numbers alike (1 and 1.0 as 1). At most ``_RESTS_KEPT`` are kept."""
    from .claims import base_values
    from .claims import _plain as plain

    as_int, as_float, finite = int.__repr__, float.__repr__, math.isfinite

    def value(item) -> str:
        if item is None:
            return "null"
        if item is True:
            return "true"
        if item is False:
            return "false"
        kind = type(item)
        if kind is str:
            return string(item)
        if kind is int:
            return as_int(item)
        if kind is float and finite(item):
            return as_float(item)
        return encode(item)  # anything else as json writes it (or refuses it)

    rest_of: dict[tuple, str] = {}
    for c in claims:
        head = (f'{{"id": {value(c.id)}, "doc": {value(c.doc)}, "kind": {value(c.kind)}, "start": {value(c.start)}, '
                f'"end": {value(c.end)}, "text": {value(c.text)}, "sentence": {value(c.sentence)}, ')
        if c.kind != "number":
            yield head + (f'"speaker": {value(c.speaker)}, "speaker_text": {value(c.speaker_text)}, '
                          f'"speaker_start": {value(c.speaker_start)}, "speaker_end": {value(c.speaker_end)}}}')
            continue
        key = (c.value, c.low, c.high, c.qualifier, c.quantity, c.unit, c.dimension, c.per, c.when, c.role,
               c.dateline, c.counts, c.event, c.source)
        rest = rest_of.get(key)
        if rest is None:
            if len(rest_of) == _RESTS_KEPT:
                rest_of.clear()
            base = base_values(c)
            rest = rest_of[key] = (
                f'"value": {value(plain(c.value))}, "low": {value(plain(c.low))}, "high": {value(plain(c.high))}, '
                f'"qualifier": {value(c.qualifier)}, "quantity": {value(c.quantity)}, "unit": {value(c.unit)}, '
                f'"dimension": {value(c.dimension)}, "per": {value(c.per)}, "base_value": {value(plain(base[0]))}, '
                f'"base_low": {value(plain(base[1]))}, "base_high": {value(plain(base[2]))}, '
                f'"base_unit": {value(base[3])}, "when": {value(c.when)}, "role": {value(c.role)}, '
                f'"dateline": {value(c.dateline)}, "counts": {value(c.counts)}, "event": {value(c.event)}, '
                f'"source": {value(c.source)}}}')
        yield head + rest


def _shown_path(path: str) -> str:
    """The path as JSON can carry it: bytes of a file name that are not UTF-8 become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
