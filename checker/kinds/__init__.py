"""The kinds of fact a pack can state, one module each, registered here by name.

Each kind module defines ``compile_fact`` (the validated fact as a plain rule) and ``check``
(rules against claims: findings) or ``read`` (findings, and the statements it found right: see
:class:`checker.findings.Agreement`); its pydantic model, ``Fact`` with ``kind: Literal[name]``, lives in the
module of :mod:`checker.schema` of the same name, so checking never imports pydantic.
Optional: ``link(rule, compiled)`` resolves references to other facts once all are compiled
(sum, relation, action), ``aliases(fact)`` adds names that also identify an entity (spelling), and
``triggers(fact, names, nouns)`` lists words of which a document must contain one for the fact
to find anything in it (see :class:`checker.compiled.Triggers`); without it, a fact is checked
in every document.
"""

from __future__ import annotations

from types import ModuleType

from checker.kinds import action, attribution, date, definition, parties, quantity, relation, spelling, sum

KINDS: dict[str, ModuleType] = {
    "quantity": quantity,
    "definition": definition,
    "date": date,
    "parties": parties,
    "spelling": spelling,
    "attribution": attribution,
    "sum": sum,
    "relation": relation,
    "action": action,
}
