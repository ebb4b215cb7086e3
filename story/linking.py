"""Clusters: the same fact across reports, whether its figures agree or not.

A fact is what is measured, of what, where and when (``facets``): two figures state the same fact
when their events, things counted, places, times and the words around them say so, whatever their
values (``fact_pairs``, ``fact_groups``); the values then decide whether the fact's versions agree
(``fact_status``). Quotations are linked when their words are the same, allowing for trimmed or
reworded versions. Sentence links are made in ``sentence_links``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from .claims import Claim, Kind, Status
from .fact_groups import group_figures
from .fact_names import fact_label, make_labels_unique
from .fact_status import fact_status, restated_in_zone, stated_rates
from .fact_weights import WEIGHTS
from .episodes import story_time
from .facets import Facet, carry_back, carry_over, facet, family_of, goes_on, sentence_facts, sole_values
from .model import Document
from .similarity import similar_pairs
from ..highlighters.kept_patterns import compile_kept

QUOTE_CUTOFF = 85.0
"""How alike (0-100, token set) two quotations' words must be to be one quotation, trimmed or reworded."""


@dataclass(slots=True)
class Cluster:
    """Claims of at least two documents that report the same fact."""

    id: str
    kind: Kind
    label: str
    status: Status
    claims: list[str]

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "label": self.label, "status": self.status,
                "claims": list(self.claims)}


def cluster_claims(documents: list[Document], claims: list[Claim], sentence_words: dict[tuple[str, int], str],
                   weights: list[float] | None = None) -> list[Cluster]:
    """Group the claims into clusters of the same fact, and set each member's ``cluster``.

    ``sentence_words`` holds the content words of each (document id, sentence index); ``weights``
    replaces the fitted model's (``scripts/fit_facts.py`` tries others).
    """
    return clusters_and_facets(documents, claims, sentence_words, weights)[0]


def clusters_and_facets(documents: list[Document], claims: list[Claim], sentence_words: dict[tuple[str, int], str],
                        weights: list[float] | None = None) -> tuple[list[Cluster], dict[str, Facet]]:
    """``cluster_claims``, and the facets it read: a story that grows links new figures against them."""
    numbers = _in_families_of_two_reports([c for c in claims if c.kind == "number" and not c.dateline])
    facets = facets_of(documents, numbers)
    groups = group_figures(numbers, facets, sentence_words, weights or WEIGHTS)
    groups += _group_quotes([c for c in claims if c.kind == "quote"])
    rates = stated_rates(claims, documents)

    first_position = {c.id: (order, c.start) for order, c in enumerate(claims)}
    groups.sort(key=lambda g: (-len({c.doc for c in g}), min(first_position[c.id] for c in g)))
    clusters = []
    for number, group in enumerate(groups, 1):
        group.sort(key=lambda c: first_position[c.id])
        kind = group[0].kind
        cluster = Cluster(id=f"k{number}", kind=kind, label=fact_label(group, facets),
                          status=fact_status(group, rates) if kind == "number" else quote_status(group),
                          claims=[c.id for c in group])
        for claim in group:
            claim.cluster = cluster.id
        clusters.append(cluster)
    make_labels_unique(clusters, groups, facets)
    return clusters, facets


def _in_families_of_two_reports(numbers: list[Claim]) -> list[Claim]:
    """The figures of families that more than one report states: no other can join a fact (a single
    report's thousands of figures are never compared among themselves)."""
    reports: dict[str, set[str]] = defaultdict(set)
    families = [family_of(claim) for claim in numbers]
    for claim, family in zip(numbers, families):
        reports[family].add(claim.doc)
    return [claim for claim, family in zip(numbers, families) if len(reports[family]) > 1]


def facets_of(documents: list[Document], numbers: list[Claim],
              time: tuple[set[int], set[int]] | None = None) -> dict[str, Facet]:
    """The facet of every figure, read from its sentence with the sentence's other figures as fences.

    It also sets each figure's ``background``: the other event or scope its clause tells of.
    ``time`` is the story's own years and months (``story_time``), worked out from these if not given.
    """
    years, months = time or story_time(documents, numbers)
    texts = {d.id: d for d in documents}
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in numbers:
        by_sentence[(claim.doc, claim.sentence)].append(claim)
    facets: dict[str, Facet] = {}
    read: dict[tuple, tuple[Facet, ...]] = {}  # wire copies repeat sentences word for word: each is read once
    for (doc_id, index), figures in by_sentence.items():
        document = texts[doc_id]
        start, end = document.sentences[index]
        sentence = document.text[start:end]
        spans = tuple((c.start - start, c.end - start) for c in figures)
        before = ""
        if index and goes_on(sentence):  # "It killed 612 people": the sentence before says when
            before_start, before_end = document.sentences[index - 1]
            before = document.text[before_start:before_end]
        key = (sentence, spans, before)
        if key not in read:
            read[key] = _sentence_facets(figures, sentence, start, spans, before, years, months)
        for claim, found in zip(figures, read[key]):
            facets[claim.id] = found
            claim.background = found.episode
        for rank in range(len(figures) - 2, -1, -1):  # a restatement's zone is of these figures, not the words
            utc = restated_in_zone(figures[rank], figures[rank + 1], sentence[spans[rank][1]:spans[rank + 1][0]])
            if utc is not None:
                facets[figures[rank].id] = replace(facets[figures[rank].id], utc=utc)
    return sole_values(numbers, facets)


def _sentence_facets(figures: list[Claim], sentence: str, start: int, spans: tuple[tuple[int, int], ...], before: str,
                     years: set[int], months: set[int]) -> tuple[Facet, ...]:
    """The facets of one sentence's figures, each with what the figure before it carries over and the
    figure after it carries back (``carry_over``, ``carry_back``)."""
    of_sentence = sentence_facts(sentence, years, months, before)
    read: list[Facet] = []
    for rank, (claim, span) in enumerate(zip(figures, spans)):
        found = facet(claim, sentence, start, [other for other in spans if other != span], years, months, rank,
                      of_sentence)
        if rank:
            found = carry_over(found, read[rank - 1], sentence[spans[rank - 1][1]:span[0]])
        read.append(found)
    for rank in range(len(figures) - 2, -1, -1):
        between = sentence[spans[rank][1]:spans[rank + 1][0]]
        read[rank] = carry_back(read[rank], read[rank + 1], between)
        moment = _MOMENT_BETWEEN.search(between)
        if moment and figures[rank + 1].quantity in ("time", "date") and figures[rank].quantity not in ("time", "date"):
            read[rank] = replace(read[rank], moment=f"{moment.group(1).lower()} {figures[rank + 1].text}")
    return tuple(read)


_MOMENT_BETWEEN = compile_kept(r"^(?:\s+[\w'-]+){0,5}?\s+(at|on)\s+$", re.IGNORECASE)
"""A clock time or date that follows a figure in its phrase: "a 2.2 at 2:15 a.m.", "3.8 on the scale at 09:10"."""


def _group_quotes(quotes: list[Claim]) -> list[list[Claim]]:
    """The same quotation in several reports, allowing for trimmed or reworded versions."""
    classes: dict[str, list[Claim]] = defaultdict(list)
    for quote in quotes:
        words = quote_words(quote.text)
        if len(words) >= 3:
            classes[" ".join(words)].append(quote)
    texts = list(classes)
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in similar_pairs(texts, QUOTE_CUTOFF, fuzz.token_set_ratio):
        parent[find(i)] = find(j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for number, text in enumerate(texts):
        groups[find(number)].extend(classes[text])
    return [g for g in groups.values() if len({c.doc for c in g}) > 1]


def quote_status(group: list[Claim]) -> str:
    return "conflict" if reworded_quotes(group) else "agree"


def reworded_quotes(quotes: list[Claim]) -> set[str]:
    """Ids of the versions of a quotation whose words are not a part of its longest wording: a trimmed
    quote agrees, a reworded one does not."""
    wordings = {c.id: " ".join(quote_words(c.text)) for c in quotes}
    longest = max(wordings.values(), key=len, default="")
    return {claim_id for claim_id, words in wordings.items() if words not in longest}


def quote_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())
