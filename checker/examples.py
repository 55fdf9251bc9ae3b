"""Every fact's examples, run through the engine: sentences that must pass and must fail."""

from __future__ import annotations

import datetime as dt

from checker.compiled import CompiledPack
from checker.document import read
from checker.engine import Engine


def failures(packs: list[CompiledPack]) -> tuple[int, list[str]]:
    """How many examples ran, and a line for each one that did not behave."""
    engine = Engine(packs, ignore_scope=True)
    problems: list[str] = []
    count = 0
    for pack in packs:
        for fact in pack.facts.values():
            day = fact.valid_from or (fact.until - dt.timedelta(days=1) if fact.until else None)
            cases = [("pass", s, None) for s in fact.passing] + [("fail", s, e) for s, e in fact.failing]
            for verdict, sentence, expect in cases:
                count += 1
                # A revised fact's examples are read as of a day the fact holds.
                text = (f"---\ndate: {day}\n---\n\n" if day else "") + sentence + "\n"
                findings = engine.check(read("example", text, "markdown" if day else "text")).findings
                found = {f.finding.fact for f in findings}
                messages = [f.finding.message for f in findings if f.finding.fact == fact.id]
                where = f"{pack.path}: {fact.id}"
                if verdict == "pass" and found:
                    problems.append(f"{where}: should pass but was flagged for {', '.join(sorted(found))}: {sentence!r}")
                elif verdict == "fail" and fact.id not in found:
                    got = ", ".join(sorted(found)) or "nothing"
                    problems.append(f"{where}: should be flagged but got {got}: {sentence!r}")
                elif expect and not any(expect in m for m in messages):
                    problems.append(f"{where}: flagged, but the message does not say {expect!r} ({messages[0]!r}): {sentence!r}")
    return count, problems
