"""A live story in the real command, in tmux: reports fetched from web addresses (a server on 127.0.0.1
that the test starts) open in the reader, and the story folder they were kept in reopens offline; a
report copied into a watched folder joins the story."""

from __future__ import annotations

import shutil

import pytest
from tmux_driver import Tmux, start
from web_pages import PageServer, article_pages, html_route

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def tmux():
    session = Tmux()
    session.keep_alive()
    yield session
    session.close()


@pytest.mark.slow(5)
def test_ten_web_pages_open_in_the_reader_and_their_story_folder_reopens_offline(tmux, tmp_path):
    pages = article_pages()
    folder = tmp_path / "bamako"
    with PageServer({path: html_route(body) for path, body in pages.items()}) as server:
        urls = [server.url(path) for path in sorted(pages)]
        start(tmux, "--into", str(folder), *urls, env={"NO_PROXY": "*", "no_proxy": "*"})
        online = _linked(tmux)
    assert "Attack in Bamako: report 1 — 10 reports" in online
    assert "╭─ Sahel Wire · " in online and "Sahel Wire  │  sentence" in online  # the outlet in the title and status bar
    tmux.keys("q")
    tmux.wait_for("EXITED 0")

    start(tmux, str(folder), name="offline")  # the server is gone
    offline = _linked(tmux, name="offline")
    assert offline.splitlines()[:3] == online.splitlines()[:3]
    assert offline.splitlines()[-3:] == online.splitlines()[-3:]
    tmux.keys("q", name="offline")
    tmux.wait_for("EXITED 0", name="offline")


def _linked(tmux: Tmux, name: str = "reader") -> str:
    """The screen once the story is linked: the texts come first, the figures, titles and dates after them."""
    tmux.wait_for("sentence 1/14", name=name)
    tmux.wait_gone("finding the figures", name=name)
    return tmux.wait_for("Sahel Wire · 17 Sep 2024", name=name)


@pytest.mark.slow(7)
def test_a_report_copied_into_a_watched_story_folder_appears_linked_and_the_reader_quits_cleanly(tmux, tmp_path):
    from sahel_reader.story.documents import bundled_seed_paths

    seeds = sorted(bundled_seed_paths())
    folder = tmp_path / "bamako"
    folder.mkdir()
    for seed in seeds[:3]:
        shutil.copy(seed, folder)
    start(tmux, "--watch", str(folder))
    tmux.wait_for("watching")
    assert "3 reports" in tmux.screen()
    shutil.copy(seeds[4], folder)
    grown = tmux.wait_for("The story grew", timeout=10)
    assert "4 reports" in grown, grown
    assert "new report: 004_" in grown, grown
    tmux.keys("q")
    tmux.wait_for("EXITED 0")  # the watching thread ends with the reader
