"""What the reader shows until the reports are: a spinner and what the load worker is doing."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import LoadingIndicator, Static

from ...highlighters.safety import printable


class LoadingPanel(Vertical):
    def compose(self) -> ComposeResult:
        yield LoadingIndicator()
        yield Static("Reading the reports…", id="progress")

    def say(self, text: str) -> None:
        """Report text and file names are shown as they are, never as markup."""
        self.query_one("#progress", Static).update(Text(printable(text)))

    def give_up(self) -> None:
        """The load failed and nothing more will come: a spinner would say the reader still works."""
        self.query_one(LoadingIndicator).display = False
