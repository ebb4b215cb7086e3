"""Sentence links for reports added to a linked story: the new sentences against an index of the old.

``link_sentences`` pairs every sentence of a story at once. When one report arrives, only its
sentences are new: each is looked up in an index of the story's sentence words (by its rarest
words, as ``similarity.candidate_pairs`` blocks), scored against those candidates and against the
sentences that report its facts, and keeps its best ``MAX_LINKS``. An old sentence gains a link to
a new one only where it beats the worst it keeps, so every other link of the story stays as it was.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass, field

from .claims import Claim
from .model import Document
from .sentence_links import LINK_CUTOFF, MAX_LINKS, MIN_LINK_WORDS, NEIGHBOURS, Key, SentenceLink
from .similarity import COMMON_WORD_TEXTS, pair_similarity, rare_word_partners


@dataclass(slots=True)
class SentenceIndex:
    """The story's linkable sentences by their content words, and each word's texts."""

    texts: list[str] = field(default_factory=list)
    number: dict[str, int] = field(default_factory=dict)
    keys: list[list[Key]] = field(default_factory=list)
    """The sentences with each text, in report order."""
    holders: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, key: Key, words: str) -> int:
        """Index one sentence; the number of its text."""
        if words not in self.number:
            self.number[words] = len(self.texts)
            self.texts.append(words)
            self.keys.append([])
            split = words.split()
            if len(split) >= MIN_LINK_WORDS:  # shorter ones link only through their facts
                for word in set(split):
                    self.holders[word].append(self.number[words])
        self.keys[self.number[words]].append(key)
        return self.number[words]

    def candidates(self, text: int) -> list[int]:
        """The texts worth scoring against ``text``, blocked as a whole story's are (``rare_word_partners``)."""
        words = set(self.texts[text].split())
        eligible = {word: self.holders[word] for word in words if 1 < len(self.holders.get(word, ())) <= COMMON_WORD_TEXTS}
        return rare_word_partners(text, words, len(self.texts[text]), eligible)


def linkable_keys(document: Document) -> list[Key]:
    """The sentences of a report that links are made for: not repeated, not a site's boilerplate."""
    repeated = set(document.duplicate_sentences)
    return [(document.id, i) for i, span in enumerate(document.sentences)
            if i not in repeated and not document.is_boilerplate(*span)]


def index_sentences(documents: list[Document], sentence_words: dict[Key, str]) -> SentenceIndex:
    index = SentenceIndex()
    for document in documents:
        for key in linkable_keys(document):
            index.add(key, sentence_words[key])
    return index


def link_new_sentences(links: list[SentenceLink], documents: list[Document], new: list[Document],
                       index: SentenceIndex, sentence_words: dict[Key, str], claims: list[Claim]) -> list[SentenceLink]:
    """``links`` with the links of the ``new`` reports' sentences (already in ``documents``) added.

    ``claims`` are the story's, with their clusters set; ``index`` is the old sentences' and takes
    the new ones.
    """
    order = {document.id: number for number, document in enumerate(documents)}
    new_ids = {document.id for document in new}
    facts = _sentence_facts(claims)
    new_keys = [key for document in new for key in linkable_keys(document)]
    texts = {key: index.add(key, sentence_words[key]) for key in new_keys}
    members = _cluster_sentences(claims, facts, {key for key in new_keys})
    wanted = {key: _wanted(key, texts[key], index, members, facts) for key in new_keys}
    pairs = list(dict.fromkeys((sentence_words[key], other) for key, (alike, shared) in wanted.items()
                               for other in [*(index.texts[t] for t in alike), *(sentence_words[s] for s in shared)]))
    scores = dict(zip(pairs, pair_similarity([a for a, _ in pairs], [b for _, b in pairs])))
    outgoing: dict[Key, list[tuple[float, Key, str | None]]] = {}
    incoming: dict[Key, list[tuple[float, Key, str | None]]] = defaultdict(list)
    for key, (alike, shared) in wanted.items():
        words = sentence_words[key]
        found: dict[Key, tuple[float, str | None]] = {}
        for text in [texts[key], *alike]:
            score = 100.0 if text == texts[key] else scores[(words, index.texts[text])]
            if score >= LINK_CUTOFF:
                found.update((sentence, (score / 100, None)) for sentence in index.keys[text])
        for sentence, cluster in shared.items():
            found[sentence] = (found[sentence][0] if sentence in found else scores[(words, sentence_words[sentence])] / 100,
                               cluster)
        ranked = []
        for other, (similarity, cluster) in found.items():
            if other[0] == key[0]:
                continue
            ranked.append((_score(similarity, cluster, facts, key, other), other, cluster))
            if other[0] not in new_ids:
                incoming[other].append((_score(similarity, cluster, facts, other, key), key, cluster))
        ranked.sort(key=lambda item: (-item[0], order[item[1][0]], item[1][1]))
        outgoing[key] = ranked[:MAX_LINKS]
    return _merged(links, order, outgoing, incoming)


def _wanted(key: Key, text: int, index: SentenceIndex, members: dict[str, list[tuple[float, Key]]],
            facts: dict[Key, set[tuple]]) -> tuple[list[int], dict[Key, str]]:
    """What a new sentence is scored against: the texts its rarest words find, and the sentences of
    other reports that report its facts (with the fact; the nearest in value where there are many)."""
    alike = index.candidates(text) if len(index.texts[text].split()) >= MIN_LINK_WORDS else []
    shared: dict[Key, str] = {}
    for cluster, value, _ in sorted(facts.get(key, ()), key=lambda fact: int(fact[0].lstrip("k") or 0)):
        for sentence in _nearest_sentences(members.get(cluster, []), value if value is not None else -math.inf):
            if sentence[0] != key[0]:
                shared.setdefault(sentence, cluster)
    return alike, shared


def _score(similarity: float, cluster: str | None, facts: dict[Key, set[tuple]], source: Key, target: Key) -> float:
    """The link's score from ``source``'s side, as ``sentence_links`` weighs a shared fact."""
    if not cluster:
        return round(similarity, 3)
    source_facts, target_facts = facts.get(source, set()), facts.get(target, set())
    clusters = {fact[0] for fact in source_facts}
    same_figure = {fact[0] for fact in source_facts & target_facts}
    agreement = (len(clusters & {fact[0] for fact in target_facts}) + len(same_figure)) / (2 * len(clusters))
    return round(0.4 * similarity + 0.6 * agreement, 3)


def _sentence_facts(claims: list[Claim]) -> dict[Key, set[tuple]]:
    """Each sentence's clustered figures, as (cluster, value, qualifier)."""
    facts: dict[Key, set[tuple]] = defaultdict(set)
    for claim in claims:
        if claim.cluster:
            facts[(claim.doc, claim.sentence)].add((claim.cluster, claim.value, claim.qualifier))
    return facts


def _cluster_sentences(claims: list[Claim], facts: dict[Key, set[tuple]], new_keys: set[Key]) -> dict[str, list[Key]]:
    """For each fact a new sentence reports, the sentences of other reports that report it, as
    (value, sentence), sorted: a new sentence is paired with the ``NEIGHBOURS`` nearest in value."""
    wanted = {fact[0] for key in new_keys for fact in facts.get(key, ())}
    members: dict[str, set[tuple[float, Key]]] = defaultdict(set)
    for claim in claims:
        if claim.cluster in wanted:
            members[claim.cluster].add((claim.value if claim.value is not None else -math.inf,
                                        (claim.doc, claim.sentence)))
    return {cluster: sorted(found) for cluster, found in members.items()}


def _nearest_sentences(members: list[tuple[float, Key]], value: float) -> list[Key]:
    """The ``NEIGHBOURS`` sentences of a fact nearest in value (all of them in a small fact)."""
    if len(members) <= NEIGHBOURS:
        return [key for _, key in members]
    at = bisect.bisect_left(members, (value,))
    start = min(max(0, at - NEIGHBOURS // 2), len(members) - NEIGHBOURS)
    return [key for _, key in members[start:start + NEIGHBOURS]]


def _merged(links: list[SentenceLink], order: dict[str, int], outgoing: dict[Key, list],
            incoming: dict[Key, list]) -> list[SentenceLink]:
    """The links in the order ``link_sentences`` writes them, each old sentence's block re-ranked
    where a new sentence beats its worst link, the new sentences' blocks at the end (their reports are)."""
    def source_position(key: Key) -> tuple[int, int]:
        return order[key[0]], key[1]

    blocks = []
    for source, arriving in incoming.items():
        start = bisect.bisect_left(links, source_position(source), key=lambda link: source_position(link[0]))
        end = start
        while end < len(links) and links[end][0] == source:  # a block is at most MAX_LINKS long
            end += 1
        kept = [(score, target, cluster) for _, target, score, cluster in links[start:end]]
        ranked = sorted([*kept, *arriving], key=lambda item: (-item[0], order[item[1][0]], item[1][1]))[:MAX_LINKS]
        if ranked != kept:
            blocks.append((start, end, [(source, target, score, cluster) for score, target, cluster in ranked]))
    merged: list[SentenceLink] = []
    done = 0
    for start, end, block in sorted(blocks, key=lambda item: item[:2]):  # an empty block before its neighbour
        merged += links[done:start]
        merged += block
        done = end
    merged += links[done:]
    for source in sorted(outgoing, key=source_position):
        merged += [(source, target, score, cluster) for score, target, cluster in outgoing[source]]
    return merged
