"""Many drafts: --jobs, the progress line, and documents rejected before their markup is read."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, factcheck_command, run

CORPUS = ROOT / "tests" / "corpus" / "drafts"


def test_findings_and_their_order_do_not_depend_on_jobs(tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2", "3"):
        proc = run("--jobs", jobs, "--format", "json", CORPUS)
        assert proc.returncode == 1, proc.stderr
        outputs[jobs] = proc.stdout
    assert outputs["1"] == outputs["2"] == outputs["3"]
    assert outputs["1"].count('"fact"') > 100


def test_unreadable_drafts_are_reported_in_order_by_workers(write) -> None:
    drafts = [write(f"d{i:02}.md", "Anthropic said Moonshot AI generated 13 million exchanges.\n") for i in range(40)]
    drafts[7].write_bytes(b"\xc3\x28 not UTF-8")
    proc = run("--jobs", "2", "--all-documents", *drafts)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"{drafts[7]}:1: cannot read: not valid UTF-8 (byte 0)"]
    assert proc.stdout.count("moonshot-exchanges") == 39


def test_a_bad_jobs_value_is_a_usage_error() -> None:
    proc = run("--jobs", "0", "seeds/")
    assert proc.returncode == 2
    assert "at least 1" in proc.stderr.splitlines()[-1]


def test_words_of_the_scope_split_or_encoded_by_markup_still_admit_the_document(write) -> None:
    body = "Moonshot and MiniMax used {anthropic}'s Claude for {distil}, it said. DeepSeek had 13 million exchanges.\n"
    writings = [
        ("a.md", "Anthropic", "distillation"),
        ("b.md", "Anth**ropic**", "distil_lation_"),
        ("c.html", "Anth<b>ropic</b>", "&#100;istillation"),
        ("e.html", "</p><p>Anthropic", "distil<br>lation"),  # a tag that parts words, one that joins them
        ("d.md", "Anthro&shy;pic", "distil\u200blation"),  # a soft hyphen and a zero-width space: unseen
    ]
    paths = [write(name, "---\ndate: 2026-02-24\n---\n" + body.format(anthropic=a, distil=d)) for name, a, d in writings]
    proc = run("--format", "json", *paths)
    flagged = {Path(line.split('"')[3]).name for line in proc.stdout.splitlines() if '"path"' in line}
    assert flagged == {"a.md", "b.md", "c.html", "e.html", "d.md"}


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a terminal")
def test_progress_shows_on_a_terminal_for_long_runs_only(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for i in range(6):  # about 700 drafts: a few seconds with --all-documents and one job
        shutil.copytree(CORPUS, folder / str(i))
    command = [*factcheck_command(), "--jobs", "1", "--all-documents", folder]
    piped = subprocess.run(command, capture_output=True, text=True)
    assert "files (" not in piped.stderr
    assert read_stderr_on_terminal(command).count("files (") >= 1
    terminal = read_stderr_on_terminal([*command[:-1], "--format", "json", folder])
    assert "files (" not in terminal


def read_stderr_on_terminal(command: list) -> str:
    """Run with stderr on a pseudo-terminal and stdout discarded; what the terminal showed."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(list(map(str, command)), stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        try:
            chunk = os.read(leader, 4096) if ready else b""
        except OSError:  # the other side closed
            chunk = b""
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=60)
    os.close(leader)
    return shown.decode("utf-8", "replace")


def test_the_cheap_scope_test_is_invisible_in_results(write) -> None:
    """With or without the raw-text scope test, the same findings (it only rejects early)."""
    scoped = run("--format", "json", CORPUS)
    assert scoped.returncode == 1
    unscoped = subprocess.run(
        [sys.executable, "-c", _NO_RAW_TEST, "--format", "json", str(CORPUS)], capture_output=True, text=True, cwd=ROOT
    )
    assert unscoped.stdout == scoped.stdout, unscoped.stderr


# The CLI with Engine.skipped never skipping: every document goes through markup and full scope.
_NO_RAW_TEST = """
import sys
from checker import cli, engine
engine.Engine.skipped = lambda self, path, text: None
sys.argv[0] = "factcheck"
raise SystemExit(cli.main(sys.argv[1:]))
"""


def test_findings_do_not_depend_on_the_order_of_files() -> None:
    drafts = sorted(CORPUS.iterdir())[:60]
    forward = json.loads(run("--jobs", "2", "--format", "json", *drafts).stdout)["findings"]
    backward = json.loads(run("--jobs", "2", "--format", "json", *reversed(drafts)).stdout)["findings"]
    assert forward and sorted(map(json.dumps, forward)) == sorted(map(json.dumps, backward))
    assert [f["path"] for f in backward] == sorted((f["path"] for f in backward), key=lambda p: -drafts.index(Path(p)))
