"""The claim engine scored on the hand-checked dev stories, in one process, with one story held out.

Runs ``analyse`` on each story of ``../shared/dev-stories`` and scores its JSON with the shared scorer
(``../shared/dev-gold/score.py``, imported in place, never copied), so the figures are the ones
``../shared/dev-gold/run`` prints, without a process per story. The held-out story is scored and
printed apart, last: the engine is tuned on the others and judged on it.

    .venv/bin/python scripts/dev_gold.py                      # the table: four stories, their mean, the held-out one, all five
    .venv/bin/python scripts/dev_gold.py --misses ecb-20      # every miss of one story, kinds included
    .venv/bin/python scripts/dev_gold.py --holdout ecb-38     # another story held out
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
import types
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
STORIES = ("ecb-12", "ecb-18", "ecb-20", "ecb-24", "ecb-38")
HOLDOUT = "ecb-24"
"""The story the engine is not tuned on; scored last (see the README's "How the engine is developed")."""
COLUMNS = (
    ("figures F1", lambda d: d["numbers_prf"][2]), ("values", lambda d: d["value_acc"]),
    ("hedges", lambda d: d["qualifier_acc"]), ("kinds", lambda d: d["kind_acc"]),
    ("quotes F1", lambda d: d["quotes_prf"][2]), ("speakers", lambda d: d["speaker_acc"]),
    ("links P", lambda d: d["number_links_prf"][0]), ("links R", lambda d: d["number_links_prf"][1]),
    ("links F1", lambda d: d["number_links_prf"][2]), ("status", lambda d: d["status_acc"]),
)


def shared_scorer():
    """The shared ``score.py`` as a module, or None where ``../shared`` is not beside the checkout."""
    path = SHARED / "dev-gold" / "score.py"
    if not path.exists():
        return None
    module = types.ModuleType("dev_gold_score")  # run from its source: an import would cache bytecode in ../shared
    module.__file__ = str(path)
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module.__dict__)
    return module


def score_story(story_name: str, scorer=None) -> dict:
    """The shared scorer's result for one dev story, the engine run in this process."""
    from sahel_reader.story.analysis import analyse
    from sahel_reader.story.documents import load_paths

    scorer = scorer or shared_scorer()
    folder = SHARED / "dev-stories" / story_name
    loaded = load_paths([folder])
    story = analyse(loaded.documents, loaded.title)
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "claims.json"
        with output.open("w", encoding="utf-8") as stream:
            story.write_json(stream)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            scorer.main(str(SHARED / "dev-gold" / f"{story_name}.yaml"), str(folder), str(output))
    result = json.loads(printed.getvalue())
    result["kind_misses"] = _kind_misses(scorer, story_name, story)
    return result


def _kind_misses(scorer, story_name: str, story) -> list[str]:
    """The matched figures whose kind differs from the gold (the shared scorer counts them, without naming them)."""
    import yaml

    gold = yaml.safe_load((SHARED / "dev-gold" / f"{story_name}.yaml").read_text(encoding="utf-8"))
    misses = []
    for document in story.documents:
        entries = (gold["documents"].get(document.id) or {}).get("numbers") or []
        figures = [c for c in story.claims if c.doc == document.id and c.kind == "number"]
        for entry in entries:
            if entry.get("optional"):
                continue
            span = scorer.spans(document.text, entry["find"], entry["num"])
            best = max((c for c in figures if scorer.overlap(span, (c.start, c.end)) > 0),
                       key=lambda c: scorer.overlap(span, (c.start, c.end)), default=None)
            if best is not None and best.quantity != entry["kind"]:
                misses.append(f"{document.id}: kind {best.quantity} for {entry['find']!r} (gold {entry['kind']})")
    return misses


def _row(name: str, results: list[dict]) -> str:
    means = [sum(column(r) for r in results) / len(results) for _, column in COLUMNS]
    return f"{name:14}" + "".join(f"{value:>11.3f}" for value in means)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", default=HOLDOUT, choices=STORIES)
    parser.add_argument("--misses", metavar="STORY", choices=STORIES, help="print every miss of one story")
    options = parser.parse_args(argv)
    scorer = shared_scorer()
    if scorer is None:
        print(f"no dev gold at {SHARED / 'dev-gold'}: it lives beside the checkout, in ../shared")
        return 2
    if options.misses:
        result = score_story(options.misses, scorer)
        for miss in result["misses"] + result["kind_misses"]:
            print(miss)
        return 0
    results = {name: score_story(name, scorer) for name in STORIES}
    print(f"{'story':14}" + "".join(f"{name:>11}" for name, _ in COLUMNS))
    tuned = [name for name in STORIES if name != options.holdout]
    for name in tuned:
        print(_row(name, [results[name]]))
    print(_row("mean of four", [results[name] for name in tuned]))
    print(_row(f"{options.holdout} (out)", [results[options.holdout]]))
    print(_row("mean of five", list(results.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
