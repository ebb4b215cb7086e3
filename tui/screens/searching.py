"""Search across all reports: matches highlighted in every pane, ``n``/``N`` to move, "match i of n".

A mixin of the reader screen, which provides ``panes``, ``pane``, ``navigator`` and ``jump_to``.
"""

from __future__ import annotations

from textual.widgets import Input

from ..jump import JumpTarget
from ..widgets.status_bar import StatusBar


class Searching:
    async def action_search(self) -> None:
        if not self.query("#search"):
            # Mounted on first use: hidden until then, and the first frame is quicker without it.
            await self.mount(Input(placeholder="Search all reports (enter: find, escape: close)", id="search"),
                             before=self.query_one(StatusBar))
        search = self.query_one("#search", Input)
        search.add_class("-visible")
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """A named handler, not ``@on``: Textual collects decorated handlers only from the screen class."""
        if event.input.id != "search":
            return
        self._matches = self.navigator.search(event.value) if self.navigator else []
        by_doc: dict[str, list[tuple[int, int]]] = {}
        for match in self._matches:
            by_doc.setdefault(match.doc, []).append((match.start, match.end))
        for pane in self.panes:
            pane.set_matches(by_doc.get(pane.document.id, []), None)
        self._hide_search()
        if not self._matches:
            self.notify(f"No match for {event.value!r}.", timeout=3)
            self._match_index = -1
            self.update_status()
            return
        pane = self.pane
        start = pane.document.sentences[pane.cursor][0] if pane.document.sentences else 0
        order = [p.document.id for p in self.panes]
        here = (order.index(pane.document.id), start)
        self._match_index = next(
            (i for i, m in enumerate(self._matches) if (order.index(m.doc), m.start) >= here), 0)
        self._show_match()

    def on_key(self, event) -> None:
        if event.key == "escape" and isinstance(self.focused, Input) and self.focused.id == "search":
            self._hide_search()
            event.stop()

    def _hide_search(self) -> None:
        self.query_one("#search", Input).remove_class("-visible")
        if self.pane:
            self.pane.focus()

    def action_next_match(self) -> None:
        self._match_step(1)

    def action_previous_match(self) -> None:
        self._match_step(-1)

    def _match_step(self, step: int) -> None:
        if not self._matches:
            self.notify("No search yet: press / to search.", timeout=2)
            return
        self._match_index = (self._match_index + step) % len(self._matches)
        self._show_match()

    def _show_match(self) -> None:
        match = self._matches[self._match_index]
        for pane in self.panes:
            pane.set_current_match((match.start, match.end) if pane.document.id == match.doc else None)
        target_pane = next(p for p in self.panes if p.document.id == match.doc)
        self.jump_to(JumpTarget(match.doc, target_pane.sentence_at(match.start)))
