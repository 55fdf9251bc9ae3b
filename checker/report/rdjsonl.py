"""``--format rdjsonl``: reviewdog's diagnostic format, one JSON object per line.

Positions follow reviewdog: 1-based lines, and columns counted in UTF-8 bytes. A finding with
one right replacement carries it as a suggestion, which reviewdog offers as a change. Text is
written as :mod:`checker.report.json_format` says.
"""

from __future__ import annotations

from typing import Any, TextIO

from checker.output import printable
from checker.report.github import relative
from checker.report.json_format import dumps
from checker.report.run import Run


def render(run: Run, out: TextIO) -> None:
    for f in run.findings:
        lines = run.lines.get(f.path, [])
        span = {"start": _position(lines, f.line, f.column), "end": _position(lines, f.end_line, f.end_column)}
        info = run.facts.get(f.finding.fact)
        diagnostic: dict[str, Any] = {
            "message": f.finding.message,
            "location": {"path": printable(relative(f.path)), "range": span},
            "severity": f.finding.severity.upper(),
            "source": {"name": "factcheck"},
            "code": {"value": f.finding.fact},
        }
        if info and info.source_url:
            diagnostic["code"]["url"] = info.source_url
        if f.finding.suggestion is not None:
            diagnostic["suggestions"] = [{"range": span, "text": f.finding.suggestion}]
        out.write(dumps(diagnostic) + "\n")


def _position(lines: list[str], line: int, column: int) -> dict[str, int]:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return {"line": line, "column": len(text[: column - 1].encode("utf-8")) + 1}
