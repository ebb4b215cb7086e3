"""What one version of a sentence adds, drops or changes against another, word by word.

Reports retell each other with a word changed here and a clause dropped there: a word-level diff
shows it where reading the two sentences side by side hides it. Words are compared as written
(case and punctuation count: "77" against "77," is a change the reader should see). UI-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal
from ..highlighters.kept_patterns import compile_kept

Change = Literal["same", "added", "dropped"]
_WORD = compile_kept(r"\S+")


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """A run of words that both sentences have, or that only the other one adds, or only this one has."""

    change: Change
    text: str


def word_diff(base: str, other: str) -> list[DiffPiece]:
    """``other`` against ``base``: the words both say, those ``other`` adds and those it drops, in
    reading order (a changed word shows as the word dropped, then the word added)."""
    old, new = _WORD.findall(base), _WORD.findall(other)
    pieces: list[DiffPiece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(DiffPiece("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(DiffPiece("dropped", " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(DiffPiece("added", " ".join(new[j1:j2])))
    return pieces


def diff_counts(pieces: list[DiffPiece]) -> tuple[int, int]:
    """How many words the other version adds and drops."""
    added = sum(len(p.text.split()) for p in pieces if p.change == "added")
    dropped = sum(len(p.text.split()) for p in pieces if p.change == "dropped")
    return added, dropped
