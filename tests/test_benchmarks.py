"""benchmarks/: the harness runs end to end on a generated corpus, and its large pack is valid.

No timing is asserted: only that every row is there, measured or saying why not (a peer that
is not installed, as in CI, says so with its install command), with the right file counts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run

BENCH = ROOT / "benchmarks"
CORPUS_ROWS = ["factcheck", "factcheck-large", "floor", "codespell", "proselint", "textlint"]
SINGLE_ROWS = [
    "factcheck-file", "import-yaml-regex", "factcheck-version", "python-pass", "codespell-file", "proselint-file",
]
INSTALL = {
    "codespell": "pip install codespell",
    "proselint": "pip install proselint",
    "textlint": "npm ci --prefix benchmarks",
}


def _installed(peer: str) -> bool:
    """The harness's own test: a script beside this Python or on PATH; textlint via npx."""
    if peer == "textlint":
        return shutil.which("npx") is not None and (BENCH / "node_modules" / ".bin" / "textlint").exists()
    return (Path(sys.executable).parent / peer).is_file() or shutil.which(peer) is not None


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH / "run.py"), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )


def _assert_measured(row: dict, files: int) -> None:
    assert row["status"] == "ok", row
    assert row["files"] == files
    assert len(row["samples"]) == 1
    sample = row["samples"][0]
    assert sample["wall_s"] > 0 and sample["peak_rss_kib"] > 0
    assert row["wall_s"] > 0 and row["peak_mb"] > 0


def test_run_on_a_generated_corpus(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = _bench("--generate", "40", "--repeat", "1", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Ratios:" in proc.stdout and "factcheck-large" in proc.stdout

    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["corpus"]["origin"] == "generated"
    assert report["corpus"]["files"] == 40 and report["corpus"]["bytes"] > 0
    assert report["repeat"] == 1
    assert report["machine"]["cpu_count"] >= 1
    assert report["versions"]["python"] and report["versions"]["factcheck"].startswith("factcheck ")

    rows = {row["name"]: row for row in report["rows"]}
    assert list(rows) == CORPUS_ROWS
    for name in ("factcheck", "factcheck-large"):
        _assert_measured(rows[name], 40)
        assert rows[name]["files_checked"] == 40
        assert rows[name]["samples"][0]["exit_code"] in (0, 1)
    _assert_measured(rows["floor"], 40)
    assert rows["floor"]["floor"]["files"] == 40 and rows["floor"]["floor"]["matches"] > 0
    assert rows["factcheck-large"]["multiple_of_bundled"] > 0
    assert rows["floor"]["factcheck_multiple"] > 0

    single = {row["name"]: row for row in report["single_file"]}
    assert list(single) == SINGLE_ROWS
    for name in SINGLE_ROWS[:4]:
        _assert_measured(single[name], 1)

    for peer in ("codespell", "proselint", "textlint"):
        for row in [rows[peer], single.get(f"{peer}-file")]:
            if row is None:
                continue
            if _installed(peer):
                _assert_measured(row, row["files"])
            else:
                assert row["status"] == "not installed"
                assert row["install"] == INSTALL[peer]
                assert "samples" not in row

    targets = {t["name"]: t for t in report["targets"]}
    assert len(targets) == 4
    assert all(t["ratio"] is None or t["ratio"] > 0 for t in targets.values())
    assert targets["large pack vs bundled pack"]["pass"] in (True, False)


def test_only_a_subset(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = _bench("--generate", "5", "--repeat", "1", "--only", "floor", "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [row["name"] for row in report["rows"]] == ["floor"]
    assert report["single_file"] == []


def test_a_missing_corpus_is_one_line_and_exit_2(tmp_path: Path) -> None:
    proc = _bench("--corpus", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "nowhere" in proc.stderr


def test_the_generated_large_pack_is_valid(tmp_path: Path) -> None:
    pack = tmp_path / "large.yaml"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "generate_pack.py"), str(pack), "--facts", "1000", "--entities", "500"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    check = run("rules", "check", "--strict", pack)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "1000 facts" in check.stdout
    examples = run("rules", "test", pack)
    assert examples.returncode == 0, examples.stdout + examples.stderr


def test_hostile_shapes_on_generated_text(tmp_path: Path) -> None:
    out = tmp_path / "hostile.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "hostile.py"), "--generate", "20", "--megabytes", "0.02", "--tree-files", "300",
         "--repeat", "1", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert list(rows) == [
        "pages", "one-line", "nested", "tree", "markdown", "markdown-hostile", "one-sentence", "word-lines",
        "lone-cr", "entities", "suppressions", "claims",
    ]
    assert rows["tree"]["files"] == 300 and rows["one-line"]["files"] == 1
    assert all(row["wall_s"] > 0 and row["peak_mb"] > 0 for row in rows.values())
    assert all("time_ratio" in row for shape, row in rows.items() if shape not in ("pages", "markdown"))


def test_blind_scores_a_labelled_batch(tmp_path: Path) -> None:
    drafts = tmp_path / "batch" / "drafts"
    drafts.mkdir(parents=True)
    (drafts / "a.md").write_text(
        "Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.\n\n"
        "Moonshot AI had 13 million exchanges, Anthropic said.\n\n"
        "MiniMax had more than 13 million exchanges, Anthropic said.\n\nDeepseek said nothing.\n",
        encoding="utf-8",
    )
    (drafts / "b.md").write_text("Minimax won at chess.\n", encoding="utf-8")
    (tmp_path / "batch" / "labels.yaml").write_text(
        "a.md:\n"
        "  errors:\n"
        "    - {line: 3, fact: moonshot-exchanges, type: swap, text: 13 million}\n"
        "    - {line: 5, fact: minimax-exchanges, type: wrong, text: more than 13 million}\n"
        "  correct:\n"
        "    - {line: 5, fact: minimax-exchanges, text: more than 13 million}\n"
        "    - {line: 1, fact: total-exchanges, text: Anthropic}\n"
        "b.md: {errors: [], correct: []}\n",
        encoding="utf-8",
    )
    out = tmp_path / "score.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "blind.py"), str(tmp_path / "batch"), "--rules", str(ROOT / "rules"), "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    [score] = json.loads(out.read_text(encoding="utf-8"))
    # Found: the swap (right) and "Deepseek" (a false alarm: not labelled); missed: the label on line 5.
    assert (score["errors"], score["findings"], score["precision"], score["recall"]) == (2, 2, 0.5, 0.5)
    assert (score["statements"], score["coverage"]) == (2, 0.5)
    assert score["recall_by_type"] == {"swap": "1/1", "wrong": "0/1"}


def test_compare_blind_scores_planted_dissents(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.md").write_text("Acme employs 4,000 workers at its Ohio plant, the company said.\n", encoding="utf-8")
    (story / "b.md").write_text("In Ohio, Acme employs 4,000 workers, a filing shows.\n", encoding="utf-8")
    (story / "c.md").write_text("Acme employs 5,000 workers at the plant, a union said.\n", encoding="utf-8")
    (story / "labels.yaml").write_text("dissents:\n  - {file: c.md, line: 1, kind: figure, text: '5,000'}\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(BENCH / "compare_blind.py"), str(story)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "1 stories: precision 1.000 (1/1), recall 1.000 (1/1)" in proc.stdout
