"""Loading reports: files, folders and story manifests in; Documents and one-sentence errors out.

Offsets everywhere are into the text as loaded; ``decoding`` turns a file's bytes into that text.

Whatever a path holds, loading never raises and never hangs: folders are not descended into (so
a link to a folder cannot loop), only regular files are read (never a pipe or a device), their
size is checked before their bytes are read, and at most ``MAX_REPORTS`` are opened.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from ..highlighters.boilerplate import credited_sources, source_hosts
from ..highlighters.soft_wraps import breaks_as_spaces, soft_breaks

from .decoding import Refused, decode, refuse_binary
from .headers import read_header
from .model import Document, LoadError, LoadResult
from .report_lines import LineSpans, report_spans
from .seeds import bundled_seed_paths  # noqa: F401  (imported from here by many)
from ..highlighters.kept_patterns import compile_kept

REPORT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
MANIFEST_SUFFIXES = frozenset({".yaml", ".yml"})
MAX_REPORT_BYTES = 20 * 1024 * 1024
"""Bigger files are refused: no news report is this long, and a mistaken path should fail fast."""
MAX_REPORTS = 2000
"""More are left out, with one message: twice the benchmarks' biggest story, far more than can be read."""
SESSION_KEY = "sahel_reader_session"
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_MANIFEST_FIELDS = ("id", "outlet", "date", "url")

_WORD = compile_kept(r"\w")


def is_session_file(path: str | Path) -> bool:
    """True for a saved reading session (YAML with the top key ``sahel_reader_session``)."""
    path = Path(path)
    if path.suffix.lower() not in MANIFEST_SUFFIXES:
        return False
    try:
        data = _read_yaml(path)
    except Refused:  # a session broken by hand is still one: its loader then says what is wrong, and where
        return _starts_as_session(path)
    return isinstance(data, dict) and SESSION_KEY in data


_SESSION_KEY_LINE = compile_kept(rf"^{SESSION_KEY}\s*:", re.MULTILINE)


def _starts_as_session(path: Path) -> bool:
    """True when a file that is not valid YAML has the session's top key on a line of its own."""
    try:
        text = _read_bytes(path).decode("utf-8-sig")
    except (Refused, UnicodeDecodeError):
        return False
    return _SESSION_KEY_LINE.search(text) is not None


OnFetched = Callable[[str, object], None]
"""Told of each page a manifest names by address only as its fetch ends: the address, then the
fetched report or the failure (called from fetching threads)."""


def load_paths(paths: Sequence[str | Path], *, allow_outside: bool = False,
               fetch: bool = False, on_fetched: OnFetched | None = None,
               known: Sequence[str] = (), taken_ids: Sequence[str] = ()) -> LoadResult:
    """Load every report the paths name; a bad path becomes a LoadError, never an exception.

    A story manifest may come from anyone: the files it names outside its own folder are read only
    with ``allow_outside``, else refused and listed in ``outside`` for the caller to ask about.
    A report it names by address only (``url:`` without ``path:``) is read from the page kept in
    its folder; with ``fetch``, a page not kept yet is fetched and kept there first. A folder with a
    manifest (``story.yaml``) is the story it describes, and the reports put in the folder since.

    A story that grows reads only its new reports: those in ``known`` (real paths of the reports it
    has) are not read again, and new ids are made unique against ``taken_ids``.
    """
    result = LoadResult(known=frozenset(os.path.realpath(path) for path in known))
    for given in paths:
        path = Path(given)
        if _is_folder(path) and _is_manifest_file(manifest := _manifest_of(path)):
            named = _load_manifest(manifest, result, allow_outside, fetch, on_fetched)
            _load_folder(path, result, named)
        elif _is_folder(path):
            _load_folder(path, result)
        elif path.suffix.lower() in MANIFEST_SUFFIXES:
            _load_manifest(path, result, allow_outside, fetch, on_fetched)
        else:
            _load_into(result, path)
    _make_ids_unique(result.documents, set(taken_ids))
    result.line_spans.clear()
    return result


def _manifest_of(folder: Path) -> Path:
    """Where a story folder keeps its manifest (the folder code, fetching pages, loads with a folder)."""
    from .story_folder import MANIFEST_NAME

    return folder / MANIFEST_NAME


def _is_manifest_file(path: Path) -> bool:
    """A story folder's own manifest: with one, the folder is read as the story it describes."""
    try:
        return path.is_file()
    except OSError:
        return False


def _is_folder(path: Path) -> bool:
    """False also for a path that cannot be looked at (``is_dir`` raises on EACCES): reading it says why."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _refuse(result: LoadResult, path: Path, problem: str, line: int | None = None) -> None:
    where = f"{_shown(path)}, line {line}" if line else _shown(path)
    result.errors.append(LoadError(str(path), f"{where}: {problem}"))


def _shown(path: Path | str) -> str:
    """The path for a message, which stays one line even when a file name holds a line break."""
    return str(path).replace("\n", "\\n")


def _load_into(result: LoadResult, path: Path, overrides: dict[str, str] | None = None) -> None:
    if result.known and os.path.realpath(path) in result.known:
        return
    if len(result.documents) >= MAX_REPORTS:
        if not result.full:
            result.full = True
            _refuse(result, path, f"only {MAX_REPORTS} reports are opened at once, so this one and any"
                                  " after it are left out.")
        return
    try:
        result.documents.append(_load_report(path, overrides or {}, result.line_spans))
    except Refused as refusal:
        _refuse(result, path, str(refusal))


def _load_folder(folder: Path, result: LoadResult, named: set[str] | None = None) -> None:
    """A folder's own report files, by name; other files, hidden ones and subfolders are skipped.

    A name like a report's that is not one (a folder ``x.txt``, a broken link) is refused, not skipped.
    ``named`` are the real paths of the reports the folder's manifest names, read already (by it).
    """
    try:
        reports = sorted(entry for entry in folder.iterdir()
                         if entry.suffix.lower() in REPORT_SUFFIXES and not entry.name.startswith("."))
    except OSError as error:
        _refuse(result, folder, f"this folder cannot be listed ({error.strerror or error}).")
        return
    if named is not None:
        reports = [report for report in reports if os.path.realpath(report) not in named]
    elif not reports:
        _refuse(result, folder, "this folder holds no reports (.txt, .md or .html files).")
    for report in reports:
        _load_into(result, report)


def _load_manifest(manifest: Path, result: LoadResult, allow_outside: bool, fetch: bool = False,
                   on_fetched: OnFetched | None = None) -> set[str]:
    """A story manifest: a title and reports listed with paths relative to the manifest, or addresses.

    Returns the real paths of the files it names (kept pages for addresses), read or not.
    """
    named: set[str] = set()
    try:
        data = _read_yaml(manifest)
        if isinstance(data, dict) and SESSION_KEY in data:
            raise Refused("this is a saved reading session, not a story manifest; open it alone.")
        if not isinstance(data, dict) or not isinstance(data.get("reports"), list):
            raise Refused("not a story manifest: it needs a 'reports:' list of report paths.")
    except Refused as refusal:
        _refuse(result, manifest, str(refusal), refusal.line)
        return named
    if result.title is None and data.get("title") is not None:
        result.title = str(data["title"])
    from .story_folder import fetch_missing_pages, page_file_name, url_only_entry

    failed = fetch_missing_pages(manifest.parent, data["reports"], on_fetched) if fetch else {}
    for number, entry in enumerate(data["reports"], start=1):
        url_only = url_only_entry(entry)
        if url_only or (isinstance(entry, dict) and isinstance(entry.get("path"), str) and "\x00" not in entry["path"]):
            named.add(os.path.realpath(manifest.parent / (page_file_name(url_only) if url_only else entry["path"])))
        if url_only and url_only in failed:
            result.errors.append(LoadError(url_only, failed[url_only]))
            continue
        if url_only:
            entry = {**entry, "path": page_file_name(url_only)}
            if not (manifest.parent / entry["path"]).exists():
                result.errors.append(LoadError(url_only, f"{url_only}: not fetched yet; the reader fetches it"
                                                         " when it opens the story."))
                continue
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            _refuse(result, manifest, f"report {number} in the list has no 'path' (nor a 'url' to fetch).")
            continue
        if "\x00" in entry["path"]:
            _refuse(result, manifest, f"report {number} in the list has a path with a NUL byte in it, which"
                                      " no file can have.")
            continue
        report = manifest.parent / entry["path"]
        if not allow_outside and not _inside(report, manifest.parent):
            result.outside.append(str(report))
            _refuse(result, report, f"this file is outside the folder of the story manifest {_shown(manifest)},"
                                    " so it was not read (--allow-outside reads it).")
            continue
        overrides = {key: str(entry[key]) for key in _MANIFEST_FIELDS if entry.get(key) is not None}
        _load_into(result, report, overrides)
    return named


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is in ``folder``'s tree once every symbolic link is followed (``..`` too)."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):
        return False


def _read_yaml(path: Path) -> object:
    """A manifest's data, read with the limits of a session file: a YAML bomb is refused at once."""
    from .safe_yaml import YamlProblem, parse_yaml  # here: plain report files need no YAML

    try:
        text = _read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused("not valid UTF-8, so not a manifest or session file.") from None
    try:
        return parse_yaml(text, "story manifest").data
    except YamlProblem as problem:
        raise Refused(f"{problem.message}.", problem.line) from None


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, or a refusal saying in plain words why they cannot be had.

    Only a regular file is read, and only when its size is under the limit: a pipe or a device
    (``/dev/zero``) would block or never end, and a huge file would fill the memory.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise Refused("this is a folder, not a report file.")
        if not stat.S_ISREG(info.st_mode):
            raise Refused("this is a device, pipe or socket, not a report file.")
        if info.st_size > MAX_REPORT_BYTES:
            raise Refused(f"the file is {info.st_size / 1_048_576:.1f} MB; reports over"
                           f" {MAX_REPORT_BYTES / 1_048_576:g} MB are refused.")
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        if path.is_symlink():
            raise Refused("broken symbolic link: the file it points to does not exist.") from None
        raise Refused("file not found.") from None
    except PermissionError:
        raise Refused("permission denied: this file cannot be read.") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Refused("symbolic link loop: the link leads back to itself.") from None
        raise Refused(f"this file cannot be read ({error.strerror or error}).") from None
    if not data.strip():
        raise Refused("the file is empty.")
    return data


def _load_report(path: Path, overrides: dict[str, str], lines: LineSpans) -> Document:
    """One report file; ``overrides`` are a manifest's id, outlet, date and url for it; ``lines`` what
    the reports read before it share with it (``report_lines``)."""
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        refuse_binary(data)
        raise Refused("not a report file: expected .txt, .md, .html or a .yaml story manifest.")
    site_name = None
    if suffix in _HTML_SUFFIXES:
        document, site_name = _html_document(path, data, lines)
    else:
        text, warning = decode(data)
        document = Document(id=_name(path.stem), path=str(path), text=text)
        document.warnings += [f"{_shown(path)}: {warning}"] if warning else []
        _analyse(document, lines)
        read_header(document, markdown=suffix in _MARKDOWN_SUFFIXES)
    document.id = overrides.get("id", document.id)
    document.date = overrides.get("date", document.date)
    document.url = overrides.get("url", document.url)
    hosts = source_hosts(document.text)
    document.outlet = (
        overrides.get("outlet") or site_name or _host(document.url) or (hosts[0] if hosts else None)
    )
    return document


def _html_document(path: Path, data: bytes, lines: LineSpans) -> tuple[Document, str | None]:
    """The article of a web page as a document, and the site's name."""
    from .html import extract_article

    refuse_binary(data)
    try:
        article = extract_article(data)
    except ImportError as error:  # a piece installed apart: lxml's HTML cleaner since lxml 5.2
        name = _missing_module(error)
        raise Refused(f"HTML reports need the package {name}, which is not installed (pip install {name}).") \
            from None
    except Exception as error:  # noqa: BLE001 - one page a library cannot read costs that page only
        reason = str(error).splitlines()[0][:100] if str(error).strip() else type(error).__name__
        raise Refused(f"this HTML page could not be read ({reason}).") from None
    if article is None:
        raise Refused("no article text found in this HTML page.")
    document = Document(
        id=_name(path.stem),
        path=str(path),
        text=article.text,
        title=article.title,
        title_span=(0, len(article.title)) if article.title else None,
        date=article.date,
        url=article.url,
    )
    _analyse(document, lines)
    return document, article.outlet


def _missing_module(error: BaseException) -> str:
    """The package an import failed for: lxml names it only in the error its own one replaced."""
    names = []
    while error is not None:
        if isinstance(error, ImportError) and error.name:
            names.append(error.name.partition(".")[0])
        error = error.__cause__ or error.__context__
    return names[-1] if names else "that reads HTML"


def _analyse(document: Document, lines: LineSpans) -> None:
    """The spans every report gets, whatever its format."""
    text = document.text
    document.soft_breaks = soft_breaks(text)  # a wrapped paragraph is one line
    reading = breaks_as_spaces(text, document.soft_breaks)
    document.sentences, document.boilerplate, wordings = report_spans(reading, lines)
    document.sources = credited_sources(text)
    seen: set[str] = set()
    for index, wording in enumerate(wordings):
        if wording in seen and _WORD.search(wording):  # not a stray quote mark
            document.duplicate_sentences.append(index)
        seen.add(wording)


def _name(stem: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) become �.

    Surrogates cannot be printed or written as UTF-8, so one such name would stop the output.
    """
    return os.fsencode(stem).decode("utf-8", errors="replace")


def _host(url: str | None) -> str | None:
    """The site a url or bare host names, without "www." ("www.arabnews.com" -> "arabnews.com")."""
    if not url:
        return None
    host = urlsplit(url if "://" in url else f"http://{url}").hostname
    return host.removeprefix("www.") if host else None


def _make_ids_unique(documents: list[Document], taken: set[str]) -> None:
    """Later reports with an id already taken (``taken``: by the story they join) become ``id-2``,
    ``id-3``..., with a warning."""
    given = {document.id for document in documents} | taken
    seen: set[str] = set(taken)
    for document in documents:
        if document.id in seen:
            number = 2
            while f"{document.id}-{number}" in seen or f"{document.id}-{number}" in given:
                number += 1
            unique = f"{document.id}-{number}"
            document.warnings.append(
                f"{_shown(document.path)}: another report already has the id '{document.id}'; this one is '{unique}'."
            )
            document.id = unique
        seen.add(document.id)
