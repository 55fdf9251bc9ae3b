"""Terminal conventions, as users of ruff and Vale expect them: help for every command, colour
and its switches, "did you mean", --statistics, --quiet, the fixable count, the source gutter
and long lines cut around the span, and nothing after a usage error."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import BUNDLED_PACK, run
from checker.cli import COMMANDS

WRONG = "Anthropic said Moonshot AI generated 13 million exchanges with Claude.\n"
MISSPELT = "Anthropic said Minimax generated 3.4 million exchanges with Claude.\n"  # a wrong name (fixable) and figure
OURS = re.compile(r"\x1b\[[0-9;]*m")  # the colour sequences factcheck writes


# --- help ---------------------------------------------------------------------------------------


def test_help_lists_every_command_with_its_line() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    for name, line in COMMANDS.items():
        assert re.search(rf"^  {name} +{re.escape(line)}$", proc.stdout, re.M), name
    assert COMMANDS["lsp"] == "run a language server over stdio for editors"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_describes_itself_and_its_help_exits_0(command: str) -> None:
    if command == "lsp" and importlib.util.find_spec("checker.lsp") is None:
        pytest.skip("the lsp command is written on another branch")
    proc = run(command, "--help")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.startswith(f"usage: factcheck {command}")
    description = proc.stdout.split("\n\n")[1]  # argparse: usage, blank line, description
    assert len(description.split()) >= 5, proc.stdout


@pytest.mark.parametrize("action", ["list", "check", "test", "schema"])
def test_every_rules_action_describes_itself(action: str) -> None:
    proc = run("rules", action, "--help")
    assert proc.returncode == 0
    assert len(proc.stdout.split("\n\n")[1].split()) >= 5, proc.stdout


# --- did you mean -------------------------------------------------------------------------------


def test_an_abbreviated_option_is_refused_and_the_whole_one_suggested() -> None:
    proc = run("--rule", BUNDLED_PACK, "seeds")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines()[-1] == "factcheck: error: unrecognized option '--rule' (did you mean '--rules'?)"
    assert run("--all-doc", "seeds").returncode == 2


@pytest.mark.parametrize("args, line", [
    (["--fromat=json", "seeds"], "factcheck: error: unrecognized option '--fromat' (did you mean '--format'?)"),
    (["rules", "check", "--strickt"], "factcheck: error: unrecognized option '--strickt' (did you mean '--strict'?)"),
    (["claims", "--rulse", "x", "d.md"], "factcheck: error: unrecognized option '--rulse' (did you mean '--rules'?)"),
    (["init", "--froce"], "factcheck init: error: unrecognized option '--froce'"),
])
def test_a_misspelt_option_is_answered_with_the_closest(args: list[str], line: str) -> None:
    proc = run(*args)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines()[-1] == line


def test_a_misspelt_choice_or_action_is_answered_with_the_closest() -> None:
    proc = run("--format", "jsno", "seeds")
    assert proc.returncode == 2 and proc.stderr.rstrip().endswith("(did you mean 'json'?)")
    proc = run("rules", "lsit")
    assert proc.returncode == 2 and proc.stderr.rstrip().endswith("(did you mean 'list'?)")


def test_a_misspelt_command_is_a_missing_file_that_names_the_command(tmp_path: Path) -> None:
    proc = run("expalin", "moonshot-exchanges", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines() == [
        "factcheck: error: no such file or folder: expalin (did you mean the command 'explain'?)",
        "factcheck: error: no such file or folder: moonshot-exchanges",
    ]


def test_a_misspelt_pack_key_is_answered_with_the_closest_key_of_its_place(tmp_path: Path) -> None:
    assert run("init", cwd=tmp_path).returncode == 0
    pack = tmp_path / "rules" / "example-story.yaml"
    text = pack.read_text(encoding="utf-8")
    wrong = (
        text.replace("    value: 2000000", "    valeu: 2000000")
        .replace("      pass: [", "      pas: [", 1)
        .replace("  all: [", "  - all: [")
        .replace("\nsources:", "    pahts: ['**']\n\nsources:")
    )
    pack.write_text(wrong, encoding="utf-8")
    proc = run("rules", "check", cwd=tmp_path)
    assert proc.returncode == 2
    problems = sorted(line.split(": ", 1)[1] for line in proc.stderr.splitlines())
    assert problems == [
        "missing required key 'value' in facts[0]",
        "unknown key 'pahts' in scope[0] (did you mean 'paths'?)",
        "unknown key 'pas' in facts[0].examples (did you mean 'pass'?)",
        "unknown key 'valeu' in facts[0] (did you mean 'value'?)",
    ]
    # A single scope (a mapping, not a list): the same key, and no word about the list it is not.
    pack.write_text(text.replace("\nsources:", "  pahts: ['**']\n\nsources:"), encoding="utf-8")
    proc = run("rules", "check", cwd=tmp_path)
    assert [line.split(": ", 1)[1] for line in proc.stderr.splitlines()] == [
        "unknown key 'pahts' in scope (did you mean 'paths'?)"
    ]


def test_a_misspelt_config_key_is_answered_with_the_closest(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("exlcude: ['archive/**']\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(WRONG, encoding="utf-8")
    proc = run("a.md", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.rstrip().endswith(".factcheck.yaml:1:1: unknown key 'exlcude' (did you mean 'exclude'?)")


def test_a_misspelt_fact_id_or_kind_is_answered_with_the_closest(tmp_path: Path) -> None:
    proc = run("explain", "moonshot-exchange", "--rules", BUNDLED_PACK)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "no fact 'moonshot-exchange' in the packs loaded (did you mean 'moonshot-exchanges'?)" in proc.stderr
    (tmp_path / ".factcheck.yaml").write_text("disable: [spelling-minimx]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(WRONG, encoding="utf-8")
    proc = run("--rules", BUNDLED_PACK, "a.md", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.rstrip().endswith(
        ".factcheck.yaml:1:11: unknown fact 'spelling-minimx' in disable (did you mean 'spelling-minimax'?)"
    )
    repo = tmp_path / "new"
    repo.mkdir()
    assert run("init", cwd=repo).returncode == 0
    pack = repo / "rules" / "example-story.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("kind: spelling", "kind: speling"), encoding="utf-8")
    proc = run("rules", "check", cwd=repo)
    assert "unknown fact kind 'speling' (did you mean 'spelling'?)" in proc.stderr


# --- colour -------------------------------------------------------------------------------------


def _draft(tmp_path: Path, name: str = "d.md", text: str = MISSPELT) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_color_always_paints_path_position_severity_fact_and_caret(tmp_path: Path) -> None:
    _draft(tmp_path)
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "--show-source", "--color", "always", "d.md", cwd=tmp_path)
    heading, source, caret = proc.stdout.splitlines()[:3]
    assert heading.startswith(
        "\x1b[1md.md\x1b[0m:\x1b[36m1:16\x1b[0m: \x1b[1;31merror\x1b[0m [\x1b[35mspelling-minimax\x1b[0m] "
    )
    assert "\x1b[" in source.split("|")[0]  # the gutter
    assert caret.endswith("\x1b[1;31m^^^^^^^\x1b[0m")
    plain = run("--rules", BUNDLED_PACK, "--all-documents", "--show-source", "d.md", cwd=tmp_path).stdout
    assert OURS.sub("", proc.stdout) == plain  # colour adds nothing but colour


@pytest.mark.parametrize("flag, env, coloured", [
    ([], {}, False),  # not a terminal
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"NO_COLOR": "1"}, False),
    ([], {"NO_COLOR": "", "FORCE_COLOR": "1"}, True),  # an empty NO_COLOR is not set
    ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),  # the flag wins over the environment
    (["--color", "always"], {"NO_COLOR": "1"}, True),
    (["--color", "auto"], {"FORCE_COLOR": "1"}, True),
])
def test_color_follows_the_flag_then_no_color_then_force_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: list[str], env: dict[str, str], coloured: bool
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    _draft(tmp_path)
    proc = run("--rules", BUNDLED_PACK, "--all-documents", *flag, "d.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert ("\x1b[" in proc.stdout) is coloured


@pytest.mark.parametrize("fmt", ["json", "github", "sarif", "rdjsonl"])
def test_machine_formats_and_written_files_are_never_coloured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    _draft(tmp_path)
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "--color", "always", "--format", fmt,
               "--summary-file", "summary.md", "d.md", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout
    assert "\x1b" not in proc.stdout + proc.stderr
    assert "\x1b" not in (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_colour_sequences_are_only_ever_factchecks_own(tmp_path: Path) -> None:
    """A draft and its name that hold colour sequences of their own show them escaped."""
    _draft(tmp_path, "\x1b[32mx.md", "Anthropic said \x1b[8m Minimax \x1b[0m generated 3.4 million exchanges.\n")
    args = ("--rules", BUNDLED_PACK, "--all-documents", "--show-source", "--color", "always")
    proc = run(*args, ".", cwd=tmp_path)
    assert proc.returncode == 1
    assert "\\x1b[32mx.md" in proc.stdout and "\\x1b[8m Minimax \\x1b[0m" in proc.stdout
    assert "\x1b" not in OURS.sub("", proc.stdout)
    codes = ("0", "1", "36", "1;31", "1;33", "35", "1;34")  # reset, path, position, error, warning, fact, gutter
    assert set(OURS.findall(proc.stdout)) <= {f"\x1b[{code}m" for code in codes}


# --- statistics, quiet, fixable -----------------------------------------------------------------


def test_statistics_count_findings_per_fact_most_first(tmp_path: Path) -> None:
    _draft(tmp_path, "a.md", MISSPELT + MISSPELT)
    _draft(tmp_path, "b.md", WRONG)
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "--statistics", ".", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "2  minimax-exchanges   error",
        "2  spelling-minimax    error    (2 fixable)",
        "1  moonshot-exchanges  error",
        "2 files checked, 3 claims recognised, 5 findings (2 fixable with --fix).",
    ]
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "--statistics", "--format", "json", ".", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert len(proc.stderr.splitlines()) == 1


def test_the_closing_line_says_how_many_findings_fix_would_correct(tmp_path: Path) -> None:
    _draft(tmp_path)
    args = ("--rules", BUNDLED_PACK, "--all-documents", "--no-show-source")
    assert run(*args, "d.md", cwd=tmp_path).stdout.splitlines()[-1] == (
        "1 file checked, 1 claim recognised, 2 findings (1 fixable with --fix)."
    )
    _draft(tmp_path, "e.md", WRONG)  # nothing fixable: nothing said
    assert run(*args, "e.md", cwd=tmp_path).stdout.splitlines()[-1] == "1 file checked, 1 claim recognised, 1 finding."
    fixed = run(*args, "--fix", "d.md", cwd=tmp_path).stdout  # after --fix, nothing is left to fix
    assert "fixable" not in fixed and "fixed d.md:1:16: 'Minimax' -> 'MiniMax'" in fixed


def test_quiet_prints_the_findings_only(tmp_path: Path) -> None:
    _draft(tmp_path)
    (tmp_path / "binary.md").write_bytes(b"\x00\x01")
    loud = run("--all-documents", "--show-source", ".", cwd=tmp_path)  # the bundled packs: a note on stderr
    quiet = run("--all-documents", "--show-source", "-q", ".", cwd=tmp_path)
    assert quiet.returncode == loud.returncode == 1
    assert quiet.stdout == "".join(loud.stdout.splitlines(keepends=True)[:-1])  # all but the closing line
    assert loud.stderr and quiet.stderr == ""
    assert run("--all-documents", "--quiet", "--format", "json", ".", cwd=tmp_path).stdout.startswith("{")
    github = run("--all-documents", "--quiet", "--format", "github", ".", cwd=tmp_path).stdout
    assert github.splitlines() and all(line.startswith("::error ") for line in github.splitlines())


def test_quiet_fix_fixes_silently_and_prints_what_is_left_to_fix_by_hand(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "--no-show-source", "-q", "--fix", "d.md", cwd=tmp_path)
    assert proc.returncode == 1  # the wrong figure is still there
    assert draft.read_text(encoding="utf-8") == MISSPELT.replace("Minimax", "MiniMax")
    (line,) = proc.stdout.splitlines()
    assert line.startswith("d.md:1:34: error [minimax-exchanges]")
    _draft(tmp_path, "e.md", "Anthropic said Minimax was one of three labs.\n")
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "-q", "--fix", "e.md", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


# --- source lines -------------------------------------------------------------------------------


def _shown(proc_stdout: str) -> tuple[str, str]:
    """The source line and the caret line after the first finding, without their gutters."""
    source, caret = proc_stdout.splitlines()[1:3]
    gutter = source.index("| ") + 2
    assert caret[:gutter].strip() == "|" and source[:gutter].strip().rstrip("|").strip().isdigit()
    return source[gutter:], caret[gutter:]


def _columns(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_source_lines_have_a_line_number_gutter(tmp_path: Path) -> None:
    _draft(tmp_path, text="\n" * 11 + MISSPELT)
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "--show-source", "d.md", cwd=tmp_path)
    assert proc.stdout.splitlines()[1:3] == [
        " 12 | " + MISSPELT.rstrip(),
        "    |                " + "^" * len("Minimax"),
    ]


def test_a_long_line_is_cut_around_the_span_and_the_caret_stays_under_it(tmp_path: Path) -> None:
    line = "<p>" + "words before " * 40 + MISSPELT.rstrip() + " words after" * 40 + "</p>"
    _draft(tmp_path, "page.html", f"<html><body>{line}</body></html>\n")
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "--show-source", "page.html", cwd=tmp_path)
    source, caret = _shown(proc.stdout)
    assert source.startswith("...") and source.endswith("...") and len(source) <= 100
    assert source[caret.index("^") :].startswith("Minimax ")
    assert caret.strip() == "^" * len("Minimax")


def test_wide_characters_and_tabs_keep_the_caret_under_the_span(tmp_path: Path) -> None:
    text = "記者の報告。\tＡＢＣ e\u0301 " + MISSPELT
    _draft(tmp_path, "d.txt", text)
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "--show-source", "d.txt", cwd=tmp_path)
    source, caret = _shown(proc.stdout)
    before, after = source.split("\t", 1)
    pad_before, pad_after = caret.split("\t", 1)
    assert pad_before == " " * _columns(before)  # a wide character takes two columns
    assert _columns(pad_after[: pad_after.index("^")]) == _columns(after[: after.index("Minimax")])
    # and cut, the same: the line is measured as printed
    _draft(tmp_path, "long.txt", "記者の報告。" * 30 + "\t" + MISSPELT)
    proc = run("--rules", BUNDLED_PACK, "--all-documents", "--show-source", "long.txt", cwd=tmp_path)
    source, caret = _shown(proc.stdout)
    before, after = source.split("\t", 1)
    pad_before, pad_after = caret.split("\t", 1)
    assert source.startswith("...") and pad_before == " " * _columns(before) and _columns(before) < 100
    assert after[len(pad_after) - len(pad_after.lstrip()) :].startswith("Minimax")


# --- usage errors -------------------------------------------------------------------------------


def test_a_missing_file_is_one_error_line_and_nothing_else(tmp_path: Path) -> None:
    _draft(tmp_path)
    proc = run("d.md", "missing.md", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "factcheck: error: no such file or folder: missing.md\n"
