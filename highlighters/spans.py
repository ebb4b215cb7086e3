"""The plain values the highlighters return: offsets into the text and what was found there."""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]
"""A half-open ``[start, end)`` range of Python string offsets."""


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
    qualifier: str
    """exact | approx | lower | upper | range | vague"""
    quantity: str
    """count | year | date | time | duration | distance | money | percent | magnitude | other"""
    unit: str | None = None
    """The unit as normalised ("year", "km", "USD"), where the quantity has one."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quoted passage, marks included in the span, and who the text says spoke it."""

    start: int
    end: int
    speaker: str | None
    scare: bool = False
    """A short quoted phrase (one or two words) used as a scare quote rather than speech."""
    speaker_text: str | None = None
    """The words the text used for the speaker ("he", "the doctor", "Mr. Kiir"); ``speaker`` is
    the fullest name the text gives them."""
    speaker_start: int | None = None
    speaker_end: int | None = None
    """Where ``speaker_text`` is: ``text[speaker_start:speaker_end] == speaker_text``."""
