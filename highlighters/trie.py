"""Word lists as regular expressions that rule a position out in a few steps.

Python's ``re`` tries the alternatives of ``a|b|c`` one after another at every position, so a
list of sixty words costs sixty tries at each word of a report. Arranged as a trie (``t(?:he|oll)``)
a position that starts no listed word fails after one or two characters.
"""

from __future__ import annotations

import re


def word_alternatives(words: set[str] | list[str], tails: dict[str, str] | None = None) -> str:
    """An alternation of ``words`` arranged as a trie, so a position is ruled out in a few steps.

    ``tails`` gives the pattern that must follow a word, for words that count only in some company
    ("the" only before a decade); the others are followed by nothing.
    """
    tails = tails or {}
    return _trie({word: tails.get(word, "") for word in words if word})


def _trie(entries: dict[str, str]) -> str:
    branches: dict[str, dict[str, str]] = {}
    for word, tail in entries.items():
        branches.setdefault(word[0], {})[word[1:]] = tail
    alternatives = []
    for first, rests in sorted(branches.items()):
        own_tail = rests.pop("", None)
        rest = _trie(rests) if rests else ""
        if own_tail is None or not rest:
            body = rest or own_tail or ""
        elif own_tail:
            body = f"(?:{rest}|{own_tail})"
        else:
            body = f"(?:{rest}|)"  # "(?:rest)?", which re runs slower (``optionals``)
        alternatives.append(re.escape(first) + body)
    if len(alternatives) < 2:
        return "".join(alternatives)
    return f"(?:{'|'.join(alternatives)})"


def phrase_alternatives(phrases: set[str] | list[str] | tuple[str, ...]) -> str:
    """``word_alternatives`` for phrases of several words, any run of spaces between them."""
    return word_alternatives(list(phrases)).replace(r"\ ", r"\s+")
