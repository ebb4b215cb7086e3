"""Quote marks paired into quoted passages, one paragraph at a time.

``str.find`` finds every double mark (``“ ” „ " « »``, the typewriter ``''``, and the ````…''`` of newswire
archives and TeX) and every single mark that is not flanked by letters on both sides (so Mali’s, didn’t,
Jama’a are never candidates). A small stack pairs them:

* curly marks say which way they face (an opening one after punctuation and before a space closes:
  ``“It's unusual,“ said X``); a straight ``"`` closes an open double quote, else opens; three
  typewriter marks after a word close a single quote, then a double one (``…them,''' said X``);
* a single mark opens after a space, bracket, dash or double quote, and closes an open single
  quote when followed by a non-letter; otherwise it is an apostrophe (70s', troops’, the spaced
  ``He ’ s`` of tokenised text) and ignored;
* a quote inside another is part of it, except in a quoted passage of several lines (a report
  quoting another report), whose own quotations are passages too;
* at a line break, an open quote goes on when the next double mark closes it (text pasted from
  the web breaks lines inside paragraphs), past a blank line too when that mark is in the next
  paragraph (a sentence cut into two by a page's <br><br>); when the next line opens with a double mark instead,
  the press convention for a quotation of several paragraphs, the passage ends with its line and
  the next one ``continues`` it; otherwise an unclosed mark runs to the end of its line, unless it
  holds complete quotes in its own style (``“a “b” c``: the first mark is stray).
"""

from __future__ import annotations

from dataclasses import dataclass
from .kept_patterns import compile_kept

_MARKS = "“”„\"«»'‘’`"
_DOUBLE_OPENERS = "“„«"
_DOUBLE_CLOSERS = "”»"
_OPEN_CONTEXT = " \t\n\r([{—–-/“\"«"
_ELISION = compile_kept(r"\d\d(?:s\b|\b)")  # ’70s, '90
_SPACED_APOSTROPHE = compile_kept(r" (?:s|t|re|ll|ve|m|d)\b")  # tokenised text: He ’ s, can ’ t
_HAS_WORD = compile_kept(r"\w")
_MARKUP_TAG = compile_kept(r"<[A-Za-z][\w:-]*[^\S\n]++[^<>]{0,600}?/?>")
"""A tag with attributes, left in text taken from a page ("<tweet id="6721…" author="@X">"): its quoted
values are no quotations."""
_BLANK_LINE = compile_kept(r"\n[^\S\n]*\n")
_CARRY_LIMIT = 3000
"""How far, in characters, a quotation may run over line breaks to find its closing mark."""


@dataclass(slots=True)
class Passage:
    """A quoted passage, marks included, as ``start:end``.

    Not frozen, as ``Figure``: one is made for every quotation of every report, and a frozen dataclass
    takes three times as long to build (1.6 against 0.5 us); none is changed once made.
    """

    start: int
    end: int
    closed: bool = True
    """False when it runs to the end of its paragraph without a closing mark."""
    continues: bool = False
    """It opens the paragraph after an unclosed passage that it goes on with: the same speaker."""
    nested: bool = False
    """It lies inside a longer quoted passage of several lines."""


class _Open:
    """An opening mark still waiting for its close, and the complete quotes found inside it."""

    __slots__ = ("kind", "start", "inner", "continues")

    def __init__(self, kind: str, start: int, continues: bool = False) -> None:
        self.kind, self.start, self.inner, self.continues = kind, start, [], continues


def pair_quote_marks(text: str) -> list[Passage]:
    """The quoted passages of ``text`` in order: outermost ones, and those inside long passages."""
    found: list[Passage] = []
    stack: list[_Open] = []
    marks = _marks(text)
    line_end = -1  # the newline ending the line of the last mark; len(text) on the last line
    follows = False
    for index, (i, mark) in enumerate(marks):
        if i > line_end:
            if stack:
                follows = _at_line_break(text, marks, index, line_end, stack, found)
            line_end = _line_end(text, i)
        end = i + len(mark)
        before = text[i - 1] if i else " "
        after = text[end] if end < len(text) else " "
        if mark in _DOUBLE_OPENERS or mark == "``":
            # a closing mark facing the wrong way closes the quote its twin opened: “It's unusual,“ said X
            if not (before.isalnum() or before in ",.!?…") or not after.isspace() or not _opened_with(
                    text, stack, mark) or not _close(text, stack, "double", end, found):
                stack.append(_Open("double", i, follows))
        elif mark in _DOUBLE_CLOSERS:
            _close(text, stack, "double", end, found)
        elif mark in ('"', "''"):
            if not _close(text, stack, "double", end, found) and not after.isspace():
                stack.append(_Open("double", i, follows))
        elif mark in "’'" and stack and stack[-1].kind == "single" and _closes_single(text, i, before, after):
            _close(text, stack, "single", i + 1, found)
        elif mark in "‘'" and before in _OPEN_CONTEXT and (
            (not after.isspace() and not _ELISION.match(text, i + 1))
            or (mark == "‘" and after == " " and text[i + 2:i + 3].isalpha())
        ):
            stack.append(_Open("single", i, follows))
        follows = False
    _end_paragraph(text, stack, line_end, found)
    found.sort(key=lambda passage: (passage.start, -passage.end))
    return found


def _marks(text: str) -> list[tuple[int, str]]:
    """Every double mark ('' counts as one) and every single mark that a word character does not
    flank on both sides (Mali’s, didn’t are no marks), as (offset, mark) in order.

    Found with ``str.find``, one mark at a time: ``re`` would test each character of the text
    against the set of marks, which costs a third as much as reading every word.
    """
    found = []
    for mark in _MARKS:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    if found and "<" in text:  # most texts: no markup
        found = _outside_tags(text, found)
    marks = []
    taken = -1  # the last offset a mark already holds
    for i in found:
        if i <= taken:
            continue
        mark = text[i]
        if mark == "`":  # ``…'': the typewriter's quotation of newswire archives and TeX; a lone backtick is none
            if text[i + 1:i + 2] == "`":
                marks.append((i, "``"))
                taken = i + 1
        elif mark == "'" and text[i + 1:i + 2] == "'":
            if text[i + 2:i + 3] == "'" and i and not text[i - 1].isspace():  # ...them,''' : single, then double
                marks.append((i, "'"))
                i += 1
            marks.append((i, "''"))
            taken = i + 1
        elif mark not in "'‘’" or not (i and _is_word(text[i - 1]) and _is_word(text[i + 1:i + 2])):
            marks.append((i, mark))
    return marks


def _outside_tags(text: str, found: list[int]) -> list[int]:
    """The offsets of ``found`` that no markup tag holds."""
    tags = [tag.span() for tag in _MARKUP_TAG.finditer(text, text.find("<"))]
    if not tags:
        return found
    kept, index = [], 0
    for i in found:
        while index < len(tags) and tags[index][1] <= i:
            index += 1
        if index == len(tags) or i < tags[index][0]:
            kept.append(i)
    return kept


def _is_word(character: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or the underscore."""
    return character.isalnum() or character == "_"


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _closes_single(text: str, i: int, before: str, after: str) -> bool:
    """A single mark that ends a quote: after a word (not before one), or spaced before punctuation."""
    if not before.isspace():
        return not after.isalnum()
    return not after.isalnum() and not (after == " " and _SPACED_APOSTROPHE.match(text, i + 1))


def _at_line_break(text: str, marks: list[tuple[int, str]], index: int, line_end: int,
                   stack: list[_Open], found: list[Passage]) -> bool:
    """Settle the quotes left open at ``line_end``; True when the next passage continues one."""
    while stack and stack[-1].kind == "single":
        if _single_resumes(text, marks, index, line_end):
            return False
        _drop(stack, 1, found)
    if not stack:
        return False
    resumes = _double_resumes(text, marks, index, line_end, stack[0].start)
    if resumes:
        return False
    i, mark = marks[index]
    end = i + len(mark)
    opens_next_line = (
        mark in ("“", "„", "«", '"', "''", "``") and not text[line_end:i].strip()
        and end < len(text) and not text[end].isspace()
    )
    _end_paragraph(text, stack, line_end, found)
    return opens_next_line


def _single_resumes(text: str, marks: list[tuple[int, str]], index: int, line_end: int) -> bool:
    """A single quote open at a line break goes on when its next mark closes it after punctuation
    ("subdued.\nVery, very, very subdued.'"), spaced apostrophes of tokenised text passed over."""
    for i, mark in marks[index:]:
        if "\n\n" in text[line_end:i] or mark not in "’'":
            return False
        after = text[i + 1] if i + 1 < len(text) else " "
        if text[i - 1] == " " and after == " " and _SPACED_APOSTROPHE.match(text, i + 1):
            continue
        return _last_character(text, i) in (".", ",", "!", "?", "…") and not after.isalnum()
    return False


def _last_character(text: str, end: int) -> str:
    """The last character before ``end`` that is no space ("" if none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end else ""


def _double_resumes(text: str, marks: list[tuple[int, str]], index: int, line_end: int, opened: int) -> bool:
    """A double quote open at a line break goes on when the next double mark closes it: it faces
    that way, no blank line comes between, and it is near enough."""
    for i, mark in marks[index:]:
        if i - opened > _CARRY_LIMIT or _BLANK_LINE.search(text, _line_end(text, line_end + 1), i):
            return False  # past the next paragraph (a closing mark there ends a quotation its lines were cut from)
        if mark in _DOUBLE_CLOSERS:
            return True
        if mark in _DOUBLE_OPENERS:
            return False
        if mark in ('"', "''"):
            before = text[i - 1]
            end = i + len(mark)
            after = text[end] if end < len(text) else " "
            return not before.isspace() and not after.isalnum()
    return False


def _end_paragraph(text: str, stack: list[_Open], end: int, found: list[Passage]) -> None:
    """Quotes still open at a paragraph end: the outermost double runs to it, the rest are dropped."""
    if not stack:
        return
    _drop(stack, len(stack) - 1, found)
    opened = stack.pop()
    stop = opened.start + 1 + len(text[opened.start + 1:end].rstrip())
    inner = text[opened.start + 1:stop]
    # “a “b” c: the first mark is stray; "a “b” c is a quotation holding one in the other style
    stray = any(_is_curly(text[p.start]) == _is_curly(text[opened.start]) for p in opened.inner if text[p.start] not in "‘'")
    if opened.kind == "double" and _HAS_WORD.search(inner) and not stray:
        found.append(Passage(opened.start, stop, closed=False, continues=opened.continues))
        _keep_inner(text, opened, stop, found)
    else:
        found.extend(opened.inner)


def _is_curly(mark: str) -> bool:
    return mark in _DOUBLE_OPENERS


def _opened_with(text: str, stack: list[_Open], mark: str) -> bool:
    """Whether the innermost open double quote opened with ``mark`` (a “ closes a “, not a «)."""
    opened = next((open_ for open_ in reversed(stack) if open_.kind == "double"), None)
    return opened is not None and text.startswith(mark, opened.start)


def _close(text: str, stack: list[_Open], kind: str, end: int, found: list[Passage]) -> bool:
    """Close the innermost open quote of ``kind``; unclosed quotes inside it are dropped."""
    depth = len(stack) - 1
    while depth >= 0 and stack[depth].kind != kind:
        depth -= 1
    if depth < 0:
        return False
    _drop(stack, len(stack) - depth - 1, found)
    opened = stack.pop()
    if kind == "double":  # a word inside is enough: looked for in place, the quotation is not copied
        holds_words = _HAS_WORD.search(text, opened.start + 1, end - 1) is not None
    else:
        inner = text[opened.start + 1:end - 1].strip()
        holds_words = _HAS_WORD.search(inner) is not None and len(inner) > 1  # not rock 'n' roll
    if holds_words:
        passage = Passage(opened.start, end, continues=opened.continues)
        if stack:
            stack[-1].inner.append(passage)
        else:
            found.append(passage)
            _keep_inner(text, opened, end, found)
    else:
        (stack[-1].inner if stack else found).extend(opened.inner)
    return True


def _keep_inner(text: str, opened: _Open, end: int, found: list[Passage]) -> None:
    """The quotes inside an outermost passage are passages too when it runs over several lines."""
    if opened.inner and "\n" in text[opened.start:end]:
        found.extend(Passage(p.start, p.end, p.closed, nested=True) for p in opened.inner)


def _drop(stack: list[_Open], count: int, found: list[Passage]) -> None:
    """Forget the ``count`` innermost open quotes, keeping the complete quotes found inside them."""
    for _ in range(count):
        dropped = stack.pop()
        (stack[-1].inner if stack else found).extend(dropped.inner)
