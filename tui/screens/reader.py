"""The reader: the reports side by side, and every key that moves between them.

The screen composes its parts and routes their messages: the ``PaneRow`` (the panes, their focus
and the cursor's moves), the ``SearchBar``, the ``Loader`` (whose thread worker loads and links the
story and posts ``StoryReady``; until then the screen shows what it is doing, so the first frame
paints at once), the ``WorkKeeper`` (the session and its files), the ``Annotator`` (notes, marks,
hand-made links), ``FactViews`` (the inspector, matrix, timeline and notes list) and the ``Citer``.
Its actions only hand each key to the part that acts; ``check_action`` says when a key cannot.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import WorkerState

from ...highlighters.safety import printable

from ..commands import READER_COMMANDS, ReaderCommands, command_of
from ..messages import LoadFailed, LoadProgress, ReportsArrived, SessionFailed, StoryReady, nothing_opened
from ..widgets.annotator import Annotator
from ..widgets.citer import Citer
from ..widgets.fact_views import FactViews
from ..widgets.footer import ReaderFooter
from ..widgets.loader import Loader
from ..widgets.loading_panel import LoadingPanel
from ..widgets.pane_row import PaneRow
from ..widgets.status_bar import StatusBar
from ..widgets.story_watch import StoryWatch
from ..widgets.work_keeper import WorkKeeper

if TYPE_CHECKING:  # the rest loads with the story, after the first frame, or with the key that needs it
    from ...story.analysis import Story
    from ...story.annotations import Anchor, ViewState

    from ..navigation import Navigator
    from ..widgets.search_bar import SearchBar


class ReaderScreen(Screen):
    """The reports side by side: composes its widgets, loads the story, tells what it is doing."""

    BINDINGS = [command.binding() for command in READER_COMMANDS]
    COMMANDS = {ReaderCommands}

    def __init__(self, paths: Sequence[str], title: str | None = None, session_path: Path | None = None, *,
                 allow_outside: bool = False, watch: bool = False) -> None:
        super().__init__()
        self.story: Story | None = None
        self.navigator: Navigator | None = None
        self.row = PaneRow(id="panes")
        self.loader = Loader(paths, title, from_session=session_path is not None, allow_outside=allow_outside)
        self.keeper = WorkKeeper(session_path, self._view_state)
        self.annotator = Annotator(self.keeper)
        self.fact_views = FactViews()
        self.watch = StoryWatch(paths, from_session=session_path is not None, allow_outside=allow_outside,
                                asked=watch)

    # The parts' state, as the reader (and the tests) name it: ``pane`` is the focused ReportPane.
    panes = property(lambda self: self.row.panes)
    pane = property(lambda self: self.row.pane)
    session = property(lambda self: self.keeper.session)
    session_path = property(lambda self: self.keeper.session_path)
    dirty = property(lambda self: self.keeper.dirty)
    recovery = property(lambda self: self.keeper.recovery)

    def compose(self) -> ComposeResult:
        """The first frame: what the reader is doing until the reports are shown, and its keys."""
        yield Header(show_clock=False)
        with self.row:
            if self.loader.early is None:
                yield LoadingPanel(id="loading")
        yield StatusBar(Text("Loading…"), id="status")
        yield ReaderFooter()
        yield self.loader
        yield self.keeper
        yield self.annotator
        yield self.watch
        yield self.fact_views
        yield Citer()

    async def on_mount(self) -> None:
        """The texts read at once, in their panes from the first frame on."""
        if (texts := self.loader.early_texts()) is not None:
            await self.on_story_ready(texts)
        self.call_after_refresh(self._after_first_frame)

    _resumed = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time, before the first frame, every widget was styled as it mounted: Textual
        would style them all again (a twentieth of the first frame's work). Runs before its handler."""
        if not self._resumed:
            self._resumed, event.refresh_styles = True, False

    async def _after_first_frame(self) -> None:
        """The reports (the engine is not needed to paint the first frame), and the footer's keys (its
        row is kept: nothing else moves). The worker first: started after the keys' frame, it would
        wait for the next refresh, and the colours with it."""
        self.loader.load(self.session_path)
        self.query_one(ReaderFooter).show_keys()
        self.app.read_modal_styles()

    # -- loading ------------------------------------------------------------------------------

    def on_load_failed(self, message: LoadFailed) -> None:
        """The load failed in a way nobody foresaw: the reader says so, and stays open."""
        if self.panes:  # the texts stay to be read
            self.row.linking_failed()
            self.refresh_bindings()
            self._say(f"The figures and links could not be found ({message.error}).", title="Not linked")
        else:
            self.row.without_story()
            self._say(f"The reports could not be read ({message.error}).", "\nPress q to quit.", title="Not opened")

    def on_load_progress(self, message: LoadProgress) -> None:
        if not self.panes:  # once the texts are shown, the status bar tells where the reader is
            self._say(message.text)

    def _say(self, text: str, then: str = "", *, title: str | None = None) -> None:
        """What the loading is doing, in the panel and the status bar; a failure (``title``) notified too."""
        for panel in self.query(LoadingPanel):
            panel.say(text + then)
            if title is not None:
                panel.give_up()
        self.query_one(StatusBar).message(text)
        if title is not None:
            self.notify(text, title=title, severity="error", timeout=15)

    def on_session_failed(self, message: SessionFailed) -> None:
        """A session that cannot be read is left untouched, and the reader says why."""
        self.keeper.session_path = None
        self.row.without_story()
        self._say(message.text, "\nThe file was left untouched. Press q to quit.", title="Session not opened")

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
        self.title = self._header_title()
        await self.row.show_reports(message.story.documents, message.views, self.navigator,
                                    linking=message.texts_only)
        self.refresh_bindings()
        if not self.panes:
            self.row.without_story()
            await self.row.mount(Static(Text(printable(nothing_opened(message.errors))), id="loading"))
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
            self.loader.ask_permission(message.needs_permission, self.session_path)
        else:  # after the frame that shows the story, as the next: neither needs to delay it
            self.call_after_refresh(self.keeper.start_recovery)
        self.watch.story_shown(self.story)
        # the panes made anew, after a full collection, and the story frozen
        self.call_after_refresh(lambda: self.row.run_worker(self.row.keep_story(), group="window-fill"))

    def on_unmount(self) -> None:
        gc.unfreeze()  # the story goes with the reader (and, in tests, with each app)

    def on_loader_left_out(self) -> None:
        self.keeper.start_recovery()

    def _restore_view(self) -> None:
        view = self.session.view
        if view.theme and view.theme in self.app.available_themes:
            self.app.theme = view.theme
        self.row.restore(view)

    def _view_state(self) -> ViewState:
        from ...story.annotations import ViewState  # loaded with the session, after the first frame
        return ViewState(*self.row.view_state(), self.app.theme)

    # -- the work and the status ----------------------------------------------------------------

    def on_work_keeper_changed(self) -> None:
        self._show_work()

    def _show_work(self) -> None:
        """The notes and marks in the gutters, hand-made links among the versions, and the title."""
        self.row.show_work(self.session)
        count = f"{len(self.story.documents)} reports" if self.story else ""
        where = f" · {printable(self.session_path.name)}" if self.session_path else ""
        self.title = self._header_title()
        self.sub_title = count + where
        self.update_status()

    def _header_title(self) -> str:
        """The story's name, after the unsaved mark when there is work to save: the header cuts a long title
        at its end, so the mark goes first."""
        name = printable(self.story.title or "sahel-reader") if self.story else "sahel-reader"
        return f"● unsaved · {name}" if self.dirty else name

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
        command = command_of(action, parameters)
        if command is None:
            return True
        pane = self.pane if self.story is not None else None
        linked = self.story is not None and not self.row.linking and not self.row.link_failed
        ready = {"": True, "story": linked, "pane": pane is not None,
                 "sentence": pane is not None and bool(pane.document.sentences)}[command.needs]
        asking = command.asks and any(w.group == "dialog" and w.state is WorkerState.PENDING for w in self.app.workers)
        return True if ready and not asking else None

    def action_step(self, what: str, by: int) -> None:
        """A move to the next (``by`` 1) or previous (-1) report pane, sentence, claim, version of the
        sentence or claim, conflict or search match."""
        row = self.row
        moves = {"pane": lambda step: row.focus_pane(row.active + step), "sentence": row.step_sentence,
                 "claim": row.step_claim, "version": row.step_version, "conflict": row.step_conflict,
                 "match": row.step_match}
        moves[what](by)
        self.update_status()  # in the frame the panes change in: the row's ``Moved`` comes a frame later

    def action_inspect(self) -> None:
        from ..session_verdicts import SessionVerdicts

        self.fact_views.inspect(self.pane, self.story, self.navigator, SessionVerdicts(self.keeper), self.row.jump_to)

    def action_matrix(self) -> None:
        self.fact_views.matrix(self.story, self.pane, self.row.jump_to)

    def action_timeline(self) -> None:
        self.fact_views.timeline(self.story, self.navigator, self.pane, self.row.jump_to)

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
        from ..widgets.search_bar import SearchBar

        if not self.query(SearchBar):  # mounted on first use: the first frame is quicker without it
            await self.mount(SearchBar(), before=self.query_one(StatusBar))
        self.query_one(SearchBar).open()

    def on_search_bar_closed(self) -> None:
        if self.pane and self.pane.is_mounted:
            self.pane.focus()

    def on_search_bar_search(self, message: SearchBar.Search) -> None:
        self.row.show_search(self.navigator.search(message.query) if self.navigator else [])
        if not self.row.search.matches:
            self.notify(f"No match for {message.query!r}.", timeout=3)
        self.on_search_bar_closed()  # the pane the search went to: focused before it, the old one took the focus back

    # -- the reader's work --------------------------------------------------------------------

    def _here(self) -> Anchor:
        from ...story.annotations import anchor_in
        return anchor_in(self.story, self.pane.document.id, self.pane.cursor)

    def action_annotate(self) -> None:
        self.annotator.annotate(self._here())

    def action_mark(self) -> None:
        self.annotator.mark(self._here())

    def action_link_marked(self) -> None:
        self.annotator.link_marked(self._here())

    def action_annotations(self) -> None:
        self.fact_views.annotations(self.session, self.story, self.row.jump_to)

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
