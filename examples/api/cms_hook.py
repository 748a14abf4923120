"""A CMS save hook: lint a draft, apply the safe fixes, lint again, block on what is left.

Uses only newslint's documented API (README, "In Python: a CMS or a notebook").
Run it: python examples/api/cms_hook.py examples/api/draft.md
"""
from __future__ import annotations

import sys

import newslint
from newslint import Finding, NewslintError


def review(draft: str, path: str = "draft.md") -> tuple[str, list[Finding]]:
    """The draft with safe fixes applied, and the findings an editor must still look at."""
    findings: list[Finding] = newslint.lint_text(draft, {"style": "default", "ignore": ["NL7"]}, path=path)
    fixed: str = newslint.apply_fixes(draft, findings)
    return fixed, newslint.lint_text(fixed, {"style": "default", "ignore": ["NL7"]}, path=path)


def main(argv: list[str]) -> int:
    try:
        with open(argv[1], encoding="utf-8") as handle:
            draft = handle.read()
        fixed, left = review(draft, argv[1])
    except (OSError, NewslintError) as exc:
        print(f"cannot check the draft: {exc}", file=sys.stderr)
        return 2
    for f in left:
        print(f"{f.line}:{f.column} {f.rule} {f.severity}: {f.message}")
    print(f"{len(left)} to review; safe fixes applied: {fixed != draft}")
    return 1 if any(f.severity == "error" for f in left) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
