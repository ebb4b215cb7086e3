"""Faults while saving: whatever fails, and wherever, the previous file stays as it was.

The disk fills up half way through, the folder is read-only, the file became a folder, or the
process dies at any step of the atomic save: the previous session file is byte-identical
afterwards, no temporary file is left next to it, and the error is one sentence naming the file.
(test_session.py covers a plain failure of write, fsync and rename, and saving onto a folder.)
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from sahel_reader.story import session as session_module
from sahel_reader.story.annotations import Anchor, Annotation, Session
from sahel_reader.story.documents import load_paths
from sahel_reader.story.session import SessionSaveError, new_session_documents, save_session

REPORT = "Attack in Bamako\n\nMore than 70 people were killed.\nA source said 77 had died.\n"


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, Session, bytes]:
    """A session saved once, then changed in memory: what a failing second save must not lose."""
    report = tmp_path / "afp.txt"
    report.write_text(REPORT, encoding="utf-8")
    (document,) = load_paths([report]).documents
    path = tmp_path / "reading.yaml"
    spot = Anchor.of(document.id, document.text, *document.sentences[1])
    session = Session(new_session_documents([document], path), [Annotation("n1", spot, "first")])
    save_session(session, path)
    session.annotations[0].note = "second thoughts, not yet saved"
    return path, session, path.read_bytes()


def assert_untouched(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"] == []


def assert_one_sentence(error: SessionSaveError, path: Path, why: str) -> None:
    assert str(error) == f"{path}: the session was not saved: {why}."


def test_the_disk_fills_up_half_way_through_the_write(saved, monkeypatch) -> None:
    path, session, before = saved
    real_write = os.write
    written: list[int] = []

    def write(fd: int, data: bytes) -> int:
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(real_write(fd, bytes(data[: len(data) // 2])))
        return written[-1]

    monkeypatch.setattr(session_module.os, "write", write)
    with pytest.raises(SessionSaveError) as raised:
        save_session(session, path)
    assert written and written[0] > 0  # half the file was on disk, in the temporary file
    assert_untouched(path, before)
    assert_one_sentence(raised.value, path, "the disk is full")


@pytest.mark.parametrize(("code", "why"), [(errno.EDQUOT, "the disk quota is used up"),
                                           (errno.EROFS, "the disk is read-only"),
                                           (errno.EIO, "Input/output error")])
def test_other_write_errors_are_named(saved, monkeypatch, code: int, why: str) -> None:
    path, session, before = saved

    def fail(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(session_module.os, "fsync", fail)
    with pytest.raises(SessionSaveError) as raised:
        save_session(session, path)
    assert_untouched(path, before)
    assert_one_sentence(raised.value, path, why)


def test_a_read_only_folder_as_the_os_reports_it(saved, monkeypatch) -> None:
    """Tests run as root, where chmod does not stop writes: the refusal is injected instead."""
    path, session, before = saved

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path.parent))

    monkeypatch.setattr(session_module.tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(SessionSaveError) as raised:
        save_session(session, path)
    assert_untouched(path, before)
    assert_one_sentence(raised.value, path, "permission denied")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_really_read_only_folder(saved) -> None:
    path, session, before = saved
    path.parent.chmod(0o555)
    try:
        with pytest.raises(SessionSaveError) as raised:
            save_session(session, path)
    finally:
        path.parent.chmod(0o755)
    assert_untouched(path, before)
    assert_one_sentence(raised.value, path, "permission denied")


def test_the_file_replaced_by_a_folder(saved) -> None:
    path, session, _ = saved
    path.unlink()
    path.mkdir()
    (path / "inside.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(SessionSaveError) as raised:
        save_session(session, path)
    assert_one_sentence(raised.value, path, "the path is a folder, not a file")
    assert [p.name for p in path.iterdir()] == ["inside.txt"]
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".tmp"] == []


def test_the_file_becomes_a_folder_just_before_the_rename(saved, monkeypatch) -> None:
    path, session, _ = saved
    real_replace = os.replace

    def replace(source: str, target: Path) -> None:
        Path(target).unlink()
        Path(target).mkdir()
        real_replace(source, target)

    monkeypatch.setattr(session_module.os, "replace", replace)
    with pytest.raises(SessionSaveError) as raised:
        save_session(session, path)
    assert "not saved" in str(raised.value) and path.is_dir()
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".tmp"] == []


STEPS = [
    (session_module.tempfile, "NamedTemporaryFile"),
    (session_module.os, "write"),
    (session_module.os, "fsync"),
    (session_module.shutil, "copymode"),
    (session_module.shutil, "copyfile"),
    (session_module.os, "replace"),
]


class Crash(BaseException):
    """Not an Exception: the process is going down (KeyboardInterrupt, SystemExit are the same)."""


@pytest.mark.parametrize(("module", "step"), STEPS, ids=[step for _, step in STEPS])
@pytest.mark.parametrize("fault", [RuntimeError("bug"), OSError(errno.ENOSPC, "full"), Crash()],
                         ids=["exception", "disk-full", "crash"])
def test_a_fault_at_each_step_of_the_atomic_save(saved, monkeypatch, module, step: str,
                                                  fault: BaseException) -> None:
    path, session, before = saved
    backup = path.with_name(path.name + ".bak")
    backup.write_bytes(b"the backup of an earlier save")

    def fail(*args: object, **kwargs: object) -> None:
        raise fault

    monkeypatch.setattr(module, step, fail)
    with pytest.raises(Crash if isinstance(fault, Crash) else SessionSaveError) as raised:
        save_session(session, path)
    monkeypatch.undo()
    assert_untouched(path, before)
    if not isinstance(fault, Crash):
        assert str(raised.value).startswith(f"{path}: the session was not saved: ")
        assert "\n" not in str(raised.value) and str(raised.value).endswith(".")
    save_session(session, path)  # and the next save, with the fault gone, works
    assert b"second thoughts" in path.read_bytes() and backup.read_bytes() == before

