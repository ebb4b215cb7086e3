"""The reader as a fact-checker uses it: correcting the machine's facts, going from conflict to
conflict, seeing where a version stands (issue 17)."""

from pathlib import Path

from pilot_helpers import sentence_text, settle, wait_for_story

from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.jump import JumpTarget
from sahel_reader.tui.screens.dialogs import SavePathScreen
from sahel_reader.tui.screens.inspector import ClaimInspector
from sahel_reader.tui.screens.matrix import ClaimsMatrix
from sahel_reader.tui.widgets.status_bar import StatusBar

GAO = {
    "a.txt": "Gunmen killed 12 people in the market of Gao on Monday, officials said.\n\n"
             "The market was closed on Tuesday.",
    "b.txt": "At least 12 people were killed when gunmen attacked the Gao market on Monday.\n\n"
             "Traders said the market would reopen.",
    "c.txt": "Gunmen killed 40 people in the market of Gao on Monday, a local official said.\n\n"
             "The army sent reinforcements to the town.",
}


def gao_app(folder: Path) -> SahelReaderApp:
    for name, text in GAO.items():
        (folder / name).write_text(text, encoding="utf-8")
    return SahelReaderApp([str(folder / name) for name in GAO], "Gao")


def status(app) -> str:
    return str(app.screen.query_one(StatusBar).render())


def toll_fact(screen):
    claim = next(c for c in screen.story.claims if c.doc == screen.panes[0].document.id and c.text == "12")
    return next(k for k in screen.story.clusters if k.id == claim.cluster)


async def open_inspector_on_the_toll(pilot, screen):
    await pilot.press("J", "enter")  # the 12 of report a
    await pilot.pause()
    assert isinstance(pilot.app.screen, ClaimInspector)


async def cursor_to_figure(pilot, figure: str) -> None:
    table = pilot.app.screen.query_one("#inspector-table")
    await pilot.press(*["up"] * table.row_count)
    for _ in range(table.row_count):
        if table.get_row_at(table.cursor_row)[3].plain == figure:
            return
        await pilot.press("down")
    raise AssertionError(f"no row of {figure}")


async def test_x_takes_a_version_out_of_its_fact_and_the_conflict_goes_everywhere(tmp_path):
    app = gao_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        fact = toll_fact(screen)
        c_pane = screen.panes[2]
        assert fact.status == "conflict" and c_pane.view.conflicted == {0}
        await open_inspector_on_the_toll(pilot, screen)
        inspector = app.screen
        assert "≠ CONFLICT" in str(inspector.query_one("#inspector-title").render())
        await cursor_to_figure(pilot, "40")  # the 40 of report c, under the inspector's cursor
        await pilot.press("x")
        await pilot.pause()
        assert "= AGREE" in str(inspector.query_one("#inspector-title").render())
        table = inspector.query_one("#inspector-table")
        row = table.get_row_at(table.cursor_row)
        assert row[0].plain == "✗" and row[3].plain == "40"  # still listed, so x again takes it back
        [verdict] = screen.session.link_verdicts
        assert (verdict.verdict, verdict.target.doc, verdict.target.exact) == ("rejected", c_pane.document.id, "40")
        assert fact.status == "agree" and len(fact.claims) == 2
        await pilot.press("escape")
        await pilot.pause()
        c_pane = screen.panes[2]  # the pane showing c now: under load the first frame's may have been replaced
        assert c_pane.is_mounted and c_pane.document.id == verdict.target.doc
        assert c_pane.view.conflicted == set() and "0 ≠" in str(c_pane.border_subtitle)
        seen = set()
        for _ in range(3):  # ] from the 12 of a: b's version, and back; never c's
            await pilot.press("right_square_bracket")
            seen.add(screen.pane.document.id)
        assert c_pane.document.id not in seen and screen.panes[1].document.id in seen
        await pilot.press("c")
        await pilot.pause()
        matrix = app.screen
        assert isinstance(matrix, ClaimsMatrix)
        marks = [matrix.query_one("#matrix-table").get_row_at(n)[0].plain
                 for n in range(matrix.query_one("#matrix-table").row_count)]
        assert "≠" not in marks


async def test_e_marks_another_event_and_y_confirms_it_back_into_the_fact(tmp_path):
    app = gao_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        fact = toll_fact(screen)
        await open_inspector_on_the_toll(pilot, screen)
        await cursor_to_figure(pilot, "40")
        await pilot.press("e")
        await pilot.pause()
        forty = next(c for c in screen.story.claims if c.text == "40")
        own = next(k for k in screen.story.clusters if k.id == forty.cluster)
        assert own.id != fact.id and own.claims == [forty.id] and fact.status == "agree"
        table = app.screen.query_one("#inspector-table")
        assert table.get_row_at(table.cursor_row)[0].plain == "⊘"
        await pilot.press("y")
        await pilot.pause()
        assert forty.cluster == fact.id and fact.status == "conflict"
        assert [v.verdict for v in screen.session.link_verdicts] == ["confirmed"]
        assert table.get_row_at(table.cursor_row)[0].plain == "✓"


async def test_a_verdict_is_saved_and_the_reopened_session_shows_the_fact_as_judged(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "gao.sahel.yaml"
    app = gao_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await open_inspector_on_the_toll(pilot, screen)
        await cursor_to_figure(pilot, "40")
        await pilot.press("x", "escape", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SavePathScreen)
        app.screen.query_one("#save-path").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
    assert "verdict: rejected" in target.read_text(encoding="utf-8")
    reopened = SahelReaderApp([str(target)], session=target)
    async with reopened.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert toll_fact(screen).status == "agree" and screen.panes[2].view.conflicted == set()


async def test_the_status_bar_counts_the_versions_while_cycling(tmp_path):
    app = gao_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("J")
        assert "version" not in status(app).split("│")[-1]
        origin = screen.pane.document
        assert "versions in other reports" in status(app)
        await pilot.press("right_square_bracket")
        assert "version 2 of 3" in status(app)
        assert f"version 2 of 3 of {origin.outlet or origin.id}'s sentence {screen.panes[0].cursor + 1}" in status(app)
        assert "in other reports" not in status(app)  # the run's count, not this sentence's own
        await pilot.press("right_square_bracket")
        assert "version 3 of 3" in status(app)
        await pilot.press("right_square_bracket")
        assert "version 1 of 3" in status(app) and screen.pane is screen.panes[0]
        assert "'s sentence" not in status(app) and "in other reports" not in status(app)
        await pilot.press("left_square_bracket")
        assert "version 3 of 3" in status(app)
        await pilot.press("j")  # off the cycle: no count
        assert " of 3" not in status(app)


async def test_a_hand_made_link_shows_at_once_in_gutter_status_and_notes_list_and_after_reopening(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "gao.sahel.yaml"
    app = gao_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("j", "j")  # a: "The market was closed on Tuesday.", linked to nothing
        assert "Tuesday" in sentence_text(screen.pane)
        assert "version" not in status(app)
        here = screen.pane.cursor
        await pilot.press("tab", "tab", "j", "j")  # c: "The army sent reinforcements..."
        assert "army" in sentence_text(screen.pane)
        await pilot.press("m", "shift+tab", "shift+tab", "L")
        await pilot.pause()
        assert screen.pane is screen.panes[0] and screen.pane.cursor == here
        assert "1 version in other reports" in status(app)
        assert screen.pane.view.by_hand == {here: 1}
        await pilot.press("apostrophe")
        await pilot.pause()
        listed = app.screen.query_one("#annotation-table")
        glyphs = [listed.get_row_at(n)[0].plain for n in range(listed.row_count)]
        assert "⇄" in glyphs
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        app.screen.query_one("#save-path").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
    reopened = SahelReaderApp([str(target)], session=target)
    async with reopened.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert screen.pane is screen.panes[0] and screen.pane.cursor == here
        assert "1 version in other reports" in status(reopened)
        assert screen.pane.view.by_hand == {here: 1}


async def test_curly_brackets_go_from_conflict_to_conflict_across_the_story(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        order = [p.document.id for p in screen.panes]
        visited = []
        for _ in range(4):
            await pilot.press("right_curly_bracket")
            claim = screen.story.claim(screen.pane.selected_claim)
            fact = next(k for k in screen.story.clusters if k.id == claim.cluster)
            assert fact.status == "conflict" and screen.pane.cursor == claim.sentence
            visited.append((order.index(claim.doc), claim.start, fact.id))
        assert visited == sorted(visited)  # forward through the story, in reading order
        assert all(a[2] != b[2] for a, b in zip(visited, visited[1:]))  # each press another fact
        await pilot.press("left_curly_bracket")
        claim = screen.story.claim(screen.pane.selected_claim)
        assert (order.index(claim.doc), claim.start, claim.cluster) == visited[2]


async def test_curly_brackets_say_so_when_no_other_fact_conflicts(tmp_path):
    app = gao_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("right_curly_bracket")
        assert screen.story.claim(screen.pane.selected_claim).text == "12"
        await pilot.press("right_curly_bracket")  # the only conflict is the one it is on
        assert screen.story.claim(screen.pane.selected_claim).text == "12"
        assert "No other fact whose versions conflict." in [n.message for n in app._notifications]


async def test_f_in_the_matrix_shows_only_the_conflicts_and_the_fact_column_stays(app):
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("c")
        await pilot.pause()
        matrix = app.screen
        table = matrix.query_one("#matrix-table")
        every = table.row_count
        assert table.fixed_columns == 2
        await pilot.press("f")
        await pilot.pause()
        marks = [table.get_row_at(n)[0].plain for n in range(table.row_count)]
        assert marks and set(marks) == {"≠"} and len(marks) < every
        await pilot.press("right", "right", "right", "right", "right")
        await pilot.pause()
        assert table.scroll_x > 0
        assert "death toll" in table.render_line(1).text  # the first row, its fact still in view
        await pilot.press("f")
        await pilot.pause()
        assert table.row_count == every


async def test_d_in_the_inspector_shows_what_a_version_adds_and_drops_word_by_word(tmp_path):
    app = gao_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await open_inspector_on_the_toll(pilot, screen)
        panel = app.screen.query_one("#inspector-diff")
        assert not panel.display
        await cursor_to_figure(pilot, "40")
        await pilot.press("d")
        await pilot.pause()
        shown = panel.render()
        assert panel.display and shown.plain.startswith("c against a: +4 −2 words")
        assert "killed 12 40 people" in shown.plain
        styled = {shown.plain[span.start:span.end]: str(span.style) for span in shown.spans}
        assert styled["40"] != styled["12"] and "12" in styled and "40" in styled
        assert "people" not in styled  # the words both say are plain
        await cursor_to_figure(pilot, "At least 12")  # follows the cursor while shown
        await pilot.pause()
        assert panel.render().plain.startswith("b against a: ")
        await pilot.press("d")
        assert not panel.display


async def test_o_opens_the_reports_address_and_C_copies_the_figure_with_its_citation(tmp_path):
    (tmp_path / "story.yaml").write_text(
        "title: Gao\nreports:\n"
        "  - {path: a.txt, outlet: Sahel Daily, date: '2024-09-17', url: 'https://example.org/gao'}\n"
        "  - {path: b.txt, url: 'javascript:alert(1)'}\n"
        "  - {path: c.txt}\n", encoding="utf-8")
    gao_app(tmp_path)
    app = SahelReaderApp([str(tmp_path / "story.yaml")])
    opened, copied = [], []
    app.open_url = lambda url, **_: opened.append(url)
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("o")
        assert opened == ["https://example.org/gao"]
        await pilot.press("J", "C")
        assert copied == ["“12” — Sahel Daily, 17 Sep 2024, https://example.org/gao"]
        await pilot.press("escape", "j", "C")  # no claim selected on the next sentence: the sentence
        assert copied[-1].startswith("“The market was closed on Tuesday.” — Sahel Daily")
        await pilot.press("tab", "o")  # an address that is not http(s) is never opened
        assert opened == ["https://example.org/gao"] and screen.pane is screen.panes[1]
        messages = [n.message for n in app._notifications]
        assert any("no web address" in m for m in messages)


async def test_a_big_storys_matrix_compares_in_a_thread_and_both_screens_add_rows_a_batch_a_frame(app, monkeypatch):
    import sahel_reader.tui.screens.inspector as inspector_module
    import sahel_reader.tui.screens.matrix as matrix_module

    monkeypatch.setattr(matrix_module, "SMALL_STORY_CLAIMS", 0)  # as at a thousand reports
    for module in (matrix_module, inspector_module):
        monkeypatch.setattr(module, "_FIRST_ROWS", 2)
        monkeypatch.setattr(module, "_MORE_ROWS", 3)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("c")
        await settle(pilot)
        matrix = app.screen
        assert str(matrix.query_one("#matrix-title").render()).startswith("Facts by report: ")
        table = matrix.query_one("#matrix-table")
        assert table.row_count == len(matrix.facts) + bool(matrix.copies) > 5  # every fact (and the near-copies)
        await pilot.press("escape", "J", "J", "J", "enter")  # the 77 of 000, the ninth version of its fact
        await settle(pilot)
        inspector = app.screen
        table = inspector.query_one("#inspector-table")
        assert table.row_count == len(inspector.cluster.claims)
        assert table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value == screen.pane.selected_claim


def test_the_navigator_restyles_only_the_reports_of_facts_a_verdict_changed():
    from sahel_reader.story.annotations import Session, anchor_in
    from sahel_reader.story.fact_verdicts import apply_version_verdicts
    from sahel_reader.tui.navigation import Navigator
    from test_fact_verdicts import judge, story

    made, session = story(), Session()
    navigator = Navigator(made)
    assert navigator.set_verdicts(session.link_verdicts) == set()
    judge(made, session, "a", "c", "rejected")
    apply_version_verdicts(made, session.link_verdicts)  # as the inspector's verdict book does, at once
    assert navigator.set_verdicts(session.link_verdicts) == {"a", "b", "c"}
    assert navigator.set_verdicts(session.link_verdicts) == set()  # a note typed: nothing to restyle
    forty = next(c for c in made.claims if c.text == "40")
    assert JumpTarget("c", 0, forty.id) not in navigator.versions("a", 0, made.claims[0].id)
    assert navigator.conflicts() == []
    session.link_verdicts.clear()
    assert navigator.set_verdicts(session.link_verdicts) == {"a", "b", "c"}
    assert [c.text for c in navigator.conflicts()] == ["12", "At least 12", "40"]
    assert anchor_in(made, "c", 0, forty.id).exact == "40"


async def test_the_matrix_counts_a_single_fact_in_the_singular(tmp_path):
    """Two short reports of one fire: `c` says "1 fact", not "1 facts"."""
    first, second = tmp_path / "daily.txt", tmp_path / "wire.txt"
    first.write_text("Depot fire\n\nThree people were injured in the blaze, the fire brigade said.\n", encoding="utf-8")
    second.write_text("Harbour fire\n\nFive people were injured, a hospital spokesman said.\n", encoding="utf-8")
    app = SahelReaderApp([str(first), str(second)])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("c")
        await settle(pilot)
        title = str(app.screen.query_one("#matrix-title").render())
        assert title == "Facts by report: 1 fact, 1 conflicting (≠)"
