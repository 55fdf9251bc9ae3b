"""What a check reports: a contradiction between a span of the draft and a fact of a pack."""

from __future__ import annotations

from typing import Any, NamedTuple

SEVERITY_RANK = {"warning": 1, "error": 2}


class Finding(NamedTuple):
    """A contradiction found by a kind, located by prose offsets of the document."""

    start: int
    end: int
    fact: str
    kind: str
    severity: str
    message: str
    found: str
    expected: str
    source: str
    suggestion: str | None = None  # the one right replacement for the span, when there is one


class Agreement(NamedTuple):
    """A statement of a fact that a kind read and found right: what ``factcheck claims`` lists
    as agreeing, so that a fact stated but not recognised can be told from one recognised."""

    start: int
    end: int
    fact: str
    kind: str
    text: str


def agreement(rule: Any, kind: str, start: int, end: int, text: str) -> Agreement:
    return Agreement(start, end, rule.id, kind, " ".join(text.split()))


def contradiction(
    rule: Any, kind: str, start: int, end: int, message: str, found: str, expected: str, **extra: Any
) -> Finding:
    """A finding of a kind's compiled ``rule`` (every rule has id, severity and source): the
    message is closed by the source it rests on. ``extra`` may set severity or suggestion."""
    return Finding(
        start=start, end=end, fact=rule.id, kind=kind, severity=extra.pop("severity", rule.severity),
        message=f"{message} (source: {rule.source})", found=found, expected=expected, source=rule.source, **extra,
    )


class Located(NamedTuple):
    """A finding placed in its file: 1-based lines and columns, end column exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    finding: Finding
    offsets: tuple[int, int] = (0, 0)  # [start, end) in the original file, for --fix
