"""The reader's commands: one object each, feeding the key bindings, the footer, help and the palette.

Every binding has an id (``sahel.<name>``), so keys can be changed in
``$XDG_CONFIG_HOME/sahel-reader/keys.yaml`` (``next-version: ctrl+right``, say) where a terminal
multiplexer or a keyboard layout gets in the way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

from textual.actions import parse
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    """Stable name, used in the keymap file and as the binding id."""
    action: str
    keys: str
    """Textual key names, comma-separated; the first is shown."""
    title: str
    help: str
    key_display: str
    footer: bool = False
    needs: Literal["", "story", "pane", "sentence"] = ""
    """What must be shown for the key to act: until it is, the footer shows the key dimmed."""
    asks: bool = False
    """The command asks a question in a ``dialog`` worker: not again while one is about to show."""

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.title, show=self.footer,
                       key_display=self.key_display, id=f"sahel.{self.name}")


READER_COMMANDS: tuple[Command, ...] = (
    Command("next-pane", "step('pane', 1)", "tab,l", "Next report", "Focus the next report pane", "tab / l",
            needs="pane"),
    Command("previous-pane", "step('pane', -1)", "shift+tab,h", "Previous report", "Focus the previous report pane",
            "shift+tab / h", needs="pane"),
    Command("cursor-down", "step('sentence', 1)", "j,down", "Next sentence",
            "Move the reading cursor one sentence down", "j / ↓", needs="pane"),
    Command("cursor-up", "step('sentence', -1)", "k,up", "Previous sentence",
            "Move the reading cursor one sentence up", "k / ↑", needs="pane"),
    Command("next-claim", "step('claim', 1)", "J,shift+j", "Next claim", "Next figure or quotation in this report", "J",
            needs="pane"),
    Command("previous-claim", "step('claim', -1)", "K,shift+k", "Previous claim",
            "Previous figure or quotation in this report", "K", needs="pane"),
    Command("next-version", "step('version', 1)", "right_square_bracket", "Next version",
            "Jump to the next version of this sentence or claim in the other reports", "]", footer=True,
            needs="pane"),
    Command("previous-version", "step('version', -1)", "left_square_bracket", "Previous version",
            "Jump to the previous version of this sentence or claim", "[", needs="pane"),
    Command("next-conflict", "step('conflict', 1)", "right_curly_bracket", "Next conflict",
            "Go to the next version of a fact whose versions conflict, across the reports", "}", needs="pane"),
    Command("previous-conflict", "step('conflict', -1)", "left_curly_bracket", "Previous conflict",
            "Go to the previous version of a fact whose versions conflict", "{", needs="pane"),
    Command("inspect", "inspect", "enter", "Inspect", "Every version of the claim under the cursor", "enter",
            footer=True, needs="pane"),
    Command("matrix", "matrix", "c", "Claims matrix", "Facts by report, conflicts flagged", "c", footer=True,
            needs="story"),
    Command("search", "search", "slash", "Search", "Search all reports", "/", footer=True),
    Command("next-match", "step('match', 1)", "n", "Next match", "Next search match", "n"),
    Command("previous-match", "step('match', -1)", "N,shift+n", "Previous match", "Previous search match", "N"),
    Command("annotate", "annotate", "a", "Note", "Add or edit a note on the current sentence, with tags", "a",
            footer=True, needs="sentence", asks=True),
    Command("mark", "mark", "m", "Mark", "Mark or unmark the current sentence", "m", needs="sentence"),
    Command("annotations", "annotations", "apostrophe", "Notes and marks",
            "List the notes, marks and hand-made links of all reports; enter jumps to one", "'", needs="story"),
    Command("link-marked", "link_marked", "L,shift+l", "Link to mark",
            "Link this sentence by hand to the marked sentence of another report", "L", needs="sentence"),
    Command("open-source", "open_source", "o", "Open source",
            "Open the report's web address in the browser", "o", needs="pane"),
    Command("copy-citation", "copy_citation", "C,shift+c", "Copy with citation",
            "Copy the selected figure or quotation, else the sentence, with outlet, date and address", "C",
            needs="sentence"),
    Command("save", "save", "ctrl+s", "Save", "Save the session (asks where the first time)", "ctrl+s",
            footer=True, needs="story", asks=True),
    Command("export", "export", "E,shift+e", "Export",
            "Export the session as Markdown, HTML, JSON or W3C annotations", "E", needs="story", asks=True),
    Command("timeline", "timeline", "t", "Timeline",
            "Each fact's versions in publication order, with the updates and same-hour contradictions", "t",
            needs="story"),
    Command("watch", "watch", "w", "Watch",
            "Watch the story's folders: reports that appear there are added and linked as they arrive", "w",
            needs="story"),
    Command("publication-order", "publication_order", "p", "Order by time",
            "Order the reports by publication time, where it is known, and back to the story's order", "p",
            needs="story"),
    Command("zoom", "zoom", "z", "Zoom", "Show the focused report alone, and back", "z", footer=True),
    Command("sync", "sync", "s", "Sync", "Scroll the other reports to their version of the current sentence",
            "s", footer=True),
    Command("help", "help", "question_mark", "Help", "Every key, and what the colours mean", "?", footer=True),
    Command("quit", "quit", "q", "Quit", "Quit sahel-reader", "q", footer=True, asks=True),
)


COMMAND_OF_ACTION = {parse(command.action)[1:]: command for command in READER_COMMANDS}
"""Each command by its action's name and arguments, as Textual reads the binding ("step('version', 1)")."""


def command_of(action: str, parameters: tuple[object, ...]) -> Command | None:
    """The command whose action Textual asks about (``check_action`` has the name and arguments apart)."""
    return COMMAND_OF_ACTION.get((action, tuple(parameters)))


def keymap_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "sahel-reader" / "keys.yaml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The user's key overrides as a Textual keymap, and a problem to report (or None)."""
    path = path or keymap_path()
    if not path.exists():
        return {}, None
    import yaml  # only when there is a key file: most starts have none

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return {}, f"{path}: the key file could not be read ({error.__class__.__name__}); default keys are used."
    names = {command.name for command in READER_COMMANDS}
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        return {}, f"{path}: the key file must map command names to keys; default keys are used."
    unknown = sorted(set(data) - names)
    if unknown:
        return {}, f"{path}: unknown command {unknown[0]!r} in the key file; default keys are used."
    if taken := _taken_key(data):
        key, other = taken
        return {}, f"{path}: {key!r} is already the key of {other}; default keys are used."
    return {f"sahel.{name}": keys for name, keys in data.items()}, None


def _taken_key(overrides: dict[str, str]) -> tuple[str, str] | None:
    """A key the file gives to a command that another command keeps (or is also given): with one key
    for two commands, one of them could no longer be reached."""
    owner: dict[str, str] = {}
    for command in READER_COMMANDS:
        for key in overrides.get(command.name, command.keys).split(","):
            key = key.strip()
            if key in owner:
                return key, owner[key] if command.name in overrides else command.title
            owner[key] = command.title
    return None


class ReaderCommands(Provider):
    """The reader's commands in the command palette, each with its key."""

    async def discover(self) -> Hits:
        for command in READER_COMMANDS:
            yield DiscoveryHit(f"{command.title}  ({command.key_display})", partial(self._run, command),
                               help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in READER_COMMANDS:
            shown = f"{command.title}  ({command.key_display})"
            score = matcher.match(f"{shown} {command.help}")
            if score > 0:
                yield Hit(score, matcher.highlight(shown), partial(self._run, command), help=command.help)

    async def _run(self, command: Command) -> None:
        await self.screen.run_action(command.action)
