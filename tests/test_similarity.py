"""Sentences scored one pair at a time (a small story, without numpy) and in bulk (a big one) link alike."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from rapidfuzz import fuzz

from sahel_reader.story import similarity
from sahel_reader.story.documents import bundled_seed_paths, load_paths
from sahel_reader.story.sentence_links import LINK_CUTOFF
from sahel_reader.story.similarity import content_words, pair_similarity, similar_pairs


def seed_sentences() -> list[str]:
    """The content words of every sentence of the bundled story."""
    documents = load_paths(bundled_seed_paths()).documents
    return [content_words(d.text[start:end]) for d in documents for start, end in d.sentences]


def reworded(texts: list[str], count: int) -> list[str]:
    """``count`` texts made of the given ones with words dropped and swapped: scores of every size,
    and many near the cutoffs, where a score rounded otherwise would link otherwise."""
    rng = random.Random(18)
    made = []
    for _ in range(count):
        words = rng.choice(texts).split()
        kept = [w for w in words if rng.random() > 0.2] + rng.choice(texts).split()[: rng.randrange(4)]
        if rng.random() < 0.3:
            rng.shuffle(kept)
        made.append(" ".join(kept))
    return made


@pytest.mark.parametrize(("cutoff", "scorer"), [(LINK_CUTOFF, None), (85.0, fuzz.token_set_ratio)])
def test_scored_one_by_one_and_in_bulk_the_same_pairs_have_the_same_scores(monkeypatch, cutoff, scorer):
    texts = seed_sentences()
    texts += reworded(texts, 600)
    monkeypatch.setattr(similarity, "SCORED_ONE_BY_ONE", 0)
    in_bulk = similar_pairs(texts, cutoff, scorer)
    monkeypatch.setattr(similarity, "SCORED_ONE_BY_ONE", 10**9)
    one_by_one = similar_pairs(texts, cutoff, scorer)
    assert len(in_bulk) > 100 and list(one_by_one.items()) == list(in_bulk.items())


def test_pair_similarity_one_by_one_is_the_bulk_scores(monkeypatch):
    texts = seed_sentences()
    lefts, rights = reworded(texts, 2000), reworded(texts[::-1], 2000)
    monkeypatch.setattr(similarity, "SCORED_ONE_BY_ONE", 0)
    in_bulk = pair_similarity(lefts, rights, 24.0)
    monkeypatch.setattr(similarity, "SCORED_ONE_BY_ONE", 10**9)
    one_by_one = pair_similarity(lefts, rights, 24.0)
    assert one_by_one == in_bulk and len({s for s in in_bulk if s}) > 100


_LINK_THE_SEEDS = """
import sys
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import bundled_seed_paths, load_paths

story = analyse(load_paths(bundled_seed_paths()).documents, growable=True)
assert story.sentence_links
print("numpy" in sys.modules)
"""


def test_the_bundled_story_is_linked_without_importing_numpy():
    """In a process of its own: the reader's colours wait for what linking the story imports."""
    result = subprocess.run([sys.executable, "-c", _LINK_THE_SEEDS], capture_output=True, text=True, timeout=120,
                            env={**os.environ})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
