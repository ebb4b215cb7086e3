"""Garbage collections that fall between key presses rather than in them.

The story is frozen out of the collector's walks (``PaneWindow.keep_story``), but every frame Textual
makes thousands of small objects (the lines it paints and their caches) that live a while. With
Python's thresholds many of them outlive the young collections and reach the oldest generation, and a
full collection of those takes tens to hundreds of milliseconds on a busy machine, in whichever key
press it falls. A larger youngest generation lets most of them die before a collection looks at
them (at 1,000 reports: fewer and shorter full collections, and less memory), and when the reader
pauses the full collection runs then: when a tick finds no collection of the middle generation since
the last one.

Until the story is frozen there is no collection at all (``hold``): the reader's first frame and the
engine's imports and linking make hundreds of thousands of objects that live as long as the story,
and a full collection walking them fell in the frame that shows the texts (30 ms) or in the one that
colours them (60 ms). Reference counting frees the rest meanwhile; the story is frozen after a
collection, once it is shown. The ``sahel-reader`` command holds it from before Textual is imported
(``hold_from_start``): importing Textual and the reader and composing the first frame ran about a
hundred young collections, 2.5% of the instructions before the texts are shown.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the command before Textual is (``hold_from_start``)
    from textual.widget import Widget

IDLE = 0.5
"""Seconds between looks at the collector: one without a collection of the middle generation is a pause."""
YOUNG = 30_000
"""Allocations between collections of the youngest generation (Python's default: 700)."""


_held_from_start = False
"""The command turned the collector off (``hold_from_start``) and no ``IdleCollector`` took that over yet."""


def hold_from_start() -> None:
    """No collection from now on until the reader's ``IdleCollector.hold`` takes this over (and its story
    is frozen, or there is none): called by the command before it imports Textual and the reader. A
    collector already off stays off."""
    global _held_from_start
    if gc.isenabled():
        gc.disable()
        _held_from_start = True


class IdleCollector:
    """Lets young objects die before a collection looks at them; a full collection when the reader pauses."""

    def __init__(self) -> None:
        self._thresholds: tuple[int, int, int] | None = None
        self._seen = -1
        self._held = False

    def hold(self) -> None:
        """No collection until ``start`` or ``stop`` (a collector already off stays off, unless the
        command turned it off: ``hold_from_start``)."""
        global _held_from_start
        if gc.isenabled() or _held_from_start:
            gc.disable()
            self._held, _held_from_start = True, False

    def _release(self) -> None:
        if self._held:
            gc.enable()
            self._held = False

    def start(self, widget: Widget) -> None:
        """From now until ``stop``, with ``widget``'s timer."""
        self._release()
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            gc.set_threshold(YOUNG, *self._thresholds[1:])
            widget.set_interval(IDLE, self._look)

    def stop(self) -> None:
        """Python's own collections again: the reader closes, or its story will not be frozen (it
        could not be read or linked)."""
        self._release()
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def _look(self) -> None:
        middle = gc.get_count()[2]  # collections of the middle generation since the last full one
        if middle and middle == self._seen:  # none since the last look: the reader has paused
            gc.collect()
            middle = 0
        self._seen = middle
