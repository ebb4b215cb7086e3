"""Work that grows with the input, not with its square, on inputs built to make it grow faster.

Counts are checked where the work can be counted (pairs of texts compared); elsewhere the time of
an input four times bigger is compared with the time of the smaller one in the same run (linear:
4x; the square: 16x), never with a clock. ``benchmarks/adversarial.py`` shows the whole table.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from sahel_reader.story.annotations import Anchor, Annotation, Mark, Session
from sahel_reader.story.model import Document
from sahel_reader.story.sentence_links import link_sentences
from sahel_reader.story.session import save_session, session_from_yaml, session_to_yaml
from sahel_reader.story.similarity import candidate_pairs, content_words

PARTNERS = 64
"""The most texts one text is compared with."""
GROWTH_LIMIT = 8.0
"""For four times the input: linear work takes 4x, the square 16x; the margin is for a busy machine."""


def fastest(work: Callable[[], object], runs: int = 3) -> float:
    """The least CPU time of ``runs``: this process's own work, whatever the test workers running
    beside it take of the cores (wall time put a busy moment into one size and not the other)."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def growth(make: Callable[[int], Callable[[], object]], size: int, runs: int = 3) -> float:
    small, large = make(size), make(4 * size)
    return fastest(large, runs) / fastest(small, runs)


def test_texts_that_share_words_with_many_others_are_compared_with_a_few_of_them() -> None:
    """5,000 texts of words each held by about sixty: every text was compared with hundreds of others."""
    rng = random.Random(15)
    texts = [" ".join(f"w{rng.randrange(660)}" for _ in range(8)) for _ in range(5000)]
    assert 0 < len(candidate_pairs(texts)) <= PARTNERS * len(texts)


def test_a_long_text_is_compared_with_fewer_others_than_a_sentence() -> None:
    rng = random.Random(15)
    texts = [" ".join(f"w{rng.randrange(660)}" for _ in range(8)) + " long" * 250 for _ in range(5000)]
    assert 0 < len(candidate_pairs(texts)) <= PARTNERS * len(texts) // 4


def repeated_sentences(count: int) -> Callable[[], object]:
    """One report that says the same thing ``count`` times, a new figure each time."""
    sentence = "\u0642\u062a\u0644 {n} people were killed in Bamako\u200d, e\u0301te\u0301 \u05e9\u05dc\u05d5\u05dd. "
    text = "".join(sentence.format(n=n) for n in range(count))
    starts = [0]
    for n in range(count):
        starts.append(starts[-1] + len(sentence.format(n=n)))
    document = Document("report", "report.txt", text, sentences=[(a, b - 1) for a, b in zip(starts, starts[1:])])
    words = {("report", i): content_words(text[a:b]) for i, (a, b) in enumerate(document.sentences)}
    return lambda: link_sentences([document], words, [])


def test_sentence_links_of_one_sentence_repeated_grow_linearly() -> None:
    """Every copy walked every other copy looking for another report: 25 million steps for 5,000."""
    assert growth(repeated_sentences, 3000) < GROWTH_LIMIT


def session_of(notes: int) -> Session:
    text = "More than 70 people were killed. A source said 77 had died. " * 40
    spots = [Anchor.of("afp", text, start, start + 32) for start in range(0, 1200, 60)]
    return Session(annotations=[Annotation(f"n{n}", spots[n % len(spots)], f"note {n}: check it\nwith AFP",
                                           ["verified"], "t", "t") for n in range(notes)])


def test_reading_a_session_grows_linearly() -> None:
    """Each node's line was counted from the start of the file: 87 s for 0.8 MB (here 10x for 4x)."""
    def reading(marks: int) -> Callable[[], object]:
        text = session_to_yaml(Session(marks=[Mark(note.anchor, "t") for note in session_of(marks).annotations]))
        return lambda: session_from_yaml(text)

    assert growth(reading, 800, runs=2) < GROWTH_LIMIT


def test_saving_a_session_again_grows_linearly(tmp_path) -> None:
    """Each save parsed the file already there, that way: 15 s a save at 2,000 notes."""
    def saving(notes: int) -> Callable[[], object]:
        path = tmp_path / f"reading-{notes}.yaml"
        session = session_of(notes)
        disk = save_session(session, path).disk
        return lambda: save_session(session, path, known=disk)

    assert growth(saving, 300) < GROWTH_LIMIT
