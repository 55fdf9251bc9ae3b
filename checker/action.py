"""The GitHub Action's step: ``python -m checker.action``, configured by the environment.

The Action passes its inputs as environment variables (``INPUT_PATHS``, ``INPUT_RULES``,
``INPUT_CONFIG``, ``INPUT_FAIL_LEVEL``, ``INPUT_DIFF_BASE``, ``INPUT_SARIF_FILE``), never by interpolating them into
shell, and this script calls the checker in-process with an argument list: nothing from a
pull request (file names, draft text, branch names) is ever evaluated as a command.

On ``pull_request`` events it checks the drafts the pull request changed, reporting only
findings on changed lines (``--diff-base`` the base commit); elsewhere the given paths, or the
whole repository. Findings become annotations, the step summary gets a table per file, and
``exit-code`` is set as a step output, whatever happens (2 for an unexpected error).
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
    paths = env.get("INPUT_PATHS", "").split("\n")
    paths = [p.strip() for p in paths if p.strip()]
    if not paths and base:
        try:
            paths = _changed_drafts(base)
        except subprocess.CalledProcessError as exc:
            detail = os.fsdecode(exc.stderr).strip() or "unknown revision"
            say(
                f"factcheck: error: cannot list the files changed since {base!r}: {detail} "
                "(check out with fetch-depth: 0 so the base commit is present)",
                sys.stderr,
            )
            return 2
        if not paths:
            print("factcheck: no drafts changed in this pull request")
            _summary(env, "### factcheck: no drafts changed\n")
            return 0
    common = ["--fail-level", env.get("INPUT_FAIL_LEVEL", "").strip() or "error"]
    if base:
        common += ["--diff-base", base]
    for rules in env.get("INPUT_RULES", "").split("\n"):
        if rules.strip():
            common += ["--rules", rules.strip()]
    if env.get("INPUT_CONFIG", "").strip():
        common += ["--config", env["INPUT_CONFIG"].strip()]
    common += ["--", *(paths or ["."])]
    summary = ["--summary-file", env["GITHUB_STEP_SUMMARY"]] if env.get("GITHUB_STEP_SUMMARY") else []
    sys.stdout.flush()
    code = cli.main(["--format", "github", *summary, *common])
    sarif = env.get("INPUT_SARIF_FILE", "").strip()
    if sarif and code in (0, 1):  # the same check again, as SARIF for code scanning
        with open(sarif, "w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
            cli.main(["--format", "sarif", *common])
    return code


def _pull_request_base(env: Mapping[str, str]) -> str:
    if env.get("GITHUB_EVENT_NAME") not in PULL_REQUEST_EVENTS or not env.get("GITHUB_EVENT_PATH"):
        return ""
    try:
        event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
        return str(event["pull_request"]["base"]["sha"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _changed_drafts(base: str) -> list[str]:
    """Drafts added, changed or renamed since ``base``, as git lists them (deleted ones left out;
    a name that is not UTF-8 as Python keeps it: see :mod:`checker.output`)."""
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}"],
        capture_output=True, check=True,
    ).stdout.strip()
    listed = subprocess.run(
        ["git", "diff", "--name-only", "-z", "--diff-filter=d", "-M", commit, "--"], capture_output=True, check=True,
    ).stdout
    names = [os.fsdecode(p) for p in listed.split(b"\0") if p]
    return [p for p in names if p.lower().endswith(cli.DRAFT_SUFFIXES)]


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
