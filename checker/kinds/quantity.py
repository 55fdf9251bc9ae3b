"""``quantity``: a figure of the story, optionally owned by one of its parties.

A quantity fact says how much of a measure there was ("more than 3.4 million exchanges") and
whose it was (Moonshot's). The pack's value is an interval of admissible values: given
explicitly, or derived from the qualifier and the precision of the value ("more than 3.4
million" admits 3.4 to 3.5 million). A figure in the draft that counts the same measure for the
same owner is a contradiction when its own interval (from its qualifier and how it was written)
does not meet the fact's. When the figure matches another fact of the same measure instead,
the finding says whose figure it is: the draft swapped them.

    - id: moonshot-exchanges
      kind: quantity
      owner: moonshot
      measure: exchanges
      value: 3400000
      qualifier: more than
      interval: [3400000, 3500000]
      source: anthropic-blog
      examples:
        pass: ["Moonshot generated more than 3.4 million exchanges."]
        fail: ["Moonshot generated 13 million exchanges."]
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Iterator, NamedTuple

from checker import rx
from checker.document import PARAGRAPH
from checker.findings import Finding, contradiction
from checker.language.grammar import SHARE_NOUNS
from checker.language.owners import TOTALS
from checker.numbers import DIRECTIONS, Figure, Interval, describe, interval_for, precision_unit, same_unit
from checker.phrases import plural_noun

if TYPE_CHECKING:
    from checker.claims import FigureClaim
    from checker.engine import Context
    from checker.schema.quantity import Fact

class Rule(NamedTuple):
    id: str
    severity: str
    source: str
    label: str
    owner: str | None
    measure: str
    unit: str
    stated: str
    interval: Interval
    context: str | None
    unless: str | None
    direction: int = 0  # +1 when the fact is a floor ("at least 30"), -1 a ceiling ("at most 30")


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    if fact.interval is not None:
        open_low = fact.qualifier == "more than" and fact.interval[0] == fact.value
        interval = Interval(fact.interval[0], fact.interval[1], lo_open=open_low)
    elif fact.tolerance is not None:
        interval = Interval(fact.value * (1 - fact.tolerance), fact.value * (1 + fact.tolerance))
    else:
        interval = _default_interval(fact.value, fact.qualifier, fact.unit)
    measure = measure_labels[fact.measure]
    label = fact.label or (f"{names[fact.owner]}'s {measure}" if fact.owner else measure.capitalize())
    value = describe(fact.value, fact.unit)
    stated = value if fact.qualifier == "exactly" else f"{fact.qualifier} {value}"
    return Rule(
        fact.id, fact.severity, fact.source, label, fact.owner, fact.measure, fact.unit, stated, interval,
        fact.context, fact.unless, DIRECTIONS.get(fact.qualifier, 0),
    )


def _default_interval(value: float, qualifier: str, unit_of_value: str) -> Interval:
    """A source's "more than 3.4 million" means 3.4 up to the next step of its precision."""
    unit = precision_unit(value, unit=unit_of_value)
    if qualifier == "more than":
        return Interval(value, value + unit, lo_open=True, hi_open=True)
    if qualifier == "at least":
        return Interval(value, value + unit, hi_open=True)
    if qualifier == "approximately":
        return Interval(value - unit / 2, value + unit / 2)
    return interval_for(value, qualifier, unit)


def triggers(fact: Fact, names: dict[str, list[str]], nouns: dict[str, list[str]]) -> list[str]:
    """A figure is compared only when a noun of its measure names it; a company's share price
    also when the company is named ("Netflix jumped 10%")."""
    if fact.owner and {plural_noun(n.lower()) for n in nouns[fact.measure]} & set(SHARE_NOUNS):
        return [*nouns[fact.measure], *names[fact.owner]]
    return nouns[fact.measure]


def agrees(figure: Figure, rule: Rule) -> bool:
    """Whether a figure as the draft states it fits the fact: the values it admits meet the
    fact's, and it does not turn the fact's own number the other way ("at most 30" is not "at
    least 30"). The one test every kind and ``factcheck claims`` use."""
    if figure.interval.disjoint(rule.interval):
        return False
    # the fact's own number with the opposite qualifier: "at most 30" against "at least 30"
    bound = rule.interval.lo if rule.direction > 0 else rule.interval.hi
    return not (rule.direction and DIRECTIONS.get(figure.qualifier or "", 0) == -rule.direction and figure.value == bound)


def check(context: Context, rules: list[Rule]) -> Iterator[Finding]:
    """Compare each figure claim with the fact of its measure and owner."""
    names, prose = context.names, context.document.prose
    for claim in context.figure_claims:
        rule = fitting(claim, rules, prose)
        if rule is None or agrees(claim.figure, rule) or withheld(claim, rules, prose):
            continue
        whose = _whose(claim, rule, rules, names)
        found = f'draft says "{claim.text}"' + (f", which is {whose}" if whose else "")
        warn = claim.quoted and context.quotes == "warn"
        if claim.quoted:
            found += " inside a quotation"
        yield contradiction(
            rule, "quantity", claim.start, claim.end, f"{rule.label}: {found}; the pack says {rule.stated}",
            found=claim.text,
            expected=rule.stated,
            severity="warning" if warn else rule.severity,
        )


def fitting(claim: FigureClaim, rules: list[Rule], prose: str) -> Rule | None:
    """The fact a claim is compared with, when several could be: two facts of one measure and
    owner never shadow each other. A fact the figure agrees with wins, one whose ``context``
    the sentence matched first; else the one nearest in value ("$2.1 billion" beside a $2.8
    billion and a $7 billion fee is the $2.8 billion one, wrong)."""
    candidates = [r for r in rules if compared(claim, r, prose)]
    agreeing = [r for r in candidates if agrees(claim.figure, r)]
    value = max(claim.figure.value, 1e-9)

    def distance(r: Rule) -> float:
        return abs(math.log(value / max(_middle(r.interval), 1e-9)))

    if agreeing:
        return min(agreeing, key=lambda r: (r.context is None, distance(r)))
    return min(candidates, key=lambda r: (distance(r), r.context is None), default=None)


def withheld(claim: FigureClaim, rules: list[Rule], prose: str) -> Rule | None:
    """The fact a figure that contradicts its fitting fact is exactly, but for that fact's
    context: then the sentence may well speak of it, and the figure is not compared. "Paramount
    owes WBD a $7 billion termination fee", after "regulators" in the sentence before, is the
    regulatory fee, whatever the breakup fee says. Not when it is another party's figure: that
    is a swap."""
    if any(r.measure == claim.measure and r.owner != claim.owner and agrees(claim.figure, r) for r in rules):
        return None
    return next((
        r for r in rules
        if r.context and (r.measure, r.owner) == (claim.measure, claim.owner) and agrees(claim.figure, r)
        and compared(claim, r._replace(context=None), prose)
    ), None)


def _middle(interval: Interval) -> float:
    return (interval.lo + interval.hi) / 2


def compared(claim: FigureClaim, rule: Rule, prose: str) -> bool:
    """Whether the claim speaks of this fact: its measure and owner, a figure of the same
    order, a sentence in the fact's context and not about someone else's figures."""
    if claim.ambiguous or (claim.measure, claim.owner) != (rule.measure, rule.owner):
        return False
    if not same_unit(claim.figure.unit, rule.unit):
        return False
    if _unrelated(claim.figure.value, rule.interval):
        return False
    sentence = prose[claim.sentence[0] : claim.sentence[1]]
    # A total the grammar reads as the parties' sum ("the labs together ran", "... add up to")
    # is what a fact nobody owns speaks of, whatever words its context lists.
    read_as_total = rule.owner is None and claim.how in TOTALS
    if rule.context and not read_as_total and not rx.search(rule.context, sentence):
        return False
    return not (rule.unless and rx.search(rule.unless, _with_lead(prose, claim.sentence)))


def _with_lead(prose: str, sentence: tuple[int, int]) -> str:
    """The sentence and the words just before it in its paragraph, where what marks a figure as
    another's is often said: "**8 December 2025.** Acme goes hostile. It includes a $5.8
    billion fee" is December's fee."""
    start, end = sentence
    lead = max(0, start - _LEAD)
    breaks = list(PARAGRAPH.finditer(prose, lead, start))
    return prose[breaks[-1].end() if breaks else lead : end]


_LEAD = 160  # characters before a sentence read with it for a fact's ``unless``


def _unrelated(value: float, interval: Interval) -> bool:
    """A figure a thousand times off ("six accounts" against 24,000) counts something else."""
    return value * 1000 < interval.lo or value > 1000 * interval.hi


def _whose(claim: FigureClaim, rule: Rule, rules: list[Rule], names: dict[str, str]) -> str | None:
    """Whose figure the draft gave instead, when it matches exactly one other fact."""
    others = [
        r for r in rules
        if r is not rule and r.measure == rule.measure and (r.owner != rule.owner or r.owner is None)
        and same_unit(claim.figure.unit, r.unit)
        and agrees(claim.figure, r)
    ]
    if len(others) != 1:
        return None
    other = others[0]
    return f"{names[other.owner]}'s figure" if other.owner else f"the figure for {other.label.lower()}"
