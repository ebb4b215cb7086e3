"""The reader keeps the work of everyone on a session: another reader's save is merged, a recovery
file is this reader's own, restoring puts notes back on their sentences inside what is open, and
saving never stops the keys."""

import threading
from pathlib import Path

from pilot_helpers import record_notifications, settle, wait_for_recovery_file, wait_for_story, wait_until

from sahel_reader.story import session as session_module
from sahel_reader.story.annotations import Anchor, Annotation, Session
from sahel_reader.story.documents import load_paths
from sahel_reader.story.recovery import Recovery, read_recovered
from sahel_reader.story.session import load_session, new_session_documents, save_session
from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.screens.dialogs import ChoiceScreen

REPORTS = {
    "afp.txt": "Attack in Bamako\n\nMore than 70 people were killed.\nA source said 77 had died.\n"
               "An official put the toll at almost 100.\n",
    "ap.txt": "Mali attack\n\nAround 70 people were killed, officials said.\nThe airport reopened.\n",
}


def story(tmp_path: Path, *, embed: bool = False, notes: int = 1) -> Path:
    """The reports, and a session beside them with ``notes`` notes on the first report."""
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    documents = load_paths([tmp_path / name for name in REPORTS]).documents
    path = tmp_path / "reading.yaml"
    afp = documents[0]
    saved = [Annotation(f"n{i + 1}", Anchor.of(afp.id, afp.text, *afp.sentences[1 + i]), f"saved note {i + 1}",
                        [], "t", "t") for i in range(notes)]
    save_session(Session(new_session_documents(documents, path, embed=embed), saved, embed=embed), path)
    return path


async def add_note(pilot, text: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*text, "ctrl+s")
    await pilot.pause()


async def test_another_readers_save_is_merged_not_overwritten(tmp_path):
    path = story(tmp_path)
    app = SahelReaderApp([str(path)], session=path)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        other = load_session(path)  # another reader on the same session adds a note and saves
        afp = other.documents[0]
        other.session.annotations.append(Annotation("n2", Anchor.of(afp.id, afp.text, *afp.sentences[3]),
                                                    "the other reader's note", [], "t", "t"))
        save_session(other.session, path, known=other.disk)
        await pilot.press("j", "j")
        await add_note(pilot, "my note")
        await pilot.press("ctrl+s")
        await settle(pilot)
        notes = sorted(a.note for a in load_session(path).session.annotations)
        assert notes == ["my note", "saved note 1", "the other reader's note"]
        assert sorted(a.note for a in screen.session.annotations) == notes and not screen.dirty
        (told,) = [n.message for n in app._notifications if n.title == "Saved, merged"]
        assert told.startswith(f"{path} had changed since it was read") and "1 of its notes" in told
        assert "my note" not in Path(f"{path}.bak").read_text(encoding="utf-8")


async def test_the_reader_is_told_when_another_reader_saves_the_open_session(tmp_path, monkeypatch):
    from sahel_reader.tui.widgets import work_keeper

    monkeypatch.setattr(work_keeper, "WATCH_EVERY", 0.2)
    looks, watch = [], work_keeper.WorkKeeper._watch_session_file

    def counted_watch(keeper) -> None:
        looks.append(1)
        watch(keeper)

    monkeypatch.setattr(work_keeper.WorkKeeper, "_watch_session_file", counted_watch)

    def told() -> list[str]:
        return [n.message for n in app._notifications if n.title == "Changed elsewhere"]

    path = story(tmp_path)
    app = SahelReaderApp([str(path)], session=path)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await wait_for_story(pilot)
        seen = len(looks)
        await wait_until(pilot, lambda: len(looks) >= seen + 2)  # two looks at the file nobody changed
        assert not told()
        other = load_session(path)
        other.session.annotations[0].note = "edited by the other reader"
        save_session(other.session, path, known=other.disk)
        await wait_until(pilot, told)
        assert told() == [f"{path} was changed by another reader or an edit since you opened it; your next save"
                          " merges both."]


async def test_a_change_made_while_the_save_runs_stays_unsaved(tmp_path, monkeypatch):
    path = story(tmp_path)
    release, started = threading.Event(), threading.Event()
    real_save = session_module.save_session

    def slow_save(*args, **kwargs):
        started.set()
        assert release.wait(10), "the test never let the save finish"
        return real_save(*args, **kwargs)

    app = SahelReaderApp([str(path)], session=path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await add_note(pilot, "before")
        monkeypatch.setattr(session_module, "save_session", slow_save)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert started.wait(5)
        before = screen.pane.cursor
        await pilot.press("j", "m")  # keys work while the file is written
        await pilot.pause()
        assert screen.pane.cursor == before + 1 and len(screen.session.marks) == 1
        release.set()
        await settle(pilot)
        assert screen.dirty and "unsaved" in screen.title  # the mark came after the save began
        assert [a.note for a in load_session(path).session.annotations] == ["saved note 1", "before"]
        assert load_session(path).session.marks == []


async def test_recovery_restores_each_note_on_its_sentence_merged_into_the_open_session(tmp_path, quick_recovery):
    path = story(tmp_path, embed=True)
    size = path.stat().st_size
    app = SahelReaderApp([str(path)], session=path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("j", "j", "j")
        await add_note(pilot, "unsaved")
        await wait_for_recovery_file(pilot, screen)
        assert read_recovered(screen.recovery.path).annotations[-1].note == "unsaved"
        app.exit()  # as a crash would: no question, nothing saved
    again = SahelReaderApp([str(path)], session=path)
    told = record_notifications(again)
    async with again.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await settle(pilot)
        assert isinstance(again.screen, ChoiceScreen) and "(2 notes, marks and verdicts)" in again.screen.question
        assert [str(b.label) for b in again.screen.query("Button")] == ["r Restore", "d Discard it", "n Not now"]
        await pilot.click("#choice-restore")
        await pilot.pause()
        assert "Restored 1 note, mark or verdict." in told
        notes = {a.note: a for a in screen.session.annotations}
        assert set(notes) == {"saved note 1", "unsaved"} and screen.dirty
        assert not notes["unsaved"].orphan and notes["unsaved"].anchor.exact == "An official put the toll at almost 100."
        assert 3 in screen.panes[0].view.noted
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert path.stat().st_size > size  # the embedded texts stay, and a note was added
    assert sorted(a.note for a in load_session(path).session.annotations) == ["saved note 1", "unsaved"]
    assert all(d.text for d in load_session(path).session.documents)


async def test_quitting_without_saving_leaves_another_readers_recovery_file(tmp_path):
    story(tmp_path)
    paths = [str(tmp_path / name) for name in REPORTS]
    documents = load_paths(paths).documents
    other = Recovery(paths)  # another reader of the same reports, running, with unsaved work
    afp = documents[0]
    other.write(Session(annotations=[Annotation("n1", Anchor.of(afp.id, afp.text, *afp.sentences[1]),
                                                "theirs", [], "t", "t")]), documents, 1)
    app = SahelReaderApp(paths)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceScreen)  # its reader is running: not offered
        await add_note(pilot, "mine")
        await wait_for_recovery_file(pilot, screen)
        assert screen.recovery.path.exists() and screen.recovery.path != other.path
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#choice-discard")
        await pilot.pause()
    assert not app.is_running and not screen.recovery.path.exists()
    assert read_recovered(other.path).annotations[0].note == "theirs"


async def test_saving_over_a_session_this_reader_never_read_asks_first(tmp_path, monkeypatch):
    path = story(tmp_path, notes=2)
    monkeypatch.chdir(tmp_path)
    app = SahelReaderApp([str(tmp_path / name) for name in REPORTS])
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        await pilot.press("j", "j", "j")
        await add_note(pilot, "new here")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#save-path").value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.question.startswith(f"{path} already holds a session (2 notes, marks and verdicts).")
        await pilot.click("#choice-merge")
        await settle(pilot)
        assert not screen.dirty
    assert sorted(a.note for a in load_session(path).session.annotations) == [
        "new here", "saved note 1", "saved note 2"]


async def test_a_save_that_fails_in_a_way_nobody_foresaw_is_one_sentence(tmp_path, monkeypatch):
    path = story(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    app = SahelReaderApp([str(path)], session=path)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        await add_note(pilot, "kept")
        monkeypatch.setattr(session_module, "save_session", broken)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running and screen.dirty and screen.session.annotations[-1].note == "kept"
        (told,) = [n.message for n in app._notifications if n.title == "Not saved"]
        assert told.startswith("Your work could not be written (RuntimeError: a bug); it is kept in memory")
