"""The reader's way out to the sources: ``o`` opens a report's address in the browser, ``C`` copies
what the cursor is on with its citation (Textual's ``copy_to_clipboard``: OSC 52, so it reaches the
clipboard of the terminal the reader sits at, over ssh too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget

from ...highlighters.safety import printable

if TYPE_CHECKING:
    from ...story.analysis import Story
    from .report_pane import ReportPane


class Citer(Widget):
    """Opens and copies for the focused report; says what it did, or why it could not."""

    DEFAULT_CSS = "Citer { display: none; }"

    def open_source(self, pane: ReportPane) -> None:
        from ...story.citation import source_url

        url = source_url(pane.document)
        if url is None:
            self.notify("This report has no web address (a manifest's url, the page's canonical link, or an"
                        " address on its first line).", timeout=4, markup=False)
            return
        self.app.open_url(url)
        self.notify(printable(f"Opening {url}"), timeout=3, markup=False)

    def copy(self, pane: ReportPane, story: Story) -> None:
        """The selected figure or quotation, else the cursor's sentence, with its citation."""
        from ...story.citation import citation

        document = pane.document
        if not document.sentences:
            return
        claim = story.claim(pane.selected_claim) if pane.selected_claim else None
        start, end = (claim.start, claim.end) if claim else document.sentences[pane.cursor]
        cited = citation(document, start, end)
        self.app.copy_to_clipboard(cited)
        self.notify(f"Copied: {cited}", timeout=4, markup=False)
