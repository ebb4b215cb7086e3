"""Word lists as regular expressions that rule a position out in a few steps.

Python's ``re`` tries the alternatives of ``a|b|c`` one after another at every position, so a
list of sixty words costs sixty tries at each word of a report. Arranged as a trie (``t(?:he|oll)``)
a position that starts no listed word fails after one or two characters.

``re`` passes over an alternative whose first character does not match at once, but entering an
alternative that starts with a group costs it as much as twenty such tests. So each node's branches
are one flat alternation (``s(?:even|ix|)``, not ``s(?:(?:even|ix)|)``), and ``word_branches`` gives a
list's alternatives ungrouped, to be joined into an enclosing alternation.
"""

from __future__ import annotations

import re


def word_alternatives(words: set[str] | list[str], tails: dict[str, str] | None = None) -> str:
    """An alternation of ``words`` arranged as a trie, so a position is ruled out in a few steps.

    ``tails`` gives the pattern that must follow a word, for words that count only in some company
    ("the" only before a decade); the others are followed by nothing.
    """
    return _grouped(_branches(words, tails))


def word_branches(words: set[str] | list[str], tails: dict[str, str] | None = None) -> str:
    """``word_alternatives`` without its enclosing group: ``a|b``, to be joined as alternatives of
    an alternation around it (``(?=\\d|a|b)``), where it spares ``re`` entering one more group."""
    return "|".join(_branches(words, tails))


def _branches(words: set[str] | list[str], tails: dict[str, str] | None) -> list[str]:
    tails = tails or {}
    return _trie({word: tails.get(word, "") for word in words if word})


def _trie(entries: dict[str, str]) -> list[str]:
    """The alternatives of a trie of ``entries``: one per first character, in order (no two can
    match at one position, so their order changes nothing but the pattern's text)."""
    branches: dict[str, dict[str, str]] = {}
    for word, tail in entries.items():
        branches.setdefault(word[0], {})[word[1:]] = tail
    alternatives = []
    for first, rests in sorted(branches.items()):
        own_tail = rests.pop("", None)
        rest = _trie(rests) if rests else []
        if own_tail is not None and rest:
            rest.append(own_tail)  # the longer words first, then the word itself ("" for "(?:rest)?")
        alternatives.append(re.escape(first) + (_grouped(rest) if rest else own_tail or ""))
    return alternatives


def behind_first_letters(words: list[str], tails: dict[str, str]) -> str:
    """``words`` as alternatives that each look back at their first letter, already read, then read the
    rest as a trie: ``(?<=a)(?:fter|nd)|(?<=b)ut``."""
    by_letter: dict[str, list[str]] = {}
    for word in words:
        by_letter.setdefault(word[0], []).append(word)
    return "|".join(f"(?<={letter})" + word_alternatives([word[1:] for word in group],
                                                         {word[1:]: tails.get(word, "") for word in group})
                    for letter, group in sorted(by_letter.items()))


def _grouped(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


def phrase_alternatives(phrases: set[str] | list[str] | tuple[str, ...]) -> str:
    """``word_alternatives`` for phrases of several words, any run of spaces between them."""
    return word_alternatives(list(phrases)).replace(r"\ ", r"\s+")
