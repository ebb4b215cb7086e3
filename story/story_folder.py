"""A story fetched from the web, kept as a folder: each page as the site sent it, and a manifest.

The folder reopens offline and identically: the manifest (``story.yaml``) names each page's file,
its address, outlet and publication time, and the reader reads the kept pages, never the web.
A page named in a manifest by its address only is kept under a name made from that address, so
it is fetched once and found again without the manifest being rewritten.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit


from .atomic import write_atomically
from .html import Article, extract_article
from ..highlighters.kept_patterns import compile_kept

if TYPE_CHECKING:  # the web is imported only when a page is fetched: most stories never are
    from .fetching import FetchFailed, Page

MANIFEST_NAME = "story.yaml"
_SCHEME = compile_kept(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SLUG_WORDS = compile_kept(r"[^\W_]+")
_SLUG_LENGTH = 48


@dataclass(frozen=True, slots=True)
class FetchedReport:
    """A page that holds an article, with what the manifest says of it."""

    page: Page
    article: Article

    @property
    def url(self) -> str:
        """The page's own address for itself (its canonical link), else the one that answered."""
        return self.article.url or self.page.final_url


class StoryFolderError(Exception):
    """The folder cannot take the story: one sentence naming it and the problem."""


def fetch_reports(urls: Sequence[str], on_done: Callable[[str, FetchedReport | FetchFailed], None] | None = None,
                  *, one_per_article: bool = True) -> tuple[list[FetchedReport], list[FetchFailed]]:
    """The articles at ``urls`` (each address once; each article once with ``one_per_article``) and
    the pages that failed.

    A page that is HTML but holds no article (a home page, a login wall) fails here, so it is not kept.
    """
    from .fetching import FetchFailed, Page, fetch_pages

    unique = list(dict.fromkeys(urls))
    done: dict[str, FetchedReport | FetchFailed] = {}

    def read_article(url: str, fetched: Page | FetchFailed) -> None:
        if isinstance(fetched, Page):
            article = _article(fetched)
            fetched = FetchedReport(fetched, article) if article else FetchFailed(
                url, "no article text found on this page (a home page, a list or a page behind a login?).")
        done[url] = fetched
        if on_done is not None:
            on_done(url, fetched)

    fetch_pages(unique, read_article)
    reports: list[FetchedReport] = []
    failures: list[FetchFailed] = []
    seen: set[str] = set()
    for url in unique:
        result = done[url]
        if isinstance(result, FetchFailed):
            failures.append(result)
        elif not one_per_article or result.url not in seen:  # a short link and the page: one article
            seen.add(result.url)
            reports.append(result)
    return reports, failures


def _article(page: Page) -> Article | None:
    try:
        return extract_article(page.html)
    except Exception:  # noqa: BLE001 - a page the extractor cannot read is a page without an article
        return None


def looks_like_url(text: str) -> bool:
    """True for an address with a scheme (``https://…``); such an argument is never a file name."""
    return bool(_SCHEME.match(text))


def url_only_entry(entry: object) -> str | None:
    """The address of a manifest entry that names a page by its address only, else None."""
    if isinstance(entry, dict) and entry.get("path") is None and isinstance(entry.get("url"), str) \
            and looks_like_url(entry["url"]):
        return entry["url"]
    return None


def fetch_missing_pages(folder: Path, entries: list, on_fetched: Callable | None) -> dict[str, str]:
    """Fetch the pages a manifest (in ``folder``) names by address that the folder does not keep yet.

    Returns the failures, address to sentence. The pages are kept under names made from their
    addresses (``page_file_name``), so the manifest itself is never rewritten.
    """
    missing = [url for entry in entries if (url := url_only_entry(entry))
               and not (folder / page_file_name(url)).exists()]
    if not missing:
        return {}
    reports, failures = fetch_reports(missing, on_fetched, one_per_article=False)
    failed = {failure.url: str(failure) for failure in failures}
    for report in reports:
        try:
            write_atomically(folder / page_file_name(report.page.url), report.page.html, mode=0o644)
        except OSError as error:
            failed[report.page.url] = (f"{report.page.url}: the page cannot be kept in {folder}"
                                       f" ({error.strerror or error}).")
    return failed


def default_story_folder(reports: Sequence[FetchedReport], working_folder: Path) -> Path:
    """A new folder in ``working_folder`` named after the first report's headline (``-2`` if taken)."""
    headline = next((report.article.title for report in reports if report.article.title), None)
    name = _slug(headline or "") or f"story-{datetime.now(UTC):%Y-%m-%d-%H%M}"
    folder = working_folder / name
    number = 2
    while folder.exists():
        folder = working_folder / f"{name}-{number}"
        number += 1
    return folder


def keep_reports(folder: Path, reports: Sequence[FetchedReport], title: str | None = None) -> Path:
    """Write each page into ``folder`` and add it to the folder's manifest; returns the manifest.

    Pages already in the manifest (by address) are not added twice. The manifest is written
    atomically, so a story folder is never left with a half-written one.
    """
    manifest = folder / MANIFEST_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoryFolderError(f"{folder}: the story folder cannot be made ({error.strerror or error}).") from None
    data = _read_manifest(manifest) if manifest.exists() else {}
    entries = data.setdefault("reports", [])
    known = {str(entry.get(key)) for entry in entries if isinstance(entry, dict) for key in ("url", "fetched_from")}
    if not data.get("title"):
        data["title"] = title or next((r.article.title for r in reports if r.article.title), None) or folder.name
        data = {"title": data.pop("title"), **data}
    ids = {str(entry.get("id")) for entry in entries if isinstance(entry, dict)}
    for report in reports:
        if report.url in known or report.page.url in known:
            continue
        name = page_file_name(report.url)
        try:
            write_atomically(folder / name, report.page.html, mode=0o644)
        except OSError as error:
            raise StoryFolderError(f"{folder / name}: the page cannot be written ({error.strerror or error}).") \
                from None
        entries.append(_entry(name, report, ids))
        known.update((report.url, report.page.url))
    import yaml  # here: opening a story reads no manifest and needs none

    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    try:
        write_atomically(manifest, text.encode("utf-8"), mode=0o644)
    except OSError as error:
        raise StoryFolderError(f"{manifest}: the story manifest cannot be written ({error.strerror or error}).") \
            from None
    return manifest


def page_file_name(url: str) -> str:
    """The file a page is kept in: its site, the last words of its address, and a digest of the address.

    ``https://www.reuters.com/world/africa/mali-attack-2024-09-18/`` is
    ``reuters.com-mali-attack-2024-09-18-5d41402a.html``; the digest keeps two pages apart, and
    the same address always gives the same name.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    segments = [segment for segment in parts.path.split("/") if segment]
    last = re.sub(r"\.(s?html?|php|aspx?)$", "", segments[-1], flags=re.IGNORECASE) if segments else ""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return "-".join(part for part in (host, _slug(last), digest) if part) + ".html"


def _entry(name: str, report: FetchedReport, ids: set[str]) -> dict:
    """The manifest's entry for a page; its id is the outlet's name (``-2`` for its second report)."""
    outlet = _slug(report.article.outlet or "")[:24].strip("-")
    given = outlet or (urlsplit(report.url).hostname or "page").removeprefix("www.")
    report_id, number = given, 2
    while report_id in ids:
        report_id, number = f"{given}-{number}", number + 1
    ids.add(report_id)
    entry: dict[str, str] = {"path": name, "id": report_id, "url": report.url}
    if report.page.url != report.url:
        entry["fetched_from"] = report.page.url
    if report.article.outlet:
        entry["outlet"] = report.article.outlet
    if report.article.date:
        entry["date"] = report.article.date
    entry["fetched"] = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return entry


def _read_manifest(manifest: Path) -> dict:
    from .safe_yaml import YamlProblem, parse_yaml

    try:
        data = parse_yaml(manifest.read_text(encoding="utf-8-sig"), "story manifest").data
    except (OSError, UnicodeDecodeError) as error:
        raise StoryFolderError(f"{manifest}: the story manifest cannot be read ({error}).") from None
    except YamlProblem as problem:
        raise StoryFolderError(f"{manifest}: {problem.message}; the new pages were not added to it.") from None
    if not isinstance(data, dict) or not isinstance(data.get("reports", []), list):
        raise StoryFolderError(f"{manifest}: not a story manifest (it needs a 'reports:' list); "
                               "choose another folder with --into.")
    return data


def _slug(text: str) -> str:
    """Lower-case words joined by hyphens, cut at a word to ``_SLUG_LENGTH`` characters."""
    slug = ""
    for word in _SLUG_WORDS.findall(text.lower()):
        if len(slug) + len(word) + 1 > _SLUG_LENGTH:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug
