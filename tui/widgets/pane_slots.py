"""The panes shown, reused as the window of reports moves.

Mounting a pane and removing one are each a layout of the whole screen, and at a thousand reports
``]`` and ``tab`` move the window on most presses. So the mounted panes stay mounted, in their
order, and each takes the report that comes to its place in the window: the reports left behind are
kept as places (plain state), as if their panes had been removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..report_place import ReportPlace
    from .report_pane import ReportPane


def reuse_panes(panes: list[ReportPane | ReportPlace], window: list[int],
                shown: list[int]) -> tuple[list[ReportPane], list[ReportPane]]:
    """The mounted panes in ``panes`` (at the places ``shown``, in order) show the reports of ``window`` in
    order, the first pane its first report; every other report is held as its place. Returns the panes that
    took another report, and the panes left over when the window holds fewer reports than are mounted (to
    be removed)."""
    kept, spare = shown[:len(window)], shown[len(window):]
    moved = [(at, n) for at, n in zip(kept, window) if at != n]
    moving = [(panes[at], n) for at, n in moved]
    left = [panes[at] for at in spare]
    for at in [at for at, _ in moved] + spare:
        panes[at] = panes[at].place()
    for pane, n in moving:
        pane.show_place(panes[n])
        panes[n] = pane
    return [pane for pane, _ in moving], left
