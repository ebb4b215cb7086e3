"""The engine on the five hand-checked dev stories (``../shared/dev-gold``), with floors that only rise.

Skipped where ``../shared`` is not beside the checkout (a clean clone in CI). ``scripts/dev_gold.py``
prints the same table, with the held-out story apart, and every miss of a story.
"""

import importlib.util
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "dev_gold.py"
_spec = importlib.util.spec_from_file_location("dev_gold", _SCRIPT)
dev_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev_gold)

FLOORS = {
    "figures F1": 0.99, "values": 0.998, "hedges": 0.995, "kinds": 0.995,
    "quotes F1": 0.99, "speakers": 0.99, "links P": 0.94, "links R": 0.91, "links F1": 0.92, "status": 0.905,
}
"""The mean over the five stories, rounded down from the last measured run; they only ever rise. The
shared scorer gives a fact the status of the cluster holding most of its figures, breaking ties by set
order, so the status moves by about 0.02 with Python's hash seed: its floor sits under the lower value."""


@pytest.fixture(scope="module")
def scores():
    scorer = dev_gold.shared_scorer()
    if scorer is None:
        pytest.skip("../shared/dev-gold is not beside this checkout")
    return {name: dev_gold.score_story(name, scorer) for name in dev_gold.STORIES}


def test_the_engine_keeps_its_floors_on_the_dev_stories(scores):
    columns = dict(dev_gold.COLUMNS)
    means = {name: sum(columns[name](result) for result in scores.values()) / len(scores) for name in FLOORS}
    below = {name: round(mean, 3) for name, mean in means.items() if mean < FLOORS[name]}
    assert not below, f"below the floor: {below}"
