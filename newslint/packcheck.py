"""``newslint check-pack FILE...``: validate packs and run their examples.

For newsrooms writing their own packs, and for this project's pre-commit hook:
a pack must parse, compile, keep its codes unique against the bundled packs, and
flag every example while leaving every counterexample alone.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .config import Config
from .document import make_document
from .engine import Linter
from .records import NewslintError
from .packs import load_pack
from .resources import bundled_packs


def check_packs(paths: list[str]) -> int:
    if not paths:
        raise NewslintError("check-pack needs one or more pack files")
    bundled = {str(p.resolve()) for p in bundled_packs()}
    failures = 0
    for path in paths:
        resolved = str(Path(path).resolve())
        pack = load_pack(resolved)
        for rule in pack.rules:
            if rule.spec.get("kind") != rule.kind:
                print(f"{path}: {rule.code} ({rule.name}): kind '{rule.spec.get('kind')}' is a deprecated name; "
                      f"use '{rule.kind}'", file=sys.stderr)
        extra = () if resolved in bundled else (resolved,)
        for rule in pack.rules:
            if rule.spec.get("requires"):
                continue  # needs a trained pipeline; tests/test_pack_examples.py covers it when installed
            linter = Linter(Config(select=(rule.code,), packs=extra, style=rule.spec.get("example-style", "default")))
            for text, expected in [(e, True) for e in rule.examples] + [(c, False) for c in rule.counterexamples]:
                flagged = any(f.rule == rule.code for f in linter.lint(make_document(text, "example.txt")))
                if flagged != expected:
                    failures += 1
                    what = "does not flag its example" if expected else "flags its counterexample"
                    print(f"{path}: {rule.code} ({rule.name}) {what}: {text!r}", file=sys.stderr)
        print(f"{path}: {len(pack.rules)} rules checked")
    return 1 if failures else 0
