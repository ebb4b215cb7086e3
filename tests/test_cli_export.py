"""`sahel-reader export SESSION`: a report of a saved session, in four formats; refusals named."""

import json

import pytest

from sahel_reader.cli import main
from sahel_reader.story.annotations import Anchor, Annotation, Session
from sahel_reader.story.session import new_session_documents, save_session


@pytest.fixture
def saved_session(tmp_path, seed_story):
    document = seed_story.documents[0]
    start, end = document.sentences[2]
    session = Session(title="Bamako check", annotations=[
        Annotation("n1", Anchor.of(document.id, document.text, start, end), "Which source?\nCheck AFP.",
                   ["verified"], "2026-11-22T00:00:00+00:00", "2026-11-22T00:00:00+00:00")])
    path = tmp_path / "check.sahel.yaml"
    session.documents = new_session_documents(seed_story.documents, path)
    save_session(session, path)
    return path


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "w3c"])
def test_export_writes_each_format_with_the_note_and_the_toll_conflict(saved_session, capsys, fmt):
    assert main(["export", str(saved_session), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Which source?" in out and "77 people had died" in out
    if fmt in ("json", "w3c"):
        data = json.loads(out)
        if fmt == "w3c":
            item = data["first"]["items"][0]
            assert {s["type"] for s in item["target"]["selector"]} == {"TextQuoteSelector", "TextPositionSelector"}
    else:
        assert "almost 100" in out


def test_export_to_a_file_and_the_default_format_is_markdown(saved_session, tmp_path):
    out = tmp_path / "report.md"
    assert main(["export", str(saved_session), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Bamako check")


def test_export_of_a_broken_session_names_the_file_and_line(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("sahel_reader_session: 1\nannotations: 5\n", encoding="utf-8")
    assert main(["export", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "broken.yaml, line 2" in err


def test_export_with_a_bad_format_is_a_usage_error(saved_session):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(saved_session), "--format", "pdf"])
    assert exit_info.value.code == 2
