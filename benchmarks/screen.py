"""Timing the reader as a user meets it: the first frame in a real terminal, and keys to frames.

The first frame is timed in a pseudo-terminal from the moment the command starts until text that
only a painted frame holds arrives; a minimal Textual app is timed the same way as the reference.
Keys are timed twice: in process, from the action to the end of the frame it causes, all widgets
settled (``key_latencies``, Pilot); and in a terminal, from the key's bytes to the last byte of what it
paints (``terminal_key_latencies``), which is what a user waits for.
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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .corpus import DEV_STORIES

FIRST_FRAME = "Reading the reports…".encode()
"""In the loading panel of the reader's very first frame on a story not read before it (a folder);
the footer's keys come a frame later."""


def _first_words_of_the_seeds() -> bytes:
    from sahel_reader.story.seeds import bundled_seed_paths

    return " ".join(bundled_seed_paths()[0].read_text(encoding="utf-8").split()[:3]).encode()


TEXTS_SHOWN = _first_words_of_the_seeds()
"""The first words of the first bundled report, as its pane shows them once wrapped to its width: the
text itself, not the status bar (which a frame painting the panes unwrapped already showed)."""
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


def compile_the_package() -> None:
    """The package's bytecode written beside its sources, as an install writes it. Textual, installed,
    has its own; a reader started where ``PYTHONDONTWRITEBYTECODE`` is set (as on this project's
    machine) would otherwise compile its sources again at every start, which no user's reader does."""
    import compileall
    import importlib.util

    for name in ("sahel_reader", "sahel_reader.story", "sahel_reader.highlighters", "sahel_reader.tui",
                 "sahel_reader.tui.screens", "sahel_reader.tui.widgets"):
        for folder in importlib.util.find_spec(name).submodule_search_locations:
            compileall.compile_dir(folder, maxlevels=0, quiet=1)


def dev_stories() -> list[Path]:
    return sorted(p for p in DEV_STORIES.iterdir() if p.is_dir()) if DEV_STORIES.is_dir() else []


def minimal_app_command() -> list[str]:
    return [sys.executable, "-c", _MINIMAL_APP]


USER_CACHE = tempfile.mkdtemp(prefix="sahel-bench-cache-")
"""The cache folder every reader of the run shares, as a user's reader finds its own from its second start on:
the engine's compiled patterns and pint's answers are there (``warm_the_caches`` fills it first)."""


def warm_the_caches(command: list[str]) -> None:
    """One start of the reader, not timed, that fills ``USER_CACHE``: what a user's first start ever does once."""
    first_frame(command, CLAIMS_SHOWN)


@contextmanager
def _in_a_terminal(command: list[str]) -> Iterator[tuple[int, float]]:
    """``command`` run in a 160x45 pseudo-terminal with a home of its own: the terminal's end to read and
    write, and when the command started; killed on leaving."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    home = tempfile.mkdtemp(prefix="sahel-bench-home-")
    # COLUMNS and LINES left out: Textual would take them over the terminal's size (a parallel test worker has them)
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", HOME=home, XDG_CONFIG_HOME=home, XDG_STATE_HOME=home, XDG_CACHE_HOME=USER_CACHE)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    try:
        yield master, start
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def first_frame(command: list[str], marker: bytes | tuple[bytes, ...], timeout: float = 30.0) -> float:
    """Seconds from starting ``command`` in a 160x45 terminal until ``marker`` (or one of them) shows."""
    markers = marker if isinstance(marker, tuple) else (marker,)
    output = b""
    with _in_a_terminal(command) as (master, start):
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


def _open_reader(path: Path):
    """The reader on ``path``, with a home of its own: no user's key map or recovery file is used."""
    from sahel_reader.tui.app import SahelReaderApp

    home = tempfile.mkdtemp(prefix="sahel-bench-home-")
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        os.environ[name] = home
    return SahelReaderApp([str(path)], "benchmark")


WAIT_LIMIT = 180.0
"""Seconds any wait of the benchmark gives the reader before it fails saying what it waited for: a
reader that never finishes loading must end the run with that sentence, not hang it."""


async def _wait_until(condition, what: str, poll: float = 0.02) -> None:
    """Poll ``condition`` until it holds; raise ``TimeoutError`` naming ``what`` after ``WAIT_LIMIT``."""
    deadline = time.perf_counter() + WAIT_LIMIT
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the benchmark waited {WAIT_LIMIT:.0f} s for {what}")
        await asyncio.sleep(poll)


async def _loaded_reader(app, pilot):
    from sahel_reader.tui.screens.reader import ReaderScreen

    def readers():
        return [s for s in app.screen_stack if isinstance(s, ReaderScreen) and s.panes]

    await _wait_until(lambda: bool(readers()), "the reader's panes")
    await pilot.pause()
    return readers()[0]


async def _frame_after(app, pilot, action) -> float:
    """Seconds to run ``action`` and paint the frame it causes (window moves included)."""
    await pilot.pause()
    start = time.perf_counter()
    action()
    await pilot._wait_for_screen()
    await _wait_until(lambda: not any(w.group == "window" and w.is_running for w in app.workers),
                      "the pane window to move", poll=0)
    await pilot._wait_for_screen()
    app.screen._on_timer_update()
    return time.perf_counter() - start


STALL = 0.1
"""A press slower than this is felt as the reader stalling."""


@dataclass
class KeyTimes:
    """One key's presses: the median, the 99th percentile and the slowest, in seconds."""

    median: float
    p99: float
    slowest: float

    @classmethod
    def of(cls, samples: list[float]) -> KeyTimes:
        ordered = sorted(samples)
        return cls(statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))],
                   ordered[-1])


async def key_latencies(story: Path, presses: int = 500) -> dict[str, KeyTimes]:
    """Each key's presses, from its action to its painted frame, with an idle frame as reference.

    ``presses`` of each key, in turns (``]``, ``J``, ``j``, ``tab``, none), so that the collector's
    pauses and the machine's load fall on all alike: a full garbage collection that walks the whole
    story is what makes a press stall.
    """
    app = _open_reader(story)
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await _loaded_reader(app, pilot)
        # the texts come first; the keys are timed on the linked story
        await _wait_until(lambda: not reader.row.linking, "the story to be linked", poll=0.05)
        actions = {"]": partial(reader.action_step, "version", 1), "J": partial(reader.action_step, "claim", 1),
                   "j": partial(reader.action_step, "sentence", 1), "tab": partial(reader.action_step, "pane", 1),
                   "none": lambda: None}
        times: dict[str, list[float]] = {key: [] for key in actions}
        for _ in range(presses):
            for key, action in actions.items():
                if key == "]":  # a claim selected: ] follows its cluster across the reports
                    await _frame_after(app, pilot, partial(reader.action_step, "claim", 1))
                times[key].append(await _frame_after(app, pilot, action))
    return {key: KeyTimes.of(samples) for key, samples in times.items()}


QUIET = 0.05
"""Seconds without output that end what a key paints in a terminal (Textual paints at most 60 frames a second)."""
TERMINAL_KEYS = {"]": b"]", "J": b"J", "j": b"j", "tab": b"\t"}


def _painted(terminal: int, quiet: float, limit: float = WAIT_LIMIT) -> tuple[bytes, float | None]:
    """What ``terminal`` shows until ``quiet`` seconds pass without output, and when its last byte came."""
    output, last, start = b"", None, time.perf_counter()
    while time.perf_counter() - start < limit:
        if not select.select([terminal], [], [], quiet)[0]:
            break
        output += os.read(terminal, 1 << 16)
        last = time.perf_counter()
    return output, last


def terminal_key_latencies(story: Path, presses: int) -> dict[str, KeyTimes]:
    """Each key as a user meets it: the reader in a 160x45 pseudo-terminal, the key's bytes written, and the
    seconds until the last byte of what it paints (the output quiet for ``QUIET`` after it). Textual paints
    on its frame clock, so this holds the wait for the next frame and every frame the key causes (the panes,
    and a status bar told a frame later); Pilot's measure (``key_latencies``) holds neither, but waits for
    every widget's queue twice, some 6 ms at 1,000 reports that no terminal shows."""
    with _in_a_terminal([sys.executable, "-m", "sahel_reader", str(story)]) as (master, start):
        shown = b""
        while CLAIMS_SHOWN not in shown:  # the story linked and coloured
            if time.perf_counter() - start > WAIT_LIMIT:
                raise RuntimeError(f"the reader never showed {CLAIMS_SHOWN!r} on {story}")
            shown += _painted(master, 0.1, 1.0)[0]
        _painted(master, 1.0)  # the panes made anew once the story is frozen
        times: dict[str, list[float]] = {key: [] for key in TERMINAL_KEYS}
        for _ in range(presses):
            for key, sent in TERMINAL_KEYS.items():
                if key == "]":  # a claim selected, as in ``key_latencies``
                    os.write(master, b"J")
                    _painted(master, QUIET)
                pressed = time.perf_counter()
                os.write(master, sent)
                _, last = _painted(master, QUIET)
                if last is not None:
                    times[key].append(last - pressed)
        return {key: KeyTimes.of(samples) for key, samples in times.items()}


def _wrapped_on_screen(pane, width: int) -> float:
    """Seconds to wrap, at a new width, what the pane shows (and draw those rows), as its resize does:
    the rest of the report is wrapped a step a frame after."""
    from sahel_reader.tui.layout import LazyWrap

    started = time.perf_counter()
    lazy = LazyWrap(pane._text, width)
    lazy.wrap_some(pane._WRAP_STEP)
    lazy.cover_row(pane.scroll_offset.y + pane.size.height)
    pane._wrap, pane._wrapped_width, kept = lazy, width, (pane._wrap, pane._wrapped_width)
    pane._cache.clear()
    for y in range(pane.size.height):
        pane.render_line(y)
    pane._wrap, pane._wrapped_width = kept
    pane._cache.clear()
    return time.perf_counter() - started


async def page_latencies(folder: Path, pages: int = 30) -> dict[str, float]:
    """Median seconds per page down through a long report; to wrap and draw what is on screen at a
    new width (the rest left for later); and to wrap it whole once."""
    from sahel_reader.tui.layout import wrap

    app = _open_reader(folder)
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await _loaded_reader(app, pilot)
        pane = reader.pane
        page = [await _frame_after(app, pilot, lambda: pane.scroll_page_down(animate=False)) for _ in range(pages)]
        idle = [await _frame_after(app, pilot, lambda: None) for _ in range(pages)]
        widths = [_wrapped_on_screen(pane, width) for width in (116, 146, 96, 136, 156) * max(1, pages // 10)]
        started = time.perf_counter()
        wrap(pane._text, pane._wrapped_width)
        wrapped = time.perf_counter() - started
    return {"page": statistics.median(page), "none": statistics.median(idle), "width": statistics.median(widths),
            "wrap": wrapped}


async def modal_latencies(story: Path, opens: int = 5) -> dict[str, float]:
    """Median seconds from ``enter`` (the claim inspector, on a claim of the story's biggest fact) and
    ``c`` (the claims matrix) to the painted frame that shows the screen; for the matrix also to the
    frame that shows its facts (``c filled``: a big story's comparisons run in a thread meanwhile)."""
    app = _open_reader(story)
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await _loaded_reader(app, pilot)
        await _wait_until(lambda: reader.navigator is not None and not reader.row.linking, "the story to be linked",
                          poll=0.05)
        biggest = max(reader.story.clusters, key=lambda k: len(k.claims))
        reader.row.jump_to(_target(reader.story.claim(biggest.claims[0])))
        times: dict[str, list[float]] = {"enter": [], "c": [], "c filled": []}
        for _ in range(opens):
            times["enter"].append(await _frame_after(app, pilot, reader.action_inspect))
            await _frame_after(app, pilot, app.screen.action_close)
            start = time.perf_counter()
            times["c"].append(await _frame_after(app, pilot, reader.action_matrix))
            await _wait_until(lambda: bool(app.screen.facts) or _says_no_facts(app.screen), "the matrix's facts",
                              poll=0.01)
            await pilot._wait_for_screen()
            times["c filled"].append(time.perf_counter() - start)
            await _frame_after(app, pilot, app.screen.action_close)
    return {key: statistics.median(samples) for key, samples in times.items()}


def _says_no_facts(matrix) -> bool:
    """The matrix's title says it has no facts (it may not be composed yet when first asked)."""
    titles = matrix.query("#matrix-title")
    return bool(titles) and str(titles.first().render()).startswith("No")


def _target(claim):
    from sahel_reader.tui.jump import JumpTarget

    return JumpTarget(claim.doc, claim.sentence, claim.id)
