"""Keeping the reader's work: the session saved (merged with what others wrote to it), the recovery
file, exports, and quitting without losing anything.

A mixin of the reader screen, beside ``Annotating`` which makes the work. Files are written by
thread workers that post their outcome back, so a big session never stalls a key press. Each change
of the work raises ``revision``: a save reports the revision it wrote, and a change made while it
ran is never taken for saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.worker import Worker, WorkerState

from sahel_reader.story.annotations import Session

from .dialogs import ChoiceScreen, SavePathScreen

if TYPE_CHECKING:
    from sahel_reader.story.recovery import Recovery
    from sahel_reader.story.session import DiskState

    from ..messages import (
        RecoveryFound,
        RecoveryKept,
        SaveWouldReplace,
        SessionChangedElsewhere,
        SessionNotSaved,
        SessionSaved,
    )

_RECOVERY_DELAY = 1.0
"""Seconds after a change before the recovery file is written (changes in a burst write once)."""
_FAILED = {
    "save": "Your work could not be written ({error}); it is kept in memory, and the title still shows it unsaved.",
    "recovery": "Your work could not be written ({error}); it is kept in memory, and the title still shows it"
                " unsaved.",
    "recovery-offer": "Unsaved work of earlier runs could not be looked for ({error}); its files are left as they are.",
    "watch": "The session file could not be looked at ({error}); the next save still merges what others wrote.",
}
"""What the reader is told when one of this mixin's workers fails in a way nobody foresaw, by group."""
WATCH_EVERY = 2.0
"""Seconds between two looks at the open session file's size and time, to tell the reader when
another reader or an editor wrote to it."""


class Keeping:
    """Mixed into ReaderScreen, which provides ``story``, ``session``, ``panes`` and ``pane``."""

    session: Session
    session_path: Path | None = None
    disk: DiskState | None = None
    """The session file as last read or written here; None before the first save."""
    dirty: bool = False
    revision: int = 0
    recovery: Recovery | None = None
    _adopted: tuple[Path, ...] = ()
    """Recovery files of readers gone, whose work was restored here: removed once it is kept here."""
    _seen_stamp: tuple[int, int] | None = None
    """The session file's size and time when last looked at; the watch hashes it when they change."""

    def _changed(self) -> None:
        """After any change to the reader's work: mark unsaved, refresh marks, schedule recovery."""
        self.dirty = True
        self.revision += 1
        self._show_annotations()
        self._show_title()
        timer = getattr(self, "_recovery_timer", None)
        if timer is not None:
            timer.stop()
        self._recovery_timer = self.set_timer(_RECOVERY_DELAY, self._write_recovery)

    def _capture_view(self) -> None:
        self.session.view.focused = self.pane.document.id if self.pane else None
        self.session.view.cursors = {p.document.id: p.cursor for p in self.panes}
        self.session.view.theme = self.app.theme

    def _texts(self) -> dict[str, str]:
        return {d.id: d.text for d in self.story.documents}

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed in a way nobody foresaw: one sentence, and the reader goes on."""
        if event.state is WorkerState.ERROR and event.worker.group in _FAILED:
            error = event.worker.error
            self.notify(_FAILED[event.worker.group].format(error=f"{type(error).__name__}: {error}"),
                        title="Not saved" if event.worker.group in ("save", "recovery") else "",
                        severity="error", timeout=12)

    # -- the session file, written by others ---------------------------------------------------

    def _watch_session_file(self) -> None:
        """Every few seconds: has the open session's file changed size or time since it was read?"""
        from sahel_reader.story.session import file_stamp

        if self.session_path is None or self.disk is None:
            return
        stamp = file_stamp(self.session_path)
        if stamp is not None and stamp != (self._seen_stamp or self.disk.stamp):
            self._seen_stamp = stamp
            self._hash_session_file(self.session_path, self.disk)

    @work(thread=True, group="watch", exit_on_error=False)
    def _hash_session_file(self, path: Path, disk: DiskState) -> None:
        from sahel_reader.story.session import content_hash

        from ..messages import SessionChangedElsewhere

        found = content_hash(path)
        if found is not None and found != disk.sha256:
            self.post_message(SessionChangedElsewhere(path, found))

    def on_session_changed_elsewhere(self, message: SessionChangedElsewhere) -> None:
        """Told once per change; not when the bytes are what this reader's own save just wrote."""
        if message.path == self.session_path and self.disk is not None and message.sha256 != self.disk.sha256:
            self.notify(f"{message.path} was changed by another reader or an edit since you opened it; your next"
                        " save merges both.", title="Changed elsewhere", timeout=10)

    # -- saving -------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.story is None:
            return
        if self.session_path is None:
            self.app.push_screen(SavePathScreen(str(self._default_session_path())), self._save_to)
        else:
            self._save_to(str(self.session_path))

    def _default_session_path(self) -> Path:
        from sahel_reader.story.session import default_session_path

        return default_session_path(self.story.documents, self.story.title, Path.cwd())

    def _save_to(self, typed: str | None, *, then_exit: bool = False, merge: bool | None = None) -> None:
        """Save to a typed path. A session there that this reader never read is merged into
        (``merge``), or replaced, as the reader answers when asked."""
        if not typed or (target := self._typed_path(typed)) is None:
            return
        from sahel_reader.story.session import DiskState

        self._capture_view()
        snapshot = self.session.copy()
        snapshot.title = self.story.title
        known = self.disk if self._is_open_session(target) else DiskState.unknown() if merge else None
        self._save_in_background(snapshot, target, known, self.revision, then_exit, ask=merge is None)

    def _is_open_session(self, target: Path) -> bool:
        import os

        return self.session_path is not None and os.path.realpath(target) == os.path.realpath(self.session_path)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def _save_in_background(self, snapshot: Session, target: Path, known: DiskState | None, revision: int,
                            then_exit: bool, ask: bool) -> None:
        from sahel_reader.story.session import SessionSaveError, new_session_documents, save_session, work_in

        from ..messages import SaveWouldReplace, SessionNotSaved, SessionSaved

        if known is None and ask and (found := work_in(target)) is not None:
            self.post_message(SaveWouldReplace(target, found, then_exit))
            return
        snapshot.documents = new_session_documents(self.story.documents, target, embed=snapshot.embed,
                                                   others=snapshot.documents, others_from=self.session_path)
        try:
            result = save_session(snapshot, target, known=known, texts=self._texts())
        except SessionSaveError as error:
            kept = "in memory and in the recovery file" if self._keep_recovery(snapshot, revision) is None \
                else "in memory only (the recovery file could not be written either)"
            self.post_message(SessionNotSaved(f"{str(error).removesuffix('.')}; your work is kept {kept}."))
            return
        self.post_message(SessionSaved(target, result, snapshot, revision, then_exit))

    def on_session_saved(self, message: SessionSaved) -> None:
        from sahel_reader.highlighters.safety import one_line
        from sahel_reader.story.merging import merge_sessions

        result = message.result
        self.session_path, self.disk, self._seen_stamp = message.target, result.disk, result.disk.stamp
        if result.merge is None:
            self.notify(f"Saved {message.target}", timeout=3)
        else:
            changed_since = self.revision != message.revision
            self.session = merge_sessions(message.snapshot, result.session, self.session)[0] if changed_since \
                else result.session
            self._show_annotations()
            self.notify(f"{one_line(str(message.target))} had changed since it was read (another reader, or an"
                        f" edit): merged, {result.merge}; what it held is in {one_line(str(result.backup))}.",
                        title="Saved, merged", timeout=12)
        self.dirty = self.revision != message.revision
        self._show_title()
        if self.recovery is not None:
            self.recovery.saved(message.revision, list(self._adopted))
            self._adopted = ()
        if message.then_exit:
            self.app.exit() if not self.dirty else self.run_worker(self.action_quit())

    def on_session_not_saved(self, message: SessionNotSaved) -> None:
        self.notify(message.text, title="Not saved", severity="error", timeout=12)

    def on_save_would_replace(self, message: SaveWouldReplace) -> None:
        def answer(choice: str | None) -> None:
            if choice in ("merge", "replace"):
                self._save_to(str(message.target), then_exit=message.then_exit, merge=choice == "merge")

        self.app.push_screen(ChoiceScreen(
            f"{message.target} already holds a session ({message.work} notes, marks and verdicts). Merge your"
            f" work into it, or replace it (what it holds is kept in {message.target.name}.bak)?",
            [("merge", "Merge"), ("replace", "Replace"), ("cancel", "Cancel")]), answer)

    def _typed_path(self, typed: str) -> Path | None:
        """A path as typed in a prompt, ``~`` expanded; None (and the reader told) when it cannot be."""
        try:
            return Path(typed).expanduser()
        except RuntimeError:  # ~name of a user this system does not know
            self.notify(f"{typed}: there is no such home folder; nothing was written.", severity="error")
            return None

    # -- the recovery file --------------------------------------------------------------------

    def _start_recovery(self) -> None:
        """This reader's recovery file for the story shown, and an offer of what earlier ones left."""
        from sahel_reader.story.recovery import Recovery

        recovery = Recovery([d.path for d in self.story.documents])
        if self.recovery is not None and self.recovery.key == recovery.key:
            return
        if self.recovery is not None:
            self.recovery.close()
        self.recovery = recovery
        self._find_recovered()

    def _write_recovery(self) -> None:
        if self.dirty and self.story is not None and self.recovery is not None:
            self._capture_view()
            self._recovery_in_background(self.session.copy(), self.revision)

    @work(thread=True, group="recovery", exit_on_error=False)
    def _recovery_in_background(self, snapshot: Session, revision: int) -> None:
        from ..messages import RecoveryKept

        self.post_message(RecoveryKept(revision, self._keep_recovery(snapshot, revision)))

    def _keep_recovery(self, snapshot: Session, revision: int) -> str | None:
        """In a worker: write the recovery file; why not, or None when it is written."""
        try:
            self.recovery.write(snapshot, self.story.documents, revision)
        except OSError as error:
            return f"The recovery file could not be written: {error.strerror or error}."
        return None

    def on_recovery_kept(self, message: RecoveryKept) -> None:
        if message.problem is not None:
            self.notify(message.problem, severity="warning")
        elif self._adopted:
            self.recovery.discard(list(self._adopted))  # their work is in this reader's file now
            self._adopted = ()

    @work(thread=True, group="recovery-offer", exit_on_error=False)
    def _find_recovered(self) -> None:
        from sahel_reader.story.recovery import read_recovered
        from sahel_reader.story.session import SessionError

        from ..messages import RecoveryFound

        paths, sessions, problems = [], [], []
        for path in self.recovery.left_behind():
            try:
                sessions.append(read_recovered(path))
                paths.append(path)
            except SessionError as error:
                problems.append(f"A recovery file could not be read: {error}")
        self.post_message(RecoveryFound(paths, sessions, problems))

    def on_recovery_found(self, message: RecoveryFound) -> None:
        """After a crash, offer the unsaved work the recovery files kept."""
        for problem in message.problems:
            self.notify(problem, severity="warning")
        count = sum(session.work_count() for session in message.sessions)
        if not message.paths:
            return

        def answer(choice: str | None) -> None:
            if choice == "restore":
                from sahel_reader.story.recovery import restore

                self.session, report = restore(self.session, message.sessions, self._texts())
                self._adopted += tuple(message.paths)
                self._changed()
                both = f"; {report.kept_both} in two versions" if report.kept_both else ""
                self.notify(f"Restored {report.added} notes, marks and verdicts{both}.", timeout=5)
            elif choice == "discard":
                self.recovery.discard(message.paths)

        self.app.push_screen(ChoiceScreen(
            f"Unsaved work from an earlier run was kept ({count} notes, marks and verdicts). Restore it?",
            [("restore", "Restore"), ("discard", "Discard it"), ("later", "Not now")]), answer)

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
                                         lambda path: self._save_to(path, then_exit=True))
                else:
                    self._save_to(str(self.session_path), then_exit=True)
            elif choice == "discard":
                if self.recovery is not None:
                    self.recovery.forget()  # this reader's only: another's unsaved work stays
                self.app.exit()

        self.app.push_screen(ChoiceScreen("You have unsaved notes, marks or verdicts.",
                                          [("save", "Save and quit"), ("discard", "Quit without saving"),
                                           ("cancel", "Cancel")]), answer)

    def on_unmount(self) -> None:
        if self.recovery is not None:
            self.recovery.close()
