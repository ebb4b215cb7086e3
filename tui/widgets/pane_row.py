"""The row of report panes: which are mounted, how wide they are, and which one has the focus.

Only whole panes are shown: as many as fit the width at ``MIN_PANE_WIDTH`` (at most
``MOUNTED_PANES``), around the focused one, and the window moves with the focus. A marker on each
edge says how many reports lie left and right. Never mounting more than fit also keeps a story of
a thousand reports quick (mounting is seconds, and every layout visits every mounted pane). The row also moves the reading cursor (sentence,
claim, version, a jump) and, synced, the other panes with it. It tells its screen when the focus or
the cursor moved with ``PaneRow.Moved``; it never calls the screen.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual._styles_cache import StylesCache
from textual.containers import Horizontal
from textual.css.scalar import Scalar
from textual.message import Message

from ...story.model import Document
from ...story.wording import counted

from ..jump import JumpTarget
from ..layout import pane_window
from ..report_place import ReportPlace
from .edge_marker import EdgeMarker

if TYPE_CHECKING:  # the panes load with the story, after the first frame
    from ..layout import DocumentView
    from ...story.annotations import Session, ViewState

    from ..navigation import Navigator, SearchMatch, SearchResults, VersionCycle
    from .report_pane import ReportPane

MIN_PANE_WIDTH = 44
"""Below this a pane is too narrow to read: reports that do not fit are left out of the window."""
MOUNTED_PANES = 8
"""The most panes shown at once, however wide the terminal."""
MARKER_WIDTH = 4
"""Cells of the marker on each edge saying how many reports lie that way (``‹12``, ``3›``)."""


class PaneRow(Horizontal):
    """One pane per report, mounted or not; the focused one, zoomed or not; synced or not."""

    @dataclass
    class Moved(Message):
        """The focus or the reading cursor moved (or the focused pane changed how it is shown)."""

        pane: ReportPane

    def __init__(self, *children, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.panes: list[ReportPane | ReportPlace] = []
        """One per report: a pane where the report is shown, its place (plain state) elsewhere."""
        self.active = 0
        self.navigator: Navigator | None = None
        self.linking = False
        """True while the reports' texts are shown and their claims are still being found."""
        self.link_failed = False
        """Finding the claims failed: the borders say so instead of "finding figures…"."""
        self.sync = False
        """The other panes follow the focused one to their version of its sentence."""
        self._cycle: VersionCycle | None = None
        self.search: SearchResults | None = None
        """The last search's matches, and the one the reader is on."""
        self._window_lock = asyncio.Lock()
        self._first = 0
        """The first report of the window shown."""
        self._left = EdgeMarker(classes="-left")
        self._right = EdgeMarker(classes="-right")

    def compose(self):
        yield self._left
        yield self._right

    @property
    def pane(self) -> ReportPane | ReportPlace | None:
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
        await self.remove_children([child for child in self.children if not isinstance(child, EdgeMarker)])
        self.panes, self.active, self._first = [], 0, 0
        await self.add_reports(documents, views)

    async def add_reports(self, documents: Sequence[Document], views: dict[str, DocumentView]) -> None:
        """More reports, after those shown: as places, made panes when the window has room for them."""
        for document in documents:
            place = ReportPlace(document, views[document.id], id=f"pane-{len(self.panes)}")
            if document.sentences and document.is_boilerplate(*document.sentences[0]):
                place.set_cursor(place.step(0, 1))
            self.panes.append(place)
        await self._mount_window()
        self.size_panes()

    def refill(self, views: dict[str, DocumentView], navigator: Navigator) -> None:
        """The claims and links of the reports already shown: the panes stay where the reader is."""
        self.navigator, self.linking = navigator, False
        for pane in self.panes:
            pane.view = views[pane.document.id]
            if pane.is_mounted:
                self._title(pane)

    def _title(self, pane: ReportPane) -> None:
        pane.show_title(None if self.linking else self.navigator.claims(pane.document.id))
        if self.link_failed:
            pane.border_subtitle = "figures not found"

    def linking_failed(self) -> None:
        """The texts stay to be read; the borders stop promising figures."""
        self.linking, self.link_failed = False, True
        for pane in self.panes:
            if pane.is_mounted:
                self._title(pane)

    def show_work(self, session: Session) -> None:
        """The sentences with a note, a mark or a hand-made link, in the gutters; the reader's verdicts
        among the versions, and in the colours of the facts they changed."""
        from ..layout import restyle

        touched = self.navigator.set_verdicts(session.link_verdicts) if self.navigator is not None else set()
        conflicting = {k.id for k in self.navigator.story.clusters if k.status == "conflict"} if touched else set()
        for pane in self.panes:
            doc = pane.document.id
            if doc in touched:
                restyle(pane.view, pane.document, self.navigator.claims(doc), conflicting)
                if pane.is_mounted:
                    self._title(pane)
            noted, marked = session.placed_starts(doc)
            pane.view.noted = {pane.sentence_at(start) for start in noted}
            pane.view.marked = {pane.sentence_at(start) for start in marked}
            pane.view.by_hand = self.navigator.by_hand(doc) if self.navigator is not None else {}
            pane.refresh_gutter()

    def restore(self, view: ViewState) -> None:
        """Each report's cursor where the session left it, and the focus on the report it had."""
        for pane in self.panes:
            if pane.document.id in view.cursors:
                pane.set_cursor(view.cursors[pane.document.id], scroll=False)
                pane.show_cursor(center=True)
        self.focus_pane(self.index_of(view.focused) or 0)

    def view_state(self) -> tuple[str | None, dict[str, int]]:
        """The focused report and each report's cursor, for the session."""
        return self.pane.document.id if self.pane else None, {p.document.id: p.cursor for p in self.panes}

    # -- search ------------------------------------------------------------------------------

    def show_search(self, results: SearchResults) -> None:
        """Every match, in every pane; the cursor to the first at or after it."""
        self.search = results
        by_doc = results.by_doc()
        for pane in self.panes:
            pane.set_matches(by_doc.get(pane.document.id, []), None)
        pane = self.pane
        if not results.matches:
            self._moved()
            return
        start = pane.document.sentences[pane.cursor][0] if pane.document.sentences else 0
        self._show_match(results.start_at([p.document.id for p in self.panes], pane.document.id, start))

    def step_match(self, step: int) -> None:
        if not self.search or not self.search.matches:
            self.notify("No search yet: press / to search.", timeout=2)
            return
        self._show_match(self.search.step(step))

    def _show_match(self, match: SearchMatch) -> None:
        for pane in self.panes:
            pane.set_current_match((match.start, match.end) if pane.document.id == match.doc else None)
        pane = self.panes[self.index_of(match.doc)]
        self.jump_to(JumpTarget(match.doc, pane.sentence_at(match.start)))

    # -- moving the reading cursor -------------------------------------------------------------

    def step_sentence(self, step: int) -> None:
        self.pane.set_cursor(self.pane.step(self.pane.cursor, step))
        self._moved()

    def step_claim(self, step: int) -> None:
        pane = self.pane
        claim = self.navigator.next_claim(pane.document.id, pane.cursor, pane.selected_claim, step)
        if claim is None:
            self.notify("No more claims in this report.", timeout=2)
            return
        pane.set_cursor(claim.sentence, claim=claim.id)
        self._moved()

    def step_version(self, step: int) -> None:
        """The next (or previous) version of the sentence or claim; presses in a row go round them all."""
        from ..navigation import VersionCycle

        pane = self.pane
        here = JumpTarget(pane.document.id, pane.cursor, pane.selected_claim)
        cycle = self._cycle
        if cycle is None or (cycle.target.doc, cycle.target.sentence) != (here.doc, here.sentence):
            versions = self.navigator.versions(here.doc, here.sentence, here.claim)
            if not versions:
                self.notify("This sentence has no version in the other reports.", timeout=3)
                return
            cycle = self._cycle = VersionCycle(here, versions)
        self.jump_to(cycle.step(step), keep_cycle=True)

    def step_conflict(self, step: int) -> None:
        """To the next (or previous) version of a conflicting fact, across the reports."""
        pane = self.pane
        claim = self.navigator.next_conflict(pane.document.id, pane.cursor, pane.selected_claim, step)
        if claim is None:
            self.notify("No other fact whose versions conflict.", timeout=3)
            return
        self.jump_to(JumpTarget(claim.doc, claim.sentence, claim.id))

    def cycle_place(self) -> tuple[int, int] | None:
        """Where a run of ``]``/``[`` presses is, as (i, n), the version it started from counting as
        the first; None when the cursor is not on one of its versions."""
        cycle, pane = self._cycle, self.pane
        if cycle is None or pane is None or (cycle.target.doc, cycle.target.sentence) != (pane.document.id, pane.cursor):
            return None
        return cycle.index + 2, len(cycle.versions) + 1

    def jump_to(self, target: JumpTarget | None, *, keep_cycle: bool = False) -> None:
        """Focus the target's report and put its cursor (and selection) on the target."""
        index = self.index_of(target.doc) if target is not None else None
        if index is None:
            return
        if not keep_cycle:
            self._cycle = None
        self.focus_pane(index)
        self.pane.set_cursor(target.sentence, claim=target.claim, scroll=False)
        self.pane.show_cursor(center=True)
        self._moved()

    def on_report_pane_cursor_moved(self, message: ReportPane.CursorMoved) -> None:
        self.focus_pane(self.panes.index(message.pane))
        message.pane.set_cursor(message.sentence)
        self._moved()

    def toggle_sync(self) -> None:
        self.sync = not self.sync
        self._moved()

    def _moved(self) -> None:
        if self.sync:
            self._follow()
        self.post_message(self.Moved(self.pane))

    def _follow(self) -> None:
        """The other panes to their version of the focused pane's sentence."""
        pane = self.pane
        for other in self.panes:
            if other is not pane:
                sentence = self.navigator.best_version_in(pane.document.id, pane.cursor, other.document.id)
                if sentence is not None:
                    other.set_cursor(sentence, scroll=False)
                    other.show_cursor(center=True)

    # -- the window of mounted panes ---------------------------------------------------------

    def on_resize(self) -> None:
        """A new width may fit more panes or fewer."""
        if self.panes and self._window() != self._shown():
            self.run_worker(self._fill_window(), group="window-fill")
        else:
            self.size_panes()

    def _shown(self) -> range:
        mounted = [n for n, pane in enumerate(self.panes) if pane.is_mounted]
        return range(mounted[0], mounted[-1] + 1) if mounted else range(0)

    def _window(self) -> range:
        """The reports whose panes are shown: as many whole panes as fit around the focused one."""
        width = self.size.width or self.screen.size.width or 80
        window = pane_window(len(self.panes), self.active, self._first, width, MIN_PANE_WIDTH,
                             MOUNTED_PANES, MARKER_WIDTH)
        self._first = window.start
        return window

    async def _mount_window(self, *, focused_only: bool = False) -> None:
        """Mount the panes of the window, in report order, replacing those that left it.

        A pane leaving the window is replaced in ``self.panes`` by its place (its cursor, selection and
        matches), and a place coming in by a pane made from it. With ``focused_only``, only the
        focused report's pane is mounted now (see ``_slide_window``).
        """
        from .report_pane import ReportPane

        window = self._window()
        leaving = [p for n, p in enumerate(self.panes) if p.is_mounted and n not in window]
        if leaving:
            await self._take_out(leaving)
        mounted = [self.panes[n] for n in window if self.panes[n].is_mounted]
        for n in ([self.active] if focused_only and self.active in window else window):
            if not self.panes[n].is_mounted:
                pane = self.panes[n] = ReportPane.from_place(self.panes[n])
                pane.styles.width = self._widths()[n]  # sized before it is mounted: one layout, not two
                later = next((p for p in mounted if self.panes.index(p) > n), self._right)
                await self.mount(pane, before=later)
                mounted.append(pane)
                self._title(pane)
        self._count_hidden()

    async def _take_out(self, panes: list[ReportPane]) -> None:
        """Panes leaving the window: each replaced by its place, and let go."""
        if self.screen.focused in panes:  # else Textual focuses a neighbour, which would become the active pane
            self.screen.set_focus(None, scroll_visible=False)
        places = {id(pane): pane.place() for pane in panes}
        self.panes = [places.get(id(pane), pane) for pane in self.panes]
        await self.remove_children(panes)
        # Textual 8 keeps the style cache of every removed widget (an lru_cache on one of its methods
        # holds them, Textualize/textual#6665), and with each the lines the widget painted: at a
        # thousand reports, thousands of objects a key press. Letting go of that lru_cache drops them.
        StylesCache.get_inner_outer.cache_clear()

    def _count_hidden(self) -> None:
        """The edge markers: reports left and right of those shown (of the focused one, zoomed)."""
        shown = range(self.active, self.active + 1) if self.zoomed else self._shown()
        self._left.count(shown.start if shown else 0)
        self._right.count(len(self.panes) - shown.stop if shown else 0)

    def size_panes(self) -> None:
        """The shown panes share the row between the edge markers, whole; zoomed, the focused one takes it."""
        self._count_hidden()
        for n, width in self._widths().items():
            pane = self.panes[n]
            if pane.is_mounted and pane.styles.width != Scalar.from_number(width):  # each change is a layout
                pane.styles.width = width

    def _widths(self) -> dict[int, int]:
        """Each shown report's pane width, in cells."""
        window = self._window()
        if not window:
            return {}
        width = (self.size.width or self.screen.size.width) - MARKER_WIDTH * (self._left.display + self._right.display)
        share, extra = divmod(max(len(window), width), len(window))
        return {n: width if self.zoomed and n == self.active else share + (place < extra)
                for place, n in enumerate(window)}

    async def toggle_publication_order(self, documents: Sequence[Document]) -> str:
        """The panes by publication time, or back in the story's order; what was done, in a sentence."""
        from ...story.naming import publication_order

        by_time = publication_order(documents)
        story_order = [d.id for d in documents]
        shown = [p.document.id for p in self.panes]
        order = story_order if shown == by_time and by_time != story_order else by_time
        await self._reorder(order)
        if order is story_order and by_time != story_order:
            return "Reports in the story's order."
        unknown = sum(1 for d in documents if not d.published)
        return "Reports in publication order" + (f"; {counted(unknown, 'report')} of unknown time after them."
                                                 if unknown else ".")

    async def _reorder(self, order: list[str]) -> None:
        """The panes in ``order`` (report ids), the focused one still focused, the window around it."""
        async with self._window_lock:  # not while the window moves
            await self._put_in_order(order)
        if self.pane:
            self.post_message(self.Moved(self.pane))

    async def _put_in_order(self, order: list[str]) -> None:
        focused = self.pane
        by_id = {pane.document.id: pane for pane in self.panes}
        self.panes = [by_id[doc] for doc in order if doc in by_id]
        self.active = self.panes.index(focused) if focused in self.panes else 0
        mounted = [pane for pane in self.panes if pane.is_mounted]
        for before, pane in zip(mounted, mounted[1:]):
            self.move_child(pane, after=before)
        await self._mount_window()
        self.size_panes()

    def toggle_zoom(self) -> None:
        self.toggle_class("-zoomed")
        self.size_panes()
        if self.pane:
            self.call_after_refresh(self.pane.show_cursor)
            self.post_message(self.Moved(self.pane))

    # -- the focus --------------------------------------------------------------------------

    def on_descendant_focus(self, event) -> None:
        if event.widget in self.panes:
            index = self.panes.index(event.widget)
            if index != self.active:
                if self.panes[self.active].is_mounted:
                    self.panes[self.active].remove_class("-active")
                self.active = index
                event.widget.add_class("-active")
                self.post_message(self.Moved(event.widget))

    def focus_pane(self, index: int) -> None:
        if not self.panes:
            return
        if self.panes[self.active].is_mounted:
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

    async def keep_story(self) -> None:
        """The story lives as long as the reader: frozen out of the garbage collector's walks, so that
        a key press never waits for a full collection of a thousand reports' claims and links.

        Whatever is alive when frozen is never collected, so the panes shown are made anew after it:
        those frozen would otherwise stay in memory once they leave the window.
        """
        async with self._window_lock:
            await self._take_out([pane for pane in self.panes if pane.is_mounted])
            gc.collect()  # what is garbage now, before the rest is frozen
            gc.freeze()
            await self._mount_window()
            self.size_panes()
            if self.panes:
                self._show_active()

    def _show_active(self) -> None:
        pane = self.panes[self.active]
        if not pane.is_mounted:  # the focus moved on while the window was moving: move it again
            self.run_worker(self._slide_window(), group="window")
            return
        pane.add_class("-active")
        pane.focus()
        if self.zoomed:
            self.size_panes()
        self.post_message(self.Moved(pane))
