"""The claims matrix: facts by report, so blind spots, outliers and copied reports show at a glance.

Rows are the facts two or more reports state, columns the reports; a blank cell is a report that
says nothing of that fact. ``enter`` on a cell returns where to jump; ``escape`` closes.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from ...story.analysis import Story
from ...story.claims import Claim
from ...story.compare import FactRow, fact_matrix, near_copies, outlier_claims
from ...story.naming import report_names

from ..jump import JumpTarget
from .dialogs import Modal
from .inspector import safe_text

SILENT_REPORT = "This report says nothing of this fact."
COPIES_ROW = "near-copies"
"""Row key of the last row, which says which report retells which."""
_LABEL_WIDTH = 30
_QUOTE_WIDTH = 24
_HEADER_MIN_WIDTH = 14
"""A report's header is cut to this width, or to its column's where that is wider."""
_FIRST_REPORT_COLUMN = 2
MAX_REPORTS = 30
"""The most report columns the matrix shows: a wider table cannot be read, and a thousand columns
take seconds to build. It starts at the focused report."""


class ClaimsMatrix(Modal[JumpTarget | None]):
    """Facts by report with conflicts flagged; ``enter`` on a cell jumps to that report's version."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
    ]
    COMPONENT_CLASSES = {
        "claims-matrix--conflict", "claims-matrix--agree", "claims-matrix--outlier",
        "claims-matrix--copy", "claims-matrix--label",
    }

    def __init__(self, story: Story, first_report: str | None = None) -> None:
        super().__init__()
        self.story = story
        self.reports = _shown_reports(story, first_report)
        shown = {d.id for d in self.reports}
        self.facts: list[FactRow] = [f for f in fact_matrix(story) if shown.intersection(f.cells)]
        self.copies = near_copies(story)
        self._short = report_names(story.documents)
        self._facts_by_id = {fact.cluster_id: fact for fact in self.facts}

    def compose(self) -> ComposeResult:
        conflicts = sum(fact.is_conflict for fact in self.facts)
        if self.facts:
            title = f"Facts by report: {len(self.facts)} facts, {conflicts} conflicting (≠)"
        else:
            title = "No fact is reported by more than one report."
        if len(self.reports) < len(self.story.documents):
            title += (f" · {len(self.reports)} of {len(self.story.documents)} reports, from the focused one"
                      " (focus another report to start there)")
        with Vertical(classes="modal-frame"):
            yield Static(title, classes="modal-title " + ("-conflict" if conflicts else "-agree"))
            yield DataTable(cursor_type="cell", id="matrix-table")
            yield Static("enter: jump to this report's version · blank: the report is silent · escape: close",
                         classes="modal-keys")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._fill_table(table)
        if table.row_count:
            table.cursor_coordinate = Coordinate(0, _FIRST_REPORT_COLUMN)
        table.focus()

    def _fill_table(self, table: DataTable) -> None:
        rows = []
        for fact in self.facts:
            outliers = outlier_claims([claim for cell in fact.cells.values() for claim in cell])
            rows.append([self._cell(fact.cells.get(doc.id, []), outliers) for doc in self.reports])
        table.add_column("", key="mark")
        table.add_column("fact", key="fact")
        for column, doc in enumerate(self.reports):
            widest = max([cells[column].cell_len for cells in rows], default=0)
            table.add_column(self._header(doc.id, widest), key=doc.id)
        label_style = self._style("label")
        for fact, cells in zip(self.facts, rows):
            mark = Text("≠", style=self._style("conflict")) if fact.is_conflict else Text("=", style=self._style("agree"))
            table.add_row(mark, safe_text(fact.label, _LABEL_WIDTH, label_style), *cells, key=fact.cluster_id)
        if self.copies:
            copy_style = self._style("copy")
            cells = []
            for doc in self.reports:
                other, fraction = self.copies.get(doc.id, (None, 0.0))
                cells.append(safe_text(f"copy of {self._short[other]} ({fraction:.0%})", style=copy_style)
                             if other else Text(""))
            table.add_row(Text(""), Text("near copy of", style=label_style), *cells, key=COPIES_ROW)

    def _header(self, doc_id: str, widest_cell: int) -> Text:
        """The report's outlet (its short id where none is known), cut to its column's width."""
        return safe_text(self._short[doc_id], max(widest_cell, _HEADER_MIN_WIDTH))

    def _cell(self, claims: list[Claim], outliers: set[str]) -> Text:
        """The report's versions of the fact, in text order; the same wording repeated shows once, ×N."""
        outlier_style = self._style("outlier")
        wordings: dict[str, list[Claim]] = {}
        for claim in claims:
            wordings.setdefault(" ".join(claim.text.lower().split()), []).append(claim)
        cell = Text()
        for number, same in enumerate(wordings.values()):
            if number:
                cell.append(" · ")
            width = _QUOTE_WIDTH if same[0].kind == "quote" else None
            cell.append_text(safe_text(same[0].text, width, outlier_style if same[0].id in outliers else ""))
            if len(same) > 1:
                cell.append(f" ×{len(same)}")
        return cell

    def _style(self, component: str) -> Style:
        """Only what screens.tcss sets for ``claims-matrix--<component>``, so the cursor still shows."""
        return self.get_component_rich_style(f"claims-matrix--{component}", partial=True)

    def claims_at(self, row_key: str, column_key: str) -> list[Claim]:
        """The claims behind a cell: none for the mark and label columns, the copies row or a silent report."""
        fact = self._facts_by_id.get(row_key)
        return fact.cells.get(column_key, []) if fact else []

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        row_key, column_key = event.cell_key.row_key.value, event.cell_key.column_key.value
        claims = self.claims_at(row_key, column_key)
        if claims:
            first = claims[0]
            self.dismiss(JumpTarget(first.doc, first.sentence, first.id))
        elif column_key in ("mark", "fact"):
            self.notify("Move right, to a report's column, to jump to its version.", markup=False)
        elif row_key == COPIES_ROW and column_key in self.copies:
            other, fraction = self.copies[column_key]
            self.notify(f"{fraction:.0%} of the sentences of {self._short[column_key]} "
                        f"retell sentences of {self._short[other]}.", markup=False)
        else:
            self.notify(SILENT_REPORT, markup=False)

    def action_close(self) -> None:
        self.dismiss(None)


def _shown_reports(story: Story, first_report: str | None) -> list:
    """All the reports, or ``MAX_REPORTS`` of them in pane order from ``first_report`` on."""
    documents = story.documents
    if len(documents) <= MAX_REPORTS:
        return documents
    start = next((n for n, d in enumerate(documents) if d.id == first_report), 0)
    return (documents[start:] + documents[:start])[:MAX_REPORTS]
