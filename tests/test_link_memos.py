"""The shortcuts that let linking read a wire story once, however many reports copy it, give what reading
every copy would: the facets of a repeated sentence, and the links of a sentence copied in many reports."""

import tempfile
from collections import defaultdict
from pathlib import Path

from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import bundled_seed_paths, load_paths
from sahel_reader.story.episodes import story_time
from sahel_reader.story.linking import facets_of
from sahel_reader.story.sentence_links import MAX_LINKS

COPIES = 30
"""Twenty copies of one wording, more than a sentence keeps links: some copies' own report is among the
wording's best links, some not."""


def wire_story(copies: int):
    """The bundled reports, and ``copies`` copies of the first, one figure changed in every third copy."""
    texts = {f"seed{n}": path.read_text(encoding="utf-8") for n, path in enumerate(bundled_seed_paths())}
    wire = texts["seed0"]
    for number in range(copies):
        texts[f"copy{number:02d}"] = wire.replace("77 people", "78 people") if number % 3 == 2 else wire
    with tempfile.TemporaryDirectory() as folder:
        for name, text in texts.items():
            (Path(folder) / f"{name}.txt").write_text(text, encoding="utf-8")
        return analyse(load_paths([Path(folder)]).documents)


def test_a_sentences_facets_are_those_of_reading_each_report_alone():
    story = wire_story(6)
    numbers = [c for c in story.claims if c.kind == "number" and not c.dateline]
    time = story_time(story.documents, numbers)
    together = facets_of(story.documents, numbers, time)
    backgrounds = {c.id: c.background for c in numbers}
    by_report = defaultdict(list)
    for claim in numbers:
        by_report[claim.doc].append(claim)
    alone = {}
    for figures in by_report.values():  # one report a call: no copy read before to reuse
        alone.update(facets_of(story.documents, figures, time))
    assert len({(c.doc, c.sentence) for c in numbers}) < len(numbers), "no sentence with two figures"
    assert together == alone
    assert backgrounds == {c.id: c.background for c in numbers}


def test_a_sentence_copied_in_many_reports_links_to_its_copies_in_the_other_reports_first():
    def changed(report: str) -> bool:
        return int(report[-2:]) % 3 == 2

    story = wire_story(COPIES)
    copies = sorted(d.id for d in story.documents if d.id.startswith("copy"))
    links = defaultdict(list)
    for source, target, score, _ in story.sentence_links:
        links[source].append((target, score))
    died = next(i for i, (s, e) in enumerate(story.document("copy00").sentences)
                if "77 people had died" in story.document("copy00").text[s:e])
    for report in copies:
        targets = links[(report, died)]
        assert len(targets) == MAX_LINKS
        assert all(target[0] != report for target, _ in targets)
        assert [score for _, score in targets] == sorted((score for _, score in targets), reverse=True)
        same_figure = [other for other in copies if other != report and changed(other) == changed(report)][:MAX_LINKS]
        assert [target for target, _ in targets[:len(same_figure)]] == [(other, died) for other in same_figure]


def test_a_sentence_whose_best_links_are_all_in_its_own_report_still_links_to_the_others():
    line = "Soldiers in the town of Kati counted {} dead bodies near the old market on Tuesday evening."
    many = "\n".join(line.format(number) for number in range(10, 40)) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.txt").write_text(many, encoding="utf-8")
        (Path(folder) / "b.txt").write_text("Kati, Mali\n" + line.format(50) + "\n", encoding="utf-8")
        story = analyse(load_paths([Path(folder)]).documents)
    links = defaultdict(list)
    for source, target, _, _ in story.sentence_links:
        links[source].append(target)
    told = next(i for i, (s, e) in enumerate(story.document("b").sentences) if "50" in story.document("b").text[s:e])
    assert len(story.document("a").sentences) == 30
    for index in range(30):  # the other 29 of its own report are as alike, and come first
        assert links[("a", index)] == [("b", told)]
    assert len(links[("b", told)]) == MAX_LINKS
