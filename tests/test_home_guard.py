"""The home guard sees what a run adds to the home folder and to the app's folders, and nothing else."""

from pathlib import Path

from home_guard import appeared, listing, watched_folders


def test_what_appears_in_the_home_or_the_apps_folders_is_seen(tmp_path):
    home = tmp_path / "home"
    (home / ".cache" / "pip").mkdir(parents=True)
    watched = watched_folders({}, home)
    before = listing(*watched)
    (home / ".cache" / "pip" / "wheel").write_text("not ours to watch", encoding="utf-8")
    assert appeared(before, listing(*watched)) == []
    recovery = home / ".local" / "state" / "sahel-reader" / "recovery" / "abc.yaml"
    recovery.parent.mkdir(parents=True)
    recovery.write_text("x", encoding="utf-8")
    (home / "stray.yaml").write_text("x", encoding="utf-8")
    new = appeared(before, listing(*watched))
    assert recovery in new and home / ".local" in new and home / "stray.yaml" in new


def test_the_xdg_folders_are_watched_where_they_point(tmp_path):
    state = tmp_path / "state"
    home, folders = watched_folders({"XDG_STATE_HOME": str(state)}, tmp_path / "home")
    before = listing(home, folders)
    (state / "sahel-reader" / "recovery").mkdir(parents=True)
    assert Path(state / "sahel-reader" / "recovery") in appeared(before, listing(home, folders))
