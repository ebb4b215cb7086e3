"""The figures of a report, read line by line and remembered across the reports of a story.

A figure never spans a line (``figure_pattern``), and the words a figure is read with are those of
its own line, so a line's figures depend on the line and one thing of its report only: the
currency a bare "$" means. Reports that copy a wire
story repeat its paragraphs word for word (a story of a thousand reports holds a few thousand
distinct lines among twenty thousand), and each distinct line is read once.
"""

from __future__ import annotations

from ..highlighters.folding import fold
from ..highlighters.numbers import carry_hedges_into_conversions, read_figures
from ..highlighters.spans import Figure
from ..highlighters.zeros import holds_zero_figures

LineFigures = dict[str, dict[str, tuple[tuple[int, int, tuple], ...]]]
"""Each line's figures, with offsets into the line, by the line, under its report's dollar: as
their start, end and a tuple of their other fields, which no report can change (each report gets
Figures of its own)."""


def report_figures(text: str, dollar: str, memo: LineFigures, unread: frozenset[int] = frozenset()) -> list[Figure]:
    """Every figure of ``text``, in order, as ``find_figures`` finds them in each line: fresh objects,
    which the caller may change. A line met before, in this report or another, is not read again, nor a
    line whose start is in ``unread`` (page furniture, whose figures the caller would drop).

    This is ``find_figures(text, dollar)`` but where the whole text let the next line decide a
    figure's kind: "Sahar Khoga, 52" ending a line is an age here, whatever line comes next."""
    folded = fold(text)
    known = memo.setdefault(dollar, {})
    zeros = folded is None or holds_zero_figures(folded)  # most reports hold none: no line need look
    figures: list[Figure] = []
    line_start = 0
    lines = text.split("\n")
    # A line lower-cased is its line of the whole lower-cased: ``fold`` changes no character's length there.
    folded_lines = folded.split("\n") if folded is not None else [fold(line) for line in lines]
    for line, folded_line in zip(lines, folded_lines):
        found = known.get(line) if line and line_start not in unread else ()
        if found is None:  # read, its figures are this report's
            read = read_figures(line, folded_line, dollar, zeros=zeros)
            known[line] = tuple([(f.start, f.end, (f.value, f.low, f.high, f.qualifier, f.quantity, f.unit, f.dimension,
                                                   f.per, f.when, f.role)) for f in read]) if read else ()
            if line_start:
                for f in read:
                    f.start += line_start
                    f.end += line_start
            figures += read
        else:
            for start, end, fields in found:  # the fields apart: no list is made of them for each figure
                figures.append(Figure(start + line_start, end + line_start, *fields))
        line_start += len(line) + 1
    carry_hedges_into_conversions(text, figures)  # on this line, or the next: "about 58km\n(36 miles)"
    return figures
