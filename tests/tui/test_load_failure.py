"""A load that fails in a way nobody foresaw is told in the reader, which stays open (issue 16)."""

from pilot_helpers import seed_app, settle

from sahel_reader.tui.widgets.status_bar import StatusBar


async def test_an_exception_in_analysis_is_told_and_the_reader_stays_open(monkeypatch):
    from sahel_reader.story import analysis  # the loading worker looks analyse up here when it runs

    def broken(*_args, **_kwargs):
        raise RuntimeError("the linker broke")

    monkeypatch.setattr(analysis, "analyse", broken)
    app = seed_app()
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        assert app.is_running and app.return_code is None
        status = str(app.screen.query_one(StatusBar).render())
        assert "could not be read (RuntimeError: the linker broke)" in status
        assert "Press q to quit" in str(app.screen.query_one("#progress").render())
        assert [n.title for n in app._notifications] == ["Not opened"]
        enabled = {b.action: on for _, b, on, _ in app.screen.active_bindings.values()}
        assert not enabled["matrix"] and not enabled["save"] and not enabled["next_version"]
        assert enabled["help"] and enabled["quit"], "the footer dims only the keys that cannot act"
        await pilot.press("j", "c", "ctrl+s")  # keys that need a story do nothing
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
