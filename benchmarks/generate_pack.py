"""Generate a large, valid rule pack for benchmarking: many facts, many entities.

The pack is modelled on the bundled one (``rules/anthropic-distillation-2026.yaml``): a scope
with a date window and a content signature of trigger words, sources, entities (some with
aliases), measures, and facts of most kinds, each with sentences that must pass and must fail.
Its story is invented: a year of deals, inquiries and announcements among made-up companies
("Zenbrook", "Vorstone AI"), so nothing in a real archive is in its scope, just as most of an
archive is out of the bundled pack's scope.

Most facts are ``quantity`` (a company's figure for one of eight measures) and ``spelling`` (a
company's name and the ways it gets miswritten: "ZenBrook", "Zen Brook"); the rest are
``date``, ``parties``, ``attribution`` and ``definition`` facts, each with its own codename or
term so that no fact's passing example trips another fact. Every entity and measure is used by
some fact, so ``factcheck rules check --strict`` has nothing to warn about, and every example
behaves under ``factcheck rules test``.

    python benchmarks/generate_pack.py OUT.yaml --facts 1000 --entities 500
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

import yaml

# Made-up company names: a root and a suffix, written as one word ("Zenbrook"). Their
# miswritten forms split or re-capitalise the join ("ZenBrook", "Zen Brook", "Zen-Brook").
_ROOTS = (
    "Zen", "Vor", "Kal", "Nyx", "Tyr", "Quil", "Brin", "Sol", "Myr", "Vel", "Oru", "Pax", "Rho",
    "Tal", "Xen", "Yar", "Ilo", "Dex", "Fen", "Gal", "Hal", "Jor", "Lum", "Nor", "Pel", "Ser",
    "Ulm", "Wex", "Cad", "Eth", "Bex", "Cor", "Dra", "Esk", "Fyr", "Gor", "Hyl", "Ivo", "Kex", "Lor",
)
_SUFFIXES = (
    "brook", "stone", "field", "wave", "gate", "mark", "line", "forge", "peak", "crest", "vale",
    "reach", "haven", "spire", "ridge", "point", "works", "shore", "light", "grove", "wind",
    "fall", "bridge", "moor", "dale",
)
# Codenames of deals, projects and inquiries ("Amber Falcon"), one per date, parties and
# attribution fact, so each fact's ``about``, ``context`` or ``group`` is its own.
_COLOURS = (
    "Amber", "Cobalt", "Crimson", "Indigo", "Saffron", "Obsidian", "Ivory", "Onyx", "Scarlet",
    "Azure", "Copper", "Silver", "Golden", "Emerald", "Violet", "Russet", "Teal", "Umber",
)
_THINGS = (
    "Falcon", "Harbor", "Lantern", "Meadow", "Compass", "Anchor", "Beacon", "Summit", "Orchard",
    "Canyon", "Glacier", "Heron", "Juniper", "Kestrel", "Lagoon", "Mesa",
)
# Made-up technique names for definition facts ("shadow tuning").
_TECHNIQUE_WORDS = (
    "shadow", "mirror", "echo", "relay", "ghost", "cascade", "lantern", "ripple", "tandem",
    "cradle", "harbour", "beacon", "prism", "orbit", "ember", "quill", "atlas", "vesper",
)
_TECHNIQUE_NOUNS = ("tuning", "transfer", "imitation", "coaching", "schooling")


@dataclass(frozen=True)
class _Measure:
    id: str
    label: str
    nouns: tuple[str, ...]  # singular; the first one is used in examples
    plural: str  # the first noun's plural, as examples write it


_MEASURES = (
    _Measure("downloads", "downloads", ("download", "install"), "downloads"),
    _Measure("subscribers", "subscribers", ("subscriber", "member"), "subscribers"),
    _Measure("employees", "employees", ("employee", "worker"), "employees"),
    _Measure("servers", "servers", ("server", "rack"), "servers"),
    _Measure("shipments", "shipments", ("shipment", "parcel"), "shipments"),
    _Measure("customers", "customers", ("customer", "client"), "customers"),
    _Measure("patents", "patents", ("patent", "filing"), "patents"),
    _Measure("stores", "stores", ("store", "outlet"), "stores"),
)
# (qualifier in the pack, how a draft that agrees writes it)
_QUALIFIERS = (("more than", "more than"), ("approximately", "about"), ("at least", "at least"))
_MANTISSAS = (12, 15, 18, 24, 34, 45, 60, 75, 120, 150, 340, 480)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_SOURCES = (
    {"id": "annual-filings", "title": "The companies' annual filings for 2026", "publisher": "the companies"},
    {"id": "regulator-notices", "title": "Notices of the competition regulator, 2026", "publisher": "the regulator"},
    {"id": "wire-coverage", "title": "Wire coverage of the year's deals", "publisher": "two wire services"},
    {"id": "desk-notes", "title": "The research desk's notes on the inquiry", "publisher": "the research desk"},
)
FIRST_DAY = dt.date(2026, 1, 1)


@dataclass(frozen=True)
class _Entity:
    id: str
    name: str
    alias: str | None  # the bare root+suffix when the name carries " AI"
    wrong: tuple[str, ...]


def _entities(count: int) -> list[_Entity]:
    """``count`` distinct made-up companies, every fifth one with an " AI" name and an alias."""
    pairs = list(product(_ROOTS, _SUFFIXES))
    if count > len(pairs):
        raise ValueError(f"at most {len(pairs)} entities can be generated, not {count}")
    entities = []
    for i, (root, suffix) in enumerate(pairs[:count]):
        word = root + suffix
        wrong = (root + suffix.capitalize(), f"{root} {suffix.capitalize()}", f"{root}-{suffix.capitalize()}")
        name, alias = (f"{word} AI", word) if i % 5 == 4 else (word, None)
        entities.append(_Entity(f"co-{word.lower()}", name, alias, wrong))
    return entities


def _codenames(count: int) -> list[str]:
    names = [f"{colour} {thing}" for thing, colour in product(_THINGS, _COLOURS)]
    if count > len(names):
        raise ValueError(f"at most {len(names)} date, parties and attribution facts can be generated, not {count}")
    return names[:count]


def _figure(value: int) -> str:
    """A figure as copy writes it: "24,000", "3.4 million"."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:g} million"
    return f"{value:,}"


def _day(date: dt.date) -> str:
    return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"


def _split(facts: int, entities: int) -> dict[str, int]:
    """How many facts of each kind: mostly quantity and spelling (one per entity at most)."""
    counts = {
        "definition": facts * 2 // 100,
        "date": facts * 5 // 100,
        "parties": facts * 4 // 100,
        "attribution": facts * 4 // 100,
        "spelling": min(entities, facts * 40 // 100),
    }
    counts["quantity"] = facts - sum(counts.values())
    return counts


class _Builder:
    """Builds the pack's facts; ``rng`` picks figures, dates and sources reproducibly."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.facts: list[dict[str, Any]] = []

    def _add(self, fact: dict[str, Any], passing: list[str], failing: list[str]) -> None:
        fact["source"] = self.rng.choice(_SOURCES)["id"]
        if len(self.facts) % 10 == 9:
            fact["severity"] = "warning"
        fact["examples"] = {"pass": passing, "fail": failing}
        self.facts.append(fact)

    def spelling(self, entity: _Entity, n: int) -> None:
        written = entity.name
        wrong = entity.wrong[n % len(entity.wrong)]
        self._add(
            {"id": f"spelling-{entity.id}", "kind": "spelling", "entity": entity.id, "wrong": list(entity.wrong)},
            [f"{written} opened a new office in the spring, a spokesperson said."],
            [f"{wrong} opened a new office in the spring, a spokesperson said."],
        )

    def quantity(self, entity: _Entity, measure: _Measure) -> None:
        qualifier, says = self.rng.choice(_QUALIFIERS)
        value = self.rng.choice(_MANTISSAS) * 10 ** self.rng.randint(2, 5)
        self._add(
            {
                "id": f"{entity.id}-{measure.id}", "kind": "quantity", "owner": entity.id,
                "measure": measure.id, "value": value, "qualifier": qualifier,
            },
            [f"{entity.name} had {says} {_figure(value)} {measure.plural} last year, a spokesperson said."],
            [f"{entity.name} had {_figure(value * 4)} {measure.plural} last year, a spokesperson said."],
        )

    def date(self, actor: _Entity, codename: str, n: int) -> None:
        day = FIRST_DAY + dt.timedelta(days=self.rng.randint(0, 300))
        wrong = day + dt.timedelta(days=3)
        self._add(
            {
                "id": f"date-{n}", "kind": "date", "event": f"{actor.name}'s {codename} announcement",
                "date": day, "actor": actor.id, "about": rf"\b{codename}\b",
                "cues": ["announced", "unveiled", "disclosed"],
            },
            [f"{actor.name} announced the {codename} project on {_day(day)}."],
            [f"{actor.name} announced the {codename} project on {_day(wrong)}."],
        )

    def parties(self, members: list[_Entity], outsider: _Entity, codename: str, n: int) -> None:
        names = [m.name for m in members]
        listed = ", ".join(names[:-1]) + " and " + names[-1]
        self._add(
            {
                "id": f"parties-{n}", "kind": "parties", "members": [m.id for m in members],
                "label": f"the firms named in the {codename} inquiry", "nouns": ["firm", "company"],
                "context": rf"\b{codename}\b",
            },
            [f"The {codename} inquiry named {listed}.", f"The {codename} inquiry named three firms."],
            [f"The {codename} inquiry named {', '.join(names)} and {outsider.name}.",
             f"The {codename} inquiry named four firms."],
        )

    def attribution(self, accuser: _Entity, parties: list[_Entity], codename: str, n: int) -> None:
        first = parties[0].name
        spaced = codename.replace(" ", r"\s+")
        self._add(
            {
                "id": f"attribution-{n}", "kind": "attribution",
                "label": f"the {codename} allegation", "accuser": accuser.name,
                "parties": [p.id for p in parties],
                "group": rf"(?i)\bthe\s+{spaced}\s+firms\b",
                "target": rf"\b{accuser.alias or accuser.name}",
                "claims": ["copied", "stole", "cloned", "ripped off"],
                "cues": ["alleged", "alleges", "says", "said", "according to", "claims"],
            },
            [f"{accuser.name} says {first} copied {accuser.name}'s designs."],
            [f"{first} copied {accuser.name}'s designs."],
        )

    def definition(self, term: str, n: int) -> None:
        self._add(
            {
                "id": f"definition-{n}", "kind": "definition", "term": term, "forms": [term],
                "meaning": "training a smaller model on the outputs of a larger one",
                "roles": {"learner": ["smaller", "student", "weaker"], "teacher": ["larger", "teacher", "stronger"]},
                "learns": ["trained on", "learns from", "imitates"],
                "outputs": ["outputs", "answers", "responses"],
                "contradicts": [{
                    "notion": "a larger model grading a smaller model's answers",
                    "words": ["grades", "scores", "evaluates", "judges"],
                }],
            },
            [f"{term.capitalize()} means training a smaller model on the outputs of a larger one."],
            [f"{term.capitalize()} is a process in which a larger model evaluates the answers of a smaller model."],
        )


def generate_pack(facts: int = 1000, entities: int = 500, seed: int = 2026) -> dict[str, Any]:
    """A valid pack of ``facts`` facts naming ``entities`` entities, as a YAML-ready mapping.

    Raises ValueError when the numbers cannot make a valid pack (every entity must be used by
    a fact, and each quantity fact needs its own company and measure).
    """
    if facts < 50 or entities < 10:
        raise ValueError("generate at least 50 facts and 10 entities")
    counts = _split(facts, entities)
    if counts["spelling"] + counts["quantity"] < entities:
        raise ValueError(f"{facts} facts cannot use all {entities} entities; give more facts or fewer entities")
    if counts["quantity"] > entities * len(_MEASURES):
        raise ValueError(f"{counts['quantity']} quantity facts need more than {entities} entities")
    rng = random.Random(seed)
    people = _entities(entities)
    builder = _Builder(rng)
    for i in range(counts["spelling"]):
        builder.spelling(people[i], i)
    # Quantity facts start where spelling left off, so together they use every entity.
    used: set[tuple[int, int]] = set()
    for j in range(counts["quantity"]):
        owner = (counts["spelling"] + j) % entities
        measure = j % len(_MEASURES)
        while (owner, measure) in used:
            measure = (measure + 1) % len(_MEASURES)
        used.add((owner, measure))
        builder.quantity(people[owner], _MEASURES[measure])
    codenames = iter(_codenames(counts["date"] + counts["parties"] + counts["attribution"]))
    for n in range(counts["date"]):
        builder.date(people[rng.randrange(entities)], next(codenames), n + 1)
    for n in range(counts["parties"]):
        chosen = rng.sample(people, 4)
        builder.parties(chosen[:3], chosen[3], next(codenames), n + 1)
    for n in range(counts["attribution"]):
        chosen = rng.sample(people, 3)
        builder.attribution(chosen[0], chosen[1:], next(codenames), n + 1)
    terms = [f"{word} {noun}" for noun, word in product(_TECHNIQUE_NOUNS, _TECHNIQUE_WORDS)]
    for n in range(counts["definition"]):
        builder.definition(terms[n], n + 1)

    # Scope: like the bundled pack, a date window and a content signature. A document must
    # speak of deals or inquiries and name at least two of the companies (any group of them).
    groups = [people[i : i + 100] for i in range(0, entities, 100)]
    return {
        "id": f"benchmark-{facts}-facts",
        "title": f"A generated story of {entities} companies and {facts} facts (benchmark pack)",
        "scope": {
            "dates": {"from": FIRST_DAY},
            "all": [r"(?i)\b(?:deal|inquiry|merger|acquisition|announce\w*|report\w*)"],
            "any": [r"\b(?:" + "|".join(e.alias or e.name for e in group) + r")\b" for group in groups],
            "min_any": 1 if len(groups) == 1 else 2,
        },
        "sources": list(_SOURCES),
        "entities": [
            {"id": e.id, "name": e.name, **({"aliases": [e.alias]} if e.alias else {})} for e in people
        ],
        "measures": [{"id": m.id, "label": m.label, "nouns": list(m.nouns)} for m in _MEASURES],
        "facts": builder.facts,
    }


def write_pack(out: Path, facts: int = 1000, entities: int = 500, seed: int = 2026) -> Path:
    """Write :func:`generate_pack`'s pack to ``out`` as YAML and return ``out``."""
    pack = generate_pack(facts, entities, seed)
    header = (
        f"# Generated by benchmarks/generate_pack.py --facts {facts} --entities {entities} --seed {seed}.\n"
        "# An invented story for benchmarking factcheck with a large pack; do not edit by hand.\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(header + yaml.safe_dump(pack, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the pack file to write")
    parser.add_argument("--facts", type=int, default=1000, help="number of facts (default: 1000)")
    parser.add_argument("--entities", type=int, default=500, help="number of entities (default: 500)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default: 2026)")
    args = parser.parse_args(argv)
    try:
        write_pack(args.out, args.facts, args.entities, args.seed)
    except ValueError as exc:
        print(f"generate_pack.py: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
