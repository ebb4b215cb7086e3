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

LineFigures = dict[str, dict[str, tuple[Figure, ...]]]
"""Each line's figures, with offsets into the line, by the line, under its report's dollar. The
figures in it are never changed: each report gets copies."""


def report_figures(text: str, dollar: str, memo: LineFigures) -> list[Figure]:
    """Every figure of ``text``, in order, as ``find_figures`` finds them in each line: fresh objects,
    which the caller may change. A line met before, in this report or another, is not read again.

    This is ``find_figures(text, dollar)`` but where the whole text let the next line decide a
    figure's kind: "Sahar Khoga, 52" ending a line is an age here, whatever line comes next."""
    folded = fold(text)
    known = memo.setdefault(dollar, {})
    figures: list[Figure] = []
    line_start = 0
    for line in text.split("\n"):
        found = known.get(line) if line else ()
        if found is None:  # a line lower-cased is its slice of the whole
            folded_line = folded[line_start:line_start + len(line)] if folded is not None else fold(line)
            found = known[line] = tuple(read_figures(line, folded_line, dollar))
        for f in found:
            figures.append(Figure(f.start + line_start, f.end + line_start, f.value, f.low, f.high, f.qualifier,
                                  f.quantity, f.unit, f.dimension, f.per, f.when, f.role))
        line_start += len(line) + 1
    carry_hedges_into_conversions(text, figures)  # on this line, or the next: "about 58km\n(36 miles)"
    return figures
