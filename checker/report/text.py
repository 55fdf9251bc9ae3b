"""``--format text``: one finding a line, ``path:line:col: severity [fact] message``.

The last line counts the files checked, how many of them no pack's scope admitted (when any:
nothing was checked in those), the claims recognised and the findings, and how many of them
``--fix`` would correct. ``--quiet`` leaves it out; ``--statistics`` lists, instead of the
findings, how many there are of each fact, most first.

With ``--show-source`` (the default on a terminal) each finding is followed by its line of
the draft, after a gutter with the line number, and a caret under the span, the way rustc
and ruff show it. A line wider than :data:`MAX_WIDTH` columns (minified HTML, say) is cut
around the span, with ``...`` where text was left out. Widths are measured in the text as
printed: an escape counts its characters, a wide character two columns, a combining mark
none; tabs stay tabs under tabs, so the caret lines up however the terminal expands them.

Colour, when on, is added around text already made printable (see :mod:`checker.output`), so
nothing in a file name or a draft can bring escape sequences of its own.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TextIO

from checker.findings import Located
from checker.output import printable
from checker.report.run import Run

MAX_WIDTH = 100  # columns of a draft's line shown under a finding
TAB_WIDTH = 8  # the most a tab can take, for measuring a line against MAX_WIDTH
LOOKED_AT = 4 * MAX_WIDTH  # characters measured on either side of the span, and of the span
CUT = "..."
_COLOURS = {"path": "1", "position": "36", "error": "1;31", "warning": "1;33", "fact": "35", "gutter": "1;34"}


def render(run: Run, out: TextIO) -> None:
    if run.statistics:
        for line in _statistics(run):
            out.write(line + "\n")
    else:
        for f in run.findings:
            out.write(_heading(f, run.colour) + "\n")
            if run.show_source and f.path in run.lines:
                out.write(_source(run.lines[f.path], f, run.colour))
    if not run.quiet:
        out.write(f"{checked(run)}, {plural(run.claims, 'claim')} recognised, {plural(len(run.findings), 'finding')}")
        fixable = sum(f.finding.suggestion is not None for f in run.findings) if run.fix_hint else 0
        out.write(f" ({fixable:,} fixable with --fix).\n" if fixable else ".\n")


def paint(text: str, what: str, colour: bool) -> str:
    return f"\x1b[{_COLOURS[what]}m{text}\x1b[0m" if colour else text


def _heading(f: Located, colour: bool) -> str:
    finding = f.finding
    return (
        f"{paint(printable(f.path), 'path', colour)}:{paint(f'{f.line}:{f.column}', 'position', colour)}: "
        f"{paint(finding.severity, finding.severity, colour)} [{paint(printable(finding.fact), 'fact', colour)}] "
        f"{printable(finding.message)}"
    )


def _statistics(run: Run) -> list[str]:
    """``  3  spelling-minimax  error  (3 fixable)``: one line per fact, the most frequent first."""
    counts = Counter(f.finding.fact for f in run.findings)
    fixable = Counter(f.finding.fact for f in run.findings if f.finding.suggestion is not None)
    severity = {f.finding.fact: f.finding.severity for f in run.findings}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    count_width = max((len(f"{n:,}") for n in counts.values()), default=0)
    fact_width = max((len(printable(fact)) for fact in counts), default=0)
    lines = []
    for fact, n in rows:
        fixes = f"  ({fixable[fact]:,} fixable)" if fixable[fact] and run.fix_hint else ""
        lines.append(
            f"{n:>{count_width},}  {paint(printable(fact).ljust(fact_width), 'fact', run.colour)}  "
            f"{paint(severity[fact].ljust(7), severity[fact], run.colour)}{fixes}".rstrip()
        )
    return lines


class _Cell:
    """One character of a draft's line as printed: its text (an escape, perhaps) and width."""

    __slots__ = ("text", "width")

    def __init__(self, char: str) -> None:
        self.text = printable(char)
        if char == "\t":
            self.width = TAB_WIDTH
        elif self.text != char:
            self.width = len(self.text)
        elif unicodedata.combining(char):
            self.width = 0
        else:
            self.width = 2 if unicodedata.east_asian_width(char) in "WF" else 1

    def under(self, mark: str) -> str:
        """What stands under this cell in the caret line: a tab under a tab, else ``mark`` per column."""
        return "\t" if self.text == "\t" else mark * self.width


def _source(lines: list[str], f: Located, colour: bool) -> str:
    text = lines[f.line - 1]
    start = f.column - 1
    stop = f.end_column - 1 if f.end_line == f.line else len(text)
    # Only what can be shown is measured: a minified page may be one line of megabytes.
    before = [_Cell(c) for c in text[max(0, start - LOOKED_AT) : start]]
    span = [_Cell(c) for c in text[start : min(stop, start + LOOKED_AT)]]
    after = [_Cell(c) for c in text[stop : stop + LOOKED_AT]]
    cut_left, cut_right = start > LOOKED_AT, stop > start + LOOKED_AT or len(text) > stop + LOOKED_AT
    if cut_left or cut_right or _width(before + span + after) > MAX_WIDTH:
        room = MAX_WIDTH - 2 * len(CUT)
        span, cut_span = _fit(span, room)
        if cut_span or stop > start + LOOKED_AT:  # the span alone fills the line
            after, cut_right = [], True
        room -= _width(span)
        left, _ = _fit(before[::-1], max(room // 2, room - _width(after)))
        cut_left = cut_left or len(left) < len(before)
        before = left[::-1]
        after, cut_after = _fit(after, room - _width(before))
        cut_right = cut_right or cut_after
    shown = (CUT if cut_left else "") + "".join(c.text for c in before + span + after) + (CUT if cut_right else "")
    pad = (" " * len(CUT) if cut_left else "") + "".join(c.under(" ") for c in before)
    carets = "".join(c.under("^") for c in span) or "^"
    number = str(f.line)
    gutter, blank = paint(f" {number} |", "gutter", colour), paint(f" {' ' * len(number)} |", "gutter", colour)
    return f"{gutter} {shown}\n{blank} {pad}{paint(carets, f.finding.severity, colour)}\n"


def _width(cells: list[_Cell]) -> int:
    return sum(c.width for c in cells)


def _fit(cells: list[_Cell], room: int) -> tuple[list[_Cell], bool]:
    """The first cells that fit in ``room`` columns, and whether any were left out."""
    used = 0
    for i, cell in enumerate(cells):
        used += cell.width
        if used > room:
            return cells[:i], True
    return cells, False


def checked(run: Run) -> str:
    """``3 files checked (1 out of every pack's scope)``: the files no pack was applied to are told."""
    told = f" ({run.out_of_scope:,} out of every pack's scope)" if run.out_of_scope else ""
    return f"{plural(run.files, 'file')} checked{told}"


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")
