"""Nothing lost, shown with the real command in tmux: two readers saving one session, and readers
killed while they hold unsaved or just-restored work."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from tmux_driver import Tmux, start

from sahel_reader.story.annotations import Anchor, Annotation, Session
from sahel_reader.story.documents import load_paths
from sahel_reader.story.session import load_session, new_session_documents, save_session

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

REPORTS = {
    "afp.txt": "Attack in Bamako\n\nMore than 70 people were killed.\nA source said 77 had died.\n"
               "An official put the toll at almost 100.\nThe airport reopened on Wednesday.\n",
    "ap.txt": "Mali attack\n\nAround 70 people were killed, officials said.\nThe airport reopened.\n",
}


@pytest.fixture
def tmux():
    session = Tmux()
    yield session
    session.close()


def reports(tmp_path: Path) -> list[str]:
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / name) for name in REPORTS]


def settings(tmp_path: Path) -> dict[str, str]:
    """Every reader of a test shares one state folder (recovery files) and config, none of the user's."""
    return {"XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CONFIG_HOME": str(tmp_path / "config")}


def notes_in(path: Path) -> list[str]:
    return sorted(a.note for a in load_session(path).session.annotations)


def add_note(tmux: Tmux, name: str, moves: str, text: str) -> None:
    tmux.keys(*moves, "a", name=name)
    tmux.wait_for("Note on:", name=name)
    tmux.keys(text, "C-s", name=name)
    tmux.wait_for("unsaved", name=name)


@pytest.mark.slow(9)
def test_two_readers_save_one_session_and_neither_note_is_lost(tmux, tmp_path):
    paths = reports(tmp_path)
    documents = load_paths(paths).documents
    session = tmp_path / "reading.sahel.yaml"
    first = Anchor.of(documents[0].id, documents[0].text, *documents[0].sentences[1])
    save_session(Session(new_session_documents(documents, session), [Annotation("n1", first, "kept from before")]),
                 session)
    for name in ("a", "b"):
        start(tmux, str(session), env=settings(tmp_path), name=name)
        tmux.wait_for("sentence 1/5", name=name)

    add_note(tmux, "a", "jj", "A checked the 77")
    tmux.keys("C-s", name="a")
    tmux.wait_for("Saved", name="a")
    add_note(tmux, "b", "jjj", "B asks who says almost 100")
    tmux.keys("C-s", name="b")
    screen = tmux.wait_for_toast("had changed since it was read", name="b")
    assert "merged" in screen
    assert notes_in(session) == ["A checked the 77", "B asks who says almost 100", "kept from before"]
    assert "A checked the 77" in Path(f"{session}.bak").read_text(encoding="utf-8")

    tmux.keys("C-s", name="a")  # A's next save takes B's note in, and A sees it
    tmux.wait_for_toast("had changed since it was read", name="a")
    tmux.keys("'", name="a")
    screen = tmux.wait_for("Notes and marks: 3", name="a")
    assert "B asks who says almost 100" in screen
    assert notes_in(session) == ["A checked the 77", "B asks who says almost 100", "kept from before"]
    tmux.keys("Escape", name="a")
    tmux.wait_gone("Notes and marks: 3", name="a")
    for name in ("a", "b"):
        tmux.keys("q", name=name)
        tmux.wait_for("EXITED 0", name=name)


def kill(pid_file: Path) -> None:
    os.kill(int(pid_file.read_text()), signal.SIGKILL)


def recovery_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "state" / "sahel-reader" / "recovery"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def wait_until(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "it never happened"
        time.sleep(0.1)


@pytest.mark.slow(13)
def test_readers_killed_with_unsaved_and_with_just_restored_work_lose_nothing(tmux, tmp_path):
    paths = reports(tmp_path)
    pids = {name: tmp_path / f"{name}.pid" for name in ("a", "b", "c", "d")}
    tmux.keep_alive()

    start(tmux, *paths, env=settings(tmp_path), name="a", pid_file=pids["a"])
    tmux.wait_for("sentence 1/", name="a")
    add_note(tmux, "a", "jjj", "only in the recovery file")
    wait_until(lambda: len(recovery_files(tmp_path)) == 1)
    kill(pids["a"])  # a crash: nothing saved

    start(tmux, *paths, env=settings(tmp_path), name="b", pid_file=pids["b"])
    tmux.wait_for("Unsaved work from an earlier run was kept (1 note, mark or verdict)", name="b")
    tmux.keys("Enter", name="b")  # Restore
    tmux.wait_for("Restored 1 note, mark or verdict", name="b")
    kill(pids["b"])  # during the restore: before B's own recovery file is written
    assert len(recovery_files(tmp_path)) == 1  # A's file is still there: B had not kept the work yet

    start(tmux, *paths, env=settings(tmp_path), name="c", pid_file=pids["c"])
    tmux.wait_for("Unsaved work from an earlier run was kept (1 note, mark or verdict", name="c")
    tmux.keys("Enter", name="c")
    tmux.wait_for("Restored 1 note, mark or verdict", name="c")
    first = recovery_files(tmp_path)
    wait_until(lambda: recovery_files(tmp_path) != first and len(recovery_files(tmp_path)) == 1)
    kill(pids["c"])  # after C kept the work in its own file, which replaced A's

    start(tmux, *paths, env=settings(tmp_path), name="d")
    tmux.wait_for("Unsaved work from an earlier run was kept (1 note, mark or verdict", name="d")
    tmux.keys("Enter", name="d")
    tmux.wait_for("Restored 1 note, mark or verdict", name="d")
    tmux.keys("'", name="d")
    screen = tmux.wait_for("Notes and marks: 1", name="d")
    (row,) = [line for line in screen.splitlines() if "only in the recovery file" in line]
    assert "✎" in row and "?" not in row  # on its sentence, not an orphan
    tmux.keys("Enter", name="d")  # and enter jumps to that sentence
    tmux.wait_for("sentence 4/5", name="d")
    tmux.keys("C-s", name="d")
    tmux.wait_for("Save the session as", name="d")
    tmux.wait_for(".sahel.yaml", name="d")  # the field, with its default path
    target = tmp_path / "kept.sahel.yaml"
    tmux.replace_field(str(target), name="d")
    tmux.keys("Enter", name="d")
    tmux.wait_for("Saved", name="d")
    assert notes_in(target) == ["only in the recovery file"]
    wait_until(lambda: recovery_files(tmp_path) == [])  # saved: no recovery file is needed any more
    tmux.keys("q", name="d")
    tmux.wait_for("EXITED 0", name="d")
