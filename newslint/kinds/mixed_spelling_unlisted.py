"""``mixed-spelling-unlisted``: one name that no list knows spelled two ways in one
article (Zhovka/Zhovkva, Podolyak/Podoliak), found without any list of names.

(Kind ``name-variants`` before issue 17; that name still works and is deprecated.)

Proper names are read from the shared tokens and capitalisation (and a trained
pipeline's PERSON/GPE/LOC/ORG entities when one is configured): capitalised
words that occur mid-sentence, or look transliterated. Two forms are one name
spelled two ways when they share a transliteration key (y/iy/yy/ii endings,
kh/h, ts/c, ye/e, doubled letters, ...) or differ by one letter in a long
name, *and* the evidence is good: one form looks transliterated (zh, kh,
-skiy, -enko, ...), both follow the same first name or title or precede the
same surname, or (``lone-slip-majority``) one form is used once against many
uses of the other. With one use of each form, a spelling pattern of the name's
language (``patterns``: -berg/-burg, qv/qu, -ov/-off, ph/f; doubled letters, two
swapped letters, ``movable`` letters) joins two forms that no spelling dictionary
knows, or that echo a person introduced by full name (Pedro Sanchez ... Mr
Sanches); weaker evidence is reported at ``info``. Derived forms
(Russia/Russian), plurals (Biden/Bidens), feminine forms (Peskov/Peskova) and
pairs the pack lists as distinct (Johnson/Johnston) are never paired. Names
that a known-name rule already lists (``known-from``) are left to it when both
forms are listed; an unlisted spelling of a listed name (Zaharova) is found here.

Pack fields: the transliteration tables (see :mod:`newslint.translit`),
``known-from`` (rule codes of house-spelling rules in bundled packs), ``titles``,
``min-length``, ``edit-min-length``, ``lone-slip-majority``, ``patterns``, ``movable``,
``pattern-min-length``. Message placeholders as for mixed names:
{match}, {preferred}, {count}, {times}, {lines}, {match_lines}.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records import Hit
from ..translit import Transliteration, fold
from ..union_find import UnionFind
from .base import Context, PackError, RuleKind
from .mixing import minority_hits

NAME_ENTS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"})


@dataclass
class Form:
    """One spelling of a candidate name in the article."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    mid_sentence: bool = False
    before: set[str] = field(default_factory=set)  # first names / titles right before it
    after: set[str] = field(default_factory=set)  # surnames right after it
    first_names: set[str] = field(default_factory=set)  # capitalised words before it, mid-sentence
    as_first_name: int = 0  # uses followed by another capitalised word (Sandra Bullock)


class Kind(RuleKind):
    fields = {
        "endings": list, "rewrites": list, "collapse-doubles": bool, "markers": list,
        "derived-suffixes": list, "feminine": list, "distinct": list, "titles": list,
        "known-from": list, "min-length": int, "edit-min-length": int, "lone-slip-majority": int,
        "lone-slip-majority-spelling": int, "patterns": list, "movable": list, "pattern-min-length": int,
    }
    needs = frozenset({"tokens"})

    def configure(self, spec: dict[str, Any]) -> None:
        self.translit = Transliteration.from_spec(spec)
        self.min_length = int(spec.get("min-length", 5))
        self.edit_min_length = int(spec.get("edit-min-length", 6))
        self.lone_slip_majority = int(spec.get("lone-slip-majority", 0))
        self.lone_slip_majority_spelling = int(spec.get("lone-slip-majority-spelling", self.lone_slip_majority))
        self.pattern_min_length = int(spec.get("pattern-min-length", self.min_length))
        if self.min_length < 3 or self.edit_min_length < 3:
            raise PackError("min-length and edit-min-length must be at least 3")
        titles = spec.get("titles", [])
        if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
            raise PackError("'titles' must be a list of strings")
        self.titles = {t.lower() for t in titles}
        self.known = _known_words(spec.get("known-from", []))
        self._variant_cache: dict[str, frozenset[str]] = {}

    # ------------------------------------------------------------------------------------
    def candidates(self, ctx: Context) -> dict[str, Form]:
        """Capitalised words, by spelling (ALL CAPS folded to Title). A pair needs one form
        seen mid-sentence, where capitals mark a name rather than a sentence start."""
        tokens = ctx.tokens()
        text = ctx.text
        words = tokens.words
        sent_starts = tokens.sent_starts
        distinct = set(words)
        lower_words = {w for w in distinct if w.islower()}
        entity_starts: set[int] | None = None
        if getattr(ctx.nlp, "entities", False):  # only a pipeline configured by name runs its entities
            doc = ctx.spacy_doc()
            if doc.has_annotation("ENT_IOB"):
                entity_starts = {t.idx for ent in doc.ents if ent.label_ in NAME_ENTS for t in ent}
        forms: dict[str, Form] = {}
        count = len(words)
        # capitalised words (ALL CAPS from four letters) never written in lower case here,
        # found among the distinct words and then at their places, in text order
        names = [w for w in distinct if w[:1].isupper() and len(w) >= 3 and w.isalpha()
                 and not (w.isupper() and len(w) < 4) and w.lower() not in lower_words]
        # only a name that may pair with another needs its uses and their context read
        pairable = self._pairable({_title(w) for w in names})
        capitalised = sorted(i for w in names if _title(w) in pairable
                             for i in tokens.positions(w.lower()) if words[i] == w)
        for i in capitalised:
            word = words[i]
            start = tokens.starts[i]
            if word.isupper():
                word = word[0] + word[1:].lower()
            form = forms.setdefault(word, Form(word))
            form.spans.append((start, tokens.ends[i]))
            first = sent_starts[i] or i == 0 or _after_break(text, start)
            # entity tags only add evidence: a tagged name at a sentence start counts as a name
            if not first or (entity_starts is not None and start in entity_starts):
                form.mid_sentence = True
            if i > 0:
                prev = words[i - 1]
                if prev[:1].isupper() and prev.isalpha() or prev.lower() in self.titles:
                    form.before.add(prev.lower())
                    opens = sent_starts[i - 1] or i == 1 or _after_break(text, tokens.starts[i - 1])
                    if prev.lower() not in self.titles and (not opens or _first_name(prev)):
                        form.first_names.add(prev.lower())
            if i + 1 < count:
                nxt = words[i + 1]
                if nxt[:1].isupper() and nxt.isalpha():
                    form.as_first_name += 1
                    if len(nxt) > 2:
                        form.after.add(nxt.lower())
        return forms

    def check(self, ctx: Context) -> Iterable[Hit]:
        forms = self.candidates(ctx)
        words = sorted(forms, key=lambda w: forms[w].spans[0][0])
        same = UnionFind(words)
        strong: set[str] = set()  # words joined to their cluster by strong evidence
        for i, j in self._candidate_pairs(words):
            a, b = words[i], words[j]
            evidence = self._same_name(forms[a], forms[b])
            if evidence:
                same.union(a, b)
                if evidence == "strong":
                    strong.update((a, b))
        for members in same.groups():
            if len(members) > 1:
                severity = None if strong & set(members) else "info"
                yield from self._hits(ctx, [forms[m] for m in members], severity)

    def _pairable(self, words: set[str]) -> set[str]:
        """The words that share a transliteration bucket with another (see _candidate_pairs):
        no other word can be half of a pair."""
        buckets: dict[str, set[str]] = {}
        for word in words:
            if len(word) >= self.min_length:
                for variant in self._variants(word):
                    buckets.setdefault(variant, set()).add(word)
        return {w for members in buckets.values() if len(members) > 1 for w in members}

    def _candidate_pairs(self, words: list[str]) -> list[tuple[int, int]]:
        """Index pairs (i < j) whose transliteration keys are equal or one edit apart: the only
        pairs ``relation`` can accept. Found through buckets of one-letter deletions, so the
        work grows with the number of names, not with its square (1 MB of copy: minutes -> ms)."""
        buckets: dict[str, list[int]] = {}
        for index, word in enumerate(words):
            if len(word) < self.min_length:
                continue
            for variant in self._variants(word):
                buckets.setdefault(variant, []).append(index)
        pairs: set[tuple[int, int]] = set()
        for members in buckets.values():
            if len(members) < 2:
                continue
            for x, i in enumerate(members):
                pairs.update((i, j) for j in members[x + 1:])
        return sorted(pairs)

    def _variants(self, word: str) -> frozenset[str]:
        """The word's transliteration key and the key with each letter deleted (remembered:
        names recur from article to article)."""
        found = self._variant_cache.get(word)
        if found is None:
            key = self.translit.key(word)
            # plus the forms the spelling patterns make alike (ph -> f: Stephanopoulos, Stefanopoulos)
            alike = self.translit.pattern_keys(word)
            found = self._variant_cache[word] = frozenset(
                {key, *(key[:k] + key[k + 1:] for k in range(len(key))), *alike})
        return found

    def _same_name(self, a: Form, b: Form) -> str | None:
        """``"strong"``, ``"weak"`` (reported at info) or None: whether two forms are one
        name spelled two ways, and how sure the evidence is."""
        how = self.translit.relation(a.text, b.text, self.min_length, self.edit_min_length)
        pattern = None
        if min(len(a.text), len(b.text)) >= self.pattern_min_length:
            pattern = self.translit.pattern(a.text, b.text)
        if how is None and pattern is None or not (a.mid_sentence or b.mid_sentence):
            return None
        if fold(a.text) in self.known and fold(b.text) in self.known:
            return None  # both listed: the known-name rules speak
        if _disjoint(a.first_names, b.first_names) or _disjoint(a.after, b.after):
            return None  # Oleksii Reznikov and Oleksiy Danilov: two people, two first names
        if a.before & b.before or a.after & b.after:
            return "strong"
        if a.as_first_name == len(a.spans) or b.as_first_name == len(b.spans):
            return None  # a first name (Sandra, Henri) pairs only with the same surname after it
        if how != "spelling" and pattern is None and fold(a.text)[:1] != fold(b.text)[:1]:
            return None  # Reading / Yeading: a different first letter needs shared context
        if how is not None and (self.translit.marked(a.text) or self.translit.marked(b.text)):
            return "strong"
        if how is not None and self._lone_slip(a, b, how):
            return "strong"
        # One use each: a spelling pattern of the name's language, and no dictionary that
        # knows either form (two real names, Powell and Powel, are often both listed)
        # knows either form (two real names, Powell and Powel, are often both listed). A form
        # never introduced (no first name, never before another name) that echoes one
        # introduced with a first name refers back to that person (Pedro Sanchez ... Mr Sanches).
        outside = sum(not _is_word(f.text) for f in (a, b))
        echo = _echoes(a, b) or _echoes(b, a)
        if pattern is not None and (outside == 2 or outside == 1 and echo):
            return "strong"
        if (pattern is not None or how == "spelling") and (outside == 1 or echo):
            return "weak"
        if how in ("vowel", "letter") and (outside == 2 or echo) and fold(a.text)[:1] == fold(b.text)[:1]:
            return "weak"
        return None

    def _lone_slip(self, a: Form, b: Form, how: str) -> bool:
        """Without other evidence: one use against many, same first letter (Rodick once,
        Roddick eight times), which two different names rarely show."""
        needed = self.lone_slip_majority if how == "letter" else self.lone_slip_majority_spelling
        if needed <= 0 or fold(a.text)[:1] != fold(b.text)[:1]:
            return False
        few, many = sorted((len(a.spans), len(b.spans)))
        return few == 1 and many >= needed

    def _hits(self, ctx: Context, forms: list[Form], severity: str | None = None) -> Iterable[Hit]:
        def listed(form: str, majority: str) -> bool:
            return fold(form) in self.known and fold(majority) in self.known  # NL101/NL102 speak

        return minority_hits(self, ctx, {f.text: f.spans for f in forms}, severity=severity, skip=listed)


def _echoes(bare: Form, introduced: Form) -> bool:
    """``bare`` is used only on its own (no first name, never before another name) while
    ``introduced`` came with a first name: a later mention of the same person."""
    return not bare.first_names and bare.as_first_name == 0 and bool(introduced.first_names)


def _is_word(word: str) -> bool:
    """The spelling dictionary knows the word (a common name such as Powell, or a word)."""
    from ..lexicon import is_word

    return is_word(word)


def _first_name(word: str) -> bool:
    """A capitalised word opening a sentence that is a given name, not a sentence word:
    the dictionary lists it only with a capital (Andrew, not Later), or not at all."""
    try:
        from ..lexicon import _hunspell  # the en_GB dictionary keeps proper names apart
        speller = _hunspell()
    except Exception:  # noqa: BLE001 - no dictionary: no first name found at a sentence start
        return False
    if len(word) < 3 or not word[:1].isupper() or not word[1:].islower():
        return False
    return not speller.lookup(word.lower())


def _title(word: str) -> str:
    """ALL CAPS folded to Title, the spelling a form is kept under."""
    return word[0] + word[1:].lower() if word.isupper() else word


def _disjoint(a: set[str], b: set[str]) -> bool:
    return bool(a) and bool(b) and not a & b


def _after_break(text: str, offset: int) -> bool:
    """A word right after a line break or an opening quote starts a sentence or heading."""
    before = text[max(0, offset - 3):offset].rstrip(" \t\"“‘'(")
    return before == "" or before.endswith(("\n", "\r", ":", ".", "!", "?"))


def _known_words(codes: Any) -> frozenset[str]:
    """Every word of the variants of the named house-spelling rules (bundled packs)."""
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise PackError("'known-from' must be a list of rule codes")
    if not codes:
        return frozenset()
    from ..packs import load_pack
    from ..resources import bundled_packs

    words: set[str] = set()
    found: set[str] = set()
    for path in bundled_packs():
        for rule in load_pack(str(path)).rules:
            if rule.code in codes and isinstance(rule.spec.get("groups"), list):
                found.add(rule.code)
                for group in rule.spec["groups"]:
                    for variant in group.get("variants", []) if isinstance(group, dict) else []:
                        words.update(fold(w) for w in variant.split())
    missing = set(codes) - found
    if missing:
        raise PackError(f"known-from: no house-spelling rule {', '.join(sorted(missing))} in the bundled packs")
    return frozenset(words)
