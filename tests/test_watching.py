"""A story folder watched while it is read: what changed is told as it happens, and only what is new
is read (a report copied in, a page for an address added to the manifest)."""

from __future__ import annotations

import queue
import shutil
import threading
from pathlib import Path

import pytest
import yaml
from web_pages import PageServer, article_pages, html_route

from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import bundled_seed_paths, load_paths
from sahel_reader.story.growing import grow
from sahel_reader.story.story_folder import page_file_name
from sahel_reader.story.watching import changes, new_reports, settle, watched_folders

SEEDS = bundled_seed_paths()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


def _story_folder(tmp_path: Path, names: list[int]) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for number in names:
        shutil.copy(SEEDS[number], folder)
    return folder


def test_the_folders_watched_are_the_story_folders_and_the_manifests_folders(tmp_path):
    folder = _story_folder(tmp_path, [0])
    manifest = tmp_path / "elsewhere" / "story.yaml"
    manifest.parent.mkdir()
    manifest.write_text("reports: []\n", encoding="utf-8")
    assert watched_folders([folder, str(folder), manifest, SEEDS[1]]) == [folder, manifest.parent]


def test_a_report_copied_into_a_watched_folder_is_told_once_it_is_there(tmp_path):
    folder = _story_folder(tmp_path, [0])
    stop = threading.Event()
    batches: queue.Queue = queue.Queue()
    watcher = threading.Thread(target=lambda: [batches.put(batch) for batch in changes([folder], stop)], daemon=True)
    watcher.start()
    try:
        threading.Event().wait(0.5)  # the watch is set up
        (folder / "notes.odt").write_bytes(b"not a report")  # not a report: not told
        shutil.copy(SEEDS[1], folder)
        batch = batches.get(timeout=10)
        assert batch == {folder / SEEDS[1].name}
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert not watcher.is_alive()


def test_only_the_reports_a_story_does_not_have_are_read_with_ids_of_their_own(tmp_path):
    folder = _story_folder(tmp_path, [0, 1])
    story = analyse(load_paths([folder]).documents, growable=True)
    assert new_reports([folder], story.documents).documents == []
    shutil.copy(SEEDS[2], folder)
    (folder / f"{SEEDS[0].stem}.md").write_text("Ten people were killed, officials said.", encoding="utf-8")
    found = new_reports([folder], story.documents)
    assert [document.path for document in found.documents] == [str(folder / f"{SEEDS[0].stem}.md"),
                                                                str(folder / SEEDS[2].name)]  # by name
    assert found.documents[0].id == f"{SEEDS[0].stem}-2"  # the story has that id already
    change = grow(story, found.documents)
    assert len(story.documents) == 4 and change.joined


def test_a_story_folder_is_its_manifest_and_the_reports_put_in_it_since(tmp_path):
    folder = _story_folder(tmp_path, [0, 1])
    (folder / "story.yaml").write_text(yaml.safe_dump({"title": "Bamako", "reports": [
        {"path": SEEDS[1].name, "outlet": "Arab News"}]}), encoding="utf-8")
    loaded = load_paths([folder])
    assert loaded.title == "Bamako"
    assert [document.path for document in loaded.documents] == [str(folder / SEEDS[1].name),
                                                                 str(folder / SEEDS[0].name)]
    assert loaded.documents[0].outlet == "Arab News" and loaded.errors == []


def test_an_address_added_to_a_watched_manifest_is_fetched_and_kept(tmp_path):
    folder = _story_folder(tmp_path, [0])
    manifest = folder / "story.yaml"
    manifest.write_text(yaml.safe_dump({"reports": [{"path": SEEDS[0].name}]}), encoding="utf-8")
    story = analyse(load_paths([folder]).documents, growable=True)
    page = article_pages()["/news/001_fc57addf554b25cf-early.html"]
    with PageServer({"/a": html_route(page)}) as server:
        manifest.write_text(yaml.safe_dump({"reports": [{"path": SEEDS[0].name}, {"url": server.url("/a")}]}),
                            encoding="utf-8")
        heard = []
        found = new_reports([folder], story.documents, on_fetched=lambda url, _: heard.append(url))
    assert heard == [server.url("/a")]
    assert [document.outlet for document in found.documents] == ["Gulf Daily"]
    assert (folder / page_file_name(server.url("/a"))).is_file()
    assert new_reports([folder], [*story.documents, *found.documents]).documents == []  # kept: not read twice


def test_a_file_still_being_written_is_waited_for(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Ten people", encoding="utf-8")

    def write_on() -> None:
        for _ in range(3):
            threading.Event().wait(0.05)
            with path.open("a", encoding="utf-8") as stream:
                stream.write(" were killed")

    writer = threading.Thread(target=write_on)
    writer.start()
    settle({path})
    writer.join()
    assert path.read_text(encoding="utf-8").count("were killed") == 3


def test_the_reader_follower_hands_on_only_what_is_new_and_names_a_bad_file_once(tmp_path):
    from sahel_reader.tui.following import Follower, story_sources

    seeds = sorted(bundled_seed_paths())
    shutil.copy(seeds[0], tmp_path)
    story = load_paths([tmp_path]).documents
    delivered = []
    follower = Follower(story_sources([str(tmp_path)], story, from_session=False), story, delivered.append)
    shutil.copy(seeds[1], tmp_path)
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4 not text")
    follower.read_new()
    (batch,) = delivered
    assert [Path(d.path).name for d in batch.documents] == [Path(seeds[1]).name]
    assert [Path(e.path).name for e in batch.errors] == ["scan.txt"]
    follower.read_new()
    assert len(delivered) == 1, "nothing new, and the bad file was named already"


def test_a_session_or_reports_named_one_by_one_are_followed_in_their_reports_folders(tmp_path):
    from sahel_reader.tui.following import story_sources

    (tmp_path / "a").mkdir()
    report = tmp_path / "a" / "one.txt"
    report.write_text("Ten people were killed, police said.", encoding="utf-8")
    documents = load_paths([report]).documents
    assert story_sources([str(report)], documents, from_session=False) == [str(tmp_path / "a")]
    assert story_sources([str(tmp_path / "s.yaml")], documents, from_session=True) == [str(tmp_path / "a")]
    assert story_sources([str(tmp_path / "a")], documents, from_session=False) == [str(tmp_path / "a")]
