"""Where a session's reports were found when they were not at their recorded paths, told in one note.

A session moved away from its reports (``--embed``, or a folder reorganised) misses every report at
once: one note per report would bury the reader in notifications, so they are gathered here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .wording import counted

_NAMED = 3
"""Reports named in each part of the note; the rest are counted."""


@dataclass
class Whereabouts:
    """The reports of one session that were not at their recorded paths, by what was done instead."""

    found: list[tuple[str, Path]] = field(default_factory=list)
    """Report id and where the same text was found near the session."""
    embedded: list[str] = field(default_factory=list)
    """Report ids read from the copy embedded in the session."""
    missing: list[str] = field(default_factory=list)
    """Report ids found nowhere: their notes are kept as orphans."""

    def note(self, session_path: Path | str) -> str | None:
        """One sentence for all of them, or None when every report was where the session said."""
        total = len(self.found) + len(self.embedded) + len(self.missing)
        if not total:
            return None
        parts = []
        if self.found:
            parts.append(f"{len(self.found)} found elsewhere by {'its' if len(self.found) == 1 else 'their'} text "
                         f"({_some([f'{report} at {path}' for report, path in self.found])})")
        if self.embedded:
            parts.append(f"{len(self.embedded)} read from the copies embedded in the session "
                         f"({_some(self.embedded)})")
        if self.missing:
            parts.append(f"{len(self.missing)} missing, {'its' if len(self.missing) == 1 else 'their'} notes "
                         f"kept as orphans ({_some(self.missing)})")
        were = "was" if total == 1 else "were"
        return f"{session_path}: {counted(total, 'report')} {were} not at the recorded path: {'; '.join(parts)}."


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:_NAMED])
    return shown if len(names) <= _NAMED else f"{shown} and {len(names) - _NAMED} more"
