"""Issue 16 item 2: every regular expression a pack can supply is compiled and run through
:mod:`newslint.safe_regex`, with a time limit, and patterns that would blow up at compile
time or recurse are refused at load (exit 2, file and rule named).

The runaway pattern is ``(a|a)+$`` on a run of a's ending in "b": `regex` backtracks
through every split of the run (25 a's take some ten seconds), so a site without the limit
makes its test slow instead of stopping it. Limits are lowered to a fraction of a second.
"""
from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import safe_regex
from newslint.cli import main
from newslint.kinds.base import Context, PackError, RuleKind
from newslint.records import Hit
from newslint.regex_guard import UnsafePattern, check_pattern

SLOW = "(a|a)+$"
RUN = "a" * 25 + "b"
BLOWUP = "(?:(?:a{1000}){1000}){1000}"  # 27 bytes; `regex` would write out a billion items

HEAD = """
[pack]
name = "house"

[[rules]]
code = "NL901"
name = "house-rule"
category = "style"
message = "House rule: {match}."
"""

# One rule per call site the issue names, with the pattern in the place that site reads.
SITES: dict[str, str] = {
    "token REGEX": 'kind = "pattern"\npatterns = [[{ORTH = {REGEX = \'PATTERN\'}}]]\n',
    "unless-before": 'kind = "pattern"\npatterns = [[{LOWER = "kiev"}]]\nunless-before = \'PATTERN\'\n',
    "unless-after": 'kind = "pattern"\npatterns = [[{LOWER = "kiev"}]]\nunless-after = \'PATTERN\'\n',
    "allow-if-before": 'kind = "doubled-word"\nallow-if-before = { the = \'PATTERN\' }\n',
    "teaser labels": 'kind = "teaser"\nlabels = [\'PATTERN\']\n',
    "existence": 'kind = "existence"\npatterns = [\'PATTERN\']\n',
    "exceptions": 'kind = "existence"\npatterns = ["Kiev"]\nexceptions = [\'PATTERN\']\n',
}
# Text on which each site runs its pattern over the runaway run.
TEXTS: dict[str, str] = {
    "token REGEX": f"{RUN} here.\n",
    "unless-before": f"{RUN} Kiev\n",
    "unless-after": f"Kiev {RUN}\n",
    "allow-if-before": f"{RUN} the the cat\n",
    "teaser labels": f"{RUN}\n",
    "existence": f"{RUN}\n",
    "exceptions": f"Kiev {RUN}\n",
}


def run(capsys: Any, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def with_pack(folder: Path, site: str, pattern: str) -> Path:
    body = HEAD + SITES[site].replace("PATTERN", pattern)
    (folder / "house.toml").write_text(textwrap.dedent(body), encoding="utf-8")
    config = folder / "newslint.toml"
    config.write_text('packs = ["house.toml"]\n', encoding="utf-8")
    return config


@pytest.mark.parametrize("site", list(SITES))
def test_a_runaway_pattern_is_stopped_at_every_site(capsys, tmp_path, monkeypatch, site) -> None:
    monkeypatch.setattr(safe_regex, "PATTERN_TIMEOUT", 0.1)
    config = with_pack(tmp_path, site, SLOW)
    (tmp_path / "slow.txt").write_text(TEXTS[site] + "Talks in Kiev resumed.\n", encoding="utf-8")
    code, out, err = run(capsys, "--config", config, "--select", "NL901,NL201", "--format", "json", tmp_path)
    assert "Traceback" not in err
    assert code == 1
    findings = json.loads(out)["findings"]
    stopped = [f for f in findings if f["rule"] == "NL901"]
    assert len(stopped) == 1 and "ran too long" in stopped[0]["message"], stopped
    assert "house.toml" in stopped[0]["message"] and stopped[0]["severity"] == "error"
    assert any(f["rule"] == "NL201" for f in findings), "the other rules still ran"


@pytest.mark.parametrize("site", list(SITES))
@pytest.mark.parametrize("pattern, reason", [
    (BLOWUP, "counted repetitions"),
    ("(?:x{1000}y){1000}", "counted repetitions"),
    ("a(?R)?b", "recursion"),
    ("(?0)", "recursion"),
    ("(a(?1)?b)", "recursion"),
    ("(?P<n>a(?&n)?b)", "recursion"),
    ("(?P<n>a(?P>n)?b)", "recursion"),
    ("(a(?-1)?b)", "recursion"),
])
def test_a_pattern_that_would_blow_up_is_refused_at_load(capsys, tmp_path, site, pattern, reason) -> None:
    config = with_pack(tmp_path, site, pattern)
    (tmp_path / "one.txt").write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    code, out, err = run(capsys, "--config", config, tmp_path)
    assert code == 2 and "Traceback" not in err
    assert "house.toml" in err and "NL901" in err and reason in err, err


@pytest.mark.parametrize("pattern", [
    "(?P<x>Kiev)(?:, (?&x))?",        # a call to a group outside it: a subroutine, not recursion
    "(a)(?1)", "(?+1)(b)", r"\d{1,3}(?:,\d{3}){0,4}", "[(?R)]", r"\(?R\)", "(?#(?R)x",
    r"(?x) a \# b  # (?R) in a comment" + "\n c{2}",
    "a{100000}",                       # long, but written out no longer than it is
    "(?:ab{2,1000}){0,50}",
])
def test_safe_patterns_still_compile(pattern) -> None:
    compiled = safe_regex.compile_regex(pattern)
    assert isinstance(compiled, safe_regex.SafePattern) and compiled.pattern == pattern


def test_the_bundled_packs_pass_the_check() -> None:
    """Every pattern the bundled rules compile (furniture vocabulary, knowledge triggers with
    their shared country group, mention cues...) is accepted: loading them raises nothing."""
    from newslint.config import Config
    from newslint.engine import Linter

    assert Linter(Config(select=("ALL",))).runnable()


@pytest.mark.parametrize("field, value", [
    ("message", "{match:>50000000}"),
    ("message", "{match:.99999999}"),
    ("message", "{match!r}"),
    ("message", "{match.__class__}"),
    ("replacement", "{0:>50000000}"),
])
def test_templates_cannot_pad_or_reach_into_objects(capsys, tmp_path, field, value) -> None:
    body = HEAD.replace('message = "House rule: {match}."', "message = \"m\"") + (
        'kind = "pattern"\npatterns = [[{LOWER = "kiev"}]]\n')
    body += f'{field} = "{value}"\n' if field == "replacement" else ""
    if field == "message":
        body = body.replace('message = "m"', f'message = "{value}"')
    (tmp_path / "house.toml").write_text(textwrap.dedent(body), encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    (tmp_path / "one.txt").write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    code, _, err = run(capsys, "--config", tmp_path / "newslint.toml", tmp_path)
    assert code == 2 and "Traceback" not in err
    assert "house.toml" in err and "NL901" in err and field in err, err


def test_mention_cues_are_checked_and_limited(tmp_path, monkeypatch) -> None:
    """The mention cue file is data a newsroom can replace: its patterns are refused and
    limited like a pack's."""
    from newslint.kinds import mention

    bad = tmp_path / "bad.toml"
    bad.write_text(f"[naming]\nbefore = ['{BLOWUP}']\n", encoding="utf-8")
    with pytest.raises(PackError, match="naming.before.*counted repetitions"):
        mention.load_cues(str(bad))
    slow = tmp_path / "slow.toml"
    slow.write_text(f"[naming]\nbefore = ['{SLOW}']\n", encoding="utf-8")
    monkeypatch.setattr(safe_regex, "PATTERN_TIMEOUT", 0.1)
    text = f"{RUN} Kiev"
    with pytest.raises(safe_regex.PatternTimeout):
        mention.Mentions(text, mention.load_cues(str(slow))).is_mention(len(text) - 4, len(text), ())


# ----- REGEX in a tag-reading pattern: spaCy's Matcher would run it with Python's re ----------

def _have_model() -> bool:
    from newslint.nlp import DEFAULT_MODEL, installed_model

    return installed_model(DEFAULT_MODEL) is not None


TAGGED = 'kind = "pattern"\nrequires = ["pos"]\npatterns = [[{POS = "NOUN", LOWER = {REGEX = \'PATTERN\'}}]]\n'


@pytest.mark.skipif(not _have_model(), reason="no trained spaCy English pipeline installed")
@pytest.mark.parametrize("pattern, stopped", [("^tal", False), (SLOW, True)])
def test_regex_in_a_tagged_pattern_runs_through_the_limit(tmp_path, monkeypatch, pattern, stopped) -> None:
    from newslint.config import Config
    from newslint.document import make_document
    from newslint.engine import Linter

    pack = tmp_path / "house.toml"
    pack.write_text(HEAD + TAGGED.replace("PATTERN", pattern), encoding="utf-8")
    linter = Linter(Config(packs=(str(pack),), select=("NL901",)))
    monkeypatch.setattr(safe_regex, "PATTERN_TIMEOUT", 0.1)
    found = linter.lint(make_document(f"The talks went on. The {RUN} fell.\n", "t.txt"))
    if stopped:
        assert len(found) == 1 and "ran too long" in found[0].message, [f.message for f in found]
    else:
        assert [f.match for f in found] == ["talks"]


def test_regex_in_a_tagged_pattern_is_checked_at_load(tmp_path) -> None:
    from newslint.config import Config
    from newslint.engine import Linter
    from newslint.records import NewslintError

    pack = tmp_path / "house.toml"
    pack.write_text(HEAD + TAGGED.replace("PATTERN", BLOWUP), encoding="utf-8")
    with pytest.raises(NewslintError, match="NL901.*counted repetitions"):
        Linter(Config(packs=(str(pack),), select=("NL901",)))


# ----- the budget: a pattern's calls on one document share the limit -------------------------

class FakeClock:
    """thread_time that moves a second at every reading: each call seems to take a second."""

    def __init__(self) -> None:
        self.now = 0.0

    def thread_time(self) -> float:
        self.now += 1.0
        return self.now


def test_calls_in_one_rule_run_share_the_limit(monkeypatch) -> None:
    pattern = safe_regex.compile_regex("Kiev")
    monkeypatch.setattr(safe_regex, "PATTERN_TIMEOUT", 2.5)
    monkeypatch.setattr(safe_regex, "time", FakeClock())
    for _ in range(5):  # outside a run every call has the whole limit
        assert pattern.search("Talks in Kiev") is not None
    with safe_regex.pattern_budget(), pytest.raises(safe_regex.PatternTimeout):
        for _ in range(5):  # one second each: the fourth call finds the limit spent
            pattern.search("Talks in Kiev")
    other = safe_regex.compile_regex("Kyiv")
    with safe_regex.pattern_budget():
        pattern.search("Kiev")
        pattern.search("Kiev")
        assert other.search("Kyiv") is not None, "each pattern has its own share"


def test_a_scan_is_limited_as_a_whole_not_per_step(monkeypatch) -> None:
    """`regex` restarts its clock at every finditer step; the budget does not."""
    pattern = safe_regex.compile_regex("a")
    monkeypatch.setattr(safe_regex, "PATTERN_TIMEOUT", 2.5)
    monkeypatch.setattr(safe_regex, "time", FakeClock())
    with pytest.raises(safe_regex.PatternTimeout):
        list(pattern.finditer("a" * 10))
    with pytest.raises(safe_regex.PatternTimeout):
        list(safe_regex.matches_at(pattern, "a" * 10, range(10)))


class SearchingKind(RuleKind):
    """Test-only kind: searches its pattern ``calls`` times per document."""

    fields = {"pattern": str, "calls": int}

    def configure(self, spec: dict[str, Any]) -> None:
        self.pattern = safe_regex.compile_regex(spec["pattern"])
        self.calls = spec["calls"]

    def check(self, ctx: Context) -> Iterable[Hit]:
        for _ in range(self.calls):
            found = self.pattern.search(ctx.text)
        if found:
            yield Hit(found.start(), found.end(), "found")


@pytest.mark.parametrize("calls, stopped", [(1, False), (3, True)])
def test_the_engine_gives_each_rule_run_one_budget(tmp_path, monkeypatch, calls, stopped) -> None:
    """Inside the engine a rule's calls on one document share the limit (two one-second calls
    use up 1.5 s and leave nothing for a third), and linting the document again starts afresh."""
    from newslint import packs
    from newslint.config import Config
    from newslint.document import make_document
    from newslint.engine import Linter

    real_exists, real_load = packs.kind_exists, packs.load_kind
    monkeypatch.setattr(packs, "kind_exists", lambda k: k == "searching" or real_exists(k))
    monkeypatch.setattr(packs, "load_kind", lambda k: SearchingKind if k == "searching" else real_load(k))
    pack = tmp_path / "house.toml"
    pack.write_text(HEAD + f'kind = "searching"\npattern = "Kiev"\ncalls = {calls}\n', encoding="utf-8")
    linter = Linter(Config(packs=(str(pack),), select=("NL901",)))
    monkeypatch.setattr(safe_regex, "PATTERN_TIMEOUT", 1.5)
    monkeypatch.setattr(safe_regex, "time", FakeClock())
    doc = make_document("Talks in Kiev resumed.\n", "t.txt")
    for _ in range(3):
        messages = [f.message for f in linter.lint(doc)]
        if stopped:
            assert len(messages) == 1 and "ran too long" in messages[0], messages
        else:
            assert messages == ["found"]


# ----- the static check itself ---------------------------------------------------------------

@pytest.mark.parametrize("pattern, unsafe", [
    ("(?:a{1000}){1000}", True), ("(?:a{1000}){100}", False), ("(?:[ab]{1000}){1000}", True),
    (r"(?:\w{1000}){1000}", True), ("(?:a{1000}|b){1000}", True), ("(?:a{1000}){1000,}", True),
    ("(?:a{1000}){0}", False), ("x{200001}", True), ("(?:a|b){1000}", False),
    ("(?i)(?:a{1000}){1000}", True), ("(?x)(?: a{1000} ) {1000}", True), ("[a{1000}]{1000}", False),
    (r"\{1000}{1000}", False), ("(a)(?2)", True), ("(?P<a>x)(?(a)y|z)", False),
])
def test_static_check(pattern, unsafe) -> None:
    if unsafe:
        with pytest.raises(UnsafePattern):
            check_pattern(pattern)
    else:
        check_pattern(pattern)


# ----- property: whatever a pack writes, loading and matching end in time ------------------

_ATOMS = st.sampled_from(["a", "b", "ab", ".", r"\w", r"\d", "[ab]", "[^a]", r"\s", "(?i:a)", "x", "$", "^"])
_QUANTIFIERS = st.sampled_from(["", "", "*", "+", "?", "{2}", "{0,3}", "{40}", "{1000}", "{2,}", "*?", "++"])
_CALLS = st.sampled_from(["(?R)", "(?1)", "(?-1)", "(?&g)", "(?0)"])


@st.composite
def pack_patterns(draw: Any, depth: int = 3) -> str:
    """Regex-like text built from atoms, groups, alternations, quantifiers and calls."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        item = draw(_ATOMS)
    else:
        inner = "".join(draw(st.lists(pack_patterns(depth=depth - 1), min_size=1, max_size=3)))
        if draw(st.booleans()):
            inner += "|" + draw(pack_patterns(depth=depth - 1))
        opener = draw(st.sampled_from(["(", "(?:", "(?P<g>", "(?>", "(?="]))
        item = opener + inner + (draw(_CALLS) if draw(st.integers(0, 6)) == 0 else "") + ")"
    return item + draw(_QUANTIFIERS)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(pattern=pack_patterns(), text=st.sampled_from(["", "ab ab", "a" * 30 + "b", "x1 yy ab\nba " * 20]))
def test_any_pack_pattern_loads_or_is_refused_and_runs_within_the_limit(pattern: str, text: str) -> None:
    """The only outcomes: refused with a PackError, or compiled and then every match found or
    PatternTimeout. Never a MemoryError, RecursionError or a hang past the limit."""
    safe_regex.PATTERN_TIMEOUT, saved = 0.05, safe_regex.PATTERN_TIMEOUT
    try:
        try:
            compiled = safe_regex.compile_regex(pattern)
        except PackError as exc:
            assert str(exc)
            return
        try:
            list(safe_regex.finditer(compiled, text))
            compiled.search(text)
        except safe_regex.PatternTimeout:
            pass
    finally:
        safe_regex.PATTERN_TIMEOUT = saved

