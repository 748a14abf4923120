"""docs/architecture.md stays true to the code (issue 17 item 5): every path it names
exists, every kind it names is registered, and it says where the full list of kinds is."""
from __future__ import annotations

import re
from pathlib import Path

import newslint.kinds as kinds
import newslint.report as report
from newslint.kinds import DEPRECATED_KINDS, KINDS

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
TEXT = DOC.read_text(encoding="utf-8")
#: `code spans` in the document
SPANS = re.findall(r"`([^`\n]+)`", TEXT)
PATH = re.compile(r"^(?:newslint|rules|tests|docs)/[\w./-]*$")


def test_every_path_it_names_exists() -> None:
    paths = [s for s in SPANS if PATH.match(s)]
    assert len(paths) >= 30, "the map names the modules a change touches"
    missing = [p for p in paths if not (ROOT / p).exists()]
    assert missing == []


def test_every_module_it_names_in_a_list_exists() -> None:
    """"`newslint/knowledge/` (`organisations.py`, `offices.py`, ...)": bare file names
    right after a folder are files of that folder."""
    missing = []
    for folder, names in re.findall(r"`((?:newslint|rules)/[\w/]+/)` \(([^)]*)\)", TEXT):
        for name in re.findall(r"`([\w-]+\.(?:py|toml|md))`", names):
            if not (ROOT / folder / name).exists():
                missing.append(folder + name)
    assert missing == []


def test_kinds_it_names_are_registered_and_it_says_where_the_rest_are() -> None:
    named_kinds = {s for s in SPANS if re.fullmatch(r"[a-z]+(?:-[a-z]+)+", s)}  # kebab-case: kind names
    assert {"house-spelling", "join-date"} <= named_kinds
    assert named_kinds <= set(KINDS), sorted(named_kinds - set(KINDS))
    assert not named_kinds & set(DEPRECATED_KINDS), "the map uses the current kind names"
    # the rest: the registry and the command that lists it
    assert "`KINDS`" in TEXT and "`newslint/kinds/__init__.py`" in TEXT and "`newslint kinds`" in TEXT
    assert hasattr(kinds, "KINDS") and hasattr(kinds, "DEPRECATED_KINDS")


def test_names_it_points_to_exist() -> None:
    assert "`FORMATS`" in TEXT and set(report.FORMATS) >= {"text", "json", "sarif"}
    for name in ("Document", "Context", "Finding", "Hit", "RuleKind"):
        assert name in TEXT
    from newslint.document import Document  # noqa: F401
    from newslint.kinds.base import Context, RuleKind  # noqa: F401
    from newslint.records import Finding, Hit  # noqa: F401


def test_the_readme_links_it_from_development() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    development = readme.split("## Development", 1)[1].split("\n## ", 1)[0]
    assert "docs/architecture.md" in development
