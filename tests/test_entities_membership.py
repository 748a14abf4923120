"""Membership frames (issue 12) on dated sentences in varied news wordings: each one a
test. Wrong sentences must be flagged by the named rule on the named country; right
ones must stay quiet. Cases marked ``known_miss`` document a limit of the time markers
(strict xfail: a fix makes them pass and the mark must go)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import Config
from newslint.kinds.base import PackError
from newslint.knowledge.frames import Frame, forms, is_past

CONFIG = Config(select=("NL3",))
CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "entities" / "membership.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(reason=case["known_miss"], strict=True)] if case.get("known_miss") else []
    return pytest.param(case, id=f"{case['frame']}-{case['rule'] or 'quiet'}-{case['text'][:40]}", marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_membership_case(case: dict) -> None:
    found = lint_text(f"date {case['date']}\n{case['text']}", CONFIG)
    if case["rule"] is None:
        assert not found, [f.message for f in found]
    else:
        assert any(f.rule == case["rule"] and f.match == case["match"] for f in found), \
            [(f.rule, f.match) for f in found]


def test_set_is_wide_enough() -> None:
    wrong = [c for c in CASES if c["rule"]]
    right = [c for c in CASES if not c["rule"]]
    assert len(wrong) >= 80 and len(right) >= 80
    orgs = {"NATO", "EU", "ASEAN", "SCO", "OECD", "Council of Europe"}
    assert all(any(o in c["text"] for c in CASES) for o in orgs)


def test_finding_explains_itself() -> None:
    (finding,) = [f for f in lint_text("date 2025-03-11\nNATO held drills. The alliance's newest member, Finland, "
                                       "sent ships.", CONFIG)]
    assert "Sweden" in finding.message and "7 March 2024" in finding.message
    assert "rules/knowledge/nato.toml" in finding.message


def test_suggestion_only_with_evidence() -> None:
    (paired,) = lint_text("date 2022-03-11\nNATO leaders repeated the promise to Ukraine and Norway of eventual "
                          "NATO membership.", CONFIG)
    assert paired.replacements == ["Georgia"]  # Ukraine and Georgia: the 2008 Bucharest promise
    (alone,) = lint_text("date 2025-03-11\nNATO held drills near the border. Non-member Poland watched.", CONFIG)
    assert alone.replacements == []


def test_cue_inflections_come_from_lemminflect() -> None:
    assert {"join", "joins", "joined", "joining"} <= forms("join")
    assert {"bid", "bids"} <= forms("bid")
    assert is_past("joined") and is_past("acceded") and not is_past("joining")


@pytest.mark.parametrize(("spec", "message"), [
    ({"shape": "sideways", "cues": ["join"]}, "'shape' must be one of"),
    ({"shape": "subject"}, "needs 'cues' or 'weak-cues'"),
    ({"shape": "subject", "cues": ["join"], "org": "anything"}, "'org' must be one of"),
    ({"shape": "subject", "cues": [""]}, "'cues' must be a list of words"),
    ({"shape": "subject", "cues": ["join"], "colour": "red"}, "unknown field 'colour'"),
])
def test_bad_frame_is_a_pack_error(spec: dict, message: str) -> None:
    with pytest.raises(PackError, match=message):
        Frame.from_spec(spec, "frame #1")


def test_a_pack_with_a_bad_frame_names_the_file_and_rule(tmp_path: Path) -> None:
    from newslint.packs import compile_rule, load_pack
    from newslint.records import NewslintError

    pack = tmp_path / "bad.toml"
    pack.write_text('[pack]\nname = "bad"\n\n[[rules]]\ncode = "NL950"\nname = "bad-frame"\nkind = "membership"\n'
                    'category = "entities"\nexpects = "non-member"\nmessage = "x"\n\n'
                    '[[rules.frames]]\nshape = "diagonal"\ncues = ["join"]\n', encoding="utf-8")
    (rule,) = load_pack(str(pack)).rules
    with pytest.raises(NewslintError, match=r"bad\.toml.*NL950.*frame #1: 'shape' must be one of"):
        compile_rule(rule)


@pytest.mark.parametrize(("text", "rule", "suggested"), [
    # the knowledge base names exactly one country: it is offered
    ("date 2025-03-01\nNATO held drills. The alliance's newest member, Finland, sent ships.", "NL306", ["Sweden"]),
    ("date 2025-06-15\nEU candidates Moldova and Norway met in Chisinau.", "NL307", ["Ukraine"]),  # same decision
    ("date 2025-06-15\nNorway left the EU after a referendum.", "NL308", ["Britain"]),
    ("date 2024-03-08\nSweden became NATO's 31st member on Thursday.", "NL309", ["Finland"]),
    # several countries fit (OPEC's departures around 2019), or the one that fits is named: none
    ("date 2025-06-15\nOPEC ministers met. Norway quit the cartel in 2019.", "NL308", []),
    ("date 2025-03-01\nNATO met. The alliance's newest member, Finland, sent ships with Sweden.", "NL306", []),
])
def test_suggestions_beyond_nl301_need_evidence(text: str, rule: str, suggested: list[str]) -> None:
    found = [f for f in lint_text(text, CONFIG) if f.rule == rule]
    assert found and found[0].replacements == suggested, [(f.rule, f.replacements) for f in found]
    assert "rules/knowledge/" in found[0].message  # the finding names its knowledge file
