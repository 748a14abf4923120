"""The entities rules' shortcuts: trie alternations, what a trigger needs, the shared
per-document scan and the shared country group. Each must find exactly what the
slow way finds; these tests pin what must and must not match."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import regex

from newslint.document import make_document
from newslint.kinds.base import Context
from newslint.knowledge import knowledge
from newslint.knowledge.claims import expand
from newslint.knowledge.countries import iso_countries
from newslint.knowledge.scan import (
    Needs,
    Sentence,
    Trigger,
    Triggers,
    candidates,
    fold,
    needs_of,
    scan,
)
from newslint.knowledge.trie import trie_pattern
from newslint.resources import data_path
from newslint.toml import load_toml

# ----- trie_pattern --------------------------------------------------------------------------------


def _flat(names: list[str], guards: dict[str, str] | None = None) -> str:
    """The alternation the trie replaces: longest first, a guard before its name."""
    guards = guards or {}
    parts = [guards.get(n, "") + regex.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))]
    return "(?:" + "|".join(parts) + ")"


def test_trie_matches_exactly_the_names() -> None:
    names = ["Guinea", "Guinea-Bissau", "Ghana", "Ge", "Georgia", "U.S.", "U.S.A.", "US"]
    pattern = regex.compile(f"(?:{trie_pattern(names)})$")
    for name in names:
        assert pattern.match(name), name
    for other in ["Guine", "Georgi", "G", "U.S", "U.S.A", "Guinea-", "Ghanas", ""]:
        assert not pattern.match(other), other


def test_trie_prefers_the_longest_name_then_backtracks() -> None:
    pattern = regex.compile(trie_pattern(["a", "ab", "abc"]))
    assert pattern.match("abcd").group() == "abc"
    assert regex.match(f"(?:{trie_pattern(['a', 'ab', 'abc'])})c", "abc").group() == "abc"  # "ab" + "c"
    assert regex.match(f"(?:{trie_pattern(['a', 'ab', 'abc'])})bc", "abc").group() == "abc"  # "a" + "bc"


def test_trie_guard_applies_to_its_own_name_only() -> None:
    guards = {"Guinea": r"(?<!New\sGuinea)"}
    pattern = regex.compile(r"(?<![\w.-])(?:" + trie_pattern(["Guinea", "Papua New Guinea"], guards) + r")(?![\w-])")
    assert [m.group() for m in pattern.finditer("Guinea and Papua New Guinea, not New Guinea")] == [
        "Guinea", "Papua New Guinea"]


def test_trie_of_nothing_never_matches() -> None:
    assert regex.search(trie_pattern([]), "anything") is None
    with pytest.raises(ValueError):
        trie_pattern([""])


def test_country_trie_finds_what_the_flat_alternation_found() -> None:
    countries = knowledge().countries
    guards = {name: "".join(f"(?<!{regex.escape(w)}\\s)" for w in words)
              for name, words in countries.not_after.items()}
    flat = regex.compile(r"(?<![\w.-])" + _flat(list(countries.by_name), guards) + r"(?![\w-])")
    rng = random.Random(3)
    names = sorted(countries.by_name)
    glue = [" ", ", ", " and ", "-", ".", "'s ", "New ", "Latin ", "the ", "x", "DR ", "\n", "Northern "]
    for _ in range(300):
        text = "".join(rng.choice(glue) + rng.choice(names)[: rng.randint(2, 30)] for _ in range(8))
        assert [m.span() for m in countries.compiled().finditer(text)] == [m.span() for m in flat.finditer(text)]


# ----- needs_of ---------------------------------------------------------------------------------------


def _needs(source: str) -> list[set[str]]:
    return [set(c) for c in needs_of(source).clauses]


def test_needs_literal_words_and_countries() -> None:
    assert _needs(r"{countries}\s+(?:is|are)\s+outside\s+(?:the\s+)?{org}") == [{"outside"}, {"<country>"}]
    assert _needs(r"\b(?:the\s+)?{demonym}\s+bid") == [{"bid"}, {"<demonym>"}]


def test_needs_alternations_become_one_clause() -> None:
    assert _needs(r"(?:join|enter|accede\s+to)\s+{org}") == [{"join", "enter", "accede"}]
    # "le(?:d|ads)" is how the parser factors "led|leads": the words come back whole
    assert {"led", "leads", "leading"} <= _needs(r"(?:allow|le(?:d|ads|ading))\s+{country}")[0]


def test_needs_nothing_from_optional_parts() -> None:
    assert _needs(r"(?:formally\s+)?{org}") == []
    assert _needs(r"(?:{country}\s+)?joins") == [{"joins"}]
    assert _needs(r"(?:{country}|Kyiv)\s+joins") == [{"joins"}, {"<country>", "kyiv"}]
    assert _needs(r"(?:{country}|K)\s+joins") == [{"joins"}]
    assert _needs(r"(?:in|to)\s+{org}") == []  # "in" is too short to be worth testing


def test_needs_either_placeholder_in_an_alternation() -> None:
    assert _needs(r"(?:{country}|{demonym})\s+bid") == [{"bid"}, {"<country>", "<demonym>"}]


@pytest.mark.parametrize("source", [
    r"(?:join){e<=1}\s+{org}",  # fuzzy matching: the braces are not a repeat
    r"[[:alpha:]]+\s+joins",  # POSIX classes
    r"(\w+)\s+\1\s+joins",  # back-references
    r"(?x) joins \s+ {org}",  # verbose mode
    r"joins(?i)\s+{org}",  # flags after the start
])
def test_needs_nothing_for_syntax_the_reader_does_not_model(source: str) -> None:
    assert needs_of(source).clauses == ()


def test_needs_read_through_regex_only_classes() -> None:
    assert _needs(r"\p{Lu}\w+\s+joins") == [{"joins"}]


def test_needs_met() -> None:
    countries = knowledge().countries
    needs = Needs((frozenset({"join", "enter"}), frozenset({"<country>"})))
    assert needs.met(Sentence(0, "Sweden will JOIN the alliance."), countries)
    assert not needs.met(Sentence(0, "Sweden will stay out."), countries)
    assert not needs.met(Sentence(0, "They will join the alliance."), countries)
    assert Needs().met(Sentence(0, "anything"), countries)


def test_iso_countries_are_pycountrys() -> None:
    import pycountry

    fields = ("alpha_3", "name", "common_name", "official_name")
    expected = [tuple(getattr(c, f, None) for f in fields) for c in pycountry.countries]
    assert [tuple(r.get(f) for f in fields) for r in iso_countries()] == expected


def test_fold_keeps_what_ignorecase_matches() -> None:
    # `regex` IGNORECASE matches "I" to dotless ı, "k" to the Kelvin sign and "s" to long s
    assert fold("ADMIT ıt") == "admit it"
    assert "kept" in fold("\u212aept") and "suspend" in fold("\u017fuspend")


def _bundled_sources() -> list[str]:
    pack, _ = load_toml(data_path("entities.toml"))
    sources = []
    for rule in pack["rules"]:
        for trigger in rule.get("triggers", []) + rule.get("patterns", []) + rule.get("anaphora", []):
            sources.append(trigger["pattern"] if isinstance(trigger, dict) else trigger)
    return sources


def test_needs_never_stronger_than_the_bundled_triggers() -> None:
    """Wherever a bundled trigger matches a sentence of the pack's examples, its needs hold."""
    kb = knowledge()
    orgs = list(kb.organisations.values())
    pack, _ = load_toml(data_path("entities.toml"))
    texts = [t.split("\n", 1)[1] for r in pack["rules"] for t in r["examples"] + r["counterexamples"]]
    texts += ["The 30-nation alliance met.", "Kyiv's bid to join NATO stalled.", "The Swedish bid to join NATO."]
    checked = 0
    for source in _bundled_sources():
        pattern = expand(source, kb, orgs)
        needs = needs_of(source)
        for text in texts:
            if pattern.search(text):
                checked += 1
                assert needs.met(Sentence(0, text), kb.countries), (source, text)
    assert checked >= 10


# ----- the shared country group ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "NATO should admit Ukraine, Georgia, Moldova and Austria soon.",
    "The EU should admit the Netherlands, UK or the Czech Republic.",
    "Ukraine and Georgia would never join NATO.",
    "Bosnia and Herzegovina and Serbia want to join the EU.",
    "UKRAINE AND BELGIUM WANT TO JOIN NATO.",
])
def test_shared_country_group_matches_like_the_written_out_names(text: str) -> None:
    kb = knowledge()
    orgs = list(kb.organisations.values())
    for source in _bundled_sources():
        if "{countries}" not in source:
            continue
        shared = expand(source, kb, orgs)
        assert "(?&_newslint_country)" in shared.pattern
        written_out = shared.pattern.replace("(?&_newslint_country)", "(?-i:" + kb.countries.pattern() + ")")
        inline = regex.compile(written_out, regex.IGNORECASE)
        got = [(m.span(), m.groupdict().get("entities")) for m in shared.finditer(text)]
        assert got == [(m.span(), m.groupdict().get("entities")) for m in inline.finditer(text)], source


def test_numbered_groups_keep_the_names_written_out() -> None:
    kb = knowledge()
    pattern = expand(r"(a)?\1{countries}\s+join", kb, list(kb.organisations.values()))
    assert "_newslint_country" not in pattern.pattern
    assert "_newslint_country" not in expand(r"{country}\s+join", kb, []).pattern  # one copy: nothing to share


# ----- the per-document scan ----------------------------------------------------------------------------


def _ctx(text: str) -> Context:
    return Context(doc=make_document(text, "t.txt"), date=dt.date(2025, 1, 10))


def test_scan_places_names_in_their_sentences() -> None:
    ctx = _ctx("NATO met. Leaders of the North Atlantic Alliance spoke. Nothing here.\n\nThe EU-wide plan.")
    doc = scan(ctx)
    assert scan(ctx) is doc  # built once per document
    words = tuple(knowledge().organisation("nato").names + knowledge().organisation("eu").names)
    anywhere, inside = doc.names(words)
    found = {doc.sentences[i].text.strip(): names for i, names in inside.items()}
    assert found["NATO met."] == {"NATO"}
    assert "Atlantic Alliance" in found["Leaders of the North Atlantic Alliance spoke."]
    assert "North Atlantic Alliance" in found["Leaders of the North Atlantic Alliance spoke."]
    assert "EU" in found["The EU-wide plan."]
    assert {"NATO", "EU", "North Atlantic Alliance", "Atlantic Alliance"} <= anywhere
    assert not any("Nothing" in doc.sentences[i].text for i in inside)


def test_candidates_skip_sentences_no_trigger_can_match() -> None:
    kb = knowledge()
    ctx = _ctx("NATO met in Brussels. Sweden wants to join NATO. The alliance may admit Finland.")
    needs = needs_of(r"{country}\s+wants\s+to\s+join\s+{org}")
    trigger = Trigger("t", lambda: None, needs)
    anaphoric = Trigger("a", lambda: None, needs_of(r"{org}\s+may\s+admit\s+{country}"), anaphoric=True)
    words = tuple(kb.organisation("nato").names)
    from newslint.knowledge.claims import ANAPHOR, ANAPHORS

    found = [(s.text, [t.source for t in ts]) for s, ts in
             candidates(ctx, words, [], Triggers([trigger, anaphoric]), kb.countries, tuple(ANAPHORS),
                        regex.compile(ANAPHOR, regex.IGNORECASE))]
    assert [(text.strip(), ts) for text, ts in found] == [
        ("Sweden wants to join NATO.", ["t"]), ("The alliance may admit Finland.", ["a"])]


def test_candidates_nothing_when_the_document_names_no_organisation() -> None:
    kb = knowledge()
    ctx = _ctx("Sweden wants to join the alliance.")
    trigger = Trigger("t", lambda: None, Needs())
    assert list(candidates(ctx, ("NATO",), [], Triggers([trigger]), kb.countries)) == []


def test_quiet_sentences_are_skipped() -> None:
    kb = knowledge()
    ctx = _ctx("If Sweden joins NATO, fine. Sweden joins NATO.")
    trigger = Trigger("t", lambda: None, Needs())
    quiet = [regex.compile(r"\bif\b", regex.IGNORECASE)]
    found = [s.text.strip() for s, _ in candidates(ctx, ("NATO",), quiet, Triggers([trigger]), kb.countries)]
    assert found == ["Sweden joins NATO."]


# ----- triggers tried only where a country starts ------------------------------------------------------


def test_lead_placeholder() -> None:
    assert needs_of(r"(?P<cue>{countries}\s+joined\s+{org})").lead == "countries"
    assert needs_of(r"{country}['’]s\s+bid\s+to\s+join\s+{org}").lead == "country"
    assert needs_of(r"(?:{country}\s+)?joined\s+{org}").lead == ""  # optional: may start elsewhere
    assert needs_of(r"{country}\s+joined|{org}\s+admitted\s+{country}").lead == ""  # another branch
    assert needs_of(r"(?<!non-){country}\s+joined").lead == ""
    assert needs_of(r"\b{org}\s+admitted\s+{country}").lead == ""


def test_starts_are_every_name_and_the_article_before_it() -> None:
    countries = knowledge().countries
    sentence = Sentence(0, "Both the UK and  THE\tGeorgia, bathe Malta, and xMali.")
    text = sentence.text
    names = sentence.starts("country", countries)
    assert [text[i:i + 6] for i in names] == ["the UK", "UK and", "Georgi", "Malta,"]
    articles = sentence.starts("countries", countries)
    # "THE" before Georgia, and the "the" that ends "bathe": the article needs no word boundary
    assert set(articles) - set(names) == {text.index("THE"), text.index("the Malta")}
    assert sentence.starts("countries", countries) is articles  # worked out once


@pytest.mark.parametrize("text", [
    "Britain, which joined the EU in 1972, and Ireland, which joined the EU in 1973, voted.",
    "The UK and the Netherlands, which joined NATO in 1950, sent jets; Sweden joined NATO in 2023.",
    "THE UK, WHICH JOINED NATO IN 1948, SENT JETS.",
    "Sweden's bid to join NATO and Finland's bid to join NATO stalled.",
    "nothing here at all",
])
def test_trigger_tried_at_starts_finds_what_finditer_finds(text: str) -> None:
    kb = knowledge()
    orgs = list(kb.organisations.values())
    sentence = Sentence(0, text)
    for source in _bundled_sources():
        needs = needs_of(source)
        if not needs.lead:
            continue
        trigger = Trigger(source, lambda s=source: expand(s, kb, orgs), needs)
        expected = [(m.span(), m.groupdict()) for m in trigger.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in trigger.finditer(sentence, kb.countries)] == expected, source
