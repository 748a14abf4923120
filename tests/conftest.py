from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def lint():
    """lint(text, select=None, path='t.txt', date=None, **config) -> list of findings."""
    from newslint.api import lint_text

    def run(text: str, select: str | list[str] | None = None, path: str = "t.txt", date: str | None = None,
            **config: object):
        table = {k.replace("_", "-"): v for k, v in config.items()}
        if select is not None:
            table["select"] = [select] if isinstance(select, str) else list(select)
        return lint_text(text, table or None, path=path, date=date)

    return run
