"""The marker on each edge of the row of panes: how many reports lie beyond it (``‹2``, ``3›``)."""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class EdgeMarker(Widget):
    """How many reports lie beyond this edge of the row: shown whenever some report is not shown in a
    pane, blank when none lies beyond this edge, hidden when every report has its pane.

    Shown or hidden with the story, not with its own count: showing or hiding a marker gives the panes
    other widths, a layout of the screen and every pane's text wrapped anew, and at a thousand reports
    the window reached the first or the last report on one press of ``]`` in ten (40 to 60 ms each).
    The count sits on the middle row, centred, and only that row is drawn again when it changes: it
    changes on most ``tab`` and ``]`` presses, and redrawing the marker whole was a full-height render
    of each marker in those presses.
    """

    _hidden = 0

    def count(self, hidden: int, *, shown: bool) -> None:
        """``hidden`` reports lie beyond this edge; ``shown``: some report, on either side, has no pane."""
        if shown != self.display:
            self.display = shown
        if hidden != self._hidden:
            self._hidden = hidden
            self.refresh(Region(0, self._middle(), self.size.width, 1))

    def render(self) -> str:
        """What the marker says."""
        if not self._hidden:
            return ""
        return f"‹{self._hidden}" if self.has_class("-left") else f"{self._hidden}›"

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        style = self.rich_style
        if y != self._middle() or not self._hidden:
            return Strip.blank(width, style)
        label = self.render()
        left = (width - len(label)) // 2
        return Strip([Segment(f"{' ' * left}{label}".ljust(width), style)], width)

    def _middle(self) -> int:
        return (self.size.height - 1) // 2
