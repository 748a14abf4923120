"""The kind registry (issue 17): kinds are declared, helpers are not kinds."""
from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import newslint.kinds as kinds_pkg
from newslint.kinds import KINDS, available_kinds, kind_exists, load_kind
from newslint.kinds.base import RuleKind

KINDS_DIR = Path(kinds_pkg.__file__).parent


def _defines_kind_class(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.ClassDef) and node.name == "Kind" for node in tree.body)


def test_every_module_with_a_kind_class_is_registered() -> None:
    modules = {m.name for m in pkgutil.iter_modules([str(KINDS_DIR)])}
    with_kind = {m for m in modules if _defines_kind_class(KINDS_DIR / f"{m}.py")}
    missing = sorted(with_kind - set(KINDS.values()))
    assert not missing, f"add these modules to newslint.kinds.KINDS: {missing}"


def test_every_registered_kind_loads_a_rule_kind() -> None:
    for name in KINDS:
        assert issubclass(load_kind(name), RuleKind), name


@pytest.mark.parametrize("helper", ["base", "common", "prefilter"])
def test_helpers_are_not_kinds(helper: str) -> None:
    assert not kind_exists(helper)
    assert helper not in available_kinds()


def _pack(tmp_path: Path, kind: str) -> Path:
    pack = tmp_path / "house.toml"
    pack.write_text(f'[pack]\nname = "house"\n\n[[rules]]\ncode = "NL901"\nname = "x"\nkind = "{kind}"\n'
                    'category = "places"\nmessage = "m"\n', encoding="utf-8")
    return pack


@pytest.mark.parametrize("kind", ["prefilter", "common", "base", "__init__", "kinds", "Substitution"])
def test_a_pack_naming_a_non_kind_is_a_configuration_error(tmp_path: Path, kind: str) -> None:
    pack = _pack(tmp_path, kind)
    proc = subprocess.run([sys.executable, "-m", "newslint", "check-pack", str(pack)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "house.toml:5" in proc.stderr and "NL901" in proc.stderr and f"'{kind}'" in proc.stderr


def test_a_misspelt_kind_gets_the_nearest_name(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "substitutin")
    proc = subprocess.run([sys.executable, "-m", "newslint", "check-pack", str(pack)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "did you mean 'substitution'" in proc.stderr


def test_kinds_command_lists_only_kinds() -> None:
    proc = subprocess.run([sys.executable, "-m", "newslint", "kinds"], capture_output=True, text=True)
    assert proc.returncode == 0
    listed = [line.split()[0] for line in proc.stdout.splitlines() if line.strip()]
    assert listed == sorted(KINDS)


def test_kinds_command_refuses_a_helper() -> None:
    proc = subprocess.run([sys.executable, "-m", "newslint", "kinds", "prefilter"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
