"""Painted lines that cost the collector little (tui/lean_strips.py) are the lines Textual would paint."""

import gc

from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import MONOKAI
from textual.color import Color
from textual.filter import ANSIToTruecolor, Monochrome
from textual.strip import Strip

from sahel_reader.tui import lean_strips

ORIGINAL_INIT = Strip.__init__


def strips() -> list[Strip]:
    return [Strip([Segment("Gunmen ", Style()), Segment("attacked", Style(bold=True)), Segment(" a school", Style())]),
            Strip([Segment("77", Style(color="red"))]), Strip([]), Strip([Segment("wide 七十七 ", Style(italic=True))])]


def textuals(strip: Strip) -> Strip:
    """The same strip as Textual makes it, with every cache of its own."""
    made = Strip.__new__(Strip)
    ORIGINAL_INIT(made, list(strip), strip.cell_length)
    return made


def segments(result) -> list:
    return [list(s) for s in result] if isinstance(result, list) else list(result)


def test_every_derived_strip_is_textuals_own_and_twice_the_same():
    """Crops, divisions, filters, styles, lengths and offsets, asked once and again (from the caches made
    on first use), as Textual's own strip makes them."""
    lean_strips.keep_strips_lean()
    background = Color(10, 20, 30)
    for strip in strips():
        original = textuals(strip)
        n = strip.cell_length
        asks = [
            *((lambda s, a=a, b=b: s.crop_extend(a, b, None)) for a, b in [(0, n), (0, n + 3), (1, n), (2, n + 2)]),
            *((lambda s, a=a, b=b: s.crop(a, b)) for a, b in [(0, n), (1, n), (0, max(0, n - 1)), (2, n + 5)]),
            *((lambda s, c=c: s.divide(c)) for c in ([n], [1, n], [n, n + 4], [3, 5, n], [n + 3, n], [], (n,))),
            *((lambda s, f=f: s.apply_filter(f, background)) for f in (ANSIToTruecolor(MONOKAI), Monochrome())),
            lambda s: s.apply_style(Style(underline=True)), lambda s: s.adjust_cell_length(n + 2, Style(bold=True)),
            lambda s: s.adjust_cell_length(max(0, n - 1)), lambda s: s.apply_offsets(3, 4),
        ]
        for ask in asks:
            expected = segments(ask(original))
            assert segments(ask(strip)) == expected
            assert segments(ask(strip)) == expected, "asked again, from the strip's cache"


def test_a_strip_makes_no_cache_until_it_stores_in_one():
    lean_strips.keep_strips_lean()
    strip = Strip([Segment("seventy-seven")])
    assert {name for name in lean_strips.STRIP_SLOTS if name.endswith("_cache")
            and type(getattr(strip, name)).__name__ == "FIFOCache"} == set()
    strip.divide([3, strip.cell_length])
    strip.apply_filter(ANSIToTruecolor(MONOKAI), Color(0, 0, 0))
    strip.crop(1, 4)
    assert {name for name in lean_strips.STRIP_SLOTS if type(getattr(strip, name)).__name__ == "FIFOCache"} == {
        "_divide_cache", "_filter_cache", "_crop_cache"}


def test_a_new_strip_brings_the_collector_two_objects_not_sixteen():
    lean_strips.keep_strips_lean()
    segment = Segment("line")
    gc.collect()
    before = len(gc.get_objects())
    kept = [Strip([segment], 4) for _ in range(1000)]
    assert len(gc.get_objects()) - before < 2.5 * len(kept)  # the strip and its list of segments


def test_a_strip_cropped_or_divided_whole_is_freed_by_its_last_reference():
    lean_strips.keep_strips_lean()
    gc.collect()
    gc.disable()
    try:
        for strip in strips():
            strip.crop_extend(0, strip.cell_length, None)
            strip.divide([strip.cell_length])
        del strip
        assert gc.collect() == 0, "nothing was left in a cycle"
    finally:
        gc.enable()
