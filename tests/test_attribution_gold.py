"""Floors for quotations and their speakers on real text nobody on the team wrote.

The shared development data (``../shared``: the five hand-checked dev stories and PolNeAR's
political news) is scored with its own ``score.py``; floors sit a little under what the engine
reaches and only ever rise. A clean clone without ``../shared`` skips these tests.
"""

from __future__ import annotations

import pytest

from attribution_scoring import DEV_STORIES, available, dev_story, polnear

pytestmark = pytest.mark.skipif(not available(), reason="../shared (dev gold, PolNeAR) is not beside the project")

STORY_FLOORS = {  # story: (quotes F1, speakers)
    "ecb-12": (0.99, 0.99),
    "ecb-18": (0.99, 0.95),
    "ecb-20": (0.99, 0.99),
    "ecb-24": (0.99, 0.99),
    "ecb-38": (0.99, 0.99),
}


@pytest.fixture(scope="module")
def stories() -> dict[str, dict]:
    return {name: dev_story(name) for name in DEV_STORIES}


@pytest.mark.parametrize("name", DEV_STORIES)
def test_each_dev_story_keeps_its_floor(stories, name):
    quotes, speakers = STORY_FLOORS[name]
    assert stories[name]["quotes_prf"][2] >= quotes
    assert stories[name]["speaker_acc"] >= speakers


def test_the_dev_stories_reach_the_issues_target_on_average(stories):
    count = len(stories)
    assert sum(s["quotes_prf"][2] for s in stories.values()) / count >= 0.99
    assert sum(s["speaker_acc"] for s in stories.values()) / count >= 0.99


def test_polnear_dev_keeps_its_floor():
    scores = polnear("dev")
    assert scores["quotes_prf"][2] >= 0.985
    assert scores["speaker_acc"] >= 0.9
