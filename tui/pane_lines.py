"""The painted rows of the reports, kept for every pane of the row rather than for one.

At a thousand reports ``tab`` and ``]`` move the window on most presses, and the panes shown take
the reports that come to their places (``widgets/pane_slots.py``): stepping to the next report, each
pane takes its neighbour's report, whose rows were painted a moment ago. Each row is kept under
what it shows (the report, its view, the wrap width, the row), what is drawn over it (the cursor,
the selection and the matches on that row) and the styles it may use, so a pane that takes a report
another pane showed, or a pane that gains or loses the focus, finds its rows painted. The rows on the
cursor alone use the cursor's styles, which change with the focus.

Styles are kept the same way: the pane's styles combined per set of component classes, once per
set of styles (a theme, focused or not), not once per pane and per focus change. So are the reports'
wrapped lines, by report and width: the report a pane takes was often wrapped by its neighbour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.cache import FIFOCache
from textual.strip import Strip

from ..highlighters.safety import visible_controls
from ..highlighters.soft_wraps import breaks_as_spaces
from .components import CURSOR, CURSOR_BAR, PANE_COMPONENTS
from .layout import LazyWrap

if TYPE_CHECKING:
    from ..story.model import Document

CURSOR_COMPONENTS = (CURSOR, CURSOR_BAR)
"""The component classes drawn on the cursor's rows only."""
PLAIN_COMPONENTS = tuple(name for name in PANE_COMPONENTS if name not in CURSOR_COMPONENTS)

ROWS_KEPT = 512
"""Rows kept: the panes of the last few windows (three panes of forty rows at 160 × 45). No more:
each kept row is a dozen objects the garbage collector walks in a full collection."""
WRAPS_KEPT = 8
"""Reports kept wrapped, at a width each: those of the last two windows."""
TEXTS_KEPT = 16
"""Reports kept as shown (``shown_text``): those of the last few windows."""


class PaneLines:
    """Painted rows and combined styles, by what decides them; shared by the panes of one row.

    Plain dicts (``FIFOCache``): Textual's LRUCache links its entries in a ring, so each clear left its
    rows as cyclic garbage for the collector to walk.
    """

    def __init__(self, rows: int = ROWS_KEPT) -> None:
        self.rows: FIFOCache[tuple, Strip] = FIFOCache(rows)
        self.framed: FIFOCache[int, tuple[Strip, object, Strip]] = FIFOCache(rows)
        """The same rows framed by the border of the pane that painted them, by the row's id: the row, its
        frame and the framed row (``framed_rows.py``)."""
        self._styles: dict[tuple[Style, ...], dict[tuple[str, ...], Style]] = {}
        self._style_numbers: dict[tuple[Style, ...], int] = {}
        self._wraps: FIFOCache[tuple[int, int], tuple[object, LazyWrap]] = FIFOCache(WRAPS_KEPT)
        self._texts: FIFOCache[int, tuple[Document, str, list[int]]] = FIFOCache(TEXTS_KEPT)

    def shown_text(self, document: Document) -> tuple[str, list[int]]:
        """The report's text as a pane shows it (each control character made visible) and where its
        sentences start: made once while the report is kept, not each time a pane takes it."""
        kept = self._texts.get(id(document))
        if kept is None or kept[0] is not document:
            shown = visible_controls(breaks_as_spaces(document.text, document.soft_breaks))  # a wrapped paragraph flows
            kept = self._texts[id(document)] = (document, shown, [start for start, _ in document.sentences])
        return kept[1], kept[2]

    def wrap_of(self, document: object, text: str, width: int, first: int) -> LazyWrap:
        """``text`` (what ``document`` shows) wrapped at ``width``: kept, or wrapped anew (its ``first``
        characters at once)."""
        kept = self._wraps.get((id(document), width))
        if kept is not None and kept[0] is document and kept[1].text == text:
            return kept[1]
        wrap = LazyWrap(text, width)
        wrap.wrap_some(first)
        self._wraps[id(document), width] = (document, wrap)
        return wrap

    def styles_for(self, key: tuple[Style, ...]) -> dict[tuple[str, ...], Style]:
        """The combined styles for one set of component styles (filled in by the pane as it draws)."""
        if len(self._styles) > 16:  # themes tried one after another: keep the few in use
            self._styles.clear()
        return self._styles.setdefault(key, {})

    def style_number(self, styles: tuple[Style, ...]) -> int:
        """A number for a set of styles, never given to another set: a row's key holds it rather than the
        styles, a tuple of sixteen to hash at each look-up (a fifth of the time a row took to find, or
        to keep). A theme brings a few sets; a session, a few themes."""
        return self._style_numbers.setdefault(styles, len(self._style_numbers))

    def clear(self) -> None:
        """Forget every row: what the rows show changed (the reader's work, the claims, a new story)."""
        self.rows.clear()
        self.framed.clear()
