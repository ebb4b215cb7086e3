"""Each report's publication time (issue 12): from its manifest, its HTML metadata or its dateline,
kept as ISO 8601, and the year of dates written without one filled from it."""

from datetime import date

import pytest
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import load_paths
from sahel_reader.story.model import shown_time
from sahel_reader.story.published import complete_date


def _story(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    loaded = load_paths([tmp_path])
    assert not loaded.errors
    return analyse(loaded.documents)


BODY = "Police said 12 people were killed in the attack on Monday.\n"


@pytest.mark.parametrize(("header", "published"), [
    ("Updated: November 11, 2011 20:09 IST\n", "2011-11-11T20:09+05:30"),
    ("POSTED: 1052 GMT (1852 HKT), April 10, 2007\n", "2007-04-10T10:52+00:00"),
    ("Updated 4/9/2007 6:04 PM\n", "2007-04-09T18:04"),
    ("Posted: 03/14/2013 06:37:46 AM PDT\n", "2013-03-14T06:37:46-07:00"),
    ("Sunday, November 27-2005 at 16:12\n", "2005-11-27T16:12"),
])
def test_the_dateline_gives_the_publication_time(tmp_path, header, published):
    story = _story(tmp_path, {"report.txt": "http://example.org/news/story.html\n" + header + "A headline here\n" + BODY})
    assert story.documents[0].published == published
    datelined = [c for c in story.claims if c.dateline]
    assert datelined and all(c.cluster is None for c in datelined)


def test_a_dateline_without_a_year_takes_it_from_the_address(tmp_path):
    story = _story(tmp_path, {"report.txt": "http://example.org/2011/11/12/story.html\nSat Nov 12, 01:19 hrs\n"
                                            "A headline here\n" + BODY})
    assert story.documents[0].published == "2011-11-12T01:19"


def test_a_manifest_date_is_the_publication_date(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "story.yaml").write_text("reports:\n  - path: a.txt\n    outlet: AFP\n    date: 2024-09-19\n",
                                          encoding="utf-8")
    loaded = load_paths([tmp_path / "story.yaml"])
    story = analyse(loaded.documents)
    assert story.documents[0].published == "2024-09-19"


def test_no_dateline_no_publication_time(tmp_path):
    story = _story(tmp_path, {"report.txt": BODY})
    assert story.documents[0].published is None


def test_dates_without_a_year_take_the_publication_year(tmp_path):
    story = _story(tmp_path, {"report.txt": "Updated: January 3, 2012 10:00 GMT\nA headline here\n"
                                            "The attack of December 30 left 12 dead. A hearing is set for January 9.\n"})
    whens = [c.when for c in story.claims if c.quantity == "date" and not c.dateline]
    assert whens == ["2011-12-30", "2012-01-09"]


def test_complete_date_takes_the_nearest_year_and_month():
    assert complete_date("--11-12", date(2011, 11, 15)) == "2011-11-12"
    assert complete_date("--12-30", date(2012, 1, 3)) == "2011-12-30"
    assert complete_date("---03", date(2011, 11, 1)) == "2011-11-03"
    assert complete_date("--07-02", 2007) == "2007-07-02"
    assert complete_date("2007-04-10", None) == "2007-04-10"


@pytest.mark.parametrize(("published", "shown"), [
    ("2011-11-11T20:09+05:30", "11 Nov 2011 20:09 +05:30"), ("2007-04-09", "9 Apr 2007"),
    ("2007-04-10T07:07", "10 Apr 2007 07:07"), (None, None),
])
def test_publication_times_as_a_reader_writes_them(published, shown):
    assert shown_time(published) == shown
