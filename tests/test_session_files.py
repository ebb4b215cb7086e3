"""Session files on disk: saving, loading, re-anchoring, moved reports, atomic saves."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sahel_reader.story import session as session_module
from sahel_reader.story.annotations import (
    Anchor,
    Annotation,
    LinkVerdict,
    Mark,
    Session,
    SessionDocument,
    ViewState,
)
from sahel_reader.story.documents import bundled_seed_paths, load_paths
from sahel_reader.story.session import (
    SessionSaveError,
    load_session,
    new_session_documents,
    reanchor,
    save_session,
    session_from_yaml,
    text_sha256,
)
from session_samples import AFP, REUTERS, anchor


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sentence_anchor(document, index: int) -> Anchor:  # type: ignore[no-untyped-def]
    start, end = document.sentences[index]
    return Anchor.of(document.id, document.text, start, end)


def sentence_containing(document, words: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, (s, e) in enumerate(document.sentences) if words in document.text[s:e])


def make_story(folder: Path, *, embed: bool = False) -> tuple[Path, Session]:
    reports = [
        write(folder / "reports" / "afp.txt", AFP),
        write(folder / "reports" / "reuters.txt", REUTERS),
    ]
    loaded = load_paths(reports)
    assert not loaded.errors
    afp, reuters = loaded.documents
    session_path = folder / "reading.yaml"
    died = sentence_anchor(afp, sentence_containing(afp, "77 people had died"))
    around = sentence_anchor(reuters, sentence_containing(reuters, "around 70"))
    session = Session(
        documents=new_session_documents(loaded.documents, session_path, embed=embed),
        annotations=[
            Annotation("n1", died, "Which source?\nCheck AFP.", ["verified"], "t1", "t2"),
            Annotation("n2", around, "vague", ["disputed"], "t3", "t3"),
        ],
        marks=[Mark(died, "t4")],
        link_verdicts=[LinkVerdict("confirmed", died, around, "t5")],
        view=ViewState("afp", {"afp": 2, "reuters": 1}, None),
        title="Bamako",
        embed=embed,
    )
    return session_path, session


def test_new_session_documents_store_relative_paths_and_hashes(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path)
    assert [d.path for d in session.documents] == ["reports/afp.txt", "reports/reuters.txt"]
    assert session.documents[0].sha256 == text_sha256(AFP)
    outside = write(tmp_path.parent / f"{tmp_path.name}-other" / "x.txt", REUTERS)
    (document,) = load_paths([outside]).documents
    (entry,) = new_session_documents([document], session_path)
    assert entry.path == str(outside) and Path(entry.path).is_absolute()


def test_save_load_save_gives_identical_files(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path)
    save_session(session, session_path)
    first = session_path.read_bytes()
    loaded = load_session(session_path)
    assert loaded.notes == [] and loaded.needs_permission == []
    assert [d.id for d in loaded.documents] == ["afp", "reuters"]
    assert loaded.session == session
    assert loaded.documents[0].text == AFP and loaded.documents[0].sentences
    save_session(loaded.session, session_path)
    assert session_path.read_bytes() == first
    assert Path(str(session_path) + ".bak").read_bytes() == first


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=st.text(), tags=st.lists(st.text(), max_size=3), title=st.none() | st.text())
def test_any_note_survives_save_and_load(
    tmp_path: Path, note: str, tags: list[str], title: str | None
) -> None:
    session_path, session = make_story(tmp_path)
    session.annotations[0].note, session.annotations[0].tags, session.title = note, tags, title
    save_session(session, session_path)
    first = session_path.read_bytes()
    loaded = load_session(session_path)
    assert loaded.session == session
    save_session(loaded.session, session_path)
    assert session_path.read_bytes() == first


# --- re-anchoring ------------------------------------------------------------------------------


def test_offsets_still_matching_leave_the_anchor_alone() -> None:
    spot = anchor("afp", AFP, "77 people")
    assert reanchor(spot, AFP) is spot


def test_insertion_before_the_anchor_shifts_it(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path)
    save_session(session, session_path)
    write(
        tmp_path / "reports" / "afp.txt",
        AFP.replace("\n\n", "\n\nBAMAKO (AFP) - Updated on Thursday.\n", 1),
    )
    loaded = load_session(session_path)
    note = loaded.session.annotations[0]
    afp = loaded.documents[0]
    assert not note.orphan
    assert note.anchor == sentence_anchor(afp, sentence_containing(afp, "77 people had died"))
    assert note.anchor.start == session.annotations[0].anchor.start + len(
        "BAMAKO (AFP) - Updated on Thursday.\n"
    )
    assert (
        loaded.session.link_verdicts[0].source == note.anchor
        and not loaded.session.link_verdicts[0].orphan
    )
    assert any(
        "the report changed since the session was saved; 3 notes re-anchored, 0 orphaned" in n
        for n in loaded.notes
    )
    assert loaded.session.documents[0].sha256 == text_sha256(afp.text)


def test_small_change_inside_the_sentence_is_found_fuzzily(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path)
    save_session(session, session_path)
    changed = AFP.replace("said 77 people had died", "said on Wednesday that 78 people had died")
    write(tmp_path / "reports" / "afp.txt", changed)
    loaded = load_session(session_path)
    note = loaded.session.annotations[0]
    afp = loaded.documents[0]
    assert not note.orphan
    assert note.anchor == sentence_anchor(afp, sentence_containing(afp, "78 people had died"))
    assert note.note == "Which source?\nCheck AFP."


def test_removed_sentence_makes_an_orphan_that_is_kept_in_the_file(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path)
    save_session(session, session_path)
    old_anchor = session.annotations[0].anchor
    write(tmp_path / "reports" / "afp.txt", AFP.replace(old_anchor.exact + "\n", ""))
    loaded = load_session(session_path)
    note, mark, verdict = (
        loaded.session.annotations[0],
        loaded.session.marks[0],
        loaded.session.link_verdicts[0],
    )
    assert note.orphan and mark.orphan and verdict.orphan
    assert note.anchor == old_anchor and note.note == "Which source?\nCheck AFP."
    assert not loaded.session.annotations[1].orphan
    assert any("0 notes re-anchored, 3 orphaned" in n for n in loaded.notes)
    save_session(loaded.session, session_path)
    again = session_from_yaml(session_path.read_text(encoding="utf-8"))
    assert again.annotations[0].orphan and again.annotations[0].anchor.exact == old_anchor.exact
    assert again.annotations[0].note == "Which source?\nCheck AFP."
    assert session_path.read_text(encoding="utf-8").count("orphan: true") == 3


def test_an_orphan_comes_back_when_its_text_does(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path)
    session.annotations[0].orphan = True
    save_session(session, session_path)
    assert not load_session(session_path).session.annotations[0].orphan


def test_duplicate_quotes_are_told_apart_by_prefix_and_suffix() -> None:
    text = (
        "First report: the toll was 77 dead, officials said.\n"
        "Second report: the toll was 77 dead, a hospital said.\n"
        "Third report: the toll was 77 dead, officials said.\n"
    )
    wanted = anchor("d", text, "the toll was 77 dead", occurrence=1)
    third = anchor("d", text, "the toll was 77 dead", occurrence=2)
    first = anchor("d", text, "the toll was 77 dead", occurrence=0)
    moved = "Preface added.\n" + text
    # The saved offset now lies nearest the third occurrence; the context names the second.
    stale = Anchor("d", third.start, third.end, wanted.exact, wanted.prefix, wanted.suffix)
    found = reanchor(stale, moved)
    assert found is not None and found.start == wanted.start + len("Preface added.\n")
    assert moved[found.end :].startswith(", a hospital said.")
    # With equal context on two sides, the one nearest the old offset wins.
    near_third = Anchor("d", third.start + 3, third.end + 3, third.exact, "", "")
    assert reanchor(near_third, text).start == third.start
    near_first = Anchor("d", first.start + 3, first.end + 3, first.exact, "", "")
    assert reanchor(near_first, text).start == first.start


def test_offsets_past_the_end_are_re_anchored_or_orphaned() -> None:
    spot = anchor("afp", AFP, "81 victims")
    far = Anchor("afp", 10**6, 10**6 + 10, spot.exact, spot.prefix, spot.suffix)
    assert reanchor(far, AFP) == spot
    gone = Anchor("afp", 10**6, 10**6 + 10, "nothing like this at all, zebra quagga", "", "")
    assert reanchor(gone, AFP) is None


def test_fuzzy_search_is_bounded_on_big_texts() -> None:
    filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20_000  # ~1.1 MB
    text = filler + "A security source said 78 people had died on Tuesday." + filler
    spot = Anchor(
        "d",
        len(filler) + 3,
        len(filler) + 56,
        "A security source said 77 people had died on Tuesday.",
        filler[-32:],
        filler[:32],
    )
    found = reanchor(spot, text)
    assert found is not None and found.exact.startswith("A security source said 78")
    far = Anchor(
        "d", 10, 63, spot.exact, spot.prefix, spot.suffix
    )  # too far away, text too big to scan
    assert reanchor(far, text) is None


# --- reports that moved or vanished ------------------------------------------------------------


def test_moved_report_is_found_by_its_hash(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path)
    save_session(session, session_path)
    (tmp_path / "archive").mkdir()
    os.replace(tmp_path / "reports" / "afp.txt", tmp_path / "archive" / "bamako-afp.txt")
    loaded = load_session(session_path)
    assert [d.id for d in loaded.documents] == ["afp", "reuters"]
    assert loaded.documents[0].text == AFP
    assert not any(a.orphan for a in loaded.session.annotations)
    assert loaded.session.documents[0].path == "archive/bamako-afp.txt"
    assert any("archive" in n and "afp" in n for n in loaded.notes)
    save_session(loaded.session, session_path)
    assert load_session(session_path).notes == []


def test_moved_report_is_found_by_its_embedded_text_when_the_recorded_hash_is_damaged(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path, embed=True)
    session.documents[0].sha256 = "0" * 64  # damaged in the file: it names no text
    save_session(session, session_path)
    (tmp_path / "archive").mkdir()
    os.replace(tmp_path / "reports" / "afp.txt", tmp_path / "archive" / "bamako-afp.txt")
    loaded = load_session(session_path)
    assert loaded.documents[0].text == AFP and loaded.session.documents[0].path == "archive/bamako-afp.txt"
    assert not any(a.orphan for a in loaded.session.annotations)
    save_session(loaded.session, session_path)
    assert load_session(session_path).session == loaded.session  # and it comes back as it was


def test_bundled_report_is_found_when_the_environment_moved(tmp_path: Path) -> None:
    seed = bundled_seed_paths()[0]
    (document,) = load_paths([seed]).documents
    gone = f"/no/such/venv/site-packages/sahel_reader/seeds/{seed.name}"
    spot = sentence_anchor(document, 2)
    session = Session(
        documents=[SessionDocument(document.id, gone, text_sha256(document.text))],
        annotations=[Annotation("n1", spot, "seed note")],
    )
    session_path = tmp_path / "reading.yaml"
    save_session(session, session_path)
    loaded = load_session(session_path)
    assert [d.text for d in loaded.documents] == [document.text]
    assert loaded.needs_permission == [] and not loaded.session.annotations[0].orphan
    assert loaded.session.documents[0].path == str(seed.resolve())


def test_embedded_text_is_used_when_the_file_is_gone(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path, embed=True)
    save_session(session, session_path)
    (original,) = load_paths([tmp_path / "reports" / "afp.txt"]).documents
    (tmp_path / "reports" / "afp.txt").unlink()
    loaded = load_session(session_path)
    afp = loaded.documents[0]
    assert afp.id == "afp" and afp.text == AFP
    assert (afp.sentences, afp.boilerplate, afp.title) == (
        original.sentences,
        original.boilerplate,
        original.title,
    )
    assert not loaded.session.annotations[0].orphan
    assert any("embedded" in n for n in loaded.notes)
    # Saving again from the loaded documents keeps the session's own path for the report.
    again = new_session_documents(loaded.documents, session_path, embed=True)
    assert again == session.documents


def test_missing_report_keeps_its_notes_as_orphans(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path)
    save_session(session, session_path)
    (tmp_path / "reports" / "reuters.txt").unlink()
    loaded = load_session(session_path)
    assert [d.id for d in loaded.documents] == ["afp"]
    assert [a.orphan for a in loaded.session.annotations] == [False, True]
    assert loaded.session.link_verdicts[0].orphan
    assert any("reuters" in n and "missing" in n for n in loaded.notes)
    save_session(loaded.session, session_path)
    assert len(session_from_yaml(session_path.read_text(encoding="utf-8")).annotations) == 2


# --- atomic saving -----------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".reading")
    )


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_failing_step_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    session_path, session = make_story(tmp_path)
    save_session(session, session_path)
    before = session_path.read_bytes()
    session.annotations[0].note = "changed"

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session_module.os, step, fail)
    with pytest.raises(SessionSaveError) as raised:
        save_session(session, session_path)
    monkeypatch.undo()
    assert session_path.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert str(raised.value) == f"{session_path}: the session was not saved: the disk is full."
    assert raised.value.path == str(session_path)


def test_backup_holds_the_previous_file(tmp_path: Path) -> None:
    session_path, session = make_story(tmp_path)
    save_session(session, session_path)
    first = session_path.read_bytes()
    assert not Path(str(session_path) + ".bak").exists()
    session.annotations[0].note = "second thoughts"
    save_session(session, session_path)
    assert Path(str(session_path) + ".bak").read_bytes() == first
    assert b"second thoughts" in session_path.read_bytes()
    assert leftovers(tmp_path) == []


def test_saving_onto_a_folder_is_one_clear_sentence(tmp_path: Path) -> None:
    _, session = make_story(tmp_path)
    with pytest.raises(
        SessionSaveError, match=r"reports: the session was not saved: the path is a folder"
    ):
        save_session(session, tmp_path / "reports")
    with pytest.raises(SessionSaveError, match="the folder does not exist"):
        save_session(session, tmp_path / "nowhere" / "s.yaml")


def test_a_file_that_is_not_a_readable_session_is_never_overwritten(tmp_path: Path) -> None:
    _, session = make_story(tmp_path)
    report = tmp_path / "reports" / "afp.txt"
    with pytest.raises(SessionSaveError, match="left as it is"):
        save_session(session, report)
    assert report.read_text(encoding="utf-8") == AFP
    newer = write(tmp_path / "newer.yaml", "sahel_reader_session: 2\n")
    with pytest.raises(SessionSaveError):
        save_session(session, newer)
    assert newer.read_text(encoding="utf-8") == "sahel_reader_session: 2\n"
    assert leftovers(tmp_path) == []
