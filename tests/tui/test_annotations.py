"""Annotating from the keyboard: notes with tags, marks, the list, hand-made links, verdicts, quitting."""

from pilot_helpers import sentence_text, wait_for_story

from sahel_reader.tui.screens.dialogs import ChoiceScreen
from sahel_reader.tui.screens.notes import AnnotationList, NoteEditor


async def write_note(pilot, text: str, tags: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoteEditor)
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            await pilot.press("enter")
        await pilot.press(*line)
    await pilot.press("tab")
    await pilot.press(*tags)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_adds_a_multiline_note_with_tags_and_marks_the_sentence(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("j", "j")
        await write_note(pilot, "77 per AFP\nsource anonymous", "verified, follow-up")
        assert len(screen.session.annotations) == 1
        note = screen.session.annotations[0]
        assert note.note == "77 per AFP\nsource anonymous"
        assert note.tags == ["verified", "follow-up"]
        assert "77 people had died" in note.anchor.exact and note.anchor.exact == sentence_text(screen.pane)
        assert "unsaved" in screen.title
        assert 2 in screen.pane.view.noted
        row = screen.pane.cursor_line() - screen.pane.scroll_offset.y
        assert "✎" in screen.pane.render_line(row).text[:4]


async def test_the_unsaved_mark_is_on_screen_at_80_columns(app):
    """The header cuts a long story title at its end: the mark goes before it, where it is never cut."""
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("m")
        await pilot.pause()
        header = "".join(segment.text for segment in app.screen._compositor.render_strips()[0])
        assert "● unsaved" in header and "Bamako" in header


async def test_editing_keeps_the_note_escape_discards_and_emptying_removes(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await write_note(pilot, "first", "important")
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#note-tags").value == "important"
        await pilot.press(*" and more")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.session.annotations[0].note == "first"
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#note-text").load_text("")
        app.screen.query_one("#note-tags").value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.session.annotations == []


async def test_m_marks_and_unmarks_and_the_list_jumps_to_a_note(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("l", "j", "j", "m")
        assert len(screen.session.marks) == 1 and 3 in screen.panes[1].view.marked
        await pilot.press("m")
        assert screen.session.marks == []
        await pilot.press("m", "h", "j", "j", "j")
        await write_note(pilot, "the private document", "disputed")
        await pilot.press("k", "k", "k")
        await pilot.press("apostrophe")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationList)
        table = app.screen.query_one("#annotation-table")
        assert table.row_count == 2
        await pilot.press("enter")  # the note of 000 sorts first
        await pilot.pause()
        assert screen.pane is screen.panes[0] and "private document" in sentence_text(screen.pane)


async def test_a_hand_made_link_joins_the_versions_for_the_bracket_keys(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("l", "l", "l")  # 003: its sentence about the U.S. Embassy is linked to nothing
        for _ in range(20):
            if "U.S. Embassy" in sentence_text(screen.pane):
                break
            await pilot.press("j")
        assert "U.S. Embassy" in sentence_text(screen.pane)
        embassy = (screen.pane.document.id, screen.pane.cursor)
        await pilot.press("m", "h", "h", "h")
        await pilot.press("L")
        assert [v.verdict for v in screen.session.link_verdicts] == ["manual"]
        seen = []
        for _ in range(12):  # ] cycles through the versions; the hand-made link is one of them
            await pilot.press("right_square_bracket")
            seen.append((screen.pane.document.id, screen.pane.cursor))
            if embassy in seen:
                break
        assert embassy in seen


async def test_y_and_x_in_the_inspector_confirm_and_reject_a_link(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("J", "J", "J", "enter")  # the 77 of 000
        await pilot.pause()
        for _ in range(5):
            await pilot.press("down")
        await pilot.press("y")
        verdicts = screen.session.link_verdicts
        assert [(v.verdict, v.target.exact) for v in verdicts] == [("confirmed", "77")]
        assert verdicts[0].target.doc.startswith("001") and verdicts[0].source.doc.startswith("000")
        table = app.screen.query_one("#inspector-table")
        assert str(table.get_row_at(table.cursor_row)[0]) == "✓"
        await pilot.press("x")
        assert [v.verdict for v in screen.session.link_verdicts] == ["rejected"]
        await pilot.press("x")
        assert screen.session.link_verdicts == []


async def test_quitting_with_unsaved_work_asks_and_cancel_stays(app):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("m", "q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.is_running
