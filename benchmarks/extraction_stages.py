"""Where extraction's time goes on the seeds and dev stories, stage by stage, against one ``\\w+`` pass.

    .venv/bin/python benchmarks/extraction_stages.py            # 15 rounds
    .venv/bin/python benchmarks/extraction_stages.py --rounds 3

The extraction timed is ``run.extraction``, the one ``make bench`` times: the real ``extract_claims`` with its
story memo, each stage measured by a clock around the function that does it (reading the figures of each line,
finding quotations and their speakers, the count, event and source of each sentence holding a figure), the rest
(splitting sentences, page furniture, building the claims) by difference. CPU time, the least of the rounds for
each row, so that another process on the machine inflates no row: the sum of the rows is a little less than the
least whole run. Issue 12 and 14's target is the whole against the pass, at most 10×.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import screen
from benchmarks.run import extraction, word_pass
from sahel_reader.story import claims
from sahel_reader.story.documents import bundled_seed_paths, load_paths

STAGES = {"report_figures": "figures of each line (search and reading)", "_quotations": "quotations and their speakers",
          "_figure_contexts": "count, event and source of each sentence with a figure"}
"""The functions of ``story.claims`` timed apart, by what they do."""


def timed_stages(spent: dict[str, float]) -> Callable[[], None]:
    """Wrap each of ``STAGES`` in ``story.claims`` so that its CPU time adds to ``spent``; returns the undoing."""
    originals = {name: getattr(claims, name) for name in STAGES}

    def clocked(name: str, function: Callable) -> Callable:
        def run(*arguments, **options):
            started = time.process_time()
            try:
                return function(*arguments, **options)
            finally:
                spent[name] += time.process_time() - started
        return run

    for name, function in originals.items():
        setattr(claims, name, clocked(name, function))
    return lambda: [setattr(claims, name, function) for name, function in originals.items()]


def measure(rounds: int) -> list[tuple[str, float]]:
    """The least CPU seconds of each stage, of the whole and of the ``\\w+`` pass over ``rounds`` rounds."""
    documents = load_paths([*bundled_seed_paths(), *screen.dev_stories()]).documents
    texts = [document.text for document in documents]
    extraction(documents)  # the compiled patterns and the first-use caches, as a reader's second start finds them
    least: dict[str, float] = {}
    for _ in range(rounds):
        spent = dict.fromkeys(STAGES, 0.0)
        undo = timed_stages(spent)
        try:
            started = time.process_time()
            extraction(documents)
            whole = time.process_time() - started
        finally:
            undo()
        started = time.process_time()
        word_pass(texts)
        spent.update(whole=whole, rest=whole - sum(spent.values()), reference=time.process_time() - started)
        least = {name: min(seconds, least.get(name, seconds)) for name, seconds in spent.items()}
    return [*((STAGES[name], least[name]) for name in STAGES),
            ("the rest: splitting sentences, page furniture, building claims", least["rest"]),
            ("extraction, whole", least["whole"]), ("one \\w+ pass over the same text (reference)", least["reference"])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="rounds; each row is the least of them (default 15)")
    rows = measure(parser.parse_args(argv).rounds)
    reference = rows[-1][1]
    print("| stage | CPU ms | × the \\w+ pass |\n|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds * 1e3:.1f} | {seconds / reference:.1f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
