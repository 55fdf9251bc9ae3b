"""``--summary-file FILE``: a Markdown summary, e.g. for ``$GITHUB_STEP_SUMMARY``.

One table per file, the draft's wording next to the canonical fact. Everything taken from a
file (its name, the draft's words, the pack's) is shown as a code span on one line, printable
(see :mod:`checker.output`), with ``|`` escaped: a draft can neither break the table nor bring
in markup. Inside a code span GitHub reads no emphasis, math, HTML, links, @mentions or emoji.
"""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from checker import rx
from checker.output import printable
from checker.report.github import LIMITS, relative
from checker.report.run import Run
from checker.report.text import checked, plural


def render(run: Run, out: TextIO) -> None:
    findings = run.findings
    files = len({f.path for f in findings})
    if not findings:
        out.write(
            f"### factcheck: no findings\n\n{checked(run)}, "
            f"{plural(run.claims, 'claim')} recognised.\n"
        )
        return
    out.write(f"### factcheck: {plural(len(findings), 'finding')} in {plural(files, 'file')}\n\n")
    over = sum(max(0, sum(1 for f in findings if f.finding.severity == level) - n) for level, n in LIMITS.items())
    if over:
        out.write(f"{over} of them are not shown as annotations (GitHub's limit per step); all are listed here.\n\n")
    for path, group in groupby(findings, key=lambda f: f.path):
        out.write(f"#### {code(relative(path))}\n\n| Line | Severity | Fact | The draft says | The pack says | Source |\n")
        out.write("|---:|---|---|---|---|---|\n")
        for f in group:
            x = f.finding
            out.write(
                f"| {f.line}:{f.column} | {x.severity} | {code(x.fact)} | {code(x.found)} | {code(x.expected)} "
                f"| {code(x.source)} |\n"
            )
        out.write("\n")


def code(text: str) -> str:
    """``text`` as a Markdown code span that fits a table cell: one line, shown as it is."""
    text = printable(" ".join(text.split())).replace("|", "\\|")  # GitHub splits cells before reading spans
    if not text:
        return ""
    fence = "`" * (1 + max((len(m.group()) for m in rx.finditer("`+", text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""  # CommonMark strips one space each side
    return f"{fence}{pad}{text}{pad}{fence}"
