"""Counted nouns read right in the singular and the plural."""

import pytest

from sahel_reader.story.wording import counted, work_counted


@pytest.mark.parametrize(("count", "noun", "said"), [
    (0, "report", "0 reports"),
    (1, "report", "1 report"),
    (2, "report", "2 reports"),
    (1, "linked fact", "1 linked fact"),
    (3, "linked fact", "3 linked facts"),
    (1, "note", "1 note"),
    (2, "match", "2 matches"),
    (2, "story", "2 stories"),
    (2, "day", "2 days"),
    (1, "quotation", "1 quotation"),
])
def test_counted_agrees_with_its_count(count, noun, said):
    assert counted(count, noun) == said


def test_the_readers_work_is_counted_in_the_singular_too():
    assert work_counted(1) == "1 note, mark or verdict"
    assert work_counted(2) == "2 notes, marks and verdicts"
