"""Rule packs as checking uses them: plain, picklable data compiled from validated packs.

:mod:`checker.pack` builds these from the YAML; :mod:`checker.cache` keeps them between runs,
so a check whose packs have not changed never imports the schema (or pydantic).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from checker import rx
from checker.claims import Vocabulary
from checker.phrases import WORD_RUN


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
    """Which facts a document could possibly contradict, from the set of its words.

    Each fact names words (its kind's ``triggers`` hook) of which a document must contain at
    least one for the fact to find anything in it: a measure's nouns, a misspelt name, a
    defined term. Every kind matches those as whole words, so a fact is triggered by the first
    word of any of its phrases, in any case ("Moonshot AI": "moonshot"): a superset of what
    the kind can match, found with one set intersection. A document that triggers none of a
    pack's facts is not analysed for that pack.
    """

    facts: dict[str, frozenset[str]]  # a case-folded word -> the facts it triggers
    always: frozenset[str]  # facts without words: checked in every document

    def triggered(self, found: set[str]) -> frozenset[str]:
        """The facts triggered by a document's words (see :func:`checker.phrases.words`)."""
        return self.always.union(*(self.facts[w] for w in found & self.facts.keys()))


def triggers(words: dict[str, tuple[str, ...]]) -> Triggers:
    """The index of each fact's trigger words (fact id -> words; none: always checked)."""
    facts: dict[str, set[str]] = {}
    always = {fact for fact, phrases in words.items() if not phrases}
    for fact, phrases in words.items():
        for phrase in phrases:
            first = WORD_RUN.search(phrase.casefold())
            if first is None:  # nothing a word test could find: check the fact everywhere
                always.add(fact)
            else:
                facts.setdefault(first.group(), set()).add(fact)
    return Triggers({w: frozenset(f) for w, f in facts.items()}, frozenset(always))


class CompiledPack(NamedTuple):
    id: str
    names: dict[str, str]  # entity id -> canonical name
    vocabulary: Vocabulary
    rules: dict[str, list[Any]]  # kind -> compiled rules of that kind
    triggers: Triggers  # which facts a document could contradict
    facts: dict[str, FactInfo]  # fact id -> what reports say of it
    scopes: tuple[CompiledScope, ...] = ()  # a document is in scope when one admits it; none: all
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
