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


def run_action(
    repo: Path, tmp_path: Path, event: dict, environment: dict[str, str] | None = None, **inputs: str
) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
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
        **(environment or {}),
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


NOT_UTF8 = os.fsdecode(b"caf\xe9.md")  # a name in Latin-1, as an old system writes it


def test_a_draft_whose_name_is_not_utf8_is_checked_and_shown_escaped(tmp_path: Path) -> None:
    # The pull request crashed the step in listing its files (UnicodeDecodeError), a push in
    # writing the summary, and neither set exit-code.
    repo, _ = pull_request(tmp_path)
    base = git(repo, "rev-parse", "HEAD")
    (repo / NOT_UTF8).write_text(LEAD + "Intro.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "add")
    head = git(repo, "rev-parse", "HEAD")
    (repo / NOT_UTF8).write_text(LEAD + WRONG + WRONG2, encoding="utf-8")  # line 3 changed, line 4 added
    git(repo, "commit", "--quiet", "-am", "edit")
    for since, lines in ((base, ["3", "4"]), (head, ["3", "4"])):
        proc, summary, output = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": since}}})
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        annotations = [line for line in proc.stdout.splitlines() if line.startswith("::error file=caf\\xe9.md,")]
        assert [a.split(",")[1] for a in annotations] == [f"line={n}" for n in lines]
        assert output.read_text(encoding="utf-8") == "exit-code=1\n"
        assert "#### `caf\\xe9.md`" in summary.read_text(encoding="utf-8")
        output.unlink()
        summary.unlink()
    git(repo, "commit", "--quiet", "--allow-empty", "-m", "nothing")
    (repo / NOT_UTF8).write_text(LEAD + WRONG + "Intro.\n", encoding="utf-8")  # line 4 changed, and it is right
    git(repo, "commit", "--quiet", "-am", "fix line 4")
    proc, _, output = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": git(repo, "rev-parse", "HEAD~1")}}})
    assert proc.returncode == 0 and "caf" not in proc.stdout  # the changed lines of a tracked file, not all of it
    output.unlink()
    proc, summary, output = run_action(repo, tmp_path, {}, diff_base="")
    assert proc.returncode == 1 and output.read_text(encoding="utf-8") == "exit-code=1\n"
    assert "#### `caf\\xe9.md`" in summary.read_text(encoding="utf-8")


def test_a_binary_draft_named_like_a_workflow_command_cannot_forge_one(tmp_path: Path) -> None:
    repo, base = pull_request(tmp_path)
    (repo / "v\n::stop-commands::tok.md").write_bytes(b"bin\x00ary")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "binary")
    proc, _, _ = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": base}}})
    assert proc.returncode == 1
    for line in (proc.stdout + proc.stderr).replace("\r", "\n").splitlines():
        assert not line.startswith("::") or line.startswith("::error file="), line
    assert "v\\n::stop-commands::tok.md: skipped: deleted or binary since " in proc.stderr


def test_an_unexpected_error_is_one_line_and_still_sets_exit_code(tmp_path: Path) -> None:
    repo, base = pull_request(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(  # a real crash inside the step, not a stand-in
        "from checker import cli\ndef broken(argv=None):\n    raise OSError('disk on fire')\ncli.main = broken\n",
        encoding="utf-8",
    )
    proc, _, output = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": base}}}, {"PYTHONPATH": str(tmp_path / "site")})
    assert (proc.returncode, proc.stderr) == (2, "factcheck: error: internal error: OSError: disk on fire\n")
    assert output.read_text(encoding="utf-8") == "exit-code=2\n"


PACK = """\
id: test-pack
title: Test pack
scope:
  paths: ['stories/**']
sources:
  - id: src
    title: A source
entities:
  - id: deepseek
    name: DeepSeek
facts:
  - id: spelling-deepseek
    kind: spelling
    entity: deepseek
    wrong: [Deepseek]
    source: src
    examples:
      pass: ["DeepSeek held talks."]
      fail: ["Deepseek held talks."]
"""
MINIMAX = """\
  - id: spelling-minimax
    kind: spelling
    entity: minimax
    wrong: [Minimax]
    source: src
    examples:
      pass: ["MiniMax held talks."]
      fail: ["Minimax held talks."]
"""


def newsroom(tmp_path: Path, pack: str, settings: str = "") -> tuple[Path, str]:
    """A repository with its own pack and settings, and stories, one of them out of the pack's scope."""
    repo = tmp_path / "newsroom"
    (repo / "rules").mkdir(parents=True)
    (repo / "stories").mkdir()
    (repo / "notes").mkdir()
    git(repo, "init", "--quiet")
    (repo / "rules" / "pack.yaml").write_text(pack, encoding="utf-8")
    (repo / ".factcheck.yaml").write_text(f"rules: [rules]\n{settings}", encoding="utf-8")
    (repo / "stories" / "old.md").write_text("Intro.\n\nMinimax held talks with DeepSeek.\n", encoding="utf-8")
    (repo / "notes" / "aside.md").write_text("Minimax held talks.\n", encoding="utf-8")  # out of scope
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "base")
    return repo, git(repo, "rev-parse", "HEAD")


def commit(repo: Path, name: str, text: str) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", f"change {name}")


def test_a_pull_request_that_breaks_only_a_pack_fails(tmp_path: Path) -> None:
    # It passed: "no drafts changed", exit 0, while `factcheck stories/` on the same tree exits 2.
    repo, base = newsroom(tmp_path, PACK)
    commit(repo, "rules/pack.yaml", PACK.replace("kind: spelling", "kind: spellling"))
    proc, summary, output = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": base}}})
    assert proc.returncode == 2 and output.read_text(encoding="utf-8") == "exit-code=2\n"
    assert "rules/pack.yaml:13:5: unknown fact kind 'spellling'" in proc.stderr
    assert summary.read_text(encoding="utf-8").startswith("### factcheck: the rule packs are not valid")


def test_a_pull_request_whose_pack_fails_its_own_tests_fails(tmp_path: Path) -> None:
    repo, base = newsroom(tmp_path, PACK)
    commit(repo, "rules/pack.yaml", PACK.replace('pass: ["DeepSeek held talks."]', 'pass: ["Deepseek held talks."]'))
    proc, _, output = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": base}}})
    assert proc.returncode == 2 and output.read_text(encoding="utf-8") == "exit-code=2\n"
    assert "should pass but was flagged for spelling-deepseek: 'Deepseek held talks.'" in proc.stdout


def test_a_pull_request_that_changes_a_pack_checks_every_draft_the_pack_applies_to(tmp_path: Path) -> None:
    repo, base = newsroom(tmp_path, PACK)
    added = PACK.replace("facts:\n", "  - id: minimax\n    name: MiniMax\nfacts:\n") + MINIMAX
    commit(repo, "rules/pack.yaml", added)
    proc, summary, output = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": base}}})
    assert proc.returncode == 1 and output.read_text(encoding="utf-8") == "exit-code=1\n", proc.stderr
    assert "factcheck: the pull request changes the rule packs or settings (rules/pack.yaml)" in proc.stdout
    assert "1 pack, 2 facts: no problems." in proc.stdout  # rules check --strict
    assert "4 examples and test drafts: 0 failures." in proc.stdout  # rules test
    # A story the pull request did not touch, on a line it did not change; the note is out of scope.
    annotations = [line.split(",endLine")[0] for line in proc.stdout.splitlines() if line.startswith("::")]
    assert annotations == ["::error file=stories/old.md,line=3,col=1"]
    assert "#### `stories/old.md`" in summary.read_text(encoding="utf-8")


def test_a_pull_request_that_changes_the_settings_checks_every_draft(tmp_path: Path) -> None:
    added = PACK.replace("facts:\n", "  - id: minimax\n    name: MiniMax\nfacts:\n") + MINIMAX
    repo, base = newsroom(tmp_path, added, "disable: [spelling-minimax]\n")
    commit(repo, ".factcheck.yaml", "rules: [rules]\n")
    proc, _, output = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": base}}})
    assert proc.returncode == 1 and output.read_text(encoding="utf-8") == "exit-code=1\n", proc.stderr
    assert "changes the rule packs or settings (.factcheck.yaml)" in proc.stdout
    assert [line.split(",endLine")[0] for line in proc.stdout.splitlines() if line.startswith("::")] == [
        "::error file=stories/old.md,line=3,col=1"
    ]


def test_a_pull_request_that_breaks_the_settings_fails(tmp_path: Path) -> None:
    repo, base = newsroom(tmp_path, PACK)
    commit(repo, ".factcheck.yaml", "rules: [rules]\nfail_levle: warning\n")
    proc, _, output = run_action(repo, tmp_path, {"pull_request": {"base": {"sha": base}}})
    assert proc.returncode == 2 and output.read_text(encoding="utf-8") == "exit-code=2\n"
    assert proc.stderr.endswith(".factcheck.yaml:2:1: unknown key 'fail_levle' (did you mean 'fail_level'?)\n")
