"""Where the bundled story is: a module of its own so that starting the reader need not load the
report reader (yaml, the highlighters) before the first frame."""

from __future__ import annotations

from pathlib import Path


def bundled_seed_paths() -> list[Path]:
    """The five bundled Bamako reports, the story shown when no path is given: in ``seeds`` beside
    ``story`` in the package as in the sources (``importlib.resources`` would import zipfile first)."""
    seeds = Path(__file__).parent.parent / "seeds"
    return sorted(path for path in seeds.iterdir() if path.suffix == ".txt")
