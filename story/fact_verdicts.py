"""The reader's verdicts on a fact's versions, applied to the story's facts.

The engine can put a figure in the wrong fact. A reader who says so in the claim inspector leaves a
verdict on the pair (a version of the fact, the version judged): ``rejected`` takes the judged
version out of the fact, ``other-event`` makes it a fact of its own, ``confirmed`` keeps it. The
fact's status is then worked out again from the versions left, so a conflict that only the wrong
version made goes away. Verdicts are applied afresh each time, from the facts as the engine made
them, so taking a verdict back puts the version back. UI-free: the reader and the exports call it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .fact_status import fact_status
from .linking import Cluster, quote_status

if TYPE_CHECKING:
    from .analysis import Story
    from .annotations import Anchor, LinkVerdict
    from .claims import Claim

TAKEN_OUT = ("rejected", "other-event")
"""The verdicts that take the judged version out of its fact."""


@dataclass(slots=True)
class JudgedFacts:
    """What the verdicts changed, so that the next application starts from the engine's facts."""

    engine: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    """Fact id -> its versions and status as the engine made them, for each fact a verdict touched."""
    taken_out: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Claim id -> (the verdict, the fact the engine had put it in)."""
    own_facts: set[str] = field(default_factory=set)
    """Ids of the facts made of one version marked as another event."""

    def out_of(self, fact_id: str) -> list[str]:
        """The versions the verdicts took out of ``fact_id``, so the inspector can still offer them."""
        return [claim_id for claim_id, (_, fact) in self.taken_out.items() if fact == fact_id]


def apply_version_verdicts(story: Story, verdicts: Iterable[LinkVerdict],
                           claims_of: Callable[[str], list[Claim]] | None = None) -> set[str]:
    """The story's facts as the engine made them, with the reader's verdicts on versions applied.

    ``claims_of`` gives a report's claims (the navigator has them by report; else the story is
    scanned). Returns the ids of the facts whose versions or status may have changed, the facts made
    of one version included.
    """
    judged = story.judged = story.judged or JudgedFacts()
    claims_of = claims_of or _claims_by_doc(story)
    changed = _restore(story, judged)
    clusters = {k.id: k for k in story.clusters}
    for verdict in verdicts:
        if verdict.orphan or verdict.verdict not in TAKEN_OUT:
            continue
        source, target = _claim_at(claims_of, verdict.source), _claim_at(claims_of, verdict.target)
        if source is None or target is None or source.id == target.id or source.cluster is None:
            continue
        fact = clusters.get(source.cluster)
        if fact is None or target.cluster != fact.id or target.id in judged.taken_out:
            continue
        judged.engine.setdefault(fact.id, (list(fact.claims), fact.status))
        fact.claims.remove(target.id)
        judged.taken_out[target.id] = (verdict.verdict, fact.id)
        target.cluster = None
        changed.add(fact.id)
        if verdict.verdict == "other-event":
            own = Cluster(f"{fact.id}-{target.id}", fact.kind, f"{fact.label} (another event)", "agree", [target.id])
            target.cluster = own.id
            story.clusters.append(own)
            judged.own_facts.add(own.id)
            changed.add(own.id)
    for fact_id in changed & set(judged.engine):
        _restate(story, clusters[fact_id])
    story._by_id = None
    return changed


def _restore(story: Story, judged: JudgedFacts) -> set[str]:
    """Undo the last application: each fact back to the engine's versions and status (a version
    a watched story added since is kept). The ids of the facts that were changed."""
    changed = set(judged.engine) | judged.own_facts
    if not changed:
        return set()
    story.clusters = [k for k in story.clusters if k.id not in judged.own_facts]
    clusters = {k.id: k for k in story.clusters}
    for fact_id, (versions, status) in judged.engine.items():
        fact = clusters.get(fact_id)
        if fact is None:
            continue
        added_since = [c for c in fact.claims if c not in versions]
        fact.claims, fact.status = list(versions) + added_since, status
        for claim_id in fact.claims:
            story.claim(claim_id).cluster = fact_id
    judged.engine.clear()
    judged.taken_out.clear()
    judged.own_facts.clear()
    story._by_id = None
    return changed


def _restate(story: Story, fact: Cluster) -> None:
    """The status of a fact that lost versions, from those left, at the rates the whole story states (as
    linking and the outliers read them: a version taken out does not unsay a rate)."""
    group = [story.claim(claim_id) for claim_id in fact.claims]
    if len({c.doc for c in group}) < 2:
        fact.status = "agree"  # one report cannot contradict another
    elif fact.kind == "number":
        fact.status = fact_status(group, story.currency_rates())
    else:
        fact.status = quote_status(group)


def _claim_at(claims_of: Callable[[str], list[Claim]], anchor: Anchor) -> Claim | None:
    try:
        claims = claims_of(anchor.doc)
    except KeyError:
        return None
    return next((c for c in claims if (c.start, c.end) == (anchor.start, anchor.end)), None)


def _claims_by_doc(story: Story) -> Callable[[str], list[Claim]]:
    by_doc: dict[str, list[Claim]] = {}
    for claim in story.claims:
        by_doc.setdefault(claim.doc, []).append(claim)
    return lambda doc: by_doc.get(doc, [])
