"""Load rule packs (Contract 4) and validate them, naming the file, line and rule."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .kinds import UnknownKind, canonical_kind, kind_exists, load_kind, unknown_kind_message
from .kinds.base import PackError, RuleKind
from .records import CATEGORIES, CATEGORY_DIGIT, SEVERITIES, NewslintError, Rule
from .resources import bundled_packs
from .toml import line_of, load_toml

CODE = re.compile(r"^NL\d{3,}$")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COMMON_FIELDS: dict[str, type | tuple[type, ...]] = {
    "code": str, "name": str, "kind": str, "category": str, "severity": str, "message": str,
    "summary": str, "why": str, "advice": str, "source": str,
    "examples": list, "counterexamples": list, "requires": list, "enabled": bool,
    "example-style": str,
}
KIND_DEFAULT_SEVERITY = "warning"
_TOML_TYPES = {"list": "list (array)", "dict": "table", "str": "string", "bool": "boolean (true/false)"}


@dataclass
class Pack:
    name: str
    path: str
    description: str
    rules: list[Rule] = field(default_factory=list)
    source: str = ""


@lru_cache(maxsize=64)
def load_pack(path: str) -> Pack:
    """Parse and validate one pack file. Raises NewslintError (exit 2) with file:line."""
    data, raw = load_toml(path)
    header = data.get("pack")
    if not isinstance(header, dict) or not isinstance(header.get("name"), str):
        raise NewslintError(f"{path}:{line_of(raw, '[pack]') or 1}: a pack needs a [pack] table with a name")
    unknown_top = set(data) - {"pack", "rules"}
    if unknown_top:
        key = sorted(unknown_top)[0]
        raise NewslintError(
            f"{path}:{line_of(raw, key)}: unknown top-level key '{key}' (expected [pack] and [[rules]])"
        )
    pack = Pack(name=header["name"], path=str(path), description=str(header.get("description", "")),
                source=str(header.get("source", "")))
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        raise NewslintError(f"{path}: 'rules' must be an array of tables ([[rules]])")
    seen: set[str] = set()
    for index, spec in enumerate(rules):
        rule = _rule(pack, spec, index, raw)
        if rule.code in seen:
            raise NewslintError(f"{path}:{line_of(raw, rule.code)}: rule code {rule.code} is used twice in this pack")
        seen.add(rule.code)
        pack.rules.append(rule)
    return pack


def _rule(pack: Pack, spec: Any, index: int, raw: str) -> Rule:
    code = spec.get("code") if isinstance(spec, dict) else None

    def where() -> str:  # the line is looked up only for a message: a pack has a hundred rules
        return f"{pack.path}:{line_of(raw, str(code)) if code else 0}: rule {code or f'#{index + 1}'}"

    if not isinstance(spec, dict):
        raise NewslintError(f"{where()}: must be a table")
    for key in ("code", "name", "kind", "category", "message"):
        if key not in spec:
            raise NewslintError(f"{where()}: missing required field '{key}'")
    for key, expected in COMMON_FIELDS.items():
        if key in spec and not isinstance(spec[key], expected):
            raise NewslintError(f"{where()}: field '{key}' has the wrong type")
    if not CODE.match(spec["code"]):
        raise NewslintError(f"{where()}: code must be NL followed by digits, e.g. NL901")
    if not NAME.match(spec["name"]):
        raise NewslintError(f"{where()}: name '{spec['name']}' must be kebab-case")
    category = spec["category"]
    if category not in CATEGORIES:
        raise NewslintError(f"{where()}: unknown category '{category}' (one of {', '.join(CATEGORIES)})")
    digit = spec["code"][2]
    if digit in "12345678" and CATEGORY_DIGIT[category] != digit:
        raise NewslintError(
            f"{where()}: code {spec['code']} is in the {CATEGORIES[int(digit) - 1]} range, "
            f"but the category is {category} (NL{CATEGORY_DIGIT[category]}xx)"
        )
    severity = spec.get("severity", KIND_DEFAULT_SEVERITY)
    if severity not in SEVERITIES:
        raise NewslintError(f"{where()}: unknown severity '{severity}' (one of {', '.join(SEVERITIES)})")
    kind = spec["kind"]
    if not kind_exists(kind):
        raise NewslintError(f"{where()}: {unknown_kind_message(kind)}")
    kind = canonical_kind(kind, spec)  # a deprecated name loads as the kind it became
    try:
        kind_class = load_kind(kind)
    except UnknownKind as exc:
        raise NewslintError(f"{where()}: {exc}") from None
    unknown = set(spec) - set(COMMON_FIELDS) - set(kind_class.fields)
    if unknown:
        key = sorted(unknown)[0]
        raise NewslintError(f"{pack.path}:{line_of(raw, key, line_of(raw, spec['code']))}: rule {spec['code']}: "
                            f"unknown field '{key}' for kind '{kind}'")
    for key in kind_class.required:
        if key not in spec:
            raise NewslintError(f"{where()}: kind '{kind}' needs the field '{key}'")
    for key, expected in kind_class.fields.items():
        if key in spec and not isinstance(spec[key], expected):
            names = " or ".join(t.__name__ for t in (expected if isinstance(expected, tuple) else (expected,)))
            raise NewslintError(f"{where()}: field '{key}' must be a {_TOML_TYPES.get(names, names)}")
    for key in ("examples", "counterexamples"):
        if not all(isinstance(e, str) for e in spec.get(key, [])):
            raise NewslintError(f"{where()}: '{key}' must be a list of strings")
    return Rule(
        code=spec["code"], name=spec["name"], kind=kind, category=category, severity=severity,
        message=spec["message"], pack=pack.name, pack_path=pack.path,
        summary=spec.get("summary", ""), why=spec.get("why", ""), advice=spec.get("advice", ""),
        examples=tuple(spec.get("examples", [])), counterexamples=tuple(spec.get("counterexamples", [])),
        source=spec.get("source", pack.source), spec=spec,
    )


def compile_rule(rule: Rule) -> RuleKind:
    """Instantiate the rule's kind (compiling its patterns), or raise NewslintError."""
    try:
        return load_kind(rule.kind)(rule)
    except PackError as exc:
        raise NewslintError(f"{rule.pack_path}: rule {rule.code} ({rule.name}): {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a kind that trips over odd fields is still a pack error
        raise NewslintError(f"{rule.pack_path}: rule {rule.code} ({rule.name}): invalid fields for kind "
                            f"'{rule.kind}' ({type(exc).__name__}: {exc})") from None


def load_packs(extra: list[str | Path] = (), bundled: bool = True) -> list[Pack]:
    """The bundled packs plus extra ones; rule codes must be unique across all."""
    paths = [str(p) for p in bundled_packs()] if bundled else []
    seen = {os.path.realpath(p) for p in paths}
    for p in map(str, extra):  # one pack named twice (another spelling, a link) is one pack
        if os.path.realpath(p) not in seen:
            seen.add(os.path.realpath(p))
            paths.append(p)
    packs = [load_pack(p) for p in paths]
    owners: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.code in owners:
                raise NewslintError(
                    f"{pack.path}: rule code {rule.code} is already used by {owners[rule.code]}; codes are never reused"
                )
            owners[rule.code] = pack.path
    return packs
