"""Every output format on one draft, compared with the files in tests/golden/.

Run with FACTCHECK_UPDATE_GOLDEN=1 to rewrite them after an intended change, and review the diff.
"""

from __future__ import annotations

import os

import pytest

from conftest import BUNDLED_PACK, ROOT, run

GOLDEN = ROOT / "tests" / "golden"
FORMATS = {"text": "txt", "json": "json", "github": "github.txt", "sarif": "sarif", "rdjsonl": "jsonl"}


@pytest.mark.parametrize("fmt", [*FORMATS, "summary"])
def test_format_matches_its_golden_file(fmt: str, tmp_path) -> None:
    env_cwd = GOLDEN
    if fmt == "summary":
        summary = tmp_path / "summary.md"
        run("--rules", BUNDLED_PACK, "--no-show-source", "--summary-file", summary, "draft.md", cwd=env_cwd)
        output, golden = summary.read_text(encoding="utf-8"), GOLDEN / "draft.summary.md"
    else:
        proc = run("--rules", BUNDLED_PACK, "--format", fmt, "--show-source", "draft.md", cwd=env_cwd)
        output, golden = proc.stdout, GOLDEN / f"draft.{FORMATS[fmt]}"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")
