"""Line breaks that only wrap a paragraph to a width, told from those that end something.

The engine reads a line break as the end of a sentence: reports from the web are one paragraph a line,
and a headline or a dateline has no full stop. A report saved as plain text at a fixed width (a wire
feed, an e-mail, an archive's file) breaks its lines inside sentences instead, so a sentence became
two, a quotation lost its speaker ("said Amadou⏎Diallo") and a figure its source on the next line.

Such a report is told by its lines: most are about one width (at most ``WIDEST_WRAP`` cells), and
where a line ends inside a sentence, the next line's first word would not have fitted on it, which
is how a text is wrapped to a width. Those breaks are soft; ``reading_text`` reads them as spaces, so
that the text keeps its length and every offset into it stays true. A break after a sentence's end,
before a blank line, a list item or an indented line, or in a report not wrapped to a width, stays.
"""

from __future__ import annotations

from .kept_patterns import compile_kept

WIDEST_WRAP = 100
"""Texts wrapped to a width wrap at 60 to 80 cells; a report whose lines run longer is not wrapped."""
NARROWEST_WRAP = 40
"""Nor is one whose lines are mostly shorter than this: a list (names, places, scores) one item a line."""
_FEWEST_LINES = 6
"""A shorter text gives too few lines to tell a width by."""
_LONG_LINE = compile_kept(rf"\n[^\n]{{{WIDEST_WRAP + 1}}}")
"""A line (but the first) longer than any wrap; each pattern here opens on a line break, which ``re`` finds in C."""
_ENDS_SENTENCE = compile_kept(r"[.!?…:;][\"'”’»)\]]*[^\S\n]*$")
_OPENS_ITEM = compile_kept(r"[^\S\n]|[-*•–—]\s|\d{1,2}[.)]\s|[>|#]")
"""An indented line, a list item, a quoted reply or a heading's mark: it begins something."""
_FIRST_WORD = compile_kept(r"\S+")
_BREAK_BETWEEN_LINES = compile_kept(r"\n(?<=\S\n)(?=\S)")
_BREAK_INSIDE_SENTENCE = compile_kept(r"\n(?<=[^\s.!?…:;\"'”’»)\]]\n)(?=\S)")
"""At most as many breaks as this finds end a line inside a sentence (``_ENDS_SENTENCE`` finds the others): fewer
than a third of the breaks between lines, and the text is no wrapped one."""


def soft_breaks(text: str) -> list[int]:
    """The offsets of the line breaks of ``text`` that only wrap a paragraph to its width."""
    breaks_count = text.count("\n")
    if breaks_count < _FEWEST_LINES:
        return []
    long_lines = len(_LONG_LINE.findall(text))
    if long_lines * 10 > breaks_count + 1:
        return []  # most reports: a paragraph a line, and many lines longer than any wrap
    if len(_BREAK_INSIDE_SENTENCE.findall(text)) * 3 < len(_BREAK_BETWEEN_LINES.findall(text)):
        return []  # one sentence a line: too few lines end inside one (counted in C, before the lines are read)
    lines = text.split("\n")
    filled = sorted(len(line) for line in lines if line.strip())
    if len(filled) < _FEWEST_LINES or long_lines * 10 > len(filled):
        return []
    width = filled[int(0.9 * (len(filled) - 1))]
    if width < NARROWEST_WRAP:
        return []
    breaks, inside_sentences, between = [], 0, 0
    offset = 0
    for line, after in zip(lines, lines[1:]):
        offset += len(line)
        if line.strip() and after.strip():
            between += 1
            word = _FIRST_WORD.match(after)
            if len(line.rstrip()) + 1 + (word.end() if word else 0) > width and not _OPENS_ITEM.match(after):
                breaks.append(offset)  # after a full stop too: "Sheriff Robert J.⏎Pickell" is one name
                inside_sentences += not _ENDS_SENTENCE.search(line)
        offset += 1
    # A text wrapped to a width breaks a third of its lines or more inside sentences (a wire of one-sentence
    # paragraphs of two lines about half); one sentence a line, no line does.
    return breaks if inside_sentences * 3 >= between else []


def reading_text(text: str) -> str:
    """``text`` with its soft line breaks read as spaces: the same length, the same offsets."""
    return breaks_as_spaces(text, soft_breaks(text))


def breaks_as_spaces(text: str, breaks: list[int]) -> str:
    """``text`` with a space at each of ``breaks`` (its ``soft_breaks``, found once when it was loaded)."""
    if not breaks:
        return text
    characters = list(text)
    for offset in breaks:
        characters[offset] = " "
    return "".join(characters)
