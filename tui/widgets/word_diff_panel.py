"""Two versions of a sentence, word by word: what the other report adds (underlined) and drops
(struck through). Report text is untrusted: made printable and put in ``Text``, never markup."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...highlighters.safety import printable
from ...story.word_diff import diff_counts, word_diff


class WordDiffPanel(Static):
    """Hidden until shown; ``show`` again with the same pair hides it."""

    DEFAULT_CSS = """
    WordDiffPanel { display: none; height: auto; max-height: 8; padding: 1 0 0 0; }
    WordDiffPanel.-shown { display: block; }
    """
    COMPONENT_CLASSES = {"word-diff-panel--added", "word-diff-panel--dropped", "word-diff-panel--label"}

    def show(self, base_label: str, base: str, other_label: str, other: str) -> None:
        pieces = word_diff(base, other)
        added, dropped = diff_counts(pieces)
        line = Text(printable(f"{other_label} against {base_label}: +{added} −{dropped} words  "),
                    style=self._style("label"))
        for piece in pieces:
            style = self._style(piece.change) if piece.change != "same" else ""
            line.append(printable(piece.text), style=style)
            line.append(" ")
        self.update(line)
        self.add_class("-shown")

    def hide(self) -> None:
        self.remove_class("-shown")

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    def _style(self, component: str):
        return self.get_component_rich_style(f"word-diff-panel--{component}", partial=True)
