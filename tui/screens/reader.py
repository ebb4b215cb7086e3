"""The reader: the reports side by side, and every key that moves between them.

The screen composes its parts and reacts to their messages: the ``PaneRow`` (the panes, their
focus and which are mounted), the ``SearchBar``, and the ``WorkKeeper`` (the session and its
files). Loading and linking run in a thread worker that posts ``StoryReady``; until then the screen
shows what it is doing, so the first frame paints at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, LoadingIndicator, Static
from textual.worker import Worker, WorkerState

from sahel_reader.highlighters.safety import printable
from sahel_reader.story.annotations import ViewState, anchor_in, now
from sahel_reader.story.hedges import hedge_words

from ..commands import READER_COMMANDS, ReaderCommands
from ..jump import JumpTarget
from ..messages import LoadProgress, SessionFailed, StoryReady
from ..widgets.footer import ReaderFooter
from ..widgets.pane_row import MOUNTED_PANES, PaneRow
from ..widgets.search_bar import SearchBar
from ..widgets.status_bar import StatusBar
from ..widgets.work_keeper import WorkKeeper
from .dialogs import ChoiceScreen

if TYPE_CHECKING:  # the rest loads with the story, after the first frame
    from sahel_reader.story.analysis import Story

    from ..navigation import Navigator, SearchResults, VersionCycle
    from ..widgets.report_pane import ReportPane

_NEEDS_A_PANE = {"next_pane", "previous_pane", "cursor_down", "cursor_up", "next_claim", "previous_claim",
                 "next_version", "previous_version", "inspect", "annotate", "mark", "link_marked"}
_NEEDS_A_STORY = {"matrix", "annotations", "save", "export"}
_ASKS = {"annotate", "save", "export", "quit"}
"""Actions that ask in a ``dialog`` worker: keys that come before its question shows do not ask again."""


class ReaderScreen(Screen):
    BINDINGS = [command.binding() for command in READER_COMMANDS]
    COMMANDS = {ReaderCommands}

    def __init__(self, paths: Sequence[str], title: str | None = None, session_path: Path | None = None, *,
                 allow_outside: bool = False) -> None:
        super().__init__()
        self.paths = list(paths)
        self.allow_outside = allow_outside
        """Files a manifest or session names outside its folder are read (the command line's flag)."""
        self.story_title = title
        self.story: Story | None = None
        self.navigator: Navigator | None = None
        self.row = PaneRow(id="panes")
        self.keeper = WorkKeeper(session_path, self._view_state)
        self.sync = False
        self._cycle: VersionCycle | None = None
        self._search: SearchResults | None = None

    # The parts' state, as the reader (and the tests) name it.
    panes = property(lambda self: self.row.panes)
    pane: ReportPane | None = property(lambda self: self.row.pane)
    session = property(lambda self: self.keeper.session)
    session_path = property(lambda self: self.keeper.session_path)
    dirty = property(lambda self: self.keeper.dirty)
    recovery = property(lambda self: self.keeper.recovery)

    def compose(self) -> ComposeResult:
        """The first frame: what the reader is doing until the reports are shown, and its keys."""
        with self.row, Vertical(id="loading"):
            yield LoadingIndicator()
            yield Static("Reading the reports…", id="progress")
        yield StatusBar(Text("Loading…"), id="status")
        yield ReaderFooter()
        yield self.keeper

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        """The header, then the reports: neither is needed to paint the first frame sooner."""
        await self.mount(Header(show_clock=False), before=0)
        self._load()

    # -- loading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, allow_outside: bool = False) -> None:
        from ..loading import load_reports, load_session_story  # in the worker: not needed for the first frame

        allow_outside = allow_outside or self.allow_outside
        if self.session_path is not None:
            load_session_story(self.session_path, allow_outside, self.post_message)
        else:
            load_reports(self.paths, self.story_title, allow_outside, MOUNTED_PANES, self.post_message)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The load failed in a way nobody foresaw: the reader says so, and stays open. A question
        answered: the keys that ask again are enabled again."""
        if event.worker.group == "dialog" and event.worker.is_finished:
            self.refresh_bindings()
        if event.state is WorkerState.ERROR and event.worker.group == "load":
            error = event.worker.error
            self._loading_failed(f"The reports could not be read ({type(error).__name__}: {error}).",
                                 "Not opened", "\nPress q to quit.")

    def _loading_failed(self, text: str, title: str, then: str) -> None:
        self.query_one(StatusBar).message(text)
        for progress in self.query("#progress").results(Static):
            progress.update(Text(printable(text) + then))
        self.notify(text, title=title, severity="error", timeout=15)

    def on_load_progress(self, message: LoadProgress) -> None:
        for progress in self.query("#progress").results(Static):
            progress.update(Text(printable(message.text)))  # it names the session file: never markup
        self.query_one(StatusBar).message(message.text)

    def on_session_failed(self, message: SessionFailed) -> None:
        """A session that cannot be read is left untouched, and the reader says why."""
        self.keeper.session_path = None
        self._loading_failed(message.text, "Session not opened", "\nThe file was left untouched. Press q to quit.")

    async def on_story_ready(self, message: StoryReady) -> None:
        from ..navigation import Navigator

        refill = bool(self.panes) and [p.document for p in self.panes] == message.story.documents
        self.story = self.keeper.story = message.story
        self.navigator = Navigator(message.story)
        self.refresh_bindings()
        if refill:
            self.row.refill(message.views, self.navigator)
            self._story_shown(message)
            return
        if message.session is not None:
            self.keeper.session, self.keeper.disk = message.session, message.disk
        self._tell_problems(message)
        self.title = printable(message.story.title or "sahel-reader")
        await self.row.show_reports(message.story.documents, message.views, self.navigator,
                                    linking=message.texts_only)
        if not self.panes:
            await self.row.mount(Static("No report could be opened.", id="loading"))
            self.query_one(StatusBar).message("No reports")
        elif message.texts_only:
            self.query_one(StatusBar).message(f"Finding the figures and linking {len(self.panes)} reports…")
        else:
            self._story_shown(message)

    def _tell_problems(self, message: StoryReady) -> None:
        for note in message.notes or []:
            self.notify(printable(note), severity="warning", timeout=10)
        for error in message.errors:
            if error.path not in (message.needs_permission or ()):  # the question names those
                self.notify(printable(error.message), title="Could not open a report", severity="error", timeout=10)
        for document in message.story.documents:
            for warning in document.warnings:
                self.notify(printable(warning), severity="warning", timeout=8)

    def _story_shown(self, message: StoryReady) -> None:
        self._restore_view()
        self._show_work()
        if message.needs_permission:
            self._ask_permission(message.needs_permission)
        else:
            self.keeper.start_recovery()

    @work(group="dialog")
    async def _ask_permission(self, outside: list[str]) -> None:
        """A session or manifest that names files outside its folder reads them only when the reader agrees."""
        shown = ", ".join(outside[:3]) + (f" and {len(outside) - 3} more" if len(outside) > 3 else "")
        names = "The session names" if self.session_path else "The story manifest names"
        choice = await self.app.push_screen_wait(ChoiceScreen(
            f"{names} files outside its folder: {shown}. Open them?", [("skip", "Leave them out"), ("open", "Open them")]))
        if choice == "open":
            self._load(allow_outside=True)
        else:
            self.keeper.start_recovery()

    def _restore_view(self) -> None:
        view = self.session.view
        for pane in self.panes:
            if pane.document.id in view.cursors:
                pane.set_cursor(view.cursors[pane.document.id], scroll=False)
                pane.show_cursor(center=True)
        if view.theme and view.theme in self.app.available_themes:
            self.app.theme = view.theme
        self.row.focus_pane(self.row.index_of(view.focused) or 0)

    def _view_state(self) -> ViewState:
        pane = self.pane
        return ViewState(pane.document.id if pane else None, {p.document.id: p.cursor for p in self.panes},
                         self.app.theme)

    # -- the work and the status ----------------------------------------------------------------

    def on_work_keeper_changed(self) -> None:
        self._show_work()

    def _show_work(self) -> None:
        """The notes and marks in the gutters, hand-made links among the versions, and the title."""
        for pane in self.panes:
            noted, marked = self.session.placed_starts(pane.document.id)
            pane.view.noted = {pane.sentence_at(start) for start in noted}
            pane.view.marked = {pane.sentence_at(start) for start in marked}
        self.row.refresh_gutters()
        if self.navigator is not None:
            self.navigator.set_verdicts(self.session.link_verdicts)
        count = f"{len(self.story.documents)} reports" if self.story else ""
        where = f" · {printable(self.session_path.name)}" if self.session_path else ""
        self.sub_title = count + where + (" · ● unsaved" if self.dirty else "")

    def on_pane_row_focused(self) -> None:
        self.update_status()

    def update_status(self) -> None:
        pane = self.pane
        if pane is None:
            return
        modes = ["sync on"] if self.sync else []
        if self.row.zoomed:
            modes.append("zoomed")
        if self._search and self._search.matches:
            modes.append(f"match {self._search.index + 1} of {len(self._search.matches)}")
        if pane.selected_claim:
            modes.insert(0, self._describe(self.story.claim(pane.selected_claim)))
        versions = self.navigator.version_count(pane.document.id, pane.cursor)
        self.query_one(StatusBar).show(pane.document.id, pane.cursor, pane.sentence_count, versions, modes)

    @staticmethod
    def _describe(claim) -> str:
        """The selected claim in words: who said a quotation; a figure's hedge, event and source."""
        if claim.kind == "quote":
            return f"said by {claim.speaker}" if claim.speaker else "speaker not named"
        hedge = "" if claim.text[:1].isalpha() else hedge_words(claim.qualifier)  # "At least 14" says it
        described = " ".join(w for w in (hedge, claim.text, claim.event or "") if w)
        return described + (f", per {claim.source}" if claim.source else "")

    def _moved(self) -> None:
        """After the cursor moved in the focused pane: other panes follow when synced."""
        if self.sync:
            self.row.follow()
        self.update_status()

    # -- what the keys do -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need a report or a story are shown dimmed until there is one, and do nothing."""
        if action in _NEEDS_A_PANE and (self.pane is None or self.story is None):
            return None
        if action in _NEEDS_A_STORY and self.story is None:
            return None
        if action in _ASKS and any(w.group == "dialog" and not w.is_finished for w in self.app.workers):
            return None
        return True

    def action_next_pane(self) -> None:
        self.row.focus_pane(self.row.active + 1)

    def action_previous_pane(self) -> None:
        self.row.focus_pane(self.row.active - 1)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        self.pane.set_cursor(self.pane.step(self.pane.cursor, step))
        self._moved()

    def action_next_claim(self) -> None:
        self._claim_step(1)

    def action_previous_claim(self) -> None:
        self._claim_step(-1)

    def _claim_step(self, step: int) -> None:
        pane = self.pane
        claim = self.navigator.next_claim(pane.document.id, pane.cursor, pane.selected_claim, step)
        if claim is None:
            self.notify("No more claims in this report.", timeout=2)
            return
        pane.set_cursor(claim.sentence, claim=claim.id)
        self._moved()

    def action_next_version(self) -> None:
        self._version_step(1)

    def action_previous_version(self) -> None:
        self._version_step(-1)

    def _version_step(self, step: int) -> None:
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

    def jump_to(self, target: JumpTarget | None, *, keep_cycle: bool = False) -> None:
        """Focus the target's report and put its cursor (and selection) on the target."""
        index = self.row.index_of(target.doc) if target is not None else None
        if index is None:
            return
        if not keep_cycle:
            self._cycle = None
        self.row.focus_pane(index)
        self.pane.set_cursor(target.sentence, claim=target.claim, scroll=False)
        self.pane.show_cursor(center=True)
        self._moved()

    def on_report_pane_cursor_moved(self, message: ReportPane.CursorMoved) -> None:
        self.row.focus_pane(self.panes.index(message.pane))
        message.pane.set_cursor(message.sentence)
        self._moved()

    def action_inspect(self) -> None:
        from .inspector import ClaimInspector

        pane = self.pane
        claim_id = pane.selected_claim
        if claim_id is None:
            in_sentence = self.navigator.claims_in_sentence(pane.document.id, pane.cursor)
            in_sentence.sort(key=lambda c: c.cluster is None)  # a linked claim first
            claim_id = in_sentence[0].id if in_sentence else None
        if claim_id is None:
            self.notify("No figure or quotation in this sentence; J moves to the next one.", timeout=3)
            return
        self.app.push_screen(ClaimInspector(self.story, claim_id, verdicts=self.keeper), self.jump_to)

    def action_matrix(self) -> None:
        from .matrix import ClaimsMatrix

        self.app.push_screen(ClaimsMatrix(self.story, self.pane.document.id if self.pane else None), self.jump_to)

    def action_zoom(self) -> None:
        self.row.toggle_zoom()
        self.update_status()

    def action_sync(self) -> None:
        self.sync = not self.sync
        if self.sync and self.pane:
            self.row.follow()
        self.update_status()

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    # -- search -------------------------------------------------------------------------------

    async def action_search(self) -> None:
        if not self.query(SearchBar):  # mounted on first use: the first frame is quicker without it
            await self.mount(SearchBar(), before=self.query_one(StatusBar))
        self.query_one(SearchBar).open()

    def on_search_bar_closed(self) -> None:
        if self.pane:
            self.pane.focus()

    def on_search_bar_search(self, message: SearchBar.Search) -> None:
        from ..navigation import SearchResults

        self.on_search_bar_closed()
        self._search = SearchResults(self.navigator.search(message.query) if self.navigator else [])
        self.row.set_matches(self._search.by_doc())
        if not self._search.matches:
            self.notify(f"No match for {message.query!r}.", timeout=3)
            self.update_status()
            return
        pane = self.pane
        start = pane.document.sentences[pane.cursor][0] if pane.document.sentences else 0
        self._show_match(self._search.start_at([p.document.id for p in self.panes], pane.document.id, start))

    def action_next_match(self) -> None:
        self._match_step(1)

    def action_previous_match(self) -> None:
        self._match_step(-1)

    def _match_step(self, step: int) -> None:
        if not self._search or not self._search.matches:
            self.notify("No search yet: press / to search.", timeout=2)
            return
        self._show_match(self._search.step(step))

    def _show_match(self, match) -> None:
        self.row.set_current_match(match.doc, (match.start, match.end))
        pane = self.panes[self.row.index_of(match.doc)]
        self.jump_to(JumpTarget(match.doc, pane.sentence_at(match.start)))

    # -- the reader's work --------------------------------------------------------------------

    def _here(self, claim: str | None = None):
        return anchor_in(self.story, self.pane.document.id, self.pane.cursor, claim)

    @work(group="dialog")
    async def action_annotate(self) -> None:
        from .notes import NoteEditor  # the editor (and Textual's TextArea) loads when first used

        if not self.pane.document.sentences:
            return
        anchor = self._here()
        existing = self.session.annotation_at(*anchor.key())
        edit = await self.app.push_screen_wait(NoteEditor(anchor.exact, existing.note if existing else "",
                                                          list(existing.tags) if existing else []))
        if edit is not None and self.session.set_note(anchor, edit.note, edit.tags, now()):
            self.keeper.changed()

    def action_mark(self) -> None:
        if not self.pane.document.sentences:
            return
        if self.session.toggle_mark(self._here(), now()):
            self.notify("Marked. From a sentence of another report, L links the two.", timeout=3)
        else:
            self.notify("Mark removed.", timeout=2)
        self.keeper.changed()

    def action_link_marked(self) -> None:
        """Link the current sentence by hand to the last marked sentence of another report."""
        here = self._here()
        there = self.session.last_mark_outside(here.doc)
        if there is None:
            self.notify("Mark a sentence of another report first (m), then press L here.", timeout=4)
            return
        if self.session.link_by_hand(here, there, now()):
            self.notify(f"Linked to {there.doc}.", timeout=2)
        else:
            self.notify("Hand-made link removed.", timeout=2)
        self.keeper.changed()

    def action_annotations(self) -> None:
        from .notes import AnnotationList

        sentence_of = {}
        for pane in self.panes:
            noted, marked = self.session.placed_starts(pane.document.id)
            sentence_of |= {(pane.document.id, start): pane.sentence_at(start) for start in noted | marked}
        self.app.push_screen(AnnotationList(self.session, sentence_of), self.jump_to)

    def action_save(self) -> None:
        self.keeper.save()

    def action_export(self) -> None:
        self.keeper.export()

    def action_quit(self) -> None:
        self.keeper.quit()
