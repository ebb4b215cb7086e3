"""Smoke test: the real `sahel-reader` command in tmux, keys sent, the screen read with capture-pane."""

import shutil

import pytest
from tmux_driver import Tmux, start

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def tmux():
    session = Tmux()
    yield session
    session.close()


@pytest.mark.slow(5)
def test_the_reader_opens_the_seeds_and_jumps_between_versions(tmux):
    start(tmux)
    tmux.wait_for("sentence 1/26")
    screen = tmux.wait_for("More than 70 people were killed")  # the texts come first
    assert "000_9e34431ca94add9f" in screen
    tmux.wait_gone("finding the figures")  # then the figures and links, which ] follows
    tmux.keys("j", "j")
    tmux.wait_for("sentence 3/26")
    tmux.keys("]")
    tmux.wait_for("arabnews.com  │")  # the status bar names the report by its outlet
    screen = tmux.wait_for("77 individuals were")  # (its line breaks after "were" at 160 columns)
    assert "arabnews.com  │  sentence" in screen
    tmux.keys("c")
    screen = tmux.wait_for("Facts by report")
    assert "≠" in screen and "death toll" in screen
    tmux.keys("Escape")
    tmux.wait_gone("Facts by report")  # the Escape was read alone, not as the start of alt+q
    tmux.wait_for("sentence ")
    tmux.keys("q")
    tmux.wait_for("EXITED 0")


@pytest.mark.slow(2)
def test_a_bad_path_is_named_and_the_other_reports_still_open(tmux, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Officials said 12 people were killed.\n", encoding="utf-8")
    start(tmux, str(report), str(tmp_path / "missing.txt"))
    tmux.wait_for("sentence 1/1")
    screen = tmux.wait_for("missing.txt")
    assert "file not found" in screen
    tmux.keys("q")
    tmux.wait_for("EXITED 0")


@pytest.mark.slow(8)
def test_a_note_saved_in_the_reader_comes_back_when_the_session_is_reopened(tmux, tmp_path):
    session = tmp_path / "bamako.sahel.yaml"
    state = {"XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    start(tmux, env=state)
    tmux.wait_for("More than 70 people were killed")
    tmux.keys("j", "j", "a")
    tmux.wait_for("Note on:")
    tmux.keys("checked with AFP", "Tab", "verified", "C-s")
    tmux.wait_for("unsaved")
    tmux.keys("C-s")
    tmux.wait_for("Save the session as")
    tmux.wait_for("attack-in-bamako-mali-september-2024.sahel.yaml")  # the field, with its default path
    typed = tmux.replace_field(str(session))
    assert "attack-in-bamako" not in typed, typed  # the typed path replaced the default
    tmux.keys("Enter")
    tmux.wait_gone("Save the session as")
    tmux.wait_gone("● unsaved")  # the header, not the toast: a toast of 3 s can be missed under load
    tmux.keys("q")
    tmux.wait_for("EXITED 0")
    saved = session.read_text(encoding="utf-8")
    assert "checked with AFP" in saved
    assert "focused: 000_9e34431ca94add9f" in saved and "000_9e34431ca94add9f: 2" in saved, saved  # where the reader was

    tmux.run("kill-session", "-t", "reader")
    start(tmux, str(session), env=state)
    tmux.wait_for("sentence 3/26")
    tmux.wait_for("✎")
    tmux.keys("'")
    screen = tmux.wait_for("Notes and marks: 1")
    assert "checked with AFP" in screen and "verified" in screen
