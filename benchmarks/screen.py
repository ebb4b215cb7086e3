"""Timing the reader as a user meets it: the first frame in a real terminal, and keys to frames.

The first frame is timed in a pseudo-terminal from the moment the command starts until text that
only a painted frame holds arrives; a minimal Textual app is timed the same way as the reference.
Keys are timed in process, from the action to the end of the frame it causes.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from .corpus import DEV_STORIES

FIRST_FRAME = b"Next version"
"""In the footer of the reader's very first frame, before any report is read."""
PANES_FILLED = ("finding figures…".encode(), b" fig \xc2\xb7 ")
"""In the panes' borders once a big story's texts are shown (while its claims are being found),
or once it is linked, if that came first."""
CLAIMS_SHOWN = " fig · ".encode()
"""In a pane's border once the story is linked and its claims are coloured."""
_MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("ready")

Minimal().run()
"""


def dev_stories() -> list[Path]:
    return sorted(p for p in DEV_STORIES.iterdir() if p.is_dir()) if DEV_STORIES.is_dir() else []


def minimal_app_command() -> list[str]:
    return [sys.executable, "-c", _MINIMAL_APP]


def first_frame(command: list[str], marker: bytes | tuple[bytes, ...], timeout: float = 30.0) -> float:
    """Seconds from starting ``command`` in a 160x45 terminal until ``marker`` (or one of them) shows."""
    markers = marker if isinstance(marker, tuple) else (marker,)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    home = tempfile.mkdtemp(prefix="sahel-bench-home-")
    env = dict(os.environ, TERM="xterm-256color", HOME=home, XDG_CONFIG_HOME=home, XDG_STATE_HOME=home)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    output = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([master], [], [], 0.02)
            if ready:
                try:
                    output += os.read(master, 1 << 16)
                except OSError:
                    break
                if any(m in output for m in markers):
                    return time.perf_counter() - start
        raise RuntimeError(f"{command[-1]!r} never showed {marker!r} within {timeout:.0f} s")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def _open_reader(path: Path):
    """The reader on ``path``, with a home of its own: no user's key map or recovery file is used."""
    from sahel_reader.tui.app import SahelReaderApp

    home = tempfile.mkdtemp(prefix="sahel-bench-home-")
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        os.environ[name] = home
    return SahelReaderApp([str(path)], "benchmark")


async def _loaded_reader(app, pilot):
    from sahel_reader.tui.screens.reader import ReaderScreen

    while True:
        readers = [s for s in app.screen_stack if isinstance(s, ReaderScreen)]
        if readers and readers[0].panes:
            await pilot.pause()
            return readers[0]
        await asyncio.sleep(0.02)


async def _frame_after(app, pilot, action) -> float:
    """Seconds to run ``action`` and paint the frame it causes (window moves included)."""
    await pilot.pause()
    start = time.perf_counter()
    action()
    await pilot._wait_for_screen()
    while any(worker.group == "window" and worker.is_running for worker in app.workers):
        await asyncio.sleep(0)
        await pilot._wait_for_screen()
    app.screen._on_timer_update()
    return time.perf_counter() - start


STALL = 0.1
"""A press slower than this is felt as the reader stalling."""


async def key_latencies(story: Path, presses: int = 15) -> tuple[dict[str, float], float, float]:
    """Median seconds from a key's action to its painted frame, with an idle frame as reference;
    then the slowest press of all and the share slower than ``STALL`` (a full garbage
    collection, which walks the whole story, is what makes a press that slow)."""
    app = _open_reader(story)
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await _loaded_reader(app, pilot)
        actions = {"]": reader.action_next_version, "J": reader.action_next_claim,
                   "j": reader.action_cursor_down, "tab": reader.action_next_pane, "none": lambda: None}
        await _frame_after(app, pilot, reader.action_next_claim)  # a claim selected: ] follows its cluster
        times = {key: [await _frame_after(app, pilot, action) for _ in range(presses)] for key, action in actions.items()}
    every = [seconds for key, samples in times.items() if key != "none" for seconds in samples]
    return ({key: statistics.median(samples) for key, samples in times.items()},
            max(every), sum(seconds > STALL for seconds in every) / len(every))


async def page_latencies(folder: Path, pages: int = 30) -> dict[str, float]:
    """Median seconds per page down through a long report, and to wrap it once."""
    from sahel_reader.tui.layout import wrap

    app = _open_reader(folder)
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await _loaded_reader(app, pilot)
        pane = reader.pane
        page = [await _frame_after(app, pilot, lambda: pane.scroll_page_down(animate=False)) for _ in range(pages)]
        idle = [await _frame_after(app, pilot, lambda: None) for _ in range(pages)]
        started = time.perf_counter()
        wrap(pane._text, pane._wrapped_width)
        wrapped = time.perf_counter() - started
    return {"page": statistics.median(page), "none": statistics.median(idle), "wrap": wrapped}


async def modal_latencies(story: Path, opens: int = 5) -> dict[str, float]:
    """Median seconds from ``enter`` (the claim inspector, on a claim of the story's biggest fact) and
    ``c`` (the claims matrix) to the painted frame that shows the screen; for the matrix also to the
    frame that shows its facts (``c filled``: a big story's comparisons run in a thread meanwhile)."""
    app = _open_reader(story)
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await _loaded_reader(app, pilot)
        while reader.navigator is None or reader.row.linking:
            await asyncio.sleep(0.05)
        biggest = max(reader.story.clusters, key=lambda k: len(k.claims))
        reader.row.jump_to(_target(reader.story.claim(biggest.claims[0])))
        times: dict[str, list[float]] = {"enter": [], "c": [], "c filled": []}
        for _ in range(opens):
            times["enter"].append(await _frame_after(app, pilot, reader.action_inspect))
            await _frame_after(app, pilot, app.screen.action_close)
            start = time.perf_counter()
            times["c"].append(await _frame_after(app, pilot, reader.action_matrix))
            while not app.screen.facts and not app.screen.query_one("#matrix-title").render().plain.startswith("No"):
                await asyncio.sleep(0.01)
            await pilot._wait_for_screen()
            times["c filled"].append(time.perf_counter() - start)
            await _frame_after(app, pilot, app.screen.action_close)
    return {key: statistics.median(samples) for key, samples in times.items()}


def _target(claim):
    from sahel_reader.tui.jump import JumpTarget

    return JumpTarget(claim.doc, claim.sentence, claim.id)
