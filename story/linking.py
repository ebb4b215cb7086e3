"""Clusters: the same fact across reports, whether its figures agree or not.

Figures that report an event (killed, injured, buried...) are grouped by that event, by what they
count and by the time or scope their sentence names, so that "77 people had died" and "almost 100"
fall together and are flagged as conflicting, while last July's ambush stays apart. Other figures
(years, durations, distances, unexplained counts) and quotations are linked when their sentences
say the same thing (see ``similarity``). Sentence links are made in ``sentence_links``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from .claims import Claim
from .similarity import similar_pairs

_EVENT_LABELS = {
    "killed": "death toll", "injured": "injured", "identified": "victims identified",
    "buried": "burials", "detained": "detained", "displaced": "displaced",
    "casualties": "casualties (killed and injured)", "missing": "missing", "abducted": "abducted",
}
_GENERIC_COUNTS = {None, "people", "individuals", "persons", "others", "victims", "lives", "bodies"}
_COUNT_GROUPS = {
    "cadets": "trainees", "students": "trainees", "trainees": "trainees", "recruits": "trainees",
    "soldiers": "troops", "troops": "troops", "servicemen": "troops", "personnel": "troops",
    "militants": "fighters", "fighters": "fighters", "attackers": "fighters", "gunmen": "fighters",
    "jihadists": "fighters", "rebels": "fighters", "insurgents": "fighters", "assailants": "fighters",
    "civilians": "civilians", "residents": "civilians", "villagers": "civilians",
    "children": "children", "kids": "children", "police": "police", "policemen": "police",
    "officers": "police", "mercenaries": "mercenaries", "suspects": "suspects",
}
_MAGNITUDE_SPREAD = 8.0
"""Figures of one fact rarely differ by more than this factor; beyond it they are another fact."""
_CONTEXT_CUTOFF = 62.0
"""Sentence similarity (0-100) from which two unexplained figures or two sentences are linked."""
_QUOTE_CUTOFF = 85.0

@dataclass(slots=True)
class Cluster:
    """Claims of at least two documents that report the same fact."""

    id: str
    kind: str
    label: str
    status: str
    """agree | conflict"""
    claims: list[str]

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "label": self.label, "status": self.status,
                "claims": list(self.claims)}


def cluster_claims(
    claims: list[Claim], claim_context: dict[str, str], sentence_words: dict[tuple[str, int], str]
) -> list[Cluster]:
    """Group the claims into clusters of the same fact, and set each member's ``cluster``.

    ``claim_context`` holds, per claim id, the content words around the claim in its sentence;
    ``sentence_words`` the content words of each (document id, sentence index).
    """
    groups: list[list[Claim]] = []
    numbers = [c for c in claims if c.kind == "number" and not c.dateline]
    event_figures = [c for c in numbers if c.quantity == "count" and c.event]
    groups += _group_event_figures(event_figures)
    others = [c for c in numbers if not (c.quantity == "count" and c.event)]
    groups += _group_by_context(others, claim_context, sentence_words)
    groups += _group_quotes([c for c in claims if c.kind == "quote"])

    clusters = []
    first_position = {c.id: (order, c.start) for order, c in enumerate(claims)}
    groups = [g for g in groups if len({c.doc for c in g}) >= 2]
    groups.sort(key=lambda g: (-len({c.doc for c in g}), min(first_position[c.id] for c in g)))
    for number, group in enumerate(groups, 1):
        group.sort(key=lambda c: first_position[c.id])
        cluster = Cluster(id=f"k{number}", kind=group[0].kind, label=_label(group, claim_context),
                          status=_status(group), claims=[c.id for c in group])
        for claim in group:
            claim.cluster = cluster.id
        clusters.append(cluster)
    return clusters


def _group_event_figures(claims: list[Claim]) -> list[list[Claim]]:
    """Event figures by (event, time or scope), split by what they count where that is specific."""
    buckets: dict[tuple[str, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        buckets[(claim.event, claim.background)].append(claim)
    groups = []
    for bucket in buckets.values():
        by_kind: dict[str | None, list[Claim]] = defaultdict(list)
        for claim in bucket:
            by_kind[_count_group(claim.counts)].append(claim)
        generic = by_kind.pop(None, [])
        if len(by_kind) == 1:
            only = next(iter(by_kind))
            by_kind[only] += generic
        elif generic:
            by_kind[None] = generic
        for members in by_kind.values():
            groups.append(_within_magnitude(members))
    return groups


def _within_magnitude(claims: list[Claim]) -> list[Claim]:
    """Drop figures an order of magnitude away from the rest: they tell of something else."""
    values = sorted(_representative(c) for c in claims)
    median = values[len(values) // 2]
    if median <= 0:
        return claims
    return [c for c in claims if 1 / _MAGNITUDE_SPREAD <= _representative(c) / median <= _MAGNITUDE_SPREAD]


def _group_by_context(claims: list[Claim], claim_context: dict[str, str],
                      sentence_words: dict[tuple[str, int], str]) -> list[list[Claim]]:
    """Figures whose sentences, or the words around them, say the same thing, and that can be one fact.

    Only figures of one kind, unit, time and thing counted can be one fact, so they are compared
    within those blocks; within a block, figures with the same words and the same interval (a wire
    story's copies) form one class and are compared once.
    """
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        counted = _count_group(claim.counts) if claim.quantity == "count" else None
        blocks[(claim.quantity, claim.unit, claim.background, counted)].append(claim)
    groups = []
    for block in blocks.values():
        classes: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in block:
            words = (claim_context[claim.id], sentence_words[(claim.doc, claim.sentence)])
            classes[(*words, _bounds(claim))].append(claim)
        groups += _join_alike(list(classes.values()), [key[:2] for key in classes], _CONTEXT_CUTOFF,
                              lambda a, b: _overlap(a[0], b[0]))
    return groups


def _group_quotes(quotes: list[Claim]) -> list[list[Claim]]:
    """The same quotation in several reports, allowing for trimmed or reworded versions."""
    classes: dict[str, list[Claim]] = defaultdict(list)
    for quote in quotes:
        if len(_quote_words(quote.text)) >= 3:
            classes[" ".join(_quote_words(quote.text))].append(quote)
    return _join_alike(list(classes.values()), [(text,) for text in classes], _QUOTE_CUTOFF,
                       lambda a, b: True, scorer=fuzz.token_set_ratio)


def _join_alike(classes: list[list[Claim]], texts: list[tuple[str, ...]], cutoff: float,
                compatible: Callable[[list[Claim], list[Claim]], bool], scorer=None) -> list[list[Claim]]:
    """Connected groups of claims from more than one report.

    Each class (claims that read alike word for word) is one node; two classes join when one of
    their texts is alike (at least ``cutoff``, or the very same), ``compatible`` allows it, and
    they hold claims of two different reports between them.
    """
    parent = list(range(len(classes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reports = [{c.doc for c in members} for members in classes]

    def join(a: int, b: int) -> None:
        if find(a) != find(b) and len(reports[a] | reports[b]) > 1 and compatible(classes[a], classes[b]):
            parent[find(a)] = find(b)

    for field in range(len(texts[0]) if texts else 0):
        classes_of: dict[str, list[int]] = defaultdict(list)
        for number, text in enumerate(texts):
            if text[field]:
                classes_of[text[field]].append(number)
        distinct = list(classes_of)
        for i, j in similar_pairs(distinct, cutoff, scorer):
            for a in classes_of[distinct[i]]:
                for b in classes_of[distinct[j]]:
                    join(a, b)
        for same in classes_of.values():
            for position, a in enumerate(same):
                for b in same[position + 1:]:
                    join(a, b)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for number, members in enumerate(classes):
        groups[find(number)].extend(members)
    return [g for g in groups.values() if len({c.doc for c in g}) > 1]


def _status(group: list[Claim]) -> str:
    if group[0].kind == "quote":
        wordings = {" ".join(_quote_words(c.text)) for c in group}
        longest = max(wordings, key=len)
        return "agree" if all(w in longest for w in wordings) else "conflict"
    return "conflict" if _disjoint_across_reports(group) else "agree"


def _disjoint_across_reports(group: list[Claim]) -> bool:
    """Whether two reports give figures with no value in common, in one pass over the group.

    Intervals on a line have a value in common pairwise unless one starts after another ends, so
    it is enough to compare the highest start of each report with the lowest end of another.
    """
    highest_low: dict[str, float] = {}
    lowest_high: dict[str, float] = {}
    for claim in group:
        low, high = _bounds(claim)
        highest_low[claim.doc] = max(low, highest_low.get(claim.doc, low))
        lowest_high[claim.doc] = min(high, lowest_high.get(claim.doc, high))
    lows = sorted(highest_low.items(), key=lambda item: -item[1])[:2]
    highs = sorted(lowest_high.items(), key=lambda item: item[1])[:2]
    return any(low > high for low_doc, low in lows for high_doc, high in highs if low_doc != high_doc)


def _overlap(a: Claim, b: Claim) -> bool:
    """Whether the intervals two figures allow have a value in common."""
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    return a_low <= b_high and b_low <= a_high


def _bounds(claim: Claim) -> tuple[float, float]:
    low = claim.low if claim.low is not None else (claim.value if claim.qualifier != "upper" else 0.0)
    high = claim.high if claim.high is not None else float("inf")
    if claim.qualifier == "lower":
        low = low + 1e-9 if low is not None else 0.0
    return (low if low is not None else 0.0), high


def _representative(claim: Claim) -> float:
    if claim.value is not None:
        return claim.value
    low, high = _bounds(claim)
    return (low * high) ** 0.5 if high != float("inf") else low


def _count_group(counts: str | None) -> str | None:
    if counts in _GENERIC_COUNTS:
        return None
    return _COUNT_GROUPS.get(counts, counts)


def _label(group: list[Claim], claim_context: dict[str, str]) -> str:
    """A short name for the fact: the event, or the kind of figure and the words its versions share."""
    first = group[0]
    if first.kind == "quote":
        words = _quote_words(first.text)
        return "quote: " + " ".join(words[:6]) + ("…" if len(words) > 6 else "")
    if first.event:
        label = _EVENT_LABELS.get(first.event, first.event)
        if first.background:
            label += " (wider scope)" if first.background == "scope" else f" ({first.background}, another event)"
        specific = {_count_group(c.counts) for c in group} - {None}
        if len(specific) == 1:
            label += f" ({next(c.counts for c in group if _count_group(c.counts) in specific)})"
        return label
    shared = set.intersection(*(set(claim_context[c.id].split()) for c in group))
    topic = [w for w in dict.fromkeys(claim_context[first.id].split()) if w in shared][:3]
    described = first.counts or first.unit
    head = f"{first.quantity} ({described})" if described else first.quantity
    return f"{head}: {' '.join(topic)}" if topic else head


def _quote_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())
