"""Article text out of a saved web page, so an HTML report reads like a plain-text one."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from ..highlighters.kept_patterns import compile_kept

_MIN_ARTICLE_WORDS = 5
"""Fewer words is a menu or a link that trafilatura's fallback picked up, not an article."""
_PUBLISHED_NAMES = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "date",
)
"""Meta tags that carry a page's publication time, most specific first (Open Graph, schema.org, Dublin Core)."""
_EXTRACTED: dict[bytes, Article | None] = {}
_EXTRACTED_KEPT = 2048
"""Articles remembered (a few kilobytes each): more than a story has, far less than its pages weigh."""
_META_TAG = compile_kept(rb"<meta\s[^>]*>", re.IGNORECASE)
_ATTRIBUTE = compile_kept(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_JSON_LD_PUBLISHED = compile_kept(rb'"datePublished"\s*:\s*"([^"]{10,40})"')


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
    """The article in ``html``, without menus, scripts, banners and comments; None if none.

    Remembered by the page's digest: fetching a page reads its article to name it, loading reads it
    again, and the digest keeps the memory to the articles, not the pages.
    """
    digest = hashlib.blake2b(html, digest_size=16).digest()
    if digest in _EXTRACTED:
        return _EXTRACTED[digest]
    article = _extract(html)
    _EXTRACTED[digest] = article
    while len(_EXTRACTED) > _EXTRACTED_KEPT:
        _EXTRACTED.pop(next(iter(_EXTRACTED)), None)
    return article


def _extract(html: bytes) -> Article | None:
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
        date=published_time(html) or found.date or None,
        url=found.url or None,
    )


def published_time(html: bytes) -> str | None:
    """The time the page says it was published, as ISO 8601 to the minute with its offset, or None.

    The extractor's own date keeps the day only; news sites give the minute in their metadata.
    """
    found: dict[str, bytes] = {}
    for tag in _META_TAG.finditer(html):
        attributes = {name.lower(): double or single for name, double, single in _ATTRIBUTE.findall(tag.group())}
        name = (attributes.get(b"property") or attributes.get(b"name") or attributes.get(b"itemprop") or b"").lower()
        if name and attributes.get(b"content"):
            found.setdefault(name.decode("ascii", "replace"), attributes[b"content"])
    for ld in _JSON_LD_PUBLISHED.finditer(html):
        found.setdefault("datepublished", ld.group(1))
    for name in _PUBLISHED_NAMES:
        if name in found and (time := iso_minute(found[name].decode("utf-8", "replace"))):
            return time
    return None


def iso_minute(text: str) -> str | None:
    """``2024-09-18T16:04:00Z`` as ``2024-09-18T16:04+00:00``; None for anything but a date with a time."""
    text = text.strip()
    if len(text) < 16 or text[10:11] not in ("T", " "):
        return None
    try:
        return datetime.fromisoformat(text).isoformat(timespec="minutes")
    except ValueError:
        return None
