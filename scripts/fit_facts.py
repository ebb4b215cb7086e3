"""Fit the weights that say whether two figures state the same fact, and score them on stories left out.

The features (``story/fact_pairs.py``) are general signs; their weights come from logistic
regression on pairs of figures of the hand-checked dev stories (``../shared/dev-gold``): a pair is
positive when both figures carry the same gold topic. One story (``scripts/dev_gold.HOLDOUT``) is
never used: the weights are fitted on the other four, and each of those four is also scored with
weights fitted on the other three (leave one story out), so the table says how the linker does on
a story it was not fitted to.

    .venv/bin/python scripts/fit_facts.py            # the leave-one-out table
    .venv/bin/python scripts/fit_facts.py --holdout  # and the held-out story, scored last
    .venv/bin/python scripts/fit_facts.py --write    # also write story/fact_weights.py
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("dev_gold", ROOT / "scripts" / "dev_gold.py")
dev_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev_gold)

from sahel_reader.story import fact_groups, linking  # noqa: E402
from sahel_reader.story.analysis import analyse  # noqa: E402
from sahel_reader.story.documents import load_paths  # noqa: E402
from sahel_reader.story.fact_groups import _OPENING_SENTENCES, rarity_of  # noqa: E402
from sahel_reader.story.fact_pairs import FEATURES, comparable_interval, pair_features  # noqa: E402
from sahel_reader.story.similarity import content_words  # noqa: E402

L2 = 1.0
"""Ridge on the weights (not the bias): few stories, so no weight should grow on one of them."""
POSITIVE_SHARE = 0.2
"""How much the pairs of one fact weigh in the fit against the others (chosen with ``--grid``, leave one out)."""


def story_pairs(name: str, scorer) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every pair of figures of one family in one dev story."""
    from rapidfuzz import fuzz

    folder = dev_gold.SHARED / "dev-stories" / name
    loaded = load_paths([folder])
    with contextlib.redirect_stdout(io.StringIO()):
        story = analyse(loaded.documents, loaded.title)
    gold = yaml.safe_load((dev_gold.SHARED / "dev-gold" / f"{name}.yaml").read_text(encoding="utf-8"))
    topic_of = _gold_topics(story, gold, scorer)
    numbers = [c for c in story.claims if c.kind == "number" and not c.dateline and c.id in topic_of]
    facets = linking.facets_of(story.documents, numbers)
    words = {(d.id, i): content_words(d.text[s:e]) for d in story.documents for i, (s, e) in enumerate(d.sentences)}
    by_family = defaultdict(list)
    for claim in numbers:
        by_family[facets[claim.id].family].append(claim)
    rows, labels = [], []
    for claims in by_family.values():
        rarity = rarity_of([facets[c.id] for c in claims])
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                alike = fuzz.token_set_ratio(words[(a.doc, a.sentence)], words[(b.doc, b.sentence)]) / 100
                rows.append(pair_features(a, b, facets[a.id], facets[b.id], rarity, alike,
                                          (a.sentence < _OPENING_SENTENCES, b.sentence < _OPENING_SENTENCES),
                                          (comparable_interval(a), comparable_interval(b))))
                labels.append(float(topic_of[a.id] is not None and topic_of[a.id] == topic_of[b.id]))
    return np.array(rows, dtype=float), np.array(labels, dtype=float)


def _gold_topics(story, gold: dict, scorer) -> dict[str, str | None]:
    """Each figure matched to a gold number, as the shared scorer matches them: its topic or None.
    Figures matched to an optional number, which the scorer leaves out, are left out here too."""
    topics: dict[str, str | None] = {}
    for document in story.documents:
        entries = (gold["documents"].get(document.id) or {}).get("numbers") or []
        figures = [c for c in story.claims if c.doc == document.id and c.kind == "number"]
        used: set[str] = set()
        for entry in entries:
            span = scorer.spans(document.text, entry["find"], entry["num"])
            best = max((c for c in figures if c.id not in used and scorer.overlap(span, (c.start, c.end)) > 0),
                       key=lambda c: scorer.overlap(span, (c.start, c.end)), default=None)
            if best is None:
                continue
            used.add(best.id)
            if not entry.get("optional"):
                topics[best.id] = entry.get("topic")
        for claim in figures:
            if claim.id not in used:
                topics[claim.id] = None
    return topics


def fit(rows: np.ndarray, labels: np.ndarray, steps: int = 4000, positive_share: float = POSITIVE_SHARE) -> np.ndarray:
    """Logistic regression by gradient descent, the positives weighing ``positive_share`` of the whole."""
    weights = np.zeros(rows.shape[1])
    positive = labels.mean()
    sample = np.where(labels == 1, positive_share / max(positive, 1e-9),
                      (1 - positive_share) / max(1 - positive, 1e-9)) / len(labels)
    ridge = np.full(rows.shape[1], L2 / len(labels))
    ridge[0] = 0.0
    rate = 0.5
    for _ in range(steps):
        predicted = 1 / (1 + np.exp(-np.clip(rows @ weights, -30, 30)))
        gradient = rows.T @ ((predicted - labels) * sample) + ridge * weights
        weights -= rate * gradient * 4
    return weights


def _left_out(name: str, tuned: list[str], data: dict, scorer, share: float = POSITIVE_SHARE) -> dict:
    rows = np.vstack([data[other][0] for other in tuned if other != name])
    labels = np.concatenate([data[other][1] for other in tuned if other != name])
    return scored(name, fit(rows, labels, positive_share=share), scorer)


def scored(name: str, weights: np.ndarray, scorer) -> dict:
    linking.WEIGHTS = [float(w) for w in weights]
    with contextlib.redirect_stdout(io.StringIO()):
        return dev_gold.score_story(name, scorer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write story/fact_weights.py")
    parser.add_argument("--grid", action="store_true", help="try positive shares and join thresholds, leave-one-out")
    parser.add_argument("--holdout", action="store_true", help="also score the held-out story (last, once)")
    options = parser.parse_args(argv)
    scorer = dev_gold.shared_scorer()
    tuned = [name for name in dev_gold.STORIES if name != dev_gold.HOLDOUT]
    data = {name: story_pairs(name, scorer) for name in tuned}
    if options.grid:
        for share in (0.2, 0.3, 0.4, 0.5):
            for join_at in (0.4, 0.5, 0.6, 0.7):
                fact_groups.JOIN_AT = join_at
                rows = [_left_out(name, tuned, data, scorer, share) for name in tuned]
                means = [sum(r["number_links_prf"][i] for r in rows) / len(rows) for i in range(3)]
                status = sum(r["status_acc"] for r in rows) / len(rows)
                print(f"share {share} join {join_at}: P {means[0]:.3f} R {means[1]:.3f} F1 {means[2]:.3f} status {status:.3f}")
        return 0
    print(f"{'left out':10}{'links P':>9}{'links R':>9}{'links F1':>9}{'status':>9}")
    results = []
    for name in tuned:
        rows = np.vstack([data[other][0] for other in tuned if other != name])
        labels = np.concatenate([data[other][1] for other in tuned if other != name])
        result = scored(name, fit(rows, labels), scorer)
        results.append(result)
        print(f"{name:10}" + "".join(f"{v:>9.3f}" for v in (*result["number_links_prf"], result["status_acc"])))
    print(f"{'mean':10}" + "".join(f"{sum(r['number_links_prf'][i] for r in results) / len(results):>9.3f}"
                                   for i in range(3)) + f"{sum(r['status_acc'] for r in results) / len(results):>9.3f}")
    weights = fit(np.vstack([data[n][0] for n in tuned]), np.concatenate([data[n][1] for n in tuned]))
    for feature, weight in zip(FEATURES, weights):
        print(f"  {feature:28} {weight:+.2f}")
    held = scored(dev_gold.HOLDOUT, weights, scorer) if options.holdout else None
    if held is not None:  # scored last, once the weights are settled: it is the story nothing was tuned on
        print(f"{dev_gold.HOLDOUT + ' (out)':10}" + "".join(f"{v:>9.3f}" for v in (*held["number_links_prf"], held["status_acc"])))
    if options.write:
        _write(weights, tuned)
    return 0


def _write(weights: np.ndarray, tuned: list[str]) -> None:
    values = ", ".join(f"{w:.3f}" for w in weights)
    (ROOT / "story" / "fact_weights.py").write_text(
        '"""The weights of ``fact_pairs.FEATURES``, in their order: logistic regression on the pairs of figures of\n'
        f"the dev stories {', '.join(tuned)} (``scripts/fit_facts.py --write``; {dev_gold.HOLDOUT} held out).\"\"\"\n\n"
        f"WEIGHTS = [{values}]\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
