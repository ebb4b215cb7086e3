"""The reader's edits as the session model makes them: no UI, milliseconds a test."""

from pathlib import Path

from sahel_reader.story.annotations import Anchor, Session, anchor_in
from sahel_reader.story.session_paths import default_session_path, export_path

TEXT = "One sentence here. Another sentence there. A third one."


def at(doc: str, start: int, end: int) -> Anchor:
    return Anchor.of(doc, TEXT, start, end)


def test_a_note_is_added_changed_and_removed_when_emptied():
    session, anchor = Session(), at("a", 0, 18)
    assert session.set_note(anchor, "first", [], "t1")
    assert not session.set_note(anchor, "first", [], "t2"), "kept unchanged: nothing to save"
    assert session.set_note(anchor, "second", ["verified"], "t3")
    note = session.annotation_at(*anchor.key())
    assert (note.note, note.tags, note.created, note.modified) == ("second", ["verified"], "t1", "t3")
    assert session.set_note(anchor, "  ", [], "t4") and not session.annotations
    assert not session.set_note(anchor, "", [], "t5"), "an empty note never written changes nothing"


def test_a_mark_toggles():
    session, anchor = Session(), at("a", 0, 18)
    assert session.toggle_mark(anchor, "t") and len(session.marks) == 1
    assert not session.toggle_mark(anchor, "t") and not session.marks


def test_the_same_verdict_again_takes_it_back_and_another_replaces_it():
    session, a, b = Session(), at("a", 0, 18), at("b", 19, 42)
    assert session.judge(a, b, "confirmed", "t") == "confirmed"
    assert session.verdict_on(b, a) == "confirmed", "a link has no direction"
    assert session.judge(b, a, "rejected", "t") == "rejected" and len(session.link_verdicts) == 1
    assert session.judge(a, b, "rejected", "t") is None and not session.link_verdicts


def test_a_hand_made_link_goes_to_the_last_mark_of_another_report_and_toggles():
    session, here = Session(), at("a", 0, 18)
    assert session.last_mark_outside("a") is None
    session.toggle_mark(at("b", 0, 18), "t")
    session.toggle_mark(at("c", 19, 42), "t")
    session.toggle_mark(at("a", 19, 42), "t")
    there = session.last_mark_outside("a")
    assert there.doc == "c"
    session.judge(here, there, "rejected", "t")
    assert session.link_by_hand(here, there, "t"), "a hand-made link replaces a rejection"
    assert [v.verdict for v in session.link_verdicts] == ["manual"]
    assert not session.link_by_hand(here, there, "t") and not session.link_verdicts


def test_the_gutter_shows_only_work_found_again_in_its_report():
    session = Session()
    session.set_note(at("a", 0, 18), "n", [], "t")
    session.toggle_mark(at("a", 19, 42), "t")
    session.toggle_mark(at("b", 0, 18), "t")
    session.marks[-1].orphan = True
    assert session.placed_starts("a") == ({0}, {19})
    assert session.placed_starts("b") == (set(), set())


def test_an_anchor_is_the_claim_when_one_is_named_else_the_sentence(seed_story):
    claim = next(c for c in seed_story.claims if c.kind == "number")
    sentence = anchor_in(seed_story, claim.doc, claim.sentence)
    figure = anchor_in(seed_story, claim.doc, claim.sentence, claim.id)
    assert (figure.start, figure.end) == (claim.start, claim.end)
    assert sentence.start <= figure.start < figure.end <= sentence.end


def test_default_paths_for_sessions_and_exports(tmp_path, seed_story):
    bundled = default_session_path(seed_story.documents, "Bamako: the attack, day 2", tmp_path)
    assert bundled == tmp_path / "bamako-the-attack-day-2.sahel.yaml", "the bundled story saves where you are"
    assert export_path(bundled, ".md") == tmp_path / "bamako-the-attack-day-2.md"
    assert export_path(Path("x/notes.yaml"), ".html") == Path("x/notes.html")
