"""Web pages of reports fetched politely: one request at a time per site, with limits on everything.

Only http and https are fetched; a page must be HTML, under ``MAX_PAGE_BYTES``, answered within
``TIMEOUT_SECONDS``, and reached in at most ``MAX_REDIRECTS`` redirects. Every failure is one
sentence naming the address (``FetchFailed``), and costs that page only. The user agent names the
tool, so a site's operators can tell who is asking.
"""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from .. import __version__
from ..highlighters.kept_patterns import compile_kept

USER_AGENT = f"sahel-reader/{__version__} (reads news reports side by side; one request at a time per site)"
TIMEOUT_SECONDS = 20.0
MAX_PAGE_BYTES = 10 * 1024 * 1024
"""A news page with its scripts is rarely over 3 MB; more is a file or a mistake, not an article."""
MAX_REDIRECTS = 5
SITES_AT_ONCE = 4
"""Different sites are asked in parallel, each by one worker going through its own pages in order."""

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_META_CHARSET = compile_kept(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHUNK = 64 * 1024


class FetchFailed(Exception):
    """A page that could not be had, with one sentence saying which and why."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: the address asked for, the one that answered, and its HTML as UTF-8."""

    url: str
    final_url: str
    html: bytes


def fetch_pages(urls: Sequence[str], on_done: Callable[[str, Page | FetchFailed], None] | None = None,
                *, timeout: float | None = None) -> list[Page | FetchFailed]:
    """Each address's page or failure, in the order given; ``on_done`` hears of each as it ends.

    ``on_done`` is called from worker threads: it must be safe to call from any thread.
    """
    by_site: dict[str, list[int]] = {}
    for index, url in enumerate(urls):
        by_site.setdefault(urlsplit(url).netloc.lower(), []).append(index)
    results: list[Page | FetchFailed | None] = [None] * len(urls)

    def fetch_site(indices: list[int]) -> None:
        for index in indices:
            try:
                results[index] = fetch_page(urls[index], timeout=timeout)
            except FetchFailed as failure:
                results[index] = failure
            if on_done is not None:
                on_done(urls[index], results[index])

    with ThreadPoolExecutor(max_workers=max(1, min(SITES_AT_ONCE, len(by_site)))) as pool:
        for future in [pool.submit(fetch_site, indices) for indices in by_site.values()]:
            future.result()
    return [result for result in results if result is not None]


def fetch_page(url: str, *, timeout: float | None = None) -> Page:
    """The page at ``url`` as UTF-8 HTML; ``FetchFailed`` says in one sentence why not."""
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchFailed(url, "only http and https addresses are fetched.")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            headers = response.headers
            _check_type(url, headers)
            length = headers.get("Content-Length", "")
            if length.isdigit() and int(length) > MAX_PAGE_BYTES:
                raise FetchFailed(url, _too_big())
            body = _read_limited(url, response)
            final_url = response.geturl()
    except FetchFailed:
        raise
    except urllib.error.HTTPError as error:
        raise FetchFailed(url, f"the site answered {error.code} {error.reason}.") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise FetchFailed(url, f"no answer within {timeout:g} s.") from None
        raise FetchFailed(url, f"the site cannot be reached ({_reason(error.reason)}).") from None
    except (TimeoutError, socket.timeout):
        raise FetchFailed(url, f"no answer within {timeout:g} s.") from None
    except (OSError, ValueError) as error:  # a connection reset, a malformed answer or address
        raise FetchFailed(url, f"the page could not be read ({_reason(error)}).") from None
    if not body.strip():
        raise FetchFailed(url, "the site sent an empty page.")
    return Page(url=url, final_url=final_url, html=_as_utf8(body, headers.get_content_charset()))


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed to a limit, and only to http or https (never to ``file:`` or ``ftp:``)."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchFailed(req.full_url, f"the site redirects to {newurl}, which is not http or https.")
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        try:
            return super().http_error_302(req, fp, code, msg, headers)
        except urllib.error.HTTPError as error:
            if "redirect" in str(error.msg).lower() and 300 <= error.code < 400:
                raise FetchFailed(_first_url(req), f"more than {MAX_REDIRECTS} redirects.") from None
            raise

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


_OPENER = urllib.request.build_opener(_Redirects)


def _first_url(request: urllib.request.Request) -> str:
    """The address a chain of redirects started from (urllib keeps the chain on the request)."""
    chain = getattr(request, "redirect_dict", None)
    return next(iter(chain), request.full_url) if chain else request.full_url


def _check_type(url: str, headers: Message) -> None:
    """A page declared as something other than HTML (a PDF, an image, JSON) is refused unread."""
    declared = headers.get("Content-Type")
    if declared and headers.get_content_type() not in _HTML_TYPES:
        raise FetchFailed(url, f"not a web page but {headers.get_content_type()}.")


def _read_limited(url: str, response) -> bytes:  # type: ignore[no-untyped-def]
    """The body, read in chunks so that a page without a length cannot fill the memory."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            raise FetchFailed(url, _too_big())
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big() -> str:
    return f"the page is over {MAX_PAGE_BYTES // 1_048_576} MB, so it was not kept."


def _as_utf8(body: bytes, declared: str | None) -> bytes:
    """The page re-encoded as UTF-8, from the charset its site declares (header, then meta tag).

    The page is kept as UTF-8 because the article extractor guesses encodings rather than reading
    declarations; its meta tag is rewritten to say so, so a browser reads the kept copy right too.
    """
    found = _META_CHARSET.search(body[:4096])
    charset = declared or (found.group(1).decode("ascii") if found else None)
    if charset is None or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return body
    relabelled = body[: found.start(1)] + b"utf-8" + body[found.end(1):] if found else body
    try:
        return relabelled.decode(charset, errors="replace").encode("utf-8")
    except LookupError:  # a charset Python does not know: leave the guessing to the extractor
        return body


def _reason(reason: object) -> str:
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return " ".join(str(text).split())[:120]
