"""Sentence links: each sentence joined to the sentences of other reports that tell the same thing.

Two sentences are linked when their words are alike (see ``similarity``) or when they report the
same fact (a figure of one cluster); the score of such a link also weighs whether the figures
agree. Reports copied from one wire story repeat sentences word for word, so sentences with the
same words and the same figures form one class: a class is scored once against the others and its
members share the result. Each sentence keeps its best ``MAX_LINKS`` links, since otherwise a fact
told by a thousand reports would tie every one of its sentences to every other, and the links
would grow with the square of the story.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby, islice, product, repeat
from operator import itemgetter

from .claims import Claim
from .model import Document
from .similarity import pair_similarity, similar_pairs

MAX_LINKS = 12
"""The most links one sentence keeps, best first: the versions a reader can step through with ``]``."""
LINK_CUTOFF = 62.0
"""Sentence similarity (0-100) from which two sentences tell the same thing."""
_HEAD = 2 * MAX_LINKS
"""How many of a class's best candidates are looked through first for a report's links."""
MIN_LINK_WORDS = 3
"""Shorter sentences ("Bamako, Mali") are linked only through the facts they report."""
NEIGHBOURS = 64
"""Classes that share one wording, or one fact, are all paired when there are this many or fewer;
beyond, each is paired with this many of them, those nearest in figures (and then wording). A
sentence repeated with a new figure each time (a list of tolls, a scraped table) would otherwise pair
every copy with every other, and the work and the memory grow with the square of the story."""

Key = tuple[str, int]
Signature = tuple[tuple[str, float | None, str | None], ...]


SentenceLink = tuple[Key, Key, float, str | None]
"""(source, target, score, cluster): sentence ``source`` of one report tells what sentence
``target`` of another tells, with the score of the match and the cluster of figures they share.

A plain tuple, read by unpacking, rather than a class: a story of a thousand reports has a
quarter of a million links, and Python's garbage collector stops walking a tuple of strings and
numbers, while it walks every instance of a class at each full collection, which the reader
feels as a key that stalls (with a thousand reports open: 158 ms with a class, 63 ms with tuples)."""


def link_json(link: SentenceLink) -> dict:
    """A link as ``docs/claims-json.md`` gives it (``analysis._link_lines`` writes the same, faster)."""
    source, target, score, cluster = link
    return {"from": list(source), "to": list(target), "score": score, "cluster": cluster}


@dataclass(slots=True)
class _Class:
    """Sentences with the same content words and the same clustered figures."""

    words: str
    figures: Signature
    members: list[int]
    """Indices into the linkable sentences, in report order."""


def link_sentences(
    documents: list[Document], sentence_words: dict[Key, str], claims: list[Claim]
) -> list[SentenceLink]:
    """Each readable sentence linked to its closest tellings in other reports, best first."""
    keys = []
    for document in documents:
        repeated = set(document.duplicate_sentences)
        keys += [(document.id, i) for i, span in enumerate(document.sentences)
                 if i not in repeated and not document.is_boilerplate(*span)]
    clustered: dict[Key, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.cluster:
            clustered[(claim.doc, claim.sentence)].append(claim)
    classes = _classes(keys, sentence_words, clustered)
    targets = _class_targets(classes)
    kept_of: list[list[tuple[Key, float, str | None]] | None] = [None] * len(keys)
    for source_class, ranked in targets.items():
        candidates = _RankedMembers(classes, ranked)
        by_report: dict[str, list[int]] = defaultdict(list)
        for member in classes[source_class].members:
            by_report[keys[member][0]].append(member)
        # The best ``MAX_LINKS`` whatever their report: every report none of them is in keeps just these,
        # and one of those reports keeps the best of the rest, most often found among the next few.
        head = [(keys[other], score, cluster) for score, other, cluster in islice(candidates, _HEAD)]
        best = head[:MAX_LINKS]
        reports_of_best = {target[0] for target, _, _ in best}
        for report, members in by_report.items():
            # The same links for every member in one report: worked out once, however many they are.
            kept = best
            if report in reports_of_best:
                kept = [link for link in head if link[0][0] != report][:MAX_LINKS]
                if len(kept) < MAX_LINKS and len(head) == _HEAD:
                    kept = _kept_outside(report, candidates, keys)
            for member in members:
                kept_of[member] = kept
    # In report order, then sentence order (the order of ``keys``), each sentence's links best first
    # and then in report order (the order ``_RankedMembers`` gives): no sort of the whole needed.
    return [(keys[member], target, score, cluster) for member, kept in enumerate(kept_of) if kept
            for target, score, cluster in kept]


def _kept_outside(report: str, candidates: _RankedMembers, keys: list[Key]) -> list[tuple[Key, float, str | None]]:
    """The best ``MAX_LINKS`` candidates that are not sentences of ``report``."""
    kept = []
    for score, other, cluster in candidates:
        if keys[other][0] != report:
            kept.append((keys[other], score, cluster))
            if len(kept) == MAX_LINKS:
                break
    return kept


def _classes(keys: list[Key], sentence_words: dict[Key, str], clustered: dict[Key, list[Claim]]) -> list[_Class]:
    index: dict[tuple[str, Signature], _Class] = {}
    for number, key in enumerate(keys):
        here = clustered.get(key)  # most sentences report one clustered figure or none: nothing to sort
        if not here or len(here) == 1:
            figures = tuple((c.cluster, c.value, c.qualifier) for c in here or ())
        else:
            figures = tuple(sorted({(c.cluster, c.value, c.qualifier) for c in here}, key=repr))
        identity = (sentence_words[key], figures)
        if identity not in index:
            index[identity] = _Class(sentence_words[key], figures, [])
        index[identity].members.append(number)
    return list(index.values())


def _class_targets(classes: list[_Class]) -> dict[int, list[tuple[float, int, str | None]]]:
    """For each class, the classes it links to: (score, class, cluster), best first."""
    similarity: dict[tuple[int, int], float] = {}
    texts = list(dict.fromkeys(c.words for c in classes))
    text_number = {text: n for n, text in enumerate(texts)}
    classes_of_text: dict[int, list[int]] = defaultdict(list)
    for number, cls in enumerate(classes):
        classes_of_text[text_number[cls.words]].append(number)
    usable = [n for n, text in enumerate(texts) if len(text.split()) >= MIN_LINK_WORDS]
    pairs = similar_pairs([texts[n] for n in usable], LINK_CUTOFF)
    pairs.update({(i, i): 100.0 for i in range(len(usable))})
    order = [_order(cls) for cls in classes]
    for group in classes_of_text.values():
        group.sort(key=order.__getitem__)
    for (i, j), score in pairs.items():
        for a, b in _near(classes_of_text[usable[i]], classes_of_text[usable[j]], order):
            similarity[(a, b)] = similarity[(b, a)] = score / 100

    shared_cluster = _shared_clusters(classes, similarity)
    facts = [frozenset(cluster for cluster, _, _ in cls.figures) for cls in classes]
    figures = [frozenset(cls.figures) for cls in classes]
    targets: dict[int, list[tuple[float, int, str | None]]] = defaultdict(list)
    cluster_of = shared_cluster.get
    for pair, score in similarity.items():
        cluster = cluster_of(pair)
        a, b = pair
        if cluster:
            # How many of the source's facts the target reports (half), with the same figure (half).
            same_figure = {figure[0] for figure in figures[a] & figures[b]}
            agreement = (len(facts[a] & facts[b]) + len(same_figure)) / (2 * len(facts[a]))
            score = 0.4 * score + 0.6 * agreement
        targets[a].append((round(score, 3), b, cluster))
    for ranked in targets.values():
        ranked.sort(key=itemgetter(0), reverse=True)  # stable: ties keep their order
    return targets


def _shared_clusters(classes: list[_Class], similarity: dict[tuple[int, int], float]) -> dict[tuple[int, int], str]:
    """Pairs of classes reporting one fact, with the fact (the biggest cluster they share).

    Their similarity is added to ``similarity`` even below the cutoff: the shared fact links them.
    """
    members: dict[str, list[int]] = defaultdict(list)
    for number, cls in enumerate(classes):
        for cluster in dict.fromkeys(f[0] for f in cls.figures):
            members[cluster].append(number)
    shared: dict[tuple[int, int], str] = {}
    unlike: list[tuple[int, int]] = []  # pairs whose words are below the cutoff, scored all at once below
    order = [_order(cls) for cls in classes]
    for cluster in sorted(members, key=lambda c: int(c.lstrip("k") or 0)):
        group = sorted(members[cluster], key=order.__getitem__)
        for pair in _near(group, group, order):
            if pair not in shared:
                shared[pair] = cluster
                if pair not in similarity:
                    unlike.append(pair)
    wordings = [(classes[a].words, classes[b].words) for a, b in unlike]
    unscored = list(dict.fromkeys(wordings))
    scores = dict(zip(unscored, pair_similarity([a for a, _ in unscored], [b for _, b in unscored])))
    for pair, wording in zip(unlike, wordings):
        similarity[pair] = scores[wording] / 100
    return shared


def _order(cls: _Class) -> tuple:
    """Where a class sorts among those sharing its wording or a fact: by its figures, then its words."""
    return tuple((cluster, -math.inf if value is None else value, qualifier or "")
                 for cluster, value, qualifier in cls.figures), cls.words


def _near(left: list[int], right: list[int], order: list[tuple]) -> Iterator[tuple[int, int]]:
    """Pairs of a class of ``left`` with a class of ``right`` (both sorted by ``order``): all of them,
    or, where ``right`` is longer than ``NEIGHBOURS``, each with the ``NEIGHBOURS`` nearest to it."""
    if len(right) <= NEIGHBOURS:
        yield from product(left, right)
        return
    keys = [order[b] for b in right]
    for a in left:
        start = min(max(0, bisect.bisect_left(keys, order[a]) - NEIGHBOURS // 2), len(right) - NEIGHBOURS)
        yield from zip(repeat(a), right[start:start + NEIGHBOURS])


class _RankedMembers:
    """The sentences of a class's target classes, best score first, report order within a score.

    Built only as far as some member of the class needs: a member skips the sentences of its own
    report, and most need no more than ``MAX_LINKS`` from the top.
    """

    def __init__(self, classes: list[_Class], ranked: list[tuple[float, int, str | None]]) -> None:
        self._groups = groupby(ranked, key=lambda item: item[0])
        self._classes = classes
        self.items: list[tuple[float, int, str | None]] = []

    def __iter__(self):
        position = 0
        while True:
            while position == len(self.items):
                if not self._extend():
                    return
            yield self.items[position]
            position += 1

    def _extend(self) -> bool:
        group = next(self._groups, None)
        if group is None:
            return False
        score, tied = group
        tied = list(tied)
        if len(tied) == 1:  # most scores are one class's: its members are in report order already
            _, number, cluster = tied[0]
            self.items += [(score, member, cluster) for member in self._classes[number].members]
            return True
        members = sorted((m, cluster) for _, number, cluster in tied for m in self._classes[number].members)
        self.items += [(score, member, cluster) for member, cluster in members]
        return True
