"""``--format text``: one finding a line, ``path:line:col: severity [fact] message``.

The last line counts the files checked, how many of them no pack's scope admitted (when any:
nothing was checked in those), the claims recognised and the findings.

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
    out.write(f"{checked(run)}, {plural(run.claims, 'claim')} recognised, {plural(len(run.findings), 'finding')}.\n")


def _source(lines: list[str], f: Located) -> str:
    text = lines[f.line - 1]
    end = f.end_column if f.end_line == f.line else len(text) + 1
    # Under the line as shown (escapes are wider than what they stand for), with tabs kept
    # under tabs so the caret lines up however the terminal expands them.
    pad = "".join(c if c == "\t" else " " for c in printable(text[: f.column - 1]))
    width = len(printable(text[f.column - 1 : end - 1]))
    return f"    {printable(text)}\n    {pad}{'^' * max(1, width)}\n"


def checked(run: Run) -> str:
    """``3 files checked (1 out of every pack's scope)``: the files no pack was applied to are told."""
    told = f" ({run.out_of_scope:,} out of every pack's scope)" if run.out_of_scope else ""
    return f"{plural(run.files, 'file')} checked{told}"


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")
