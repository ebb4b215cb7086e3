"""The reader's questions (quit, restore, export): a compact box, buttons that take the arrow keys,
and a letter on each button that answers at once."""

import pytest
from pilot_helpers import seed_app, settle, wait_for_story

from sahel_reader.tui.screens.dialogs import ChoiceScreen, SavePathScreen, answer_keys


async def _asked_to_quit(pilot):
    reader = await wait_for_story(pilot)
    await pilot.press("m", "q")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceScreen)
    return reader


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
async def test_a_question_is_a_compact_box_in_the_middle(size):
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await _asked_to_quit(pilot)
        frame = app.screen.query_one(".dialog").region
        width, height = size
        assert frame.height <= 10 and frame.height < height // 2
        assert frame.width <= 76 and (width < 90 or frame.width < width * 3 // 4)
        assert abs(frame.x - (width - frame.right)) <= 1  # centred
        assert abs(frame.y - (height - frame.bottom)) <= 1


async def test_the_arrow_keys_go_from_button_to_button():
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await _asked_to_quit(pilot)
        focused = lambda: app.screen.focused.id  # noqa: E731
        assert focused() == "choice-save"
        await pilot.press("right")
        assert focused() == "choice-discard"
        await pilot.press("right")
        assert focused() == "choice-cancel"
        await pilot.press("left", "left")
        assert focused() == "choice-save"
        await pilot.press("down", "down")
        assert focused() == "choice-cancel"
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.screen is reader


async def test_each_button_shows_its_key_and_the_key_answers():
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await _asked_to_quit(pilot)
        labels = [str(button.label) for button in app.screen.query("Button")]
        assert labels == ["s Save and quit", "d Quit without saving", "c Cancel"]
        await pilot.press("q")  # the key that asked, pressed twice, does not throw the work away
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ChoiceScreen)
        await pilot.press("c")
        await pilot.pause()
        assert app.is_running and app.screen is reader and reader.keeper.dirty
        await pilot.press("E")
        await pilot.pause()
        assert [str(b.label) for b in app.screen.query("Button")] == ["m markdown", "h html", "j json", "w w3c"]
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, SavePathScreen) and app.screen.query_one("#save-path").value.endswith(".json")


def test_answer_keys_are_distinct_letters_of_the_answers():
    assert answer_keys(["save", "discard", "cancel"]) == {"save": "s", "discard": "d", "cancel": "c"}
    assert answer_keys(["merge", "replace", "cancel"]) == {"merge": "m", "replace": "r", "cancel": "c"}
    assert answer_keys(["skip", "open", "see"]) == {"skip": "s", "open": "o", "see": "e"}
