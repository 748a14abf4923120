"""The site talking to its reader: a line of a page's pitch, not a sentence of the story.

Pages wrap a story in lines where the publication speaks for itself: newsletter and app
pitches, paywall notices, membership appeals, comment policies, cookie notices. Each
site words them its own way ("Our journalism relies on readers like you", "You've read
all your free stories this month", "Please read our community guidelines before
posting"), so a phrase list always lags behind. What they share is their *address*:

* a sentence opens with an imperative (a verb in its base form, by lemminflect's lexicon:
  "Subscribe", "Download", "Keep up", "Help us") or with a prompt word ("Please", "Never
  miss"), or the line speaks in the site's first person plural ("we", "our", "us");
* it is about what a site offers: its journalism, stories, newsletters, comments,
  subscriptions (``publication-words``), beside pages, apps, accounts and links
  (``page-words``);
* it reads as addressed to the reader ("you", "your") or names two such things; without
  a word of the publication's goods, the site's "our" and two parts of the page must come
  with the reader or a prompt ("Catch all the latest news on our website and in our app").

Service copy has the imperative and the "your" but not the publication's goods ("Check
your smoke alarms", "Download the NHS App and enter your postcode"); a story about
newspapers speaks of them in the third person ("The Guardian said its journalism ...");
quotes and reported speech ("said", "told") stay the story's, and so do corrections
(the class's ``keep`` patterns). Word lists live in ``rules/data/furniture.toml``:
``reader-words``, ``house-words``, ``publication-words``, ``page-words``,
``prompt-openers``, ``report-words``, ``self-words`` ("this article": the page speaking of
itself). A sentence opening with "Please" about the publication's goods is the site's.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

# where a sentence (or a clause after a colon or a dash) starts; not after an initial ("U.K. Joint")
_SENTENCE = regex.compile(r"(?:^|(?<=(?<!\b\p{Lu})[.!?:;…—–-])[ \t]+|(?<=\p{Ll}[.!?])(?=\p{Lu}))(?P<first>[\p{L}'’]+)")
_PLEASE = regex.compile(r"(?:^|[.!?:][ \t]+)(?i:please)\b")
_QUOTES = regex.compile(r"[\"“”«»]|(?<!\p{L})['‘](?=\p{L})")


def _terms(phrases: tuple[str, ...]) -> Any:
    """One case-insensitive pattern for a list of words and phrases, whole words only."""
    if not phrases:
        return regex.compile(r"(?!)")
    body = "|".join(r"[ \t]+".join(regex.escape(part) for part in p.split())
                    for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
    return regex.compile(rf"(?<![\p{{L}}\d'’-])(?:{body})(?![\p{{L}}\d'’-])", regex.IGNORECASE)


class ReaderAddress:
    """Tells a line in which the site addresses its reader from a line of the story."""

    def __init__(self, words: dict[str, tuple[str, ...]]) -> None:
        self.reader = _terms(words.get("reader-words", ()))
        self.house = _terms(words.get("house-words", ()))
        self.publication = _terms(words.get("publication-words", ()))
        self.page = _terms(words.get("page-words", ()))
        self.report = _terms(words.get("report-words", ()))
        self.deixis = _terms(words.get("self-words", ()))
        self.openers = frozenset(w.casefold() for w in words.get("prompt-openers", ()))

    def is_address(self, line: str) -> bool:
        if _QUOTES.search(line) or self.report.search(line):
            return False  # quoted or reported speech is the story's
        goods = len({m.group().casefold() for m in self.publication.finditer(line)})
        parts = len({m.group().casefold() for m in self.page.finditer(line)})
        if not goods and parts < 2:
            return False
        reader = self.reader.search(line) is not None
        house = self.house.search(line) is not None
        if goods and house and (reader or goods + parts >= 2):
            return True  # "We use cookies to improve your experience on our site"
        if goods >= 2 and (reader or self.deixis.search(line)):
            return True  # "Readers like you are keeping these stories free", "This article is closed for comments"
        if not (house or reader or goods + parts >= 2):
            return False
        if goods and _PLEASE.search(line):
            return True  # "Please keep comments respectful and on topic"
        prompts = self._prompts(line)
        if goods:
            return prompts  # "Download the ABC News app to get the latest stories"
        # no word of the publication's goods: the site's "our" and the reader or a prompt,
        # about two parts of the page ("Catch all the latest news on our website and in our app")
        return house and (reader or prompts)

    def _prompts(self, line: str) -> bool:
        """Whether a sentence of the line opens with an imperative or a prompt word."""
        for match in _SENTENCE.finditer(line):
            word = match.group("first")
            if word.casefold() in self.openers or _imperative(word):
                return True
        return False


@lru_cache(maxsize=4096)
def _imperative(word: str) -> bool:
    """A capitalised verb in its base form ("Subscribe", "Download"): lemminflect knows it as
    a verb whose lemma is the word itself."""
    if not word[:1].isupper() or not word[1:].islower():
        return False
    from ..wordforms import lemminflect_module

    lemmas = lemminflect_module().getAllLemmas(word.lower())
    return word.lower() in lemmas.get("VERB", ())
