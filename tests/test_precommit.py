"""The pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit on a throwaway repo.

Other repositories use the hook with `language: python`: pre-commit clones this
repository and pip-installs it (with spaCy) into its own environment, which needs
the network. These tests must not download anything, so they run the hook as
published (same id, entry, file pattern and options) with `language: system`,
pointing at the recordlint already installed in this environment.
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
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
GIT = shutil.which("git")

pytestmark = pytest.mark.skipif(not (PRE_COMMIT and GIT), reason="needs git and pre-commit")


def published_hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "recordlint")


def env_for(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update({
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "HOME": str(tmp_path / "home"),
        "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
    })
    (tmp_path / "home").mkdir(exist_ok=True)
    return env


def make_repo(tmp_path: Path, hook_overrides: dict | None = None, args: list[str] | None = None) -> Path:
    repo = tmp_path / "records-repo"
    repo.mkdir()
    env = env_for(tmp_path)
    subprocess.run([GIT, "init", "-q", str(repo)], check=True, env=env)
    hook = dict(published_hook())
    hook.update({"language": "system", "entry": f"{BIN / 'recordlint'} check"})
    if args:
        hook["args"] = args
    hook.update(hook_overrides or {})
    for key in ("minimum_pre_commit_version",):
        hook.pop(key, None)
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return repo


def add_and_run(repo: Path, tmp_path: Path, files: dict[str, str]) -> subprocess.CompletedProcess:
    env = env_for(tmp_path)
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    subprocess.run([GIT, "add", "-A"], cwd=repo, check=True, env=env)
    return subprocess.run([PRE_COMMIT, "run", "--all-files", "--color", "never"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)


def test_manifest_is_valid():
    hook = published_hook()
    assert hook["entry"] == "recordlint check"
    assert hook["language"] == "python"
    r = subprocess.run([PRE_COMMIT, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_project_config_is_valid():
    r = subprocess.run([PRE_COMMIT, "validate-config", str(ROOT / ".pre-commit-config.yaml")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_hook_fails_on_a_bad_record_and_passes_a_clean_one(tmp_path):
    repo = make_repo(tmp_path, args=["--doc-type", "case_note"])
    bad = add_and_run(repo, tmp_path, {
        "records/visit.txt": "Visited Jo. The placement is going well.\n",
        "notes/readme.py": "print('the placement code is not a record')\n",
    })
    out = bad.stdout + bad.stderr
    assert bad.returncode == 1, out
    assert "RL201" in out and "records/visit.txt" in out
    assert "readme.py" not in out  # only .txt/.md/.docx files are checked

    (repo / "records/visit.txt").write_text(
        "Jo said she likes her new home and wants to see her sister every Saturday.\n", encoding="utf-8")
    good = add_and_run(repo, tmp_path, {})
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_hook_matches_md_and_docx_case_insensitively(tmp_path):
    import re

    pattern = re.compile(published_hook()["files"])
    for name in ("a.txt", "b.md", "c.docx", "D.TXT", "records/e.Md"):
        assert pattern.search(name), name
    for name in ("a.py", "b.json", "c.doc", "txt", "notes.txt.bak"):
        assert not pattern.search(name), name

    docx = pytest.importorskip("docx")
    repo = make_repo(tmp_path, args=["--doc-type", "visit_record"])
    (repo / "records").mkdir()
    document = docx.Document()
    document.add_paragraph("The placement is going well.")
    document.save(str(repo / "records" / "VISIT.DOCX"))
    result = add_and_run(repo, tmp_path, {"records/plan.md": "# Visit\n\nContact with mum is weekly.\n"})
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "VISIT.DOCX" in out and "plan.md" in out


def test_project_ruff_hook_runs_offline(tmp_path):
    """The project's own .pre-commit-config.yaml (ruff as a local system hook)."""
    if not (BIN / "ruff").exists() and not shutil.which("ruff"):
        pytest.skip("ruff is not installed")
    repo = tmp_path / "proj"
    repo.mkdir()
    env = env_for(tmp_path)
    subprocess.run([GIT, "init", "-q", str(repo)], check=True, env=env)
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo / ".pre-commit-config.yaml")
    (repo / "recordlint").mkdir()
    (repo / "recordlint" / "bad.py").write_text("import os\n", encoding="utf-8")  # F401
    subprocess.run([GIT, "add", "-A"], cwd=repo, check=True, env=env)
    r = subprocess.run([PRE_COMMIT, "run", "--all-files", "--color", "never"], cwd=repo, env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "F401" in r.stdout, r.stdout + r.stderr
