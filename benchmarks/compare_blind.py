"""Score ``factcheck compare`` on stories with planted disagreements: precision and recall of dissent.

A story is a folder of reports and ``labels.yaml``, which lists the planted dissents (and
nothing for a story whose reports agree)::

    dissents:
      - {file: outlet2.txt, line: 7, kind: figure, text: "2,400 jobs"}

A dissent compare reports is right when it is on a labelled line of that file (for a
definition, whose every line dissents, within two lines of it); any other is a false alarm. A
labelled dissent is found when compare reports a dissent on its line.

    python benchmarks/compare_blind.py STORY... [--verbose]
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


def score(story: Path, verbose: bool) -> dict:
    labels = yaml.safe_load((story / "labels.yaml").read_text(encoding="utf-8")) or {}
    planted = {(d["file"], int(d["line"])): d.get("kind", "?") for d in labels.get("dissents") or []}
    proc = subprocess.run(
        [*factcheck_command()[0], "compare", "--format", "json", str(story)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    if proc.returncode != 0:
        sys.exit(f"factcheck compare failed on {story} ({proc.returncode}): {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    said = {(Path(d["path"]).name, d["line"]): (c["kind"], d["why"]) for c in report["claims"] for d in c["dissent"]}
    near = {  # a definition's other lines, for the line that was labelled
        (f, line + d): (f, line) for (f, line), kind in planted.items() if kind == "definition" for d in range(-2, 3)
    }
    said = {near.get(k, k) if k not in planted else k: v for k, v in said.items()}
    right = said.keys() & planted.keys()
    result = {
        "story": story.name, "planted": len(planted), "dissents": len(said), "right": len(right),
        "false_alarms": sorted(f"{f}:{line} {k}: {why}" for (f, line), (k, why) in said.items() if (f, line) not in planted),
        "missed": sorted(f"{f}:{line} ({planted[f, line]})" for f, line in planted.keys() - said.keys()),
        "found_by_kind": Counter(planted[k] for k in right), "planted_by_kind": Counter(planted.values()),
    }
    if not verbose:
        result.pop("false_alarms"), result.pop("missed")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=Path, nargs="+")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    results = [score(s, args.verbose) for s in args.stories]
    for r in results:
        print(f"{r['story']}: {r['planted']} planted, {r['dissents']} dissents reported, {r['right']} right")
        for line in r.get("false_alarms", []):
            print(f"  false alarm {line}")
        for line in r.get("missed", []):
            print(f"  missed {line}")
    said = sum(r["dissents"] for r in results)
    right = sum(r["right"] for r in results)
    planted = sum(r["planted"] for r in results)
    found = sum((r["found_by_kind"] for r in results), Counter())
    kinds = sum((r["planted_by_kind"] for r in results), Counter())
    print(f"{len(results)} stories: precision {right / said if said else 1:.3f} ({right}/{said}), "
          f"recall {right / planted if planted else 1:.3f} ({right}/{planted})")
    print("  recall by kind: " + ", ".join(f"{k} {found[k]}/{n}" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
