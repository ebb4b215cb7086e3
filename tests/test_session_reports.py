"""The reports a session names: never read from outside its folder without permission, found by
their text when they cannot be, and a refused session never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahel_reader.story import session as session_module
from sahel_reader.story.annotations import (
    Anchor,
    Annotation,
    Session,
    SessionDocument,
)
from sahel_reader.story.documents import bundled_seed_paths
from sahel_reader.story.session import (
    SessionError,
    load_session,
    save_session,
    session_to_yaml,
    text_sha256,
)
from valid_session import TEXT, valid_yaml



def session_file(
    folder: Path, documents: list[SessionDocument], start: int = 21, end: int = 53
) -> Path:
    spot = Anchor.of(documents[0].id, TEXT, 21, 53)
    spot.start, spot.end = start, end
    session = Session(
        documents=documents,
        annotations=[Annotation("n1", spot, "note", [], "t", "t")],
        embed=any(document.text is not None for document in documents),
    )
    path = folder / "session" / "reading.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(session_to_yaml(session), encoding="utf-8")
    return path


def test_offsets_past_the_end_of_the_text_do_not_crash(tmp_path: Path) -> None:
    path = session_file(
        tmp_path, [SessionDocument("afp", "afp.txt", text_sha256(TEXT))], 5000, 5032
    )
    (path.parent / "afp.txt").write_text(TEXT, encoding="utf-8")
    before = path.read_bytes()
    loaded = load_session(path)
    annotation = loaded.session.annotations[0]
    assert not annotation.orphan and (annotation.anchor.start, annotation.anchor.end) == (21, 53)
    assert path.read_bytes() == before
    gone = session_file(
        tmp_path, [SessionDocument("afp", "afp.txt", text_sha256(TEXT))], 9000, 9000
    )
    text = gone.read_text(encoding="utf-8").replace(
        "exact: More than 70 people were killed.", "exact: Zebras ate 9 quaggas."
    )
    gone.write_text(text, encoding="utf-8")
    assert load_session(gone).session.annotations[0].orphan


@pytest.mark.parametrize(
    "where", ["/etc/passwd", "../../outside.txt", "../outside.txt", "link.txt"]
)
def test_reports_outside_the_session_folder_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    if where == "link.txt":
        (tmp_path / "session").mkdir()
        (tmp_path / "session" / "link.txt").symlink_to(outside)
    path = session_file(
        tmp_path / "a" if where == "../../outside.txt" else tmp_path,
        [SessionDocument("afp", where, text_sha256(TEXT))],
    )
    before = path.read_bytes()
    opened: list[str] = []
    real_load_paths = session_module.load_paths
    monkeypatch.setattr(
        session_module,
        "load_paths",
        lambda paths: opened.extend(map(str, paths)) or real_load_paths(paths),
    )
    loaded = load_session(path)
    bundled = {str(seed) for seed in bundled_seed_paths()}  # searched for the same text: ours
    assert loaded.documents == [] and [p for p in opened if p not in bundled] == []
    assert loaded.needs_permission == [
        "/etc/passwd" if where == "/etc/passwd" else str(outside.resolve())
    ]
    assert loaded.session.annotations[0].orphan
    assert any("outside the session's folder" in note for note in loaded.notes)
    assert path.read_bytes() == before
    if where != "/etc/passwd":
        allowed = load_session(path, allow_outside=True)
        assert [d.text for d in allowed.documents] == [TEXT] and allowed.needs_permission == []
        assert not allowed.session.annotations[0].orphan


def test_outside_report_is_not_needed_when_its_text_is_embedded(tmp_path: Path) -> None:
    path = session_file(tmp_path, [SessionDocument("afp", "/etc/passwd", text_sha256(TEXT), TEXT)])
    loaded = load_session(path)
    assert loaded.needs_permission == [] and loaded.documents[0].text == TEXT


@pytest.mark.parametrize("where", ["a\x00b.txt", "x" * 5000 + ".txt", "y/" * 3000 + "z.txt", ""])
def test_impossible_report_paths_are_missing_reports(tmp_path: Path, where: str) -> None:
    path = session_file(tmp_path, [SessionDocument("afp", where, text_sha256(TEXT))])
    loaded = load_session(path)
    assert loaded.documents == [] and loaded.needs_permission == []
    assert loaded.session.annotations[0].orphan
    assert any("1 missing, its notes kept as orphans (afp)" in note for note in loaded.notes)


def test_a_session_is_not_taken_for_a_report(tmp_path: Path) -> None:
    path = session_file(tmp_path, [SessionDocument("afp", "reading.yaml", text_sha256(TEXT))])
    loaded = load_session(path)
    assert loaded.documents == [] and loaded.session.annotations[0].orphan


def test_a_refused_session_is_not_overwritten_by_saving(tmp_path: Path) -> None:
    path = tmp_path / "reading.yaml"
    text = valid_yaml().replace("sahel_reader_session: 1", "sahel_reader_session: 3")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SessionError):
        load_session(path)
    with pytest.raises(session_module.SessionSaveError):
        save_session(Session(), path)
    assert path.read_text(encoding="utf-8") == text
