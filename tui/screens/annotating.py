"""The reader's own work: notes, marks, verdicts and hand-made links, and the session they come from.

A mixin of the reader screen: it keeps the ``Session`` and changes it as the reader works; ``Keeping``
saves it, keeps the recovery file and quits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from sahel_reader.highlighters.safety import printable
from sahel_reader.story.annotations import (
    Anchor,
    Annotation,
    LinkVerdict,
    Mark,
    Session,
    now,
)

from ..jump import JumpTarget
from ..widgets.status_bar import StatusBar
from .dialogs import ChoiceScreen

if TYPE_CHECKING:
    from ..messages import SessionFailed
    from .notes import NoteEdit

class Annotating:
    """Mixed into ReaderScreen, which provides ``story``, ``panes``, ``pane``, ``navigator``."""

    session: Session
    session_path: Path | None = None

    # -- state ------------------------------------------------------------------------------

    def _anchor(self, doc: str, sentence: int, claim: str | None = None) -> Anchor:
        document = self.story.document(doc)
        start, end = (self.story.claim(claim).start, self.story.claim(claim).end) if claim \
            else document.sentences[sentence]
        return Anchor.of(doc, document.text, start, end)

    def _show_title(self) -> None:
        count = f"{len(self.story.documents)} reports" if self.story else ""
        where = f" · {printable(self.session_path.name)}" if self.session_path else ""
        self.sub_title = count + where + (" · ● unsaved" if self.dirty else "")

    def _show_annotations(self) -> None:
        """Give each pane the sentences that carry a note or a mark, for its gutter."""
        for pane in self.panes:
            doc = pane.document.id
            pane.view.noted = {pane.sentence_at(a.anchor.start) for a in self.session.annotations
                               if a.anchor.doc == doc and not a.orphan}
            pane.view.marked = {pane.sentence_at(m.anchor.start) for m in self.session.marks
                                if m.anchor.doc == doc and not m.orphan}
            pane.refresh_gutter()
        self.navigator.set_verdicts(self.session.link_verdicts)

    # -- opening a session --------------------------------------------------------------------

    def _load_session(self, allow_outside: bool) -> None:
        """In the worker: the session file, its reports found again, its notes re-anchored."""
        from sahel_reader.story.analysis import analyse
        from sahel_reader.story.session import SessionError, load_session

        from ..layout import document_views
        from ..messages import LoadProgress, SessionFailed, StoryReady

        self.post_message(LoadProgress(f"Opening the session {self.session_path.name}…"))
        try:
            loaded = load_session(self.session_path, allow_outside=allow_outside)
        except SessionError as error:
            self.post_message(SessionFailed(str(error)))
            return
        self.post_message(LoadProgress(f"Finding the figures and linking {len(loaded.documents)} reports…"))
        story = analyse(loaded.documents, loaded.session.title, growable=True)  # a watched story grows
        self.post_message(StoryReady(story, document_views(story), [], loaded.session, loaded.notes,
                                     loaded.needs_permission, loaded.disk))

    def on_session_failed(self, message: SessionFailed) -> None:
        """A session that cannot be read is left untouched, and the reader says why."""
        self.session_path = None
        self.query_one(StatusBar).message(message.text)
        for progress in self.query("#progress").results(Static):
            progress.update(Text(printable(message.text) + "\nThe file was left untouched. Press q to quit."))
        self.notify(message.text, title="Session not opened", severity="error", timeout=15)

    def _restore_view(self) -> None:
        view = self.session.view
        for pane in self.panes:
            if pane.document.id in view.cursors:
                pane.set_cursor(view.cursors[pane.document.id], scroll=False)
                pane.show_cursor(center=True)
        if view.theme and view.theme in self.app.available_themes:
            self.app.theme = view.theme
        ids = [p.document.id for p in self.panes]
        self.focus_pane(ids.index(view.focused) if view.focused in ids else 0)

    def _ask_permission(self, outside: list[str]) -> None:
        """A session or manifest that names files outside its folder reads them only when the reader agrees."""
        shown = ", ".join(outside[:3]) + (f" and {len(outside) - 3} more" if len(outside) > 3 else "")
        names = "The session names" if self.session_path else "The story manifest names"

        def answer(choice: str | None) -> None:
            if choice == "open":
                self._load(allow_outside=True)
            else:
                self._start_recovery()

        self.app.push_screen(ChoiceScreen(f"{names} files outside its folder: {shown}. Open them?",
                                          [("skip", "Leave them out"), ("open", "Open them")]), answer)

    # -- notes and marks ----------------------------------------------------------------------

    def action_annotate(self) -> None:
        pane = self.pane
        if pane is None or not pane.document.sentences:
            return
        anchor = self._anchor(pane.document.id, pane.cursor)
        existing = self.session.annotation_at(*anchor.key())

        def keep(edit: NoteEdit | None) -> None:
            if edit is None or existing and (edit.note, edit.tags) == (existing.note, existing.tags):
                return  # discarded, or kept unchanged: nothing to save
            if not edit.note.strip() and not edit.tags:
                if existing:
                    self.session.annotations.remove(existing)
                    self._changed()
                return
            if existing:
                existing.note, existing.tags, existing.modified = edit.note, edit.tags, now()
            else:
                stamp = now()
                self.session.annotations.append(Annotation(self.session.next_annotation_id(), anchor,
                                                           edit.note, edit.tags, stamp, stamp))
            self._changed()

        from .notes import NoteEditor  # the editor (and Textual's TextArea) loads when first used

        self.app.push_screen(NoteEditor(anchor.exact, existing.note if existing else "",
                                        list(existing.tags) if existing else []), keep)

    def action_mark(self) -> None:
        pane = self.pane
        if pane is None or not pane.document.sentences:
            return
        anchor = self._anchor(pane.document.id, pane.cursor)
        existing = self.session.mark_at(*anchor.key())
        if existing:
            self.session.marks.remove(existing)
            self.notify("Mark removed.", timeout=2)
        else:
            self.session.marks.append(Mark(anchor, now()))
            self.notify("Marked. From a sentence of another report, L links the two.", timeout=3)
        self._changed()

    def action_annotations(self) -> None:
        if self.story is None:
            return
        sentence_of = {}
        for pane in self.panes:
            for item in [*self.session.annotations, *self.session.marks]:
                if item.anchor.doc == pane.document.id and not item.orphan:
                    sentence_of[(item.anchor.doc, item.anchor.start)] = pane.sentence_at(item.anchor.start)
        from .notes import AnnotationList

        self.app.push_screen(AnnotationList(self.session, sentence_of), self.jump_to)

    def action_link_marked(self) -> None:
        """Link the current sentence by hand to the last marked sentence of another report."""
        pane = self.pane
        if pane is None:
            return
        here = self._anchor(pane.document.id, pane.cursor)
        marks = [m for m in self.session.marks if not m.orphan and m.anchor.doc != here.doc]
        if not marks:
            self.notify("Mark a sentence of another report first (m), then press L here.", timeout=4)
            return
        there = marks[-1].anchor
        existing = self.session.verdict_between(here, there)
        if existing and existing.verdict == "manual":
            self.session.link_verdicts.remove(existing)
            self.notify("Hand-made link removed.", timeout=2)
        else:
            if existing:
                self.session.link_verdicts.remove(existing)
            self.session.link_verdicts.append(LinkVerdict("manual", there, here, now()))
            self.notify(f"Linked to {there.doc}.", timeout=2)
        self._changed()

    # -- verdicts (the inspector's VerdictBook) ------------------------------------------------

    def verdict(self, source: JumpTarget, target: JumpTarget) -> str | None:
        found = self.session.verdict_between(self._anchor(source.doc, source.sentence, source.claim),
                                             self._anchor(target.doc, target.sentence, target.claim))
        return found.verdict if found else None

    def judge(self, source: JumpTarget, target: JumpTarget, verdict: str) -> None:
        """Confirm or reject a suggested link; the same verdict again takes it back."""
        a = self._anchor(source.doc, source.sentence, source.claim)
        b = self._anchor(target.doc, target.sentence, target.claim)
        existing = self.session.verdict_between(a, b)
        if existing:
            self.session.link_verdicts.remove(existing)
        if existing is None or existing.verdict != verdict:
            self.session.link_verdicts.append(LinkVerdict(verdict, a, b, now()))
        self._changed()
