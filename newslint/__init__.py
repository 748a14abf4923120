"""newslint: a linter for news copy.

The public API is small and lazy: importing :mod:`newslint` loads nothing heavy.

>>> import newslint
>>> [f.rule for f in newslint.lint_text("Talks in Kiev resumed.")]
['NL201']
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import Finding

__all__ = ["__version__", "lint_text", "lint_file"]


def lint_text(text: str, config: Any = None, *, path: str = "<text>", date: str | None = None) -> list[Finding]:
    """Lint a string and return its findings, exactly as the CLI would report them.

    ``config`` may be a :class:`newslint.config.Config` (e.g. from
    ``newslint.config.read_config("newslint.toml")``), a dict of config keys (as in
    ``newslint.toml``), or None for the defaults. ``path`` names the text in findings
    and decides its format (``.md`` is read as Markdown, ``.html`` as HTML); ``date``
    is the article date for date checks when the text carries none.

    >>> import newslint
    >>> findings = newslint.lint_text("Talks in Kiev resumed.", {"select": ["places"]})
    >>> [(f.rule, f.line, f.column, f.match, f.replacements) for f in findings]
    [('NL201', 1, 10, 'Kiev', ['Kyiv'])]
    >>> findings[0].fix.safe, findings[0].to_dict()["severity"]
    (True, 'warning')
    """
    from .api import lint_text as _lint_text

    return _lint_text(text, config, path=path, date=date)


def lint_file(path: str, config: Any = None) -> list[Finding]:
    """Lint one file on disk (its own ``newslint.toml`` is not consulted unless passed as config)."""
    from .api import lint_file as _lint_file

    return _lint_file(path, config)
