"""Where the keys lead: versions of a sentence or claim, the best version in each report, search.

Pure Python over a ``Story``; the reader screen only moves cursors to what these return.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..story.analysis import Story

from .jump import JumpTarget

if TYPE_CHECKING:  # the navigator is made for the texts shown in the first frame, before the engine loads
    from ..story.claims import Claim


@dataclass(frozen=True, slots=True)
class SearchMatch:
    doc: str
    start: int
    end: int


@dataclass(slots=True)
class SearchResults:
    """The matches of the last search, and which of them the reader is on (-1: none yet)."""

    matches: list[SearchMatch]
    index: int = -1

    def by_doc(self) -> dict[str, list[tuple[int, int]]]:
        found: dict[str, list[tuple[int, int]]] = {}
        for match in self.matches:
            found.setdefault(match.doc, []).append((match.start, match.end))
        return found

    def start_at(self, order: list[str], doc: str, offset: int) -> SearchMatch:
        """The first match at or after ``offset`` of ``doc``, reports in pane order, else the first."""
        here = (order.index(doc), offset)
        self.index = next((i for i, m in enumerate(self.matches) if (order.index(m.doc), m.start) >= here), 0)
        return self.matches[self.index]

    def step(self, step: int) -> SearchMatch:
        self.index = (self.index + step) % len(self.matches)
        return self.matches[self.index]


@dataclass(slots=True)
class VersionCycle:
    """Where a run of ``]``/``[`` presses started, and where it is now (-1: back at the start)."""

    origin: JumpTarget
    versions: list[JumpTarget]
    index: int = -1

    @property
    def target(self) -> JumpTarget:
        return self.origin if self.index == -1 else self.versions[self.index]

    def step(self, step: int) -> JumpTarget:
        """The next (or previous) version; past the last, the start again."""
        self.index += step
        if self.index >= len(self.versions):
            self.index = -1
        elif self.index < -1:
            self.index = len(self.versions) - 1
        return self.target


@dataclass(frozen=True, slots=True)
class RunPlace:
    """The ``index``-th of ``count`` versions of the sentence a run of ``]``/``[`` started from (``origin``)."""

    index: int
    count: int
    origin: JumpTarget


class VersionRun:
    """A run of ``]``/``[`` presses: the versions of the sentence it started from, gone round in turn."""

    def __init__(self) -> None:
        self.cycle: VersionCycle | None = None

    def step(self, navigator: Navigator, here: JumpTarget, step: int) -> JumpTarget | None:
        """The next (or previous) version from ``here``: the run goes on if ``here`` is on it, else one
        starts from ``here``; None when its sentence has no version in the other reports."""
        cycle = self.cycle
        if cycle is None or (cycle.target.doc, cycle.target.sentence) != (here.doc, here.sentence):
            versions = navigator.versions(here.doc, here.sentence, here.claim)
            if not versions:
                return None
            cycle = self.cycle = VersionCycle(here, versions)
        return cycle.step(step)

    def place(self, doc: str, sentence: int) -> RunPlace | None:
        """Where the run is, the version it started from counting as the first; None when the
        sentence is not on one of its versions."""
        cycle = self.cycle
        if cycle is None or (cycle.target.doc, cycle.target.sentence) != (doc, sentence):
            return None
        return RunPlace(cycle.index + 2, len(cycle.versions) + 1, cycle.origin)

    def end(self) -> None:
        self.cycle = None


class Navigator:
    """Indexes a story once so that every jump is a dictionary look-up."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.order = [d.id for d in story.documents]
        self._position = {doc: n for n, doc in enumerate(self.order)}
        links: dict[tuple[str, int], list[tuple[tuple[str, int], float]]] = defaultdict(list)
        for source, target, score, _ in story.sentence_links:
            links[source].append((target, score))
        self._links = {source: tuple(linked) for source, linked in links.items()}
        """(target, score) by source sentence: tuples, which the garbage collector stops walking."""
        self._claims_by_doc = defaultdict(list)
        for claim in story.claims:
            self._claims_by_doc[claim.doc].append(claim)
        self._cluster_members = {k.id: [story.claim(c) for c in k.claims] for k in story.clusters}
        self._manual: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
        self._rejected: set[frozenset] = set()
        self._conflicts: list[Claim] | None = None
        self._judged_facts: set[str] = set()
        """The facts the reader's verdicts had changed when this navigator last looked."""
        self._seen: dict[str, tuple[tuple[str, ...], str] | None] = {}
        """Each such fact's versions and status then."""

    def set_verdicts(self, verdicts) -> set[str]:
        """The reader's verdicts: hand-made links join the versions, rejected ones leave them, and a
        version judged out of its fact leaves the fact. The reports whose facts changed."""
        from ..story.fact_verdicts import apply_version_verdicts

        self._manual.clear()
        self._rejected.clear()
        for verdict in verdicts:
            if verdict.orphan:
                continue
            a = (verdict.source.doc, self.story.document(verdict.source.doc).sentence_at(verdict.source.start))
            b = (verdict.target.doc, self.story.document(verdict.target.doc).sentence_at(verdict.target.start))
            if verdict.verdict == "manual":
                self._manual[a].add(b)
                self._manual[b].add(a)
            elif verdict.verdict == "rejected":
                self._rejected.add(frozenset((a, b)))
        apply_version_verdicts(self.story, verdicts, self.claims)
        return self._refresh_judged_facts()

    def _refresh_judged_facts(self) -> set[str]:
        """The versions of the facts the verdicts changed since this navigator last looked (whoever
        applied them); the reports of those facts, before and after."""
        judged = self.story.judged
        now = set(judged.engine) | judged.own_facts if judged else set()
        if not now and not self._judged_facts:
            return set()
        clusters = {k.id: k for k in self.story.clusters}
        touched: set[str] = set()
        for fact in now | self._judged_facts:
            cluster = clusters.get(fact)
            state = (tuple(cluster.claims), cluster.status) if cluster else None
            if state == self._seen.get(fact):
                continue
            self._seen[fact] = state
            touched.update(c.doc for c in self._cluster_members.pop(fact, ()))
            if cluster is not None:
                self._cluster_members[fact] = [self.story.claim(c) for c in cluster.claims]
                touched.update(c.doc for c in self._cluster_members[fact])
            self._conflicts = None
        self._judged_facts = now
        return touched

    def by_hand(self, doc: str) -> dict[int, int]:
        """Per sentence of ``doc`` with a hand-made link: in how many other reports it has a version."""
        return {sentence: self.version_count(doc, sentence) for d, sentence in self._manual if d == doc}

    def claims(self, doc: str) -> list:
        return self._claims_by_doc.get(doc, [])

    def claims_in_sentence(self, doc: str, sentence: int) -> list:
        return [c for c in self.claims(doc) if c.sentence == sentence]

    def claim_in(self, doc: str, sentence: int) -> str | None:
        """The claim of a sentence to inspect when none is selected: a linked one first."""
        in_sentence = sorted(self.claims_in_sentence(doc, sentence), key=lambda c: c.cluster is None)
        return in_sentence[0].id if in_sentence else None

    def next_claim(self, doc: str, sentence: int, selected: str | None, step: int):
        """The claim after (or before) the selected one, else after the cursor's sentence."""
        claims = self.claims(doc)
        if not claims:
            return None
        ids = [c.id for c in claims]
        if selected in ids:
            index = ids.index(selected) + step
        elif step > 0:
            index = next((i for i, c in enumerate(claims) if c.sentence >= sentence), len(claims))
        else:
            index = max((i for i, c in enumerate(claims) if c.sentence < sentence), default=-1)
        return claims[index] if 0 <= index < len(claims) else None

    def conflicts(self) -> list[Claim]:
        """The versions of conflicting facts in reading order (pane order, then text order)."""
        if self._conflicts is None:
            conflicting = {k.id for k in self.story.clusters if k.status == "conflict"}
            self._conflicts = sorted((c for c in self.story.claims if c.cluster in conflicting),
                                     key=lambda c: (self._position[c.doc], c.start))
        return self._conflicts

    def next_conflict(self, doc: str, sentence: int, selected: str | None, step: int) -> Claim | None:
        """The next (or previous) version of a conflicting fact after the reader's place, round the
        story's end; versions of the fact the reader is on are passed over."""
        conflicts = self.conflicts()
        if not conflicts:
            return None
        claim = self.story.claim(selected) if selected else None
        here = (self._position[doc], claim.start if claim else self.story.document(doc).sentences[sentence][0])
        places = [(self._position[c.doc], c.start) for c in conflicts]
        if step > 0:
            start = bisect.bisect_right(places, here) if claim else bisect.bisect_left(places, here)
            order = conflicts[start:] + conflicts[:start]
        else:
            start = bisect.bisect_left(places, here)
            order = conflicts[:start][::-1] + conflicts[start:][::-1]
        current = claim.cluster if claim else None
        return next((c for c in order if c.cluster != current), order[0] if current is None else None)

    def versions(self, doc: str, sentence: int, claim_id: str | None = None) -> list[JumpTarget]:
        """Every version of a claim (its cluster) or else of a sentence (its links) in other reports.

        The best version in each report comes first, reports in pane order starting after this
        one; then the other versions, best first. So ``]`` visits each report once before the rest.
        """
        candidates: list[tuple[float, str, int, str | None]] = []  # plain tuples: thousands for a big fact
        links = self._links.get((doc, sentence), ())
        claim = self.story.claim(claim_id) if claim_id else None
        if claim is not None and claim.cluster:
            scores = dict(links)
            for other in self._cluster_members[claim.cluster]:
                if other.doc != doc:
                    score = scores.get((other.doc, other.sentence), 0.0) + (0.5 if other.value == claim.value else 0)
                    candidates.append((score, other.doc, other.sentence, other.id))
        else:
            candidates += [(score, other_doc, other_sentence, None) for (other_doc, other_sentence), score in links]
        candidates += [(2.0, d, s, None) for d, s in self._manual.get((doc, sentence), ())]
        if self._rejected:  # a set of pairs made per candidate: thousands a press for a big fact, when none is rejected
            candidates = [c for c in candidates if frozenset(((doc, sentence), (c[1], c[2]))) not in self._rejected]
        position, count, places = self._position[doc], len(self.order), self._position
        ordered = sorted(((places[c[1]] - position) % count, -c[0], c[2], n) for n, c in enumerate(candidates))
        first, rest, seen = [], [], set()
        for *_, n in ordered:
            other_doc = candidates[n][1]
            (rest if other_doc in seen else first).append(n)
            seen.add(other_doc)
        rest.sort(key=lambda n: -candidates[n][0])
        unique, kept = [], set()
        for n in first + rest:
            _, other_doc, other_sentence, other_claim = candidates[n]
            if (other_doc, other_sentence) not in kept:
                kept.add((other_doc, other_sentence))
                unique.append(JumpTarget(other_doc, other_sentence, other_claim))
        return unique

    def linked(self, doc: str, sentence: int) -> tuple[tuple[tuple[str, int], float], ...]:
        """The sentences of other reports linked to ``sentence`` of ``doc``, with their scores."""
        return self._links.get((doc, sentence), ())

    def best_version_in(self, doc: str, sentence: int, other_doc: str) -> int | None:
        """The sentence of ``other_doc`` that best tells what ``sentence`` of ``doc`` tells."""
        versions = [(target, score) for target, score in self._links.get((doc, sentence), ()) if target[0] == other_doc]
        return max(versions, key=lambda version: version[1])[0][1] if versions else None

    def version_count(self, doc: str, sentence: int) -> int:
        linked = {target_doc for (target_doc, _), _ in self._links.get((doc, sentence), ())}
        return len(linked | {d for d, _ in self._manual.get((doc, sentence), ())})

    def search(self, query: str) -> list[SearchMatch]:
        """Every occurrence of ``query`` (case-insensitive, literal) in every report, in pane order; a space in
        it matches any run of spaces or line breaks, as the panes show them ("Amadou Diallo" in a report
        wrapped between the two words)."""
        if not query.strip():
            return []
        pattern = re.compile(r"\s+".join(map(re.escape, re.split(" +", query))), re.IGNORECASE)
        return [SearchMatch(d.id, m.start(), m.end()) for d in self.story.documents for m in pattern.finditer(d.text)]
