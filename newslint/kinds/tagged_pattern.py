"""``tagged-pattern``: a token pattern that reads part-of-speech tags, run only on the
sentences its cheap ``gate`` picks.

The ``pattern`` kind runs a tag-reading pattern over a whole document's spaCy ``Doc``:
the trained pipeline then tags every sentence (about 5,000 words a second). Here a
regex (``gate``, case-insensitive, searched in each sentence without spaCy) chooses the
sentences that could match (a gate starting with ``^`` is matched at the sentence's
start), and only those are tagged (shared with the other tagged
rules through :func:`newslint.nlp.sentence_docs`). Fields: those of ``pattern``, plus
``gate`` (required). The rule must say ``requires = ["pos"]``.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..nlp import sentence_docs
from ..records import Hit
from ..safe_regex import compile_regex
from .base import Context, PackError
from .pattern import Kind as PatternKind
from .pattern import _SpacyView, _tagged_matcher


class _OffsetView(_SpacyView):
    """A sentence's Doc whose character offsets are moved to the document's."""

    def __init__(self, doc: Any, offset: int) -> None:
        super().__init__(doc)
        self.offset = offset

    def start(self, i: int) -> int:
        return self.offset + super().start(i)

    def end(self, i: int) -> int:
        return self.offset + super().end(i)

    def sentence(self, i: int, length: int) -> tuple[int, int]:
        return self.offset, self.offset + len(self.doc.text)


class Kind(PatternKind):
    fields = {**PatternKind.fields, "gate": str}
    required = ("patterns", "gate")

    def configure(self, spec: dict[str, Any]) -> None:
        if "pos" not in spec.get("requires", []):
            raise PackError("a tagged-pattern rule must say requires = [\"pos\"]")
        super().configure(spec)
        self.gate = compile_regex(spec["gate"], ignore_case=True, what="gate")
        #: A gate that starts with '^' is matched at the start of each sentence.
        self.anchored = spec["gate"].startswith("^")

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        find = self.gate.match if self.anchored else self.gate.search
        spans = [(s, e) for s, e in ctx.sentences() if find(text, s, e)]
        if not spans:
            return
        exempt = self.exceptions.spans(text) if self.exceptions.patterns else []
        seen: set[tuple[int, int]] = set()
        for offset, doc in sentence_docs(ctx, spans):
            view = _OffsetView(doc, offset)
            matcher = _tagged_matcher(doc.vocab)
            found = [(start, end, report) for key, report in zip(self.keys, self.report, strict=True)
                     for start, end in matcher.matches(doc, key)]
            yield from self._hits(view, found, text, exempt, seen)
