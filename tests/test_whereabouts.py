"""Reports not at their recorded paths are told in one note: found where, embedded, missing."""

from pathlib import Path

from sahel_reader.story.whereabouts import Whereabouts


def test_nothing_to_say_when_every_report_was_where_the_session_said():
    assert Whereabouts().note("s.yaml") is None


def test_one_note_for_all_with_the_first_few_named_and_the_rest_counted():
    whereabouts = Whereabouts(found=[("afp", Path("archive/afp.txt"))], embedded=["a", "b", "c", "d", "e"],
                              missing=["reuters"])
    assert whereabouts.note("s.yaml") == (
        "s.yaml: 7 reports were not at the recorded path: 1 found elsewhere by its text (afp at "
        "archive/afp.txt); 5 read from the copies embedded in the session (a, b, c and 2 more); 1 missing, its "
        "notes kept as orphans (reuters).")


def test_a_single_report_is_said_in_the_singular():
    assert Whereabouts(missing=["afp"]).note("s.yaml") == (
        "s.yaml: 1 report was not at the recorded path: 1 missing, its notes kept as orphans (afp).")
