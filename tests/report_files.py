"""Writing reports for the loading tests, and reading back the one report or the one error."""

from __future__ import annotations

from pathlib import Path

from sahel_reader.story import documents
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
