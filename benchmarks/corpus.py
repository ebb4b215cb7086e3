"""Scaled stories for the benchmarks, built reproducibly from real coverage.

The pool is the bundled Bamako reports and the five stories of ``../shared/dev-stories/``. Each
generated report takes one real report, drops a few of its sentences, adds part of a sibling
report of the same event (as outlets merge wire copy), and varies some of its figures, so that
the same fact recurs across hundreds of reports with agreeing and conflicting values, as it
does on a desk following a big story. The same seed always gives the same bytes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from sahel_reader.story.documents import bundled_seed_paths

DEV_STORIES = Path(__file__).resolve().parents[1].parent / "shared" / "dev-stories"
SEED = 20240917
_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?![\w.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_HEDGED = re.compile(r"(?:than|about|least|nearly|almost|some|over|to|and|-)\s*$", re.IGNORECASE)
_HEDGES = ("more than ", "about ", "at least ", "nearly ")


@dataclass(frozen=True, slots=True)
class PoolStory:
    name: str
    reports: list[list[str]]
    """Each report as its lines (one sentence or paragraph per line)."""


def pool() -> list[PoolStory]:
    """The real reports the scaled stories are made of, grouped by event."""
    stories = [PoolStory("bamako", [_lines(p) for p in bundled_seed_paths()])]
    if DEV_STORIES.is_dir():
        for folder in sorted(p for p in DEV_STORIES.iterdir() if p.is_dir()):
            stories.append(PoolStory(folder.name, [_lines(p) for p in sorted(folder.glob("*.txt"))]))
    return stories


def scaled_story(count: int, seed: int = SEED) -> dict[str, str]:
    """``count`` reports as file name -> text, drawn from the pool with varied figures."""
    rng = random.Random(seed)
    stories = pool()
    reports = {}
    for number in range(count):
        story = rng.choice(stories)
        base, sibling = rng.sample(story.reports, 2)
        lines = [line for index, line in enumerate(base) if index == 0 or rng.random() > 0.12]
        borrowed = [line for line in sibling[1:] if rng.random() < 0.55]
        text = "\n".join(_vary(line, rng) for line in lines + borrowed) + "\n"
        reports[f"{number:04d}_{story.name}.txt"] = text
    return reports


def long_report(size: int, seed: int = SEED) -> str:
    """One report of about ``size`` characters: the whole pool over and over, figures varied.

    Paragraphs are separated by blank lines, as in a long document pasted from a PDF.
    """
    rng = random.Random(seed)
    paragraphs = [report for story in pool() for report in story.reports]
    parts: list[str] = []
    length = 0
    while length < size:
        report = rng.choice(paragraphs)
        paragraph = " ".join(_vary(line, rng) for line in report[1:])
        parts.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(parts)[:size] + "\n"


def write_story(reports: dict[str, str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _vary(line: str, rng: random.Random) -> str:
    """Change about a quarter of the line's figures a little, and hedge some of them."""
    def change(match: re.Match) -> str:
        written = match.group()
        if _YEAR.fullmatch(written) or rng.random() > 0.25:
            return written
        value = int(written.replace(",", ""))
        value = max(1, value + rng.choice((-3, -1, 1, 2, 5, round(value * 0.2) + 1)))
        hedged = _HEDGED.search(match.string, max(0, match.start() - 12), match.start())
        hedge = rng.choice(_HEDGES) if not hedged and rng.random() < 0.2 else ""
        return f"{hedge}{value:,}"

    return _FIGURE.sub(change, line)
