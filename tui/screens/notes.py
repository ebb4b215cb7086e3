"""Notes: the editor for one sentence's note, and the list of every note and mark of the story."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Static, TextArea

from ...highlighters.safety import editable, printable
from ...story.analysis import Story
from ...story.annotations import TAGS, Session

from ..jump import JumpTarget
from .dialogs import ControlPictures, Modal


@dataclass(frozen=True, slots=True)
class NoteEdit:
    """What the editor returns: the note's text and tags (both empty: remove the note)."""

    note: str
    tags: list[str]


def parse_tags(text: str) -> list[str]:
    """Tags as typed: separated by commas or spaces, lower-cased, each once, in order."""
    words = [w.strip().lower().lstrip("#") for w in text.replace(",", " ").split()]
    return list(dict.fromkeys(w for w in words if w))


class NoteEditor(Modal[NoteEdit | None]):
    """A note on one sentence: several lines of text and tags. ``ctrl+s`` keeps it, ``escape`` discards."""

    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep note", priority=True),
        Binding("escape", "discard", "Discard", priority=True),
    ]

    def __init__(self, sentence: str, note: str = "", tags: list[str] | None = None) -> None:
        super().__init__()
        self.sentence = sentence
        self.note = note
        self.tags = tags or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-frame", id="note-editor"):
            yield Static(Text("Note on: ").append(printable(self.sentence)), classes="modal-title")
            yield TextArea(editable(self.note), id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Input(", ".join(self.tags), placeholder=f"tags: {', '.join(TAGS)}, or your own",
                        id="note-tags", highlighter=ControlPictures())
            yield Static("ctrl+s: keep · escape: discard · tab: tags · an empty note and no tags removes it",
                         classes="modal-keys")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_keep(self) -> None:
        text = self.query_one(TextArea).text
        note = self.note if text == editable(self.note) else text.strip("\n")  # kept as it came
        typed = self.query_one(Input).value
        tags = self.tags if typed == ", ".join(self.tags) else parse_tags(typed)
        self.dismiss(NoteEdit(note, tags))

    def action_discard(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_keep()


class AnnotationList(Modal[JumpTarget | None]):
    """Every note, mark and hand-made link across the reports, orphans included; ``enter`` jumps to one."""

    BINDINGS = [Binding("escape,q,apostrophe", "close", "Close")]

    def __init__(self, session: Session, story: Story) -> None:
        super().__init__()
        self.session = session
        self.story = story
        self.targets: dict[str, JumpTarget | None] = {}

    def compose(self) -> ComposeResult:
        count = len(self.session.annotations) + len(self.session.marks)
        links = f" · hand-made links: {len(self._links())}" if self._links() else ""
        with Vertical(classes="modal-frame"):
            yield Static(f"Notes and marks: {count}{links}", classes="modal-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="annotation-table")
            yield Static("enter: jump there · escape: close · orphans could not be placed in the current text",
                         classes="modal-keys")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "report", "tags", "note", "sentence")
        rows = [("✎", a.id, a.anchor, a.orphan, ", ".join(a.tags), a.note) for a in self.session.annotations]
        rows += [("●", f"mark{n}", m.anchor, m.orphan, "", "") for n, m in enumerate(self.session.marks)]
        rows += [("⇄", f"link{n}", v.target, v.orphan, "", f"linked by hand to {v.source.doc}: {v.source.exact}")
                 for n, v in enumerate(self._links())]
        rows.sort(key=lambda row: (row[3], row[2].doc, row[2].start))
        for glyph, key, anchor, orphan, tags, note in rows:
            first_line = note.splitlines()[0] if note else ""
            table.add_row(Text(glyph if not orphan else "?"), Text(printable(anchor.doc)), Text(printable(tags)),
                          Text(printable(first_line)[:60]), Text(printable(anchor.exact.replace("\n", " "))[:80]),
                          key=key)
            shown = not orphan and anchor.doc in {d.id for d in self.story.documents}
            self.targets[key] = JumpTarget(anchor.doc, self.story.document(anchor.doc).sentence_at(anchor.start)) \
                if shown else None
        table.focus()

    def _links(self) -> list:
        return [v for v in self.session.link_verdicts if v.verdict == "manual"]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        target = self.targets.get(event.row_key.value)
        if target is None:
            self.notify("This one could not be placed in the report's current text.", timeout=3)
            return
        self.dismiss(target)

    def action_close(self) -> None:
        self.dismiss(None)
