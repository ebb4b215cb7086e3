"""Article text out of a saved web page, so an HTML report reads like a plain-text one."""

from __future__ import annotations

from dataclasses import dataclass

_MIN_ARTICLE_WORDS = 5
"""Fewer words is a menu or a link that trafilatura's fallback picked up, not an article."""


@dataclass(frozen=True, slots=True)
class Article:
    """What a web page holds of the report: the text the reader sees, and its metadata."""

    text: str
    """The headline, a blank line, then the body paragraphs separated by blank lines."""
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None


def extract_article(html: bytes) -> Article | None:
    """The article in ``html``, without menus, scripts, banners and comments; None if none."""
    import trafilatura  # slow to import, and most stories have no HTML

    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if found is None or not found.text:
        return None
    title = " ".join((found.title or "").split()) or None
    paragraphs = [" ".join(line.split()) for line in found.text.splitlines() if line.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)  # the page's own <h1>: already the headline
    if sum(len(paragraph.split()) for paragraph in paragraphs) < _MIN_ARTICLE_WORDS:
        return None
    body = "\n\n".join(paragraphs)
    return Article(
        text=f"{title}\n\n{body}" if title else body,
        title=title,
        outlet=found.sitename or None,
        date=found.date or None,
        url=found.url or None,
    )
