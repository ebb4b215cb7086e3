"""The reader's footer: its keys in the first frame, redrawn only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class ReaderFooter(Footer):
    """Textual's footer composes empty and fills itself in one refresh later, which the loading
    worker then slows down; this one shows its keys at once, so the first frame has them.

    Moving between panes moves the focus, which makes Textual's footer rebuild all its keys;
    the keys shown stay the same, so this one skips the rebuild (a third of a pane switch's time)."""

    _shown: tuple = ()

    def compose(self) -> ComposeResult:
        self.set_reactive(Footer._bindings_ready, True)
        self._shown = self._keys_shown(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Textual binds these keys' ``compact`` to the footer's once mounted; set now, the
                # same value spares each key two restyles (the palette key keeps its own).
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
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
