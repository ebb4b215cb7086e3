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

from sahel_reader.story import atomic
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
        if Path(target) == path:  # not the backup, written first
            Path(target).unlink()
            Path(target).mkdir()
        real_replace(source, target)

    monkeypatch.setattr(session_module.os, "replace", replace)
    with pytest.raises(SessionSaveError) as raised:
        save_session(session, path)
    assert "not saved" in str(raised.value) and path.is_dir()
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".tmp"] == []


STEPS = ["NamedTemporaryFile", "chmod", "write", "fsync", "replace"]
"""Each step of an atomic write, in order; a save makes two: the backup, then the session itself."""
CALL = {("backup", "fsync"): 1, ("session", "fsync"): 3}  # the backup's folder fsync comes between
MODULES = {"NamedTemporaryFile": atomic.tempfile}


class Crash(BaseException):
    """Not an Exception: the process is going down (KeyboardInterrupt, SystemExit are the same)."""


@pytest.mark.parametrize("write", ["backup", "session"])
@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("fault", [RuntimeError("bug"), OSError(errno.ENOSPC, "full"), Crash()],
                         ids=["exception", "disk-full", "crash"])
def test_a_fault_at_each_step_of_the_atomic_save(saved, monkeypatch, write: str, step: str,
                                                  fault: BaseException) -> None:
    path, session, before = saved
    backup = path.with_name(path.name + ".bak")
    backup.write_bytes(b"the backup of an earlier save")
    module = MODULES.get(step, atomic.os)
    real = getattr(module, step)
    failing_call = CALL.get((write, step), 1 if write == "backup" else 2)
    calls = []

    def fail(*args: object, **kwargs: object) -> object:
        calls.append(args)
        if len(calls) == failing_call:
            raise fault
        return real(*args, **kwargs)

    monkeypatch.setattr(module, step, fail)
    with pytest.raises(Crash if isinstance(fault, Crash) else SessionSaveError) as raised:
        save_session(session, path)
    monkeypatch.undo()
    assert_untouched(path, before)
    assert backup.read_bytes() in (b"the backup of an earlier save", before)  # whole, old or new
    if not isinstance(fault, Crash):
        assert str(raised.value).startswith(f"{path}: the session was not saved: ")
        assert "\n" not in str(raised.value) and str(raised.value).endswith(".")
    save_session(session, path)  # and the next save, with the fault gone, works
    assert b"second thoughts" in path.read_bytes() and backup.read_bytes() == before


# --- the backup, permissions, links and what a killed save leaves -------------------------------


def test_the_backup_is_replaced_by_a_rename_never_rewritten_in_place(saved) -> None:
    """Rewritten in place, a kill or a full disk mid-copy leaves a cut .bak that still parses."""
    path, session, before = saved
    backup = path.with_name(path.name + ".bak")
    save_session(session, path)
    first = backup.stat().st_ino
    save_session(session, path)
    assert backup.stat().st_ino != first and backup.read_bytes() != before


def test_the_backup_is_as_private_as_the_session(saved) -> None:
    path, session, _ = saved
    assert path.stat().st_mode & 0o777 == 0o600
    save_session(session, path)
    assert path.with_name(path.name + ".bak").stat().st_mode & 0o777 == 0o600
    path.chmod(0o640)  # the user's own choice is kept, for both
    save_session(session, path)
    assert path.stat().st_mode & 0o777 == path.with_name(path.name + ".bak").stat().st_mode & 0o777 == 0o640


def test_temporary_files_a_killed_save_left_are_removed_by_the_next(saved) -> None:
    path, session, _ = saved
    dead = path.parent / f".{path.name}.{2 ** 22 + 17}.k1ll3d0x.tmp"  # past any pid this machine gives
    older = path.parent / f".{path.name}.abcd1234.tmp"  # an earlier version's name, without a pid
    alive = path.parent / f".{path.name}.{os.getppid()}.st1ll0n.tmp"  # a writer still at work
    other = path.parent / f".other.yaml.{2 ** 22 + 17}.k1ll3d0x.tmp"  # another file's: not ours to touch
    for leftover in (dead, older, alive, other):
        leftover.write_bytes(b"x" * 3_000_000)
    os.utime(older, (1_000_000_000, 1_000_000_000))
    save_session(session, path)
    assert not dead.exists() and not older.exists() and alive.exists() and other.exists()


def test_a_session_reached_through_a_link_is_written_through_it(saved, tmp_path: Path) -> None:
    path, session, before = saved
    link = tmp_path / "elsewhere" / "my-reading.yaml"
    link.parent.mkdir()
    link.symlink_to(path)
    save_session(session, link)
    assert link.is_symlink() and link.resolve() == path.resolve()
    assert b"second thoughts" in path.read_bytes()
    assert path.with_name(path.name + ".bak").read_bytes() == before


TWO_VERSIONS = """
from sahel_reader.story.annotations import Anchor, Annotation, Session

text = "More than 70 people were killed. " * 20
spot = Anchor.of("afp", text, 0, 31)
versions = [Session(annotations=[Annotation(f"n{i}", spot, f"{word} " * 40) for i in range(600)])
            for word in ("old", "new")]
"""
"""Two sessions of 600 notes each, big enough that a kill can land in the middle of writing one."""
KILLED_SAVER = TWO_VERSIONS + """
import sys
from pathlib import Path
from sahel_reader.story.session import save_session

path = Path(sys.argv[1])
save_session(versions[0], path)
print("ready", flush=True)
turn = 1
while True:
    save_session(versions[turn], path)
    turn = 1 - turn
"""


@pytest.mark.slow(8)
def test_a_save_killed_at_any_moment_leaves_the_session_and_its_backup_whole(tmp_path: Path) -> None:
    """Whole means byte for byte one of the two versions the saver writes: both read back as 600
    notes of one text, and a cut or mixed file equals neither."""
    import random
    import signal
    import subprocess
    import sys
    import time

    from sahel_reader.story.session import session_from_yaml, session_to_yaml

    made: dict = {}
    exec(TWO_VERSIONS, made)  # the saver's own two sessions, as the saver makes them
    wholes = [session_to_yaml(version).encode("utf-8") for version in made["versions"]]
    for whole in wholes:
        notes = session_from_yaml(whole.decode("utf-8")).annotations
        assert len(notes) == 600 and len({n.note for n in notes}) == 1
    rng = random.Random(15)
    for kill in range(8):
        path = tmp_path / f"kill-{kill}.yaml"
        saver = subprocess.Popen([sys.executable, "-c", KILLED_SAVER, str(path)], stdout=subprocess.PIPE)
        assert saver.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.01, 0.6))
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        for written in (path, path.with_name(path.name + ".bak")):
            if written.exists():
                assert written.read_bytes() in wholes, written
