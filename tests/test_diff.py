"""--diff-base: whole documents read, only findings on changed lines reported, on a real git history."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import run, run_json

WRONG = "Anthropic said Moonshot AI generated 13 million exchanges with Claude.\n"
WRONG2 = "Anthropic said MiniMax generated 31 million exchanges with Claude.\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo, check=True, capture_output=True)


def history(tmp_path: Path) -> Path:
    git(tmp_path, "init", "--quiet")
    (tmp_path / "old.md").write_text(WRONG + "\n" + "Nothing here.\n", encoding="utf-8")
    (tmp_path / "moved.md").write_text(WRONG + "\nLine two.\nLine three.\nLine four.\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "--quiet", "-m", "base")
    return tmp_path


def lines(report: dict) -> list[tuple[str, int]]:
    return [(Path(f["path"]).name, f["line"]) for f in report["findings"]]


def test_only_changed_lines_are_reported(tmp_path: Path) -> None:
    repo = history(tmp_path)
    (repo / "old.md").write_text(WRONG + "\n" + WRONG2, encoding="utf-8")  # line 3 changed
    git(repo, "mv", "moved.md", "renamed.md")
    (repo / "renamed.md").write_text(WRONG + "\nLine two.\nLine three.\nLine four.\n" + WRONG2, encoding="utf-8")
    (repo / "new.md").write_text(WRONG, encoding="utf-8")  # untracked: all new
    code, report = run_json("--all-documents", "--diff-base", "HEAD", ".", cwd=repo)
    assert lines(report) == [("new.md", 1), ("old.md", 3), ("renamed.md", 6)]
    assert code == 1
    _, everything = run_json("--all-documents", ".", cwd=repo)
    assert len(everything["findings"]) == 5


def test_lines_that_end_in_a_lone_cr_are_mapped_from_gits_lines(tmp_path: Path) -> None:
    repo = history(tmp_path)
    (repo / "cr-only.md").write_text("Intro.\rNothing here.\r", encoding="utf-8", newline="")
    (repo / "mixed.md").write_text(WRONG + "\nIntro.\rMore.\n", encoding="utf-8", newline="")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "cr")
    (repo / "cr-only.md").write_text("Intro.\rNothing here.\r" + WRONG.replace("\n", "\r"), encoding="utf-8", newline="")
    (repo / "mixed.md").write_text(WRONG + "\nIntro.\r" + WRONG2, encoding="utf-8", newline="")
    _, report = run_json("--all-documents", "--diff-base", "HEAD", "cr-only.md", "mixed.md", cwd=repo)
    # git saw one changed line in each: all of cr-only.md, and mixed.md's third, which holds our 3 and 4
    assert lines(report) == [("cr-only.md", 3), ("mixed.md", 4)]


def test_deleted_and_binary_files_are_skipped_cleanly(tmp_path: Path) -> None:
    repo = history(tmp_path)
    (repo / "picture.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    git(repo, "add", "picture.md")
    git(repo, "rm", "--quiet", "old.md")
    code, report = run_json("--all-documents", "--diff-base", "HEAD", "old.md", "picture.md", "moved.md", cwd=repo)
    assert report["findings"] == [] and code == 0


def test_an_unknown_revision_is_a_usage_error(tmp_path: Path) -> None:
    repo = history(tmp_path)
    proc = run("--diff-base", "no-such-ref", ".", cwd=repo)
    assert proc.returncode == 2 and "unknown git revision 'no-such-ref'" in proc.stderr


def test_draft_text_cannot_pass_for_diff_headers(tmp_path: Path) -> None:
    repo = history(tmp_path)
    git(repo, "config", "diff.mnemonicPrefix", "true")  # a user's diff settings must not matter
    forged = "++ b/zzz.md\n\nIntro.\x0c@@ -1 +1,50 @@\n\n" + WRONG
    (repo / "old.md").write_text(forged + "\n" + WRONG2, encoding="utf-8")
    _, report = run_json("--all-documents", "--diff-base", "HEAD", "old.md", cwd=repo)
    # the old first line (now line 5) is unchanged and stays silent; the new last line is reported
    assert lines(report) == [("old.md", 7)]


def test_quoted_names_and_untracked_files(tmp_path: Path) -> None:
    repo = history(tmp_path)
    (repo / 'say "hi".md').write_text(WRONG, encoding="utf-8")
    git(repo, "add", 'say "hi".md')
    git(repo, "commit", "--quiet", "-m", "quoted name")
    (repo / 'say "hi".md').write_text(WRONG + "\n" + WRONG2, encoding="utf-8")
    (repo / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    (repo / "ignored.md").write_text(WRONG, encoding="utf-8")
    _, report = run_json("--all-documents", "--diff-base", "HEAD", 'say "hi".md', "ignored.md", cwd=repo)
    assert lines(report) == [('say "hi".md', 3), ("ignored.md", 1)]
