"""``--diff-base REF``: which lines of which files changed since REF, from git itself.

Whole documents are still checked (a sum or a swapped figure needs the whole draft); only the
findings whose span touches an added or changed line are reported. Renames are followed, a
file git has never seen counts as all new, and binary files are skipped.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import regex

_HUNK = regex.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", regex.MULTILINE)


class DiffError(Exception):
    pass


@dataclass
class Changes:
    top: Path
    lines: dict[str, set[int]] = field(default_factory=dict)  # repo-relative path -> changed lines
    untracked: set[str] = field(default_factory=set)
    binary: set[str] = field(default_factory=set)

    def key(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.top).as_posix()
        except ValueError:
            return path.as_posix()

    def touched(self, path: Path, first: int, last: int) -> bool:
        key = self.key(path)
        if key in self.untracked:
            return True
        changed = self.lines.get(key, set())
        return any(line in changed for line in range(first, last + 1))


def changes(base: str, cwd: Path) -> Changes:
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip()).resolve()
    _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd, f"unknown git revision {base!r}")
    found = Changes(top)
    diff = _git(["-c", "core.quotepath=false", "diff", "--no-color", "--no-ext-diff", "--unified=0", "-M", base, "--", "."], top)
    path = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:].removesuffix("\t")  # git ends a name that has spaces with a tab
            path = None if target == "/dev/null" else target.removeprefix("b/")
            if path is not None:
                found.lines.setdefault(path, set())
        elif line.startswith("Binary files ") and " and b/" in line:
            found.binary.add(line.rsplit(" and b/", 1)[1].removesuffix(" differ"))
        elif path is not None and line.startswith("@@"):
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or "1")
                found.lines[path].update(range(start, start + count))
    others = _git(["-c", "core.quotepath=false", "ls-files", "--others", "--exclude-standard", "-z"], top)
    found.untracked = {p for p in others.split("\0") if p}
    return found


def _git(args: list[str], cwd: Path, failure: str | None = None) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        message = failure or (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise DiffError(message)
    return proc.stdout
