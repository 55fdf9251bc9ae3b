"""Benchmark factcheck against a floor and its peers, on the same drafts, in one run.

    python benchmarks/run.py [--corpus DIR | --generate N] [--rules PACK] [--repeat K]
                             [--jobs N] [--only NAME,...] [--peer-limit N] [--no-cache]
                             [--json OUT]

The drafts are a folder (``--corpus``), a generated set of N small Markdown articles
(``--generate``), or by default the shared newsroom archive, extracted once into a cache in
the temporary folder (see ``corpus.py``). Every command runs as a child process, once untimed
to warm up and then K times (``--repeat``, default 3); the table gives the medians. Names for
``--only``:

- ``factcheck``: ``factcheck --format json --no-show-source --jobs N --rules PACK FOLDER``
  with the bundled pack (or ``--rules``); ``--jobs`` (and ``--no-cache``, when asked for) only
  if this factcheck's ``--help`` lists them. Exit 1 (findings) is success.
- ``factcheck-large``: the same with a generated pack of 1,000 facts and 500 entities
  (``generate_pack.py``).
- ``floor``: one compiled ``regex`` alternation of the pack's trigger words over every file
  (``floor.py``): the least a checker must do.
- ``codespell``, ``proselint``, ``textlint`` (with textlint-rule-prh and a dictionary made from
  the pack's spelling facts): peers, each "not installed" with its install command when
  absent. ``--peer-limit N`` runs them on the first N drafts only, and the table says so.
- ``single``: a ~5 KB draft made from ``seeds/``: ``factcheck FILE`` against ``python -c
  "import yaml, regex"``, ``factcheck --version`` against ``python -c pass``, and codespell and
  proselint on the same file.

Targets, shown PASS or FAIL: the single draft within 2x ``python -c "import yaml, regex"``,
``factcheck --version`` within 2x ``python -c pass``, the corpus in at most 0.5x codespell's
time, and the large pack within 2x the bundled one. Ratios compare time per byte read, which
is the plain ratio of wall times when both read the same files.

factcheck runs with a private cache folder (``FACTCHECK_CACHE_DIR``), so the warm-up fills it
and the timed runs are warm, whatever the user's own cache holds. Peak memory is ``ru_maxrss``
of the largest process in each command's tree (see ``measure.py``). ``--json OUT`` writes
everything: versions, machine, corpus, every sample, ratios and targets. Exit status: 0, or 1
when factcheck itself failed, 2 for a usage error (such as no corpus).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

import corpus as corpora
import generate_pack
import tools
from measure import Measurement, Verdict, exit_codes, measure
from report import Row, Target, corpus_table, ratio_table, single_table

HERE = Path(__file__).resolve().parent
BUNDLED_PACK = corpora.REPO / "rules" / "anthropic-distillation-2026.yaml"
CORPUS_NAMES = ("factcheck", "factcheck-large", "floor", "codespell", "proselint", "textlint")
NAMES = (*CORPUS_NAMES, "single")
LARGE_FACTS, LARGE_ENTITIES = 1000, 500
TARGETS = [
    Target('single draft vs python -c "import yaml, regex"', "factcheck-file", "import-yaml-regex", 2.0),
    Target("factcheck --version vs python -c pass", "factcheck-version", "python-pass", 2.0),
    Target("corpus vs codespell (per MB)", "factcheck", "codespell", 0.5),
    Target("large pack vs bundled pack", "factcheck-large", "factcheck", 2.0),
]
INFORMATIVE = [
    ("single draft vs codespell on it", "factcheck-file", "codespell-file"),
    ("single draft vs proselint on it", "factcheck-file", "proselint-file"),
]


class UsageError(Exception):
    """A problem with the arguments or the corpus: reported in one line, exit status 2."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="run.py", description="Benchmark factcheck against a floor and its peers on the same drafts."
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--corpus", type=Path, metavar="DIR", help="a folder of .md/.html/.txt drafts "
                        "(default: the shared newsroom archive, extracted once into a cache)")
    source.add_argument("--generate", type=int, metavar="N", help="generate N small Markdown articles instead")
    parser.add_argument("--rules", type=Path, default=BUNDLED_PACK, metavar="PACK",
                        help="pack file or folder for factcheck and the floor (default: the bundled pack)")
    parser.add_argument("--repeat", type=int, default=3, metavar="K", help="timed runs per command (default: 3)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="factcheck --jobs, when it has the flag (default: the CPU count)")
    parser.add_argument("--only", type=_names, default=list(NAMES), metavar="NAME[,NAME]",
                        help=f"run only these: {', '.join(NAMES)}")
    parser.add_argument("--peer-limit", type=int, default=0, metavar="N",
                        help="run the peers on the first N drafts only (default: all)")
    parser.add_argument("--no-cache", action="store_true",
                        help="pass --no-cache to factcheck (when it has the flag): measure it cold")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write every result here as JSON")
    args = parser.parse_args(argv)
    for option in ("repeat", "jobs"):
        if getattr(args, option) < 1:
            parser.error(f"--{option} must be at least 1")
    if args.generate is not None and args.generate < 1:
        parser.error("--generate must be at least 1")
    return args


def _names(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in NAMES]
    if unknown or not names:
        given = ", ".join(unknown) or "(none)"
        raise argparse.ArgumentTypeError(f"unknown name {given}; choose from {', '.join(NAMES)}")
    return names


def find_corpus(args: argparse.Namespace, scratch: Path) -> corpora.Corpus:
    if args.generate is not None:
        found = corpora.generate(args.generate, scratch / "generated")
    elif args.corpus is not None:
        if not args.corpus.is_dir():
            raise UsageError(f"--corpus {args.corpus}: not a folder")
        found = corpora.open_folder(args.corpus.resolve(), "folder")
    elif corpora.ARCHIVE.is_file():
        print(f"using the shared archive {corpora.ARCHIVE} (extracted once under {corpora.CACHE})", file=sys.stderr)
        found = corpora.open_folder(corpora.extract_archive(), "archive")
    else:
        raise UsageError(f"no corpus: give --corpus DIR or --generate N ({corpora.ARCHIVE} is not there)")
    if not found.files:
        raise UsageError(f"{found.folder}: no .md, .markdown, .html, .htm or .txt files")
    return found


class Bench:
    """One benchmark run: the corpus, the commands, and the rows measured."""

    def __init__(self, args: argparse.Namespace, drafts: corpora.Corpus, scratch: Path) -> None:
        self.args = args
        self.drafts = drafts
        self.scratch = scratch
        self.rows: list[Row] = []
        self.env = dict(os.environ)
        cache = scratch / "factcheck-cache"
        cache.mkdir(mode=0o700)
        self.env["FACTCHECK_CACHE_DIR"] = str(cache)
        self.factcheck, as_module = tools.factcheck_command()
        if as_module:
            self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(corpora.REPO), self.env.get("PYTHONPATH")]))
        self.flags = tools.supported_flags(self.factcheck, self.env, ["--jobs", "--no-cache"])
        self.packs = tools.load_packs(args.rules)
        words = tools.trigger_words(self.packs)
        self.word_count = len(words)
        self.words = scratch / "words.json"
        self.words.write_text(json.dumps(words), encoding="utf-8")
        self.peers = tools.peers(tools.write_textlint_config(self.packs, scratch))

    def _measure(self, command: list[str], verdict: Verdict, cwd: Path | None = None) -> Measurement:
        print(f"  {' '.join(command)[:160]}", file=sys.stderr)
        return measure(command, repeat=self.args.repeat, verdict=verdict, cwd=cwd or self.scratch,
                       env=self.env, scratch=self.scratch)

    def corpus_rows(self) -> None:
        """factcheck, the large pack, the floor and the peers over the corpus."""
        only = self.args.only
        if "factcheck" in only:
            self.rows.append(self._factcheck_row("factcheck", self.args.rules, ""))
        if "factcheck-large" in only:
            pack = generate_pack.write_pack(self.scratch / "large-pack.yaml", LARGE_FACTS, LARGE_ENTITIES)
            self.rows.append(self._factcheck_row(
                "factcheck-large", pack, f"generated pack: {LARGE_FACTS:,} facts, {LARGE_ENTITIES} entities"
            ))
        if "floor" in only:
            self.rows.append(self._floor_row())
        peers = [p for p in self.peers if p.name in only]
        if peers:
            self._peer_rows(peers)

    def _factcheck_row(self, name: str, pack: Path, note: str) -> Row:
        options = ["--format", "json", "--no-show-source"]
        if self.flags["--jobs"]:
            options += ["--jobs", str(self.args.jobs)]
        if self.args.no_cache and self.flags["--no-cache"]:
            options.append("--no-cache")
        command = [*self.factcheck, *options, "--rules", str(pack), str(self.drafts.folder)]
        measurement = self._measure(command, tools.factcheck_report)
        row = Row(name, f"factcheck --rules {pack.name}", len(self.drafts.files), self.drafts.size, measurement,
                  note=note)
        if row.ok:
            row.extra["files_checked"] = json.loads(measurement.stdout)["files_checked"]
        return row

    def _floor_row(self) -> Row:
        command = [sys.executable, str(HERE / "floor.py"), str(self.words), str(self.drafts.folder)]
        measurement = self._measure(command, exit_codes(0))
        row = Row("floor", "floor.py", len(self.drafts.files), self.drafts.size, measurement,
                  note=f"regex alternation of {self.word_count} trigger words")
        if row.ok:
            row.extra["floor"] = json.loads(measurement.stdout)
        return row

    def _peer_rows(self, peers: list[tools.Peer]) -> None:
        """The peers, on the whole corpus or on its first ``--peer-limit`` drafts."""
        folder, files, note = self.drafts.folder, self.drafts.files, ""
        if 0 < self.args.peer_limit < len(files):
            files = corpora.sample(files, folder, self.args.peer_limit, self.scratch / "sample")
            folder, note = self.scratch / "sample", f"sample: first {len(files):,} files (--peer-limit)"
        size = sum(f.stat().st_size for f in files)
        for peer in peers:
            if peer.command is None:
                self.rows.append(Row(peer.name, peer.title, 0, 0, install=peer.install, note=note))
            else:
                measurement = self._measure([*peer.command, str(folder)], peer.verdict, peer.cwd)
                self.rows.append(Row(peer.name, peer.title, len(files), size, measurement, note=note))

    def single_rows(self) -> None:
        """One ~5 KB draft: factcheck against bare Python and against the peers."""
        draft = corpora.single_draft(self.scratch)
        size = draft.stat().st_size
        python = sys.executable
        runs: list[tuple[str, str, list[str] | None, Verdict, str | None]] = [
            ("factcheck-file", f"factcheck --rules PACK {draft.name}",
             [*self.factcheck, "--rules", str(self.args.rules), str(draft)], exit_codes(0, 1), None),
            ("import-yaml-regex", 'python -c "import yaml, regex"', [python, "-c", "import yaml, regex"],
             exit_codes(0), None),
            ("factcheck-version", "factcheck --version", [*self.factcheck, "--version"], exit_codes(0), None),
            ("python-pass", "python -c pass", [python, "-c", "pass"], exit_codes(0), None),
        ]
        for peer in self.peers:
            if peer.name in ("codespell", "proselint"):
                command = [*peer.command, str(draft)] if peer.command else None
                runs.append((f"{peer.name}-file", f"{peer.title} {draft.name}", command, peer.verdict, peer.install))
        for name, label, command, verdict, install in runs:
            measurement = None if command is None else self._measure(command, verdict)
            self.rows.append(Row(name, label, 1, size, measurement, install=None if command else install))

    def run(self) -> None:
        if any(n in self.args.only for n in CORPUS_NAMES):
            print(f"corpus: {self.drafts.folder} ({len(self.drafts.files):,} files)", file=sys.stderr)
            self.corpus_rows()
        if "single" in self.args.only:
            print("single draft:", file=sys.stderr)
            self.single_rows()
        self.compare()

    def versions(self) -> dict[str, str | None]:
        found: dict[str, str | None] = {
            "python": platform.python_version(),
            "factcheck": tools.version([*self.factcheck, "--version"]),
        }
        for module in ("regex", "yaml"):
            found[module] = getattr(__import__(module), "__version__", None)
        for peer in self.peers:
            command = tools.version_command(peer)
            found[peer.name] = tools.version(command, peer.cwd) if command else None
        if found.get("textlint"):
            found["node"] = tools.version(["node", "--version"])
        return found

    def compare(self) -> None:
        """factcheck's time as a multiple of each other corpus row's (per MB read), and the
        large pack's as a multiple of the bundled pack's; kept in the rows' extras."""
        by_name = {r.name: r for r in self.rows}
        for row in self.rows:
            if row.name == "factcheck-large":
                row.extra["multiple_of_bundled"] = Target("", row.name, "factcheck", 0).ratio(by_name)
            elif row.name in CORPUS_NAMES and row.name != "factcheck":
                row.extra["factcheck_multiple"] = Target("", "factcheck", row.name, 0).ratio(by_name)

    def text(self) -> str:
        corpus_rows = [r for r in self.rows if r.name in CORPUS_NAMES]
        single = [r for r in self.rows if r.name not in CORPUS_NAMES]
        by_name = {r.name: r for r in self.rows}
        jobs = f"--jobs {self.args.jobs}" if self.flags["--jobs"] else "no --jobs flag"
        cache = "cold (--no-cache)" if self.args.no_cache and self.flags["--no-cache"] else "warm private cache"
        parts = [(
            f"factcheck benchmark: median of {self.args.repeat} run(s) after one warm-up; {os.cpu_count()} CPUs; "
            f"Python {platform.python_version()}; factcheck {jobs}, {cache}"
        )]
        if corpus_rows:
            parts.append(
                f"\nCorpus ({self.drafts.origin}): {self.drafts.folder}, {len(self.drafts.files):,} files, "
                f"{self.drafts.size / 1e6:.1f} MB. \"factcheck is\": factcheck's time per MB over the row's."
            )
            parts.append(corpus_table(corpus_rows))
        if single:
            parts += [f"\nSingle draft ({single[0].size:,} bytes, made from seeds/):", single_table(single)]
        parts += ["\nRatios:", ratio_table(TARGETS, by_name, INFORMATIVE)]
        return "\n".join(parts)

    def to_json(self) -> dict[str, Any]:
        by_name = {r.name: r for r in self.rows}
        return {
            "schema": 1,
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "versions": self.versions(),
            "machine": {"platform": platform.platform(), "cpu_count": os.cpu_count(), "python": sys.executable},
            "factcheck": {
                "command": self.factcheck, "flags_supported": self.flags, "jobs": self.args.jobs,
                "cache": "disabled" if self.args.no_cache and self.flags["--no-cache"] else "private, warmed",
                "rules": str(self.args.rules),
            },
            "corpus": {
                "origin": self.drafts.origin, "folder": str(self.drafts.folder),
                "files": len(self.drafts.files), "bytes": self.drafts.size,
            },
            "repeat": self.args.repeat,
            "peer_limit": self.args.peer_limit or None,
            "rows": [r.to_json() for r in self.rows if r.name in CORPUS_NAMES],
            "single_file": [r.to_json() for r in self.rows if r.name not in CORPUS_NAMES],
            "targets": [t.to_json(by_name) for t in TARGETS],
            "ratios": [
                {"name": n, "numerator": a, "denominator": b, "ratio": Target(n, a, b, 0).ratio(by_name)}
                for n, a, b in INFORMATIVE
            ],
        }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-run-") as tmp:
        scratch = Path(tmp)
        try:
            drafts = find_corpus(args, scratch)
        except UsageError as exc:
            print(f"run.py: {exc}", file=sys.stderr)
            return 2
        bench = Bench(args, drafts, scratch)
        bench.run()
        print(bench.text())
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(bench.to_json(), indent=2) + "\n", encoding="utf-8")
    failed = [r for r in bench.rows if r.name.startswith("factcheck") and not r.ok]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
