"""Figures of zero written without a digit: "no one was killed", "no casualties", "none were injured".

They state a figure as plainly as "12 killed" does, and can contradict it. Only a statement that
names what did not happen counts: "no one knew" states nothing, and "no reports of injuries" says
what had not been reported yet, which no later count contradicts.
"""

from __future__ import annotations

import re

from .folding import CaseBlind
from .spans import Figure
from .kept_patterns import compile_kept

_OUTCOME = (r"killed|dead|died|dies|die|injured|wounded|hurt|harmed|hospitali[sz]ed|missing|arrested|detained"
            r"|kidnapped|abducted|rescued|displaced|evacuated|lost\s+(?:their|his|her)\s+li(?:fe|ves)")
_ZERO = CaseBlind(rf"""
    no(?<![^\W\d_]no)
    (?:
        (?P<nobody>[\s-]one|body|ne(?:\s+of\s+(?:the|them|those|its|their)(?:\s+[\w-]+){{0,3}})?)
        \s+(?:(?:was|were|is|are|has|have|had|got|appears|appeared|seems|seemed)\s+(?:been\s+)?(?:to\s+have\s+been\s+)?)?
        (?:reported(?:ly)?\s+)?(?:immediately\s+)?(?:seriously\s+|badly\s+|critically\s+|fatally\s+)?
        (?:{_OUTCOME})\b
      | \s+(?:(?:other|further|more|serious|major|known|human|civilian|fatal)\s+)?
        (?:casualties|deaths|fatalities|injuries|victims|lives\s+(?:were\s+)?lost|loss\s+of\s+life)\b
        (?!\s+(?:were|was|have\s+been|had\s+been)\s+(?:immediately\s+)?reported)
    )""", re.VERBOSE)
"""Opens with the literal "no", which ``re`` looks for in C; the lookbehind after it asks that no
letter come before it (so "casino" and "piano" are passed over without trying the rest)."""
_REPORTS_OF = compile_kept(r"(?:\breports?|\bword|\bsign|\bindication)s?\s+of\s+$", re.IGNORECASE)


def find_zero_figures(text: str, folded: str | None) -> list[Figure]:
    """The figures of zero in ``text``: "no one", "nobody", "none" or the whole "no casualties"."""
    pattern, searched = _ZERO.over(text, folded)
    figures = []
    for match in pattern.finditer(searched):
        start = match.start()
        if _REPORTS_OF.search(text, max(0, start - 20), start):
            continue
        end = match.end("nobody") if match.group("nobody") else match.end()
        if match.group("nobody") and match.group("nobody").startswith("ne "):
            end = start + 4  # "none of the passengers": the figure is "none"
        figures.append(Figure(start, end, 0.0, 0.0, 0.0, "exact", "count"))
    return figures


def holds_zero_figures(folded: str) -> bool:
    """Whether any line of a text, lower-cased (``fold``), holds a figure of zero: one search over the whole
    text rather than one per line. Its lines are kept apart by a character that nothing in the pattern
    matches, so a match never runs across a line break, nor does a look-ahead see the next line."""
    return _ZERO.folded.search(folded.replace("\n", "\x00")) is not None
