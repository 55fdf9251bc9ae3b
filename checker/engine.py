"""Documents x packs -> findings, located in the original file and sorted.

For each document: its prose is split into sentences once; each pack whose scope admits the
document binds the document's claims with its own vocabulary, and each fact kind compares
those claims with its rules. Offsets stay in prose until a finding is placed in its file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from checker.claims import Binder, FigureClaim
from checker.document import Document, sentences
from checker.findings import Finding, Located
from checker.kinds import KINDS
from checker.pack import CompiledPack


@dataclass
class Context:
    """What the kinds of one pack see of one document."""

    document: Document
    figure_claims: list[FigureClaim]
    names: dict[str, str]


@dataclass
class Result:
    path: str
    claims: int = 0
    findings: list[Located] = field(default_factory=list)


class Engine:
    def __init__(self, packs: list[CompiledPack], ignore_scope: bool = False) -> None:
        self.packs = packs
        self.ignore_scope = ignore_scope
        self._binders = {p.id: Binder(p.vocabulary) for p in packs}
        self._scopes = {
            p.id: ([regex.compile(s) for s in p.scope_all], [regex.compile(s) for s in p.scope_any])
            for p in packs
        }

    def in_scope(self, pack: CompiledPack, prose: str) -> bool:
        if self.ignore_scope:
            return True
        required, optional = self._scopes[pack.id]
        if not all(r.search(prose) for r in required):
            return False
        return sum(1 for r in optional if r.search(prose)) >= pack.scope_min_any

    def check(self, document: Document) -> Result:
        result = Result(document.path)
        spans: list[tuple[int, int]] | None = None
        for pack in self.packs:
            if not self.in_scope(pack, document.prose):
                continue
            if spans is None:
                spans = sentences(document.prose)
            claims = self._binders[pack.id].claims(document.prose, spans)
            result.claims += len(claims)
            context = Context(document, claims, pack.names)
            for kind, rules in pack.rules.items():
                if rules:
                    result.findings.extend(locate(document, f) for f in KINDS[kind].check(context, rules))
        result.findings.sort(key=lambda f: (f.line, f.column, f.finding.fact))
        return result


def locate(document: Document, finding: Finding) -> Located:
    start, end = document.original(finding.start, finding.end)
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Located(document.path, line, column, end_line, end_column, finding)
