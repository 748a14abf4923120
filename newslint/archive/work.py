"""What a Dask worker does with one partition: lint its articles and count spellings.

Why a per-process engine: packs, patterns and a trained pipeline are loaded once per
worker process (:func:`engine`), not per article or per task. The result is columns
(lists per field) so that the driver can hand them to DuckDB as one Arrow table per
partition, in one transaction.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import gc
import os
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..config import Config, read_config
from ..document import make_document
from ..engine import Linter
from ..tokens import Tokens
from .sources import Article, Partition, read

_ENGINES: dict[tuple[str | None, str | None], Engine] = {}


@dataclass
class Settings:
    """What every worker needs to build the same engine (picklable)."""

    config_path: str | None = None
    style: str | None = None


class Engine:
    """A linter plus the spelling groups of the name and place rules, compiled once."""

    def __init__(self, settings: Settings) -> None:
        config = read_config(settings.config_path) if settings.config_path else None
        config = config or Config()
        if settings.style:
            config = config.with_overrides(style=settings.style)
        self.linter = Linter(config)
        self.groups: list[tuple[str, str, list[str]]] = []  # (category, label, variants)
        seen: set[tuple[str, ...]] = set()
        for rule in self.linter.all_rules:
            if rule.kind != "house-spelling":
                continue
            kind = self.linter.kinds.get(rule.code)
            if kind is None:
                from ..packs import compile_rule

                kind = compile_rule(rule)
            for group in getattr(kind, "groups", []):
                key = tuple(group.variants)
                if key not in seen:
                    seen.add(key)
                    self.groups.append((rule.category, group.label, list(group.variants)))
        forms = {v: (i, v) for i, (_, _, variants) in enumerate(self.groups) for v in variants}
        self.form_of = forms
        alternation = "|".join(regex.escape(v) for v in sorted(forms, key=len, reverse=True))
        self.spelling = regex.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])") if forms else None


def engine(settings: Settings) -> Engine:
    key = (settings.config_path, settings.style)
    if key not in _ENGINES:
        _ENGINES[key] = Engine(settings)
    return _ENGINES[key]


def release_memory() -> None:
    """Give freed heap back to the system after a partition.

    Why: a worker process lints for hours. Objects freed by one thread of the worker and
    allocated by another leave glibc heaps fragmented, so resident memory climbs partition by
    partition although nothing stays alive (a plain loop over the same partitions stays flat).
    A collection plus ``malloc_trim(0)`` (glibc's public call, also what Dask's documentation
    suggests for workers) returns that memory; elsewhere it is a no-op.
    """
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None on a C library without it."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


def _month(date: dt.date | None) -> str | None:
    return f"{date.year:04d}-{date.month:02d}" if date else None


def _names(text: str) -> set[str]:
    """Capitalised words used mid-sentence (where capitals mark a name) and never written
    in lower case in the same article: the candidates for cross-article name variants."""
    tokens = Tokens(text)
    words, starts = tokens.words, tokens.sent_starts
    lower = {w for w in words if w.islower()}
    return {w for i, w in enumerate(words)
            if i and not starts[i] and len(w) >= 5 and w.isalpha() and w[0].isupper() and w[1:].islower()
            and w.lower() not in lower}


def lint_partition(partition: Partition, settings: Settings) -> dict[str, Any]:
    """Lint every article of one partition; returns the rows for the four tables."""
    eng = engine(settings)
    articles: dict[str, list[Any]] = {k: [] for k in ("id", "date", "month", "section", "url", "chars", "findings",
                                                       "error")}
    findings: dict[str, list[Any]] = {k: [] for k in ("article_id", "date", "month", "section", "rule", "name",
                                                       "category", "severity", "match", "line", "column", "offset",
                                                       "length", "message")}
    usage: dict[str, list[Any]] = {k: [] for k in ("article_id", "month", "category", "label", "form", "uses")}
    names: dict[str, list[Any]] = {k: [] for k in ("article_id", "month", "name")}
    started = time.perf_counter()
    for article in read(partition):
        _one(eng, article, articles, findings, usage, names)
    release_memory()
    return {"partition": partition.id, "articles": articles, "findings": findings, "usage": usage, "names": names,
            "seconds": time.perf_counter() - started, "worker": os.getpid()}


def _one(eng: Engine, article: Article, articles: dict[str, list[Any]], findings: dict[str, list[Any]],
         usage: dict[str, list[Any]], names: dict[str, list[Any]]) -> None:
    date = article.date
    result: list[Any] = []
    error = article.error
    if error is None:
        try:
            doc = make_document(article.text, article.path)
            date = date or doc.date
            result = eng.linter.lint(doc, date)
        except Exception as exc:  # noqa: BLE001 - one bad article is recorded, not fatal
            error = f"{type(exc).__name__}: {exc}"
    month = _month(date)
    for column, value in (("id", article.id), ("date", date), ("month", month), ("section", article.section),
                          ("url", article.url), ("chars", len(article.text)), ("findings", len(result)),
                          ("error", error)):
        articles[column].append(value)
    for f in result:
        for column, value in (("article_id", article.id), ("date", date), ("month", month),
                              ("section", article.section), ("rule", f.rule), ("name", f.name),
                              ("category", f.category), ("severity", f.severity), ("match", f.match),
                              ("line", f.line), ("column", f.column), ("offset", f.offset), ("length", f.length),
                              ("message", f.message)):
            findings[column].append(value)
    if error is not None or not article.text:
        return
    if eng.spelling is not None:
        counts = Counter(m.group(0) for m in eng.spelling.finditer(article.text))
        for form, uses in counts.items():
            index, _ = eng.form_of[form]
            category, label, _variants = eng.groups[index]
            for column, value in (("article_id", article.id), ("month", month), ("category", category),
                                  ("label", label), ("form", form), ("uses", uses)):
                usage[column].append(value)
    for name in sorted(_names(article.text)):
        names["article_id"].append(article.id)
        names["month"].append(month)
        names["name"].append(name)
