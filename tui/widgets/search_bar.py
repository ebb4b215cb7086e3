"""The search field: mounted hidden on first use, shown by ``/``, closed by ``enter`` or ``escape``.

It only says what was asked (``SearchBar.Search``) or that it closed (``SearchBar.Closed``); the
screen finds the matches and shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    BINDINGS = [Binding("escape", "close", "Close", show=False)]

    @dataclass
    class Search(Message):
        """Search all reports for ``query``."""

        query: str

    class Closed(Message):
        """Closed without a search."""

    def __init__(self) -> None:
        super().__init__(placeholder="Search all reports (enter: find, escape: close)", id="search")

    def open(self) -> None:
        self.add_class("-visible")
        self.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.remove_class("-visible")
        self.post_message(self.Search(event.value))

    def action_close(self) -> None:
        self.remove_class("-visible")
        self.post_message(self.Closed())
