"""Writing reports for the loading and engine tests, and reading back the one report, the one error, or the
story they make."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sahel_reader.story import documents
from sahel_reader.story.analysis import analyse
from sahel_reader.story.documents import LoadResult, load_paths


def write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def load_one(path: Path) -> documents.Document:
    result = load_paths([path])
    assert result.errors == []
    (document,) = result.documents
    return document


def only_error(result: LoadResult, name: str) -> str:
    """The single error's message, checked to name the file."""
    assert len(result.errors) == 1, result.errors
    (error,) = result.errors
    assert name in error.message and name in error.path
    assert error.message.count(". ") == 0 and error.message.endswith("."), error.message
    return error.message


def story_of(**texts: str):
    """The story the reports make (one file each, named by its id), loaded as files are: datelines and
    headlines found."""
    with tempfile.TemporaryDirectory() as folder:
        for doc_id, text in texts.items():
            (Path(folder) / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        loaded = load_paths([Path(folder)])
        return analyse(loaded.documents)
