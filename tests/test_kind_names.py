"""The name kinds say what they check (issue 17 item 3): house-spelling, mixed-spelling,
mixed-spelling-unlisted and mixed-terms; their old names still load (deprecated)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.document import make_document
from newslint.engine import Linter
from newslint.kinds import DEPRECATED_KINDS, KINDS, available_kinds, canonical_kind, kind_exists, load_kind
from newslint.packs import load_pack

GROUPS = '''
[[rules.groups]]
id = "Zelensky"
variants = ["Zelensky", "Zelenskyy", "Zelenskiy"]
prefer = [{ spelling = "Zelenskyy", since = 2022-01-01, source = "test" }]
'''

UNPREFERRED = GROUPS.replace('prefer = [{ spelling = "Zelenskyy", since = 2022-01-01, source = "test" }]\n', "")


def _pack(tmp_path: Path, kind: str, extra: str = "", code: str = "NL951", groups: str = GROUPS) -> str:
    path = tmp_path / f"{kind}-{code}.toml"
    path.write_text(f'[pack]\nname = "house"\n\n[[rules]]\ncode = "{code}"\nname = "x"\nkind = "{kind}"\n'
                    f'category = "names"\nmessage = "{{match}} -> {{preferred}} {{times}} ({{lines}})"\n{extra}\n'
                    f'{groups}', encoding="utf-8")
    return str(path)


def _found(pack: str, text: str, code: str = "NL951") -> list[tuple[int, str, str, str | None, bool]]:
    linter = Linter(Config(packs=(pack,), select=(code,)))
    return [(f.offset, f.match, f.message, f.fix.replacement if f.fix else None, bool(f.fix and f.fix.safe))
            for f in linter.lint(make_document(text, "t.txt"))]


MIXED = "date 2024-01-01\nZelensky spoke. Zelensky left. Zelenskyy returned. ZELENSKIY WAVED.\n"


def test_new_names_are_listed_and_old_ones_are_not() -> None:
    proc = subprocess.run([sys.executable, "-m", "newslint", "kinds"], capture_output=True, text=True)
    listed = {line.split()[0] for line in proc.stdout.splitlines() if line.strip()}
    assert {"house-spelling", "mixed-spelling", "mixed-spelling-unlisted", "mixed-terms"} <= listed
    assert not listed & set(DEPRECATED_KINDS)
    assert set(available_kinds()) == set(KINDS)


@pytest.mark.parametrize(("old", "new"), sorted(DEPRECATED_KINDS.items()))
def test_every_deprecated_name_loads_the_kind_it_became(old: str, new: str) -> None:
    assert new in KINDS and old not in KINDS
    assert kind_exists(old) and load_kind(old) is load_kind(new)


def test_name_groups_in_mixed_mode_became_mixed_spelling() -> None:
    assert canonical_kind("name-groups", {"mode": "mixed"}) == "mixed-spelling"
    assert canonical_kind("name-groups", {"mode": "style"}) == "house-spelling"
    assert canonical_kind("name-groups") == "house-spelling"
    assert canonical_kind("substitution", {"mode": "mixed"}) == "substitution"


@pytest.mark.parametrize(("old", "new", "extra"), [
    ("name-groups", "house-spelling", ""),
    ("name-groups", "mixed-spelling", 'mode = "mixed"'),
    ("name-consistency", "mixed-spelling", ""),
])
def test_an_old_name_finds_what_the_new_one_finds(tmp_path: Path, old: str, new: str, extra: str) -> None:
    groups = GROUPS if new == "house-spelling" else UNPREFERRED  # mixing counts only where no spelling is set
    old_pack = _pack(tmp_path, old, extra, "NL951", groups)
    new_pack = _pack(tmp_path, new, "", "NL952", groups)
    rule = load_pack(old_pack).rules[0]
    assert rule.kind == new, "a loaded rule carries the new name (--fix-consistency and the archive read it)"
    found = _found(old_pack, MIXED, "NL951")
    assert found and found == _found(new_pack, MIXED, "NL952")


def test_house_spelling_flags_the_spelling_not_in_force_with_a_safe_fix(tmp_path: Path) -> None:
    found = _found(_pack(tmp_path, "house-spelling"), MIXED)
    assert [(m, fix, safe) for _, m, _, fix, safe in found] == [
        ("Zelensky", "Zelenskyy", True), ("Zelensky", "Zelenskyy", True), ("ZELENSKIY", "ZELENSKYY", True)]


def test_mixed_spelling_flags_the_minority_form_with_an_unsafe_fix(tmp_path: Path) -> None:
    found = _found(_pack(tmp_path, "mixed-spelling", groups=UNPREFERRED), MIXED)
    assert [(m, msg, fix, safe) for _, m, msg, fix, safe in found] == [
        ("Zelenskyy", "Zelenskyy -> Zelensky twice (line 2)", "Zelensky", False),
        ("ZELENSKIY", "ZELENSKIY -> Zelensky twice (line 2)", "ZELENSKY", False)]


def test_mixed_spelling_refuses_the_house_style_mode(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "newslint", "check-pack",
                           _pack(tmp_path, "mixed-spelling", 'mode = "style"')], capture_output=True, text=True)
    assert proc.returncode == 2 and "only checks mixing" in proc.stderr and "Traceback" not in proc.stderr


TERMS = 'groups = [["e-mail", "email"], { id = "per cent", variants = ["per cent", "percent"] }]'


def test_mixed_terms_and_its_old_name_consistency_agree(tmp_path: Path) -> None:
    text = "Send an email. The email bounced. An e-mail came back; 5 per cent said so, 6 percent did not.\n"
    new = _found(_pack(tmp_path, "mixed-terms", TERMS, groups=""), text)
    old = _found(_pack(tmp_path, "consistency", TERMS, "NL952", groups=""), text, "NL952")
    assert [(m, fix, safe) for _, m, _, fix, safe in new] == [("e-mail", "email", False), ("percent", "per cent", False)]
    assert new == old


def test_mixed_terms_leaves_a_word_talked_about_alone(tmp_path: Path) -> None:
    text = "Send an email. The email bounced. Some still write “e-mail”.\n"
    assert _found(_pack(tmp_path, "mixed-terms", TERMS, groups=""), text) == []


def test_check_pack_names_the_new_kind_for_a_deprecated_one(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "consistency", TERMS + '\nexamples = ["An email. An email. An e-mail."]', groups="")
    proc = subprocess.run([sys.executable, "-m", "newslint", "check-pack", pack], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "kind 'consistency' is a deprecated name; use 'mixed-terms'" in proc.stderr


def test_fix_consistency_knows_the_new_names() -> None:
    from newslint.fix import is_consistency_kind

    assert all(is_consistency_kind(k) for k in ("mixed-terms", "mixed-spelling", "mixed-spelling-unlisted"))
    assert not is_consistency_kind("house-spelling")


def test_kinds_command_explains_a_deprecated_name() -> None:
    proc = subprocess.run([sys.executable, "-m", "newslint", "kinds", "name-groups"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stdout.startswith("'name-groups' is a deprecated name of 'house-spelling'.")
    assert "``house-spelling``" in proc.stdout and "Fields:" in proc.stdout
