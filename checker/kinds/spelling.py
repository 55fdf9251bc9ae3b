"""``spelling``: a party's name and the wrong forms it is known to be written in.

Wrong forms match case-sensitively and as whole words, so "Minimax" is flagged while the
wire's all-capitals "MINIMAX" and the game-theory "minimax" are not. ``unless`` names the
words that show the same letters mean something else nearby ("Minimax search", "the minimax
algorithm"); a form right after ``@`` or ``#``, or before a web domain, is a handle or an
address, not a misspelt name. The fix, the canonical name, is offered as a suggestion. Inside
quotation marks a name is the speaker's word: it follows the pack's ``quotes`` policy (skip,
warn, or check), and a quotation is never rewritten.

    - id: spelling-minimax
      kind: spelling
      entity: minimax
      wrong: [Minimax, Mini Max, Mini-Max]
      unless: '(?i)\\b(?:algorithm|search|strategy|theorem|game)s?\\b'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

from checker import rx
from checker.claims import inside
from checker.findings import Agreement, Finding, agreement, contradiction
from checker.phrases import phrase_pattern

if TYPE_CHECKING:
    from checker.engine import Context
    from checker.schema.spelling import Fact

WINDOW = 60  # characters either side of a wrong form where ``unless`` is looked for


class Rule(NamedTuple):
    id: str
    severity: str
    source: str
    entity: str
    name: str
    wrong: str
    unless: str | None


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    name = names[fact.entity]
    wrong = [w for w in fact.wrong if w != name]
    return Rule(fact.id, fact.severity, fact.source, fact.entity, name, phrase_pattern(wrong, case_sensitive=True), fact.unless)


def aliases(fact: Fact) -> dict[str, list[str]]:
    """A misspelt name still names its party: "Deepseek held 15,000 exchanges" is DeepSeek's figure."""
    return {fact.entity: list(fact.wrong)}


def triggers(fact: Fact, names: dict[str, list[str]], nouns: dict[str, list[str]]) -> list[str]:
    return list(fact.wrong)


def read(context: Context, rules: list[Rule]) -> Iterator[Finding | Agreement]:
    """Every misspelt form (a finding), and every name of the party written right."""
    prose = context.document.prose
    named = [m for start, end in context.sentences for m in context.mentions(start, end)]
    for rule in rules:
        for m in named:
            if m.entity == rule.entity and not rx.fullmatch(rule.wrong, prose[m.start : m.end]):
                yield agreement(rule, "spelling", m.start, m.end, prose[m.start : m.end])
        for m in rx.finditer(rule.wrong, prose):
            if m.start() > 0 and prose[m.start() - 1] in "@#/.":
                continue
            if rx.match(r"\.[a-z]{2,}\b", prose[m.end() : m.end() + 8]):
                continue
            window = prose[max(0, m.start() - WINDOW) : m.end() + WINDOW]
            if rule.unless and rx.search(rule.unless, window):
                continue
            quoted = inside(context.quoted, m.start())
            if quoted and context.quotes == "skip":
                continue  # a quotation is the speaker's words, as the pack's quote policy says
            found = " ".join(m.group().split())
            yield contradiction(
                rule, "spelling", m.start(), m.end(),
                f'The name is spelt "{rule.name}": draft says "{found}"' + (" inside a quotation" if quoted else ""),
                found=found,
                expected=rule.name,
                suggestion=None if quoted else rule.name,
                severity="warning" if quoted and context.quotes == "warn" else rule.severity,
            )
