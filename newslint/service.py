"""One warm engine for long-running front ends: the HTTP service and the language server.

Why it exists: the CLI pays start-up (packs, patterns, a trained pipeline) once per run;
a CMS or an editor asks many times a minute. :class:`Service` compiles each distinct
configuration once and answers from memory, through the same :class:`~newslint.engine.Linter`
and :func:`~newslint.fix.fix_text` the CLI uses, so a finding is identical wherever it is
asked for. It never reads a file a request names: the path in a request only chooses the
format (``.md`` Markdown, ``.html`` HTML, else plain text) and names the text in findings.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .config import Config, parse_date
from .document import make_document
from .engine import Linter, matches
from .fix import fix_text
from .presets import all_presets
from .records import CATEGORIES, Finding, NewslintError, Rule


class RequestError(ValueError):
    """A request the service cannot answer as asked; ``field`` names what is wrong."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class LintRequest:
    """What a client may choose per request; everything else comes from the server's config."""

    text: str
    path: str = "<text>"
    date: dt.date | None = None
    style: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend: tuple[str, ...] = ()


@dataclass
class FixResult:
    """The text after every safe fix, the findings fixed, and the findings that remain."""

    text: str
    applied: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)


def _strings(value: object, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise RequestError(name, f"'{name}' must be a list of strings or a comma-separated string")


class Service:
    """Lint and fix texts under one server configuration plus per-request choices."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._linters: dict[Config, Linter] = {}
        self._lock = threading.Lock()
        # Kinds keep per-document scratch state; one lint at a time per process keeps
        # them honest. Throughput is the same: the work is CPU-bound under the GIL.
        self._lint_lock = threading.Lock()
        self.base = self._linter(self.config)

    # -- configuration ------------------------------------------------------------------------

    @property
    def rules(self) -> list[Rule]:
        """Every rule the server's packs define (selected or not)."""
        return list(self.base.all_rules)

    def selected_rules(self) -> list[Rule]:
        return list(self.base.rules)

    def check_selectors(self, selectors: Iterable[str], name: str) -> None:
        """An unknown code, prefix, rule name or category is the client's mistake (422)."""
        for selector in selectors:
            if selector.upper() == "ALL":
                continue
            if not any(matches(rule, selector) for rule in self.base.all_rules):
                known = sorted({r.code for r in self.base.all_rules} | set(CATEGORIES))
                close = [k for k in known if k.lower().startswith(selector.lower()[:3])][:3]
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                raise RequestError(name, f"unknown rule selector '{selector}' in '{name}'{hint}")

    def request(
        self,
        text: object,
        *,
        path: object = None,
        date: object = None,
        style: object = None,
        select: object = None,
        ignore: object = None,
        extend: object = None,
    ) -> LintRequest:
        """Validate raw request fields (from JSON or a form) into a :class:`LintRequest`."""
        if not isinstance(text, str):
            raise RequestError("text", "'text' is required and must be a string")
        if path is not None and not isinstance(path, str):
            raise RequestError("path", "'path' must be a string")
        article_date = None
        if date not in (None, ""):
            try:
                article_date = parse_date(date, "date")
            except NewslintError as exc:
                raise RequestError("date", f"'date' must be YYYY-MM-DD ({exc})") from None
        if style not in (None, ""):
            if not isinstance(style, str) or style not in all_presets():
                raise RequestError("style", f"unknown style '{style}' (known: {', '.join(sorted(all_presets()))})")
        selected = _strings(select, "select") if select is not None else None
        ignored = _strings(ignore, "ignore")
        extended = _strings(extend, "extend")
        self.check_selectors(selected or (), "select")
        self.check_selectors(ignored, "ignore")
        self.check_selectors(extended, "extend")
        return LintRequest(
            text=text,
            path=str(path) if path else "<text>",
            date=article_date,
            style=str(style) if style else None,
            select=selected if selected else None,
            ignore=ignored,
            extend=extended,
        )

    def config_for(self, req: LintRequest) -> Config:
        config = self.config
        if req.style:
            config = config.with_overrides(style=req.style)
        if req.select is not None:
            config = config.with_overrides(select=req.select)
        if req.ignore:
            config = config.with_overrides(ignore=tuple(config.ignore) + req.ignore)
        if req.extend:
            config = config.with_overrides(extend_select=tuple(config.extend_select) + req.extend)
        return config

    def _linter(self, config: Config) -> Linter:
        with self._lock:
            linter = self._linters.get(config)
            if linter is None:
                if len(self._linters) >= 64:  # clients choosing many configurations: keep memory bounded
                    self._linters.pop(next(iter(self._linters)))
                linter = self._linters[config] = Linter(config)
            return linter

    # -- work ---------------------------------------------------------------------------------

    def lint(self, req: LintRequest) -> list[Finding]:
        linter = self._linter(self.config_for(req))
        with self._lint_lock:
            return linter.lint(make_document(req.text, req.path), req.date)

    def fix(self, req: LintRequest, unsafe_rules: Sequence[str] = ()) -> FixResult:
        """Apply safe fixes (and those of ``unsafe_rules``) in passes, as ``--fix`` does."""
        linter = self._linter(self.config_for(req))

        def lint(text: str) -> list[Finding]:
            return linter.lint(make_document(text, req.path), req.date)

        with self._lint_lock:
            text, applied, remaining = fix_text(req.text, lint(req.text), lint, unsafe_rules)
        return FixResult(text=text, applied=applied, remaining=remaining)
