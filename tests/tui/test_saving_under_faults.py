"""A save that fails in the reader: the file stays, the work stays, and the reader says both.

Only the save to the session file fails here; the recovery file, in its own folder, still works.
"""

import errno
import os
import tempfile
from pathlib import Path

import pytest
from pilot_helpers import settle, wait_for_story

from sahel_reader.story import session as session_module
from sahel_reader.story.recovery import read_recovered
from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.screens.dialogs import ChoiceScreen

REPORTS = {
    "afp.txt": "Attack in Bamako\n\nMore than 70 people were killed.\nA source said 77 had died.\n",
    "ap.txt": "Mali attack\n\nAround 70 people were killed, officials said.\n",
}


def disk_full_while_writing(monkeypatch, target: Path) -> None:
    """ENOSPC from every write to a temporary file made next to the session file."""
    doomed: dict[int, object] = {}  # by descriptor, while open: a closed one's number is reused
    real_temp, real_write = tempfile.NamedTemporaryFile, os.write

    def temp(*args, **kwargs):
        handle = real_temp(*args, **kwargs)
        if Path(kwargs.get("dir", "")) == target.parent:
            doomed[handle.fileno()] = handle
        return handle

    def write(fd, data):
        if fd in doomed and not doomed[fd].closed:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(session_module.tempfile, "NamedTemporaryFile", temp)
    monkeypatch.setattr(session_module.os, "write", write)


def read_only_folder(monkeypatch, target: Path) -> None:
    real_temp = tempfile.NamedTemporaryFile

    def temp(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == target.parent:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_temp(*args, **kwargs)

    monkeypatch.setattr(session_module.tempfile, "NamedTemporaryFile", temp)


def replaced_by_a_folder(monkeypatch, target: Path) -> None:
    target.unlink()
    target.mkdir()


def crash_before_the_rename(monkeypatch, target: Path) -> None:
    real_replace = os.replace

    def replace(source, destination):
        if Path(destination) == target:
            raise RuntimeError("interrupted")
        return real_replace(source, destination)

    monkeypatch.setattr(session_module.os, "replace", replace)


FAULTS = {
    disk_full_while_writing: "the disk is full",
    read_only_folder: "permission denied",
    replaced_by_a_folder: "the path is a folder, not a file",
    crash_before_the_rename: "interrupted",
}


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.__name__ for fault in FAULTS])
async def test_a_failed_save_keeps_the_file_the_work_and_says_so(tmp_path, monkeypatch, fault):
    hermetic_home = Path.home()
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    target = tmp_path / "reading.yaml"
    app = SahelReaderApp([str(tmp_path / name) for name in REPORTS])
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#save-path").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        before = target.read_bytes()
        await pilot.press("j", "m")  # new work, then the save fails
        with monkeypatch.context() as faulty:  # lifted alone: the hermetic HOME stays
            fault(faulty, target)
            await pilot.press("ctrl+s")
            await settle(pilot)
        assert target.is_dir() if fault is replaced_by_a_folder else target.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
        assert len(screen.session.marks) == 1 and screen.dirty and "unsaved" in screen.title
        recovered = read_recovered(screen.recovery.path)
        assert [m.anchor for m in recovered.marks] == [m.anchor for m in screen.session.marks]
        (told,) = [n.message for n in app._notifications if n.title == "Not saved"]
        assert told == (f"{target}: the session was not saved: {FAULTS[fault]}; your work is kept"
                        " in memory and in the recovery file.")
        assert Path.home() == hermetic_home  # no recovery file or key file reaches the real home
        await pilot.press("q")  # unsaved work: quitting still asks
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and app.is_running


async def test_a_home_folder_that_does_not_exist_is_said_not_raised(tmp_path):
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = SahelReaderApp([str(tmp_path / name) for name in REPORTS])
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("m", "ctrl+s")
        await pilot.pause()
        app.screen.query_one("#save-path").value = "~no-such-user-here/reading.yaml"
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and screen.dirty and screen.session_path is None
        assert any("~no-such-user-here/reading.yaml: there is no such home folder" in n.message
                   for n in app._notifications)
