"""Figures grouped into facts: the same fact across reports, whatever its values.

Figures of one family (counts, magnitudes, lengths, money, ...) are compared pair by pair with
``fact_pairs``; pairs likely to state one fact join by average linkage, so a fact grows only while
its figures are, on average, alike, and a chain of near misses never merges two facts. A sentence
copied from one wire story into many reports is one node: its figures are compared once.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from .claims import Claim
from .fact_pairs import cannot_link, comparable_interval, pair_features, probability
from .facets import Facet

JOIN_AT = 0.4
"""Two groups join while the average probability that their figures state one fact is at least this."""
ALL_PAIRS_UP_TO = 400
"""A family with up to this many distinct mentions is compared pair by pair; a bigger one by blocks."""
BLOCK_NEIGHBOURS = 40
"""In a block too big to compare whole, each mention is compared with this many of nearest value."""
_OPENING_SENTENCES = 3


def group_figures(claims: Sequence[Claim], facets: dict[str, Facet], sentence_words: dict[tuple[str, int], str],
                  weights: Sequence[float]) -> list[list[Claim]]:
    """Groups of figures that state one fact; figures alone in their fact are left out."""
    mentions: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        mentions[mention_key(claim, facets[claim.id], sentence_words)].append(claim)
    by_family: dict[str, list[list[Claim]]] = defaultdict(list)
    for key, members in mentions.items():
        by_family[key[0]].append(members)
    groups = []
    for family_mentions in by_family.values():
        groups += _join(family_mentions, facets, sentence_words, weights)
    return [group for group in groups if len({c.doc for c in group}) > 1]


def _join(mentions: list[list[Claim]], facets: dict[str, Facet], sentence_words: dict[tuple[str, int], str],
          weights: Sequence[float]) -> list[list[Claim]]:
    """Average-linkage clustering of one family's mentions (each a list of identical figures)."""
    count = len(mentions)
    heads = [m[0] for m in mentions]
    head_facets = [facets[c.id] for c in heads]
    rarity = rarity_of(head_facets)
    intervals = [comparable_interval(c) for c in heads]
    edges: dict[tuple[int, int], float] = {}
    apart: set[tuple[int, int]] = set()
    for i, j in _candidate_pairs(heads, head_facets):
        p = pair_probability(heads[i], heads[j], head_facets[i], head_facets[j], rarity, sentence_words,
                             (intervals[i], intervals[j]), weights)
        if p is None:
            apart.add((i, j))
        elif p > 0.05:
            edges[(i, j)] = p
    sizes = [len(m) for m in mentions]
    members = _average_linkage(count, sizes, edges, apart)
    return [[claim for index in cluster for claim in mentions[index]] for cluster in members]


def pair_probability(a: Claim, b: Claim, facet_a: Facet, facet_b: Facet, rarity: dict[str, float],
                     sentence_words: dict[tuple[str, int], str], intervals: tuple, weights: Sequence[float]) -> float | None:
    """The probability that two figures state one fact; None when they never can (``cannot_link``)."""
    if cannot_link(a, b, facet_a, facet_b):
        return None
    alike = fuzz.token_set_ratio(sentence_words.get((a.doc, a.sentence), ""),
                                 sentence_words.get((b.doc, b.sentence), "")) / 100
    features = pair_features(a, b, facet_a, facet_b, rarity, alike,
                             (a.sentence < _OPENING_SENTENCES, b.sentence < _OPENING_SENTENCES), intervals)
    return probability(features, weights)


def mention_key(claim: Claim, facet: Facet, sentence_words: dict[tuple[str, int], str]) -> tuple:
    """Figures with one key are one mention, compared once: a wire story's sentence copied into many reports."""
    return (facet.family, sentence_words.get((claim.doc, claim.sentence), ""), facet.rank, facet.event,
            facet.noun, facet.episode, facet.sole)


def rarity_of(facets: list[Facet]) -> dict[str, float]:
    """How rare each context word is among the family's figures (inverse document frequency)."""
    frequency = Counter(word for facet in facets for word in facet.words)
    total = len(facets) + 1
    return {word: math.log(total / (1 + n)) + 0.1 for word, n in frequency.items()}


def _candidate_pairs(heads: list[Claim], facets: list[Facet]) -> list[tuple[int, int]]:
    """The pairs of mentions worth scoring: all of them in a small family, else those that share a key."""
    count = len(heads)
    if count <= ALL_PAIRS_UP_TO:
        return [(i, j) for i in range(count) for j in range(i + 1, count)]
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, facet in enumerate(facets):
        for key in block_keys(facet):
            blocks[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for block in blocks.values():
        ordered = sorted(block, key=lambda i: (heads[i].value is None, heads[i].value or 0.0))
        for position, i in enumerate(ordered):
            for j in ordered[position + 1:position + 1 + BLOCK_NEIGHBOURS]:
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def block_keys(facet: Facet) -> list[str]:
    """The keys a figure is blocked by in a family too big to compare whole: its event, noun and places."""
    keys = [f"e:{facet.event}" if facet.event else None, f"n:{facet.noun}" if facet.noun else None,
            *(f"a:{anchor}" for anchor in facet.anchors)]
    return [key for key in keys if key]


def _average_linkage(count: int, sizes: list[int], edges: dict[tuple[int, int], float],
                     apart: set[tuple[int, int]]) -> list[list[int]]:
    """Clusters of ``count`` nodes joined while their average link is at least ``JOIN_AT``.

    A link between two clusters is the sum of their members' pair probabilities (weighted by how
    many figures each node holds); pairs never scored count as zero. Two clusters with a pair in
    ``apart`` between them never join.
    """
    kept_apart: dict[int, set[int]] = defaultdict(set)
    for i, j in apart:
        kept_apart[i].add(j)
        kept_apart[j].add(i)
    linked: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), p in edges.items():
        weight = p * sizes[i] * sizes[j]
        linked[i][j] = linked[j][i] = weight
    members = {i: [i] for i in range(count)}
    size = dict(enumerate(sizes))
    heap = [(-p, i, j) for (i, j), p in edges.items() if p >= JOIN_AT]
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members or j in kept_apart[i]:
            continue
        average = linked[i].get(j, 0.0) / (size[i] * size[j])
        if abs(average + negative) > 1e-12:
            if average >= JOIN_AT:
                heapq.heappush(heap, (-average, i, j))
            continue
        members[i] += members.pop(j)
        size[i] += size.pop(j)
        for k in kept_apart.pop(j, set()):
            kept_apart[k].discard(j)
            kept_apart[k].add(i)
            kept_apart[i].add(k)
        for k, weight in linked.pop(j).items():
            linked[k].pop(j, None)
            if k == i:
                continue
            linked[i][k] = linked[k][i] = linked[i].get(k, 0.0) + weight
        for k, weight in linked[i].items():
            average = weight / (size[i] * size[k])
            if average >= JOIN_AT:
                heapq.heappush(heap, (-average, min(i, k), max(i, k)))
    return list(members.values())
