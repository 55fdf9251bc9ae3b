"""``--format json``: one JSON object, version 1, for other tools and evaluations.

The JSON formats (this one, ``sarif`` and ``rdjsonl``) are UTF-8 text. Strings hold exactly
what the draft or pack says, with every character that is not printable written as a
``\\u`` escape, so the output can be shown in a terminal as it is. Paths are the printable
form every format shows (see :mod:`checker.output`): a name that is not valid UTF-8 cannot be
a JSON string, so its stray bytes are written ``\\xNN`` (``caf\\xe9.md``).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from checker.output import printable
from checker.report.run import Run

VERSION = 1


def render(run: Run, out: TextIO) -> None:
    payload = {
        "version": VERSION,
        "files_checked": run.files,
        "files_out_of_scope": run.out_of_scope,
        "claims_recognised": run.claims,
        "findings": [
            {
                "path": printable(f.path),
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
    out.write(dumps(payload, indent=2) + "\n")


def dumps(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON: readable UTF-8, every character that is not printable as a ``\\u`` escape."""
    return printable(json.dumps(value, ensure_ascii=False, indent=indent), _escaped)


def _escaped(char: str) -> str:
    # json.dumps escapes the control characters inside strings itself, so a raw newline is its
    # indentation; the rest of JSON's syntax is printable ASCII: what is left is inside a string.
    if char == "\n":
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
