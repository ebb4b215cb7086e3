"""How likely two figures are to state the same fact: features of the pair, weighed by a small model.

Each feature is a general sign that two figures tell one fact (the same event, the same thing
counted, the same place measured from, the same earlier event, values that agree, words around them
alike) or two (different events, places, or times). ``fact_weights`` holds their weights, fitted by
logistic regression on the hand-checked development stories (``scripts/fit_facts.py``, which says
how and what it scored on the story held out); here they are only applied.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from itertools import repeat
from operator import mul

from .claims import Claim
from .episodes import same_episode
from .compare import claim_interval
from .fact_status import hours_apart, hours_round_the_day, on_the_calendar, utc_minutes
from .facets import Facet
from .measures import to_base

FEATURES = (
    "bias", "same report", "same event", "other event", "one event", "same noun", "other noun", "same place",
    "other place", "same earlier event", "other time", "same value", "values overlap", "value ratio",
    "words alike", "names alike", "same cue", "other cue", "sentences alike", "both open the report", "same unit",
    "same event and overlap", "same noun and same value", "words and same value", "same person", "other person",
    "people both", "a total and not", "a cue on one side", "phrases alike", "phrases apart", *(f"a {family}" for family in (
        "count", "magnitude", "length", "time", "money", "duration", "date or year", "share", "age")),
)
"""What each pair is scored on. The last few say which family the two figures are of: a story's
magnitudes are mostly one fact (its quake's), its counts many."""
_FAMILY_FEATURES = ("count", "magnitude", "length", "time", "money", "duration", "date", "share", "age")


def pair_features(a: Claim, b: Claim, facet_a: Facet, facet_b: Facet, weight_of: dict[str, float],
                  sentence_alike: float, opening: tuple[bool, bool],
                  intervals: tuple[tuple[float, float], tuple[float, float]]) -> list[float]:
    """The features of a pair of figures of one family, in the order of ``FEATURES``.

    ``weight_of`` gives each context word its rarity in the story (words every figure has count for
    little); ``sentence_alike`` is how alike their sentences are (0-1); ``opening`` whether each is
    in its report's first sentences; ``intervals`` their ``comparable_interval``, worked out once a figure.
    """
    same_event = bool(facet_a.event and facet_a.event == facet_b.event)
    one_count = same_event or bool(facet_a.noun == facet_b.noun and facet_a.sole and facet_b.sole
                                   and not facet_a.event and not facet_b.event and not facet_a.counts_people)
    other_event = bool(facet_a.event and facet_b.event and facet_a.event != facet_b.event)
    same_noun = bool(facet_a.noun and facet_a.noun == facet_b.noun)
    other_noun = bool(facet_a.noun and facet_b.noun and facet_a.noun != facet_b.noun)
    same_place = bool(facet_a.anchors & facet_b.anchors)
    other_place = bool(facet_a.anchors and facet_b.anchors and not same_place)
    same_value = a.value is not None and a.value == b.value and a.unit == b.unit
    # Figures of one event and time are one fact whatever their values ("at least 3" and "10" dead): the
    # values then decide agree or conflict, so for them the value features are silent.
    people_a, people_b = facet_a.counts_people, facet_b.counts_people
    (a_low, a_high), (b_low, b_high) = intervals
    overlap = a_low <= b_high and b_low <= a_high
    words = _weighted_jaccard(facet_a.words, facet_b.words, weight_of)
    return [
        1.0, float(a.doc == b.doc), float(same_event), float(other_event),
        float(bool(facet_a.event) != bool(facet_b.event)), float(same_noun), float(other_noun), float(same_place),
        float(other_place), float(facet_a.episode is not None and same_episode(facet_a.episode, facet_b.episode)),
        float(not same_episode(facet_a.episode, facet_b.episode)), float(same_value and not same_event),
        float(overlap and not same_event), _value_ratio(*intervals) if not one_count else _far_apart(*intervals), words,
        _jaccard(facet_a.names, facet_b.names), float(bool(facet_a.cues & facet_b.cues)),
        float(bool(facet_a.cues and facet_b.cues and not facet_a.cues & facet_b.cues)), sentence_alike,
        float(opening[0] and opening[1]), float(a.unit == b.unit), float(same_event and overlap),
        float(same_noun and same_value), words * float(same_value),
        float(bool(facet_a.person and facet_a.person == facet_b.person)),
        float(bool(facet_a.person and facet_b.person and facet_a.person != facet_b.person)),
        float(people_a and people_b),
        float(("total" in facet_a.cues) != ("total" in facet_b.cues)), float(bool(facet_a.cues) != bool(facet_b.cues)), _jaccard(facet_a.phrase, facet_b.phrase),
        float(bool(facet_a.phrase and facet_b.phrase and not facet_a.phrase & facet_b.phrase)),
        *_family_features(facet_a.family),
    ]


@cache
def _family_features(family: str) -> tuple[float, ...]:
    """The last features of a pair: which of ``_FAMILY_FEATURES`` its family is (one 1.0, or none)."""
    return tuple(float(_family(family) == feature) for feature in _FAMILY_FEATURES)


def _dated(episode: str | None) -> str | None:
    """An episode as far as it is dated ("2003", "february"); a wider scope is no other event."""
    return None if episode == "scope" else episode


def _family(family: str) -> str:
    return "date" if family in ("date", "year") else family


def cannot_link(a: Claim, b: Claim, facet_a: Facet, facet_b: Facet) -> bool:
    """Whether two figures can never state one fact, whatever else they share: figures of two events
    ("killed" and "injured"), people to whom something happened and a count of things ("shot three
    people", "three live shells"), small counts of two things, two figures of
    one sentence that are no event's versions nor a conversion, figures
    of two dated events, a running total and one count, an aftershock's figure and the quake's, the start
    and the end of a change, or distances measured from places with no name in common."""
    if facet_a.event and facet_b.event and facet_a.event != facet_b.event:
        return True
    if (a.role == "from") != (b.role == "from"):
        return True  # where a change started is no version of what a report states now: "rose from 28 to 45" beside "40 killed"
    if bool(facet_a.event) != bool(facet_b.event):
        eventful, plain = (facet_a, facet_b) if facet_a.event else (facet_b, facet_a)
        if eventful.counts_people and plain.noun and not plain.counts_people:
            return True  # "shot three people" and "three live shells"
    if a.doc == b.doc and a.sentence == b.sentence and a.unit == b.unit and not (facet_a.event or facet_b.event) \
            and facet_a.side == facet_b.side and facet_a.utc is None and facet_b.utc is None:
        return True  # "aftershocks of 2.9 and 2.2": two facts; "77 died, though a document says almost 100": one
    if not same_episode(_dated(facet_a.episode), _dated(facet_b.episode)):
        return True
    if (not facet_a.event and not facet_b.event and facet_a.noun and facet_b.noun and facet_a.noun != facet_b.noun
            and facet_a.phrase and facet_b.phrase and not facet_a.phrase & facet_b.phrase
            and abs(a.value or 0) <= _SMALL and abs(b.value or 0) <= _SMALL):
        return True  # "two explosions" and "two security officials": two things counted, alike by chance
    if not facet_a.event and not facet_b.event and ("total" in facet_a.cues) != ("total" in facet_b.cues):
        return True  # a running total ("31 magazines in five operations so far") is not one operation's count
    if bool(facet_a.cues & _OTHER_SHOCK) != bool(facet_b.cues & _OTHER_SHOCK):
        return True  # "a 2.9 aftershock at 2:12 a.m." is not the quake's time or magnitude
    if a.quantity == "date" and b.quantity == "date" and _days_apart(a, b) > _DAYS_APART:
        return True  # the quake "on Sept. 30" and a vote "delayed until Nov. 30": two days, not two versions of one
    if a.quantity == "time" and b.quantity == "time" and (_hours_apart(a, b, facet_a, facet_b) or 0) > _HOURS_APART:
        return True  # "struck at 1:53 p.m." and a quake registered "at 09:10 hours" the next morning
    if facet_a.family == "length" and facet_a.anchors and facet_b.anchors:
        words_a = {word for anchor in facet_a.anchors for word in anchor.split()}
        return not words_a & {word for anchor in facet_b.anchors for word in anchor.split()}
    return False


def _hours_apart(a: Claim, b: Claim, facet_a: Facet, facet_b: Facet) -> float | None:
    """``hours_apart``, and for a local time restated in a zone ("1353 (1023 GMT)") its hours from a zoned one."""
    apart = hours_apart(a, b)
    first = facet_a.utc if facet_a.utc is not None else utc_minutes(a)
    second = facet_b.utc if facet_b.utc is not None else utc_minutes(b)
    if apart is not None or first is None or second is None:
        return apart
    return hours_round_the_day(first, second)


def probability(features: Sequence[float], weights: Sequence[float]) -> float:
    """The model's probability that the pair states one fact."""
    score = sum(map(mul, features, weights))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def comparable_interval(claim: Claim) -> tuple[float, float]:
    """The values a figure allows as written, in its dimension's base unit where it has one.

    Not the status's intervals (``fact_status``): whether two figures are near is told best by the
    hedge's own band ("about 50" reaches 42.5 to 57.5), whether they can both be true by a narrower one.
    """
    low, high = claim_interval(claim)
    if claim.quantity == "date":
        return on_the_calendar(claim, low, high)
    if claim.unit and claim.dimension and claim.dimension != "currency":
        converted = to_base(low, claim.unit, claim.dimension), to_base(high, claim.unit, claim.dimension)
        if converted[0] is not None and converted[1] is not None:
            return converted[0], converted[1] if high != float("inf") else high
    if claim.dimension == "fraction":
        return low * 100, high * 100  # "half" beside "50 percent"
    return low, high


def _far_apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    """For figures of one event: only a gap of a different order counts (612 and 10 dead are two quakes'
    tolls; 3 and 10 are one toll that rose). A zero is no order: "no one was killed" denies the event's
    count, one version of it, which the status then finds in conflict with "12 killed"."""
    if _representative(a) == 0 or _representative(b) == 0:
        return 0.0
    ratio = _value_ratio(a, b)
    return ratio if ratio >= _FAR_APART else 0.0


_FAR_APART = math.log(5)
_HOURS_APART = 3
"""Reports of one moment seldom put it further apart than this (a round "about 10 a.m." and "10:30"); times
hours apart are two moments (a quake and the next morning's aftershock, an attack and the arrest)."""
_DAYS_APART = 2
"""Reports of one day seldom put it further apart than this (a day either side, across time zones); dates months
apart name two days."""


def _days_apart(a: Claim, b: Claim) -> float:
    """How far apart two dates are, in days of the year (``on_the_calendar``); 0 where either has no month."""
    first, second = comparable_interval(a), comparable_interval(b)
    return max(0.0, first[0] - second[1], second[0] - first[1])


_SMALL = 12
"""Counts up to this coincide by chance across things ("three shells", "three people"); "26 pirates" and
"26 crew" seldom do."""
_OTHER_SHOCK = frozenset({"aftershock", "another"})


def _value_ratio(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far apart two figures are, as the log of the ratio of their values (0 alike, capped at 3)."""
    x, y = _representative(a), _representative(b)
    if x <= 0 or y <= 0:
        return 0.0 if x == y else 3.0
    ratio = x / y
    if ratio == 0 or ratio == math.inf:
        return 3.0  # too far apart for a float: "5" beside a figure of a thousand digits, read as infinity
    return min(3.0, abs(math.log(ratio)))


def _representative(interval: tuple[float, float]) -> float:
    low, high = interval
    return low if high == float("inf") else (low + high) / 2


def _weighted_jaccard(left: frozenset[str], right: frozenset[str], weight_of: dict[str, float]) -> float:
    union = left | right
    if not union:
        return 0.0
    weight = weight_of.get
    total = sum(map(weight, union, repeat(1.0)))
    return sum(map(weight, left & right, repeat(1.0))) / total if total else 0.0


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = left | right
    return len(left & right) / len(union) if union else 0.0
