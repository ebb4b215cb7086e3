"""A report's header: the headline, url and date in the lines above the article.

Only the opening lines are looked at, never the whole text: a 20 MB report costs what a short one does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..highlighters.boilerplate import is_date_line

from .model import Document
from ..highlighters.kept_patterns import compile_kept

if TYPE_CHECKING:  # a type alias: spans' dataclasses are the engine's, not needed to read a report
    from ..highlighters.spans import Span

_HEADLINE_MAX_CHARS = 200
_NOT_HEADLINE_END = tuple('.!?:;,-–—…"”’\'»')
_MARKDOWN_HEADING = compile_kept(r"#{1,6}[ \t]+(?P<title>.*?)[ \t]*#*[ \t]*")
_BARE_URL = compile_kept(r"(?:https?://|www\.)\S+")
_LINE = compile_kept(r"^.*$", re.MULTILINE)


def read_header(document: Document, *, markdown: bool) -> None:
    """Headline, url and date from the lines above the article."""
    text = document.text
    lines = list(_leading_lines(document))
    first = next(((start, end, kind) for start, end, kind in lines if kind != "blank"), None)
    if first and first[2] == "boilerplate" and _BARE_URL.fullmatch(text[first[0] : first[1]]):
        document.url = text[first[0] : first[1]]
    sentence_lines = (
        start for start, end, kind in lines if kind == "content" and _ends_sentence(text[start:end])
    )
    body_start = next(sentence_lines, len(text))
    document.date = next(
        (
            text[start:end]
            for start, end, kind in lines
            if kind == "boilerplate" and start < body_start and is_date_line(text[start:end])
        ),
        None,
    )
    document.title_span = _title_span(text, lines, markdown=markdown)
    if document.title_span:
        document.title = text[slice(*document.title_span)]


def _leading_lines(document: Document, content_wanted: int = 4) -> Iterator[tuple[int, int, str]]:
    """The opening lines, stripped, as (start, end, "blank" | "boilerplate" | "content").

    Enough to see the header and the first few lines of the article, never the whole text.
    """
    boilerplate = set(document.boilerplate)
    for match in _LINE.finditer(document.text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            yield match.start(), match.end(), "blank"
            continue
        start = match.start() + len(line) - len(line.lstrip())
        kind = "boilerplate" if match.span() in boilerplate else "content"
        yield start, start + len(stripped), kind
        content_wanted -= kind == "content"
        if not content_wanted:
            return


def _title_span(text: str, lines: list[tuple[int, int, str]], *, markdown: bool) -> Span | None:
    """The headline: the first content line, when it reads as a title rather than a sentence.

    A title has no closing punctuation, is short, and is followed by a blank line or by the
    article's sentences (sentence-per-line files put the body right under the headline).
    """
    position = next((i for i, (_, _, kind) in enumerate(lines) if kind == "content"), None)
    if position is None:
        return None
    start, end, _ = lines[position]
    line = text[start:end]
    if markdown:
        heading = _MARKDOWN_HEADING.fullmatch(line)
        if heading:
            title_start, title_end = heading.span("title")
            return (start + title_start, start + title_end) if heading["title"] else None
    if len(line) > _HEADLINE_MAX_CHARS or len(line.split()) < 2 or line.endswith(_NOT_HEADLINE_END):
        return None
    if line.startswith("By ") or _BARE_URL.fullmatch(line):
        return None  # a byline or a link, not a headline
    following = lines[position + 1 :]
    blank_follows = bool(following) and following[0][2] == "blank"
    sentence_follows = any(
        kind == "content" and _ends_sentence(text[line_start:line_end])
        for line_start, line_end, kind in following
    )
    return (start, end) if blank_follows or sentence_follows else None


def _ends_sentence(line: str) -> bool:
    return line.rstrip('"”’\'») ').endswith((".", "!", "?", "…"))
