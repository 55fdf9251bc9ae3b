"""Rule packs as checking uses them: plain, picklable data compiled from validated packs.

:mod:`checker.pack` builds these from the YAML; :mod:`checker.cache` keeps them between runs,
so a check whose packs have not changed never imports the schema (or pydantic).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from checker import rx
from checker.claims import Vocabulary


class CompiledScope(NamedTuple):
    """One set of scope conditions, as plain patterns (see :class:`checker.schema.Scope`)."""

    paths: tuple[str, ...] = ()  # regular expressions translated from the globs
    front_matter: tuple[tuple[str, str], ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    min_any: int = 0


class Triggers(NamedTuple):
    """Which facts a document could possibly contradict, found in one pass over its prose.

    Each fact names words (its kind's ``triggers`` hook) of which a document must contain at
    least one, in any case, for the fact to find anything in it: a measure's nouns, a misspelt
    name, a defined term. All of a pack's words are one alternation, matched as bare strings
    (no word boundaries, overlapping matches allowed), so what it finds is a superset of what
    any kind would match; a document that triggers nothing is not analysed further.
    """

    pattern: str  # the words' alternation, longest first; "(?!)" when there are none
    facts: dict[str, frozenset[str]]  # a normalised word -> facts it (or a word it starts with) triggers
    always: frozenset[str]  # facts without words: checked in every document

    def triggered(self, prose: str) -> frozenset[str]:
        found = set(self.always)
        for m in rx.compile(self.pattern).finditer(prose, overlapped=True):
            facts = self.facts.get(_normal(m.group()))
            if facts is None:  # a case folding the index did not foresee: check everything
                return frozenset().union(self.always, *self.facts.values())
            found |= facts
        return frozenset(found)


def triggers(words: dict[str, tuple[str, ...]]) -> Triggers:
    """The index of each fact's trigger words (fact id -> words; none: always checked)."""
    facts: dict[str, set[str]] = {}
    for fact, fact_words in words.items():
        for word in fact_words:
            facts.setdefault(_normal(word), set()).add(fact)
    for word in facts:  # the longest match at a place also stands for the words it starts with
        for n in range(1, len(word)):
            facts[word] |= facts.get(word[:n], set())
    bodies = [rx.sub(r"\\?[\s\u00a0\-]+", lambda _: r"[\s\u00a0\-]+", rx.escape(w)) for w in facts]
    pattern = "(?i:" + "|".join(sorted(bodies, key=len, reverse=True)) + ")" if bodies else "(?!)"
    return Triggers(pattern, {w: frozenset(f) for w, f in facts.items()}, frozenset(f for f, w in words.items() if not w))


def _normal(text: str) -> str:
    return " ".join(text.replace("-", " ").split()).casefold()


@dataclass(frozen=True)
class CompiledPack:
    id: str
    names: dict[str, str]  # entity id -> canonical name
    vocabulary: Vocabulary
    rules: dict[str, list[Any]]  # kind -> compiled rules of that kind
    triggers: Triggers  # which facts a document could contradict
    scopes: tuple[CompiledScope, ...] = ()  # a document is in scope when one admits it; none: all
    facts: dict[str, FactInfo] = field(default_factory=dict)  # fact id -> what reports say of it
    quotes: str = "skip"  # policy for figures inside quotation marks
    path: str = ""  # the file it was loaded from


class FactInfo(NamedTuple):
    """A fact as reports and authoring commands describe it (SARIF rules, explain, rules test)."""

    id: str
    kind: str
    severity: str
    source_title: str
    source_url: str | None
    note: str | None
    passing: tuple[str, ...] = ()  # the fact's examples
    failing: tuple[tuple[str, str | None], ...] = ()  # (sentence, words its message must contain)
    pack: str = ""  # the pack's id
    valid_from: dt.date | None = None
    until: dt.date | None = None  # superseded from this day on (the successor's valid_from)

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether the fact applies to a document of that date (undated: the current facts)."""
        if day is None:
            return self.until is None
        return (self.valid_from is None or day >= self.valid_from) and (self.until is None or day < self.until)


def glob_pattern(glob: str) -> str:
    """A path glob as a regular expression matched at the end of a /-separated path.

    ``*`` and ``?`` stay inside one folder, ``**`` crosses folders, and a glob without a
    folder ("*.md") matches the file name wherever it is.
    """
    out = []
    i = 0
    glob = glob.removeprefix("./")
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(rx.escape(glob[i]))
            i += 1
    anchor = "^" if glob.startswith("/") else "(?:^|/)"
    return anchor + "".join(out) + r"\Z"
