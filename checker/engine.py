"""Documents x packs -> findings, located in the original file and sorted.

For each document: its prose is split into sentences once; each pack whose scope admits the
document binds the document's claims with its own vocabulary, and each fact kind compares
those claims with its rules. Offsets stay in prose until a finding is placed in its file.

A document is *out of scope* when no pack's scope admits it (a pack without a scope admits
every document; with ``--all-documents`` every pack does). It is checked against nothing, and
reports say how many such documents there were, so that silence is not taken for agreement.
A document in scope that has none of the packs' trigger words is in scope, with no claims.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, NamedTuple

from checker import markup, rx, suppress
from checker.claims import Binder, FigureClaim, Mention, quoted_spans
from checker.compiled import CompiledPack, CompiledScope
from checker.document import Document, sentences
from checker.findings import Agreement, Finding, Located
from checker.kinds import KINDS
from checker.language.constructions import asserted
from checker.phrases import words


class Context:
    """What the kinds of one pack see of one document."""

    def __init__(
        self,
        document: Document,
        sentences: list[tuple[int, int]],
        figure_claims: list[FigureClaim],
        names: dict[str, str],
        binder: Binder,
        quoted: list[tuple[int, int]],
        quotes: str = "skip",
    ) -> None:
        self.document = document
        self.sentences = sentences
        self.figure_claims = figure_claims
        self.names = names
        self.binder = binder
        self.quoted = quoted
        self.quotes = quotes  # the pack's policy for figures inside quotation marks
        self._mentions: dict[tuple[int, int], list[Mention]] = {}

    def mentions(self, start: int, end: int) -> list[Mention]:
        """The pack's parties named in prose[start:end], found once however many kinds ask."""
        if (start, end) not in self._mentions:
            self._mentions[start, end] = self.binder.mentions(self.document.prose, start, end)
        return self._mentions[start, end]


class Result:
    """What was found in one document."""

    def __init__(self, path: str, in_scope: bool = False) -> None:
        self.path = path
        self.in_scope = in_scope  # whether a pack's scope admitted the document
        self.claims = 0
        self.findings: list[Located] = []
        self.agreements: list[tuple[str, Agreement]] = []  # (pack id, statement) when asked for
        self.errors: list[str] = []  # facts that could not be checked, as lines for stderr


class _Scope:
    def __init__(self, scope: CompiledScope) -> None:
        self.scope = scope
        # Only globs: the path alone says whether the scope admits a document.
        self.paths_only = not (scope.all or scope.any or scope.front_matter or scope.start or scope.end)
        # The conditions that are words, as word tests (None: not words, cannot be tested so)
        self.all_words = [w for w in map(_words, scope.all) if w]
        self.any_words = [_words(p) for p in scope.any]

    def may_admit_roughly(self, path: str, flat: str) -> bool:
        """False when the path is not in scope or a word the scope needs is not in the text at all."""
        return self._path_matches(path) and all(w.maybe_in(flat) for w in self.all_words)

    def may_admit(self, path: str, found: set[str]) -> bool:
        """False only when the document cannot be in scope, judged from the words of its file.

        ``found`` is :attr:`checker.markup.Unread.words` of the file: the conditions that are words
        are tested on it, any case, so most documents of an archive are rejected without
        their markup being read.
        """
        if not self._path_matches(path):
            return False
        if not all(w.found_in(found) for w in self.all_words):
            return False
        return sum(1 for w in self.any_words if w is None or w.found_in(found)) >= self.scope.min_any

    def _path_matches(self, path: str) -> bool:
        posix = PurePath(path).as_posix().removeprefix("./")
        return not self.scope.paths or any(rx.found(p, posix, "its scope (paths)") for p in self.scope.paths)

    def admits(self, document: Document) -> bool:
        """Whether every condition holds; the cheap ones are tried first."""
        scope = self.scope
        if not self._path_matches(document.path):
            return False
        if not all(rx.found(p, document.prose, "its scope (all)") for p in scope.all):
            return False
        if sum(1 for p in scope.any if rx.found(p, document.prose, "its scope (any)")) < scope.min_any:
            return False
        if not all(_matches(key, document.meta.get(key), pattern) for key, pattern in scope.front_matter):
            return False
        date = document.date if scope.start or scope.end else None
        return date is None or not (scope.start and date < scope.start or scope.end and date > scope.end)


# A scope pattern that is words: "\\bAnthropic\\b", "(?i)\\bdistil", "\\b(?:DeepSeek|Moonshot|report\\w*)\\b".
_WORD = r"[\p{L}\p{N}]+(?:\\w\*)?"
_WORDS_PATTERN = rx.compile(
    r"(?:\(\?i\))?\\b(?:(?P<word>" + _WORD + r")|\(\?:(?P<words>" + _WORD + r"(?:\|" + _WORD + r")*)\))(?P<end>\\b)?"
)


class _Words(NamedTuple):
    """A scope pattern of words, as a word test: whole words, and words a document's may start with."""

    whole: frozenset[str]
    starts: tuple[str, ...]

    def found_in(self, found: set[str]) -> bool:
        return not self.whole.isdisjoint(found) or bool(self.starts and any(w.startswith(self.starts) for w in found))

    def maybe_in(self, flat: str) -> bool:
        """A quicker, rougher test on :attr:`checker.markup.Unread.flat`: the words as parts of any word."""
        return any(w in flat for w in self.whole) or any(w in flat for w in self.starts)


def _words(pattern: str) -> _Words | None:
    """The word test that passes wherever ``pattern`` could match; None for other patterns."""
    m = _WORDS_PATTERN.fullmatch(pattern)
    if m is None:
        return None
    whole, starts = set(), set()
    for word in (m["word"] or m["words"]).split("|"):
        if word.endswith(r"\w*") or not m["end"]:
            starts.add(word.removesuffix(r"\w*").casefold())
        else:
            whole.add(word.casefold())
    return _Words(frozenset(whole), tuple(sorted(starts)))


def _matches(key: str, value: Any, pattern: str) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(v is not None and rx.found(pattern, str(v), f"its scope (front_matter {key!r})") for v in values)


class Engine:
    def __init__(self, packs: list[CompiledPack], ignore_scope: bool = False, report_unused: bool = False) -> None:
        self.packs = packs
        self.ignore_scope = ignore_scope
        self.report_unused = report_unused
        self._binders: dict[str, Binder] = {}  # made when a pack first reads a document: a pack out of scope costs nothing
        self._scopes = {p.id: [_Scope(s) for s in p.scopes] for p in packs}
        # packs with revised facts hold each document to the facts of its date
        self._versioned = {p.id for p in packs if any(f.valid_from or f.until for f in p.facts.values())}

    def binder(self, pack: CompiledPack) -> Binder:
        binder = self._binders.get(pack.id)
        if binder is None:
            binder = self._binders[pack.id] = Binder(pack.vocabulary, pack.quotes)
        return binder

    def in_scope(self, pack: CompiledPack, document: Document) -> bool:
        scopes = self._scopes[pack.id]
        return self.ignore_scope or not scopes or any(s.admits(document) for s in scopes)

    def skipped(self, path: str, text: str) -> Result | None:
        """The result of a file in which no pack can find anything, judged from its raw text;
        None when it must be read and checked.

        A file is skipped when no pack both may admit it and has a trigger word in it, and when
        whether it is in scope is known without reading it: no pack's scope may admit it (out of
        scope), or a pack without a scope, or one whose scope is only globs, admits it. A file a
        scope of words may admit is read, so that :meth:`check` says whether it is in scope. A
        file with factcheck's own comments is always read: its suppressions are checked.
        """
        if self.ignore_scope or "factcheck-" in text:
            return None
        unread = markup.Unread(text)
        in_scope = unsure = False
        for pack in self.packs:
            scopes = self._scopes[pack.id]
            try:
                if scopes and not any(s.may_admit_roughly(path, unread.flat) for s in scopes):
                    continue
                admitting = [s for s in scopes if s.may_admit(path, unread.words)]
            except rx.TooSlow:  # cannot tell here: check() says which condition ran out of time
                return None
            if scopes and not admitting:
                continue
            if pack.triggers.triggered(unread.words):
                return None
            if not scopes or any(s.paths_only for s in admitting):
                in_scope = True
            else:
                unsure = True
        return None if unsure and not in_scope else Result(path, in_scope)

    def check(self, document: Document, agreements: bool = False) -> Result:
        """The findings of every pack that admits the document; with ``agreements``, also every
        statement of a fact the kinds read and found right (what ``factcheck claims`` lists)."""
        result = Result(document.path)
        spans: list[tuple[int, int]] | None = None
        quoted: list[tuple[int, int]] = []
        found: set[str] | None = None
        for pack in self.packs:
            try:
                if not self.in_scope(pack, document):
                    continue
            except rx.TooSlow as exc:  # not admitted: the error says why
                result.errors.append(f"{document.path}: pack {pack.id!r}: {_TOO_SLOW.format(what=exc.what)}")
                continue
            result.in_scope = True
            if found is None:
                found = words(document.prose)
            triggered = pack.triggers.triggered(found)
            if not triggered:
                continue
            if spans is None:
                every = sentences(document.prose)
                spans = asserted(document.prose, every)
                retracted = frozenset(every) - frozenset(spans)
                quoted = quoted_spans(document.prose)
            binder = self.binder(pack)
            claims = binder.claims(document.prose, every, quoted, retracted)
            result.claims += len(claims)
            context = Context(document, spans, claims, pack.names, binder, quoted, pack.quotes)
            versioned = pack.id in self._versioned
            day = document.date if versioned else None
            for kind, rules in pack.rules.items():
                rules = [r for r in rules if r.id in triggered and (not versioned or pack.facts[r.id].holds_on(day))]
                if not rules:
                    continue
                for read in _check(kind, context, rules, result.errors):
                    if isinstance(read, Finding):
                        result.findings.append(locate(document, read))
                    elif agreements:
                        result.agreements.append((pack.id, read))
        result.findings.sort(key=lambda f: (f.line, f.column, f.finding.fact))
        result.findings = suppress.apply(document, result.findings, self.report_unused)
        return result


_TOO_SLOW = (
    f"a regular expression of {{what}} took more than {rx.TIMEOUT:g} s on this draft and was stopped, so it "
    "was not checked here; simplify the pattern (factcheck rules check warns about patterns that may backtrack)"
)


def _check(kind: str, context: Context, rules: list[Any], errors: list[str]) -> list[Finding | Agreement]:
    """What the kind read: its findings, and the statements it found right (kinds with a
    ``read``); a fact whose pattern runs out of time is named in ``errors`` instead."""
    module = KINDS[kind]
    read = getattr(module, "read", None) or module.check
    try:
        return list(read(context, rules))
    except TimeoutError:
        found: list[Finding | Agreement] = []
        for rule in rules:  # which fact is it?
            try:
                found.extend(read(context, [rule]))
            except TimeoutError:
                errors.append(f"{context.document.path}: fact {rule.id!r}: {_TOO_SLOW.format(what='the fact')}")
        return found


def locate(document: Document, finding: Finding) -> Located:
    start, end = document.original(finding.start, finding.end)
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Located(document.path, line, column, end_line, end_column, finding, (start, end))
