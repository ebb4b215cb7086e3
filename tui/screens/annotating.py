"""The reader's own work: notes, marks, verdicts and hand-made links, saved to a session file.

A mixin of the reader screen: it keeps the ``Session``, marks the screen unsaved on every change,
writes a recovery file shortly after each change, and saves atomically on ``ctrl+s``.
"""

from __future__ import annotations

import os
import re
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
from .dialogs import ChoiceScreen, SavePathScreen

if TYPE_CHECKING:
    from ..messages import SessionFailed
    from .notes import NoteEdit

_NAME_LENGTH = 36
"""The longest default session file name, before its extension."""
_RECOVERY_DELAY = 1.0
"""Seconds after a change before the recovery file is written (changes in a burst write once)."""


def recovery_folder() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "sahel-reader" / "recovery"


def recovery_path(paths: list[str]) -> Path:
    """One recovery file per set of reports, whatever order they were given in."""
    import hashlib  # here, not at startup: the first frame does not need OpenSSL loaded

    key = hashlib.sha256("\n".join(sorted(str(Path(p).resolve()) for p in paths)).encode()).hexdigest()[:16]
    return recovery_folder() / f"{key}.yaml"


class Annotating:
    """Mixed into ReaderScreen, which provides ``story``, ``panes``, ``pane``, ``navigator``."""

    session: Session
    session_path: Path | None = None
    dirty: bool = False

    # -- state ------------------------------------------------------------------------------

    def _anchor(self, doc: str, sentence: int, claim: str | None = None) -> Anchor:
        document = self.story.document(doc)
        start, end = (self.story.claim(claim).start, self.story.claim(claim).end) if claim \
            else document.sentences[sentence]
        return Anchor.of(doc, document.text, start, end)

    def _changed(self) -> None:
        """After any change to the reader's work: mark unsaved, refresh marks, schedule recovery."""
        self.dirty = True
        self._show_annotations()
        self._show_title()
        timer = getattr(self, "_recovery_timer", None)
        if timer is not None:
            timer.stop()
        self._recovery_timer = self.set_timer(_RECOVERY_DELAY, self._write_recovery)

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
        story = analyse(loaded.documents, loaded.session.title)
        self.post_message(StoryReady(story, document_views(story), [], loaded.session, loaded.notes,
                                     loaded.needs_permission))

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

        self.app.push_screen(ChoiceScreen(f"{names} files outside its folder: {shown}. Open them?",
                                          [("skip", "Leave them out"), ("open", "Open them")]), answer)

    def _offer_recovery(self) -> None:
        """After a crash, offer the unsaved work the recovery file kept."""
        path = self._recovery_file()
        if not path.exists():
            return
        from sahel_reader.story.session import SessionError, load_session

        try:
            recovered = load_session(path).session
        except SessionError as error:
            self.notify(f"A recovery file could not be read: {error}", severity="warning")
            return
        count = len(recovered.annotations) + len(recovered.marks) + len(recovered.link_verdicts)

        def answer(choice: str | None) -> None:
            if choice == "restore":
                recovered.documents = self.session.documents
                self.session = recovered
                self._restore_view()
                self._changed()
            elif choice == "discard":
                path.unlink(missing_ok=True)

        self.app.push_screen(ChoiceScreen(
            f"Unsaved work from an earlier run was kept ({count} notes, marks and verdicts). Restore it?",
            [("restore", "Restore"), ("discard", "Discard it"), ("later", "Not now")]), answer)

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

    # -- saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.story is None:
            return
        if self.session_path is None:
            self.app.push_screen(SavePathScreen(str(self._default_session_path())), self._save_to)
        else:
            self._save_to(str(self.session_path))

    def _default_session_path(self) -> Path:
        """Next to the reports when they share a folder, else in the working folder (so also for the
        bundled story); named after the story. Reports from far apart share only ``/``."""
        from sahel_reader.story.seeds import bundled_seed_paths

        bundled = {str(p.resolve()) for p in bundled_seed_paths()}
        paths = [Path(d.path).resolve() for d in self.story.documents]
        folder = Path.cwd()
        if paths and not all(str(p) in bundled for p in paths):
            shared = Path(os.path.commonpath([str(p.parent) for p in paths]))
            if shared != Path(shared.anchor):
                folder = shared
        words = re.findall(r"[a-z0-9]+", (self.story.title or "session").lower())
        name = ""
        for word in words:  # whole words, up to a short file name
            if len(name) + len(word) + 1 > _NAME_LENGTH:
                break
            name = f"{name}-{word}" if name else word
        return folder / f"{name or 'session'}.sahel.yaml"

    def _save_to(self, path: str | None) -> bool:
        if not path:
            return False
        from sahel_reader.story.session import (
            SessionSaveError,
            new_session_documents,
            save_session,
        )

        if (target := self._typed_path(path)) is None:
            return False
        self._capture_view()
        self.session.title = self.story.title
        self.session.documents = new_session_documents(self.story.documents, target, embed=self.session.embed)
        try:
            save_session(self.session, target)
        except SessionSaveError as error:
            kept = "in memory and in the recovery file" if self._write_recovery(tell=False) else \
                "in memory only (the recovery file could not be written either)"
            self.notify(f"{str(error).removesuffix('.')}; your work is kept {kept}.", title="Not saved",
                        severity="error", timeout=12)
            return False
        self.session_path = target
        self.dirty = False
        self._show_title()
        self._recovery_file().unlink(missing_ok=True)
        self.notify(f"Saved {target}", timeout=3)
        return True

    def _typed_path(self, typed: str) -> Path | None:
        """A path as typed in a prompt, ``~`` expanded; None (and the reader told) when it cannot be."""
        try:
            return Path(typed).expanduser()
        except RuntimeError:  # ~name of a user this system does not know
            self.notify(f"{typed}: there is no such home folder; nothing was written.", severity="error")
            return None

    def _capture_view(self) -> None:
        self.session.view.focused = self.pane.document.id if self.pane else None
        self.session.view.cursors = {p.document.id: p.cursor for p in self.panes}
        self.session.view.theme = self.app.theme

    def _recovery_file(self) -> Path:
        return recovery_path([d.path for d in self.story.documents])

    def _write_recovery(self, tell: bool = True) -> bool:
        """Keep unsaved work where a crash cannot take it (best effort); whether it did. ``tell``: when not."""
        if not self.dirty or self.story is None:
            return False
        from sahel_reader.story.session import (
            SessionSaveError,
            new_session_documents,
            save_session,
        )

        path = self._recovery_file()
        self._capture_view()
        self.session.documents = new_session_documents(self.story.documents, path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            save_session(self.session, path)
        except (OSError, SessionSaveError) as error:
            if tell:
                self.notify(f"The recovery file could not be written: {error}", severity="warning")
            return False
        return True

    # -- exporting ----------------------------------------------------------------------------

    def action_export(self) -> None:
        """Write a report of the session for a colleague: asks the format, then where."""
        if self.story is None:
            return
        from sahel_reader.story.export import FORMATS

        def chosen(fmt: str | None) -> None:
            if fmt in FORMATS:
                base = self.session_path or self._default_session_path()
                suffix = {"markdown": ".md", "html": ".html", "json": ".json", "w3c": ".jsonld"}[fmt]
                default = base.with_name(base.name.removesuffix(".yaml").removesuffix(".sahel") + suffix)
                self.app.push_screen(SavePathScreen(str(default), title="Export the session as"),
                                     lambda path: self._export_to(fmt, path))

        self.app.push_screen(ChoiceScreen("Export the session as a report a colleague can read:",
                                          [(f, f) for f in FORMATS]), chosen)

    def _export_to(self, fmt: str, path: str | None) -> None:
        if not path:
            return
        from sahel_reader.story.export import export

        self._capture_view()
        if (target := self._typed_path(path)) is None:
            return
        try:
            target.write_text(export(self.session, self.story, fmt), encoding="utf-8")
        except OSError as error:
            self.notify(f"{target}: not written ({error.strerror or error}).", severity="error")
            return
        self.notify(f"Exported {target}", timeout=3)

    # -- quitting -----------------------------------------------------------------------------

    async def action_quit(self) -> None:
        if not self.dirty:
            self.app.exit()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                if self.session_path is None:
                    self.app.push_screen(SavePathScreen(str(self._default_session_path())),
                                         lambda path: self._save_to(path) and self.app.exit())
                elif self._save_to(str(self.session_path)):
                    self.app.exit()
            elif choice == "discard":
                self._recovery_file().unlink(missing_ok=True)
                self.app.exit()

        self.app.push_screen(ChoiceScreen("You have unsaved notes, marks or verdicts.",
                                          [("save", "Save and quit"), ("discard", "Quit without saving"),
                                           ("cancel", "Cancel")]), answer)
