"""Time in the reader: `t` lists each fact's versions in publication order with the updates marked,
and the inspector shows each version's time and the change it makes."""

from __future__ import annotations

from pathlib import Path

import yaml
from pilot_helpers import wait_for_story

from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.screens.inspector import ClaimInspector
from sahel_reader.tui.screens.timeline import NO_TIMELINE, TimelineScreen

REPORTS = [  # the manifest's order is not the order of publication
    ("herald", "2024-05-01T16:20+00:00", "Ten people died in the Lakeside floods, the mayor said. "
                                         "The river rose 4 metres overnight."),
    ("wire", "2024-05-01T10:23+00:00", "At least three people were killed in the floods in Lakeside, officials said."),
    ("daily", "2024-05-01T16:00+00:00", "Ten people were killed in the floods in Lakeside, officials said. "
                                        "The river rose 4 metres."),
]


def _manifest(folder: Path) -> Path:
    for name, _, text in REPORTS:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    entries = [{"path": f"{name}.txt", "outlet": name.title(), "date": published} for name, published, _ in REPORTS]
    manifest = folder / "story.yaml"
    manifest.write_text(yaml.safe_dump({"title": "Floods", "reports": entries}, sort_keys=False), encoding="utf-8")
    return manifest


def _rows(table) -> list[str]:
    return [" | ".join(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count)]


async def test_t_lists_the_toll_in_publication_order_with_the_rise_marked_and_enter_jumps(tmp_path):
    app = SahelReaderApp([str(_manifest(tmp_path))])
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await wait_for_story(pilot)
        await pilot.press("J", "t")  # the herald's "Ten", then the timeline
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        table = app.screen.query_one("#timeline-table")
        rows = _rows(table)
        toll = next(n for n, row in enumerate(rows) if row.startswith("death toll"))
        assert table.cursor_row == toll, "the timeline opens at the fact under the cursor"
        assert rows[toll + 1].startswith("1 May 2024 10:23 +00:00 | Wire | at least three")
        assert rows[toll + 2].startswith("1 May 2024 16:00 +00:00 | Daily | ten")
        assert rows[toll + 2].endswith("↑ at least three → ten, 5 h 37 min later")
        # the herald is 20 minutes after the daily, so the standing figure it revises is still the wire's
        assert rows[toll + 3].endswith("↑ at least three → ten, 5 h 57 min later")
        assert rows[toll].endswith("= AGREE | 2 updates")

        await pilot.press("down", "enter")  # the wire's version
        await pilot.pause()
        assert app.screen is reader
        assert reader.pane.document.id == "wire" and reader.pane.selected_claim is not None


async def test_the_inspector_shows_each_versions_time_and_the_update_it_makes(tmp_path):
    app = SahelReaderApp([str(_manifest(tmp_path))])
    async with app.run_test(size=(180, 45)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("J", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ClaimInspector)
        table = app.screen.query_one("#inspector-table")
        headers = [str(column.label) for column in table.columns.values()]
        assert headers[-3:] == ["published", "change", "sentence"]
        rows = _rows(table)
        assert [row.split(" | ")[2].split()[-1] for row in rows] == ["Wire", "Daily", "Herald"]  # outlets, in time order
        assert "↑ at least three → ten, 5 h 37 min later" in rows[1]


def untimed_story(folder) -> SahelReaderApp:
    """The reader on two reports that give no publication time: the timeline has nothing to order."""
    (folder / "a.txt").write_text("Ten people were killed in Lakeside, officials said.", encoding="utf-8")
    (folder / "b.txt").write_text("Twelve people were killed in Lakeside, police said.", encoding="utf-8")
    return SahelReaderApp([str(folder)])


async def test_a_story_without_publication_times_says_where_times_come_from(tmp_path):
    app = untimed_story(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert NO_TIMELINE in str(app.screen.query_one(".modal-title").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TimelineScreen)


async def test_a_timeline_with_nothing_to_show_has_no_empty_table_and_no_enter_to_press(tmp_path):
    """Only the sentence saying why: no header row over nothing, no "enter: jump" that cannot jump."""
    from textual.widgets import DataTable

    app = untimed_story(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for_story(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert not app.screen.query_one(DataTable).display
        assert str(app.screen.query_one(".modal-keys").render()) == "escape: close"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TimelineScreen)
