"""Hostile text on screen: markup shows as typed, and no control character reaches the terminal.

Reports, file names, headlines, notes, session files and pasted text may hold Rich markup,
escape sequences (CSI, OSC 8 links, OSC 52 clipboard writes), bells, backspaces and bidi
overrides. Each screen is checked on what it actually renders, cell by cell.
"""

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from pilot_helpers import settle, wait_for_story
from textual import events
from textual.widgets import Input

from sahel_reader.story.annotations import Anchor, Annotation, Session, ViewState
from sahel_reader.story.documents import load_paths
from sahel_reader.story.session import new_session_documents, save_session
from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.screens.dialogs import SavePathScreen
from sahel_reader.tui.screens.notes import AnnotationList, NoteEditor

MARKUP = ["[bold]x[/bold]", "[link=http://evil]y[/link]", "[@click=app.quit]z[/]", "[/]"]
ESCAPES = "\x1b[2J \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x1b]52;c;aGk=\x07 bell\x07 back\x08\x08 \u202eevil"
HOSTILE = " ".join(MARKUP) + " " + ESCAPES
NAME = "[bold]a[@click=app.quit]b\x1b[31m\u202e"
"""A report's file name: markup and controls, but no slash."""
OTHER = "z\x1b]52;c;aGk=\x07two"
"""Another, whose short id in narrow columns (its first characters) is an escape sequence."""
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SIZE = (170, 45)


@pytest.fixture
def tmp_path():
    """A folder whose path is as long in every run: the toasts quote it, and where their lines break decides
    whether a piece checked below is split (a parallel worker's own ``tmp_path`` is longer, and split one)."""
    folder = Path(tempfile.mkdtemp(prefix="sahel-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def screen_text(app) -> str:
    """What the terminal would be sent for the screen (and the screens under it), without styles."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return "\n".join("".join(segment.text for strip in line for segment in strip if not segment.control)
                     for line in update.strips)


def toast_text(text: str) -> str:
    """What the toasts say, their lines joined: a toast's line is right of its left edge (``▌``), and a line
    may be broken anywhere the path it quotes ends."""
    return " ".join(line.rsplit("▌", 1)[1].strip(" │─╯") for line in text.splitlines() if "▌" in line)


def assert_safe(app, *literal: str) -> str:
    """No control character on screen, and each ``literal`` shown exactly as typed."""
    text = screen_text(app)
    assert not UNSAFE.search(text), sorted(set(UNSAFE.findall(text)))
    flat = " ".join(text.replace("│", " ").split())
    flat += " " + toast_text(text)
    for piece in literal:
        assert piece in flat, (piece, text)
    return text


def hostile_story(folder):
    """Two reports that conflict on a hostile death toll, and a PDF posing as a report."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{NAME}.txt").write_text(
        f"[bold]Headline[/bold] \x1b[2J\n\nThe toll was 77 dead, {HOSTILE}, officials said.\n"
        "\u201cWe count [@click=app.quit]them[/] \x1b]52;c;aGk=\x07,\u201d said the [b]mayor[/b].\n",
        encoding="utf-8")
    (folder / f"{OTHER}.txt").write_text(
        "Headline two\n\nThe toll was 78 dead, police said [@click=app.quit]q[/].\n", encoding="utf-8")
    (folder / f"c{NAME}.txt").write_bytes(b"%PDF-1.4 not text")
    return folder


async def test_reports_names_headlines_and_errors_show_literally(tmp_path, monkeypatch):
    keys = tmp_path / "home" / ".config" / "sahel-reader" / "keys.yaml"
    keys.parent.mkdir(parents=True)
    keys.write_text("'[@click=app.quit]k\\e[2J': x\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    app = SahelReaderApp([str(hostile_story(tmp_path / "story"))])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for_story(pilot)
        await pilot.pause(0.2)
        text = assert_safe(app, "The toll was 77 dead, [bold]x[/bold] [link=http://evil]y[/link]",
                           "[@click=app.quit]z[/] [/] ␛[2J", "[bold]Headline[/bold] \\x1b[2J",
                           "police said [@click=app.quit]q[/].", "[bold]a[@click=app.quit]b\\x1b[31m\\u202e",
                           "c[bold]a[@click=app.quit]b", "not a text report", "[@click=app.quit]k")
        assert "␇" in text and "␈␈" in text and "\u2426evil" in text  # shown, not obeyed
        assert app.is_running


async def test_every_screen_shows_report_text_literally(tmp_path):
    app = SahelReaderApp([str(hostile_story(tmp_path / "story"))])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("J", "enter")  # the inspector of the first figure
        await pilot.pause()
        assert_safe(app, "death toll", "The toll was 77 dead, [bold]x[/bold]", "[bo", "z\\x1b]", "78")
        await pilot.press("escape", "c")
        await pilot.pause()
        assert_safe(app, "Facts by report", "[bo", "z\\x1b]", "77", "78")
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert_safe(app, "Colours and marks", "Keys can be changed in")
        await pilot.press("escape", "slash", *"[@click")
        await pilot.press("enter")
        await pilot.pause()
        assert_safe(app, "match 1 of")
        await pilot.press("slash", *"[nothing]", "enter")
        await pilot.pause()
        assert_safe(app, "No match for '[nothing]'.")
        assert isinstance(app.screen, type(screen)) and app.is_running


async def test_a_note_typed_or_pasted_with_markup_and_escapes(tmp_path):
    app = SahelReaderApp([str(hostile_story(tmp_path / "story"))])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("j", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"[bold]typed[/bold] ")
        app.post_message(events.Paste(f"pasted {ESCAPES}\r\nline two"))
        await pilot.pause()
        assert_safe(app, "Note on: The toll was 77 dead, [bold]x[/bold]", "[bold]typed[/bold] pasted ␛[2J")
        app.screen.query_one(Input).focus()
        app.post_message(events.Paste("tag\x1b[31m"))
        await pilot.pause()
        assert_safe(app, "tag␛[31m")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (note,) = screen.session.annotations
        assert note.note.startswith("[bold]typed[/bold] pasted ␛[2J") and note.note.endswith("\nline two")
        assert not UNSAFE.search(note.note) and note.tags == ["tag␛[31m"]
        await pilot.press("m", "apostrophe")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationList)
        assert_safe(app, "[bold]a[@click=app.quit]b\\x1b[31m", "[bold]typed[/bold] pasted ␛[2J", "tag␛[31m")


async def test_the_save_prompt_shows_a_hostile_folder_and_still_saves_there(tmp_path, monkeypatch):
    folder = hostile_story(tmp_path / "news\x1b[31m[@click=app.quit]x")
    monkeypatch.chdir(tmp_path)
    app = SahelReaderApp([str(folder)])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("m", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SavePathScreen)
        field = app.screen.query_one("#save-path", Input)
        assert field.value.startswith(str(folder))  # the real folder, escape and all
        field.cursor_position = 0  # the start of the path is what this checks
        await pilot.pause()
        assert_safe(app, "news␛[31m[@click=app.quit]x")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.session_path is not None and screen.session_path.parent == folder
        assert screen.session_path.exists()
        assert_safe(app, "Saved", "[@click=app.quit]x")


def hostile_session(folder):
    """A session file whose name, title, report ids, notes and tags are all hostile."""
    folder.mkdir(parents=True)
    report = folder / "report.txt"
    report.write_text("Report\n\nThe toll was 77 dead, officials said.\nA second sentence here.\n",
                      encoding="utf-8")
    (document,) = load_paths([report]).documents
    document.id = f"{NAME}[/]"
    path = folder / f"{NAME}.yaml"
    start, end = document.sentences[1]
    session = Session(new_session_documents([document], path, embed=True),
                      [Annotation("n1", Anchor.of(document.id, document.text, start, end),
                                  f"note {HOSTILE}\nsecond line", ["x\x1b[2J", "[b]t[/b]"], "t", "t")],
                      view=ViewState(document.id, {document.id: 1}, None), title=f"Title {HOSTILE}",
                      embed=True)
    save_session(session, path)
    return path, session


async def test_a_hostile_session_shows_literally_and_its_note_is_kept_as_it_was(tmp_path):
    path, session = hostile_session(tmp_path / "s")
    app = SahelReaderApp([str(path)], session=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        assert_safe(app, "Title [bold]x[/bold] [link=http://evil]y[/link]", "[@click=app.quit]b\\x1b[31m")
        assert screen.sub_title.endswith("b\\x1b[31m\\u202e.yaml")  # the header may cut it short
        await pilot.press("apostrophe")
        await pilot.pause()
        assert_safe(app, "[bold]a[@click=app.quit]b\\x1b[31m\\u202e[/]", "note [bold]x[/bold]",
                    "x\\x1b[2J, [b]t[/b]")
        await pilot.press("escape", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert_safe(app, "note [bold]x[/bold] [link=http://evil]y[/link]", "␛[2J", "x␛[2J, [b]t[/b]")
        await pilot.press("ctrl+s")  # kept unchanged: the note is exactly what the file held
        await pilot.pause()
        assert screen.session.annotations == session.annotations and not screen.dirty
        assert app.is_running


async def test_a_refused_session_with_a_hostile_name_is_named_literally(tmp_path):
    path = tmp_path / f"{NAME}.yaml"
    path.write_text(f"sahel_reader_session: 1\ntitle: [unclosed {ESCAPES}\n", encoding="utf-8")
    before = path.read_bytes()
    app = SahelReaderApp([str(path)], session=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        assert_safe(app, "[bold]a[@click=app.quit]b\\x1b[31m\\u202e.yaml, line 2", "left untouched")
        assert app.is_running
    assert path.read_bytes() == before
