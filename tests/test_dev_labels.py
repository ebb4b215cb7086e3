"""Every fact of the hand-checked dev stories has a readable label (issue 13), by the predicate of
``story/label_readability.py``: no bare value in brackets, no quoted words, no label of function words only
or cut off, no two facts of one name. Skipped where ``../shared`` is not beside the checkout."""

import pytest
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import load_paths
from sahel_reader.story.label_readability import label_problems

from test_dev_gold import dev_gold


@pytest.mark.parametrize("story_name", dev_gold.STORIES)
def test_every_fact_of_a_dev_story_has_a_readable_label(story_name):
    folder = dev_gold.SHARED / "dev-stories" / story_name
    if not folder.is_dir():
        pytest.skip("../shared/dev-stories is not beside this checkout")
    loaded = load_paths([folder])
    story = analyse(loaded.documents, loaded.title)
    assert label_problems([fact.label for fact in story.clusters]) == {}
