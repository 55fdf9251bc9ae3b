"""Score factcheck on a labelled batch of drafts: precision, recall and coverage.

A batch is a folder with ``drafts/`` and ``labels.yaml``. Each key of the labels is a draft's
file name; its value lists the planted ``errors`` and the ``correct`` statements of facts::

    07-wire.txt:
      errors:
        - {line: 12, fact: moonshot-exchanges, type: swap, text: "13 million"}
      correct:
        - {line: 7, fact: total-exchanges, text: "more than 16 million"}

A finding is right when its fact is a label's and its lines cover the label's line; any other
finding is a false alarm. With ``--by-line`` a finding is right when its lines cover a planted
error's line, whatever its fact: how a pack with other fact ids (one ``factcheck compare
--write-pack`` wrote) is scored against the same labels. Coverage is the share of correct statements that ``factcheck claims``
recognises on their line as agreeing with their fact: a statement it does not recognise is a
miss waiting to happen.

    python benchmarks/blind.py BATCH [--rules PATH] [--by-line] [--json OUT] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

from tools import factcheck_command


def findings(batch: Path, rules: list[str]) -> list[dict]:
    proc = subprocess.run(
        [*factcheck_command()[0], "--format", "json", "--no-show-source", *rules, "--", str(batch / "drafts")],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"factcheck failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)["findings"]


def agreeing(draft: Path, rules: list[str]) -> set[tuple[int, str]]:
    """(line, fact) of every claim ``factcheck claims`` reports as agreeing with a fact."""
    proc = subprocess.run(
        [*factcheck_command()[0], "claims", "--format", "json", *rules, str(draft)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    if proc.returncode != 0:
        return set()
    return {(c["line"], c["fact"]) for c in json.loads(proc.stdout)["claims"] if c["verdict"] == "agrees"}


def score(batch: Path, rules: list[str], verbose: bool = False, by_line: bool = False) -> dict:
    labels = yaml.safe_load((batch / "labels.yaml").read_text(encoding="utf-8"))
    expected = {
        (name, label["line"], label["fact"]): label.get("type", "?")
        for name, entry in labels.items() for label in (entry or {}).get("errors") or []
    }
    matched: set[tuple[str, int, str]] = set()
    false_alarms = []
    found = findings(batch, rules)
    for f in found:
        name = Path(f["path"]).name
        lines = range(f["line"], f["end_line"] + 1)
        spans = {k for k in expected if k[0] == name and k[1] in lines} if by_line else {(name, line, f["fact"]) for line in lines}
        if spans & expected.keys():
            matched |= spans & expected.keys()
        else:
            false_alarms.append(f"false alarm {Path(f['path']).name}:{f['line']}: {f['message']}")
    by_type: Counter[str] = Counter(expected.values())
    hit_type: Counter[str] = Counter(expected[k] for k in matched)
    statements = recognised = 0
    unrecognised = []
    for name, entry in labels.items():
        correct = (entry or {}).get("correct") or []
        if not correct:
            continue
        agree = agreeing(batch / "drafts" / name, rules)
        for label in correct:
            statements += 1
            if (label["line"], label["fact"]) in agree:
                recognised += 1
            else:
                unrecognised.append(f"not recognised {name}:{label['line']} {label['fact']}: {label.get('text', '')}")
    missed = [f"missed {name}:{line} {fact} ({expected[name, line, fact]})" for name, line, fact in sorted(expected.keys() - matched)]
    result = {
        "batch": str(batch),
        "drafts": len(labels),
        "errors": len(expected),
        "findings": len(found),
        "precision": round(1 - len(false_alarms) / max(1, len(found)), 3),
        "recall": round(len(matched) / max(1, len(expected)), 3),
        "coverage": round(recognised / max(1, statements), 3),
        "statements": statements,
        "recall_by_type": {t: f"{hit_type[t]}/{n}" for t, n in sorted(by_type.items())},
    }
    if verbose:
        result["problems"] = false_alarms + missed + unrecognised
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", type=Path, nargs="+")
    parser.add_argument("--rules", action="append", default=[], metavar="PATH")
    parser.add_argument("--by-line", action="store_true", help="a finding on a planted error's line is right, whatever its fact")
    parser.add_argument("--json", type=Path, metavar="OUT")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    rules = [arg for path in args.rules for arg in ("--rules", path)]
    results = [score(batch, rules, args.verbose, args.by_line) for batch in args.batch]
    for r in results:
        print(f"{r['batch']}: {r['drafts']} drafts, {r['errors']} errors, {r['findings']} findings: "
              f"precision {r['precision']:.3f}, recall {r['recall']:.3f}, coverage {r['coverage']:.3f} "
              f"of {r['statements']} statements")
        print("  recall by type: " + ", ".join(f"{t} {v}" for t, v in r["recall_by_type"].items()))
        for problem in r.get("problems", []):
            print("  " + problem)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
