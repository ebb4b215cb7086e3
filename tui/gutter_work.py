"""The reader's work in the panes' gutters: notes, marks and hand-made links by sentence, and the
colours of the facts whose versions the reader's verdicts changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..story.annotations import Session
    from .navigation import Navigator
    from .report_place import ReportPlace
    from .widgets.report_pane import ReportPane


def show_work(panes: Sequence[ReportPane | ReportPlace], navigator: Navigator | None,
              session: Session) -> list[ReportPane | ReportPlace]:
    """Each report's notes, marks and hand-made links in its gutter, the verdicts applied to the
    story's facts; returns the panes whose facts were restyled (their titles count conflicts)."""
    from .layout import restyle

    touched = navigator.set_verdicts(session.link_verdicts) if navigator is not None else set()
    conflicting = {k.id for k in navigator.story.clusters if k.status == "conflict"} if touched else set()
    restyled = []
    for pane in panes:
        doc = pane.document.id
        if doc in touched:
            restyle(pane.view, pane.document, navigator.claims(doc), conflicting)
            restyled.append(pane)
        noted, marked = session.placed_starts(doc)
        pane.view.noted = {pane.sentence_at(start) for start in noted}
        pane.view.marked = {pane.sentence_at(start) for start in marked}
        pane.view.by_hand = navigator.by_hand(doc) if navigator is not None else {}
        pane.refresh_gutter()
    return restyled
