"""``locale-mix``: American and British spellings mixed in one article.

Each word in the spelling list (``rules/data/spellings.toml``) is evidence for one or
more spelling systems: ``us`` (color, realize), ``uk`` (colour, realise) and
``oxford`` (British with -ize: colour, realize, analyse). The system that fits the
most words in the article wins (ties: the one that fits the first such word) and
every word that does not fit it is flagged, with its counterpart as the fix. A
preset's ``locale`` (en-US, en-GB), the pack's ``preset-locales`` (a house that
writes -ise: ``bbc = "en-GB-ise"``) or ``[options.NL701] locale`` narrows the choice.

Capitalised words that do not open a sentence are proper names (World Health
Organization, Pearl Harbor, the Kennedy Center, Defense Department) and are left
alone, as is anything inside the pack's ``exceptions`` patterns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..prefilter import doc_view
from ..records import Hit, NewslintError
from ..regex_cache import compile_pattern
from ..safe_regex import Exceptions, matches_at
from ..text_case import match_case
from ..toml import load_toml
from .base import Context, PackError, RuleKind, format_lines, line_numbers
from .weekday import data_file

SYSTEMS = ("us", "oxford", "uk")
LOCALES = {
    "en-us": ("us",),
    "en-gb": ("uk", "oxford"),
    "en-gb-oxendict": ("oxford",),
    "en-gb-ise": ("uk",),
    "en-au": ("uk", "oxford"),
    "en-nz": ("uk",),
    "en-ie": ("uk",),
    "en-ca": ("us", "oxford"),
    "en-in": ("uk",),
}
IZE_SUFFIXES = ("e", "es", "ed", "ing", "ation", "ations", "ational", "er", "ers")
YZE_SUFFIXES = ("e", "es", "ed", "ing", "er", "ers")
NAMES = {"us": "American", "uk": "British", "oxford": "British (Oxford -ize)"}


@dataclass(frozen=True)
class Spelling:
    word: str  # lower case
    systems: frozenset[str]
    counterpart: str  # the spelling in the other system


@lru_cache(maxsize=4)
def load_spellings(path: str) -> dict[str, Spelling]:
    """Word (lower case) -> what it says about the spelling system."""
    try:
        data, _ = load_toml(path)
    except NewslintError as exc:
        raise PackError(str(exc)) from None
    table: dict[str, Spelling] = {}

    def add(us: str, uk: str, us_systems: set[str], uk_systems: set[str]) -> None:
        table[us] = Spelling(us, frozenset(us_systems), uk)
        table[uk] = Spelling(uk, frozenset(uk_systems), us)

    try:
        for verb in data.get("ize", {}).get("verbs", []):
            for suffix in IZE_SUFFIXES:
                us = verb[:-1] + suffix  # realiz + ing
                add(us, us.replace("iz", "is"), {"us", "oxford"}, {"uk"})
        for verb in data.get("yze", {}).get("verbs", []):
            for suffix in YZE_SUFFIXES:
                us = verb[:-1] + suffix
                add(us, us.replace("yz", "ys"), {"us"}, {"uk", "oxford"})
        our = data.get("our", {})
        for stem in our.get("stems", []):
            for suffix in our.get("suffixes", [""]):
                add(stem + suffix, stem[:-2] + "our" + suffix, {"us"}, {"uk", "oxford"})
        for us, uk in data.get("pairs", {}).items():
            add(us, uk, {"us"}, {"uk", "oxford"})
    except (TypeError, AttributeError, IndexError):
        raise PackError(
            f"{path}: [ize] and [yze] need 'verbs', [our] 'stems' and 'suffixes' "
            '(lists of strings), [pairs] American = "British"'
        ) from None
    return table


class Kind(RuleKind):
    fields = {"spellings": str, "exceptions": list, "locale": str, "preset-locales": dict}

    def configure(self, spec: dict[str, Any]) -> None:
        name = spec.get("spellings", "data/spellings.toml")
        if not isinstance(name, str):
            raise PackError("'spellings' must be a path under rules/")
        self.table = load_spellings(data_file(self.rule, name))
        if any(not w.isalpha() for w in self.table):
            raise PackError(f"{name}: spellings must be single words (letters only)")
        self.exceptions = Exceptions(spec.get("exceptions"))
        self.locale = spec.get("locale")
        presets = spec.get("preset-locales", {})
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in presets.items()):
            raise PackError("'preset-locales' maps preset names to locales, e.g. { bbc = \"en-GB-ise\" }")
        self.preset_locales = dict(presets)

    def house_locale(self, ctx: Context) -> str | None:
        """[options.NL701] locale, else the pack's locale for this preset, else the preset's."""
        locale = (
            ctx.rule_options(self.rule).get("locale")
            or self.preset_locales.get(ctx.style)
            or ctx.preset.get("locale")
            or self.locale
        )
        return str(locale) if locale else None

    def allowed(self, ctx: Context) -> tuple[str, ...]:
        locale = self.house_locale(ctx)
        return LOCALES.get(locale.lower(), SYSTEMS) if locale else SYSTEMS

    def _words(self, text: str) -> Iterable[Any]:
        """The _WORD matches of ``text``; in ASCII text (where the document's words are its
        letter runs, folded by lower()) only those where a listed spelling stands."""
        if not text.isascii():
            return _WORD.finditer(text)
        view = doc_view(text)
        present = self.table.keys() & view.words
        if not present:
            return ()
        starts: set[int] = set()
        folded = view.folded
        for word in present:
            pos = folded.find(word)
            while pos >= 0:
                starts.add(pos)
                pos = folded.find(word, pos + 1)
        return matches_at(_WORD, text, sorted(starts))

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        exempt = self.exceptions.spans(text)
        uses: list[tuple[int, int, Spelling]] = []
        for match in self._words(text):  # words, then a dictionary look-up: fast
            spelling = self.table.get(match.group().lower())
            if spelling is None:
                continue
            start, end = match.span()
            if Exceptions.covers(exempt, start, end) or _proper_name(text, start, match.group()):
                continue
            uses.append((start, end, spelling))
        if not uses:
            return
        allowed = self.allowed(ctx)
        scores = {s: sum(1 for _, _, sp in uses if s in sp.systems) for s in allowed}
        first = next((s for s in allowed if s in uses[0][2].systems), allowed[0])
        system = max(allowed, key=lambda s: (scores[s], s == first))
        fitting = [start for start, _, sp in uses if system in sp.systems]
        if len(allowed) == len(SYSTEMS) and not fitting:
            return
        where = format_lines(line_numbers(ctx, fitting)) if fitting else ""
        for start, end, spelling in uses:
            if system in spelling.systems:
                continue
            word = text[start:end]
            fix = match_case(word, spelling.counterpart)
            reason = (
                f"which the article uses on {where}"
                if fitting
                else f"which the house style ({self.house_locale(ctx)}) wants"
            )
            yield Hit(
                start,
                end,
                self.format(match=word, replacement=fix, reason=reason, system=NAMES[system]),
                replacements=[fix],
                fix=fix,
                safe=False,
            )


# Hyphenated compounds are split into words: centre-right counts as centre.
_WORD = compile_pattern(r"(?<![\p{L}\p{N}_])\p{L}+(?![\p{L}\p{N}_])")
_NEXT_CAPITAL = compile_pattern(r"[ \t]+(?:of[ \t]+|for[ \t]+)?\p{Lu}")
_ABBREVIATION = compile_pattern(r"(?:\b\p{Lu}\.){2,}[ \t]*$")


def _proper_name(text: str, start: int, word: str) -> bool:
    """Capitalised and either inside a sentence or followed by another capitalised word
    (Defense Secretary, Center for ..., Labor Party): part of a name."""
    if not word[:1].isupper():
        return False
    if _NEXT_CAPITAL.match(text, start + len(word)):
        return True
    head = text[max(0, start - 12) : start]
    if _ABBREVIATION.search(head):
        return True  # U.S. Defense ...
    before = head.rstrip(" \t\"“‘'(")
    return not (before == "" or before.endswith(("\n", ".", "!", "?", ":")))
