"""The reader under stress: tiny and changing terminals, floods of keys, keys while loading,
every screen opened and closed again and again. Nothing may raise, and nothing may hang: each
test runs under a time limit and ends by checking that the reader still answers a key.
"""

import asyncio
import random
import threading

import pytest
from pilot_helpers import settle as settle_workers, wait_for_story
from textual import events

from sahel_reader.story import analysis  # the loading worker imports analyse from here when it runs
from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.commands import READER_COMMANDS
from sahel_reader.tui.screens.reader import ReaderScreen

LIMIT = 120
"""Seconds a test may take before it counts as a freeze."""
REPORTS = {
    "afp.txt": "Attack in Bamako\n\nMore than 70 people were killed, a security source said.\n"
               "\u201cWe are still counting,\u201d the mayor said on Tuesday.\nAnother 200 were injured.\n",
    "ap.txt": "Mali attack\n\nAlmost 100 people were killed, an official document said.\n"
              "About 200 people were injured in the attack.\n",
    "rfi.txt": "Bamako\n\nAround 77 died, according to hospital sources.\n",
}
BOUND_KEYS = sorted({key for command in READER_COMMANDS for key in command.keys.split(",")} - {"q"})
"""Every key the reader binds, but quit: with nothing unsaved it would end the app, as it should."""
CHARACTERS = {"question_mark": "?", "slash": "/", "apostrophe": "'", "left_square_bracket": "[",
              "right_square_bracket": "]", "enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f"}
SCREEN_KEYS = ["question_mark", "c", "enter", "apostrophe", "a", "slash", "ctrl+s", "ctrl+p", "E"]
"""Keys that open each screen: help, matrix, inspector, notes, note editor, search, save, palette, export."""


@pytest.fixture
def small_app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # what a random key saves or exports lands here
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return SahelReaderApp([str(tmp_path / name) for name in REPORTS])


def reader_of(app) -> ReaderScreen:
    return next(screen for screen in app.screen_stack if isinstance(screen, ReaderScreen))


async def back_to_the_reader(pilot) -> ReaderScreen:
    """Close whatever is open (a question, a prompt, the palette) with escape."""
    for _ in range(20):
        if isinstance(pilot.app.screen, ReaderScreen) and not pilot.app.screen.query("#search:focus"):
            break
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(pilot.app.screen, ReaderScreen), pilot.app.screen
    return pilot.app.screen


async def send(pilot, keys: list[str], *, settle: bool = True) -> None:
    """Queue the keys all at once, faster than any typist, then let the reader catch up
    (``settle``: and its workers finish)."""
    for key in keys:
        pilot.app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))
    await pilot.pause()
    if settle:
        await settle_workers(pilot)
        await pilot.pause()


async def assert_answers(pilot) -> None:
    """The reader is up, shows its status, and a key still moves the cursor."""
    screen = await back_to_the_reader(pilot)
    assert pilot.app.is_running and screen.panes
    pane = screen.pane
    pane.set_cursor(0, scroll=False)
    await pilot.press("j")
    await pilot.pause()
    expected = pane.step(0, 1) + 1
    assert f"sentence {expected}/{pane.sentence_count}" in str(screen.query_one("#status").render())


@pytest.mark.parametrize("size", [(20, 6), (27, 8), (44, 12), (250, 70)])
async def test_every_screen_at_small_and_large_sizes(small_app, size):
    async with asyncio.timeout(LIMIT), small_app.run_test(size=size) as pilot:
        await wait_for_story(pilot)
        await pilot.press("J")
        for key in SCREEN_KEYS:
            await pilot.press(key)
            await pilot.pause()
            await back_to_the_reader(pilot)
        await send(pilot, [*"zsjjJ", "right_square_bracket", *"zs"])
        await assert_answers(pilot)


@pytest.mark.slow(11)
async def test_wild_resizes_with_every_screen_open(small_app):
    sizes = random.Random(6)
    async with asyncio.timeout(LIMIT), small_app.run_test(size=(120, 30)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("J")
        for key in SCREEN_KEYS + ["z", "s"]:
            await send(pilot, [key])
            for _ in range(2):
                await pilot.resize_terminal(sizes.randint(20, 260), sizes.randint(6, 80))
                await pilot.pause()
            await back_to_the_reader(pilot)
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        await pilot.resize_terminal(120, 30)
        await assert_answers(pilot)


@pytest.mark.slow(5)
async def test_hundreds_of_random_keys(small_app):
    """Random bound keys, escapes and letters, fixed seed, as fast as they can be queued:
    modals come and go, notes and searches get typed, the session is saved and exported."""
    keys = random.Random(2024).choices(BOUND_KEYS + ["escape"] * 6 + ["x", "y", "1", "backspace"], k=1200)
    async with asyncio.timeout(LIMIT), small_app.run_test(size=(100, 30)) as pilot:
        await wait_for_story(pilot)
        for start in range(0, len(keys), 200):
            await send(pilot, keys[start:start + 200])
        await assert_answers(pilot)


@pytest.mark.slow(6)
async def test_every_screen_opened_and_closed_many_times(small_app):
    async with asyncio.timeout(LIMIT), small_app.run_test(size=(120, 30)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("J")
        opened = set()
        for key in SCREEN_KEYS:  # each one checked once, at the pace of a person
            await pilot.press(key)
            await pilot.pause()
            opened.add(type(pilot.app.screen).__name__ if key != "slash" else "search")
            await back_to_the_reader(pilot)
        assert opened == {"HelpScreen", "ClaimsMatrix", "ClaimInspector", "AnnotationList", "NoteEditor",
                          "search", "SavePathScreen", "ReaderPalette", "ChoiceScreen"}, opened
        await send(pilot, [k for _ in range(40) for key in SCREEN_KEYS for k in (key, "escape")])
        await back_to_the_reader(pilot)
        assert len(pilot.app.screen_stack) == 1 and screen.session.annotations == []
        await assert_answers(pilot)


@pytest.mark.parametrize("reports", [5, 12], ids=["before-the-texts", "texts-shown-before-linking"])
async def test_keys_while_the_story_is_still_loading(tmp_path, monkeypatch, reports):
    """Every key while the worker is held before linking: with few reports nothing is shown yet,
    with many their texts are; no key may touch what is not there. Then linking ends, and the
    reader works."""
    monkeypatch.chdir(tmp_path)
    linking = threading.Event()
    real_analyse = analysis.analyse

    def held_analyse(*args, **kwargs):
        assert linking.wait(LIMIT)
        return real_analyse(*args, **kwargs)

    monkeypatch.setattr(analysis, "analyse", held_analyse)
    texts = list(REPORTS.values())
    for n in range(reports):
        (tmp_path / f"r{n:02}.txt").write_text(texts[n % len(texts)], encoding="utf-8")
    app = SahelReaderApp(sorted(str(path) for path in tmp_path.glob("r*.txt")))
    async with asyncio.timeout(LIMIT), app.run_test(size=(100, 30)) as pilot:
        try:
            await pilot.pause(0.3)
            await send(pilot, BOUND_KEYS + SCREEN_KEYS + ["escape"] * 3 + [*"zsnN", "slash", *"77", "enter"],
                       settle=False)
            for key in SCREEN_KEYS + ["J", "right_square_bracket", "m", "L"]:
                await pilot.press(key, "escape")
            assert app.is_running and not linking.is_set()
            await pilot.resize_terminal(20, 6)
            await pilot.resize_terminal(100, 30)
        finally:  # the worker let go however the keys went: a failure ends the test, not after the held LIMIT
            linking.set()
        await wait_for_story(pilot)
        await settle_workers(pilot)
        await assert_answers(pilot)
