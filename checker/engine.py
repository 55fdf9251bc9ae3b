"""Documents x packs -> findings, located in the original file and sorted.

For each document: its prose is split into sentences once; each pack whose scope admits the
document binds the document's claims with its own vocabulary, and each fact kind compares
those claims with its rules. Offsets stay in prose until a finding is placed in its file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from checker import rx, suppress
from checker.claims import Binder, FigureClaim, Mention, quoted_spans
from checker.compiled import CompiledPack, CompiledScope
from checker.document import Document, sentences
from checker.findings import Finding, Located
from checker.kinds import KINDS


@dataclass
class Context:
    """What the kinds of one pack see of one document."""

    document: Document
    sentences: list[tuple[int, int]]
    figure_claims: list[FigureClaim]
    names: dict[str, str]
    binder: Binder
    quoted: list[tuple[int, int]]
    quotes: str = "skip"  # the pack's policy for figures inside quotation marks
    _mentions: dict[tuple[int, int], list[Mention]] = field(default_factory=dict, repr=False)

    def mentions(self, start: int, end: int) -> list[Mention]:
        """The pack's parties named in prose[start:end], found once however many kinds ask."""
        if (start, end) not in self._mentions:
            self._mentions[start, end] = self.binder.mentions(self.document.prose, start, end)
        return self._mentions[start, end]


@dataclass
class Result:
    path: str
    claims: int = 0
    findings: list[Located] = field(default_factory=list)


class _Scope:
    def __init__(self, scope: CompiledScope) -> None:
        self.scope = scope
        self.paths = [rx.compile(p) for p in scope.paths]
        self.front_matter = [(key, rx.compile(p)) for key, p in scope.front_matter]
        self.all = [rx.compile(p) for p in scope.all]
        self.any = [rx.compile(p) for p in scope.any]
        self.raw_all = [r for r in map(_in_markup, scope.all) if r]
        self.raw_any = [_in_markup(p) for p in scope.any]

    def may_admit(self, path: str, text: str) -> bool:
        """False only when the document cannot be in scope, judged from its raw text.

        The words a scope requires ("\\bAnthropic\\b") are looked for in the file as written,
        where markup may split or encode them ("Anth<b>ropic</b>", "&#65;nthropic"): most
        documents of an archive are rejected here without their markup being read.
        """
        if not self._path_matches(path):
            return False
        if not all(r.search(text) for r in self.raw_all):
            return False
        return sum(1 for r in self.raw_any if r is None or r.search(text)) >= self.scope.min_any

    def _path_matches(self, path: str) -> bool:
        posix = PurePath(path).as_posix().removeprefix("./")
        return not self.paths or any(p.search(posix) for p in self.paths)

    def admits(self, document: Document) -> bool:
        """Whether every condition holds; the cheap ones are tried first."""
        scope = self.scope
        if not self._path_matches(document.path):
            return False
        if not all(r.search(document.prose) for r in self.all):
            return False
        if sum(1 for r in self.any if r.search(document.prose)) < scope.min_any:
            return False
        if not all(_matches(document.meta.get(key), pattern) for key, pattern in self.front_matter):
            return False
        date = document.date if scope.start or scope.end else None
        return date is None or not (scope.start and date < scope.start or scope.end and date > scope.end)


# A scope pattern that is one word: "\\bAnthropic\\b", "(?i)\\bdistil".
_WORD_PATTERN = rx.compile(r"(?P<i>\(\?i\))?(?:\\b)?(?P<word>[\p{L}\p{N}]+)(?:\\b)?")
_MARKUP = r"(?:<[^<>]*>|[*_~`\\])*"  # what may come between two letters of a word in the file
_ENTITY = r"&#?\w{1,31};"  # and what may stand for a letter


def _in_markup(pattern: str) -> rx.Pattern[str] | None:
    """The word of a one-word pattern as it may be written in markup; None for other patterns."""
    m = _WORD_PATTERN.fullmatch(pattern)
    if m is None:
        return None
    letters = [f"(?:{rx.escape(c)}|{_ENTITY})" for c in m["word"]]
    return rx.compile(("(?i)" if m["i"] else "") + _MARKUP.join(letters))


def _matches(value: Any, pattern: rx.Pattern[str]) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(v is not None and pattern.search(str(v)) for v in values)


class Engine:
    def __init__(self, packs: list[CompiledPack], ignore_scope: bool = False, report_unused: bool = False) -> None:
        self.packs = packs
        self.ignore_scope = ignore_scope
        self.report_unused = report_unused
        self._binders = {p.id: Binder(p.vocabulary, p.quotes) for p in packs}
        self._scopes = {p.id: [_Scope(s) for s in p.scopes] for p in packs}
        # packs with revised facts hold each document to the facts of its date
        self._versioned = {p.id for p in packs if any(f.valid_from or f.until for f in p.facts.values())}

    def binder(self, pack: CompiledPack) -> Binder:
        return self._binders[pack.id]

    def in_scope(self, pack: CompiledPack, document: Document) -> bool:
        scopes = self._scopes[pack.id]
        return self.ignore_scope or not scopes or any(s.admits(document) for s in scopes)

    def may_apply(self, path: str, text: str) -> bool:
        """False only when no pack can find anything in the file, judged from its raw text.

        A file with factcheck's own comments is always read: its suppressions are checked.
        """
        if self.ignore_scope or "factcheck-" in text:
            return True
        return any(not scopes or any(s.may_admit(path, text) for s in scopes) for scopes in self._scopes.values())

    def check(self, document: Document) -> Result:
        result = Result(document.path)
        spans: list[tuple[int, int]] | None = None
        quoted: list[tuple[int, int]] = []
        for pack in self.packs:
            if not self.in_scope(pack, document):
                continue
            triggered = pack.triggers.triggered(document.prose)
            if not triggered:
                continue
            if spans is None:
                spans = sentences(document.prose)
                quoted = quoted_spans(document.prose)
            binder = self._binders[pack.id]
            claims = binder.claims(document.prose, spans, quoted)
            result.claims += len(claims)
            context = Context(document, spans, claims, pack.names, binder, quoted, pack.quotes)
            versioned = pack.id in self._versioned
            day = document.date if versioned else None
            for kind, rules in pack.rules.items():
                rules = [r for r in rules if r.id in triggered and (not versioned or pack.facts[r.id].holds_on(day))]
                if rules:
                    result.findings.extend(locate(document, f) for f in KINDS[kind].check(context, rules))
        result.findings.sort(key=lambda f: (f.line, f.column, f.finding.fact))
        result.findings = suppress.apply(document, result.findings, self.report_unused)
        return result


def locate(document: Document, finding: Finding) -> Located:
    start, end = document.original(finding.start, finding.end)
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Located(document.path, line, column, end_line, end_column, finding, (start, end))
