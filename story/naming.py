"""What a report is called where the reader shows it: by its outlet, time and headline, not its hash.

A report's id is often a hash of its file ("001_fc57addf554b25cf"); a reader knows reports by who
published them and when. The id is shown only where nothing else is known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .model import Document, shown_time
from ..highlighters.kept_patterns import compile_kept

_WORD_BREAK = compile_kept(r"[_\-. ]")


def pane_title(document: Document) -> str:
    """"arabnews.com · 11 Nov 2011 20:09 +05:30 · Quake kills ten": outlet, time and headline, those known."""
    known = [part for part in (document.outlet, shown_time(document.published), document.title) if part]
    return " · ".join(known) if known else document.id


def report_names(documents: Sequence[Document]) -> dict[str, str]:
    """A short name per report for narrow columns: its outlet, with a short id where two share one; a
    short id where the outlet is not known."""
    return dict(_report_names(tuple((d.id, d.outlet) for d in documents)))


@lru_cache(maxsize=4)
def _report_names(reports: tuple[tuple[str, str | None], ...]) -> dict[str, str]:
    """Kept for the story's reports: the matrix names a thousand of them at every opening (issue 18.3)."""
    short = short_ids(tuple(doc_id for doc_id, _ in reports))
    outlets = Counter(outlet for _, outlet in reports if outlet)
    return {doc_id: (short[doc_id] if not outlet else outlet if outlets[outlet] == 1 else f"{outlet} {short[doc_id]}")
            for doc_id, outlet in reports}


def short_ids(doc_ids: Sequence[str]) -> dict[str, str]:
    """A short name per report for narrow columns: its id up to the first break between words of at least
    three characters ("000" of "000_9e34431c", "daily" of "daily", "reuters" of "reuters-2024-09-20"), to
    the next break where two names would be the same, and the whole id where nothing shorter tells them apart."""
    return dict(_short_ids(tuple(doc_ids)))


@lru_cache(maxsize=4)
def _short_ids(doc_ids: tuple[str, ...]) -> dict[str, str]:
    """Kept for the story's ids: the inspector names a thousand reports at every opening (issue 18.3)."""
    ends = {d: [m.start() for m in _WORD_BREAK.finditer(d) if m.start() >= 3] + [len(d)] for d in doc_ids}
    step = dict.fromkeys(doc_ids, 0)
    while True:
        names = {d: d[:ends[d][step[d]]] for d in doc_ids}
        shared = Counter(names.values())
        longer = [d for d in doc_ids if shared[names[d]] > 1 and step[d] + 1 < len(ends[d])]
        if not longer:
            return names
        for d in longer:
            step[d] += 1


def publication_order(documents: Sequence[Document]) -> list[str]:
    """The report ids, earliest published first; those of unknown time after them, in the order given.

    A date without a time counts from the start of its day; times without a zone are read in the
    zone most of the reports give (as the timeline reads them).
    """
    from .timeline import moment_of, story_zone  # it imports the linking engine

    zone = story_zone(list(documents))
    moments = [(moment_of(d.published, zone), n, d.id) for n, d in enumerate(documents)]
    timed = sorted((m.earliest, m.latest, n, doc) for m, n, doc in moments if m is not None)
    return [doc for *_, doc in timed] + [doc for m, _, doc in moments if m is None]


def toggled_order(documents: Sequence[Document], shown: list[str]) -> tuple[list[str], str]:
    """What ``p`` does to the panes shown in ``shown`` order: publication order, or back to the story's
    order when they are in publication order already; with what was done, in a sentence."""
    from .wording import counted

    by_time = publication_order(documents)
    story_order = [d.id for d in documents]
    if shown == by_time and by_time != story_order:
        return story_order, "Reports in the story's order."
    unknown = sum(1 for d in documents if not d.published)
    if unknown == len(story_order):  # nothing to order by: "… after them" would name nothing
        return story_order, "No report gives its publication time: the panes stay in the story's order."
    return by_time, "Reports in publication order" + (f"; {counted(unknown, 'report')} of unknown time after them."
                                                      if unknown else ".")
