"""Write story/unit_scales.py: pint's answer for every unit the highlighters name, so that the reader
converts them without loading pint (most of a second) on a user's first run.

    .venv/bin/python scripts/unit_scales.py

A test (tests/test_figure_formats.py) checks the table against pint; run this when it fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def named_units() -> list[tuple[str, str]]:
    """(unit, dimension) for every unit a figure can be read in: the measures and durations of
    ``highlighters/unit_words``, and a length per hour or second ("193km/h", ``highlighters/numbers``)."""
    from sahel_reader.highlighters.numbers import _SPEED_PERIODS
    from sahel_reader.highlighters.unit_words import DURATIONS, MEASURES

    units = {(unit.name, unit.dimension) for unit in [*MEASURES.values(), *DURATIONS.values()]}
    lengths = {name for name, dimension in units if dimension == "length"}
    units |= {(f"{length}_per_{period}", "speed") for length in lengths for period in set(_SPEED_PERIODS.values())}
    return sorted(units)


def table() -> str:
    from sahel_reader.story.measures import _ask_pint

    rows = []
    for unit, dimension in named_units():
        answer = _ask_pint(unit, dimension)
        if answer is None:
            raise SystemExit(f"pint cannot convert {unit} to its {dimension}'s base unit")
        rows.append(f"    {unit + '|' + dimension!r}: {answer!r},")
    return ('"""pint\'s answers for the units the highlighters name, ``base = value * scale + offset`` by\n'
            '``"unit|dimension"`` (``scripts/unit_scales.py`` wrote it; a test checks it against pint)."""\n\n'
            "SCALES: dict[str, tuple[float, float]] = {\n" + "\n".join(rows) + "\n}\n")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    (ROOT / "story" / "unit_scales.py").write_text(table(), encoding="utf-8")
