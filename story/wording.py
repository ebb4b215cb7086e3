"""Counts in words: "1 report", "2 reports", so no message reads "1 notes" or "1 linked facts"."""

from __future__ import annotations



def plural(noun: str, count: int) -> str:
    """The noun for ``count`` of it; a last word ending in s, x or sh takes "es", a consonant + y "ies"."""
    if count == 1:
        return noun
    head, _, last = noun.rpartition(" ")
    if last.endswith(("s", "x", "sh", "ch")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def counted(count: int, noun: str) -> str:
    """``counted(1, "linked fact")`` → "1 linked fact"; ``counted(3, "linked fact")`` → "3 linked facts"."""
    return f"{count} {plural(noun, count)}"


def work_counted(count: int) -> str:
    """The reader's work in messages: "1 note, mark or verdict", "3 notes, marks and verdicts"."""
    return f"{count} note, mark or verdict" if count == 1 else f"{count} notes, marks and verdicts"


_OPENING_WORDS = frozenset("a an the this these those some several many most other another one two three four five six "
                           "seven eight nine ten".split())
"""Words a source may open its sentence with, capitalised there only because they open it ("A newspaper in Mali said")."""


def mid_sentence(phrase: str) -> str:
    """A phrase that opened its sentence as it reads inside one, so that the status bar's "per a newspaper in Mali"
    reads right: only a first word of ``_OPENING_WORDS`` loses its capital ("The AFP news agency" → "the AFP news
    agency"); a name or an acronym that opens it ("Reuters", "AFP", "Security sources") keeps its case."""
    first, space, rest = phrase.partition(" ")
    if first.lower() in _OPENING_WORDS and first == first.capitalize():
        return first.lower() + space + rest
    return phrase

