"""Commands for the people who write packs: list, check, test, schema, explain, claims.

    factcheck rules list [PATH...]           packs and facts in a table
    factcheck rules check [--strict] [PATH...]  validate packs without checking drafts
    factcheck rules test [PATH...]           run every fact's examples and annotated test drafts
    factcheck rules schema                   the JSON Schema of the pack format
    factcheck explain FACT-ID [--rules PATH]  one fact in plain words
    factcheck claims DRAFT [--rules PATH]    every claim recognised in a draft, and its verdict

PATH defaults as for checking: ./rules/ when present, else the bundled packs. What packs and
drafts say is printed printable (see :mod:`checker.output`), like every other line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Sequence

from checker import loader
from checker.compiled import CompiledPack
from checker.numbers import COUNT, Interval, describe_span
from checker.output import did_you_mean, printable, say

EXPECT = "expect:"  # <!-- expect: fact-id[, fact-id] --> on the line a finding must start on


def main(argv: Sequence[str]) -> int:
    from checker.cli import COMMANDS, Parser

    parser = Parser(prog="factcheck", description="Commands for writing and testing rule packs.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    packs = "pack files or folders (default: ./rules/ when present, else the bundled packs)"
    rules = commands.add_parser(
        "rules", help=COMMANDS["rules"], description="List, validate, test or describe rule packs."
    ).add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, text in (
        ("list", "list the packs and their facts in a table"),
        ("check", "validate packs without checking drafts, and warn about what deserves a second look"),
        ("test", "run every fact's examples and the annotated test drafts in each pack folder's tests/"),
    ):
        sub = rules.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        sub.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=packs)
        if name == "check":
            sub.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    schema = "print the JSON Schema of the pack format, for editors that validate YAML"
    rules.add_parser("schema", help=schema, description=schema[0].upper() + schema[1:] + ".")
    explain = commands.add_parser(
        "explain", help=COMMANDS["explain"],
        description="Say what one fact holds, in plain words: its value, source, examples and where it applies.",
    )
    explain.add_argument("fact", metavar="FACT-ID", help="the id of a fact (factcheck rules list shows them)")
    explain.add_argument("--rules", action="append", type=Path, metavar="PATH", help=packs + "; repeatable")
    claims = commands.add_parser(
        "claims", help=COMMANDS["claims"],
        description="List every claim recognised in a draft (a figure, what it counts, whose it is) "
        "and its verdict against the packs: agrees, contradicts or not compared, and why.",
    )
    claims.add_argument("draft", type=Path, metavar="DRAFT", help="a draft file")
    claims.add_argument("--rules", action="append", type=Path, metavar="PATH", help=packs + "; repeatable")
    claims.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    args = parser.parse_args(argv)

    if args.command == "rules" and args.action == "schema":
        from checker.pack import Pack

        json.dump(Pack.model_json_schema(by_alias=True), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    from checker.cli import UsageError, refused, rule_paths

    given = args.paths if args.command == "rules" else args.rules
    try:
        from checker import pack

        files = loader.read(rule_paths(given or None))
        packs = pack.load(files)  # always validated afresh: these commands are for editing packs
    except (loader.PackError, UsageError) as exc:
        return refused(exc)
    if args.command == "explain":
        return _explain(packs, args.fact)
    if args.command == "claims":
        return _claims(packs, args.draft, args.format)
    if args.action == "list":
        return _list(packs)
    if args.action == "check":
        return _check(packs, files, args.strict)
    return _test(packs, [path for path, _ in files])


def _list(packs: list[CompiledPack]) -> int:
    rows = [("pack", "fact", "kind", "severity", "source")]
    for p in packs:
        relations = {r.id: f" ({r.relation})" for r in p.rules.get("relation", [])}  # "relation (share)"
        rows += [(p.id, f.id, f.kind + relations.get(f.id, ""), f.severity, printable(f.source_title)) for f in p.facts.values()]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[4])
    return 0


def _check(packs: list[CompiledPack], files: list[tuple[Path, bytes]], strict: bool) -> int:
    """Valid packs may still deserve a second look: say what, as warnings."""
    from checker.pack import warnings

    problems = [w for path, content in files for w in warnings(path, content)]
    for problem in problems:
        say(problem)
    facts = sum(len(p.facts) for p in packs)
    print(f"{len(packs)} pack{'s' if len(packs) != 1 else ''}, {facts} facts: "
          f"{'no problems' if not problems else f'{len(problems)} warning' + ('s' if len(problems) != 1 else '')}.")
    return 1 if problems and strict else 0


def _test(packs: list[CompiledPack], files: list[Path]) -> int:
    """Every example, then every annotated test draft next to the packs."""
    from checker import examples
    from checker.batch import read_draft, unreadable
    from checker.document import FORMATS, lines, read
    from checker.engine import Engine
    from checker.files import Refused

    count, failures = examples.failures(packs)
    folders = sorted({p.parent for p in files})
    drafts = sorted(d for folder in folders for d in (folder / "tests").glob("*") if d.suffix.lower() in FORMATS)
    scoped = Engine(packs)
    for draft in drafts:
        count += 1
        try:
            _, text = read_draft(draft)
        except (OSError, UnicodeDecodeError, Refused) as exc:
            failures.append(unreadable(str(draft), exc))
            continue
        expected = {
            (number, fact.strip())
            for number, line in enumerate(lines(text), 1)
            if EXPECT in line
            for fact in line.split(EXPECT, 1)[1].split("-->")[0].split(",")
            if fact.strip()
        }
        result = scoped.check(read(str(draft), text, FORMATS[draft.suffix.lower()]))
        got = {(f.line, f.finding.fact) for f in result.findings}
        for line, fact in sorted(expected - got):
            failures.append(f"{draft}:{line}: expected {fact}, not found")
        for line, fact in sorted(got - expected):
            failures.append(f"{draft}:{line}: unexpected {fact}")
    for failure in failures:
        say(failure)
    print(f"{count} examples and test drafts: {len(failures)} failure{'s' if len(failures) != 1 else ''}.")
    return 1 if failures else 0


def _explain(packs: list[CompiledPack], fact_id: str) -> int:
    lines = explanation(packs, fact_id)
    if lines is None:
        known = sorted(f for p in packs for f in p.facts)
        hint = did_you_mean(fact_id, known)
        say(f"factcheck: error: no fact {fact_id!r} in the packs loaded{hint} (facts: {', '.join(known)})", sys.stderr)
        return 2
    for line in lines:
        say(line)
    return 0


def explanation(packs: list[CompiledPack], fact_id: str) -> list[str] | None:
    """One fact in plain words, as lines (not yet made printable); None when no pack has it."""
    for pack in packs:
        info = pack.facts.get(fact_id)
        if info is None:
            continue
        rule = next(r for rules in pack.rules.values() for r in rules if r.id == fact_id)
        lines = [f"{info.id} ({info.kind}, {info.severity}) in pack {pack.id}"]
        lines += [f"  {line}" for line in _plain(rule)]
        lines.append(f"  source: {info.source_title}" + (f" <{info.source_url}>" if info.source_url else ""))
        if info.note:
            lines.append(f"  note: {info.note}")
        lines += [f"  passes: {sentence}" for sentence in info.passing]
        lines += [f"  is flagged: {sentence}" + (f" (saying {expect!r})" if expect else "") for sentence, expect in info.failing]
        lines.append(f"  applies to: {_scope(pack)}")
        return lines
    return None


def _plain(rule: object) -> list[str]:
    """What a compiled rule says, in a few plain lines."""
    lines = []
    for key, label in (
        ("label", "what"), ("stated", "value"), ("interval", "admits"), ("meaning", "means"), ("name", "spelt"),
        ("event", "event"), ("canonical", "parties"), ("accuser", "attributed to"), ("formula", "relation"),
        ("whose", "whose"), ("says", "says"), ("denies", "contradicted by"),
    ):
        value = getattr(rule, key, None)
        if value is None:
            continue
        if key == "interval":
            value = describe_span(value, getattr(rule, "unit", COUNT)) + (" (lower end excluded)" if value.lo_open else "")
        lines.append(f"{label}: {value}")
    first, last = getattr(rule, "first", None), getattr(rule, "last", None)
    if first is not None:
        lines.append(f"date: {first}" if first == last else f"date: between {first} and {last}")
    total = getattr(rule, "total", None)
    if total is not None:
        lines.append(f"sum: {' + '.join(p.id for p in rule.parts)} = {total.id}")  # type: ignore[attr-defined]
    return lines


def _scope(pack: CompiledPack) -> str:
    if not pack.scopes:
        return "every document"
    parts = []
    for s in pack.scopes:
        bits = []
        if s.paths:
            bits.append(f"{len(s.paths)} path pattern(s)")
        if s.front_matter:
            bits.append("front matter " + ", ".join(f"{k} ~ {v}" for k, v in s.front_matter))
        if s.start or s.end:
            bits.append(f"dated {s.start or '...'} to {s.end or '...'}")
        if s.all:
            bits.append("prose matching all of " + ", ".join(s.all))
        if s.any:
            bits.append(f"at least {s.min_any} of " + ", ".join(s.any))
        parts.append("; ".join(bits))
    return " OR ".join(parts)


def _claims(packs: list[CompiledPack], draft: Path, fmt: str) -> int:
    from checker.batch import read_draft, unreadable
    from checker.claims import quoted_spans
    from checker.document import FORMATS, read, sentences
    from checker.engine import Engine
    from checker.files import Refused
    from checker.kinds import quantity
    from checker.language import owners
    from checker.language.constructions import asserted

    try:
        _, text = read_draft(draft)
    except (OSError, UnicodeDecodeError, Refused) as exc:
        say(unreadable(str(draft), exc), sys.stderr)
        return 2
    document = read(str(draft), text, FORMATS.get(draft.suffix.lower(), "text"))
    engine = Engine(packs)
    every = sentences(document.prose)
    retracted = frozenset(every) - frozenset(asserted(document.prose, every))
    quoted = quoted_spans(document.prose)
    report: dict = {"version": 1, "path": str(draft), "packs": [], "claims": []}
    for pack in packs:
        report["packs"].append({"id": pack.id, "in_scope": engine.in_scope(pack, document)})
        rules = pack.rules.get("quantity", [])
        for claim in engine.binder(pack).claims(document.prose, every, quoted, retracted):
            line, column = document.position(document.original(claim.start, claim.end)[0])
            fact = quantity.fitting(claim, rules, document.prose)
            if claim.ambiguous:
                verdict, why = "not compared", f"whose figure it is is unclear: {owners.plain(claim.how)}"
            elif fact is None:
                verdict, why = "not compared", "no fact of this measure and owner applies to this sentence"
            elif quantity.agrees(claim.figure, fact):
                verdict, why = "agrees", fact.stated
            elif other := quantity.withheld(claim, rules, document.prose):
                verdict, why = "not compared", f"it is exactly the figure of {other.id}, though the sentence does not say so"
            else:
                verdict, why = "contradicts", fact.stated
            report["claims"].append({
                "pack": pack.id, "kind": "quantity", "line": line, "column": column, "text": claim.text,
                "interval": [claim.figure.interval.lo, claim.figure.interval.hi], "unit": claim.figure.unit,
                "measure": claim.measure,
                "owner": None if claim.ambiguous or not claim.owner else pack.names.get(claim.owner, claim.owner),
                "ambiguous": claim.ambiguous, "read_by": claim.how, "fact": fact.id if fact and not claim.ambiguous else None,
                "verdict": verdict, "why": why,
            })
    # What the other kinds read: dates, sets of parties, definitions, names, attributions.
    read = Engine(packs, ignore_scope=True).check(document, agreements=True)
    statements = [(pack_id, a.start, a.end, a.fact, a.kind, a.text, "agrees") for pack_id, a in read.agreements]
    statements += [
        (next(p.id for p in packs if f.finding.fact in p.facts), f.finding.start, f.finding.end, f.finding.fact,
         f.finding.kind, f.finding.found, "contradicts")
        for f in read.findings if f.finding.kind not in ("quantity",)
    ]
    for pack_id, start, end, fact_id, kind, text, verdict in sorted(statements, key=lambda s: (s[0], s[1])):
        line, column = document.position(document.original(start, end)[0])
        report["claims"].append({
            "pack": pack_id, "kind": kind, "line": line, "column": column, "text": text, "fact": fact_id,
            "verdict": verdict,
        })
    report["claims"].sort(key=lambda c: ([p["id"] for p in report["packs"]].index(c["pack"]), c["line"], c["column"]))
    if fmt == "json":
        from checker.report.json_format import dumps

        sys.stdout.write(dumps(report, indent=2) + "\n")
        return 0
    for entry in report["packs"]:
        scoped = "in scope" if entry["in_scope"] else "out of scope (nothing is compared; --all-documents would)"
        say(f"pack {entry['id']}: {scoped}")
        for c in (c for c in report["claims"] if c["pack"] == entry["id"]):
            if c["kind"] != "quantity":
                said = "agrees with" if c["verdict"] == "agrees" else "contradicts"
                say(f"  {draft}:{c['line']}:{c['column']}: \"{c['text']}\" {c['kind']}: {said} {c['fact']}")
                continue
            owner = "ambiguous owner" if c["ambiguous"] else f"{c['owner'] or 'no owner'} ({owners.plain(c['read_by'])})"
            said = {"agrees": "agrees with", "contradicts": "contradicts"}.get(c["verdict"])
            verdict = f"{said} {c['fact']} ({c['why']})" if said else f"{c['verdict']}: {c['why']}"
            say(f"  {draft}:{c['line']}:{c['column']}: \"{c['text']}\" [{describe_span(Interval(*c['interval']), c['unit'])}] {c['measure']}, {owner}: {verdict}")
    return 0
