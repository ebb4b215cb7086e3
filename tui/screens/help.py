"""Help: every key, and what the colours and marks mean, drawn with the reader's own styles."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from ...highlighters.safety import printable
from ...highlighters.sentences import split_sentences
from ...story.model import Document

from ..commands import READER_COMMANDS, keymap_path
from ..components import CONFLICT, DEATH, FIGURE, INJURY, QUOTE, TIME
from ..layout import DocumentView
from ..widgets.report_pane import ReportPane
from .dialogs import Modal

_LEGEND = [
    ("77", (DEATH,), "deaths: killed, dead, death toll"),
    ("255", (INJURY,), "injuries, and killed-and-injured together"),
    ("15", (FIGURE,), "other counts: detained, buried, displaced, anything counted"),
    ("2015", (TIME,), "dates, times, years and durations"),
    ("“quoted”", (QUOTE,), "a quotation"),
    ("almost 100", (DEATH, CONFLICT), "underlined: its fact is told differently elsewhere"),
    ("4›", (), "in the gutter: this sentence has versions in 4 other reports (4≠: and they conflict)"),
    ("▌", (), "in the gutter: the reading cursor"),
]


def legend_pane() -> ReportPane:
    """A small report whose text is the legend, styled by the same component classes as the reader."""
    lines, runs, offset = [], [], 0
    for sample, classes, meaning in _LEGEND:
        line = f"{sample:<11} {meaning}"
        if classes:
            runs.append((offset, offset + len(sample), classes))
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines)
    document = Document(id="legend", path="", text=text, sentences=split_sentences(text))
    pane = ReportPane(document, DocumentView(runs=runs), reading=False, id="legend")
    pane.can_focus = False
    return pane


_FRAME_CHROME = 8
"""Cells the help frame takes around the keys: border, padding and scrollbar (screens.tcss), and the
table's own scrollbar."""
_CELL_PADDING = 2
"""Cells a DataTable puts around each cell (its ``cell_padding``, one a side)."""


def _shown(path: Path) -> str:
    """A path as a person would write it: under the home folder, with ``~``."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class HelpScreen(Modal[None]):
    """Every key of the reader, from the same command objects the bindings come from."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("Colours and marks", style="bold"))
            yield legend_pane()
            yield Static(Text("Keys", style="bold"))
            yield Static(Text(  # before the table, which may run past the bottom of the screen
                f"Keys can be changed in {printable(_shown(keymap_path()))} (command name: keys, e.g. "
                f"'next-version: ctrl+right'). Press ctrl+p for the command palette, escape to close."
            ))
            table = DataTable(id="keys", show_cursor=False, zebra_stripes=True)
            key_width = max(cell_len(command.key_display) for command in READER_COMMANDS)
            title_width = max(cell_len(command.title) for command in READER_COMMANDS)
            table.add_column("key", width=key_width)
            table.add_column("command", width=title_width)
            table.add_column("what it does", width=self._help_width(key_width + title_width))
            for command in READER_COMMANDS:  # a row as high as its wrapped description: none is cut
                table.add_row(Text(command.key_display), Text(command.title), Text(command.help), height=None)
            yield table

    def _help_width(self, other_columns: int) -> int:
        """What the descriptions have left of the help frame (screens.tcss: 90%, at most 100, with
        border, padding and scrollbar), the other columns and each column's padding taken."""
        frame = min(100, self.app.size.width * 9 // 10) - _FRAME_CHROME
        return max(20, frame - other_columns - 3 * _CELL_PADDING)
