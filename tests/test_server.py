"""``newslint serve``: the JSON API, the LanguageTool-compatible endpoint, limits and hostile input.

The LanguageTool tests use a real LanguageTool client (``language_tool_python``) against a
real server on loopback; the API tests use Starlette's in-process client.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from server_helpers import running_server
from starlette.testclient import TestClient

from newslint.server.app import Limits, create_app
from newslint.service import Service

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
DRAFT = "Talks in Kiev resumed on Tuesday. He said the the talks were over.\n"


@pytest.fixture(scope="module")
def service() -> Service:
    return Service()


@pytest.fixture(scope="module")
def client(service: Service) -> TestClient:
    return TestClient(create_app(service, Limits(max_body_bytes=50_000, max_text_chars=20_000)))


def rules_of(findings: list[dict]) -> list[tuple[str, str]]:
    return [(f["rule"], f["match"]) for f in findings]


def test_lint_returns_the_json_report_findings(client: TestClient) -> None:
    res = client.post("/api/v1/lint", json={"text": DRAFT, "date": "2022-03-01"})
    assert res.status_code == 200
    body = res.json()
    assert rules_of(body["findings"]) == [("NL201", "Kiev"), ("NL401", "the the")]
    kiev = body["findings"][0]
    assert (kiev["line"], kiev["column"], kiev["offset"], kiev["length"]) == (1, 10, 9, 4)
    assert kiev["fix"] == {"replacement": "Kyiv", "offset": 9, "length": 4, "safe": True}
    assert body["summary"] == {"findings": 2, "by_category": {"grammar": 1, "places": 1}}


def test_select_ignore_and_style_apply_per_request(client: TestClient) -> None:
    only_places = client.post("/api/v1/lint", json={"text": DRAFT, "select": ["places"]}).json()
    assert rules_of(only_places["findings"]) == [("NL201", "Kiev")]
    no_grammar = client.post("/api/v1/lint", json={"text": DRAFT, "ignore": "grammar,NL2"}).json()
    assert no_grammar["findings"] == []
    styled = client.post("/api/v1/lint", json={"text": DRAFT, "style": "bbc"})
    assert styled.status_code == 200


def test_markdown_is_read_as_markdown_when_the_path_says_so(client: TestClient) -> None:
    text = "Talks went on.\n\n```\nKiev\n```\n\nIn `Kiev` too.\n"
    assert client.post("/api/v1/lint", json={"text": text, "path": "a.md"}).json()["findings"] == []
    assert [f["rule"] for f in client.post("/api/v1/lint", json={"text": text}).json()["findings"]].count("NL201") == 2


def test_fix_applies_safe_fixes_and_lists_what_remains(client: TestClient) -> None:
    res = client.post("/api/v1/fix", json={"text": DRAFT})
    body = res.json()
    assert res.status_code == 200 and body["changed"] is True
    assert body["text"] == "Talks in Kyiv resumed on Tuesday. He said the talks were over.\n"
    assert sorted(f["rule"] for f in body["applied"]) == ["NL201", "NL401"]
    assert body["remaining"] == []
    again = client.post("/api/v1/fix", json={"text": body["text"]}).json()
    assert again["changed"] is False and again["text"] == body["text"]


def test_rules_styles_health_and_openapi(client: TestClient, service: Service) -> None:
    rules = client.get("/api/v1/rules").json()["rules"]
    assert {r["code"] for r in rules} == {r.code for r in service.rules}
    assert {"code", "name", "category", "severity", "summary", "enabled"} <= set(rules[0])
    assert "bbc" in client.get("/api/v1/styles").json()["styles"]
    assert client.get("/healthz").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/v1/lint", "/api/v1/fix", "/api/v1/rules", "/v2/check", "/v2/languages"} <= set(spec["paths"])


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"text": "x", "select": ["plaecs"]}, "select", "unknown rule selector 'plaecs'"),
        ({"text": "x", "ignore": ["NL999"]}, "ignore", "unknown rule selector 'NL999'"),
        ({"text": 42}, "text", "must be a string"),
        ({}, "text", "required"),
        ({"text": "x", "date": "March 3"}, "date", "YYYY-MM-DD"),
        ({"text": "x", "style": "tabloid"}, "style", "unknown style"),
        ({"text": "x", "select": [1, 2]}, "select", "list of strings"),
        ({"text": "x", "packs": ["/etc/passwd"]}, "packs", "unknown field 'packs'"),
    ],
)
def test_bad_fields_are_422_with_what_is_wrong(client: TestClient, body: dict, field: str, words: str) -> None:
    res = client.post("/api/v1/lint", json=body)
    assert res.status_code == 422
    error = res.json()["error"]
    assert words in error["message"]
    assert error.get("field") == field


def test_malformed_json_binary_and_wrong_type_are_refused(client: TestClient) -> None:
    bad = client.post("/api/v1/lint", content=b'{"text": "x",', headers={"content-type": "application/json"})
    assert bad.status_code == 422 and "malformed JSON" in bad.json()["error"]["message"]
    binary = client.post("/api/v1/lint", content=bytes(range(256)), headers={"content-type": "application/json"})
    assert binary.status_code == 400
    form = client.post("/api/v1/lint", content=b"text=x", headers={"content-type": "application/x-www-form-urlencoded"})
    assert form.status_code == 415
    array = client.post("/api/v1/lint", json=["text"])
    assert array.status_code == 422


def test_size_limits_are_413(client: TestClient) -> None:
    big_body = client.post("/api/v1/lint", content=b"x" * 60_000, headers={"content-type": "application/json"})
    assert big_body.status_code == 413
    long_text = client.post("/api/v1/lint", json={"text": "word " * 5_000})
    assert long_text.status_code == 413 and long_text.json()["error"]["field"] == "text"


def test_a_request_over_the_time_limit_is_abandoned_with_503(service: Service) -> None:
    slow = TestClient(create_app(service, Limits(timeout_seconds=0.001)))
    text = ("The alliance met in Kiev on Tuesday, and officials said talks would go on. " * 300)
    res = slow.post("/api/v1/lint", json={"text": text})
    assert res.status_code == 503 and "longer than" in res.json()["error"]["message"]


def test_a_path_in_a_request_is_a_name_never_a_file_to_read(client: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    res = client.post("/api/v1/lint", json={"text": "", "path": str(secret)})
    assert res.status_code == 200 and res.json()["findings"] == []


def test_the_api_gives_the_cli_findings_on_the_dev_corpus(client: TestClient) -> None:
    files = sorted(DEV.glob("*.txt"))
    cli = subprocess.run([sys.executable, "-m", "newslint", "--format", "json", *map(str, files)],
                         capture_output=True, text=True, check=False)
    by_path: dict[str, list[dict]] = {}
    for f in json.loads(cli.stdout)["findings"]:
        by_path.setdefault(Path(f["path"]).name, []).append(f)
    for file in files:
        text = file.read_text(encoding="utf-8")
        api = client.post("/api/v1/lint", json={"text": text, "path": file.name}).json()["findings"]
        expected = [{k: v for k, v in f.items() if k != "path"} for f in by_path.get(file.name, [])]
        assert [{k: v for k, v in f.items() if k != "path"} for f in api] == expected, file.name
    assert sum(len(v) for v in by_path.values()) >= 19


# -- LanguageTool compatibility -----------------------------------------------------------------


def test_languagetool_client_gets_newslint_matches() -> None:
    language_tool_python = pytest.importorskip("language_tool_python")
    text = "Talks in Kiev 🇺🇦 resumed. She said an university would open.\n"
    with running_server() as url:
        tool = language_tool_python.LanguageTool("en-US", remote_server=url)
        matches = tool.check(text)
        assert [(m.rule_id, text[m.offset:m.offset + m.error_length]) for m in matches] == [
            ("NL201", "Kiev"), ("NL403", "an")]
        assert matches[0].replacements == ["Kyiv"]
        assert matches[0].category == "PLACES"
        assert "Kiev" in matches[0].context
        # the client's own correction helper applies newslint's replacements
        assert language_tool_python.utils.correct(text, matches).startswith("Talks in Kyiv 🇺🇦 resumed.")
        tool.disabled_rules = {"NL201"}
        assert [m.rule_id for m in tool.check(text)] == ["NL403"]
        tool.disabled_rules = set()
        tool.enabled_rules = {"NL201"}
        tool.enabled_rules_only = True
        assert [m.rule_id for m in tool.check(text)] == ["NL201"]
        tool.close()


def test_v2_check_offsets_count_utf16_units_like_languagetool(client: TestClient) -> None:
    text = "🇺🇦 Talks in Kiev resumed."
    res = client.post("/v2/check", data={"text": text, "language": "en-GB"}).json()
    m = res["matches"][0]
    assert text.encode("utf-16-le")[2 * m["offset"]: 2 * (m["offset"] + m["length"])].decode("utf-16-le") == "Kiev"
    assert res["language"]["code"] == "en-GB"
    assert m["rule"]["category"] == {"id": "PLACES", "name": "Places"}
    assert m["sentence"] == "🇺🇦 Talks in Kiev resumed."


def test_v2_check_data_annotations_map_back_through_markup(client: TestClient) -> None:
    data = {"annotation": [{"text": "Talks in "}, {"markup": "<b>"}, {"text": "Kiev"}, {"markup": "</b>"},
                           {"text": " resumed."}, {"markup": "<br/>", "interpretAs": "\n\n"}, {"text": "the the end"}]}
    res = client.post("/v2/check", data={"data": json.dumps(data), "language": "en-US"}).json()
    original = "Talks in <b>Kiev</b> resumed.<br/>the the end"
    spans = [(m["rule"]["id"], original[m["offset"]: m["offset"] + m["length"]]) for m in res["matches"]]
    assert spans == [("NL201", "Kiev"), ("NL401", "the the")]


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"text": "x", "language": "de-DE"}, 422),
        ({"language": "en-US"}, 400),
        ({"text": "x", "language": "en-US", "disabledRules": "NOT_A_RULE"}, 422),
        ({"text": "x", "language": "en-US", "enabledOnly": "true"}, 422),
        ({"data": "{not json", "language": "en-US"}, 422),
    ],
)
def test_v2_check_bad_requests(client: TestClient, fields: dict, status: int) -> None:
    assert client.post("/v2/check", data=fields).status_code == status


def test_v2_languages_lists_english_variants(client: TestClient) -> None:
    codes = {entry["longCode"] for entry in client.get("/v2/languages").json()}
    assert {"en-US", "en-GB"} <= codes


# -- load and hostile clients on a real server --------------------------------------------------


def test_concurrent_clients_lose_no_request_and_slow_clients_block_no_one() -> None:
    article = (DEV / "001_f3b3266d7e4b0c33.txt").read_text(encoding="utf-8")
    with running_server() as url:
        # slow clients: connections that send half a request and then wait
        idle = []
        for _ in range(8):
            sock = socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])))
            sock.sendall(b"POST /api/v1/lint HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{\"te")
            idle.append(sock)
        latencies: list[float] = []

        def one(i: int) -> tuple[int, int]:
            text = article if i % 4 == 0 else DRAFT
            start = time.perf_counter()
            res = httpx.post(f"{url}/api/v1/lint", json={"text": text}, timeout=60)
            latencies.append(time.perf_counter() - start)
            return res.status_code, len(res.json()["findings"])

        with ThreadPoolExecutor(16) as pool:
            results = list(pool.map(one, range(160)))
        for sock in idle:
            sock.close()
    assert len(results) == 160 and len(latencies) == 160
    assert all(status == 200 for status, _ in results)
    assert {n for i, (_, n) in enumerate(results) if i % 4} == {2}  # the short draft: its 2 findings every time
    assert len({n for i, (_, n) in enumerate(results) if i % 4 == 0}) == 1  # the article: the same answer every time


def test_v2_check_gives_the_api_findings_on_the_dev_corpus(client: TestClient) -> None:
    """One engine: a LanguageTool client sees exactly the native API's findings (rule, span, message)."""
    for file in sorted(DEV.glob("*.txt")):
        text = file.read_text(encoding="utf-8")
        api = client.post("/api/v1/lint", json={"text": text}).json()["findings"]
        lt = client.post("/v2/check", data={"text": text, "language": "en-US"}).json()["matches"]
        units = text.encode("utf-16-le")
        assert [(m["rule"]["id"], units[2 * m["offset"]: 2 * (m["offset"] + m["length"])].decode("utf-16-le"),
                 m["message"]) for m in lt] == [(f["rule"], f["match"], f["message"]) for f in api], file.name
