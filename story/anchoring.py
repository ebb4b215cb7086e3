"""Finding an anchor again in a report's changed text: same offsets, exact quote, then fuzzy match."""

from __future__ import annotations

from os.path import commonprefix

from rapidfuzz import fuzz

from .annotations import Anchor, Session

FUZZY_WINDOW = 2000
FUZZY_WHOLE_TEXT_LIMIT = 200_000
FUZZY_ACCEPT = 80.0

def reanchor_session(session: Session,
                      texts: dict[str, str]) -> tuple[dict[str, int], dict[str, int]]:
    """Re-anchor everything in place; how many anchors moved and were orphaned, per report."""
    moved: dict[str, int] = {}
    orphaned: dict[str, int] = {}

    def place(anchor: Anchor) -> Anchor | None:
        if anchor.doc not in texts:
            return None
        new = reanchor(anchor, texts[anchor.doc])
        tally = orphaned if new is None else moved if new != anchor else {}
        tally[anchor.doc] = tally.get(anchor.doc, 0) + 1
        return new

    for item in [*session.annotations, *session.marks]:
        new = place(item.anchor)
        item.orphan, item.anchor = new is None, new or item.anchor  # orphans keep their old anchor
    for verdict in session.link_verdicts:
        source, target = place(verdict.source), place(verdict.target)
        verdict.orphan = source is None or target is None
        verdict.source, verdict.target = source or verdict.source, target or verdict.target
    return moved, orphaned


def reanchor(anchor: Anchor, text: str) -> Anchor | None:
    """The anchor found again in changed text: same offsets, exact quote, fuzzy match; or None."""
    start, end = anchor.start, anchor.end
    if 0 <= start <= end <= len(text) and text[start:end] == anchor.exact:
        return anchor
    if not anchor.exact:
        return None
    span = _by_exact_quote(anchor, text) or _by_fuzzy_match(anchor, text)
    return Anchor.of(anchor.doc, text, *span) if span else None


def _context_agreement(anchor: Anchor, text: str, start: int, end: int) -> int:
    """How many characters of the saved prefix and suffix agree around ``[start, end)``."""
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    return (len(commonprefix([before[::-1], anchor.prefix[::-1]]))
            + len(commonprefix([after, anchor.suffix])))


def _by_exact_quote(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """The occurrence whose context agrees best, then the one nearest the old offset."""
    starts, found = [], text.find(anchor.exact)
    while found != -1:
        starts.append(found)
        found = text.find(anchor.exact, found + 1)
    if not starts:
        return None
    size = len(anchor.exact)
    best = max(starts, key=lambda start: (_context_agreement(anchor, text, start, start + size),
                                          -abs(start - anchor.start)))
    return best, best + size


def _score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """0.6 quote + 0.2 prefix + 0.2 suffix, each scored 0 to 100."""
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    return (0.6 * fuzz.ratio(anchor.exact, text[start:end])
            + 0.2 * fuzz.ratio(anchor.prefix, before) + 0.2 * fuzz.ratio(anchor.suffix, after))


def _by_fuzzy_match(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Near the old place first, then anywhere in texts of ordinary size: O(text) per anchor."""
    centre = min(anchor.start, len(text))
    reach = len(anchor.exact) + FUZZY_WINDOW
    near = (max(0, centre - FUZZY_WINDOW), min(len(text), centre + reach))
    windows = [near]
    if near != (0, len(text)) and len(text) <= FUZZY_WHOLE_TEXT_LIMIT:
        windows.append((0, len(text)))
    for low, high in windows:
        found = fuzz.partial_ratio_alignment(anchor.exact, text[low:high], score_cutoff=60)
        if found is None:
            continue
        spans = _refined(anchor, text, low + found.dest_start, low + found.dest_end)
        best = max(spans, key=lambda span: _score(anchor, text, *span), default=None)
        if best is not None and _score(anchor, text, *best) >= FUZZY_ACCEPT:
            return best
    return None


def _refined(anchor: Anchor, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The aligned span, and the spans whose ends sit where the saved prefix and suffix now are.

    The alignment has the quote's length, so words added or removed inside it shift its far end.
    """
    slack = max(8, len(anchor.exact) // 2)
    starts, ends = [start], [end]
    if anchor.prefix:
        low = max(0, start - slack - len(anchor.prefix))
        hit = fuzz.partial_ratio_alignment(anchor.prefix, text[low:start + slack], score_cutoff=80)
        starts += [low + hit.dest_end] if hit else []
    if anchor.suffix:
        low = max(0, end - slack)
        window = text[low:end + slack + len(anchor.suffix)]
        hit = fuzz.partial_ratio_alignment(anchor.suffix, window, score_cutoff=80)
        ends += [low + hit.dest_start] if hit else []
    return [(s, e) for s in starts for e in ends if s < e]
