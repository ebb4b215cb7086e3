"""The status bar: the focused report (by its outlet, as its pane title names it), the cursor as
``sentence N/M``, its versions, and modes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from ...highlighters.safety import printable
from ...story.wording import mid_sentence

if TYPE_CHECKING:
    from ...story.claims import Claim
    from ..navigation import Navigator, RunPlace
    from .pane_row import PaneRow


class StatusBar(Static):
    """Always shows where the reader is; report text never reaches it as markup or as controls.

    Ids, claims and sources come from the reports and messages name files, so all of it is made
    printable here, in one place.
    """

    def show_place(self, row: PaneRow, navigator: Navigator, watching: bool) -> None:
        """Where the focused pane's cursor is, its versions and selected claim, and the modes on."""
        pane, search = row.pane, row.search
        modes = [mode for on, mode in ((row.linking, "finding the figures…"), (row.sync, "sync on"),
                                       (row.zoomed, "zoomed"), (watching, "watching")) if on]
        place = row.cycle_place()
        if place:  # the run counts the versions it goes round, in place of this sentence's own
            modes.insert(0, _run_place(place, pane.document.id, pane.cursor, navigator))
        versions = 0 if place else navigator.version_count(pane.document.id, pane.cursor)
        if search and (found := search.where(pane)):
            modes.append(found)
        claim = navigator.story.claim(pane.selected_claim) if pane.selected_claim else None
        self.show(pane.document.outlet or pane.document.id, pane.cursor, pane.sentence_count, versions, modes, claim)

    def show(self, report: str, sentence: int, total: int, versions: int, modes: list[str],
             claim: Claim | None = None) -> None:
        parts = [report, f"sentence {sentence + 1}/{total}" if total else "no sentences"]
        if versions:
            parts.append(f"{versions} version{'s' if versions != 1 else ''} in other reports")
        parts += ([describe(claim)] if claim else []) + modes
        self.message("  │  ".join(parts))

    _said = ""

    def message(self, text: str) -> None:
        """Says ``text``, if it says something else now: a key's move is told twice, once by the key and
        once by the row's ``Moved``, and the second would repaint the row a frame later to no change."""
        if text != self._said:
            self._said = text
            self.update(Text(printable(text)), layout=False)  # one row, whatever it says: no layout a key


def _run_place(place: RunPlace, doc: str, sentence: int, navigator: Navigator) -> str:
    """The run's place ("version 2 of 3"), naming the sentence it started from when the cursor is away
    from it: the sentence shown may have versions of its own that the run does not go round."""
    counted = f"version {place.index} of {place.count}"
    origin = place.origin
    if (origin.doc, origin.sentence) == (doc, sentence):
        return counted
    document = navigator.story.document(origin.doc)
    return f"{counted} of {document.outlet or document.id}'s sentence {origin.sentence + 1}"


def describe(claim: Claim) -> str:
    """The selected claim in words: who said a quotation; a figure's hedge, event and source."""
    if claim.kind == "quote":
        return f"said by {claim.speaker}" if claim.speaker else "speaker not named"
    from ...story.hedges import hedge_words  # a claim is selected once the story is linked, not in the first frame

    hedge = "" if claim.text[:1].isalpha() else hedge_words(claim.qualifier)  # "At least 14" says it
    described = " ".join(w for w in (hedge, " ".join(claim.text.split()), claim.event or "") if w)  # one row
    return described + (f", per {mid_sentence(claim.source)}" if claim.source else "")
