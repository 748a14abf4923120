"""Reading knowledge files: field checks and folder listing shared by every loader."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from ..records import NewslintError


def table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise NewslintError(f"{path}: [{key}] must be a table")
    return value


def strings(value: Any, path: Path, where: str) -> list[str]:
    """A string or a list of strings, as a list; anything else names the file and field."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise NewslintError(f"{path}: {where} must be a list of strings")
    return value


T = TypeVar("T")


def folder_loader(load: Callable[[list[Path]], T], bundled: str, what: str) -> Callable[..., T]:
    """``loader(*folders)``: ``load`` of every ``*.toml`` in the folders (see
    :func:`knowledge_files`), cached per list of folders."""

    @lru_cache(maxsize=4)
    def loader(*folders: str) -> T:
        return load(knowledge_files(folders, bundled, what))

    return loader


def knowledge_files(folders: tuple[str, ...], bundled: str, what: str) -> list[Path]:
    """Every ``*.toml`` in the given folders, in order; ``""`` (the default) is the bundled
    ``rules/knowledge/<bundled>``, so a newsroom folder listed after it extends it."""
    from ..resources import data_path

    files: list[Path] = []
    for folder in folders or ("",):
        base = Path(folder) if folder else data_path("knowledge", bundled)
        found = sorted(base.glob("*.toml"))
        if not found:
            raise NewslintError(f"no {what} files (*.toml) in {base}")
        files.extend(found)
    return files
