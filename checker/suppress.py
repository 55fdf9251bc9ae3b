"""Suppressions written in a draft, each with its reason, so every silenced finding is audited.

Markdown and HTML, in comments a reader never sees::

    <!-- factcheck-disable moonshot-exchanges,parts-sum -- quoting the March correction -->
    ...
    <!-- factcheck-enable -->
    <!-- factcheck-ignore-next-line deepseek-exchanges -- figure is from a 2027 filing -->

Plain text, the same words after ``#`` at the start of a line. Without fact ids a directive
covers every fact. ``disable`` runs to an ``enable`` (or the end of the file); an ``enable``
that names facts turns only those back on; ``ignore-next-line`` covers the next line that is
not blank. Directives inside code blocks and code spans are examples, not directives. A suppression without a reason
is reported as a warning, and so, with ``--report-unused-suppressions``, is one that
suppresses nothing.
"""

from __future__ import annotations

from bisect import bisect_right

from checker import rx
from checker.document import Document
from checker.findings import Finding, Located
from checker.markup import DIRECTIVE, DIRECTIVE_LINE, code_spans

FACT = "factcheck-suppression"
_COMMENT = rx.compile(r"<!--[ \t]*" + DIRECTIVE + r"[ \t]*-->")


class Directive:
    def __init__(self, start: int, end: int, verb: str, facts: frozenset[str], reason: str) -> None:
        self.start, self.end = start, end  # original offsets of the comment
        self.verb = verb
        self.facts = facts  # empty: every fact
        self.reason = reason
        self.line = 0  # where it is, or for ignore-next-line the line it covers
        self.used = False


def directives(document: Document) -> list[Directive]:
    """The directives of a draft, in order; those inside code are examples, not directives."""
    pattern = DIRECTIVE_LINE if document.fmt == "text" else _COMMENT
    matches = list(pattern.finditer(document.text)) if "factcheck-" in document.text else []
    code: list[tuple[int, int]] = []  # where code is, sorted and merged
    for start, end in sorted(code_spans(document.text, document.fmt) if matches else []):
        if code and start <= code[-1][1]:
            code[-1] = (code[-1][0], max(end, code[-1][1]))
        else:
            code.append((start, end))
    found: list[Directive] = []
    code_starts = [start for start, _ in code]
    for m in matches:
        i = bisect_right(code_starts, m.start()) - 1
        if i >= 0 and m.start() < code[i][1]:
            continue
        facts = frozenset(f for f in rx.split(r"[\s,]+", m.group("facts")) if f)
        d = Directive(m.start(), m.end(), m.group("verb"), facts, (m.group("reason") or "").strip())
        d.line = document.position(d.start)[0]
        if d.verb == "ignore-next-line":
            d.line = _next_line(document, d.end, document.position(d.end)[0])
        found.append(d)
    return found


def _next_line(document: Document, offset: int, line: int) -> int:
    """The first line after ``line`` that has any text on it."""
    m = rx.search(r"\n[ \t\r]*(?=[^\s])", document.text, pos=offset)
    return document.position(m.end())[0] if m else line + 1


class _Suppressors:
    """Which directive silences a finding: the state of disable/enable directives before its
    line, then ignore-next-line directives for its line. Findings are asked for in line order,
    so the directives are read once, however many findings there are."""

    def __init__(self, found: list[Directive]) -> None:
        self.switches = [d for d in found if d.verb != "ignore-next-line"]  # in file order
        self.ignores: dict[int, list[Directive]] = {}
        for d in found:
            if d.verb == "ignore-next-line":
                self.ignores.setdefault(d.line, []).append(d)
        self.read = 0  # switches applied so far
        self.every: Directive | None = None  # a disable without facts, still open
        self.named: dict[str, Directive] = {}
        self.enabled: set[str] = set()  # facts enabled again while ``every`` is open

    def of(self, located: Located) -> Directive | None:
        while self.read < len(self.switches) and self.switches[self.read].line < located.line:
            self._switch(self.switches[self.read])
            self.read += 1
        fact = located.finding.fact
        if fact in self.named:
            return self.named[fact]
        if self.every is not None and fact not in self.enabled:
            return self.every
        for d in self.ignores.get(located.line, ()):
            if not d.facts or fact in d.facts:
                return d
        return None

    def _switch(self, d: Directive) -> None:
        if d.verb == "disable":
            if d.facts:
                self.named.update(dict.fromkeys(d.facts, d))
                self.enabled -= d.facts
            else:
                self.every, self.named, self.enabled = d, {}, set()
        elif d.facts:  # enable: only what it names
            for f in d.facts:
                self.named.pop(f, None)
            self.enabled |= d.facts
        else:
            self.every, self.named, self.enabled = None, {}, set()


def apply(document: Document, findings: list[Located], report_unused: bool) -> list[Located]:
    """The findings no directive suppresses, plus the directives' own problems."""
    found = directives(document)
    if not found:
        return findings
    kept = []
    suppressors = _Suppressors(found)
    for f in sorted(findings, key=lambda f: f.line):
        by = suppressors.of(f)
        if by is None:
            kept.append(f)
        else:
            by.used = True
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
