"""The reader's footer, redrawn only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class ReaderFooter(Footer):
    """Moving between panes moves the focus, which makes Textual's footer rebuild all its keys;
    the keys shown stay the same, so this one skips the rebuild (a third of a pane switch's time)."""

    _shown: tuple = ()

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple((binding.key, binding.action, binding.description, enabled, tooltip)
                      for _, binding, enabled, tooltip in screen.active_bindings.values() if binding.show)
        if self._bindings_ready and shown == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown
        super().bindings_changed(screen)
