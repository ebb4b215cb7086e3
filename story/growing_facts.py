"""New figures put into the story's facts as average linkage would put one more node.

Each new figure joins the fact whose figures it is, on average, most likely to state the same
fact with (at least ``JOIN_AT``; never one holding a figure it cannot link with), or starts a fact
with a lone figure of another report. A figure that is close to two facts may show that they are
one (an early report's "ten dead" and a later "ten people killed" apart until a third report
says both): facts it touched are then joined where their figures, on average, are alike enough,
as the whole story's linking would have joined them.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .claims import Claim
from .fact_groups import ALL_PAIRS_UP_TO, BLOCK_NEIGHBOURS, JOIN_AT, block_keys, mention_key, pair_probability, rarity_of
from .fact_pairs import comparable_interval
from .fact_status import fact_status
from .fact_weights import WEIGHTS
from .facets import Facet, family_of
from .linking import Cluster, facets_of

if TYPE_CHECKING:
    from .analysis import Story
    from .growing import Growth, StoryChange

_MERGE_PAIRS = 4000
"""Two facts are tested for being one only when this many pairs of their mentions or fewer decide it:
a fact told a thousand times is not weighed again against every other at each new report."""


def add_figures(story: Story, growth: Growth, figures: list[Claim], change: StoryChange,
                name: Callable[[Cluster, list[Claim], dict[str, Facet]], None]) -> None:
    """Put ``figures`` (of the reports just added) into the story's facts; ``name`` labels a new fact."""
    if not figures:
        return
    new_docs = {claim.doc for claim in figures}
    growth.facets.update(facets_of(story.documents, figures, growth.time))
    families = {growth.facets[claim.id].family for claim in figures}
    old = [claim for claim in story.claims if claim.kind == "number" and not claim.dateline
           and claim.doc not in new_docs and _family(claim, growth) in families]
    unread = [claim for claim in old if claim.id not in growth.facets]
    if unread:  # figures of a family no other report gave before: now they can link
        growth.facets.update(facets_of(story.documents, unread, growth.time))
    families_of = {family: _Family(growth) for family in families}
    for claim in old:
        families_of[growth.facets[claim.id].family].add(claim)
    for claim in figures:
        families_of[growth.facets[claim.id].family].count_words(growth.facets[claim.id])
    clusters = {cluster.id: cluster for cluster in story.clusters}
    near_pairs: set[tuple[str, str]] = set()
    for claim in figures:
        family = families_of[growth.facets[claim.id].family]
        target, near = _best_group(claim, family, growth, clusters)
        if target is not None:
            cluster = clusters.get(target)
            if cluster is None:  # a figure of another report that no fact held: the two start one
                partner = story.claim(target)
                cluster = _start(story, clusters, partner, change)
            elif cluster.id not in change.started and cluster.id not in change.joined:
                change.joined.append(cluster.id)
            cluster.claims.append(claim.id)
            claim.cluster = cluster.id
            near_pairs.update((cluster.id, other) for other in near if other != cluster.id)
        family.add(claim)
    story._by_id = None
    _join_facts(story, clusters, near_pairs, families_of, change)
    rates = story.currency_rates()
    for cluster_id in [*change.joined, *change.started]:
        cluster = clusters[cluster_id]
        group = [story.claim(claim_id) for claim_id in cluster.claims]
        cluster.status = fact_status(group, rates)
        if cluster_id in change.started:
            name(cluster, group, growth.facets)


def _start(story: Story, clusters: dict[str, Cluster], first: Claim, change: StoryChange) -> Cluster:
    number = max((int(c.id[1:]) for c in story.clusters if c.id[1:].isdigit()), default=0) + 1
    cluster = Cluster(f"k{number}", first.kind, "", "agree", [first.id])
    first.cluster = cluster.id
    story.clusters.append(cluster)
    clusters[cluster.id] = cluster
    change.started.append(cluster.id)
    return cluster


class _Family:
    """The figures of one family as linking compares them: mentions of identical figures, the
    blocks a big family is compared by, and the rarity of their context words."""

    def __init__(self, growth: Growth) -> None:
        self.growth = growth
        self.mentions: dict[tuple, int] = {}
        self.members: list[list[Claim]] = []
        """The figures of each mention; its first is the one compared."""
        self.blocks: dict[str, list[tuple[float, int]]] = defaultdict(list)
        """The mentions of each block key (``block_keys``), by value."""
        self.facets: list[Facet] = []
        self._rarity: dict[str, float] | None = None

    def add(self, claim: Claim) -> None:
        facet = self.growth.facets[claim.id]
        key = mention_key(claim, facet, self.growth.sentence_words)
        if key not in self.mentions:
            self.mentions[key] = len(self.members)
            self.members.append([])
            self.facets.append(facet)
            for block in block_keys(facet):
                bisect.insort(self.blocks[block], (claim.value or 0.0, self.mentions[key]))
        self.members[self.mentions[key]].append(claim)

    def count_words(self, facet: Facet) -> None:
        """Count a new figure's words in the rarity, as the whole story's linking would."""
        self.facets.append(facet)
        self._rarity = None

    @property
    def rarity(self) -> dict[str, float]:
        if self._rarity is None:
            self._rarity = rarity_of(self.facets)
        return self._rarity

    def nearest(self, claim: Claim) -> list[int]:
        """In a family too big to compare whole: the mentions of the claim's blocks nearest in value."""
        chosen: set[int] = set()
        value = claim.value or 0.0
        for block in block_keys(self.growth.facets[claim.id]):
            members = self.blocks.get(block, [])
            at = bisect.bisect_left(members, (value,))
            chosen.update(index for _, index in members[max(0, at - BLOCK_NEIGHBOURS):at + BLOCK_NEIGHBOURS])
        return sorted(chosen)

    def mentions_of(self, story: Story, claim_ids: Iterable[str]) -> list[tuple[Claim, int]]:
        """Figures as mentions: one figure of each, with how many it stands for."""
        counted: dict[tuple, list] = {}
        for claim_id in claim_ids:
            claim = story.claim(claim_id)
            key = mention_key(claim, self.growth.facets[claim.id], self.growth.sentence_words)
            counted.setdefault(key, [claim, 0])[1] += 1
        return [(claim, count) for claim, count in counted.values()]

    def probability(self, one: Claim, other: Claim) -> float | None:
        facets = self.growth.facets
        return pair_probability(one, other, facets[one.id], facets[other.id], self.rarity, self.growth.sentence_words,
                                (comparable_interval(one), comparable_interval(other)), WEIGHTS)


def _family(claim: Claim, growth: Growth) -> str:
    facet = growth.facets.get(claim.id)
    return facet.family if facet else family_of(claim)


def _best_group(claim: Claim, family: _Family, growth: Growth,
                clusters: dict[str, Cluster]) -> tuple[str | None, list[str]]:
    """The fact (a cluster id) or lone figure (a claim id) that ``claim`` joins, or None; and the
    other facts it is near (half ``JOIN_AT`` or more), which may be one with it.

    Its average probability with the group's figures must reach ``JOIN_AT``, counting those not
    compared as zero where the family was compared whole; none of them may be kept apart from it.
    """
    if not family.members:
        return None, []
    heads = [members[0] for members in family.members]
    whole = len(heads) <= ALL_PAIRS_UP_TO
    total: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    apart: set[str] = set()
    for index in range(len(heads)) if whole else family.nearest(claim):
        p = family.probability(claim, heads[index])
        for other in family.members[index]:
            if other.doc == claim.doc and not other.cluster:
                continue  # one report alone never makes a fact
            group = other.cluster or other.id
            if p is None:
                apart.add(group)
            else:
                total[group] += p
                counted[group] += 1
    averages = {group: score / (len(clusters[group].claims) if whole and group in clusters else counted[group])
                for group, score in total.items() if group not in apart}
    best = max((group for group, average in averages.items() if average >= JOIN_AT),
               key=averages.__getitem__, default=None)
    near = [group for group, average in averages.items() if group in clusters and average >= JOIN_AT / 2]
    return best, near


def _join_facts(story: Story, clusters: dict[str, Cluster], pairs: set[tuple[str, str]],
                families: dict[str, _Family], change: StoryChange) -> None:
    """Join the facts a new figure showed to be one, best pair first, while their average link holds."""
    while pairs:
        scored = [(average, pair) for pair in sorted(pairs)
                  if (average := _fact_average(story, clusters, *pair, families)) is not None and average >= JOIN_AT]
        if not scored:
            return
        _, (one, other) = max(scored)
        kept, gone = sorted((one, other), key=lambda cluster_id: int(cluster_id[1:]))
        clusters[kept].claims += clusters[gone].claims
        for claim_id in clusters[gone].claims:
            story.claim(claim_id).cluster = kept
        story.clusters.remove(clusters.pop(gone))
        change.merged[gone] = kept
        for listing in (change.joined, change.started):
            if gone in listing:
                listing.remove(gone)
        if kept not in change.joined and kept not in change.started:
            change.joined.append(kept)
        pairs = {tuple(sorted((kept if a == gone else a, kept if b == gone else b))) for a, b in pairs}
        pairs = {(a, b) for a, b in pairs if a != b and a in clusters and b in clusters}


def _fact_average(story: Story, clusters: dict[str, Cluster], one: str, other: str,
                  families: dict[str, _Family]) -> float | None:
    """The average probability over the figures of two facts, or None where they cannot be one."""
    if one not in clusters or other not in clusters:
        return None
    first_claim = story.claim(clusters[one].claims[0])
    family = families.get(_family(first_claim, next(iter(families.values())).growth))
    if family is None:
        return None
    first, second = family.mentions_of(story, clusters[one].claims), family.mentions_of(story, clusters[other].claims)
    if len(first) * len(second) > _MERGE_PAIRS:
        return None
    total = 0.0
    for a, count_a in first:
        for b, count_b in second:
            p = family.probability(a, b)
            if p is None:
                return None
            total += p * count_a * count_b
    return total / (len(clusters[one].claims) * len(clusters[other].claims))
