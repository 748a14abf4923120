"""newslint: a linter for news copy.

The public API is small, typed and lazy: importing :mod:`newslint` loads nothing heavy.

>>> import newslint
>>> [f.rule for f in newslint.lint_text("Talks in Kiev resumed.")]
['NL201']
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .records import Finding, Fix, NewslintError

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "lint_file", "apply_fixes", "Finding", "Fix", "NewslintError"]


def lint_text(text: str, config: Any = None, *, path: str = "<text>",
              date: str | dt.date | None = None) -> list[Finding]:
    """Lint a string and return its findings, exactly as the CLI would report them.

    ``config`` may be a :class:`newslint.config.Config` (e.g. from
    ``newslint.config.read_config("newslint.toml")``), a dict of config keys (as in
    ``newslint.toml``), or None for the defaults. ``path`` names the text in findings
    and decides its format (``.md`` is read as Markdown, ``.html`` as HTML); ``date``
    is the article date for date checks when the text carries none. A bad config
    (unknown key or rule selector) raises :class:`NewslintError`.

    >>> import newslint
    >>> findings = newslint.lint_text("Talks in Kiev resumed.", {"select": ["places"]})
    >>> [(f.rule, f.line, f.column, f.match, f.replacements) for f in findings]
    [('NL201', 1, 10, 'Kiev', ['Kyiv'])]
    >>> findings[0].fix.safe, findings[0].to_dict()["severity"]
    (True, 'warning')
    """
    from .api import lint_text as _lint_text

    return _lint_text(text, config, path=path, date=date)


def lint_file(path: str | Path, config: Any = None, *, date: str | dt.date | None = None) -> list[Finding]:
    """Lint one file on disk (its own ``newslint.toml`` is not consulted unless passed as config).

    Raises :class:`NewslintError` when the file cannot be read or decoded.
    """
    from .api import lint_file as _lint_file

    return _lint_file(path, config, date=date)


def apply_fixes(text: str, findings: Sequence[Finding], *, unsafe: bool = False) -> str:
    """Apply the findings' safe fixes to ``text`` (also the unsafe ones with ``unsafe=True``).

    >>> import newslint
    >>> text = "Talks in Kiev resumed."
    >>> newslint.apply_fixes(text, newslint.lint_text(text))
    'Talks in Kyiv resumed.'
    """
    from .api import apply_fixes as _apply_fixes

    return _apply_fixes(text, findings, unsafe=unsafe)
