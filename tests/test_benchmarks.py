"""The benchmark script runs end to end (on small corpora) and writes every row of its table."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import long_report, scaled_story

ROOT = Path(__file__).resolve().parents[1]


def test_scaled_stories_are_reproducible_and_vary_the_figures():
    first, again = scaled_story(30), scaled_story(30)
    assert first == again
    assert scaled_story(30, seed=1) != first
    assert len(first) == 30 and all(text.strip() for text in first.values())
    tolls = {m for text in first.values() for m in re.findall(r"(\d+) (?:people|individuals)", text)}
    assert len(tolls) > 3, "figures are varied, so links meet agreeing and conflicting values"
    long = long_report(50_000)
    assert 50_000 <= len(long) <= 50_001 and long == long_report(50_000)


@pytest.mark.skipif(sys.platform != "linux", reason="the first frame is timed in a Linux pseudo-terminal")
@pytest.mark.slow(40)
def test_the_benchmark_script_writes_its_table(tmp_path):
    output = tmp_path / "RESULTS.md"
    result = subprocess.run([sys.executable, "benchmarks/run.py", "--quick", "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr[-6000:]
    table = output.read_text(encoding="utf-8")
    assert re.search(r"Machine: \d+ cores, Python 3\.\d+", table)
    for row in ("extraction vs one \\w+ pass", "linking growth", "claims --json", "peak memory",
                "first frame, minimal Textual app", "the seeds' texts and status bar shown",
                "the seeds' figures coloured and linked", "panes filled", "claims coloured", "key ']'", "key 'J'",
                "Textual alone: three panes of new text", "the panes one Line API widget: three panes", "claim inspector opens", "claims matrix opens", "claims matrix shows",
                "page down through", "report at a new width", "python -X importtime"):
        assert row in table, row
    assert re.search(r"\| claims --json, \d+ reports \| [\d.]+ s \| \d+× a process reading the files", table)
    ratios = re.findall(r"\| ([\d.]+)× the minimal app \|", table)
    assert ratios and all(float(r) > 0 for r in ratios)


@pytest.mark.slow(18)
def test_the_adversarial_benchmark_prints_a_row_per_size_with_its_ratio():
    result = subprocess.run([sys.executable, "benchmarks/adversarial.py", "--quick", "--case", "one-line",
                             "--case", "repeated-in-two", "--case", "save"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines()[1:] if line.strip()]
    assert len(rows) == 9 and rows[0].startswith("one line, no full stop")
    ratios = re.findall(r"s +(\d+\.\d\d) +[\d.]+MB +(\d+\.\d\d)  (yes|NO)", result.stdout)
    assert len(ratios) == 6  # time and memory per doubling, from the second size on


def test_a_missed_target_is_marked_fail_in_the_table_and_listed(capsys):
    from benchmarks.run import Table

    table = Table()
    table.add("kept target", "5 ms", "2.0× the \\w+ pass", "≤ 10×", True)
    table.add("missed target", "50 ms", "20.0× the \\w+ pass", "≤ 10×", False)
    table.add("not judged", "1 ms", "", "≤ 10×")
    printed = capsys.readouterr().out
    assert printed.count("FAIL") == 2 and "FAIL ^^^ target missed: missed target" in printed
    assert "| missed target | 50 ms | 20.0× the \\w+ pass | **FAIL** ≤ 10× |" in table.markdown()
    assert "| kept target | 5 ms | 2.0× the \\w+ pass | ≤ 10× |" in table.markdown()
    assert table.failed == ["missed target"]


def test_a_wait_that_never_ends_fails_naming_what_it_waited_for(monkeypatch):
    """A reader that never finishes loading ends the benchmark with a sentence, not a hung CI run."""
    import asyncio

    from benchmarks import screen

    monkeypatch.setattr(screen, "WAIT_LIMIT", 0.05)
    with pytest.raises(TimeoutError, match="waited 0 s for the story to be linked"):
        asyncio.run(screen._wait_until(lambda: False, "the story to be linked"))
    asyncio.run(screen._wait_until(lambda: True, "nothing"))


def test_the_extraction_stages_add_up_to_the_whole():
    """``benchmarks/extraction_stages.py`` times the real extraction stage by stage: each stage is a part of the
    whole, and the functions it wraps are given back after."""
    from benchmarks import extraction_stages
    from sahel_reader.story import claims

    before = {name: getattr(claims, name) for name in extraction_stages.STAGES}
    rows = dict(extraction_stages.measure(1))
    assert {name: getattr(claims, name) for name in extraction_stages.STAGES} == before
    stages = [rows[description] for description in extraction_stages.STAGES.values()]
    assert all(seconds > 0 for seconds in stages), "each wrapped function is one extract_claims calls"
    rest = next(seconds for name, seconds in rows.items() if name.startswith("the rest"))
    assert 0 < rest < rows["extraction, whole"], "the stages are timed inside the whole, and are not all of it"

