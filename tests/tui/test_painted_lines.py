"""A pane that takes, as the window moves, the lines Textual composed for its neighbour
(tui/widgets/painted_lines.py) shows what it would compose anew: the screen after each key is the
screen painted from nothing."""

from pilot_helpers import wait_for_story

from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.widgets.report_pane import ReportPane


def screen_cells(app) -> list[list[tuple[str, str]]]:
    """Every cell of the screen as painted now: its character and style."""
    lines = app.screen._compositor.render_full_update().strips
    return [[(char, str(style)) for strip in line for text, style, _ in strip for char in text] for line in lines]


def painted_anew(app) -> list[list[tuple[str, str]]]:
    """The same screen with every widget's composed lines and the panes' rows forgotten."""
    for widget in app.screen.walk_children():
        widget._styles_cache.clear()
    for pane in app.screen.query(ReportPane):
        pane._cache.clear()
    return screen_cells(app)


def reports(folder, count: int = 12) -> list[str]:
    """Reports of one attack, of different lengths (their scrollbars differ), each with the toll."""
    for number in range(count):
        lines = "".join(f"Line {line} of report {number} was filed from the city centre by a local reporter.\n"
                        for line in range(3 + 5 * (number % 4)))
        (folder / f"r{number:02d}.txt").write_text(
            f"Gunmen attacked a police training school on Tuesday.\nOfficials said {70 + number % 3} people were"
            f" killed in the attack.\n{lines}", encoding="utf-8")
    return [str(folder)]


async def test_panes_moved_along_the_window_show_what_they_would_paint_anew(tmp_path):
    app = SahelReaderApp(reports(tmp_path), "moves")
    async with app.run_test(size=(140, 30)) as pilot:
        screen = await wait_for_story(pilot)
        shown = [pane for pane in screen.panes if pane.is_mounted]
        moves = (["tab"] * 5 + ["shift+tab"] * 5 + ["J", "]", "]", "j", "tab", "tab", "[", "s", "tab", "tab", "]", "s",
                 "z", "tab", "z", "shift+tab", "tab", "slash", *"report", "enter", "tab", "tab", "n", "shift+tab"])
        for key in moves:
            await pilot.press(key)
            await pilot.pause()
            assert screen_cells(app) == painted_anew(app), f"the screen after {key!r} is the one painted anew"
        assert {id(pane) for pane in screen.panes if pane.is_mounted} == {id(pane) for pane in shown}
