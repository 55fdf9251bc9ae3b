"""Packs and drafts that try to hang or break the checker (issue 7)."""

from __future__ import annotations

import ctypes
import json
import os
import re
import resource
import socket
import subprocess
from pathlib import Path

import pytest
from conftest import BUNDLED_PACK, factcheck_command, run, run_json


def test_a_pattern_that_backtracks_catastrophically_is_stopped_and_its_fact_named(write) -> None:
    text = BUNDLED_PACK.read_text(encoding="utf-8")
    start = text.index("  - id: total-exchanges\n")
    line = text.index("    unless: ", start)  # the fact's own unless: a pattern that cannot finish on "aaa...b"
    pack = text[:line] + "    unless: '(?:a|aa)+$'\n" + text[text.index("\n", line) + 1 :]
    rules = write("slow.yaml", pack)
    draft = write("d.md", "In all, 13 million exchanges were made " + "a" * 46 + "b.\nMoonshot had 13 million exchanges.\n")
    proc = run("--all-documents", "--skip-example-check", "--rules", rules, draft)
    assert proc.returncode == 2
    assert f"{draft}: fact 'total-exchanges': a regular expression of the fact took more than 1 s" in proc.stderr
    assert "moonshot-exchanges" in proc.stdout  # the other facts are still checked


WRONG = "Anthropic said Moonshot AI generated 13 million exchanges with Claude."  # "13" at column 38
MOONSHOT = "moonshot-exchanges"

LABS = "Anthropic said DeepSeek Moonshot and MiniMax used distillation on Claude with many accounts "
LABS_END = len(LABS) * (1_000_000 // len(LABS))
_PARAGRAPH = "<p>The council met on Tuesday and agreed the budget after a long debate.</p>"
TEN_MB_LINE = _PARAGRAPH * (10_000_000 // len(_PARAGRAPH))  # 133,333 sentences, every one analysed

# name, draft, the findings expected as (line, column, fact). Each draft ends with a sentence the
# checker must still read exactly after whatever came before it.
DRAFTS = [
    ("empty.md", "", []),
    ("empty.html", "", []),
    ("empty.txt", "", []),
    ("bom-only.md", "\ufeff", []),
    # A float overflowed on 400 digits and the checker crashed with a traceback.
    ("digits.md", "7" * 400 + "\n\n" + WRONG, [(3, 38, MOONSHOT)]),
    ("grouped-digits.md", ",".join(["123"] * 3000) + "\n\n" + WRONG, [(3, 38, MOONSHOT)]),
    # Each unmatched run of backticks searched the rest of the paragraph: over two minutes.
    ("backticks.md", " ".join("`" * i for i in range(1, 2001)) + "\n\n" + WRONG, [(3, 38, MOONSHOT)]),
    ("unclosed-backtick.md", "`" + WRONG, [(1, 39, MOONSHOT)]),
    # The table test backtracked over leading blanks: cubic in the indent, 89 s for 3,000 levels.
    ("deep-list.md", "".join("  " * i + "- x\n" for i in range(1500)) + " " * 2000 + "- x|\n\n" + WRONG, [(1503, 38, MOONSHOT)]),
    ("deep-quote.md", ">" * 10000 + " " + WRONG, [(1, 10039, MOONSHOT)]),
    ("deep-divs.html", "<div>" * 100000 + WRONG + "</div>" * 100000, [(1, 500038, MOONSHOT)]),
    ("ten-megabytes-on-one-line.html", TEN_MB_LINE + f"<p>{WRONG}</p>", [(1, len(TEN_MB_LINE) + 3 + 38, MOONSHOT)]),
    ("crlf-tab.md", "Intro.\r\n\r\nSo it is.\t" + WRONG + "\r\n", [(3, 48, MOONSHOT)]),  # a tab is one column
    ("lone-cr.txt", "Intro.\r\r" + WRONG + "\r", [(3, 38, MOONSHOT)]),
    ("right-to-left-mark.md", "\u200f" + WRONG, [(1, 39, MOONSHOT)]),
    # Invisible characters are not read: "13\u200b000\u200b000" is the 13,000,000 a reader sees.
    ("zero-width-figure.md", WRONG.replace("13 million", "13\u200b000\u200b000"), [(1, 38, MOONSHOT)]),
    ("soft-hyphen-entity.html", "<p>Anthropic said Deep&shy;seek did it.</p>", [(1, 19, "spelling-deepseek")]),
    ("zero-width-name.md", "Anthropic said Deep\u200bseek did it.", [(1, 16, "spelling-deepseek")]),
    ("nbsp-figures.md", "Anthropic said the labs used 24\u00a0000 fraudulent accounts.\n\n"
     "In all, the three labs made over 16\u00a0million exchanges.\n\n"
     "Anthropic said the labs used 40\u00a0000 fraudulent accounts.\n\n"
     "In all, the three labs made over 6\u202fmillion exchanges.\n", [(5, 30, "fraudulent-accounts"), (7, 29, "total-exchanges")]),
    ("unterminated-front-matter.md", "---\ntitle: x\n" + WRONG, [(3, 38, MOONSHOT)]),
    # Unterminated blocks run to the end of the file, as CommonMark and HTML say: nothing left is prose.
    ("unterminated-fence.md", "Intro.\n\n```\n" + WRONG, []),
    ("unterminated-comment.md", "Intro.\n\n<!-- " + WRONG, []),
    ("unterminated-comment.html", "<p>Intro.</p><!-- " + WRONG, []),
    ("unterminated-script.html", "<p>Intro.</p><script>" + WRONG, []),
    ("unterminated-tag.html", "<p " + WRONG, []),
    # Found in review, each quadratic or worse before: unclosed <meta> in a <head> (60 s at 36 KB),
    # a URL of 60,000 dots (13 s), unclosed <script> and <title> tags, a 32,000-cell table line.
    ("meta-tags.html", "<head>" + "<meta " * 6000 + "</head>\n<p>" + WRONG + "</p>", [(2, 41, MOONSHOT)]),
    ("url-of-dots.md", "www.x" + "." * 60000 + "a\n\n" + WRONG, [(3, 38, MOONSHOT)]),
    ("unclosed-scripts.html", "<script " * 16000 + "\n\n<p>" + WRONG + "</p>", [(3, 41, MOONSHOT)]),
    ("titles.html", "<title>" * 32000 + "\n" + WRONG, [(2, 38, MOONSHOT)]),
    ("table-cells.md", ("|---" * 32000 + "x\n") * 2 + "\n" + WRONG, [(4, 38, MOONSHOT)]),
    # A CRLF line break inside a code span once ended its paragraph: the code became prose.
    ("crlf-code-span.md", "Anthropic said an old log read `16,000 fraudulent accounts\r\nin staging` and `y`.\r\n", []),
    ("processing-instruction.md", "<?php if ($n > 3) echo 'the labs used 16,000 fraudulent accounts'; ?>\n\n" + WRONG,
     [(3, 38, MOONSHOT)]),
    ("invisible-in-front-matter.md", "---\ntitle: Anthropic said Deep\u200bseek did it\n---\nBody.\n", [(2, 23, "spelling-deepseek")]),
    # Quadratic before, in the kinds rather than the reader: one sentence of 1 MB without a full stop
    # (100 KB took 4.9 s, 200 KB 17.6 s), a long sentence of possessed figures (400 KB took 101 s),
    # and suppression comments beside code spans (32,000 took 89 s). Now read in windows of at most
    # 5,000 characters, and the directives in one pass: the figure at the end is still found exactly.
    ("one-sentence.txt", LABS * (1_000_000 // len(LABS)) + WRONG, [(1, LABS_END + 38, MOONSHOT)]),
    ("possessed-figures.md", "Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.\n\n"
     + "MiniMax's 13 million exchanges and " * 12_000 + "more.\n\n" + WRONG, [(5, 38, MOONSHOT)]),
    ("suppressions-beside-code.md", "`x` <!-- factcheck-disable spelling-minimax -- quoted -->\n\n" * 64_000 + WRONG,
     [(128_001, 38, MOONSHOT)]),
]


@pytest.mark.parametrize("name, text, expected", DRAFTS, ids=[d[0] for d in DRAFTS])
def test_hostile_drafts_are_read_exactly_and_never_hang(write, name: str, text: str, expected: list) -> None:
    draft = write(name, text)
    proc = run("--all-documents", "--format", "json", draft, timeout=120)  # a hang guard, not a speed target
    assert "Traceback" not in proc.stderr and proc.returncode == (1 if expected else 0), proc.stderr
    report = json.loads(proc.stdout)
    assert report["files_checked"] == 1
    assert sorted((f["line"], f["column"], f["fact"]) for f in report["findings"]) == expected


def test_what_is_not_a_regular_file_in_a_tree_is_skipped_with_a_note(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "story.md").write_text(WRONG + "\n", encoding="utf-8")
    os.mkfifo(tree / "pipe.md")  # opening it for reading would wait for a writer forever
    (tree / "zeros.md").symlink_to("/dev/zero")  # reading it would never end
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tree / "socket.md"))  # opening one fails with ENXIO
    (tree / "gone.md").symlink_to(tree / "missing.md")
    (tree / "a.md").symlink_to(tree / "b.md")
    (tree / "b.md").symlink_to(tree / "a.md")
    (tree / "self").symlink_to(tree)  # links to folders are not followed: no loop to fall into
    (tree / "up").symlink_to(tmp_path)
    with open(tree / "huge.md", "wb") as huge:
        huge.truncate(5 * 1024**3)  # 5 GB (sparse): refused before a byte is read
    code, report = run_json("--all-documents", tree, timeout=120)
    assert code == 1
    assert [(Path(f["path"]).name, f["line"], f["column"]) for f in report["findings"]] == [("story.md", 1, 38)]
    proc = run("--all-documents", tree, timeout=120)
    notes = [line for line in proc.stderr.splitlines() if "skipped" in line]
    assert notes == [
        f"{tree / 'a.md'}: skipped: a link to nothing (broken, or a loop of links)",
        f"{tree / 'b.md'}: skipped: a link to nothing (broken, or a loop of links)",
        f"{tree / 'gone.md'}: skipped: a link to nothing (broken, or a loop of links)",
        f"{tree / 'huge.md'}: skipped: too large (5120.0 MB; the limit is 25 MB)",
        f"{tree / 'pipe.md'}: skipped: not a regular file (a pipe, a device or a socket)",
        f"{tree / 'socket.md'}: skipped: not a regular file (a pipe, a device or a socket)",
        f"{tree / 'zeros.md'}: skipped: not a regular file (a pipe, a device or a socket)",
    ]
    server.close()


def _without_the_power_to_read_everything() -> None:
    """In the child process: root reads any file; drop the capabilities that let it, so permissions hold."""
    _drop_capabilities(1, 2)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH


def _drop_capabilities(*capabilities: int) -> None:
    """In the child process: root loses these powers for good once it runs the command."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in capabilities:
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone after exec
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_unreadable_folders_and_files_are_reported_and_the_rest_is_checked(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    for folder in ("open", "locked"):
        (tree / folder).mkdir(parents=True)
        (tree / folder / "story.md").write_text(WRONG + "\n", encoding="utf-8")
    (tree / "secret.md").write_text(WRONG + "\n", encoding="utf-8")
    (tree / "locked").chmod(0)
    (tree / "secret.md").chmod(0)
    as_root = os.geteuid() == 0
    try:
        proc = subprocess.run(
            [*factcheck_command(), "--all-documents", "--format", "json", tree],
            capture_output=True, text=True, timeout=120, cwd=tmp_path,
            preexec_fn=_without_the_power_to_read_everything if as_root else None,
        )
    except subprocess.SubprocessError as exc:  # prctl refused: a container without CAP_SETPCAP
        pytest.skip(f"cannot take root's power to read everything here: {exc}")
    finally:
        (tree / "locked").chmod(0o755)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-2:] == [
        f"{tree / 'locked'}: cannot read folder: Permission denied",
        f"{tree / 'secret.md'}: cannot read: Permission denied",
    ]
    report = json.loads(proc.stdout)
    assert [f["path"] for f in report["findings"]] == [str(tree / "open" / "story.md")]


def test_a_rules_folder_whose_subfolder_cannot_be_read_is_an_error(tmp_path: Path, write) -> None:
    # The subfolder's packs were left out without a word, and the check ran against the rest.
    rules = tmp_path / "rules"
    (rules / "sub").mkdir(parents=True)
    (rules / "top.yaml").write_text(BUNDLED_PACK.read_text(encoding="utf-8"), encoding="utf-8")
    (rules / "sub" / "other.yaml").write_text("id: other\n", encoding="utf-8")
    (rules / "sub").chmod(0)
    try:
        proc = subprocess.run(
            [*factcheck_command(), "--no-cache", "--rules", rules, write("d.md", WRONG)],
            capture_output=True, text=True, timeout=120,
            preexec_fn=_without_the_power_to_read_everything if os.geteuid() == 0 else None,
        )
    except subprocess.SubprocessError as exc:  # prctl refused: a container without CAP_SETPCAP
        pytest.skip(f"cannot take root's power to read everything here: {exc}")
    finally:
        (rules / "sub").chmod(0o755)
    assert (proc.returncode, proc.stderr) == (2, f"{rules / 'sub'}: cannot read rules folder: Permission denied\n")


def test_paths_with_spaces_punctuation_and_non_ascii_names(tmp_path: Path) -> None:
    folder = tmp_path / "my drafts" / "Zürich 日本"
    folder.mkdir(parents=True)
    draft = folder / "a story, 100% «new»: v2.md"
    draft.write_text(WRONG + "\n", encoding="utf-8")
    proc = run("--all-documents", tmp_path / "my drafts", timeout=120)
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{draft}:1:38: error [moonshot-exchanges]")
    code, report = run_json("--all-documents", draft)
    assert report["findings"][0]["path"] == str(draft)
    github = run("--all-documents", "--format", "github", "--", "my drafts", cwd=tmp_path).stdout
    assert "::error file=my drafts/Zürich 日本/a story%2C 100%25 «new»%3A v2.md,line=1,col=38," in github


def test_a_file_named_like_an_option_is_still_a_draft_after_double_dash(tmp_path: Path) -> None:
    (tmp_path / "--summary-file=x.md").write_text(WRONG + "\n", encoding="utf-8")
    code, report = run_json("--all-documents", "--", "--summary-file=x.md", cwd=tmp_path)
    assert code == 1 and report["findings"][0]["path"] == "--summary-file=x.md"
    assert not (tmp_path / "x.md").exists()


# Packs and configuration files are repository content too: a pull request can change them.
def _pack_error(write, text: str) -> str:
    pack = write("pack.yaml", text)
    proc = subprocess.run(
        [*factcheck_command(), "--no-cache", "--rules", pack, write("d.md", WRONG)],
        capture_output=True, text=True, timeout=120, preexec_fn=_in_one_gigabyte,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr  # not -11: no crash
    return proc.stderr.replace(str(pack), "pack.yaml")


def _in_one_gigabyte() -> None:
    """In the child process: a pack that would take gigabytes fails there, not on the machine."""
    resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))


def test_a_deeply_nested_pack_is_refused_instead_of_crashing_the_yaml_reader(write) -> None:
    # PyYAML's C composer recursed until the process died with a segmentation fault. Newer
    # PyYAML releases refuse deep nesting themselves, at their own position and in their own
    # words; ours is the promise that holds either way: refused (exit 2, one line, no
    # traceback: see _pack_error), naming the file and the line where the nesting is.
    for nested in ("[" * 100_000 + "]" * 100_000, "{a: " * 50_000 + "1" + "}" * 50_000):
        error = _pack_error(write, "id: x\nfacts: " + nested + "\n")
        assert error.startswith("pack.yaml:2:") and error.count("\n") == 1, error


def test_a_pack_with_too_many_values_is_refused_before_it_is_composed(write) -> None:
    assert _pack_error(write, "id: x\nfacts: [" + "x, " * 300_000 + "]\n") == (
        "pack.yaml:2:599994: document too large (over 200,000 values)\n"
    )


def test_keys_of_packs_and_settings_cannot_forge_lines(tmp_path: Path, write) -> None:
    # A workflow command in a key came out whole on a line of its own through the error message.
    # (the bundled pack's scope, a list of blocks, replaced by one block holding the key)
    text = re.sub(
        r"\nscope:\n(?:  .*\n)+",
        lambda _: '\nscope:\n  front_matter: {"k\\n::error title=INJECTED::forged": 5}\n',
        BUNDLED_PACK.read_text(encoding="utf-8"),
        count=1,
    )
    lines = _pack_error(write, text).splitlines()
    assert not any(line.startswith("::") for line in lines)
    assert any(r"scope.front_matter.'k\n::error title=INJECTED::forged': " in line for line in lines)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".factcheck.yaml").write_text('severity: {"x\\n::stop-commands::tok": warning}\n', encoding="utf-8")
    proc = run("--format", "github", write("d.md", WRONG).name, cwd=tmp_path, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith(f"{tmp_path / '.factcheck.yaml'}:1:12: severity.'x\\n::stop-commands::tok'")


def test_a_huge_pack_is_refused_before_it_is_read(tmp_path: Path, write) -> None:
    pack = tmp_path / "huge.yaml"
    with open(pack, "wb") as huge:
        huge.truncate(5 * 1024**3)  # 5 GB, sparse
    proc = run("--no-cache", "--rules", pack, write("d.md", WRONG), timeout=120)
    assert (proc.returncode, proc.stderr) == (2, f"{pack}: not read as a rule pack: too large (5120.0 MB; the limit is 8 MB)\n")


def test_a_pack_that_is_a_pipe_is_refused_without_waiting(tmp_path: Path, write) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    proc = run("--no-cache", "--rules", tmp_path / "pipe.yaml", write("d.md", WRONG), timeout=120)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr


@pytest.mark.parametrize(
    "value, tag",
    [
        ("!!python/object/apply:os.system ['touch pwned']", "tag:yaml.org,2002:python/object/apply:os.system"),
        ("!!python/name:os.system", "tag:yaml.org,2002:python/name:os.system"),
        ("!custom value", "!custom"),
        ("!custom [a, b]", "!custom"),
    ],
)
def test_arbitrary_tags_are_refused(write, value: str, tag: str) -> None:
    assert _pack_error(write, f"id: x\ntitle: {value}\n") == f"pack.yaml:2:8: tag {tag!r} is not allowed\n"


def test_a_deeply_nested_pyproject_table_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nrules = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    (tmp_path / "d.md").write_text(WRONG, encoding="utf-8")
    proc = run("d.md", cwd=tmp_path, timeout=120)
    assert (proc.returncode, proc.stderr) == (2, f"{tmp_path / 'pyproject.toml'}: nested too deeply to be read\n")


def test_a_hostile_front_matter_loses_its_metadata_not_the_check(write) -> None:
    # A deep header crashed the process (the same C composer); now it is only unreadable metadata.
    deep = write("deep.md", "---\ntags: " + "[" * 100_000 + "\n---\n" + WRONG + "\n")
    code, report = run_json("--all-documents", deep, timeout=120)
    assert code == 1 and [(f["line"], f["column"]) for f in report["findings"]] == [(4, 38)]


def test_an_alias_bomb_in_front_matter_cannot_blow_up_a_scope_test(write) -> None:
    text = BUNDLED_PACK.read_text(encoding="utf-8")
    text = text.replace("scope:\n  - ", "scope:\n  - front_matter: {tags: 'ai'}\n    ", 1)  # in its first block
    pack = write("scoped.yaml", text)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]\n" for i in range(1, 10)
    )
    draft = write("bomb.md", "---\n" + bomb + "tags: *j\ndate: 2026-02-24\n---\n" + WRONG + " DeepSeek and distillation.\n")
    # The scope test took str() of each tag: 10^9 items, 5 GB, each. Now the header is refused unread.
    proc = run("--skip-example-check", "--rules", pack, draft, timeout=120)
    assert (proc.returncode, proc.stderr) == (0, "")


def test_fix_on_a_folder_never_writes_outside_it(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "theirs.md").write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    (outside / "shared.md").write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    tree = tmp_path / "drafts"
    tree.mkdir()
    (tree / "ours.md").write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    (tree / "link.md").symlink_to(outside / "theirs.md")
    os.link(outside / "shared.md", tree / "hard.md")
    (tree / "folder").symlink_to(outside)  # not followed
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    proc = run("--fix", "--all-documents", "--no-show-source", tree, timeout=120)
    assert proc.returncode == 2
    assert (tree / "ours.md").read_text(encoding="utf-8") == "Anthropic named DeepSeek.\n"
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before
    assert sorted(p.name for p in tree.iterdir()) == ["folder", "hard.md", "link.md", "ours.md"]  # no temp files left


def test_fix_never_writes_through_a_linked_folder_named_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "target.md").write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    (tmp_path / "inside").mkdir()
    (tmp_path / "inside" / "linkdir").symlink_to(Path("..") / "outside")
    for given in ("inside/linkdir/target.md", "inside/linkdir/../outside/target.md", f"{tmp_path}/inside/linkdir/target.md"):
        proc = run("--rules", BUNDLED_PACK, "--fix", "--all-documents", "--no-show-source", given, cwd=tmp_path, timeout=120)
        assert proc.returncode == 2
        assert proc.stderr == f"{given}: is reached through a link to a folder; not fixed (name it by its real path)\n"
        assert (tmp_path / "outside" / "target.md").read_text(encoding="utf-8") == "Anthropic named Deepseek.\n"
    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["target.md"]


def test_fix_keeps_the_owner_group_and_mode_of_someone_elses_file_or_refuses(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    draft = tmp_path / "theirs.md"
    draft.write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    os.chown(draft, 1234, 5678)
    draft.chmod(0o4750)
    proc = run("--rules", BUNDLED_PACK, "--fix", "--all-documents", "--no-show-source", draft, timeout=120)
    assert (proc.returncode, proc.stderr) == (0, "")
    info = draft.stat()
    assert (info.st_uid, info.st_gid, oct(info.st_mode & 0o7777)) == (1234, 5678, oct(0o4750))  # was 0:0, setuid kept
    assert draft.read_text(encoding="utf-8") == "Anthropic named DeepSeek.\n"
    draft.write_text("Anthropic named Deepseek.\n", encoding="utf-8")
    try:  # root without the power to give files away, as any other user is: refused, not given to root
        proc = subprocess.run(
            [*factcheck_command(), "--rules", BUNDLED_PACK, "--fix", "--all-documents", "--no-show-source", draft],
            capture_output=True, text=True, timeout=120, preexec_fn=lambda: _drop_capabilities(0),  # CAP_CHOWN
        )
    except subprocess.SubprocessError as exc:  # prctl refused: a container without CAP_SETPCAP
        pytest.skip(f"cannot take root's power to give files away here: {exc}")
    assert proc.returncode == 2
    assert proc.stderr == f"{draft}: belongs to another user or group; not fixed (its owner could not be kept)\n"
    info = draft.stat()
    assert (info.st_uid, info.st_gid, draft.read_text(encoding="utf-8")) == (1234, 5678, "Anthropic named Deepseek.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theirs.md"]


def test_include_globs_match_links_by_their_own_names_and_a_loop_is_no_error(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("include: ['drafts/**']\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "story.md").write_text(WRONG + "\n", encoding="utf-8")
    (tmp_path / "drafts" / "a.md").symlink_to("b.md")
    (tmp_path / "drafts" / "b.md").symlink_to("a.md")
    (tmp_path / "notes.md").write_text(WRONG + "\n", encoding="utf-8")
    (tmp_path / "drafts" / "notes-link.md").symlink_to(tmp_path / "notes.md")
    proc = run("--all-documents", "--format", "json", ".", cwd=tmp_path, timeout=120)  # resolve() raised here
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert sorted(f["path"] for f in json.loads(proc.stdout)["findings"]) == ["./drafts/notes-link.md", "./drafts/story.md"]


def test_a_tree_of_100000_drafts_and_200_nested_folders(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*[f"d{i}" for i in range(200)])
    deep.mkdir(parents=True)
    (deep / "story.md").write_text("Anthropic accused DeepSeek and Moonshot AI of distillation.\n\n" + WRONG + "\n", encoding="utf-8")
    for i in range(100):
        section = tmp_path / f"section-{i:03d}"
        section.mkdir()
        for j in range(1000):
            (section / f"story-{j:04d}.md").write_text(f"Story {i}-{j}: the council met and agreed the budget.\n", encoding="utf-8")
    code, report = run_json(tmp_path, timeout=600)
    assert code == 1 and report["files_checked"] == 100_001
    assert [(f["path"], f["line"], f["column"]) for f in report["findings"]] == [(str(deep / "story.md"), 3, 38)]


def test_a_duplicate_key_in_front_matter_keeps_the_date_that_puts_a_draft_out_of_scope(write) -> None:
    body = "Anthropic accused DeepSeek and Moonshot AI of distillation. " + WRONG + "\n"
    for header in ("date: 2025-11-02\n", "date: 2025-11-02\ntags: a\ntags: b\n"):  # PyYAML keeps the last
        code, report = run_json(write("old.md", "---\n" + header + "---\n" + body))
        assert (code, report["findings"]) == (0, [])
    code, report = run_json(write("new.md", "---\ndate: 2026-03-01\ntags: a\ntags: b\n---\n" + body))
    assert code == 1 and [f["fact"] for f in report["findings"]] == [MOONSHOT]


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ("id: x\ntitle: &a [*a]\n", "pack.yaml:2:8: nested too deeply (over 64 levels, aliases included)"),
        ("id: x\n" + "".join(f"l{i}: &a{i} [" + "[" * 60 + (f"*a{i - 1}" if i else "x") + "]" * 61 + "\n" for i in range(24)),
         "nested too deeply (over 64 levels, aliases included)"),
        ("id: x\ntitle: a\x01b\n", "pack.yaml:2:9: character U+0001 is not allowed in YAML"),
        ("id: x\n\ntitle: 'a\x00b'\n", "pack.yaml:3:10: character U+0000 is not allowed in YAML"),
    ],
    ids=["self-alias", "alias-chain", "control-character", "nul"],
)
def test_packs_that_recursed_or_crashed_the_yaml_reader(write, yaml_text: str, message: str) -> None:
    assert message in _pack_error(write, yaml_text)


def test_the_same_yaml_limits_hold_for_configuration_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".factcheck.yaml").write_text("fail_level: &a [*a]\n", encoding="utf-8")
    (tmp_path / "d.md").write_text(WRONG, encoding="utf-8")
    proc = run("d.md", cwd=tmp_path, timeout=120)
    assert (proc.returncode, proc.stderr) == (
        2, f"{tmp_path / '.factcheck.yaml'}:1:13: nested too deeply (over 64 levels, aliases included)\n"
    )


REPEATS = "repeats something more than 1,000 times"
TOO_LARGE = "is too large: written out, with a repeat inside a repeat multiplied, it would have more than 100,000 parts"


@pytest.mark.parametrize(
    "pattern, reason",
    [
        ("x{4000000000}", REPEATS),
        # Each of these passed the old guard, then took 12-24 GB to compile.
        ("\\\\{4000000000}", REPEATS),  # an escaped backslash, then a count
        ("((a{1000}){1000}){1000}", TOO_LARGE),  # nested repeats multiply
        ("(?x)a{4000000 000}", REPEATS),  # (?x) ignores the space inside the count
        ("(?x)a{4000 # a comment\n000}", REPEATS),  # and a comment
        ("(?:a{1000}){101}", TOO_LARGE),
        ("(?:" * 60 + "a" + ")" * 60, "nests groups more than 50 deep"),  # regex's parser recursed out of stack
        ("a" * 10_001, "is 10,001 characters long; the limit is 10,000"),
        ("(?V1)[[a]{1000}]", "turns on regex's version 1 behaviour (?V1), which packs do not accept"),
    ],
    ids=["count", "escaped-backslash", "nested", "verbose-space", "verbose-comment", "product", "deep", "long", "v1"],
)
def test_a_pattern_too_large_to_compile_safely_is_refused_before_it_is_compiled(write, pattern: str, reason: str) -> None:
    text = BUNDLED_PACK.read_text(encoding="utf-8")
    line = text[: text.index("'(?i)\\bdistil'")].count("\n") + 1
    column = text.index("'(?i)\\bdistil'") - text.rindex("\n", 0, text.index("'(?i)\\bdistil'"))
    error = _pack_error(write, text.replace("'(?i)\\bdistil'", json.dumps(pattern), 1))
    assert error.startswith(f"pack.yaml:{line}:{column}: regular expression ") and error.endswith(f" {reason}\n"), error
    assert error.count("\n") == 1


SPELLING_PACK = """\
id: {id}
title: A pack with a scope
scope:
{scope}
sources: [{{id: s, title: Source}}]
entities: [{{id: acme, name: Acme}}]
facts:
  - id: {id}-spelling
    kind: spelling
    entity: acme
    wrong: [ACMe]
    source: s
    examples: {{pass: [Acme], fail: [ACMe]}}
"""


def test_the_patterns_of_all_packs_together_have_a_budget(tmp_path: Path, write) -> None:
    # Each pattern is within bounds (just under 100,000 parts, some 16 MB compiled); eleven are not.
    patterns = [f"(?:a{{999}}){{100}}x{i}" for i in range(11)]
    one = write("one.yaml", SPELLING_PACK.format(id="one", scope="  any:\n" + "".join(f"    - '{p}'\n" for p in patterns[:6])))
    two = write("two.yaml", SPELLING_PACK.format(id="two", scope="  any:\n" + "".join(f"    - '{p}'\n" for p in patterns[6:])))
    proc = subprocess.run(
        [*factcheck_command(), "--no-cache", "--rules", one, "--rules", two, write("d.md", "ACMe.\n")],
        capture_output=True, text=True, timeout=120, preexec_fn=_in_one_gigabyte,
    )
    assert (proc.returncode, proc.stderr) == (
        2,
        f"{two}:9:7: regular expression '{patterns[10]}' is one too many: the patterns of the packs together "
        "would come to more than 1,000,000 parts once compiled\n",
    )


def test_scope_patterns_that_backtrack_are_stopped_named_and_warned_about(write) -> None:
    # A front_matter pattern was matched with no time limit: this draft hung the run.
    pack = write("pack.yaml", SPELLING_PACK.format(id="scoped", scope="  front_matter: {tags: '(?:a|aa)+$'}"))
    slow = write("slow.md", "---\ntags: " + "a" * 46 + "!\n---\nACMe won.\n")
    fine = write("fine.md", "---\ntags: aaa\n---\nACMe won.\n")
    proc = run("--no-show-source", "--rules", pack, slow, fine, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == (
        f"{slow}: pack 'scoped': a regular expression of its scope (front_matter 'tags') took more than 1 s on this "
        "draft and was stopped, so it was not checked here; simplify the pattern (factcheck rules check warns about "
        "patterns that may backtrack)\n"
    )
    assert proc.stdout.startswith(f"{fine}:4:1: error [scoped-spelling]")  # the other draft is still checked
    proc = run("rules", "check", "--strict", pack)
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{pack}:4:18: warning: pattern repeats a group that itself repeats or has alternatives")


def _deep_folder(root: Path, text: str) -> Path:
    """A draft 400 folders down, whose path :data:`SLOW_GLOB` takes minutes to fail on; one at the top."""
    deep = root.joinpath(*["a"] * 400)
    deep.mkdir(parents=True)
    (deep / "x.md").write_text(text, encoding="utf-8")
    (root / "story.md").write_text(text, encoding="utf-8")
    return deep.relative_to(root) / "x.md"


SLOW_GLOB = "**/" * 40 + "?"


def test_a_scope_path_glob_that_backtracks_is_stopped_and_named(tmp_path: Path) -> None:
    deep = _deep_folder(tmp_path, "ACMe won.\n")
    pack = SPELLING_PACK.format(id="scoped", scope=f"  paths: ['{SLOW_GLOB}', story.md]")
    (tmp_path / "pack.yaml").write_text(pack, encoding="utf-8")
    proc = run("--no-show-source", "--rules", "pack.yaml", "a", "story.md", cwd=tmp_path, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == (
        f"{deep}: pack 'scoped': a regular expression of its scope (paths) took more than 1 s on this draft and was "
        "stopped, so it was not checked here; simplify the pattern (factcheck rules check warns about patterns that "
        "may backtrack)\n"
    )
    assert proc.stdout.startswith("story.md:1:1: error [scoped-spelling]")  # the other draft is still checked


def test_a_configuration_glob_that_backtracks_is_stopped_and_named(tmp_path: Path) -> None:
    deep = _deep_folder(tmp_path, WRONG + "\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".factcheck.yaml").write_text(f"exclude: ['{SLOW_GLOB}']\n", encoding="utf-8")
    proc = run("--all-documents", "--no-show-source", "a", "story.md", cwd=tmp_path, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        f"{deep}: the configuration's exclude glob {SLOW_GLOB!r} took more than 1 s on this draft's name and was "
        "stopped, so the draft was not checked; simplify the glob"
    )
    assert proc.stdout.startswith("story.md:1:38: error [moonshot-exchanges]")  # the other draft is still checked


def test_a_fact_target_that_backtracks_only_near_the_claim_is_stopped_and_named(write) -> None:
    # The target was matched on the whole sentence with a time limit, then near each claim without.
    text = BUNDLED_PACK.read_text(encoding="utf-8")
    pack = write("pack.yaml", text.replace("    target: '\\b(?:Claude|Anthropic)'\n", "    target: 'Claude|(?:a|aa)+\\Z'\n", 1))
    draft = write("d.md", "Claude: DeepSeek stole " + "a" * 43 + "-b.\n\n" + WRONG + "\n")
    proc = run("--all-documents", "--skip-example-check", "--no-show-source", "--rules", pack, draft, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"{draft}: fact 'allegations-attributed': a regular expression of the fact took more than 1 s")
    assert f"{draft}:3:38: error [moonshot-exchanges]" in proc.stdout


def test_a_key_from_a_settings_file_cannot_forge_a_line_of_output(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".factcheck.yaml").write_text('severity: {"x\\n::error title=forged::y": warning}\n', encoding="utf-8")
    (tmp_path / "d.md").write_text(WRONG, encoding="utf-8")
    proc = run("--format", "github", "d.md", cwd=tmp_path, timeout=120)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "severity.'x\\n::error title=forged::y'" in proc.stderr


def test_a_rules_folder_without_packs_is_an_error_not_a_silent_pass(tmp_path: Path, write) -> None:
    (tmp_path / "rules").mkdir()
    os.mkfifo(tmp_path / "rules" / "pipe.txt")
    proc = run("--rules", tmp_path / "rules", write("d.md", WRONG), timeout=120)
    assert (proc.returncode, proc.stderr) == (2, f"{tmp_path / 'rules'}: no rule packs here (.yaml or .yml files)\n")


def test_the_labeled_corpus_gives_the_same_findings_with_crlf_and_lone_cr_line_ends(tmp_path: Path) -> None:
    # A blank CRLF line did not end a paragraph in the prose: two findings moved or appeared.
    drafts = Path(__file__).parent / "corpus" / "drafts"
    found = {}
    for name, newline in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
        (tmp_path / name).mkdir()
        for draft in drafts.iterdir():
            text = draft.read_bytes().decode("utf-8").replace("\r\n", "\n")
            (tmp_path / name / draft.name).write_bytes(text.replace("\n", newline).encode("utf-8"))
        _, report = run_json(tmp_path / name, timeout=300)
        found[name] = sorted((Path(f["path"]).name, f["line"], f["column"], f["fact"]) for f in report["findings"])
    assert len(found["lf"]) > 150
    assert found["crlf"] == found["lf"] and found["cr"] == found["lf"]


@pytest.mark.parametrize("shape", ["\r", "a\n", "&amp;"], ids=["lone-cr", "word-lines", "entities"])
def test_a_draft_of_millions_of_line_ends_or_entities_is_read_in_bounded_memory(tmp_path: Path, shape: str) -> None:
    # 24 MB of lone CRs peaked at 6.1 GB (a MemoryError under a 4 GB cap); 22 MB of one-letter lines
    # at 1.3 GB; 24 MB of &amp; at 1.3 GB. Each line end, entity and line start cost a Python object.
    draft = tmp_path / "d.html"
    draft.write_bytes((f"<p>{WRONG}</p>" + shape * (16_000_000 // len(shape)) + f"<p>{WRONG}</p>").encode("utf-8"))
    proc = subprocess.run(
        [*factcheck_command(), "--all-documents", "--format", "json", str(draft)],
        capture_output=True, text=True, timeout=300, preexec_fn=lambda: _limit_memory(1024**3),
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert [f["fact"] for f in json.loads(proc.stdout)["findings"]] == [MOONSHOT, MOONSHOT]


def _limit_memory(limit: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
