"""Recovery files: one per running reader, offered back only when their reader is gone, and restored
into what is open with every note on its sentence."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sahel_reader.story.annotations import Anchor, Annotation, Mark, Session
from sahel_reader.story.documents import load_paths
from sahel_reader.story.recovery import Recovery, read_recovered, restore, story_key

REPORT = "Attack in Bamako\n\nMore than 70 people were killed.\nA source said 77 had died.\n"


def reports(tmp_path: Path) -> list:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "afp.txt").write_text(REPORT, encoding="utf-8")
    (folder / "ap.txt").write_text(REPORT.replace("77", "78"), encoding="utf-8")
    return load_paths([folder]).documents


def work(documents, note: str) -> Session:
    afp = documents[0]
    spot = Anchor.of(afp.id, afp.text, *afp.sentences[2])
    return Session(annotations=[Annotation("n1", spot, note, [], "t", "t")], marks=[Mark(spot, "t")])


def test_two_readers_of_the_same_reports_keep_apart_files(tmp_path: Path) -> None:
    documents = reports(tmp_path)
    paths = [d.path for d in documents]
    a, b = Recovery(paths, tmp_path / "state"), Recovery(list(reversed(paths)), tmp_path / "state")
    assert a.key == b.key and a.path != b.path
    a.write(work(documents, "A's"), documents, 1)
    b.write(work(documents, "B's"), documents, 1)
    a.discard([a.path])  # A saved, or quit without saving
    assert b.path.exists() and read_recovered(b.path).annotations[0].note == "B's"
    assert a.left_behind() == [] and b.left_behind() == []  # B is still running: its file is not offered


def test_a_file_is_offered_once_its_reader_is_gone(tmp_path: Path) -> None:
    documents = reports(tmp_path)
    paths = [d.path for d in documents]
    earlier = Recovery(paths, tmp_path / "state")
    earlier.write(work(documents, "kept"), documents, 1)
    earlier.close()  # the reader ended with unsaved work
    later = Recovery(paths, tmp_path / "state")
    assert later.left_behind() == [earlier.path]


KILLED_READER = """
import sys, time
from pathlib import Path
from sahel_reader.story.documents import load_paths
from sahel_reader.story.annotations import Session, Mark, Anchor
from sahel_reader.story.recovery import Recovery
documents = load_paths([sys.argv[1]]).documents
recovery = Recovery([d.path for d in documents], Path(sys.argv[2]))
d = documents[0]
recovery.write(Session(marks=[Mark(Anchor.of(d.id, d.text, *d.sentences[1]), "t")]), documents, 1)
print(recovery.path, flush=True)
time.sleep(60)
"""


def test_a_killed_readers_file_is_offered_and_a_running_ones_is_not(tmp_path: Path) -> None:
    documents = reports(tmp_path)
    reader = subprocess.Popen([sys.executable, "-c", KILLED_READER, str(tmp_path / "reports"),
                               str(tmp_path / "state")], stdout=subprocess.PIPE, text=True)
    try:
        written = Path(reader.stdout.readline().strip())
        later = Recovery([d.path for d in documents], tmp_path / "state")
        assert written.exists() and later.left_behind() == []  # still running
        reader.send_signal(signal.SIGKILL)
        reader.wait()
        assert later.left_behind() == [written]
    finally:
        reader.kill()


def test_restore_places_each_note_on_its_sentence_and_keeps_what_is_open(tmp_path: Path) -> None:
    """The recovery file lives far from the reports: they are not read from it, only matched."""
    documents = reports(tmp_path)
    recovery = Recovery([d.path for d in documents], tmp_path / "state")
    recovery.write(work(documents, "unsaved note"), documents, 1)
    afp = documents[0]
    open_session = Session(annotations=[Annotation("n1", Anchor.of(afp.id, afp.text, *afp.sentences[1]),
                                                   "saved note", [], "t", "t")], embed=True)
    texts = {d.id: d.text for d in documents}
    restored, report = restore(open_session, [read_recovered(recovery.path)], texts)
    notes = {a.note: a for a in restored.annotations}
    assert set(notes) == {"saved note", "unsaved note"} and len({a.id for a in restored.annotations}) == 2
    assert not notes["unsaved note"].orphan and notes["unsaved note"].anchor.exact == "A source said 77 had died."
    assert restored.embed and len(restored.marks) == 1 and report.added == 2


def test_a_name_that_is_not_utf8_gives_a_key(tmp_path: Path) -> None:
    name = os.fsdecode(os.path.join(os.fsencode(tmp_path), "café.txt".encode("latin-1")))
    assert story_key([name]) != story_key([str(tmp_path / "cafe.txt")])


def test_the_recovery_file_and_its_folder_are_private(tmp_path: Path) -> None:
    documents = reports(tmp_path)
    recovery = Recovery([d.path for d in documents], tmp_path / "state" / "sahel-reader")
    recovery.write(work(documents, "private"), documents, 1)
    assert recovery.path.stat().st_mode & 0o777 == 0o600
    assert recovery.folder.stat().st_mode & 0o777 == 0o700


def test_an_older_write_finishing_last_does_not_replace_a_newer_one(tmp_path: Path) -> None:
    documents = reports(tmp_path)
    recovery = Recovery([d.path for d in documents], tmp_path / "state")
    recovery.write(work(documents, "newer"), documents, 2)
    recovery.write(work(documents, "older"), documents, 1)
    assert read_recovered(recovery.path).annotations[0].note == "newer"
