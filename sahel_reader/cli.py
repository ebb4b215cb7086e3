"""The ``sahel-reader`` command: the reader, and ``claims``, ``timeline`` and ``export``.

Exit status: 0 on success, 1 when some input could not be read, 2 on bad usage (argparse).
"""

from __future__ import annotations

import argparse
import atexit
import codecs
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__

BUNDLED_TITLE = "Attack in Bamako, Mali, September 2024 (the bundled example story)"
_ALLOW_OUTSIDE_HELP = "read the files a story manifest or session names outside its own folder"


def main(argv: Sequence[str] | None = None) -> int:
    """The command; ``argv`` None runs it as the process itself (``sys.argv``), which ``claims`` may then end."""
    args = list(sys.argv[1:] if argv is None else argv)
    _escape_what_the_output_cannot_show()
    if args and args[0] == "claims":
        try:
            return _claims(args[1:], ends_process=argv is None)
        except BrokenPipeError:
            # The reader of the output went away (``| head``): stop quietly, as other tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    if args and args[0] == "export":
        return _export(args[1:])
    if args and args[0] == "timeline":
        return _timeline(args[1:])
    return _reader(args)


def _claims(argv: list[str], ends_process: bool = False) -> int:
    """The claims command, with the cycle collector paused throughout, not only while linking: what it
    reads and writes lives until it exits, and loading and writing a thousand reports would otherwise
    walk it seventy times over (a tenth of a second)."""
    from .story.collector import collector_paused

    return collector_paused(_print_claims)(argv, ends_process)


def _print_claims(argv: list[str], ends_process: bool = False) -> int:
    parser = argparse.ArgumentParser(
        prog="sahel-reader claims",
        description="Print the figures and quotations of the reports and the facts they share.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="reports (.txt .md .html), folders of reports, a story manifest (.yaml) or web "
                             "addresses of reports; default: the bundled Bamako story")
    parser.add_argument("--json", action="store_true", help="print the JSON of docs/claims-json.md instead of a table")
    _add_fetching_options(parser)
    parser.add_argument("--allow-outside", action="store_true", help=_ALLOW_OUTSIDE_HELP)
    options = parser.parse_args(argv)

    from .story.analysis import analyse
    from .story.documents import bundled_seed_paths, load_paths

    paths, fetch_failed = _fetch_addresses(parser, options)
    if paths is None:
        return 1
    loaded = load_paths(paths or bundled_seed_paths(), allow_outside=options.allow_outside, fetch=True,
                        on_fetched=_FetchProgress())
    _report_problems(loaded)
    if loaded.errors and not loaded.documents:
        return 1  # the errors said it all: an empty summary beside them would only mislead
    story = analyse(loaded.documents, loaded.title or (None if paths else BUNDLED_TITLE))
    if options.json:
        story.write_json(sys.stdout, ascii_only=not _writes_utf8(sys.stdout))
    else:
        from .story.table import render_table

        sys.stdout.write(render_table(story, shutil.get_terminal_size((100, 24)).columns))
    status = 1 if loaded.errors or fetch_failed else 0
    if ends_process:
        _end_process(status)
    return status


def _end_process(status: int) -> None:
    """End the process with ``status`` now, its output flushed and its exit functions run, without
    freeing the story one object at a time: a thousand reports leave a million objects, which Python
    took 60 ms to free as the process ended (a fortieth of ``claims --json``) for no one.

    A flush that fails returns instead, and Python's own ending says so as it always did; a reader
    gone away (``| head``) is the caller's ``BrokenPipeError``.
    """
    atexit._run_exitfuncs()  # what ``atexit`` holds (patterns compiled since the analysis) is kept as on any ending
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        raise
    except OSError:
        return
    os._exit(status)


def _timeline(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="sahel-reader timeline",
        description="Print each fact's versions in the order the reports were published, marking the later "
                    "figures that update earlier ones and the contradictions within an hour.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="reports, folders of reports, a story folder or manifest; default: the bundled story")
    parser.add_argument("--fact", metavar="TEXT", help="only the facts whose label holds TEXT (\"death toll\")")
    parser.add_argument("--json", action="store_true", help="print the timelines as JSON (docs/claims-json.md)")
    parser.add_argument("--allow-outside", action="store_true", help=_ALLOW_OUTSIDE_HELP)
    options = parser.parse_args(argv)

    import json

    from .story.analysis import analyse
    from .story.documents import bundled_seed_paths, load_paths
    from .story.table import render_timelines
    from .story.timeline import story_timelines

    loaded = load_paths(options.paths or bundled_seed_paths(), allow_outside=options.allow_outside, fetch=True,
                        on_fetched=_FetchProgress())
    _report_problems(loaded)
    if loaded.errors and not loaded.documents:
        return 1
    story = analyse(loaded.documents, loaded.title or (None if options.paths else BUNDLED_TITLE))
    timelines = [timeline for timeline in story_timelines(story)
                 if not options.fact or options.fact.lower() in timeline.cluster.label.lower()]
    if options.json:
        json.dump({"title": story.title, "timelines": [timeline.to_json() for timeline in timelines]}, sys.stdout,
                  ensure_ascii=not _writes_utf8(sys.stdout), indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_timelines(story, timelines, shutil.get_terminal_size((100, 24)).columns))
    return 1 if loaded.errors else 0


def _export(argv: list[str]) -> int:
    from .story.export import FORMATS

    parser = argparse.ArgumentParser(
        prog="sahel-reader export",
        description="Write a report of a saved reading session that a colleague can read without the app.",
    )
    parser.add_argument("session", metavar="SESSION", help="a saved session file (.yaml)")
    parser.add_argument("--format", choices=FORMATS, default="markdown",
                        help="markdown (default), html, json, or w3c (W3C Web Annotation JSON-LD)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    options = parser.parse_args(argv)

    from .highlighters.safety import printable
    from .story.analysis import analyse
    from .story.export import export
    from .story.session import SessionError, load_session

    try:
        loaded = load_session(Path(options.session))
    except SessionError as error:
        print(f"sahel-reader: {printable(str(error))}", file=sys.stderr)
        return 1
    for note in loaded.notes:
        print(f"sahel-reader: {printable(note)}", file=sys.stderr)
    for outside in loaded.needs_permission:
        print(f"sahel-reader: {printable(outside)}: outside the session's folder, left out "
              "(open the session in the reader to allow it).", file=sys.stderr)
    story = analyse(loaded.documents, loaded.session.title)
    text = export(loaded.session, story, options.format)
    if options.output:
        try:
            Path(options.output).write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"sahel-reader: {printable(options.output)}: cannot be written ({error.strerror}).",
                  file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    return 0


def _reader(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="sahel-reader",
        description="Read several reports of one news event side by side. Subcommands: claims (print the "
                    "claims without opening the reader), export (write a report of a saved session).",
    )
    parser.add_argument("--version", action="version", version=f"sahel-reader {__version__}")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="reports (.txt .md .html), folders of reports, a story manifest (.yaml) or a saved "
                             "session (.yaml); default: the bundled Bamako story")
    parser.add_argument("--embed", action="store_true",
                        help="save the reports' texts inside the session file, so it can be sent as one file")
    parser.add_argument("--allow-outside", action="store_true", help=_ALLOW_OUTSIDE_HELP + " (else the reader asks)")
    parser.add_argument("--watch", action="store_true",
                        help="watch the story's folders and add the reports that appear there as they arrive "
                             "(w in the reader)")
    _add_fetching_options(parser)
    options = parser.parse_args(argv)

    from .story.seeds import bundled_seed_paths

    sessions = []
    if any(Path(p).suffix.lower() in (".yaml", ".yml") for p in options.paths):
        from .story.documents import is_session_file  # yaml, only when it can matter

        sessions = [p for p in options.paths if is_session_file(p)]
    if sessions and (len(options.paths) > 1 or options.urls):
        parser.error("a session file opens alone: it names its own reports")
    given, failed = _fetch_addresses(parser, options)
    if given is None:
        return 1
    from .tui.idle_collector import hold_from_start

    hold_from_start()  # until the reader's story is frozen: Textual's imports and the first frame make objects that stay
    from .tui.app import SahelReaderApp

    paths = [str(p) for p in given or bundled_seed_paths()]
    session = Path(sessions[0]) if sessions else None
    app = SahelReaderApp(paths, None if given else BUNDLED_TITLE, session, embed=options.embed,
                         allow_outside=options.allow_outside, watch=options.watch, notes=failed)
    app.run()
    return app.return_code or 0


def _add_fetching_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--urls", metavar="FILE", action="append", default=[],
                        help="fetch the web addresses listed in FILE, one a line (# starts a comment)")
    parser.add_argument("--into", metavar="DIR",
                        help="keep fetched pages in the story folder DIR (default: a new folder named after the "
                             "story, in the working folder); an existing story folder grows")


def _fetch_addresses(parser: argparse.ArgumentParser, options: argparse.Namespace) -> tuple[list[str] | None,
                                                                                       list[str]]:
    """The paths to open once the web addresses among them are fetched into a story folder.

    Returns None when nothing could be fetched and nothing else was given (each failure said), and
    a sentence for each page that failed (the reader shows them again once it is up). The story folder replaces the addresses in the paths, so what opens is
    what reopens offline.
    """
    urls, files = [], list(options.paths)
    if options.urls or any("://" in path for path in files):  # else no address: the fetching code is not imported
        from .story.story_folder import looks_like_url

        urls = [path for path in options.paths if looks_like_url(path)]
        files = [path for path in options.paths if not looks_like_url(path)]
        for listing in options.urls:
            urls += _read_url_list(parser, listing)
    if not urls:
        if options.into:
            parser.error("--into says where fetched pages go: give web addresses (or --urls FILE) too")
        return files, []
    from .highlighters.safety import printable
    from .story.story_folder import StoryFolderError, default_story_folder, fetch_reports, keep_reports

    unique = list(dict.fromkeys(urls))
    print(f"sahel-reader: fetching {len(unique)} page{'s' * (len(unique) != 1)}, one at a time per site…",
          file=sys.stderr)
    reports, failures = fetch_reports(unique, _FetchProgress(len(unique)))
    said = [printable(str(failure)) for failure in failures]
    for sentence in said:
        print(f"sahel-reader: {sentence}", file=sys.stderr)
    if not reports:
        return (files or None), said
    folder = Path(options.into) if options.into else default_story_folder(reports, Path.cwd())
    try:
        keep_reports(folder, reports)
    except StoryFolderError as error:
        print(f"sahel-reader: {printable(str(error))}", file=sys.stderr)
        return None, said
    shown = printable(os.path.relpath(folder) if folder.resolve().is_relative_to(Path.cwd()) else str(folder))
    print(f"sahel-reader: {len(reports)} report{'s' * (len(reports) != 1)} kept in {shown}; "
          f"it reopens offline with: sahel-reader {shown}", file=sys.stderr)
    return [str(folder), *files], said


def _read_url_list(parser: argparse.ArgumentParser, listing: str) -> list[str]:
    from .story.story_folder import looks_like_url

    try:
        lines = Path(listing).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        parser.error(f"{listing}: the list of addresses cannot be read ({getattr(error, 'strerror', None) or error})")
    urls = []
    for number, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        if not looks_like_url(line):
            parser.error(f"{listing}, line {number}: not a web address (http:// or https://): {line[:80]}")
        urls.append(line)
    return urls


class _FetchProgress:
    """One line on standard error as each page arrives or fails (called from fetching threads)."""

    def __init__(self, total: int | None = None) -> None:
        import threading

        self._lock = threading.Lock()
        self._done = 0
        self._total = total

    def __call__(self, url: str, result: object) -> None:
        from .highlighters.safety import printable
        from .story.story_folder import FetchedReport

        with self._lock:
            self._done += 1
            count = f"[{self._done}/{self._total}]" if self._total else f"[{self._done}]"
            if isinstance(result, FetchedReport):
                about = " · ".join(part for part in (result.article.outlet, result.article.title) if part)
                print(f"sahel-reader: {count} {printable(url)}  {printable(about[:100])}", file=sys.stderr)
            else:
                print(f"sahel-reader: {count} {printable(url)}  failed", file=sys.stderr)


def _writes_utf8(stream) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")


def _escape_what_the_output_cannot_show() -> None:
    """Under ``LC_ALL=C`` or ``PYTHONIOENCODING=latin-1`` a character the output cannot encode is
    written as an escape (``\\u2248``) instead of stopping the command with a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if not _writes_utf8(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _report_problems(loaded) -> None:
    """One sentence per unreadable input on standard error; the rest goes on."""
    from .highlighters.safety import printable

    for error in loaded.errors:
        print(f"sahel-reader: {printable(error.message)}", file=sys.stderr)
    for document in loaded.documents:
        for warning in document.warnings:
            print(f"sahel-reader: warning: {printable(warning)}", file=sys.stderr)
