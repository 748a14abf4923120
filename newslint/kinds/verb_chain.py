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
- ``mass-nouns``: a TOML file with a ``mass-nouns`` list, uncountable nouns spelt like
  a verb's plain form. With it the rule also reads a plain form right after a form of
  'be' and before a preposition, a comma or the end ("was commit to", "has been use
  in", "was finish,"): a countable noun there would need 'a' or 'the', so the word is
  a verb missing its participle; a listed noun ("the focus is research into") is not.
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
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't"})
#: Words that may stand between 'be' and a bare verb: 'was not', 'had already'.
BE_ADVERBS = frozenset({"not", "never", "already", "just", "also", "still", "now", "recently", "previously",
                        "first", "then", "being", "n't"})
#: What may follow the bare verb: a preposition, a comma, the end of the sentence.
BE_AFTER = frozenset({"IN", ",", ".", ":", "RP"})


class Kind(RuleKind):
    fields = {"word-lists": str, "mass-nouns": str}
    needs = frozenset({"tokens", "pos", "dep"})

    def configure(self, spec: dict[str, Any]) -> None:
        self.lists = required_word_lists(self.rule.pack_path, spec.get("word-lists", "data/verb-chain.toml"), LISTS)
        self.calls_for = {w: form for form in ("base", "participle", "progressive") for w in self.lists[form]}
        mass = spec.get("mass-nouns")
        self.mass = required_word_lists(self.rule.pack_path, mass, ("mass-nouns",))["mass-nouns"] if mass else None

    def _bare(self, word: str) -> bool:
        """A verb's plain form that is not also its past, participle, -ing or -s form, an
        adjective or adverb ('commit', 'watch', 'finish'; not 'close', 'cut', 'still'), and
        not an uncountable noun ('research')."""
        if self.mass is None or word in self.mass or word in self.lists["not-verbs"]:
            return False
        bits = wf.mask(word)
        return bool(bits & wf.BASE) and not bits & (wf.PAST | wf.PARTICIPLE | wf.ING | wf.S | wf.ADJ | wf.ADV)

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
            if form == "progressive" and word in BE:
                j = i + 1
                while j < len(lower) and lower[j] in BE_ADVERBS:
                    j += 1
                if j < len(lower) and self._bare(lower[j]):
                    picked[tokens.sentence_of(i)] = None
        return list(picked)

    # -- the check: the parse ------------------------------------------------------------
    def check(self, ctx: Context) -> Iterable[Hit]:
        spans = self.gate(ctx)
        if not spans:
            return
        for offset, doc in sentence_docs(ctx, spans):
            for aux in doc:
                found = self._slip(doc, aux) or self._bare_after_be(doc, aux)
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

    def _bare_after_be(self, doc: Any, be: Any) -> tuple[Any, str] | None:
        """'was commit to', 'has been use in', 'was finish,': a form of 'be' (a verb, not
        in a question), adverbs, then a bare plain form standing where a participle would,
        before a preposition, a comma or the end."""
        if be.lower_ not in BE or not be.tag_.startswith("VB") or be.text[:1].isupper():
            return None
        k = be.i + 1
        while k < len(doc) and doc[k].lower_ in BE_ADVERBS:
            k += 1
        if k + 1 >= len(doc):
            return None
        verb, after = doc[k], doc[k + 1]
        if not verb.is_alpha or not verb.is_lower or not self._bare(verb.lower_):
            return None
        if after.tag_ not in BE_AFTER and after.text not in (",", ".", ";"):
            return None
        if after.lower_ == "of" or (verb.tag_ == "NN" and after.lower_ in ("to", "for", "with")):
            return None  # 'was part of', 'is home to', 'was cause for': a noun
        if verb.tag_ not in ("VB", "VBP", "NN") or any(c.dep_ in ("det", "poss", "amod", "compound", "nummod")
                                                        for c in verb.children):
            return None
        head = be if be.dep_ not in ("aux", "auxpass") else be.head
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in ("what", "this", "that", "there") or any(
                c.dep_ == "csubj" and c.i > subject.i for c in head.children):
            return None  # 'what they want is change', 'there is help at hand'
        if any(t.lower_ in ("do", "does", "did", "done", "doing") for t in subject.subtree):
            return None  # 'all we can do is wait', 'the first thing to do is call': a plain form is right
        if verb.tag_ == "NN" and (subject.tag_ in ("PRP", "NNP", "NNPS") or subject.lower_ in ("who", "whom")):
            return None  # 'she was partner at', 'he was coach at': a person's role
        return verb, "participle"

    @staticmethod
    def _fix(word: str, form: str) -> str | None:
        from ..wordforms import lemminflect_module

        lex = lemminflect_module()
        for lemma in lex.getAllLemmas(word).get("VERB", ()):
            forms = lex.getInflection(lemma, TAGS[form], inflect_oov=False)
            if forms:
                return forms[0]
        return None
