"""Every fact's examples, run through the CLI: passing sentences pass, failing ones fail."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_json

PACKS = sorted((ROOT / "rules").glob("*.yaml"))
CASES = [
    (pack, fact["id"], verdict, item if isinstance(item, str) else item["text"])
    for pack in PACKS
    for fact in yaml.safe_load(pack.read_text(encoding="utf-8"))["facts"]
    for verdict in ("pass", "fail")
    for item in fact["examples"].get(verdict, [])
]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """One CLI run over a folder holding each example as a draft of its own."""
    folder = tmp_path_factory.mktemp("examples")
    for i, (_, _, _, sentence) in enumerate(CASES):
        (folder / f"{i:03}.txt").write_text(sentence + "\n", encoding="utf-8")
    facts: dict[str, set[str]] = {f"{i:03}.txt": set() for i in range(len(CASES))}
    args = [a for pack in PACKS for a in ("--rules", pack)]
    code, report = run_json(*args, "--all-documents", folder)
    assert code in (0, 1)
    for finding in report["findings"]:
        facts[Path(finding["path"]).name].add(finding["fact"])
    return facts


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_example(outcomes: dict[str, set[str]], index: int) -> None:
    _, fact, verdict, sentence = CASES[index]
    found = outcomes[f"{index:03}.txt"]
    if verdict == "pass":
        assert not found, f"{sentence!r} should pass but was flagged for {found}"
    else:
        assert fact in found, f"{sentence!r} should be flagged for {fact}, got {found or 'nothing'}"


def test_examples_exist() -> None:
    assert len(CASES) >= 20
