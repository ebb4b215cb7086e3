"""The last search across the reports: its matches shown in every pane (or place), and the one the
reader is on. Plain Python: the row jumps to the match these return."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .jump import JumpTarget
    from .navigation import SearchMatch, SearchResults
    from .report_place import ReportPlace
    from .widgets.report_pane import ReportPane


class PaneSearch:
    """What ``/`` found, and ``n``/``N`` through it; empty until the first search."""

    def __init__(self) -> None:
        self.results: SearchResults | None = None

    @property
    def matches(self) -> list[SearchMatch]:
        return self.results.matches if self.results else []

    @property
    def index(self) -> int:
        """Which match the reader is on (-1: none yet)."""
        return self.results.index if self.results else -1

    def show(self, matches: list[SearchMatch], panes: Sequence[ReportPane | ReportPlace],
             focused: ReportPane | ReportPlace) -> SearchMatch | None:
        """Every match, in every pane; the first at or after the focused pane's cursor (None: no match)."""
        from .navigation import SearchResults

        results = self.results = SearchResults(matches)
        by_doc = results.by_doc()
        for pane in panes:
            pane.set_matches(by_doc.get(pane.document.id, []), None)
        if not results.matches:
            return None
        start = focused.document.sentences[focused.cursor][0] if focused.document.sentences else 0
        order = [p.document.id for p in panes]
        return self._current(panes, results.start_at(order, focused.document.id, start))

    def where(self, focused: ReportPane | ReportPlace) -> str | None:
        """For the status bar: "match i of n" while the focused cursor is on the current match, else how
        many there are (n / N go through them); None without a search that found one."""
        if not self.matches:
            return None
        count = len(self.matches)
        current = self.matches[self.index] if self.index >= 0 else None
        sentences = focused.document.sentences
        if current and current.doc == focused.document.id and sentences:
            start, end = sentences[focused.cursor]
            if start <= current.start < end:
                return f"match {self.index + 1} of {count}"
        return f"{count} match{'es' if count != 1 else ''}"

    def step(self, panes: Sequence[ReportPane | ReportPlace], step: int) -> SearchMatch | None:
        """The next (or previous) match, round the ends; None before any search found one."""
        if not self.matches:
            return None
        return self._current(panes, self.results.step(step))

    @staticmethod
    def target(panes: Sequence[ReportPane | ReportPlace], match: SearchMatch) -> JumpTarget:
        """Where the reader goes for a match: its report, the sentence it starts in."""
        from .jump import JumpTarget

        pane = next(pane for pane in panes if pane.document.id == match.doc)
        return JumpTarget(match.doc, pane.sentence_at(match.start))

    @staticmethod
    def _current(panes: Sequence[ReportPane | ReportPlace], match: SearchMatch) -> SearchMatch:
        for pane in panes:
            pane.set_current_match((match.start, match.end) if pane.document.id == match.doc else None)
        return match
