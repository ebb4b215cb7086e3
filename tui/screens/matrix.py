"""The claims matrix: facts by report, so blind spots, outliers and copied reports show at a glance.

Rows are the facts two or more reports state, columns the reports; a blank cell is a report that
says nothing of that fact. ``enter`` on a cell returns where to jump; ``escape`` closes.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import work
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
_FIRST_ROWS, _MORE_ROWS = 60, 200
"""Rows added before the first frame, and after each frame until all are there."""
SMALL_STORY_CLAIMS = 3000
"""Up to this many claims the comparisons take a few milliseconds and are made before the first frame;
beyond, in a thread, while the screen says what it is doing."""
MAX_REPORTS = 30
"""The most report columns the matrix shows: a wider table cannot be read, and a thousand columns
take seconds to build. It starts at the focused report."""


class ClaimsMatrix(Modal[JumpTarget | None]):
    """Facts by report with conflicts flagged; ``enter`` on a cell jumps to that report's version."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
        Binding("f", "only_conflicts", "Conflicts only"),
    ]
    COMPONENT_CLASSES = {
        "claims-matrix--conflict", "claims-matrix--agree", "claims-matrix--outlier",
        "claims-matrix--copy", "claims-matrix--label",
    }

    def __init__(self, story: Story, first_report: str | None = None) -> None:
        super().__init__()
        self.story = story
        self.reports = _shown_reports(story, first_report)
        self.facts: list[FactRow] = []
        self.copies: dict[str, tuple[str, float]] = {}
        self._outliers: dict[str, set[str]] = {}
        self._short = report_names(story.documents)
        self._facts_by_id: dict[str, FactRow] = {}
        self.only_conflicts = False
        """``f``: only the facts whose versions conflict are shown."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-frame"):
            yield Static(f"Listing the facts of {len(self.story.documents)} reports…", classes="modal-title",
                         id="matrix-title")
            yield DataTable(cursor_type="cell", id="matrix-table", fixed_columns=_FIRST_REPORT_COLUMN)
            yield Static("enter: jump to this report's version · f: conflicts only / all · blank: the report is silent"
                         " · escape: close", classes="modal-keys")

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        if len(self.story.claims) <= SMALL_STORY_CLAIMS:
            self._show(*self._compare())
        else:
            self.call_after_refresh(self._compare_in_background)  # after the first frame: the GIL is shared

    @work(thread=True, exit_on_error=False)
    def _compare_in_background(self) -> None:
        """A big story's comparisons take seconds: the screen says what it is doing meanwhile."""
        self.app.call_from_thread(self._show, *self._compare())

    def _compare(self) -> tuple[list[FactRow], dict[str, tuple[str, float]], dict[str, set[str]]]:
        """The facts the shown reports tell, the near-copies, and each fact's outliers (UI-free work)."""
        shown = {d.id for d in self.reports}
        facts = [f for f in fact_matrix(self.story) if shown.intersection(f.cells)]
        rates = self.story.currency_rates()
        outliers = {f.cluster_id: outlier_claims([c for cell in f.cells.values() for c in cell], rates) for f in facts}
        return facts, near_copies(self.story), outliers

    def _show(self, facts: list[FactRow], copies: dict[str, tuple[str, float]],
              outliers: dict[str, set[str]]) -> None:
        self.facts, self.copies, self._outliers = facts, copies, outliers
        self._facts_by_id = {fact.cluster_id: fact for fact in facts}
        conflicts = sum(fact.is_conflict for fact in facts)
        if facts:
            title = f"Facts by report: {len(facts)} facts, {conflicts} conflicting (≠)"
        else:
            title = "No fact is reported by more than one report."
        if len(self.reports) < len(self.story.documents):
            title += (f" · {len(self.reports)} of {len(self.story.documents)} reports, from the focused one"
                      " (focus another report to start there)")
        self.query_one("#matrix-title", Static).update(title)
        self.query_one("#matrix-title").set_classes("modal-title " + ("-conflict" if conflicts else "-agree"))
        table = self.query_one(DataTable)
        self._fill_table(table)
        if table.row_count:
            table.cursor_coordinate = Coordinate(0, _FIRST_REPORT_COLUMN)

    def action_only_conflicts(self) -> None:
        self.only_conflicts = not self.only_conflicts
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self._fill_table(table)
        if table.row_count:
            table.cursor_coordinate = Coordinate(0, _FIRST_REPORT_COLUMN)
        shown = len(self._shown_facts())
        self.notify(f"{shown} conflicting facts shown; f shows all." if self.only_conflicts
                    else f"All {shown} facts shown.", timeout=3, markup=False)

    def _shown_facts(self) -> list[FactRow]:
        return [f for f in self.facts if f.is_conflict] if self.only_conflicts else self.facts

    def _fill_table(self, table: DataTable) -> None:
        """The columns, sized to every cell, then the rows: the first screenful before the next frame,
        the rest after it, a batch a frame."""
        rows = []
        facts = self._shown_facts()
        for fact in facts:
            outliers = self._outliers[fact.cluster_id]
            rows.append([self._cell(fact.cells.get(doc.id, []), outliers) for doc in self.reports])
        table.add_column("", key="mark")
        table.add_column("fact", key="fact")
        for column, doc in enumerate(self.reports):
            widest = max([cells[column].cell_len for cells in rows], default=0)
            table.add_column(self._header(doc.id, widest), key=doc.id)
        label_style = self._style("label")
        conflict = Text("≠", style=self._style("conflict"))
        agree = Text("=", style=self._style("agree"))
        lines = [(fact.cluster_id, [conflict if fact.is_conflict else agree,
                                    safe_text(fact.label, _LABEL_WIDTH, label_style), *cells])
                 for fact, cells in zip(facts, rows)]
        if self.copies and not self.only_conflicts:
            copy_style = self._style("copy")
            cells = []
            for doc in self.reports:
                other, fraction = self.copies.get(doc.id, (None, 0.0))
                cells.append(safe_text(f"copy of {self._short[other]} ({fraction:.0%})", style=copy_style)
                             if other else Text(""))
            lines.append((COPIES_ROW, [Text(""), Text("near copy of", style=label_style), *cells]))
        self._add_rows(table, lines, 0, _FIRST_ROWS)

    def _add_rows(self, table: DataTable, lines: list, start: int, count: int) -> None:
        if table.row_count != start:
            return  # filled again since (f)
        for key, cells in lines[start:start + count]:
            table.add_row(*cells, key=key)
        if start + count < len(lines):
            self.call_after_refresh(self._add_rows, table, lines, start + count, _MORE_ROWS)

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
