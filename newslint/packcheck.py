"""``newslint check-pack FILE...``: validate packs and run their examples.

For newsrooms writing their own packs, and for this project's pre-commit hook:
a pack must parse, compile, keep its codes unique against the bundled packs, and
flag every example while leaving every counterexample alone.
"""
from __future__ import annotations

import copy
import sys
from collections.abc import Iterator
from pathlib import Path

from .config import Config
from .document import make_document
from .engine import Linter
from .packs import compile_rule, load_pack
from .records import NewslintError, Rule
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
        for rule, linter in _one_rule_linters(pack.rules, extra):
            for text, expected in [(e, True) for e in rule.examples] + [(c, False) for c in rule.counterexamples]:
                flagged = any(f.rule == rule.code for f in linter.lint(make_document(text, "example.txt")))
                if flagged != expected:
                    failures += 1
                    what = "does not flag its example" if expected else "flags its counterexample"
                    print(f"{path}: {rule.code} ({rule.name}) {what}: {text!r}", file=sys.stderr)
        print(f"{path}: {len(pack.rules)} rules checked")
    return 1 if failures else 0


def _one_rule_linters(rules: list[Rule], extra: tuple[str, ...]) -> Iterator[tuple[Rule, Linter]]:
    """Each rule with a linter that runs it alone (as the rule's examples are meant to be read).

    One Linter is built per house style and shares its compiled rules with a light view per
    rule: building one Linter per rule loaded and selected every rule each time, so a pack of
    10,000 rules took minutes (quadratic)."""
    by_style: dict[str, list[Rule]] = {}
    for rule in rules:
        if rule.spec.get("requires"):
            continue  # needs a trained pipeline; tests/test_pack_examples.py covers it when installed
        by_style.setdefault(rule.spec.get("example-style", "default"), []).append(rule)
    for style, chosen in by_style.items():
        # select=(): selecting 10,000 codes by name would itself be quadratic (each rule against
        # each selector); the packs are still loaded and their codes checked once
        linter = Linter(Config(select=(), packs=extra, style=style))
        for rule in chosen:
            view = copy.copy(linter)
            view.rules = [rule]
            view.kinds = {rule.code: compile_rule(rule)}
            view._runnable = None  # worked out again for the one rule
            yield rule, view
