"""Rule kinds: the Python half of every rule. Packs (TOML) configure them.

A kind named ``foo-bar`` lives in ``newslint/kinds/foo_bar.py`` and exposes a class
``Kind`` (a :class:`newslint.kinds.base.RuleKind`). Kinds are imported only when a
loaded pack uses them, so a run pays only for what it checks.
"""
from __future__ import annotations

import importlib
import importlib.util
import pkgutil

from .base import RuleKind


def module_name(kind: str) -> str:
    return f"{__name__}.{kind.replace('-', '_')}"


def kind_exists(kind: str) -> bool:
    if not kind or not all(c.isalnum() or c == "-" for c in kind) or kind == "base":
        return False
    return importlib.util.find_spec(module_name(kind)) is not None


def load_kind(kind: str) -> type[RuleKind]:
    module = importlib.import_module(module_name(kind))
    return module.Kind


def available_kinds() -> list[str]:
    return sorted(
        m.name.replace("_", "-") for m in pkgutil.iter_modules(__path__) if m.name not in ("base", "common")
    )
