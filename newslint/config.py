"""Find, read and validate configuration: ``newslint.toml`` or ``[tool.newslint]``.

The closest configuration file above a linted file applies to it (as in ruff);
``--config`` applies one file to every input; command-line flags override both.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .records import SEVERITIES, NewslintError
from .toml import line_of, load_toml

CONFIG_NAMES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.txt", "*.text", "*.html", "*.htm"]
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", "_build", "dist"]
DEFAULT_MAX_FILE_SIZE = 20_000_000
#: fail-on values: a severity, or "never" (the exit status is 0 whatever is found).
FAIL_ON = (*SEVERITIES, "never")

# key -> (type, description) for validation and documentation.
KEYS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "style": (str, "house-style preset: default, ap, reuters, bbc, guardian, nyt"),
    "select": (list, "rules to run: codes, code prefixes (NL4), names or categories"),
    "extend-select": (list, "rules to run in addition to the default set"),
    "ignore": (list, "rules not to run (same forms as select)"),
    "packs": (list, "extra rule packs (TOML), relative to this file"),
    "include": (list, "file name globs linted when walking folders"),
    "exclude": (list, "file or folder globs never linted"),
    "fail-on": (str, "lowest severity that makes the exit status 1: info, warning, error, never"),
    "encoding": (str, "how files are decoded (default utf-8); e.g. cp1252 or latin-1 for legacy wire copy"),
    "date": ((str, dt.date), "article date for articles that carry none (YYYY-MM-DD)"),
    "per-file-ignores": (dict, "glob -> list of rules not to run on matching files"),
    "max-file-size": (int, "largest file linted, in bytes"),
    "nlp": (dict, "[nlp] model = 'en_core_web_sm': a trained spaCy pipeline for rules that need one"),
    "options": (dict, "[options.NL505] per-rule settings"),
    "dictionary": (list, "the newsroom's word lists (one word a line, # comments), relative to this file: "
                         "words the spelling check accepts"),
}
NLP_KEYS = {"model"}


@dataclass(frozen=True)
class Config:
    path: str | None = None
    root: str = "."
    style: str = "default"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    include: tuple[str, ...] = tuple(DEFAULT_INCLUDE)
    exclude: tuple[str, ...] = tuple(DEFAULT_EXCLUDE)
    fail_on: str = "warning"
    encoding: str | None = None  # None: UTF-8 with or without a BOM
    date: dt.date | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    nlp_model: str | None = None
    # compared (not hashed): cached linters must differ by their per-rule options
    options: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)
    dictionary: tuple[str, ...] = ()  # word-list files (absolute paths)
    words: frozenset[str] = field(default=frozenset(), hash=False, repr=False)  # their words

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """Rules switched off for one file by ``per-file-ignores``."""
        rel = _relative(path, self.root)
        extra: list[str] = []
        for pattern, rules in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                extra.extend(rules)
        return tuple(extra)

    def is_excluded(self, path: str) -> bool:
        rel = _relative(path, self.root)
        parts = Path(rel).parts
        return any(
            fnmatch.fnmatch(rel, pattern) or any(fnmatch.fnmatch(p, pattern) for p in parts)
            for pattern in self.exclude
        )

    def is_included(self, path: str) -> bool:
        name = os.path.basename(path)
        if any(fnmatch.fnmatch(name, p) for p in self.include):
            return True
        rel = _relative(path, self.root)
        return any(fnmatch.fnmatch(rel, p) for p in self.include)


def _relative(path: str, root: str) -> str:
    """``path`` relative to ``root`` (both resolved), in / form; as given when outside it."""
    full, base = os.path.realpath(path), _real_root(root)
    if full == base:
        return "."
    if full.startswith(base.rstrip(os.sep) + os.sep):
        return Path(full[len(base.rstrip(os.sep)) + 1:]).as_posix()
    return Path(path).as_posix()


@lru_cache(maxsize=64)
def _real_root(root: str) -> str:
    return os.path.realpath(root)


def check_encoding(name: str, where: str) -> str:
    """A codec Python knows (``cp1252``, ``latin-1``, ...), by its canonical name."""
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        raise NewslintError(f"{where}: unknown encoding '{name}' (e.g. utf-8, cp1252, latin-1)") from None


def parse_date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise NewslintError(f"{where}: date must be YYYY-MM-DD, not {value!r}") from None


def read_word_lists(paths: tuple[str, ...], where: str) -> frozenset[str]:
    """The words of the newsroom's word lists: one a line, blank lines and # comments skipped."""
    words: set[str] = set()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise NewslintError(f"{where}: dictionary file not found: {path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise NewslintError(f"{where}: dictionary file {path} cannot be read as UTF-8 text ({exc})") from None
        for line in text.splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                words.add(word)
    return frozenset(words)


def config_from_table(table: dict[str, Any], path: str, raw: str = "", base_line: int = 0) -> Config:
    """Validate one ``newslint.toml`` / ``[tool.newslint]`` table."""
    root = str(Path(path).resolve().parent)

    def where(key: str) -> str:
        return f"{path}:{line_of(raw, key, base_line) if raw else 0}"

    for key, value in table.items():
        if key not in KEYS:
            close = [k for k in KEYS if k.replace("-", "_") == key or k.replace("-", "") == key.replace("_", "")]
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise NewslintError(f"{where(key)}: unknown key '{key}'{hint}")
        expected = KEYS[key][0]
        if not isinstance(value, expected):
            raise NewslintError(f"{where(key)}: '{key}' has the wrong type ({KEYS[key][1]})")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise NewslintError(f"{where(key)}: '{key}' must be a list of strings")
    kwargs: dict[str, Any] = {"path": path, "root": root}
    for key in ("select", "extend-select", "ignore", "include", "exclude"):
        if key in table:
            kwargs[key.replace("-", "_")] = tuple(table[key])
    if "style" in table:
        kwargs["style"] = table["style"]
    if "packs" in table:
        kwargs["packs"] = tuple(dict.fromkeys(str((Path(root) / p).resolve()) for p in table["packs"]))
        for pack in kwargs["packs"]:
            if not Path(pack).is_file():
                raise NewslintError(f"{where('packs')}: pack file not found: {pack}")
    if "fail-on" in table:
        if table["fail-on"] not in FAIL_ON:
            raise NewslintError(f"{where('fail-on')}: fail-on must be one of {', '.join(FAIL_ON)}")
        kwargs["fail_on"] = table["fail-on"]
    if "encoding" in table:
        kwargs["encoding"] = check_encoding(table["encoding"], where("encoding"))
    if "date" in table:
        kwargs["date"] = parse_date(table["date"], where("date"))
    if "per-file-ignores" in table:
        pfi = []
        for glob, rules in table["per-file-ignores"].items():
            if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
                raise NewslintError(f"{where(glob)}: per-file-ignores.{glob} must be a list of rules")
            pfi.append((glob, tuple(rules)))
        kwargs["per_file_ignores"] = tuple(pfi)
    if "max-file-size" in table:
        kwargs["max_file_size"] = table["max-file-size"]
    if "nlp" in table:
        unknown = set(table["nlp"]) - NLP_KEYS
        if unknown:
            key = sorted(unknown)[0]
            raise NewslintError(f"{where(key)}: unknown key 'nlp.{key}' (known: {', '.join(sorted(NLP_KEYS))})")
        model = table["nlp"].get("model")
        if model is not None and not isinstance(model, str):
            raise NewslintError(f"{where('model')}: nlp.model must be a string")
        if model is not None:
            from .nlp import check_model

            check_model(model, where("model"))
        kwargs["nlp_model"] = model
    if "dictionary" in table:
        kwargs["dictionary"] = tuple(str((Path(root) / p).resolve()) for p in table["dictionary"])
        kwargs["words"] = read_word_lists(kwargs["dictionary"], where("dictionary"))
    if "options" in table:
        for code, opts in table["options"].items():
            if not isinstance(opts, dict):
                raise NewslintError(f"{where(code)}: options.{code} must be a table")
        kwargs["options"] = dict(table["options"])
    return Config(**kwargs)


def read_config(path: str | Path) -> Config | None:
    """Read a config file. pyproject.toml without [tool.newslint] gives None."""
    path = Path(path)
    data, raw = load_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("newslint") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise NewslintError(f"{path}:{line_of(raw, 'newslint')}: [tool.newslint] must be a table")
        return config_from_table(table, str(path), raw, line_of(raw, "[tool.newslint"))
    return config_from_table(data, str(path), raw)


@lru_cache(maxsize=256)
def discover(folder: str) -> Config | None:
    """The closest configuration at or above ``folder``, or None."""
    current = Path(folder).resolve()
    for directory in (current, *current.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            try:
                found = candidate.is_file()
            except OSError:  # a folder we may list but not search: no config can be read there,
                continue  # and its files cannot be opened either (each is reported when read)
            if found:
                config = read_config(candidate)
                if config is not None:
                    return config
    return None
