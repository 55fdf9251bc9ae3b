"""``sum``: parts that add up to a total, all of them ``quantity`` facts of one measure.

The pack is checked when it loads: the parts' intervals added together must meet the
total's, or the pack contradicts itself and is refused. A draft is checked two ways:

- a figure for some of the parties together ("Moonshot and MiniMax together accounted for
  ...", "DeepSeek and Moonshot combined ran ...") must meet the sum of their parts;
- when a draft states every part and the total, and none of them is already wrong on its
  own, the parts as the draft states them must add up to the total as it states it (a
  GRIM-style consistency check: "more than 150,000", "3.4 million" and "13 million" do not
  make "more than 17 million").

    - id: parts-sum
      kind: sum
      total: total-exchanges
      parts: [deepseek-exchanges, moonshot-exchanges, minimax-exchanges]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from checker import rx
from checker.findings import Finding, contradiction
from checker.kinds import quantity
from checker.language.grammar import NAME_SUFFIX, TOGETHER
from checker.numbers import Interval, describe_span, same_unit, sum_of

if TYPE_CHECKING:
    from checker.claims import FigureClaim
    from checker.engine import Context
    from checker.schema.sum import Fact

_COLLECTIVE = rx.compile(TOGETHER)
_OPENING = rx.compile(TOGETHER + r"\s*,?\s*\Z")


class Rule(NamedTuple):
    id: str
    severity: str
    source: str
    total_id: str
    part_ids: tuple[str, ...]
    total: quantity.Rule | None = None  # resolved by link()
    parts: tuple[quantity.Rule, ...] = ()


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    return Rule(fact.id, fact.severity, fact.source, fact.total, tuple(fact.parts))


def link(rule: Rule, facts: dict[str, Any]) -> Rule:
    """Resolve the rule's facts; raise ValueError when they are not parts of one total."""
    for key, fact_id in [("total", rule.total_id)] + [("parts", p) for p in rule.part_ids]:
        if not isinstance(facts.get(fact_id), quantity.Rule):
            raise ValueError(f"{key}: {fact_id!r} is not a quantity fact of this pack")
    total = facts[rule.total_id]
    parts = tuple(facts[p] for p in rule.part_ids)
    if any(p.measure != total.measure or p.unit != total.unit for p in parts):
        raise ValueError(f"the parts and the total must count the same measure ({total.measure}) in the same unit")
    added = sum_of(p.interval for p in parts)
    if added.disjoint(total.interval):
        raise ValueError(
            f"the parts add up to {describe_span(added, total.unit)}, which the total {total.stated} "
            f"({describe_span(total.interval, total.unit)}) does not admit"
        )
    return rule._replace(total=total, parts=parts)


def check(context: Context, rules: list[Rule]) -> Iterator[Finding]:
    for rule in rules:
        yield from _groups(context, rule)
        yield from _stated_parts(context, rule)


def _groups(context: Context, rule: Rule) -> Iterator[Finding]:
    """Figures for some of the parties together, against the sum of their parts."""
    assert rule.total is not None
    by_owner = {p.owner: p for p in rule.parts if p.owner}
    for claim in context.figure_claims:
        if claim.measure != rule.total.measure or not same_unit(claim.figure.unit, rule.total.unit):
            continue
        group = _group(context, claim, set(by_owner))
        if not group or len(group) == len(by_owner):
            continue
        parts = [p for p in rule.parts if p.owner in group]
        added = sum_of(p.interval for p in parts)
        if not _apart(claim.figure.interval, added):
            continue
        names = " and ".join(context.names[p.owner] for p in parts if p.owner)
        stated = " + ".join(p.stated for p in parts)
        yield contradiction(
            rule, "sum", claim.start, claim.end,
            f'{names} together: draft says "{claim.text}", but their figures add up to {describe_span(added, rule.total.unit)} ({stated})',
            found=claim.text,
            expected=describe_span(added, rule.total.unit),
        )


def _group(context: Context, claim: FigureClaim, owners: set[str]) -> frozenset[str]:
    """The parties a figure is credited to together: "Moonshot and MiniMax together ...",
    "Together, Moonshot and MiniMax ..."."""
    prose = context.document.prose
    start = claim.sentence[0]
    before = prose[start : claim.start]
    collective = list(_COLLECTIVE.finditer(before))
    if not collective:
        return frozenset()
    mentions = [m for m in context.mentions(start, claim.start) if m.entity in owners]
    run: list = []
    for m in mentions:
        if run and rx.fullmatch(NAME_SUFFIX + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", prose[run[-1].end : m.start]):
            run.append(m)
        else:
            run = [m]
    if len(run) < 2:
        return frozenset()
    between = prose[run[-1].end : claim.start]
    if len(between) > 90 or rx.search(r"\d", between):
        return frozenset()
    if not (_COLLECTIVE.search(between) or _OPENING.search(prose, start, run[0].start)):  # "Together, Moonshot and ..."
        return frozenset()
    return frozenset(m.entity for m in run)


def _stated_parts(context: Context, rule: Rule) -> Iterator[Finding]:
    """Every part and the total stated, each right on its own, but not adding up."""
    assert rule.total is not None
    prose = context.document.prose
    stated: dict[str, FigureClaim] = {}
    for claim in context.figure_claims:
        for fact in (rule.total, *rule.parts):
            if fact.id not in stated and quantity.compared(claim, fact, prose):
                stated[fact.id] = claim
    if len(stated) < len(rule.parts) + 1:
        return
    if not all(quantity.agrees(stated[f.id].figure, f) for f in (rule.total, *rule.parts)):
        return  # a part or the total is wrong by itself: the quantity finding says so
    total = stated[rule.total.id]
    added = sum_of(stated[p.id].figure.interval for p in rule.parts)
    if not _apart(total.figure.interval, added):
        return
    parts = " + ".join(f'"{stated[p.id].text}"' for p in rule.parts)
    yield contradiction(
        rule, "sum", total.start, total.end,
        f'The parts do not add up to the total: draft says "{total.text}" in total, but its parts '
        f"{parts} add up to {describe_span(added, rule.total.unit)}",
        found=total.text,
        expected=describe_span(added, rule.total.unit),
    )


def _apart(stated: Interval, added: Interval) -> bool:
    """A total and its parts' sum disagree when they do not even touch: "roughly 16.5 million"
    rounds 16.55 million, the least "more than 150,000 + more than 3.4 million + more than 13
    million" can be."""
    return stated.hi < added.lo or added.hi < stated.lo
