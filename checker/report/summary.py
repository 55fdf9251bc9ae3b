"""``--summary-file FILE``: a Markdown summary, e.g. for ``$GITHUB_STEP_SUMMARY``.

One table per file, the draft's wording next to the canonical fact. Cells are escaped
(``|``, newlines, HTML), so a draft can neither break the table nor inject markup.
"""

from __future__ import annotations

import html
from itertools import groupby
from typing import TextIO

from checker.report.github import LIMITS, relative
from checker.report.run import Run
from checker.report.text import plural


def render(run: Run, out: TextIO) -> None:
    findings = run.findings
    files = len({f.path for f in findings})
    if not findings:
        out.write(
            f"### factcheck: no findings\n\n{plural(run.files, 'file')} checked, "
            f"{plural(run.claims, 'claim')} recognised.\n"
        )
        return
    out.write(f"### factcheck: {plural(len(findings), 'finding')} in {plural(files, 'file')}\n\n")
    over = sum(max(0, sum(1 for f in findings if f.finding.severity == level) - n) for level, n in LIMITS.items())
    if over:
        out.write(f"{over} of them are not shown as annotations (GitHub's limit per step); all are listed here.\n\n")
    for path, group in groupby(findings, key=lambda f: f.path):
        out.write(f"#### `{cell(relative(path))}`\n\n| Line | Severity | Fact | The draft says | The pack says | Source |\n")
        out.write("|---:|---|---|---|---|---|\n")
        for f in group:
            x = f.finding
            out.write(
                f"| {f.line}:{f.column} | {x.severity} | `{cell(x.fact)}` | {cell(x.found)} | {cell(x.expected)} "
                f"| {cell(x.source)} |\n"
            )
        out.write("\n")


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, no markup, no column breaks."""
    text = html.escape(" ".join(text.split()), quote=False)
    return text.replace("|", "&#124;").replace("`", "&#96;").replace("[", "&#91;").replace("]", "&#93;")
