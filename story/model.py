"""The story's data: documents as loaded, the claims found in them and the links between them."""

from __future__ import annotations

import bisect
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a type alias: spans' dataclasses are the engine's, not needed to read a report
    from ..highlighters.spans import Span


@dataclass(slots=True)
class Document:
    """One report as loaded: its text exactly as read, and what the loader learned about it."""

    id: str
    """The file name without its extension; unique within a story."""
    path: str
    text: str
    title: str | None = None
    """The headline, where the report has one; else None (the UI shows the id)."""
    title_span: Span | None = None
    outlet: str | None = None
    date: str | None = None
    """The report's date as given: its manifest's ``date``, its HTML metadata, or its dateline as written."""
    published: str | None = None
    """When the report was published, as ISO 8601 ("2011-11-11T20:09+05:30"), where anything says;
    set by the engine (``story/published.py``), which reads the dateline."""
    url: str | None = None
    sentences: list[Span] = field(default_factory=list)
    soft_breaks: list[int] = field(default_factory=list)
    """Line breaks that only wrap a paragraph to a width (``highlighters/soft_wraps.py``): the sentences
    were read, and the claims are, with a space there; found once, as the report is loaded."""
    boilerplate: list[Span] = field(default_factory=list)
    """Lines a site adds around the article: kept in the text, never mined for claims. In text
    order and apart, as lines are."""
    sources: list[str] = field(default_factory=list)
    """Where the report says it comes from: wire credits (AFP, Reuters) and "Original Source:" lines."""
    duplicate_sentences: list[int] = field(default_factory=list)
    """Indices of sentences that repeat an earlier sentence of the same report."""
    warnings: list[str] = field(default_factory=list)
    """Things the reader should know but that did not stop loading (a cp1252 fallback, say)."""

    def is_boilerplate(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside a boilerplate line (found by bisection: this is
        asked for every sentence and figure, and a scraped page can have thousands of such lines)."""
        if not self.boilerplate:
            return False  # most reports: asked per figure, so answered at once
        index = bisect.bisect_right(self.boilerplate, (start, sys.maxsize)) - 1
        return index >= 0 and end <= self.boilerplate[index][1]

    def sentence_at(self, offset: int) -> int:
        """The sentence ``offset`` falls in, or the last one before it (the first, before any)."""
        return max(0, bisect.bisect_right(self.sentences, (offset, sys.maxsize)) - 1)


@dataclass(frozen=True, slots=True)
class LoadError:
    """A path that could not be read, with one sentence saying why."""

    path: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(slots=True)
class LoadResult:
    """Everything the given paths yielded: the reports that loaded and why the others did not."""

    documents: list[Document] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    title: str | None = None
    """The story's title from a manifest, else None."""
    full: bool = False
    """As many reports are open as the loader opens at once: those still to come are left out."""
    outside: list[str] = field(default_factory=list)
    """Reports a manifest names outside its folder, not read: the caller may ask, then allow them."""
    known: frozenset[str] = frozenset()
    """Reports already open, by real path: not read again (a story that grows reads only what is new)."""
    line_spans: dict = field(default_factory=dict, repr=False, compare=False)
    """While loading, each distinct line's sentences and boilerplate (``report_lines``), which reports
    that copy a wire story share; emptied when loading ends."""


_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def shown_time(published: str | None) -> str | None:
    """A publication time as a reader writes it: "11 Nov 2011 20:09 +05:30", "9 Apr 2007"."""
    if not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    shown = f"{day.day} {_MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"
    if "T" in published:
        time = published.split("T", 1)[1]
        zone = next((time[at:] for at in range(5, len(time)) if time[at] in "+-Z"), "")
        shown += f" {time[:5]}" + (f" {'+00:00' if zone == 'Z' else zone}" if zone else "")
    return shown
