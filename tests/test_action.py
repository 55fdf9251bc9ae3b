"""The GitHub Action's script, end to end, with the environment a runner sets for a pull request."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

LEAD = "Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.\n\n"  # in the pack's scope
WRONG = "Anthropic said Moonshot AI generated 13 million exchanges with Claude.\n"
WRONG2 = "Anthropic said MiniMax generated 31 million exchanges with Claude.\n"
SNEAKY = "$(touch pwned).md"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo, check=True, capture_output=True, text=True,
    ).stdout.strip()


def pull_request(tmp_path: Path) -> tuple[Path, str]:
    """A repository whose HEAD is a pull request on top of ``base``."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet")
    (repo / "story.md").write_text(LEAD + WRONG, encoding="utf-8")
    (repo / "notes.py").write_text("x = 1\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    (repo / "story.md").write_text(LEAD + WRONG + "\n" + WRONG2, encoding="utf-8")
    (repo / SNEAKY).write_text(LEAD + "DeepSeek stole Claude's reasoning %0A::error::forged\n", encoding="utf-8")
    (repo / "notes.py").write_text("x = 2\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "pull request")
    return repo, base


def run_action(repo: Path, tmp_path: Path, event: dict, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    event_path, summary, output = tmp_path / "event.json", tmp_path / "summary.md", tmp_path / "output.txt"
    event_path.write_text(json.dumps(event), encoding="utf-8")
    env = {
        **os.environ,
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event_path),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_WORKSPACE": str(repo),
        "INPUT_FAIL_LEVEL": "error",
        **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
    }
    proc = subprocess.run([sys.executable, "-m", "checker.action"], cwd=repo, env=env, capture_output=True, text=True)
    return proc, summary, output


def test_pull_request_changed_lines_become_annotations_summary_and_output(tmp_path: Path) -> None:
    repo, base = pull_request(tmp_path)
    event = {"pull_request": {"base": {"sha": base}, "head": {"ref": "$(touch pwned)"}}}
    proc, summary, output = run_action(repo, tmp_path, event)
    assert proc.returncode == 1, proc.stderr
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    # story.md line 3 predates the pull request and is not reported; line 5 is new. The file
    # named like a shell command is a new draft: reported, escaped, and never executed.
    assert [a.split(",title=")[0] for a in annotations] == [
        "::error file=$(touch pwned).md,line=3,col=1,endLine=3,endColumn=53",
        "::error file=story.md,line=5,col=34,endLine=5,endColumn=44",
    ]
    assert "%250A::error::forged" in annotations[0]
    assert not (repo / "pwned").exists()
    assert output.read_text(encoding="utf-8") == "exit-code=1\n"
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### factcheck: 2 findings in 2 files")
    assert "| 5:34 | error | `minimax-exchanges` | `31 million` | `more than 13 million` | `anthropic-blog` |" in text
    assert "notes.py" not in proc.stdout + text


def test_a_pull_request_without_drafts_passes(tmp_path: Path) -> None:
    repo, _ = pull_request(tmp_path)
    head = git(repo, "rev-parse", "HEAD")
    (repo / "notes.py").write_text("x = 3\n", encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "code only")
    proc, summary, output = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": head}}})
    assert proc.returncode == 0
    assert "no drafts changed" in proc.stdout and summary.read_text(encoding="utf-8") == "### factcheck: no drafts changed\n"
    assert output.read_text(encoding="utf-8") == "exit-code=0\n"


def test_sarif_file_for_code_scanning(tmp_path: Path) -> None:
    repo, base = pull_request(tmp_path)
    sarif = tmp_path / "factcheck.sarif"
    proc, summary, _ = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": base}}}, sarif_file=str(sarif))
    assert proc.returncode == 1
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        ("allegations-attributed", 3), ("minimax-exchanges", 5),
    ]
    assert summary.read_text(encoding="utf-8").count("### factcheck") == 1  # written once


def test_given_paths_and_fail_level(tmp_path: Path) -> None:
    repo, _ = pull_request(tmp_path)
    proc, _, output = run_action(repo, tmp_path, {}, paths="story.md", fail_level="warning", diff_base="")
    assert proc.returncode == 1
    assert sum(line.startswith("::error file=story.md") for line in proc.stdout.splitlines()) == 2


def test_the_action_passes_inputs_only_through_the_environment() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    for step in steps:
        assert "${{" not in step["run"], step["run"]  # no expression is ever pasted into shell
    assert set(action["inputs"]) == {"paths", "rules", "config", "fail-level", "diff-base", "sarif-file"}
    assert all(v.startswith("${{ inputs.") for v in steps[-1]["env"].values())


def test_a_diff_base_input_is_never_an_option_to_git(tmp_path: Path) -> None:
    repo, _ = pull_request(tmp_path)
    target = tmp_path / "clobbered"
    proc, _, output = run_action(repo, tmp_path, {}, diff_base=f"--output={target}")
    assert proc.returncode == 2 and not target.exists()
    assert output.read_text(encoding="utf-8") == "exit-code=2\n"
