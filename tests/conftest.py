import os
import shutil
import tempfile
from pathlib import Path

import pytest
from home_guard import appeared, listing, watched_folders

_REAL_FOLDERS = watched_folders(os.environ, Path.home())
"""Read when the suite is collected, before any fixture points HOME elsewhere."""

_RUN_CACHE = tempfile.mkdtemp(prefix="sahel-reader-test-cache-")
os.environ["XDG_CACHE_HOME"] = _RUN_CACHE
"""The engine keeps pint's answers (story/measures.py) and its patterns' programs (highlighters/kept_patterns.py)
in the cache folder: for this run, and every process it starts, that is a folder of the run's own, set before the
engine is imported (importing it compiles the patterns)."""

from sahel_reader.story.analysis import analyse  # noqa: E402 - after the cache folder
from sahel_reader.story.documents import bundled_seed_paths, load_paths  # noqa: E402 - after the cache folder

_HOME_BEFORE = pytest.StashKey[set]()


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: without the plugin the tests run one by one
def pytest_xdist_auto_num_workers(config):
    """``-n auto`` (``make test``): a worker more than the cores. The Pilot and tmux tests wait on timers, other
    processes and tmux between their bursts of drawing; on 2 cores a third worker took a quarter off the time
    of the UI tests for the same CPU time, a fourth little more."""
    return (os.cpu_count() or 1) + 1


def pytest_configure(config):
    """Run in parallel, each worker is sent its tests one at a time (``--maxschedchunk 1``; it keeps two in
    hand). Otherwise pytest-xdist's first batch gives each worker a quarter of its share at once, a run of
    consecutive tests: the first worker got every slow test, run one after the other, and ended the run alone."""
    if getattr(config.option, "maxschedchunk", False) is None:
        config.option.maxschedchunk = 1


def pytest_collection_modifyitems(items):
    """The tests marked ``slow`` first, the slowest first: run in parallel (``make test``), the workers
    take them up at once and the quick ones fill in around them, instead of one worker ending the run
    alone with the benchmark."""
    def weight(item) -> float:
        marker = item.get_closest_marker("slow")
        return -marker.args[0] if marker and marker.args else -1.0 if marker else 0.0
    items.sort(key=weight)  # stable: the rest keep their order


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
    shutil.rmtree(_RUN_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def seed_story():
    """The bundled Bamako story, analysed once for the whole run (the tests only read it)."""
    loaded = load_paths(bundled_seed_paths())
    assert not loaded.errors
    return analyse(loaded.documents, loaded.title)
