"""``agreement``: subject-verb agreement read from a trained pipeline's tags and parse.

A cheap gate, with no spaCy, picks the sentences that hold a candidate: a finite verb
form of the number being checked (``is``, ``was``, ``has``, any verb's -s form from
lemminflect; or ``are``, ``were``, ``have``, a plain form) with, a few words before it,
a possible subject of the other number (a plural noun form, a plural without -s such as
``people``, ``and`` for coordinated subjects). Only those sentences are tagged and parsed
(:func:`newslint.nlp.sentence_docs`). The parse then finds the verb's subject
(``nsubj``; through ``who``/``that``/``which`` to the noun a relative clause hangs on) and
the rule flags a verb whose number differs from the subject's.

Pack fields:

- ``verb-number``: ``"singular"`` (flag a singular verb after a plural subject) or
  ``"plural"`` (flag a plural verb after a singular noun).
- ``subject``: ``"noun"`` (one common noun) or ``"coordinated"`` (nouns joined by ``and``).
- ``word-lists``: a TOML file (relative to the pack) of the lists the check consults:
  ``either-number`` (collective nouns that take either number: never flagged),
  ``singular-in-s`` (news, politics), ``plural-without-s`` (people, police),
  ``partitive`` (a lot of, the majority of: the verb follows the noun after ``of``),
  ``quantity`` (units: five years is, 20 miles is), ``mandative`` (words after which a
  plain verb is a subjunctive: demand that the minister resign) and ``condition``
  (words after which ``were`` is a subjunctive: if the vote were held),
  ``plural-quantifier`` (several, many, both, dozens: plural as a subject, 'many of whom
  are') and ``of-quantifier`` (most, some, all, half: the number of the noun after 'of').
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..nlp import sentence_docs
from ..records import Hit
from .base import Context, PackError, RuleKind
from .pattern import required_word_lists

SINGULAR_FINITE = frozenset({"is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't",
                             "isn’t", "wasn’t", "hasn’t", "doesn’t"})
PLURAL_FINITE = frozenset({"are", "were", "have", "do", "aren't", "weren't", "haven't", "don't",
                           "aren’t", "weren’t", "haven’t", "don’t"})
#: The gate looks this many words back from a verb for a possible subject.
WINDOW = 8
LISTS = ("either-number", "singular-in-s", "plural-without-s", "partitive", "quantity", "mandative", "condition",
         "plural-quantifier", "of-quantifier")
SWAP = {"is": "are", "was": "were", "has": "have", "does": "do", "are": "is", "were": "was", "have": "has",
        "do": "does"}
RELATIVE = frozenset({"who", "that", "which"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
AUX_DEPS = frozenset({"aux", "auxpass"})
#: A line that holds a sentence ends with a full stop, perhaps inside quotes or brackets.
ENDING = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def lemminflect() -> Any:
    """lemminflect without the spaCy import it would make (one loader for every rule)."""
    from ..wordforms import lemminflect_module

    return lemminflect_module()


@lru_cache(maxsize=65536)
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    return dict(lemminflect().getAllLemmas(word))


@lru_cache(maxsize=65536)
def verb_form(word: str) -> str | None:
    """'singular' for a verb's -s form (applies), 'plural' for its plain form (apply), else None."""
    inflect = lemminflect().getInflection
    for lemma in lemmas(word).get("VERB", ()):
        if word in inflect(lemma, "VBZ"):
            return "singular"
        if word in inflect(lemma, "VBP"):
            return "plural"
    return None


def swap_verb(word: str, to_plural: bool) -> str | None:
    """The verb in the other number: is -> are, applies -> apply, say -> says."""
    lower = word.lower()
    core = lower.replace("’", "'")
    if core.endswith("n't"):
        base = SWAP.get(core[:-3])
        return base + word[len(core) - 3:] if base else None
    if lower in SWAP:
        return SWAP[lower]
    for lemma in lemmas(lower).get("VERB", ()):
        forms = lemminflect().getInflection(lemma, "VBP" if to_plural else "VBZ")
        if forms:
            return forms[0]
    return None


#: Words that may open what stands between a subject and its verb: a prepositional
#: phrase ('the number of cases are') or a relative clause ('voters who has').
BRIDGE_OPENERS = frozenset({"of", "in", "on", "at", "for", "from", "with", "across", "around", "near", "under",
                            "over", "by", "between", "among", "outside", "inside", "behind", "into", "about",
                            "who", "that", "which", "whose", "to", "within", "without", "like", "throughout"})
BRIDGE_ADVERBS = frozenset({"also", "still", "now", "never", "already", "often", "only", "all", "both", "just",
                            "always", "usually", "really", "even", "not", "clearly", "certainly", "then"})


#: Words opening an aside between commas that belongs to the verb: 'for example', 'in fact'.
ASIDES = frozenset({"for", "in", "of", "however", "finally", "also", "though", "after", "by", "at", "like"})
PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it", "this", "that", "these", "those", "who", "which",
                      "what", "there", "one", "us", "them", "him", "her", "me"})
#: Words that open a clause after 'and' (', and it was'): not a second subject.
CLAUSE_SUBJECTS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that", "there", "then", "so",
                             "now", "yet", "also", "is", "was", "has"})
PLURAL_DETERMINERS = frozenset({"these", "those", "both", "many", "several", "few", "various", "numerous", "some",
                                "all", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
OBJECT_OPENERS = frozenset({"that", "the", "a", "an", "it", "he", "she", "they", "we", "to", "this", "his", "her",
                            "their", "its", "there", "no", "more", "him", "them", "us", "me"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "our", "their", "my", "your",
                         "every", "each"})


def quoted(text: str, at: int) -> bool:
    """Whether offset ``at`` stands inside a quotation opened earlier on its line."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    return line.count("\u201c") > line.count("\u201d") or line.count('"') % 2 == 1


def nxt_word(lower: list[str], i: int) -> str:
    return lower[i + 1] if i + 1 < len(lower) else ""


def bridges(between: list[str], coordinated: bool) -> bool:
    """Whether the words between a possible subject and a verb can be the subject's own
    phrase: nothing, an adverb, or a short phrase opened by a preposition or 'who'.
    Most sentences hold some plural noun and some singular verb; only this shape is worth
    tagging."""
    words = [w for w in between if not w.isspace()]
    if not words:
        return True
    if len(words) > 3 and words[-1] == "," and words.count(",") == 2 and words[0] != "," and not coordinated:
        # a parenthesis after the subject's own phrase: 'users in Asia, for example, wants'
        words = words[:words.index(",")]
    if len(words) == 1 and (words[0] in BRIDGE_ADVERBS or words[0].endswith("ly")):
        return True
    if words[0] == "," and words[-1] == "," and 2 < len(words) <= 2 * WINDOW and words.count(",") == 2 \
            and not coordinated:
        return True  # a parenthesis: 'the dogs, finally, is', 'gases, such as carbon dioxide, prevents'
    if words in ([",", "which"], [",", "who"]) and not coordinated:
        return True  # 'the company, which employ': the noun a relative clause hangs on
    if any(w in (",", ";", ":", "(", ")", "—", "–") for w in words) or len(words) > WINDOW - 1:
        return False
    if coordinated:
        return len(words) <= 4
    return words[0] in BRIDGE_OPENERS


class Kind(RuleKind):
    fields = {"verb-number": str, "subject": str, "word-lists": str}
    required = ("verb-number", "subject")
    needs = frozenset({"tokens", "pos", "dep"})

    def configure(self, spec: dict[str, Any]) -> None:
        self.number = spec["verb-number"]
        if self.number not in ("singular", "plural"):
            raise PackError("'verb-number' must be \"singular\" or \"plural\"")
        self.subject = spec["subject"]
        if self.subject not in ("noun", "coordinated"):
            raise PackError("'subject' must be \"noun\" or \"coordinated\"")
        if self.subject == "coordinated" and self.number == "plural":
            raise PackError("a coordinated subject is checked against singular verbs only")
        self.lists = required_word_lists(self.rule.pack_path, spec.get("word-lists", "data/agreement.toml"), LISTS)

    # -- the gate: no spaCy --------------------------------------------------------------
    def _verb_candidate(self, word: str) -> bool:
        if self.number == "singular":
            return word in SINGULAR_FINITE or (word.endswith("s") and verb_form(word) == "singular")
        return word in PLURAL_FINITE or verb_form(word) == "plural"

    def _subject_candidate(self, word: str) -> bool:
        if word in PRONOUNS:
            return False
        if self.subject == "coordinated":
            return word == "and"
        if self.number == "singular":
            if word in self.lists["plural-without-s"] or word in self.lists["plural-quantifier"] or (
                    word in self.lists["of-quantifier"]):
                return True
            if word in self.lists["singular-in-s"] or word in self.lists["either-number"]:
                return False
            return any(lemma != word for lemma in lemmas(word).get("NOUN", ()))
        # plural verb: a singular noun right before it, or 'number' / 'list' ... of
        nouns = lemmas(word).get("NOUN", ())
        return (word in nouns and word not in self.lists["plural-without-s"]
                and word not in self.lists["either-number"])

    def gate(self, ctx: Context) -> tuple[list[tuple[int, int]], set[int]]:
        """Sentences holding a candidate, and the start offsets of the candidate verbs."""
        tokens = ctx.tokens()
        lower = tokens.lower
        picked: dict[tuple[int, int], None] = {}
        verbs: set[int] = set()
        span_of = tokens.sentence_of
        text = ctx.text
        for i, word in enumerate(lower):
            if i == 0 or lower[i - 1] == "to" or not self._verb_candidate(word):
                continue
            span = span_of(i)
            at = tokens.starts[i]
            line_end = text.find("\n", at)
            if not ENDING.search(text, at, len(text) if line_end < 0 else line_end):
                continue  # a headline or a caption: often a fragment ('Muslim police stops more likely')
            if quoted(text, at):
                continue  # a speaker's own words are reported as spoken
            back = WINDOW if self.number == "singular" or word in PLURAL_FINITE else 1
            if self.number == "plural" and lower[i - 1] in RELATIVE:
                back = 3  # 'the minister who were', 'the company, which employ'
            if word not in SINGULAR_FINITE | PLURAL_FINITE and "NOUN" in lemmas(word):
                # 'claims', 'deal': as often a noun; tried only right after a possible subject,
                # and a plain form only before a clause or an object ('the minister say the ...')
                nxt = lower[i + 1] if i + 1 < len(lower) else ""
                if self.number == "plural" and nxt not in OBJECT_OPENERS:
                    continue
                back = 2 if lower[i - 1] in ("who", "that") else 1
                if self.number == "plural" and lower[i - 1] in RELATIVE:
                    back = 3
                following = nxt_word(lower, i)
                if self.number == "singular" and (following in OBJECT_OPENERS or following.endswith("ly")):
                    back = WINDOW  # 'the dogs of war barks loudly', 'users in Asia wants to': a verb by what follows
            if back == WINDOW and i > 1 and lower[i - 1] == ",":
                back = 2 * WINDOW + 1  # room for a parenthesis between commas
            if self._inversion_candidate(lower, i, tokens.starts, span[0]) or self._after_relative(lower, i):
                picked[span] = None
                verbs.add(tokens.starts[i])
                continue
            for j in range(i - 1, max(-1, i - 1 - back), -1):
                if tokens.starts[j] < span[0]:
                    break
                if back == 1 and self.number == "plural" and (j == 0 or lower[j - 1] not in DETERMINERS):
                    break  # a plain verb is tried only after 'the minister', 'a spokesman'
                if (self._subject_candidate(lower[j]) and bridges(lower[j + 1: i], self.subject == "coordinated")
                        and not self._inside_phrase(lower, j, span[0], tokens.starts)):
                    picked[span] = None
                    verbs.add(tokens.starts[i])
                    break
        return list(picked), verbs

    def _after_relative(self, lower: list[str], i: int) -> bool:
        """'The budget, which must be approved by parliament, tighten the rules': a plain
        verb before its object right after a relative clause between commas, which hangs
        on a singular noun with a determiner."""
        if self.number != "plural" or self.subject != "noun" or lower[i - 1] != "," or (
                nxt_word(lower, i) not in OBJECT_OPENERS or lower[i] in PLURAL_FINITE):
            return False
        for k in range(i - 2, max(1, i - 2 * WINDOW), -1):
            if lower[k] == ",":
                return (k + 1 < i and lower[k + 1] in ("which", "who") and k >= 2
                        and self._subject_candidate(lower[k - 1]) and lower[k - 2] in DETERMINERS)
        return False

    def _inversion_candidate(self, lower: list[str], i: int, starts: list[int], first: int) -> bool:
        """'Among the runners was dozens of', 'There is now more people': 'is'/'was'/'has'
        after 'there' or an opening prepositional phrase, a plural noun a few words on."""
        if self.number != "singular" or self.subject != "noun" or lower[i] not in ("is", "was", "has"):
            return False
        k = i - 1
        while k >= 0 and starts[k] >= first and (lower[k] in BRIDGE_ADVERBS):
            k -= 1
        opening = [w for w, at in zip(lower[:i], starts[:i], strict=False) if at >= first]
        if not (k >= 0 and lower[k] == "there" or opening and opening[0] in BRIDGE_OPENERS - RELATIVE):
            return False
        return any(self._subject_candidate(w) for w in lower[i + 1:i + 5])

    def _inverted(self, doc: Any, verb: Any, head: Any) -> str | None:
        """The plural subject standing after a singular verb in an inversion: after 'there'
        ('There is now more people') or after an opening prepositional phrase ('Among
        the runners was dozens of athletes'); a noun joined to another by 'and' ('was a
        woman and her son') is left alone."""
        if self.number != "singular" or self.subject != "noun" or verb.lower_ not in ("is", "was", "has"):
            return None
        kids = list(head.children)
        expl = any(c.dep_ == "expl" and c.i < verb.i for c in kids)
        opening = (doc[0].tag_ == "IN" and doc[0].head.i == head.i and doc[0].dep_ == "prep"
                   and doc[0].right_edge.i + 1 == verb.i)
        if not (expl or opening) or any(c.dep_ in (*SUBJECT_DEPS, "csubj") and c.i < verb.i for c in kids):
            return None
        after = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "attr") and c.i > verb.i]
        if len(after) != 1:
            return None
        subject = after[0]
        if any(c.dep_ == "conj" for c in subject.children) or not subject.is_lower:
            return None
        if self._plural_quantifier(subject):
            return subject.text
        if subject.lower_ in self.lists["plural-quantifier"] and subject.tag_ == "NNS":
            return subject.text  # 'dozens of', 'hundreds of'
        if not self._common_noun(doc, subject) or subject.lower_ in self.lists["partitive"]:
            return None
        return subject.text if self._number(subject) == "plural" else None

    def _inside_phrase(self, lower: list[str], j: int, first: int, starts: list[int]) -> bool:
        """Whether the possible subject at ``j`` stands in a prepositional phrase ('officials
        in the region have': 'region' is not the subject), or, for 'and', joins clauses
        (', and it was')."""
        if self.subject == "coordinated":
            after = lower[j + 1] if j + 1 < len(lower) else ""
            return (j > 0 and lower[j - 1] == ",") or after in CLAUSE_SUBJECTS
        k = j - 1
        if k >= 0 and starts[k] >= first and lower[k] in DETERMINERS:
            k -= 1
        return (k >= 0 and starts[k] >= first and lower[k] in BRIDGE_OPENERS and lower[k] not in RELATIVE
                and lower[k] != "whose")

    # -- the check: tags and parse -------------------------------------------------------
    def check(self, ctx: Context) -> Iterable[Hit]:
        spans, candidates = self.gate(ctx)
        if not spans:
            return
        for offset, doc in sentence_docs(ctx, spans):
            for verb in doc:
                if offset + verb.idx not in candidates:
                    continue
                found = self._disagreement(doc, verb)
                if found is None:
                    continue
                subject = found
                start = offset + verb.idx
                end = start + len(verb.text)
                fix = swap_verb(verb.text, self.number == "singular")
                message = self.format(verb=verb.text, subject=subject, fix=fix or "", match=verb.text)
                replacements = [fix] if fix else []
                yield Hit(start, end, message, replacements=replacements, fix=fix, safe=False)

    def _finite(self, verb: Any) -> bool:
        lower = verb.lower_
        if lower in ("'s", "’s", "'re", "’re", "'ve", "’ve", "'m", "’m"):
            return False
        if self.number == "singular":
            return verb.tag_ == "VBZ" or lower in ("was", "wasn't", "wasn’t")
        if verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(c.dep_ in AUX_DEPS for c in verb.children):
            return True  # 'The budget, which ..., tighten the rules': the tagger reads a plain form after a comma as VB
        return verb.tag_ == "VBP" or lower in ("were", "weren't", "weren’t")

    def _disagreement(self, doc: Any, verb: Any) -> str | None:
        """The subject's text when ``verb`` is a finite verb that disagrees with it."""
        if not self._finite(verb) or (verb.text[:1].isupper() and verb.i > 0):
            return None  # 'Are We There Yet?', a title
        head = verb.head if verb.dep_ in AUX_DEPS else verb
        plain = head.i == verb.i and verb.lower_ not in PLURAL_FINITE | SINGULAR_FINITE
        if plain and self.number == "plural" and (verb.i + 1 >= len(doc) or doc[verb.i + 1].is_punct):
            return None  # a lone word after a noun is as likely a noun ('my ankle turn,')
        if any(c.dep_ in AUX_DEPS and c.i < verb.i for c in head.children):
            return None  # not the first verb of its group ('will have', 'would be')
        inverted = self._inverted(doc, verb, head)
        if inverted is not None:
            return inverted
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or (subject.i > verb.i and self.number == "plural"):
            return None
        if subject.lower_ in RELATIVE:
            if self.number == "plural":
                antecedent = self._plural_relative(doc, subject, verb, head)
                if antecedent is None:
                    return None
                return antecedent.text if self._number(antecedent) == "singular" else None
            antecedent = head.head
            # 'which' may stand for a whole clause; an antecedent inside a prepositional
            # phrase ('a game for phones which sends') may not be the one meant
            comma = antecedent.i == subject.i - 2 and doc[subject.i - 1].text == ","
            if (head.dep_ != "relcl" or not (antecedent.i == subject.i - 1 or comma)
                    or antecedent.dep_ == "pobj" or self.subject == "coordinated"):
                return None
            if subject.lower_ == "which" and not (comma and self._main_subject(antecedent)):
                return None  # ', which means': only a subject's own clause cannot stand for a whole clause
            of = antecedent.head
            if of.lower_ == "of" and of.head.tag_ in ("CD", "DT", "NN", "JJS", "PRP"):
                return None  # 'one of the people who are', 'the rest of those who'
            subject = antecedent
        elif not self._structured(doc, subject, verb, head):
            return None
        conjuncts = [c for c in subject.children if c.dep_ == "conj"]
        if self.subject == "noun" and self.number == "singular" and not conjuncts and self._plural_quantifier(subject):
            return subject.text  # 'several of the juniors comes', 'many of whom was', 'most of the candidates has'
        if self.subject == "coordinated":
            return self._coordinated(doc, subject, conjuncts, verb)
        if conjuncts or subject.dep_ == "conj" or not self._common_noun(doc, subject):
            return None
        if self.number == "plural" and any(c.lower_ in PLURAL_DETERMINERS for c in subject.children):
            return None  # 'these error are': the noun is the slip, not the verb
        if subject.i > 0 and doc[subject.i - 1].tag_ == "PRP":
            return None  # 'everyone of us lives has': a verb the tagger read as a noun
        if self.number == "singular" and any(c.lower_ in ("more", "fewer", "less") for c in subject.children):
            return None  # 'more people with broadband means ...': the increase is the subject
        if subject.left_edge.lower_ == "how":
            return None  # 'how many stations is the journey': a question about a quantity
        if self.number == "plural" and subject.text[:1].isupper():
            return None  # 'Apple offer', 'Bath have': British copy treats firms and teams as plural
        if verb.tag_ == "VB" and not self._relative_between(doc, subject, verb):
            return None
        if plain and self.number == "plural" and (subject.i != verb.i - 1 and not self._relative_between(
                doc, subject, verb) or not any(c.dep_ in ("det", "poss") for c in subject.children)):
            return None  # a plain verb is checked only right after 'the minister', 'a spokesman'
        edge = subject.left_edge.i
        nouns = ("NN", "NNS", "NNP", "NNPS", "PRP")
        before = doc[edge - 1] if edge > 0 else None
        if any(c.dep_ == "csubj" for c in head.children) or before is not None and (
                before.tag_ in ("IN", "TO", "RP") and before.dep_ != "mark" or before.tag_ == "CC" and (
                    before.head.tag_ in nouns or edge > 1 and doc[edge - 2].tag_ in nouns)):
            return None  # 'capitalising on Brits success were ...', 'feedback or requests is': not the subject
        number = self._number(subject)
        if number is None or number == self.number:
            return None
        if self.number == "plural" and self._subjunctive(doc, subject, verb):
            return None
        return subject.text

    @staticmethod
    def _main_subject(noun: Any) -> bool:
        """Whether ``noun`` is the subject of a verb that comes after it ('The plans, which
        include a bypass, will be decided'): a clause hung on it is about the noun."""
        return noun.dep_ in SUBJECT_DEPS and noun.head.i > noun.i and noun.head.pos_ in ("VERB", "AUX")

    @staticmethod
    def _relative_between(doc: Any, subject: Any, verb: Any) -> bool:
        """'The budget, which must be approved, tighten': only a relative clause between
        commas stands between the subject and its verb."""
        return (doc[subject.i + 1].text == "," and doc[verb.i - 1].text == "," and any(
            c.dep_ == "relcl" and c.right_edge.i == verb.i - 2 for c in subject.children))

    def _plural_quantifier(self, subject: Any) -> bool:
        """A quantifier standing as the subject that is plural: 'several', 'many', 'both'
        ('many of whom'), or 'most', 'some', 'half' of a plural noun ('most of the
        candidates'), the noun not a quantity ('most of the five years')."""
        lower = subject.lower_
        of = [c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"]
        if len(of) != 1 or subject.tag_ not in ("JJ", "JJS", "DT", "NNS", "PDT", "NN", "CD"):
            return False
        if lower in self.lists["plural-quantifier"]:
            return True
        if lower not in self.lists["of-quantifier"]:
            return False
        objects = [c for c in of[0].children if c.dep_ == "pobj"]
        return (len(objects) == 1 and objects[0].tag_ == "NNS" and self._number(objects[0]) == "plural"
                and not any(c.dep_ == "conj" for c in objects[0].children))

    def _plural_relative(self, doc: Any, subject: Any, verb: Any, head: Any) -> Any:
        """The singular noun a relative clause with a plural verb hangs on ('the minister
        who were'), or None where the clause may hang on another noun: the noun must stand
        right before 'who'/'that' (or before ', which': a plural verb cannot be a 'which'
        that stands for a whole clause), outside a prepositional phrase, not after 'one of'.
        Only 'are', 'were', 'have', 'do' and a plain verb before its object are read."""
        if head.dep_ != "relcl" or self.subject == "coordinated":
            return None
        antecedent = head.head
        gap = subject.i - antecedent.i
        if subject.lower_ == "which":
            if gap != 2 or doc[subject.i - 1].text != ",":
                return None
        elif gap != 1:
            return None
        if antecedent.dep_ == "pobj" or not self._common_noun(doc, antecedent) or antecedent.tag_ != "NN":
            return None
        if any(c.dep_ == "prep" for c in antecedent.children if c.i < subject.i):
            return None  # 'the leader of the rebels who were': which noun is meant is not clear
        if verb.lower_ not in PLURAL_FINITE and (verb.i + 1 >= len(doc) or doc[verb.i + 1].tag_ not in (
                "DT", "PRP$", "CD", "NNS")):
            return None  # 'activity who happen': a plain verb only before its object
        return antecedent

    @staticmethod
    def _structured(doc: Any, subject: Any, verb: Any, head: Any) -> bool:
        """The words between subject and verb belong to the subject (its prepositional
        phrase, its relative clause) or modify the verb; and the subject is not a
        noun modifying the next noun ('the cost savings')."""
        if subject.i > verb.i:
            return True
        if subject.i + 1 < len(doc) and doc[subject.i + 1].tag_ in ("NN", "NNS") and subject.i + 1 != verb.i:
            return False
        inside = {t.i for t in subject.subtree}
        for child in head.children:  # 'my mother, for example, is': a phrase of the verb's own
            if subject.i < child.i < verb.i and child.dep_ in ("prep", "advmod") and child.lower_ in ASIDES:
                inside.update(t.i for t in child.subtree)
        return all(t.i in inside or (t.head.i == head.i and t.dep_ in ("advmod", "neg", "punct")) or t.head.i == verb.i
                   for t in doc[subject.i + 1: verb.i])

    def _common_noun(self, doc: Any, token: Any) -> bool:
        if token.tag_ not in ("NN", "NNS") or not token.is_alpha:
            return False
        if token.text[:1].isupper() and token.i > 0 and not doc[token.i - 1].is_punct:
            return False  # a name or title: 'The Times says', 'Friends is back'
        return not any(c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") for c in token.children)

    def _number(self, subject: Any) -> str | None:
        lower = subject.lower_
        lists = self.lists
        if lower in lists["either-number"]:
            return None  # 'the government has / have' (its plural, 'governments', is plain plural)
        if lower in lists["partitive"]:
            if (lower == "number" and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
                    and any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)):
                return "singular"  # 'the number of cases is'
            return None  # 'more than half are', 'a lot of people are'
        if lower in lists["plural-without-s"]:
            return "plural"
        if lower in lists["singular-in-s"]:
            return "singular"
        nouns = lemmas(lower).get("NOUN", ())
        if subject.tag_ == "NNS":
            if lower in lists["quantity"] or any(c.tag_ == "$" for c in subject.children):
                return None  # 'five years is a long time', '£5m was'
            if any(c.dep_ == "nummod" or c.tag_ == "CD" for c in subject.children) and not self._counted(subject):
                return None
            if nouns and lower in nouns:
                return None  # spelt like a singular too ('series', 'means'): trust neither
            return "plural"
        if nouns and lower not in nouns:
            return None  # tagged singular but spelt as a plural
        return "singular"

    @staticmethod
    def _counted(subject: Any) -> bool:
        """Whether a number before a plural noun counts things the verb is said of
        ('about 790,000 treatments was outstanding', '2,000 homes was left'), rather than
        naming an amount ('1,000 signatures is enough', 'two goals was the margin')."""
        verb = subject.head
        if subject.i > verb.i:
            return True  # 'Among the dead was two children': the number is the subject's own
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if after is None or after.tag_ in ("DT", "PRP$", "CD", "RBR", "JJR") or after.lower_ in (
                "enough", "too", "plenty", "more", "less", "not", "n't", "a", "the", "all", "just", "only", "what"):
            return False
        return all(c.lower_ not in ("one", "1") for c in subject.children)

    def _subjunctive(self, doc: Any, subject: Any, verb: Any) -> bool:
        before = [t.lower_ for t in doc[: subject.i]]
        if verb.lower_.startswith("were"):
            return any(w in self.lists["condition"] for w in before)
        return any(w in self.lists["mandative"] for w in before)

    def _coordinated(self, doc: Any, subject: Any, conjuncts: list[Any], verb: Any) -> str | None:
        if not conjuncts or not any(c.dep_ == "cc" and c.lower_ == "and" for c in subject.children):
            return None
        if subject.i > verb.i:
            return None  # 'Among the dead were ... and ...' reads the other way
        members = [subject, *conjuncts]
        between = doc[subject.i: conjuncts[-1].i]
        if any(c.dep_ == "nummod" for c in subject.children) or any(
                t.tag_ in ("IN", "TO", "WDT", "WP") or t.pos_ in ("VERB", "AUX") for t in between):
            return None  # 'Two clicks and your programme is downloading', 'the gap between X and Y is'
        if conjuncts[-1].text[:1].isupper() and conjuncts[-1].tag_ != "PRP":
            return None  # 'Marks and Spencer is', a firm's name
        if any(c.dep_ == "det" and c.lower_ in ("each", "every", "no") for m in members for c in m.children):
            return None
        if any(m.tag_ not in ("NN", "NNS", "NNP", "NNPS", "PRP") for m in members):
            return None
        second = conjuncts[-1]
        # a unit ('law and order', 'the chairman and chief executive') has one determiner
        own = any(c.dep_ in ("det", "poss", "nummod") for c in second.children) or second.tag_ == "PRP" or (
            second.tag_ == "NNS" and any(c.dep_ in ("det", "poss") for c in subject.children))
        if not own:
            return None
        if second.tag_ in ("NN", "NNS") and second.lower_ in self.lists["either-number"]:
            return None
        return " and ".join(m.text for m in members)
