"""Every fact's examples, run through the engine: sentences that must pass and must fail."""

from __future__ import annotations

import datetime as dt

from checker.document import read
from checker.engine import Engine
from checker.pack import CompiledPack


def failures(packs: list[CompiledPack]) -> tuple[int, list[str]]:
    """How many examples ran, and a line for each one that did not behave."""
    engine = Engine(packs, ignore_scope=True)
    problems: list[str] = []
    count = 0
    for pack in packs:
        for fact in pack.facts.values():
            day = fact.valid_from or (fact.until - dt.timedelta(days=1) if fact.until else None)
            for verdict, sentences in (("pass", fact.passing), ("fail", fact.failing)):
                for sentence in sentences:
                    count += 1
                    # A revised fact's examples are read as of a day the fact holds.
                    text = (f"---\ndate: {day}\n---\n\n" if day else "") + sentence + "\n"
                    found = {f.finding.fact for f in engine.check(read("example", text, "markdown" if day else "text")).findings}
                    if verdict == "pass" and found:
                        problems.append(f"{pack.path}: {fact.id}: should pass but was flagged for {', '.join(sorted(found))}: {sentence!r}")
                    elif verdict == "fail" and fact.id not in found:
                        got = ", ".join(sorted(found)) or "nothing"
                        problems.append(f"{pack.path}: {fact.id}: should be flagged but got {got}: {sentence!r}")
    return count, problems
