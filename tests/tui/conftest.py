import gc

import pytest
from pilot_helpers import seed_app

FULL_COLLECTION_EVERY = 8
"""Tests between two full garbage collections of what the earlier tests left (their apps, once closed)."""
_tests_since_full_collection = 0


@pytest.fixture(autouse=True)
def hermetic_config(monkeypatch, tmp_path_factory):
    """No user's key file or home folder leaks into what the tests see."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))


@pytest.fixture
def app():
    return seed_app()


@pytest.fixture
def quick_recovery(monkeypatch):
    """The recovery file written 50 ms after a change instead of a second: the tests wait for the
    file itself (``wait_for_recovery_file``), so only the wait is shorter."""
    from sahel_reader.tui.widgets import work_keeper

    monkeypatch.setattr(work_keeper, "_RECOVERY_DELAY", 0.05)


@pytest.fixture(autouse=True)
def earlier_objects_frozen():
    """After each test, what the run holds is frozen out of the garbage collector's walks, with a full collection
    every few tests. The reader collects in full once it has linked its story, before it freezes the story, and
    unfreezes everything as it closes: in a test run each of those walked pytest's, hypothesis' and Textual's
    objects and the last test's closed app again, a sixth of a Pilot test's CPU. A test that looks at the freeze
    count compares it with the count before its app started."""
    global _tests_since_full_collection
    yield
    _tests_since_full_collection += 1
    if _tests_since_full_collection >= FULL_COLLECTION_EVERY:
        _tests_since_full_collection = 0
        gc.unfreeze()  # what the last tests left, frozen since, is collected now
        gc.collect()
    gc.freeze()
