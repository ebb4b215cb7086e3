"""Painted lines freed without a collection (tui/acyclic_strips.py) are the lines Textual would paint."""

import gc

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from sahel_reader.tui import acyclic_strips


def strips() -> list[Strip]:
    return [Strip([Segment("Gunmen "), Segment("attacked", Style(bold=True)), Segment(" a school")]),
            Strip([Segment("77", Style(color="red"))]), Strip([])]


def test_crops_and_divisions_are_textuals_own():
    """Every crop and division, the strip whole among them, as Textual makes it."""
    acyclic_strips.keep_strips_acyclic()
    for strip in strips():
        n = strip.cell_length
        for start, end in [(0, n), (0, n + 3), (1, n), (0, max(0, n - 1)), (2, n + 2)]:
            assert list(strip.crop_extend(start, end, None)) == list(acyclic_strips._crop_extend(strip, start, end, None))
        for cuts in ([n], [1, n], [n, n + 4], [3, 5, n], [n + 3, n], [], (n,)):
            assert [list(s) for s in strip.divide(cuts)] == [list(s) for s in acyclic_strips._divide(strip, cuts)]


def test_a_strip_cropped_or_divided_whole_is_freed_by_its_last_reference():
    acyclic_strips.keep_strips_acyclic()
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
