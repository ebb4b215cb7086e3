"""Score the claim engine against the hand-checked gold file of the seed reports.

Used by ``tests/test_gold.py`` (with floors) and by ``python tests/gold_scoring.py`` (prints the table).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import yaml
from sahel_reader.story.analysis import Story, analyse
from sahel_reader.story.documents import bundled_seed_paths, load_paths

GOLD_PATH = Path(__file__).parent / "gold" / "seeds.yaml"
ATTRIBUTES = ("value", "low", "high", "qualifier", "quantity", "event")


@dataclass
class GoldItem:
    doc: str
    kind: str
    start: int
    end: int
    text: str
    fields: dict
    fact: str | None


@dataclass
class Scores:
    figure_precision: float = 0.0
    figure_recall: float = 0.0
    quote_precision: float = 0.0
    quote_recall: float = 0.0
    attribute_accuracy: dict[str, float] = field(default_factory=dict)
    speaker_accuracy: float = 0.0
    link_precision: float = 0.0
    link_recall: float = 0.0
    link_f1: float = 0.0
    misses: list[str] = field(default_factory=list)

    def table(self) -> str:
        rows = [
            ("figures: precision", self.figure_precision), ("figures: recall", self.figure_recall),
            ("quotations: precision", self.quote_precision), ("quotations: recall", self.quote_recall),
            *((f"figures: {name} right", value) for name, value in self.attribute_accuracy.items()),
            ("quotations: speaker right", self.speaker_accuracy),
            ("links: pairwise precision", self.link_precision), ("links: pairwise recall", self.link_recall),
            ("links: pairwise F1", self.link_f1),
        ]
        return "\n".join(f"{name:<28} {value:6.3f}" for name, value in rows)


def load_gold(story: Story) -> list[GoldItem]:
    """The gold items, placed in the loaded texts by their exact text and occurrence."""
    gold = yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))
    items = []
    for doc_id, entries in gold["documents"].items():
        text = story.document(doc_id).text
        for kind, key in (("number", "figures"), ("quote", "quotations")):
            for entry in entries.get(key) or []:
                start = -1
                for _ in range(entry.get("occurrence", 1)):
                    start = text.index(entry["text"], start + 1)
                items.append(GoldItem(doc_id, kind, start, start + len(entry["text"]), entry["text"],
                                      entry, entry.get("fact")))
    return items


def score(story: Story | None = None) -> Scores:
    if story is None:
        loaded = load_paths(bundled_seed_paths())
        story = analyse(loaded.documents, loaded.title)
    gold = load_gold(story)
    result = Scores()
    matched: dict[str, GoldItem] = {}
    for kind in ("number", "quote"):
        predicted = [c for c in story.claims if c.kind == kind]
        expected = [g for g in gold if g.kind == kind]
        found = set()
        for claim in predicted:
            item = next((g for g in expected if g.doc == claim.doc and g.start < claim.end and claim.start < g.end
                         and id(g) not in found), None)
            if item is not None:
                found.add(id(item))
                matched[claim.id] = item
        precision = len(found) / len(predicted) if predicted else 1.0
        recall = len(found) / len(expected) if expected else 1.0
        result.misses += [f"missed {g.kind} {g.doc} {g.text!r}" for g in expected if id(g) not in found]
        result.misses += [f"extra {c.kind} {c.doc} {c.text!r}" for c in predicted if c.id not in matched]
        if kind == "number":
            result.figure_precision, result.figure_recall = precision, recall
        else:
            result.quote_precision, result.quote_recall = precision, recall

    number_pairs = [(story.claim(cid), g) for cid, g in matched.items() if g.kind == "number"]
    for name in ATTRIBUTES:
        right = [claim for claim, g in number_pairs if _same(getattr(claim, name), g.fields.get(name))]
        result.attribute_accuracy[name] = len(right) / len(number_pairs) if number_pairs else 0.0
        result.misses += [f"{name} {c.doc} {c.text!r}: got {getattr(c, name)!r}, gold {g.fields.get(name)!r}"
                          for c, g in number_pairs if c not in right]
    quote_pairs = [(story.claim(cid), g) for cid, g in matched.items() if g.kind == "quote"]
    right_speakers = [c for c, g in quote_pairs if _same_speaker(c.speaker, g.fields.get("speaker"))]
    result.speaker_accuracy = len(right_speakers) / len(quote_pairs) if quote_pairs else 0.0
    result.misses += [f"speaker {c.doc} {c.text[:30]!r}: got {c.speaker!r}, gold {g.fields.get('speaker')!r}"
                      for c, g in quote_pairs if c not in right_speakers]

    result.link_precision, result.link_recall, result.link_f1 = _link_scores(story, gold, matched)
    return result


def _link_scores(story: Story, gold: list[GoldItem], matched: dict[str, GoldItem]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 over pairs of claims of different documents that share a fact."""
    docs_per_fact: dict[str, set[str]] = {}
    for item in gold:
        if item.fact:
            docs_per_fact.setdefault(item.fact, set()).add(item.doc)
    shared = {fact for fact, docs in docs_per_fact.items() if len(docs) >= 2}
    gold_pairs = {
        frozenset((id(a), id(b))) for a, b in combinations(gold, 2)
        if a.doc != b.doc and a.fact in shared and a.fact == b.fact
    }
    predicted_pairs, unmatched_pairs = set(), 0
    for cluster in story.clusters:
        members = [story.claim(cid) for cid in cluster.claims]
        for a, b in combinations(members, 2):
            if a.doc == b.doc:
                continue
            if a.id in matched and b.id in matched:
                predicted_pairs.add(frozenset((id(matched[a.id]), id(matched[b.id]))))
            else:
                unmatched_pairs += 1
    right = len(predicted_pairs & gold_pairs)
    precision = right / (len(predicted_pairs) + unmatched_pairs) if predicted_pairs or unmatched_pairs else 1.0
    recall = right / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _same(got, want) -> bool:
    if isinstance(got, (int, float)) and isinstance(want, (int, float)):
        return abs(got - want) <= 0.051 * max(1.0, abs(want)) / 10
    return got == want


def _same_speaker(got: str | None, want: str | None) -> bool:
    """Speakers match when one names the other ("Lucas Webber" in "According to Lucas Webber")."""
    if not got or not want:
        return got == want
    got, want = got.lower(), want.lower()
    return want in got or got in want


if __name__ == "__main__":
    outcome = score()
    print(outcome.table())
    print()
    print("\n".join(outcome.misses))
