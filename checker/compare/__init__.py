"""``factcheck compare``: where several reports of one story agree, and which says otherwise.

The step before a rule pack exists. Every source is read with the language layer
(:mod:`checker.compare.extract`), its claims are lined up with the other sources'
(:mod:`checker.compare.align`), and the result is a table for a person
(:mod:`checker.compare.report`), JSON, or a draft pack of what the sources agree on
(:mod:`checker.compare.draft`)::

    sources -> documents -> statements -> aligned rows -> table | JSON | draft pack

No pack is needed; one given with ``--rules`` names the parties and measures.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

from checker.output import colour, say

USAGE = "factcheck compare SOURCE... [--format text|json] [--write-pack FILE] [--rules PATH] [--color WHEN]"


def main(argv: Sequence[str]) -> int:
    from checker.cli import Parser

    parser = Parser(
        prog="factcheck compare",
        usage=USAGE,
        description="Line up the claims of several reports of one story: what they agree on, and "
        "which report says something else. Optionally write a draft rule pack of what they agree on.",
    )
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="report files or folders (at least two reports)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--write-pack", type=Path, metavar="FILE", help="write a draft pack of the agreed claims to FILE (never overwritten)")
    parser.add_argument("--rules", action="append", type=Path, metavar="PATH", help="a pack whose names and measures to use; repeatable")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output (default: auto)")
    args = parser.parse_args(argv)
    return _run(args)


def _run(args) -> int:
    from checker.batch import read_draft, unreadable
    from checker.cli import UsageError, draft_files, refused, rule_paths
    from checker.compare import align, extract, report
    from checker.document import FORMATS
    from checker.files import Refused

    missing = [p for p in args.sources if not os.path.lexists(p)]
    if missing:
        say(f"factcheck: error: no such file or folder: {missing[0]}", sys.stderr)
        return 2
    if args.write_pack is not None and os.path.lexists(args.write_pack):
        say(f"factcheck: error: {args.write_pack} exists; compare never overwrites a file (give a new name)", sys.stderr)
        return 2
    problems: list[str] = []
    found = draft_files(args.sources, problems)
    for problem in problems:
        say(problem, sys.stderr)
    if problems:
        return 2
    if len(found) < 2:
        say(f"factcheck: error: compare needs at least two reports, and found {len(found)}", sys.stderr)
        return 2
    texts = []
    seen: set[str] = set()
    for display, path in found:
        same = os.path.realpath(path)
        if same in seen:  # one report named twice (a folder and a file in it) is one source
            continue
        seen.add(same)
        try:
            _, text = read_draft(path)
        except (OSError, UnicodeDecodeError, Refused) as exc:
            say(unreadable(display, exc), sys.stderr)
            return 2
        if not text.strip():
            say(f"{display}: skipped: empty", sys.stderr)
            continue
        texts.append((display, text, FORMATS.get(path.suffix.lower(), "text")))
    if len(texts) < 2:
        say(f"factcheck: error: compare needs at least two reports, and found {len(texts)} with text", sys.stderr)
        return 2
    packs = []
    if args.rules:
        from checker import loader
        from checker.loader import PackError

        try:
            packs = loader.load(rule_paths(args.rules), examples=False).packs
        except (PackError, UsageError) as exc:
            return refused(exc)
    sources = extract.load(texts)
    statements = extract.read(sources, packs)
    rows = align.align(statements)
    if args.write_pack is not None:
        from checker.compare import draft

        try:
            written = draft.write(args.write_pack, statements, rows)
        except OSError as exc:
            say(f"factcheck: error: cannot write {args.write_pack}: {exc.strerror or exc}", sys.stderr)
            return 2
        if written:
            say(f"factcheck: wrote a draft pack of {written} agreed claim{'s' if written != 1 else ''} to {args.write_pack}", sys.stderr)
        else:
            say(f"factcheck: no pack written to {args.write_pack}: no claim two reports agree on that the checker could check", sys.stderr)
    if args.format == "json":
        report.json(sources, rows, sys.stdout)
    else:
        report.text(sources, rows, sys.stdout, colour(args.color, sys.stdout, os.environ))
    from checker import rx

    rx.save()  # the patterns this run compiled, ready for the next
    return 0
