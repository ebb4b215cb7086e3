"""The Textual app: small on purpose. Behaviour lives in the screens."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import events
from textual.app import App
from textual.notifications import SeverityLevel

from ..highlighters.safety import editable, printable
from ..styles import MODAL_CSS, READER_CSS

from .lean_strips import keep_strips_lean
from .commands import load_keymap
from .legibility import legible_variables
from .screens.reader import ReaderScreen


class SahelReaderApp(App):
    """Reports of one event side by side."""

    CSS_PATH = [str(READER_CSS)]
    """The modal screens' rules come after the first frame (``read_modal_styles``)."""
    TITLE = "sahel-reader"
    _keymap_problem: str | None = None
    """What was wrong with the user's key file, told once the app is up."""

    def __init__(self, paths: Sequence[str], title: str | None = None, session: Path | None = None,
                 embed: bool = False, allow_outside: bool = False, watch: bool = False,
                 notes: Sequence[str] = ()) -> None:
        super().__init__()
        keep_strips_lean()  # what a frame paints is freed when no longer shown, and brings the collector little
        self.paths = list(paths)
        self.story_title = title
        self.session_path = session
        self.embed = embed
        self.allow_outside = allow_outside
        self.watch = watch
        self.notes = list(notes)
        """What happened before the reader opened (pages that could not be fetched): told once it is up."""

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notification as plain, printable text: most name a file or quote a report or a note.

        Markup is never parsed, whatever the caller asks: ``[@click=app.quit]`` in a file name
        would otherwise become a live action in the toast.
        """
        super().notify(printable(message), title=printable(title), severity=severity, timeout=timeout,
                       markup=False)

    async def on_event(self, event: events.Event) -> None:
        """Pasted text reaches every field with its controls made visible (see ``editable``)."""
        if isinstance(event, events.Paste):
            event.text = editable(event.text)
        await super().on_event(event)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The panes' ``$sahel-*`` colours, made legible from the theme in use (tui/legibility.py)."""
        return legible_variables(self.current_theme)

    async def action_quit(self) -> None:
        """ctrl+q and the palette's "Quit" ask first when there is unsaved work, as ``q`` does."""
        reader = self.screen_stack[0] if self.screen_stack else None
        if not isinstance(reader, ReaderScreen):
            self.exit()
        elif reader.check_action("quit", ()):
            reader.action_quit()

    def action_command_palette(self) -> None:
        """Textual's palette, as Textual opens it, in the form that closes only itself (``ReaderPalette``)."""
        from .screens.dialogs import ReaderPalette  # dialogs are not needed for the first frame

        if self.use_command_palette and not ReaderPalette.is_open(self):
            self.push_screen(ReaderPalette(id="--command-palette"))

    def get_default_screen(self) -> ReaderScreen:
        """The reader is the first screen, not pushed over an empty one, so the first frame painted is
        the reader's; the key file is read before, so that its footer composes the user's keys."""
        keymap, self._keymap_problem = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        reader = ReaderScreen(self.paths, self.story_title, self.session_path, allow_outside=self.allow_outside,
                              watch=self.watch)
        reader.keeper.embed = self.embed
        return reader

    def read_modal_styles(self) -> None:
        """The modal screens' rules, read once the reader's first frame is painted: parsing them took 1% of
        it. Nothing shown then matches them, so nothing is styled again; a modal pushed before reads them
        itself (``Modal.CSS_PATH``), which restyles the whole app."""
        self.stylesheet.read(MODAL_CSS)

    def on_mount(self) -> None:
        if self._keymap_problem:
            self.notify(self._keymap_problem, severity="warning", timeout=8)
        for note in self.notes:
            self.notify(note, severity="error", timeout=12)
