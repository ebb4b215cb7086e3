"""A report's sentences and boilerplate read line by line, each distinct line once for the whole story
(``report_lines``). The memo must change nothing but the time: the spans are those of reading every
report whole and on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahel_reader.highlighters.boilerplate import boilerplate_lines
from sahel_reader.highlighters.sentences import MAX_SENTENCE_CHARS, split_sentences
from sahel_reader.story.documents import bundled_seed_paths, load_paths
from sahel_reader.story.report_lines import report_spans

DEV_STORIES = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-stories"
EDGES = (
    "",
    "\n\n",
    "Read more: the attack\n  \nShare this article\nAdvertisement\nThe toll rose. It was 77.\n",
    "“Why?” Webber asked.\nMr.\nSmith came at 4 a.m. on Sept. 17. U.S. officials said so",
    "Updated: September 17, 2024 6:04 PM\nBAMAKO, Mali (AP) — Gunmen attacked.\r\nReuters\n",
    "  Words  set\tapart. Words set\u00a0apart.\u2003 \nWords set apart.",
    "no full stop " * (MAX_SENTENCE_CHARS // 6) + "\n" + "x" * (MAX_SENTENCE_CHARS * 2) + "\nend.",
)


def _whole(text: str) -> tuple[list, list, list]:
    sentences = split_sentences(text)
    return sentences, boilerplate_lines(text), [" ".join(text[start:end].split()) for start, end in sentences]


@pytest.mark.parametrize("text", EDGES)
def test_the_spans_of_awkward_texts_are_those_of_reading_them_whole(text: str) -> None:
    assert report_spans(text, {}) == _whole(text)


def test_lines_met_in_another_report_at_another_place_give_the_same_spans() -> None:
    shared: dict = {}
    texts = [path.read_text(encoding="utf-8") for path in bundled_seed_paths()]
    texts += ["Preamble line.\n" + text for text in texts] + [EDGES[2] + texts[0]]
    for text in texts:
        assert report_spans(text, shared) == _whole(text)
    assert len(shared) < sum(text.count("\n") + 1 for text in texts)  # lines were met again


@pytest.mark.skipif(not DEV_STORIES.is_dir(), reason="the dev stories are not here")
def test_the_dev_stories_load_as_read_whole() -> None:
    loaded = load_paths([folder for folder in sorted(DEV_STORIES.iterdir()) if folder.is_dir()])
    assert loaded.documents and not loaded.line_spans  # the memo is dropped when loading ends
    for document in loaded.documents:
        assert (document.sentences, document.boilerplate) == _whole(document.text)[:2]
