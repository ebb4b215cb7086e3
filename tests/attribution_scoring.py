"""Score quotations and their speakers on the shared development data, in-process.

The shared folder (``../shared`` beside the project) holds the dev stories with their hand-checked
gold and the PolNeAR political news split into dev and train; its own ``score.py`` judges the
claims, so a quotation and a speaker count here exactly as they count there. Only claims are
made (no linking), which keeps a run over PolNeAR's dev split to seconds.

Used by ``tests/test_attribution_gold.py`` (with floors) and by
``python tests/attribution_scoring.py [dev-stories|polnear-dev|polnear-train] [--misses]``.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import types
from pathlib import Path

from sahel_reader.story.claims import extract_claims
from sahel_reader.story.documents import load_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV_GOLD = SHARED / "dev-gold"
DEV_STORIES = ("ecb-12", "ecb-18", "ecb-20", "ecb-24", "ecb-38")
_WORKED_ON = ("ecb-12", "ecb-18", "ecb-20", "ecb-38")
"""The stories studied while the attribution was built; ecb-24 was held out and scored last."""
POLNEAR = SHARED / "peer-data" / "polnear"


def available() -> bool:
    """Whether the shared data is beside the project (a clean clone may not have it)."""
    return (DEV_GOLD / "score.py").is_file() and (POLNEAR / "dev" / "gold.yaml").is_file()


def score_folder(gold: Path, texts: Path) -> dict:
    """The metrics of ``score.py`` for the reports in ``texts`` against ``gold``."""
    loaded = load_paths([texts])
    memo: dict = {}
    claims = [c.to_json() for d in loaded.documents for c in extract_claims(d, memo) if c.kind == "quote"]
    scorer = _scorer()
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "claims.json"
        output.write_text(json.dumps({"claims": claims, "clusters": []}), encoding="utf-8")
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            scorer.main(str(gold), str(texts), str(output))
    return json.loads(printed.getvalue())


def dev_story(name: str) -> dict:
    return score_folder(DEV_GOLD / f"{name}.yaml", SHARED / "dev-stories" / name)


def polnear(split: str) -> dict:
    return score_folder(POLNEAR / split / "gold.yaml", POLNEAR / split / "texts")


def _scorer():
    """The shared ``score.py``, run from its source: importing it would write a bytecode cache into ``../shared``."""
    path = DEV_GOLD / "score.py"
    module = types.ModuleType("dev_gold_score")
    module.__file__ = str(path)
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module.__dict__)
    return module


def _quote_misses(result: dict) -> list[str]:
    return [miss for miss in result["misses"] if "quote" in miss]


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "dev-stories"
    show_misses = "--misses" in sys.argv
    if which == "dev-stories":
        named = [s for s in DEV_STORIES if s in sys.argv[2:]]
        stories = named or list(DEV_STORIES if "--all" in sys.argv else _WORKED_ON)
        results = {name: dev_story(name) for name in stories}
    else:
        results = {which: polnear(which.removeprefix("polnear-"))}
    for name, result in results.items():
        print(f"{name:14} quotes F1 {result['quotes_prf'][2]:.3f}  speakers {result['speaker_acc']:.3f}")
        if show_misses:
            print("\n".join(_quote_misses(result)))
    if len(results) > 1:
        count = len(results)
        print(f"{'mean':14} quotes F1 {sum(r['quotes_prf'][2] for r in results.values()) / count:.3f}"
              f"  speakers {sum(r['speaker_acc'] for r in results.values()) / count:.3f}")
