"""A report pane's scrollbar, drawn as the last cell of the rows the pane paints.

Textual draws a view's scrollbar as a widget of its own that the compositor lays over the view and
composes row by row. At a thousand reports ``]`` and ``tab`` show other reports in all three panes,
whose scrollbars then change too: the three scrollbar widgets were a fifth of such a press, and three
more cuts in every row of the screen. The pane keeps Textual's scrollbar gutter (``scrollbar-
visibility: hidden`` in styles/reader.tcss) and draws the same bar in it: Textual's own
``ScrollBarRender``, in the pane's scrollbar colours, one cell a row, kept with the row it ends.
A press on the bar, or a drag along it, scrolls the pane there (``ScrollbarInRows``).
"""

from __future__ import annotations

from functools import lru_cache
from math import ceil

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.scrollbar import ScrollBarRender


@lru_cache(maxsize=256)
def bar_cells(height: int, virtual_height: float, position: float, back: RichColor, bar: RichColor,
              under: RichStyle) -> tuple[Segment, ...]:
    """The bar's cell on each of the ``height`` rows of a pane scrolled to ``position`` of ``virtual_height``
    rows, as Textual's scrollbar paints it over ``under`` (the pane's background), without its mouse
    actions: the pane handles the mouse."""
    window = height if height < virtual_height else 0
    cells = ScrollBarRender.render_bar(size=height, virtual_size=ceil(virtual_height), window_size=window,
                                       position=position, thickness=1, vertical=True, back_color=back,
                                       bar_color=bar).segments
    return tuple(Segment(text, under + style.clear_meta_and_links()) for text, style, _ in cells)


def scrolled_to(row: int, height: int, max_scroll: float) -> float:
    """Where a press on the bar's ``row`` (of ``height``) scrolls the pane: that share of the text."""
    if height <= 1:
        return 0.0
    return max(0.0, min(1.0, row / (height - 1))) * max_scroll


class ScrollbarInRows:
    """What a pane that draws its scrollbar in its rows needs besides: the bar's colours, and the mouse on it."""

    _dragging_bar = False

    def _scrollbar_colors(self) -> tuple[RichColor, RichColor, RichStyle]:
        """As Textual's scrollbar works them out from the pane's styles (``ScrollBar.render``), and the
        background it paints them on."""
        styles = self.styles
        background = styles.scrollbar_background
        if background.a < 1:
            background = self.background_colors[0] + background
        return (background.rich_color, (background + styles.scrollbar_color).rich_color,
                RichStyle(bgcolor=self.rich_style.bgcolor))

    def _has_bar(self, text_width: int) -> bool:
        """Whether a scrollbar gutter lies beside the ``text_width`` cells of text (the help's legend has none)."""
        return self.content_region.width > text_width

    def _on_bar(self, event: events.MouseEvent) -> int | None:
        """The bar's row the mouse is on, if it is on the scrollbar."""
        offset = event.get_content_offset_capture(self)
        width = self.scrollable_content_region.width
        return offset.y if offset.x == width and self._has_bar(width) else None

    def _scroll_by_bar(self, row: int) -> None:
        self.scroll_to(y=scrolled_to(row, self.scrollable_content_region.height, self.max_scroll_y), animate=False)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if (row := self._on_bar(event)) is not None:
            self._dragging_bar = True
            self.capture_mouse()
            self._scroll_by_bar(row)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging_bar:
            self._scroll_by_bar(event.get_content_offset_capture(self).y)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging_bar:
            self._dragging_bar = False
            self.release_mouse()
