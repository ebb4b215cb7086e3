"""The reader on paths it cannot trust: a manifest that names files outside its folder or a path no
file can have, and reports whose file names are not UTF-8. It keeps running and says one sentence."""

import os
from pathlib import Path

from pilot_helpers import settle, wait_for_recovery_file, wait_for_story

from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.screens.dialogs import ChoiceScreen

GOOD = "Officials said 12 people were killed in Bamako on Tuesday.\n"


def manifest_with(tmp_path: Path, *paths: str) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "elsewhere.txt").write_text(GOOD.replace("12", "14"), encoding="utf-8")
    manifest = folder / "story.yaml"
    manifest.write_text("reports:\n" + "".join(f"  - path: {p}\n" for p in ["good.txt", *paths]), encoding="utf-8")
    return manifest


async def test_the_reader_asks_before_reading_what_a_manifest_names_outside_its_folder(tmp_path):
    manifest = manifest_with(tmp_path, "../elsewhere.txt")
    app = SahelReaderApp([str(manifest)])
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        assert [p.document.id for p in screen.panes] == ["good"]
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.question == (f"The story manifest names files outside its folder: "
                                       f"{manifest.parent / '../elsewhere.txt'}. Open them?")
        await pilot.click("#choice-open")
        await settle(pilot)
        await pilot.pause()
        assert [p.document.id for p in screen.panes] == ["good", "elsewhere"]


async def test_left_out_when_the_reader_says_no(tmp_path):
    manifest = manifest_with(tmp_path, "../elsewhere.txt")
    app = SahelReaderApp([str(manifest)])
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-skip")
        await pilot.pause()
        assert [p.document.id for p in screen.panes] == ["good"] and app.is_running


async def test_the_command_lines_flag_reads_them_without_asking(tmp_path):
    manifest = manifest_with(tmp_path, "../elsewhere.txt")
    app = SahelReaderApp([str(manifest)], allow_outside=True)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert [p.document.id for p in screen.panes] == ["good", "elsewhere"]
        assert not isinstance(app.screen, ChoiceScreen)


async def test_a_manifest_path_with_a_nul_byte_is_one_sentence(tmp_path):
    manifest = manifest_with(tmp_path, '"bad\\0.txt"')
    app = SahelReaderApp([str(manifest)])
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        assert [p.document.id for p in screen.panes] == ["good"] and app.is_running
        messages = [n.message for n in app._notifications]
        assert f"{manifest}: report 2 in the list has a path with a NUL byte in it, which no file can have." \
            in messages


async def test_a_report_whose_name_is_not_utf8_opens_and_its_work_is_kept(tmp_path, quick_recovery):
    """café.txt written in Latin-1: its name has a byte that is not UTF-8 (kept by Python as a surrogate)."""
    name = os.path.join(os.fsencode(tmp_path), "café.txt".encode("latin-1"))
    with open(name, "wb") as handle:
        handle.write(GOOD.encode())
    (tmp_path / "other.txt").write_text(GOOD, encoding="utf-8")
    paths = [os.fsdecode(name), str(tmp_path / "other.txt")]
    app = SahelReaderApp(paths)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        screen = await wait_for_story(pilot)
        assert [p.document.id for p in screen.panes] == ["caf\ufffd", "other"]
        await pilot.press("a", *"checked", "ctrl+s")
        await wait_for_recovery_file(pilot, screen)  # written with the name that is not UTF-8
        assert app.is_running and screen.session.annotations[0].note == "checked"
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#save-path").value = str(tmp_path / "reading.yaml")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause()
        assert not screen.dirty, [n.message for n in app._notifications]

    reopened = SahelReaderApp([str(tmp_path / "reading.yaml")], session=tmp_path / "reading.yaml")
    async with reopened.run_test(size=(160, 45)) as pilot:
        screen = await wait_for_story(pilot)
        assert [p.document.id for p in screen.panes] == ["caf\ufffd", "other"]
        (note,) = screen.session.annotations
        assert note.note == "checked" and not note.orphan
