"""The marker on each edge of the row of panes: how many reports lie beyond it (``‹2``, ``3›``)."""

from __future__ import annotations

from textual.widgets import Static


class EdgeMarker(Static):
    """How many reports lie beyond this edge of the row; hidden when none do."""

    def count(self, hidden: int) -> None:
        self.display = hidden > 0
        if hidden:
            self.update(f"‹{hidden}" if self.has_class("-left") else f"{hidden}›")
