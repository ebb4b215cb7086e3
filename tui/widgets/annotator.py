"""The reader's notes, marks and hand-made links at the cursor (``a``, ``m``, ``L``).

The rules are the session's (``Session.set_note``, ``toggle_mark``, ``link_by_hand``); this widget
asks for the note, says what was done, and hands the change to the ``WorkKeeper`` the screen gave it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.widget import Widget
from textual.worker import Worker

if TYPE_CHECKING:
    from ...story.annotations import Anchor

    from .work_keeper import WorkKeeper


def _now() -> str:
    from ...story.annotations import now  # loaded with the session, after the first frame

    return now()


class Annotator(Widget):
    """Edits the keeper's session at an anchor; shows nothing but the note editor and notices."""

    DEFAULT_CSS = "Annotator { display: none; }"

    def __init__(self, keeper: WorkKeeper) -> None:
        super().__init__()
        self.keeper = keeper

    @work(group="dialog")
    async def annotate(self, anchor: Anchor) -> None:
        """The note and tags of the sentence at ``anchor``, written in the note editor."""
        from ..screens.notes import NoteEditor  # the editor (and Textual's TextArea) loads when first used

        session = self.keeper.session
        existing = session.annotation_at(*anchor.key())
        edit = await self.app.push_screen_wait(NoteEditor(anchor.exact, existing.note if existing else "",
                                                          list(existing.tags) if existing else []))
        if edit is not None and session.set_note(anchor, edit.note, edit.tags, _now()):
            self.keeper.changed()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The note editor shown: the keys that ask are enabled again."""
        self.refresh_bindings()

    def mark(self, anchor: Anchor) -> None:
        if self.keeper.session.toggle_mark(anchor, _now()):
            self.notify("Marked. From a sentence of another report, L links the two.", timeout=3)
        else:
            self.notify("Mark removed.", timeout=2)
        self.keeper.changed()

    def link_marked(self, here: Anchor) -> None:
        """Link the sentence at ``here`` by hand to the last marked sentence of another report."""
        session = self.keeper.session
        there = session.last_mark_outside(here.doc)
        if there is None:
            self.notify("Mark a sentence of another report first (m), then press L here.", timeout=4)
            return
        if session.link_by_hand(here, there, _now()):
            self.notify(f"Linked to {there.doc}.", timeout=2)
        else:
            self.notify("Hand-made link removed.", timeout=2)
        self.keeper.changed()
