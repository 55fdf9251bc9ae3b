"""Precision and recall on the labeled corpus of drafts in tests/corpus/.

Each draft's planted errors are listed in labels.yaml with the line where the figure starts.
A finding counts as correct when its fact matches a label and its span covers that line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT, run_json

CORPUS = ROOT / "tests" / "corpus"
LABELS = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))


def score() -> tuple[float, float, list[str]]:
    _, report = run_json(CORPUS / "drafts")
    expected = {(name, label["line"], label["fact"]) for name, labels in LABELS.items() for label in labels}
    matched: set[tuple[str, int, str]] = set()
    false_alarms = []
    for f in report["findings"]:
        spans = {(Path(f["path"]).name, line, f["fact"]) for line in range(f["line"], f["end_line"] + 1)}
        if spans & expected:
            matched |= spans & expected
        else:
            false_alarms.append(f"{f['path']}:{f['line']}: {f['message']}")
    precision = 1 - len(false_alarms) / max(1, len(report["findings"]))
    recall = len(matched) / len(expected)
    missed = [f"missed {name}:{line} {fact}" for name, line, fact in sorted(expected - matched)]
    return precision, recall, false_alarms + missed


def test_every_draft_is_labeled() -> None:
    drafts = {p.name for p in (CORPUS / "drafts").iterdir()}
    assert drafts == set(LABELS)
    assert len(drafts) >= 30


def test_precision_and_recall() -> None:
    precision, recall, problems = score()
    print(f"precision {precision:.3f} recall {recall:.3f}", *problems, sep="\n")
    assert precision >= 0.95, problems
    assert recall >= 0.90, problems
