"""Saved article pages served from 127.0.0.1 by a server the test starts: nothing else is reached.

The ten pages are the five bundled reports as news sites serve them (menus, a cookie banner,
scripts, related links, a footer; the outlet, publication time and canonical address in the
page's metadata), each in an early version (the first paragraphs, published on the day) and an
updated one (the whole report, two days on). Other routes answer as failing sites do.
"""

from __future__ import annotations

import html
import http.server
import threading
import time
from collections.abc import Callable
from pathlib import Path

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
OUTLETS = ("Sahel Wire", "Gulf Daily", "Africa Desk", "Continental Press", "World Report")

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{headline} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="og:title" content="{headline}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{canonical}">
<script>window.analytics = {{ track: function () {{}} }};</script>
<style>nav a {{ margin: 0 1em; }}</style>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Accept</a></div>
<nav><a href="/">Home</a><a href="/world">World</a><a href="/africa">Africa</a><a href="/sport">Sport</a></nav>
<main><article>
<h1>{headline}</h1>
<p class="byline">By staff writers · {published_shown}</p>
{paragraphs}
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather this week</a></li></ul></aside>
</main>
<footer><p>© {outlet}. All rights reserved.</p><a href="/terms">Terms</a> <a href="/contact">Contact</a></footer>
</body></html>
"""


def article_pages() -> dict[str, bytes]:
    """Ten article pages by their path on the server: ``/news/<seed>-early.html`` and ``-updated``."""
    pages = {}
    for number, seed in enumerate(SEEDS):
        paragraphs = [" ".join(p.split()) for p in seed.read_text(encoding="utf-8").split("\n") if p.strip()]
        paragraphs = [p for p in paragraphs if p != "Loading Now"]
        headline = f"Attack in Bamako: report {number + 1}" if len(paragraphs[0]) > 120 else paragraphs.pop(0)
        for version, day, kept in (("early", "17", max(2, len(paragraphs) // 2)), ("updated", "19", len(paragraphs))):
            path = f"/news/{seed.stem}-{version}.html"
            published = f"2024-09-{day}T{10 + number:02d}:{5 * number:02d}:00Z"
            pages[path] = _PAGE.format(
                headline=html.escape(headline if version == "early" else f"{headline} (updated)"),
                outlet=OUTLETS[number],
                published=published,
                published_shown=published.replace("T", " ")[:16],
                canonical=f"https://{OUTLETS[number].lower().replace(' ', '')}.example{path}",
                paragraphs="\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[:kept]),
            ).encode("utf-8")
    return pages


class PageServer:
    """An HTTP server on 127.0.0.1 in a thread, serving ``routes``: path to (status, headers, body).

    It notes each request's user agent, and the most requests it ever answered at once.
    """

    def __init__(self, routes: dict[str, tuple[int, dict[str, str | None], bytes] | Callable[[], tuple]]) -> None:
        self.routes = routes
        self.user_agents: list[str] = []
        self.at_once = 0
        self.most_at_once = 0
        self.delay = 0.0
        lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                with lock:
                    server.user_agents.append(self.headers.get("User-Agent", ""))
                    server.at_once += 1
                    server.most_at_once = max(server.most_at_once, server.at_once)
                answering = True
                try:
                    time.sleep(server.delay)
                    route = server.routes.get(self.path)
                    if callable(route):
                        route = route()
                    status, headers, body = route or (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>")
                    self.send_response(status)
                    for name, value in headers.items():
                        if value is not None:  # None: a header left out on purpose (no Content-Length)
                            self.send_header(name, value)
                    if "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    with lock:  # before the body: once a client has it, it may ask again before this thread runs on
                        server.at_once -= 1
                        answering = False
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    if answering:
                        with lock:
                            server.at_once -= 1

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def __enter__(self) -> PageServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def html_route(body: bytes, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "text/html; charset=utf-8", **headers}, body
