"""A scroll view laid out again without its scrollbars repainted when nothing of them changes."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


class SteadyScrollView(ScrollView):
    """A ``ScrollView`` whose virtual size is its own (a report pane's wrapped text).

    ``ScrollView._size_updated`` compares the layout's virtual size with the view's own, which for such
    a view always differ, so every layout of the screen refreshed its scrollbars: a modal opening over
    the reader (which sends the reader a resize) made the reader change under it, and the modal painted
    it dimmed a second time. Here a layout that changes neither the view's size nor what its scrollbar
    shows leaves it alone; any other goes through ``ScrollView`` as before (a scrollbar shown by the
    layout gets its thumb there).
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        bar = self._vertical_scrollbar
        if (size == self._size and container_size == self.container_size and bar is not None
                and bar.window_virtual_size == self.virtual_size.height
                and bar.window_size == container_size.height - self.scrollbar_size_horizontal):
            return False
        return super()._size_updated(size, virtual_size, container_size, layout)
