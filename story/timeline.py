"""How a fact changed over time: its versions in publication order, and which later figure revises which.

A story that breaks is told in updates: "at least three dead" at 10:23, "ten dead" six hours later.
Both were right when they were written. Only a count of what an event did (killed, injured,
arrested, evacuated) grows as a story breaks: a report published at least ``UPDATE_AFTER`` after
another *updates* such a count when the figure it states is higher (↑ "at least 3" → "10", though
"at least 3" allows 10: the count rose), or lower where the two cannot both be true (↓). A
population, a distance or a magnitude does not change with the hour: later versions that differ
are left to the fact's status. Reports published within ``UPDATE_AFTER`` of each other tell of
the same moment: figures that cannot both be true are a *contradiction*, whatever they count.
The fact keeps its status; the changes are shown beside it.

Each report speaks for a fact through its *lead* version: the first figure it gives that is not
vague ("dozens"), as a report's lede gives its current figure before older or other sources' ones.
Publication times without a zone are read in the zone most of the story's reports give (a local
story is mostly told by local outlets), else as UTC, and shown as written. A date without a time
covers its whole day: such a report is ordered by its day, and never said to contradict a report
of that day, since which came first is not known.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone

from .analysis import Story
from .claims import Claim
from .fact_status import comparable_interval, with_rounding
from .linking import Cluster
from .model import Document, shown_time

UPDATE_AFTER = timedelta(hours=1)
"""Reports published closer together than this tell of the same moment: a difference is a contradiction."""
_WINDOW = UPDATE_AFTER + timedelta(days=1)
"""No report published this long before another can be of the same hour, even one dated by its day only."""


@dataclass(frozen=True, slots=True)
class Moment:
    """When a report was published, as the span of times its publication time allows (UTC)."""

    earliest: datetime
    latest: datetime
    published: str
    """As the report gives it (ISO 8601), for showing."""

    @property
    def has_time(self) -> bool:
        return self.earliest == self.latest


@dataclass(frozen=True, slots=True)
class Change:
    """A later version that cannot be true with an earlier one: an update, or a same-hour contradiction."""

    kind: str
    """``update`` (published at least ``UPDATE_AFTER`` later) or ``contradiction`` (within it)."""
    earlier: Claim
    later: Claim
    rises: bool
    """Whether the later figure is above the earlier one (↑), else below (↓)."""
    after: timedelta | None
    """How much later the later report was published; None when a date without a time says only the day."""
    days: int = 0
    """Whole days between the two reports' dates, for reports that give a date without a time."""

    @property
    def arrow(self) -> str:
        return "↑" if self.rises else "↓"

    def describe(self) -> str:
        """"↑ at least 3 → 10, 5 h 37 min later", or "≠ 77 / almost 100, 20 min apart"."""
        earlier, later = figure_text(self.earlier), figure_text(self.later)
        if self.kind == "contradiction":
            return f"≠ {earlier} / {later}, {_duration(self.after, self.days)} apart"
        return f"{self.arrow} {earlier} → {later}, {_duration(self.after, self.days)} later"

    def to_json(self) -> dict:
        return {"kind": self.kind, "earlier": self.earlier.id, "later": self.later.id,
                "direction": "up" if self.rises else "down",
                "after_minutes": None if self.after is None else round(self.after.total_seconds() / 60),
                "after_days": self.days if self.after is None else None, "text": self.describe()}


@dataclass(frozen=True, slots=True)
class Version:
    """One report's versions of the fact, at its publication time."""

    document: Document
    moment: Moment | None
    claims: list[Claim]
    lead: Claim | None
    """The version the report leads with (see the module's docstring); None for quotations."""


@dataclass(frozen=True, slots=True)
class FactTimeline:
    """A fact's versions, report by report in publication order (reports without a time last)."""

    cluster: Cluster
    versions: list[Version]
    changes: list[Change]

    @property
    def updates(self) -> list[Change]:
        return [change for change in self.changes if change.kind == "update"]

    def change_of(self, claim_id: str) -> Change | None:
        """The change that a version makes, where it makes one."""
        return next((change for change in self.changes if change.later.id == claim_id), None)

    def to_json(self) -> dict:
        return {
            "fact": self.cluster.id, "label": self.cluster.label, "status": self.cluster.status,
            "versions": [{"doc": version.document.id, "published": version.moment.published if version.moment
                          else None, "claims": [claim.id for claim in version.claims],
                          "lead": version.lead.id if version.lead else None} for version in self.versions],
            "changes": [change.to_json() for change in self.changes],
        }


def fact_timeline(story: Story, cluster: Cluster, zone: timezone | None = None) -> FactTimeline:
    """The versions of one fact in publication order, with the updates and contradictions between them.

    ``zone`` is the one times without a zone are read in (``story_zone``, found once per story).
    """
    zone = zone or story_zone(story.documents)
    by_report: dict[str, list[Claim]] = {}
    for claim_id in cluster.claims:
        claim = story.claim(claim_id)
        by_report.setdefault(claim.doc, []).append(claim)
    versions = []
    for doc_id, claims in by_report.items():
        document = story.document(doc_id)
        claims.sort(key=lambda claim: claim.start)
        versions.append(Version(document, moment_of(document.published, zone), claims, _lead(claims)))
    versions.sort(key=_order)
    return FactTimeline(cluster, versions, _changes(versions))


def story_timelines(story: Story) -> list[FactTimeline]:
    """Every fact that at least two reports with a publication time give, most reports first."""
    timelines = []
    zone = story_zone(story.documents)
    for cluster in story.clusters:
        timed = {story.claim(claim_id).doc for claim_id in cluster.claims
                 if story.document(story.claim(claim_id).doc).published}
        if len(timed) >= 2:
            timelines.append(fact_timeline(story, cluster, zone))
    timelines.sort(key=lambda timeline: (-len(timeline.versions), -len(timeline.updates)))
    return timelines


def story_zone(documents: list[Document]) -> timezone:
    """The zone most of the reports that give one publish in; UTC when none gives one."""
    offsets = Counter(moment.utcoffset() for document in documents if document.published
                      and (moment := _parsed(document.published)) is not None and moment.tzinfo is not None)
    return timezone(offsets.most_common(1)[0][0]) if offsets else UTC


def moment_of(published: str | None, zone: timezone = UTC) -> Moment | None:
    """The span of UTC times a publication time allows; None when there is none or it cannot be read."""
    moment = _parsed(published) if published else None
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    if len(published) <= 10:
        return Moment(moment.astimezone(UTC), (moment + timedelta(days=1, minutes=-1)).astimezone(UTC), published)
    return Moment(moment.astimezone(UTC), moment.astimezone(UTC), published)


def _parsed(published: str) -> datetime | None:
    try:
        return datetime.fromisoformat(published)
    except ValueError:
        return None


def _order(version: Version) -> tuple:
    if version.moment is None:
        return (1, datetime.max.replace(tzinfo=UTC), version.document.id)
    return (0, version.moment.earliest, version.moment.latest, version.document.id)


def _lead(claims: list[Claim]) -> Claim | None:
    numbers = [claim for claim in claims if claim.kind == "number" and comparable_interval(claim) is not None]
    return next((claim for claim in numbers if claim.qualifier != "vague"), numbers[0] if numbers else None)


def _changes(versions: list[Version]) -> list[Change]:
    """Each timed report's lead against the standing figure before it.

    The standing figure is the lead of the last report published at least ``UPDATE_AFTER`` earlier:
    a version it cannot be true with is an update. Reports of the same hour are compared with one
    another instead: a version none of them allows is a contradiction.
    """
    timed = [version for version in versions if version.moment is not None and version.lead is not None]
    changes: list[Change] = []
    for index, version in enumerate(timed):
        clash = standing = None
        for other in (timed[before] for before in range(index - 1, -1, -1)):  # latest first, to a day back
            gap = version.moment.earliest - other.moment.latest
            if gap >= UPDATE_AFTER:
                standing = standing or other
                if version.moment.earliest - other.moment.earliest > _WINDOW:
                    break
            elif clash is None and version.moment.has_time and other.moment.has_time \
                    and _disjoint(other.lead, version.lead):
                clash = other
        if clash is not None:
            changes.append(_change("contradiction", clash, version))
        elif standing is not None and _revises(standing.lead, version.lead):
            changes.append(_change("update", standing, version))
    return changes


def _revises(earlier: Claim, later: Claim) -> bool:
    """Whether a later figure updates an earlier one: it states more, or less where both cannot be true.

    A later report that only hedges ("more than 70" after "77") does not revise the figure.
    """
    if not (earlier.event and later.event) or _incomparable(earlier, later):
        return False
    stated_earlier, stated_later = _stated(earlier), _stated(later)
    if stated_earlier is None or stated_later is None:
        return False
    if later.unit != earlier.unit:  # "193 km/h" and "120 mph" state one speed, each rounded
        stated_earlier, stated_later = with_rounding(earlier, stated_earlier), with_rounding(later, stated_later)
    if stated_later[0] > stated_earlier[1]:
        return True
    return stated_later[1] < stated_earlier[0] and _disjoint(earlier, later)


def _stated(claim: Claim) -> tuple[float, float] | None:
    """The figure a version states, without its hedge: "at least 3" states 3, "almost 100" 100."""
    if claim.qualifier == "lower":
        point = claim.low if claim.low is not None else claim.value
    elif claim.qualifier == "upper":
        point = claim.high if claim.high is not None else claim.value
    else:
        return comparable_interval(claim)
    return None if point is None else comparable_interval(replace(claim, value=point, low=None, high=None,
                                                                   qualifier="exact"))


def _change(kind: str, earlier: Version, later: Version) -> Change:
    rises = sum(_stated(later.lead) or (0, 0)) > sum(_stated(earlier.lead) or (0, 0))
    if earlier.moment.has_time and later.moment.has_time:
        return Change(kind, earlier.lead, later.lead, rises, abs(later.moment.earliest - earlier.moment.earliest))
    days = (later.moment.earliest.date() - earlier.moment.earliest.date()).days
    return Change(kind, earlier.lead, later.lead, rises, None, abs(days))


def _disjoint(one: Claim, other: Claim) -> bool:
    """Whether two figures cannot both be true, compared as the fact's status compares them."""
    first, second = comparable_interval(one), comparable_interval(other)
    if first is None or second is None or _incomparable(one, other):
        return False
    return first[1] < second[0] or second[1] < first[0]


def _incomparable(one: Claim, other: Claim) -> bool:
    """Amounts in two currencies: the rate that would compare them is not the timeline's to guess."""
    return one.dimension == "currency" and one.unit != other.unit


def figure_text(claim: Claim) -> str:
    """A figure as a sentence can quote it: on one line, lower-cased where only its place in the
    sentence gave it a capital ("At least three" is "at least three"; "US$5" and "AK-47" stay)."""
    text = " ".join(claim.text.split())
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first.isalpha() and first.istitle() else text


def _duration(after: timedelta | None, days: int) -> str:
    """"5 h 37 min", "40 min", "2 days", "the same day"."""
    if after is None:
        return "the same day" if days == 0 else f"{days} day{'s' * (days != 1)}"
    minutes = round(after.total_seconds() / 60)
    if minutes >= 48 * 60:
        return f"{minutes // (24 * 60)} days"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours and minutes else f"{hours} h" if hours else f"{minutes} min"


def timeline_entries(timeline: FactTimeline) -> list[tuple[str, str, Claim, Change | None]]:
    """The timeline entry by entry: time and report (on a report's first version only), version, its change."""
    entries = []
    for version in timeline.versions:
        when = shown_time(version.moment.published) if version.moment else "time unknown"
        name = version.document.outlet or version.document.id
        for claim in version.claims:
            entries.append((when or "", name, claim, timeline.change_of(claim.id)))
            when, name = "", ""
    return entries


def timeline_rows(timeline: FactTimeline) -> list[tuple[str, str, str, str]]:
    """The timeline as rows a table shows: time, report, version, and the change it makes."""
    return [(when, name, figure_text(claim), change.describe() if change else "")
            for when, name, claim, change in timeline_entries(timeline)]
