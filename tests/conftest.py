import os
from pathlib import Path

import pytest
from home_guard import appeared, listing, watched_folders
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import bundled_seed_paths, load_paths

_REAL_FOLDERS = watched_folders(os.environ, Path.home())
"""Read when the suite is collected, before any fixture points HOME elsewhere."""
_HOME_BEFORE = pytest.StashKey[set]()


def pytest_sessionstart(session):
    session.config.stash[_HOME_BEFORE] = listing(*_REAL_FOLDERS)


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if a test wrote into the real home or state folders."""
    new = appeared(session.config.stash[_HOME_BEFORE], listing(*_REAL_FOLDERS))
    if new:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        said = "the tests wrote into the real home folder: " + ", ".join(map(str, new[:10]))
        if reporter is not None:
            reporter.write_line("")
            reporter.write_line(f"FAILED home guard: {said}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def seed_story():
    """The bundled Bamako story, analysed once for the whole run (the tests only read it)."""
    loaded = load_paths(bundled_seed_paths())
    assert not loaded.errors
    return analyse(loaded.documents, loaded.title)
