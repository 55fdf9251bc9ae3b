"""``--format text``: one finding a line, ``path:line:col: severity [fact] message``.

With ``--show-source`` (the default on a terminal) each finding is followed by its line of
the draft and a caret under the span, the way compilers and ruff show it. Names and text from
files are shown printable (see :mod:`checker.output`): nothing in them drives the terminal.
"""

from __future__ import annotations

from typing import TextIO

from checker.findings import Located
from checker.output import printable
from checker.report.run import Run


def render(run: Run, out: TextIO) -> None:
    for f in run.findings:
        line = f"{f.path}:{f.line}:{f.column}: {f.finding.severity} [{f.finding.fact}] {f.finding.message}"
        out.write(printable(line) + "\n")
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
    # Under the line as shown (escapes are wider than what they stand for), with tabs kept
    # under tabs so the caret lines up however the terminal expands them.
    pad = "".join(c if c == "\t" else " " for c in printable(text[: f.column - 1]))
    width = len(printable(text[f.column - 1 : end - 1]))
    return f"    {printable(text)}\n    {pad}{'^' * max(1, width)}\n"


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")
