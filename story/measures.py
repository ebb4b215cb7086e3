"""Figures in one unit per dimension, so that "10 kilometers" and "6 miles" can be compared.

The conversions are pint's, the standard units library: the highlighters name each unit as pint
does (``highlighters/unit_words``), and here pint says how far a unit is from its dimension's base
unit. pint takes most of a second to load, so it is loaded on the first figure that has a unit
(in the engine's worker, never before the reader's first frame) and asked once per unit: every
unit it knows is an affine map of its base (a scale and, for temperatures, an offset), which is
kept and applied to each figure without asking again. pint keeps what it parsed of its definition
files in the user's cache folder, so that later processes load it in a tenth of the time.
"""

from __future__ import annotations

from functools import cache

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


@cache
def _affine(unit: str, dimension: str) -> tuple[float, float] | None:
    """(scale, offset) with ``base = value * scale + offset``, or None where pint cannot convert."""
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
