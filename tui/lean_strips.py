"""Painted lines that cost the garbage collector as little as they can: no cycles, no empty caches.

Textual 8's ``Strip`` caches what it derives from itself, and two of those results are the strip
itself: cropping it to its own width, and dividing it at its own end (which the compositor does to
nearly every line of every frame). Cached in its own caches, each such strip refers to itself, so it
and all it holds (its segments, its caches, the strips made from it) can only be freed by a
collection. At a thousand reports that was thousands of objects a key press, and the collections that
found them took tens to hundreds of milliseconds, in whichever press they fell (issue 18). Returning
the strip without caching it gives the same result (the strip is immutable), and the lines a frame
leaves behind are freed the moment nothing shows them.

Each strip also made seven caches when it was made, each a cache object and a dict: fourteen of the
sixteen objects a strip brought for the collector to walk, though most strips (the pieces a frame
cuts its lines into, a filter's output) never cache anything. The young objects of a press were
mostly these (11,696 caches of 24,210 objects at 1,000 reports), and each press filled the youngest
generation faster and made its collections longer. A strip now makes a cache when it first stores
in it: dividing, filtering and cropping, which the frames repeat on the lines they keep. What it
would cache by the other four (a style applied, a length adjusted, a crop extended, mouse offsets)
it works out again when asked: none of them is asked of a kept line twice in a frame.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.cache import FIFOCache
from textual.strip import Strip

_crop_extend = Strip.crop_extend
_divide = Strip.divide
_apply_filter = Strip.apply_filter
_crop = Strip.crop

STRIP_SLOTS = ("_segments", "_cell_length", "_divide_cache", "_crop_cache", "_style_cache", "_filter_cache",
               "_render_cache", "_line_length_cache", "_crop_extend_cache", "_offsets_cache", "_link_ids",
               "_cell_count")
"""Textual's slots of a strip, each of which ``_lean_init`` sets (tests/test_textual_private_apis.py)."""


class _NoCache:
    """A strip's cache not made yet: it holds nothing, and what is stored in it is let go."""

    __slots__ = ()

    def get(self, key, default=None):
        return default

    def __setitem__(self, key, value) -> None:
        pass


_NOT_YET = _NoCache()


def _lean_init(self: Strip, segments: Iterable, cell_length: int | None = None) -> None:
    self._segments = list(segments)
    self._cell_length = cell_length
    self._divide_cache = self._crop_cache = self._filter_cache = _NOT_YET
    self._style_cache = self._line_length_cache = self._crop_extend_cache = self._offsets_cache = _NOT_YET
    self._render_cache = None
    self._link_ids = None
    self._cell_count = None


def _crop_extend_acyclic(self: Strip, start: int, end: int, style) -> Strip:
    if start <= 0 and end == self.cell_length:  # what Textual returns then is the strip itself
        return self
    return _crop_extend(self, start, end, style)


def _divide_lean(self: Strip, cuts: Iterable[int]) -> list[Strip]:
    cuts = cuts if isinstance(cuts, list) else list(cuts)
    length = self.cell_length
    if cuts and cuts[0] == length and all(cut > length for cut in cuts[1:]):  # the strip whole
        return [self]
    if self._divide_cache is _NOT_YET:
        self._divide_cache = FIFOCache(4)
    return _divide(self, cuts)


def _apply_filter_lean(self: Strip, line_filter, background) -> Strip:
    if self._filter_cache is _NOT_YET:
        self._filter_cache = FIFOCache(4)
    return _apply_filter(self, line_filter, background)


def _crop_lean(self: Strip, start: int, end: int | None = None) -> Strip:
    if self._crop_cache is _NOT_YET:
        self._crop_cache = FIFOCache(16)
    return _crop(self, start, end)


def keep_strips_lean() -> None:
    """From now on, no strip is cached in its own caches, and a strip makes a cache only to store in it."""
    Strip.__init__ = _lean_init
    Strip.crop_extend = _crop_extend_acyclic
    Strip.divide = _divide_lean
    Strip.apply_filter = _apply_filter_lean
    Strip.crop = _crop_lean
