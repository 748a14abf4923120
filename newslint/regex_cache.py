"""Compiled `regex` patterns kept in the disk cache, so big pack patterns are parsed once
per machine instead of once per process.

The `regex` module parses patterns in Python: a knowledge trigger that embeds every
country name takes a third of a second, the furniture lists more, and without this
cache a fresh process (a pre-commit hook, an editor save) spends some two seconds
parsing. A compiled pattern's data comes from `regex`'s own pickling support (the
reducer it registers with :mod:`copyreg`: a constructor and its arguments, no parse
needed to rebuild); it is stored as JSON in :mod:`newslint.disk_cache` (keyed MAC,
private folder, checked types) and rebuilt with the constructor that reducer names.

That data is the engine's own, so its layout is checked (:func:`supported`: the
tests fail on a `regex` release whose layout differs), and `regex` is pinned in
``pyproject.toml`` to the versions tested. On anything unexpected the pattern is
compiled normally.
"""
from __future__ import annotations

import base64
import copyreg
import sys
from functools import lru_cache
from typing import Any

import regex

from . import disk_cache

#: Patterns shorter than this compile faster than a cache look-up pays for (a look-up is
#: some 40 µs; parsing a 16-character pattern such as ``,[ \t]*,`` takes about 100 µs).
MIN_LENGTH = 16
#: `regex` releases whose pickled pattern layout this module was tested with (as pinned
#: in pyproject.toml); tests fail outside them.
TESTED = ("2026.11.19", "2027")
_VERSIONS = (f"regex {regex.__version__}", f"python {sys.version_info[0]}.{sys.version_info[1]}", "patterns 2")
# The reducer's arguments: (pattern, flags, code, group_index, index_group, named_lists,
# named_list_indexes, req_offset, req_chars, req_flags, group_count).
_FIELDS = 11


def cache_dir() -> Any:
    """The cache folder (see :func:`newslint.disk_cache.cache_dir`)."""
    return disk_cache.cache_dir()


def compile_pattern(source: str, flags: int = 0) -> Any:
    """``regex.compile(source, flags)`` from the cache: for a module's own patterns, parsed
    once per machine instead of at every start."""
    return compile_cached(source, flags)


@lru_cache(maxsize=1)
def _reducer() -> Any:
    """`regex`'s registered pickling reducer for compiled patterns, or None."""
    return copyreg.dispatch_table.get(type(regex.compile("x")))


@lru_cache(maxsize=1)
def _constructor() -> Any:
    """The constructor `regex`'s reducer names (what unpickling a pattern calls)."""
    return _reducer()(regex.compile("x"))[0]


def supported() -> bool:
    """Whether this `regex` release pickles patterns in the layout stored here (checked on
    a pattern with names, scoped flags and a look-behind, rebuilt and compared)."""
    try:
        pattern = regex.compile(r"(?P<a>ab|cd)\s+(?i:ef)(?<=F)", regex.V0)
        data = _data(pattern)
        rebuilt = _rebuild(_check(_encode(data)))
        return rebuilt is not None and rebuilt.pattern == pattern.pattern and rebuilt.flags == pattern.flags \
            and rebuilt.groupindex == pattern.groupindex and rebuilt.search("x cd  EF").span() == (2, 8)
    except Exception:  # noqa: BLE001 - any surprise means: not supported
        return False


def compile_cached(source: str, flags: int) -> Any:
    """``regex.compile(source, flags)``, from the disk cache when the pattern is big."""
    if len(source) < MIN_LENGTH or disk_cache.cache_dir() is None:
        return regex.compile(source, flags)
    tags = (*_VERSIONS, f"flags {int(flags)}")
    stored = disk_cache.read("regex", source, _check, tags)
    if stored is not None and stored[0] == source:
        pattern = _rebuild(stored)
        if pattern is not None:
            return pattern
    pattern = regex.compile(source, flags)
    try:
        disk_cache.write("regex", source, _encode(_data(pattern)), tags)
    except (TypeError, ValueError):
        pass  # a layout this module does not know: just do not cache
    return pattern


def _data(pattern: Any) -> tuple[Any, ...]:
    reducer = _reducer()
    if reducer is None:
        raise TypeError("regex patterns are not picklable here")
    _, args = reducer(pattern)
    return tuple(args)


def _encode(args: tuple[Any, ...]) -> list[Any]:
    """The reducer's arguments as JSON data, or TypeError for a layout not known here."""
    if len(args) != _FIELDS:
        raise TypeError("unknown layout")
    source, flags, code, index, groups, lists, list_indexes, offset, chars, req_flags, count = args
    if not (isinstance(source, str) and isinstance(code, bytes) and isinstance(index, dict)
            and isinstance(groups, dict) and not lists and not list_indexes and isinstance(chars, tuple)):
        raise TypeError("unknown layout")
    return [source, int(flags), base64.b64encode(code).decode("ascii"), index,
            [[int(k), v] for k, v in groups.items()], int(offset), list(chars), int(req_flags), int(count)]


def _int(value: Any) -> int:
    if type(value) is not int or not -(1 << 63) <= value < (1 << 63):
        raise TypeError("not an int")
    return value


def _str(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("not a string")
    return value


def _check(value: Any) -> tuple[Any, ...]:
    """A stored entry as the reducer's arguments, every field's type checked."""
    if type(value) is not list or len(value) != 9:
        raise TypeError("not an entry")
    source, flags, code, index, groups, offset, chars, req_flags, count = value
    code_bytes = base64.b64decode(_str(code), validate=True)
    if type(index) is not dict or type(groups) is not list or type(chars) is not list:
        raise TypeError("bad fields")
    group_index = {_str(k): _int(v) for k, v in index.items()}
    index_group = {}
    for pair in groups:
        if type(pair) is not list or len(pair) != 2:
            raise TypeError("bad group")
        index_group[_int(pair[0])] = _str(pair[1])
    return (_str(source), _int(flags), code_bytes, group_index, index_group, {}, [], _int(offset),
            tuple(_int(c) for c in chars), _int(req_flags), _int(count))


def _rebuild(args: tuple[Any, ...]) -> Any:
    reducer = _reducer()
    if reducer is None:
        return None
    try:
        return _constructor()(*args)
    except Exception:  # noqa: BLE001 - an entry the engine refuses: compile normally
        return None
