"""The kinds of fact a pack can state, one module each, registered here by name.

Each kind module defines ``Fact`` (its pydantic model, with ``kind: Literal[name]``),
``compile_fact`` (the validated fact as a plain rule) and ``check`` (rules against claims).
Optional: ``link(rule, compiled)`` resolves references to other facts once all are compiled
(sum), and ``aliases(fact)`` adds names that also identify an entity (spelling).
"""

from __future__ import annotations

from types import ModuleType

from checker.kinds import attribution, date, definition, parties, quantity, spelling, sum

KINDS: dict[str, ModuleType] = {
    "quantity": quantity,
    "definition": definition,
    "date": date,
    "parties": parties,
    "spelling": spelling,
    "attribution": attribution,
    "sum": sum,
}
