"""Every private part of Textual the reader (and its tests) leans on, named one by one, with the
Textual range pyproject.toml allows: an upgrade that moves one of them fails here, by name, instead
of in a reader's terminal. Raise the range only with this file passing."""

import re
from importlib.metadata import version
from pathlib import Path

from textual.reactive import Reactive
from textual.widgets import Footer

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_textual_is_the_range_pyproject_pins():
    low, high = re.search(r'"textual>=([\d.]+),<([\d.]+)"', PYPROJECT.read_text(encoding="utf-8")).groups()
    installed = tuple(int(part) for part in version("textual").split(".")[:3])
    assert tuple(map(int, low.split("."))) <= installed < tuple(map(int, high.split(".")))


def test_styles_cache_get_inner_outer_is_an_lru_cache():
    """tui/widgets/pane_window.py clears it when panes leave the window (Textualize/textual#6665)."""
    from textual._styles_cache import StylesCache

    assert callable(StylesCache.get_inner_outer.cache_clear)


def test_footer_key_and_the_footer_bindings_ready_reactive():
    """tui/widgets/footer.py composes the footer's keys at once and skips rebuilds that change nothing."""
    from textual.widgets._footer import FooterKey

    assert isinstance(Footer._bindings_ready, Reactive) and isinstance(FooterKey.compact, Reactive)
    assert callable(Footer.bindings_changed)


def test_what_the_ui_tests_read():
    """Notifications shown, the compositor's render and the screens under the top one."""
    from textual.app import App
    from textual.screen import Screen

    app = App()
    assert hasattr(app, "_notifications") and isinstance(App._background_screens, property)
    assert "_compositor" in Screen.__init__.__code__.co_names


def test_a_scroll_views_scrollbars_follow_its_virtual_size():
    """tui/widgets/report_pane.py sets a pane's virtual size without a layout, then updates its
    scrollbars as ScrollView does when its size changes."""
    from textual.scroll_view import ScrollView

    assert "_scroll_update" in ScrollView._size_updated.__code__.co_names
    assert callable(ScrollView._scroll_update)


def test_what_a_steady_scroll_view_overrides():
    """tui/widgets/steady_scroll.py replaces ScrollView's scroll watchers and Widget._scroll_update, and calls
    what they call but the scrollbar widgets: ``_refresh_scrollbars`` and the validators of the offsets."""
    import inspect

    from textual.scroll_view import ScrollView
    from textual.widget import Widget

    for name in ("watch_scroll_x", "watch_scroll_y"):
        assert list(inspect.signature(getattr(ScrollView, name)).parameters) == ["self", "old_value", "new_value"]
    assert list(inspect.signature(Widget._scroll_update).parameters) == ["self", "virtual_size"]
    assert {"_refresh_scrollbars", "validate_scroll_x", "validate_scroll_y"} <= set(Widget._scroll_update.__code__.co_names)


def test_a_strips_slots_are_those_lean_strips_sets():
    """tui/lean_strips.py makes a strip without its caches: it sets every slot Textual's strip has,
    and wraps the methods that store in the three caches it makes on first use."""
    from textual.strip import Strip

    from sahel_reader.tui import lean_strips

    assert tuple(Strip.__slots__) == lean_strips.STRIP_SLOTS
    for textuals, cache in ((lean_strips._divide, "_divide_cache"), (lean_strips._apply_filter, "_filter_cache"),
                            (lean_strips._crop, "_crop_cache")):
        assert cache in textuals.__code__.co_names


def test_what_framed_rows_override_and_call_in_textuals_styles_cache():
    """tui/framed_rows.py subclasses StylesCache: ``render`` sets the frame, ``render_line`` frames a text
    row with ``get_box``'s side segments; a widget's cache is its ``_styles_cache``. Their arguments, by
    name and order, are what the override passes on."""
    import inspect

    from textual._border import get_box
    from textual._styles_cache import StylesCache
    from textual.widget import Widget

    assert list(inspect.signature(StylesCache.render).parameters)[:13] == [
        "self", "styles", "size", "base_background", "background", "render_content_line", "filters", "border_title",
        "border_subtitle", "content_size", "padding", "crop", "opacity"]
    assert list(inspect.signature(StylesCache.render_line).parameters)[:9] == [
        "self", "styles", "y", "size", "content_size", "padding", "base_background", "background",
        "render_content_line"]
    assert list(inspect.signature(get_box).parameters) == ["name", "inner_style", "outer_style", "style"]
    assert "_styles_cache" in Widget.__init__.__code__.co_names


def test_the_scrollbar_a_pane_draws_in_its_rows_is_textuals_render_bar():
    """tui/pane_scrollbar.py draws Textual's own bar (``ScrollBarRender.render_bar``) in the pane's gutter."""
    import inspect

    from textual.scrollbar import ScrollBarRender

    assert list(inspect.signature(ScrollBarRender.render_bar).parameters) == [
        "size", "virtual_size", "window_size", "position", "thickness", "vertical", "back_color", "bar_color"]
