"""A fact's versions in publication order: later counts that rise are updates, same-hour differences
contradictions, and what is not a count of an event's victims is never 'updated'."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sahel_reader.cli import main
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import load_paths
from sahel_reader.story.timeline import UPDATE_AFTER, moment_of, story_timelines, story_zone

DEV_STORIES = Path(__file__).resolve().parents[2] / "shared" / "dev-stories"


def _story(folder: Path, reports: list[tuple[str, str | None, str]]):
    """A story of reports given as (name, publication time or None, text), read through a manifest."""
    entries = []
    for name, published, text in reports:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        entries.append({"path": f"{name}.txt", "outlet": name.title(), **({"date": published} if published else {})})
    manifest = folder / "story.yaml"
    manifest.write_text(yaml.safe_dump({"title": "Floods", "reports": entries}, sort_keys=False), encoding="utf-8")
    return analyse(load_paths([manifest]).documents, "Floods")


def _toll(story):
    timelines = [t for t in story_timelines(story) if t.cluster.label == "death toll"]
    assert len(timelines) == 1, [t.cluster.label for t in story_timelines(story)]
    return timelines[0]


def test_a_count_that_rises_hours_later_is_an_update_with_the_time_between(tmp_path):
    story = _story(tmp_path, [
        ("wire", "2024-05-01T10:23+00:00", "At least three people were killed in the floods in Lakeside, officials said."),
        ("daily", "2024-05-01T16:00+00:00", "Ten people were killed in the floods in Lakeside, officials said."),
    ])
    timeline = _toll(story)
    assert [version.document.id for version in timeline.versions] == ["wire", "daily"]
    (update,) = timeline.changes
    assert update.kind == "update" and update.rises
    assert update.describe() == "↑ at least three → ten, 5 h 37 min later"
    assert timeline.cluster.status == "agree"  # "at least three" allows ten: the status stays; the update is beside it


def test_reports_within_the_hour_that_cannot_both_be_true_contradict_each_other(tmp_path):
    story = _story(tmp_path, [
        ("wire", "2024-05-01T10:23+00:00", "Three people were killed in the floods in Lakeside, officials said."),
        ("daily", "2024-05-01T10:50+00:00", "Seven people were killed in the floods in Lakeside, officials said."),
    ])
    (change,) = _toll(story).changes
    assert change.kind == "contradiction"
    assert change.describe() == "≠ three / seven, 27 min apart"


def test_a_later_report_that_only_hedges_an_earlier_count_does_not_update_it(tmp_path):
    story = _story(tmp_path, [
        ("wire", "2024-05-01T10:00+00:00", "Seventy-seven people were killed in the attack in the capital, officials said."),
        ("daily", "2024-05-01T18:00+00:00", "More than 70 people were killed in the attack in the capital, officials said."),
    ])
    assert _toll(story).changes == []


def test_a_count_revised_down_below_what_was_said_is_an_update_downwards(tmp_path):
    story = _story(tmp_path, [
        ("wire", "2024-05-01T10:00+00:00", "Twelve people were killed in the floods in Lakeside, officials said."),
        ("daily", "2024-05-02T10:00+00:00", "Nine people were killed in the floods in Lakeside, officials said."),
    ])
    (change,) = _toll(story).changes
    assert (change.kind, change.rises, change.describe()) == ("update", False, "↓ twelve → nine, 24 h later")


def test_versions_are_in_publication_order_across_zones_and_untimed_reports_come_last(tmp_path):
    story = _story(tmp_path, [
        ("late", "2024-05-01T14:00+02:00", "Ten people were killed in the floods in Lakeside, officials said."),
        ("undated", None, "Ten people were killed in the floods in Lakeside, officials said."),
        ("early", "2024-05-01T10:30+00:00", "Ten people were killed in the floods in Lakeside, officials said."),
        ("dayonly", "2024-04-30", "Ten people were killed in the floods in Lakeside, officials said."),
    ])
    timeline = _toll(story)
    # 14:00+02:00 is 12:00 UTC, after 10:30 UTC; a date without a time stands for its whole day.
    assert [version.document.id for version in timeline.versions] == ["dayonly", "early", "late", "undated"]
    assert timeline.changes == []


def test_a_report_of_the_same_day_without_a_time_is_never_called_a_contradiction(tmp_path):
    story = _story(tmp_path, [
        ("dayonly", "2024-05-01", "Three people were killed in the floods in Lakeside, officials said."),
        ("timed", "2024-05-01T16:00+00:00", "Seven people were killed in the floods in Lakeside, officials said."),
    ])
    assert _toll(story).changes == []  # which came first is not known


def test_a_figure_that_does_not_count_an_event_is_never_updated(tmp_path):
    story = _story(tmp_path, [
        ("wire", "2024-05-01T10:00+00:00", "The island of Qeshm is home to 200,000 people, officials said."),
        ("daily", "2024-05-02T10:00+00:00", "The island of Qeshm is home to 120,000 people, officials said."),
    ])
    changes = [change for timeline in story_timelines(story) for change in timeline.changes]
    assert changes == []  # a population does not change overnight: the fact's conflict says it all


def test_times_without_a_zone_are_read_in_the_zone_most_reports_give(tmp_path):
    story = _story(tmp_path, [
        ("a", "2013-03-14T06:37-07:00", "A 4.6 magnitude earthquake struck near Healdsburg."),
        ("b", "2013-03-14T08:16-07:00", "A 4.6 magnitude earthquake struck near Healdsburg."),
        ("c", "2013-03-14T05:22", "A 4.6 magnitude earthquake struck near Healdsburg."),
    ])
    zone = story_zone(story.documents)
    assert zone.utcoffset(None).total_seconds() == -7 * 3600
    assert moment_of("2013-03-14T05:22", zone).earliest.hour == 12
    assert UPDATE_AFTER.total_seconds() == 3600


def test_the_timeline_command_prints_versions_in_order_with_the_update(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")  # the table fits the terminal: give it one wide enough, wherever it runs
    _story(tmp_path, [
        ("wire", "2024-05-01T10:23+00:00", "At least three people were killed in the floods in Lakeside, officials said."),
        ("daily", "2024-05-01T16:00+00:00", "Ten people were killed in the floods in Lakeside, officials said."),
    ])
    assert main(["timeline", str(tmp_path), "--fact", "death"]) == 0
    out = capsys.readouterr().out
    assert out.index("1 May 2024 10:23 +00:00") < out.index("1 May 2024 16:00 +00:00")
    assert "death toll  ·  1 update" in out
    assert "↑ at least three → ten, 5 h 37 min later" in out

    assert main(["timeline", str(tmp_path), "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    (toll,) = [t for t in data["timelines"] if t["label"].startswith("death toll")]
    assert [v["published"] for v in toll["versions"]] == ["2024-05-01T10:23+00:00", "2024-05-01T16:00+00:00"]
    assert toll["changes"][0] | {"earlier": None, "later": None} == {
        "kind": "update", "earlier": None, "later": None, "direction": "up", "after_minutes": 337,
        "after_days": None, "text": "↑ at least three → ten, 5 h 37 min later"}


@pytest.mark.skipif(not DEV_STORIES.is_dir(), reason="the shared development stories are not here")
def test_on_a_real_story_the_death_toll_is_listed_in_publication_order_and_a_steady_toll_is_not_updated():
    story = analyse(load_paths([DEV_STORIES / "ecb-20"]).documents)
    timeline = _toll(story)
    timed = [version.moment for version in timeline.versions if version.moment is not None]
    assert len(timed) >= 8 and timed == sorted(timed, key=lambda moment: moment.earliest)
    assert all(version.moment is None for version in timeline.versions[len(timed):])
    assert timeline.updates == []  # ten dead from the first timed report to the last
