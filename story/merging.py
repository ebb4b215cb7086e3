"""Two versions of one session made one, so that two readers, or a reader and an editor, lose nothing.

A three-way merge: ``base`` is the session as this reader last read or wrote it, ``theirs`` what the
file holds now, ``ours`` what this reader has. Notes are told apart by their id, marks by the place
they mark, link verdicts by the two places they join and the word on them. What only one side
changed since ``base`` is taken from that side (a removal too); what both changed alike is taken
once; what both changed differently is kept twice, and an edit always wins over a removal.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from typing import TypeVar

from .annotations import Annotation, LinkVerdict, Mark, Session

Item = TypeVar("Item", Annotation, Mark, LinkVerdict)


@dataclass(slots=True)
class MergeReport:
    """What the merge took from the other version, for one line to the reader."""

    added: int = 0
    """Their notes, marks and verdicts that ours did not have (new, or edited by them)."""
    removed: int = 0
    """Ours that they had removed, and that we had not changed."""
    kept_both: int = 0
    """Changed on both sides, each its own way: both versions are kept."""

    def __str__(self) -> str:
        parts = [f"{self.added} of its notes, marks and verdicts added or updated"]
        if self.removed:
            parts.append(f"{self.removed} removed there also removed here")
        if self.kept_both:
            parts.append(f"{self.kept_both} changed on both sides kept in both versions")
        return ", ".join(parts)


def merge_sessions(base: Session, theirs: Session, ours: Session) -> tuple[Session, MergeReport]:
    """``ours`` with what changed in ``theirs`` since ``base``; the view and title stay ours.

    The reports are ours, and theirs that ours lacks, so that their notes keep their report.
    """
    report = MergeReport()
    notes = _merge(base.annotations, theirs.annotations, ours.annotations, lambda a: a.id, report)
    _give_distinct_ids(notes)
    merged = replace(
        ours.copy(),
        annotations=notes,
        marks=_merge(base.marks, theirs.marks, ours.marks, _mark_key, report, alike=_one_and_the_same),
        link_verdicts=_merge(base.link_verdicts, theirs.link_verdicts, ours.link_verdicts, _verdict_key,
                             report, alike=_one_and_the_same),
    )
    known = {d.id for d in ours.documents}
    merged.documents += [replace(d) for d in theirs.documents if d.id not in known]
    merged.title = ours.title if ours.title is not None else theirs.title
    return merged, report


def _mark_key(mark: Mark) -> Hashable:
    return mark.anchor.key() + (mark.anchor.exact,)


def _verdict_key(verdict: LinkVerdict) -> Hashable:
    """The two places and the word on them: two readers who judge one link differently keep both."""
    return frozenset((verdict.source.key(), verdict.target.key())), verdict.verdict


def _one_and_the_same(a: Mark | LinkVerdict, b: Mark | LinkVerdict) -> bool:
    """Two marks of one sentence are one mark, two equal verdicts one verdict, whenever each was made."""
    return True


def _merge(base: list[Item], theirs: list[Item], ours: list[Item], key: Callable[[Item], Hashable],
           report: MergeReport, alike: Callable[[Item, Item], bool] = lambda a, b: a == b) -> list[Item]:
    """Ours in their order, each replaced or removed as they changed it, then their new ones."""
    base_by, theirs_by = _by_key(base, key), _by_key(theirs, key)
    merged: list[Item] = []
    ours_keys = set()
    for item in ours:
        ours_keys.add(key(item))
        was, now = base_by.get(key(item)), theirs_by.get(key(item))
        if now is not None and alike(item, now):
            merged.append(item)  # the same on both sides
        elif now is None:
            if was is not None and alike(item, was):
                report.removed += 1  # they removed it, and we had not touched it
            else:
                merged.append(item)  # new here, or edited here and removed there: the edit stays
        elif was is None:
            merged += [now, item]  # both added one under this id
            report.added += 1
        elif alike(now, was):
            merged.append(item)  # only ours changed
        elif alike(item, was):
            merged.append(now)  # only theirs changed
            report.added += 1
        else:
            merged += [now, item]  # both changed it, each differently
            report.kept_both += 1
    for item in theirs:
        if key(item) in ours_keys:
            continue
        was = base_by.get(key(item))
        if was is None or not alike(item, was):  # new there, or edited there and removed here
            merged.append(item)
            report.added += 1
    return merged


def _by_key(items: list[Item], key: Callable[[Item], Hashable]) -> dict[Hashable, Item]:
    found: dict[Hashable, Item] = {}
    for item in items:
        found.setdefault(key(item), item)
    return found


def _give_distinct_ids(notes: list[Annotation]) -> None:
    """Where both sides wrote a note under one id (both added a note 'n3'), the later one gets a new id."""
    taken = {note.id for note in notes}
    seen: set[str] = set()
    number = len(notes)
    for position, note in enumerate(notes):
        if note.id in seen:
            while f"n{number}" in taken:
                number += 1
            notes[position] = replace(note, id=f"n{number}")
            taken.add(f"n{number}")
        seen.add(notes[position].id)
