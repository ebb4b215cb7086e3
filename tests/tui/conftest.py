import pytest
from pilot_helpers import seed_app


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
