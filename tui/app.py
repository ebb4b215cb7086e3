"""The Textual app: small on purpose. Behaviour lives in the screens."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from textual.app import App

from .commands import load_keymap
from .screens.reader import ReaderScreen


class SahelReaderApp(App):
    """Reports of one event side by side."""

    CSS_PATH = [str(files("sahel_reader.styles") / name) for name in ("reader.tcss", "screens.tcss")]
    TITLE = "sahel-reader"

    def __init__(self, paths: Sequence[str], title: str | None = None, session: Path | None = None,
                 embed: bool = False) -> None:
        super().__init__()
        self.paths = list(paths)
        self.story_title = title
        self.session_path = session
        self.embed = embed

    def on_mount(self) -> None:
        keymap, problem = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, severity="warning", timeout=8)
        reader = ReaderScreen(self.paths, self.story_title, self.session_path)
        reader.session.embed = self.embed
        self.push_screen(reader)
