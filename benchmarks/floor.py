"""What Textual alone takes to paint what a key of the reader paints: the floor under the key targets.

A press of ``]`` or ``tab`` that moves the pane window shows up to three reports the screen did not
show: every row of the panes is painted anew. This app is Textual's own widgets doing the same: three
``Static`` panes, bordered, between a header and a footer, at the reader's size, given new text (one
pane, or all three), each press timed as the reader's keys are (``screen._frame_after``).

The second app is the floor of another design: the row of panes drawn by one Line API widget (as
toolong draws its log), each screen row three pane rows and their borders joined into one strip.
Textual then composes one widget a row instead of a dozen (the panes, their scrollbars, the row and
the screen beneath), which is most of what a press of ``]`` costs the reader now.
"""

from __future__ import annotations

import random
from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from benchmarks.screen import KeyTimes, _frame_after

_WORDS = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split()


def _page(seed: int) -> Content:
    """Sixty lines of nine words: more than a pane shows, wrapped to its width as a report is."""
    chosen = random.Random(seed)
    return Content("\n".join(" ".join(chosen.choice(_WORDS) for _ in range(9)) for _ in range(60)))


class ThreePanes(App[None]):
    CSS = "Static { width: 1fr; height: 1fr; border: round $primary; }"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            for seed in range(3):
                yield Static(_page(seed))
        yield Footer()


class RowOfPanes(Widget):
    """Three bordered panes of text, drawn by one widget a row at a time, each row made when painted."""

    def __init__(self) -> None:
        super().__init__()
        self.pages = [_page(seed).plain.splitlines() for seed in range(3)]

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        pane_width = width // len(self.pages)
        text_style = self.rich_style
        border = Style.parse(self.app.theme_variables["primary"]) + text_style
        segments: list[Segment] = []
        for page in self.pages:
            inner = pane_width - 2
            if y in (0, height - 1):
                segments.append(Segment(("╭" if y == 0 else "╰") + "─" * inner + ("╮" if y == 0 else "╯"), border))
            else:
                line = page[y - 1][:inner] if y - 1 < len(page) else ""
                segments += [Segment("│", border), Segment(line.ljust(inner), text_style), Segment("│", border)]
        return Strip(segments, pane_width * len(self.pages)).extend_cell_length(width, text_style)


class OneWidgetPanes(App[None]):
    CSS = "RowOfPanes { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield Header()
        yield RowOfPanes()
        yield Footer()


async def one_widget_panes_anew(presses: int) -> dict[str, KeyTimes]:
    """As ``panes_anew``, the panes drawn by one Line API widget (``RowOfPanes``)."""
    app = OneWidgetPanes()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        row = app.query_one(RowOfPanes)
        shown = iter(range(3, 10**9))

        def three() -> None:
            row.pages = [_page(next(shown)).plain.splitlines() for _ in row.pages]
            row.refresh()

        def one() -> None:
            seed = next(shown)
            place = seed % len(row.pages)
            row.pages[place] = _page(seed).plain.splitlines()
            pane_width = row.size.width // len(row.pages)
            row.refresh(Region(place * pane_width, 0, pane_width, row.size.height))

        return await _timed(app, pilot, {"three panes": three, "one pane": one, "none": lambda: None}, presses)


async def _timed(app, pilot, actions, presses: int) -> dict[str, KeyTimes]:
    """Each action ``presses`` times, in turns, as the reader's keys are timed."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(presses):
        for name, action in actions.items():
            times[name].append(await _frame_after(app, pilot, action))
    return {name: KeyTimes.of(samples) for name, samples in times.items()}


async def panes_anew(presses: int) -> dict[str, KeyTimes]:
    """Each kind of press ``presses`` times, in turns: all three panes given new text, one pane, nothing."""
    app = ThreePanes()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        panes = list(app.query(Static))
        shown = iter(range(3, 10**9))

        def three() -> None:
            for pane in panes:
                pane.update(_page(next(shown)))

        def one() -> None:
            seed = next(shown)
            panes[seed % 3].update(_page(seed))

        return await _timed(app, pilot, {"three panes": three, "one pane": one, "none": lambda: None}, presses)
