"""``newslint config`` / ``--show-settings`` and ``newslint init``: what is in force, and a starting file.

Why: a setting that silently comes from a config file two folders up is the commonest
"why does it not flag this?" question; the report names each setting's origin.
"""
from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path
from typing import Any, TextIO

from .config import DEFAULT_INCLUDE, Config
from .records import NewslintError

#: Config attribute -> the key an editor writes in newslint.toml.
_KEY_OF = {"select": "select", "extend_select": "extend-select", "ignore": "ignore", "packs": "packs",
           "include": "include", "exclude": "exclude", "fail_on": "fail-on", "date": "date", "style": "style",
           "per_file_ignores": "per-file-ignores", "max_file_size": "max-file-size", "nlp_model": "nlp",
           "encoding": "encoding", "options": "options"}
#: Options attribute -> the command-line flag that sets it.
_FLAG_OF = {"select": "--select", "extend_select": "--extend-select", "ignore": "--ignore",
            "fail_on": "--fail-on", "style": "--style", "encoding": "--encoding"}


def origins(config: Config, options: Any) -> dict[str, str]:
    """Each setting's origin: 'default', the config file, or the command-line flag."""
    from_file: set[str] = set()
    if config.path:
        from .toml import load_toml

        data, _ = load_toml(config.path)
        if Path(config.path).name == "pyproject.toml":
            data = data.get("tool", {}).get("newslint", {})
        from_file = set(data)
    out: dict[str, str] = {}
    names = {f.name: _KEY_OF.get(f.name, f.name.replace("_", "-")) for f in fields(Config)}
    for attr, key in names.items():
        flag = _FLAG_OF.get(attr)
        if flag and getattr(options, attr, None) not in (None, ()):
            out[attr] = f"command line ({flag})"
        elif key in from_file or (attr == "nlp_model" and "nlp" in from_file):
            out[attr] = config.path or "config"
        else:
            out[attr] = "default"
    if getattr(options, "select", None) is not None:  # a command-line --select starts afresh
        for attr in ("ignore", "extend_select"):
            if out[attr] != f"command line ({_FLAG_OF[attr]})":
                out[attr] = "command line (--select replaces the file's selection)"
    return out


def _shown(value: Any) -> str:
    if value is None:
        return "(default)"
    if isinstance(value, frozenset):
        value = tuple(sorted(value))
    if isinstance(value, tuple):
        if value and isinstance(value[0], tuple):
            return "{" + ", ".join(f"{g!r}: {list(r)}" for g, r in value) + "}"
        return "[" + ", ".join(repr(v) for v in value) + "]"
    return str(value)


def show(path: str, session: Any, stream: TextIO | None = None) -> int:
    """Print the settings in force for ``path`` (a file or folder) and where each came from."""
    stream = stream or sys.stdout
    config = session.config_for(path if not Path(path).is_dir() else str(Path(path) / "_"))
    linter = session.linter(config)
    where = origins(config, session.options)
    stream.write(f"Settings for {path}\n")
    stream.write(f"  config file: {config.path or '(none found; defaults)'}\n")
    for f in fields(Config):
        if f.name in ("path", "root"):
            continue
        value = getattr(config, f.name)
        stream.write(f"  {_KEY_OF.get(f.name, f.name):<17} = {_shown(value):<40} # {where.get(f.name, 'default')}\n")
    stream.write(f"  rules in force: {len(linter.rules)} of {len(linter.all_rules)}: "
                 f"{', '.join(sorted(r.code for r in linter.rules))}\n")
    return 0


INIT_TEMPLATE = '''# newslint.toml: newslint's settings for this folder and the folders below it.
# Every key is optional; delete what you do not need. `newslint config FILE` shows the
# settings in force for a file and where each comes from; `newslint rules` lists the rules.

# House-style preset: {presets}.
style = "{style}"

# Rules to run: codes (NL201), prefixes (NL2), rule names (place-name-style) or
# categories (names, places, entities, grammar, punctuation, dates, style, furniture).
# "ALL" is every rule that is on by default. A mistyped selector is an error.
# select = ["ALL"]
# ignore = ["NL702"]
# extend-select = []             # add rules that are off by default

# Lowest severity that makes the exit status 1: info, warning, error or never.
fail-on = "warning"

# Files linted when walking folders, and files or folders never linted.
include = {include}
# exclude = ["archive", "*.draft.md"]

# Article date for copy that carries none (front matter `date:` wins).
# date = "2022-03-11"

# Legacy wire copy that is not UTF-8 (e.g. "cp1252", "latin-1").
# encoding = "utf-8"

# Your own rule packs (TOML), relative to this file: see `newslint kinds`.
# packs = ["style/house.toml"]

# [per-file-ignores]
# "wires/*.txt" = ["furniture"]

# [nlp]
# model = "en_core_web_sm"       # a trained spaCy pipeline for the rules that need tags
'''


def init(argv: list[str], stream: TextIO | None = None) -> int:
    """``newslint init [--style PRESET] [--force] [FOLDER]``: write a commented newslint.toml."""
    import argparse

    from .presets import all_presets

    presets = sorted(all_presets())
    parser = argparse.ArgumentParser(prog="newslint init", description="Write a commented newslint.toml.")
    parser.add_argument("folder", nargs="?", default=".", help="where to write it (default: here)")
    parser.add_argument("--style", default="default", choices=presets, help="house-style preset")
    parser.add_argument("--force", action="store_true", help="overwrite an existing newslint.toml")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        raise NewslintError(f"init: no such folder: {folder}")
    target = folder / "newslint.toml"
    if target.exists() and not args.force:
        raise NewslintError(f"init: {target} already exists (use --force to overwrite it)")
    text = INIT_TEMPLATE.format(presets=", ".join(presets), style=args.style,
                                include="[" + ", ".join(f'"{p}"' for p in DEFAULT_INCLUDE) + "]")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewslintError(f"init: cannot write {target}: {exc.strerror or exc}") from None
    (stream or sys.stdout).write(f"Wrote {target} (style {args.style}). Run: newslint {folder}\n")
    return 0
