"""Case-blind patterns searched in lower-cased text.

Python's ``re`` with IGNORECASE folds the case of every character it compares, which makes a
search about twice as slow as a case-sensitive one. So a case-blind pattern is written in lower
case and searched, case-sensitively, in ``text.lower()``: the offsets are the same, and groups are
read from the original text where their case matters. Lower-casing keeps every offset unless a
character grows (the Turkish dotted I becomes two); such a text is searched as it is, with the
IGNORECASE twin of the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .kept_patterns import compile_kept
from .optionals import optional_as_branch


def fold(text: str) -> str | None:
    """``text`` lower-cased, or None when lower-casing would move offsets."""
    folded = text.lower()
    return folded if len(folded) == len(text) else None


def places_of(words: list[str], folded: str) -> list[int]:
    """Every place one of ``words`` stands in ``folded``, inside longer words too, in order and each once:
    a few ``str.find`` where a pattern would be tried after every character. One word's places come in
    order; those of several are sorted and made one ("say" is found where "says" is)."""
    places = []
    for word in words:
        place = folded.find(word)
        while place >= 0:
            places.append(place)
            place = folded.find(word, place + 1)
    return sorted(set(places)) if len(words) > 1 else places


class CaseBlind:
    """A lower-case pattern with its IGNORECASE twin, for ``fold``-ed text or text as it is."""

    __slots__ = ("_pattern", "_folded", "_flags", "_any_case")

    def __init__(self, pattern: str, flags: int = 0, *, lazy: bool = False) -> None:
        self._pattern = pattern
        self._flags = flags
        self._folded: re.Pattern[str] | None = None if lazy else _compiled(pattern, flags)
        self._any_case: re.Pattern[str] | None = None

    @property
    def folded(self) -> re.Pattern[str]:
        """The pattern, compiled at once or, if ``lazy``, when first needed (a long pattern that few
        texts need costs a process a fifth of a second to compile)."""
        if self._folded is None:
            self._folded = _compiled(self._pattern, self._flags)
        return self._folded

    @property
    def any_case(self) -> re.Pattern[str]:
        """The IGNORECASE twin, compiled when first needed: only a text whose lower-casing moves
        offsets (a Turkish dotted I) is searched with it, and compiling it doubles the import."""
        if self._any_case is None:
            self._any_case = _compiled(self._pattern, self._flags | re.IGNORECASE)
        return self._any_case

    def over(self, text: str, folded: str | None) -> tuple[re.Pattern[str], str]:
        """The pattern to use and the string to search it in, given ``fold(text)``."""
        return (self.folded, folded) if folded is not None else (self.any_case, text)


def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    """The pattern compiled with its optional groups as alternatives: the same matches, quicker (``optionals``)."""
    return compile_kept(pattern, flags, optional_as_branch)


class WordStart:
    """A case-blind pattern that only ever matches where no letter comes before it, found fast.

    ``re`` tries a pattern at every position of a text unless the pattern opens with a character
    class, which it checks in C. What starts a word comes after a character that is not a letter,
    so the search pattern opens with that character, and ``re`` passes over the letters (most of
    any text) without trying them. The pattern itself still says what may come before it (``\\b``,
    or a lookbehind): ``[^a-z]`` lets letters beyond a-z through. A match at the very start of the
    text, which has no character before it, is tried on its own.
    """

    __slots__ = ("at_start", "after")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.at_start = CaseBlind(pattern, flags)
        self.after = CaseBlind(f"[^a-z](?:{pattern})", flags)

    def spans(self, text: str, folded: str | None, start: int = 0, end: int | None = None,
              ) -> list[tuple[int, int, str | None]]:
        """What ``finditer`` gives in ``text[start:end]``: each match's start, end and last group."""
        at_start, searched = self.at_start.over(text, folded)
        after = self.after.over(text, folded)[0]
        end = len(searched) if end is None else end
        found = []
        match = at_start.match(searched, 0, end) if start == 0 else None
        if match is not None:
            found.append((0, match.end(), match.lastgroup))
        position = max(start, match.end() if match else 0)
        while (match := after.search(searched, max(position - 1, 0), end)) is not None:
            found.append((match.start() + 1, match.end(), match.lastgroup))
            position = max(match.end(), match.start() + 2)
        return found

    def spans_at(self, folded: str, places: list[int]) -> list[tuple[int, int, str | None]]:
        """What ``spans(text, folded)`` gives, when the caller knows every place a match can start at
        (``places``, in order): only those are tried, each as ``spans`` tries it, after a character
        other than a-z or at the start and not inside the last match, with the pattern without that
        character (``re`` reads the character before ``pos`` for ``\\b`` and lookbehinds)."""
        at_start = self.at_start.folded
        found = []
        position = 0
        for place in places:
            if place < position or place and "a" <= folded[place - 1] <= "z":
                continue
            match = at_start.match(folded, place)
            if match is not None:
                end = match.end()
                found.append((place, end, match.lastgroup))
                position = end if place == 0 or end > place + 2 else place + 2  # as ``spans`` goes on
        return found

    def groups(self, text: str, folded: str | None) -> Iterator[re.Match[str]]:
        """The matches ``finditer`` gives in ``text``, for their groups only: a match after the first
        holds the character before it as well (its ``start()`` and ``group()`` are not the found words')."""
        at_start, searched = self.at_start.over(text, folded)
        after = self.after.over(text, folded)[0]
        match = at_start.match(searched)
        if match is not None:
            yield match
        position = match.end() if match else 0
        while (match := after.search(searched, max(position - 1, 0))) is not None:
            yield match
            position = max(match.end(), match.start() + 2)
