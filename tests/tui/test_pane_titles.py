"""A pane's title names the report: its headline, its outlet and when it was published (issue 12)."""

from pilot_helpers import wait_for_story

from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.widgets.report_pane import ReportPane


async def test_the_pane_title_shows_the_outlet_and_the_publication_time(tmp_path):
    (tmp_path / "a.txt").write_text(
        "http://www.example.org/news/quake.html\nUpdated: November 11, 2011 20:09 IST\n"
        "Quake kills ten on the island\nAn earthquake killed 10 people on Sunday, officials said.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ten people died when the quake struck on Sunday.\n", encoding="utf-8")
    app = SahelReaderApp([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], None)
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await wait_for_story(pilot)
        dated, undated = (str(pane.border_title) for pane in screen.panes)
        assert dated == "example.org · 11 Nov 2011 20:09 +05:30 · Quake kills ten on the island"
        assert undated == "b"


async def test_p_orders_the_panes_by_publication_time_and_back(tmp_path):
    texts = {"a.txt": "Updated: November 12, 2011 08:00 IST\nTwelve people died in the quake.\n",
             "b.txt": "Ten people died when the quake struck on Sunday.\n",
             "c.txt": "Updated: November 11, 2011 20:09 IST\nAn earthquake killed 10 people on Sunday.\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = SahelReaderApp([str(tmp_path / name) for name in texts], None)
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("tab")  # the focus on b, which moves
        await pilot.pause()
        assert screen.pane.document.id == "b"
        shown = lambda: [pane.document.id for pane in screen.panes]  # noqa: E731
        on_screen = lambda: [pane.document.id for pane in screen.row.query(ReportPane)]  # noqa: E731
        await pilot.press("p")
        await pilot.pause()
        assert shown() == on_screen() == ["c", "a", "b"]
        assert screen.pane.document.id == "b" and screen.pane.has_focus
        await pilot.press("shift+tab")
        await pilot.pause()
        assert screen.pane.document.id == "a"  # the keys follow the new order
        await pilot.press("p")
        await pilot.pause()
        assert shown() == on_screen() == ["a", "b", "c"]


async def test_p_orders_a_windowed_story_and_keeps_the_focused_pane_mounted(tmp_path):
    """Past eight reports only a window of panes is mounted: the order holds there too."""
    from sahel_reader.tui.widgets.pane_window import MOUNTED_PANES

    count = 12
    for number in range(count):  # r00 published last, r11 first
        (tmp_path / f"r{number:02d}.txt").write_text(
            f"Updated: November {25 - number}, 2011 10:00 IST\nOfficials said {70 + number} people were killed.\n",
            encoding="utf-8")
    app = SahelReaderApp([str(tmp_path)], None)
    async with app.run_test(size=(140, 30)) as pilot:
        screen = await wait_for_story(pilot)
        assert len(screen.panes) == count > MOUNTED_PANES
        await pilot.press("p")
        await pilot.pause()
        assert [pane.document.id for pane in screen.panes] == [f"r{n:02d}" for n in reversed(range(count))]
        assert screen.pane.document.id == "r00" and screen.pane.is_mounted and screen.focused is screen.pane
        mounted = [pane.document.id for pane in screen.row.query(ReportPane)]
        assert mounted == [p.document.id for p in screen.panes if p.is_mounted] and "r00" == mounted[-1]
        await pilot.press("tab")
        await pilot.pause()
        assert screen.pane.document.id == "r11" and screen.pane.is_mounted


async def test_p_on_reports_of_no_known_time_says_so_and_keeps_the_order(tmp_path):
    """The bundled story gives no times: `p` must not claim "publication order … after them"."""
    from pilot_helpers import record_notifications, seed_app

    app = seed_app()
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await wait_for_story(pilot)
        told = record_notifications(app)
        before = [pane.document.id for pane in screen.panes]
        await pilot.press("p")
        await pilot.pause()
        assert [pane.document.id for pane in screen.panes] == before
        assert told == ["No report gives its publication time: the panes stay in the story's order."]
