"""How a report is laid out in a pane: wrapped lines with their text offsets, and styled runs.

Pure Python (no Textual), so it can be tested and measured on its own. Offsets always index the
document's text, so a visual line, a sentence and a claim can be mapped onto each other exactly.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from rich.cells import cell_len

from ..story.analysis import Story

from .components import BOILERPLATE, CONFLICT, DEATH, FIGURE, HEADLINE, INJURY, QUOTE, TIME

_TOKEN = re.compile(r"\S+\s*")


class VisualLine(NamedTuple):
    """One row of a pane: ``text[start:end]`` (trailing spaces trimmed when shown). A tuple: a 5 MB
    report has a hundred thousand of them, made anew for each width."""

    start: int
    end: int


def wrap(text: str, width: int) -> list[VisualLine]:
    """Greedy word wrap of every paragraph of ``text`` to ``width`` cells, keeping offsets."""
    width = max(1, width)
    lines: list[VisualLine] = []
    offset = 0
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, offset, width))
        offset += len(paragraph) + 1
    return lines


@lru_cache(maxsize=8)
def _one_cell_lines(width: int) -> re.Pattern:
    """One wrapped line of text whose characters are one cell each: the longest run of at most
    ``width`` characters that ends a word, with the spaces after it; or, where a word is longer than
    that, ``width`` of its characters."""
    return re.compile(rf".{{1,{width}}}(?<=\S)(?!\S)\s*|.{{{width}}}")


_ONE_CELL: set[str] = set()
"""Characters measured one cell wide (``_one_cell_each``): each is measured once, not once a paragraph."""
ONE_CELL_KEPT = 4096
"""The most characters remembered so: a report of every script does not grow the set without end."""


def _one_cell_each(paragraph: str) -> bool:
    """Every character one cell wide (ASCII, and most of what news text holds: ’ “ é —)."""
    if paragraph.isascii():
        return True
    characters = set(paragraph)
    if characters <= _ONE_CELL:  # a paragraph with curly quotes was a measure per distinct character
        return True
    for character in characters - _ONE_CELL:
        if cell_len(character) != 1:
            return False
        if len(_ONE_CELL) < ONE_CELL_KEPT:
            _ONE_CELL.add(character)
    return True


def _wrap_paragraph(paragraph: str, offset: int, width: int) -> list[VisualLine]:
    one_cell = _one_cell_each(paragraph)
    measure = len if one_cell else cell_len
    if measure(paragraph) <= width:
        return [VisualLine(offset, offset + len(paragraph))]
    if one_cell and not paragraph[0].isspace():  # the same lines as _wrap_tokens, found by ``re`` in C
        return [VisualLine(offset + start, offset + end) for start, end in
                map(re.Match.span, _one_cell_lines(width).finditer(paragraph))]
    return _wrap_tokens(paragraph, offset, width, measure)


def _wrap_tokens(paragraph: str, offset: int, width: int, measure) -> list[VisualLine]:
    """Word by word, each measured in cells: for wide characters, and a paragraph that starts with spaces."""
    lines = []
    line_start, used = 0, 0
    for token in _TOKEN.finditer(paragraph):
        word = token.group().rstrip()
        word_width = measure(word)
        if used and used + word_width > width:
            lines.append(VisualLine(offset + line_start, offset + token.start()))
            line_start, used = token.start(), 0
        while word_width > width:  # a word wider than the pane: cut it
            cut = _fit(paragraph, line_start, width, measure)
            lines.append(VisualLine(offset + line_start, offset + cut))
            line_start = cut
            word_width = measure(paragraph[line_start:token.start() + len(word)])
        used = measure(paragraph[line_start:token.end()])
    lines.append(VisualLine(offset + line_start, offset + len(paragraph)))
    return lines


class LazyWrap:
    """The wrapped lines of a text at one width, made as they are needed: from the top, as far as
    the rows or the offset asked for, and the rest in steps (``wrap_some``), so that a new width
    shows what is on screen at once however long the report (a 5 MB one takes a second whole)."""

    def __init__(self, text: str, width: int) -> None:
        self.text, self.width = text, max(1, width)
        self.lines: list[VisualLine] = []
        self.starts: list[int] = []
        self._paragraphs = iter(text.split("\n"))
        self._offset = 0
        """Where the next paragraph to wrap starts (past the end: all wrapped)."""

    @property
    def done(self) -> bool:
        return self._offset > len(self.text)

    def estimated_rows(self) -> int:
        """The rows wrapped so far, and a guess for the rest (one cell a character, a row a paragraph)."""
        rest = max(0, len(self.text) - self._offset)
        return len(self.lines) + (rest // self.width + rest // 2000 + 1 if not self.done else 0)

    def wrap_some(self, characters: int) -> None:
        """About ``characters`` more of the text wrapped (whole paragraphs)."""
        self.cover_offset(self._offset + characters)

    def cover_row(self, row: int) -> None:
        while len(self.lines) <= row and not self.done:
            self._next_paragraph()

    def cover_offset(self, offset: int) -> None:
        while self._offset <= offset and not self.done:
            self._next_paragraph()

    def _next_paragraph(self) -> None:
        paragraph = next(self._paragraphs, None)
        if paragraph is None:
            self._offset = len(self.text) + 1
            return
        lines = _wrap_paragraph(paragraph, self._offset, self.width)
        self.lines += lines
        self.starts += [line.start for line in lines]
        self._offset += len(paragraph) + 1


def _fit(paragraph: str, start: int, width: int, measure) -> int:
    end = start + width
    while end > start + 1 and measure(paragraph[start:end]) > width:
        end -= 1
    return end


@dataclass(slots=True)
class DocumentView:
    """What a pane shows of one document besides its text: styled runs, links, conflicts."""

    runs: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    """Sorted, non-overlapping ``(start, end, component classes)``."""
    claim_spans: list[tuple[int, int, str]] = field(default_factory=list)
    """``(start, end, claim id)`` in text order."""
    versions: dict[int, int] = field(default_factory=dict)
    """Per sentence index: in how many other reports it has a version."""
    by_hand: dict[int, int] = field(default_factory=dict)
    """Per sentence with a hand-made link: in how many other reports it has a version, those included."""
    conflicted: set[int] = field(default_factory=set)
    """Sentences holding a claim of a conflicting cluster."""
    noted: set[int] = field(default_factory=set)
    """Sentences with a note of the reader's."""
    marked: set[int] = field(default_factory=set)
    """Sentences the reader marked."""

    def runs_between(self, start: int, end: int) -> list[tuple[int, int, tuple[str, ...]]]:
        """The runs overlapping ``[start, end)``."""
        found = []
        index = bisect.bisect_right(self.runs, start, key=lambda run: run[1])
        while index < len(self.runs) and self.runs[index][0] < end:
            found.append(self.runs[index])
            index += 1
        return found


def claim_classes(claim, conflicting: bool) -> tuple[str, ...]:
    """The component classes a claim is drawn with: its kind, and a conflict mark beyond colour."""
    if claim.kind == "quote":
        kind = QUOTE
    elif claim.event in ("killed",):
        kind = DEATH
    elif claim.event in ("injured", "casualties"):
        kind = INJURY
    elif claim.quantity in ("date", "time", "year", "duration"):
        kind = TIME
    else:
        kind = FIGURE
    return (kind, CONFLICT) if conflicting else (kind,)


def document_views(story: Story) -> dict[str, DocumentView]:
    """A view per document of ``story``: built once when the story arrives."""
    conflicting = {k.id for k in story.clusters if k.status == "conflict"}
    views = {d.id: DocumentView() for d in story.documents}
    claims: dict[str, list] = {d.id: [] for d in story.documents}
    for claim in story.claims:
        claims[claim.doc].append(claim)
    for document in story.documents:
        restyle(views[document.id], document, claims[document.id], conflicting)
    other_docs: dict[tuple[str, int], set[str]] = {}
    for source, (target_doc, _), _, _ in story.sentence_links:
        other_docs.setdefault(source, set()).add(target_doc)
    for (doc, sentence), docs in other_docs.items():
        views[doc].versions[sentence] = len(docs)
    return views


def restyle(view: DocumentView, document, claims: list, conflicting: set[str]) -> None:
    """A view's runs, claim spans and conflicts from its document's claims: again when the reader's
    verdicts change which facts conflict."""
    pieces = [(start, end, (BOILERPLATE,)) for start, end in document.boilerplate]
    if document.title_span:
        pieces.append((*document.title_span, (HEADLINE,)))
    view.claim_spans, view.conflicted = [], set()
    for claim in claims:
        in_conflict = claim.cluster in conflicting
        pieces.append((claim.start, claim.end, claim_classes(claim, in_conflict)))
        view.claim_spans.append((claim.start, claim.end, claim.id))
        if in_conflict:
            view.conflicted.add(claim.sentence)
    view.runs = flatten(pieces)
    view.claim_spans.sort()


def flatten(pieces: list[tuple[int, int, tuple[str, ...]]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Overlapping styled pieces as sorted, non-overlapping runs whose classes add up (a sweep)."""
    pieces = sorted(pieces)
    cuts = sorted({p for start, end, _ in pieces for p in (start, end)})
    runs, active, next_piece = [], [], 0
    for left, right in zip(cuts, cuts[1:]):
        while next_piece < len(pieces) and pieces[next_piece][0] <= left:
            active.append(pieces[next_piece])
            next_piece += 1
        active = [piece for piece in active if piece[1] > left]
        if active:
            runs.append((left, right, tuple(dict.fromkeys(c for _, _, names in active for c in names))))
    return runs


def panes_that_fit(count: int, width: int, min_width: int, most: int, marker_width: int) -> int:
    """How many whole panes of ``count`` reports fit ``width`` cells: when some reports are left out,
    ``marker_width`` cells on each edge say how many lie left and right, so fewer may fit."""
    if count <= 0:
        return 0
    size = min(count, most, max(1, width // min_width))
    if size < count:
        size = min(size, max(1, (width - 2 * marker_width) // min_width))
    return size


def pane_window(count: int, active: int, first: int, width: int, min_width: int, most: int,
                marker_width: int) -> range:
    """The reports shown as whole panes at ``width`` cells: as many as fit around ``active``.

    The window moves as little as it can from the one starting at ``first`` (stepping to the next
    report shows one new pane).
    """
    size = panes_that_fit(count, width, min_width, most, marker_width)
    if not size:
        return range(0)
    if not first <= active < first + size:
        first = active if active < first else active - size + 1
    first = max(0, min(first, count - size))
    return range(first, first + size)


def window_beside(count: int, shown: list[int], source: int, target: int, size: int) -> list[int]:
    """The reports shown once the reader goes from ``source`` (shown) to ``target``: ``target`` in the
    pane beside ``source``'s, on its side, and as many of the reports ``shown`` kept as can be.

    Only reports beyond ``source`` or ``target`` (none between them) stay, the nearest to ``source``
    first, so that ``target`` lands next to ``source`` and the panes stay in report order: from a pane
    in the middle, the neighbour on the target's side gives way (one pane changes); from the edge, the
    window shifts by one (``tab`` past the edge is this, one report on). Reports next to these fill
    what is left. With room for one pane, ``target`` alone.
    """
    if size <= 1 or source == target:
        return [target]
    low, high = min(source, target), max(source, target)

    def beyond(n: int) -> bool:
        return not low < n < high

    def nearest(candidates) -> list[int]:
        return sorted((n for n in candidates if 0 <= n < count), key=lambda n: (abs(n - source), n))

    outside = (n for reach in range(1, count) for n in (low - reach, high + reach) if 0 <= n < count)
    window = [source, target]
    for n in chain(nearest(n for n in shown if beyond(n)), outside, nearest(shown),
                   nearest(range(low + 1, high))):  # the last two only when the story's ends leave no room
        if len(window) == min(size, count):  # ``outside`` read only as far as this: a story may hold thousands
            break
        if n not in window:
            window.append(n)
    return sorted(window)
