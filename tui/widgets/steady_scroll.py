"""A scroll view that leaves Textual's scrollbar widgets alone: its bar is drawn in its rows."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


class SteadyScrollView(ScrollView):
    """A ``ScrollView`` whose scrollbar widgets are hidden (``scrollbar-visibility: hidden``; the pane
    draws its bar in its rows, ``pane_scrollbar.py``) and so never moved, sized or refreshed.

    ``ScrollView`` moves its scrollbar as it scrolls and sizes it whenever its size changes, each a
    refresh of a widget that is not shown. Textual's compositor keeps no place for such a widget among
    those shown, so each refresh left its map of all widgets stale, and the next paint mapped the whole
    screen anew: at a thousand reports, on every ``]`` and ``tab``. A layout that sized the scrollbars
    also repainted the panes, so a modal opening over the reader (which sends the reader a resize) made
    the reader change under it, and the modal painted it dimmed a second time.
    """

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)

    def _scroll_update(self, virtual_size: Size) -> None:  # as Widget's, less the scrollbars' sizes
        self._refresh_scrollbars()  # whether the scrollbar's gutter is there
        self.scroll_x = self.validate_scroll_x(self.scroll_x)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)
