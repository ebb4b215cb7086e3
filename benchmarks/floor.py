"""What Textual alone takes to paint what a key of the reader paints: the floor under the key targets.

A press of ``]`` or ``tab`` that moves the pane window shows up to three reports the screen did not
show: every row of the panes is painted anew. This app is Textual's own widgets doing the same: three
``Static`` panes, bordered, between a header and a footer, at the reader's size, given new text (one
pane, or all three), each press timed as the reader's keys are (``screen._frame_after``).
"""

from __future__ import annotations

import random
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.content import Content
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

        actions = {"three panes": three, "one pane": one, "none": lambda: None}
        times: dict[str, list[float]] = {name: [] for name in actions}
        for _ in range(presses):
            for name, action in actions.items():
                times[name].append(await _frame_after(app, pilot, action))
    return {name: KeyTimes.of(samples) for name, samples in times.items()}
