"""``run-together``: two words glued at a lost sentence seam ("the KremlinHowever").

When a full stop and a space are lost in editing or scraping, the last word of one
sentence and the first of the next become one token with a capital inside it:
"talksShe said", "the KremlinHowever", "since 2021Households". Names and brands are
written that way too (McDonald, DeSantis, YouTube, PayPal), so a token is flagged only
when the evidence says seam:

- it has exactly one lower-to-upper seam, and each half is a word of the spelling
  dictionary (:func:`newslint.lexicon.is_word`) while the whole is not;
- it is not a listed camel-case name, does not open with a surname prefix (Mc, De, Le),
  and is not written the same way again in the article (a seam is a one-off, a name
  recurs);
- after a CAPITALISED first half ("KremlinHowever") the second half must be a word that
  opens sentences (a closed list: The, It, However, ...), because brands pair two content
  words; after a month or a weekday (``time-words``: "MarchEconomists"), a lower-case first
  half ("talksShe") or a figure ("2021Households") any word will do.
- a figure glued to a lower-case word of four letters or more ("20,000people") is a lost
  space, unless the word is a unit written that way (``figure-units``: "20mins").

Pack fields: ``data`` (the list file, default ``data/camel-case.toml`` beside the pack),
``min-left`` (letters in a word before the seam, default 3). The replacements offer the
two halves as two sentences and as two words; no fix is applied automatically.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..records import Hit
from ..regex_cache import compile_pattern
from ..toml import load_toml
from .base import Context, PackError, RuleKind, as_str_list

# A token with one seam: a word (lower case after an optional capital) or a figure of two
# digits or more, then a capitalised word; not inside an address, a handle or a path.
_CANDIDATE = compile_pattern(
    r"(?<![\p{L}\p{N}@#/\\._\-:=&?])(?P<left>\p{Lu}?\p{Ll}+|\p{N}{2,}s?|\p{N}[\p{N}.,]*%)(?P<right>\p{Lu}\p{Ll}+)"
    r"(?![\p{L}\p{N}@/_=]|[.:]\p{L})"
)
_TOKEN = compile_pattern(r"[\p{L}\p{N}]+")
# A figure glued to the lower-case word after it ("20,000people"): the word must be a word of
# four letters or more and not a unit written that way ("20mins", "5kmh").
_FIGURE_WORD = compile_pattern(
    r"(?<![\p{L}\p{N}@#/\\._\-:=&?$£€])(?P<left>\p{N}{1,3}(?:,\p{N}{3})+|\p{N}+)(?P<right>\p{Ll}{4,})"
    r"(?![\p{L}\p{N}@/_=]|[.:]\p{L})"
)


@lru_cache(maxsize=4)
def _lists(path: str) -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str],
                               frozenset[str], frozenset[str]]:
    try:
        data, _ = load_toml(path)
    except (OSError, ValueError) as exc:
        raise PackError(f"cannot read the camel-case list {path}: {exc}") from None
    openers = frozenset(as_str_list(data.get("openers", []), "openers"))
    strong = frozenset(as_str_list(data.get("strong-openers", []), "strong-openers")) & openers
    prefixes = tuple(as_str_list(data.get("name-prefixes", []), "name-prefixes"))
    names = frozenset(n.casefold() for n in as_str_list(data.get("names", []), "names"))
    times = frozenset(as_str_list(data.get("time-words", []), "time-words"))
    units = frozenset(u.casefold() for u in as_str_list(data.get("figure-units", []), "figure-units"))
    return openers, strong, prefixes, names, times, units


class Kind(RuleKind):
    fields = {"data": str, "min-left": int}

    def configure(self, spec: dict[str, Any]) -> None:
        path = Path(self.rule.pack_path).parent / spec.get("data", "data/camel-case.toml")
        self.openers, self.strong, self.prefixes, self.names, self.times, self.units = _lists(str(path))
        self.min_left = int(spec.get("min-left", 3))
        if self.min_left < 1:
            raise PackError("'min-left' must be 1 or more")

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        counts: Counter[str] | None = None
        for match in _CANDIDATE.finditer(text):
            left, right = match.group("left"), match.group("right")
            token = match.group()
            if token.casefold() in self.names or token.startswith(self.prefixes) and left in self.prefixes:
                continue
            if not self._seam(left, right, token):
                continue
            if counts is None:
                counts = Counter(_TOKEN.findall(text))
            if counts[token] > 1:
                continue  # written the same way twice: a name, not a slip
            replacements = [f"{left}. {right}", f"{left} {right}"]
            yield Hit(match.start(), match.end(),
                      self.format(match=token, left=left, right=right, replacement=replacements[0]),
                      replacements=replacements, fix=None, safe=False)
        yield from self._figures(text)

    def _figures(self, text: str) -> Iterable[Hit]:
        """A figure glued to the next word ("20,000people"): a lost space, not a sentence seam."""
        from ..lexicon import is_word

        for match in _FIGURE_WORD.finditer(text):
            left, right = match.group("left"), match.group("right")
            if right in self.units or not is_word(right):
                continue
            replacement = f"{left} {right}"
            yield Hit(match.start(), match.end(),
                      self.format(match=match.group(), left=left, right=right, replacement=replacement),
                      replacements=[replacement], fix=None, safe=False)

    def _seam(self, left: str, right: str, token: str) -> bool:
        from ..lexicon import is_word

        if left[0].isdigit():
            if left.endswith("%"):
                return is_word(right)  # "5%In", "13.8%But": no name ends in a percentage
            digits = left.rstrip("s")
            if len(right) < 3 and right not in self.openers:
                return False
            if not (len(digits) == 4 or right in self.openers):
                return False  # "2021Households", "1960sHis"; not "99Designs"
            return is_word(right) and not is_word(token)
        if len(left) < self.min_left:
            return False
        if left in self.times:
            return is_word(right) and not is_word(token)  # "MarchEconomists": no brand ends a date
        if left[0].isupper() and right not in self.openers:
            return False
        if left[0].isupper() and right in self.strong:
            return not is_word(token)  # "RosneftThe": a name glued to "The"
        return is_word(left) and is_word(right) and not is_word(token)
