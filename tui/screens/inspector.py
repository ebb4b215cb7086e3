"""The claim inspector: every version of one fact across the reports, so the reader can weigh them.

Opened with ``enter`` on a claim; ``enter`` on a row returns where to jump. A claim that no other
report states is shown with the sentences linked to its own, so the reader still sees the retellings.
Colours come from component classes and screens.tcss; report text is made printable and put in
``Text`` objects, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from rich.cells import cell_len
from rich.style import Style, StyleType
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from ...highlighters.safety import printable
from ...story.analysis import Story
from ...story.claims import Claim
from ...story.compare import outlier_claims
from ...story.hedges import HEDGES
from ...story.naming import short_ids
from ...story.timeline import FactTimeline, fact_timeline, timeline_entries

from ..jump import JumpTarget
from ..widgets.word_diff_panel import WordDiffPanel
from .dialogs import Modal

_CLAIM_WIDTH = 34
_SOURCE_WIDTH = 24
_OUTLET_WIDTH = 16
_FRAME_CHROME = 10
"""Cells the frame takes around the table (margin, border, padding, scrollbar): keep in step with screens.tcss."""
_MIN_SENTENCE_WIDTH = 20
_FIRST_ROWS, _MORE_ROWS = 60, 200
"""Rows added before the first frame, and after each frame until all are there."""
_VERDICT_MARKS = {"confirmed": "✓", "rejected": "✗", "other-event": "⊘", "manual": "⇄"}


def safe_text(text: str, width: int | None = None, style: StyleType = "") -> Text:
    """Untrusted report text as one printable line, cut with an ellipsis to ``width`` cells."""
    if width is not None:
        text = text[:width * 4 + 8]  # no more than can show: a long sentence is not made printable whole
    line = Text(printable(" ".join(text.split())), style=style, no_wrap=True, end="")
    if width is not None and cell_len(line.plain) > width:
        line.truncate(width, overflow="ellipsis")
    return line


_NARROWABLE = {"report", "hedge", "source", "speaker", "published"}
"""Columns cut on a narrow terminal; never the figure or quotation itself ("almost 10…" would mislead)."""


def narrowed(widths: list[int], may_narrow: list[bool], room: int, least: int = 6) -> list[int]:
    """Column widths cut, the widest first, until they fit ``room`` (none below ``least``): on a
    narrow terminal the sentence column stays on screen, the other cells cut with an ellipsis."""
    widths = list(widths)
    while sum(widths) > room:
        narrowable = [n for n, width in enumerate(widths) if may_narrow[n] and width > least]
        if not narrowable:
            break
        widths[max(narrowable, key=widths.__getitem__)] -= 1
    return widths


class VerdictBook(Protocol):
    """Where the reader's verdicts on links and versions are kept (the reader screen's session)."""

    def verdict(self, source: JumpTarget, target: JumpTarget) -> str | None: ...

    def judge(self, source: JumpTarget, target: JumpTarget, verdict: str) -> None: ...

    def version_verdicts(self, fact: list[JumpTarget]) -> dict[str, str]:
        """Claim id -> the verdict on that version of the fact."""

    def judge_version(self, fact: list[JumpTarget], version: JumpTarget, verdict: str) -> None:
        """Judge one version of a fact; the story's facts change before it returns."""


class ClaimInspector(Modal[JumpTarget | None]):
    """Every version of a claim's fact, one row per claim; ``enter`` jumps, ``escape`` closes."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
        Binding("y", "judge('confirmed')", "Confirm"),
        Binding("x", "judge('rejected')", "Reject"),
        Binding("e", "judge('other-event')", "Another event"),
        Binding("d", "diff", "Word diff"),
    ]
    COMPONENT_CLASSES = {
        "claim-inspector--outlier", "claim-inspector--report", "claim-inspector--hedge",
        "claim-inspector--source", "claim-inspector--score", "claim-inspector--change",
        "claim-inspector--taken-out",
    }

    def __init__(self, story: Story, claim_id: str, verdicts: VerdictBook | None = None,
                 linked: Callable[[str, int], Iterable[tuple[tuple[str, int], float]]] | None = None) -> None:
        super().__init__()
        self.story = story
        self.verdicts = verdicts
        self.linked = linked or self._scan_links
        """The sentences linked to a sentence, with their scores: the navigator's index, when there is one."""
        self.claim = story.claim(claim_id)
        left = story.judged.taken_out.get(claim_id) if story.judged else None
        fact = left[1] if left else self.claim.cluster
        self.cluster = next((k for k in story.clusters if k.id == fact), None)
        """The fact the opened claim is a version of, or was until the reader took it out."""
        self.targets: dict[str, JumpTarget] = {}
        """Row key -> where ``enter`` on that row jumps."""
        self._short = short_ids([d.id for d in story.documents])
        self._filled_width = 0
        self.timeline: FactTimeline | None = None
        """The fact's versions in publication order, when its reports' times are known (else None):
        worked out with the rows."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-frame"):
            yield Static(self._title(), classes=f"modal-title {self._title_class()}", id="inspector-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="inspector-table")
            yield WordDiffPanel(id="inspector-diff")
            keys = ("enter: jump to this version · y / x / e: confirm / reject it / another event (again: undo)"
                    " · d: word diff · escape: close")
            yield Static(keys if self.verdicts else "enter: jump to this version · d: word diff · escape: close",
                         classes="modal-keys")

    def _title(self) -> Text:
        if self.cluster is None:
            title = Text("Not stated by another report: ")
            title.append_text(safe_text(self.claim.text, _CLAIM_WIDTH))
            return title.append(" · sentences that tell the same")
        title = safe_text(self.cluster.label)
        mark = "  ≠ CONFLICT" if self.cluster.status == "conflict" else "  = AGREE"
        return title.append(mark)

    def _title_class(self) -> str:
        if self.cluster is None:
            return "-alone"
        return "-conflict" if self.cluster.status == "conflict" else "-agree"

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.focus()
        if self.cluster is not None and len(self.cluster.claims) > _FIRST_ROWS:
            table.loading = True  # a fact of a thousand reports: the frame at once, its rows after it
            self.call_after_refresh(lambda: self._fill_table(self.app.size.width))
        else:
            self._fill_table(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        if self._filled_width and event.size.width != self._filled_width:  # not before the first fill
            self._fill_table(event.size.width)

    def _fill_table(self, screen_width: int) -> None:
        """(Re)build the rows, giving the sentence whatever width the other columns leave."""
        self._filled_width = screen_width
        self.timeline = self._timeline()
        rows = self._cluster_rows() if self.cluster else self._linked_rows()
        headers = self._headers()
        table = self.query_one(DataTable)
        cursor_row = table.cursor_row if table.row_count else self._opened_row(rows)
        table.clear(columns=True)
        fixed = [max([cell_len(header)] + [cells[i].cell_len for _, cells, _ in rows])
                 for i, header in enumerate(headers)]
        chrome = 2 * table.cell_padding * (len(headers) + 1) + _FRAME_CHROME
        fixed = narrowed(fixed, [h in _NARROWABLE for h in headers], screen_width - chrome - _MIN_SENTENCE_WIDTH)
        for _, cells, _ in rows:
            for i, width in enumerate(fixed):
                if cells[i].cell_len > width:
                    cells[i] = cells[i].copy()
                    cells[i].truncate(width, overflow="ellipsis")
        sentence_width = max(_MIN_SENTENCE_WIDTH, screen_width - chrome - sum(fixed))
        for header, width in zip(headers, fixed):
            table.add_column(header, width=width)
        table.add_column("sentence", width=sentence_width)
        table.loading = False
        self.targets = {key: target for key, _, target in rows}
        self._filling = (rows, sentence_width, cursor_row)
        self._add_rows(0, _FIRST_ROWS)

    def _add_rows(self, start: int, count: int) -> None:
        """Rows ``start`` to ``start + count``, then the next ones after the frame: a fact of a thousand
        reports opens with its first screenful, and the rest follow while the reader looks at it."""
        rows, sentence_width, cursor_row = self._filling
        table = self.query_one(DataTable)
        if table.row_count != start:
            return  # the table was filled again since
        for key, cells, target in rows[start:start + count]:
            table.add_row(*cells, self._sentence_cell(target, sentence_width), key=key)
        if start <= cursor_row < start + count:
            table.move_cursor(row=cursor_row, animate=False)
        if start + count < len(rows):
            self.call_after_refresh(self._add_rows, start + count, _MORE_ROWS)

    def _sentence_cell(self, target: JumpTarget, width: int) -> Text:
        """The sentence, or the part of it around the claim when it is too long to show whole."""
        document = self.story.document(target.doc)
        start, end = document.sentences[target.sentence]
        if target.claim is not None and end - start > width:
            around = max(start, self.story.claim(target.claim).start - width // 3)
            around = document.text.rfind(" ", start, around) + 1 or start
            if around > start:
                return Text("…").append_text(safe_text(document.text[around:end], width - 1))
        return safe_text(document.text[start:end], width)

    def _timeline(self) -> FactTimeline | None:
        if self.cluster is None or not any(self.story.document(self.story.claim(c).doc).published
                                           for c in self.cluster.claims):
            return None
        return fact_timeline(self.story, self.cluster)

    def _headers(self) -> list[str]:
        if self.cluster is None:
            return ["", "", "report", "claim", "hedge", "source", "score"]
        said_by = "speaker" if self.cluster.kind == "quote" else "source"
        headers = ["", "", "report", "quotation" if self.cluster.kind == "quote" else "figure", "hedge", said_by]
        return headers + ["published", "change"] if self.timeline else headers

    def _verdict_cell(self, target: JumpTarget, on_versions: dict[str, str] | None = None) -> Text:
        """✓ confirmed, ✗ taken out, ⊘ another event (``on_versions``: the verdicts on the fact's
        versions), ⇄ a link drawn by hand (for a sentence linked to the opened claim's)."""
        if self.verdicts is None:
            return Text("")
        verdict = on_versions.get(target.claim) if on_versions is not None else self.verdicts.verdict(self._opened, target)
        return Text(_VERDICT_MARKS.get(verdict or "", ""))

    @property
    def _opened(self) -> JumpTarget:
        return JumpTarget(self.claim.doc, self.claim.sentence, self.claim.id)

    def _versions(self) -> list[JumpTarget]:
        """The fact's versions, the opened claim first (what a verdict judges a version against),
        those the reader took out included."""
        ids = [self.claim.id] + [c for c in self.cluster.claims + self._taken_out() if c != self.claim.id]
        return [JumpTarget(c.doc, c.sentence, c.id) for c in map(self.story.claim, ids)]

    def _taken_out(self) -> list[str]:
        return self.story.judged.out_of(self.cluster.id) if self.story.judged and self.cluster else []

    def action_judge(self, verdict: str) -> None:
        """Judge the version under the cursor (``x`` takes it out of the fact, ``e`` makes it a fact
        of its own, ``y`` confirms it); with no fact, the link of the sentence under the cursor."""
        if self.verdicts is None:
            return
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        target = self.targets[key]
        if self.cluster is not None and target.claim is not None:
            self.verdicts.judge_version(self._versions(), target, verdict)
        elif verdict == "other-event":
            self.notify("Another event is said of a version of a fact; this claim is in none.", timeout=3)
            return
        elif target.doc == self.claim.doc:
            self.notify("Links join two reports: pick a row of another report.", timeout=3)
            return
        else:
            self.verdicts.judge(self._opened, target, verdict)
        self.query_one("#inspector-title", Static).update(self._title())
        self.query_one("#inspector-title").set_classes(f"modal-title {self._title_class()}")
        self._fill_table(self._filled_width)
        table.move_cursor(row=table.get_row_index(key), animate=False)  # on the judged version, wherever it went

    def _opened_row(self, rows: list[tuple[str, list[Text], JumpTarget]]) -> int:
        return next((n for n, (key, _, _) in enumerate(rows) if key == self.claim.id), 0)

    def _cluster_rows(self) -> list[tuple[str, list[Text], JumpTarget]]:
        """One row per version; in publication order with each one's time and change, when times are known."""
        if self.timeline:
            entries = [(claim, when, change) for when, _, claim, change in timeline_entries(self.timeline)]
        else:
            entries = [(self.story.claim(claim_id), None, None) for claim_id in self.cluster.claims]
        entries += [(self.story.claim(claim_id), None, None) for claim_id in self._taken_out()]
        outliers = outlier_claims([claim for claim, _, _ in entries if claim.cluster == self.cluster.id],
                                  self.story.currency_rates())
        outlier_style, out_style = self._style("outlier"), self._style("taken-out")
        on_versions = self.verdicts.version_verdicts(self._versions()) if self.verdicts else {}
        rows = []
        for claim, when, change in entries:
            taken_out = claim.cluster != self.cluster.id
            mark = Text("≠", style=outlier_style) if claim.id in outliers else Text("")
            style = out_style if taken_out else outlier_style if claim.id in outliers else ""
            figure = safe_text(claim.text, _CLAIM_WIDTH, style)
            target = JumpTarget(claim.doc, claim.sentence, claim.id)
            cells = [self._verdict_cell(target, on_versions), mark, self._report_cell(claim.doc), figure,
                     *self._about(claim)]
            if self.timeline:
                cells += [Text(when or ""), Text(change.describe() if change else "", style=self._style("change"))]
            rows.append((claim.id, cells, target))
        return rows

    def _linked_rows(self) -> list[tuple[str, list[Text], JumpTarget]]:
        """The claim alone, then each sentence of another report linked to its sentence, best first."""
        claim = self.claim
        blank = Text("")
        rows = [(claim.id, [blank, blank, self._report_cell(claim.doc), safe_text(claim.text, _CLAIM_WIDTH),
                            *self._about(claim), blank],
                 JumpTarget(claim.doc, claim.sentence, claim.id))]
        score_style = self._style("score")
        links = list(self.linked(claim.doc, claim.sentence))
        for (doc, sentence), score in sorted(links, key=lambda link: -link[1]):
            target = JumpTarget(doc, sentence, None)
            rows.append((f"{doc}:{sentence}",
                         [self._verdict_cell(target), blank, self._report_cell(doc), blank, blank, blank,
                          Text(f"{score:.2f}", style=score_style)],
                         target))
        return rows

    def _scan_links(self, doc: str, sentence: int) -> list[tuple[tuple[str, int], float]]:
        return [(target, score) for source, target, score, _ in self.story.sentence_links if source == (doc, sentence)]

    def _report_cell(self, doc_id: str) -> Text:
        cell = safe_text(self._short[doc_id], style=self._style("report"))
        outlet = self.story.document(doc_id).outlet
        if outlet:
            cell.append(" ").append_text(safe_text(outlet, _OUTLET_WIDTH))
        return cell

    def _about(self, claim: Claim) -> list[Text]:
        """The hedge in words, and who the claim is attributed to."""
        hedge = HEDGES[claim.qualifier].words if claim.kind == "number" and claim.qualifier else ""
        said_by = claim.speaker if claim.kind == "quote" else claim.source
        return [Text(hedge, style=self._style("hedge")),
                safe_text(said_by or "", _SOURCE_WIDTH, self._style("source"))]

    def _style(self, component: str) -> Style:
        """Only what screens.tcss sets for ``claim-inspector--<component>``, so the cursor row still shows."""
        return self.get_component_rich_style(f"claim-inspector--{component}", partial=True)

    def action_diff(self) -> None:
        """The sentence of the version under the cursor against the reading cursor's, word by word."""
        panel = self.query_one(WordDiffPanel)
        if panel.shown:
            panel.hide()
        else:
            self._show_diff()

    def on_data_table_row_highlighted(self) -> None:
        if self.is_mounted and self.query_one(WordDiffPanel).shown:
            self._show_diff()

    def _show_diff(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        target = self.targets[table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value]
        self.query_one(WordDiffPanel).show(self._short[self.claim.doc], self._sentence(self._opened),
                                           self._short[target.doc], self._sentence(target))

    def _sentence(self, target: JumpTarget) -> str:
        start, end = self.story.document(target.doc).sentences[target.sentence]
        return self.story.document(target.doc).text[start:end]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(self.targets[event.row_key.value])

    def action_close(self) -> None:
        self.dismiss(None)
