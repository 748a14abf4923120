"""``confused-word``: a word written in the slot its sound-alike belongs in ("it's
profits fell", "drove passed the checkpoint", "will effect thousands", "free reign").

Each pair's words, parts of speech and meanings, and the *slots* that give a slip away,
are data (``words``: a TOML file, relative to the pack). A slot is a short token pattern
in spaCy ``Matcher`` syntax over the tagger's tags and the parser's labels (a
contraction before a noun that is a subject, a comparative before 'then', a perfect
auxiliary before 'lead'), with word lists written ``"@name"`` and a few checks a
pattern cannot say: the object of the word (``object-in``/``object-not-in``: 'effect
change' is right, 'effect thousands of passengers' is not) and words elsewhere in the
sentence (``sentence-has``).

Cheap gate: a sentence is tagged only when it holds one of the words a slot reports,
and the slot's own ``gate`` regex (if any) matches it; tagged sentences are shared with
the other tagged rules (:func:`newslint.nlp.sentence_docs`). Needs the trained pipeline
(``requires = ["pos"]``): in fast mode the rule is skipped, so it only ever adds.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import wordforms as wf
from ..nlp import sentence_docs
from ..records import Hit
from ..safe_regex import compile_regex
from ..text_case import match_case
from ..toml import load_toml
from .base import Context, PackError, RuleKind
from .pattern import expand_lists

#: Token attributes a slot may test (those of spaCy's Matcher that the gated pipeline fills).
ATTRS = frozenset({"LOWER", "ORTH", "TAG", "DEP", "IS_PUNCT", "IS_ALPHA", "IS_LOWER", "LIKE_NUM", "IS_SENT_START",
                   "OP"})


@dataclass
class Slot:
    """One cue: a pattern in which ``written`` means ``meant``."""

    key: str
    written: str
    meant: str
    slot: str
    pattern: list[dict[str, Any]]
    report: tuple[int, int]
    means: dict[str, str] | str
    triggers: frozenset[str]
    gate: Any = None
    object_in: frozenset[str] | None = None
    object_not_in: frozenset[str] | None = None
    sentence_has: Any = None


def _inflected(words: list[str]) -> list[str]:
    """Each word with all its inflections from the lexicon (rule -> rules; take -> took)."""
    lex = wf.lemminflect_module()
    out: dict[str, None] = {}
    for word in words:
        out[word.lower()] = None
        for forms in lex.getAllInflections(word.lower()).values():
            for form in forms:
                out[form.lower()] = None
    return list(out)


def _words_of(token: dict[str, Any]) -> set[str]:
    """The words a pattern token can match by LOWER/ORTH (empty when it tests no word)."""
    found: set[str] = set()
    for attr in ("LOWER", "ORTH"):
        value = token.get(attr)
        if isinstance(value, str):
            found.add(value.lower())
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            found.update(str(v).lower() for v in value["IN"])
    return found


def load_slots(path: Path, code: str) -> tuple[dict[str, dict[str, Any]], list[Slot]]:
    """The words table and the compiled slots of a confused-words file."""
    try:
        data, _ = load_toml(str(path))
    except Exception as exc:  # a missing or broken file is the pack's error
        raise PackError(f"words file {path.name}: {exc}") from None
    words = data.get("words")
    cues = data.get("cues")
    if not isinstance(words, dict) or not isinstance(cues, list) or not cues:
        raise PackError(f"{path.name}: needs a [words] table and a [[cues]] list")
    for name, entry in words.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("meaning"), str) or not isinstance(
                entry.get("pos"), list):
            raise PackError(f"{path.name}: words.{name} needs 'pos' (a list) and 'meaning'")
    lists = {k: [str(w).lower() for w in v] for k, v in data.get("lists", {}).items()}
    lists.update({k: _inflected([str(w) for w in v]) for k, v in data.get("lemmas", {}).items()})
    slots = []
    for number, cue in enumerate(cues, 1):
        where = f"{path.name} cue {number}"
        if not isinstance(cue, dict):
            raise PackError(f"{where}: must be a table")
        for field in ("pair", "slot", "pattern", "means"):
            if field not in cue:
                raise PackError(f"{where}: needs '{field}'")
        pair = cue["pair"]
        if not (isinstance(pair, list) and len(pair) == 2 and all(w in words for w in pair)):
            raise PackError(f"{where}: 'pair' must name two entries of [words]")
        pattern = cue["pattern"]
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
            raise PackError(f"{where}: 'pattern' must be a list of token tables")
        for token in pattern:
            unknown = set(token) - ATTRS
            if unknown:
                raise PackError(f"{where}: unknown token attribute(s) {sorted(unknown)}")
        try:
            pattern = expand_lists(pattern, lists)
        except PackError as exc:
            raise PackError(f"{where}: {exc}") from None
        report = cue.get("report", [0])
        if not (isinstance(report, list) and report and all(isinstance(i, int) for i in report)
                and all(0 <= i < len(pattern) for i in report)):
            raise PackError(f"{where}: 'report' must list token positions of the pattern")
        first, last = report[0], report[-1]
        if any(pattern[i].get("OP") for i in range(first, last + 1)):
            raise PackError(f"{where}: a reported token cannot have OP")
        triggers = frozenset().union(*(_words_of(pattern[i]) for i in range(first, last + 1)))
        if not triggers:
            raise PackError(f"{where}: a reported token must name its words (LOWER)")
        means = cue["means"]
        if not isinstance(means, (str, dict)):
            raise PackError(f"{where}: 'means' must be a word or a table of written form -> word")


        gate = compile_regex(cue["gate"], ignore_case=True, what="gate") if "gate" in cue else None
        has = compile_regex(cue["sentence-has"], ignore_case=True, what="sentence-has") \
            if "sentence-has" in cue else None
        digest = hashlib.sha1(json.dumps(pattern, sort_keys=True).encode()).hexdigest()[:10]
        slots.append(Slot(f"{code}#{digest}/{number}", pair[0], pair[1], str(cue["slot"]), pattern,
                          (first, last), means, triggers, gate, _word_set(cue, "object-in", lists, where),
                          _word_set(cue, "object-not-in", lists, where), has))
    return words, slots


def _word_set(cue: dict[str, Any], name: str, lists: dict[str, list[str]], where: str) -> frozenset[str] | None:
    """The word list a cue's field names ("@name"), or None when the field is absent."""
    value = cue.get(name)
    if value is None:
        return None
    if not (isinstance(value, str) and value.startswith("@") and value[1:] in lists):
        raise PackError(f"{where}: '{name}' must name a word list (\"@name\")")
    return frozenset(lists[value[1:]])


class Kind(RuleKind):
    fields = {"words": str}
    required = ("words",)
    needs = frozenset({"tokens", "pos", "dep"})

    def configure(self, spec: dict[str, Any]) -> None:
        if "pos" not in spec.get("requires", []):
            raise PackError("a confused-word rule must say requires = [\"pos\"]")
        path = Path(self.rule.pack_path).parent / spec["words"]
        self.words, self.slots = load_slots(path, self.rule.code)
        self.by_key = {slot.key: slot for slot in self.slots}
        #: Each word a slot reports -> the slots that report it (the gate tries only those).
        self.triggers: dict[str, list[Slot]] = {}
        for slot in self.slots:
            for word in slot.triggers:
                self.triggers.setdefault(word.replace("’", "'"), []).append(slot)
        self._matchers: dict[int, Any] = {}

    def _matcher(self, vocab: Any) -> Any:
        matcher = self._matchers.get(id(vocab))
        if matcher is None:
            from spacy.matcher import Matcher

            matcher = Matcher(vocab)
            for slot in self.slots:
                matcher.add(slot.key, [slot.pattern])
            self._matchers[id(vocab)] = matcher
        return matcher

    def gate(self, ctx: Context) -> list[tuple[int, int]]:
        """The sentences that hold a word some slot reports, and pass that slot's gate."""
        tokens = ctx.tokens()
        text = ctx.text
        spans: dict[tuple[int, int], None] = {}
        for i, word in enumerate(tokens.lower):
            slots = self.triggers.get(word) or self.triggers.get(word.replace("’", "'"))
            if not slots:
                continue
            span = tokens.sentence_of(i)
            if span in spans:
                continue
            if any(slot.gate is None or slot.gate.search(text, span[0], span[1]) for slot in slots):
                spans[span] = None
        return list(spans)

    def check(self, ctx: Context) -> Iterable[Hit]:
        spans = self.gate(ctx)
        if not spans:
            return
        text = ctx.text
        seen: set[int] = set()
        for offset, doc in sentence_docs(ctx, spans):
            if not doc.has_annotation("TAG"):
                continue
            strings = doc.vocab.strings
            for match_id, start, _end, aligned in self._matcher(doc.vocab)(doc, with_alignments=True):
                slot = self.by_key[strings[match_id]]
                # the tokens the reported pattern positions matched (an optional token
                # before them shifts their place in the match)
                reported = [start + k for k, at in enumerate(aligned) if slot.report[0] <= at <= slot.report[1]]
                if not reported:
                    continue
                first, last = doc[reported[0]], doc[reported[-1]]
                hit_start = offset + first.idx
                if hit_start in seen or not self._holds(slot, doc, first, text, offset):
                    continue
                seen.add(hit_start)
                hit_end = offset + last.idx + len(last.text)
                written = text[hit_start:hit_end]
                meant = self._meant(slot, written)
                if meant is None:
                    continue
                message = self.format(match=written, replacement=meant, slot=slot.slot,
                                      meaning=self.words[slot.meant]["meaning"],
                                      written_meaning=self.words[slot.written]["meaning"])
                yield Hit(hit_start, hit_end, message, replacements=[meant], fix=None, safe=False)

    @staticmethod
    def _holds(slot: Slot, doc: Any, token: Any, text: str, offset: int) -> bool:
        """The checks a pattern cannot say: words elsewhere in the sentence, the object."""
        if slot.sentence_has is not None and not slot.sentence_has.search(doc.text):
            return False
        if slot.object_in is None and slot.object_not_in is None:
            return True
        obj = object_of(token)
        if slot.object_not_in is not None:
            # the parse may hang the object on a modifier ('effect sweeping changes'): any
            # word up to the next punctuation that the list names keeps the slot quiet
            ahead = []
            for following in doc[token.i + 1: token.i + 5]:
                if following.is_punct:
                    break
                ahead.append(following.lower_)
            if any(word in slot.object_not_in for word in ahead):
                return False
        if obj is None:
            return slot.object_in is None
        word = obj.lower_
        if slot.object_in is not None and word not in slot.object_in:
            return False
        return not (slot.object_not_in is not None and word in slot.object_not_in)

    @staticmethod
    def _meant(slot: Slot, written: str) -> str | None:
        key = written.lower().replace("’", "'")
        meant = slot.means if isinstance(slot.means, str) else slot.means.get(key)
        return None if meant is None else match_case(written, meant)


def object_of(token: Any) -> Any:
    """What the word acts on: its direct object, the subject of its passive, or the noun a
    participle describes ('residents affected by')."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    if token.dep_ == "acl" and token.head.i != token.i:
        return token.head
    return None
