"""A story followed as it breaks, in the reader: `w` watches its folder, a report copied there gets a
pane and its claims are linked, the reader stays where it was, one notification says what changed,
and a session saved meanwhile reopens with every report."""

from __future__ import annotations

import shutil
from pathlib import Path

from pilot_helpers import wait_for_story, wait_until

from sahel_reader.story.documents import bundled_seed_paths
from sahel_reader.tui.app import SahelReaderApp
from sahel_reader.tui.screens.dialogs import SavePathScreen
from sahel_reader.tui.widgets.story_watch import StoryWatch


def _folder_of_seeds(folder: Path, count: int) -> list[Path]:
    seeds = sorted(bundled_seed_paths())
    folder.mkdir()
    for seed in seeds[:count]:
        shutil.copy(seed, folder / Path(seed).name)
    return seeds


def _toasts(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_a_report_copied_into_a_watched_folder_gets_a_linked_pane_and_the_reader_stays_put(tmp_path):
    folder = tmp_path / "bamako"
    seeds = _folder_of_seeds(folder, 3)
    app = SahelReaderApp([str(folder)])
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await wait_for_story(pilot)
        await pilot.press("tab", "j", "j", "w")
        await wait_until(pilot, lambda: reader.query_one(StoryWatch).watching)
        assert "watching" in str(reader.query_one("#status").render())
        where = (reader.row.active, reader.pane.document.id, reader.pane.cursor)
        before = {cluster.id: len(cluster.claims) for cluster in reader.story.clusters}

        shutil.copy(seeds[4], folder / Path(seeds[4]).name)  # the report that tells the toll "in the 70s"
        await wait_until(pilot, lambda: any(toast.startswith("new report: ") for toast in _toasts(app)))

        assert (reader.row.active, reader.pane.document.id, reader.pane.cursor) == where
        added = reader.panes[3].document
        assert added.path.endswith(Path(seeds[4]).name)
        assert str(reader.query_one("EdgeMarker.-right").render()) == "1›", "160 columns hold three whole panes"
        joined = {claim.cluster for claim in reader.story.claims if claim.doc == added.id and claim.cluster}
        assert joined & set(before), "the new report's figures joined facts the story had"
        assert any(len(cluster.claims) > before.get(cluster.id, 0) for cluster in reader.story.clusters)
        assert any(reader.navigator.version_count(added.id, n) for n in range(len(added.sentences)))
        grew = [toast for toast in _toasts(app) if toast.startswith("new report: ")]
        assert len(grew) == 1, _toasts(app)
        assert "4 reports" in reader.sub_title
        await pilot.press("]")  # the versions of the cursor's sentence now include the new report's
        await pilot.pause()

        await pilot.press("w")
        await wait_until(pilot, lambda: not reader.query_one(StoryWatch).watching)
        shutil.copy(seeds[3], folder / Path(seeds[3]).name)
        await pilot.pause(1.0)
        assert len(reader.panes) == 4, "a report that arrives after the watch is off waits for the next look"


async def test_a_session_saved_while_watching_reopens_with_every_report(tmp_path):
    folder = tmp_path / "bamako"
    seeds = _folder_of_seeds(folder, 2)
    target = tmp_path / "watched.sahel.yaml"
    app = SahelReaderApp([str(folder)], watch=True)
    async with app.run_test(size=(160, 45)) as pilot:
        reader = await wait_for_story(pilot)
        await wait_until(pilot, lambda: reader.query_one(StoryWatch).watching)
        shutil.copy(seeds[2], folder / Path(seeds[2]).name)
        await wait_until(pilot, lambda: any(toast.startswith("new report: ") for toast in _toasts(app)))
        await pilot.press("m", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SavePathScreen))
        app.screen.query_one("#save-path").value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, lambda: target.exists() and not reader.dirty)
        ids = [pane.document.id for pane in reader.panes]
        await pilot.press("q")

    reopened = SahelReaderApp([str(target)], session=target)
    async with reopened.run_test(size=(160, 45)) as pilot:
        again = await wait_for_story(pilot)
        assert [pane.document.id for pane in again.panes] == ids
        assert len(again.session.marks) == 1


async def test_a_story_from_nowhere_that_grows_says_there_is_nothing_to_watch(tmp_path):
    app = SahelReaderApp([str(tmp_path / "missing.txt")])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await wait_until(pilot, lambda: app.screen.story is not None)
        await pilot.press("w")
        await pilot.pause()
        assert not app.screen.query_one(StoryWatch).watching
        assert any("nothing to watch" in toast for toast in _toasts(app)), _toasts(app)
