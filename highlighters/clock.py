"""Dates and clock times as ISO 8601, with the time zone kept where the text gives one.

"1052 GMT" and "1852 HKT" are one instant: each time keeps its zone's offset ("10:52+00:00",
"18:52+08:00"), so the story can compare them. A date without a year keeps what it has
("--07-02", "---03"); the story fills the year from the report's publication time.
"""

from __future__ import annotations

import calendar
from .kept_patterns import compile_kept

ZONE_OFFSETS: dict[str, int | None] = {
    "gmt": 0, "utc": 0, "z": 0, "wet": 0, "bst": 60, "west": 60, "cet": 60, "wat": 60, "cest": 120, "eet": 120,
    "cat": 120, "sast": 120, "eest": 180, "msk": 180, "eat": 180, "ast": 180, "irst": 210, "irdt": 270, "gst": 240,
    "pkt": 300, "ist": 330, "npt": 345, "ict": 420, "wib": 420, "hkt": 480, "sgt": 480, "myt": 480, "pht": 480,
    "awst": 480, "jst": 540, "kst": 540, "acst": 570, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
    "brt": -180, "art": -180, "adt": -180, "edt": -240, "est": -300, "cdt": -300, "cst": -360, "mdt": -360,
    "mst": -420, "pdt": -420, "pst": -480, "akdt": -480, "akst": -540, "hst": -600,
    "et": None, "ct": None, "mt": None, "pt": None,
}
"""Time-zone abbreviations news prints after a clock time, with their offset from UTC in minutes.
Where one abbreviation names several zones, the one news uses most: IST is India's, CST the US
Central, AST Arabia's. The US "ET", "CT", "MT" and "PT" change with daylight saving: no fixed offset."""
DAYLIGHT_ZONES = {"et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles"}
"""The zones whose offset depends on the date, by the IANA zone that gives it."""

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
_MONTH_ABBREVIATIONS = (("jan",), ("feb",), ("mar",), ("apr",), (), ("jun",), ("jul",), ("aug",), ("sep", "sept"),
                        ("oct",), ("nov",), ("dec",))
MONTHS = {name: number for number, (full, short) in enumerate(zip(MONTH_NAMES, _MONTH_ABBREVIATIONS), 1)
          for name in (*short, full)}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

_OFFSET = compile_kept(r"(?:gmt|utc)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\s*$")
_DIGITS = compile_kept(r"\d+")
_WORD = compile_kept(r"[a-z]+")
_AFTERNOON = compile_kept(r"p\.?\s?m\b")
_MORNING = compile_kept(r"a\.?\s?m\b")
_NUMERIC_DATE = compile_kept(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})")
_TWO_DIGITS = tuple(f"{number:02d}" for number in range(100))
"""The numbers 0-99 as ``f"{number:02d}"`` writes them, for the hours, minutes, seconds, months and days of
ISO times and dates, each below 100 where it is written: in Python 3.11 a format with a spec costs about a
microsecond a field (it is parsed at each call), a look-up in this table a twentieth of that."""


def zone_offset(zone_text: str) -> int | None:
    """The offset in minutes that a zone as written names ("GMT", "HKT", "UTC+3", "+02:00"), or None."""
    zone = " ".join(zone_text.lower().split())
    if zone in ZONE_OFFSETS:
        return ZONE_OFFSETS[zone]
    offset = _OFFSET.search(zone)
    if offset is None:
        return None
    sign = -1 if offset.group(1) in "-−" else 1
    return sign * (int(offset.group(2)) * 60 + int(offset.group(3) or 0))


def clock_parts(clock: str) -> tuple[int, int, int | None] | None:
    """Hours (0-23), minutes and seconds of a clock time as written ("3:45 p.m.", "1052", "9.25 a.m.")."""
    lowered = clock.lower()
    numbers = _DIGITS.findall(lowered.split("gmt")[0].split("utc")[0])
    if not numbers:
        return None
    if len(numbers[0]) in (3, 4) and len(numbers) == 1:
        hours, minutes, seconds = divmod(int(numbers[0]), 100) + (None,)
    else:
        hours = int(numbers[0])
        minutes = int(numbers[1]) if len(numbers) > 1 and len(numbers[1]) == 2 else 0
        seconds = int(numbers[2]) if len(numbers) > 2 and len(numbers[2]) == 2 and ":" in lowered else None
    if _AFTERNOON.search(lowered) and hours < 12:
        hours += 12
    elif _MORNING.search(lowered) and hours == 12:
        hours = 0
    if hours > 24 or minutes > 59 or (seconds or 0) > 59:
        return None
    return hours % 24, minutes, seconds


def iso_time(clock: str, zone_text: str | None) -> str | None:
    """A clock time as ISO 8601: "10:52+00:00", "13:53" (no zone written), or None if it is no time."""
    parts = clock_parts(clock)
    return None if parts is None else time_text(*parts, zone_text)


def time_text(hours: int, minutes: int, seconds: int | None, zone_text: str | None) -> str:
    """``iso_time`` of the parts ``clock_parts`` reads (hours below 24, minutes and seconds below 60)."""
    text = _TWO_DIGITS[hours] + ":" + _TWO_DIGITS[minutes] + (":" + _TWO_DIGITS[seconds] if seconds is not None else "")
    offset = zone_offset(zone_text) if zone_text else None
    return text + (format_offset(offset) if offset is not None else "")


def format_offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def iso_date(written: str, day_first: bool = False) -> str | None:
    """A date as written ("April 10, 2007", "27 NOVEMBER", "4/9/2007", "Wednesday 03") as ISO 8601.

    Parts the text leaves out stay out: "2007-04-10", "2003-12" (a month), "--11-27" (no year),
    "---03" (a day alone). Numeric dates are month first, as in American datelines, unless
    ``day_first`` or the first number cannot be a month.
    """
    lowered = written.lower()
    numeric = _NUMERIC_DATE.search(lowered) if "/" in lowered or "-" in lowered or "." in lowered else None
    if numeric is not None:
        return _numeric_date(*numeric.groups(), day_first=day_first)
    month = year = day = None
    for word in _WORD.findall(lowered):
        if word in MONTHS:
            month = MONTHS[word]
            break
    for number in _DIGITS.findall(lowered):  # the first four-digit number, and the first that can be a day
        if year is None and len(number) == 4:
            year = int(number)
        elif day is None and len(number) <= 2 and 1 <= int(number) <= 31:
            day = int(number)
    if month is None:
        return "---" + _TWO_DIGITS[day] if day else None  # a day is 1-31, a month 1-12
    if year is not None and day is None:
        return year_text(year) + "-" + _TWO_DIGITS[month]
    if day is None or not _valid(year or 2000, month, day):
        return None
    return (year_text(year) if year is not None else "-") + "-" + _TWO_DIGITS[month] + "-" + _TWO_DIGITS[day]


def _numeric_date(first: str, second: str, third: str, day_first: bool) -> str | None:
    if len(first) == 4:  # 2007-04-10
        year, month, day = int(first), int(second), int(third)
    else:
        a, b = int(first), int(second)
        month, day = (b, a) if day_first or a > 12 else (a, b)
        year = int(third) + (2000 if len(third) == 2 and int(third) < 50 else 1900 if len(third) == 2 else 0)
    return year_text(year) + "-" + _TWO_DIGITS[month] + "-" + _TWO_DIGITS[day] if _valid(year, month, day) else None


def year_text(year: int) -> str:
    """A year as ISO 8601 writes it, ``f"{year:04d}"``, with no format spec to parse for a year of four digits."""
    return str(year) if year >= 1000 else f"{year:04d}"


def _valid(year: int, month: int, day: int) -> bool:
    """Whether the day is in the month: ``calendar.monthrange``'s count, without the weekday it also works out."""
    return 1 <= month <= 12 and 1 <= day <= calendar.mdays[month] + (month == 2 and calendar.isleap(year))
