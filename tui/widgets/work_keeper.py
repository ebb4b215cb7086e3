"""Keeping the reader's work: the session saved (merged with what others wrote to it), the recovery
file, exports, and quitting without losing anything.

A widget that shows nothing: it owns the ``Session`` and everything about its file, so the screen
only says what changed (``changed``) and asks for a save, an export or a quit. It tells the screen
with ``WorkKeeper.Changed`` when the work changed under it (a merge, a restore). Files are written
by thread workers that post their outcome back, so a big session never stalls a key press; each
change raises ``revision``: a save reports the revision it wrote, and a change made while it ran is
never taken for saved. Questions are asked in ``dialog`` workers that read top to bottom.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from ...story.wording import work_counted

from ..messages import RecoveryFound, RecoveryKept, SaveWouldReplace, SessionChangedElsewhere, SessionNotSaved, \
    SessionSaved

if TYPE_CHECKING:
    from ...story.analysis import Story
    from ...story.annotations import Session, ViewState
    from ...story.recovery import Recovery
    from ...story.session import DiskState

_RECOVERY_DELAY = 1.0
"""Seconds after a change before the recovery file is written (changes in a burst write once)."""
_NOT_SAVED = "Your work could not be written ({error}); it is kept in memory, and the title still shows it unsaved."
_FAILED = {
    "save": _NOT_SAVED, "recovery": _NOT_SAVED,
    "recovery-offer": "Unsaved work of earlier runs could not be looked for ({error}); its files are left as they are.",
    "watch": "The session file could not be looked at ({error}); the next save still merges what others wrote.",
}
"""What the reader is told when one of these workers fails in a way nobody foresaw, by group."""
WATCH_EVERY = 2.0
"""Seconds between two looks at the open session file's size and time, to tell the reader when
another reader or an editor wrote to it."""


class WorkKeeper(Widget):
    """The reader's work on the story shown, and its files (the inspector's verdicts on it: ``SessionVerdicts``)."""

    DEFAULT_CSS = "WorkKeeper { display: none; }"

    class Changed(Message):
        """The work changed: the title (unsaved?) and the gutters' notes and marks are redrawn."""

    def __init__(self, session_path: Path | None, view: Callable[[], ViewState]) -> None:
        super().__init__()
        self._session: Session | None = None
        self.embed = False
        """A new session saves the reports' texts inside its file (the command line's ``--embed``)."""
        self.session_path = session_path
        self._view = view
        """Where the reader is now, asked for when the work is written."""
        self.story: Story | None = None
        self.disk: DiskState | None = None
        """The session file as last read or written here; None before the first save."""
        self.dirty = False
        self.revision = 0
        self.recovery: Recovery | None = None
        self._adopted: tuple[Path, ...] = ()
        """Recovery files of readers gone, whose work was restored here: removed once it is kept here."""
        self._seen_stamp: tuple[int, int] | None = None
        """The session file's size and time when last looked at; the watch hashes it when they change."""
        self._recovery_timer = None

    @property
    def session(self) -> Session:
        """The reader's work: a new session is made when first asked for, after the first frame (the
        annotations' seven dataclasses are not needed to show the texts)."""
        if self._session is None:
            from ...story.annotations import Session

            self._session = Session(embed=self.embed)
        return self._session

    @session.setter
    def session(self, session: Session) -> None:
        self._session = session

    def on_mount(self) -> None:
        self.set_interval(WATCH_EVERY, self._watch_session_file)

    def changed(self) -> None:
        """After any change to the reader's work: mark unsaved, tell the screen, schedule recovery."""
        self.dirty = True
        self.revision += 1
        self.post_message(self.Changed())
        if self._recovery_timer is not None:
            self._recovery_timer.stop()
        self._recovery_timer = self.set_timer(_RECOVERY_DELAY, self._write_recovery)

    def _snapshot(self) -> Session:
        self.session.view = self._view()
        return self.session.copy()

    def _texts(self) -> dict[str, str]:
        return {d.id: d.text for d in self.story.documents}

    @on(Worker.StateChanged)
    def _failed(self, event: Worker.StateChanged) -> None:
        """A worker that failed in a way nobody foresaw: one sentence, and the reader goes on."""
        if event.state is WorkerState.ERROR and event.worker.group in _FAILED:
            event.stop()
            error = event.worker.error
            self.notify(_FAILED[event.worker.group].format(error=f"{type(error).__name__}: {error}"),
                        title="Not saved" if event.worker.group in ("save", "recovery") else "",
                        severity="error", timeout=12)

    # -- the session file, written by others ---------------------------------------------------

    def _watch_session_file(self) -> None:
        """Every few seconds: has the open session's file changed size or time since it was read?"""
        from ...story.session import file_stamp

        if self.session_path is None or self.disk is None:
            return
        stamp = file_stamp(self.session_path)
        if stamp is not None and stamp != (self._seen_stamp or self.disk.stamp):
            self._seen_stamp = stamp
            self._hash_session_file(self.session_path, self.disk)

    @work(thread=True, group="watch", exit_on_error=False)
    def _hash_session_file(self, path: Path, disk: DiskState) -> None:
        from ...story.session import content_hash

        found = content_hash(path)
        if found is not None and found != disk.sha256:
            self.post_message(SessionChangedElsewhere(path, found))

    def on_session_changed_elsewhere(self, message: SessionChangedElsewhere) -> None:
        """Told once per change; not when the bytes are what this reader's own save just wrote."""
        if message.path == self.session_path and self.disk is not None and message.sha256 != self.disk.sha256:
            self.notify(f"{message.path} was changed by another reader or an edit since you opened it; your next"
                        " save merges both.", title="Changed elsewhere", timeout=10)

    # -- saving -------------------------------------------------------------------------------

    def _default_path(self) -> Path:
        from ...story.session_paths import default_session_path

        return default_session_path(self.story.documents, self.story.title, Path.cwd())

    async def _ask_path(self, default: Path, title: str = "Save the session as") -> Path | None:
        """A path typed in a prompt, ``~`` expanded; None when cancelled or when it cannot be (the reader is told)."""
        from ..screens.dialogs import SavePathScreen  # imported with the question: the first frame needs no dialog

        typed = await self.app.push_screen_wait(SavePathScreen(str(default), title=title))
        if not typed:
            return None
        try:
            return Path(typed).expanduser()
        except RuntimeError:  # ~name of a user this system does not know
            self.notify(f"{typed}: there is no such home folder; nothing was written.", severity="error")
            return None

    @work(group="dialog")
    async def save(self, *, then_exit: bool = False) -> None:
        """Save to the open session's file, or to one the reader names (the first time)."""
        target = self.session_path or await self._ask_path(self._default_path())
        if target is not None:
            self.save_to(target, then_exit=then_exit)

    def save_to(self, target: Path, *, then_exit: bool = False, merge: bool | None = None) -> None:
        """Save to ``target``. A session there that this reader never read is merged into (``merge``),
        or replaced, as the reader answers when asked."""
        from ...story.session import DiskState

        snapshot = self._snapshot()
        snapshot.title = self.story.title
        known = self.disk if self._is_open_session(target) else DiskState.unknown() if merge else None
        self._save_in_background(snapshot, target, known, self.revision, then_exit, ask=merge is None)

    def _is_open_session(self, target: Path) -> bool:
        return self.session_path is not None and os.path.realpath(target) == os.path.realpath(self.session_path)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def _save_in_background(self, snapshot: Session, target: Path, known: DiskState | None, revision: int,
                            then_exit: bool, ask: bool) -> None:
        from ...story.session import SessionSaveError, new_session_documents, save_session, work_in

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
        from ...highlighters.safety import one_line
        from ...story.merging import merge_sessions

        result = message.result
        self.session_path, self.disk, self._seen_stamp = message.target, result.disk, result.disk.stamp
        if result.merge is None:
            self.notify(f"Saved {message.target}", timeout=3)
        else:
            changed_since = self.revision != message.revision
            self.session = merge_sessions(message.snapshot, result.session, self.session)[0] if changed_since \
                else result.session
            self.notify(f"{one_line(str(message.target))} had changed since it was read (another reader, or an"
                        f" edit): merged, {result.merge}; what it held is in {one_line(str(result.backup))}.",
                        title="Saved, merged", timeout=12)
        self.dirty = self.revision != message.revision
        self.post_message(self.Changed())
        if self.recovery is not None:
            self.recovery.saved(message.revision, list(self._adopted))
            self._adopted = ()
        if message.then_exit:
            self.app.exit() if not self.dirty else self.quit()

    def on_session_not_saved(self, message: SessionNotSaved) -> None:
        self.notify(message.text, title="Not saved", severity="error", timeout=12)

    @work(group="dialog")
    async def on_save_would_replace(self, message: SaveWouldReplace) -> None:
        from ..screens.dialogs import ChoiceScreen

        choice = await self.app.push_screen_wait(ChoiceScreen(
            f"{message.target} already holds a session ({work_counted(message.work)}). Merge your"
            f" work into it, or replace it (what it holds is kept in {message.target.name}.bak)?",
            [("merge", "Merge"), ("replace", "Replace"), ("cancel", "Cancel")]))
        if choice in ("merge", "replace"):
            self.save_to(message.target, then_exit=message.then_exit, merge=choice == "merge")

    # -- the recovery file --------------------------------------------------------------------

    def start_recovery(self) -> None:
        """This reader's recovery file for the story shown, and an offer of what earlier ones left."""
        from ...story.recovery import Recovery

        recovery = Recovery([d.path for d in self.story.documents])
        if self.recovery is not None and self.recovery.key == recovery.key:
            return
        if self.recovery is not None:
            self.recovery.close()
        self.recovery = recovery
        self._find_recovered()

    def _write_recovery(self) -> None:
        if self.dirty and self.story is not None and self.recovery is not None:
            self._recovery_in_background(self._snapshot(), self.revision)

    @work(thread=True, group="recovery", exit_on_error=False)
    def _recovery_in_background(self, snapshot: Session, revision: int) -> None:
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
        from ...story.recovery import read_recovered
        from ...story.session import SessionError

        paths, sessions, problems = [], [], []
        for path in self.recovery.left_behind():
            try:
                sessions.append(read_recovered(path))
                paths.append(path)
            except SessionError as error:
                problems.append(f"A recovery file could not be read: {error}")
        self.post_message(RecoveryFound(paths, sessions, problems))

    @work(group="dialog")
    async def on_recovery_found(self, message: RecoveryFound) -> None:
        """After a crash, offer the unsaved work the recovery files kept."""
        from ..screens.dialogs import ChoiceScreen

        for problem in message.problems:
            self.notify(problem, severity="warning")
        if not message.paths:
            return
        count = sum(session.work_count() for session in message.sessions)
        choice = await self.app.push_screen_wait(ChoiceScreen(
            f"Unsaved work from an earlier run was kept ({work_counted(count)}). Restore it?",
            [("restore", "Restore"), ("discard", "Discard it"), ("not-now", "Not now")]))
        if choice == "restore":
            from ...story.recovery import restore

            self.session, report = restore(self.session, message.sessions, self._texts())
            self._adopted += tuple(message.paths)
            self.changed()
            both = f"; {report.kept_both} in two versions" if report.kept_both else ""
            self.notify(f"Restored {work_counted(report.added)}{both}.", timeout=5)
        elif choice == "discard":
            self.recovery.discard(message.paths)

    # -- exporting and quitting ---------------------------------------------------------------

    @work(group="dialog")
    async def export(self) -> None:
        """Write a report of the session for a colleague: asks the format, then where."""
        from ...story.export import EXPORT_FORMATS, export
        from ...story.session_paths import export_path

        from ..screens.dialogs import ChoiceScreen

        name = await self.app.push_screen_wait(ChoiceScreen("Export the session as a report a colleague can read:",
                                                            [(f, f) for f in EXPORT_FORMATS]))
        if name not in EXPORT_FORMATS:
            return
        default = export_path(self.session_path or self._default_path(), EXPORT_FORMATS[name].suffix)
        if (target := await self._ask_path(default, "Export the session as")) is None:
            return
        try:
            target.write_text(export(self._snapshot(), self.story, name), encoding="utf-8")
        except OSError as error:
            self.notify(f"{target}: not written ({error.strerror or error}).", severity="error")
            return
        self.notify(f"Exported {target}", timeout=3)

    @work(group="dialog")
    async def quit(self) -> None:
        """Quit, asking first when there is unsaved work."""
        from ..screens.dialogs import ChoiceScreen

        if not self.dirty:
            self.app.exit()
            return
        choice = await self.app.push_screen_wait(ChoiceScreen(
            "You have unsaved notes, marks or verdicts.",
            [("save", "Save and quit"), ("discard", "Quit without saving"), ("cancel", "Cancel")]))
        if choice == "save":
            if (target := self.session_path or await self._ask_path(self._default_path())) is not None:
                self.save_to(target, then_exit=True)
        elif choice == "discard":
            if self.recovery is not None:
                self.recovery.forget()  # this reader's only: another's unsaved work stays
            self.app.exit()

    def on_unmount(self) -> None:
        if self.recovery is not None:
            self.recovery.close()
