"""The suite leaves the real home folder alone: what a run added there is listed, and fails the run.

The Pilot tests point HOME and the XDG folders at temporary ones (tests/tui/conftest.py); a test
that undoes that, or a subprocess started without it, would write recovery files or key files
into the user's own folders. ``conftest.py`` takes a listing when the run starts and compares
at its end.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_FOLDER = "sahel-reader"


def watched_folders(environ: dict[str, str] | os._Environ, home: Path) -> tuple[Path, list[Path]]:
    """The home folder (its own entries watched) and the app's folders in it (watched all through)."""
    state = Path(environ.get("XDG_STATE_HOME") or home / ".local" / "state")
    config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
    cache = Path(environ.get("XDG_CACHE_HOME") or home / ".cache")
    return home, [state / APP_FOLDER, config / APP_FOLDER, cache / APP_FOLDER, home / ".local" / "state" / APP_FOLDER,
                  home / ".config" / APP_FOLDER, home / ".cache" / APP_FOLDER]


def listing(home: Path, app_folders: list[Path]) -> set[Path]:
    """Every entry of the home folder, and everything under the app's folders."""
    seen: set[Path] = set()
    if home.is_dir():
        seen.update(home.iterdir())
    for folder in app_folders:
        if folder.exists():
            seen.add(folder)
            seen.update(folder.rglob("*"))
    return seen


def appeared(before: set[Path], after: set[Path]) -> list[Path]:
    return sorted(after - before)
