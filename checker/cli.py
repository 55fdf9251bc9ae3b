"""The ``factcheck`` command: argument parsing, file discovery, exit status.

Exit status: 0 when nothing at or above the fail level was found, 1 when something was,
2 for usage errors, unreadable files, invalid rule packs and unexpected errors (bugs, said in
one line, never a traceback). Every line printed is printable (see :mod:`checker.output`).

A usage error (an option misspelt or abbreviated, a draft that does not exist) is said in one
line, with the closest name factcheck knows when there is one, and nothing else is printed:
no findings, no closing line. ``factcheck --help`` lists the subcommands (:data:`COMMANDS`).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Sequence, TextIO

from checker import __version__
from checker.findings import SEVERITY_RANK
from checker.output import colour, did_you_mean, say

if TYPE_CHECKING:
    from checker.config import Config

DRAFT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt")


COMMANDS = {  # every subcommand, with its line in ``factcheck --help``
    "rules": "list, validate, test or describe rule packs (rules list|check|test|schema)",
    "explain": "say what one fact of the packs holds, in plain words",
    "claims": "list every claim recognised in a draft, and its verdict",
    "compare": "line up several reports of a story: where they agree, which dissents; write a draft pack",
    "init": "write a starter configuration and rule pack into this repository",
    "lsp": "run a language server over stdio for editors",
}


def refused(exc: Exception) -> int:
    """Say on stderr why a command cannot run (a pack's or configuration's problems, one per
    line, or a usage error), and give its exit status."""
    for problem in getattr(exc, "problems", None) or [f"factcheck: error: {exc}"]:
        say(problem, sys.stderr)
    return 2


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse, stricter and more helpful: an option must be written whole (``--rule`` is not
    ``--rules``), and a misspelt option, command or choice is answered with the closest names."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(allow_abbrev=False, **kwargs)

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            unknown = extras[0].split("=", 1)[0]
            what = "option" if unknown.startswith("-") else "argument"
            self.error(f"unrecognized {what} {unknown!r}{did_you_mean(unknown, _options(self, parsed))}")
        return parsed

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            hint = did_you_mean(str(value), [str(c) for c in action.choices])
            raise argparse.ArgumentError(action, f"invalid choice: {value!r} (choose from {choices}){hint}")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        say(f"{self.prog}: error: {message}", sys.stderr)
        raise SystemExit(2)


def _options(parser: argparse.ArgumentParser, parsed: Any) -> list[str]:
    """The options of ``parser`` and of the subcommands ``parsed`` chose."""
    options = list(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(getattr(parsed, action.dest, None) or "")
            options += _options(chosen, parsed) if chosen else []
    return options


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="factcheck",
        description="Flag sentences of draft articles that contradict a story's rule pack.",
        epilog="commands (factcheck COMMAND --help says more):\n"
        + "\n".join(f"  {name:<9} {text}" for name, text in COMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="draft files or folders to check")
    parser.add_argument(
        "--rules", action="append", type=Path, metavar="PATH",
        help="a rule pack file or folder (repeatable); default: ./rules/ if present, else the bundled packs",
    )
    parser.add_argument(
        "--format", choices=("text", "json", "github", "sarif", "rdjsonl"),
        help="output format: text, json, github (workflow-command annotations), sarif (SARIF 2.1.0) "
        "or rdjsonl (reviewdog) (default: text)",
    )
    parser.add_argument(
        "--fail-level", choices=("warning", "error"),
        help="lowest severity that makes the exit status 1 (default: error)",
    )
    parser.add_argument(
        "--config", type=Path, metavar="FILE",
        help="settings file (default: the nearest .factcheck.yaml or pyproject.toml [tool.factcheck] upward)",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--show-source", action="store_true", default=None, help="show the offending line under each finding")
    source.add_argument("--no-show-source", dest="show_source", action="store_false", help="never show the offending line")
    parser.add_argument(
        "--all-documents", action="store_true",
        help="check every document, even those outside a pack's declared scope",
    )
    parser.add_argument(
        "--diff-base", metavar="REF",
        help="report only findings on lines added or changed since git REF (documents are still read whole)",
    )
    edits = parser.add_mutually_exclusive_group()
    edits.add_argument(
        "--fix", action="store_true",
        help="apply the findings that have one right replacement (misspelt names) to the files, and say what changed",
    )
    edits.add_argument("--diff", action="store_true", help="show those replacements as a unified diff; write nothing")
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour text output: auto (on a terminal, unless NO_COLOR is set, or when FORCE_COLOR is), "
        "always or never (default: auto)",
    )
    parser.add_argument(
        "--statistics", action="store_true",
        help="instead of the findings, count them per fact, most frequent first (text format)",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true",
        help="print the findings only: no closing line, no notes; with --fix, only what is left to fix by hand",
    )
    parser.add_argument(
        "--summary-file", type=Path, metavar="FILE",
        help="also append a Markdown summary of the findings to FILE (e.g. $GITHUB_STEP_SUMMARY)",
    )
    parser.add_argument(
        "--report-unused-suppressions", action="store_true",
        help="warn about factcheck-disable / ignore-next-line comments that suppress nothing",
    )
    parser.add_argument(
        "--skip-example-check", action="store_true",
        help="load packs even when their own examples fail (by default such a pack is refused)",
    )
    parser.add_argument(
        "--jobs", "-j", type=_jobs, metavar="N",
        help="check drafts in N processes (default: one per core); the findings are the same for any N",
    )
    parser.add_argument(
        "--no-cache", action="store_true",
        help="validate the packs and settings afresh and leave the cache alone (see FACTCHECK_CACHE_DIR)",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    return parser


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, at least 1, not {value!r}")
    return int(value)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv else None  # a folder named like a command is checked as ./NAME
    if command in ("rules", "explain", "claims"):  # commands for pack authors
        from checker import authoring

        return authoring.main(argv)
    if command == "compare":  # before a pack exists: what the sources agree on
        from checker import compare

        return compare.main(argv[1:])
    if command == "lsp":  # the language server, for editors
        try:
            from checker import lsp
        except ImportError as exc:  # pygls is an extra
            if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
                raise
            print("factcheck: error: the language server needs pygls: pip install 'factcheck[lsp]'", file=sys.stderr)
            return 2
        return lsp.main(argv[1:])
    if command == "init":
        from checker import init

        return init.main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.paths:
        parser.error("give at least one draft file or folder to check")
    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing and not args.diff_base:  # with --diff-base, a draft deleted since REF is skipped with a note
        for path in missing:
            hint = did_you_mean(path, COMMANDS, "the command ") if path == argv[0] else ""
            say(f"factcheck: error: no such file or folder: {path}{hint}", sys.stderr)
        return 2

    from checker import cache

    if args.no_cache:
        cache.disable()  # before anything that reads the cache is imported
    from checker import loader
    from checker.config import ConfigError

    try:
        config = load_config(args.config)
        given = args.rules or config.rule_paths()
        loaded = loader.load(rule_paths(given, quiet=args.quiet), examples=not args.skip_example_check)
        packs = loaded.packs
        _check_fact_ids(config, packs)
        if loaded.failures:
            for failure in loaded.failures:
                say(failure, sys.stderr)
            raise UsageError(
                "the packs' own examples above fail, so their facts cannot be trusted; "
                "fix them (factcheck rules test) or pass --skip-example-check"
            )
    except (loader.PackError, ConfigError, UsageError) as exc:
        return refused(exc)
    changed = None
    if args.diff_base:
        from checker.gitdiff import DiffError, changes

        try:
            changed = changes(args.diff_base, Path.cwd())
        except DiffError as exc:
            say(f"factcheck: error: --diff-base: {exc}", sys.stderr)
            return 2
    settings = config.settings
    output = args.format or settings.format or "text"
    fail_level = args.fail_level or settings.fail_level or "error"
    if args.statistics and output != "text":
        say(f"factcheck: error: --statistics counts findings in the text format, not {output}", sys.stderr)
        return 2

    from checker import batch
    from checker.document import lines
    from checker.report import formatter
    from checker.report.run import Run

    status = 0
    fixable: list[tuple[str, Path, bytes, str, list]] = []
    show_source = sys.stdout.isatty() if args.show_source is None else args.show_source
    text = output == "text"
    run = Run(
        show_source=show_source and text, facts={k: v for p in packs for k, v in p.facts.items()},
        colour=text and colour(args.color, sys.stdout, os.environ), quiet=args.quiet, statistics=args.statistics,
        fix_hint=not args.fix,
    )
    drafts = []
    problems: list[str] = []  # folders that cannot be read, drafts the configuration's globs could not judge
    for display, path in _once(_selected(draft_files(args.paths, problems), config, problems)):
        if changed is not None and (not path.exists() or changed.key(path) in changed.binary):
            if not args.quiet:
                say(f"{display}: skipped: deleted or binary since {args.diff_base}", sys.stderr)
        else:
            drafts.append((display, path))
    for problem in problems:
        say(problem, sys.stderr)
        status = 2
    options = {"ignore_scope": args.all_documents, "report_unused": args.report_unused_suppressions}
    progress = sys.stderr if text and not args.quiet else None
    for checked in batch.check_all(packs, drafts, args.jobs or batch.default_jobs(), options, progress):
        display, path, result = checked.display, checked.path, checked.result
        if result is None:
            if checked.error or not args.quiet:
                say(checked.error or checked.note or "", sys.stderr)
            status = 2 if checked.error else status
            continue
        for error in result.errors:
            say(error, sys.stderr)
            status = 2
        result.findings = _adjusted(result.findings, settings.severity, settings.disable)
        if changed is not None and checked.text is not None:  # a draft's text is kept when it has findings
            fresh = changed.new_lines(path, checked.text)
            if fresh is not None:
                result.findings = [f for f in result.findings if not fresh.isdisjoint(range(f.line, f.end_line + 1))]
        run.add(result)
        if result.findings and (run.show_source or output == "rdjsonl"):
            run.lines[display] = lines(checked.text)
        if (args.fix or args.diff) and any(f.finding.suggestion for f in result.findings):
            fixable.append((display, path, checked.data, checked.text, result.findings))
    if args.quiet and args.fix:  # only what is left to fix by hand
        fixed_findings = _fix(fixable, write=True, out=None)
        for result in run.results:
            result.findings = [f for f in result.findings if id(f) not in (fixed_findings or ())]
        formatter(output).render(run, sys.stdout)
    else:
        formatter(output).render(run, sys.stdout)
        fixed_findings = _fix(fixable, write=args.fix, out=sys.stdout if text else sys.stderr)
    if fixed_findings is None:
        status = 2
        fixed_findings = set()
    if args.summary_file:
        from checker.report import summary

        try:
            with args.summary_file.open("a", encoding="utf-8") as out:
                summary.render(run, out)
        except OSError as exc:
            say(f"{args.summary_file}: cannot write summary: {exc.strerror or exc}", sys.stderr)
            status = 2
    threshold = SEVERITY_RANK[fail_level]
    if any(SEVERITY_RANK[f.finding.severity] >= threshold for f in run.findings if id(f) not in fixed_findings):
        status = status or 1
    return status


def _fix(fixable: list, write: bool, out: TextIO | None) -> set[int] | None:
    """Apply (or, without ``write``, show) the suggestions; the ids of the findings fixed.

    What was fixed is said on ``out``, and nothing is said when it is None.

    None when a file could not be written (it is named on stderr; the others are still fixed).
    """
    if not fixable:
        return set()
    from checker import fix  # only now: most runs fix nothing

    done: set[int] = set()
    failed = False
    writer = fix.Writer()
    for display, path, data, text, findings in fixable:
        suggested = [f for f in findings if f.finding.suggestion is not None]
        after = fix.fixed(text, suggested)
        if not write:
            out.write(fix.diff(display, text, after))
            continue
        try:
            writer.write(path, data, after)
        except (OSError, fix.FixError) as exc:
            say(f"{display}: {getattr(exc, 'strerror', None) or exc}", sys.stderr)
            failed = True
            continue
        for f in suggested:
            if out is not None:
                say(f"fixed {display}:{f.line}:{f.column}: {f.finding.found!r} -> {f.finding.suggestion!r}", out)
            done.add(id(f))
    return None if failed else done


def run() -> None:
    """Console entry point. An unexpected error (a bug) ends in one line and exit status 2, never a traceback."""
    try:
        status = main()
        from checker import rx

        rx.save()  # the patterns this run had to compile, ready for the next
        raise SystemExit(status)
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(1) from None
    except Exception as exc:
        from checker.batch import internal_error

        say(internal_error(exc), sys.stderr)
        raise SystemExit(2) from None


def load_config(given: Path | None) -> Config:
    """The settings file given, else the nearest one found upward, else the defaults."""
    from checker import config

    if given is not None:
        if not given.is_file():
            raise UsageError(f"no such configuration file: {given}")
        return config.load(given)
    return config.discover(Path.cwd())


def _check_fact_ids(config: Config, packs: list) -> None:
    """Every fact the configuration names must exist in the packs loaded."""
    from checker.config import ConfigError

    known = {rule.id for pack in packs for rules in pack.rules.values() for rule in rules}
    problems = [
        f"{config.where('severity', fact)}: unknown fact {fact!r} in severity{did_you_mean(fact, known)}"
        for fact in config.settings.severity if fact not in known
    ] + [
        f"{config.where('disable', i)}: unknown fact {fact!r} in disable{did_you_mean(fact, known)}"
        for i, fact in enumerate(config.settings.disable) if fact not in known
    ]
    if problems:
        raise ConfigError(*problems)


def _selected(drafts: list[tuple[str, Path]], config: Config, problems: list[str]) -> list[tuple[str, Path]]:
    """The drafts the configuration's include and exclude globs admit.

    A glob that runs out of time on a draft's name (see checker.rx) is added to ``problems``,
    and that draft is left out; the others are still judged.
    """
    from checker import rx
    from checker.compiled import glob_pattern

    settings = config.settings
    if not (settings.include or settings.exclude):
        return drafts
    # Absolute but not resolved: a link is matched by its own name (and a loop of links is no error).
    base = Path(os.path.abspath(config.path.parent if config.path else "."))
    include = [(glob_pattern(g), f"the configuration's include glob {g!r}") for g in settings.include]
    exclude = [(glob_pattern(g), f"the configuration's exclude glob {g!r}") for g in settings.exclude]
    selected = []
    for display, path in drafts:
        full = Path(os.path.abspath(path))
        name = full.relative_to(base).as_posix() if full.is_relative_to(base) else full.as_posix()
        try:
            if include and not any(rx.found(p, name, what) for p, what in include):
                continue
            if not any(rx.found(p, name, what) for p, what in exclude):
                selected.append((display, path))
        except rx.TooSlow as exc:
            problems.append(
                f"{display}: {exc.what} took more than {rx.TIMEOUT:g} s on this draft's name and was stopped, "
                "so the draft was not checked; simplify the glob"
            )
    return selected


def _once(drafts: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """Each file once, under the first name it was given: ``a.md ./a.md``, a folder and a file in
    it, or two hard links are one file. A link is a file of its own (it is never fixed)."""
    seen: set[tuple[int, int]] = set()
    once = []
    for display, path in drafts:
        try:
            info = path.lstat()
        except OSError:  # said when it is read
            once.append((display, path))
            continue
        if (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            once.append((display, path))
    return once


def _adjusted(findings: list, severity: dict[str, str], disabled: list[str]) -> list:
    """Findings with the configuration's severities, without its disabled facts."""
    if not (severity or disabled):
        return findings
    out = []
    for f in findings:
        if f.finding.fact in disabled:
            continue
        level = severity.get(f.finding.fact)
        out.append(f._replace(finding=f.finding._replace(severity=level)) if level else f)
    return out


def rule_paths(given: list[Path] | None, quiet: bool = False) -> list[Path]:
    """The packs to load: those given, else ./rules/, else the bundled ones (said on stderr unless ``quiet``)."""
    if given:
        missing = [p for p in given if not p.exists()]
        if missing:
            raise UsageError(f"no such rule pack file or folder: {missing[0]}")
        return given
    local = Path("rules")
    if local.is_dir():
        return [local]
    if not quiet:
        print("factcheck: no ./rules/ folder here; using the packs bundled with factcheck", file=sys.stderr)
    return [bundled_rules()]


def bundled_rules() -> Path:
    """Where the packs installed with the package live (also in an editable install)."""
    spec = importlib.util.find_spec("checker.bundled_rules")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return Path(__file__).resolve().parent.parent / "rules"


def draft_files(paths: list[str], problems: list[str]) -> list[tuple[str, Path]]:
    """(path to display, path) of every draft named; folders recurse over draft suffixes.

    Links to folders are not followed, so a loop of links cannot trap the walk. A folder that
    cannot be read is added to ``problems``, and the rest is still walked.
    """
    drafts: list[tuple[str, Path]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():

            def cannot_read(exc: OSError, given: str = given, path: Path = path) -> None:
                inside = os.path.relpath(exc.filename, path) if exc.filename else "."
                shown = given if inside == "." else os.path.join(given, inside)
                problems.append(f"{shown}: cannot read folder: {exc.strerror or exc}")

            for root, dirs, files in os.walk(path, onerror=cannot_read):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(DRAFT_SUFFIXES) and not name.startswith("."):
                        full = Path(root) / name
                        drafts.append((os.path.join(given, os.path.relpath(full, path)), full))
        else:
            drafts.append((given, path))
    return drafts
