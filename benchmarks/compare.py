"""How long ``factcheck compare`` takes: five ~5 KB sources, and a hundred.

    python benchmarks/compare.py [--repeat K] [--json OUT]

The five are made from ``seeds/`` (each one report, topped up with paragraphs of another to
about 5 KB, as the single-draft benchmark makes its draft); the hundred are the first hundred
articles of the shared archive (extracted once, see ``corpus.py``), or a hundred generated ones
when it is absent. Both run as child processes, once to warm up and then K times; the medians
are reported with ``python -c "import yaml, regex"`` measured in the same run as the floor, so
a slow machine shows as a slow floor. Target, shown PASS or FAIL: five sources in under 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import corpus as corpora
import tools
from measure import exit_codes, measure

FIVE = ("analysis.md", "explainer.txt", "newsletter.html", "tech-site.md", "wire-report.txt")
LIMIT_S = 1.0


def five_sources(folder: Path, size: int = 5000) -> list[Path]:
    """Each of the first story's five reports, topped up to about ``size`` bytes with the
    paragraphs of the next one."""
    seeds = corpora.REPO / "seeds"
    made = []
    for i, name in enumerate(FIVE):
        text = (seeds / name).read_text(encoding="utf-8").rstrip() + "\n"
        other = (seeds / FIVE[(i + 1) % len(FIVE)]).read_text(encoding="utf-8")
        for paragraph in other.split("\n\n"):
            if len(text.encode("utf-8")) >= size:
                break
            text += "\n" + paragraph.strip() + "\n"
        path = folder / name
        path.write_text(text, encoding="utf-8")
        made.append(path)
    return made


def hundred_sources(folder: Path) -> tuple[list[Path], str]:
    if corpora.ARCHIVE.exists():
        root = corpora.extract_archive()
        files = corpora.draft_files(root)[:100]
        return corpora.sample(files, root, 100, folder), "the archive's first 100 articles"
    return corpora.generate(100, folder).files, "100 generated articles"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, metavar="K")
    parser.add_argument("--json", type=Path, metavar="OUT")
    args = parser.parse_args(argv)
    factcheck, _ = tools.factcheck_command()
    with tempfile.TemporaryDirectory(prefix="factcheck-compare-bench-") as tmp:
        scratch = Path(tmp)
        env = {**os.environ, "FACTCHECK_CACHE_DIR": str(scratch / "cache")}
        (scratch / "five").mkdir()
        five = five_sources(scratch / "five")
        five_kb = sum(p.stat().st_size for p in five) / 1000
        hundred, origin = hundred_sources(scratch / "hundred")
        runs = {
            "floor": [sys.executable, "-c", "import yaml, regex"],
            "five": [*factcheck, "compare", "--format", "json", *map(str, five)],
            "hundred": [*factcheck, "compare", "--format", "json", str(scratch / "hundred")],
        }
        results = {
            name: measure(command, repeat=args.repeat, verdict=exit_codes(0), cwd=scratch, env=env, scratch=scratch)
            for name, command in runs.items()
        }
    for name, result in results.items():
        if result.error:
            print(f"{name}: {result.error}", file=sys.stderr)
            return 1
    floor, five_s, hundred_s = (results[n].wall_s for n in ("floor", "five", "hundred"))
    verdict = "PASS" if five_s < LIMIT_S else "FAIL"
    print(f"factcheck compare, median of {args.repeat} run(s) after one warm-up; {os.cpu_count()} CPUs")
    print(f"  floor (python -c \"import yaml, regex\"): {floor:.3f} s")
    print(f"  five sources, {five_kb:.1f} KB in all: {five_s:.3f} s = {five_s / floor:.1f}x the floor, "
          f"{results['five'].peak_mb:.0f} MB; under {LIMIT_S:.0f} s: {verdict}")
    print(f"  {origin}: {hundred_s:.3f} s = {hundred_s / floor:.1f}x the floor, {results['hundred'].peak_mb:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps({n: r.to_json() for n, r in results.items()} | {"target": {
            "five_under_s": LIMIT_S, "pass": verdict == "PASS", "hundred_origin": origin
        }}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
