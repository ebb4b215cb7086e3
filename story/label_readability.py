"""Whether a fact's label reads as a desk editor would write it (issue 13: "every fact has a readable label").

A label names what is measured and of what ("death toll", "depth", "distance to Leeds", "value of the
jewels stolen"); two facts of one story never share one. What no editor writes: a bare value in brackets
to tell two facts apart ("depth (twelve miles)", "magnitude (3.8)", "people shot (2)"), a family name
with quoted words ("year in “attack on Nov 11”", "time: neighbouring"), a label of function words only
("the", "of them") or one cut off in the middle of a phrase ("time the quake struck at"). The checks
read only the shape of the label, never the words of one story.
"""

from __future__ import annotations

import re
from collections import Counter

from ..highlighters.clock import MONTH_NAMES
from ..highlighters.figure_pattern import SCALES, UNITS
from ..highlighters.kept_patterns import compile_kept

_NUMBER_WORDS = "|".join([*UNITS, *SCALES, "dozens", "hundreds", "thousands", "half", *MONTH_NAMES])
"""The words of a figure or a month, as the figure finder and the clock read them."""
_BRACKETED_VALUE = compile_kept(
    rf"\(\s*(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|up\s+to|approximately|the\s+)?\s*"
    rf"(?:[$€£¥]?\s*\d|(?:{_NUMBER_WORDS})\b)", re.IGNORECASE)
"""A bracket that opens on a figure or a bare time: "(twelve miles)", "(2.2)", "(3)", "(about 20)", "(february)"."""
_ENGINE_TERMS = compile_kept(r"\((?:wider\s+scope|in\s+general|scope)\)", re.IGNORECASE)
"""The engine's own names for another event or a wider scope, which tell a reader nothing."""
_QUOTED = compile_kept(r"[“”\"]|^(?!quote:)\w+:\s")
"""Words quoted from a report, or a family name before a colon ("time: neighbouring"); a quotation's own
label is its opening words ("quote: I'm not sure…")."""
DANGLING = frozenset("""
a an the of in on at to for from by with into onto and or but nor as than that which who whom whose this these those
is was are were be been being has have had his her their our my its
""".split())
"""Words a phrase cannot end on: "time the quake struck at", "value of the"."""
_FUNCTION_WORDS = DANGLING | frozenset("""
it he she they them we us i you do did does not no so if then there here what when where why how all some any
each every other another one ones per
""".split())
_WORD = compile_kept(r"[^\W\d_][\w’'-]*")
_TOKEN = compile_kept(r"[\w’'.:-]*\w")


def unreadable(label: str) -> str | None:
    """Why a desk editor would not write ``label``, or None when it reads well."""
    words = [word.lower() for word in _WORD.findall(label)]
    if not words:
        return "no words"
    if _BRACKETED_VALUE.search(label):
        return "a bare value in brackets"
    if _ENGINE_TERMS.search(label):
        return "the engine's own terms"
    if _QUOTED.search(label):
        return "quoted words"
    if all(word in _FUNCTION_WORDS for word in words):
        return "function words only"
    if _TOKEN.findall(label)[-1].lower() in DANGLING or label.rstrip()[-1:] in ",;:-–—(":
        return "cut off"
    if label.count("(") != label.count(")"):
        return "an unclosed bracket"
    return None


def label_problems(labels: list[str]) -> dict[str, str]:
    """Every label of one story that is unreadable or shared by two facts, with why."""
    problems = {label: reason for label in labels if (reason := unreadable(label))}
    problems.update({label: "shared by two facts" for label, count in Counter(labels).items() if count > 1})
    return problems
