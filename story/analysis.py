"""A story: its documents with their claims, the clusters of the same fact and the sentence links."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from .model import Document

if TYPE_CHECKING:
    from .claims import Claim
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

    def document(self, doc_id: str) -> Document:
        return self._index()[0][doc_id]

    def claim(self, claim_id: str) -> Claim:
        return self._index()[1][claim_id]

    def _index(self) -> tuple[dict[str, Document], dict[str, Claim]]:
        """Documents and claims by id, made on first use: look-ups are per key press."""
        if self._by_id is None or len(self._by_id[1]) != len(self.claims):
            self._by_id = ({d.id: d for d in self.documents}, {c.id: c for c in self.claims})
        return self._by_id

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
        encode = json.JSONEncoder(ensure_ascii=ascii_only, allow_nan=False).encode  # one encoder, not one a line
        stream.write("{")
        for number, (name, items) in enumerate(self._json_sections()):
            stream.write(f'{"," if number else ""}\n"{name}": [')
            lines = _link_lines(self.sentence_links, encode) if name == "sentence_links" else map(encode, items)
            for index, line in enumerate(lines):
                stream.write(("," if index else "") + "\n " + line)
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


def analyse(documents: list[Document], title: str | None = None, *, growable: bool = False) -> Story:
    """Find every claim of every document and link the same facts across documents.

    ``growable`` keeps what linking read, so that reports can be added later (``growing.grow``).
    """
    # The engine (its patterns, numpy, rapidfuzz) is imported on first use, in the loading
    # worker: the reader's first frame needs only the Story type.
    from .claims import SentenceMemo, extract_claims
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

    memo: SentenceMemo = {}
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
    return story


def _link_lines(links, encode) -> Iterator[str]:
    """Each sentence link as ``encode(link_json(link))`` writes it, made faster: a thousand reports have
    a quarter of a million links, and only their report ids and cluster ids need encoding (once each)."""
    encoded: dict[str | None, str] = {None: "null"}
    for (source_doc, source), (target_doc, target), score, cluster in links:
        for name in (source_doc, target_doc, cluster):
            if name not in encoded:
                encoded[name] = encode(name)
        yield (f'{{"from": [{encoded[source_doc]}, {source}], "to": [{encoded[target_doc]}, {target}], '
               f'"score": {float(score)!r}, "cluster": {encoded[cluster]}}}')


def _shown_path(path: str) -> str:
    """The path as JSON can carry it: bytes of a file name that are not UTF-8 become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
