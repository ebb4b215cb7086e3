"""Annotate, save, quit, reopen: the note, the marks and where the reader was all come back."""

from pathlib import Path

from pilot_helpers import record_notifications, seed_app, sentence_text, settle, wait_for_recovery_file, wait_for_story

from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.screens.dialogs import ChoiceScreen, SavePathScreen


async def test_annotate_save_quit_and_reopen_finds_the_note(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "bamako.sahel.yaml"
    app = seed_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("l", "j", "j")
        await pilot.press("a")
        await pilot.press(*"check the 77")
        await pilot.press("tab", *"verified")
        await pilot.press("ctrl+s")  # keeps the note
        await pilot.press("h", "m", "l")
        await pilot.press("ctrl+s")  # saves the session: asks where
        await pilot.pause()
        assert isinstance(app.screen, SavePathScreen)
        field = app.screen.query_one("#save-path")
        assert field.value == str(tmp_path / "attack-in-bamako-mali-september-2024.sahel.yaml")
        field.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert target.exists() and not screen.dirty and "unsaved" not in screen.title
        noted_sentence = sentence_text(screen.pane)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    first_save = target.read_bytes()

    reopened = SahelReaderApp([str(target)], session=target)
    async with reopened.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert screen.pane is screen.panes[1] and sentence_text(screen.pane) == noted_sentence
        notes = screen.session.annotations
        assert [(n.note, n.tags) for n in notes] == [("check the 77", ["verified"])]
        assert notes[0].anchor.exact == noted_sentence
        assert len(screen.session.marks) == 1 and screen.session.marks[0].anchor.doc.startswith("000")
        await pilot.press("ctrl+s")  # saved again, unchanged
        await settle(pilot)
    assert target.read_bytes() == first_save
    assert Path(str(target) + ".bak").read_bytes() == first_save


async def test_a_broken_session_is_refused_and_left_untouched(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("sahel_reader_session: 1\ndocuments: [unclosed\n", encoding="utf-8")
    before = broken.read_bytes()
    app = SahelReaderApp([str(broken)], session=broken)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "broken.yaml" in status and "line" in status
        await pilot.press("ctrl+s", "q")
        await pilot.pause()
    assert broken.read_bytes() == before


async def test_after_a_crash_the_next_start_offers_the_unsaved_work(app, quick_recovery):
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("j", "m")
        await wait_for_recovery_file(pilot, screen)
        recovery = screen.recovery.path
        assert recovery.exists()
        app.exit()  # as a crash would: no question, nothing saved
    again = seed_app()
    async with again.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.pause()
        assert isinstance(again.screen, ChoiceScreen)
        await pilot.press("enter")  # Restore
        await pilot.pause()
        assert len(screen.session.marks) == 1 and screen.dirty
        assert 1 in screen.panes[0].view.marked


async def test_embed_saves_the_texts_and_export_runs_from_the_reader(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = SahelReaderApp([str(p) for p in seed_app().paths], "Bamako", embed=True)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("m", "ctrl+s")
        await pilot.pause()
        app.screen.query_one("#save-path").value = str(tmp_path / "one-file.sahel.yaml")
        await pilot.press("enter")
        await settle(pilot)
        assert "More than 70 people were killed" in (tmp_path / "one-file.sahel.yaml").read_text(encoding="utf-8")
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-html")
        await pilot.pause()
        assert app.screen.query_one("#save-path").value == str(tmp_path / "one-file.html")
        await pilot.press("enter")
        await pilot.pause()
        assert "<html" in (tmp_path / "one-file.html").read_text(encoding="utf-8")
        assert screen.session_path == tmp_path / "one-file.sahel.yaml"


async def test_reports_from_far_apart_are_saved_by_default_in_the_working_folder(tmp_path, monkeypatch):
    """Their only shared folder is the root: the session goes where the reader started instead."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text("Officials said 77 people were killed on Tuesday.\n", encoding="utf-8")
    app = SahelReaderApp([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], "two places")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        screen.story.documents[1].path = "/srv/elsewhere/two.txt"  # as if opened from far away
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SavePathScreen)
        assert app.screen.query_one("#save-path").value == str(work / "two-places.sahel.yaml")


async def test_a_moved_embedded_session_says_in_one_notification_what_was_found_where(tmp_path):
    import shutil

    from sahel_reader.story.annotations import Session
    from sahel_reader.story.documents import bundled_seed_paths, load_paths
    from sahel_reader.story.session import new_session_documents, save_session

    reports = tmp_path / "reports"
    reports.mkdir()
    copies = [reports / seed.name for seed in bundled_seed_paths()]
    for seed, copy in zip(bundled_seed_paths(), copies):  # not the bundled texts, which would be found
        copy.write_text(seed.read_text(encoding="utf-8") + "\nUpdated.\n", encoding="utf-8")
    documents = load_paths(copies).documents
    saved = tmp_path / "reading.yaml"
    save_session(Session(documents=new_session_documents(documents, saved, embed=True), embed=True), saved)
    (tmp_path / "elsewhere").mkdir()
    moved = saved.rename(tmp_path / "elsewhere" / "reading.yaml")
    shutil.rmtree(reports)

    app = SahelReaderApp([str(moved)], session=moved)
    told = record_notifications(app)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await settle(pilot)
        assert len(screen.panes) == 5
    assert len(told) == 1, told
    assert told[0] == (f"{moved}: 5 reports were not at the recorded path: 5 read from the copies embedded in "
                       f"the session ({', '.join(d.id for d in documents[:3])} and 2 more).")
