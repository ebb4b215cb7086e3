"""Optional groups written as alternatives with an empty branch, which Python's ``re`` runs faster.

``(?:X)?`` and ``(?P<name>X)?`` mean what ``(?:X|)`` and ``(?:(?P<name>X)|)`` mean: try X, else
nothing, in that order, with the same groups set. But ``re`` (``_sre``, up to Python 3.11 at least)
runs an optional group that is more than one character as a repeat: it allocates a repeat record,
and every alternative tried inside it copies all the groups' marks so far. The figure pattern,
twenty optional groups deep, spent a fifth of its instructions on that (memcpy) and the repeats'
bookkeeping; as alternatives the same matches cost 15% fewer instructions.
"""

from __future__ import annotations


def optional_as_branch(pattern: str) -> str:
    """``pattern`` with every greedy ``(...)?`` written as an alternative with an empty branch.

    Lookarounds, lazy ``??`` and possessive ``?+`` are left as they are; so is a ``?`` not written
    right after its ``)``. Escapes and character classes are skipped over, so a parenthesis in them
    is no group; a verbose pattern must not put one in a comment.
    """
    opens: list[int] = []
    edits: list[tuple[int, int, str]] = []  # (where, how many characters it replaces, with what)
    at = 0
    while at < len(pattern):
        character = pattern[at]
        if character == "\\":
            at += 2
            continue
        if character == "[":
            at = _class_end(pattern, at)
            continue
        if character == "(":
            opens.append(at)
        elif character == ")":
            start = opens.pop()
            if pattern.startswith("?", at + 1) and not pattern.startswith(("??", "?+"), at + 1):
                if pattern.startswith("(?:", start):
                    edits.append((at, 2, "|)"))
                elif pattern.startswith("(?P<", start) or not pattern.startswith("(?", start):
                    edits += [(start, 0, "(?:"), (at, 2, ")|)")]
        at += 1
    for where, length, text in sorted(edits, reverse=True):
        pattern = pattern[:where] + text + pattern[where + length:]
    return pattern


def _class_end(pattern: str, start: int) -> int:
    """Where the character class opening at ``start`` ends (just past its ``]``)."""
    at = start + 1
    if pattern.startswith("^", at):
        at += 1
    if pattern.startswith("]", at):
        at += 1  # a "]" first in a class is a character of it
    while pattern[at] != "]":
        at += 2 if pattern[at] == "\\" else 1
    return at + 1
