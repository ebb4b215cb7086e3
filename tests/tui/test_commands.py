"""Commands: the palette lists each with its key, keys can be remapped, marks survive NO_COLOR."""

import pytest
from pilot_helpers import seed_app, wait_for_story, wait_until

from sahel_reader.tui.commands import READER_COMMANDS, load_keymap


async def test_the_command_palette_lists_reader_commands_with_their_keys():
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next version")
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)

        def prompts() -> list[str]:
            return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

        await wait_until(pilot, lambda: any("Next version" in s for s in prompts()))  # searched in the background
        await pilot.pause()
        shown = prompts()
        assert any("Next version" in s and "(])" in s for s in shown), shown
        reader = app.screen_stack[-2]
        expected = reader.navigator.versions(reader.pane.document.id, reader.pane.cursor)[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        assert (reader.pane.document.id, reader.pane.cursor) == (expected.doc, expected.sentence)


async def test_a_palette_closed_twice_leaves_the_reader_open():
    """An ``enter`` queued behind the ``escape`` that closed the palette dismisses it a second time."""
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await wait_for_story(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: app.screen is not reader)
        palette = app.screen
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is reader)
        palette.dismiss()  # what the queued enter does
        await pilot.pause()
        assert app.screen is reader and app.is_running and app.screen_stack == [reader]


def test_a_key_file_remaps_commands_and_a_bad_one_is_reported(tmp_path):
    keys = tmp_path / "keys.yaml"
    keys.write_text("next-version: ctrl+right\nzoom: Z\n", encoding="utf-8")
    assert load_keymap(keys) == ({"sahel.next-version": "ctrl+right", "sahel.zoom": "Z"}, None)
    keys.write_text("no-such-command: x\n", encoding="utf-8")
    keymap, problem = load_keymap(keys)
    assert keymap == {} and "no-such-command" in problem and str(keys) in problem
    keys.write_text("[unclosed\n", encoding="utf-8")
    assert load_keymap(keys)[0] == {} and "could not be read" in load_keymap(keys)[1]
    assert load_keymap(tmp_path / "absent.yaml") == ({}, None)


def user_keys(tmp_path, monkeypatch, text: str) -> None:
    """``text`` as the user's key file, where the reader looks for it."""
    config = tmp_path / "config"
    (config / "sahel-reader").mkdir(parents=True)
    (config / "sahel-reader" / "keys.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))


async def test_a_remapped_key_works_in_the_reader(tmp_path, monkeypatch):
    user_keys(tmp_path, monkeypatch, "next-version: ctrl+right\n")
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        expected = screen.navigator.versions(screen.pane.document.id, screen.pane.cursor)[0]
        await pilot.press("ctrl+right")
        assert (screen.pane.document.id, screen.pane.cursor) == (expected.doc, expected.sentence)
        await pilot.press("right_square_bracket")  # the old key no longer jumps
        assert screen.pane.document.id == expected.doc


async def test_a_key_file_that_takes_another_commands_key_is_refused_with_a_reason(tmp_path, monkeypatch):
    """`matrix: t` would leave the timeline without a key: the defaults stay, and the reader says why."""
    from pilot_helpers import record_notifications

    from sahel_reader.tui.screens.timeline import TimelineScreen

    user_keys(tmp_path, monkeypatch, "matrix: t\n")
    app = seed_app()
    told = record_notifications(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert any("'t' is already the key of Timeline" in message for message in told), told


def test_every_command_has_a_unique_name_and_key():
    names = [c.name for c in READER_COMMANDS]
    keys = [k for c in READER_COMMANDS for k in c.keys.split(",")]
    assert len(set(names)) == len(names) and len(set(keys)) == len(keys)
    assert not {"ctrl+a", "ctrl+b"} & set(keys)  # the screen and tmux prefixes


async def test_conflicts_are_marked_beyond_colour_with_underline_and_a_gutter_glyph():
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        pane = screen.panes[0]
        rows = [pane.render_line(y) for y in range(pane.size.height)]
        almost = next(r for r in rows if "almost" in r.text or "100." in r.text)
        segment = next(s for s in almost if "almost" in s.text or s.text.startswith("100"))
        assert segment.style.underline
        assert any("≠" in r.text[:4] for r in rows)


async def _palette_pick(pilot, query: str, prompt: str) -> None:
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    options = pilot.app.screen.query_one(CommandList)

    def prompts() -> list[str]:
        return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]

    await wait_until(pilot, lambda: prompt in prompts())  # the palette searches in the background
    await pilot.pause()
    shown = prompts()
    assert prompt in shown, shown
    options.highlighted = shown.index(prompt)
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("how", ["palette Quit", "palette Quit  (q)", "ctrl+q"])
async def test_every_way_to_quit_asks_when_work_is_unsaved(how):
    from sahel_reader.tui.screens.dialogs import ChoiceScreen

    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await wait_for_story(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert reader.keeper.dirty
        if how == "ctrl+q":
            await pilot.press("ctrl+q")
            await pilot.pause()
        else:
            await _palette_pick(pilot, "quit", how.removeprefix("palette "))
        assert app.is_running and isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-cancel")
        await pilot.pause()
        assert app.is_running and app.screen is reader


async def test_quitting_with_nothing_unsaved_does_not_ask():
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for_story(pilot)
        await _palette_pick(pilot, "quit", "Quit")
    assert not app.is_running
