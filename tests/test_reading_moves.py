"""The reader's moves that need no screen: a run of ``]``/``[`` through a sentence's versions, and
``n``/``N`` through a search's matches across the reports (tui/navigation.py, tui/pane_search.py)."""

from dataclasses import replace

from sahel_reader.story.model import Document
from sahel_reader.tui.jump import JumpTarget
from sahel_reader.tui.navigation import RunPlace, SearchMatch, VersionRun
from sahel_reader.tui.pane_search import PaneSearch
from sahel_reader.tui.report_place import ReportPlace


class Versions:
    """A navigator that knows the versions of one sentence, and counts how often it is asked."""

    def __init__(self, versions: dict[tuple[str, int], list[JumpTarget]]) -> None:
        self.known, self.asked = versions, 0

    def versions(self, doc: str, sentence: int, claim: str | None = None) -> list[JumpTarget]:
        self.asked += 1
        return self.known.get((doc, sentence), [])


def test_a_run_of_brackets_goes_round_the_versions_and_back_to_where_it_started():
    here, b, c = JumpTarget("a", 2), JumpTarget("b", 5), JumpTarget("c", 1)
    navigator, run = Versions({("a", 2): [b, c]}), VersionRun()
    assert run.step(navigator, here, 1) == b and run.place("b", 5) == RunPlace(2, 3, here)
    assert run.step(navigator, b, 1) == c and run.place("c", 1) == RunPlace(3, 3, here)
    assert run.step(navigator, c, 1) == here and run.place("a", 2) == RunPlace(1, 3, here)
    assert run.step(navigator, here, -1) == c
    assert navigator.asked == 1  # the run went on: its versions were found once
    assert run.place("a", 3) is None  # the cursor left the run
    run.end()
    assert run.place("c", 1) is None


def test_a_sentence_without_versions_starts_no_run():
    run = VersionRun()
    assert run.step(Versions({}), JumpTarget("a", 0), 1) is None and run.place("a", 0) is None


def place(doc: str, text: str, cursor: int = 0) -> ReportPlace:
    document = Document(doc, f"/r/{doc}.txt", text)
    document.sentences = [(0, 10), (11, 21)]
    return ReportPlace(document, None, cursor=cursor)


def test_a_search_starts_at_the_cursor_and_n_goes_round_every_report():
    one, two = place("one", "Ten killed. Ten more ok."), place("two", "Ten killed. All is well.")
    matches = [SearchMatch("one", 0, 3), SearchMatch("one", 12, 15), SearchMatch("two", 0, 3)]
    one.cursor, search = 1, PaneSearch()
    assert search.show(matches, [one, two], one) == matches[1] and search.index == 1
    assert one.matches == [(0, 3), (12, 15)] and two.matches == [(0, 3)]
    assert one.current_match == (12, 15) and two.current_match is None
    assert search.step([one, two], 1) == matches[2] and (one.current_match, two.current_match) == (None, (0, 3))
    assert search.step([one, two], 1) == matches[0]


def test_n_before_any_match_goes_nowhere():
    search, one = PaneSearch(), place("one", "Ten killed. Ten more ok.")
    assert search.step([one], 1) is None and search.matches == [] and search.index == -1
    assert search.show([], [one], one) is None and search.step([one], 1) is None


def test_j_and_k_walk_a_real_report_between_its_boilerplate_lines(seed_story):
    """arabnews.com's report opens with 'Loading Now' and ends with its source line and 'Post Comment':
    the cursor starts on the headline, and stepping either way never lands on one of those lines."""
    document = next(d for d in seed_story.documents if d.outlet == "arabnews.com")
    place = ReportPlace(document, None)

    def text(sentence: int) -> str:
        return document.text[slice(*document.sentences[sentence])]

    assert document.is_boilerplate(*document.sentences[0])
    start = place.step(0, 1)  # where the reader puts the cursor when the first line is boilerplate
    assert text(start).startswith("Militant Attack in Bamako Leaves Over 70")
    assert place.step(start, -1) == start, "k goes no further up than the headline"
    walked = [start]
    while (following := place.step(walked[-1], 1)) != walked[-1]:
        walked.append(following)
    assert not any(document.is_boilerplate(*document.sentences[n]) for n in walked)
    assert walked == [n for n in range(len(document.sentences)) if not document.is_boilerplate(*document.sentences[n])]
    assert "Original Source" in text(walked[-1] + 1) and "Post Comment" in text(walked[-1] + 2), \
        "the report's last lines are boilerplate, so j has something to skip"


def test_the_status_bar_reads_a_source_that_opened_its_sentence_as_inside_one(seed_story):
    """"A newspaper in Mali said …" gives the source "A newspaper in Mali": the status bar says "per a newspaper in
    Mali", and a name keeps its capitals ("per AFP", "per Security sources")."""
    from sahel_reader.tui.widgets.status_bar import describe

    newspaper = next(claim for claim in seed_story.claims if claim.source == "A newspaper in Mali")
    assert describe(newspaper).endswith(", per a newspaper in Mali")
    assert describe(replace(newspaper, source="AFP")).endswith(", per AFP")
    assert describe(replace(newspaper, source="Security sources")).endswith(", per Security sources")


def test_J_through_a_real_report_reaches_its_quotations_and_the_status_bar_says_who_spoke(seed_story):
    """J from the top of the first seed walks every claim of the report in order; its quotations name
    their speaker (Lucas Webber among them), or say that none is named."""
    from sahel_reader.tui.navigation import Navigator
    from sahel_reader.tui.widgets.status_bar import describe

    navigator, document = Navigator(seed_story), seed_story.documents[0]
    walked: list = []
    while claim := navigator.next_claim(document.id, 0, walked[-1].id if walked else None, 1):
        walked.append(claim)
    assert walked == navigator.claims(document.id) and len(walked) > 17
    quotes = [claim for claim in walked if claim.kind == "quote"]
    webber = next(claim for claim in quotes if claim.speaker and "Webber" in claim.speaker)
    assert describe(webber) == "said by Lucas Webber"
    assert [describe(claim) for claim in quotes if claim.speaker is None][:1] == ["speaker not named"]
