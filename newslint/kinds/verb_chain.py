"""``verb-chain``: the verb after an auxiliary in the form the auxiliary calls for, read
from the parse ("did went", "will comes", "have you went", "has often rain", "to lifted").

The untagged rules see an auxiliary and the word right after it. The parse links an
auxiliary to its verb across a subject in a question ("Why did you forgot it?") and
adverbs ("have not always wrote"), and tells a verb from a noun. Which form each
auxiliary calls for is data (``auxiliaries`` in the word-list file: ``base``,
``participle`` or ``progressive``); whether a word can be that form comes from the
lexicon (:mod:`newslint.wordforms`), so every verb is covered and a word the lexicon
lacks is never flagged.

A cheap gate, without spaCy, picks the sentences where an auxiliary has, a few words
on, a word that cannot be the form it calls for; only those are parsed.

Pack fields:

- ``word-lists``: a TOML file (relative to the pack) with ``base`` (auxiliaries
  followed by the plain form: do, did, will, could, to), ``participle`` (have, has,
  had), ``progressive`` (be forms: the -ing form or a participle), ``skip`` (words that
  break the chain: "had better go", "have got to") and ``not-verbs`` (words the lexicon
  lists as verb forms that news copy uses otherwise).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import wordforms as wf
from ..nlp import sentence_docs
from ..records import Hit
from .base import Context, RuleKind
from .pattern import required_word_lists

LISTS = ("base", "participle", "progressive", "skip", "not-verbs")
#: How far (in words) a verb may stand from its auxiliary.
REACH = 4
WANTED = {"base": wf.BASE | wf.PRESENT, "participle": wf.PARTICIPLE, "progressive": wf.ING | wf.PARTICIPLE}
TAGS = {"base": "VB", "participle": "VBN", "progressive": "VBG"}
FORM_WORDS = {"base": "the plain form", "participle": "the participle", "progressive": "the -ing form or a participle"}
#: Tags of the words that may stand between an auxiliary and its verb: adverbs, 'not',
#: and in a question the subject ('did the new rules work').
BETWEEN = frozenset({"RB", "RBR", "RBS", "PRP", "PRP$", "DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS"})
#: Auxiliaries that are also first names ('Will Durant wrote').
NAMES = frozenset({"will", "may", "can", "must"})
VERB_FORMS = wf.BASE | wf.PRESENT | wf.S | wf.PAST | wf.PARTICIPLE | wf.ING


class Kind(RuleKind):
    fields = {"word-lists": str}
    needs = frozenset({"tokens", "pos", "dep"})

    def configure(self, spec: dict[str, Any]) -> None:
        self.lists = required_word_lists(self.rule.pack_path, spec.get("word-lists", "data/verb-chain.toml"), LISTS)
        self.calls_for = {w: form for form in ("base", "participle", "progressive") for w in self.lists[form]}

    def _wrong(self, word: str, form: str) -> bool:
        """Whether ``word`` is a verb form that cannot be ``form`` (unknown words never are).

        An -ing form after 'do' or a modal is as often a noun ('she did testing', 'nor
        will dancing'); after 'be' only a past or -s form is wrong ('was took', 'is
        goes'), since 'what we do is go' is right."""
        if word in self.lists["not-verbs"]:
            return False
        bits = wf.mask(word)
        if not bits & VERB_FORMS or bits & WANTED[form]:
            return False
        if form == "base":
            return not bits & wf.ING
        if form == "progressive":
            return bool(bits & (wf.PAST | wf.S))
        return True

    # -- the gate: no spaCy --------------------------------------------------------------
    def gate(self, ctx: Context) -> list[tuple[int, int]]:
        tokens = ctx.tokens()
        lower = tokens.lower
        picked: dict[tuple[int, int], None] = {}
        for i, word in enumerate(lower):
            form = self.calls_for.get(word.replace("’", "'").removesuffix("n't"))
            if form is None:
                continue
            for j in range(i + 1, min(len(lower), i + 1 + REACH)):
                if lower[j] in self.lists["skip"]:
                    break
                if self._wrong(lower[j], form):
                    picked[tokens.sentence_of(i)] = None
                    break
        return list(picked)

    # -- the check: the parse ------------------------------------------------------------
    def check(self, ctx: Context) -> Iterable[Hit]:
        spans = self.gate(ctx)
        if not spans:
            return
        for offset, doc in sentence_docs(ctx, spans):
            for aux in doc:
                found = self._slip(doc, aux)
                if found is None:
                    continue
                verb, form = found
                fix = self._fix(verb.lower_, form)
                start, end = offset + aux.idx, offset + verb.idx + len(verb.text)
                replacements = [ctx.text[start:offset + verb.idx] + fix] if fix else []
                hint = f" ('{replacements[0]}')" if replacements else ""
                message = self.format(aux=aux.text, verb=verb.text, form=FORM_WORDS[form], fix=fix or "",
                                      hint=hint, match=ctx.text[start:end])
                yield Hit(start, end, message, replacements=replacements, fix=None, safe=False)

    def _slip(self, doc: Any, aux: Any) -> tuple[Any, str] | None:
        """The verb after ``aux`` and the form it should have, when it has another."""
        if aux.dep_ not in ("aux", "auxpass"):
            return None
        key = aux.lower_.replace("’", "'")
        if key.endswith("n't") and key not in self.calls_for:
            key = key[:-3]
        form = self.calls_for.get(key)
        head = aux.head
        if form is None or head.i <= aux.i or head.i - aux.i > REACH or not head.tag_.startswith("VB"):
            return None
        # the next verb of the chain: a later auxiliary of the same head ('has been'), else the head
        chain = [c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i > aux.i] + [head]
        verb = min(chain, key=lambda t: t.i)
        between = doc[aux.i + 1:verb.i]
        if verb.tag_ == "MD" or any(t.lower_ in self.lists["skip"] or (t.tag_ not in BETWEEN and not (
                t.lower_ == "of" and aux.is_sent_start)) for t in between):
            return None  # 'those that are will be', 'are in place protects': a chain the parse joined wrongly
        if not verb.text.isalpha() or verb.text[:1].isupper() or (aux.text[:1].isupper() and (
                not aux.is_sent_start or aux.lower_ in NAMES and any(t.tag_ == "NNP" for t in between))):
            return None  # a name or a title ('Will Durant wrote', 'May Sometimes Spends')
        before = doc[aux.i - 1] if aux.i > 0 else None
        if before is not None and before.tag_ in ("DT", "PRP$", "JJ"):
            return None  # 'this can is', 'the will was': a noun
        if before is not None and before.tag_ in ("PRP", "NN", "NNS", "NNP"):
            k = before.i - 1
            while k >= 0 and doc[k].tag_ in ("DT", "PRP$", "JJ"):
                k -= 1
            if k >= 0 and doc[k].tag_ in ("NN", "NNS", "NNP", "WP"):
                return None  # 'the money the charity had was spent', 'nothing he did helped': a clause without 'that'
        if aux.lower_ == "to" and (aux.tag_ != "TO" or wf.mask(verb.lower_) & wf.NOUN or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or (
                before is not None and before.tag_.startswith("VB") and verb.dep_ != "xcomp")):
            return None  # 'the person I spoke to said', 'the hospital he was taken to closed': 'to' ends a clause
        if self._wrong(verb.lower_, form):
            return verb, form
        return None

    @staticmethod
    def _fix(word: str, form: str) -> str | None:
        from ..wordforms import lemminflect_module

        lex = lemminflect_module()
        for lemma in lex.getAllLemmas(word).get("VERB", ()):
            forms = lex.getInflection(lemma, TAGS[form], inflect_oov=False)
            if forms:
                return forms[0]
        return None
