"""Full garbage collections while the reader pauses, rather than in the middle of a key press.

The story is frozen out of the collector's walks (``PaneRow.keep_story``), but every frame Textual
makes thousands of small objects (the lines it paints and their caches) that live a while, and a full
collection of those takes tens of milliseconds on a busy machine: Python starts one in whichever key
press it falls. So while keys come, only the young generations are collected (a full collection
still comes after ``RARE_FULL`` of those, which bounds memory), and the full one runs once the reader
stops for a moment: when a tick finds that no collection happened since the last one.
"""

from __future__ import annotations

import gc

from textual.widget import Widget

IDLE = 0.5
"""Seconds between looks at the collector: one without a collection of the middle generation is a pause."""
RARE_FULL = 100
"""Collections of the middle generation before Python makes a full one by itself (its default: 10)."""


class IdleCollector:
    """Makes Python's full collections rare, and runs one whenever the reader pauses."""

    def __init__(self) -> None:
        self._thresholds: tuple[int, int, int] | None = None
        self._seen = -1

    def start(self, widget: Widget) -> None:
        """From now until ``stop``, with ``widget``'s timer."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            gc.set_threshold(self._thresholds[0], self._thresholds[1], RARE_FULL)
            widget.set_interval(IDLE, self._look)

    def stop(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def _look(self) -> None:
        middle = gc.get_count()[2]  # collections of the middle generation since the last full one
        if middle and middle == self._seen:  # none since the last look: the reader has paused
            gc.collect()
            middle = 0
        self._seen = middle
