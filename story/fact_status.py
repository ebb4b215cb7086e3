"""Whether the versions of one fact can all be true together: agree or conflict.

Each figure allows an interval of values, in one unit per dimension: "at least 3" includes 3 and
agrees with "3", "more than 3" does not; "about 20" allows a tenth either way, so it conflicts with
"about 26"; "dozens" agrees with what falls inside it; zero conflicts with any positive count.
A figure converted from another unit ("10 km" against "6 miles") allows the rounding of what is
written. Amounts in different currencies are compared only where the story's own text gives the
rate ("€2m ($2.6m)"), directly or through a third currency, allowing the rate's drift between reports;
amounts in one currency are compared with each other as written too, where no rate's drift applies
("$2.6m" and "$3m" conflict, though both pass against "€2m"); times only with times whose zone is as known.
"""

from __future__ import annotations

import math
from collections import defaultdict
from statistics import median
from typing import TYPE_CHECKING

from .claims import Claim
from .measures import to_base
from ..highlighters.kept_patterns import compile_kept

if TYPE_CHECKING:
    from .model import Document

INCLUSIVE_LOWER = ("at least", "no fewer than", "no less than", "a minimum of", "or more", "or greater",
                   "or higher", "+", "-plus", "since")
INCLUSIVE_UPPER = ("up to", "at most", "no more than", "as many as", "as much as", "or less", "or fewer",
                   "a maximum of", "by")
APPROXIMATE_SHARE = 0.10
"""How far either way "about 50" reaches when versions are compared: 45 to 55."""
ROUND_SHARE = 0.025
"""How far a round figure ("600 were killed") may be from an exact one (612) and still agree with it: a
fortieth either way, and never more than half its last place. "10" and "12" stay a conflict."""
CURRENCY_SHARE = 0.10
"""How far a converted amount may stray: a rate moves between reports and days."""
Rates = dict[tuple[str, str], tuple[float, float]]
"""What one unit of the first currency is worth in the second, as the lowest and highest rate the story allows."""
_SIGNIFICANT = compile_kept(r"(\d[\d,]*)(?:\.(\d+))?")


def comparable_interval(claim: Claim) -> tuple[float, float] | None:
    """The values a figure allows, as the status compares them: in its dimension's base unit, a share as
    a percentage, a clock time in minutes of the day (UTC where its zone is known), a date as a day of
    the year; None if unknown."""
    low, high = _written_interval(claim)
    if claim.quantity == "time":
        return _time_interval(claim, low, high)
    if claim.quantity == "date":
        return on_the_calendar(claim, low, high)
    if claim.dimension == "fraction":
        return low * 100, high * 100
    if claim.unit and claim.dimension and claim.dimension not in ("currency", "percent", "duration"):
        base = to_base(low, claim.unit, claim.dimension), to_base(high, claim.unit, claim.dimension)
        if base[0] is None or base[1] is None:
            return None
        return base[0], (base[1] if not math.isinf(high) else math.inf)
    if claim.dimension == "duration" and claim.unit:
        base = to_base(low, claim.unit, "duration"), to_base(high, claim.unit, "duration")
        if base[0] is not None and base[1] is not None:
            return base[0], (base[1] if not math.isinf(high) else math.inf)
    return low, high


_DAYS_BEFORE_MONTH = 31
"""Days counted for each month before a date's: a date compares by its month first, then its day."""


def on_the_calendar(claim: Claim, low: float, high: float) -> tuple[float, float]:
    """A date's days of the month ``low`` to ``high`` as days of the year: "Feb. 22" and "Nov. 22" share a
    day of the month (the figure's value) and are nine months apart. Its ``when`` gives the month
    ("--02-22", "2009-02-22"); the year is left out, which dates without one cannot be compared on."""
    when = claim.when or ""
    month = when[-5:-3]
    if not month.isdigit():
        return low, high
    offset = int(month) * _DAYS_BEFORE_MONTH
    return low + offset, high + offset


def fact_status(group: list[Claim], rates: Rates | None = None) -> str:
    """``agree`` when every report's versions of the fact can be true with every other's, else ``conflict``."""
    return "conflict" if versions_conflict(compared_versions(group, rates)) else "agree"


def versions_conflict(by_scale: dict[str, list[tuple[Claim, tuple[float, float]]]]) -> bool:
    """Whether, on any scale of ``compared_versions``, two reports give versions with no value in common."""
    return any(_disjoint_across_reports([(claim.doc, interval) for claim, interval in versions])
               for versions in by_scale.values())


def compared_versions(group: list[Claim], rates: Rates | None = None) -> dict[str, list[tuple[Claim, tuple[float, float]]]]:
    """Each version's interval as versions are compared, by the scale it is compared on: amounts in the fact's main
    currency (others converted where ``rates`` knows the rate, and on their own as well), times with times of as known a
    zone, the rest in their dimension's base unit (an exact figure with its rounding where units are mixed)."""
    rates = rates or {}
    by_scale: dict[str, list[tuple[Claim, tuple[float, float]]]] = defaultdict(list)
    converted_units = {(c.dimension, c.unit) for c in group if c.unit and c.dimension}
    mixed_units = len({unit for dimension, unit in converted_units if dimension != "currency"}) > 1
    main_currency = _main_currency(group)
    for claim in group:
        interval = comparable_interval(claim)
        if interval is None:
            continue
        scale = _scale_of(claim)
        if claim.dimension == "currency" and claim.unit != main_currency:
            rate = rates.get((claim.unit or "", main_currency or ""))
            if rate is not None:  # and in its own currency, where a rate's drift allows nothing ("$2.6m", "$3m")
                by_scale[scale].append((claim, interval))
                interval = (interval[0] * rate[0] * (1 - CURRENCY_SHARE), interval[1] * rate[1] * (1 + CURRENCY_SHARE))
                scale = f"currency {main_currency}"
        elif mixed_units and claim.qualifier == "exact":
            interval = with_rounding(claim, interval)
        by_scale[scale].append((claim, interval))
    return by_scale


def stated_rates(claims: list[Claim], documents: list[Document]) -> Rates:
    """The rates a story's text states, read from all its figures: linking, the statuses worked out again
    after a verdict and the outliers all compare amounts at these (``Story.currency_rates`` keeps them)."""
    return currency_rates([c for c in claims if c.kind == "number"], {d.id: d.text for d in documents})


def currency_rates(claims: list[Claim], texts: dict[str, str]) -> Rates:
    """Rates between currencies as the story's own text states them, as intervals: an amount followed by its
    conversion in brackets ("€2m ($2.6m)", "two million euros, or £1.7m") gives one, within the rounding of
    both amounts as written (``_as_written``); several of one pair give the median of their ends. Two
    currencies never stated together are linked through others that are ("€2m ($2.6m)" and "€2m (£1.7m)"
    give dollars in pounds), by the fewest steps and, of as many, the narrowest interval: a stated rate is
    always preferred."""
    found: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    money = [c for c in claims if c.dimension == "currency" and c.unit and c.value]
    for first, second in zip(money, money[1:]):
        if first.doc != second.doc or first.unit == second.unit or second.start - first.end > 6:
            continue
        between = texts[first.doc][first.end:second.start].strip()
        if between in ("(", "[", ",", ", or", "or", "/", "(or", "(about", "(some", "(around"):
            (low_a, high_a), (low_b, high_b) = _as_written(first), _as_written(second)
            if low_a > 0 and low_b > 0 and not math.isinf(high_a) and not math.isinf(high_b):
                found[(first.unit, second.unit)].append((low_b / high_a, high_b / low_a))
                found[(second.unit, first.unit)].append((low_a / high_b, high_a / low_b))
    stated = {pair: (median(low for low, _ in spans), median(high for _, high in spans)) for pair, spans in found.items()}
    return _chained(stated)


def _chained(stated: Rates) -> Rates:
    """``stated`` with the rate of every pair of currencies joined through others, each by the fewest steps
    (a breadth-first walk from each currency) and, among as many, the narrowest interval."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for source, target in stated:
        neighbours[source].append(target)
    rates = dict(stated)
    for origin in list(neighbours):
        reached = {origin: (1.0, 1.0)}
        frontier = [origin]
        while frontier:
            step: Rates = {}
            for here in frontier:
                for there in neighbours[here]:
                    if there in reached:
                        continue
                    low, high = reached[here]
                    rate = stated[(here, there)]
                    offer = (low * rate[0], high * rate[1])
                    if there not in step or offer[1] / offer[0] < step[there][1] / step[there][0]:
                        step[there] = offer
            reached.update(step)
            frontier = list(step)
        for there, rate in reached.items():
            if there != origin:
                rates.setdefault((origin, there), rate)
    return rates


def _as_written(claim: Claim) -> tuple[float, float]:
    """The values an amount allows as written: its hedge's interval, and for an exact amount at least half a
    unit of its last written digit ("$2.6m" 2.55m to 2.65m, "$52" 51.5 to 52.5); a round amount in words or
    with a trailing zero the share a round figure allows (``ROUND_SHARE``)."""
    low, high = _written_interval(claim)
    written = _SIGNIFICANT.search(claim.text)
    if claim.qualifier != "exact" or not claim.value or written is None:
        return low, high
    whole, decimals = written.group(1).replace(",", ""), written.group(2)
    number = float(f"{whole}.{decimals}" if decimals else whole)
    if not number:
        return low, high
    multiplier = claim.value / number
    if decimals:
        half = 10.0 ** -len(decimals) / 2 * multiplier
    else:
        half = 0.5 if multiplier == 1 and not whole.endswith("0") else 0.0
    return min(low, claim.value - half), max(high, claim.value + half)


def _written_interval(claim: Claim) -> tuple[float, float]:
    """The interval a figure allows in its own unit, bounds inclusive or not as its hedge says."""
    text = claim.text.lower()
    value = claim.value
    if claim.qualifier == "lower":
        low = claim.low if claim.low is not None else (value or 0.0)
        inclusive = any(hedge in text for hedge in INCLUSIVE_LOWER)
        return (low if inclusive else math.nextafter(low, math.inf)), math.inf
    if claim.qualifier == "upper":
        high = claim.high if claim.high is not None else (value or 0.0)
        inclusive = any(text.startswith(hedge) or f" {hedge}" in text for hedge in INCLUSIVE_UPPER)
        low = claim.low if claim.low is not None else (0.0 if high >= 0 else -math.inf)  # "almost 100": 85 and up
        return low, (high if inclusive else math.nextafter(high, -math.inf))
    if claim.qualifier == "approx" and value is not None:
        return tuple(sorted((value * (1 - APPROXIMATE_SHARE), value * (1 + APPROXIMATE_SHARE))))
    low = claim.low if claim.low is not None else value
    high = claim.high if claim.high is not None else value
    if claim.qualifier == "exact" and value and abs(value) >= 100 and value % 100 == 0:
        spread = min(_round_place(value) / 2, abs(value) * ROUND_SHARE)
        return value - spread, value + spread
    return (low if low is not None else 0.0), (high if high is not None else math.inf)


def _round_place(value: float) -> float:
    """The place of a round figure's last non-zero digit: 100 for 600, 1,000 for 26,000."""
    place = 1.0
    while value % (place * 10) == 0:
        place *= 10
    return place


def with_rounding(claim: Claim, interval: tuple[float, float]) -> tuple[float, float]:
    """An exact figure converted from another unit allows the rounding of what was written: "6 miles"
    is 5.5 to 6.5 miles, "60 km" 55 to 65 km."""
    written = _SIGNIFICANT.search(claim.text)
    if written is None or claim.value is None or not claim.value:
        return interval
    whole, decimals = written.group(1).replace(",", ""), written.group(2)
    if decimals:
        step = 10.0 ** -len(decimals)
    else:
        stripped = whole.rstrip("0")
        step = 10.0 ** (len(whole) - len(stripped)) if stripped else 1.0
    scale = (interval[0] / claim.value) if claim.value else 1.0
    half = step / 2 * abs(scale)
    return interval[0] - half, interval[1] + half


def _time_interval(claim: Claim, low: float, high: float) -> tuple[float, float] | None:
    """A clock time as minutes of the day; in UTC where its zone's offset is written."""
    if not claim.when:
        return None
    minutes = int(claim.when[:2]) * 60 + int(claim.when[3:5])
    offset = claim.when[5:] if len(claim.when) > 5 and claim.when[5] in "+-" else claim.when[8:]
    if offset and offset[0] in "+-":
        sign = -1 if offset[0] == "-" else 1
        minutes = (minutes - sign * (int(offset[1:3]) * 60 + int(offset[4:6]))) % (24 * 60)
    spread = 10 if claim.qualifier == "approx" else 0
    if claim.qualifier == "lower":
        return minutes, minutes + 120
    if claim.qualifier == "upper":
        return minutes - 120, minutes
    return minutes - spread, minutes + spread


def hours_apart(a: Claim, b: Claim) -> float | None:
    """How many hours apart two clock times are, the nearer way round the day; None where only one's
    zone is known (a local time and one in GMT are not compared)."""
    if _scale_of(a) != _scale_of(b):
        return None
    first, second = comparable_interval(a), comparable_interval(b)
    if first is None or second is None:
        return None
    return hours_round_the_day((first[0] + first[1]) / 2, (second[0] + second[1]) / 2)


def hours_round_the_day(first: float, second: float) -> float:
    """Hours between two minutes of the day, the nearer way round it: 23:30 and 00:30 are one hour apart."""
    gap = abs(first - second) % (24 * 60)
    return min(gap, 24 * 60 - gap) / 60


def utc_minutes(claim: Claim) -> float | None:
    """A clock time whose zone is written, in minutes of the UTC day; None for any other figure."""
    interval = comparable_interval(claim) if claim.quantity == "time" and _scale_of(claim) == "utc" else None
    return (interval[0] + interval[1]) / 2 if interval else None


def restated_in_zone(local: Claim, zoned: Claim, between: str) -> float | None:
    """The UTC minutes of a local clock time restated in brackets in a zone ("at 1353 (1023 GMT)"), else None."""
    if local.quantity != "time" or _scale_of(local) != "local time" or between.strip() != "(":
        return None
    return utc_minutes(zoned)


def _scale_of(claim: Claim) -> str:
    """Figures compared with each other: one currency, times with or without a known zone."""
    if claim.dimension == "currency":
        return f"currency {claim.unit}"
    if claim.quantity == "time":
        zoned = bool(claim.when and ("+" in claim.when or "-" in claim.when[5:]))
        return "utc" if zoned else "local time"
    return "value"


def _main_currency(group: list[Claim]) -> str | None:
    """The currency most of a fact's amounts are in, the first of them on a tie (never the hash seed's choice)."""
    currencies = [c.unit for c in group if c.dimension == "currency" and c.unit]
    return max(dict.fromkeys(currencies), key=currencies.count) if currencies else None


def _disjoint_across_reports(items: list[tuple[str, tuple[float, float]]]) -> bool:
    """Whether two reports give figures with no value in common, in one pass over the items.

    A report's versions are taken together (the values all of them allow); intervals on a line have
    a value in common pairwise unless one starts after another ends.
    """
    highest_low: dict[str, float] = {}
    lowest_high: dict[str, float] = {}
    for doc, (low, high) in items:
        highest_low[doc] = max(low, highest_low.get(doc, low))
        lowest_high[doc] = min(high, lowest_high.get(doc, high))
    lows = sorted(highest_low.items(), key=lambda item: -item[1])[:2]
    highs = sorted(lowest_high.items(), key=lambda item: item[1])[:2]
    return any(low > high for low_doc, low in lows for high_doc, high in highs if low_doc != high_doc)

