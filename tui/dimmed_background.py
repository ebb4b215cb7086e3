"""The screen below a modal, dimmed, painted again only when it changes.

Textual paints a translucent screen's background by rendering the screen below through Rich and
tinting every segment (``BackgroundScreen``), anew at each layout of the modal: three times as the
inspector or the matrix opens, most of its opening at 1,000 reports (issue 18.3). Here the screen
below's painted rows are taken as they are, each distinct style is tinted once with Textual's own
``process_segments``, and the rows are kept until the screen below changes or the modal's size does:
the same cells, fewer paints.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.color import Color
from textual.geometry import Size
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

NO_STYLE = RichStyle()


class DimmedScreen(Visual):
    """Rows already painted and tinted: rendering them again costs nothing."""

    def __init__(self, strips: list[Strip], size: Size) -> None:
        self.strips = strips
        self.size = size

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.strips[:height]

    def get_optimal_width(self, rules, container_width: int) -> int:
        return self.size.width

    def get_height(self, rules, width: int) -> int:
        return self.size.height


def dimmed(below: Screen, tint: Color, base: RichStyle, size: Size) -> DimmedScreen:
    """``below`` as it was last painted, at ``size``, tinted with ``tint`` and laid over ``base`` (the
    modal's own style) as Textual does it."""
    tinted: dict[RichStyle, RichStyle] = {}

    def tint_of(style: RichStyle | None) -> RichStyle:
        plain = NO_STYLE if style is None else style.clear_meta_and_links()  # a widget's meta makes each style new
        if plain not in tinted:
            tinted[plain] = base + next(iter(BackgroundScreen.process_segments([Segment(" ", plain)], tint))).style
        return tinted[plain]

    rows = []
    for strip in below._compositor.render_strips(size):
        segments = [segment if segment.control else Segment(segment.text, tint_of(segment.style))
                    for segment in strip]
        rows.append(Strip(segments, strip.cell_length).crop_extend(0, size.width, None))
    return DimmedScreen(rows, size)
