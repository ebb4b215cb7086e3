"""The ``sahel-reader`` command: the reader, ``claims`` and (later) ``export``.

Exit status: 0 on success, 1 when some input could not be read, 2 on bad usage (argparse).
"""

from __future__ import annotations

import argparse
import codecs
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from sahel_reader import __version__

_SUBCOMMANDS = ("claims", "export")
BUNDLED_TITLE = "Attack in Bamako, Mali, September 2024 (the bundled example story)"
_ALLOW_OUTSIDE_HELP = "read the files a story manifest or session names outside its own folder"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _escape_what_the_output_cannot_show()
    if args and args[0] == "claims":
        try:
            return _claims(args[1:])
        except BrokenPipeError:
            # The reader of the output went away (``| head``): stop quietly, as other tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    if args and args[0] == "export":
        return _export(args[1:])
    return _reader(args)


def _claims(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="sahel-reader claims",
        description="Print the figures and quotations of the reports and the facts they share.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="reports (.txt .md .html), folders of reports or a story manifest (.yaml); "
                             "default: the bundled Bamako story")
    parser.add_argument("--json", action="store_true", help="print the JSON of DESIGN.md instead of a table")
    parser.add_argument("--allow-outside", action="store_true", help=_ALLOW_OUTSIDE_HELP)
    options = parser.parse_args(argv)

    from sahel_reader.story.analysis import analyse
    from sahel_reader.story.documents import bundled_seed_paths, load_paths

    loaded = load_paths(options.paths or bundled_seed_paths(), allow_outside=options.allow_outside)
    _report_problems(loaded)
    story = analyse(loaded.documents, loaded.title or (None if options.paths else BUNDLED_TITLE))
    if options.json:
        story.write_json(sys.stdout, ascii_only=not _writes_utf8(sys.stdout))
    else:
        from sahel_reader.story.table import render_table

        sys.stdout.write(render_table(story, shutil.get_terminal_size((100, 24)).columns))
    return 1 if loaded.errors else 0


def _export(argv: list[str]) -> int:
    from sahel_reader.story.export import FORMATS

    parser = argparse.ArgumentParser(
        prog="sahel-reader export",
        description="Write a report of a saved reading session that a colleague can read without the app.",
    )
    parser.add_argument("session", metavar="SESSION", help="a saved session file (.yaml)")
    parser.add_argument("--format", choices=FORMATS, default="markdown",
                        help="markdown (default), html, json, or w3c (W3C Web Annotation JSON-LD)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    options = parser.parse_args(argv)

    from sahel_reader.highlighters.safety import printable
    from sahel_reader.story.analysis import analyse
    from sahel_reader.story.export import export
    from sahel_reader.story.session import SessionError, load_session

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
    options = parser.parse_args(argv)

    from sahel_reader.story.seeds import bundled_seed_paths

    sessions = []
    if any(Path(p).suffix.lower() in (".yaml", ".yml") for p in options.paths):
        from sahel_reader.story.documents import is_session_file  # yaml, only when it can matter

        sessions = [p for p in options.paths if is_session_file(p)]
    if sessions and len(options.paths) > 1:
        parser.error("a session file opens alone: it names its own reports")
    from sahel_reader.tui.app import SahelReaderApp

    paths = [str(p) for p in options.paths or bundled_seed_paths()]
    session = Path(sessions[0]) if sessions else None
    app = SahelReaderApp(paths, None if options.paths else BUNDLED_TITLE, session, embed=options.embed,
                         allow_outside=options.allow_outside)
    app.run()
    return app.return_code or 0


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
    from sahel_reader.highlighters.safety import printable

    for error in loaded.errors:
        print(f"sahel-reader: {printable(error.message)}", file=sys.stderr)
    for document in loaded.documents:
        for warning in document.warnings:
            print(f"sahel-reader: warning: {printable(warning)}", file=sys.stderr)
