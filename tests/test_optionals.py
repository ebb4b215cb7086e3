"""Optional groups written as alternatives (``highlighters/optionals.py``) match what they stood for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from sahel_reader.highlighters import context, figure_pattern, zeros
from sahel_reader.highlighters.optionals import optional_as_branch
from sahel_reader.highlighters.trie import word_alternatives
from sahel_reader.story.seeds import bundled_seed_paths

from tests.test_fast_patterns import TRICKY

SEEDS = [path.read_text(encoding="utf-8") for path in bundled_seed_paths()]
PLAIN_FIGURE = re.compile(f"[^a-z](?P<figure>{figure_pattern._FIGURE_BODY})", re.VERBOSE)
"""The figure pattern as written, each optional group a repeat."""


def test_each_greedy_optional_group_becomes_an_alternative_with_an_empty_branch():
    assert optional_as_branch(r"a(?:b|c)?d") == r"a(?:b|c|)d"
    assert optional_as_branch(r"(?P<unit>km)?(x)?") == r"(?:(?P<unit>km)|)(?:(x)|)"
    assert optional_as_branch(r"((?:st|nd)?x)?") == r"(?:((?:st|nd|)x)|)"


def test_lookarounds_lazy_and_single_characters_are_left_alone():
    for pattern in (r"(?=a)?b", r"(?:ab)??c", r"\d?\s?", r"\(?x\)?", r"[()?]x", r"[])]?", r"(?i:ab)?"):
        assert optional_as_branch(pattern) == pattern


def test_the_figure_pattern_and_the_tries_are_compiled_with_alternatives():
    compiled = figure_pattern.FIGURE_AFTER.folded.pattern
    assert optional_as_branch(compiled) == compiled != figure_pattern.FIGURE_AFTER._pattern
    assert word_alternatives(["dozen", "dozens"]) == "dozen(?:s|)"


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int] | None]:
    return [span for match in pattern.finditer(text) for span in map(match.span, range(pattern.groups + 1))]


def test_the_figure_pattern_finds_the_same_groups_in_the_seeds_both_ways():
    rewritten = re.compile(optional_as_branch(PLAIN_FIGURE.pattern), re.VERBOSE)
    for text in SEEDS:
        folded = text.lower()
        assert _matches(rewritten, folded) == _matches(PLAIN_FIGURE, folded)
    assert all(len(_matches(rewritten, text.lower())) > 5 for text in SEEDS)


PATTERNS = [(PLAIN_FIGURE.pattern, re.VERBOSE), (zeros._ZERO._pattern, re.VERBOSE),
            (context._EVENT.after._pattern, 0), (r"(?:(a)|b(c)?)+(d(?:e|f)?)?", 0)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*TRICKY, "no one was killed", "killed and wounded", "abcbcdde", "bd", "c"]),
                min_size=1, max_size=25).map(" ".join), st.sampled_from(PATTERNS))
def test_rewritten_patterns_set_every_group_as_the_repeats_did(text, pattern_and_flags):
    pattern, flags = pattern_and_flags
    plain = re.compile(pattern, flags)
    folded = text.lower()
    assert _matches(re.compile(optional_as_branch(pattern), flags), folded) == _matches(plain, folded)
