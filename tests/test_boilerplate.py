"""Boilerplate lines and credited sources: the seeds, the dev stories, and the traps."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sahel_reader.highlighters import boilerplate
from sahel_reader.highlighters.boilerplate import (
    boilerplate_lines,
    credited_sources,
    is_date_line,
    source_hosts,
)

from hang_guard import without_hanging

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DEV_STORIES = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-stories"


def seed_text(stem_prefix: str) -> str:
    (path,) = SEEDS.glob(f"{stem_prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def flagged(text: str) -> list[str]:
    return [text[start:end] for start, end in boilerplate_lines(text)]


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000", []),
        ("001", ["Loading Now", "Original Source: www.arabnews.com", "Post Comment"]),
        ("002", []),
        (
            "003",
            [
                "YOU MAY ALSO READ: US President Joe Biden urges Sudanese factions to resume"
                " peace talks and end conflict",
                "Got a Question?",
                "Find us on Socials or Contact us and we’ll get back to you as soon as possible.",
            ],
        ),
        ("004", ["Add a Comment", "Your email address will not be published."]),
    ],
)
def test_seed_boilerplate_is_exactly_the_site_furniture(seed: str, expected: list[str]) -> None:
    assert flagged(seed_text(seed)) == expected


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000", ["AFP"]),
        ("001", ["arabnews.com"]),
        ("002", []),
        ("003", ["AP"]),
        ("004", ["Reuters"]),
    ],
)
def test_seed_credited_sources(seed: str, expected: list[str]) -> None:
    assert credited_sources(seed_text(seed)) == expected


def test_spans_are_whole_lines_without_the_newline() -> None:
    text = "A sentence.\n  Advertisement  \nAnother sentence.\n"
    (span,) = boilerplate_lines(text)
    assert text[span[0] : span[1]] == "  Advertisement  "
    assert text[span[1]] == "\n"


@pytest.mark.parametrize(
    "line",
    [
        "Loading Now",
        "Loading...",
        "Post Comment",
        "Add a Comment",
        "Leave a Reply",
        "Leave a comment",
        "Your email address will not be published.",
        "Your email address will not be published. Required fields are marked *",
        "Required fields are marked *",
        "YOU MAY ALSO READ: Sudan talks resume",
        "ALSO READ | Floods in Niger",
        "Got a Question?",
        "Find us on Socials or Contact us and we’ll get back to you as soon as possible.",
        "Follow us on Twitter and Facebook",
        "Original Source: www.arabnews.com",
        "Read more:",
        "Read more: Mali junta expels envoy",
        "Read more »",
        "Related:",
        "Related: Niger coup leaders name cabinet",
        "Related Articles",
        "Advertisement",
        "ADVERTISEMENT - SCROLL TO CONTINUE",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Sign up for our newsletter",
        "Subscribe now for unlimited access",
        "Click here to read the full story",
        "All rights reserved.",
        "© 2024 Sahel Daily. All rights reserved.",
        "Copyright 2011 The Hindu",
        "https://www.example.com/news/2024/09/19/story.html",
        "www.example.com/story",
        "We use cookies to give you the best experience",
        "Skip to main content",
        "Most read",
        "Image caption",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Last Updated: Monday, 28 November 2005, 02:24 GMT",
        "Updated 4/9/2007 6:04 PM",
        "Published on: Fri, 11 Nov 2011 at 09:56 IST",
        "11:39am UK, Monday 09 September 2013",
    ],
)
def test_furniture_lines_are_flagged(line: str) -> None:
    text = f"The attack killed 77 people.\n{line}\nThe junta gave no toll.\n"
    assert flagged(text) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The army declined to comment on the toll.",
        "Comment was not immediately available from the ministry.",
        "Officials did not post a comment on social media until Thursday.",
        "Readers can subscribe to alerts, the ministry said, but few have.",
        "Share prices fell 3% in Bamako trading.",
        "Related attacks killed 20 people in 2015.",
        "Read more than 70 names, the list was long.",
        "Advertisements for the rally were torn down.",
        "Follow-up raids detained 15 suspects.",
        "Click, a local journalist, saw the smoke.",
        "Source: a security official who asked not to be named said 77 had died.",
        "On Monday",
        "Condemnation",
        "The attack happened on Tuesday, 17 September 2024, at dawn.",
        "In 2015, an al-Qaida-linked group attacked a hotel in Bamako.",
        "See the full report at www.example.com for details.",
    ],
)
def test_reporting_lines_are_not_flagged(line: str) -> None:
    assert flagged(f"{line}\n") == []


def test_dev_stories_flag_the_url_line_and_header_dates_only() -> None:
    if not DEV_STORIES.is_dir():
        pytest.skip("the shared dev stories are not here")
    files = sorted(DEV_STORIES.glob("*/*.txt"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        spans = boilerplate_lines(text)
        line_numbers = [text.count("\n", 0, start) for start, _ in spans]
        assert line_numbers[0] == 0 and lines[0].startswith("http"), path.name
        for number in line_numbers[1:]:
            # Anything else flagged must be a date stamp above the article, never a sentence of it.
            assert number < 5 and is_date_line(lines[number]), f"{path.name}: {lines[number]!r}"


def test_dev_story_header_dates() -> None:
    if not DEV_STORIES.is_dir():
        pytest.skip("the shared dev stories are not here")
    text = (DEV_STORIES / "ecb-20" / "20_1ecbplus.txt").read_text(encoding="utf-8")
    assert flagged(text)[1] == "Last Updated: Monday, 28 November 2005, 02:24 GMT"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Last Updated: Monday, 28 November 2005, 02:24 GMT", True),
        ("Posted 11/27/2005 7:21 AM", True),
        ("11/28/05", True),
        ("March 14, 2013 | 8:16 am", True),
        ("on April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM", True),
        ("TNN Nov 12, 2011, 05.51AM IST MUMBAI:", True),
        ("PTI | Nov 12, 2011, 05.51AM IST", True),
        ("March 14, 2013-UNITED STATES -", True),
        ("AP MUMBAI: On Nov 12 police said 5 men", False),
        ("Mumbai, Nov 11 -", False),
        ("On Monday", False),
        ("2005", False),
        ("77 people died on 17 September", False),
    ],
)
def test_date_lines(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BAMAKO, Mali (AP) — Gunfire rang out.", ["AP"]),
        ("A security official told The Associated Press.", ["AP"]),
        ("Officials were quoted by AP as saying so.", ["AP"]),
        ("AP reported the toll.", ["AP"]),
        ("The AP government in Andhra Pradesh met.", []),
        ("Agence France-Presse counted 77 dead.", ["AFP"]),
        ("Press Trust of India said 26 were held.", ["PTI"]),
        ("PTI chief Imran Khan spoke in Lahore.", []),
        ("The UPI payment system grew.", []),
        ("Michael Bloomberg donated to the fund.", []),
        ("Bloomberg News reported the sale.", ["Bloomberg"]),
        ("Australian Associated Press reported the fire.", ["AAP"]),
        ("He adapted the map in Japan, happily.", []),
        ("Udpa and dpas are not agencies, but dpa is.", ["dpa"]),
        ("Reuters saw the video. AFP did too. Reuters later confirmed it.", ["Reuters", "AFP"]),
        ("XINHUA is not how the agency writes itself; Xinhua is.", ["Xinhua"]),
        (
            "Original Source: https://www.arabnews.com/node/123\nReuters said so.",
            ["arabnews.com", "Reuters"],
        ),
    ],
)
def test_credited_sources(text: str, expected: list[str]) -> None:
    assert credited_sources(text) == expected


def test_source_hosts_strip_www() -> None:
    assert source_hosts("Intro.\nOriginal Source: www.arabnews.com\n") == ["arabnews.com"]
    assert source_hosts("The original source: a diplomat said so.\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "Original Source: www.arabnews.com",
        "Intro: two.\n  ORIGINAL SOURCE: https://x.org/a \nSource: y.net\nsource:z.com/b: c",
        "ſource: long-s.com\nSOURCE: a.com source: b.com\nThe source: c.com\nsource : d.com",
        "source:source:source: e.com\nsource:\n:source: f.com\nx source: g.com\nSource: h.com",
    ],
)
def test_source_hosts_are_those_of_every_source_line(text: str) -> None:
    """Only the lines with a colon after "source" are tried: the hosts are those the pattern finds anywhere."""
    from sahel_reader.highlighters.boilerplate import _SOURCE_LINE

    expected = [match.group("host").lower() for match in _SOURCE_LINE.finditer(text)]
    assert source_hosts(text) == expected
    assert expected  # each case has a source line


def test_long_text_and_pathological_lines_cost_linear_time() -> None:
    """Five times the hard lines take about five times as long, not twenty-five: measured as a ratio
    in the same run (best of three, in CPU time), never against the clock, which a busy machine moves."""
    hard_lines = ["1:2:3:4:5:6:7:8:9:" * 2000 + "x", "Nov " * 5000 + "?", "source:" * 4000]

    def best(repeats: int) -> float:
        text = "\n".join([seed_text("001"), *hard_lines] * repeats)
        times = []
        for _ in range(3):
            started = time.process_time()
            boilerplate_lines(text)
            credited_sources(text)
            times.append(time.process_time() - started)
        return min(times)

    assert best(50) < 12 * best(10)  # linear: 5; quadratic: 25


def test_lines_padded_with_spaces_do_not_hang() -> None:
    """Runs of spaces that two parts of a rule could share: ahead of a line (each rule was tried after every
    count of them), after a wire's initials (its credit and the date's separators split them three ways: 400
    spaces took 8 s, 1,000 over a minute), after a share button or a date word (what the rule left, the end
    of the line tried again). Each run is now read once."""
    lines = [" " * 100_000 + "over two years.", "ABC" + " " * 5_000 + "said", "share" + " " * 300_000 + "y",
             "Jan" + " " * 300_000 + "y", "AFP" + " " * 5_000 + "Nov 12, 2011"]
    found = without_hanging(lambda: flagged("\n".join(lines)), "reading lines padded with spaces")
    assert found == [lines[-1]]


_WRITTEN_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                  r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WRITTEN_DATE_WORD = (
    rf"{_WRITTEN_MONTH}|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?|\d+(?:st|nd|rd|th|am|pm|hrs?)?"
    r"|last|updated|modified|posted|published|created|dated?|on|at|am|pm|hrs?"
    r"|gmt|utc|uk|ist|et|est|edt|ct|cst|cdt|pt|pst|pdt|bst|cet|cest|eat|wat|cat|irst|jst|hkt|aest"
)
_SEPARATORS = r"[ \t,.:;/|+()\-–—]*+"
_AS_WRITTEN = re.compile(
    rf"(?=(?:{boilerplate._CREDIT})?{_SEPARATORS}(?:(?:{_WRITTEN_DATE_WORD})\b|[ap]\.m\.))"
    rf"(?=.*(?:\b(?:{_WRITTEN_MONTH})\b|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}))(?:{boilerplate._CREDIT})?"
    rf"{_SEPARATORS}(?:(?:(?:{_WRITTEN_DATE_WORD})\b|[ap]\.m\.){_SEPARATORS})+(?:{boilerplate._PLACE})?",
    re.IGNORECASE)
"""A date line as its pattern was first written: its words one alternative after another, its look-ahead
for a month running to the line's end."""
_DATE_LINE_WORDS = ("Updated Posted on at Nov November Sept sep. Thurs thu 27 2005 7:21 AM PM a.m. GMT hrs th IST "
                    "| , : - TNN MUMBAI: Monday 11/27/2005 4/9 x said MAY jan. Dated junE").split()


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_DATE_LINE_WORDS), min_size=1, max_size=9).map(" ".join))
def test_a_date_line_is_told_as_by_the_pattern_as_first_written(line: str) -> None:
    """Its words are tries and its look-ahead takes the first month it finds: the same lines as written first."""
    assert is_date_line(line) == (_AS_WRITTEN.fullmatch(line.strip()) is not None)
