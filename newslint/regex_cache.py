"""Compiling the patterns of newslint's own modules: small ones at once, big ones on
their first use.

The `regex` module parses patterns in Python, and the knowledge patterns that embed every
country, capital or office holder take a tenth of a second or more each. Most documents
never use some of them (no sentence says "capital", no known name is titled), so a big
pattern is a :class:`LazyPattern`: it is compiled the first time a method or attribute of
the compiled pattern is asked for, and never if it is not.

Nothing compiled is read from or written to disk: compiled `regex` programs (or their
code lists) are the engine's own state, which a cache entry could forge or which another
`regex` release could read differently (issue 16). The disk cache holds plain data only.
"""
from __future__ import annotations

from typing import Any

import regex

#: Sources at least this long are compiled on first use (a country alternation is some
#: 11,000 characters; a pattern of a few hundred compiles in well under a millisecond).
LAZY_LENGTH = 2000

#: What a compiled pattern offers, copied onto a LazyPattern once it is compiled so that
#: later look-ups are plain attribute reads.
_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "subf", "subfn",
               "split", "splititer", "scanner", "flags", "groups", "groupindex", "named_lists")


def compile_pattern(source: str, flags: int = 0) -> Any:
    """``regex.compile(source, flags)`` for a module's own (small, fixed) pattern."""
    return regex.compile(source, flags)


def compile_cached(source: str, flags: int) -> Any:
    """``regex.compile(source, flags)``, deferred to first use when the pattern is big.
    (The name is kept for its callers: nothing is cached beyond the process.)"""
    if len(source) < LAZY_LENGTH:
        return regex.compile(source, flags)
    return LazyPattern(source, flags)


class LazyPattern:
    """A `regex` pattern compiled on first use; otherwise it behaves as the compiled one.
    ``pattern`` (the source) is known without compiling."""

    def __init__(self, source: str, flags: int) -> None:
        self.pattern = source
        self._flags = flags
        self._compiled: Any = None

    def compiled(self) -> Any:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            compiled = regex.compile(self.pattern, self._flags)
            for name in _ATTRIBUTES:
                if hasattr(compiled, name):
                    setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Only called for what is not set yet: the compiled pattern's methods and fields.
        if name.startswith("__") or name in ("pattern", "_flags", "_compiled"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"LazyPattern({self.pattern[:40]!r}..., {state})"
