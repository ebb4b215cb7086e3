"""A pane's rows framed by the reader (tui/framed_rows.py) and its scrollbar drawn in its rows
(tui/pane_scrollbar.py) look exactly as Textual's own framing and scrollbar widget paint them, in every
state a pane is in; and the mouse still works the bar and the text."""

from pilot_helpers import seed_app, wait_for_story
from textual._styles_cache import StylesCache
from textual.filter import ANSIToTruecolor
from textual.scroll_view import ScrollView

from sahel_reader.tui.framed_rows import FramedStylesCache
from sahel_reader.tui.widgets.report_pane import ReportPane


def cells(strips) -> list[list[tuple[str, str]]]:
    return [[(char, str(style)) for text, style, _ in strip for char in text] for strip in strips]


def framed_both_ways(pane: ReportPane) -> tuple[list, list]:
    """The pane's whole region composed by the reader's cache and by Textual's, each from nothing."""
    region = pane.region.reset_offset
    ours = FramedStylesCache(pane._cache.framed)
    theirs = StylesCache()
    return cells(ours.render_widget(pane, region)), cells(theirs.render_widget(pane, region))


def screen_cells(app) -> list[list[tuple[str, str]]]:
    lines = app.screen._compositor.render_full_update().strips
    return [[(char, str(style)) for strip in line for text, style, _ in strip for char in text] for line in lines]


async def test_every_row_is_framed_as_textual_frames_it_in_each_state_of_a_pane():
    app = seed_app()
    async with app.run_test(size=(150, 36)) as pilot:
        screen = await wait_for_story(pilot)
        states = 0
        for keys in ([], ["J"], ["]"], ["tab"], ["slash", *"people", "enter"], ["z"], ["z", "ctrl+t"]):
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            for pane in screen.query(ReportPane):
                if pane.display:
                    ours, theirs = framed_both_ways(pane)
                    assert ours == theirs, f"pane of {pane.document.id} after {keys}"
                    assert ours[1][0][0] in "│┃", "a text row begins with the pane's border"
                    states += 1
        assert states >= 15


async def test_the_scrollbar_drawn_in_the_rows_is_textuals_scrollbar():
    """The screen with the bar drawn in the pane's rows, and with Textual's scrollbar widget laid over
    them: the same characters and colours in the bar's column (a blank cell's unseen ink aside)."""
    app = seed_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await wait_for_story(pilot)
        pane = screen.row.pane
        pane.scroll_to(y=pane.max_scroll_y // 2, animate=False, immediate=True)
        await pilot.pause()
        column = pane.scrollable_content_region.right
        rows = range(pane.scrollable_content_region.y, pane.scrollable_content_region.bottom)

        def bar_column() -> list[tuple[str, object, object]]:
            painted = app.screen._compositor.render_full_update().strips
            column_cells = [[(char, style) for strip in painted[y] for text, style, _ in strip for char in text][column]
                            for y in rows]
            return [(char, style.bgcolor, None if char == " " else style.color) for char, style in column_cells]

        drawn = bar_column()
        for each in screen.query(ReportPane):  # Textual's scrollbar shown, and told where the pane is as ScrollView tells it
            each.styles.scrollbar_visibility = "visible"
            ScrollView._scroll_update(each, each.virtual_size)
            each.vertical_scrollbar.position = each.scroll_y
        await pilot.pause()
        assert bar_column() == drawn
        track = drawn[0][1]
        thumb = [n for n, (char, background, _) in enumerate(drawn) if char != " " or background != track]
        assert thumb and 0 < thumb[0] and thumb[-1] < len(drawn) - 1, "the thumb halfway down, the track about it"


async def test_pressing_and_dragging_the_bar_scroll_the_pane_and_a_click_on_text_moves_the_cursor():
    app = seed_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await wait_for_story(pilot)
        pane = screen.row.pane
        assert pane.max_scroll_y > 0
        bar_x = pane.scrollable_content_region.right - pane.region.x
        height = pane.scrollable_content_region.height
        await pilot.click(pane, offset=(bar_x, height))  # the bar's last row (the border is row 0)
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.mouse_down(pane, offset=(bar_x, height))
        await pilot.hover(pane, offset=(bar_x, 1))
        await pilot.mouse_up(pane, offset=(bar_x, 1))
        await pilot.pause()
        assert pane.scroll_y == 0, "dragged to the top"
        assert pane.cursor == 0

        row = next(r for r in range(height) if pane.sentence_at(pane._lines[r].start) >= 2  # a sentence's last row
                  and pane.sentence_at(pane._lines[r + 1].start) != pane.sentence_at(pane._lines[r].start))
        target = pane.sentence_at(pane._lines[row].start)
        await pilot.click(pane, offset=(1 + 6, 1 + row))  # the border, then the gutter's four cells
        await pilot.pause()
        assert pane.cursor == target, "the sentence on the row clicked, not the one above it"
        assert pane.scroll_y == 0


async def test_a_line_filter_a_pane_leaves_out_would_have_changed_none_of_its_cells():
    """ANSI colours converted only where there are any: panes in the themes' colours skip the conversion
    and paint what it would have painted; a pane given an ANSI colour keeps it."""
    app = seed_app()
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("J")

        def converted(pane) -> bool:
            return any(isinstance(line_filter, ANSIToTruecolor) for line_filter in pane.get_line_filters())

        def painted_as_with_every_filter(pane) -> None:
            region = pane.region.reset_offset
            ours = cells(StylesCache().render_widget(pane, region))
            pane.get_line_filters = app.get_line_filters  # every filter the app has
            theirs = cells(StylesCache().render_widget(pane, region))
            del pane.get_line_filters
            assert ours == theirs, f"{pane.document.id} in {app.theme}"

        assert any(isinstance(line_filter, ANSIToTruecolor) for line_filter in app.get_line_filters())
        for theme in ("textual-dark", "textual-light", "ansi-dark"):
            app.theme = theme
            await pilot.pause()
            for pane in screen.query(ReportPane):
                painted_as_with_every_filter(pane)
                assert not converted(pane), theme
        app.theme = "textual-dark"  # (the ANSI theme turns the conversion off: its colours are the terminal's)
        for pane in screen.query(ReportPane):
            pane.styles.scrollbar_color = "ansi_bright_red"
            pane.notify_style_update()  # as a stylesheet or theme that changes the styles does
        await pilot.pause()
        for pane in screen.query(ReportPane):
            assert converted(pane)
            painted_as_with_every_filter(pane)
