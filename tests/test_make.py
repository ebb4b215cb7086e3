"""`make run` installs what running needs, not the test extras, and says in one line what it does.

Make runs for real, with a stand-in Python that records each call instead of installing anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")

_RECORDER = """#!/bin/sh
echo "$*" >> "{log}"
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin" && cp "$0" "$3/bin/python" && cp "$0" "$3/bin/sahel-reader"
fi
"""


def _make(tmp_path: Path, target: str) -> tuple[str, list[str]]:
    log = tmp_path / "calls.log"
    python = tmp_path / "python"
    python.write_text(_RECORDER.format(log=log), encoding="utf-8")
    python.chmod(0o755)
    venv = tmp_path / "venv"
    done = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), f"VENV={venv}", f"PYTHON={python}",
                           target], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "MAKEFLAGS": ""})
    assert done.returncode == 0, done.stderr
    return done.stdout, log.read_text(encoding="utf-8").splitlines()


def test_make_run_installs_only_what_running_needs_and_says_so_in_one_line(tmp_path):
    said, calls = _make(tmp_path, "run")
    installs = [call for call in calls if "pip install" in call]
    assert installs == ["-m pip install --quiet --disable-pip-version-check -e ."]
    assert len(said.splitlines()) == 1 and said.startswith("Installing sahel-reader and what it needs to run")


def test_make_test_still_installs_the_test_extras(tmp_path):
    venv = tmp_path / "venv"
    _make(tmp_path, str(venv / ".installed"))
    calls = (tmp_path / "calls.log").read_text(encoding="utf-8")
    assert "-m pip install --quiet -e .[dev]" in calls
    assert (venv / ".installed-run").exists()  # `make run` after `make test` installs nothing more
