"""The row of report panes: which are mounted, how wide they are, and which one has the focus.

A story of a thousand reports cannot mount a thousand panes (seconds to mount, and every layout
visits them all), so past ``MOUNTED_PANES`` only the panes that fit are mounted, around the
focused one, and the window moves with the focus.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual._styles_cache import StylesCache
from textual.containers import HorizontalScroll

if TYPE_CHECKING:
    from sahel_reader.story.model import Document

    from ..layout import DocumentView
    from ..widgets.report_pane import ReportPane

MIN_PANE_WIDTH = 44
"""Below this a pane is too narrow to read; more panes than fit make the row scroll sideways."""
MOUNTED_PANES = 8
"""With more reports than this, only the panes that fit are mounted, around the focused one: a
thousand mounted panes would take seconds to mount, and every layout would visit them all."""


class PaneRow:
    """Mixin for the reader screen: ``self.panes`` holds one pane per report, mounted or not."""

    panes: list[ReportPane]
    active: int
    _window_lock: asyncio.Lock

    def on_resize(self) -> None:
        self._size_panes()

    def _window(self) -> range:
        """The reports whose panes are mounted: all of them, or as many as fit around the focused one.

        The window moves as little as it can, so stepping to the next report mounts one pane.
        """
        count = len(self.panes)
        if count <= MOUNTED_PANES:
            return range(count)
        size = max(1, min(MOUNTED_PANES, (self.size.width or 80) // MIN_PANE_WIDTH))
        mounted = [n for n, pane in enumerate(self.panes) if pane.is_mounted]
        first = mounted[0] if mounted else self.active
        if not first <= self.active < first + size:
            first = self.active if self.active < first else self.active - size + 1
        first = max(0, min(first, count - size))
        return range(first, first + size)

    async def _mount_window(self, *, focused_only: bool = False) -> None:
        """Mount the panes of the window, in report order, replacing those that left it.

        A removed widget cannot be mounted again, so a pane leaving the window is replaced in
        ``self.panes`` by an unmounted copy that keeps its cursor, selection and matches. With
        ``focused_only``, only the focused report's pane is mounted now (see ``_slide_window``).
        """
        container = self.query_one("#panes")
        window = self._window()
        leaving = [p for n, p in enumerate(self.panes) if p.is_mounted and n not in window]
        if leaving:
            await container.remove_children(leaving)
            for pane in leaving:
                self.panes[self.panes.index(pane)] = pane.copy()
            # Textual 8 keeps the style cache of every removed widget (an lru_cache on one of
            # its methods holds them, Textualize/textual#6665), and with each the lines the
            # widget painted: at a thousand reports, thousands of objects a key press, which
            # every garbage collection then walks. Letting go of that lru_cache drops them.
            StylesCache.get_inner_outer.cache_clear()
        mounted = [self.panes[n] for n in window if self.panes[n].is_mounted]
        for n in ([self.active] if focused_only and self.active in window else window):
            pane = self.panes[n]
            if not pane.is_mounted:
                later = next((p for p in mounted if self.panes.index(p) > n), None)
                await container.mount(pane, before=later)
                mounted.append(pane)
                self._title_pane(pane)

    async def add_panes(self, documents: list[Document], views: dict[str, DocumentView]) -> None:
        """Panes for reports added to the story, after the others: the focused pane and its cursor stay."""
        from ..widgets.report_pane import ReportPane

        first = len(self.panes)
        self.panes += [ReportPane(document, views[document.id], id=f"pane-{first + n}")
                       for n, document in enumerate(documents)]
        async with self._window_lock:
            await self._mount_window()
            self._size_panes()

    def _size_panes(self) -> None:
        """An equal share of the width each, never narrower than readable: then the row scrolls."""
        if not self.panes:
            return
        row = self.query_one("#panes")
        width = row.size.width or self.size.width
        share = max(MIN_PANE_WIDTH, width // len(self._window()))
        zoomed = row.has_class("-zoomed")
        for pane in (p for p in self.panes if p.is_mounted):
            pane.styles.width = width if zoomed and pane is self.pane else share
        if self.pane:
            self.call_after_refresh(self._keep_focused_pane_in_view)

    def _keep_focused_pane_in_view(self) -> None:
        if self.pane and self.pane.is_mounted:
            self.query_one("#panes", HorizontalScroll).scroll_to_widget(self.pane, animate=False)

    @property
    def pane(self) -> ReportPane | None:
        return self.panes[self.active] if self.panes else None

    def focus_pane(self, index: int) -> None:
        if not self.panes:
            return
        self.panes[self.active].remove_class("-active")
        self.active = index % len(self.panes)
        if self.panes[self.active].is_mounted:
            self._show_active()
        else:
            self.run_worker(self._slide_window(), group="window")

    async def _slide_window(self) -> None:
        """Bring the focused report into view: its pane first, painted at once; its neighbours
        after that frame, since mounting a pane is most of what a jump costs."""
        async with self._window_lock:
            await self._mount_window(focused_only=True)
            self._size_panes()
            self._show_active()
        self.call_after_refresh(self.run_worker, self._fill_window(), group="window-fill")

    async def _fill_window(self) -> None:
        async with self._window_lock:
            await self._mount_window()
            self._size_panes()

    def _show_active(self) -> None:
        pane = self.panes[self.active]
        pane.add_class("-active")
        pane.focus()
        if self.query_one("#panes").has_class("-zoomed"):
            self._size_panes()
        if pane.is_mounted:
            self.query_one("#panes", HorizontalScroll).scroll_to_widget(pane, animate=False)
        self.update_status()
