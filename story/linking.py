"""Links: the same fact across reports (clusters of claims) and the same telling (sentence links).

Figures that report an event (killed, injured, buried...) are grouped by that event, by what they
count and by the time or scope their sentence names, so that "77 people had died" and "almost 100"
fall together and are flagged as conflicting, while last July's ambush stays apart. Other figures
(years, durations, distances, unexplained counts) and quotations are linked when their sentences
say the same thing, which rapidfuzz scores in bulk.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .claims import Claim
from .model import Document

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

_STOPWORDS = frozenset("""
a about above after again against all also although am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had
has have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our out over own same she should so some such than that the their
them then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your said says say told according one two three
""".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


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


@dataclass(frozen=True, slots=True)
class SentenceLink:
    """Sentence ``source`` of one report tells what sentence ``target`` of another tells."""

    source: tuple[str, int]
    target: tuple[str, int]
    score: float
    cluster: str | None

    def to_json(self) -> dict:
        return {"from": list(self.source), "to": list(self.target), "score": self.score,
                "cluster": self.cluster}


def content_words(sentence: str) -> str:
    """The sentence reduced to its lower-cased content words, roughly stemmed, for fuzzy matching."""
    words = []
    for token in _TOKEN.findall(sentence.lower()):
        token = token.replace("’", "'").removesuffix("'s")
        if token in _STOPWORDS or len(token) < 3:
            continue
        if len(token) > 4 and token.endswith("s") and not token.endswith("ss"):
            token = token[:-1]
        words.append(token)
    return " ".join(words)


def cluster_claims(
    claims: list[Claim], claim_context: dict[str, str], sentence_words: dict[tuple[str, int], str]
) -> list[Cluster]:
    """Group the claims into clusters of the same fact, and set each member's ``cluster``.

    ``claim_context`` holds, per claim id, the content words around the claim in its sentence;
    ``sentence_words`` the content words of each (document id, sentence index).
    """
    groups: list[list[Claim]] = []
    numbers = [c for c in claims if c.kind == "number"]
    event_figures = [c for c in numbers if c.quantity == "count" and c.event]
    groups += _group_event_figures(event_figures)
    others = [c for c in numbers if not (c.quantity == "count" and c.event)]
    groups += _group_by_context(others, claim_context, sentence_words, _same_fact_kind)
    quotes = [c for c in claims if c.kind == "quote" and len(_quote_words(c.text)) >= 3]
    groups += _group_quotes(quotes)

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


def link_sentences(
    documents: list[Document], sentence_words: dict[tuple[str, int], str], claims: list[Claim]
) -> list[SentenceLink]:
    """Each sentence linked to the sentences of other reports that tell the same thing."""
    keys = [(d.id, i) for d in documents for i in range(len(d.sentences))
            if not d.is_boilerplate(*d.sentences[i]) and i not in d.duplicate_sentences]
    claims_in: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.cluster:
            claims_in[(claim.doc, claim.sentence)].append(claim)

    scores: dict[tuple[int, int], float] = {}
    texts = [sentence_words[k] for k in keys]
    usable = [i for i, t in enumerate(texts) if len(t.split()) >= 3]
    if usable:
        usable_texts = [texts[i] for i in usable]
        matrix = similarity_matrix(usable_texts, usable_texts, _CONTEXT_CUTOFF)
        rows, cols = matrix.nonzero()
        for row, col in zip(rows.tolist(), cols.tolist()):
            a, b = usable[row], usable[col]
            if a < b and keys[a][0] != keys[b][0]:
                scores[(a, b)] = float(matrix[row, col]) / 100
    by_cluster: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        for cluster in {c.cluster for c in claims_in.get(key, ())}:
            by_cluster[cluster].append(index)
    cluster_of_pair: dict[tuple[int, int], str] = {}
    for cluster, members in by_cluster.items():
        for a in members:
            for b in members:
                if a < b and keys[a][0] != keys[b][0]:
                    cluster_of_pair.setdefault((a, b), cluster)

    links = []
    for a, b in scores.keys() | cluster_of_pair.keys():
        similarity = scores.get((a, b))
        if similarity is None:
            similarity = _sentence_similarity(texts[a], texts[b]) / 100
        cluster = cluster_of_pair.get((a, b))
        for source, target in ((a, b), (b, a)):
            score = similarity
            if cluster:
                agreement = _claim_agreement(claims_in[keys[source]], claims_in[keys[target]])
                score = 0.4 * similarity + 0.6 * agreement
            links.append(SentenceLink(keys[source], keys[target], round(score, 3), cluster))
    order = {d.id: n for n, d in enumerate(documents)}
    links.sort(key=lambda l: (order[l.source[0]], l.source[1], -l.score, order[l.target[0]], l.target[1]))
    return links


def similarity_matrix(rows: list[str], cols: list[str], cutoff: float) -> np.ndarray:
    """Sentence similarity (0-100) of every row against every column, 0 below ``cutoff``.

    The mean of token-set and token-sort ratios: token-set alone calls a short sentence that sits
    inside a long one a perfect match. Both run natively in rapidfuzz; a mean of at least
    ``cutoff`` needs each score at least ``2 * cutoff - 100``, which prunes early.
    """
    floor = max(0.0, 2 * cutoff - 100)
    set_scores = process.cdist(rows, cols, scorer=fuzz.token_set_ratio, score_cutoff=floor,
                               workers=-1, dtype=np.float32)
    sort_scores = process.cdist(rows, cols, scorer=fuzz.token_sort_ratio, score_cutoff=floor,
                                workers=-1, dtype=np.float32)
    scores = (set_scores + sort_scores) / 2
    scores[(set_scores == 0) | (sort_scores == 0) | (scores < cutoff)] = 0
    return scores


def _claim_agreement(source: list[Claim], target: list[Claim]) -> float:
    """How many of the source sentence's facts the target reports (half) with the same figure (half)."""
    facts = {c.cluster for c in source}
    reported = facts & {c.cluster for c in target}
    same_figure = {
        c.cluster for c in source
        if any(o.cluster == c.cluster and o.value == c.value and o.qualifier == c.qualifier for o in target)
    }
    return (len(reported) + len(same_figure)) / (2 * len(facts))


def _sentence_similarity(a: str, b: str) -> float:
    return float(similarity_matrix([a], [b], 0)[0, 0])


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


def _group_by_context(claims, claim_context, sentence_words, compatible) -> list[list[Claim]]:
    """Claims whose sentences, or the words around them, say the same thing, and whose figures can be one fact."""
    if len(claims) < 2:
        return []
    near = [claim_context[c.id] for c in claims]
    whole = [sentence_words[(c.doc, c.sentence)] for c in claims]
    matrix = np.maximum(similarity_matrix(near, near, _CONTEXT_CUTOFF),
                        similarity_matrix(whole, whole, _CONTEXT_CUTOFF))
    return _components(claims, matrix, compatible)


def _components(claims, matrix, compatible) -> list[list[Claim]]:
    """Connected groups of claims of different documents whose pairwise score is above zero."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows, cols = matrix.nonzero()
    for a, b in zip(rows.tolist(), cols.tolist()):
        if a < b and claims[a].doc != claims[b].doc and compatible(claims[a], claims[b]):
            parent[find(a)] = find(b)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for index, claim in enumerate(claims):
        groups[find(index)].append(claim)
    return [g for g in groups.values() if len(g) > 1]


def _same_fact_kind(a: Claim, b: Claim) -> bool:
    """Two figures without an event can be one fact: same kind, same unit, overlapping values."""
    if a.quantity != b.quantity or a.unit != b.unit or a.background != b.background:
        return False
    if a.quantity == "count" and _count_group(a.counts) != _count_group(b.counts):
        return False
    return _overlap(a, b)


def _group_quotes(quotes: list[Claim]) -> list[list[Claim]]:
    """The same quotation in several reports, allowing for trimmed or reworded versions."""
    if len(quotes) < 2:
        return []
    texts = [" ".join(_quote_words(q.text)) for q in quotes]
    matrix = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, score_cutoff=_QUOTE_CUTOFF, workers=-1)
    return _components(quotes, matrix, lambda a, b: True)


def _status(group: list[Claim]) -> str:
    if group[0].kind == "quote":
        wordings = {" ".join(_quote_words(c.text)) for c in group}
        longest = max(wordings, key=len)
        return "agree" if all(w in longest for w in wordings) else "conflict"
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if a.doc != b.doc and not _overlap(a, b):
                return "conflict"
    return "agree"


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
