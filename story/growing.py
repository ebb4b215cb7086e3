"""A story that grows: reports added later are linked against what the story already knows.

``analyse(..., growable=True)`` keeps what linking read: each figure's facet, each sentence's
content words, an index of the sentences by their words (``Growth``). ``grow`` then extracts only
the new reports' claims and puts each new figure where average linkage would put one more node:
into the fact whose figures it is most like on average (never one it cannot link with), or into a
new fact with a figure of another report. New quotations join the same quotation elsewhere; new
sentences are linked by ``growing_links``. Facts keep their ids and labels, so what the reader has
open stays put; a fact's status is worked out again when it gains a version.

The result is close to analysing the whole story again (``tests/test_growing.py`` compares them) at
a small fraction of the cost (``benchmarks/run.py``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .analysis import Story
from .claims import Claim, extract_claims
from .collector import collector_paused
from .episodes import story_time
from .facets import Facet
from .fact_names import fact_label, unique_label
from .growing_facts import add_figures
from .growing_links import SentenceIndex, index_sentences, link_new_sentences
from .linking import QUOTE_CUTOFF, Cluster, quote_status, quote_words
from .model import Document, shown_time
from .published import publication_time, resolve_dates
from .similarity import content_words
from .timeline import fact_timeline, figure_text, story_zone

Key = tuple[str, int]


@dataclass(slots=True)
class Growth:
    """What linking read that a report added later is linked against (see the module)."""

    sentence_words: dict[Key, str]
    facets: dict[str, Facet]
    time: tuple[set[int], set[int]]
    sentences: SentenceIndex


@dataclass(slots=True)
class StoryChange:
    """What adding reports changed: the reports, the facts they joined or started, and what that means."""

    documents: list[Document]
    claims: list[Claim]
    joined: list[str] = field(default_factory=list)
    """Ids of the facts that were there and gained a version."""
    started: list[str] = field(default_factory=list)
    """Ids of the facts the new reports started (with a figure or quotation of another report)."""
    merged: dict[str, str] = field(default_factory=dict)
    """Facts found to be one: the id that went, and the id of the fact it is now part of."""
    news: list[str] = field(default_factory=list)
    """What changed, as a reader says it: "death toll now 10, was at least 3"."""

    def summary(self) -> str:
        """One line: "new report: Reuters · 16:04 · death toll now 10, was at least 3"."""
        names = []
        for document in self.documents:
            time = shown_time(document.published)
            names.append(" · ".join(part for part in (document.outlet or document.id, time) if part))
        head = f"new report{'s' * (len(names) != 1)}: {', '.join(names)}"
        facts = len(self.joined) + len(self.started)
        tail = self.news or ([f"{facts} fact{'s' * (facts != 1)} shared with the story"] if facts
                             else ["no fact shared with the story yet"])
        return " · ".join([head, *tail])


def keep_for_growth(story: Story, sentence_words: dict[Key, str], facets: dict[str, Facet]) -> None:
    """Make ``story`` growable: keep what its linking read."""
    numbers = [claim for claim in story.claims if claim.kind == "number"]
    story.growth = Growth(sentence_words, facets, story_time(story.documents, numbers),
                          index_sentences(story.documents, sentence_words))


@collector_paused
def grow(story: Story, documents: list[Document]) -> StoryChange:
    """Add ``documents`` to ``story`` (made with ``growable=True``) and link them against it, in place."""
    growth = story.growth
    if growth is None:
        raise ValueError("this story was not analysed as growable")
    memo: dict = {}
    new_claims: list[Claim] = []
    for document in documents:
        claims = extract_claims(document, memo)
        document.published = publication_time(document, claims)
        resolve_dates(claims, document.published)
        new_claims += claims
        for index, (start, end) in enumerate(document.sentences):
            growth.sentence_words[(document.id, index)] = content_words(document.text[start:end])
    before = {cluster.id: cluster.status for cluster in story.clusters}
    story.documents += documents
    story.claims += new_claims
    story._by_id = None
    change = StoryChange(documents, new_claims)
    add_figures(story, growth, [c for c in new_claims if c.kind == "number" and not c.dateline], change,
                lambda cluster, group, facets: _name(story, cluster, group, facets))
    _add_quotes(story, [c for c in new_claims if c.kind == "quote"], change)
    story.sentence_links = link_new_sentences(story.sentence_links, story.documents, documents, growth.sentences,
                                              growth.sentence_words, story.claims)
    _tell(story, change, before)
    return change


def _add_quotes(story: Story, quotes: list[Claim], change: StoryChange) -> None:
    """Each new quotation joins the same quotation in another report, trimmed or reworded."""
    if not quotes:
        return
    new_docs = {quote.doc for quote in quotes}
    old = [claim for claim in story.claims if claim.kind == "quote" and claim.doc not in new_docs]
    wordings = [" ".join(quote_words(claim.text)) for claim in old]
    clusters = {cluster.id: cluster for cluster in story.clusters}
    for quote in quotes:
        words = quote_words(quote.text)
        if len(words) < 3:
            continue
        match = process.extractOne(" ".join(words), wordings, scorer=fuzz.token_set_ratio, score_cutoff=QUOTE_CUTOFF)
        if match is None:
            continue
        partner = old[match[2]]
        cluster = clusters.get(partner.cluster or "")
        if cluster is None:
            cluster = Cluster(_next_id(story), "quote", "", "agree", [partner.id])
            partner.cluster = cluster.id
            story.clusters.append(cluster)
            clusters[cluster.id] = cluster
            change.started.append(cluster.id)
        elif cluster.id not in change.joined and cluster.id not in change.started:
            change.joined.append(cluster.id)
        cluster.claims.append(quote.id)
        quote.cluster = cluster.id
    story._by_id = None
    for cluster_id in [*change.joined, *change.started]:
        cluster = clusters[cluster_id]
        if cluster.kind == "quote":
            group = [story.claim(claim_id) for claim_id in cluster.claims]
            cluster.status = quote_status(group)
            if cluster_id in change.started:
                _name(story, cluster, group, {})


def _name(story: Story, cluster: Cluster, group: list[Claim], facets: dict[str, Facet]) -> None:
    """A new fact's label, unique among the story's."""
    label = fact_label(group, facets)
    seen = Counter(other.label for other in story.clusters if other is not cluster)
    cluster.label = unique_label(label, group, facets, dict(seen)) if label in seen else label


def _next_id(story: Story) -> str:
    return f"k{max((int(c.id[1:]) for c in story.clusters if c.id[1:].isdigit()), default=0) + 1}"


def _tell(story: Story, change: StoryChange, before: dict[str, str]) -> None:
    """``change.news``: the counts the new reports update, the facts they bring into conflict."""
    new_claims = {claim.id for claim in change.claims}
    zone = story_zone(story.documents)
    for cluster in story.clusters:
        if cluster.id not in change.joined and cluster.id not in change.started:
            continue
        if cluster.kind == "number":
            timeline = fact_timeline(story, cluster, zone)
            for version in timeline.versions:
                found = version.lead and version.lead.id in new_claims and timeline.change_of(version.lead.id)
                if found and found.kind == "update":
                    change.news.append(f"{cluster.label} now {figure_text(found.later)}, was "
                                       f"{figure_text(found.earlier)}")
                elif found:
                    change.news.append(f"{cluster.label}: {figure_text(found.later)} against "
                                       f"{figure_text(found.earlier)} within the hour")
        if before.get(cluster.id) == "agree" and cluster.status == "conflict" and not any(
                news.startswith(cluster.label) for news in change.news):
            change.news.append(f"{cluster.label} now in conflict")
