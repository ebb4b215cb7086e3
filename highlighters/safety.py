"""Make untrusted text safe to print: no escape sequences or control characters reach the terminal."""

from __future__ import annotations

import re
from functools import cache

from .kept_patterns import compile_kept

_UNSAFE = compile_kept(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def printable(text: str) -> str:
    """``text`` with control characters and bidi overrides shown as visible ``\\xNN`` / ``\\uNNNN`` escapes.

    Newlines and tabs stay; everything else below space (ESC included, so no CSI or OSC sequence
    survives), DEL, the C1 controls and the bidirectional overrides is replaced, and so are lone
    surrogates (a file name that is not UTF-8), which no terminal encoding can write.
    """
    return _UNSAFE.sub(_escape, text)


_LINE_BREAKS = compile_kept("[\n\u2028\u2029]")


def one_line(text: str) -> str:
    """``printable`` text that also keeps to one line: line breaks show as ``\\n`` (``\\u2028``).

    For rows of a table: a file name with a line break in it would otherwise start a row of its own.
    """
    return _LINE_BREAKS.sub(lambda m: "\\n" if m.group() == "\n" else f"\\u{ord(m.group()):04x}", printable(text))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_ESCAPE_SEQUENCE = compile_kept(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b[@-_]")
"""A terminal's escape sequence: an operating system command (a link, a window title) to its end, a
control sequence (colours, clearing the screen), or a two-character escape."""


def without_escape_sequences(text: str) -> str:
    """``text`` with each escape sequence made spaces of its length: the claims read in it (``\x1b[0m``
    holds no figure "0m", ``\x1b]8;;`` no 8) keep their offsets in the text as it is shown."""
    if "\x1b" not in text and "\x9b" not in text:
        return text
    return _ESCAPE_SEQUENCE.sub(lambda match: " " * len(match.group()), text)


@cache
def _visible() -> dict[int, int]:
    """What ``visible_controls`` makes of each character it replaces: made when a text first holds one
    (two thousand surrogates, 160 KB, and the reports of the first frame seldom need it)."""
    visible = {code: 0x2400 + code for code in range(0x20) if code != 0x0A}
    visible[0x09] = ord(" ")
    visible[0x7F] = 0x2421
    visible.update({code: 0xFFFD for code in range(0x80, 0xA0)})
    visible.update({code: 0xFFFD for code in range(0xD800, 0xE000)})
    visible.update({ord(c): 0x2426 for c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"})
    return visible


def visible_controls(text: str) -> str:
    """``text`` with each control character replaced by one visible character, so offsets stay true.

    ESC shows as ␛ (so no escape sequence can act), other C0 controls as their control pictures,
    tabs as a space, C1 controls and lone surrogates as �, and bidi overrides as ⍦. Newlines stay.
    A text without any (most reports) is looked through once by ``_UNSAFE``, which finds the same
    characters but tabs, rather than each of its characters looked up in the table.
    """
    if "\t" not in text and _UNSAFE.search(text) is None:
        return text
    return text.translate(_visible())


def editable(text: str) -> str:
    """Text as an editor may hold it: line breaks as ``\\n``, tabs kept, other controls as pictures.

    A note from a session file or the clipboard may carry escape sequences; a text area would
    send them to the terminal as they are.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\t".join(visible_controls(part) for part in text.split("\t"))
