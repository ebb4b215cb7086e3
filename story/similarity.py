"""How alike two sentences are, scored in bulk without comparing every sentence with every other.

Sentences are first reduced to their content words. Scoring is the mean of rapidfuzz's token-set
and token-sort ratios, computed natively. Which pairs get scored is decided by blocking: a pair is
a candidate only when one of the two texts holds one of the other's rarest words, so the work
grows with the number of sentences that could tell the same thing, not with the square of all of
them.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process
from ..highlighters.kept_patterns import compile_kept

_STOPWORDS = frozenset("""
a about above after again against all also although am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had
has have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our out over own same she should so some such than that the their
them then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your said says say told according one two three
""".split())
_TOKEN = compile_kept(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_RARE_WORDS = 8
"""How many of a text's rarest words it is looked up by: enough that a reworded sentence still
shares one with its original, few enough that common words never make everything a candidate."""

COMMON_WORD_TEXTS = 64
"""A word held by more texts than this is too common to block on: a text made only of such words
(a list of numbers, a page of one repeated phrase) is compared with nothing, rather than with
everything. A constant, not a share of the texts, so that blocking stays linear in their number."""
_PARTNERS = 64
"""The most texts one text is compared with: those sharing most of its rarest words. A text that
repeats across a story (a wire story's sentence in a thousand reports, one long line of the same
report over and over) would otherwise be compared with every copy, and the work grow with the
square of the story; each sentence keeps only its best few links anyway."""
_SENTENCE_CHARS = 256
"""Content words of a long sentence. Scoring a pair costs the length of its texts, so a longer text
is compared with fewer others (a quarter as many at four times this), and the characters scored
stay in proportion to the text however long its sentences are (a run of 1,000 characters without a
full stop, a quotation that never closes)."""


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


SCORED_ONE_BY_ONE = 10_000
"""Up to this many pairs are scored a call a pair; more, in bulk (rapidfuzz's ``cpdist``, on every core).
Bulk scores come back as a numpy array, and importing numpy takes longer than scoring a few thousand
pairs one by one: a story of a few reports is linked without it (its colours wait for the import)."""


def _float32(scores: Iterable[float]) -> list[float]:
    """The scores rounded to single precision, as ``cpdist(..., dtype=np.float32)`` gives them."""
    return array("f", scores).tolist()


def _scores(scorer, lefts: list[str], rights: list[str], floor: float) -> list[float]:
    """``scorer``'s score of each left text with the right text at the same place, in single precision;
    0 below ``floor``."""
    if len(lefts) <= SCORED_ONE_BY_ONE:
        return _float32([scorer(left, right, score_cutoff=floor) for left, right in zip(lefts, rights)])
    import numpy as np

    return process.cpdist(lefts, rights, scorer=scorer, score_cutoff=floor, workers=-1, dtype=np.float32).tolist()


def pair_similarity(lefts: list[str], rights: list[str], floor: float = 0.0) -> list[float]:
    """The similarity (0-100) of each left text with the right text at the same place.

    The mean of token-set and token-sort ratios: token-set alone calls a short sentence that sits
    inside a long one a perfect match. Zero when either is zero, or below ``floor`` (which lets
    rapidfuzz stop early). In single precision: the mean of the two single-precision scores, as
    numpy's float32 arithmetic made it (their sum is exact in double precision, and halving is exact).
    """
    set_scores = _scores(fuzz.token_set_ratio, lefts, rights, floor)
    sort_scores = _scores(fuzz.token_sort_ratio, lefts, rights, floor)
    return _float32([(a + b) / 2 if a and b else 0.0 for a, b in zip(set_scores, sort_scores)])


def similar_pairs(texts: list[str], cutoff: float, scorer=None) -> dict[tuple[int, int], float]:
    """Pairs ``(i, j)``, ``i < j``, of distinct texts whose similarity (0-100) is at least ``cutoff``.

    The similarity is that of ``pair_similarity``, or else the given rapidfuzz ``scorer``'s. A mean
    of at least ``cutoff`` needs each score at least ``2 * cutoff - 100``, which lets rapidfuzz stop
    early. The cutoff is compared in single precision, as the scores are.
    """
    pairs = candidate_pairs(texts)
    left = [texts[i] for i, _ in pairs]
    right = [texts[j] for _, j in pairs]
    if scorer is not None:
        scores = _scores(scorer, left, right, cutoff)
    else:
        scores = pair_similarity(left, right, floor=max(0.0, 2 * cutoff - 100))
    least = _float32([cutoff])[0]
    return {pair: score for pair, score in zip(pairs, scores) if score > 0 and score >= least}


def rare_word_partners(index: int, words: set[str], length: int, holders: Mapping[str, Sequence[int]]) -> list[int]:
    """The texts that text ``index`` (its ``words``, ``length`` characters) is compared with: those
    holding its rarest words, fewest holders first, most shared first where there are too many.

    ``holders`` holds, for each word held by 2 to ``COMMON_WORD_TEXTS`` texts, the texts that hold it.
    """
    rarest = sorted((word for word in words if word in holders), key=lambda word: (len(holders[word]), word))
    partners = [other for word in rarest[:_RARE_WORDS] for other in holders[word] if other != index]
    most = max(_RARE_WORDS, _PARTNERS * _SENTENCE_CHARS // max(length, _SENTENCE_CHARS))
    if len(partners) > most:
        partners = [other for other, _ in Counter(partners).most_common(most)]
    return list(dict.fromkeys(partners))


def candidate_pairs(texts: list[str]) -> list[tuple[int, int]]:
    """Pairs ``i < j``, in order, where one text holds one of the other's rarest words (blocking).

    Rarity is counted over these texts, so in a story where every report names the town, the town
    is not what decides which sentences are compared. Each text looks up at most ``_RARE_WORDS``
    words, each held by at most ``COMMON_WORD_TEXTS`` texts, and keeps the ``_PARTNERS`` that share most of
    them (fewer for a long text): the pairs grow with the number of texts, not with its square.
    """
    words = [set(text.split()) for text in texts]
    frequency = Counter(word for text_words in words for word in text_words)
    holders: dict[str, list[int]] = defaultdict(list)
    for index, text_words in enumerate(words):
        for word in text_words:
            if 1 < frequency[word] <= COMMON_WORD_TEXTS:
                holders[word].append(index)
    pairs: set[tuple[int, int]] = set()
    for index, text_words in enumerate(words):
        partners = rare_word_partners(index, text_words, len(texts[index]), holders)
        pairs.update((index, other) if index < other else (other, index) for other in partners)
    return sorted(pairs)
