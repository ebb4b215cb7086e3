"""The marker on each edge of the row of panes: how many reports lie beyond it (``‹2``, ``3›``)."""

from __future__ import annotations

from textual.widgets import Static


class EdgeMarker(Static):
    """How many reports lie beyond this edge of the row; hidden when none do."""

    _hidden = 0

    def count(self, hidden: int) -> None:
        """Changed only when the count changes: each change is a layout."""
        if hidden != self._hidden:
            self._hidden = hidden
            self.display = hidden > 0
            if hidden:
                self.update(f"‹{hidden}" if self.has_class("-left") else f"{hidden}›", layout=False)
