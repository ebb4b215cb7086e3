"""Story manifests from anyone: read with the session reader's limits, and only inside their folder.

A manifest names files; one sent by someone else may name ``/etc/passwd``, ``../`` or a link that
leads out, a path no file can have, or hold a YAML bomb. Each gets one sentence naming the
manifest or the report, the other reports still open, and nothing outside the manifest's folder
is read unless the user agrees (``--allow-outside``; the reader asks).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sahel_reader.cli import main
from sahel_reader.story.documents import is_session_file, load_paths

from hang_guard import without_hanging

GOOD = "Officials said 12 people were killed in Bamako on Tuesday.\n"


def story_folder(tmp_path: Path, listing: str) -> Path:
    """A manifest beside one good report, in a folder of its own inside ``tmp_path``."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    manifest = folder / "story.yaml"
    manifest.write_text(listing, encoding="utf-8")
    return manifest


def test_a_path_with_a_nul_byte_is_one_sentence(tmp_path: Path, capsys) -> None:
    manifest = story_folder(tmp_path, 'reports:\n  - path: "good.txt"\n  - path: "bad\\0.txt"\n')
    result = load_paths([manifest])
    assert [d.id for d in result.documents] == ["good"]
    assert [e.message for e in result.errors] == [
        f"{manifest}: report 2 in the list has a path with a NUL byte in it, which no file can have."]
    assert main(["claims", str(manifest)]) == 1
    assert capsys.readouterr().err == f"sahel-reader: {result.errors[0].message}\n"


BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
BOMB += [f"{level}: &{level} [" + ",".join(f"*{chr(ord(level) - 1)}" for _ in range(9)) + "]"
         for level in "bcdefghi"]


@pytest.mark.parametrize(("listing", "line", "message"), [
    ("\n".join(BOMB) + "\nreports:\n  - path: good.txt\n", 2, "too many YAML aliases (a YAML bomb?)"),
    ("x: &x good.txt\nreports: [" + ", ".join(["{path: *x}"] * 5000) + "]\n", 2,
     "too many YAML aliases (a YAML bomb?)"),
    ("reports: &r [*r]\n", 1, "a YAML alias refers to itself"),
    ("reports: !!python/object/apply:os.system [echo]\n", 1,
     "the YAML tag '!!python/object/apply:os.system' is not allowed in a story manifest"),
], ids=["billion laughs", "thousands of aliases", "an alias inside itself", "a Python tag"])
def test_a_yaml_bomb_is_refused_before_anything_is_built(tmp_path: Path, capsys, listing: str, line: int,
                                                         message: str) -> None:
    manifest = story_folder(tmp_path, listing)
    result = without_hanging(lambda: load_paths([manifest]), "reading the manifest")  # a bomb took 61 s once
    assert not result.documents
    assert [e.message for e in result.errors] == [f"{manifest}, line {line}: {message}."]
    assert not is_session_file(manifest)  # `sahel-reader FILE` asks this first: also refused at once
    assert main(["claims", str(manifest)]) == 1
    assert capsys.readouterr().err == f"sahel-reader: {result.errors[0].message}\n"


@pytest.mark.parametrize("named", ["../elsewhere.txt", "absolute", "leads-out.txt", "/proc/self/status"])
def test_files_outside_the_manifests_folder_are_not_read_without_consent(tmp_path: Path, capsys,
                                                                         named: str) -> None:
    (tmp_path / "elsewhere.txt").write_text(GOOD.replace("12", "14"), encoding="utf-8")
    named = str(tmp_path / "elsewhere.txt") if named == "absolute" else named
    manifest = story_folder(tmp_path, f"reports:\n  - path: good.txt\n  - path: '{named}'\n")
    (manifest.parent / "leads-out.txt").symlink_to(tmp_path / "elsewhere.txt")
    result = load_paths([manifest])
    assert [d.id for d in result.documents] == ["good"]
    target = manifest.parent / named
    assert result.outside == [str(target)]
    assert [e.message for e in result.errors] == [
        f"{target}: this file is outside the folder of the story manifest {manifest}, so it was not read"
        " (--allow-outside reads it)."]
    assert main(["claims", str(manifest)]) == 1
    assert capsys.readouterr().err == f"sahel-reader: {result.errors[0].message}\n"

    allowed = load_paths([manifest], allow_outside=True)
    assert not allowed.outside
    if named == "/proc/self/status":  # read when allowed, and then refused for what it is
        assert allowed.errors[0].message.endswith("not a report file: expected .txt, .md, .html or a .yaml"
                                                  " story manifest.")
        return
    assert len(allowed.documents) == 2 and not allowed.errors
    assert main(["claims", "--allow-outside", str(manifest)]) == 0


def test_reports_in_subfolders_and_links_that_stay_inside_are_read(tmp_path: Path) -> None:
    manifest = story_folder(tmp_path, "reports:\n  - path: sub/one.txt\n  - path: inside-link.txt\n"
                                      "  - path: sub/../good.txt\n")
    (manifest.parent / "sub").mkdir()
    (manifest.parent / "sub" / "one.txt").write_text(GOOD, encoding="utf-8")
    (manifest.parent / "inside-link.txt").symlink_to(manifest.parent / "good.txt")
    result = load_paths([manifest])
    assert not result.errors and len(result.documents) == 3
