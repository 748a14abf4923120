"""``verb-pattern``: the form of the verb that a verb or adjective takes after it,
read from the parse ("enjoy to run" for "enjoy running", "eager to buying" for
"eager to buy", "look forward to see" for "look forward to seeing", "wants that I
send" for "wants me to send", "helped carrying" for "helped carry").

Which word takes which pattern is data (a TOML file of lists, each with its source);
the words are matched by lemma (lemminflect), so every form of a listed verb counts
("enjoyed", "considers"). Only the sentences that hold a listed word are parsed.

Pack fields: ``word-lists`` (the TOML file, relative to the pack) with
``gerund`` (verbs followed by an -ing form, not 'to': enjoy, avoid, consider),
``infinitive`` (verbs followed by 'to' or a plain verb, not an -ing form: decide,
refuse, help), ``to-gerund`` (phrases ending in the preposition 'to' followed by an
-ing form: look forward to, object to), ``adjective-infinitive`` (adjectives followed
by 'to' and a plain verb: eager, able, willing), ``not-that`` (verbs that take an object
and 'to', never a 'that' clause: want), ``no-preposition`` (a verb and the preposition it
does not take: "discuss about", "regarding to"), ``no-pronoun-object`` (verbs whose person
takes 'to': "explained her" for "explained to her").
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .. import wordforms as wf
from ..nlp import sentence_docs
from ..records import Hit
from .base import Context, RuleKind
from .pattern import required_word_lists

LISTS = ("gerund", "infinitive", "to-gerund", "adjective-infinitive", "not-that", "no-preposition",
         "no-pronoun-object")
OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them"})
OBJECT = {"i": "me", "we": "us", "you": "you", "he": "him", "she": "her", "they": "them", "it": "it"}
SUBJECT_PRONOUNS = frozenset(OBJECT)


@lru_cache(maxsize=8192)
def verb_lemmas(word: str) -> tuple[str, ...]:
    return tuple(wf.lemminflect_module().getAllLemmas(word).get("VERB", ()))


@lru_cache(maxsize=8192)
def inflect(lemma: str, tag: str) -> str | None:
    forms = wf.lemminflect_module().getInflection(lemma, tag, inflect_oov=False)
    return forms[0] if forms else None


class Kind(RuleKind):
    fields = {"word-lists": str}
    required = ("word-lists",)
    needs = frozenset({"tokens", "pos", "dep"})

    def configure(self, spec: dict[str, Any]) -> None:
        self.lists = required_word_lists(self.rule.pack_path, spec["word-lists"], LISTS)
        #: 'look forward to' -> the words before 'to'
        self.to_gerund = {tuple(p.split()[:-1]) for p in self.lists["to-gerund"] if p.endswith(" to")}
        self.cues = frozenset(w.split()[0] for name in LISTS for w in self.lists[name])
        #: 'discuss' -> {'about'}
        self.no_preposition: dict[str, set[str]] = {}
        for phrase in self.lists["no-preposition"]:
            verb, _, preposition = phrase.partition(" ")
            self.no_preposition.setdefault(verb, set()).add(preposition)

    def _is(self, word: str, name: str) -> bool:
        return word in self.lists[name] or any(lemma in self.lists[name] for lemma in verb_lemmas(word))

    def _cued(self, word: str) -> bool:
        return word in self.cues or any(lemma in self.cues for lemma in verb_lemmas(word))

    def check(self, ctx: Context) -> Iterable[Hit]:
        tokens = ctx.tokens()
        picked = {tokens.sentence_of(i): None for i, word in enumerate(tokens.lower) if self._cued(word)}
        if not picked:
            return
        for offset, doc in sentence_docs(ctx, list(picked)):
            for token in doc:
                found = self._slip(doc, token)
                if found is None:
                    continue
                first, last, fix = found
                start, end = offset + doc[first].idx, offset + doc[last].idx + len(doc[last].text)
                message = self.format(match=ctx.text[start:end], replacement=fix)
                yield Hit(start, end, message, replacements=[fix], fix=None, safe=False)

    def _slip(self, doc: Any, token: Any) -> tuple[int, int, str] | None:
        """(first, last, fix) of a wrong pattern starting at ``token``."""
        lower = token.lower_
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        after = doc[token.i + 2] if token.i + 2 < len(doc) else None
        if nxt is None or not token.text.islower() and not token.is_sent_start:
            return None
        if token.tag_.startswith("VB"):
            # enjoy to run -> enjoy running
            if (self._is(lower, "gerund") and nxt.lower_ == "to" and after is not None and after.tag_ == "VB"
                    and after.head.i == token.i and token.tag_ != "VBN" and after.lower_ not in ("be", "have")):
                ing = inflect(after.lower_, "VBG")
                return (token.i, after.i, f"{token.text} {ing}") if ing else None
            # decided going -> decided to go
            if self._is(lower, "infinitive") and nxt.tag_ == "VBG" and nxt.head.i == token.i and nxt.dep_ in (
                    "xcomp", "ccomp") and not any(c.dep_ in ("nsubj", "aux") for c in nxt.children) and not any(
                    t.tag_ in ("VBD", "VBZ", "VBP", "VBN") for t in nxt.subtree):
                # (a finite verb in its phrase: 'agreed receiving the honour capped off a year' is a clause)
                base = next((b for b in (inflect(lemma, "VB") for lemma in verb_lemmas(nxt.lower_)) if b), None)
                return (token.i, nxt.i, f"{token.text} to {base}") if base else None
            # discussed about the plan -> discussed the plan
            if any(nxt.lower_ in self.no_preposition.get(v, ()) for v in (lower, *verb_lemmas(lower))) and (
                    nxt.dep_ in ("prep", "dative", "prt") and nxt.head.i == token.i):
                return token.i, nxt.i, token.text
            # explained her the rule -> explained to her the rule
            if (self._is(lower, "no-pronoun-object") and nxt.lower_ in OBJECT_PRONOUNS and after is not None
                    and (after.tag_ in ("DT", "PRP$", "IN", "WDT", "WP", "WRB")
                         or after.lower_ in ("that", "how", "why"))):
                return token.i, nxt.i, f"{token.text} to {nxt.text}"
            # wants that I send -> wants me to send
            if (self._is(lower, "not-that") and nxt.lower_ == "that" and after is not None
                    and after.lower_ in SUBJECT_PRONOUNS and after.dep_ == "nsubj"):
                return token.i, after.i, f"{token.text} {OBJECT[after.lower_]} to"
        # look forward to see -> look forward to seeing
        if lower == "to" and nxt.tag_ == "VB" and token.i > 0:
            for phrase in self.to_gerund:
                n = len(phrase)
                words = [t.lower_ for t in doc[max(0, token.i - n):token.i]]
                if len(words) == n and all(w == p or p in verb_lemmas(w) for w, p in zip(words, phrase, strict=True)):
                    ing = inflect(nxt.lower_, "VBG")
                    return (token.i, nxt.i, f"to {ing}") if ing else None
        # eager to buying -> eager to buy
        if (token.tag_ in ("JJ", "JJR") and lower in self.lists["adjective-infinitive"] and nxt.lower_ == "to"
                and after is not None and after.tag_ == "VBG" and after.dep_ in ("xcomp", "pcomp", "pobj")):
            base = next((b for b in (inflect(lemma, "VB") for lemma in verb_lemmas(after.lower_)) if b), None)
            return (token.i, after.i, f"{token.text} to {base}") if base else None
        return None
