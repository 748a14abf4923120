"""Where the bundled rule packs live: inside the wheel, or beside the source tree."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """``newslint/_rules`` in an installed wheel; the repository's ``rules/`` otherwise."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"newslint's bundled rules/ folder is missing (looked beside {here})")


def bundled_packs() -> list[Path]:
    """Every bundled pack (``rules/*.toml``), in a stable order. Knowledge data lives in subfolders."""
    return sorted(rules_dir().glob("*.toml"))


def data_path(*parts: str) -> Path:
    """A data file under the bundled rules folder, e.g. ``data_path("knowledge", "nato.toml")``."""
    return rules_dir().joinpath(*parts)
