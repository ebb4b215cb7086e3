"""Colours for the report panes that stay legible in every theme: the theme's own hues, moved toward
its foreground just as far as WCAG AA needs (text 4.5:1, marks and borders 3:1) against everything
they are painted on, in truecolor and as a 256-colour terminal shows them.

A theme's palette is made for buttons and panels, not for coloured words on its background: Textual's
light theme gives injuries 1.3:1 and quotations 1.7:1. The hues stay the theme's; only their
lightness moves. ``styles/reader.tcss`` names these as ``$sahel-*`` variables.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.color import ColorSystem
from textual.color import Color
from textual.theme import Theme

TEXT = 4.5
GRAPHIC = 3.0

_ROLES = {
    # variable: (the theme colour it starts from, the contrast it needs)
    "sahel-death": ("error", TEXT),
    "sahel-injury": ("warning", TEXT),
    "sahel-figure": ("primary", TEXT),
    "sahel-time": ("success", TEXT),
    "sahel-quote": ("secondary", TEXT),
    "sahel-boilerplate": ("panel-lighten-2", TEXT),
    "sahel-mark": ("panel-lighten-2", GRAPHIC),
    "sahel-accent-mark": ("accent", GRAPHIC),
    "sahel-border": ("panel-lighten-2", GRAPHIC),
}
_BEHIND = ("background", "panel")
"""What the pane's words and marks lie on besides the focused cursor: the pane, the other panes' cursors."""
CURSOR_TINT = 0.18
"""How much of the theme's accent tints the focused pane's cursor: a hint of it, so words stay legible on it."""


def legible_variables(theme: Theme) -> dict[str, str]:
    """The ``$sahel-*`` colours for ``theme``."""
    palette = theme.to_color_system().generate()
    colour = {name: Color.parse(palette[name]) for name in
              {"foreground", "background", "warning", "accent", *_BEHIND, *(start for start, _ in _ROLES.values())}}
    foreground = colour["foreground"]
    cursor = colour["background"].blend(colour["accent"], CURSOR_TINT)
    found = {"sahel-cursor": cursor.hex}
    for variable, (start, needed) in _ROLES.items():
        behind = [colour["background"]] if variable == "sahel-border" else [colour[n] for n in _BEHIND] + [cursor]
        found[variable] = _legible(colour[start], foreground, behind, needed).hex
    warning = colour["warning"]
    found["sahel-on-warning"] = max((colour["background"], foreground),
                                    key=lambda text: _contrast(text, warning)).hex
    return found


def _legible(start: Color, toward: Color, behind: list[Color], needed: float) -> Color:
    """``start`` made darker (on a light theme) or lighter (on a dark one) in small steps of its
    lightness, its hue kept, until it meets ``needed`` on every background; else ``toward``."""
    darker = toward.brightness < behind[0].brightness
    for step in range(41):
        candidate = start.darken(step / 40) if darker else start.lighten(step / 40)
        if all(_contrast(candidate, background) >= needed for background in behind):
            return candidate
    return toward


def _contrast(one: Color, other: Color) -> float:
    """The lower of the WCAG contrast in truecolor and in 256 colours (Rich's downgrade)."""
    return min(_ratio(_shown(one, system), _shown(other, system))
               for system in (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT))


def _shown(colour: Color, system: ColorSystem) -> tuple[int, int, int]:
    rich = RichColor.from_rgb(colour.r, colour.g, colour.b)
    triplet = (rich.downgrade(system) if system != ColorSystem.TRUECOLOR else rich).get_truecolor()
    return triplet.red, triplet.green, triplet.blue


def _ratio(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(rgb: tuple[int, int, int]) -> float:
    channels = [value / 255 for value in rgb]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
