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
