"""Score the figure extractor against number-extraction test cases published by other projects.

Runs ``find_figures`` and ``parse_number_words`` (sahel_reader.highlighters.numbers) on the peer data in
``../shared/peer-data`` (see its README.md), read in place, never copied into the project: quantulum3
sentences, Recognizers-Text number/range/percent specs and number-parser word lists. Per source:

    cases      expected results scored (known exclusions and NotSupported entries left out)
    precision  predicted figures overlapping an expected result, among those the peer would annotate
    recall     expected results overlapped by some predicted figure
    value acc  among found results, those whose value (low/high for ranges) agrees within 1e-6 relative

number-parser rows are whole texts: recall means exactly one figure spanning the text with the right value,
precision counts whole-text figures among all predicted, and value acc scores parse_number_words on every row.

Run:  .venv/bin/python scripts/peer_data.py [--peer-data PATH] [--failures N] [--include-not-supported]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sahel_reader.highlighters.numbers import find_figures, parse_number_words
from sahel_reader.highlighters.spans import Figure

DEFAULT_PEER_DATA = Path(__file__).resolve().parent.parent / ".." / "shared" / "peer-data"

# Known exclusions: what a news-figure extractor need not find, why, and the quantulum3 cases of each
# (a phrase of the sentence holding the expected surface). Recognizers-Text cases are sorted by rule below.
EXCLUSIONS: dict[str, tuple[str, list[str]]] = {
    "ordinals": ("ranks, not amounts: the project never reads 'first' or '1st' as a figure, by design", []),
    "spoken maths": ("arithmetic read aloud ('one over three', 'five point five', 'one hundred thirty fifths');"
                     " news prints digits", []),
    "scientific notation": ("exponents belong to technical text, not news prose",
                            ["2.48×10−5", "4e14 s-1", "-1e-3 W/min", "9.83e-3 +/- 1e-5", "8x2^10 bits"]),
    "identifiers in names": ("a number naming a thing states no amount (also 'SCP-173')",
                             ["Voyager 2", '"English 101"', "South 32 Ltd"]),
    "model numbers": ("product codes are identifiers, not amounts", ["Core i7 860"]),
    "no number written": ("a bare unit, named point or word read as a quantity; the text holds no numeral",
                          ["A kibibyte", "a gallon", "a penny", "A baker's dozen", "a gross", "a square dozen",
                           "One gigaannum", "absolute zero"]),
    "am/pm as units": ("quantulum reads '2.1 pm' as picometres; in news a number before am/pm is a clock time",
                       ["2.1 pm", "2.123 pm", "2.123 am"]),
    "inverted percent": ("Recognizers reads 'percent of 10' as 10%; in prose it means a share of 10", []),
    "NotSupported": ("the peer marks the entry unsupported (a truthy NotSupported/NotSupportedByDesign field)", []),
}
QUANTULUM_UNIT_FACTOR = {"dozen": 12}  # quantulum gives "a dozen" as 1 dozen; the project counts 12

# Which predicted figures each peer would have annotated; the others are left out of its precision.
# Recognizers-Text's NumberModel leaves a number written against its unit ("the 180ml liquid") to its
# NumberWithUnit model, which these cases do not run.
_GLUED_UNIT = re.compile(r"[\d.,]+[^\W\d_]+")
PEER_SCOPE = {
    "quantulum3": lambda f, text: f.quantity not in ("date", "time") and f.qualifier != "vague",  # no dates, "dozens"
    "NumberModel": lambda f, text: (f.quantity not in ("date", "time") and f.qualifier != "vague"
                                    and not _GLUED_UNIT.fullmatch(text[f.start:f.end])),  # "180ml": its units model's
    "NumberRangeModel": lambda f, text: f.qualifier in ("lower", "upper", "range"),  # ranges and bounds only
    "PercentModel": lambda f, text: f.quantity == "percent",
}

_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
                      r"twelfth|\w+teenth|\w+ieth|hundredth|thousandth|millionth|\d+(?:st|nd|rd|th))\b")
_SIMPLE_FRACTION = re.compile(  # "two thirds", "three and a half", "five and a half million", "half million"
    r"^(?:[\w\s,.-]+?\s+and\s+)?(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+)?"
    r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
    r"(?:\s+(?:of\s+a\s+)?(?:million|billion|trillion))?$")


def recognizers_exclusion(text: str, resolution: dict, before: str) -> str | None:
    """The exclusion category of one Recognizers-Text expected result, if any."""
    text, subtype = text.lower(), resolution.get("subtype")
    if resolution["value"] == "null":
        return "no number written"
    if re.search(r"[A-Z]{2,}-?$", before) and text[:1].isdigit():  # SCP-173
        return "identifiers in names"
    if subtype == "power" or re.search(r"\d[e^x×]|\^", text):
        return "scientific notation"
    if re.search(r"\w\s+over\s+\w|\bpoint\b", text):
        return "spoken maths"
    if (subtype == "fraction" and re.search(r"[a-z]", text) and not re.search(r"\b(?:out of|in)\b", text)
            and not _SIMPLE_FRACTION.match(text)):
        return "spoken maths"  # compound ordinal denominators: "one hundred thirty fifths", "a twenty-first"
    if subtype != "fraction" and _ORDINAL.search(text):
        return "ordinals"
    return "inverted percent" if re.match(r"per\s*cents?\b", text) else None


@dataclass
class Expected:
    start: int
    end: int
    value: float | None
    bounds: tuple[float | None, float | None] | None = None  # (low, high), for ranges


@dataclass
class Tally:
    source: str
    cases: int = 0
    found: int = 0
    value_ok: int = 0
    right_predictions: int = 0
    wrong_predictions: int = 0
    excluded: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str, str, str]] = field(default_factory=list)


def close(a: float | None, b: float | None) -> bool:
    return a is b if a is None or b is None else math.isclose(a, b, rel_tol=1e-6, abs_tol=0.0)


def value_matches(expected: Expected, figure: Figure) -> bool:
    pairs = zip(expected.bounds, (figure.low, figure.high)) if expected.bounds else [(expected.value, figure.value)]
    return all(close(want, got) for want, got in pairs)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def describe(text: str, figures: list[Figure]) -> str:
    return "; ".join(f"{text[f.start:f.end]!r}=" + (str(f.value) if f.qualifier in ("exact", "approx")
                                                     else f"[{f.low}, {f.high}]") for f in figures) or "-"


def score_text(tally: Tally, text: str, expected: list[Expected], excluded_spans: list[tuple[int, int]]) -> None:
    """Match the figures found in ``text`` against its expected results, by overlapping offsets."""
    figures = find_figures(text)
    for exp in expected:
        tally.cases += 1
        hits = [f for f in figures if overlaps(f.start, f.end, exp.start, exp.end)]
        wanted = f"{text[exp.start:exp.end]!r}={exp.bounds or exp.value}"
        if not hits:
            tally.failures.append(("missed", text, wanted, describe(text, figures)))
            continue
        tally.found += 1
        if any(value_matches(exp, f) for f in hits):
            tally.value_ok += 1
        else:
            tally.failures.append(("wrong value", text, wanted, describe(text, hits)))
    for figure in figures:
        if any(overlaps(figure.start, figure.end, e.start, e.end) for e in expected):
            tally.right_predictions += 1
        elif PEER_SCOPE[tally.source](figure, text) and not any(
                overlaps(figure.start, figure.end, *span) for span in excluded_spans):
            tally.wrong_predictions += 1
            tally.failures.append(("not expected", text, "-", describe(text, [figure])))


def quantulum_exclusion(text: str, span: tuple[int, int]) -> str | None:
    return next((category for category, (_, phrases) in EXCLUSIONS.items() for phrase in phrases
                 if (at := text.find(phrase)) >= 0 and overlaps(at, at + len(phrase), *span)), None)


def run_quantulum(folder: Path) -> Tally:
    tally = Tally("quantulum3")
    for case in json.loads((folder / "quantulum3" / "quantities.json").read_text(encoding="utf-8")):
        text, expected, excluded_spans, cursor = case["req"], [], [], 0
        for result in case["res"]:
            # the surface as a whole word after the previous one if possible (every surface is in its sentence)
            plain = re.escape(result["surface"])
            word = rf"(?<!\w){plain}(?!\w)"
            span = (re.compile(word).search(text, cursor) or re.compile(plain).search(text, cursor)
                    or re.search(plain, text)).span()
            cursor = span[1]
            if category := quantulum_exclusion(text, span):
                tally.excluded[category] += 1
                excluded_spans.append(span)
                continue
            value = result["value"] * QUANTULUM_UNIT_FACTOR.get(result["unit"], 1)
            spread = result.get("uncertainty")
            expected.append(Expected(*span, value, (value - spread, value + spread) if spread else None))
        score_text(tally, text, expected, excluded_spans)
    return tally


def parse_interval(interval: str) -> tuple[float | None, float | None]:
    """"(30,)" -> (30, None); "[20,30)" -> (20, 30). Open or closed ends are not told apart."""
    low, high = interval.strip().strip("[]()").split(",")
    return (float(low) if low.strip() else None, float(high) if high.strip() else None)


def run_recognizers(folder: Path, model: str, include_not_supported: bool) -> Tally:
    tally = Tally(model)
    for entry in json.loads((folder / "recognizers-text" / f"{model}.json").read_text(encoding="utf-8")):
        if not include_not_supported and (entry.get("NotSupported") or entry.get("NotSupportedByDesign")):
            tally.excluded["NotSupported"] += max(1, len(entry["Results"]))  # an entry with no results counts once
            continue
        text, expected, excluded_spans = entry["Input"], [], []
        for result in entry["Results"]:
            span, resolution = (result["Start"], result["End"] + 1), result["Resolution"]  # End is inclusive
            if category := recognizers_exclusion(result["Text"], resolution, text[:span[0]]):
                tally.excluded[category] += 1
                excluded_spans.append(span)
            elif model == "NumberRangeModel":
                expected.append(Expected(*span, None, parse_interval(resolution["value"])))
            else:
                expected.append(Expected(*span, float(resolution["value"].rstrip("%"))))
        score_text(tally, text, expected, excluded_spans)
    return tally


def run_number_parser(folder: Path) -> Tally:
    tally = Tally("number-parser")
    for path in sorted((folder / "number-parser").glob("*.csv")):
        rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
        if path.name.startswith("ordinals"):
            tally.excluded["ordinals"] += len(rows)
            continue
        tally.cases += len(rows)
        for row in rows:
            text, number = row["text"].strip(), float(row["number"])
            parsed = parse_number_words(text)
            if close(number, parsed):
                tally.value_ok += 1
            else:
                tally.failures.append(("parse_number_words", text, f"{number:.0f}", str(parsed)))
            figures = find_figures(text)
            whole = [f for f in figures if (f.start, f.end) == (0, len(text))]
            tally.right_predictions += len(whole)
            tally.wrong_predictions += len(figures) - len(whole)
            if len(figures) == 1 and whole and close(number, whole[0].value):
                tally.found += 1
            else:
                tally.failures.append(("find_figures", text, f"one figure over the text={number:.0f}",
                                       describe(text, figures)))
    return tally


def print_table(tallies: list[Tally]) -> None:
    def ratio(part: int, whole: int) -> str:
        return f"{100 * part / whole:.1f}%" if whole else "-"

    header = ("source", "cases", "excluded", "precision", "recall", "value acc")
    rows = [header] + [(t.source, str(t.cases), str(sum(t.excluded.values())),
                        ratio(t.right_predictions, t.right_predictions + t.wrong_predictions),
                        ratio(t.found, t.cases), ratio(t.value_ok, t.cases if t.source == "number-parser" else t.found))
                       for t in tallies]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        print(" | ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
        if n == 0:
            print("-+-".join("-" * w for w in widths))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-data", type=Path, default=DEFAULT_PEER_DATA, help="folder holding the peer data")
    parser.add_argument("--failures", type=int, default=0, metavar="N", help="print up to N failing cases per source")
    parser.add_argument("--include-not-supported", action="store_true",
                        help="also score Recognizers-Text entries the peer marks NotSupported")
    args = parser.parse_args()
    folder = args.peer_data.resolve()
    if not folder.is_dir():
        print(f"No peer data at {folder}, so there is nothing to score.")
        return

    tallies = [run_quantulum(folder)]
    tallies += [run_recognizers(folder, model, args.include_not_supported)
                for model in ("NumberModel", "NumberRangeModel", "PercentModel")]
    tallies.append(run_number_parser(folder))
    for tally in tallies if args.failures else []:
        print(f"== {tally.source}: {len(tally.failures)} failures")
        for kind, text, wanted, got in tally.failures[:args.failures]:
            print(f"  [{kind}] {text!r}\n      expected {wanted}\n      got      {got}")
        print()
    print_table(tallies)
    print("\nExcluded, by category:")
    totals = sum((t.excluded for t in tallies), Counter())
    for category, (reason, _) in EXCLUSIONS.items():
        if totals[category]:
            print(f"  {category:<21} {totals[category]:>4}  {reason}")


if __name__ == "__main__":
    main()
