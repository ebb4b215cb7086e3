"""What `sahel-reader claims` prints stays usable whatever the reports and the terminal hold.

Every JSON it writes is read back with a strict parser (no ``Infinity`` or ``NaN``, as
``JSON.parse`` and most tools refuse them); a file name cannot add a row to the table; a terminal
that cannot show every character gets escapes, not a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sahel_reader.cli import main

GOOD = "Officials said 12 people were killed in Bamako on Tuesday.\n"


def strict_json(text: str) -> dict:
    """JSON as JavaScript's JSON.parse reads it: Infinity, -Infinity and NaN are errors."""

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_a_figure_too_big_for_a_float_is_null_with_its_text_kept(tmp_path: Path, capsys) -> None:
    huge = "1" + "0" * 309  # 1e309: past the largest float, so Python reads it as infinity
    (tmp_path / "big.txt").write_text(f"Officials said {huge} people were killed in Bamako.\n")
    (tmp_path / "ok.txt").write_text(GOOD)
    assert main(["claims", "--json", str(tmp_path)]) == 0
    claims = strict_json(capsys.readouterr().out)["claims"]
    (big,) = [c for c in claims if c["doc"] == "big"]
    assert big["text"] == huge and (big["value"], big["low"], big["high"]) == (None, None, None)


def test_the_largest_float_is_still_a_number(tmp_path: Path, capsys) -> None:
    (tmp_path / "big.txt").write_text(f"Officials said {'9' * 300} people were killed.\n")
    assert main(["claims", "--json", str(tmp_path)]) == 0
    (claim,) = strict_json(capsys.readouterr().out)["claims"]
    assert claim["value"] == int(float("9" * 300))


def test_a_line_break_in_a_file_name_cannot_add_a_row_to_the_table(tmp_path: Path, capsys) -> None:
    (tmp_path / "a\nforged  row.txt").write_text(GOOD)
    (tmp_path / "b\u2028other.txt").write_text(GOOD)
    (tmp_path / "ok.txt").write_text(GOOD)
    assert main(["claims", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "  a\\nforged  row  (no headline)" in lines
    assert not any(line.startswith("forged") for line in lines)
    assert "\u2028" not in out and "b\\u2028other" in out
    assert sum("12" in line for line in lines) == 3  # one row per report under the death toll


def run_claims(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The real command, with the environment a user's shell might give it."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
    return subprocess.run([sys.executable, "-m", "sahel_reader", "claims", *args], env=environment | env,
                          capture_output=True, timeout=120, check=False)


ENCODINGS = {
    "C locale": {"LC_ALL": "C", "PYTHONUTF8": "0"},
    "Latin-1 output": {"PYTHONIOENCODING": "latin-1"},
    "ASCII output": {"PYTHONIOENCODING": "ascii"},
}


@pytest.mark.parametrize("env", ENCODINGS.values(), ids=ENCODINGS)
def test_a_terminal_that_cannot_show_every_character_gets_escapes(env: dict[str, str]) -> None:
    result = run_claims(env=env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-800:]
    assert b"Traceback" not in result.stderr
    out = result.stdout.decode("latin-1")
    assert "death toll" in out and "\\u2248" in out  # ≈, which none of these encodings has


@pytest.mark.parametrize("env", ENCODINGS.values(), ids=ENCODINGS)
def test_json_stays_valid_json_whatever_the_output_encoding(env: dict[str, str]) -> None:
    result = run_claims("--json", env=env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-800:]
    data = strict_json(result.stdout.decode("latin-1"))
    with_utf8 = strict_json(run_claims("--json", env={"PYTHONIOENCODING": "utf-8"}).stdout.decode("utf-8"))
    assert data == with_utf8  # the same claims, with any character it cannot show as a \u escape


@pytest.mark.parametrize("missing", [False, True], ids=["all read", "one missing"])
def test_the_command_ends_with_its_output_whole_its_status_and_its_exit_functions_run(
        tmp_path: Path, missing: bool) -> None:
    """Run as the process, ``claims`` ends it without freeing the story: what it wrote still arrives
    whole through a pipe, the status is the command's, and what ``atexit`` holds still runs."""
    for number in range(40):
        (tmp_path / f"r{number}.txt").write_text(GOOD * 30)
    paths = [str(tmp_path)] + ([str(tmp_path / "gone.txt")] if missing else [])
    program = ("import atexit, sys\n"
               "atexit.register(lambda: print('exit functions ran', file=sys.stderr))\n"
               f"sys.argv = ['sahel-reader', 'claims', '--json', *{paths!r}]\n"
               "from sahel_reader.cli import main\n"
               "raise SystemExit(main())\n")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, timeout=120, check=False)
    assert result.returncode == (1 if missing else 0)
    assert b"exit functions ran" in result.stderr
    data = strict_json(result.stdout.decode("utf-8"))
    assert len(data["documents"]) == 40 and len(data["sentence_links"]) == 40 * 12
