"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::error file=drafts/a.md,line=12,col=41,endLine=12,endColumn=51,title=factcheck [moonshot-exchanges]::...

Values are made printable (see :mod:`checker.output`: no line end, no escape sequence), then
escaped the way GitHub's toolkit escapes them (``%``; also ``:`` and ``,`` in properties), so
nothing in a file name or a draft can end a command early or start one of its own. GitHub
shows at most 10 error and 10 warning annotations per step: errors come first, then warnings,
each in file order, and the findings beyond the limits are still listed in the log as plain
lines, with a count of how many were not annotated. The last line counts files, claims and
findings, as the text format's does (not with ``--quiet``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from checker.findings import Located
from checker.output import printable
from checker.report.run import Run
from checker.report.text import checked, plural

LIMITS = {"error": 10, "warning": 10}  # annotations GitHub shows per step, by level


def render(run: Run, out: TextIO) -> None:
    shown: list[Located] = []
    rest: list[Located] = []
    for level in ("error", "warning"):
        found = [f for f in run.findings if f.finding.severity == level]
        shown += found[: LIMITS[level]]
        rest += found[LIMITS[level] :]
    for f in shown:
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", relative(f.path)),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line),
                ("endColumn", f.end_column),
                ("title", f"factcheck [{f.finding.fact}]"),
            )
        )
        out.write(f"::{f.finding.severity} {properties}::{escape_data(f.finding.message)}\n")
    for f in rest:
        out.write(
            f"factcheck: {escape_data(relative(f.path))}:{f.line}:{f.column}: {f.finding.severity} "
            f"[{f.finding.fact}] {escape_data(f.finding.message)}\n"
        )
    if rest:
        out.write(
            f"factcheck: {plural(len(rest), 'more finding')} not shown as annotations "
            f"(GitHub shows at most {LIMITS['error']} errors and {LIMITS['warning']} warnings per step); "
            "they are listed above\n"
        )
    if not run.quiet:
        out.write(
            f"factcheck: {checked(run)}, {plural(run.claims, 'claim')} recognised, "
            f"{plural(len(run.findings), 'finding')}\n"
        )


def escape_data(value: str) -> str:
    """Printable, escaped for a workflow command, and defanged for the runner's older
    ``##[command]`` syntax, which it honours anywhere in a line."""
    return printable(value).replace("%", "%25").replace("##[", "# #[")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def relative(path: str) -> str:
    """The path as the repository sees it: relative to the workspace, with forward slashes."""
    root = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
