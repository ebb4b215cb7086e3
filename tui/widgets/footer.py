"""The reader's footer: its keys the frame after the first, redrawn only when the keys it shows change."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class ReaderFooter(Footer):
    """Textual's footer composes empty and fills itself in one refresh later, which the loading
    worker then slows down. This one is an empty bar in the first frame (its row kept, so nothing
    moves when the keys come) and composes its keys when asked (``show_keys``), as the loading
    worker starts: eleven keys are eleven widgets to style, lay out and paint, a sixth of what the
    first frame cost beyond a one-line app's, and the reports' texts are what it is for.

    Moving between panes moves the focus, which makes Textual's footer rebuild all its keys;
    the keys shown stay the same, so this one skips the rebuild (a third of a pane switch's time)."""

    _shown: tuple = ()
    _keys_asked = False
    """``show_keys`` was called: until then the footer is an empty bar and ignores binding changes."""
    KEPT = ("help", "quit")
    """Actions whose keys stay when the footer is too narrow for all: the others go from the right."""
    PALETTE_WIDTH = 12
    """Cells of the command palette's key on the right edge."""

    def compose(self) -> ComposeResult:
        if not self._keys_asked:
            return
        self.set_reactive(Footer._bindings_ready, True)
        self._shown = self._keys_shown(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Textual binds these keys' ``compact`` to the footer's once mounted; set now, the
                # same value spares each key two restyles (the palette key keeps its own).
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def show_keys(self) -> None:
        """The keys, composed once the first frame is painted (in the footer's own turn: Textual's
        keys bind to the footer that composes them)."""
        self._keys_asked = True
        self.call_next(self.recompose)

    def bindings_changed(self, screen: Screen) -> None:
        if not self._keys_asked:
            return
        shown = self._keys_shown(screen)
        if self._bindings_ready and shown == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown
        super().bindings_changed(screen)

    @staticmethod
    def _keys_shown(screen: Screen) -> tuple:
        return tuple((binding.key, binding.action, binding.description, enabled, tooltip)
                     for _, binding, enabled, tooltip in screen.active_bindings.values() if binding.show)

    def on_resize(self) -> None:
        self.fit_width()

    def on_mount(self) -> None:
        self.fit_width()

    def fit_width(self) -> None:
        """Keys that do not fit are hidden from the right, never ``? Help`` or ``q Quit``: cut short,
        Textual's footer would drop whatever came last."""
        keys = [key for key in self.query(FooterKey) if not key.has_class("-command-palette")]
        room = (self.size.width or self.screen.size.width) - self.PALETTE_WIDTH - 1
        used = sum(self._width(key) for key in keys)
        for key in reversed(keys):
            fits = used <= room or key.action.removeprefix("app.").removeprefix("screen.") in self.KEPT
            key.display = fits
            used -= 0 if fits else self._width(key)

    @staticmethod
    def _width(key: FooterKey) -> int:
        """A key as the footer draws it: ``key description``, a cell before and after."""
        return cell_len(key.key_display) + cell_len(key.description) + 3

    async def recompose(self) -> None:
        await super().recompose()
        self.fit_width()
