"""Long patterns compiled once per Python installation, not once per process.

Python compiles a regular expression with Python code (``re._parser`` and ``re._compiler``): the
figure pattern alone takes a tenth of a second, in every process, and the reader's colours and
every ``claims`` command wait for it. What that compilation makes is a program of integers, which
``_sre`` turns into a pattern object in microseconds and checks before it accepts it. So the program
of a long pattern is kept in the user's cache folder (``$XDG_CACHE_HOME/sahel-reader/``), one file
per Python, keyed by the pattern and its flags; the same Python reads it back. Anything unexpected
(no file, another Python, a damaged file, an interpreter whose internals differ) compiles the
pattern as ``re.compile`` does. These are private parts of the standard library:
``tests/test_kept_patterns.py`` names them and checks that the kept pattern is the one ``re`` makes.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import cache

from .user_cache import keep, read_kept

_FILE = "patterns.json"
KEPT_PROGRAMS = 64
"""At most this many programs in the file: a pattern that changes with the code leaves its old one behind."""


def compile_kept(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the program an earlier process kept where there is one."""
    key = hashlib.sha256(f"{flags}|{pattern}".encode()).hexdigest()
    program = _kept().get(key)
    if program is not None:
        try:
            return _from_program(pattern, program)
        except Exception:  # noqa: BLE001 - a damaged or foreign program: compiled anew below
            pass
    try:
        compiled, program = _compiled_with_program(pattern, flags)
    except Exception:  # noqa: BLE001 - internals unlike this Python's: re does it all
        return re.compile(pattern, flags)
    _keep(key, program)
    return compiled


def _compiled_with_program(pattern: str, flags: int) -> tuple[re.Pattern[str], dict]:
    """What ``re._compiler.compile`` does, keeping the program it hands to ``_sre``."""
    import _sre
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    program = {"flags": flags | parsed.state.flags, "code": _compiler._code(parsed, flags),
               "groups": parsed.state.groups - 1, "groupindex": dict(parsed.state.groupdict), "indexgroup": indexgroup}
    return _from_program(pattern, program), program


def _from_program(pattern: str, program: dict) -> re.Pattern[str]:
    import _sre

    return _sre.compile(pattern, program["flags"], program["code"], program["groups"], program["groupindex"],
                        tuple(program["indexgroup"]))


def _python() -> str:
    """The Python a program was made by: another version may number its instructions otherwise."""
    import _sre

    return f"{sys.implementation.cache_tag}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"


@cache
def _kept() -> dict[str, dict]:
    """The programs kept by earlier processes of this Python, and this process's."""
    kept = read_kept(_FILE)
    if isinstance(kept, dict) and kept.get("python") == _python() and isinstance(kept.get("programs"), dict):
        return kept["programs"]
    return {}  # none yet, unreadable, or another Python's: compiled anew and kept


def _keep(key: str, program: dict) -> None:
    """Add a program to the file (a cache folder that cannot be written: the next process compiles it again)."""
    programs = _kept()
    programs[key] = program
    for old in list(programs)[:-KEPT_PROGRAMS]:
        del programs[old]
    keep(_FILE, {"python": _python(), "programs": programs})
