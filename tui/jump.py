"""Where the reader asks to go: what modal screens return when the reader picks a row or cell."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class JumpTarget:
    """A sentence of a report, and optionally the claim in it to select."""

    doc: str
    sentence: int
    claim: str | None = None

    def at(self) -> tuple[str, int, str | None]:
        """Report, sentence and claim: what ``anchor_in`` takes."""
        return self.doc, self.sentence, self.claim
