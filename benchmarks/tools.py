"""The commands measured: factcheck, the floor, and the peers (codespell, proselint, textlint).

Each peer is found the way its user runs it (a console script next to this Python or on
PATH; textlint through ``npx --no-install`` from ``benchmarks/node_modules``). A peer that is
not there is reported with its install command, and the benchmark goes on without it. Peers
exit non-zero when they find something; only their crash codes count as failure:

- factcheck: 0 nothing found, 1 findings, 2 usage or pack error.
- codespell: 0 nothing found, 65 misspellings (EX_DATAERR); 64 usage, 78 configuration.
- proselint: 0 nothing found, 1 findings; 2 arguments, 3 interrupted, 4 error.
- textlint: 0 nothing found, 1 findings, 2 fatal error. An error reading a file ("Unexpected
  error during file processing", e.g. EMFILE when it opens a whole archive at once) also
  exits 1 but prints no results, so exit 1 counts only with results on stdout.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from measure import Outcome, Verdict, exit_codes, last_line

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"


@dataclass(frozen=True)
class Peer:
    """A peer tool: its command prefix (None when not installed) and how to install it."""

    name: str
    title: str  # the command as a user types it, for the tables
    command: list[str] | None
    install: str
    verdict: Verdict
    cwd: Path | None = None  # where it must run (textlint: beside its node_modules)


def script(name: str) -> str | None:
    """A console script next to this Python (its own environment), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def factcheck_command() -> tuple[list[str], bool]:
    """The factcheck script installed next to this Python, else the module; and whether it
    is the module (which then needs the repository on PYTHONPATH)."""
    beside = Path(sys.executable).parent / "factcheck"
    return ([str(beside)], False) if beside.is_file() else ([sys.executable, "-m", "checker"], True)


def supported_flags(factcheck: list[str], env: dict[str, str], flags: Iterable[str]) -> dict[str, bool]:
    """Which of ``flags`` ``factcheck --help`` mentions (options being added as we go)."""
    proc = subprocess.run([*factcheck, "--help"], capture_output=True, text=True, env=env, check=False)
    return {flag: flag in proc.stdout for flag in flags}


def factcheck_report(outcome: Outcome) -> str | None:
    """0 and 1 (findings) are success, and the JSON report must be there."""
    error = exit_codes(0, 1)(outcome)
    if error is None:
        try:
            json.loads(outcome.stdout)["files_checked"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            return f"no JSON report ({exc!r}): {last_line(outcome.stderr)}"
    return error


def _textlint_verdict(outcome: Outcome) -> str | None:
    if outcome.exit_code == 0 or (outcome.exit_code == 1 and outcome.stdout.strip()):
        return None
    return f"crashed, exit {outcome.exit_code}: {_first_error(outcome.stderr)}"


def _first_error(stderr: str) -> str:
    for line in stderr.splitlines():
        if "Error" in line:
            return line.strip()[:200]
    return last_line(stderr)


def peers(textlint_config: Path) -> list[Peer]:
    """codespell, proselint and textlint, as installed here (or not)."""
    codespell, proselint = script("codespell"), script("proselint")
    npx = shutil.which("npx")
    textlint_ready = npx is not None and (NODE_MODULES / ".bin" / "textlint").exists()
    return [
        Peer("codespell", "codespell", [codespell] if codespell else None, "pip install codespell", exit_codes(0, 65)),
        Peer("proselint", "proselint check", [proselint, "check"] if proselint else None, "pip install proselint",
             exit_codes(0, 1)),
        Peer(
            "textlint",
            "npx --no-install textlint (rule prh)",
            [str(npx), "--no-install", "textlint", "--config", str(textlint_config)] if textlint_ready else None,
            "npm ci --prefix benchmarks",
            _textlint_verdict,
            cwd=HERE,
        ),
    ]


def version(command: list[str], cwd: Path | None = None) -> str | None:
    """The first line a ``--version``-like command prints, or None if it fails."""
    try:
        proc = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = [line.strip() for line in (proc.stdout + "\n" + proc.stderr).splitlines()
             if line.strip() and "npm warn" not in line]
    return lines[0] if proc.returncode == 0 and lines else None


def version_command(peer: Peer) -> list[str] | None:
    if peer.command is None:
        return None
    if peer.name == "proselint":
        return [peer.command[0], "version"]
    if peer.name == "textlint":
        return [*peer.command[:3], "--version"]
    return [*peer.command, "--version"]


def load_packs(path: Path) -> list[dict[str, Any]]:
    """The YAML packs at ``path`` (a file or a folder of ``*.yaml``/``*.yml``), as data."""
    files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")]) if path.is_dir() else [path]
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]


def trigger_words(packs: list[dict[str, Any]]) -> list[str]:
    """What the floor looks for: entity names and aliases, misspellings, measure nouns."""
    words: set[str] = set()
    for pack in packs:
        for entity in pack.get("entities", []):
            words.update([entity["name"], *entity.get("aliases", [])])
        for measure in pack.get("measures", []):
            words.update(measure["nouns"])
        for fact in pack.get("facts", []):
            if fact.get("kind") == "spelling":
                words.update(fact["wrong"])
    return sorted(words)


def _whole_word(word: str) -> str:
    """A prh regular-expression pattern for ``word`` as a whole word. (prh's own
    ``wordBoundary`` option escapes "-" as "\\-", which JavaScript's Unicode mode rejects.)"""
    return "/\\b" + re.sub(r"[.*+?^${}()|[\]\\/]", r"\\\g<0>", word) + "\\b/"


def write_textlint_config(packs: list[dict[str, Any]], folder: Path) -> Path:
    """A prh dictionary equivalent to the packs' spelling facts (whole words, case-sensitive:
    ``expected: DeepSeek``, ``patterns: [Deepseek, ...]``) and a textlint config using it.
    prh has no counterpart of a fact's ``unless`` context."""
    names = {e["id"]: e["name"] for pack in packs for e in pack.get("entities", [])}
    rules = [
        {"expected": names[fact["entity"]], "patterns": [_whole_word(w) for w in fact["wrong"]]}
        for pack in packs for fact in pack.get("facts", []) if fact.get("kind") == "spelling"
    ]
    prh = folder / "prh.yml"
    prh.write_text(yaml.safe_dump({"version": 1, "rules": rules}, sort_keys=False), encoding="utf-8")
    config = folder / "textlintrc.json"
    config.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(prh)]}}}), encoding="utf-8")
    return config
