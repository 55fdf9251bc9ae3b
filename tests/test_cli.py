"""The command as a user runs it: output, positions, exit status, pack discovery."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import ROOT, factcheck_command, run, run_json

WRONG = "Anthropic said Moonshot AI generated 13 million exchanges with Claude.\n"


def test_seeds_have_no_figure_findings_and_many_claims() -> None:
    _, report = run_json("seeds/")  # the inverted definition: see test_kinds
    assert report["files_checked"] == 10  # five reports of each bundled story
    assert [f for f in report["findings"] if f["kind"] == "quantity"] == []
    assert report["claims_recognised"] >= 80


def test_text_output_is_one_line_per_finding_in_gcc_style(write) -> None:
    draft = write("draft.md", "# Title\n\n" + WRONG)
    proc = run("--all-documents", draft)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == (
        f"{draft}:3:38: error [moonshot-exchanges] Moonshot AI's exchanges: draft says \"13 million\", "
        "which is MiniMax's figure; the pack says more than 3.4 million (source: anthropic-blog)"
    )
    assert lines[-1] == "1 file checked, 1 claim recognised, 1 finding."


def test_show_source_underlines_the_span(write) -> None:
    draft = write("draft.txt", "\t" + WRONG)
    proc = run("--all-documents", "--show-source", draft)
    _, source, caret, _ = proc.stdout.splitlines()
    assert source == " 1 | \t" + WRONG.rstrip()
    assert caret == "   | \t" + " " * 37 + "^" * len("13 million")


def test_json_report_shape_and_exact_positions(write) -> None:
    text = "---\ntitle: x\n---\r\nZürich\t&mdash; Moonshot’s 13&nbsp;million exchanges, said Anthropic.\r\n"
    draft = write("d.md", text)
    code, report = run_json("--all-documents", draft)
    assert code == 1
    assert set(report) == {"version", "files_checked", "files_out_of_scope", "claims_recognised", "findings"}
    assert report["version"] == 1
    (finding,) = report["findings"]
    assert set(finding) == {
        "path", "line", "column", "end_line", "end_column", "fact", "kind", "severity",
        "message", "found", "expected", "source", "suggestion",
    }
    line = text.splitlines()[3]
    assert (finding["line"], finding["end_line"]) == (4, 4)
    assert line[finding["column"] - 1 : finding["end_column"] - 1] == "13&nbsp;million"
    assert finding["found"] == "13 million"  # white space normalised for messages
    assert finding["expected"] == "more than 3.4 million"
    assert finding["source"] == "anthropic-blog"


def test_quoted_figures_are_not_checked(write) -> None:
    draft = write("d.md", 'She said "Moonshot AI generated 13 million exchanges" on air.\n')
    code, report = run_json("--all-documents", draft)
    assert (code, report["findings"]) == (0, [])


def test_folder_paths_are_joined_with_the_path_given(write, tmp_path: Path) -> None:
    write("news/a/draft.md", WRONG)
    write("news/b/ignored.docx", WRONG)
    code, report = run_json("--all-documents", "news", cwd=tmp_path)
    assert report["files_checked"] == 1
    assert report["findings"][0]["path"] == str(Path("news") / "a" / "draft.md")


def test_out_of_scope_documents_are_silent(write) -> None:
    draft = write("d.md", WRONG)
    code, report = run_json(draft)
    assert (code, report["findings"]) == (0, [])


def test_fail_level_warning_counts_warnings(write, tmp_path: Path) -> None:
    pack = (ROOT / "rules" / "anthropic-distillation-2026.yaml").read_text(encoding="utf-8")
    warn = tmp_path / "warn.yaml"
    warn.write_text(pack.replace("severity: error", "").replace(
        "    owner: moonshot\n", "    owner: moonshot\n    severity: warning\n"), encoding="utf-8")
    draft = write("d.md", WRONG)
    assert run("--rules", warn, "--all-documents", draft).returncode == 0
    proc = run("--rules", warn, "--all-documents", "--fail-level", "warning", draft)
    assert proc.returncode == 1
    assert ": warning [moonshot-exchanges]" in proc.stdout


def test_bundled_packs_are_used_outside_a_newsroom_repo(write, tmp_path: Path) -> None:
    draft = write("d.md", WRONG)
    proc = run("--all-documents", draft, cwd=tmp_path)
    assert proc.returncode == 1
    assert "using the packs bundled with factcheck" in proc.stderr
    assert "[moonshot-exchanges]" in proc.stdout


def test_local_rules_folder_is_preferred(write, tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "empty.yaml").write_text("id: x\n", encoding="utf-8")
    proc = run("--all-documents", write("d.md", WRONG), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith(str(Path("rules") / "empty.yaml") + ":1:1: missing required key 'title'")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run().returncode == 2
    assert run("--format", "yaml", "seeds").returncode == 2
    proc = run(tmp_path / "missing.md")
    assert proc.returncode == 2
    assert "no such file or folder" in proc.stderr


def test_unreadable_and_undecodable_files_exit_2_and_the_rest_is_checked(write) -> None:
    bad = write("bad.md", "fine\n")
    bad.write_bytes(b"line one\nline \xff two\n")
    good = write("good.md", WRONG)
    proc = run("--all-documents", "--format", "json", bad, good)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"{bad}:2: cannot read: not valid UTF-8 (byte 14)"
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    assert report["files_checked"] == 1 and report["findings"][0]["fact"] == "moonshot-exchanges"


def test_an_undecodable_byte_is_placed_by_every_line_end_and_counted_from_the_files_first_byte(write) -> None:
    cr = write("cr.txt", "")
    cr.write_bytes(b"a\rb\r\nc\r\xff d\n")  # lone CR, CRLF, lone CR: the byte is on line 4
    bom = write("bom.txt", "")
    bom.write_bytes(b"\xef\xbb\xbfab\xff\n")  # the byte-order mark is in the file: byte 5
    utf16 = write("utf16.txt", "")
    utf16.write_bytes(b"\xff\xfe" + "\u4e2d\u6587".encode("utf-16-le") + b"\x4e\xd8" + "\u4e2d".encode("utf-16-le"))
    proc = run(cr, bom, utf16)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"{cr}:4: cannot read: not valid UTF-8 (byte 7)",
        f"{bom}:1: cannot read: not valid UTF-8 (byte 5)",
        f"{utf16}:1: cannot read: not valid UTF-16 (byte 6)",  # a lone surrogate
    ]


def test_inputs_are_never_modified(write) -> None:
    draft = write("d.md", WRONG)
    before = draft.read_bytes(), draft.stat().st_mtime_ns
    run("--all-documents", draft)
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("factcheck ")


def test_figures_that_are_not_this_storys_claims_stay_silent(write) -> None:
    # Found in review: each of these was once flagged.
    draft = write("d.md", "\n\n".join([
        "DeepSeek trailed far behind MiniMax, with just over 150,000 exchanges.",
        "Claude has held more than 500 million conversations since launch.",
        "In one case, a single proxy network managed 20,000 fraudulent accounts, Anthropic said.",
        "OpenAI previously said DeepSeek used 200,000 queries to distil its models.",
        "Last year DeepSeek held 2 million conversations with ChatGPT, OpenAI said.",
    ]) + "\n")
    code, report = run_json("--all-documents", draft)
    assert (code, report["findings"]) == (0, [])


def test_show_source_uses_the_same_lines_as_positions(write) -> None:
    draft = write("d.md", "Note\u2028here.\n" + WRONG)
    proc = run("--all-documents", "--show-source", draft)
    assert proc.stdout.splitlines()[1] == " 2 | " + WRONG.rstrip()


def test_hidden_files_in_folders_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "._story.md").write_bytes(b"\x00\x05\x16\x07\xff\xfe")
    code, report = run_json(tmp_path / "d")
    assert (code, report["files_checked"]) == (0, 0)


def test_utf16_drafts_are_read_and_fixed_in_utf16(write) -> None:
    text = "Title\r\n\r\nAnthropic said Deepseek had 13 million exchanges.\r\n"
    draft = write("d.txt", "")
    draft.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    code, report = run_json("--all-documents", draft)
    spelling = [f for f in report["findings"] if f["fact"] == "spelling-deepseek"]
    assert code == 1 and [(f["line"], f["column"]) for f in spelling] == [(3, 16)]
    assert run("--all-documents", "--fix", draft).returncode == 1  # the figure still fails
    assert draft.read_bytes() == b"\xff\xfe" + text.replace("Deepseek", "DeepSeek").encode("utf-16-le")


def test_binary_files_are_skipped_with_a_note(write) -> None:
    binary = write("image.md", "")
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8")
    text = write("blank.txt", "")
    text.write_bytes(b"Nothing\x00here.\n")
    proc = run("--all-documents", binary, text)
    assert proc.returncode == 0
    assert proc.stderr.splitlines() == [f"{binary}: skipped: a binary file, not a draft", f"{text}: skipped: a binary file, not a draft"]


def _with_a_bug(tmp_path: Path, bug: str) -> dict[str, str]:
    """An environment whose Python runs ``bug`` (a monkeypatch of factcheck) at start-up: a real
    crash inside the command, with nothing in factcheck itself that stands in for one."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(bug, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(tmp_path / "site")}


def test_a_bug_on_one_draft_is_one_line_exit_2_and_the_rest_is_checked(tmp_path: Path) -> None:
    (tmp_path / "crash.md").write_text(WRONG, encoding="utf-8")
    (tmp_path / "fine.md").write_text(WRONG, encoding="utf-8")
    env = _with_a_bug(tmp_path, (
        "from checker import engine\n"
        "check = engine.Engine.check\n"
        "def broken(self, document):\n"
        "    if document.path.endswith('crash.md'):\n"
        "        raise KeyError('nowhere')\n"
        "    return check(self, document)\n"
        "engine.Engine.check = broken\n"
    ))
    proc = subprocess.run([*factcheck_command(), "--rules", ROOT / "rules", "--all-documents", "--format", "json", "crash.md", "fine.md"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2  # an uncaught exception exited 1, which reads as "findings"
    assert proc.stderr == "factcheck: error: internal error while checking crash.md: KeyError: 'nowhere'\n"
    assert [f["path"] for f in json.loads(proc.stdout)["findings"]] == ["fine.md"]


def test_a_bug_anywhere_else_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text(WRONG, encoding="utf-8")
    env = _with_a_bug(tmp_path, (
        "from checker.report import text\n"
        "def broken(run, out):\n"
        "    raise RuntimeError()\n"
        "text.render = broken\n"
    ))
    proc = subprocess.run([*factcheck_command(), "--rules", ROOT / "rules", "--all-documents", "d.md"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)
    assert (proc.returncode, proc.stderr, proc.stdout) == (2, "factcheck: error: internal error: RuntimeError\n", "")
