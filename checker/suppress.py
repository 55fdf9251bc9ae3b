"""Suppressions written in a draft, each with its reason, so every silenced finding is audited.

Markdown and HTML, in comments a reader never sees::

    <!-- factcheck-disable moonshot-exchanges,parts-sum -- quoting the March correction -->
    ...
    <!-- factcheck-enable -->
    <!-- factcheck-ignore-next-line deepseek-exchanges -- figure is from a 2027 filing -->

Plain text, the same words after ``#`` at the start of a line. Without fact ids a directive
covers every fact. ``disable`` runs to the matching ``enable`` (or the end of the file);
``ignore-next-line`` covers the next line that is not blank. A suppression without a reason
is reported as a warning, and so, with ``--report-unused-suppressions``, is one that
suppresses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from checker.document import Document
from checker.findings import Finding, Located
from checker.markup import DIRECTIVE, DIRECTIVE_LINE

FACT = "factcheck-suppression"
_COMMENT = regex.compile(r"<!--[ \t]*" + DIRECTIVE + r"[ \t]*-->")


@dataclass
class Directive:
    start: int  # original offsets of the comment
    end: int
    verb: str
    facts: frozenset[str]  # empty: every fact
    reason: str
    first_line: int = 0  # lines it covers, filled in by ``directives``
    last_line: int = 0
    used: bool = field(default=False)

    def covers(self, located: Located) -> bool:
        return self.first_line <= located.line <= self.last_line and (
            not self.facts or located.finding.fact in self.facts
        )


def directives(document: Document) -> list[Directive]:
    pattern = DIRECTIVE_LINE if document.fmt == "text" else _COMMENT
    found: list[Directive] = []
    for m in pattern.finditer(document.text):
        facts = frozenset(f for f in regex.split(r"[\s,]+", m.group("facts")) if f)
        found.append(Directive(m.start(), m.end(), m.group("verb"), facts, (m.group("reason") or "").strip()))
    total_lines = document.position(len(document.text))[0]
    open_: list[Directive] = []
    for d in found:
        line = document.position(d.start)[0]
        end_line = document.position(d.end)[0]
        if d.verb == "ignore-next-line":
            d.first_line = d.last_line = _next_line(document, d.end, end_line)
        elif d.verb == "disable":
            d.first_line, d.last_line = line, total_lines
            open_.append(d)
        else:  # enable: closes the disables it names (all of them when it names none)
            for other in [o for o in open_ if not d.facts or o.facts & d.facts or not o.facts]:
                other.last_line = line
                open_.remove(other)
    return found


def _next_line(document: Document, offset: int, line: int) -> int:
    """The first line after ``line`` that has any text on it."""
    rest = document.text[offset:]
    m = regex.search(r"\n[ \t\r]*(?=[^\s])", rest)
    return document.position(offset + m.end())[0] if m else line + 1


def apply(document: Document, findings: list[Located], report_unused: bool) -> list[Located]:
    """The findings no directive suppresses, plus the directives' own problems."""
    found = directives(document)
    if not found:
        return findings
    kept = []
    for f in findings:
        covering = [d for d in found if d.verb != "enable" and d.covers(f)]
        for d in covering:
            d.used = True
        if not covering:
            kept.append(f)
    for d in found:
        if d.verb == "enable":
            continue
        if not d.reason:
            kept.append(_problem(document, d, "has no reason; say why after ' -- ', e.g. "
                                 "'<!-- factcheck-disable FACT -- quoting the correction -->'"))
        elif report_unused and not d.used:
            kept.append(_problem(document, d, "suppresses nothing; remove it"))
    return sorted(kept, key=lambda f: (f.line, f.column, f.finding.fact))


def _problem(document: Document, d: Directive, what: str) -> Located:
    line, column = document.position(d.start)
    end_line, end_column = document.position(d.end)
    text = document.text[d.start : d.end]
    finding = Finding(
        start=d.start, end=d.end, fact=FACT, kind="suppression", severity="warning",
        message=f"This suppression {what}", found=text, expected="a suppression with a reason that suppresses a finding",
        source="factcheck",
    )
    return Located(document.path, line, column, end_line, end_column, finding, (d.start, d.end))
