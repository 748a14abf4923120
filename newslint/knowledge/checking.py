"""The claim-checking path the entity kinds share (membership, member-count, join-date).

Each of them loads the dated knowledge base (a broken file becomes one finding, not a
traceback), reads claims from the copy (its pack's triggers, and the membership frames
of :mod:`newslint.knowledge.frames`) and judges each against the facts at the moments
the sentence can be about. This mixin holds that path: :meth:`FactChecks.check` loads the
knowledge base and hands the kind its compiled triggers, :meth:`FactChecks.trigger_matches`
yields each trigger match with the organisation it is about, :meth:`FactChecks.frame_claims`
the claims of the frames; each kind only judges them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..records import Hit, NewslintError


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger's match in a sentence worth checking, and the organisation it is about."""

    sentence: Any  # knowledge.scan.Sentence: .start (prose offset) and .text
    trigger: Any  # knowledge.scan.Trigger
    match: Any  # the match in sentence.text
    org: Any  # knowledge.organisations.Organisation

    def cue(self) -> tuple[int, int]:
        return cue_span(self.match, self.sentence.start)


def cue_span(match: Any, base: int) -> tuple[int, int]:
    """Prose offsets of the phrase a message quotes: the trigger's ``cue`` group if it took
    part in the match, else the whole match (``base``: where the matched text starts)."""
    group = "cue" if "cue" in match.re.groupindex and match.start("cue") >= 0 else 0
    return base + match.start(group), base + match.end(group)


class FactChecks:
    """Mixin (listed before RuleKind) for a rule kind whose claims are checked against
    the knowledge base.

    The kind sets ``org_ids`` (knowledge ids), ``markers`` (time markers, their ``quiet``
    patterns silence sentences), ``frames`` (possibly empty), and in ``_patterns()`` (which
    compiles its triggers on first use) ``_words`` (organisation names and mentions) and,
    if triggers may say "the alliance", ``_anaphora``/``_anaphor``. It implements
    :meth:`check_facts`."""

    org_ids: list[str]
    markers: Any
    frames: list[Any]
    _words: tuple[str, ...]
    _finder: Any = None
    _anaphora: tuple[str, ...] = ()
    _anaphor: Any = None
    #: Frames read past cues too ("joined the alliance in 2023"): the accession-year rule.
    frame_events = False

    def _patterns(self) -> Any:
        raise NotImplementedError

    def check(self, ctx: Any) -> Iterable[Hit]:
        """The knowledge base and the compiled triggers, then the kind's own checks; a
        knowledge file that cannot be read is one finding instead."""
        loaded = self.loaded(self._patterns)  # the knowledge base, on first use
        if isinstance(loaded, Hit):
            yield loaded
            return
        patterns, kb = loaded
        yield from self.check_facts(ctx, patterns, kb)

    def check_facts(self, ctx: Any, patterns: Any, kb: Any) -> Iterable[Hit]:
        """The kind's findings, given its compiled triggers and the knowledge base."""
        raise NotImplementedError

    def trigger_matches(self, ctx: Any, patterns: Any, kb: Any, orgs: list[Any] | None = None
                        ) -> Iterator[TriggerMatch]:
        """Every match of the triggers in the sentences worth checking (they name an
        organisation or refer back to one, and no ``quiet`` pattern silences them), with
        the organisation it is about: the trigger's only one when it has no ``{org}``, the
        one "the alliance" points back to, or the one named. Matches about none of
        ``orgs`` (or of the trigger's own ``orgs``) are left out."""
        from .claims import org_of, referent
        from .scan import candidates

        countries = kb.countries
        for sent, passing in candidates(ctx, self._words, self.markers.quiet, patterns, countries,
                                        self._anaphora, self._anaphor):
            for trigger in passing:
                pool = trigger.info.get("orgs", orgs)
                for match in trigger.finditer(sent, countries):
                    if "org" not in match.re.groupindex:
                        org = pool[0]
                    elif trigger.anaphoric:
                        # the organisation named last before the noun, in this sentence or before it
                        org = referent(ctx.text, sent.start + match.start("org"), match.group("org"), pool)
                    else:
                        org = org_of(match.group("org"), pool)
                    if org is not None:
                        yield TriggerMatch(sent, trigger, match, org)

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
        # a cue that names its organisation ("the 20th country to adopt the euro") counts
        words += tuple(dict.fromkeys(c.split()[-1] for f in self.frames if f.organisation for c in f.cue_texts))
        if not scan(ctx).names(words)[0]:
            return
        if self._finder is None:
            self._finder = FrameFinder(self.frames, vocabulary(), orgs, kb, events=self.frame_events)
        yield from self._finder.claims(ctx, frame_sentences(ctx, self.markers.quiet, kb.countries))
