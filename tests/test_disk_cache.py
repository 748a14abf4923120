"""The disk cache is trusted only as far as it can be: a private folder, entries that are
plain data checked against their source and a keyed MAC, bounded in size. Crafted
entries never crash, hang or change findings (issue 16, item 4)."""
from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import disk_cache

SAMPLE = "Talks in Kiev resumed. The the talks went on.\n"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    return folder


def _ints(value):
    if not isinstance(value, list) or not all(type(v) is int for v in value):
        raise TypeError("not ints")
    return value


def _entries(folder: Path, namespace: str | None = None) -> list[Path]:
    root = folder / namespace if namespace else folder
    return sorted(p for p in root.rglob("*.json") if p.is_file())


def test_round_trip_and_private_folder(cache) -> None:
    assert disk_cache.write("demo", "source text", [1, 2, 3])
    assert disk_cache.read("demo", "source text", _ints) == [1, 2, 3]
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700
    assert disk_cache.read("demo", "other text", _ints) is None
    assert disk_cache.read("other", "source text", _ints) is None
    assert disk_cache.read("demo", "source text", _ints, versions=("lib 2",)) is None


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_used(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o777)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    assert disk_cache.cache_dir() is None
    assert not disk_cache.write("demo", "x", [1])
    assert list(folder.iterdir()) == []
    os.chmod(folder, 0o755)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder) + "/")  # a new setting: checked again
    assert disk_cache.cache_dir() is not None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a folder away")
def test_a_folder_of_another_user_is_not_used(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, -1)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    assert disk_cache.cache_dir() is None


def test_cache_off(monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", "off")
    assert disk_cache.cache_dir() is None
    assert not disk_cache.write("demo", "x", [1])
    assert disk_cache.read("demo", "x", _ints) is None


@pytest.mark.parametrize("damage", ["random", "truncated", "empty", "not json", "no mac", "edited value",
                                    "wrong types", "deep", "huge number", "other source"])
def test_a_bad_entry_is_ignored_and_rewritten(cache, damage) -> None:
    disk_cache.write("demo", "source A", [1, 2, 3])
    disk_cache.write("demo", "source B", [9])
    entry_a, entry_b = (_path(cache, "source A"), _path(cache, "source B"))
    blob = entry_a.read_bytes()
    mac, body = blob.split(b"\n", 1)
    if damage == "random":
        entry_a.write_bytes(random.Random(4).randbytes(300))
    elif damage == "truncated":
        entry_a.write_bytes(blob[:len(blob) // 2])
    elif damage == "empty":
        entry_a.write_bytes(b"")
    elif damage == "not json":
        entry_a.write_bytes(mac + b"\n{not json")
    elif damage == "no mac":
        entry_a.write_bytes(body)
    elif damage == "edited value":  # right source hash, right shape, but not what was stored
        edited = json.loads(body)
        edited["value"] = [7, 7, 7]
        entry_a.write_bytes(mac + b"\n" + json.dumps(edited).encode())
    elif damage == "wrong types":  # written through the API: the MAC is right, the check is not
        disk_cache.write("demo", "source A", {"not": "ints"})
    elif damage == "deep":
        entry_a.write_bytes(mac + b"\n" + b"[" * 100_000 + b"]" * 100_000)
    elif damage == "huge number":
        entry_a.write_bytes(mac + b"\n" + b"9" * 100_000)
    elif damage == "other source":  # B's valid entry planted where A's belongs
        entry_a.write_bytes(entry_b.read_bytes())
    assert disk_cache.read("demo", "source A", _ints) is None
    assert disk_cache.write("demo", "source A", [1, 2, 3])
    assert disk_cache.read("demo", "source A", _ints) == [1, 2, 3]


def _path(cache: Path, source: str) -> Path:
    before = set(_entries(cache))
    disk_cache.write("probe", source, [0])  # not the entry itself: find it by its hash
    for path in _entries(cache, "demo"):
        if json.loads(path.read_bytes().split(b"\n", 1)[1])["source"] == disk_cache.source_hash(source):
            return path
    raise AssertionError(f"no entry for {source} among {before}")


def test_a_key_of_the_wrong_size_turns_the_cache_off(cache) -> None:
    disk_cache.write("demo", "x", [1])
    disk_cache._KEYS.clear()
    (cache / "key").write_bytes(b"short")
    try:
        assert disk_cache.read("demo", "x", _ints) is None
        assert not disk_cache.write("demo", "x", [1])
    finally:
        disk_cache._KEYS.clear()


def test_a_full_disk_leaves_no_temp_file(cache, monkeypatch) -> None:
    disk_cache.write("demo", "x", [1])

    class Full:
        def __init__(self, fd, mode):
            self.fd = fd

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            os.close(self.fd)

        def write(self, data):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(disk_cache.os, "fdopen", Full)
    assert not disk_cache.write("demo", "y", [2] * 1000)
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
    assert disk_cache.read("demo", "x", _ints) == [1]


def test_the_folder_is_bounded_least_recently_used_first(cache) -> None:
    for i in range(20):
        disk_cache.write("demo", f"source {i}", list(range(2000)))
    paths = {i: _path_of(cache, f"source {i}") for i in range(20)}
    for i, path in paths.items():
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    assert disk_cache.read("demo", "source 0", _ints) is not None  # read: now the most recent
    stale = cache / "demo" / ".left-behind.123.tmp"
    stale.write_bytes(b"x")
    os.utime(stale, (1_000_000, 1_000_000))
    size = paths[5].stat().st_size
    removed = disk_cache.evict(cache, max_bytes=10 * size)
    assert removed >= 10 * size and not stale.exists()
    left = {i for i, p in paths.items() if p.exists()}
    assert 0 in left and 1 not in left and 19 in left
    assert len(left) <= 8
    assert (cache / "key").exists()


def _path_of(cache: Path, source: str) -> Path:
    for path in _entries(cache, "demo"):
        if json.loads(path.read_bytes().split(b"\n", 1)[1])["source"] == disk_cache.source_hash(source):
            return path
    raise AssertionError(source)


def _lint(env: dict[str, str], text: str = SAMPLE) -> tuple[int, list[tuple[str, int]], str]:
    proc = subprocess.run([sys.executable, "-m", "newslint", "--format", "json", "--fast", "-"], input=text,
                          capture_output=True, text=True, env=env, timeout=300)
    report = json.loads(proc.stdout)
    return proc.returncode, [(f["rule"], f["offset"]) for f in report["findings"]], proc.stderr


def test_crafted_entries_never_change_findings(tmp_path) -> None:
    """A warm cache, then every entry replaced by crafted data (random bytes, truncation,
    valid JSON of the wrong shape, another entry's content, a planted pack without
    NL201): each run gives the same findings as a run without a cache, and no traceback."""
    folder = tmp_path / "cache"
    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(folder))
    expected = _lint(dict(os.environ, NEWSLINT_CACHE_DIR="off"))
    assert ("NL201", 9) in expected[1]
    assert _lint(env)[:2] == expected[:2]  # fills the cache
    entries = _entries(folder)
    namespaces = {p.relative_to(folder).parts[0] for p in entries}
    assert len(entries) > 20 and "toml" in namespaces and "regex" not in namespaces
    originals = {p: p.read_bytes() for p in entries}
    rng = random.Random(16)
    crafts = {
        "random bytes": lambda b: rng.randbytes(len(b) // 3 + 1),
        "truncated": lambda b: b[:len(b) // 2],
        "wrong types": lambda b: b.split(b"\n", 1)[0] + b'\n{"namespace": 1, "value": [[[]]]}',
        "another entry": lambda b: rng.choice(list(originals.values())),
        "planted pack": lambda b: _plant_without_nl201(b),
    }
    for name, craft in crafts.items():
        for path, blob in originals.items():
            path.write_bytes(craft(blob))
        code, findings, stderr = _lint(env)
        assert (code, findings) == expected[:2], name
        assert "Traceback" not in stderr, name


def _plant_without_nl201(blob: bytes) -> bytes:
    """A pack entry with NL201 removed, everything else (source hash, versions) as stored."""
    mac, body = blob.split(b"\n", 1)
    entry = json.loads(body)
    value = entry.get("value")
    if entry.get("namespace") == "toml" and isinstance(value, dict) and isinstance(value.get("rules"), list):
        value["rules"] = [r for r in value["rules"] if r.get("code") != "NL201"]
        return mac + b"\n" + json.dumps(entry).encode()
    return blob


def test_fuzz_target_cache_bounded() -> None:
    """fuzz/run.py's 'cache' target, a few dozen cases (the long run is in fuzz/)."""
    from hypothesis import HealthCheck, given, settings

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
    from cache_targets import cache_cases, check_cache

    test = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))(given(cache_cases())(check_cache))
    test()
