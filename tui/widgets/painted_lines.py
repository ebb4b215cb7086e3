"""The lines Textual composed for each pane, passed on to the pane that shows the same thing next.

At a thousand reports ``tab`` moves the pane window on most presses, and each pane shown takes the
report of the pane to its right (``pane_slots``): the leftmost then shows, at the same size and in
the same state, what its neighbour showed a moment ago. Textual keeps a widget's composed lines
(border, titles and rows; the scrollbar's) in that widget, and a pane given another report drops
them, so they were composed again for the report the neighbour had just composed: a third of such
a press. A window move now sets each pane's composed lines aside with all that decides them
(``ReportPane.painted_as``), and a pane that ends the move showing the same thing the same way takes
them instead. (The scrollbar is drawn in the pane's rows, ``pane_scrollbar.py``: it goes with them.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual._styles_cache import StylesCache
from textual.cache import FIFOCache

from ..framed_rows import FramedStylesCache

if TYPE_CHECKING:
    from .report_pane import ReportPane


class PaintedLines:
    """The composed lines of the panes shown, by the report they show, while the window moves.

    The caches are Textual's own (``StylesCache``), passed between the panes and a few spares, never
    made anew: Textual's ``get_inner_outer`` is an ``lru_cache`` that holds every ``StylesCache`` it
    saw, and with it the lines it holds (Textualize/textual#6665); a new one a move kept thousands of
    lines alive for the collector to walk, and presses stalled for seconds.
    """

    def __init__(self, framed: FIFOCache) -> None:
        self._framed = framed
        """The framed rows the panes share (``framed_rows``): a spare frames its rows as a pane's cache does."""
        self._held: dict[int, tuple[tuple, StylesCache]] = {}
        self._spare: list[StylesCache] = []

    def set_aside(self, panes: list[ReportPane]) -> None:
        """Each pane's composed lines kept with what decides them; the pane draws on a spare meanwhile (a
        pane given another report clears its cache: not these)."""
        for pane in panes:
            self._held[id(pane.document)] = (pane.painted_as(), pane._styles_cache)
            pane._styles_cache = self._a_spare()

    def give_back(self, panes: list[ReportPane]) -> None:
        """Each pane takes the lines composed for exactly what it shows now, if a pane had them; the
        others become spares."""
        for pane in panes:
            held = self._held.pop(id(pane.document), None)
            if held is None:
                continue
            painted_as, lines = held
            if painted_as == pane.painted_as() and not lines._dirty_lines:
                self._keep_spare(pane._styles_cache)
                pane._styles_cache = lines
            else:
                self._keep_spare(lines)
        for _, lines in self._held.values():
            self._keep_spare(lines)
        self._held.clear()

    def _a_spare(self) -> StylesCache:
        return self._spare.pop() if self._spare else FramedStylesCache(self._framed)

    def _keep_spare(self, *caches: StylesCache) -> None:
        """Caches no pane draws on, emptied (their lines freed now)."""
        for cache in caches:
            cache.clear()
            self._spare.append(cache)

