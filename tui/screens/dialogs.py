"""Small questions the reader is asked: where to save, whether to quit unsaved, restore, permission."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from rich.console import RenderableType
from rich.highlighter import Highlighter
from rich.text import Text
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.visual import Visual
from textual.widgets import Button, Input, Static

from ...highlighters.safety import printable, visible_controls
from ...styles import MODAL_CSS
from ..dimmed_background import DimmedScreen, dimmed


class Modal(ModalScreen[ScreenResultType]):
    """A modal screen that only ever closes itself, over the screen below dimmed once.

    Textual's ``dismiss`` pops whatever screen is on top. Keys come faster than screens close: a
    row selected just before ``escape`` is handled after the screen is gone, and would close the
    reader under it.
    """

    CSS_PATH = str(MODAL_CSS)
    """Read by the app after its first frame (``read_modal_styles``); by Textual if a modal comes before."""
    _dimmed: DimmedScreen | None = None

    def render(self) -> RenderableType | Visual:
        """The screen below, tinted as Textual tints it, painted once and kept until it changes
        (``dimmed_background``)."""
        tint = self.styles.background
        stack = self.app.screen_stack
        if self not in stack or stack.index(self) == 0 or not 0 < tint.a < 1:
            return super().render()
        if self._dimmed is None or self._dimmed.size != self.size:
            self._dimmed = dimmed(stack[stack.index(self) - 1], tint, self.visual_style.rich_style, self.size)
        return self._dimmed

    def refresh(self, *regions: Region, **how) -> Self:
        """Regions refreshed on a modal are where the screen below changed (Textual passes them up):
        it is dimmed again."""
        if regions:
            self._dimmed = None
        return super().refresh(*regions, **how)

    def dismiss(self, result: ScreenResultType | None = None) -> AwaitComplete:
        return dismissed_if_active(self, result, super().dismiss)


class ReaderPalette(CommandPalette):
    """Textual's command palette, closing only itself as ``Modal`` does: an ``enter`` queued behind the
    ``escape`` that closed it would otherwise close the reader under it, and the app with it."""

    def dismiss(self, result: ScreenResultType | None = None) -> AwaitComplete:
        return dismissed_if_active(self, result, super().dismiss)


def dismissed_if_active(screen: Screen, result: object, dismiss: Callable[[object], AwaitComplete]) -> AwaitComplete:
    """``dismiss(result)`` if ``screen`` is the active screen, else nothing: it is closed already, or
    something is open on top of it, which Textual's ``dismiss`` (it pops the top screen) would close."""
    return dismiss(result) if screen.is_active else AwaitComplete()


class ControlPictures(Highlighter):
    """Shows an input's control characters as pictures (␛, ␇) while its value keeps them.

    A default path may run through a folder whose name holds an escape sequence: accepted as
    shown, the file must still go to that folder.
    """

    def highlight(self, text: Text) -> None:
        text.plain = visible_controls(text.plain).replace("\n", "\u2424")  # same length: styles stay


class SavePathScreen(Modal[str | None]):
    """Where to save the session; the default is filled in and ``enter`` accepts it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    AUTO_FOCUS = "#save-path"

    def __init__(self, default: str, title: str = "Save the session as") -> None:
        super().__init__()
        self.default = default
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-frame dialog"):
            yield Static(Text(self.title_text), classes="modal-title")
            yield Input(self.default, id="save-path", highlighter=ControlPictures())
            yield Static("enter: write it there · escape: cancel", classes="modal-keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def answer_keys(answers: list[str]) -> dict[str, str]:
    """A letter per answer, shown on its button: the first of its id not taken by an earlier one.

    From the id ("save", "discard"), not the label: "Quit without saving" must not answer to ``q``,
    the key that asked, pressed twice.
    """
    keys: dict[str, str] = {}
    for answer in answers:
        keys[answer] = next((c for c in answer.lower() if c.isalpha() and c not in keys.values()), "")
    return keys


class ChoiceScreen(Modal[str | None]):
    """A question with a few answers as buttons; the first is the default, ``escape`` cancels.

    The arrow keys go from button to button, and each answer's letter answers at once.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel"),
                Binding("left,up", "app.focus_previous", "Previous answer", show=False),
                Binding("right,down", "app.focus_next", "Next answer", show=False)]

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        """(answer id, button label) pairs."""
        self.keys = answer_keys([answer for answer, _ in choices])

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-frame dialog"):
            yield Static(Text(printable(self.question)), classes="modal-title")
            with Horizontal(classes="dialog-buttons"):
                for answer, label in self.choices:
                    shown = Text.assemble((self.keys[answer], "bold"), " ", label) if self.keys[answer] else label
                    yield Button(shown, id=f"choice-{answer}")

    def on_key(self, event) -> None:
        answer = next((a for a, key in self.keys.items() if key and event.character == key), None)
        if answer is not None:
            event.stop()
            self.dismiss(answer)

    def on_mount(self) -> None:
        """The first answer has the focus; a question closed before it mounted has none to focus."""
        for button in self.query(Button).results():
            button.focus()
            return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(None)
