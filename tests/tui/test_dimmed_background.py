"""The reader dimmed behind the inspector: the cells Textual's own tint gives, and they follow the reader."""

from pilot_helpers import seed_app, wait_for_story
from textual.renderables.background_screen import BackgroundScreen
from textual.visual import Visual, visualize

from sahel_reader.tui.screens.inspector import ClaimInspector


def _cells(strips) -> list[list[tuple[str, object]]]:
    """Each row as (character, style) pairs: the same picture however its segments are cut."""
    return [[(char, segment.style) for segment in strip for char in segment.text] for strip in strips]


def _top_row_behind(modal) -> str:
    """The text of the modal's background on its top row (above the frame): the reader's header, dimmed."""
    return "".join(segment.text for segment in modal.render_line(0))


async def _on_a_claim_in_the_inspector(pilot):
    await wait_for_story(pilot)
    await pilot.press("J", "J", "J", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ClaimInspector)
    return pilot.app.screen


async def test_the_dimmed_reader_is_the_one_textual_paints():
    app = seed_app()
    async with app.run_test(size=(160, 40)) as pilot:
        inspector = await _on_a_claim_in_the_inspector(pilot)
        reader = app.screen_stack[-2]
        width, height = inspector.size
        textuals = visualize(inspector, BackgroundScreen(reader, inspector.styles.background))
        textuals = Visual.to_strips(inspector, textuals, width, height, inspector.visual_style)
        ours = Visual.to_strips(inspector, inspector.render(), width, height, inspector.visual_style)
        assert _cells(ours) == _cells(textuals)
        assert any(char != " " for row in _cells(ours) for char, _ in row)  # the reader is there, not a blank


async def test_the_dimmed_reader_shows_what_changes_under_the_inspector():
    """``x`` takes a version out: the reader's header, dimmed above the inspector, now says it is unsaved."""
    app = seed_app()
    async with app.run_test(size=(160, 40)) as pilot:
        inspector = await _on_a_claim_in_the_inspector(pilot)
        assert "Bamako" in _top_row_behind(inspector) and "unsaved" not in _top_row_behind(inspector)
        await pilot.press("down", "x")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is inspector
        assert "unsaved" in _top_row_behind(inspector)


async def test_the_dimmed_reader_follows_a_change_of_theme():
    """The reader is restyled under the inspector: its dimmed rows are painted again, in the new theme."""
    app = seed_app()
    async with app.run_test(size=(160, 40)) as pilot:
        inspector = await _on_a_claim_in_the_inspector(pilot)
        dark = _cells([inspector.render_line(0)])
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        reader = app.screen_stack[-2]
        width, height = inspector.size
        textuals = visualize(inspector, BackgroundScreen(reader, inspector.styles.background))
        textuals = Visual.to_strips(inspector, textuals, width, height, inspector.visual_style)
        assert _cells([inspector.render_line(0)]) == _cells(textuals[:1]) != dark


async def test_the_reader_is_dimmed_once_as_the_inspector_opens(monkeypatch):
    """Opening the inspector lays the screens out again; the reader's panes and their scrollbars do not
    change in it, so the reader is painted dimmed once, not again for its scrollbars (``SteadyScrollView``)."""
    from sahel_reader.tui.screens import dialogs

    paints = []
    dimmed = dialogs.dimmed
    monkeypatch.setattr(dialogs, "dimmed", lambda *args: paints.append(args[3]) or dimmed(*args))
    app = seed_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await _on_a_claim_in_the_inspector(pilot)
        for _ in range(3):
            await pilot.pause()
        assert len(paints) == 1, paints
        await pilot.press("escape", "enter")  # closed and opened again: once more
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, ClaimInspector) and len(paints) == 2, paints
