"""The outcome of one run, as every output format sees it."""

from __future__ import annotations

from checker.compiled import FactInfo
from checker.engine import Result
from checker.findings import Located


class Run:
    """What the reports are made of: every document's result, and how to show them."""

    def __init__(self, show_source: bool = False, facts: dict[str, FactInfo] | None = None) -> None:
        self.results: list[Result] = []
        self.show_source = show_source
        self.lines: dict[str, list[str]] = {}  # path -> original lines of files with findings
        self.facts = facts or {}  # every fact of the packs loaded

    @property
    def findings(self) -> list[Located]:
        return [f for r in self.results for f in r.findings]

    @property
    def claims(self) -> int:
        return sum(r.claims for r in self.results)
