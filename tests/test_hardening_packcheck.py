"""``newslint check-pack`` is linear in the number of rules (issue 16, item 7: 10,000 rules took
over a minute when it built one linter per rule)."""
from __future__ import annotations

from pathlib import Path

import pytest

# ----- check-pack: one linter per house style, not one per rule ----------------------------------


def _big_pack(path: Path, rules: int, broken: int | None = None) -> None:
    parts = ['[pack]\nname = "big"\n']
    for i in range(rules):
        counter = f"A zzterm{i} here." if i == broken else f"A yyterm{i} here."
        parts.append(f'\n[[rules]]\ncode = "NL9{i:03d}"\nname = "r{i}"\nkind = "existence"\ncategory = "style"\n'
                     f'message = "No \'{{match}}\'."\npatterns = [\'\\bzzterm{i}\\b\']\n'
                     f'examples = ["A zzterm{i} here."]\ncounterexamples = ["{counter}"]\n')
    path.write_text("".join(parts), encoding="utf-8")


def test_check_pack_builds_one_linter_not_one_per_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from newslint import packcheck

    built: list[object] = []
    real = packcheck.Linter

    def counting(*args: object, **kwargs: object) -> object:
        built.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(packcheck, "Linter", counting)
    _big_pack(tmp_path / "big.toml", 300)
    assert packcheck.check_packs([str(tmp_path / "big.toml")]) == 0
    assert len(built) == 1
    assert "300 rules checked" in capsys.readouterr().out


def test_check_pack_still_runs_each_rule_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newslint.packcheck import check_packs

    _big_pack(tmp_path / "big.toml", 40, broken=7)  # NL9007's counterexample holds its own term
    assert check_packs([str(tmp_path / "big.toml")]) == 1
    err = capsys.readouterr().err
    assert "NL9007 (r7) flags its counterexample" in err and err.count("flags its counterexample") == 1
