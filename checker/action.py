"""The GitHub Action's step: ``python -m checker.action``, configured by the environment.

The Action passes its inputs as environment variables (``INPUT_PATHS``, ``INPUT_RULES``,
``INPUT_CONFIG``, ``INPUT_FAIL_LEVEL``, ``INPUT_DIFF_BASE``, ``INPUT_SARIF_FILE``), never by interpolating them into
shell, and this script calls the checker in-process with an argument list: nothing from a
pull request (file names, draft text, branch names) is ever evaluated as a command.

On ``pull_request`` events it checks the drafts the pull request changed, reporting only
findings on changed lines (``--diff-base`` the base commit); elsewhere the given paths, or the
whole repository. A pull request that changes a rule pack in use or the settings file changes
what every draft is held to: the packs are checked first (``rules check --strict`` and
``rules test``; a failure is exit status 2), then every draft the packs apply to, on every
line. Findings become annotations, the step summary gets a table per file, and ``exit-code``
is set as a step output, whatever happens (2 for an unexpected error).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Mapping

from checker import cli
from checker.output import say

PULL_REQUEST_EVENTS = ("pull_request", "pull_request_target")


def run() -> int:
    """The step: the check, then ``exit-code`` written, even after an unexpected error."""
    env = os.environ
    try:
        code = main(env)
    except Exception as exc:
        from checker.batch import internal_error

        say(internal_error(exc), sys.stderr)
        code = 2
    return _finish(env, code)


def main(env: Mapping[str, str]) -> int:
    base = env.get("INPUT_DIFF_BASE", "").strip() or _pull_request_base(env)
    paths = [p.strip() for p in env.get("INPUT_PATHS", "").split("\n") if p.strip()]
    rules = [r.strip() for r in env.get("INPUT_RULES", "").split("\n") if r.strip()]
    config = env.get("INPUT_CONFIG", "").strip()
    common = ["--fail-level", env.get("INPUT_FAIL_LEVEL", "").strip() or "error"]
    for pack in rules:
        common += ["--rules", pack]
    if config:
        common += ["--config", config]
    packs_status = 0
    if base:
        try:
            changed = _changed_files(base)
        except subprocess.CalledProcessError as exc:
            detail = os.fsdecode(exc.stderr).strip() or "unknown revision"
            say(
                f"factcheck: error: cannot list the files changed since {base!r}: {detail} "
                "(check out with fetch-depth: 0 so the base commit is present)",
                sys.stderr,
            )
            return 2
        in_use = _in_use(rules, config)
        touched = [f for f in changed if _is_pack_or_settings(f, *in_use)] if in_use else []
        if touched:
            say(
                f"factcheck: the pull request changes the rule packs or settings ({', '.join(touched)}): "
                "checking the packs, then every draft they apply to, on every line"
            )
            packs_status = _check_packs(in_use[0])
            if packs_status == 2:  # not even valid: no draft can be checked against them
                _summary(env, "### factcheck: the rule packs are not valid\n\nThe step's log says where.\n")
                return 2
            if packs_status:
                _summary(env, "### factcheck: the rule packs have warnings or fail their tests\n\n"
                         "The step's log says which.\n\n")
        elif in_use is not None:  # (None: the settings or packs named are missing or broken; the check says how)
            paths = paths or [f for f in changed if f.lower().endswith(cli.DRAFT_SUFFIXES) and os.path.lexists(f)]
            if not paths:
                print("factcheck: no drafts changed in this pull request")
                _summary(env, "### factcheck: no drafts changed\n")
                return 0
            common += ["--diff-base", base]
    common += ["--", *(paths or ["."])]
    summary = ["--summary-file", env["GITHUB_STEP_SUMMARY"]] if env.get("GITHUB_STEP_SUMMARY") else []
    sys.stdout.flush()
    code = cli.main(["--format", "github", *summary, *common])
    sarif = env.get("INPUT_SARIF_FILE", "").strip()
    if sarif and code in (0, 1):  # the same check again, as SARIF for code scanning
        with open(sarif, "w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
            cli.main(["--format", "sarif", *common])
    return 2 if packs_status else code


def _pull_request_base(env: Mapping[str, str]) -> str:
    if env.get("GITHUB_EVENT_NAME") not in PULL_REQUEST_EVENTS or not env.get("GITHUB_EVENT_PATH"):
        return ""
    try:
        event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
        return str(event["pull_request"]["base"]["sha"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _changed_files(base: str) -> list[str]:
    """Every file added, changed, renamed or deleted since ``base``, as git names them from the
    repository's top (a name that is not UTF-8 as Python keeps it: see :mod:`checker.output`)."""
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}"],
        capture_output=True, check=True,
    ).stdout.strip()
    listed = subprocess.run(
        ["git", "diff", "--name-only", "-z", "--no-renames", commit, "--"], capture_output=True, check=True,
    ).stdout
    return [os.fsdecode(p) for p in listed.split(b"\0") if p]


def _in_use(rules: list[str], config: str) -> tuple[list[Path], Path | None] | None:
    """The rule pack files and folders a check will load, and the settings file it will read, as
    the command finds them; None when the settings or packs named cannot be found or read (the
    check says why)."""
    from checker.config import ConfigError

    try:
        settings = cli.load_config(Path(config) if config else None)
        return cli.rule_paths([Path(r) for r in rules] or settings.rule_paths(), quiet=True), settings.path
    except (ConfigError, cli.UsageError):
        return None


def _is_pack_or_settings(name: str, rule_paths: list[Path], settings: Path | None) -> bool:
    """Whether the changed file ``name`` is (or was) in a pack file or folder in use, or a
    settings file in use or found upward from here."""
    from checker.config import NAMES

    path = Path(name).absolute()
    if any(path.is_relative_to(given.absolute()) for given in rule_paths):  # a pack, or a test draft of one
        return True
    if settings is not None and path == settings.absolute():
        return True
    return path.name in NAMES and path.parent in (Path.cwd(), *Path.cwd().parents)  # one added or deleted


def _check_packs(rule_paths: list[Path]) -> int:
    """``rules check --strict`` and ``rules test`` on the packs: 2 when they are not valid, 1
    when they have warnings or fail their own tests, else 0."""
    from checker import authoring

    names = [str(p) for p in rule_paths]
    checked = authoring.main(["rules", "check", "--strict", "--", *names])
    if checked == 2:
        return 2
    return max(checked, authoring.main(["rules", "test", "--", *names]))


def _summary(env: Mapping[str, str], text: str) -> None:
    if env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(text)


def _finish(env: Mapping[str, str], code: int) -> int:
    if env.get("GITHUB_OUTPUT"):
        try:
            with open(env["GITHUB_OUTPUT"], "a", encoding="utf-8") as out:
                out.write(f"exit-code={code}\n")
        except OSError as exc:
            say(f"factcheck: error: cannot write the step's outputs to {env['GITHUB_OUTPUT']}: {exc.strerror or exc}",
                sys.stderr)
            return 2
    return code


if __name__ == "__main__":
    raise SystemExit(run())
