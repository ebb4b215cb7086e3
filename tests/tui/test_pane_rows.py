"""The rows the panes keep for one another (tui/pane_lines.py) are the rows they would draw anew.

As the window moves, each pane takes a report another pane painted, and a pane that gains or loses
the focus keeps the rows off its cursor; what is drawn over a row (the cursor, the selection, the
search matches, a mark) must never come from a row kept from before it changed.
"""

from pilot_helpers import seed_app, wait_for_story, wait_until


def drawn(pane) -> list[list[tuple]]:
    """Each row the pane shows, as its segments' text and style."""
    return [[(segment.text, segment.style) for segment in pane.render_line(y)] for y in range(pane.size.height)]


def assert_kept_rows_are_fresh(screen) -> int:
    """Every pane shown draws the same rows from the kept ones as with none kept; how many rows."""
    shown = [pane for pane in screen.panes if pane.is_mounted]
    kept = [drawn(pane) for pane in shown]
    shown[0]._cache.clear()
    assert [drawn(pane) for pane in shown] == kept
    return sum(map(len, kept))


async def test_rows_kept_across_panes_show_the_cursor_matches_and_marks_of_now():
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        panes = [pane for pane in screen.panes if pane.is_mounted]
        assert len(panes) == 3 and len({id(pane._cache) for pane in panes}) == 1, "one store for the row"
        assert assert_kept_rows_are_fresh(screen) > 100
        for key in ["j"] * 6 + ["k"] * 6 + ["tab"] + ["j"] * 6 + ["k"] * 6:  # rows that hold two sentences
            await pilot.press(key)
            await pilot.pause()
            assert_kept_rows_are_fresh(screen)
        for keys in (["tab"] * 4, ["J", "J"], ["shift+tab"] * 2, ["j", "m"], ["tab"] * 3, ["right_square_bracket"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert_kept_rows_are_fresh(screen)
        await pilot.press("slash", *"the", "enter")
        await wait_until(pilot, lambda: bool(screen.row.search.matches))
        assert_kept_rows_are_fresh(screen)
        for keys in (["n", "n", "n"], ["tab", "tab"], ["N"], ["shift+tab"] * 3):
            await pilot.press(*keys)
            await pilot.pause()
            assert_kept_rows_are_fresh(screen)
        await pilot.press("slash", *"Bamako", "enter")  # matches of another search on rows kept from the first
        await pilot.pause()
        assert_kept_rows_are_fresh(screen)


async def test_a_pane_drawn_before_its_styles_are_there_draws_plain_rows_and_styles_the_next_frame():
    """A key pressed while the story loads, on a busy machine, drew a pane whose component styles were not
    there (unmounted, or not yet styled): Textual raised KeyError for 'report-pane--boilerplate'."""
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        pane = next(pane for pane in screen.panes if pane.is_mounted)
        styled = drawn(pane)

        def no_styles(name, partial=False):
            raise KeyError(f"No {name!r} key in COMPONENT_CLASSES")

        pane.get_component_rich_style = no_styles
        pane._style_keys = None
        pane._cache.clear()
        plain = drawn(pane)
        assert plain and pane._style_keys is None, "drawn plain, and its styles asked for again"
        del pane.get_component_rich_style
        pane._cache.clear()
        assert drawn(pane) == styled and pane._style_keys is not None
