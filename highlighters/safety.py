"""Make untrusted text safe to print: no escape sequences or control characters reach the terminal."""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """``text`` with control characters and bidi overrides shown as visible ``\\xNN`` / ``\\uNNNN`` escapes.

    Newlines and tabs stay; everything else below space (ESC included, so no CSI or OSC sequence
    survives), DEL, the C1 controls and the bidirectional overrides is replaced.
    """
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
