"""A zero stated in words is a version of its event's count (issue 12 "Zero", issue 13 item 2).

"No one was killed in the attack" and "Twelve people were killed in the attack" tell one fact, the
attack's death toll, and cannot both be true. A zero of another event, or of an earlier event, is
no version of it. Small stories written for the purpose, in several phrasings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_files import story_of

from sahel_reader.cli import main
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import load_paths

TWELVE_KILLED = "Twelve people were killed in the attack on the market on Monday, police said.\n"


def zero_of(story, doc: str):
    (zero,) = [c for c in story.claims if c.doc == doc and c.kind == "number" and c.value == 0]
    return zero


def fact_of(story, claim):
    return next((k for k in story.clusters if claim.id in k.claims), None)


@pytest.mark.parametrize("denial", [
    "No one was killed in the attack on the market on Monday, officials said.\n",
    "Nobody died in the attack on the market on Monday, the army said.\n",
    "There were no fatalities in the attack on the market on Monday, a spokesman said.\n",
    "None of the shoppers were killed in the attack on the market on Monday, the mayor said.\n",
    "Officials said no one had been killed in Monday's attack on the market.\n",
])
def test_a_zero_of_the_event_is_its_count_in_conflict(denial):
    story = story_of(a=TWELVE_KILLED, b=denial)
    toll = fact_of(story, zero_of(story, "b"))
    twelve = next(c for c in story.claims if c.doc == "a" and c.value == 12)
    assert toll is not None and twelve.id in toll.claims
    assert (toll.label, toll.status) == ("death toll", "conflict")


def test_a_zero_of_the_injured_is_the_injured_count_not_the_toll():
    story = story_of(a="Twelve people were killed and 30 were injured in the blast at the station, police said.\n",
                     b="None were injured in the blast at the station, officials said.\n")
    injured = fact_of(story, zero_of(story, "b"))
    thirty = next(c for c in story.claims if c.value == 30)
    twelve = next(c for c in story.claims if c.value == 12)
    assert injured is not None and thirty.id in injured.claims and twelve.id not in injured.claims
    assert injured.status == "conflict"


def test_a_zero_of_another_event_is_not_linked():
    story = story_of(a=TWELVE_KILLED, b="No one was injured in the attack on the market on Monday, officials said.\n")
    assert fact_of(story, zero_of(story, "b")) is None


def test_a_zero_of_an_earlier_event_is_not_linked():
    story = story_of(
        a="Updated: November 28, 2005 10:00 GMT\n" + TWELVE_KILLED,
        b="Updated: November 28, 2005 11:00 GMT\nIn March 2001, no one was killed in an attack on the market.\n")
    assert fact_of(story, zero_of(story, "b")) is None


def test_two_zeros_of_one_event_agree():
    story = story_of(a="No one was killed in the attack on the market on Monday, officials said.\n",
                     b="Nobody died in the attack on the market on Monday, the army said.\n")
    toll = fact_of(story, zero_of(story, "a"))
    assert toll is fact_of(story, zero_of(story, "b")) and toll.status == "agree"


def test_claims_json_shows_the_zero_in_conflict_with_the_count(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(TWELVE_KILLED, encoding="utf-8")
    (tmp_path / "b.txt").write_text("No one was killed in the attack on the market on Monday, officials said.\n",
                                    encoding="utf-8")
    assert main(["claims", "--json", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    zero = next(c for c in data["claims"] if c["doc"] == "b" and c["value"] == 0)
    (fact,) = [k for k in data["clusters"] if zero["id"] in k["claims"]]
    assert fact["status"] == "conflict" and len(fact["claims"]) == 2


def test_a_report_of_no_dead_added_later_joins_the_toll_in_conflict(tmp_path: Path) -> None:
    from sahel_reader.story.growing import grow

    (tmp_path / "a.txt").write_text(TWELVE_KILLED, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Seven people were killed in the attack on the market on Monday, a doctor said.\n",
                                    encoding="utf-8")
    later = tmp_path / "later"
    later.mkdir()
    (later / "c.txt").write_text("No one was killed in the attack on the market on Monday, the army said.\n",
                                 encoding="utf-8")
    story = analyse(load_paths([tmp_path / "a.txt", tmp_path / "b.txt"]).documents, growable=True)
    grow(story, load_paths([later / "c.txt"]).documents)
    toll = fact_of(story, zero_of(story, "c"))
    assert toll is not None and toll.label == "death toll" and toll.status == "conflict" and len(toll.claims) == 3
