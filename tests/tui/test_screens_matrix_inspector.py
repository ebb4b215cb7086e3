"""The claim inspector and the claims matrix: what they show, and where ``enter`` sends the reader."""

from importlib.resources import files

from sahel_reader.highlighters.sentences import split_sentences
from sahel_reader.story.analysis import analyse
from sahel_reader.story.model import Document
from sahel_reader.tui.jump import JumpTarget
from sahel_reader.tui.screens.inspector import ClaimInspector
from sahel_reader.tui.screens.matrix import COPIES_ROW, SILENT_REPORT, ClaimsMatrix
from textual.app import App
from textual.widgets import DataTable, Static

SCREENS_TCSS = str(files("sahel_reader.styles") / "screens.tcss")
AFP, ARAB, THIRD = "000_9e34431ca94add9f", "001_fc57addf554b25cf", "002_c6df8b2cbe4401de"


class ScreenHost(App[None]):
    """Pushes one modal screen on start and keeps what it returns and what it notifies."""

    CSS_PATH = SCREENS_TCSS

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list[JumpTarget | None] = []
        self.notices: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)

    def notify(self, message, **options) -> None:
        self.notices.append(str(message))
        super().notify(message, **options)


def claim_of(story, doc_id, text):
    return next(c for c in story.claims if c.doc == doc_id and c.text == text)


def sentence_with(story, doc_id, words):
    document = story.document(doc_id)
    return next(n for n, (start, end) in enumerate(document.sentences) if words in document.text[start:end])


def row_texts(table, row):
    return [cell.plain for cell in table.get_row_at(row)]


def story_of(**texts_by_id):
    return analyse([Document(id=doc_id, path=f"{doc_id}.txt", text=text, sentences=split_sentences(text))
                    for doc_id, text in texts_by_id.items()])


# -- claim inspector --------------------------------------------------------------------------

async def test_inspector_lists_every_version_of_the_death_toll_and_jumps_to_the_chosen_one(seed_story):
    opened = claim_of(seed_story, AFP, "77")
    app = ScreenHost(lambda: ClaimInspector(seed_story, opened.id))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ClaimInspector)
        title = screen.query_one(".modal-title", Static)
        assert "death toll" in str(title.render()) and "≠ CONFLICT" in str(title.render())
        assert title.has_class("-conflict")
        table = screen.query_one(DataTable)
        assert table.row_count == 14 and table.cursor_row == 1  # the row of the claim opened on
        # columns: verdict, outlier mark, report, figure, hedge, source, sentence
        assert row_texts(table, 0)[:6] == ["", "", "000", "More than 70", "at least", ""]
        assert row_texts(table, 1)[:6] == ["", "", "000", "77", "exact", "a security source"]
        assert row_texts(table, 3)[2] == "001 arabnews.com"
        marked = {row_texts(table, n)[3] for n in range(table.row_count) if row_texts(table, n)[1] == "≠"}
        assert marked == {"almost 100", "approximately 100", "an estimated 100"}
        assert row_texts(table, 13)[3:5] == ["in the 70s", "range"]

        for _ in range(5):
            await pilot.press("down")
        assert row_texts(table, table.cursor_row)[2:4] == ["001 arabnews.com", "77"]
        await pilot.press("enter")
        await pilot.pause()
    killed = claim_of(seed_story, ARAB, "77")
    assert app.results == [JumpTarget(ARAB, sentence_with(seed_story, ARAB, "77 individuals were killed"), killed.id)]


async def test_inspector_escape_and_q_return_nothing(seed_story):
    for key in ("escape", "q"):
        app = ScreenHost(lambda: ClaimInspector(seed_story, claim_of(seed_story, AFP, "81").id))
        async with app.run_test(size=(120, 40)) as pilot:
            assert app.screen.query_one(".modal-title", Static).has_class("-agree")
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ClaimInspector)
        assert app.results == [None]


async def test_inspector_shows_an_unlinked_claim_with_the_sentences_linked_to_its_own(seed_story):
    alone = claim_of(seed_story, AFP, "A few dozen")
    assert alone.cluster is None
    links = sorted((link for link in seed_story.sentence_links if link[0] == (AFP, alone.sentence)),
                   key=lambda link: -link[2])
    assert links
    app = ScreenHost(lambda: ClaimInspector(seed_story, alone.id))
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(DataTable)
        assert app.screen.query_one(".modal-title", Static).has_class("-alone")
        assert table.row_count == 1 + len(links)
        assert row_texts(table, 0)[3] == "A few dozen"
        _, (best_doc, best_sentence), best_score, _ = links[0]
        assert row_texts(table, 1)[6] == f"{best_score:.2f}"
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results == [JumpTarget(best_doc, best_sentence, None)]


async def test_inspector_shows_report_text_literally_never_as_markup_or_escapes():
    story = story_of(
        a="More than 70 people were killed in the [bold red]raid[/] on Tuesday \x1b[31m night.\n",
        b="Officials said 77 people were killed in the raid on Tuesday night.\n",
    )
    opened = next(c for c in story.claims if c.doc == "a" and c.cluster)
    app = ScreenHost(lambda: ClaimInspector(story, opened.id))
    async with app.run_test(size=(160, 40)):
        table = app.screen.query_one(DataTable)
        sentence = row_texts(table, 0)[-1]
        assert "[bold red]raid[/]" in sentence and "\\x1b[31m" in sentence and "\x1b" not in sentence


# -- claims matrix ----------------------------------------------------------------------------

async def test_matrix_shows_facts_by_report_with_conflicts_and_blind_spots(seed_story):
    app = ScreenHost(lambda: ClaimsMatrix(seed_story))
    async with app.run_test(size=(120, 40)):
        table = app.screen.query_one(DataTable)
        assert table.cursor_type == "cell" and table.row_count == len(seed_story.clusters) == 10
        headers = [column.label.plain for column in table.ordered_columns]
        assert headers == ["", "fact", "000", "arabnews.com", "002", "003", "004"]
        assert row_texts(table, 0) == ["≠", "death toll", "More than 70 · 77 · almost 100",
                                       "Over 70 ×3 · 77 · approximately 100",
                                       "more than 70 · 77 · an estimated 100", "",
                                       "dozens · around 70 · in the 70s"]
        assert row_texts(table, 2)[:2] == ["=", "victims identified"]
        assert row_texts(table, 9)[1].startswith("quote: some human lives")
        assert COPIES_ROW not in {row.key.value for row in table.ordered_rows}  # no seed copies another


async def test_matrix_enter_on_a_cell_jumps_to_that_reports_first_version(seed_story):
    app = ScreenHost(lambda: ClaimsMatrix(seed_story))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right", "enter")  # from the AFP cell of the death toll to Arab News
        await pilot.pause()
    first = claim_of(seed_story, ARAB, "Over 70")
    assert app.results == [JumpTarget(ARAB, first.sentence, first.id)]


async def test_matrix_blank_cell_says_the_report_is_silent_and_stays_open(seed_story):
    app = ScreenHost(lambda: ClaimsMatrix(seed_story))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right", "right", "right")  # the AP report: no death toll
        table = app.screen.query_one(DataTable)
        assert table.cursor_coordinate == (0, 5) and row_texts(table, 0)[5] == ""
        await pilot.press("enter")
        await pilot.pause()
        assert app.notices == [SILENT_REPORT]
        assert isinstance(app.screen, ClaimsMatrix) and app.results == []
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ClaimsMatrix)
    assert app.results == [None]


WIRE = (
    "Gunmen attacked a police training school in the capital early on Tuesday morning.\n"
    "The army said that soldiers repelled the assault after several hours of heavy fighting.\n"
    "Residents reported loud explosions and gunfire near the international airport.\n"
    "The government declared a curfew across the whole city until further notice.\n"
    "Officials promised a full investigation into the security failures that allowed the raid.\n"
)
SITE = WIRE.replace("Officials promised a full investigation into the security failures that allowed the raid.",
                    "Markets stayed closed while traders waited for news from relatives abroad.")


async def test_matrix_last_row_names_the_report_each_near_copy_follows():
    story = story_of(**{"001_wire": WIRE, "002_site": SITE})
    app = ScreenHost(lambda: ClaimsMatrix(story))
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(DataTable)
        last = table.row_count - 1
        assert table.ordered_rows[last].key.value == COPIES_ROW
        assert row_texts(table, last) == ["", "near copy of", "copy of 002 (80%)", "copy of 001 (80%)"]
        table.cursor_coordinate = (last, 2)
        await pilot.press("enter")
        await pilot.pause()
        assert app.notices == ["80% of the sentences of 001 retell sentences of 002."]
        await pilot.press("q")
        await pilot.pause()
    assert app.results == [None]


def test_the_status_bar_and_the_inspector_say_a_hedge_in_the_same_words():
    """"up to 50" is at most 50 in both, never "almost 50" in one of them (issue 16)."""
    from sahel_reader.story.claims import Claim
    from sahel_reader.story.hedges import HEDGES, hedge_words
    from sahel_reader.tui.widgets.status_bar import describe

    up_to = Claim("c1", "d", "number", 0, 9, "up to 50", 0, value=50, qualifier="upper", quantity="count")
    assert describe(Claim("c2", "d", "number", 0, 2, "50", 0, value=50, qualifier="upper")) == "at most 50"
    assert describe(up_to) == "up to 50", "a hedge in words is not said twice"
    assert hedge_words("upper") == HEDGES["upper"].words == "at most" and hedge_words("exact") == ""


THEFT = dict(
    wire="Thieves took jewels worth €2m ($2.6m) from the city museum on Sunday night, police said.\n",
    daily="Thieves took jewels worth two million euros, or £1.7m, from the city museum on Sunday night.\n",
    gazette="Thieves took jewels worth €5m from the city museum on Sunday night, police said.\n",
)


async def test_matrix_names_reports_of_unknown_outlet_by_their_file_and_marks_only_what_the_rate_contradicts():
    story = story_of(**THEFT)
    app = ScreenHost(lambda: ClaimsMatrix(story))
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        matrix = app.screen
        table = matrix.query_one(DataTable)
        assert [column.label.plain for column in table.ordered_columns] == ["", "fact", "wire", "daily", "gazette"]
        row = next(n for n in range(table.row_count) if "€5m" in row_texts(table, n)[4])
        cells = table.get_row_at(row)
        outlier = matrix._style("outlier")
        marked = {span_text for cell in cells[2:] for span_text in _styled(cell, outlier)}
        assert marked == {"€5m"}  # "$2.6m" and "£1.7m" are the €2m of the wire and the daily, at their own rate


def _styled(cell, style):
    """The pieces of a cell's text shown in ``style``."""
    return [cell.plain[span.start:span.end] for span in cell.spans if span.style == style]
