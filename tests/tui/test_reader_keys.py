"""Pilot tests: press the real keys, check where the cursor, focus and scroll end up."""

from pilot_helpers import sentence_text, wait_for_story


async def move_to(pilot, screen, fragment: str) -> None:
    """Press j until the cursor's sentence holds ``fragment``."""
    for _ in range(screen.pane.sentence_count):
        if fragment in sentence_text(screen.pane):
            return
        await pilot.press("j")
    raise AssertionError(f"no sentence with {fragment!r}")


async def test_the_panes_open_on_the_first_report_with_the_status_bar(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert [p.document.id[:3] for p in screen.panes] == ["000", "001", "002", "003", "004"]
        assert screen.focused is screen.panes[0]
        status = str(screen.query_one("#status").render())
        assert "000_9e34431ca94add9f" in status and "sentence 1/26" in status


async def test_the_status_bar_names_the_focused_report_by_its_outlet_where_known(app):
    """As its pane title does: arabnews.com's report is not called by its file's hash."""
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("tab")
        status = str(screen.query_one("#status").render())
        assert screen.pane.document.outlet == "arabnews.com"
        assert status.startswith("arabnews.com  │  sentence "), status
        assert "001_fc57" not in status


async def test_j_and_k_move_the_reading_cursor_one_sentence(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("j", "j", "down")
        assert screen.pane.cursor == 3
        await pilot.press("k", "up")
        assert screen.pane.cursor == 1
        assert "More than 70 people were killed" in sentence_text(screen.pane)
        assert "sentence 2/26" in str(screen.query_one("#status").render())


async def test_a_key_tells_the_status_bar_in_its_own_turn_not_a_frame_later(app):
    """The status bar changes with the panes, in the key's own turn: told by the row's message only, it
    changed a frame after the panes (20 to 30 ms later in a terminal)."""
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        status = screen.query_one("#status")
        assert "sentence 1/" in str(status.render())
        screen.action_step("sentence", 1)  # as j does, and no message handled since
        assert "sentence 2/" in str(status.render())
        screen.action_step("pane", 1)
        assert str(status.render()).startswith(screen.row.pane.document.outlet or screen.row.pane.document.id)
        await pilot.pause()
        assert "sentence" in str(status.render())


async def test_J_and_K_step_through_the_claims_of_the_pane(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("J")
        first = screen.story.claim(screen.pane.selected_claim)
        assert first.text == "More than 70"
        await pilot.press("J", "J")
        assert screen.story.claim(screen.pane.selected_claim).text == "77"
        await pilot.press("K")
        assert screen.story.claim(screen.pane.selected_claim).text == "200"
        assert screen.pane.cursor == first.sentence
        assert "200 injured" in str(screen.query_one("#status").render())


async def test_bracket_jumps_from_77_died_to_77_individuals_and_cycles_to_the_official_toll(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await move_to(pilot, screen, "77 people had died")
        await pilot.press("right_square_bracket")
        assert screen.pane is screen.panes[1] and screen.focused is screen.panes[1]
        assert "77 individuals were killed" in sentence_text(screen.pane)
        seen = []
        for _ in range(12):
            await pilot.press("right_square_bracket")
            seen.append(sentence_text(screen.pane))
            if "The official death toll stands at 77" in seen[-1]:
                break
        assert any("The official death toll stands at 77" in s for s in seen)
        # [ goes back the way ] came
        await pilot.press("left_square_bracket")
        assert "The official death toll stands at 77" not in sentence_text(screen.pane)


async def test_bracket_cycles_back_to_where_it_started(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await move_to(pilot, screen, "burials of some fifty")
        origin = (screen.pane.document.id, screen.pane.cursor)
        visited = []
        for _ in range(10):
            await pilot.press("right_square_bracket")
            visited.append((screen.pane.document.id, screen.pane.cursor))
            if visited[-1] == origin:
                break
        assert visited[-1] == origin and len(visited) >= 3
        assert {doc[:3] for doc, _ in visited} >= {"001", "004"}


async def test_a_selected_claim_jumps_to_its_versions_in_other_reports(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("J", "J", "J")  # 77
        assert screen.story.claim(screen.pane.selected_claim).text == "77"
        assert "77 killed, per a security source" in str(screen.query_one("#status").render())
        await pilot.press("right_square_bracket")
        claim = screen.story.claim(screen.pane.selected_claim)
        assert claim.doc.startswith("001") and claim.text == "77"


async def test_tab_h_and_l_move_focus_between_panes_and_keep_it_in_view(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("tab", "l", "l", "l")
        await pilot.pause()
        assert screen.focused is screen.panes[4]
        shown = [p for p in screen.panes if p.is_mounted]
        assert shown == screen.panes[3:5], "100 columns hold two whole panes: the focused one and its neighbour"
        assert all(p.region.x >= 0 and p.region.right <= 100 and p.region.width >= 44 for p in shown)
        assert str(screen.query_one("EdgeMarker.-left").render()) == "‹3"
        right = screen.query_one("EdgeMarker.-right")
        assert str(right.render()) == "" and right.display, "nothing lies right: blank, its cells kept (no layout)"
        await pilot.press("h", "shift+tab")
        assert screen.focused is screen.panes[2]
        await pilot.press("l", "l", "l")
        assert screen.focused is screen.panes[0]


async def test_sync_scrolls_the_other_panes_to_their_version(app):
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("s")
        assert "sync on" in str(screen.query_one("#status").render())
        await move_to(pilot, screen, "burials of some fifty")
        fourth = screen.panes[4]
        assert "laid to rest" in sentence_text(fourth) or "50 police cadets" in sentence_text(fourth)
        second = screen.panes[1]
        assert "Le Soir" in sentence_text(second)


async def test_z_zooms_the_focused_pane_and_back(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("l", "z")
        await pilot.pause()
        assert screen.panes[1].region.width > 150
        assert not screen.panes[0].display or screen.panes[0].region.width == 0
        await pilot.press("z")
        await pilot.pause()
        assert screen.panes[0].display and screen.panes[1].region.width < 60


async def test_search_highlights_matches_and_n_moves_between_them(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("slash")
        await pilot.press(*"Le Soir")
        await pilot.press("enter")
        status = str(screen.query_one("#status").render())
        assert "match 1 of 2" in status
        assert "Le Soir" in sentence_text(screen.pane)
        await pilot.press("n")
        assert "match 2 of 2" in str(screen.query_one("#status").render())
        assert screen.pane.document.id.startswith("001") and "Le Soir" in sentence_text(screen.pane)
        await pilot.press("N")
        assert screen.pane.document.id.startswith("000")


async def test_the_status_bar_claims_a_match_only_while_the_cursor_is_on_it(app):
    """Moved off the match (another report, another sentence), the status bar no longer says "match 1
    of 2" as if the reader were on it; it counts the matches that n / N still go through."""
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("slash", *"Le Soir", "enter")
        assert "match 1 of 2" in str(screen.query_one("#status").render())
        await pilot.press("tab", "j", "j")
        status = str(screen.query_one("#status").render())
        assert "match" not in status.replace("2 matches", "") and "2 matches" in status
        await pilot.press("shift+tab")  # back on the match
        assert "match 1 of 2" in str(screen.query_one("#status").render())
        await pilot.press("j")
        assert "match 1 of 2" not in str(screen.query_one("#status").render())
        await pilot.press("n")
        assert "match 2 of 2" in str(screen.query_one("#status").render())


async def test_clicking_a_sentence_puts_the_cursor_there(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        pane = screen.panes[1]
        await pilot.click(pane, offset=(8, 3))
        assert screen.focused is pane
        assert "Militant Attack in Bamako Leaves Over 70" in sentence_text(pane)


async def test_help_lists_every_key(app):
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("question_mark")
        from sahel_reader.tui.commands import READER_COMMANDS
        from sahel_reader.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#keys")
        assert table.row_count == len(READER_COMMANDS)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_the_cursor_starts_past_boilerplate_and_j_k_skip_it(app):
    """Which sentences j and k reach is tests/test_reading_moves.py's; here the keys obey it at both ends."""
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        second = screen.panes[1]
        assert sentence_text(second).startswith("Militant Attack in Bamako Leaves Over 70")
        await pilot.press("l", "k")
        assert sentence_text(second).startswith("Militant Attack in Bamako")
        last = second.sentence_count - 1
        while second.document.is_boilerplate(*second.document.sentences[last]):
            last -= 1
        second.set_cursor(second.step(last, -1))
        await pilot.press("j")
        assert second.cursor == last
        await pilot.press("j")  # j goes no further: what follows is boilerplate
        assert second.cursor == last and "Post Comment" not in sentence_text(second)
        assert second.document.is_boilerplate(*second.document.sentences[last + 1])


async def test_the_speaker_of_a_quotation_shows_when_it_is_selected(app):
    """Which claims J walks and the words for a quotation's speaker are tests/test_reading_moves.py's;
    here J selects the quotation the cursor reached and the status bar names who said it."""
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        quote = next(c for c in screen.story.claims if c.doc == screen.pane.document.id and c.kind == "quote"
                     and c.speaker and "Webber" in c.speaker)
        screen.pane.set_cursor(quote.sentence - 1)
        await pilot.press("j", "J")
        assert screen.pane.selected_claim == quote.id
        assert "said by Lucas Webber" in str(screen.query_one("#status").render())


async def test_a_search_finds_words_a_line_break_parts_as_the_pane_shows_them_together(tmp_path):
    """A report wrapped to a width flows in its pane, so a name split by its wrap reads as one: the search
    finds it, and a space matches any run of spaces."""
    import textwrap

    from sahel_reader.tui.app import SahelReaderApp

    paragraph = ("The school will be rebuilt within the year, said the mayor of the district, Amadou Diallo, who "
                 "visited the site with the minister of security and two of his advisers on Tuesday afternoon.")
    width = next(w for w in range(50, 90) if "Amadou\nDiallo" in textwrap.fill(paragraph, w))
    wrapped = "Rebuilding\n\n" + "\n\n".join(textwrap.fill(paragraph, width) for _ in range(3)) + "\n"
    (tmp_path / "wrapped.txt").write_text(wrapped, encoding="utf-8")
    (tmp_path / "other.txt").write_text("The mayor,  Amadou   Diallo, spoke.\n", encoding="utf-8")
    app = SahelReaderApp([str(tmp_path / "wrapped.txt"), str(tmp_path / "other.txt")], "wrapped")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("slash", *"amadou diallo", "enter")
        assert "match 1 of 4" in str(screen.query_one("#status").render())
        assert "Amadou Diallo" in " ".join(sentence_text(screen.pane).split())


async def test_a_search_whose_match_lies_outside_the_pane_window_goes_there(app):
    """The one match is in the fifth report, not shown: the search brings it in and the cursor to it (the
    pane focused before the search took the focus back, and the status bar said only "1 match")."""
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert not screen.row.panes[4].is_mounted
        await pilot.press("slash", *"Muslimin", "enter")
        await pilot.pause()
        assert "match 1 of 1" in str(screen.query_one("#status").render())
        assert screen.pane.document.id.startswith("004") and "Muslimin" in sentence_text(screen.pane)
        assert screen.focused is screen.pane
