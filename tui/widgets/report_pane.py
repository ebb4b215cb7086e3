"""One report in a pane: the Line API over wrapped text, with a reading cursor and coloured claims.

Like toolong's log view, it never builds one big renderable: the text is wrapped once per width
into offset ranges, and each visible row is rendered on demand into a cached ``Strip``. Colours
come from component classes, so the theme decides them (styles/reader.tcss).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import NamedTuple

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from ...highlighters.safety import printable
from ...story.model import Document
from ...story.naming import pane_title
from ..components import CURSOR_BAR, MARKER, NOTE, PANE_COMPONENTS
from ..framed_rows import FramedStylesCache, filters_that_change
from ..layout import DocumentView, LazyWrap, VisualLine
from ..pane_lines import CURSOR_COMPONENTS, PLAIN_COMPONENTS, PaneLines
from ..pane_scrollbar import ScrollbarInRows, bar_cells
from ..report_place import ReportPlace
from ..row_drawing import fitted_strip, gutter_marks, matches_between, row_pieces
from .steady_scroll import SteadyScrollView

_GUTTER = 4
"""Cursor bar, a two-cell count of versions (or ≠), and the reader's note ✎ or mark ●."""


class _Geometry(NamedTuple):
    width: int
    scroll_x: int
    scroll_y: int
    bar: tuple[Segment, ...]
    """The scrollbar's cell on each row, or none."""


class ReportPane(ScrollbarInRows, SteadyScrollView, can_focus=True):
    """A report, its reading cursor (a sentence) and the claim selected in it."""

    BINDINGS = [
        Binding("down", "screen.step('sentence', 1)", show=False),
        Binding("up", "screen.step('sentence', -1)", show=False),
    ]
    """Arrow keys move the reading cursor (the screen's), not just the view; pages still scroll."""

    COMPONENT_CLASSES = set(PANE_COMPONENTS)

    ALLOW_SELECT = False
    """No mouse selection of the text: Textual's needs each cell's offset in the painted rows (a style
    per piece of every row, most of what painting a new report cost), and could not copy a pane's
    text anyway (it reads it from ``render``, which a Line API widget does not use)."""

    @dataclass
    class CursorMoved(Message):
        """The reader put the cursor on a sentence with the mouse."""

        pane: ReportPane
        sentence: int

        @property
        def control(self) -> ReportPane:
            return self.pane

    def __init__(self, document: Document, view: DocumentView, *, reading: bool = True, id: str | None = None,
                 lines: PaneLines | None = None) -> None:
        super().__init__(id=id)
        self.reading = reading
        """False for a pane that only shows text (the legend): no reading cursor is drawn."""
        self._cache = PaneLines() if lines is None else lines
        """The painted rows, shared with the other panes of the row (``pane_lines.py``)."""
        self._styles_cache = FramedStylesCache(self._cache.framed)  # its text rows framed once (``framed_rows``)
        self._style_keys: tuple[tuple[Style, ...], tuple[Style, ...]] | None = None
        """The styles a row may use, off the cursor and on it: worked out once per style change."""
        self._style_numbers = (0, 0)
        """The numbers of those two sets of styles (``PaneLines.style_number``), for the rows' keys."""
        self._bar_colors: tuple[RichColor, RichColor, Style] | tuple[()] = ()
        """The scrollbar's colours (the track's, the thumb's, the pane's), worked out with the rows' styles."""
        self._line_filters: list[LineFilter] = []
        """The app's line filters that change something here, worked out with the rows' styles."""
        self._painting: _Geometry | None = None
        """The geometry of the paint under way (``render_lines``)."""
        self._styles: dict[tuple[str, ...], Style] = {}
        self._show(ReportPlace(document, view))

    def _show(self, place: ReportPlace) -> None:
        self.document = place.document
        self.view = place.view
        self._text, self._sentence_starts = self._cache.shown_text(place.document)
        self._wrap = LazyWrap(self._text, 0)
        self._wrapped_width = 0
        self.cursor = place.cursor
        self.selected_claim = place.selected_claim
        self._matches = place.matches
        self._current_match = place.current_match
        self._selected_at: tuple[str | None, tuple[int, int] | None] = (None, None)

    def place(self) -> ReportPlace:
        """Where the reader is in this report, kept when the pane leaves the window."""
        return ReportPlace(self.document, self.view, self.cursor, self.selected_claim, self._matches,
                           self._current_match, round(self.scroll_y))

    @classmethod
    def from_place(cls, place: ReportPlace, lines: PaneLines | None = None) -> ReportPane:
        """A pane on the report, where the reader left it (its rows kept in ``lines``)."""
        pane = cls(place.document, place.view, lines=lines)
        pane._show(place)
        return pane

    def show_place(self, place: ReportPlace) -> None:
        """Show another report here, where the reader left it: the window moved. Reusing a mounted
        pane costs a repaint of it; mounting a new one costs a layout of the whole screen. Scrolled as
        its pane was (if the cursor is still in view there): a report that moves to the next pane keeps
        its rows in place, and the lines it painted (``painted_lines.py``)."""
        self._show(place)
        self._wrap_to_width()  # the cursor is shown from where the pane was scrolled, below
        self.scroll_to(y=place.scroll_y, animate=False, immediate=True)
        self.show_cursor()
        self.refresh()

    def painted_as(self) -> tuple:
        """All that decides the lines Textual composes for this pane: what it shows, where it is scrolled,
        what is drawn over the rows, its titles, size and styles (``painted_lines.py``)."""
        return (self.document, self.view, self.reading, self.size, self.scroll_offset, self.cursor,
                self.selected_claim, self._matches, self._current_match, self.has_class("-active"),
                self.has_focus, str(self.border_title), str(self.border_subtitle), self.app.theme)

    # -- layout ---------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def _rewrap(self) -> None:
        if self._wrap_to_width():
            self.show_cursor()

    def _wrap_to_width(self) -> bool:
        """The text wrapped at the pane's width, if it is not yet (True then), without scrolling: a pane
        given another report scrolls once, where that report's pane was (``show_place``)."""
        width = max(8, self.scrollable_content_region.width - _GUTTER)
        if width == self._wrapped_width:
            return False
        self._wrapped_width = width
        self._wrap = self._cache.wrap_of(self.document, self._text, width, self._WRAP_STEP)  # usual reports whole
        if self.document.sentences:  # wrapped as far as the cursor's sentence; the rows shown, as they are drawn
            self._line_of(self.document.sentences[self.cursor][1])
        self._size_to_wrap()
        if not self._wrap.done:
            self._wrap_later()
        return True

    @property
    def _lines(self) -> list[VisualLine]:
        return self._wrap.lines

    def _size_to_wrap(self) -> None:
        """The scrollable size, without a layout: the pane's own size is the row's to decide, so only
        its scrollbar changes (a layout still follows if the scrollbar appears or goes)."""
        size = Size(self._wrapped_width + _GUTTER, self._wrap.estimated_rows())
        if size != self.virtual_size:
            self.set_reactive(ReportPane.virtual_size, size)
            self._scroll_update(size)  # as ScrollView does when its size changes
            self.refresh()

    def _wrap_later(self) -> None:
        """The rest of a long report, wrapped a step a frame: keys and scrolling stay quick meanwhile."""
        wrap, step = self._wrap, self._WRAP_STEP

        def wrap_more() -> None:
            if wrap is not self._wrap:  # a newer width
                return
            wrap.wrap_some(step)
            self._size_to_wrap()
            if not wrap.done:
                self.set_timer(0.01, wrap_more)

        self.set_timer(0.01, wrap_more)

    _WRAP_STEP = 100_000
    """Characters wrapped a step, a few milliseconds' work."""

    def show_title(self, claims: list | None) -> None:
        """The report's title, outlet and time above; below, its figures, quotations and conflicts
        (``claims``), or that they are still being found (None)."""
        self.border_title = Text(printable(pane_title(self.document)))
        if claims is None:
            self.border_subtitle = Text("finding figures…")
            return
        figures = sum(1 for c in claims if c.kind == "number")
        self.border_subtitle = Text(f"{figures} fig · {len(claims) - figures} quo · {len(self.view.conflicted)} ≠")

    def notify_style_update(self) -> None:
        """The styles may have changed (the focus, the theme): the rows are kept under their styles."""
        super().notify_style_update()
        self._style_keys = None

    # -- cursor, selection, search ----------------------------------------------------------

    @property
    def sentence_count(self) -> int:
        return len(self.document.sentences)

    def set_cursor(self, sentence: int, *, claim: str | None = None, scroll: bool = True) -> None:
        """Put the reading cursor on ``sentence`` (clamped) and optionally select a claim in it."""
        if not self.document.sentences:
            return
        before = self._rows_of(self.cursor)
        self.cursor = max(0, min(sentence, self.sentence_count - 1))
        self.selected_claim = claim
        for first, count in (before, self._rows_of(self.cursor)):
            self.refresh_lines(first, count)  # only the rows that change: no full repaint per key
        if scroll:
            self.show_cursor()

    step = ReportPlace.step

    def sentence_at(self, offset: int) -> int:
        return self.document.sentence_at(offset)

    def show_cursor(self, *, center: bool = False) -> None:
        """Scroll so that the cursor's sentence is in view."""
        if not self._wrapped_width or not self.document.sentences:
            return
        top, rows = self._rows_of(self.cursor)
        bottom, height = top + rows - 1, self.scrollable_content_region.height
        if center or not (self.scroll_y <= top and bottom < self.scroll_y + height):
            target = top - max(0, (height - (bottom - top + 1)) // 3) if center else (
                top if top < self.scroll_y or bottom - top >= height else bottom - height + 1)
            self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def _rows_of(self, sentence: int) -> tuple[int, int]:
        """The first wrapped row of a sentence and how many rows it takes."""
        start, end = self.document.sentences[sentence]
        top = self._line_of(start)
        return top, self._line_of(max(start, end - 1)) - top + 1

    def cursor_line(self) -> int:
        """The row (in the whole wrapped text) where the cursor's sentence starts."""
        return self._line_of(self.document.sentences[self.cursor][0]) if self.document.sentences else 0

    def set_matches(self, matches: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
        self._matches, self._current_match = matches, current
        self.refresh()

    def refresh_gutter(self) -> None:
        """Redraw after the reader's notes or marks (or the whole view) changed: in every pane of the
        row, since the rows they keep are drawn from the views."""
        self._selected_at = (None, None)
        self._cache.clear()
        self.refresh()

    def set_current_match(self, current: tuple[int, int] | None) -> None:
        self._current_match = current
        self.refresh()

    def _line_of(self, offset: int) -> int:
        self._wrap.cover_offset(offset)
        return max(0, bisect.bisect_right(self._wrap.starts, offset) - 1)

    # -- rendering ------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows Textual asks for in one paint, read against one look at the pane's geometry."""
        self._painting = self._paint_geometry()
        try:
            return super().render_lines(crop)
        finally:
            self._painting = None

    def _paint_geometry(self) -> _Geometry:
        """The width of the text, where the pane is scrolled, and its scrollbar's cells: Textual works
        each out anew when asked, and a paint asks for each row."""
        region = self.scrollable_content_region
        if max(8, region.width - _GUTTER) != self._wrapped_width:  # the first frame paints before the Resize arrives
            self._rewrap()
        bar: tuple[Segment, ...] = ()
        if self._has_bar(region.width):
            self._row_styles()
            bar = bar_cells(region.height, self.virtual_size.height, self.scroll_y, *self._bar_colors)
        return _Geometry(region.width, *self.scroll_offset, bar)

    def render_line(self, y: int) -> Strip:
        width, scroll_x, scroll_y, bar_cells_shown = self._painting or self._paint_geometry()
        row = scroll_y + y
        self._wrap.cover_row(row)
        bar = (bar_cells_shown[y],) if y < len(bar_cells_shown) else ()
        if row >= len(self._lines):
            return fitted_strip([], width, 0, self._style(()), bar)
        line = self._lines[row]
        cursor_start, cursor_end = self.document.sentences[self.cursor] if self.document.sentences else (0, 0)
        on_cursor = self.reading and line.start < cursor_end and cursor_start < max(line.end, line.start + 1)
        key = self._row_key(line, row, width, scroll_x, on_cursor, bar)
        strip = self._cache.rows.get(key)
        if strip is None:
            strip = self._render_row(line, on_cursor, (cursor_start, cursor_end), scroll_x, width, bar)
            self._cache.rows[key] = strip
        return strip

    def _row_key(self, line: VisualLine, row: int, width: int, scroll_x: int, on_cursor: bool,
                 bar: tuple[Segment, ...]) -> tuple:
        """All that decides how a row is drawn: what it shows, what is drawn over it, its styles."""
        plain, on_the_cursor = self._row_styles()  # numbers: a key hashes them, not sixteen styles, per row
        selected = self._selected_span() if self.selected_claim else None
        matches = tuple(matches_between(self._matches, line.start, line.end))
        return (id(self.document), id(self.view), self.reading, self._wrapped_width, width, scroll_x, row,
                self.cursor if on_cursor else None,
                selected if selected and selected[0] < line.end and line.start < selected[1] else None,
                matches, self._current_match if self._current_match in matches else None,
                on_the_cursor if on_cursor else plain, bar)

    def _row_styles(self) -> tuple[int, int]:
        """The numbers of the styles a row off the cursor may use and of those of a row on it; the
        combined styles for them."""
        if self._style_keys is None:
            components = self._styles_of_components((*PLAIN_COMPONENTS, *CURSOR_COMPONENTS))
            styled = components is not None
            if not styled:  # plain rows this frame, and the styles worked out again the next
                components = [Style()] * (len(PLAIN_COMPONENTS) + len(CURSOR_COMPONENTS))
            plain = (self.rich_style, *components[:len(PLAIN_COMPONENTS)])
            self._style_keys = plain, plain + tuple(components[len(PLAIN_COMPONENTS):])
            self._style_numbers = (self._cache.style_number(plain), self._cache.style_number(self._style_keys[1]))
            self._styles = self._cache.styles_for(self._style_keys[1])
            self._bar_colors = self._scrollbar_colors()
            styles = self.styles
            self._line_filters = filters_that_change(
                super().get_line_filters(), [*self._style_keys[1], *self._bar_colors[2:]],
                [*self.background_colors, *(color for _, color in styles.border), styles.border_title_color,
                 styles.border_title_background, styles.border_subtitle_color, styles.border_subtitle_background,
                 styles.scrollbar_background, styles.scrollbar_color])
            if not styled:
                self._style_keys = None
        return self._style_numbers

    def get_line_filters(self) -> list[LineFilter]:
        """The app's line filters that change something in this pane (``framed_rows.filters_that_change``)."""
        self._row_styles()
        return self._line_filters

    def _render_row(self, line: VisualLine, on_cursor: bool, cursor: tuple[int, int], scroll_x: int,
                    width: int, bar: tuple[Segment, ...]) -> Strip:
        """The row as the frame takes it: padded to the pane's width in the one strip (each strip Textual
        derives from another is a dozen objects more to make)."""
        segments = [*self._gutter(line, on_cursor)]
        end = line.end
        while end > line.start and self._text[end - 1] == " ":
            end -= 1
        selected = self._selected_span() if self.selected_claim else None
        for start, stop, classes in row_pieces(self.view, line.start, end, cursor if on_cursor else None, selected,
                                               self._matches, self._current_match):
            segments.append(Segment(self._text[start:stop], self._style(classes)))
        return fitted_strip(segments, width, scroll_x, self._style(()), bar)

    def _gutter(self, line: VisualLine, on_cursor: bool) -> list[Segment]:
        bar = Segment("▌" if on_cursor else " ", self._style((CURSOR_BAR,) if on_cursor else ()))
        marker, note = gutter_marks(self.view, self._sentence_starts, line)
        return [bar, Segment(marker, self._style((MARKER,))), Segment(note, self._style((NOTE,)))]

    def _selected_span(self) -> tuple[int, int] | None:
        """Where the selected claim is, looked up once per selection: a long report has thousands."""
        if self._selected_at[0] != self.selected_claim:
            span = next(((s, e) for s, e, cid in self.view.claim_spans if cid == self.selected_claim), None)
            self._selected_at = (self.selected_claim, span)
        return self._selected_at[1]

    def _style(self, classes: tuple[str, ...]) -> Style:
        """The pane's style with the given component classes on top, worked out once per set of styles."""
        self._row_styles()
        style = self._styles.get(classes)
        if style is None:
            components = self._styles_of_components([name for name in PANE_COMPONENTS if name in classes])
            if components is None:
                return self.rich_style  # not kept: the styles are asked for again next frame
            style = sum(components, self.rich_style)
            self._styles[classes] = style
        return style

    def _styles_of_components(self, names) -> list[Style] | None:
        """The styles of the component classes ``names``; None while the pane has none (drawn just unmounted or
        not yet styled, as a key while the story loads can make it on a busy machine)."""
        try:
            return [self.get_component_rich_style(name, partial=True) for name in names]
        except KeyError:
            return None

    # -- mouse ----------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.x >= self.scrollable_content_region.width:  # the border, or the scrollbar
            return
        row = self.scroll_offset.y + offset.y
        self._wrap.cover_row(row)
        if row >= len(self._lines):
            return
        line = self._lines[row]
        column = max(0, offset.x - _GUTTER + self.scroll_offset.x)
        offset = min(line.start + column, max(line.start, line.end - 1))
        self.post_message(self.CursorMoved(self, self.sentence_at(offset)))

