"""Fuzz target for the disk cache (issue 16, item 4): crafted entries for every kind of
cached value never crash, hang or change a result.

``cache``: a real entry is written (a parsed pack, a compiled pattern, a prefilter gate,
an entity trigger's needs, word forms), then replaced by random bytes, a truncation, a
flipped byte, or a well-formed entry of random JSON written through the cache's own API
(so its MAC is right and only the type checks stand between it and the reader). A
damaged entry must give exactly what computing it without a cache gives; a well-formed
one of random JSON must give no exception.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

KINDS = ["toml", "regex", "gates", "needs", "wordforms"]
DAMAGE = ["random", "truncate", "flip", "json"]

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(1 << 70), 1 << 70) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=6), inner, max_size=5),
    max_leaves=20,
)

PACK = '[pack]\nname = "fuzz"\n[[rules]]\ncode = "NL901"\nsince = 2022-03-01\n' + "# padding\n" * 500
PATTERN = r"(?<![\w-])(?:" + "|".join(f"word{i}" for i in range(40)) + r"|(?P<x>Donbass))(?![\w-])"
GATED = r"(?m)^[ \t]*(?:read|see)[ \t]+more:"
TRIGGER = r"(?P<cue>{countries}\s+(?:will|would)\s+(?:join|enter)\s+{org})"


def cache_cases() -> st.SearchStrategy[tuple[str, str, bytes, Any]]:
    """(kind of entry, kind of damage, random bytes, random JSON)."""
    return st.tuples(st.sampled_from(KINDS), st.sampled_from(DAMAGE), st.binary(max_size=200), _JSON)


def _compute(kind: str, folder: Path) -> Any:
    """The cached computation of ``kind``, as a comparable value."""
    from newslint import prefilter, regex_cache, toml, wordforms
    from newslint.knowledge import scan

    if kind == "toml":
        pack = folder / "pack.toml"
        if not pack.exists():
            pack.write_text(PACK, encoding="utf-8")
        return toml.load_toml(pack)[0]
    if kind == "regex":
        import regex

        pattern = regex_cache.compile_cached(PATTERN, regex.V0 | regex.IGNORECASE)
        return [m.span() for m in pattern.finditer("WORD3 donbass word39x word12 " * 2)], pattern.groupindex
    if kind == "gates":
        gate = prefilter.needle_gate(GATED, 0)
        return None if gate is None else (gate.needles, gate.folded)
    if kind == "needs":
        found = scan.needs_of(TRIGGER, {"org": "(?:NATO)"})
        return sorted(map(sorted, found.clauses)), found.lead
    wordforms._disk.cache_clear()
    wordforms._added.clear()
    return wordforms._disk().get("went"), wordforms.mask("went")


def check_cache(case: tuple[str, str, bytes, Any]) -> None:
    """A damaged entry gives the value computed without a cache, and no exception."""
    from newslint import disk_cache, wordforms

    kind, damage, noise, value = case
    saved = os.environ.get("NEWSLINT_CACHE_DIR")
    with tempfile.TemporaryDirectory() as top:
        folder = Path(top) / "cache"
        try:
            os.environ["NEWSLINT_CACHE_DIR"] = "off"
            wordforms.mask.cache_clear()
            expected = _compute(kind, Path(top))
            os.environ["NEWSLINT_CACHE_DIR"] = str(folder)
            _compute(kind, Path(top))
            wordforms._store()
            entries = sorted((folder / kind).rglob("*.json")) if (folder / kind).exists() else []
            for entry in entries:
                blob = entry.read_bytes()
                if damage == "random":
                    entry.write_bytes(noise)
                elif damage == "truncate":
                    entry.write_bytes(blob[:len(noise) % max(1, len(blob))])
                elif damage == "flip":
                    at = int.from_bytes(noise[:4] or b"\0", "big") % len(blob)
                    entry.write_bytes(blob[:at] + bytes([blob[at] ^ 0x55]) + blob[at + 1:])
                else:
                    _rewrite_through_api(entry, value)
            wordforms.mask.cache_clear()
            again = _compute(kind, Path(top))
            if damage == "json":
                return  # a well-typed value under a valid MAC is the user's own: no crash is the test
            if kind == "wordforms":
                assert again[1] == expected[1], (kind, damage)
            else:
                assert again == expected, (kind, damage)
        finally:
            if saved is None:
                os.environ.pop("NEWSLINT_CACHE_DIR", None)
            else:
                os.environ["NEWSLINT_CACHE_DIR"] = saved
            wordforms.mask.cache_clear()
            wordforms._disk.cache_clear()
            disk_cache._KEYS.clear()


def _rewrite_through_api(entry: Path, value: Any) -> None:
    """Replace ``entry``'s value by ``value`` with a valid MAC (as only the cache's own
    writer could): the readers' type checks must refuse whatever does not fit."""
    import json

    from newslint import disk_cache

    body = json.loads(entry.read_bytes().split(b"\n", 1)[1])
    body["value"] = value
    folder = entry.parents[2]
    key = disk_cache._key(folder)
    assert key is not None
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    entry.write_bytes(disk_cache._mac(key, raw).encode() + b"\n" + raw)


TARGETS = {"cache": (check_cache, cache_cases)}
