"""``--format json``: one JSON object, version 1, for other tools and evaluations."""

from __future__ import annotations

import json
from typing import TextIO

from checker.report.run import Run

VERSION = 1


def render(run: Run, out: TextIO) -> None:
    payload = {
        "version": VERSION,
        "files_checked": run.files,
        "claims_recognised": run.claims,
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "fact": f.finding.fact,
                "kind": f.finding.kind,
                "severity": f.finding.severity,
                "message": f.finding.message,
                "found": f.finding.found,
                "expected": f.finding.expected,
                "source": f.finding.source,
                "suggestion": f.finding.suggestion,
            }
            for f in run.findings
        ],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
