"""House-style presets (``style = "ap"``): settings read from ``rules/presets/*.toml``.

A preset is data: a table of settings (locale, dash, ...) with its sources. Rule
kinds read the keys they understand from ``Context.preset``; packs may also carry
per-preset data of their own (e.g. a name group's preferred spelling per preset).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .records import NewslintError
from .resources import rules_dir
from .toml import load_toml


@lru_cache(maxsize=1)
def all_presets() -> dict[str, dict[str, Any]]:
    presets: dict[str, dict[str, Any]] = {"default": {"name": "default", "description": "newslint's defaults"}}
    folder = rules_dir() / "presets"
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            data, _ = load_toml(path)
            for name, table in data.get("presets", {}).items():
                presets[name] = {**table, "name": name}
    return presets


def preset_settings(name: str) -> dict[str, Any]:
    presets = all_presets()
    if name not in presets:
        raise NewslintError(f"unknown style preset '{name}' (known: {', '.join(sorted(presets))})")
    return presets[name]
