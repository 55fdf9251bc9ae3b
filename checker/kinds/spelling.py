"""``spelling``: a party's name and the wrong forms it is known to be written in.

Wrong forms match case-sensitively and as whole words, so "Minimax" is flagged while the
wire's all-capitals "MINIMAX" and the game-theory "minimax" are not. ``unless`` names the
words that show the same letters mean something else nearby ("Minimax search", "the minimax
algorithm"); a form right after ``@`` or ``#``, or before a web domain, is a handle or an
address, not a misspelt name. The fix, the canonical name, is offered as a suggestion.

    - id: spelling-minimax
      kind: spelling
      entity: minimax
      wrong: [Minimax, Mini Max, Mini-Max]
      unless: '(?i)\\b(?:algorithm|search|strategy|theorem|game)s?\\b'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Literal

import regex
from pydantic import Field

from checker.findings import Finding, contradiction
from checker.model import FactBase, Id, Text
from checker.phrases import phrase_pattern

if TYPE_CHECKING:
    from checker.engine import Context

_WINDOW = 60  # characters either side of a wrong form where ``unless`` is looked for


class Fact(FactBase):
    kind: Literal["spelling"]
    entity: Id
    wrong: list[Text] = Field(min_length=1, description="Wrong forms, exactly as they are misspelt.")
    unless: Text | None = Field(
        None,
        description="A regular expression; a wrong form with a match within "
        f"{_WINDOW} characters means something else and is left alone.",
    )


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: str
    source: str
    name: str
    wrong: str
    unless: str | None


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    name = names[fact.entity]
    wrong = [w for w in fact.wrong if w != name]
    return Rule(fact.id, fact.severity, fact.source, name, phrase_pattern(wrong, case_sensitive=True), fact.unless)


def aliases(fact: Fact) -> dict[str, list[str]]:
    """A misspelt name still names its party: "Deepseek held 15,000 exchanges" is DeepSeek's figure."""
    return {fact.entity: list(fact.wrong)}


def check(context: Context, rules: list[Rule]) -> Iterator[Finding]:
    prose = context.document.prose
    for rule in rules:
        for m in regex.finditer(rule.wrong, prose):
            if m.start() > 0 and prose[m.start() - 1] in "@#/.":
                continue
            if regex.match(r"\.[a-z]{2,}\b", prose[m.end() : m.end() + 8]):
                continue
            window = prose[max(0, m.start() - _WINDOW) : m.end() + _WINDOW]
            if rule.unless and regex.search(rule.unless, window):
                continue
            found = " ".join(m.group().split())
            yield contradiction(
                rule, "spelling", m.start(), m.end(), f'The name is spelt "{rule.name}": draft says "{found}"',
                found=found,
                expected=rule.name,
                suggestion=rule.name,
            )
