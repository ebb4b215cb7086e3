"""The reader: the reports side by side, and every key that moves between them.

The screen composes its parts and reacts to their messages: the ``PaneRow`` (the panes, their
focus and which are mounted), the ``SearchBar``, and the ``WorkKeeper`` (the session and its
files). Loading and linking run in a thread worker that posts ``StoryReady``; until then the screen
shows what it is doing, so the first frame paints at once.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import Worker, WorkerState

from ...highlighters.safety import printable
from ...story.annotations import Anchor, ViewState, anchor_in, now

from ..commands import COMMAND_OF_ACTION, READER_COMMANDS, ReaderCommands
from ..messages import LoadProgress, ReportsArrived, SessionFailed, StoryReady
from ..widgets.citer import Citer
from ..widgets.footer import ReaderFooter
from ..widgets.loading_panel import LoadingPanel
from ..widgets.pane_row import MOUNTED_PANES, PaneRow
from ..widgets.search_bar import SearchBar
from ..widgets.status_bar import StatusBar
from ..widgets.story_watch import StoryWatch
from ..widgets.work_keeper import WorkKeeper
from .dialogs import ChoiceScreen

if TYPE_CHECKING:  # the rest loads with the story, after the first frame
    from ...story.analysis import Story

    from ..navigation import Navigator


class ReaderScreen(Screen):
    """The reports side by side: composes its widgets, loads the story, tells what it is doing."""

    BINDINGS = [command.binding() for command in READER_COMMANDS]
    COMMANDS = {ReaderCommands}

    def __init__(self, paths: Sequence[str], title: str | None = None, session_path: Path | None = None, *,
                 allow_outside: bool = False, watch: bool = False) -> None:
        super().__init__()
        self.paths = list(paths)
        self.allow_outside = allow_outside
        """Files a manifest or session names outside its folder are read (the command line's flag)."""
        self.story_title = title
        self.story: Story | None = None
        self.navigator: Navigator | None = None
        self.row = PaneRow(id="panes")
        self.keeper = WorkKeeper(session_path, self._view_state)
        self.watch = StoryWatch(self.paths, from_session=session_path is not None, allow_outside=allow_outside,
                                asked=watch)
        from ..loading import read_at_once  # reading needs none of the engine

        self._read = None if session_path is not None else read_at_once(self.paths, MOUNTED_PANES)
        """A few plain report files, read before the first frame so that it shows their texts."""

    # The parts' state, as the reader (and the tests) name it: ``pane`` is the focused ReportPane.
    panes = property(lambda self: self.row.panes)
    pane = property(lambda self: self.row.pane)
    session = property(lambda self: self.keeper.session)
    session_path = property(lambda self: self.keeper.session_path)
    dirty = property(lambda self: self.keeper.dirty)
    recovery = property(lambda self: self.keeper.recovery)

    def compose(self) -> ComposeResult:
        """The first frame: what the reader is doing until the reports are shown, and its keys."""
        with self.row:
            if self._read is None:
                yield LoadingPanel(id="loading")
        yield StatusBar(Text("Loading…"), id="status")
        yield ReaderFooter()
        yield self.keeper
        yield self.watch
        yield Citer()

    async def on_mount(self) -> None:
        if self._read is not None:
            from ..loading import texts_of

            await self.on_story_ready(texts_of(self._read, self.story_title))
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
            read, self._read = self._read, None  # once: a load asked again (files outside) reads anew
            load_reports(self.paths, self.story_title, allow_outside, self.post_message, read)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The load failed in a way nobody foresaw: the reader says so, and stays open. A question
        shown: the keys that ask are enabled again."""
        if event.worker.group == "dialog":
            self.refresh_bindings()
        if event.state is WorkerState.ERROR and event.worker.group == "load":
            error = f"{type(error).__name__}: {error}" if (error := event.worker.error) else ""
            if self.panes:  # the texts stay to be read
                self.row.linking_failed()
                self.refresh_bindings()
                self._loading_failed(f"The figures and links could not be found ({error}).", "Not linked", "")
            else:
                self._loading_failed(f"The reports could not be read ({error}).", "Not opened", "\nPress q to quit.")

    def _loading_failed(self, text: str, title: str, then: str) -> None:
        self._say(text, then)
        self.notify(text, title=title, severity="error", timeout=15)

    def on_load_progress(self, message: LoadProgress) -> None:
        if not self.panes:  # once the texts are shown, the status bar tells where the reader is
            self._say(message.text)

    def _say(self, text: str, then: str = "") -> None:
        for panel in self.query(LoadingPanel):
            panel.say(text + then)
        self.query_one(StatusBar).message(text)

    def on_session_failed(self, message: SessionFailed) -> None:
        """A session that cannot be read is left untouched, and the reader says why."""
        self.keeper.session_path = None
        self._loading_failed(message.text, "Session not opened", "\nThe file was left untouched. Press q to quit.")

    async def on_story_ready(self, message: StoryReady) -> None:
        from ..navigation import Navigator

        refill = bool(self.panes) and [p.document for p in self.panes] == message.story.documents
        self.story = self.keeper.story = message.story
        self.navigator = Navigator(message.story)
        if refill:
            self.row.refill(message.views, self.navigator)
            self.refresh_bindings()
            self._story_shown(message)
            self.update_status()
            return
        if message.session is not None:
            self.keeper.session, self.keeper.disk = message.session, message.disk
        self._tell(message.notices())
        self.title = printable(message.story.title or "sahel-reader")
        await self.row.show_reports(message.story.documents, message.views, self.navigator,
                                    linking=message.texts_only)
        self.refresh_bindings()
        if not self.panes:
            await self.row.mount(Static("No report could be opened.", id="loading"))
            self.query_one(StatusBar).message("No reports")
        elif message.texts_only:
            self.update_status()
        else:
            self._story_shown(message)

    def _tell(self, notices: list[tuple[str, str, str, float]]) -> None:
        for text, title, severity, timeout in notices:
            self.notify(printable(text), title=title, severity=severity, timeout=timeout)

    def _story_shown(self, message: StoryReady) -> None:
        self._restore_view()
        self._show_work()
        if message.needs_permission:
            self._ask_permission(message.needs_permission)
        else:
            self.keeper.start_recovery()
        self.watch.story_shown(self.story)
        self.row.run_worker(self.row.keep_story(), group="window-fill")

    def on_unmount(self) -> None:
        gc.unfreeze()  # the story goes with the reader (and, in tests, with each app)

    @work(group="dialog")
    async def _ask_permission(self, outside: list[str]) -> None:
        """A session or manifest that names files outside its folder reads them only when the reader agrees."""
        shown = ", ".join(outside[:3]) + (f" and {len(outside) - 3} more" if len(outside) > 3 else "")
        names = "The session names" if self.session_path else "The story manifest names"
        question = ChoiceScreen(f"{names} files outside its folder: {shown}. Open them?",
                                [("skip", "Leave them out"), ("open", "Open them")])
        if await self.app.push_screen_wait(question) == "open":
            self._load(allow_outside=True)
        else:
            self.keeper.start_recovery()

    def _restore_view(self) -> None:
        view = self.session.view
        if view.theme and view.theme in self.app.available_themes:
            self.app.theme = view.theme
        self.row.restore(view)

    def _view_state(self) -> ViewState:
        return ViewState(*self.row.view_state(), self.app.theme)

    # -- the work and the status ----------------------------------------------------------------

    def on_work_keeper_changed(self) -> None:
        self._show_work()

    def _show_work(self) -> None:
        """The notes and marks in the gutters, hand-made links among the versions, and the title."""
        self.row.show_work(self.session)
        count = f"{len(self.story.documents)} reports" if self.story else ""
        where = f" · {printable(self.session_path.name)}" if self.session_path else ""
        self.sub_title = count + where + (" · ● unsaved" if self.dirty else "")
        self.update_status()

    def on_pane_row_moved(self) -> None:
        self.update_status()

    def update_status(self) -> None:
        if self.pane is not None and self.navigator is not None:
            self.query_one(StatusBar).show_place(self.row, self.navigator, self.watch.watching)

    # -- what the keys do -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key that needs a story, a report or a sentence is shown dimmed until there is one, and does
        nothing; so does one that asks while a question is about to show (its worker not started yet:
        once started, it shows the question before any other key is read)."""
        command = COMMAND_OF_ACTION.get(action)
        if command is None:
            return True
        pane = self.pane if self.story is not None else None
        linked = self.story is not None and not self.row.linking and not self.row.link_failed
        ready = {"": True, "story": linked, "pane": pane is not None,
                 "sentence": pane is not None and bool(pane.document.sentences)}[command.needs]
        asking = command.asks and any(w.group == "dialog" and w.state is WorkerState.PENDING for w in self.app.workers)
        return True if ready and not asking else None

    def action_next_pane(self) -> None:
        self.row.focus_pane(self.row.active + 1)

    def action_previous_pane(self) -> None:
        self.row.focus_pane(self.row.active - 1)

    def action_cursor_down(self) -> None:
        self.row.step_sentence(1)

    def action_cursor_up(self) -> None:
        self.row.step_sentence(-1)

    def action_next_claim(self) -> None:
        self.row.step_claim(1)

    def action_previous_claim(self) -> None:
        self.row.step_claim(-1)

    def action_next_version(self) -> None:
        self.row.step_version(1)

    def action_previous_version(self) -> None:
        self.row.step_version(-1)

    def action_next_conflict(self) -> None:
        self.row.step_conflict(1)

    def action_previous_conflict(self) -> None:
        self.row.step_conflict(-1)

    def action_inspect(self) -> None:
        from .inspector import ClaimInspector

        claim_id = self.pane.selected_claim or self.navigator.claim_in(self.pane.document.id, self.pane.cursor)
        if claim_id is None:
            self.notify("No figure or quotation in this sentence; J moves to the next one.", timeout=3)
            return
        inspector = ClaimInspector(self.story, claim_id, verdicts=self.keeper, linked=self.navigator.linked)
        self.app.push_screen(inspector, self.row.jump_to)

    def action_matrix(self) -> None:
        from .matrix import ClaimsMatrix

        self.app.push_screen(ClaimsMatrix(self.story, self.pane.document.id if self.pane else None), self.row.jump_to)

    def action_timeline(self) -> None:
        from .timeline import TimelineScreen

        pane = self.pane
        claim_id = (pane.selected_claim or self.navigator.claim_in(pane.document.id, pane.cursor)) if pane else None
        fact = self.story.claim(claim_id).cluster if claim_id else None
        self.app.push_screen(TimelineScreen(self.story, fact), self.row.jump_to)

    def action_watch(self) -> None:
        self.watch.toggle(self.story)
        self.update_status()

    async def on_reports_arrived(self, message: ReportsArrived) -> None:
        """New reports in a watched story: linked into it, their panes added where the reader is not."""
        from ..following import grow_story
        from ..navigation import Navigator

        self._tell(message.notices())
        if not message.loaded.documents or self.story is None:
            return
        change, views = grow_story(self.story, message.loaded.documents)
        self.navigator = Navigator(self.story)
        self.row.refill(views, self.navigator)
        await self.row.add_reports(change.documents, views)
        self._show_work()
        self.notify(change.summary(), title="The story grew", timeout=12)
        self.update_status()

    async def action_publication_order(self) -> None:
        self.notify(await self.row.toggle_publication_order(self.story.documents), timeout=4)

    def action_zoom(self) -> None:
        self.row.toggle_zoom()

    def action_sync(self) -> None:
        self.row.toggle_sync()

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    # -- search -------------------------------------------------------------------------------

    async def action_search(self) -> None:
        if not self.query(SearchBar):  # mounted on first use: the first frame is quicker without it
            await self.mount(SearchBar(), before=self.query_one(StatusBar))
        self.query_one(SearchBar).open()

    def on_search_bar_closed(self) -> None:
        if self.pane and self.pane.is_mounted:
            self.pane.focus()

    def on_search_bar_search(self, message: SearchBar.Search) -> None:
        from ..navigation import SearchResults

        self.on_search_bar_closed()
        self.row.show_search(SearchResults(self.navigator.search(message.query) if self.navigator else []))
        if not self.row.search.matches:
            self.notify(f"No match for {message.query!r}.", timeout=3)

    def action_next_match(self) -> None:
        self.row.step_match(1)

    def action_previous_match(self) -> None:
        self.row.step_match(-1)

    # -- the reader's work --------------------------------------------------------------------

    def _here(self) -> Anchor:
        return anchor_in(self.story, self.pane.document.id, self.pane.cursor)

    @work(group="dialog")
    async def action_annotate(self) -> None:
        from .notes import NoteEditor  # the editor (and Textual's TextArea) loads when first used

        anchor = self._here()
        existing = self.session.annotation_at(*anchor.key())
        edit = await self.app.push_screen_wait(NoteEditor(anchor.exact, existing.note if existing else "",
                                                          list(existing.tags) if existing else []))
        if edit is not None and self.session.set_note(anchor, edit.note, edit.tags, now()):
            self.keeper.changed()

    def action_mark(self) -> None:
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

        self.app.push_screen(AnnotationList(self.session, self.story), self.row.jump_to)

    def action_open_source(self) -> None:
        self.query_one(Citer).open_source(self.pane)

    def action_copy_citation(self) -> None:
        self.query_one(Citer).copy(self.pane, self.story)

    def action_save(self) -> None:
        self.keeper.save()

    def action_export(self) -> None:
        self.keeper.export()

    def action_quit(self) -> None:
        self.keeper.quit()
