"""How one row of a report pane is drawn: its gutter, the pieces of text with their component classes,
and the strip they make. Pure functions of the report's view and the row, so that the pane
(``widgets/report_pane.py``) keeps only what decides them and caches the result (``pane_lines.py``)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from .components import CURSOR, MATCH, MATCH_CURRENT, SELECTED
from .layout import DocumentView, VisualLine


def gutter_marks(view: DocumentView, sentence_starts: list[int], line: VisualLine) -> tuple[str, str]:
    """What the gutter says beside a row: how many versions its sentence has (or ≠), and ✎ or ●."""
    starts_here = range(bisect.bisect_left(sentence_starts, line.start),
                        bisect.bisect_left(sentence_starts, max(line.end, line.start + 1)))
    marker = "  "
    note = " "
    for sentence in starts_here:
        if sentence in view.noted:
            note = "✎"
        elif sentence in view.marked and note == " ":
            note = "●"
    for sentence in starts_here:
        count = view.by_hand.get(sentence) or view.versions.get(sentence)
        if sentence in view.conflicted:
            marker = f"{min(count or 0, 9)}≠" if count else " ≠"
            break
        if count:
            marker = f"{min(count, 9)}›"
            break
    return marker, note


def row_pieces(view: DocumentView, start: int, end: int, cursor: tuple[int, int] | None,
               selected: tuple[int, int] | None, matches: list[tuple[int, int]],
               current: tuple[int, int] | None) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Slices of ``[start, end)`` with the component classes that apply to each: the claims' runs, and the
    cursor's sentence, the selected claim and the search matches drawn over them."""
    overlays: list[tuple[int, int, tuple[str, ...]]] = list(view.runs_between(start, end))
    if cursor:
        overlays.append((cursor[0], cursor[1], (CURSOR,)))
    if selected and selected[0] < end and start < selected[1]:
        overlays.append((*selected, (SELECTED,)))
    for match in matches_between(matches, start, end):
        overlays.append((match[0], match[1], (MATCH_CURRENT if match == current else MATCH,)))
    cuts = sorted({start, end, *(p for s, e, _ in overlays for p in (s, e) if start < p < end)})
    for left, right in zip(cuts, cuts[1:]):
        classes = tuple(c for s, e, names in overlays if s <= left and right <= e for c in names)
        yield left, right, classes


def matches_between(matches: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The search matches (sorted) that overlap ``[start, end)``."""
    first = bisect.bisect_left(matches, (start - 200, 0))
    return [m for m in matches[first:first + 400] if m[0] < end and start < m[1]]


def fitted_strip(segments: list[Segment], width: int, scroll_x: int, blank: Style, bar: tuple[Segment, ...]) -> Strip:
    """A row's segments as one strip of ``width`` cells from ``scroll_x`` (padded, or cropped when scrolled or
    wide), and the scrollbar's cell after them (``bar``, one cell or none)."""
    used = sum(cell_len(text) for text, _, _ in segments)
    if scroll_x or used > width:
        segments = list(Strip(segments, used).crop_extend(scroll_x, scroll_x + width, blank))
    elif used < width:
        segments.append(Segment(" " * (width - used), blank))
    segments.extend(bar)
    return Strip(segments, width + len(bar))
