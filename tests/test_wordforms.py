"""Word forms from the lexicon (newslint.wordforms) and the ``_`` token attribute."""
from __future__ import annotations

import pytest

from newslint.matcher import Pattern, PatternError
from newslint.tokens import Tokens
from newslint.wordforms import has


@pytest.mark.parametrize(("word", "name", "expected"), [
    ("went", "past_only", True), ("took", "past_only", True), ("became", "past_only", True),
    ("read", "past_only", False), ("put", "past_only", False), ("received", "past_only", False),
    ("focussed", "past_only", False), ("learnt", "past_only", False), ("got", "past_only", False),
    ("saw", "past_only", True),  # the base reading (to saw wood) is removed as data
    ("goes", "finite_only", True), ("was", "finite_only", True), ("are", "finite_only", True),
    ("go", "finite_only", False), ("gone", "finite_only", False),
    ("tanks", "finite_verb_only", False), ("wants", "finite_verb_only", True),
    ("attend", "bare_verb", True), ("work", "bare_verb", False), ("open", "bare_verb", False),
    ("come", "bare_verb", False), ("walk", "plain_present", True), ("last", "plain_present", False),
    ("cut", "plain_present", False), ("received", "not_base", True), ("read", "not_base", False),
    ("Went", "past_only", True), ("xqzvt", "verb", False), ("Kyiv", "verb", False),
])
def test_word_form_classes(word: str, name: str, expected: bool) -> None:
    assert has(word, name) is expected


def test_form_attribute_in_a_pattern() -> None:
    pattern = Pattern([{"LOWER": {"IN": ["had", "has"]}}, {"_": {"past_only": True}}])
    tokens = Tokens("They had went home. She has gone. It had read well.")
    assert [tokens.words[s:e] for s, e in pattern.find(tokens)] == [["had", "went"]]


def test_negated_form_attribute() -> None:
    pattern = Pattern([{"LOWER": "to"}, {"_": {"verb": True, "noun": False}}])
    tokens = Tokens("to date, to attend, to Kyiv")
    assert [tokens.words[s + 1] for s, _ in pattern.find(tokens)] == ["attend"]


@pytest.mark.parametrize("table", [{"_": {"past_onyl": True}}, {"_": {"past_only": "yes"}}, {"_": []}])
def test_bad_form_attribute_is_a_pattern_error(table: dict) -> None:
    with pytest.raises(PatternError):
        Pattern([table])


def test_forms_are_cached_and_a_later_run_needs_no_lemminflect(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, NEWSLINT_CACHE_DIR=str(tmp_path))
    probe = ("import sys; from newslint.wordforms import has; "
             "print(has('went', 'past_only'), has('attend', 'bare_verb'), 'lemminflect' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.split() == ["True", "True", "True"]
    assert list((tmp_path / "wordforms").rglob("*.json"))
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert second.stdout.split() == ["True", "True", "False"]


def test_unreadable_cache_is_ignored(tmp_path, monkeypatch):
    import newslint.wordforms as wordforms
    from newslint import disk_cache

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    wordforms._disk.cache_clear()
    try:
        source, versions = wordforms._cache_key()
        assert disk_cache.write("wordforms", source, {"went": 1}, versions)
        (entry,) = (tmp_path / "wordforms").rglob("*.json")
        entry.write_bytes(b"not cache data")
        assert wordforms._disk() == {}
        wordforms._disk.cache_clear()
        disk_cache.write("wordforms", source, {"went": "past"}, versions)  # wrong types
        assert wordforms._disk() == {}
        assert wordforms._lookup("went") == wordforms.mask("went")
    finally:
        wordforms._disk.cache_clear()
