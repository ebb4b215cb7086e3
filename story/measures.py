"""Figures in one unit per dimension, so that "10 kilometers" and "6 miles" can be compared.

The conversions are pint's, the standard units library: the highlighters name each unit as pint
does (``highlighters/unit_words``), and here pint says how far a unit is from its dimension's base
unit. Every unit it knows is an affine map of its base (a scale and, for temperatures, an offset).
pint's answers for the units the highlighters name come with the package (``unit_scales``, written
from pint by ``scripts/unit_scales.py`` and checked against it by a test), so that no process loads
pint for them. Any other unit is asked of pint once and its answer kept: in the process, and in the
user's cache folder (``$XDG_CACHE_HOME/sahel-reader/units.json``, keyed by pint's installed files and
the definitions below), so that a later process converts without loading pint at all. pint takes
most of a second to load (0.4 s with its own cache of its definition files): it is loaded only for
a unit neither the package nor an earlier process knows, in the engine's worker, never before the
reader's first frame.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from functools import cache

from ..highlighters.user_cache import keep, read_kept
from .unit_scales import SCALES

_ANSWERS = "units.json"
"""pint's answers, kept in the user's cache folder for the next process."""

BASE_UNITS = {
    "length": "meter", "area": "meter ** 2", "volume": "meter ** 3", "mass": "kilogram",
    "speed": "meter / second", "temperature": "kelvin", "data": "byte", "data rate": "bit / second",
    "frequency": "hertz", "power": "watt", "energy": "joule", "pressure": "pascal", "duration": "second",
}
"""The unit each dimension's figures are compared in, as pint writes it."""
_DEFINITIONS = (
    "square_kilometer = kilometer ** 2", "square_meter = meter ** 2", "cubic_meter = meter ** 3",
    "megabit_per_second = megabit / second", "gigabit_per_second = gigabit / second",
)
"""Names for the compound units news writes as one word ("sq km", "Mbps"), which pint builds from others."""
_PINT_EXPRESSIONS = {"decade": "10 * year"}
"""Units whose name means something else to pint: its "decade" is a logarithmic ratio, not ten years."""


@cache
def _registry():
    import pint  # slow to load: only when a story has a figure with a unit

    try:  # pint's own cache of its parsed definitions (the user's cache folder): a tenth of the time to load
        registry = pint.UnitRegistry(cache_folder=":auto:")
    except Exception:  # noqa: BLE001 - a cache that cannot be read or written: pint reads its files anew
        registry = pint.UnitRegistry()
    for definition in _DEFINITIONS:
        registry.define(definition)
    return registry


def _affine(unit: str, dimension: str) -> tuple[float, float] | None:
    """(scale, offset) with ``base = value * scale + offset``, or None where pint cannot convert."""
    key = f"{unit}|{dimension}"
    if key in SCALES:
        return SCALES[key]
    known = _known()
    if key in known:
        return known[key]
    known[key] = answer = _ask_pint(unit, dimension)
    _keep(known)
    return answer


def _ask_pint(unit: str, dimension: str) -> tuple[float, float] | None:
    base = BASE_UNITS.get(dimension)
    if base is None:
        return None
    import pint

    registry = _registry()
    try:
        expression = _PINT_EXPRESSIONS.get(unit)
        if expression is None and "_per_" in unit and unit not in registry:  # "mile_per_second": mile / second
            expression = unit.replace("_per_", " / ")
        if expression is not None:  # a plain multiple of another unit: no offset
            zero, one = 0.0, registry.parse_expression(expression).to(base).magnitude
        else:
            zero = registry.Quantity(0.0, unit).to(base).magnitude
            one = registry.Quantity(1.0, unit).to(base).magnitude
    except (pint.errors.PintError, AttributeError, TypeError, ValueError):
        return None
    return one - zero, zero


@cache
def _answers_key() -> str:
    """What pint's kept answers hold for: this pint, as installed, and the definitions of this module."""
    spec = importlib.util.find_spec("pint")
    origin = spec.origin if spec is not None and spec.origin else ""
    try:
        stat = os.stat(origin)
        installed = f"{origin}|{stat.st_size}|{stat.st_mtime_ns}"
    except OSError:
        installed = origin
    own = json.dumps([installed, BASE_UNITS, _DEFINITIONS, _PINT_EXPRESSIONS])
    return hashlib.sha256(own.encode()).hexdigest()


@cache
def _known() -> dict[str, tuple[float, float] | None]:
    """pint's answers so far: those kept by earlier processes for the same pint, then this one's."""
    kept = read_kept(_ANSWERS)
    try:
        if kept.get("key") == _answers_key():
            return {key: None if answer is None else (float(answer[0]), float(answer[1]))
                    for key, answer in kept["answers"].items()}
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        pass  # none yet, or not answers of this shape: pint is asked again
    return {}


def _keep(known: dict[str, tuple[float, float] | None]) -> None:
    """Write the answers for later processes (a cache folder that cannot be written: the next asks pint again)."""
    keep(_ANSWERS, {"key": _answers_key(), "answers": known})


def base_unit(dimension: str | None) -> str | None:
    """The unit a dimension's figures are compared in ("meter" for lengths), or None."""
    return BASE_UNITS.get(dimension or "")


def to_base(value: float | None, unit: str | None, dimension: str | None) -> float | None:
    """``value`` in ``unit`` expressed in its dimension's base unit: 6 miles is 9656.064 meters."""
    if value is None or unit is None or dimension is None:
        return None
    affine = _affine(unit, dimension)
    return None if affine is None else value * affine[0] + affine[1]


def from_base(value: float | None, unit: str | None, dimension: str | None) -> float | None:
    """The inverse of ``to_base``: a base value expressed in ``unit``."""
    if value is None or unit is None or dimension is None:
        return None
    affine = _affine(unit, dimension)
    return None if affine is None or not affine[0] else (value - affine[1]) / affine[0]
