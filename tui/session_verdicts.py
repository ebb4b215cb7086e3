"""The inspector's ``VerdictBook`` over the reader's session: verdicts on links and on the versions
of a fact, read and given by ``JumpTarget``. The rules are the session's (``Session.judge``,
``judge_version``); each verdict given is a change of the reader's work (``WorkKeeper.changed``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..story.annotations import Anchor, Verdict, anchor_in, now

if TYPE_CHECKING:
    from .jump import JumpTarget
    from .widgets.work_keeper import WorkKeeper


class SessionVerdicts:
    """The verdicts in the keeper's session (the session and the story as they are when asked)."""

    def __init__(self, keeper: WorkKeeper) -> None:
        self.keeper = keeper

    def _anchor(self, target: JumpTarget) -> Anchor:
        return anchor_in(self.keeper.story, *target.at())

    def verdict(self, source: JumpTarget, target: JumpTarget) -> Verdict | None:
        return self.keeper.session.verdict_on(self._anchor(source), self._anchor(target))

    def judge(self, source: JumpTarget, target: JumpTarget, verdict: Verdict) -> None:
        """Confirm or reject a suggested link; the same verdict again takes it back."""
        self.keeper.session.judge(self._anchor(source), self._anchor(target), verdict, now())
        self.keeper.changed()

    def version_verdicts(self, fact: list[JumpTarget]) -> dict[str, Verdict]:
        """The reader's verdicts on the versions of a fact, by claim id: one pass over the verdicts."""
        session = self.keeper.session
        if not session.link_verdicts:
            return {}
        claims = {self._anchor(t).key(): t.claim for t in fact}
        return {claims[v.target.key()]: v.verdict for v in session.link_verdicts
                if not v.orphan and v.target.key() in claims and v.source.key() in claims
                and v.source.key() != v.target.key()}

    def judge_version(self, fact: list[JumpTarget], version: JumpTarget, verdict: Verdict) -> None:
        """Confirm a version of a fact, take it out, or call it another event; the same verdict again
        takes it back. The facts change at once, so the inspector shows them as they are now."""
        from ..story.fact_verdicts import apply_version_verdicts

        session = self.keeper.session
        session.judge_version([self._anchor(t) for t in fact], self._anchor(version), verdict, now())
        apply_version_verdicts(self.keeper.story, session.link_verdicts)
        self.keeper.changed()
