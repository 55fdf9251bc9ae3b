"""The outcome of one run, as every output format sees it."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.compiled import FactInfo
from checker.engine import Result
from checker.findings import Located


@dataclass
class Run:
    results: list[Result] = field(default_factory=list)
    show_source: bool = False
    lines: dict[str, list[str]] = field(default_factory=dict)  # path -> original lines of files with findings
    facts: dict[str, FactInfo] = field(default_factory=dict)  # every fact of the packs loaded

    @property
    def findings(self) -> list[Located]:
        return [f for r in self.results for f in r.findings]

    @property
    def claims(self) -> int:
        return sum(r.claims for r in self.results)
