"""The sentences and boilerplate lines of a report, read line by line and remembered across the reports
of a story.

Neither ever spans a line: ``split_sentences`` ends a sentence at every line break and looks no further
than its line to decide where one ends, and a boilerplate rule matches a whole line. So both depend on
the line alone, and reports that copy a wire story, which repeat its paragraphs word for word, have
each distinct line read once (as ``report_figures`` does for figures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..highlighters.boilerplate import boilerplate_lines
from ..highlighters.sentences import split_sentences

if TYPE_CHECKING:  # a type alias: spans' dataclasses are the engine's, not needed to read a report
    from ..highlighters.spans import Span

LineSpans = dict[str, tuple[tuple["Span", ...], tuple["Span", ...], tuple[str, ...]]]
"""Each line's sentences and boilerplate, with offsets into the line, and its sentences' wordings, by the line."""


def report_spans(text: str, memo: LineSpans) -> tuple[list[Span], list[Span], list[str]]:
    """``split_sentences(text)`` and ``boilerplate_lines(text)``, with each line met before, in this
    report or another, not read again; and each sentence's wording, its words one space apart (what
    tells a report's repeated sentences), made once per line too."""
    sentences: list[Span] = []
    boilerplate: list[Span] = []
    wordings: list[str] = []
    line_start = 0
    for line in text.split("\n"):
        known = memo.get(line)
        if known is None:
            line_sentences = tuple(split_sentences(line))
            known = memo[line] = (line_sentences, tuple(boilerplate_lines(line)),
                                  tuple(" ".join(line[start:end].split()) for start, end in line_sentences))
        line_sentences, line_boilerplate, line_wordings = known
        sentences += [(start + line_start, end + line_start) for start, end in line_sentences]
        boilerplate += [(start + line_start, end + line_start) for start, end in line_boilerplate]
        wordings += line_wordings
        line_start += len(line) + 1
    return sentences, boilerplate, wordings
