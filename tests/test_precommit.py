"""The pre-commit hook, for real: a throwaway newsroom repo runs this repository's hook."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None or not (ROOT / ".git").exists(),
    reason="needs pre-commit and this repository's git history",
)

BAD = "Anthropic said Moonshot AI generated 13 million exchanges with Claude.\n"
IN_SCOPE_BAD = "Anthropic accused DeepSeek and Moonshot AI of distillation.\n\n" + BAD
GOOD = "Anthropic said Moonshot AI generated more than 3.4 million exchanges with Claude.\n"


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A newsroom repo whose .pre-commit-config.yaml points at a clone of this repository."""
    base = tmp_path_factory.mktemp("precommit")
    clone = base / "factcheck"
    git("clone", "--quiet", str(ROOT), str(clone), cwd=base)
    rev = git("rev-parse", "HEAD", cwd=clone)
    repo = base / "newsroom"
    repo.mkdir()
    git("init", "--quiet", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {clone.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: factcheck\n"
        "        args: [--no-show-source, --all-documents, --]\n"
        "      - id: factcheck\n        alias: factcheck-as-shipped\n",  # the hook's own arguments
        encoding="utf-8",
    )
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "good.md").write_text(GOOD, encoding="utf-8")
    (repo / "notes.py").write_text("x = '13 million exchanges'\n", encoding="utf-8")
    git("add", ".", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(base / "cache"), "PRE_COMMIT_COLOR": "never"}
    return repo, env


def pre_commit(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["pre-commit", "run", "--files", *files], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )


def test_hook_fails_on_a_bad_draft(newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    proc = pre_commit(repo, env, "bad.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "factcheck" in proc.stdout and "Failed" in proc.stdout
    assert (
        "bad.md:1:38: error [moonshot-exchanges] Moonshot AI's exchanges: draft says \"13 million\", "
        "which is MiniMax's figure" in proc.stdout
    )


def test_a_staged_file_named_like_an_option_is_checked_as_a_draft(newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    (repo / "-j0.md").write_text(IN_SCOPE_BAD, encoding="utf-8")  # without "--" it read as "--jobs 0.md"
    git("add", "--", "-j0.md", cwd=repo)
    try:
        proc = subprocess.run(
            ["pre-commit", "run", "factcheck-as-shipped", "--all-files"],
            cwd=repo, env=env, capture_output=True, text=True, timeout=600,
        )
    finally:
        git("rm", "--cached", "--quiet", "--", "-j0.md", cwd=repo)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "-j0.md:3:38: error [moonshot-exchanges]" in proc.stdout


def test_hook_passes_a_good_draft_and_skips_other_files(newsroom: tuple[Path, dict[str, str]]) -> None:
    repo, env = newsroom
    proc = pre_commit(repo, env, "good.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
    proc = pre_commit(repo, env, "notes.py")
    assert proc.returncode == 0
    assert "no files to check" in proc.stdout.lower()
