"""The row of report panes: the focused one, and the reading cursor's moves across them.

Which reports are shown as panes is the row's ``PaneWindow`` (``pane_window.py``); the others are
plain ``ReportPlace`` state. The row moves the reading cursor (sentence, claim, version, a jump)
and, synced, the other panes with it. It tells its screen when the focus or the cursor moved with
``PaneRow.Moved``; it never calls the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.message import Message

from ...story.model import Document

from ..gutter_work import show_work
from ..jump import JumpTarget
from ..navigation import RunPlace, VersionRun
from ..pane_search import PaneSearch
from ..report_place import ReportPlace
from .edge_marker import EdgeMarker
from .pane_window import PaneWindow

if TYPE_CHECKING:  # the panes load with the story, after the first frame
    from ..layout import DocumentView
    from ...story.annotations import Session, ViewState

    from ..navigation import Navigator, SearchMatch
    from .report_pane import ReportPane


class PaneRow(Horizontal):
    """One pane per report, mounted or not; the focused one, zoomed or not; synced or not."""

    @dataclass
    class Moved(Message):
        """The focus or the reading cursor moved (or the focused pane changed how it is shown)."""

        pane: ReportPane

        def can_replace(self, message: Message) -> bool:
            """Moves told back to back are told once, the last: a jump to another report moves the focus
            and then the cursor, each telling the row, and the screen reads where the reader is, not the
            message: a ``]`` told it twice, each through the row, the screen and the app."""
            return isinstance(message, PaneRow.Moved)

    def __init__(self, *children, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.panes: list[ReportPane | ReportPlace] = []
        """One per report: a pane where the report is shown, its place (plain state) elsewhere."""
        self._places: dict[str, int] = {}
        """Where each report is in ``panes``, by its id (``index_of``)."""
        self.active = 0
        self.navigator: Navigator | None = None
        self.linking = False
        """True while the reports' texts are shown and their claims are still being found."""
        self.link_failed = False
        """Finding the claims failed: the borders say so instead of "finding figures…"."""
        self.sync = False
        """The other panes follow the focused one to their version of its sentence."""
        self.versions = VersionRun()
        """A run of ``]``/``[`` presses through the versions of one sentence."""
        self.search = PaneSearch()
        """The last search's matches, and the one the reader is on."""
        self.window = PaneWindow(self, self._title)
        """Which reports are shown as panes, and the markers saying how many lie either side."""

    def compose(self):
        yield self.window.left
        yield self.window.right

    @property
    def pane(self) -> ReportPane | ReportPlace | None:
        return self.panes[self.active] if self.panes else None

    @property
    def zoomed(self) -> bool:
        return self.has_class("-zoomed")

    def index_of(self, doc: str) -> int | None:
        """Where report ``doc`` is in the row: from a table of the reports' places, made again when it
        proves stale (reports added, or put in another order): at a thousand reports, asking each report its
        id was 40 us a look-up half-way through the story, and a press looks up every pane it shows."""
        n = self._places.get(doc)
        if n is None or n >= len(self.panes) or self.panes[n].document.id != doc:
            self._places = {}
            for place, pane in enumerate(self.panes):
                self._places.setdefault(pane.document.id, place)  # the first, as a search from the left finds
            n = self._places.get(doc)
        return n

    # -- the reports shown ------------------------------------------------------------------

    async def show_reports(self, documents: Sequence[Document], views: dict[str, DocumentView],
                           navigator: Navigator, *, linking: bool = False) -> None:
        """A pane for each report, in place of whatever the row showed; each opens past a boilerplate first line."""
        self.navigator, self.linking = navigator, linking
        await self.remove_children([child for child in self.children if not isinstance(child, EdgeMarker)])
        self.panes, self.active, self.window.reports = [], 0, []
        self.window.lines.clear()
        await self.add_reports(documents, views)

    async def add_reports(self, documents: Sequence[Document], views: dict[str, DocumentView]) -> None:
        """More reports, after those shown: as places, made panes when the window has room for them."""
        for document in documents:
            place = ReportPlace(document, views[document.id])
            if document.sentences and document.is_boilerplate(*document.sentences[0]):
                place.set_cursor(place.step(0, 1))
            self.panes.append(place)
        async with self.window.lock:  # one move at a time: a focus moved meanwhile slides the window after
            await self.window.mount()
            self.window.size_panes()

    def refill(self, views: dict[str, DocumentView], navigator: Navigator) -> None:
        """The claims and links of the reports already shown: the panes stay where the reader is."""
        self.navigator, self.linking = navigator, False
        self.window.lines.clear()
        for pane in self.panes:
            pane.view = views[pane.document.id]
            if pane.is_mounted:
                self._title(pane)

    def _title(self, pane: ReportPane) -> None:
        pane.show_title(None if self.linking else self.navigator.claims(pane.document.id))
        if self.link_failed:
            pane.border_subtitle = "figures not found"

    def on_mount(self) -> None:
        self.window.collector.hold()  # until the story is frozen (``keep_story``), or there is none

    def without_story(self) -> None:
        """Nothing will be linked and frozen (nothing could be read or linked): collections as usual."""
        self.window.collector.stop()

    def linking_failed(self) -> None:
        """The texts stay to be read; the borders stop promising figures."""
        self.without_story()
        self.linking, self.link_failed = False, True
        for pane in self.panes:
            if pane.is_mounted:
                self._title(pane)

    def show_work(self, session: Session) -> None:
        """The sentences with a note, a mark or a hand-made link, in the gutters; the reader's verdicts
        among the versions, and in the colours of the facts they changed (``gutter_work``)."""
        for pane in show_work(self.panes, self.navigator, session):
            if pane.is_mounted:
                self._title(pane)

    def restore(self, view: ViewState) -> None:
        """Each report's cursor where the session left it, and the focus on the report it had. A
        session with no place of its own (a new one) leaves the reader where it is: the texts are
        read while the story is linked, and the reader may have moved on by then."""
        for pane in self.panes:
            if pane.document.id in view.cursors:
                pane.set_cursor(view.cursors[pane.document.id], scroll=False)
                pane.show_cursor(center=True)
        if (index := self.index_of(view.focused)) is not None:
            self.focus_pane(index)

    def view_state(self) -> tuple[str | None, dict[str, int]]:
        """The focused report and each report's cursor, for the session."""
        return self.pane.document.id if self.pane else None, {p.document.id: p.cursor for p in self.panes}

    # -- search ------------------------------------------------------------------------------

    def show_search(self, matches: list[SearchMatch]) -> None:
        """Every match, in every pane; the cursor to the first at or after it."""
        match = self.search.show(matches, self.panes, self.pane)
        if match is None:
            self._moved()
        else:
            self.jump_to(self.search.target(self.panes, match))

    def step_match(self, step: int) -> None:
        match = self.search.step(self.panes, step)
        if match is None:
            self.notify("No search yet: press / to search.", timeout=2)
            return
        self.jump_to(self.search.target(self.panes, match))

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
        pane = self.pane
        here = JumpTarget(pane.document.id, pane.cursor, pane.selected_claim)
        target = self.versions.step(self.navigator, here, step)
        if target is None:
            self.notify("This sentence has no version in the other reports.", timeout=3)
            return
        self.jump_to(target, keep_cycle=True)

    def step_conflict(self, step: int) -> None:
        """To the next (or previous) version of a conflicting fact, across the reports."""
        pane = self.pane
        claim = self.navigator.next_conflict(pane.document.id, pane.cursor, pane.selected_claim, step)
        if claim is None:
            self.notify("No other fact whose versions conflict.", timeout=3)
            return
        self.jump_to(JumpTarget(claim.doc, claim.sentence, claim.id))

    def cycle_place(self) -> RunPlace | None:
        """Where a run of ``]``/``[`` presses is; None when the cursor is not on one of its versions."""
        return self.versions.place(self.pane.document.id, self.pane.cursor) if self.pane else None

    def jump_to(self, target: JumpTarget | None, *, keep_cycle: bool = False) -> None:
        """Focus the target's report and put its cursor (and selection) on the target."""
        index = self.index_of(target.doc) if target is not None else None
        if index is None:
            return
        if not keep_cycle:
            self.versions.end()
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

    # -- the window of mounted panes (tui/widgets/pane_window.py) ------------------------------

    def on_resize(self) -> None:
        """A new width may fit more panes or fewer."""
        if self.panes and self.window.wanted() != self.window.shown():
            self._fill_window()
        else:
            self.window.size_panes()

    async def toggle_publication_order(self, documents: Sequence[Document]) -> str:
        """The panes by publication time, or back in the story's order; what was done, in a sentence."""
        from ...story.naming import toggled_order

        order, done = toggled_order(documents, [p.document.id for p in self.panes])
        await self.window.put_in_order(order)
        if self.pane:
            self.post_message(self.Moved(self.pane))
        return done

    def toggle_zoom(self) -> None:
        self.toggle_class("-zoomed")
        self.window.size_panes()
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
                self.window.count_hidden()
                event.widget.add_class("-active")
                self.post_message(self.Moved(event.widget))

    def focus_pane(self, index: int) -> None:
        if not self.panes:
            return
        before, source = self.panes[self.active], self.active
        self.active = index % len(self.panes)
        self.window.follow(source)
        if not self.panes[self.active].is_mounted:
            self.window.move_at_once()
        if before.is_mounted and before is not self.panes[self.active]:
            before.remove_class("-active")
        if self.panes[self.active].is_mounted:
            self._show_active()
        else:
            self.run_worker(self._slide_window(), group="window")

    async def _slide_window(self) -> None:
        """Bring the focused report into view: its pane first, painted at once; its neighbours
        after that frame, since mounting a pane is most of what a jump costs."""
        async with self.window.lock:
            await self.window.mount(focused_only=True)
            self.window.size_panes()
            self._show_active()
        self.call_after_refresh(self._fill_window)

    def _fill_window(self) -> None:
        """The neighbours mounted in a worker; the coroutine made only now, so a row removed before
        this refresh leaves none behind un-awaited."""
        self.run_worker(self.window.fill(), group="window-fill")

    async def keep_story(self) -> None:
        """The story frozen out of the garbage collector's walks (``PaneWindow.keep_story``), the focus
        back on the pane made anew."""
        await self.window.keep_story()
        if self.panes:
            self._show_active()

    def on_unmount(self) -> None:
        self.window.collector.stop()

    def _show_active(self) -> None:
        pane = self.panes[self.active]
        if isinstance(pane, ReportPlace):  # the focus moved on while the window was moving: move it again
            self.run_worker(self._slide_window(), group="window")
            return
        if not pane.is_mounted:  # being mounted (it shows itself then), or the reader is closing
            return
        pane.add_class("-active")
        pane.focus()
        if self.zoomed:
            self.window.size_panes()
        self.post_message(self.Moved(pane))
