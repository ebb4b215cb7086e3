"""The report pane's component classes, written once, in the order their styles are laid on top of
each other (a later one wins where several apply). The layout, the pane and the help legend name
them from here; ``styles/reader.tcss`` gives each its colours from the theme (a test checks that it
styles every one).
"""

from __future__ import annotations

PANE_COMPONENTS = (
    BOILERPLATE, HEADLINE, CURSOR, FIGURE, TIME, INJURY, DEATH, QUOTE, CONFLICT, SELECTED, MATCH, MATCH_CURRENT,
    MARKER, CURSOR_BAR, GUTTER, NOTE,
) = tuple(f"report-pane--{name}" for name in (
    "boilerplate", "headline", "cursor", "figure", "time", "injury", "death", "quote", "conflict", "selected",
    "match", "match-current", "marker", "cursor-bar", "gutter", "note",
))
