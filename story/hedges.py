"""The hedges a figure can carry, written once: the symbol the claims table prints, the words the
reader shows (the status bar, the inspector).

The words are the weaker reading of each hedge, true of every figure that carries it: "more than 70"
is at least 70, "almost 50" and "up to 50" are at most 50.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..highlighters.spans import Qualifier


@dataclass(frozen=True, slots=True)
class Hedge:
    qualifier: Qualifier
    symbol: str
    """In the claims table, beside the figure as written."""
    words: str
    """Before the figure, in words a reader knows at once."""


HEDGES: dict[Qualifier, Hedge] = {h.qualifier: h for h in (
    Hedge("exact", "", "exact"),
    Hedge("approx", "≈", "about"),
    Hedge("lower", ">", "at least"),
    Hedge("upper", "<", "at most"),
    Hedge("range", "range", "range"),
    Hedge("vague", "vague", "vague"),
)}


def hedge_words(qualifier: Qualifier | None) -> str:
    """The words before a figure: none for an exact one (or a claim that is no figure)."""
    return "" if qualifier in (None, "exact") else HEDGES[qualifier].words


def hedge_symbol(qualifier: Qualifier | None) -> str:
    return HEDGES[qualifier or "exact"].symbol
