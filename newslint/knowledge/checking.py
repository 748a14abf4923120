"""The claim-checking path the entity kinds share (membership, member-count, join-date).

Each of them loads the dated knowledge base (a broken file becomes one finding, not a
traceback), reads claims from the copy (its pack's triggers, and the membership frames
of :mod:`newslint.knowledge.frames`) and judges each against the facts at the moments
the sentence can be about. This mixin holds the parts that were written three times.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..records import Hit, NewslintError


class FactChecks:
    """Mixin for a rule kind whose claims are checked against the knowledge base.

    The kind sets ``org_ids`` (knowledge ids), ``markers`` (time markers, their ``quiet``
    patterns silence sentences), ``frames`` (possibly empty), ``_words`` (organisation
    names and mentions, set when its triggers compile) and calls :meth:`loaded` and
    :meth:`frame_claims`."""

    org_ids: list[str]
    markers: Any
    frames: list[Any]
    _words: tuple[str, ...]
    _finder: Any = None
    #: Frames read past cues too ("joined the alliance in 2023"): the accession-year rule.
    frame_events = False

    def loaded(self, patterns: Any) -> tuple[Any, Any] | Hit:
        """(the kind's compiled triggers, the knowledge base), or the finding that says
        which knowledge file is broken. ``patterns`` compiles the triggers on first use."""
        from . import knowledge
        from .claims import broken_knowledge

        try:
            return patterns(), knowledge()
        except NewslintError as exc:
            return broken_knowledge(exc)

    def frame_claims(self, ctx: Any, kb: Any) -> Iterator[Any]:
        """The claims the frames make in the document's sentences that no ``quiet`` pattern
        silences; nothing (and no lexicon loaded) when the copy names no organisation."""
        from .frames import FrameFinder, frame_sentences, vocabulary
        from .scan import scan

        if not self.frames:
            return
        orgs = [kb.organisation(i) for i in self.org_ids]
        words = self._words + tuple(b for o in orgs for b in o.institutions)
        if not scan(ctx).names(words)[0]:
            return
        if self._finder is None:
            self._finder = FrameFinder(self.frames, vocabulary(), orgs, kb, events=self.frame_events)
        yield from self._finder.claims(ctx, frame_sentences(ctx, self.markers.quiet, kb.countries))
