"""Inputs built to make the work grow faster than the input, timed at doubling sizes.

    .venv/bin/python benchmarks/adversarial.py            # the sizes of issue 15
    .venv/bin/python benchmarks/adversarial.py --quick    # small sizes: checks the script works

Each case is measured in a fresh process at each size: wall time and peak memory (the resident
set's high-water mark, less what the process held before the work began). The ratio per doubling
is the growth from the previous size, scaled to a doubling of the input ((t2 / t1) ^ (1 / log2
(n2 / n1))): 2.0 is linear, and the target is at most 2.3. Where the story is analysed, the table
also gives the time spent in clustering (``story/linking.py``) and, within it, in scoring pairs of figures
(``story/fact_groups.py``);
the rest (loading, extraction, sentence links) with its own ratio; and sentence links alone.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.3
MIXED_SENTENCE = ("\u0642\u0627\u0644 \u0645\u0633\u0624\u0648\u0644\u0648\u0646 \u0625\u0646 {n} \u0634\u062e\u0635\u0627 "
                  "\u0642\u062a\u0644\u0648\u0627 in Bamako\u200d, e\u0301te\u0301 \u05e9\u05dc\u05d5\u05dd {n} people were "
                  "killed \U0001F468\u200d\U0001F469\u200d\U0001F467 near the ca\u0300mp. ")
"""Arabic and Hebrew (right to left), combining accents and zero-width joiners, with a figure."""


# --- the cases, each run in a child process ---------------------------------------------------


def one_line(size: int, folder: Path) -> Callable[[], object]:
    """One report of ``size`` characters on one line, without a full stop: real text, repeated."""
    from benchmarks.corpus import long_report

    report = folder / "one-line.txt"
    report.write_text(re.sub(r"[.!?…\n]", " ", long_report(size)) + "\n", encoding="utf-8")
    return lambda: _analysed([report])


def repeated(count: int, folder: Path, reports: int = 1) -> Callable[[], object]:
    """One sentence of mixed scripts repeated ``count`` times with a new figure each time."""
    text = "".join(MIXED_SENTENCE.format(n=n) for n in range(count)) + "\n"
    paths = [folder / f"repeated-{r}.txt" for r in range(reports)]
    for path in paths:
        path.write_text(text, encoding="utf-8")
    return lambda: _analysed(paths)


def repeated_in_two(count: int, folder: Path) -> Callable[[], object]:
    """The same, in two reports: every figure is one fact of both, so sentence links have work."""
    return repeated(count, folder, reports=2)


def _analysed(paths: list[Path]) -> object:
    from sahel_reader.story.analysis import analyse
    from sahel_reader.story.documents import load_paths

    return analyse(load_paths(paths).documents)


def _noted_session(notes: int, folder: Path, *, reports: int = 2, embed: bool = False):
    """A session of ``reports`` reports with ``notes`` notes spread over their sentences."""
    from benchmarks.corpus import scaled_story, write_story
    from sahel_reader.story.annotations import Anchor, Annotation, Mark, Session
    from sahel_reader.story.documents import load_paths
    from sahel_reader.story.session import new_session_documents

    documents = load_paths([write_story(scaled_story(reports), folder / "reports")]).documents
    path = folder / "reading.yaml"
    spots = [(d, span) for d in documents for span in d.sentences]
    session = Session(new_session_documents(documents, path, embed=embed), embed=embed)
    for n in range(notes):
        document, span = spots[n % len(spots)]
        anchor = Anchor.of(document.id, document.text, *span)
        session.annotations.append(Annotation(f"n{n + 1}", anchor, f"note {n}: check the figure with a second"
                                              " source before it is used", ["verified"], "2024-09-19T10:00:00+00:00",
                                              "2024-09-19T10:00:00+00:00"))
        if n % 4 == 0:
            session.marks.append(Mark(anchor, "2024-09-19T10:00:00+00:00"))
    return path, session, documents


def saving_notes(notes: int, folder: Path) -> Callable[[], object]:
    """A save of a session of ``notes`` notes that nobody else wrote since (the reader's ctrl+s)."""
    from sahel_reader.story.session import save_session

    path, session, documents = _noted_session(notes, folder)
    disk = save_session(session, path).disk
    texts = {d.id: d.text for d in documents}
    session.annotations[0].note = "changed"
    return lambda: save_session(session, path, known=disk, texts=texts)


def merging_notes(notes: int, folder: Path) -> Callable[[], object]:
    """A save of ``notes`` notes into a file another reader changed since: parsed and merged."""
    from sahel_reader.story.annotations import Annotation
    from sahel_reader.story.session import load_session, save_session

    path, session, documents = _noted_session(notes, folder)
    save_session(session, path)
    mine, theirs = load_session(path), load_session(path)
    theirs.session.annotations.append(Annotation("theirs", theirs.session.annotations[0].anchor, "theirs"))
    save_session(theirs.session, path, known=theirs.disk)
    mine.session.annotations[-1].note = "mine"
    texts = {d.id: d.text for d in documents}
    return lambda: save_session(mine.session, path, known=mine.disk, texts=texts)


def reading_session(kilobytes: int, folder: Path, *, refused: bool = False) -> Callable[[], object]:
    """Reading a session file of about ``kilobytes`` kB of notes (``refused``: with a fault at the end)."""
    from sahel_reader.story.session import SessionError, save_session, session_from_yaml

    path, session, _ = _noted_session(max(1, kilobytes * 1000 // 330), folder)
    save_session(session, path)
    text = path.read_text(encoding="utf-8") + ("colour: red\n" if refused else "")

    def read() -> object:
        try:
            return session_from_yaml(text, str(path))
        except SessionError as error:
            return error

    return read


def refused_session(kilobytes: int, folder: Path) -> Callable[[], object]:
    return reading_session(kilobytes, folder, refused=True)


def embedded_save(reports: int, folder: Path) -> Callable[[], object]:
    """The first save of an ``--embed`` session of ``reports`` reports, texts and all."""
    from sahel_reader.story.session import save_session

    path, session, _ = _noted_session(10, folder, reports=reports, embed=True)
    return lambda: save_session(session, path)


def recovery_write(reports: int, folder: Path) -> Callable[[], object]:
    """The recovery file written a second after a change, with ``reports`` reports open."""
    from sahel_reader.story.recovery import Recovery

    _, session, documents = _noted_session(10, folder, reports=reports)
    recovery = Recovery([d.path for d in documents], folder / "state")
    revisions = iter(range(1, 1 << 30))
    return lambda: recovery.write(session, documents, next(revisions))


CASES: dict[str, tuple[Callable[[int, Path], Callable[[], object]], str, list[int], list[int]]] = {
    "one-line": (one_line, "one line, no full stop (characters)",
                 [250_000, 500_000, 1_000_000, 2_000_000, 5_000_000], [25_000, 50_000, 100_000]),
    "repeated": (repeated, "a sentence repeated, RTL+combining+ZWJ (repeats)",
                 [2_500, 5_000, 10_000, 20_000], [250, 500, 1_000]),
    "repeated-in-two": (repeated_in_two, "the same, in two reports (repeats)",
                        [2_500, 5_000, 10_000, 20_000], [250, 500, 1_000]),
    "save": (saving_notes, "saving a session (notes)",
             [250, 500, 1_000, 2_000], [50, 100, 200]),
    "merge": (merging_notes, "saving, merging another reader's save (notes)",
              [250, 500, 1_000, 2_000], [50, 100, 200]),
    "read": (reading_session, "reading a session file (kB)", [200, 400, 800, 1_600], [20, 40, 80]),
    "refuse": (refused_session, "refusing a session, fault at its end (kB)",
               [200, 400, 800, 1_600], [20, 40, 80]),
    "embed": (embedded_save, "saving an --embed session (reports)", [125, 250, 500, 1_000], [10, 20, 40]),
    "recovery": (recovery_write, "writing the recovery file (reports)", [125, 250, 500, 1_000],
                 [10, 20, 40]),
}
ANALYSED = {"one-line", "repeated", "repeated-in-two"}


def child(case: str, size: int) -> dict:
    """Build the input, then time the work alone, and how much memory it took at its peak.

    An analysis is timed once, and its memory is the growth of the process's peak (the work
    dwarfs the rest); shorter work is timed three times or more (the median), and its memory is
    what Python allocated for it at its peak, in a run of its own.
    """
    from sahel_reader.story import fact_groups, linking, sentence_links

    spent: dict[str, list[float]] = {"linking": [], "grouping": [], "sentence_links": []}
    for module, name, key in ((linking, "cluster_claims", "linking"), (fact_groups, "_join", "grouping"),
                              (sentence_links, "link_sentences", "sentence_links")):
        setattr(module, name, _timed(getattr(module, name), spent[key]))
    with tempfile.TemporaryDirectory(prefix="sahel-adversarial-") as scratch:
        work = CASES[case][0](size, Path(scratch))
        analysis = case in ANALYSED
        if analysis:
            from sahel_reader.story.analysis import analyse  # noqa: F401  (the engine, imported before timing)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        times = []
        while len(times) < (1 if analysis else 3) or (sum(times) < 1.0 and len(times) < 9):
            for run in spent.values():
                run.append(0.0)
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
        memory = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        if not analysis:
            tracemalloc.start()
            work()
            memory = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
    middle = sorted(range(len(times)), key=times.__getitem__)[len(times) // 2]
    parts = {key: values[middle] for key, values in spent.items()}
    return {"seconds": times[middle], "memory_mb": max(memory, 0.0), **parts}


def _timed(function: Callable, spent: list[float]) -> Callable:
    """``function``, adding its time to the last of ``spent`` (one entry per run of the work)."""
    def timed_call(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            if spent:
                spent[-1] += time.perf_counter() - started
    return timed_call


def measure(case: str, size: int) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", case, str(size)], cwd=ROOT, capture_output=True,
                            text=True, check=False, timeout=3600)
    if result.returncode:
        raise RuntimeError(f"{case} at {size} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.splitlines()[-1])


def per_doubling(small: float, large: float, small_size: int, large_size: int) -> float:
    return (max(large, 1e-6) / max(small, 1e-6)) ** (1 / math.log2(large_size / small_size))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: checks the script works")
    parser.add_argument("--case", action="append", choices=CASES, help="only these cases (default: all)")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        print(json.dumps(child(options.child[0], int(options.child[1]))))
        return 0
    print(f"{'case':<46} {'size':>10} {'time':>9} {'×/2':>5} {'memory':>9} {'×/2':>5}  within {TARGET}×   "
          f"{'linking':>8} {'fact pairs':>11} {'the rest':>9} {'×/2':>5} {'sentence links':>14}")
    for case in options.case or CASES:
        _, title, sizes, quick_sizes = CASES[case]
        rows = [(size, measure(case, size)) for size in (quick_sizes if options.quick else sizes)]
        for number, (size, row) in enumerate(rows):
            row["rest"] = row["seconds"] - row["linking"]
            ratios = {key: "" for key in ("seconds", "memory_mb", "rest")}
            within = ""
            if number:
                previous_size, previous = rows[number - 1]
                for key in ratios:
                    floor = 1.0 if key == "memory_mb" else 0.05  # below, the noise is the measure
                    ratios[key] = per_doubling(max(previous[key], floor), max(row[key], floor), previous_size, size)
                within = "yes" if ratios["seconds"] <= TARGET and ratios["memory_mb"] <= TARGET else "NO"
                ratios = {key: f"{value:.2f}" for key, value in ratios.items()}
            parts = ""
            if case in ANALYSED:
                parts = (f"{row['linking']:>7.2f}s {row['grouping']:>10.2f}s {row['rest']:>8.2f}s {ratios['rest']:>5} "
                         f"{row['sentence_links']:>13.2f}s")
            print(f"{title if not number else '':<46} {size:>10,} {row['seconds']:>8.2f}s {ratios['seconds']:>5} "
                  f"{row['memory_mb']:>7.1f}MB {ratios['memory_mb']:>5}  {within:<12} {parts}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
