"""The timeline: each fact's versions in publication order, with the updates and same-hour contradictions.

A story that breaks is told in updates ("at least 3" at 10:23, "10" six hours later): the timeline
tells them from contradictions (``story/timeline.py`` says how). Opened with ``t``, at the fact under
the cursor; ``enter`` on a version returns where to jump.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ...story.analysis import Story
from ...story.timeline import FactTimeline, figure_text, story_timelines, timeline_entries

from ..jump import JumpTarget
from .dialogs import Modal
from .inspector import safe_text

NO_TIMELINE = ("No fact is given by two reports whose publication times are known. A report's time comes "
               "from its dateline, its manifest's date or its page's metadata.")
_TIME_WIDTH = 30
"""Wide enough for "27 Nov 2005 08:20 -05:00", and for most facts' labels, which share the column."""
_REPORT_WIDTH = 24
_FIGURE_WIDTH = 28


class TimelineScreen(Modal[JumpTarget | None]):
    """Every fact that two timed reports give, its versions in order; ``enter`` jumps, ``escape`` closes."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
    ]
    COMPONENT_CLASSES = {"timeline--fact", "timeline--update", "timeline--contradiction", "timeline--time"}

    def __init__(self, story: Story, fact_id: str | None = None) -> None:
        super().__init__()
        self.story = story
        self.fact_id = fact_id
        self.timelines = story_timelines(story)
        self.targets: dict[str, JumpTarget] = {}
        """Row key -> where ``enter`` on that row jumps (fact rows jump to the fact's first version)."""

    def compose(self) -> ComposeResult:
        updates = sum(len(timeline.updates) for timeline in self.timelines)
        if self.timelines:
            count = len(self.timelines)
            title = (f"How the facts changed: {count} fact{'s' * (count != 1)} told by reports of known times, "
                     f"{updates} update{'s' * (updates != 1)} (↑ ↓), ≠ a contradiction within the hour")
        else:
            title = NO_TIMELINE
        with Vertical(classes="modal-frame"):
            yield Static(title, classes="modal-title " + ("-agree" if self.timelines else "-alone"))
            table = DataTable(cursor_type="row", id="timeline-table")
            table.display = bool(self.timelines)  # no header row over nothing
            yield table
            yield Static("enter: jump to this version · escape: close" if self.timelines else "escape: close",
                         classes="modal-keys")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for header, width in (("fact · published", _TIME_WIDTH), ("report", _REPORT_WIDTH), ("version", _FIGURE_WIDTH),
                              ("change", None)):
            table.add_column(header, width=width)
        opened = 0
        for timeline in self.timelines:
            if timeline.cluster.id == self.fact_id:
                opened = table.row_count
            self._add_fact(table, timeline)
        table.move_cursor(row=opened, animate=False)
        table.focus()

    def _add_fact(self, table: DataTable, timeline: FactTimeline) -> None:
        cluster = timeline.cluster
        status = "≠ CONFLICT" if cluster.status == "conflict" else "= AGREE"
        label = safe_text(cluster.label, _TIME_WIDTH, self._style("fact"))
        count = len(timeline.updates)
        table.add_row(label, Text(""), Text(status, style=self._style("fact")),
                      Text(f"{count} update{'s' * (count != 1)}" if count else ""), key=cluster.id)
        for when, report, claim, change in timeline_entries(timeline):
            key = f"{cluster.id}:{claim.id}"
            self.targets[key] = JumpTarget(claim.doc, claim.sentence, claim.id)
            self.targets.setdefault(cluster.id, self.targets[key])
            shown = Text("")
            if change is not None:
                shown = safe_text(change.describe(), style=self._style(change.kind))
            table.add_row(Text(when, style=self._style("time")), safe_text(report, _REPORT_WIDTH),
                          safe_text(figure_text(claim), _FIGURE_WIDTH), shown, key=key)

    def _style(self, component: str):
        return self.get_component_rich_style(f"timeline--{component}", partial=True)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(self.targets.get(event.row_key.value))

    def action_close(self) -> None:
        self.dismiss(None)
