"""``spelling``: words that are not English and sit one slip away from a common word.

A word is reported only when all of these hold, so that names, new words and loanwords
stay quiet:

* it is not a word of the article's variety (:mod:`newslint.lexicon`: word counts plus
  the en_GB Hunspell dictionary), nor in the newsroom's ``dictionary`` files;
* it is written in lower case; a capitalised word is checked only where a sentence
  opens, and only when the article never uses it mid-sentence, no gazetteer (pycountry,
  the names/places packs) knows it and no name in the article is within two letters
  of it (a misspelt name is the names rules' business, NL103);
* it is no URL, e-mail address, handle, hashtag, acronym, number with a unit, code, or
  mixed-case brand (iPhone); a hyphenated compound is read part by part;
* a dictionary word is one slip away (a letter dropped, added, changed, or two letters
  swapped; or two letters dropped) and common (its count reaches ``min-frequency``).

Suggestions are ranked by edit distance, then word frequency; the fix (never safe:
an editor confirms) is offered only when one suggestion is clearly the best.
The variety is the house style's (preset ``locale``, ``[options.NL001] locale``), else
the article's own: the American/British word list of NL701 decides it.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .. import lexicon
from ..records import Hit
from ..resources import data_path
from ..toml import load_toml
from .base import Context, PackError, RuleKind

LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: A whitespace-delimited chunk of text, and the punctuation that may wrap a word in it.
_CHUNK = re.compile(r"\S+")
_WRAP = "\"'“”‘’«»()[]{}<>,.;:!?…*_|"
_DASHES = re.compile(r"(?:--|[-–—/])")
_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_CONTRACTION = re.compile(r"(?i)(?:['’](?:s|d|ll|re|ve|m)|n['’]t)$")
#: What ends a sentence; after a colon a capital is a name or a quotation ("Subs: Hamann").
_SENTENCE_END = (".", "!", "?", "\n", "…")
#: A capitalised word followed by another (Sheff Utd, Calum MacRae, "Dudek, Finnan") is a name.
_NEXT_CAPITAL = re.compile(r"[,;]?[ \t]+\(?[A-Z]")


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Capitalised words of country and subdivision names (pycountry) and of the names,
    places and countries packs, lower-cased: never misspellings at a sentence start."""
    words: set[str] = set()
    try:
        import pycountry

        for country in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                words.update(re.findall(r"[^\W\d_]+", getattr(country, attr, "") or ""))
        for sub in pycountry.subdivisions:
            words.update(re.findall(r"[^\W\d_]+", sub.name))
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    for parts in (("names.toml",), ("places.toml",), ("knowledge", "countries.toml")):
        path = data_path(*parts)
        if path.is_file():
            words.update(re.findall(r"\b[A-Z][^\W\d_]+", path.read_text(encoding="utf-8")))
    return frozenset(w.lower() for w in words if w[:1].isupper())


VOWELS = frozenset("aeiouy")


def _deletes1(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _inserts1(word: str) -> set[str]:
    return {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in LETTERS}


def _deletes2(word: str) -> set[str]:
    n = len(word)
    return {word[:i] + word[i + 1:j] + word[j + 1:] for i in range(n) for j in range(i + 1, n)}


def neighbours(word: str) -> set[str]:
    """Strings one edit from ``word`` (a letter dropped, added, changed, two swapped) or
    a drop plus an add: every string that shares a one-letter deletion with it."""
    near1 = _deletes1(word)
    out = set(near1) | _inserts1(word)
    for d in near1:
        out |= _inserts1(d)
    out.discard(word)
    return out


def slip_cost(typed: str, meant: str) -> float:
    """Damerau-Levenshtein distance from the word meant to the word typed, weighted by
    how typists slip: a dropped or doubled double letter (0.5), two letters swapped
    (0.6), a vowel for a vowel (0.8), a vowel dropped (0.8) or added (0.9); the first
    letter is rarely wrong (x1.5)."""
    n, m = len(typed), len(meant)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = float(i)
    for j in range(1, m + 1):
        d[0][j] = float(j)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            a, b = typed[i - 1], meant[j - 1]
            if a == b:
                best = d[i - 1][j - 1]
            else:
                best = d[i - 1][j - 1] + (0.8 if a in VOWELS and b in VOWELS else 1.0) * (1.5 if i == j == 1 else 1.0)
            # a letter typed that is not meant
            extra = 0.5 if (i > 1 and typed[i - 2] == a) or (i < n and typed[i] == a) else 0.9 if a in VOWELS else 1.0
            best = min(best, d[i - 1][j] + extra * (1.5 if i == 1 else 1.0))
            # a letter meant that was not typed
            dropped = 0.5 if (j > 1 and meant[j - 2] == b) or (j < m and meant[j] == b) else 0.8 if b in VOWELS else 1.0
            best = min(best, d[i][j - 1] + dropped * (1.5 if j == 1 else 1.0))
            if i > 1 and j > 1 and a == meant[j - 2] and typed[i - 2] == b:
                best = min(best, d[i - 2][j - 2] + 0.6)
            d[i][j] = best
    return d[n][m]


@lru_cache(maxsize=8192)
def candidates(word: str, system: str | None, min_frequency: int) -> tuple[tuple[str, float, int], ...]:
    """(suggestion, score, frequency) for a lower-case non-word, best (lowest) first.

    Candidates are dictionary words of the variety at least ``min_frequency`` common,
    one slip away (two for words of seven letters or more, when no one-slip word is
    common enough). The score is the weighted slip cost less a tenth of log10 frequency.
    """
    found: list[tuple[str, float, int]] = []
    pool = neighbours(word)
    if word.endswith("ys") and word[-3:-2] not in VOWELS:
        pool.add(word[:-2] + "ies")  # propertys: the plural of a -y noun
    for far in (False, True):
        if far:
            if found or len(word) < 7:
                break
            pool = _deletes2(word)
        for cand in pool:
            freq = lexicon.frequency(cand)  # a plain look-up: most strings are no word
            if freq < min_frequency or not lexicon.known_lower(cand, system):
                continue
            cost = 0.5 if cand == word[:-2] + "ies" else slip_cost(word, cand)
            if cost > 1.5:
                continue
            found.append((cand, round(cost - 0.1 * math.log10(freq), 3), freq))
    found.sort(key=lambda t: (t[1], t[0]))
    return tuple(found)


#: How common (pyspellchecker count) the content word of a run-together pair must be:
#: "the city" (199,327) yes, "nat us" (297) no.
PAIR_CONTENT = 2000


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """rules/data/function-words.toml: the closed-class words a run-together pair needs."""
    data, _ = load_toml(data_path("data", "function-words.toml"))
    return frozenset(str(w).lower() for w in data.get("words", []))


def two_words(word: str, system: str | None, min_frequency: int) -> str | None:
    """``word`` as two words run together ("thecity" -> "the city"), when exactly one split
    gives two dictionary words of the variety, one of them a function word and the other
    common (``PAIR_CONTENT``) (two content words are a closed compound: "smartcard");
    one letter only for "a" ("amatch"); None when no split or several do."""
    closed = function_words()
    found: list[str] = []
    for cut in range(1, len(word)):
        left, right = word[:cut], word[cut:]
        if (len(left) < 2 and left != "a") or len(right) < 2 or (left not in closed and right not in closed):
            continue
        if all(lexicon.frequency(part) >= (min_frequency if part in closed else max(min_frequency, PAIR_CONTENT))
               and lexicon.known_lower(part, system) for part in (left, right)):
            found.append(f"{left} {right}")
    return found[0] if len(found) == 1 else None


def near(a: str, b: str) -> bool:
    """Within about two slips (a sentence-opening word against the article's names)."""
    return abs(len(a) - len(b)) <= 2 and slip_cost(a, b) <= 2.0


#: Longer tokens are not words anyone misspelt (a URL fragment, a run of letters, a hash):
#: the longest English words in news copy stay well under this, and a word's neighbours grow
#: with its length squared.
MAX_WORD = 30


class Kind(RuleKind):
    fields = {"min-frequency": int, "min-length": int, "clear-margin": (int, float), "locale": str,
              "preset-locales": dict}

    def configure(self, spec: dict[str, Any]) -> None:
        self.min_frequency = int(spec.get("min-frequency", 200))
        self.min_length = int(spec.get("min-length", 4))
        self.margin = float(spec.get("clear-margin", 0.25))
        if self.min_frequency < 0 or self.min_length < 1 or self.margin < 0:
            raise PackError("'min-frequency' >= 0, 'min-length' >= 1 and 'clear-margin' >= 0 are required")
        presets = spec.get("preset-locales", {})
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in presets.items()):
            raise PackError("'preset-locales' maps preset names to locales, e.g. { bbc = \"en-GB\" }")
        self.preset_locales = dict(presets)
        self.locale = spec.get("locale")

    # Variety ---------------------------------------------------------------------------------
    def system(self, ctx: Context, words: Iterable[str]) -> str | None:
        """'uk' or 'us': the house locale if it names one, else the article's majority
        of marked spellings (NL701's list); None when nothing decides."""
        locale = (ctx.rule_options(self.rule).get("locale") or self.preset_locales.get(ctx.style)
                  or ctx.preset.get("locale") or self.locale)
        system = lexicon.variety_of(str(locale)) if locale else None
        if system:
            return system
        markers = lexicon._markers()
        uk = us = 0
        for word in words:
            systems = markers.get(word)
            if systems is None or len(systems) != 1:
                continue
            uk += "uk" in systems
            us += "us" in systems
        return "uk" if uk > us else "us" if us > uk else None

    # Words -------------------------------------------------------------------------------------
    def words(self, text: str) -> Iterable[tuple[int, str, bool]]:
        """(offset, word, opens_sentence) for every checkable word."""
        for chunk in _CHUNK.finditer(text):
            raw = chunk.group()
            lead = len(raw) - len(raw.lstrip(_WRAP))
            core = raw.strip(_WRAP)
            if not core or core[0] in "@#" or any(c.isdigit() for c in core):
                continue
            if "://" in raw or "www." in raw.lower() or "@" in core or "`" in raw or "&" in core:
                continue
            if "." in core or "=" in core or "+" in core or "\\" in core or "%" in core:
                continue  # abbreviations, domains, file names, code
            start = chunk.start() + lead
            pieces = _split(core)
            # "...merican Standard", "originall...": a quotation cut mid-word
            cut_before = raw[:lead].endswith(("...", "…"))
            cut_after = raw[lead + len(core):].startswith(("...", "…"))
            for n, (at, word) in enumerate(pieces):
                if (cut_before and n == 0 and at == 0) or (cut_after and n == len(pieces) - 1
                                                          and at + len(word) == len(core)):
                    continue
                yield start + at, word, _opens_sentence(text, start + at)

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        words = list(self.words(text))
        if not words:
            return
        lowered = [w.lower() for _, w, _ in words]
        extra = _lowered(ctx.words)
        mid_capitals = {w.lower() for _, w, opens in words if w[:1].isupper() and not opens}
        counts = Counter(w for _, w, _ in words)
        system = None
        system_known = False
        for index, (offset, word, opens) in enumerate(words):
            if _reduplicated(words, index):
                continue  # mahi mahi, Bora Bora: a loanword or a name, not a slip
            stem = _CONTRACTION.sub("", word)
            if len(stem) < self.min_length or len(stem) > MAX_WORD or "'" in stem or "’" in stem:
                continue  # a 30,000-letter "word" is not a slip: its neighbours would fill memory
            lower = stem.lower()
            if lower in extra or lower in lexicon._EXTRA:
                continue
            capital = stem[:1].isupper()
            if capital and (not opens or stem[1:] != lower[1:]):
                continue  # a name, an acronym (NHS) or a brand (YouTube)
            if not capital and lower != stem:
                continue  # eBay, iPhone
            if not stem.isalpha():
                continue
            if lexicon.listed(lower) or lower in mid_capitals:
                continue  # a common word; or a word the article treats as a name
            if capital and (counts[stem] > 1 or _NEXT_CAPITAL.match(text, offset + len(word))):
                continue
            if not system_known:
                system, system_known = self.system(ctx, lowered), True
            # Two words that lost the space between them ("thecity", "bythe") before any
            # one-word neighbour ("bathe"): the split is the likelier slip.
            pair = two_words(lower, system, self.min_frequency)
            if pair and not lexicon.known_form(lower) and not (capital and lexicon.is_word(stem)) \
                    and lower not in gazetteer():
                yield self.hit(offset, stem, ((_case_like(stem, pair), 0.0, 0),))
                continue
            ranked = candidates(lower, system, self.min_frequency)
            if not ranked:
                continue  # no common word is near: a name, a loanword, a new word
            # Only now the slower checks (the en_GB dictionary is read on first use).
            if lexicon.known_form(lower) or (capital and lexicon.is_word(stem)):
                continue
            if capital and (lower in gazetteer() or any(near(lower, n) for n in mid_capitals)
                            or not _opener_typo(ranked, self.min_frequency, self.margin)):
                continue
            ranked = tuple(r for r in ranked if not _proper_only(r[0]))  # keith, carrie: names
            if ranked:
                yield self.hit(offset, stem, ranked)

    def hit(self, offset: int, word: str, ranked: tuple[tuple[str, float, int], ...]) -> Hit:
        clear = len(ranked) == 1 or ranked[1][1] - ranked[0][1] >= self.margin
        shown = [_case_like(word, c) for c, _, _ in ranked[:3]]
        hint = f" Did you mean '{shown[0]}'?" if clear else f" Perhaps {' or '.join(repr(s) for s in shown)}?"
        return Hit(offset, offset + len(word), self.format(match=word, hint=hint),
                   replacements=shown, fix=shown[0] if clear else None, safe=False)


def _reduplicated(words: list[tuple[int, str, bool]], index: int) -> bool:
    word = words[index][1].lower()
    return any(0 <= i < len(words) and words[i][1].lower() == word for i in (index - 1, index + 1))


@lru_cache(maxsize=8)
def _lowered(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _opener_typo(ranked: tuple[tuple[str, float, int], ...], min_frequency: int, margin: float) -> bool:
    """A capitalised word that opens a sentence is a typo only when one common word is
    clearly meant and no name is near ("Goverment"; not "Starmer", near both starter and
    stammer, nor "Sebastien", near Sebastian, nor "Cech", near Czech)."""
    if ranked[0][2] < 10 * min_frequency or (len(ranked) > 1 and ranked[1][1] - ranked[0][1] < margin):
        return False
    for cand, _, _ in ranked:
        title = cand[:1].upper() + cand[1:]
        if lexicon.is_word(title) and not lexicon.known_lower(cand, None) or _proper_only(cand):
            return False
    return True


@lru_cache(maxsize=4096)
def _proper_only(word: str) -> bool:
    """The en_GB dictionary lists ``word`` only with a capital (Czech, Sebastian, Sonia)."""
    hun = lexicon._hunspell()
    return bool(hun.lookup(word[:1].upper() + word[1:])) and not hun.lookup(word)


def _split(core: str) -> list[tuple[int, str]]:
    """Words of a chunk: hyphenated and slashed compounds part by part."""
    out: list[tuple[int, str]] = []
    pos = 0
    for part in _DASHES.split(core):
        for m in _PART.finditer(part):
            whole = m.group()
            if m.start() == 0 and m.end() == len(part):
                out.append((core.index(part, pos) + m.start(), whole))
        pos = core.index(part, pos) + len(part) if part else pos
    return out


def _opens_sentence(text: str, offset: int) -> bool:
    head = text[max(0, offset - 8):offset].rstrip(" \t\"'“‘(«[*_#>-–—")
    return head == "" or head.endswith(_SENTENCE_END)


def _case_like(word: str, suggestion: str) -> str:
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
