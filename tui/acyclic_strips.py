"""Painted lines that the garbage collector never has to find.

Textual 8's ``Strip`` caches what it derives from itself, and two of those results are the strip
itself: cropping it to its own width, and dividing it at its own end (which the compositor does to
nearly every line of every frame). Cached in its own caches, each such strip refers to itself, so it
and all it holds (its segments, its caches, the strips made from it) can only be freed by a
collection. At a thousand reports that was thousands of objects a key press, and the collections that
found them took tens to hundreds of milliseconds, in whichever press they fell (issue 18).

Returning the strip without caching it gives the same result (the strip is immutable), and the
lines a frame leaves behind are freed the moment nothing shows them.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.strip import Strip

_crop_extend = Strip.crop_extend
_divide = Strip.divide


def _crop_extend_acyclic(self: Strip, start: int, end: int, style) -> Strip:
    if start <= 0 and end == self.cell_length:  # what Textual returns then is the strip itself
        return self
    return _crop_extend(self, start, end, style)


def _divide_acyclic(self: Strip, cuts: Iterable[int]) -> list[Strip]:
    cuts = cuts if isinstance(cuts, list) else list(cuts)
    length = self.cell_length
    if cuts and cuts[0] == length and all(cut > length for cut in cuts[1:]):  # the strip whole
        return [self]
    return _divide(self, cuts)


def keep_strips_acyclic() -> None:
    """From now on, no strip is cached in its own caches."""
    Strip.crop_extend = _crop_extend_acyclic
    Strip.divide = _divide_acyclic
