"""When each report was published, and the year of the dates it writes without one.

A report's time comes from its story manifest's ``date``, its HTML metadata or its dateline
("Updated: November 11, 2011 20:09 IST"), read by the same figure finder as the text. It is ISO
8601, with the zone's offset where one is written ("2011-11-11T20:09+05:30"); a dateline without
a year ("Fri, 11 Nov") takes it from the report's web address or its other dates.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from ..highlighters.clock import DAYLIGHT_ZONES, format_offset
from ..highlighters.numbers import find_figures

from .claims import Claim
from .html import iso_minute
from .model import Document
from ..highlighters.kept_patterns import compile_kept

_URL_DATE = compile_kept(r"(?<!\d)((?:19|20)\d\d)[/-](\d\d)(?:[/-](\d\d))?(?!\d)")
_YEAR = compile_kept(r"^(\d{4})")


def publication_time(document: Document, claims: list[Claim]) -> str | None:
    """The report's publication time as ISO 8601, or None when nothing in or about it says."""
    if document.date and (moment := iso_minute(document.date)):
        return moment  # a web page's metadata or a fetched story's manifest: already exact
    if document.date:
        figures = find_figures(str(document.date))
        dates = [f.when for f in figures if f.quantity in ("date", "year") and f.when]
        times = [f.when for f in figures if f.quantity == "time" and f.when]
        zones = [f.unit for f in figures if f.quantity == "time" and f.when]
    else:
        dateline = [c for c in claims if c.dateline and c.when]
        line_sentence = next((c.sentence for c in dateline if c.quantity == "date"), None)
        dates = [c.when for c in dateline if c.quantity == "date"]
        times = [c.when for c in dateline if c.quantity == "time" and c.sentence == line_sentence]
        zones = [c.unit for c in dateline if c.quantity == "time" and c.sentence == line_sentence]
    if not dates:
        return None
    day = complete_date(dates[0], _year_hint(document, claims))
    if day is None or len(day) < 10:
        return day
    if not times:
        return day
    return f"{day}T{_with_offset(times[0], zones[0], day)}"


def complete_date(when: str, near: date | int | None) -> str | None:
    """A date written without its year (or month) completed from ``near``: the publication date, or a year.

    "--11-12" near 2011-11-15 is 2011-11-12; near 2012-01-03 it is 2011-11-12, the nearer one.
    """
    if not when.startswith("-"):
        return when
    if near is None:
        return None
    if isinstance(near, int):
        return f"{near:04d}{when[1:]}" if when.startswith("--") and not when.startswith("---") else None
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        for month in ((near.month,) if not when.startswith("---") else range(1, 13)):
            month_text, day_text = (when[2:4], when[5:7]) if not when.startswith("---") else (f"{month:02d}", when[3:5])
            try:
                candidates.append(date(year, int(month_text), int(day_text)))
            except ValueError:
                continue
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: abs((candidate - near).days)).isoformat()


def resolve_dates(claims: list[Claim], published: str | None) -> None:
    """Fill the year of each date written without one ("July 2nd"), from the report's publication date."""
    near = _as_date(published)
    if near is None:
        return
    for claim in claims:
        if claim.quantity == "date" and claim.when and claim.when.startswith("-"):
            claim.when = complete_date(claim.when, near) or claim.when


def _year_hint(document: Document, claims: list[Claim]) -> int | None:
    """The year a report's year-less dateline means: from its web address, else its commonest written year."""
    found = _URL_DATE.search(document.url or "")
    if found:
        return int(found.group(1))
    years = Counter(int(match.group(1)) for c in claims if c.quantity in ("date", "year") and c.when
                    for match in [_YEAR.match(c.when)] if match)
    return years.most_common(1)[0][0] if years else None


def _with_offset(time: str, zone: str | None, day: str) -> str:
    """A clock time with its offset; a US zone that follows daylight saving ("ET") gets the date's offset."""
    if zone and zone.lower() in DAYLIGHT_ZONES and "+" not in time and "-" not in time:
        from zoneinfo import ZoneInfo

        moment = datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=ZoneInfo(DAYLIGHT_ZONES[zone.lower()]))
        offset = moment.utcoffset() or timedelta(0)
        return time + format_offset(int(offset.total_seconds() // 60))
    return time


def _as_date(published: str | None) -> date | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
