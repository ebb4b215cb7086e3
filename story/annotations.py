"""The reader's own work on a story: notes, marks, link verdicts and where they were reading.

Everything is anchored the way the W3C Web Annotation model anchors text (exact quote, prefix,
suffix and offsets), so that it can find its place again when a report's text has changed.
No UI and no I/O here: ``session.py`` reads and writes these, the reader edits them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Literal, Protocol

Verdict = Literal["confirmed", "rejected", "other-event", "manual"]
"""The reader's word on a link: a suggested one confirmed or rejected, a version of a fact that tells
of another event, or a link drawn by hand."""

CONTEXT_CHARS = 32
"""How much text before and after an anchor is kept to find it again."""

TAGS = ("verified", "disputed", "important", "follow-up")
"""Tags offered in the note editor; any other word is a tag too."""


@dataclass(slots=True)
class Anchor:
    """A span of one document's text, with enough context to find it again after edits."""

    doc: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    @classmethod
    def of(cls, doc: str, text: str, start: int, end: int) -> Anchor:
        return cls(doc, start, end, text[start:end], text[max(0, start - CONTEXT_CHARS):start],
                   text[end:end + CONTEXT_CHARS])

    def key(self) -> tuple[str, int, int]:
        return self.doc, self.start, self.end


@dataclass(slots=True)
class Annotation:
    """A note on a sentence: free text (several lines allowed) and tags."""

    id: str
    anchor: Anchor
    note: str = ""
    tags: list[str] = field(default_factory=list)
    created: str = ""
    modified: str = ""
    orphan: bool = False
    """True when the anchor could not be found again in its document; kept, never dropped."""


@dataclass(slots=True)
class Mark:
    """A sentence the reader marked, to come back to or to link from."""

    anchor: Anchor
    created: str = ""
    orphan: bool = False


@dataclass(slots=True)
class LinkVerdict:
    """The reader's word on a link between two places of two reports.

    ``confirmed`` and ``rejected`` judge a link the engine suggested (two claims of a cluster, or
    two linked sentences); ``other-event`` says the target, a version of the source's fact, tells of
    another event; ``manual`` is a link the reader drew by hand between two sentences. A rejected or
    other-event version leaves its fact (``fact_verdicts``).
    """

    verdict: Verdict
    source: Anchor
    target: Anchor
    created: str = ""
    orphan: bool = False


@dataclass(slots=True)
class ViewState:
    """Where the reader was: the focused report, each report's cursor sentence, the theme."""

    focused: str | None = None
    cursors: dict[str, int] = field(default_factory=dict)
    theme: str | None = None


@dataclass(slots=True)
class SessionDocument:
    """A report of the session: where it was read from and the hash of its text as read then."""

    id: str
    path: str
    sha256: str
    text: str | None = None
    """The text itself when the session is saved with ``--embed``, so it travels as one file."""


@dataclass(slots=True)
class Session:
    """All of the reader's work on one story, as saved in a session file."""

    documents: list[SessionDocument] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    link_verdicts: list[LinkVerdict] = field(default_factory=list)
    view: ViewState = field(default_factory=ViewState)
    title: str | None = None
    embed: bool = False

    def copy(self) -> Session:
        """A copy to save or compare while the reader goes on changing this one.

        Notes, marks and verdicts are copied, since they are edited in place; anchors are shared,
        since they are only ever replaced.
        """
        return Session([replace(d) for d in self.documents],
                       [replace(a, tags=list(a.tags)) for a in self.annotations],
                       [replace(m) for m in self.marks], [replace(v) for v in self.link_verdicts],
                       replace(self.view, cursors=dict(self.view.cursors)), self.title, self.embed)

    def work_count(self) -> int:
        """How many notes, marks and verdicts: the reader's work, as messages count it."""
        return len(self.annotations) + len(self.marks) + len(self.link_verdicts)

    def annotation_at(self, doc: str, start: int, end: int) -> Annotation | None:
        return next((a for a in self.annotations if not a.orphan and a.anchor.key() == (doc, start, end)), None)

    def mark_at(self, doc: str, start: int, end: int) -> Mark | None:
        return next((m for m in self.marks if not m.orphan and m.anchor.key() == (doc, start, end)), None)

    def verdict_between(self, a: Anchor, b: Anchor) -> LinkVerdict | None:
        pair = {a.key(), b.key()}
        return next((v for v in self.link_verdicts
                     if not v.orphan and {v.source.key(), v.target.key()} == pair), None)

    def verdict_on(self, a: Anchor, b: Anchor) -> Verdict | None:
        found = self.verdict_between(a, b)
        return found.verdict if found else None

    # -- the reader's edits: each says what it did, so the reader can tell -------------------------

    def set_note(self, anchor: Anchor, note: str, tags: list[str], stamp: str) -> bool:
        """The note and tags on ``anchor``'s sentence: added, changed, or removed when both are empty.

        False when nothing changed (the same note kept, or an empty one never written).
        """
        existing = self.annotation_at(*anchor.key())
        if existing and (note, tags) == (existing.note, existing.tags):
            return False
        if not note.strip() and not tags:
            if existing:
                self.annotations.remove(existing)
            return existing is not None
        if existing:
            existing.note, existing.tags, existing.modified = note, tags, stamp
        else:
            self.annotations.append(Annotation(self.next_annotation_id(), anchor, note, tags, stamp, stamp))
        return True

    def toggle_mark(self, anchor: Anchor, stamp: str) -> bool:
        """Mark ``anchor``'s sentence, or unmark it when it is marked; True when it is marked now."""
        existing = self.mark_at(*anchor.key())
        if existing:
            self.marks.remove(existing)
            return False
        self.marks.append(Mark(anchor, stamp))
        return True

    def judge(self, a: Anchor, b: Anchor, verdict: Verdict, stamp: str) -> Verdict | None:
        """The reader's verdict on the link between ``a`` and ``b``, replacing any other; the same
        verdict again takes it back. The verdict now in force (None when taken back)."""
        existing = self.verdict_between(a, b)
        if existing:
            self.link_verdicts.remove(existing)
            if existing.verdict == verdict:
                return None
        self.link_verdicts.append(LinkVerdict(verdict, a, b, stamp))
        return verdict

    def version_verdict(self, fact: list[Anchor], judged: Anchor) -> LinkVerdict | None:
        """The reader's verdict on ``judged`` as a version of the fact whose versions are ``fact``."""
        keys = {a.key() for a in fact} - {judged.key()}
        return next((v for v in self.link_verdicts if not v.orphan and v.target.key() == judged.key()
                     and v.source.key() in keys), None)

    def judge_version(self, fact: list[Anchor], judged: Anchor, verdict: Verdict, stamp: str) -> Verdict | None:
        """The reader's verdict on one version of a fact (``fact``: its versions, the one to judge it
        against first), replacing any other; the same verdict again takes it back. The verdict now in
        force (None when taken back)."""
        existing = self.version_verdict(fact, judged)
        source = existing.source if existing else next((a for a in fact if a.key() != judged.key()), None)
        if source is None:
            return None  # a fact of one version: nothing to judge it against
        if existing:
            self.link_verdicts.remove(existing)
            if existing.verdict == verdict:
                return None
        self.link_verdicts.append(LinkVerdict(verdict, source, judged, stamp))
        return verdict

    def last_mark_outside(self, doc: str) -> Anchor | None:
        """The sentence marked last in a report other than ``doc``: what ``L`` links to."""
        return next((m.anchor for m in reversed(self.marks) if not m.orphan and m.anchor.doc != doc), None)

    def link_by_hand(self, here: Anchor, there: Anchor, stamp: str) -> bool:
        """Link two sentences by hand, or take back the hand-made link; True when linked now."""
        return self.judge(there, here, "manual", stamp) == "manual"

    def placed_starts(self, doc: str) -> tuple[set[int], set[int]]:
        """Where ``doc``'s notes and marks start, those found again in its text: for the gutter."""
        return ({a.anchor.start for a in self.annotations if a.anchor.doc == doc and not a.orphan},
                {m.anchor.start for m in self.marks if m.anchor.doc == doc and not m.orphan})

    def next_annotation_id(self) -> str:
        taken = {a.id for a in self.annotations}
        number = len(self.annotations) + 1
        while f"n{number}" in taken:
            number += 1
        return f"n{number}"


class _Texts(Protocol):
    """What ``anchor_in`` needs of a story: its documents' texts and sentences, its claims' spans."""

    def document(self, doc: str): ...

    def claim(self, claim_id: str): ...


def anchor_in(story: _Texts, doc: str, sentence: int, claim: str | None = None) -> Anchor:
    """The anchor of a sentence of a report, or of the claim in it when one is named."""
    document = story.document(doc)
    found = story.claim(claim) if claim else None
    start, end = (found.start, found.end) if found else document.sentences[sentence]
    return Anchor.of(doc, document.text, start, end)


def now() -> str:
    """A timestamp as saved: UTC, to the second, ISO 8601."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
