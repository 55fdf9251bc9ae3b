"""``relation``: arithmetic across ``quantity`` facts of different measures and units.

Three relations, each between three quantity facts of the pack:

- ``difference``: ``result`` is the first fact ``of`` minus the second (a staff of 9,000, a cut
  of 2,500, 6,500 left);
- ``share``: ``part`` is ``rate`` (a fact in ``unit: percent``) of ``base`` (300 roles, 5% of
  6,000 staff). A draft may state the rate as a fraction of something: "a third of its
  workforce", "nearly half of the roles" are read as percentages;
- ``ratio``: ``result`` is the first fact ``of`` divided by the second; in percent when the
  result is a percentage.

The pack is checked when it loads: the facts' intervals must meet the relation, or the pack
contradicts itself and is refused. A draft is checked when it states a figure for each of the
three facts: when each figure is right on its own (a wrong one is reported by its own quantity
fact, and not again here) but together they break the relation, within the values each figure
admits, the relation is reported once, on the last of the three figures. A relation the draft
does not state in full is not checked: a figure the draft does not give cannot be wrong in it.
A figure inside quotation marks counts as the pack's ``quotes`` policy says (with ``warn``, the
finding is a warning).

    - id: staff-after-cut
      kind: relation
      relation: difference
      result: staff-after
      of: [staff-before, jobs-cut]
      source: annual-report

    draft.md:3:71: error [staff-after-cut] Staff left: draft says "6,500", but "9,400" minus "2,500" is 6,900 (source: annual-report)

    - id: cut-share
      kind: relation
      relation: share
      part: jobs-cut
      rate: cut-rate
      base: staff-before
      source: annual-report
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from checker.findings import Agreement, Finding, agreement, contradiction
from checker.kinds import quantity
from checker.numbers import COUNT, INF, PERCENT, Interval, describe, describe_span, difference, product, quotient

if TYPE_CHECKING:
    from checker.claims import FigureClaim
    from checker.engine import Context
    from checker.schema.relation import Fact

# How messages say each relation, between its first and second fact.
_WORDS = {"difference": "minus", "share": "of", "ratio": "divided by"}
# The keys that name the result, the first and the second fact, for messages.
_KEYS = {"difference": ("result", "of", "of"), "share": ("part", "rate", "base"), "ratio": ("result", "of", "of")}


class Rule(NamedTuple):
    id: str
    severity: str
    source: str
    relation: str  # difference, share or ratio
    label: str | None  # how messages name it: the pack's, else (once linked) its result's label
    ids: tuple[str, ...]  # the result (share: the part), the first and the second fact
    facts: tuple[quantity.Rule, ...] = ()  # the same, resolved by link()
    others: tuple[quantity.Rule, ...] = ()  # every quantity fact of the pack: which one a figure states
    formula: str | None = None  # the relation in words, for explain


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    # the schema has made sure a share has part, rate and base, and the others result and of
    ids = (fact.part, fact.rate, fact.base) if fact.relation == "share" else (fact.result, *(fact.of or ()))
    return Rule(fact.id, fact.severity, fact.source, fact.relation, fact.label, ids)  # type: ignore[arg-type]


def link(rule: Rule, facts: dict[str, Any]) -> Rule:
    """Resolve the rule's facts; raise ValueError when they are not quantity facts in units the
    relation can join, or when the pack's own figures break the relation."""
    for key, fact_id in zip(_KEYS[rule.relation], rule.ids):
        if not isinstance(facts.get(fact_id), quantity.Rule):
            raise ValueError(f"{key}: {fact_id!r} is not a quantity fact of this pack")
    if len(set(rule.ids)) < 3:
        raise ValueError(f"a {rule.relation} relates three different facts, not {', '.join(rule.ids)}")
    result, first, second = (facts[i] for i in rule.ids)
    problem = _units(rule.relation, result, first, second)
    if problem:
        raise ValueError(problem)
    word = _WORDS[rule.relation]
    expected = _expected(rule.relation, first.interval, second.interval, result.unit)
    if expected.disjoint(result.interval):
        raise ValueError(
            f"{first.id} {word} {second.id} ({first.stated} {word} {second.stated}) is "
            f"{_span(expected, result.unit)}, which {result.id} ({result.stated}) does not admit"
        )
    return rule._replace(
        label=rule.label or result.label,
        facts=(result, first, second),
        others=tuple(r for r in facts.values() if isinstance(r, quantity.Rule)),
        formula=f"{result.id} ({result.stated}) = {first.id} ({first.stated}) {word} {second.id} ({second.stated})",
    )


def _units(relation: str, result: quantity.Rule, first: quantity.Rule, second: quantity.Rule) -> str | None:
    """Why the three facts' units cannot stand in the relation, if they cannot."""
    units = f"{result.id}: {result.unit}, {first.id}: {first.unit}, {second.id}: {second.unit}"
    if relation == "difference" and not result.unit == first.unit == second.unit:
        return f"the facts of a difference must be in one unit ({units})"
    if relation == "share" and first.unit != PERCENT:
        return f"rate: {first.id!r} must be a percentage (unit: percent), not {first.unit}"
    if relation == "share" and result.unit != second.unit:
        return f"the part and the base of a share must be in one unit ({units})"
    if relation == "ratio":
        if first.unit == second.unit:
            allowed = {COUNT, PERCENT}  # a multiple, or a percentage
        elif second.unit == COUNT:
            allowed = {first.unit}  # an amount per item
        else:
            return f"a ratio cannot divide {first.unit} by {second.unit} ({units})"
        if result.unit not in allowed:
            return f"{first.unit} divided by {second.unit} is not in {result.unit} ({units})"
    return None


def _expected(relation: str, first: Interval, second: Interval, unit: str) -> Interval:
    """The values the result admits, given what the first and the second fact admit."""
    if relation == "difference":
        return difference(first, second)
    if relation == "share":
        return product(_scaled(first, 0.01), second)
    ratio = quotient(first, second)
    return _scaled(ratio, 100.0) if unit == PERCENT else ratio


def _scaled(interval: Interval, factor: float) -> Interval:
    return interval._replace(lo=interval.lo * factor, hi=interval.hi * factor)


def _span(interval: Interval, unit: str) -> str:
    if interval.hi == INF:
        return f"{'more than' if interval.lo_open else 'at least'} {describe(interval.lo, unit)}"
    return describe_span(interval, unit)


def triggers(fact: Fact, names: dict[str, list[str]], nouns: dict[str, list[str]]) -> list[str]:
    """Figures are claims only when a measure noun names them: the nouns of every measure (the
    fact names other facts, whose measures are known only once the pack is linked)."""
    return [noun for forms in nouns.values() for noun in forms]


def read(context: Context, rules: list[Rule]) -> Iterator[Finding | Agreement]:
    """Each relation the draft states in full: agreeing, or broken by figures each right on its own."""
    for rule in rules:
        claims = _stated(context, rule)
        if claims is None:
            continue
        if not all(quantity.agrees(c.figure, f) for c, f in zip(claims, rule.facts)):
            continue  # a figure is wrong by itself: its quantity fact says so
        result, first, second = claims
        unit = rule.facts[0].unit
        word = _WORDS[rule.relation]
        last = max(claims, key=lambda c: c.start)
        expected = _expected(rule.relation, first.figure.interval, second.figure.interval, unit)
        if not expected.disjoint(result.figure.interval):
            yield agreement(rule, "relation", last.start, last.end, f"{first.text} {word} {second.text} is {result.text}")
            continue
        computed = _computed(rule, first, second, expected)
        quoted = any(c.quoted for c in claims)
        yield contradiction(
            rule, "relation", last.start, last.end,
            f'{rule.label}: draft says "{result.text}", but "{first.text}" {word} "{second.text}" is {computed}'
            + ("; a figure is inside a quotation" if quoted else ""),
            found=last.text,
            expected=computed,
            severity="warning" if quoted and context.quotes == "warn" else rule.severity,
        )


def _stated(context: Context, rule: Rule) -> tuple[FigureClaim, FigureClaim, FigureClaim] | None:
    """The first figure the draft gives for each of the rule's facts (result, first, second),
    or None when it does not give all three. A figure states the fact it is compared with."""
    prose = context.document.prose
    ids = [f.id for f in rule.facts]
    measures = {f.measure for f in rule.facts}
    others = list(rule.others)
    found: dict[str, FigureClaim] = {}
    for claim in context.figure_claims:
        if claim.measure not in measures:
            continue
        fact = quantity.fitting(claim, others, prose)
        if fact is not None and fact.id in ids:
            found.setdefault(fact.id, claim)
    if len(found) < 3:
        return None
    return found[ids[0]], found[ids[1]], found[ids[2]]


def _computed(rule: Rule, first: FigureClaim, second: FigureClaim, expected: Interval) -> str:
    """What the relation gives from the draft's figures: from their values when written plainly
    ("9,400 minus 2,500 is 6,900"), else the values their qualifiers admit."""
    unit = rule.facts[0].unit
    if first.figure.qualifier is None and second.figure.qualifier is None:
        exact = _expected(
            rule.relation, Interval(first.figure.value, first.figure.value),
            Interval(second.figure.value, second.figure.value), unit,
        )
        if exact.lo == exact.hi:
            return describe(exact.lo, unit)
    return _span(expected, unit)
