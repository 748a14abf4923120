"""``pos-confusion``: a word used as a part of speech it does not have, when its
look-alike has it ("give advise", "I must advice you", "my strong believe", "of
Pakistani decent", "has past away").

The data is only the pairs of look-alikes. Which parts of speech each word has comes
from the lexicon (:mod:`newslint.wordforms`), how the word is used from the tagger and
the words before it: a word is flagged only when the lexicon says it cannot be what
the sentence uses it as and its partner can. A pair whose words share a part of speech
("effect" and "affect" are both verbs) is never flagged for it, whatever the tagger says.

A pair may join a one-word noun to the phrasal verb it comes from (["crackdown",
"crack down"]): the noun used as a verb ("police will crackdown on") is flagged.

Pack fields: ``pairs`` (a TOML file, relative to the pack, holding ``pairs = [["advise",
"advice"], ...]`` with its source).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import wordforms as wf
from ..nlp import sentence_docs
from ..records import Hit
from ..toml import load_toml
from .base import Context, PackError, RuleKind

VERB = wf.BASE | wf.PRESENT | wf.S | wf.PAST | wf.PARTICIPLE | wf.ING
#: The lexicon bits of each coarse use.
USE_BITS = {"noun": wf.NOUN, "verb": VERB, "adjective": wf.ADJ, "adverb": wf.ADV}
#: The tag the partner is inflected to, per tag of the word.
NOUN_TAGS = {"NN": "NN", "NNS": "NNS"}
#: Words after which (adjectives between) a word is a noun: articles and possessives, not
#: 'some', 'this' or 'her', which also stand before verbs ('some believe', 'had her breathe').
NOUN_OPENERS = frozenset({"a", "an", "the", "no", "my", "your", "his", "its", "our", "their", "every", "another",
                          "whose"})
#: Prepositions after which a plain word is a noun ('to' is left out: 'to sell').
PREPOSITIONS = frozenset({"for", "of", "with", "about", "on", "in", "at", "from", "by", "without", "under", "into",
                          "upon", "after", "before", "during", "against", "among", "between", "through"})
#: Tags of a word that a verb does not follow directly: 'a management buyout' is a noun.
NOT_BEFORE_VERB = frozenset({"DT", "PRP$", "JJ", "JJR", "JJS", "NN", "POS", "IN", "CD"})
#: A line that holds a sentence ends with a full stop (not a headline or a caption).
ENDING = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def use_of(doc: Any, token: Any) -> tuple[str, str] | None:
    """How the sentence uses ``token``: ('noun', tag), ('verb', tag), ('adjective', 'JJ'),
    or None when the tag and the context disagree."""
    tag = token.tag_
    before = [t for t in doc[max(0, token.i - 3):token.i]]
    # a determiner or possessive before it, adjectives between: a noun ('my strong believe')
    k = len(before) - 1
    while k >= 0 and before[k].tag_ in ("JJ", "JJR", "JJS"):
        k -= 1
    if k >= 0 and (before[k].lower_ in NOUN_OPENERS or before[k].tag_ == "POS"):
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is None or following.tag_ not in ("NN", "NNS", "NNP", "JJ"):
            return "noun", "NNS" if tag == "NNS" else "NN"
    if before and before[-1].lower_ in PREPOSITIONS and tag in ("VB", "VBP", "NN"):
        return "noun", "NN"  # 'up for sell', 'without prove'
    if k >= 0 and before[k].lower_ == "her":
        return None
    if tag in NOUN_TAGS and token.dep_ in ("dobj", "pobj", "nsubj", "attr", "conj"):
        return "noun", tag
    if tag.startswith("VB") and before and before[-1].tag_ not in NOT_BEFORE_VERB and (
            any(c.dep_ in ("nsubj", "aux", "neg") for c in token.children)
            or (k >= 0 and before[-1].tag_ in ("MD", "TO"))):
        return "verb", tag
    if tag in ("JJ", "JJR") and token.dep_ in ("acomp", "amod"):
        return "adjective", "JJ"
    return None


class Kind(RuleKind):
    fields = {"pairs": str}
    required = ("pairs",)
    needs = frozenset({"tokens", "pos", "dep"})

    def configure(self, spec: dict[str, Any]) -> None:
        path = Path(self.rule.pack_path).parent / spec["pairs"]
        try:
            data, _ = load_toml(str(path))
        except Exception as exc:  # a missing or broken file is the pack's error
            raise PackError(f"pairs file {path.name}: {exc}") from None
        pairs = data.get("pairs")
        if not isinstance(pairs, list) or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p) for p in pairs):
            raise PackError(f"{path.name}: 'pairs' must be a list of two-word lists")
        self.partners: dict[str, str] = {}
        for first, second in pairs:
            self.partners[first.lower()] = second.lower()
            self.partners[second.lower()] = first.lower()
        self.forms = forms_of(tuple(sorted(w for w in self.partners if " " not in w)))

    def check(self, ctx: Context) -> Iterable[Hit]:
        tokens = ctx.tokens()
        text = ctx.text
        picked: dict[tuple[int, int], None] = {}
        for i, word in enumerate(tokens.lower):
            if word in self.forms:
                at = tokens.starts[i]
                line_end = text.find("\n", at)
                if ENDING.search(text, at, len(text) if line_end < 0 else line_end):
                    picked[tokens.sentence_of(i)] = None
        if not picked:
            return
        for offset, doc in sentence_docs(ctx, list(picked)):
            for token in doc:
                lemma = self.forms.get(token.lower_)
                if lemma is None or not token.text.islower():
                    continue
                found = self._slip(doc, token, lemma)
                if found is None:
                    continue
                start = offset + token.idx
                message = self.format(match=token.text, use=found[1], replacement=found[0])
                yield Hit(start, start + len(token.text), message, replacements=[found[0]], fix=None, safe=False)

    def _slip(self, doc: Any, token: Any, lemma: str) -> tuple[str, str] | None:
        used = use_of(doc, token)
        if used is None:
            return None
        use, tag = used
        if wf.mask(token.lower_) & USE_BITS[use] or wf.mask(lemma) & USE_BITS[use]:
            return None  # the word can be used so ('proof' is also a verb)
        partner = self.partners[lemma]
        head, _, rest = partner.partition(" ")  # a phrasal verb: 'crackdown' -> 'crack down'
        if rest and use != "verb":
            return None
        if not wf.mask(head) & USE_BITS[use]:
            return None
        form = inflect(head, tag) if use in ("noun", "verb") else head
        return (f"{form} {rest}".strip(), use) if form else None


@lru_cache(maxsize=4096)
def inflect(word: str, tag: str) -> str | None:
    if tag in ("VB", "VBP", "JJ", "NN"):
        return word
    lex = wf.lemminflect_module()
    forms = lex.getInflection(word, tag, inflect_oov=False)
    return forms[0] if forms else None


@lru_cache(maxsize=16)
def forms_of(words: tuple[str, ...]) -> dict[str, str]:
    """Each word and its -s form (advises, beliefs), mapped to the word. Past forms are
    left out: they are adjectives as often ('a lost cause')."""
    lex = wf.lemminflect_module()
    out: dict[str, str] = {}
    for word in words:
        out[word] = word
        inflections = lex.getAllInflections(word)
        for tag in ("NNS", "VBZ"):
            for form in inflections.get(tag, ()):
                out.setdefault(form, word)
    return out
