"""A piece that is installed apart (lxml's HTML cleaner) or fails on one page costs that report one
sentence, never a traceback: the other reports still open."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from sahel_reader.story.documents import load_paths

ROOT = Path(__file__).resolve().parents[1]
PAGE = ("<html><head><title>Attack in Bamako</title></head><body><article><h1>Attack in Bamako</h1>"
        "<p>More than 70 people were killed when militants attacked a school in Bamako on Tuesday.</p>"
        "<p>Officials said the airport reopened later in the day, and the toll could still rise.</p>"
        "</article></body></html>")
GOOD = "Officials said 12 people were killed in Bamako on Tuesday.\n"


def test_the_html_cleaner_is_a_declared_dependency() -> None:
    """lxml 5.2 moved ``lxml.html.clean`` to its own package, which trafilatura's jusText imports;
    an older pip does not install it through lxml's extra, so the project names it itself."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.replace("-", "_").startswith("lxml_html_clean") for d in project["dependencies"])


def test_html_without_the_cleaner_installed_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    missing = ("import sys; sys.modules['lxml_html_clean'] = None; from sahel_reader.cli import main;"
               f" sys.exit(main(['claims', {str(tmp_path)!r}]))")
    result = subprocess.run([sys.executable, "-c", missing], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-1500:]
    assert result.stderr == (f"sahel-reader: {tmp_path / 'page.html'}: HTML reports need the package"
                             " lxml_html_clean, which is not installed (pip install lxml_html_clean).\n")
    assert "1 report ·" in result.stdout


def test_html_the_extractor_fails_on_is_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("lxml: Document is empty\nline two")

    monkeypatch.setattr(trafilatura, "bare_extraction", fail)
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = load_paths([tmp_path])
    assert [d.id for d in result.documents] == ["good"]
    assert [e.message for e in result.errors] == [
        f"{tmp_path / 'page.html'}: this HTML page could not be read (lxml: Document is empty)."]
