"""Where the reader is in a report whose pane is not shown: plain state, not a widget.

A story of a thousand reports shows a few panes; the others are kept as these, which the cursor
moves (``]`` to a far report, sync, search) as it would move a pane. Nothing here is a Textual
object, so a thousand of them cost the collector almost nothing, and a pane is made from one when
its report comes into the window (``ReportPane.place`` and ``ReportPane.from_place``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..story.model import Document

    from .layout import DocumentView


@dataclass(slots=True, eq=False)
class ReportPlace:
    """A report's cursor, selected claim and search matches, as its pane would hold them."""

    document: Document
    view: DocumentView
    cursor: int = 0
    selected_claim: str | None = None
    matches: list[tuple[int, int]] = field(default_factory=list)
    current_match: tuple[int, int] | None = None
    scroll_y: int = 0
    """Where its pane was scrolled: a report moving to the next pane shows the same rows there."""

    is_mounted = False
    """Never shown: the row asks this of what it holds, panes and places alike."""

    @property
    def sentence_count(self) -> int:
        return len(self.document.sentences)

    def set_cursor(self, sentence: int, *, claim: str | None = None, scroll: bool = True) -> None:  # noqa: ARG002
        if self.document.sentences:
            self.cursor = max(0, min(sentence, self.sentence_count - 1))
            self.selected_claim = claim

    def step(self, sentence: int, direction: int) -> int:
        """The next sentence from ``sentence`` in ``direction`` that is not boilerplate (or stay put)."""
        candidate = sentence + direction
        while 0 <= candidate < self.sentence_count:
            if not self.document.is_boilerplate(*self.document.sentences[candidate]):
                return candidate
            candidate += direction
        return sentence

    def sentence_at(self, offset: int) -> int:
        return self.document.sentence_at(offset)

    def set_matches(self, matches: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        self.matches, self.current_match = matches, current

    def set_current_match(self, current: tuple[int, int] | None) -> None:
        self.current_match = current

    def show_cursor(self, *, center: bool = False) -> None:
        """Nothing to scroll: the pane made from this place shows its cursor."""

    def refresh_gutter(self) -> None:
        """Nothing drawn: the pane made from this place draws the notes and marks."""
