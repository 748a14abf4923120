"""Run rules over documents: select rules, check, map hits to the file, suppress.

Data flows one way: document -> (lazily) NLP -> rule kinds -> findings ->
suppression and per-file ignores. Kinds never read files or print.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from .config import Config
from .document import Document, section_bounds
from .kinds.base import Context, RuleKind
from .nlp import NLP, TRAINED_FEATURES
from .packs import compile_rule, load_packs
from .presets import preset_settings
from .records import CATEGORIES, Finding, Fix, Hit, Rule
from .safe_regex import PatternTimeout, pattern_budget

ISSUE_URL = "https://github.com/newslint/newslint/issues"
#: Prose characters above which a document is linted in sections (about 80,000 words).
SECTION_CHARS = 500_000
#: Article dates are held within these bounds (a date of 0001-01-01 or 9999-12-31 is a slip,
#: and rules that look years before or after it would overflow Python's dates).
EARLIEST_DATE, LATEST_DATE = dt.date(1000, 1, 1), dt.date(9000, 12, 31)


def matches(rule: Rule, selector: str) -> bool:
    """A selector is a code, a code prefix (NL4), a rule name or a category."""
    sel = selector.strip()
    if not sel:
        return False  # "--select NL401," has an empty item: it selects nothing
    if sel.upper() == "ALL":
        return True
    if sel in CATEGORIES:
        return rule.category == sel
    return rule.code.startswith(sel.upper()) or rule.name == sel


def select_rules(rules: Sequence[Rule], select: Iterable[str] | None, ignore: Iterable[str],
                 extend_select: Iterable[str] = ()) -> list[Rule]:
    """Rules to run: all enabled ones by default; ``select`` replaces that set."""
    select = list(select) if select is not None else None
    extend = list(extend_select)
    ignore = list(ignore)
    chosen = []
    for rule in rules:
        if select is None:
            wanted = rule.spec.get("enabled", True) is not False or any(matches(rule, s) for s in extend)
        else:
            wanted = any(matches(rule, s) for s in select + extend)
        if wanted and not any(matches(rule, s) for s in ignore):
            chosen.append(rule)
    return chosen


class Linter:
    """Everything needed to lint documents under one configuration, compiled once."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        packs = load_packs(self.config.packs)
        self.all_rules: list[Rule] = [rule for pack in packs for rule in pack.rules]
        self.rules = select_rules(self.all_rules, self.config.select, self.config.ignore, self.config.extend_select)
        self.nlp = NLP.from_config(self.config.nlp_model)
        self.preset = preset_settings(self.config.style)
        self.kinds: dict[str, RuleKind] = {rule.code: compile_rule(rule) for rule in self.rules}
        self._runnable: list[tuple[Rule, RuleKind]] | None = None

    def runnable(self) -> list[tuple[Rule, RuleKind]]:
        """The selected rules this pipeline can run (those reading a trained pipeline's tags
        need one), worked out once: asking may load the pipeline."""
        if self._runnable is None:
            self._runnable = [(rule, self.kinds[rule.code]) for rule in self.rules
                              if self.nlp.provides(self.kinds[rule.code].requirements())]
        return self._runnable

    def lint(self, doc: Document, date: dt.date | None = None) -> list[Finding]:
        """All findings for one document, in file order.

        A document longer than SECTION_CHARS (no article is) is linted in sections split
        at blank lines, so that time and memory (a spaCy Doc, pattern timeouts) stay linear.
        """
        if len(doc.prose) <= SECTION_CHARS:
            return self._lint_whole(doc, date)
        findings: dict[tuple[object, ...], Finding] = {}
        for start, end in section_bounds(doc.prose, SECTION_CHARS):
            for finding in self._lint_whole(doc.section(start, end), date):
                findings.setdefault(finding.sort_key(), finding)
        return sorted(findings.values(), key=Finding.sort_key)

    def _lint_whole(self, doc: Document, date: dt.date | None = None) -> list[Finding]:
        article_date = doc.date or date or self.config.date or dt.date.today()
        # date rules reach years either side of the article date: year 1 or 9999 would overflow
        article_date = min(max(article_date, EARLIEST_DATE), LATEST_DATE)
        ctx = Context(doc=doc, date=article_date, preset=self.preset, options=self.config.options, nlp=self.nlp,
                      words=self.config.words)
        ignored = self.config.ignores_for(doc.path) if self.config.per_file_ignores else ()
        findings: dict[tuple[object, ...], Finding] = {}
        for rule, kind in self.runnable():
            if ignored and any(matches(rule, s) for s in ignored):
                continue
            for finding in self._run(rule, kind, ctx):
                if not doc.is_suppressed(finding.line, finding.rule):
                    findings.setdefault(finding.sort_key(), finding)
        return sorted(one_per_slip(findings.values(), self.tagged_codes()), key=Finding.sort_key)

    def tagged_codes(self) -> frozenset[str]:
        """Codes of the running rules that read a trained pipeline's tags."""
        return frozenset(rule.code for rule, kind in self.runnable() if kind.requirements() & TRAINED_FEATURES)

    def _run(self, rule: Rule, kind: RuleKind, ctx: Context) -> list[Finding]:
        try:
            with pattern_budget():  # each pattern has PATTERN_TIMEOUT on this document in all
                return [to_finding(ctx.doc, rule, hit) for hit in kind.check(ctx)]
        except PatternTimeout as exc:
            message = (f"rule {rule.code} ({rule.name}) from {rule.pack_path} was stopped: its pattern "
                       f"{exc.pattern[:60]!r} ran too long on this file; fix the pattern")
            return [to_finding(ctx.doc, rule, Hit(0, 0, message, severity="error"))]
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the others
            return [_internal(ctx.doc, rule, exc)]


def one_per_slip(findings: Iterable[Finding], tagged: frozenset[str]) -> list[Finding]:
    """One finding per slip: a finding of a tag-reading rule is dropped when a finding of
    the same category overlaps its span and comes from an untagged rule, or from a tagged
    rule with a lower code ('He walk': NL456 is kept, NL473 dropped). Untagged rules
    never drop each other, so the default findings are the same with or without a pipeline."""
    findings = list(findings)
    if not tagged or not any(f.rule in tagged for f in findings):
        return findings

    def rank(f: Finding) -> tuple[bool, str]:
        return (f.rule in tagged, f.rule)

    kept: list[Finding] = []
    for finding in sorted(findings, key=rank):
        if finding.rule in tagged and any(
                k.category == finding.category and k.path == finding.path and k.rule != finding.rule
                and k.offset < finding.offset + max(finding.length, 1) and finding.offset < k.offset + max(k.length, 1)
                for k in kept):
            continue
        kept.append(finding)
    return kept


def _internal(doc: Document, rule: Rule, exc: BaseException) -> Finding:
    message = (f"internal error in rule {rule.code} ({rule.name}): {type(exc).__name__}: {exc}; "
               f"the other rules ran. Please report this at {ISSUE_URL}")
    return to_finding(doc, rule, Hit(0, 0, message, severity="error"))


def to_finding(doc: Document, rule: Rule, hit: Hit) -> Finding:
    """Place a hit (prose span) in the original file."""
    start, end, contiguous = doc.span_to_original(hit.start, hit.end)
    line, column = doc.line_col(start)
    end_line, end_column = doc.line_col(end)
    match = doc.text[start:end]
    fix = None
    if hit.fix is not None:
        fix = Fix(hit.fix, start, end - start, bool(hit.safe and contiguous))
    return Finding(
        path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
        offset=start, length=end - start, rule=rule.code, name=rule.name, category=rule.category,
        severity=hit.severity or rule.severity, message=hit.message, match=match,
        replacements=list(hit.replacements), fix=fix,
    )
