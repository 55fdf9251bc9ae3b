"""The ``factcheck`` command: argument parsing, file discovery, exit status.

Exit status: 0 when nothing at or above the fail level was found, 1 when something was,
2 for usage errors, unreadable files and invalid rule packs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path
from typing import Sequence

from checker import __version__
from checker.findings import SEVERITY_RANK

DRAFT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Flag sentences of draft articles that contradict a story's rule pack.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="draft files or folders to check")
    parser.add_argument(
        "--rules", action="append", type=Path, metavar="PATH",
        help="a rule pack file or folder (repeatable); default: ./rules/ if present, else the bundled packs",
    )
    parser.add_argument(
        "--format", choices=("text", "json", "github"), default="text",
        help="output format: text, json, or github (workflow-command annotations) (default: text)",
    )
    parser.add_argument(
        "--fail-level", choices=("warning", "error"), default="error",
        help="lowest severity that makes the exit status 1 (default: error)",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--show-source", action="store_true", default=None, help="show the offending line under each finding")
    source.add_argument("--no-show-source", dest="show_source", action="store_false", help="never show the offending line")
    parser.add_argument(
        "--all-documents", action="store_true",
        help="check every document, even those outside a pack's declared scope",
    )
    parser.add_argument(
        "--report-unused-suppressions", action="store_true",
        help="warn about factcheck-disable / ignore-next-line comments that suppress nothing",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.paths:
        parser.print_usage(sys.stderr)
        print("factcheck: error: give at least one draft file or folder to check", file=sys.stderr)
        return 2

    from checker.pack import PackError, load

    try:
        packs = load(_rule_paths(args.rules))
    except PackError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    except UsageError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return 2

    from checker.document import FORMATS, lines, read
    from checker.engine import Engine
    from checker.report import FORMATS as REPORTS
    from checker.report.run import Run

    status = 0
    engine = Engine(packs, ignore_scope=args.all_documents, report_unused=args.report_unused_suppressions)
    show_source = sys.stdout.isatty() if args.show_source is None else args.show_source
    run = Run(show_source=show_source and args.format == "text")
    for display, path in _drafts(args.paths):
        try:
            text = _read_text(path)
        except OSError as exc:
            print(f"{display}: cannot read: {exc.strerror or exc}", file=sys.stderr)
            status = 2
            continue
        except UnicodeDecodeError as exc:
            line = exc.object[: exc.start].count(b"\n") + 1
            print(f"{display}:{line}: cannot read: not valid UTF-8 (byte {exc.start})", file=sys.stderr)
            status = 2
            continue
        except UsageError as exc:
            print(f"factcheck: error: {exc}", file=sys.stderr)
            status = 2
            continue
        document = read(display, text, FORMATS.get(path.suffix.lower(), "text"))
        result = engine.check(document)
        run.results.append(result)
        if run.show_source and result.findings:
            run.lines[display] = lines(text)
    REPORTS[args.format].render(run, sys.stdout)
    threshold = SEVERITY_RANK[args.fail_level]
    if any(SEVERITY_RANK[f.finding.severity] >= threshold for f in run.findings):
        status = status or 1
    return status


def run() -> None:
    """Console entry point."""
    try:
        raise SystemExit(main())
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(1) from None


def _rule_paths(given: list[Path] | None) -> list[Path]:
    if given:
        missing = [p for p in given if not p.exists()]
        if missing:
            raise UsageError(f"no such rule pack file or folder: {missing[0]}")
        return given
    local = Path("rules")
    if local.is_dir():
        return [local]
    print("factcheck: no ./rules/ folder here; using the packs bundled with factcheck", file=sys.stderr)
    return [bundled_rules()]


def bundled_rules() -> Path:
    """Where the packs installed with the package live (also in an editable install)."""
    spec = importlib.util.find_spec("checker.bundled_rules")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parent.parent / "rules"


def _drafts(paths: list[str]) -> list[tuple[str, Path]]:
    """(path to display, path) of every draft named; folders recurse over draft suffixes."""
    drafts: list[tuple[str, Path]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(DRAFT_SUFFIXES) and not name.startswith("."):
                        full = Path(root) / name
                        drafts.append((os.path.join(given, os.path.relpath(full, path)), full))
        else:
            drafts.append((given, path))
    return drafts


def _read_text(path: Path) -> str:
    if not path.exists():
        raise UsageError(f"no such file or folder: {path}")
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8")
