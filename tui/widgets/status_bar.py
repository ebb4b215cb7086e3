"""The status bar: the focused report, the cursor as ``sentence N/M``, its versions, and modes."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from sahel_reader.highlighters.safety import printable


class StatusBar(Static):
    """Always shows where the reader is; report text never reaches it as markup or as controls.

    Ids, claims and sources come from the reports and messages name files, so all of it is made
    printable here, in one place.
    """

    def show(self, doc_id: str, sentence: int, total: int, versions: int, modes: list[str]) -> None:
        parts = [doc_id, f"sentence {sentence + 1}/{total}" if total else "no sentences"]
        if versions:
            parts.append(f"{versions} version{'s' if versions != 1 else ''} in other reports")
        parts += modes
        self.message("  │  ".join(parts))

    def message(self, text: str) -> None:
        self.update(Text(printable(text)))
