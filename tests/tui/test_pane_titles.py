"""A pane's title names the report: its headline, its outlet and when it was published (issue 12)."""

from pilot_helpers import wait_for_story

from sahel_reader.tui.app import SahelReaderApp


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
        assert dated == "Quake kills ten on the island · example.org · 11 Nov 2011 20:09 +05:30"
        assert undated == "b"
