"""Two readers on one session, or a reader and a hand edit: a save merges, and nothing is lost.

A save knows the file as it last read or wrote it (its content hash, not its time: an edit may
keep the time and the size). When the file holds something else, the other side's notes, marks
and verdicts are merged in by id; what both sides changed differently is kept twice.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_reader.story.annotations import Anchor, Annotation, LinkVerdict, Mark, Session, now
from sahel_reader.story.documents import load_paths
from sahel_reader.story.merging import merge_sessions
from sahel_reader.story.session import DiskState, load_session, new_session_documents, save_session

REPORT = ("Attack in Bamako\n\nMore than 70 people were killed.\nA source said 77 had died.\n"
          "An official put the toll at almost 100.\nThe airport reopened on Wednesday.\n")


def shared_session(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A session with one note, saved beside its report, and the report's text by id."""
    (tmp_path / "afp.txt").write_text(REPORT, encoding="utf-8")
    (document,) = load_paths([tmp_path / "afp.txt"]).documents
    path = tmp_path / "reading.yaml"
    first = Annotation("n1", spot(document.text, 1), "the first note", [], "t0", "t0")
    save_session(Session(new_session_documents([document], path), [first]), path)
    return path, {document.id: document.text}


def spot(text: str, sentence: int) -> Anchor:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:sentence + 1])  # line 0 is the title, 1 blank
    return Anchor.of("afp", text, start, start + len(lines[sentence + 1]))


class Reader:
    """One reader's copy of the session, saved the way the reader saves it."""

    def __init__(self, path: Path, texts: dict[str, str]) -> None:
        loaded = load_session(path)
        self.path, self.texts, self.session, self.disk = path, texts, loaded.session, loaded.disk

    def note(self, note_id: str, sentence: int, text: str) -> None:
        self.session.annotations.append(Annotation(note_id, spot(self.texts["afp"], sentence), text, [], now(), now()))

    def save(self):
        result = save_session(self.session.copy(), self.path, known=self.disk, texts=self.texts)
        self.session, self.disk = result.session, result.disk
        return result


def notes_in(path: Path) -> list[str]:
    return sorted(a.note for a in load_session(path).session.annotations)


def test_two_readers_each_add_a_note_and_save_and_both_notes_are_kept(tmp_path: Path) -> None:
    path, texts = shared_session(tmp_path)
    a, b = Reader(path, texts), Reader(path, texts)
    a.note("n2", 2, "A: check the 77")
    assert a.save().merge is None  # nobody wrote since A read it
    after_a = path.read_bytes()
    b.note("n2", 3, "B: almost 100, per whom?")  # the same next id, on another sentence
    result = b.save()
    assert result.merge is not None and result.merge.added == 1
    assert notes_in(path) == ["A: check the 77", "B: almost 100, per whom?", "the first note"]
    assert path.with_name("reading.yaml.bak").read_bytes() == after_a  # what was on disk
    ids = [n.id for n in load_session(path).session.annotations]
    assert len(set(ids)) == len(ids) == 3
    assert a.save().merge.added == 1  # and A's next save takes B's note in
    assert sorted(n.note for n in a.session.annotations) == notes_in(path)


def test_a_note_edited_by_hand_while_the_reader_has_it_open_is_kept(tmp_path: Path) -> None:
    path, texts = shared_session(tmp_path)
    reader = Reader(path, texts)
    reader.note("n2", 2, "the reader's note")
    text = path.read_text(encoding="utf-8")
    edited = text.replace("note: the first note", "note: the firsT note")  # same size
    stat = path.stat()
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time: only the content differs
    result = reader.save()
    assert result.merge is not None and result.merge.added == 1
    assert notes_in(path) == ["the firsT note", "the reader's note"]


def test_a_note_edited_on_both_sides_is_kept_in_both_versions(tmp_path: Path) -> None:
    path, texts = shared_session(tmp_path)
    a, b = Reader(path, texts), Reader(path, texts)
    a.session.annotations[0].note = "A's version"
    a.save()
    b.session.annotations[0].note = "B's version"
    result = b.save()
    assert result.merge.kept_both == 1
    assert notes_in(path) == ["A's version", "B's version"]
    assert "1 changed on both sides kept in both versions" in str(result.merge)


def test_a_removal_on_one_side_and_an_edit_on_the_other_keep_the_edit(tmp_path: Path) -> None:
    path, texts = shared_session(tmp_path)
    a, b = Reader(path, texts), Reader(path, texts)
    a.session.annotations.clear()
    a.save()
    b.session.annotations[0].note = "B still wants this"
    b.save()
    assert notes_in(path) == ["B still wants this"]


def test_a_removal_the_other_side_did_not_touch_is_a_removal(tmp_path: Path) -> None:
    path, texts = shared_session(tmp_path)
    a, b = Reader(path, texts), Reader(path, texts)
    a.session.annotations.clear()
    a.save()
    b.note("n2", 2, "B's new note")
    assert b.save().merge.removed == 1
    assert notes_in(path) == ["B's new note"]


def test_saving_onto_a_session_this_reader_never_read_merges_when_asked_to(tmp_path: Path) -> None:
    path, texts = shared_session(tmp_path)
    mine = Session(load_session(path).session.documents)
    mine.annotations.append(Annotation("n1", spot(texts["afp"], 3), "mine", [], "t", "t"))
    result = save_session(mine, path, known=DiskState.unknown(), texts=texts)
    assert result.merge.added == 1 and notes_in(path) == ["mine", "the first note"]


def test_a_save_with_nothing_changed_elsewhere_does_not_parse_the_file_again(tmp_path: Path, monkeypatch) -> None:
    path, texts = shared_session(tmp_path)
    reader = Reader(path, texts)
    reader.note("n2", 2, "a note")
    from sahel_reader.story import session as session_module

    def parse(*args, **kwargs):
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(session_module, "session_from_yaml", parse)
    assert reader.save().merge is None


# --- the merge itself --------------------------------------------------------------------------

TEXT = "One. Two. Three. Four. Five. Six.\n"
PLACES = [Anchor.of("d", TEXT, start, start + 4) for start in range(0, 30, 5)]
notes = st.builds(Annotation, st.sampled_from(["n1", "n2", "n3", "n4"]), st.sampled_from(PLACES),
                  st.sampled_from(["a", "b", "c"]), st.just([]), st.just("t"), st.sampled_from(["t", "u"]))
marks = st.builds(Mark, st.sampled_from(PLACES), st.sampled_from(["t", "u"]))
verdicts = st.builds(LinkVerdict, st.sampled_from(["confirmed", "rejected", "manual"]), st.sampled_from(PLACES),
                     st.sampled_from(PLACES), st.just("t"))


@st.composite
def sessions(draw) -> Session:
    unique = st.lists(notes, max_size=4, unique_by=lambda a: a.id)
    return Session(annotations=draw(unique), marks=draw(st.lists(marks, max_size=3)),
                   link_verdicts=draw(st.lists(verdicts, max_size=3)))


def judgement(verdict: LinkVerdict) -> tuple:
    return frozenset((verdict.source.key(), verdict.target.key())), verdict.verdict


def changed(items: list, base: list) -> list:
    return [item for item in items if item not in base]


@settings(max_examples=300, deadline=None)
@given(base=sessions(), theirs=sessions(), ours=sessions())
def test_a_merge_keeps_every_change_of_either_side(base: Session, theirs: Session, ours: Session) -> None:
    merged, report = merge_sessions(base, theirs, ours)
    kept = [(a.anchor, a.note, a.modified) for a in merged.annotations]
    for side in (theirs, ours):
        for note in changed(side.annotations, base.annotations):
            assert (note.anchor, note.note, note.modified) in kept, note
        places, before = {m.anchor.key() for m in merged.marks}, {m.anchor.key() for m in base.marks}
        assert all(m.anchor.key() in places for m in side.marks if m.anchor.key() not in before)
        judged = {judgement(v) for v in merged.link_verdicts}  # a link either way round, and the word on it
        assert {judgement(v) for v in side.link_verdicts} - {judgement(v) for v in base.link_verdicts} <= judged
    ids = [a.id for a in merged.annotations]
    assert len(ids) == len(set(ids))
    for note in ours.annotations:  # ours gives way only where we had not touched it
        if (note.anchor, note.note, note.modified) not in kept:
            assert note in base.annotations
    assert merge_sessions(base, ours, ours)[0].annotations == ours.annotations  # nothing new there


def test_a_file_that_keeps_changing_while_it_is_saved_is_one_sentence(tmp_path: Path, monkeypatch) -> None:
    """Another program writes the file each time ours is about to replace it: three tries, then one sentence."""
    from sahel_reader.story import session as session_module
    from sahel_reader.story.atomic import TargetChanged
    from sahel_reader.story.session import SessionSaveError

    path, texts = shared_session(tmp_path)
    reader = Reader(path, texts)
    before = path.read_bytes()
    tries = []

    def always_changed(*args, **kwargs):
        tries.append(args)
        if len(tries) % 2 == 0:  # the backup is written; the session each time finds the file changed
            raise TargetChanged(str(path))

    monkeypatch.setattr(session_module, "write_atomically", always_changed)
    try:
        reader.save()
    except SessionSaveError as error:
        assert str(error) == f"{path}: the session was not saved: another program kept writing the file."
    else:
        raise AssertionError("the save went through")
    assert len(tries) == 6 and path.read_bytes() == before
