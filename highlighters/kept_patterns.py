"""Patterns compiled once per Python installation, not once per process.

Python compiles a regular expression with Python code (``re._parser`` and ``re._compiler``): the
figure pattern alone takes a tenth of a second, and the engine's two hundred patterns together
another twentieth, in every process; the reader's colours and every ``claims`` command wait for
them. What that compilation makes is a program of integers, which ``_sre`` turns into a pattern
object in microseconds and checks before it accepts it. So each pattern's program is kept in the
user's cache folder (``$XDG_CACHE_HOME/sahel-reader/``), one file per Python, keyed by the pattern
and its flags; the same Python reads it back. Anything unexpected (no file, another Python, a
damaged file, an interpreter whose internals differ) compiles the pattern as ``re.compile`` does.
These are private parts of the standard library: ``tests/test_kept_patterns.py`` names them and
checks that the kept pattern is the one ``re`` makes.

The file is a line of JSON (what each program is: flags, groups, where its code is) and then the
codes of all programs, as machine integers: read and sliced in C, where the same numbers written
as JSON took longer to parse than the patterns take to compile. Then the texts of the patterns that
were rewritten before they were compiled (``optionals``), as UTF-8: in the line of JSON they were
nearly all of its 2.6 MB, parsed by every process before its first pattern (11 ms of the reader's
first frame), and a text is only read with its program.
"""

from __future__ import annotations

import atexit
import json
import re
import sys
import threading
from array import array
from collections.abc import Callable
from functools import cache
from typing import AnyStr

from .user_cache import forget, keep_bytes, map_kept

try:  # CPython's own SHA-256 (``_sha2`` from 3.12): hashlib's loads OpenSSL's library, 200 page faults
    from _sha256 import sha256  # and 11M instructions before the reader's first frame, for a few keys
except ImportError:  # pragma: no cover - another Python
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256

FILE = "patterns.bin"
FORMER_FILE = "patterns.json"
"""The programs as earlier versions kept them, as JSON (megabytes): removed by the first process that reads
the programs (one system call when it is gone)."""
KEPT_PROGRAMS = 600
"""At most this many programs in the file, those this process used first: a pattern that changes with
the code leaves its old program behind, and the engine has about two hundred."""


def compile_kept(pattern: AnyStr, flags: int = 0, rewrite: Callable[[AnyStr], AnyStr] | None = None
                 ) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the program an earlier process kept where there is one.

    ``rewrite`` gives the pattern actually compiled (``optionals``): a kept program is found by the
    pattern as written, so a later process does not rewrite it again.
    """
    key = key_of(pattern, flags) + (f"|{rewrite.__qualname__}" if rewrite else "")
    kept = _kept()
    program = kept.program(key)
    if program is not None:
        try:
            return _from_program(pattern, program)
        except Exception:  # noqa: BLE001 - a damaged or foreign program: compiled anew below
            pass
    source = pattern if rewrite is None else rewrite(pattern)
    try:
        program = _program(source, flags)
        compiled = _from_program(source, program)
    except Exception:  # noqa: BLE001 - internals unlike this Python's: re does it all
        return re.compile(source, flags)
    if source != pattern:
        program["text"] = source
    kept.add(key, program)
    return compiled


def key_of(pattern: str | bytes, flags: int) -> str:
    """What a program is kept under: its pattern (text with surrogates and all, or bytes) and flags."""
    if isinstance(pattern, bytes):
        return sha256(f"{flags}|bytes|".encode() + pattern).hexdigest()
    return sha256(f"{flags}|{pattern}".encode("utf-8", "surrogatepass")).hexdigest()


def _program(pattern: AnyStr, flags: int) -> dict:
    """What ``re._compiler.compile`` hands to ``_sre`` for the pattern."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    return {"flags": flags | parsed.state.flags, "code": _compiler._code(parsed, flags),
            "groups": parsed.state.groups - 1, "groupindex": dict(parsed.state.groupdict), "indexgroup": indexgroup}


def _from_program(pattern: AnyStr, program: dict) -> re.Pattern[AnyStr]:
    """The pattern object ``_sre`` makes of a program (which it checks); a rewritten pattern keeps its text."""
    import _sre

    return _sre.compile(program.get("text", pattern), program["flags"], program["code"], program["groups"],
                        program["groupindex"], tuple(program["indexgroup"]))


def _python() -> str:
    """The Python a program was made by: another version may number its instructions otherwise."""
    import _sre

    return f"{sys.implementation.cache_tag}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"


def _code_type() -> str | None:
    """The ``array`` type whose items are ``_sre``'s code units, if one is."""
    import _sre

    return next((kind for kind in "HIL" if array(kind).itemsize == _sre.CODESIZE), None)


class _Programs:
    """The programs of the file, each decoded when first asked for, and those this process added."""

    def __init__(self, entries: dict[str, dict], codes: bytes | memoryview, kind: str | None, texts_at: int = 0) -> None:
        self._entries, self._codes, self._kind = entries, codes, kind
        self._texts_at = texts_at
        """Where the rewritten patterns' texts start, in bytes after the header (after all the codes)."""
        self._decoded: dict[str, dict] = {}
        """The programs this process used or made, in that order: kept first when the file is written again."""
        self._unwritten = False
        self._lock = threading.Lock()
        """The reader's loading worker writes while its screens may still compile."""

    def program(self, key: str) -> dict | None:
        if key in self._decoded:
            return self._decoded[key]
        entry = self._entries.get(key)
        if entry is None or self._kind is None:
            return None
        try:
            code_units = array(self._kind)
            size = code_units.itemsize
            code_units.frombytes(self._codes[entry["at"] * size:(entry["at"] + entry["size"]) * size])
            code = code_units.tolist()
            if len(code) != entry["size"]:
                return None  # a file cut short
            program = {**entry, "code": code}
            if "text_at" in entry:
                start = self._texts_at + entry["text_at"]
                text = bytes(self._codes[start:start + entry["text_size"]])
                if len(text) != entry["text_size"]:
                    return None
                program["text"] = text.decode("utf-8", "surrogatepass")
        except (KeyError, TypeError, ValueError):  # a damaged text is a ValueError (UnicodeDecodeError)
            return None
        self._decoded[key] = program
        return program

    def add(self, key: str, program: dict) -> None:
        """Keep a program this process compiled: the file is written again once, however many it
        compiled (a first start compiles them all), by ``keep_compiled_patterns`` or as the process ends."""
        with self._lock:
            self._decoded[key] = program
            self.write_later()

    def write_later(self) -> None:
        """Write the file as the process ends (or at ``keep_compiled_patterns``), once."""
        if not self._unwritten and self._kind is not None:
            atexit.register(self.write)
            self._unwritten = True

    def write(self) -> None:
        """Write the file: this process's programs first, then the others, up to ``KEPT_PROGRAMS``."""
        with self._lock:
            if not self._unwritten:
                return
            self._unwritten = False
            atexit.unregister(self.write)
            used = list(self._decoded)
        others = [k for k in self._entries if k not in self._decoded]
        header: dict[str, dict] = {}
        codes = array(self._kind)
        texts = bytearray()
        for k in [*used, *others][:KEPT_PROGRAMS]:
            kept = self.program(k)
            if kept is None:
                continue
            header[k] = {name: value for name, value in kept.items() if name not in _PLACED}
            header[k].update(at=len(codes), size=len(kept["code"]))
            codes.extend(kept["code"])
            if "text" in kept:
                text = kept["text"].encode("utf-8", "surrogatepass")
                header[k].update(text_at=len(texts), text_size=len(text))
                texts += text
        code_bytes = codes.tobytes()
        line = json.dumps({"python": _python(), "texts_at": len(code_bytes), "programs": header}).encode("utf-8")
        keep_bytes(FILE, line + b"\n" + code_bytes + texts)


_PLACED = ("code", "at", "size", "text", "text_at", "text_size")
"""What a program holds that the file keeps after its line of JSON (with where it is), not in it."""


def keep_compiled_patterns() -> None:
    """Write the programs this process compiled, if any, now rather than as it ends: a reader closed
    with its terminal, or killed, never reaches its end."""
    _kept().write()


@cache
def _kept() -> _Programs:
    """The programs kept by earlier processes of this Python, and this process's."""
    forget(FORMER_FILE)
    data = map_kept(FILE) or b""
    cut = data.find(b"\n")
    line, codes = (data[:cut], memoryview(data)[cut + 1:]) if cut >= 0 else (data[:], b"")
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    kind = _code_type()
    if isinstance(header, dict) and header.get("python") == _python() and isinstance(header.get("programs"), dict):
        texts_at = header.get("texts_at", 0)
        programs = _Programs(header["programs"], codes, kind, texts_at if isinstance(texts_at, int) else 0)
        if "texts_at" not in header:  # written by an earlier version, the texts in its line of JSON: written anew
            programs.write_later()
        return programs
    return _Programs({}, b"", kind)  # none yet, unreadable, or another Python's: compiled anew and kept
