"""Which reports of the row are shown as panes, and how wide: the rest are plain places.

Only whole panes are shown: as many as fit the width at ``MIN_PANE_WIDTH`` (at most
``MOUNTED_PANES``), around the focused one, and the window moves with the focus: the report the reader
comes from stays, and the one it goes to is shown beside it (``layout.window_beside``), so that a
move changes one pane (its neighbours keep what they painted). A marker on each edge says how many
reports not shown lie before and after the focused one. Never mounting more than fit also keeps a
story of a thousand reports quick (mounting is seconds, and every layout visits every mounted pane).
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual._styles_cache import StylesCache
from textual.css.scalar import Scalar

from ..idle_collector import IdleCollector
from ..layout import pane_window, panes_that_fit, window_beside
from ..pane_lines import PaneLines
from ..report_place import ReportPlace
from .edge_marker import EdgeMarker
from .painted_lines import PaintedLines
from .pane_slots import reuse_panes

if TYPE_CHECKING:
    from .pane_row import PaneRow
    from .report_pane import ReportPane

MIN_PANE_WIDTH = 44
"""Below this a pane is too narrow to read: reports that do not fit are left out of the window."""
MOUNTED_PANES = 8
"""The most panes shown at once, however wide the terminal."""
MARKER_WIDTH = 4
"""Cells of the marker on each edge saying how many reports lie that way (``‹12``, ``3›``)."""


class PaneWindow:
    """The row's mounted panes and its edge markers: the row says which report has the focus, the
    window shows the reports around it in the panes it has mounted (a report that leaves is kept as
    its place), and mounts more only when more fit."""

    def __init__(self, row: PaneRow, mounted: Callable[[ReportPane], None]) -> None:
        self.row = row
        self.mounted = mounted
        """Called with each pane the window mounts (the row titles it)."""
        self.lock = asyncio.Lock()
        """Held while the window moves: one move at a time."""
        self.reports: list[int] = []
        """The reports of the window, in order: neighbours, or two runs of them after a jump."""
        self.left = EdgeMarker(classes="-left")
        self.right = EdgeMarker(classes="-right")
        self.collector = IdleCollector()
        self.lines = PaneLines()
        """The rows the panes painted, kept for all of them: a report moving to the next pane is
        painted already."""
        self.painted = PaintedLines(self.lines.framed)
        """The lines Textual composed for the panes, passed to the pane that shows the same next."""

    def shown(self) -> list[int]:
        """Where the mounted panes are in the row, in order: found from the row's few children, not by
        asking each of a story's thousand reports whether it is mounted."""
        from .report_pane import ReportPane

        row = self.row
        return sorted(n for child in row.children if isinstance(child, ReportPane) and child.is_mounted
                      if (n := row.index_of(child.document.id)) is not None and row.panes[n] is child)

    def wanted(self) -> list[int]:
        """The reports whose panes are shown: as many whole panes as fit, the focused one among them;
        the window kept while it holds them, else neighbours around the focused one."""
        row = self.row
        count, size = len(row.panes), self._fitting()
        if not (row.active in self.reports and len(self.reports) == size and self.reports[-1] < count):
            start = self.reports[0] if self.reports else 0
            self.reports = list(pane_window(count, row.active, start, self._width(), MIN_PANE_WIDTH,
                                            MOUNTED_PANES, MARKER_WIDTH))
        return self.reports

    def follow(self, source: int) -> None:
        """The focus went from report ``source`` to another: one not shown comes beside ``source``'s
        pane; one shown moves nothing, but the markers count from it (panes may lie either side of a gap)."""
        row, size = self.row, self._fitting()
        if row.panes[row.active].is_mounted:
            self.count_hidden()
        elif row.panes[source].is_mounted and source in self.reports and len(self.reports) == size:
            self.reports = window_beside(len(row.panes), self.reports, source, row.active, size)

    def _width(self) -> int:
        return self.row.size.width or self.row.screen.size.width or 80

    def _fitting(self) -> int:
        return panes_that_fit(len(self.row.panes), self._width(), MIN_PANE_WIDTH, MOUNTED_PANES, MARKER_WIDTH)

    async def mount(self, *, focused_only: bool = False) -> None:
        """Show the reports of the window in panes, in report order.

        The panes already mounted take the window's reports (``pane_slots``); only when it holds more
        reports than are mounted is a pane made, from the report's place, and mounted. A report leaving
        the window is kept in ``row.panes`` as its place (its cursor, selection and matches). With
        ``focused_only``, only the focused report's pane is mounted now (see ``PaneRow._slide_window``).
        """
        from .report_pane import ReportPane

        row = self.row
        window = self.wanted()
        spare = self.reuse(window)
        if spare:
            await self.let_go(spare)
        mounted = [row.panes[n] for n in window if row.panes[n].is_mounted]
        widths = self.widths(window)  # of this window: the focus may move while a pane mounts
        for n in ([row.active] if focused_only and row.active in window else window):
            if isinstance(row.panes[n], ReportPlace):  # a pane not mounted is being mounted, or let go
                pane = row.panes[n] = ReportPane.from_place(row.panes[n], self.lines)
                pane.styles.width = widths[n]  # sized before it is mounted: one layout, not two
                later = next((p for p in mounted if row.panes.index(p) > n), self.right)
                await row.mount(pane, before=later)
                mounted.append(pane)
                self.mounted(pane)
        self.count_hidden()

    def move_at_once(self) -> None:
        """The window around the focused report shown now, if the panes shown can be reused for it (it
        holds as many reports as are mounted): no mount, no layout, and all of it in one frame. Painted
        in two (the focused report first), the neighbours waited a whole frame for the second, and
        each frame painted the whole row again."""
        if not self.lock.locked():
            window = self.wanted()
            shown = [self.row.panes[n] for n in self.shown()]
            if len(window) == len(shown):
                self.painted.set_aside(shown)
                self.reuse(window)
                self.size_panes()  # a marker that comes or goes changes the panes' share of the row
                self.painted.give_back(shown)

    def reuse(self, window: list[int]) -> list[ReportPane]:
        """The panes shown take the reports of ``window`` (see ``pane_slots``); returns those left over."""
        row = self.row
        moved, spare = reuse_panes(row.panes, window, self.shown())
        if not row.panes:  # a story of no readable report: nothing to show, nothing to focus
            return spare
        active = row.panes[row.active]
        for pane in moved:
            self.mounted(pane)
            pane.set_class(pane is active, "-active")
        if row.screen.focused in moved and row.screen.focused is not active:  # the focus stays on the report
            if active.is_mounted:
                active.focus()
            else:
                row.screen.set_focus(None, scroll_visible=False)
        return spare

    async def take_out(self, panes: list[ReportPane]) -> None:
        """Panes leaving the window: each replaced by its place, and let go."""
        row = self.row
        places = {id(pane): pane.place() for pane in panes}
        row.panes = [places.get(id(pane), pane) for pane in row.panes]
        await self.let_go(panes)

    async def let_go(self, panes: list[ReportPane]) -> None:
        """Unmount panes no longer in ``row.panes``."""
        row = self.row
        if row.screen.focused in panes:  # else Textual focuses a neighbour, which would become the active pane
            row.screen.set_focus(None, scroll_visible=False)
        await row.remove_children(panes)
        # Textual 8 keeps the style cache of every removed widget (an lru_cache on one of its methods
        # holds them, Textualize/textual#6665), and with each the lines the widget painted: at a
        # thousand reports, thousands of objects a key press. Letting go of that lru_cache drops them.
        StylesCache.get_inner_outer.cache_clear()

    def count_hidden(self) -> None:
        """The edge markers: the reports not shown before the focused one, and after it (after a jump,
        those between two panes too); zoomed, all but the focused one. Both are shown while any report
        is not (``EdgeMarker``)."""
        row = self.row
        shown = [row.active] if row.zoomed else self.shown()
        before = sum(1 for n in shown if n < row.active)
        after = len(shown) - before - (row.active in shown)
        some_not_shown = bool(shown) and len(shown) < len(row.panes)
        self.left.count(row.active - before if shown else 0, shown=some_not_shown)
        self.right.count(len(row.panes) - row.active - 1 - after if shown else 0, shown=some_not_shown)

    def size_panes(self) -> None:
        """The shown panes share the row between the edge markers, whole; zoomed, the focused one takes it."""
        self.count_hidden()
        for n, width in self.widths().items():
            pane = self.row.panes[n]
            if pane.is_mounted and pane.styles.width != Scalar.from_number(width):  # each change is a layout
                pane.styles.width = width
        rest = self._rest()
        for marker, width in ((self.left, MARKER_WIDTH + rest * (not self.right.display)),
                              (self.right, MARKER_WIDTH + rest)):
            if marker.styles.width != Scalar.from_number(width):
                marker.styles.width = width

    def _rest(self) -> int:
        """Cells the panes leave when they are all one width, given to a shown edge marker: a report
        moving to the next pane then keeps its wrapped rows and its painted lines."""
        window, row = self.wanted(), self.row
        if row.zoomed or not window or not (self.left.display or self.right.display):
            return 0
        return self._inner_width() % len(window)

    def _inner_width(self) -> int:
        """The row's width between the edge markers shown."""
        return self._width() - MARKER_WIDTH * (self.left.display + self.right.display)

    def widths(self, window: list[int] | None = None) -> dict[int, int]:
        """Each report's pane width, in cells, in ``window`` (by default the one wanted now)."""
        window = self.wanted() if window is None else window
        if not window:
            return {}
        row = self.row
        width = self._inner_width()
        share, extra = divmod(max(len(window), width), len(window))
        extra = 0 if self.left.display or self.right.display else extra  # the markers take it (``_rest``)
        return {n: width if row.zoomed and n == row.active else share + (place < extra)
                for place, n in enumerate(window)}

    async def fill(self) -> None:
        """Every pane of the window mounted, and sized."""
        async with self.lock:
            await self.mount()
            self.size_panes()

    async def keep_story(self) -> None:
        """The story lives as long as the reader: frozen out of the garbage collector's walks, so that
        a key press never waits for a full collection of a thousand reports' claims and links.

        Whatever is alive when frozen is never collected, so the panes shown are made anew after it:
        those frozen would otherwise stay in memory once they leave the window.
        """
        async with self.lock:
            await self.take_out([pane for pane in self.row.panes if pane.is_mounted])
            gc.collect()  # what is garbage now, before the rest is frozen
            gc.freeze()
            self.collector.start(self.row)  # and full collections of the rest when the reader pauses
            await self.mount()
            self.size_panes()

    async def put_in_order(self, order: list[str]) -> None:
        """The panes in ``order`` (report ids), the focused one still focused, the window around it;
        not while the window moves."""
        async with self.lock:
            row = self.row
            focused = row.pane
            by_id = {pane.document.id: pane for pane in row.panes}
            row.panes = [by_id[doc] for doc in order if doc in by_id]
            self.reports = []  # the reports have other places: neighbours around the focused one
            row.active = row.panes.index(focused) if focused in row.panes else 0
            mounted = [pane for pane in row.panes if pane.is_mounted]
            for before, pane in zip(mounted, mounted[1:]):
                row.move_child(pane, after=before)
            await self.mount()
            self.size_panes()
