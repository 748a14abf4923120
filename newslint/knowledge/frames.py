"""Membership claims found as frames, not phrases: an organisation reference, a cue and
a country in a governed position, within one clause.

A pack lists the parts (``[[rules.frames]]``: a shape and its cue words); this module
finds them over the shared tokens (:mod:`newslint.tokens`), with every inflection of a
cue word from ``lemminflect`` ("join" also finds "joins", "joined", "joining"). No
trained pipeline is needed: a country is *governed* by a cue when the words between
them are a verb chain ("will never", "is expected to", "which has long wanted to")
or a fixed link (", a", "'s", "such as"). The shapes:

- ``subject``: the country does the cue ("Ukraine and Belgium will never join the
  alliance", "for Sweden to join NATO", "Georgia applying for EU membership");
- ``object``: an organisation does the cue to the country ("NATO should admit
  Ukraine", "not to include Ukraine and Belgium in the alliance");
- ``possessor``: "Belgium's bid to join NATO", "Ukraine's NATO aspirations";
- ``label``: the cue names the country ("EU candidate Moldova", "non-member Poland",
  "the alliance's newest member, Finland", "fellow member Britain");
- ``apposition``: "Finland, the newest member," / "Sweden is a founding member of";
- ``prep``: "NATO membership for Ukraine", "the promise to Ukraine of eventual NATO
  membership", "accession talks with Moldova".

The organisation is named in the frame, referred back to ("the alliance", "the
27-nation bloc": the organisation named last that goes by that noun), or, for cues
that can only mean membership ("will never join", "eventual membership"), the one the
article is about: the organisation named last before the sentence, else the first one.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..calendar_names import month_names
from ..kinds.base import PackError

SHAPES = ("subject", "object", "possessor", "label", "apposition", "prep")
ORG_MODES = ("named", "topic")  # topic: the article's organisation when the frame names none

_APOSTROPHE_S = ("'s", "’s")
_AFTER_ORG = frozenset("""membership member members candidate candidates accession and or in since for as but to
until by at when while on with after before is was has had are were will would which who that since either too yet
anymore again now today any""".split())
_ORG_PEOPLE = frozenset({"leaders", "ministers", "members", "officials", "diplomats", "governments", "countries",
                         "states", "nations", "allies", "ambassadors", "envoys"})
_LINKS = frozenset({",", "is", "are", "was", "were", "remains", "remain", "became", "become", "becomes", "been"})
_DETS = frozenset({"a", "an", "the", "another", "both", "all", "one", "now", "also", "still", "already", "its",
                   "their"})
_HEADS = frozenset({"country", "countries", "state", "states", "nation", "nations", "member", "members",
                    "ally", "allies", "member-state", "member-states"})
_COORD = frozenset({",", "and", "or", "nor", "&", "the"})
_BEEN_ADVERBS = frozenset({"never", "not", "n't", "ever", "always", "also", "long", "still", "yet"})


_FORMS_VERSION = 1  # bump when forms() changes: results are kept on disk
_forms_table: dict[str, list[str]] | None = None
_forms_dirty = False


def _forms_versions() -> tuple[str, ...]:
    """What cached answers are checked against: lemminflect's version and this module's."""
    try:
        from importlib.metadata import version

        lexicon = version("lemminflect")
    except Exception:  # noqa: BLE001 - any metadata problem: key without a version
        lexicon = "?"
    return (f"lemminflect {lexicon}", f"forms {_FORMS_VERSION}")


def forms(word: str) -> frozenset[str]:
    """A word and every inflection lemminflect knows for it as a verb or a noun (lower
    case). Loading lemminflect's tables takes a second or two, so answers are kept in the
    cache folder and lemminflect is asked only about words it has not answered before."""
    global _forms_table, _forms_dirty
    word = word.lower()
    if _forms_table is None:
        _forms_table = _load_forms()
    found = _forms_table.get(word)
    if found is None:
        found = sorted(_inflect(word))
        _forms_table[word] = found
        _forms_dirty = True
    return frozenset(found)


def _inflect(word: str) -> set[str]:
    from ..wordforms import lemminflect_module

    lex = lemminflect_module()
    found, lemmas = {word}, {word}
    for upos in ("VERB", "NOUN"):
        lemmas.update(*lex.getAllLemmas(word, upos=upos).values())
    for lemma in lemmas:
        for upos in ("VERB", "NOUN"):
            for group in lex.getAllInflections(lemma, upos=upos).values():
                found.update(f.lower() for f in group)
    return found


def _forms_table_of(value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict) or not all(
            isinstance(v, list) and all(isinstance(f, str) for f in v) for v in value.values()):
        raise TypeError("not a table of forms")
    return value


def _load_forms() -> dict[str, list[str]]:
    from .. import disk_cache

    if disk_cache.cache_dir() is None:
        return {}
    return disk_cache.read("frames", "forms", _forms_table_of, _forms_versions()) or {}


def save_forms() -> None:
    """Write new answers to the disk cache (a read-only folder is fine)."""
    from .. import disk_cache

    global _forms_dirty
    if not _forms_dirty or _forms_table is None or disk_cache.cache_dir() is None:
        return
    if disk_cache.write("frames", "forms", _forms_table, _forms_versions()):
        _forms_dirty = False


def is_past(word: str) -> bool:
    """'joined', 'became', 'sought': a past form of a verb that is not also its plain form
    ("bid", "set"), from the shared word-form lexicon (:mod:`newslint.wordforms`); the
    answers are kept in the cache folder with the cue forms."""
    global _forms_table, _forms_dirty
    if _forms_table is None:
        _forms_table = _load_forms()
    key = "\0past:" + word.lower()
    known = _forms_table.get(key)
    if known is None:
        from ..wordforms import BASE, PARTICIPLE, PAST, PRESENT, mask

        bits = mask(word.lower())
        known = ["y"] if bits & (PAST | PARTICIPLE) and not bits & (BASE | PRESENT) else []
        _forms_table[key] = known
        _forms_dirty = True
    return bool(known)


@dataclass(frozen=True)
class Cue:
    """One cue: a sequence of word sets (each word's inflections), as written in the pack."""

    text: str
    words: tuple[frozenset[str], ...]


def _cue(text: str) -> Cue:
    from ..tokens import Tokens

    parts = [w for w in Tokens(text).words if not w.isspace()]  # split as the copy is: "non-member"
    if not parts:
        raise PackError("a frame cue must not be empty")
    return Cue(text, tuple(forms(p) if p.isalpha() else frozenset({p.lower()}) for p in parts))


@dataclass
class Frame:
    """One frame of a membership rule, as configured in its pack. Cue words are
    inflected when the frame is first used (a run with no membership claim to check
    never loads the lexicon)."""

    name: str
    shape: str
    cue_texts: tuple[str, ...]
    org: str = "named"
    link_texts: tuple[str, ...] = ()  # words that must follow a weak cue ("bid" -> "join", "membership")
    weak_texts: tuple[str, ...] = ()
    not_after: frozenset[str] = frozenset()  # words that cancel the cue just before it ("former")
    negated: bool = False  # frames whose chain may hold a negation (otherwise skipped)
    events: bool = False  # frames that read past cues too ("left the EU")
    ordinal: bool = False  # the cue carries an ordinal ("the 11th member"): claims without one are dropped
    only_negated: bool = False  # frames that claim only when negated ("Sweden is not a member of NATO")
    lists: bool = False  # a plural label may introduce a plain list ("its closest non-members, Ukraine and Austria")
    preps: tuple[str, ...] = ("to", "for", "with")  # prep shape: the words before the country ("admission of")
    #: The organisation the cue itself names when no name is near ("the 20th country to
    #: adopt the euro" is about the euro area): a knowledge id.
    organisation: str = ""

    @property
    def cues(self) -> tuple[Cue, ...]:
        return _cues(self.cue_texts)

    @property
    def weak(self) -> tuple[Cue, ...]:
        return _cues(self.weak_texts)

    @property
    def links(self) -> frozenset[str]:
        return _links(self.link_texts)

    @classmethod
    def from_spec(cls, spec: Any, where: str) -> Frame:
        if not isinstance(spec, dict):
            raise PackError(f"{where} must be a table")
        unknown = set(spec) - {"name", "shape", "cues", "weak-cues", "org", "links", "not-after", "negated",
                               "events", "ordinal", "lists", "preps", "note", "organisation"}
        if unknown:
            raise PackError(f"{where}: unknown field '{sorted(unknown)[0]}'")
        shape = spec.get("shape")
        if shape not in SHAPES:
            raise PackError(f"{where}: 'shape' must be one of {', '.join(SHAPES)}, not {shape!r}")
        org = spec.get("org", "named")
        if org not in ORG_MODES:
            raise PackError(f"{where}: 'org' must be one of {', '.join(ORG_MODES)}, not {org!r}")

        def words(key: str) -> list[str]:
            value = spec.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise PackError(f"{where}: '{key}' must be a list of words")
            return value

        cues, weak = tuple(words("cues")), tuple(words("weak-cues"))
        if not cues and not weak:
            raise PackError(f"{where}: needs 'cues' or 'weak-cues'")
        if spec.get("negated", False) not in (True, False, "only"):
            raise PackError(f"{where}: 'negated' must be true, false or \"only\"")
        preps = tuple(w.lower() for w in words("preps")) or ("to", "for", "with")
        named = spec.get("organisation", "")
        if named:
            from . import organisation_ids

            if not isinstance(named, str) or named not in organisation_ids():
                raise PackError(f"{where}: 'organisation' must be a knowledge id (rules/knowledge/*.toml), "
                                f"not {named!r}")
        return cls(str(spec.get("name", where)), shape, cues, org, tuple(words("links")), weak,
                   frozenset(w.lower() for w in words("not-after")), spec.get("negated", False) in (True, "only"),
                   bool(spec.get("events", False)), bool(spec.get("ordinal", False)),
                   spec.get("negated", False) == "only", bool(spec.get("lists", False)), preps, named)


@lru_cache(maxsize=256)
def _cues(texts: tuple[str, ...]) -> tuple[Cue, ...]:
    return tuple(_cue(t) for t in texts)


@lru_cache(maxsize=256)
def _links(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f for w in texts for f in forms(w))


@dataclass
class Vocabulary:
    """The pack's shared word lists for frames: verb-chain words, clause breaks, fillers."""

    chain_breaks: frozenset[str]
    fillers: frozenset[str]
    negations: frozenset[str]
    org_nouns: tuple[str, ...]
    max_chain: int = 6
    speech: frozenset[str] = frozenset()
    aims: frozenset[str] = frozenset()
    #: Verbs (every inflection) after which "as" introduces an apposition: "joined NATO
    #: as its 32nd member", "was admitted as the bloc's 11th member".
    as_verbs: frozenset[str] = frozenset()
    #: Participles after a comma that give the main clause's subject a place or role:
    #: "Croatia adopted the euro on Sunday, becoming its 20th member" (token sequences).
    clause_links: tuple[tuple[str, ...], ...] = ()
    #: "the Nordic country": a descriptor read as the one country named just before it.
    descriptor: Any = None

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Vocabulary:
        def words(key: str, default: list[str]) -> frozenset[str]:
            value = spec.get(key, default)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise PackError(f"'{key}' must be a list of words")
            return frozenset(v.lower() for v in value)

        nouns = spec.get("org-nouns", ["alliance", "bloc", "union", "cartel"])
        if not isinstance(nouns, list) or not all(isinstance(v, str) for v in nouns):
            raise PackError("'org-nouns' must be a list of words")
        lemmas = words("as-verbs", [])
        as_verbs = frozenset(f for lemma in lemmas for f in forms(lemma)) if lemmas else frozenset()
        links = tuple(sorted({tuple(v.split()) for v in words("clause-links", [])}, key=len, reverse=True))
        heads, modifiers = sorted(words("descriptor-heads", [])), sorted(words("descriptor-modifiers", []))
        descriptor = re.compile(
            r"(?<![\w-])[Tt]he\s+((?:(?:[A-Z][\w-]*[a-z][\w-]*|" + "|".join(map(re.escape, modifiers))
            + r")\s+){1,2})(?:" + "|".join(map(re.escape, heads)) + r")(?![\w-])") if heads and modifiers else None
        return cls(words("chain-breaks", []), words("fillers", []), words("negations", ["not", "never", "n't"]),
                   tuple(nouns), int(spec.get("max-chain", 6)), words("speech", []), words("aims", []), as_verbs,
                   links, descriptor)


FRAMES_DATA = ("data", "frames.toml")  # under rules/


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shared frame word lists (``rules/data/frames.toml``), read on first use."""
    from ..records import NewslintError
    from ..resources import data_path
    from ..toml import load_toml

    path = data_path(*FRAMES_DATA)
    data, _ = load_toml(path)
    try:
        return Vocabulary.from_spec(data.get("frames", {}))
    except PackError as exc:
        raise NewslintError(f"{path}: {exc}") from None


@dataclass
class Claim:
    """A country a frame makes a membership claim about."""

    frame: Frame
    org: Any
    start: int  # character offsets of the country in the document's text
    end: int
    code: str
    context: tuple[int, int]  # the frame's span, for the message
    sentence: tuple[int, int]
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # every country of the group
    past: bool = False  # the frame's own verbs are in the past tense ("applied to join", "bid was")
    year: int | None = None  # "joined the alliance in 2023"
    cue_past: bool = False  # the cue itself is a past form ("joined")
    ordinal: int | None = None  # "the 11th member"
    years: tuple[int, ...] = ()  # every year the claim's time marker can mean ("last April": 2023)


@dataclass
class _Group:
    first: int  # token positions in the sentence view
    end: int
    members: list[tuple[int, int, str]]  # (char start, char end, code)


@dataclass
class _OrgRef:
    first: int
    end: int
    org: Any


class _View:
    """One sentence's tokens (no whitespace), with countries and organisation references."""

    def __init__(self, text: str, tokens: Any, lo: int, hi: int) -> None:
        self.text = text
        idx = [i for i in range(lo, hi) if not tokens.words[i].isspace()]
        self.words = [tokens.words[i] for i in idx]
        self.lower = [tokens.lower[i] for i in idx]
        self.starts = [tokens.starts[i] for i in idx]
        self.ends = [tokens.ends[i] for i in idx]
        self.groups: list[_Group] = []
        self.group_ending: dict[int, _Group] = {}
        self.group_starting: dict[int, _Group] = {}
        self.orgs: dict[int, _OrgRef] = {}
        self.caps = not any(c.islower() for w in self.words for c in w)

    def pos_at(self, char: int) -> int | None:
        k = bisect_left(self.starts, char)
        return k if k < len(self.starts) and self.starts[k] == char else None

    def pos_ending(self, char: int) -> int | None:
        k = bisect_left(self.ends, char)
        return k + 1 if k < len(self.ends) and self.ends[k] == char else None

    def is_word(self, k: int) -> bool:
        return 0 <= k < len(self.words) and self.words[k][:1].isalpha()

    def plain(self, k: int) -> bool:
        """A lower-case word (not a name): in a sentence set in capitals ("THE NETHERLANDS
        AND UKRAINE WILL JOIN NATO") every word counts, since case tells nothing there."""
        return self.is_word(k) and (self.caps or self.words[k][:1].islower())


class FrameFinder:
    """Finds the claims a rule's frames make in a document."""

    def __init__(self, frames: list[Frame], vocabulary: Vocabulary, orgs: list[Any], kb: Any,
                 events: bool = False) -> None:
        self.frames = frames
        self.events = events  # also past cues ("joined"): the accession-year rule reads them
        self._cue_past = False
        self._today = dt.date.today()
        self.vocab = vocabulary
        self.orgs = orgs
        self.kb = kb
        from .organisations import name_alternatives

        self._names = _name_pattern(tuple(name_alternatives(orgs)), escaped=True)
        self._by_name = {n: o for o in reversed(orgs) for n in o.names}
        bodies = {n: o for o in reversed(orgs) for n in o.institutions}
        self._institutions: tuple[Any, Any] = (
            (_name_pattern(tuple(sorted(bodies, key=lambda n: (-len(n), n)))), bodies) if bodies else (None, None))
        nouns = sorted({n for n in vocabulary.org_nouns}, key=len, reverse=True)
        self._anaphor = re.compile(
            r"(?<!\w)(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat|[Oo]ur)\s+((?:[\w-]+\s+){0,2}?)("
            + "|".join(re.escape(n) for n in nouns) + r")(?![\w-])") if nouns else None
        import regex

        from .claims import END

        self._end_regex = regex.compile(END)  # "NATO summit" is no organisation object
        self._index: dict[str, list[tuple[Frame, Cue, bool]]] = {}
        for frame in frames:
            for cue, weak in [(c, False) for c in frame.cues] + [(c, True) for c in frame.weak]:
                for first in cue.words[0]:
                    self._index.setdefault(first, []).append((frame, cue, weak))
        save_forms()

    # ----- document -------------------------------------------------------------------------
    def claims(self, ctx: Any, sentences: Iterable[tuple[int, int, list[Any]]]) -> Iterator[Claim]:
        """Claims in the given sentences: (start, end, the country-name matches in it)."""
        text = ctx.text
        named = named_organisations(text, self.orgs, self._names, self._by_name)
        bodies = named_organisations(text, self.orgs, *self._institutions)
        if bodies:  # "the European Commission ... the bloc": the EU
            named = sorted(named + bodies, key=lambda x: x[0])
        if not named and not any(f.organisation for f in self.frames):
            return  # no organisation named, and no cue names one ("the 20th country to adopt the euro")
        mentions = named
        if self._anaphor is not None:  # "the Paris-based club" keeps the OECD the topic
            back = [(m.start(), _referent(named, m.start(), m.group(2).lower(), strict=False))
                    for m in self._anaphor.finditer(text)]
            mentions = sorted(named + [(at, org) for at, org in back if org is not None], key=lambda x: x[0])
        tokens = ctx.tokens()
        self._today = ctx.date
        from .parse_frames import parse_available, parsed_claims

        parse = parse_available(ctx)
        previous = 0
        last: tuple[int, Any] | None = None  # (end of the sentence, its one country) for descriptors
        for s_start, s_end, found in sentences:
            recent, previous = previous, s_start
            sentence = text[s_start:s_end]
            before = last[1] if last is not None and not text[last[0]:s_start].strip() else None
            last = (s_end, _single_country(found, s_start, self.kb))
            if not found and before is None:
                continue
            lo = bisect_left(tokens.starts, s_start)
            hi = bisect_left(tokens.starts, s_end)
            view = _View(text, tokens, lo, hi)
            if not any(w in self._index for w in view.lower):
                continue
            self._countries(view, found, s_start)
            self._descriptors(view, sentence, s_start, before)
            if not view.groups:
                continue
            self._org_refs(view, sentence, s_start, named)
            topic = topic_of(mentions, s_start, recent)
            claimed: set[tuple[str, int]] = set()
            for claim in self._frames(view, topic):
                claimed.add((claim.frame.name, claim.start))
                yield claim
            if parse:  # the dependency parse adds what the clause window missed
                yield from parsed_claims(self, ctx, view, topic, claimed)
        save_forms()

    def _descriptors(self, view: _View, sentence: str, base: int, before: tuple[int, int, str] | None) -> None:
        """"The Nordic country" read as a group for the one country named before it in the
        sentence, or else in the sentence before (``before``); none if two are named."""
        pattern = self.vocab.descriptor
        if pattern is None or "the" not in view.lower:
            return
        added = False
        for m in pattern.finditer(sentence):
            first, end = view.pos_at(base + m.start()), view.pos_ending(base + m.end())
            if first is None or end is None or any(g.first < end and first < g.end for g in view.groups):
                continue
            earlier = [mb for g in view.groups if g.end <= first for mb in g.members]
            if len({c for _, _, c in earlier}) > 1:
                continue
            member = earlier[-1] if earlier else before
            if member is None:
                continue
            view.groups.append(_Group(first + 1, end, [member]))  # after "the", as a name's span
            added = True
        if added:
            view.groups.sort(key=lambda g: g.first)
            for g in view.groups:
                view.group_ending[g.end] = g
                view.group_starting[g.first] = g

    def _countries(self, view: _View, found: list[Any], base: int) -> None:
        mentions = []
        for m in found:
            first, end = view.pos_at(base + m.start()), view.pos_ending(base + m.end())
            code = self.kb.countries.code(m.group(0))
            if first is None or end is None or code is None:
                continue
            mentions.append((first, end, (base + m.start(), base + m.end(), code)))
        group: _Group | None = None
        for first, end, member in mentions:
            if group is not None and all(view.lower[k] in _COORD for k in range(group.end, first)) \
                    and not _possessive(view, group.end):
                group.end = end
                group.members.append(member)
                continue
            group = _Group(first, end, [member])
            view.groups.append(group)
        for g in view.groups:
            view.group_ending[g.end] = g
            view.group_starting[g.first] = g

    def _org_refs(self, view: _View, sentence: str, base: int, named: list[tuple[int, Any]]) -> None:
        for m in self._names.finditer(sentence):
            first, end = view.pos_at(base + m.start()), view.pos_ending(base + m.end())
            if first is not None and end is not None:
                view.orgs[first] = _OrgRef(first, end, self._by_name[m.group(0)])
        if self._anaphor is None:
            return
        for m in self._anaphor.finditer(sentence):
            noun = m.group(2).lower()
            org = _referent(named, base + m.start(), noun)
            first, end = view.pos_at(base + m.start()), view.pos_ending(base + m.end())
            if org is not None and first is not None and end is not None and first not in view.orgs:
                view.orgs[first] = _OrgRef(first, end, org)

    # ----- frames -------------------------------------------------------------------------------
    def _frames(self, view: _View, topic: Any) -> Iterator[Claim]:
        for k, word in enumerate(view.lower):
            for frame, cue, weak in self._index.get(word, ()):
                self._cue_past = is_past(word) and (k == 0 or view.lower[k - 1] not in _PERFECT)
                end = self._cue_end(view, k, cue)
                if end is None or self._cancelled(view, frame, k):
                    continue
                yield from getattr(self, "_" + frame.shape)(view, frame, k, end, weak, topic)

    def _cancelled(self, view: _View, frame: Frame, k: int) -> bool:
        """A ``not-after`` word before the cue, over an organisation name and fillers:
        "aspiring NATO members", "would-be EU member", "non-EU"."""
        p = k - 1
        for _ in range(5):
            if p < 0:
                return False
            if view.lower[p] in frame.not_after:
                return True
            if p >= 2 and view.lower[p - 1] == "-" and f"{view.lower[p - 2]}-{view.lower[p]}" in frame.not_after:
                return True  # "would-be" is three tokens
            ref = next((r for r in view.orgs.values() if r.end == p + 1), None)
            if ref is not None:
                p = ref.first - 1
            elif view.lower[p] in self.vocab.fillers or view.lower[p] == "-":
                p -= 1
            else:
                return False
        return False

    def _cue_end(self, view: _View, k: int, cue: Cue) -> int | None:
        """Token after the cue starting at ``k`` (fillers and organisation names may sit
        between its words: "apply for full NATO membership"), or None."""
        pos = k + 1
        for words in cue.words[1:]:
            skipped = 0
            while pos < len(view.lower) and view.lower[pos] not in words and skipped < 2:
                ref = view.orgs.get(pos)
                if ref is not None:
                    pos = ref.end
                elif view.lower[pos] in self.vocab.fillers:
                    pos += 1
                else:
                    return None
                skipped += 1
            if pos >= len(view.lower) or view.lower[pos] not in words:
                return None
            pos += 1
        return pos

    def _org_after(self, view: _View, pos: int, span: int = 2, strict: bool = True) -> tuple[_OrgRef | None, int]:
        """An organisation named at ``pos`` (after at most ``span`` fillers), not a
        modifier ("NATO summit"): the reference, and where the search stopped."""
        for k in range(pos, min(pos + span + 1, len(view.lower))):
            ref = view.orgs.get(k)
            if ref is not None:
                rest = view.text[view.ends[ref.end - 1]:view.ends[-1]]
                if strict and self._end_regex.match(rest) is None:
                    return None, k
                nxt = view.lower[ref.end] if ref.end < len(view.lower) else "."
                if not strict and (nxt in _APOSTROPHE_S or nxt == "-" or (
                        view.plain(ref.end) and nxt not in _AFTER_ORG)):
                    return None, k  # "a member of the EU's customs union", "the EU customs union"
                return ref, ref.end
            if view.lower[k] not in self.vocab.fillers and view.lower[k] not in ("to", "of", "in", "into", "for"):
                return None, k
        return None, pos

    def _org_in_clause(self, view: _View, lo: int, hi: int) -> _OrgRef | None:
        """An organisation named (or referred to: "the bloc") between ``lo`` and ``hi``
        before the clause ends; articles and fillers do not end it ("to join the OECD")."""
        for k in range(max(lo, 0), min(hi, len(view.lower))):
            ref = view.orgs.get(k)
            if ref is not None:
                return ref
            word = view.lower[k]
            if k > lo and (word in (";", ":") or word in self.vocab.chain_breaks and word not in self.vocab.fillers):
                break
        return None

    def _bare_link(self, view: _View, frame: Frame, pos: int, span: int = 4) -> bool:
        """A weak cue linked to membership with nothing else to join: "Romania's ambitions
        to join have cooled", "Serbia's bid for membership" (not "Germany's bid to join
        the talks"): then the organisation may be the one the copy is about."""
        for k in range(pos, min(pos + span, len(view.lower))):
            word = view.lower[k]
            if word not in frame.links:
                continue
            if word in ("membership", "accession", "admission"):
                return True
            nxt = view.lower[k + 1] if k + 1 < len(view.lower) else "."
            return nxt in (".", ",", ";", ":", "!", "?", "—", "–") or nxt in _OPEN_ENDS or nxt in _AUX
        return False

    def _linked(self, view: _View, frame: Frame, pos: int, span: int = 6) -> bool:
        """A weak cue ("bid", "promise") is about membership only if a link word
        ("join", "membership") or an organisation follows it in the clause."""
        for k in range(pos, min(pos + span, len(view.lower))):
            if view.lower[k] in frame.links:
                return True
            if view.lower[k] in (".", ";", ":", "!", "?"):
                return False
        return False

    def _chain_back(self, view: _View, k: int) -> tuple[_Group | None, bool]:
        """The country group a verb chain ending before token ``k`` starts with, and
        whether the chain holds a negation."""
        pos, steps, negated = k, 0, False
        while steps <= self.vocab.max_chain:
            group = view.group_ending.get(pos)
            if group is not None:
                return (None, negated) if _possessive(view, group.end) else (group, negated)
            pos -= 1
            if pos < 0:
                return None, negated
            word = view.lower[pos]
            if word in ("which", "who") and pos > 0 and view.lower[pos - 1] == ",":
                # "Sweden, which joined the alliance in 2024": the relative clause's subject
                return view.group_ending.get(pos - 1), negated
            if word in self.vocab.negations:
                negated = True
            if word == ",":  # "Slovenia, too, wants to join"; "Austria, long wary of the body, joined"
                return _aside(view, pos), negated
            if not (view.plain(pos)) and word not in ("n't", "not"):
                return None, negated
            if word in ("its", "their") and any(view.lower[j] in self.vocab.aims
                                                 for j in range(pos + 1, min(pos + 4, k))):
                steps += 1  # "Canada has been voicing its desire to join NATO"
                continue
            if word in self.vocab.chain_breaks:
                return None, negated
            steps += 1
        return None, negated

    def _claims(self, frame: Frame, org: Any, group: _Group, view: _View, lo: int, hi: int) -> Iterator[Claim]:
        context = (min(view.starts[lo], view.starts[group.first]),
                   max(view.ends[hi - 1], view.ends[group.end - 1]))
        sentence = (view.starts[0], view.ends[-1])
        ordinal = None
        if frame.ordinal:
            ordinal = next((n for n in (ordinal_value(view.lower[p]) for p in range(max(lo - 1, 0), hi))
                            if n is not None), None)
            if ordinal is None:
                return
        lo, hi = min(lo, group.first), max(hi, group.end)
        # a noun phrase's tense is its predicate's ("Cambodia's bid was discussed"); a label
        # or apposition describes the country whatever the sentence's verb ("sent ships")
        # (up to its predicate: "Sweden's bid to join NATO was blocked"); a clause frame's
        # is that of the sentence up to it ("Russia demanded NATO not admit Poland" may be
        # 1997), but not a verb of saying's ("Moscow said Ukraine would never join")
        if frame.shape == "label":
            past = False
        elif frame.shape == "apposition":
            past = _past_in(view, lo, hi, self.vocab.speech)
        else:
            tail = 8 if frame.shape in ("possessor", "prep") else 0
            past = _past_in(view, 0, min(hi + tail, len(view.lower)), self.vocab.speech)
        years = self._when(view, hi, group.first)
        year = years[0] if len(years) == 1 else None
        for start, end, code in group.members:
            yield Claim(frame, org, start, end, code, context, sentence, list(group.members), past, year,
                        self._cue_past, ordinal, years)

    def _when(self, view: _View, hi: int, first: int) -> tuple[int, ...]:
        """The years the claim is about: a marker right after it ("in 2023", "last April",
        "on Thursday"), else one that opens the sentence before the country."""
        from .when import explicit_year, leading_years, years_at

        year, _ = explicit_year(view.lower, hi)
        if year is not None:
            return (year,)
        years, _ = years_at(view.lower, hi, self._today)
        if years or first == 0:
            return years
        return leading_years(view.lower[:first], self._today)

    def _resolve(self, frame: Frame, ref: _OrgRef | None, topic: Any, weak: bool) -> Any:
        if ref is not None:
            return ref.org
        if frame.organisation:
            return next((o for o in self.orgs if o.id == frame.organisation), None)
        return topic if frame.org == "topic" and not weak else None

    # ----- shapes ---------------------------------------------------------------------------
    def _subject(self, view: _View, frame: Frame, k: int, end: int, weak: bool, topic: Any) -> Iterator[Claim]:
        if self._cue_past and not (self.events or frame.events):
            return  # "Poland joined the EU in 2007": an event, for the accession-year rule
        group, negated = self._chain_back(view, k)
        if group is None or (negated and not frame.negated):
            return
        ref, stop = self._org_after(view, end)
        if ref is None:
            if weak and not self._linked(view, frame, end):
                return
            # "will never join." / "joining soon": the cue with no object of its own
            if view.is_word(end) and not _bare_end(view, end):
                return
        org = self._resolve(frame, ref, topic, False)
        if org is None:
            return
        yield from self._claims(frame, org, group, view, k, stop if ref is not None else end)

    def _object(self, view: _View, frame: Frame, k: int, end: int, weak: bool, topic: Any) -> Iterator[Claim]:
        pos = end
        if pos < len(view.lower) and view.lower[pos] in ("in", "the"):  # "take in Ukraine"
            pos += 1
        group = view.group_starting.get(pos)
        if group is None or _possessive(view, group.end):
            return
        after, stop = None, group.end
        tail = group.end
        if tail < len(view.lower) and view.lower[tail] in ("in", "into", "to", "as"):
            scan = tail + 1
            if view.lower[tail] == "as":  # "as a (full) member of"
                while scan < len(view.lower) and view.lower[scan] in self.vocab.fillers | {"a", "member", "members",
                                                                                           "of", "new"}:
                    scan += 1
            after, stop = self._org_after(view, scan, span=3)
        before = None
        if after is None:
            # the organisation does the admitting: "NATO should admit", "NATO not to include"
            chain_ok, irrealis = True, False
            for p in range(k - 1, max(k - 10, -1), -1):
                ref = next((r for r in view.orgs.values() if r.end == p + 1), None)
                if ref is not None:
                    before = ref
                    break
                word = view.lower[p]
                if word in ("to", "not", "never", "should", "would", "will", "must", "could", "can", "may",
                            "might", "shall", "n't", "cannot", "wo"):
                    irrealis = True
                if word in _ORG_PEOPLE:  # "ASEAN leaders agreed to admit"
                    continue
                if not (view.plain(p)) and word not in ("n't",) \
                        or word in self.vocab.chain_breaks:
                    chain_ok = False
                    break
            if before is None or not chain_ok or (weak and not irrealis):
                return
            if before.end < len(view.lower) and view.lower[before.end] in _APOSTROPHE_S:
                return
        ref = after or before
        if ref is None:
            return
        lo = min(k, (before.first if before else k))
        org = ref.org
        yield from self._claims(frame, org, group, view, lo, max(stop, group.end))

    def _possessor(self, view: _View, frame: Frame, k: int, end: int, weak: bool, topic: Any) -> Iterator[Claim]:
        # back from the cue over fillers and an organisation name to "Country's"
        pos, inner = k, None
        for _ in range(4):
            if pos - 1 >= 0 and view.lower[pos - 1] in _APOSTROPHE_S:
                break
            ref = next((r for r in view.orgs.values() if r.end == pos), None)
            if ref is not None:
                inner, pos = ref, ref.first
                continue
            if pos - 1 >= 0 and view.lower[pos - 1] in self.vocab.fillers:
                pos -= 1
                continue
            return
        else:
            return
        group = view.group_ending.get(pos - 1)
        if group is None:
            return
        ref = inner
        if ref is None:
            ref, _ = self._org_after(view, end, span=4)
        if ref is None:
            ref = self._org_in_clause(view, end, end + 6)
        if ref is None and not (weak and not self._linked(view, frame, end)):
            ref = self._org_in_clause(view, 0, group.first)
        if weak and inner is None and not self._linked(view, frame, end):
            return
        org = self._resolve(frame, ref, topic, weak and inner is None and not self._bare_link(view, frame, end))
        if org is None:
            return
        yield from self._claims(frame, org, group, view, k, end)

    def _label(self, view: _View, frame: Frame, k: int, end: int, weak: bool, topic: Any) -> Iterator[Claim]:
        pos, ref = end, None
        inner = view.orgs.get(pos)  # "non-NATO Finland", "candidate countries of the EU such as"
        if inner is None and pos < len(view.lower) and view.lower[pos] == "of":
            # "members of the G20, including ...": the organisation after "of (the)"
            skip = 2 if pos + 1 < len(view.lower) and view.lower[pos + 1] == "the" else 1
            inner = view.orgs.get(pos + skip) or view.orgs.get(pos + 1)
        if inner is not None:
            ref, pos = inner, inner.end
        if pos < len(view.lower) and view.lower[pos] in _HEADS:
            pos += 1
        plural = view.lower[pos - 1].endswith("s")
        linked = False
        if pos < len(view.lower) and view.lower[pos] == ",":
            pos += 1
        for link in (("such", "as"), ("including",), ("like",), ("namely",), ("among", "them"), ("notably",),
                     ("included",), ("include",), ("includes",), ("were",)):
            if tuple(view.lower[pos:pos + len(link)]) == link:
                pos += len(link)
                linked = True
                if pos < len(view.lower) and view.lower[pos] == ",":
                    pos += 1
                break
        if plural and not linked and view.lower[pos - 1] == "," and not frame.lists:
            return  # "EU member states, Ukraine and Moldova": a list, not a label
        group = view.group_starting.get(pos)
        if group is None or _possessive(view, group.end):
            return
        if ref is not None:
            org = self._resolve(frame, ref, topic, weak)
            if org is not None:
                yield from self._claims(frame, org, group, view, k, end)
            return
        # the organisation: just before the cue ("EU candidate", "non-NATO", "the alliance's newest")
        ref = None
        p = k
        if p > 0 and view.lower[p - 1] in _APOSTROPHE_S:
            p -= 1
        for q in range(p, max(p - 4, -1), -1):
            ref = next((r for r in view.orgs.values() if r.end == q), None)
            if ref is not None:
                break
            if q - 1 >= 0 and view.lower[q - 1] not in self.vocab.fillers and view.lower[q - 1] != "-":
                break
        org = self._resolve(frame, ref, topic, weak)
        if org is None:
            return
        if ref is not None:
            k = min(k, ref.first)
        yield from self._claims(frame, org, group, view, k, end)

    def _apposition(self, view: _View, frame: Frame, k: int, end: int, weak: bool, topic: Any) -> Iterator[Claim]:
        # back from the cue: fillers / an organisation name, then a determiner, then ", " or a copula
        pos, ref = k, None
        for _ in range(6):
            prev = view.lower[pos - 1] if pos > 0 else ""
            r = next((r for r in view.orgs.values() if r.end == pos), None)
            if r is not None:
                ref, pos = r, r.first
                continue
            if prev in _APOSTROPHE_S and ref is None:
                r = next((r for r in view.orgs.values() if r.end == pos - 1), None)
                if r is not None:
                    ref, pos = r, r.first
                    continue
            if prev in self.vocab.fillers or ordinal_value(prev) is not None or _cardinal(prev):
                pos -= 1  # "one of the EU's 27 member states"
                continue
            break
        det = view.lower[pos - 1] if pos > 0 else ""
        if det not in _DETS:
            # the article was read as a filler ("is not a member"), or an organisation
            # opens the phrase ("Britain is no longer an EU member"): a link must come
            if not (ref is not None or view.lower[pos] in _DETS or (pos == k and not weak)):
                return  # a strong cue may follow the link directly: "Norway is part of the EU"
        else:
            pos -= 1
        denied = False
        while pos > 0 and view.lower[pos - 1] in ("now", "also", "still", "already", "both", "all", "one", "of",
                                                   "the", "among", "not", "no", "longer", "never", "yet"):
            if view.lower[pos - 1] in self.vocab.negations or view.lower[pos - 1] == "no":
                if not frame.negated:
                    return
                denied = True
            pos -= 1
        link = view.lower[pos - 1] if pos > 0 else ""
        clause = next((len(c) for c in self.vocab.clause_links
                       if pos > len(c) and tuple(view.lower[pos - len(c):pos]) == c
                       and view.lower[pos - len(c) - 1] == ","), 0)
        if clause:
            group = self._clause_subject(view, pos - clause - 1)
        elif link == "as":
            group = self._as_subject(view, pos - 1)
        elif link == ",":
            group = view.group_ending.get(pos - 1)
        elif link in _LINKS or link in _APOSTROPHE_S:
            at = pos - 1
            # "which has never been a member": the negation stands before "been"
            while link == "been" and at > 1 and view.lower[at - 1] in _BEEN_ADVERBS:
                if view.lower[at - 1] in self.vocab.negations:
                    if not frame.negated:
                        return
                    denied = True
                at -= 1
            if link == "been" and at > 0 and view.lower[at - 1] in ("has", "have", "had"):
                at -= 1
            while at > 1 and view.group_ending.get(at) is None:
                if _adverb(view.lower[at - 1]):  # "Costa Rica formally became"
                    at -= 1
                elif at > 2 and view.lower[at - 2] == "on" and _weekday(view.lower[at - 1]):
                    at -= 2  # "Croatia on Sunday became"
                else:
                    break
            if at > 1 and view.lower[at - 1] in ("which", "who") and view.lower[at - 2] == ",":
                at -= 2  # "Germany, which is not a member of the alliance,"
            group = view.group_ending.get(at)
            if group is not None and view.lower[at] in _APOSTROPHE_S:
                return
        else:
            return
        if group is None or (frame.only_negated and not denied):
            return
        if ref is None:
            ref, stop = self._org_after(view, end, strict=False)
            end = max(end, stop) if ref is not None else end
        org = self._resolve(frame, ref, topic, weak)
        if org is None:
            return
        yield from self._claims(frame, org, group, view, k, end)

    def _clause_subject(self, view: _View, comma: int) -> _Group | None:
        """The subject of the clause a participle after ``comma`` continues: the country
        that opens the sentence (or follows an opener ending in a comma), with no other
        country named before the comma ("Germany backed Croatia's entry, becoming" has two)."""
        groups = [g for g in view.groups if g.end <= comma]
        if len(groups) != 1:
            return None
        group = groups[0]
        if group.first > 0 and view.lower[group.first - 1] != ",":
            return None
        return None if _possessive(view, group.end) else group

    def _as_subject(self, view: _View, at: int) -> _Group | None:
        """The country "as" (token ``at``) describes: its object ("admitted Timor-Leste as")
        or, back over the organisation, time words and adverbs, the subject of a joining
        verb ("Sweden formally joined NATO on Thursday as", "Morocco was readmitted as")."""
        if at > 2 and view.lower[at - 2] == "on" and _weekday(view.lower[at - 1]) and view.group_ending.get(at - 2):
            at -= 2  # "NATO welcomed Sweden on Thursday as its 32nd member"
        group = view.group_ending.get(at)
        if group is not None:
            ok = group.first > 0 and view.lower[group.first - 1] in self.vocab.as_verbs
            return group if ok and not _possessive(view, group.end) else None
        pos = at
        for _ in range(8):
            pos -= 1
            if pos < 1:
                return None
            word = view.lower[pos]
            if word in self.vocab.as_verbs:
                break
            if word in (".", ";", ":", "!", "?", ",", "and", "but", "which", "who", "that"):
                return None
        else:
            return None
        while pos > 1 and view.group_ending.get(pos) is None and (
                view.lower[pos - 1] in ("was", "were", "is", "are", "been", "has", "had", "have", "be")
                or _adverb(view.lower[pos - 1])):
            pos -= 1
        if pos > 2 and view.lower[pos - 1] in ("which", "who") and view.lower[pos - 2] == ",":
            pos -= 2  # "Iran, which was admitted as the SCO's ninth member"
        group = view.group_ending.get(pos)
        return None if group is None or _possessive(view, group.end) else group

    def _prep(self, view: _View, frame: Frame, k: int, end: int, weak: bool, topic: Any) -> Iterator[Claim]:
        pos = end
        if pos >= len(view.lower) or view.lower[pos] not in frame.preps:
            return
        group = view.group_starting.get(pos + 1)
        if group is None or _possessive(view, group.end):
            return
        inner = next((r for r in view.orgs.values() if r.end == k), None)
        ref = inner or self._org_after(view, group.end, span=5, strict=False)[0] or \
            self._org_in_clause(view, group.end, group.end + 6)
        if ref is None:
            ref = self._org_in_clause(view, 0, k)
        if weak and inner is None and not self._linked(view, frame, group.end):
            return
        org = self._resolve(frame, ref, topic, weak and inner is None)
        if org is None:
            return
        yield from self._claims(frame, org, group, view, inner.first if inner else k, group.end)


_AUX = frozenset({"have", "has", "had", "is", "are", "was", "were", "will", "would", "could", "might", "may", "must",
                  "should", "remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "faces",
                  "face", "faced", "stalled", "stalls"})
_PREPOSITIONS = frozenset({"in", "on", "at", "from", "to", "for", "with", "by", "of", "after", "before", "since",
                           "like", "unlike", "than", "as", "about", "against", "into", "over", "under", "between",
                           "among", "beyond", "across", "through", "outside", "inside", "near", "besides", "except",
                           "including", "without", "within", "during", "via", "alongside", "behind", "toward",
                           "towards", "upon", "amid", "despite", "following", "if", "unless", "when", "whether"})


def _aside(view: _View, comma: int, span: int = 9) -> _Group | None:
    """The country before an aside set off by commas ("Slovenia, too, wants"; "Austria,
    long wary of the body, joined"): the subject of the verb after it, when it opens the
    sentence or a clause, not when a preposition governs it ("In Belgium, officials")."""
    for q in range(comma - 1, max(comma - span - 1, -1), -1):
        word = view.lower[q]
        if word in (";", ":", ".", "!", "?", "(", ")", "—", "–"):
            return None
        if word != ",":
            continue
        group = view.group_ending.get(q)
        if group is None:
            return None
        before = view.lower[group.first - 1] if group.first > 0 else ""
        if group.first == 0 or (view.plain(group.first - 1)
                                and before not in _PREPOSITIONS):
            return group
        return None
    return None


_OPEN_ENDS = frozenset({"as", "until", "unless", "before", "soon", "now", "eventually", "either", "too", "when",
                        "if", "once", "quickly", "after", "but", "any", "anytime", "yet", "so", "because"})
_TIME_HEADS = frozenset({"the", "future", "coming", "next", "near"})


def _bare_end(view: _View, pos: int) -> bool:
    """A cue verb with nothing after it ("will never join", "join soon", "join by 2030")."""
    word = view.lower[pos]
    if word in _OPEN_ENDS:
        return True
    if word in ("in", "by", "within") and pos + 1 < len(view.lower):
        nxt = view.lower[pos + 1]
        return nxt[:1].isdigit() or nxt in _TIME_HEADS or nxt in _MONTHS
    return False


_MONTHS = frozenset(m.lower() for m in month_names())  # rules/data/calendar.toml


_MODALS = frozenset({"could", "would", "might", "should", "must", "may", "can", "will", "shall"})
_PERFECT = frozenset({"has", "have", "be", "been", "being", "is", "are", "am"})


def _past_in(view: _View, lo: int, hi: int, speech: frozenset[str] = frozenset()) -> bool:
    """Whether the frame's own words tell the past ("applied to join", "bid was
    discussed", "had hoped to join"); a present perfect or passive does not."""
    for k in range(lo, hi):
        word = view.lower[k]
        if word in ("had", "was", "were", "did"):
            return True
        if word in _MODALS or word in speech or not (view.plain(k)
                                                      and is_past(word)):
            continue
        before = view.lower[max(k - 2, 0):k]  # "have long sought", "has been held"
        if not any(b in _PERFECT for b in before) and word not in _PERFECT:
            return True
    return False


_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_ORDINAL_WORDS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50})
_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)")


def _cardinal(word: str) -> bool:
    """A count in digits or words ("27", "twenty-seven")."""
    from .claims import parse_number

    return parse_number(word) is not None


def _adverb(word: str) -> bool:
    """An adverb that may stand between a subject and its verb ("formally joined")."""
    return len(word) > 4 and word.endswith("ly") and word.isalpha() or word in ("now", "then", "finally")


@lru_cache(maxsize=64)
def _weekday(word: str) -> bool:
    from ..calendar_names import weekday_name

    return word in {weekday_name(i).lower() for i in range(7)}


def ordinal_value(word: str) -> int | None:
    """'11th' -> 11, 'tenth' -> 10; None for anything else."""
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    m = _ORDINAL.fullmatch(word)
    return int(m.group(1)) if m else None


def _possessive(view: _View, pos: int) -> bool:
    return pos < len(view.lower) and view.lower[pos] in _APOSTROPHE_S


_PARAGRAPH = 800  # characters before a sentence that tell what it is about


def named_organisations(text: str, orgs: list[Any], pattern: Any = None,
                        by_name: dict[str, Any] | None = None) -> list[tuple[int, Any]]:
    """(offset, organisation) of every organisation name in the text, in order."""
    if by_name is not None and pattern is None:
        return []  # no names of that kind
    if pattern is None or by_name is None:
        from .organisations import name_alternatives

        by_name = {n: o for o in reversed(orgs) for n in o.names}
        if not by_name:
            return []
        pattern = _name_pattern(tuple(name_alternatives(orgs)), escaped=True)
    return [(m.start(), by_name[m.group(0)]) for m in pattern.finditer(text)]


@lru_cache(maxsize=16)
def _name_pattern(names: tuple[str, ...], escaped: bool = False) -> Any:
    alternatives = names if escaped else tuple(re.escape(n) for n in names)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(alternatives) + r")(?![\w+-]|\s+[Pp]lus\b)")


def topic_of(named: list[tuple[int, Any]], before: int, recent: int | None = None) -> Any:
    """The organisation the copy is about at ``before``: the one named last since
    ``recent`` (the previous sentence's start), else the one named most often in the
    stretch before it (ties: the one named first there), else the article's first."""
    if recent is not None:
        last = [org for at, org in named if recent <= at < before]
        if last:
            return last[-1]
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, Any]] = {}
    for at, org in named:
        if before - _PARAGRAPH <= at < before:
            counts[org.id] = counts.get(org.id, 0) + 1
            first.setdefault(org.id, (at, org))
    if not counts:
        return named[0][1] if named else None
    best = max(counts, key=lambda i: (counts[i], -first[i][0]))
    return first[best][1]


_NEAR = 300  # characters: two organisations that go by one noun this close make it ambiguous


def _referent(named: list[tuple[int, Any]], before: int, noun: str, strict: bool = True) -> Any:
    """The organisation "the alliance" points back to: named last before it among those
    that go by that noun; else the first named after it."""
    fitting = [(at, org) for at, org in named if any(n.split()[-1].lower() == noun for n in org.nouns)]
    near = {org.id for at, org in fitting if before - _NEAR <= at < before}
    if strict and len(near) > 1:  # "The EU met. NATO said Poland should join the bloc.": which bloc?
        return None
    best = None
    for at, org in fitting:
        if at >= before:
            break
        best = org
    return best if best is not None else (fitting[0][1] if fitting else None)


def _single_country(found: list[Any], base: int, kb: Any) -> tuple[int, int, str] | None:
    """The sentence's one country (its last mention), or None if it names none or several."""
    mentions = [(base + m.start(), base + m.end(), kb.countries.code(m.group(0))) for m in found]
    mentions = [m for m in mentions if m[2] is not None]
    return mentions[-1] if mentions and len({c for _, _, c in mentions}) == 1 else None


def frame_sentences(ctx: Any, quiet: list[Any], countries: Any) -> list[tuple[int, int, list[Any]]]:
    """The document's sentences for :meth:`FrameFinder.claims`: each with the country
    names it holds (shared with the other entity rules), none silenced by ``quiet``."""
    from .scan import scan

    doc = scan(ctx)
    found = []
    descriptor = vocabulary().descriptor
    named = False
    for i, sent in enumerate(doc.sentences):
        names = sent.countries(countries)
        # "Sweden joined. The Nordic country became its 32nd member": the descriptor's
        # sentence comes too, when the one before names a country
        follows = not names and named and descriptor is not None and descriptor.search(sent.text) is not None
        if (names or follows) and not doc.silenced(quiet, i):
            found.append((sent.start, sent.start + len(sent.text), names))
        named = bool(names)
    return found
