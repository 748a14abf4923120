"""The pre-commit hooks, end to end with the real pre-commit in a throwaway newsroom repository.

pre-commit installs newslint from this checkout into its own environment (from the
package registry: about half a minute), once per test session: PRE_COMMIT_HOME is
shared by the tests here. ``try-repo`` builds its own environment each time, so it
runs once.

The hooks are installed from a snapshot of the checkout's work tree (HEAD plus every
uncommitted and untracked, not ignored, file): the same code the editable install in
the test run uses. ``try-repo <checkout>`` alone would take only changes to tracked
files, and a new module beside a changed pack would be missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
BAD = "# Talks\n\nTalks in Kiev resumed on Monday.\n"
GOOD = "# Talks\n\nTalks in Kyiv resumed on Monday.\n"


def git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        GIT_AUTHOR_NAME="Desk",
        GIT_AUTHOR_EMAIL="desk@example.org",
        GIT_COMMITTER_NAME="Desk",
        GIT_COMMITTER_EMAIL="desk@example.org",
        PRE_COMMIT_HOME=str(home),
        NO_COLOR="1",
        PRE_COMMIT_COLOR="never",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(home / "home"),
    )
    (home / "home").mkdir(parents=True, exist_ok=True)
    return env


def sh(
    args: list[str], cwd: Path, env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, cwd=cwd, env=env, text=True, capture_output=True, timeout=900)
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def snapshot(dest: Path, env: dict[str, str]) -> tuple[str, str]:
    """This checkout's work tree as a repository pre-commit can clone: (path, commit)."""
    sh(["git", "clone", "-q", str(ROOT), str(dest)], ROOT, env)
    sh(["git", "checkout", "-q", "-b", "_snapshot"], dest, env)
    index = sh(["git", "rev-parse", "--git-path", "index"], dest, env).stdout.strip()
    objects = sh(["git", "rev-parse", "--git-path", "objects"], dest, env).stdout.strip()
    add_env = dict(env, GIT_INDEX_FILE=str(dest / index), GIT_OBJECT_DIRECTORY=str(dest / objects))
    sh(["git", "add", "-A", "--", "."], ROOT, add_env)
    sh(["git", "commit", "-q", "--allow-empty", "--no-verify", "-m", "snapshot"], dest, env)
    return str(dest), sh(["git", "rev-parse", "HEAD"], dest, env).stdout.strip()


@pytest.fixture(scope="session")
def pc_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory, pc_home) -> tuple[str, str]:
    return snapshot(tmp_path_factory.mktemp("snapshot") / "newslint", git_env(pc_home))


def newsroom(path: Path, env: dict[str, str], files: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    sh(["git", "init", "-q", "-b", "main"], path, env)
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    return path


def test_manifest_declares_both_hooks():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"newslint", "newslint-fix"}
    import re

    for hook in hooks.values():
        assert hook["language"] == "python" and hook["types"] == ["text"]
        pattern = re.compile(hook["files"])
        assert all(pattern.search(n) for n in ["a.md", "b.markdown", "c.txt", "d.html", "E.MD"])
        assert not any(pattern.search(n) for n in ["x.py", "notes.md.bak", "data.json"])
    assert hooks["newslint-fix"]["entry"].split()[1:] == ["--fix"]


def test_try_repo_all_files_flags_the_bad_draft_only(tmp_path, pc_home, hook_repo):
    env = git_env(pc_home)
    repo_url, rev = hook_repo
    repo = newsroom(
        tmp_path / "desk",
        env,
        {"drafts/bad.md": BAD, "drafts/good.md": GOOD, "drafts/notes.py": "city = 'Kiev'\n"},
    )
    sh(["git", "add", "."], repo, env)
    proc = sh(
        PRE_COMMIT + ["try-repo", repo_url, "newslint", "--ref", rev, "--all-files"], repo, env, check=False
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "newslint (news copy)" in out and "Failed" in out
    assert "drafts/bad.md:3:10: NL201 [places] House style is 'Kyiv', not 'Kiev'." in out
    assert "good.md:" not in out and "notes.py" not in out
    assert "Found 1 problem in 1 file (2 checked)." in out, "only the Markdown drafts were given"


def test_commit_is_blocked_by_an_error_and_a_clean_draft_passes(tmp_path, pc_home, hook_repo):
    env = git_env(pc_home)
    repo_url, rev = hook_repo
    config = {"repos": [{"repo": repo_url, "rev": rev, "hooks": [{"id": "newslint"}]}]}
    repo = newsroom(
        tmp_path / "desk", env, {".pre-commit-config.yaml": yaml.safe_dump(config), "drafts/old.md": BAD}
    )
    sh(["git", "add", ".pre-commit-config.yaml", "drafts/old.md"], repo, env)
    sh(["git", "commit", "-q", "--no-verify", "-m", "history with an old error"], repo, env)
    sh(PRE_COMMIT + ["install"], repo, env)

    (repo / "drafts" / "bad.md").write_text(BAD, encoding="utf-8")
    sh(["git", "add", "drafts/bad.md"], repo, env)
    blocked = sh(["git", "commit", "-m", "draft with an error"], repo, env, check=False)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, out
    assert "drafts/bad.md:3:10: NL201 [places] House style is 'Kyiv', not 'Kiev'." in out
    assert "    3 | Talks in Kiev resumed on Monday." in out, "the report shows the line"
    assert "old.md" not in out, "only the staged files are linted"
    assert "bad.md" in sh(["git", "status", "--porcelain"], repo, env).stdout

    sh(["git", "reset", "-q", "drafts/bad.md"], repo, env)
    (repo / "drafts" / "good.md").write_text(GOOD, encoding="utf-8")
    sh(["git", "add", "drafts/good.md"], repo, env)
    passed = sh(["git", "commit", "-m", "clean draft"], repo, env, check=False)
    out = passed.stdout + passed.stderr
    assert passed.returncode == 0, out
    assert "newslint (news copy)" in out and "Passed" in out
    assert "clean draft" in sh(["git", "log", "-1", "--format=%s"], repo, env).stdout


def test_fix_hook_applies_safe_fixes_and_stops_the_commit_for_review(tmp_path, pc_home, hook_repo):
    env = git_env(pc_home)
    repo_url, rev = hook_repo
    config = {"repos": [{"repo": repo_url, "rev": rev, "hooks": [{"id": "newslint-fix"}]}]}
    repo = newsroom(tmp_path / "desk", env, {".pre-commit-config.yaml": yaml.safe_dump(config)})
    draft = repo / "drafts" / "crlf.md"
    draft.parent.mkdir()
    draft.write_bytes(b"\xef\xbb\xbfTalks in Kiev resumed.\r\n\r\nCaf\xc3\xa9 in Kharkov.\r\n")
    sh(["git", "add", "."], repo, env)
    first = sh(PRE_COMMIT + ["run", "newslint-fix", "--files", "drafts/crlf.md"], repo, env, check=False)
    out = first.stdout + first.stderr
    assert first.returncode == 1, out
    assert "files were modified by this hook" in out
    assert draft.read_bytes() == b"\xef\xbb\xbfTalks in Kyiv resumed.\r\n\r\nCaf\xc3\xa9 in Kharkiv.\r\n"
    sh(["git", "add", "drafts/crlf.md"], repo, env)
    second = sh(PRE_COMMIT + ["run", "newslint-fix", "--files", "drafts/crlf.md"], repo, env, check=False)
    assert second.returncode == 0, second.stdout + second.stderr


@pytest.fixture(autouse=True, scope="module")
def _need_git():
    if shutil.which("git") is None:
        raise RuntimeError("git is needed for the pre-commit tests")


def readme_precommit_config() -> str:
    """The README's pre-commit snippet (the YAML block after ``<!-- snippet: pre-commit -->``), as written."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- snippet: pre-commit -->\s*```yaml\n(.*?)^```", readme, re.MULTILINE | re.DOTALL)
    assert match, "the README's pre-commit snippet is marked <!-- snippet: pre-commit -->"
    return match.group(1)


def test_readme_snippet_installs_and_blocks_a_bad_draft(tmp_path, pc_home):
    """The snippet works offline as written, with newslint installed as the Quick start says."""
    env = git_env(pc_home)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    repo = newsroom(tmp_path / "desk", env, {".pre-commit-config.yaml": readme_precommit_config()})
    sh(["git", "add", ".pre-commit-config.yaml"], repo, env)
    sh(PRE_COMMIT + ["install"], repo, env)
    (repo / "drafts").mkdir()
    (repo / "drafts" / "bad.md").write_text(BAD, encoding="utf-8")
    sh(["git", "add", "drafts/bad.md"], repo, env)
    blocked = sh(["git", "commit", "-m", "draft with an error"], repo, env, check=False)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and "drafts/bad.md:3:10: NL201" in out, out
    (repo / "drafts" / "bad.md").write_text(GOOD, encoding="utf-8")
    sh(["git", "add", "drafts/bad.md"], repo, env)
    passed = sh(["git", "commit", "-m", "clean draft"], repo, env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
