"""A report's bytes as text, or a refusal: on its own so the loader stays about paths and reports.

The text is fixed here once, since every offset indexes it: decoded (UTF-8, or UTF-16/32 with its
BOM, else Windows-1252), BOM dropped, newlines made ``\\n`` exactly as Python's text mode does. A
file that is binary (a PDF, an image or an archive saved as ``.txt``) is refused, not shown.
"""

from __future__ import annotations

import codecs
from ..highlighters.kept_patterns import compile_kept

_BINARY_SIGNATURES = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive or Word document"),
    (b"\xd0\xcf\x11\xe0", "old Word or Excel document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
)
# Characters that text hardly ever holds but random bytes read as Windows-1252 give one time in
# nine: C0 controls other than whitespace and those of escape sequences, DEL, U+FFFD.
_BINARY_CHARACTERS = compile_kept("[\x01-\x06\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
# In this order: UTF-32 LE's byte-order mark starts with UTF-16 LE's.
_BOMS = {codecs.BOM_UTF32_LE: "utf-32", codecs.BOM_UTF32_BE: "utf-32", codecs.BOM_UTF16_LE: "utf-16",
         codecs.BOM_UTF16_BE: "utf-16"}


class Refused(Exception):
    """A file that cannot be loaded; the message is one sentence on why, without the file's name,
    and the line where it went wrong when there is one (a manifest's YAML)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def decode(data: bytes) -> tuple[str, str | None]:
    """Text as Python's text mode would give it, and a warning when it was not UTF-8.

    UTF-16 or UTF-32 cut short keeps what can be read, with a warning, rather than losing it all.
    A text with more than one binary character in twenty (in its first 8,192, and 32 at least)
    is binary.
    """
    warning = None
    encoding = next((name for bom, name in _BOMS.items() if data.startswith(bom)), None)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = data.decode(encoding, errors="replace")
            warning = f"this file is not valid {encoding.upper()} throughout; what could not be read shows as �."
    else:
        refuse_binary(data)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warning = "this file was not valid UTF-8; it was read as Windows-1252."
    sample = text[:8192]
    if "\x00" in text or len(_BINARY_CHARACTERS.findall(sample)) > max(len(sample), 640) / 20:
        raise Refused("this looks like a binary file, not a text report.")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warning


def refuse_binary(data: bytes) -> None:
    """Raise ``Refused`` when the bytes start like a known binary format or hold a NUL early on."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise Refused(f"this looks like a binary file ({kind}), not a text report.")
    if b"\x00" in data[:8192]:
        raise Refused("this looks like a binary file, not a text report.")
