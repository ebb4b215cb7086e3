"""Comparisons across reports: which report copies another, and each fact by report.

UI-free: the claims matrix and the claim inspector show these, the command line could print them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .analysis import Story
from .claims import Claim, Status
from .fact_status import Rates, compared_versions, versions_conflict


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact (a cluster) and what each report says of it; a report absent from ``cells`` is silent."""

    cluster_id: str
    label: str
    status: Status
    cells: dict[str, list[Claim]]
    """Document id to its claims of this fact, in text order."""

    @property
    def is_conflict(self) -> bool:
        return self.status == "conflict"


def fact_matrix(story: Story) -> list[FactRow]:
    """Every fact by report: figures first, then quotations, each in cluster order."""
    numbers = [c for c in story.clusters if c.kind == "number"]
    quotes = [c for c in story.clusters if c.kind != "number"]
    claims_by_id = {c.id: c for c in story.claims}  # story.claim() rebuilds this on every call
    rows = []
    for cluster in numbers + quotes:
        cells: dict[str, list[Claim]] = {}
        for claim_id in cluster.claims:
            claim = claims_by_id[claim_id]
            cells.setdefault(claim.doc, []).append(claim)
        for claims in cells.values():
            claims.sort(key=lambda c: c.start)
        ordered = {d.id: cells[d.id] for d in story.documents if d.id in cells}
        rows.append(FactRow(cluster.id, cluster.label, cluster.status, ordered))
    return rows


def near_copies(story: Story, threshold: float = 0.6, min_score: float = 0.75) -> dict[str, tuple[str, float]]:
    """Reports that mostly retell another: document id -> (the report it follows, fraction of its sentences).

    A sentence counts when it has a link scored at least ``min_score`` to the other report; only
    sentences the linker looks at (not boilerplate, not repeated) are counted, so site furniture
    neither hides nor fakes a copy. One pass over the sentence links.
    """
    readable = {d.id: _readable_sentence_count(d) for d in story.documents}
    covered: dict[tuple[str, str], set[int]] = defaultdict(set)
    for (doc, sentence), (other, _), score, _ in story.sentence_links:
        if score >= min_score:
            covered[(doc, other)].add(sentence)
    order = {d.id: n for n, d in enumerate(story.documents)}
    best: dict[str, tuple[str, float]] = {}
    for (doc, other), sentences in sorted(covered.items(), key=lambda item: order[item[0][1]]):
        if not readable.get(doc):
            continue
        fraction = len(sentences) / readable[doc]
        if fraction >= threshold and (doc not in best or fraction > best[doc][1]):
            best[doc] = (other, fraction)
    return {d.id: best[d.id] for d in story.documents if d.id in best}


def _readable_sentence_count(document) -> int:
    duplicates = set(document.duplicate_sentences)
    return sum(1 for index, (start, end) in enumerate(document.sentences)
               if index not in duplicates and not document.is_boilerplate(start, end))


# -- which versions of a fact stand apart ---------------------------------------------------

def claim_interval(claim: Claim) -> tuple[float, float]:
    """The values a figure allows in its own unit, as written ("more than 70" excludes 70 itself)."""
    if claim.low is not None:
        low = claim.low
    else:
        low = claim.value if claim.value is not None and claim.qualifier != "upper" else 0.0
    high = claim.high if claim.high is not None else float("inf")
    if claim.qualifier == "lower":
        low += 1e-9
    return low, high


def majority_value(versions: list[tuple[Claim, tuple[float, float]]]) -> float | None:
    """The value the most versions allow, of versions on one scale (``fact_status.compared_versions``): the one
    the outliers are measured against. Ties go to the figure stated outright most often, then to the smaller one.
    """
    intervals = [interval for _, interval in versions]
    exact = [interval[0] for claim, interval in versions if claim.qualifier == "exact"]
    candidates = {bound for interval in intervals for bound in interval if abs(bound) != float("inf")}
    if not candidates:
        return None
    stated = Counter(exact)
    return max(sorted(candidates), key=lambda v: (sum(low <= v <= high for low, high in intervals), stated[v], -v))


def outlier_claims(claims: list[Claim], rates: Rates | None = None) -> set[str]:
    """Ids of the versions that cannot be true with the rest: none where the fact's versions agree.

    Figures: those that do not allow the value most versions allow (``majority_value``), compared as the fact's
    status compares them (``compared_versions``: "at least 3" includes 3, an amount in another currency at the
    story's ``rates``). Quotations: those whose words are not a part of the longest wording (a trimmed quote
    agrees, a reworded one does not).
    """
    numbers = [c for c in claims if c.kind == "number"]
    quotes = [c for c in claims if c.kind == "quote"]
    outliers: set[str] = set()
    by_scale = compared_versions(numbers, rates)
    if versions_conflict(by_scale):
        for versions in by_scale.values():
            majority = majority_value(versions)
            if majority is not None:
                outliers.update(claim.id for claim, (low, high) in versions if not low <= majority <= high)
    if quotes:
        from .linking import reworded_quotes

        outliers.update(reworded_quotes(quotes))
    return outliers
