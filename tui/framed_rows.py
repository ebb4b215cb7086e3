"""A report pane's text rows framed by its border and padding as Textual frames them, once per row kept.

Textual frames every row a widget paints anew (``StylesCache.render_line``): the border's styles
worked out, the row padded and joined, row after row, some twenty microseconds each. A press of ``]``
or ``tab`` at a thousand reports shows other reports in all three panes, some 120 rows, and that
framing was a third of what the press cost. The frame is the same for every text row of a pane (its
side borders, its padding, the background under them), so it is worked out once per style and size
(``RowFrame``), and each framed row is kept beside the painted row it frames (``PaneLines.framed``):
a report moving to the next pane, or back to the focus, finds its rows framed already.

Only what a report pane's styles use is framed here: side borders and padding. Rows of a widget
with a tint, an opacity, a hatch or an outline (none of the reader's styles), and the border rows
(the titles), are left to Textual, which keeps them as before. ``tests/tui/test_framed_rows.py``
checks that every row comes out as Textual's own would, in each state of a pane.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual._border import get_box
from textual._styles_cache import StylesCache
from textual.cache import FIFOCache
from textual.color import Color
from textual.filter import ANSIToTruecolor, LineFilter
from textual.strip import Strip
from textual.style import Style


@dataclass(frozen=True, eq=False)
class RowFrame:
    """What frames each text row of a pane; one object for each distinct frame (``_frame``)."""

    left: Segment
    right: Segment
    inner: RichStyle
    """The background under the text and the padding."""
    content_width: int
    pad_left: int
    pad_right: int
    width: int
    top: int
    """Rows above the text (border and padding)."""
    text_rows: int

    def frame(self, row: Strip) -> Strip:
        """``row`` (a row of the pane's text) as ``StylesCache.render_line`` paints it in the pane."""
        inner = self.inner
        segments = [self.left]
        if self.pad_left:
            segments.append(Segment(" " * self.pad_left, inner))
        segments.extend(row.adjust_cell_length(self.content_width, inner))
        if self.pad_right:
            segments.append(Segment(" " * self.pad_right, inner))
        segments.append(self.right)
        return Strip(segments, self.width)


@lru_cache(maxsize=64)
def _frame(left_edge: str, left_color: Color, right_edge: str, right_color: Color, base_background: Color,
           background: Color, padding: tuple[int, int, int, int], top: int, width: int, content_width: int,
           text_rows: int) -> RowFrame:
    """The frame for these styles and sizes: the same object each time they recur."""
    inner, outer = Style(background=base_background + background), Style(background=base_background)
    left = get_box(left_edge, inner, outer, Style(foreground=base_background + left_color))[1][0]
    right = get_box(right_edge, inner, outer, Style(foreground=base_background + right_color))[1][2]
    _, pad_right, _, pad_left = padding
    return RowFrame(left, right, inner.rich_style, content_width, pad_left, pad_right, width, top, text_rows)


class FramedStylesCache(StylesCache):
    """Textual's cache of a widget's composed lines, its text rows framed by ``RowFrame``.

    Textual still decides which rows to compose (those refreshed), applies the app's line filters and
    crops; only the framing of a text row is done here, and kept for every pane in ``framed``.
    """

    def __init__(self, framed: FIFOCache) -> None:
        super().__init__()
        self._framed = framed
        self._row_frame: RowFrame | None = None

    def render(self, styles, size, base_background, background, render_content_line, filters, border_title,
               border_subtitle, content_size=None, padding=None, crop=None, opacity=1.0, **rest):
        self._row_frame = _frame_of(styles, size, content_size or size, padding or styles.padding, base_background,
                                    background, opacity)
        return super().render(styles, size, base_background, background, render_content_line, filters, border_title,
                              border_subtitle, content_size, padding, crop, opacity, **rest)

    def render_line(self, styles, y, size, content_size, padding, base_background, background, render_content_line,
                    *rest) -> Strip:
        frame = self._row_frame
        if frame is None or not 0 <= y - frame.top < frame.text_rows:
            return super().render_line(styles, y, size, content_size, padding, base_background, background,
                                       render_content_line, *rest)
        row = render_content_line(y - frame.top)
        kept = self._framed.get(id(row))
        if kept is not None and kept[0] is row and kept[1] is frame:
            return kept[2]
        framed = frame.frame(row)
        self._framed[id(row)] = (row, frame, framed)  # the row held: its id is not reused while kept
        return framed


def _frame_of(styles, size, content_size, padding, base_background: Color, background: Color,
              opacity: float) -> RowFrame | None:
    """The frame of a widget's text rows, or None where its styles need Textual's own framing."""
    (_, (right_edge, right_color), _, (left_edge, left_color)) = styles.border
    if (not (left_edge and right_edge) or any(edge for edge, _ in styles.outline) or styles.tint.a or opacity != 1
            or styles.text_opacity != 1 or (styles.has_rule("hatch") and styles.hatch != "none")):
        return None
    gutter = styles.gutter
    text_rows = min(content_size.height, size.height - gutter.top - gutter.bottom)
    return _frame(left_edge, left_color, right_edge, right_color, base_background, background, tuple(padding),
                  gutter.top, size.width, content_size.width, text_rows)


def filters_that_change(filters: Sequence[LineFilter], styles: Iterable[RichStyle], colors: Iterable[Color]) -> list[LineFilter]:
    """``filters`` less the conversion of ANSI colours when the widget's ``styles`` and its border, title
    and scrollbar ``colors`` hold none (and nothing dim, which it also converts): a theme's colours are
    truecolor, and converting them anyway was a tenth of a window move."""
    if any(color.ansi is not None for color in colors):
        return list(filters)
    for style in styles:
        if style.dim or any(color is not None and color.triplet is None for color in (style.color, style.bgcolor)):
            return list(filters)
    return [line_filter for line_filter in filters if not isinstance(line_filter, ANSIToTruecolor)]
