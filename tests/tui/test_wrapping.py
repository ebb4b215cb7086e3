"""Wrapping a long report: the quick path gives the same lines as the word-by-word one, and a pane
wraps what is on screen at once and the rest after (issue 18, item 4)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pilot_helpers import settle, wait_for_story

from sahel_reader.tui import layout
from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.layout import LazyWrap, wrap

WORDS = st.lists(st.sampled_from(["a", "bb", "toll", "x" * 30, " ", "  ", "\t", "’", "é", "—", "77", "\n", "字", "e\u0301"]),
                 max_size=40).map("".join)


def word_by_word(text: str, width: int) -> list:
    lines, offset = [], 0
    for paragraph in text.split("\n"):
        measure = len if paragraph.isascii() else layout.cell_len
        if measure(paragraph) <= width:
            lines.append(layout.VisualLine(offset, offset + len(paragraph)))
        else:
            lines += layout._wrap_tokens(paragraph, offset, width, measure)
        offset += len(paragraph) + 1
    return lines


@settings(max_examples=400, deadline=None)
@given(WORDS, st.integers(1, 50))
def test_the_quick_wrap_gives_the_word_by_word_lines(text, width):
    assert wrap(text, width) == word_by_word(text, width)


@given(st.lists(WORDS, max_size=4))
def test_a_paragraph_is_one_cell_each_as_its_characters_measure_whatever_was_measured_before(texts):
    for paragraph in "".join(texts).split("\n"):  # the characters kept from earlier paragraphs decide nothing
        assert layout._one_cell_each(paragraph) == (paragraph.isascii() or all(layout.cell_len(c) == 1 for c in paragraph))


@given(WORDS, st.integers(1, 50), st.integers(0, 60))
def test_a_lazy_wrap_ends_with_the_lines_of_a_whole_one(text, width, step):
    lazy = LazyWrap(text, width)
    lazy.cover_row(2)
    assert lazy.lines == wrap(text, width)[:len(lazy.lines)] and (lazy.done or len(lazy.lines) > 2)
    while not lazy.done:
        lazy.wrap_some(step)
    assert lazy.lines == wrap(text, width) and lazy.starts == [line.start for line in lazy.lines]


def long_report(folder, paragraphs: int = 1000):
    text = "\n\n".join(f"Paragraph {n}: officials said {n} people were killed in the attack on the camp, "
                       f"and witnesses told reporters that the toll would rise." for n in range(paragraphs))
    (folder / "long.txt").write_text(text + "\n", encoding="utf-8")
    return str(folder / "long.txt")


def rows_on_screen(pane) -> list[str]:
    return ["".join(segment.text for segment in pane.render_line(y)).strip() for y in range(3)]


@pytest.mark.slow(11)
async def test_a_long_report_shows_its_first_rows_at_a_new_width_and_wraps_the_rest_after(tmp_path, monkeypatch):
    from sahel_reader.tui.widgets.report_pane import ReportPane

    monkeypatch.setattr(ReportPane, "_WRAP_STEP", 700)  # small steps: the report's 140 kB take two hundred
    left_for_later = {}  # by width: the characters not wrapped when the pane took that width
    wrap_later = ReportPane._wrap_later

    def recorded(pane) -> None:
        left_for_later[pane._wrapped_width] = len(pane._text) - pane._wrap._offset
        wrap_later(pane)

    monkeypatch.setattr(ReportPane, "_wrap_later", recorded)
    app = SahelReaderApp([long_report(tmp_path)], "long")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await settle(pilot)
        pane = screen.pane
        await pilot.resize_terminal(100, 45)
        await pilot.pause()  # the steps may all have run by now on a busy machine (a pause waits for quiet)
        assert left_for_later.get(pane._wrapped_width, 0) > 130_000, "the rest of the report is left for later"
        assert rows_on_screen(pane)[0].startswith("▌")
        assert "Paragraph 0: officials said 0 people" in rows_on_screen(pane)[0]
        for _ in range(1000):
            if pane._wrap.done:
                break
            await pilot.pause(0.02)
        width = pane._wrapped_width
        assert pane._wrap.done and pane._lines == wrap(pane._text, width)
        assert pane.virtual_size.height == len(pane._lines)
        await pilot.press("end")  # the last rows, drawn from the whole wrap
        await pilot.pause()
        assert "toll would rise." in "".join(rows_on_screen(pane)) or pane.scroll_y == pane.max_scroll_y
