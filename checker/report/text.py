"""``--format text``: one finding a line, ``path:line:col: severity [fact] message``.

With ``--show-source`` (the default on a terminal) each finding is followed by its line of
the draft and a caret under the span, the way compilers and ruff show it.
"""

from __future__ import annotations

from typing import TextIO

from checker.findings import Located
from checker.report.run import Run


def render(run: Run, out: TextIO) -> None:
    for f in run.findings:
        # The path and the message quote what files and drafts say: nothing in them may drive the terminal.
        line = f"{f.path}:{f.line}:{f.column}: {f.finding.severity} [{f.finding.fact}] {f.finding.message}"
        out.write(_printable(line) + "\n")
        if run.show_source and f.path in run.lines:
            out.write(_source(run.lines[f.path], f))
    n_files, n_findings = run.files, len(run.findings)
    out.write(
        f"{plural(n_files, 'file')} checked, {plural(run.claims, 'claim')} recognised, "
        f"{plural(n_findings, 'finding')}.\n"
    )


def _source(lines: list[str], f: Located) -> str:
    text = lines[f.line - 1]
    end = f.end_column if f.end_line == f.line else len(text) + 1
    # Keep tabs under tabs so the caret lines up however the terminal expands them.
    pad = "".join(c if c == "\t" else " " for c in text[: f.column - 1])
    return f"    {_printable(text)}\n    {pad}{'^' * max(1, end - f.column)}\n"


def _printable(text: str) -> str:
    """``text`` with every control and format character (escape sequences, bidirectional
    overrides, zero-width marks) shown as U+FFFD, so that nothing from a draft drives the terminal."""
    return "".join(c if c == "\t" or c.isprintable() else "\ufffd" for c in text)


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")
