"""The reader: the reports side by side, and every key that moves between them.

Loading and linking run in a thread worker that posts ``StoryReady``; until then the screen shows
what it is doing, so the first frame paints at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import HorizontalScroll, Vertical
from textual.screen import Screen
from textual.widgets import Header, LoadingIndicator, Static

from sahel_reader.highlighters.safety import printable
from sahel_reader.story.annotations import Session
from sahel_reader.story.model import shown_time

from ..commands import READER_COMMANDS, ReaderCommands
from ..jump import JumpTarget
from ..widgets.footer import ReaderFooter
from ..widgets.status_bar import StatusBar
from ..widgets.story_watch import StoryWatch
from .annotating import Annotating
from .keeping import WATCH_EVERY, Keeping
from .pane_row import MOUNTED_PANES, PaneRow
from .searching import Searching

if TYPE_CHECKING:  # the rest loads with the story, after the first frame
    from sahel_reader.story.analysis import Story

    from ..messages import LoadProgress, ReportsArrived, StoryReady
    from ..navigation import Navigator, SearchMatch
    from ..widgets.report_pane import ReportPane

_HEDGE_WORDS = {"lower": "at least", "upper": "at most", "approx": "about", "range": "range",
                "vague": "vague:", "exact": ""}

@dataclass
class _VersionCycle:
    """Where a run of ``]``/``[`` presses started, and where it is now."""

    origin: JumpTarget
    versions: list[JumpTarget]
    index: int = -1


class ReaderScreen(PaneRow, Annotating, Keeping, Searching, Screen):
    BINDINGS = [command.binding() for command in READER_COMMANDS]
    COMMANDS = {ReaderCommands}

    def __init__(self, paths: Sequence[str], title: str | None = None, session_path: Path | None = None, *,
                 allow_outside: bool = False, watch: bool = False) -> None:
        super().__init__()
        self.paths = list(paths)
        self.allow_outside = allow_outside
        """Files a manifest or session names outside its folder are read (the command line's flag)."""
        self.story_title = title
        self.session = Session()
        self.session_path = session_path
        self.story: Story | None = None
        self.navigator: Navigator | None = None
        self.panes: list[ReportPane] = []
        self.active = 0
        self.sync = False
        self._cycle: _VersionCycle | None = None
        self._matches: list[SearchMatch] = []
        self._match_index = -1
        self._window_lock = asyncio.Lock()
        self._linking = False
        """True while the reports' texts are shown and their claims are still being found."""
        self._watch_asked = watch
        """Watch the story's folders once it is shown (``--watch``)."""

    def compose(self) -> ComposeResult:
        """The first frame: what the reader is doing until the reports are shown, and its keys."""
        with HorizontalScroll(id="panes"), Vertical(id="loading"):
            yield LoadingIndicator()
            yield Static("Reading the reports…", id="progress")
        yield StatusBar(Text("Loading…"), id="status")
        yield ReaderFooter()
        yield StoryWatch(self.paths, from_session=self.session_path is not None, allow_outside=self.allow_outside)

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        self.set_interval(WATCH_EVERY, self._watch_session_file)

    async def _after_first_frame(self) -> None:
        """The header, then the reports: neither is needed to paint the first frame sooner."""
        await self.mount(Header(show_clock=False), before=0)
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self, allow_outside: bool = False) -> None:
        allow_outside = allow_outside or self.allow_outside
        if self.session_path is not None:
            self._load_session(allow_outside)
            return
        from sahel_reader.story.analysis import Story, analyse  # in the worker: not needed for the first frame
        from sahel_reader.story.documents import load_paths

        from ..layout import document_views
        from ..messages import LoadProgress, StoryReady

        count = len(self.paths)
        self.post_message(LoadProgress(f"Reading {count} path{'s' if count != 1 else ''}…"))

        def fetched(url: str, _result: object) -> None:  # a page a manifest names by address only
            self.post_message(LoadProgress(f"Fetched {url}"))

        loaded = load_paths(self.paths, allow_outside=allow_outside, fetch=True, on_fetched=fetched)
        title = loaded.title or self.story_title
        if len(loaded.documents) > MOUNTED_PANES:
            # Many reports take seconds to link: show their texts first, to be read meanwhile.
            texts = Story(loaded.documents, title=title)
            self.post_message(StoryReady(texts, document_views(texts), loaded.errors, texts_only=True))
        self.post_message(LoadProgress(f"Finding the figures and linking {len(loaded.documents)} reports…"))
        story = analyse(loaded.documents, title, growable=True)  # a watched story grows
        self.post_message(StoryReady(story, document_views(story), [] if len(loaded.documents) > MOUNTED_PANES
                                     else loaded.errors, needs_permission=loaded.outside))

    def on_load_progress(self, message: LoadProgress) -> None:
        for progress in self.query("#progress").results(Static):
            progress.update(Text(printable(message.text)))  # it names the session file: never markup
        self.query_one(StatusBar).message(message.text)

    async def on_story_ready(self, message: StoryReady) -> None:
        from ..navigation import Navigator
        from ..widgets.report_pane import ReportPane

        refill = bool(self.panes) and [p.document for p in self.panes] == message.story.documents
        self._linking = message.texts_only
        self.story = message.story
        self.navigator = Navigator(message.story)
        if refill:
            self._refill_panes(message)
            return
        if message.session is not None:
            self.session, self.disk = message.session, message.disk
        for note in message.notes or []:
            self.notify(printable(note), severity="warning", timeout=10)
        for error in message.errors:
            if error.path not in (message.needs_permission or ()):  # the question names those
                self.notify(printable(error.message), title="Could not open a report", severity="error", timeout=10)
        for document in message.story.documents:
            for warning in document.warnings:
                self.notify(printable(warning), severity="warning", timeout=8)
        self.title = printable(message.story.title or "sahel-reader")
        container = self.query_one("#panes")
        await container.remove_children()
        self.panes = [ReportPane(d, message.views[d.id], id=f"pane-{n}") for n, d in enumerate(message.story.documents)]
        if not self.panes:
            await container.mount(Static("No report could be opened.", id="loading"))
            self.query_one(StatusBar).message("No reports")
            return
        for pane in self.panes:
            if pane.document.sentences and pane.document.is_boilerplate(*pane.document.sentences[0]):
                pane.set_cursor(pane.step(0, 1), scroll=False)
        await self._mount_window()
        self._size_panes()
        if message.texts_only:
            self.query_one(StatusBar).message(f"Finding the figures and linking {len(self.panes)} reports…")
            return
        self._story_shown(message)

    def _refill_panes(self, message: StoryReady) -> None:
        """The claims and links of the reports already shown: the panes stay where the reader is."""
        for pane in self.panes:
            pane.view = message.views[pane.document.id]
            if pane.is_mounted:
                pane.refresh_gutter()
                self._title_pane(pane)
        self._story_shown(message)
        self.update_status()

    def _story_shown(self, message: StoryReady) -> None:
        self._restore_view()
        self._show_annotations()
        self._show_title()
        if message.needs_permission:
            self._ask_permission(message.needs_permission)
        else:
            self._start_recovery()
        if self._watch_asked:
            self._watch_asked = False
            self.action_watch()

    def _title_pane(self, pane: ReportPane) -> None:
        document = pane.document
        published = shown_time(document.published)
        outlet = "".join(f" · {part}" for part in (document.outlet, published) if part)
        pane.border_title = Text(printable((document.title or document.id) + outlet))
        if self._linking:
            pane.border_subtitle = Text("finding figures…")
            return
        claims = self.navigator.claims(document.id)
        figures = sum(1 for c in claims if c.kind == "number")
        conflicts = len(pane.view.conflicted)
        pane.border_subtitle = Text(f"{figures} fig · {len(claims) - figures} quo · {conflicts} ≠")

    # -- focus and status -----------------------------------------------------------------

    def on_descendant_focus(self, event) -> None:
        if event.widget in self.panes:
            index = self.panes.index(event.widget)
            if index != self.active:
                self.panes[self.active].remove_class("-active")
                self.active = index
                event.widget.add_class("-active")
                self.update_status()

    def update_status(self) -> None:
        pane = self.pane
        if pane is None:
            return
        modes = []
        if self.sync:
            modes.append("sync on")
        if self.query_one("#panes").has_class("-zoomed"):
            modes.append("zoomed")
        if self._matches:
            modes.append(f"match {self._match_index + 1} of {len(self._matches)}")
        if self.query_one(StoryWatch).watching:
            modes.append("watching")
        if pane.selected_claim:
            modes.insert(0, self._describe(self.story.claim(pane.selected_claim)))
        versions = self.navigator.version_count(pane.document.id, pane.cursor)
        self.query_one(StatusBar).show(pane.document.id, pane.cursor, pane.sentence_count, versions, modes)

    @staticmethod
    def _describe(claim) -> str:
        """The selected claim in words: who said a quotation; a figure's hedge, event and source."""
        if claim.kind == "quote":
            return f"said by {claim.speaker}" if claim.speaker else "speaker not named"
        hedge = "" if claim.text[:1].isalpha() else _HEDGE_WORDS.get(claim.qualifier, "")  # "At least 14" says it
        words = [hedge, claim.text, claim.event or ""]
        described = " ".join(w for w in words if w)
        return described + (f", per {claim.source}" if claim.source else "")

    def _moved(self) -> None:
        """After the cursor moved in the focused pane: other panes follow when synced."""
        if self.sync:
            self._sync_others()
        self.update_status()

    def _sync_others(self) -> None:
        pane = self.pane
        for other in self.panes:
            if other is not pane:
                sentence = self.navigator.best_version_in(pane.document.id, pane.cursor, other.document.id)
                if sentence is not None:
                    other.set_cursor(sentence, scroll=False)
                    other.show_cursor(center=True)

    # -- actions --------------------------------------------------------------------------

    def action_next_pane(self) -> None:
        self.focus_pane(self.active + 1)

    def action_previous_pane(self) -> None:
        self.focus_pane(self.active - 1)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        if self.pane:
            self.pane.set_cursor(self.pane.step(self.pane.cursor, step))
            self._moved()

    def action_next_claim(self) -> None:
        self._claim_step(1)

    def action_previous_claim(self) -> None:
        self._claim_step(-1)

    def _claim_step(self, step: int) -> None:
        pane = self.pane
        if pane is None:
            return
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
        pane = self.pane
        if pane is None:
            return
        here = JumpTarget(pane.document.id, pane.cursor, pane.selected_claim)
        cycle = self._cycle
        if cycle is None or self._cycle_position(cycle) != (here.doc, here.sentence):
            versions = self.navigator.versions(here.doc, here.sentence, here.claim)
            if not versions:
                self.notify("This sentence has no version in the other reports.", timeout=3)
                return
            cycle = self._cycle = _VersionCycle(here, versions)
        cycle.index += step
        if cycle.index >= len(cycle.versions):
            cycle.index = -1
        elif cycle.index < -1:
            cycle.index = len(cycle.versions) - 1
        self.jump_to(cycle.origin if cycle.index == -1 else cycle.versions[cycle.index], keep_cycle=True)

    def _cycle_position(self, cycle: _VersionCycle) -> tuple[str, int]:
        target = cycle.origin if cycle.index == -1 else cycle.versions[cycle.index]
        return target.doc, target.sentence

    def jump_to(self, target: JumpTarget | None, *, keep_cycle: bool = False) -> None:
        """Focus the target's report and put its cursor (and selection) on the target."""
        if target is None:
            return
        index = next((i for i, p in enumerate(self.panes) if p.document.id == target.doc), None)
        if index is None:
            return
        if not keep_cycle:
            self._cycle = None
        self.focus_pane(index)
        self.pane.set_cursor(target.sentence, claim=target.claim, scroll=False)
        self.pane.show_cursor(center=True)
        self._moved()

    def on_report_pane_cursor_moved(self, message: ReportPane.CursorMoved) -> None:
        index = self.panes.index(message.pane)
        self.focus_pane(index)
        message.pane.set_cursor(message.sentence)
        self._moved()

    def action_inspect(self) -> None:
        pane = self.pane
        if pane is None:
            return
        from .inspector import ClaimInspector

        claim_id = pane.selected_claim
        if claim_id is None:
            in_sentence = self.navigator.claims_in_sentence(pane.document.id, pane.cursor)
            in_sentence.sort(key=lambda c: c.cluster is None)  # a linked claim first
            claim_id = in_sentence[0].id if in_sentence else None
        if claim_id is None:
            self.notify("No figure or quotation in this sentence; J moves to the next one.", timeout=3)
            return
        self.app.push_screen(ClaimInspector(self.story, claim_id, verdicts=self), self.jump_to)

    def action_matrix(self) -> None:
        if self.story is None:
            return
        from .matrix import ClaimsMatrix

        first = self.pane.document.id if self.pane else None
        self.app.push_screen(ClaimsMatrix(self.story, first), self.jump_to)

    def action_timeline(self) -> None:
        if self.story is None:
            return
        from .timeline import TimelineScreen

        pane, fact = self.pane, None
        if pane is not None:  # the fact under the cursor: the selected claim's, else the sentence's first
            claims = ([self.story.claim(pane.selected_claim)] if pane.selected_claim
                      else self.navigator.claims_in_sentence(pane.document.id, pane.cursor))
            fact = next((claim.cluster for claim in claims if claim.cluster), None)
        self.app.push_screen(TimelineScreen(self.story, fact), self.jump_to)

    def action_zoom(self) -> None:
        self.query_one("#panes").toggle_class("-zoomed")
        self._size_panes()
        if self.pane:
            self.call_after_refresh(self.pane.show_cursor)
        self.update_status()

    def action_sync(self) -> None:
        self.sync = not self.sync
        if self.sync and self.pane:
            self._sync_others()
        self.update_status()

    def action_watch(self) -> None:
        """Follow the story as it breaks: reports that appear in its folders are added and linked."""
        watch = self.query_one(StoryWatch)
        if self.story is None or self._linking:
            self._watch_asked = True  # once the story is shown
        elif watch.watching:
            watch.stop()
            self.notify("No longer watching the story's folders.", timeout=3)
        elif watch.start(self.story.documents):
            self.notify(f"Watching {', '.join(watch.folders)} for new reports.", timeout=4)
        else:
            self.notify("This story was not opened from a folder: there is nothing to watch.", timeout=4)
        self.update_status()

    async def on_reports_arrived(self, message: ReportsArrived) -> None:
        """New reports in a watched story: linked into it, their panes added where the reader is not."""
        from sahel_reader.story.growing import grow

        from ..layout import document_views
        from ..navigation import Navigator

        for error in message.loaded.errors:
            self.notify(printable(error.message), title="Could not open a report", severity="error", timeout=10)
        if not message.loaded.documents or self.story is None:
            return
        change = grow(self.story, message.loaded.documents)
        views = document_views(self.story)
        self.navigator = Navigator(self.story)
        self._cycle = None
        for pane in self.panes:
            pane.view = views[pane.document.id]
        self._show_annotations()
        await self.add_panes(change.documents, views)
        for pane in self.panes:
            if pane.is_mounted:
                self._title_pane(pane)
        self._show_title()
        self.notify(change.summary(), title="The story grew", timeout=12)
        self.update_status()

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())
