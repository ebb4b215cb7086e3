"""The plain values the highlighters return: offsets into the text and what was found there."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]
"""A half-open ``[start, end)`` range of Python string offsets."""
Qualifier = Literal["exact", "approx", "lower", "upper", "range", "vague"]
"""What a figure's hedge says of its value: "about 20" is approx, "at least 3" lower, "up to 50" upper."""
Quantity = Literal["count", "year", "date", "time", "duration", "distance", "money", "percent", "magnitude", "other"]
"""What sort of thing a figure measures, as its unit or the words beside it say."""


@dataclass(slots=True)
class Figure:
    """A numeric expression that states a fact, with the interval its hedge allows.

    Not frozen, unlike the other spans: one is made for every figure of every report, and a frozen
    dataclass takes five times as long to build.
    """

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    quantity: Quantity
    unit: str | None = None
    """The unit: pint's name for a measure ("kilometer", "degree_Fahrenheit"), an ISO 4217 code
    for money ("EUR"), "%" for a percentage, a unit of time for a duration ("year"); None for counts."""
    dimension: str | None = None
    """What the unit measures (length, area, mass, speed, temperature, data, frequency, currency,
    duration, percent, ...), or what a unitless figure is: magnitude, fraction, multiplier, age."""
    per: str | None = None
    """The unit of a rate's denominator: "gallon" in "20 miles per gallon", "week" in "$920 a week"."""
    when: str | None = None
    """A date or clock time as ISO 8601, as far as the text gives it: "2007-04-10", "--07-02" (no
    year), "10:52+00:00" (with the zone's offset), "13:53" (no zone)."""
    role: str | None = None
    """"from" or "to" for the two ends of a change ("rose from 40 to 50"); None otherwise."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quoted passage, marks included in the span, and who the text says spoke it."""

    start: int
    end: int
    speaker: str | None
    scare: bool = False
    """A short quoted phrase (one or two words) used as a scare quote rather than speech."""
    name: bool = False
    """A title or a page name ("the survey's “Did you feel it?” site"): no speech, and no claim of a report."""
    speaker_text: str | None = None
    """The words the text used for the speaker ("he", "the doctor", "Mr. Kiir"); ``speaker`` is
    the fullest name the text gives them."""
    speaker_start: int | None = None
    speaker_end: int | None = None
    """Where ``speaker_text`` is: ``text[speaker_start:speaker_end] == speaker_text``."""
