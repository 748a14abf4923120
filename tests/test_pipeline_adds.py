"""The trained pipeline only adds (issue 13): every finding of fast mode (no pipeline) is
still reported with the default pipeline, and with a pipeline named in the config
(entities included), on the shared corpora and the bundled examples. Tagged rules may add
findings; they never take one away (the engine drops only a tagged finding in favour of an
untagged one, see ``engine.one_per_slip``)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SHARED

from newslint.api import lint_text
from newslint.config import Config
from newslint.nlp import DEFAULT_MODEL, installed_model

HAVE_MODEL = installed_model(DEFAULT_MODEL) is not None
CORPORA = [SHARED / "corpus" / "dev", SHARED / "corpus" / "clean" / "bbc", SHARED / "corpus" / "external" / "lt-examples",
           ROOT / "examples"]


def _files(folder: Path, limit: int | None = None) -> list[Path]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md")
    return files[:limit] if limit else files


def _keys(path: Path, model: str | None) -> set[tuple[str, int, int]]:
    text = path.read_text(encoding="utf-8")
    return {(f.rule, f.offset, f.length) for f in lint_text(text, Config(nlp_model=model), path=str(path))}


@pytest.mark.skipif(not HAVE_MODEL, reason="the trained pipeline is not installed")
@pytest.mark.parametrize("folder", CORPORA, ids=lambda p: p.name)
def test_default_pipeline_keeps_every_fast_finding(folder: Path) -> None:
    files = _files(folder)
    if not files:
        pytest.skip(f"{folder} is not here")
    lost = {}
    added = 0
    for path in files:
        fast, full = _keys(path, "none"), _keys(path, None)
        if fast - full:
            lost[path.name] = sorted(fast - full)
        added += len(full - fast)
    assert not lost, lost
    assert added >= 0


@pytest.mark.skipif(not HAVE_MODEL, reason="the trained pipeline is not installed")
@pytest.mark.parametrize("folder", CORPORA[:2] + CORPORA[3:], ids=lambda p: p.name)
def test_named_pipeline_with_entities_keeps_every_fast_finding(folder: Path) -> None:
    """Names included: entity tags only add evidence to the name checks."""
    files = _files(folder, limit=25)
    if not files:
        pytest.skip(f"{folder} is not here")
    lost = {p.name: sorted(_keys(p, "none") - _keys(p, DEFAULT_MODEL)) for p in files}
    assert not {k: v for k, v in lost.items() if v}


@pytest.mark.skipif(not HAVE_MODEL, reason="the trained pipeline is not installed")
def test_entity_tags_do_not_drop_a_name_pair() -> None:
    """A spelling pair of a name the model may not tag as an entity is still reported."""
    text = ("Officials in Bravnik said the harbour would reopen. The mayor of Bravnik agreed.\n\n"
            "Talks in Brawnik resumed on Monday, and the harbour master of Brawnik was hopeful.\n")
    fast = {(f.rule, f.offset) for f in lint_text(text, Config(nlp_model="none")) if f.category == "names"}
    named = {(f.rule, f.offset) for f in lint_text(text, Config(nlp_model=DEFAULT_MODEL)) if f.category == "names"}
    assert fast, "the fast mode should pair Bravnik and Brawnik"
    assert fast <= named
