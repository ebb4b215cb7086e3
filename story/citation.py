"""What a fact-checker pastes elsewhere: a report's words with where they come from, and the report's
address, checked before a browser is asked to open it. UI-free."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..highlighters.safety import printable
from .model import Document, shown_time


def source_url(document: Document) -> str | None:
    """The report's web address (its manifest's ``url``, its page's canonical link, or an address on
    its first line), when it is one a browser may be asked to open: http or https, with a host, no
    spaces or control characters. A report's text is untrusted, so nothing else is opened."""
    url = (document.url or "").strip()
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    if url.startswith("www."):
        url = f"https://{url}"
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def citation(document: Document, start: int, end: int) -> str:
    """``document.text[start:end]`` quoted on one line, then the outlet, the date and the address:
    “77 people had died” — AFP, 19 Sep 2024, https://…; what is not known is left out."""
    words = " ".join(document.text[start:end].split())
    when = shown_time(document.published) or document.date
    where = [document.outlet or document.title or document.id, when, source_url(document)]
    return printable(f"“{words}” — " + ", ".join(part for part in where if part))
