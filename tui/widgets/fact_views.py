"""The screens that look at the facts across the reports: the inspector (``i``), the matrix
(``M``), the timeline (``t``) and the list of the reader's notes (``N``). Each closes with where to
jump, or nowhere; the screen that composes this widget says what a jump does."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widget import Widget

if TYPE_CHECKING:
    from ...story.analysis import Story
    from ...story.annotations import Session
    from ..jump import JumpTarget
    from ..navigation import Navigator
    from ..report_place import ReportPlace
    from ..screens.inspector import VerdictBook
    from .report_pane import ReportPane

Jump = Callable[["JumpTarget | None"], None]


class FactViews(Widget):
    """Opens the fact screens for the focused report; shows nothing itself."""

    DEFAULT_CSS = "FactViews { display: none; }"

    def inspect(self, pane: ReportPane | ReportPlace, story: Story, navigator: Navigator, verdicts: VerdictBook,
                jump: Jump) -> None:
        """The selected claim (or the sentence's first) across the reports, with the reader's verdicts."""
        from ..screens.inspector import ClaimInspector

        claim_id = pane.selected_claim or navigator.claim_in(pane.document.id, pane.cursor)
        if claim_id is None:
            self.notify("No figure or quotation in this sentence; J moves to the next one.", timeout=3)
            return
        self.app.push_screen(ClaimInspector(story, claim_id, verdicts=verdicts, linked=navigator.linked), jump)

    def matrix(self, story: Story, pane: ReportPane | ReportPlace | None, jump: Jump) -> None:
        from ..screens.matrix import ClaimsMatrix

        self.app.push_screen(ClaimsMatrix(story, pane.document.id if pane else None), jump)

    def timeline(self, story: Story, navigator: Navigator, pane: ReportPane | ReportPlace | None, jump: Jump) -> None:
        """The story's moments, the fact at the cursor picked out when there is one."""
        from ..screens.timeline import TimelineScreen

        claim_id = (pane.selected_claim or navigator.claim_in(pane.document.id, pane.cursor)) if pane else None
        fact = story.claim(claim_id).cluster if claim_id else None
        self.app.push_screen(TimelineScreen(story, fact), jump)

    def annotations(self, session: Session, story: Story, jump: Jump) -> None:
        from ..screens.notes import AnnotationList

        self.app.push_screen(AnnotationList(session, story), jump)
