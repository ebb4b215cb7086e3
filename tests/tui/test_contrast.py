"""Every colour the reader paints is legible in both themes, in truecolor and in 256 colours.

WCAG 2 AA: text at least 4.5:1 against what is behind it; gutter marks and pane borders (graphics
that carry meaning) at least 3:1. Contrast is computed from the colours the theme gives each component
class, as the pane resolves them, and again as a 256-colour terminal shows them (Rich's downgrade,
which Textual uses there): the light theme's pale tints fall onto a few grey cubes there.
"""

from __future__ import annotations

import pytest
from pilot_helpers import seed_app, wait_for_story
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style

from sahel_reader.tui.components import (BOILERPLATE, CURSOR, CURSOR_BAR, DEATH, FIGURE, GUTTER, HEADLINE, INJURY,
                                         MARKER, MATCH, MATCH_CURRENT, NOTE, PANE_COMPONENTS, QUOTE, TIME)

TEXT = 4.5
GRAPHIC = 3.0

TEXT_CLASSES = (None, HEADLINE, FIGURE, TIME, INJURY, DEATH, QUOTE, BOILERPLATE)
"""Text of the reports: plain (None), and each kind of claim."""
MARK_CLASSES = (MARKER, GUTTER, NOTE, CURSOR_BAR)
"""The gutter: version counts, ≠, ✎, the cursor bar."""
BACKGROUNDS = (None, CURSOR, MATCH)
"""What text lies on: the pane, the reading cursor's sentence, a search match."""

THEMES = ("textual-dark", "textual-light")
COLOURS = ("truecolor", "256")


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shown(colour: RichColor, colours: str) -> tuple[int, int, int]:
    """The colour as the terminal shows it: itself, or the nearest of the 256 (as Rich picks it)."""
    if colours == "256":
        colour = colour.downgrade(ColorSystem.EIGHT_BIT)
    triplet = colour.get_truecolor()
    return triplet.red, triplet.green, triplet.blue


def pair(pane, foreground: str | None, background: str | None) -> tuple[RichColor, RichColor]:
    """The colours the pane paints for words of ``foreground``'s class on ``background``'s, laid on
    each other in the pane's order (a later class wins)."""
    style: Style = pane.rich_style
    for name in PANE_COMPONENTS:
        if name in (foreground, background):
            style += pane.get_component_rich_style(name, partial=True)
    return style.color, style.bgcolor


async def measured(theme: str) -> list[tuple[str, float, float, float]]:
    """(what, needed, truecolor contrast, 256-colour contrast) for each thing the pane paints."""
    app = seed_app()
    found = []
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await wait_for_story(pilot)
        app.theme = theme
        await pilot.pause()
        focused, other = reader.panes[0], reader.panes[1]
        assert focused.has_focus and not other.has_focus
        for pane, state in ((focused, "focused"), (other, "unfocused")):
            cases = [(fg, bg, TEXT) for fg in TEXT_CLASSES for bg in BACKGROUNDS]
            cases += [(fg, None, GRAPHIC) for fg in MARK_CLASSES] + [(CURSOR_BAR, CURSOR, GRAPHIC)]
            cases += [(None, MATCH_CURRENT, TEXT)]
            for fg, bg, needed in cases:
                colour, background = pair(pane, fg, bg)
                what = f"{state} {fg or 'text'} on {bg or 'pane'}"
                found.append((what, needed, *(contrast(shown(colour, c), shown(background, c)) for c in COLOURS)))
            border = pane.styles.border_top[1].rich_color
            behind = pane.rich_style.bgcolor
            found.append((f"{state} border", GRAPHIC,
                          *(contrast(shown(border, c), shown(behind, c)) for c in COLOURS)))
    return found


@pytest.mark.parametrize("theme", THEMES)
async def test_every_colour_meets_wcag_aa_in_truecolor_and_in_256_colours(theme):
    found = await measured(theme)
    failing = [f"{what}: {true:.1f} / {eight:.1f} (needs {needed})" for what, needed, true, eight in found
               if min(true, eight) < needed]
    assert failing == []


def test_every_builtin_theme_gets_legible_pane_colours():
    """The user may pick any theme (ctrl+p, Theme): the panes' colours are made legible for each.
    (Against the pane and the cursors; the match backgrounds show their words in the foreground.)"""
    from textual.theme import BUILTIN_THEMES

    from sahel_reader.tui.legibility import legible_variables

    failing = []
    for name, theme in BUILTIN_THEMES.items():
        palette = theme.to_color_system().generate()
        if not palette["background"].startswith("#"):
            continue  # the ANSI themes paint in the terminal's own colours, which no program can know
        found = legible_variables(theme)
        behind = [palette["background"], palette["panel"], found["sahel-cursor"]]
        for variable, needed in (("sahel-death", TEXT), ("sahel-injury", TEXT), ("sahel-figure", TEXT),
                                 ("sahel-time", TEXT), ("sahel-quote", TEXT), ("sahel-boilerplate", TEXT),
                                 ("sahel-mark", GRAPHIC), ("sahel-accent-mark", GRAPHIC)):
            for background in behind:
                worst = min(contrast(shown(RichColor.parse(found[variable]), c), shown(RichColor.parse(background[:7]), c))
                            for c in COLOURS)
                if worst < needed:
                    failing.append(f"{name} {variable} on {background}: {worst:.1f}")
    assert failing == []
