import pytest
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import bundled_seed_paths, load_paths


@pytest.fixture(scope="session")
def seed_story():
    """The bundled Bamako story, analysed once for the whole run (the tests only read it)."""
    loaded = load_paths(bundled_seed_paths())
    assert not loaded.errors
    return analyse(loaded.documents, loaded.title)
