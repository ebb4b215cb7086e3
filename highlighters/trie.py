"""Word lists as regular expressions that rule a position out in a few steps.

Python's ``re`` tries the alternatives of ``a|b|c`` one after another at every position, so a
list of sixty words costs sixty tries at each word of a report. Arranged as a trie (``t(?:he|oll)``)
a position that starts no listed word fails after one or two characters.
"""

from __future__ import annotations

import re


def word_alternatives(words: set[str] | list[str]) -> str:
    """An alternation of ``words`` arranged as a trie, so a position is ruled out in a few steps."""
    branches: dict[str, set[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], set()).add(word[1:])
    alternatives = []
    for first, rests in sorted(branches.items()):
        optional = "" in rests
        rest = word_alternatives(rests - {""})
        alternatives.append(re.escape(first) + (f"(?:{rest})?" if optional and rest else rest))
    if len(alternatives) < 2:
        return "".join(alternatives)
    return f"(?:{'|'.join(alternatives)})"
