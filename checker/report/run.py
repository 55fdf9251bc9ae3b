"""The outcome of one run, as every output format sees it."""

from __future__ import annotations

from checker.compiled import FactInfo
from checker.engine import Result
from checker.findings import Located


class Run:
    """What the reports are made of: the results with findings, counts of the rest, how to show them."""

    def __init__(
        self, show_source: bool = False, facts: dict[str, FactInfo] | None = None, *, colour: bool = False,
        quiet: bool = False, statistics: bool = False, fix_hint: bool = False,
    ) -> None:
        self.results: list[Result] = []  # of the documents with findings: memory grows with findings, not files
        self.files = 0  # documents checked
        self.out_of_scope = 0  # of them, those no pack's scope admitted (see checker.engine)
        self.claims = 0  # claims recognised in them
        self.show_source = show_source
        self.lines: dict[str, list[str]] = {}  # path -> original lines of files with findings
        self.facts = facts or {}  # every fact of the packs loaded
        self.colour = colour  # text only: colour on a terminal (see checker.output.colour)
        self.quiet = quiet  # text and github: the findings, without the closing line
        self.statistics = statistics  # text only: a count per fact instead of the findings
        self.fix_hint = fix_hint  # text only: say how many findings --fix would correct

    @property
    def findings(self) -> list[Located]:
        return [f for r in self.results for f in r.findings]

    def add(self, result: Result) -> None:
        """Count one document checked, and keep its result if it has findings."""
        self.files += 1
        self.out_of_scope += not result.in_scope
        self.claims += result.claims
        if result.findings:
            self.results.append(result)
