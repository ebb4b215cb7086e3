"""The row of report panes: which are mounted, how wide they are, and which one has the focus.

A story of a thousand reports cannot mount a thousand panes (seconds to mount, and every layout
visits them all), so past ``MOUNTED_PANES`` only the panes that fit are mounted, around the
focused one, and the window moves with the focus. The row tells its screen which report has the
focus with ``PaneRow.Focused``; it never calls the screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual._styles_cache import StylesCache
from textual.containers import HorizontalScroll
from textual.message import Message

from sahel_reader.highlighters.safety import printable
from sahel_reader.story.model import Document, shown_time

if TYPE_CHECKING:
    from ..layout import DocumentView
    from ..navigation import Navigator
    from .report_pane import ReportPane

MIN_PANE_WIDTH = 44
"""Below this a pane is too narrow to read; more panes than fit make the row scroll sideways."""
MOUNTED_PANES = 8
"""With more reports than this, only the panes that fit are mounted, around the focused one: a
thousand mounted panes would take seconds to mount, and every layout would visit them all."""


class PaneRow(HorizontalScroll):
    """One pane per report, mounted or not; the focused one, zoomed or not."""

    @dataclass
    class Focused(Message):
        """Another report has the focus (or the focused one changed how it is shown)."""

        pane: ReportPane

    def __init__(self, *children, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.panes: list[ReportPane] = []
        self.active = 0
        self.navigator: Navigator | None = None
        self.linking = False
        """True while the reports' texts are shown and their claims are still being found."""
        self._window_lock = asyncio.Lock()

    @property
    def pane(self) -> ReportPane | None:
        return self.panes[self.active] if self.panes else None

    @property
    def zoomed(self) -> bool:
        return self.has_class("-zoomed")

    def index_of(self, doc: str) -> int | None:
        return next((n for n, pane in enumerate(self.panes) if pane.document.id == doc), None)

    # -- the reports shown ------------------------------------------------------------------

    async def show_reports(self, documents: Sequence[Document], views: dict[str, DocumentView],
                           navigator: Navigator, *, linking: bool = False) -> None:
        """A pane for each report, in place of whatever the row showed; each opens past a boilerplate first line."""
        self.navigator, self.linking = navigator, linking
        await self.remove_children()
        self.panes, self.active = [], 0
        await self.add_reports(documents, views)

    async def add_reports(self, documents: Sequence[Document], views: dict[str, DocumentView]) -> None:
        """Panes for more reports, after those shown: mounted when the window has room for them."""
        from .report_pane import ReportPane

        for document in documents:
            pane = ReportPane(document, views[document.id], id=f"pane-{len(self.panes)}")
            if document.sentences and document.is_boilerplate(*document.sentences[0]):
                pane.set_cursor(pane.step(0, 1), scroll=False)
            self.panes.append(pane)
        await self._mount_window()
        self.size_panes()

    def refill(self, views: dict[str, DocumentView], navigator: Navigator) -> None:
        """The claims and links of the reports already shown: the panes stay where the reader is."""
        self.navigator, self.linking = navigator, False
        for pane in self.panes:
            pane.view = views[pane.document.id]
            if pane.is_mounted:
                pane.refresh_gutter()
                self._title(pane)

    def _title(self, pane: ReportPane) -> None:
        document = pane.document
        published = shown_time(document.published)
        outlet = "".join(f" · {part}" for part in (document.outlet, published) if part)
        pane.border_title = Text(printable((document.title or document.id) + outlet))
        if self.linking:
            pane.border_subtitle = Text("finding figures…")
            return
        claims = self.navigator.claims(document.id)
        figures = sum(1 for c in claims if c.kind == "number")
        conflicts = len(pane.view.conflicted)
        pane.border_subtitle = Text(f"{figures} fig · {len(claims) - figures} quo · {conflicts} ≠")

    def refresh_gutters(self) -> None:
        for pane in self.panes:
            pane.refresh_gutter()

    def set_matches(self, by_doc: dict[str, list[tuple[int, int]]]) -> None:
        for pane in self.panes:
            pane.set_matches(by_doc.get(pane.document.id, []), None)

    def set_current_match(self, doc: str, span: tuple[int, int]) -> None:
        for pane in self.panes:
            pane.set_current_match(span if pane.document.id == doc else None)

    def follow(self) -> None:
        """The other panes to their version of the focused pane's sentence (sync)."""
        pane = self.pane
        for other in self.panes:
            if other is not pane:
                sentence = self.navigator.best_version_in(pane.document.id, pane.cursor, other.document.id)
                if sentence is not None:
                    other.set_cursor(sentence, scroll=False)
                    other.show_cursor(center=True)

    # -- the window of mounted panes ---------------------------------------------------------

    def on_resize(self) -> None:
        self.size_panes()

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
        window = self._window()
        leaving = [p for n, p in enumerate(self.panes) if p.is_mounted and n not in window]
        if leaving:
            await self.remove_children(leaving)
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
                await self.mount(pane, before=later)
                mounted.append(pane)
                self._title(pane)

    def size_panes(self) -> None:
        """An equal share of the width each, never narrower than readable: then the row scrolls."""
        if not self.panes:
            return
        width = self.size.width or self.screen.size.width
        share = max(MIN_PANE_WIDTH, width // len(self._window()))
        for pane in (p for p in self.panes if p.is_mounted):
            pane.styles.width = width if self.zoomed and pane is self.pane else share
        self.call_after_refresh(self._keep_focused_pane_in_view)

    def _keep_focused_pane_in_view(self) -> None:
        if self.pane and self.pane.is_mounted:
            self.scroll_to_widget(self.pane, animate=False)

    def toggle_zoom(self) -> None:
        self.toggle_class("-zoomed")
        self.size_panes()
        if self.pane:
            self.call_after_refresh(self.pane.show_cursor)

    # -- the focus --------------------------------------------------------------------------

    def on_descendant_focus(self, event) -> None:
        if event.widget in self.panes:
            index = self.panes.index(event.widget)
            if index != self.active:
                self.panes[self.active].remove_class("-active")
                self.active = index
                event.widget.add_class("-active")
                self.post_message(self.Focused(event.widget))

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
            self.size_panes()
            self._show_active()
        self.call_after_refresh(self.run_worker, self._fill_window(), group="window-fill")

    async def _fill_window(self) -> None:
        async with self._window_lock:
            await self._mount_window()
            self.size_panes()

    def _show_active(self) -> None:
        pane = self.panes[self.active]
        pane.add_class("-active")
        pane.focus()
        if self.zoomed:
            self.size_panes()
        if pane.is_mounted:
            self.scroll_to_widget(pane, animate=False)
        self.post_message(self.Focused(pane))
