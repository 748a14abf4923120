"""Every shell, YAML, TOML and Python snippet of the README works as written (issue 15).

Snippets that can run offline are run in a scratch folder holding the files they name
(drafts/, story.md, ...): a documented command must not be a usage error or crash.
Lines that need the network or a long-running process are listed in SKIP with the
reason; a new kind of line fails here until it is run or listed.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
FENCE = re.compile(r"^( *)```(\w+)[^\n]*\n(.*?)^\1```", re.MULTILINE | re.DOTALL)

#: Line starts (after stripping) not run here, and why.
SKIP = {
    "python3 -m venv": "creates a virtualenv and installs from the package registry",
    "(command -v chromium": "installs system packages",
    "pip install": "needs the package registry or GitHub",
    "curl ": "talks to a running newslint serve",
    "pre-commit install": "installs git hooks (tests/test_precommit.py runs the hooks)",
    "python -m pytest": "the test suite itself",
    "python ../shared": "the shared evaluation corpus",
    "python bench/": "the benchmark (minutes)",
    "python -m newslint.docs --update-readme": "rewrites the README (test_packaging checks it is current)",
    "newslint serve": "a server that runs until stopped (tests/test_server*.py)",
    "newslint lsp": "a language server that runs until stopped",
    "duckdb ": "an external tool",
    "newslint archive": "starts a Dask cluster over a generated archive: minutes on two cores (the archive tests)",
}
RUN = re.compile(r"^(newslint\b|cat \S+ \| newslint\b|python -m newslint\b)")


def snippets(lang: str) -> list[str]:
    return [textwrap_dedent(m.group(3), len(m.group(1))) for m in FENCE.finditer(README) if m.group(2) == lang]


def textwrap_dedent(text: str, width: int) -> str:
    return "\n".join(line[width:] if line[:width].isspace() else line for line in text.splitlines())


def block_lines(block: str) -> list[str]:
    joined = re.sub(r"\\\n\s*", " ", block)
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.startswith("#")]


def shell_lines() -> list[str]:
    return [line for block in snippets("sh") for line in block_lines(block)]


def runnable_blocks() -> list[list[str]]:
    """Each sh block's lines that run here, in order (later lines may use what earlier ones wrote)."""
    blocks = [[line for line in block_lines(b) if _kind(line) == "run"] for b in snippets("sh")]
    return [b for b in blocks if b]


def _kind(line: str) -> str:
    if any(line.startswith(start) for start in SKIP):
        return "skip"
    return "run" if RUN.match(line) else "unknown"


def test_every_shell_line_is_run_or_skipped_for_a_reason():
    unknown = [line for line in shell_lines() if _kind(line) == "unknown"]
    assert not unknown, f"run these README lines here or add them to SKIP with a reason: {unknown}"
    assert sum(_kind(line) == "run" for line in shell_lines()) >= 15


def test_no_snippet_installs_an_unpublished_package():
    code = "\n".join(snippets("sh") + snippets("yaml"))
    assert not re.search(r"pip install (-U )?newslint\b", code), "newslint is not on PyPI: install from the repo"
    assert "rev: v0.1.0" not in README and "@v0.1.0" not in README, "no such tag exists"


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    story = "---\ndate: 2022-03-16\n---\n# Talks\n\nTalks in Kiev resumed on Monday.\n"
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "story.md").write_text(story, encoding="utf-8")
    (tmp_path / "wires").mkdir()
    (tmp_path / "wires" / "wire.txt").write_bytes("Caf\xe9 owners in Kiev.\n".encode("cp1252"))
    for name in ("story.md", "story.txt", "other.txt"):
        (tmp_path / name).write_text(story, encoding="utf-8")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    return tmp_path


def _run(line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", NO_COLOR="1")
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, text=True, capture_output=True,
                          stdin=subprocess.DEVNULL, timeout=300)


@pytest.mark.parametrize("lines", runnable_blocks(), ids=lambda lines: lines[0][:40])
def test_documented_commands_run(scratch, lines):
    for line in lines:
        proc = _run(line, scratch)
        assert "Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode in (0, 1), f"{line!r} exited {proc.returncode}:\n{proc.stdout[-2000:]}\n{proc.stderr}"
        assert "error:" not in proc.stderr, proc.stderr


def test_yaml_snippets_parse_and_match_the_action():
    blocks = [yaml.safe_load(b) for b in snippets("yaml")]
    assert len(blocks) >= 3
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    for block in blocks:
        for job in (block.get("jobs") or {}).values() if isinstance(block, dict) else ():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("newslint/newslint@"):
                    ref = step["uses"].split("@", 1)[1]
                    subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=ROOT,
                                   check=True, capture_output=True)
                    assert set(step.get("with", {})) <= set(action["inputs"])


def test_gitlab_snippet_commands_run(scratch):
    gitlab = next(b for b in map(yaml.safe_load, snippets("yaml")) if isinstance(b, dict) and "newslint" in b)
    lines = [line for line in gitlab["newslint"]["script"] if _kind(line) == "run"]
    assert lines
    for line in lines:
        proc = _run(line, scratch)
        assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    report = gitlab["newslint"]["artifacts"]["reports"]["codequality"]
    assert (scratch / report).is_file()


def test_toml_snippets_are_a_working_config_and_pack(scratch):
    config, pack = None, None
    for block in snippets("toml"):
        if "[pack]" in block:
            pack = block
        elif block.lstrip().startswith("# newslint.toml"):
            config = block
    assert config and pack
    (scratch / "style").mkdir()
    (scratch / "style" / "house.toml").write_text(pack, encoding="utf-8")
    proc = _run("newslint check-pack style/house.toml", scratch)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    for name in tomllib.loads(config).get("dictionary", []):  # a word list the snippet names: one word
        (scratch / name).parent.mkdir(parents=True, exist_ok=True)
        (scratch / name).write_text("Zhovkva\n", encoding="utf-8")
    (scratch / "newslint.toml").write_text(config, encoding="utf-8")
    proc = _run("newslint config story.md", scratch)
    assert proc.returncode == 0 and "reuters" in proc.stdout, proc.stderr


def test_python_snippets_run():
    ran = 0
    for block in snippets("python"):
        if re.search(r"^import (?!newslint)", block, re.MULTILINE):
            continue  # a third-party client (LanguageTool) against a running server
        proc = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        for comment in re.findall(r"print\(.*?\)\s+# (.+)", block):
            assert comment.split("...")[0].strip() in proc.stdout, f"{comment!r} not in {proc.stdout!r}"
        ran += 1
    assert ran >= 2
