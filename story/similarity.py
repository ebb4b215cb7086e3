"""How alike two sentences are, scored in bulk without comparing every sentence with every other.

Sentences are first reduced to their content words. Scoring is the mean of rapidfuzz's token-set
and token-sort ratios, computed natively. Which pairs get scored is decided by blocking: a pair is
a candidate only when one of the two texts holds one of the other's rarest words, so the work
grows with the number of sentences that could tell the same thing, not with the square of all of
them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np
from rapidfuzz import fuzz, process

_STOPWORDS = frozenset("""
a about above after again against all also although am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had
has have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our out over own same she should so some such than that the their
them then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your said says say told according one two three
""".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_RARE_WORDS = 8
"""How many of a text's rarest words it is looked up by: enough that a reworded sentence still
shares one with its original, few enough that common words never make everything a candidate."""

_COMMON_FLOOR = 64
"""A word held by more texts than this (or a tenth of them) is too common to block on: a text made
only of such words (a list of numbers, a page of one repeated phrase) is compared with nothing,
rather than with everything."""


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


def similarity_matrix(rows: list[str], cols: list[str], cutoff: float) -> np.ndarray:
    """Similarity (0-100) of every row against every column, 0 below ``cutoff``; for small blocks.

    The mean of token-set and token-sort ratios: token-set alone calls a short sentence that sits
    inside a long one a perfect match. A mean of at least ``cutoff`` needs each score at least
    ``2 * cutoff - 100``, which lets rapidfuzz stop early.
    """
    floor = max(0.0, 2 * cutoff - 100)
    set_scores = process.cdist(rows, cols, scorer=fuzz.token_set_ratio, score_cutoff=floor,
                               workers=-1, dtype=np.float32)
    sort_scores = process.cdist(rows, cols, scorer=fuzz.token_sort_ratio, score_cutoff=floor,
                                workers=-1, dtype=np.float32)
    scores = (set_scores + sort_scores) / 2
    scores[(set_scores == 0) | (sort_scores == 0) | (scores < cutoff)] = 0
    return scores


def similar_pairs(texts: list[str], cutoff: float, scorer=None) -> dict[tuple[int, int], float]:
    """Pairs ``(i, j)``, ``i < j``, of distinct texts whose similarity (0-100) is at least ``cutoff``.

    The similarity is that of ``similarity_matrix``, or else the given rapidfuzz ``scorer``'s.
    """
    rows, cols = candidate_pairs(texts)
    if not len(rows):
        return {}
    left = [texts[i] for i in rows.tolist()]
    right = [texts[j] for j in cols.tolist()]
    if scorer is not None:
        scores = process.cpdist(left, right, scorer=scorer, score_cutoff=cutoff, workers=-1, dtype=np.float32)
        keep = np.flatnonzero(scores >= cutoff)
        return {(int(rows[k]), int(cols[k])): float(scores[k]) for k in keep.tolist()}
    floor = max(0.0, 2 * cutoff - 100)
    set_scores = process.cpdist(left, right, scorer=fuzz.token_set_ratio, score_cutoff=floor,
                                workers=-1, dtype=np.float32)
    sort_scores = process.cpdist(left, right, scorer=fuzz.token_sort_ratio, score_cutoff=floor,
                                 workers=-1, dtype=np.float32)
    scores = (set_scores + sort_scores) / 2
    keep = np.flatnonzero((set_scores > 0) & (sort_scores > 0) & (scores >= cutoff))
    return {(int(rows[k]), int(cols[k])): float(scores[k]) for k in keep.tolist()}


def candidate_pairs(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``i < j`` where one text holds one of the other's rarest words (blocking).

    Rarity is counted over these texts, so in a story where every report names the town, the town
    is not what decides which sentences are compared.
    """
    words = [set(text.split()) for text in texts]
    frequency = Counter(word for text_words in words for word in text_words)
    holders: dict[str, list[int]] = defaultdict(list)
    for index, text_words in enumerate(words):
        for word in text_words:
            holders[word].append(index)
    common = max(_COMMON_FLOOR, len(texts) // 10)
    pairs: set[tuple[int, int]] = set()
    for index, text_words in enumerate(words):
        shared = [word for word in text_words if 1 < frequency[word] <= common]
        rarest = sorted(shared, key=lambda word: (frequency[word], word))[:_RARE_WORDS]
        for word in rarest:
            for other in holders[word]:
                if other != index:
                    pairs.add((index, other) if index < other else (other, index))
    if not pairs:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    ordered = np.array(sorted(pairs), dtype=np.int64)
    return ordered[:, 0], ordered[:, 1]
