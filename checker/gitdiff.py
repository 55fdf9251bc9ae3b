"""``--diff-base REF``: which lines of which files changed since REF, from git itself.

Whole documents are still checked (a sum or a swapped figure needs the whole draft); only the
findings whose span touches an added or changed line are reported. Renames are followed, a
file git does not track (new, ignored, outside the repository) counts as all new, and binary
files are skipped.
"""

from __future__ import annotations

import codecs
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from checker import rx

_HUNK = rx.compile(r"^@@ -\d+(?:,(?P<old>\d+))? \+(?P<start>\d+)(?:,(?P<new>\d+))? @@")


class DiffError(Exception):
    pass


@dataclass
class Changes:
    top: Path
    lines: dict[str, set[int]] = field(default_factory=dict)  # repo-relative path -> changed lines
    tracked: set[str] = field(default_factory=set)
    binary: set[str] = field(default_factory=set)

    def key(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.top).as_posix()
        except ValueError:
            return path.as_posix()

    def touched(self, path: Path, first: int, last: int) -> bool:
        """Whether a span touches a changed line; everything in a file git does not track
        (new, ignored, outside the repository) is new."""
        key = self.key(path)
        if key not in self.tracked:
            return True
        changed = self.lines.get(key, set())
        return any(line in changed for line in range(first, last + 1))


def changes(base: str, cwd: Path) -> Changes:
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip()).resolve()
    commit = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}"], cwd,
        f"unknown git revision {base!r}",
    ).strip()
    found = Changes(top)
    diff = _git(
        ["-c", "core.quotepath=false", "diff", "--no-color", "--no-ext-diff", "--unified=0", "-M",
         "--src-prefix=a/", "--dst-prefix=b/", commit, "--", "."],
        top,
    )
    _parse(diff, found)
    tracked = _git(["-c", "core.quotepath=false", "ls-files", "-z"], top)
    found.tracked = {p for p in tracked.split("\0") if p} | set(found.lines)
    return found


def _parse(diff: str, found: Changes) -> None:
    """Added lines per file from a unified diff with zero context.

    Lines are split on newlines only, headers are read only where headers are, and each
    hunk's lines are counted off, so no text inside a file can pass for a header.
    """
    lines = diff.split("\n")
    i = 0
    path: str | None = None
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith("diff --git "):
            path = None
            while i < len(lines) and not lines[i].startswith(("@@", "diff --git ")):
                header = lines[i]
                i += 1
                if header.startswith("+++ "):
                    target = _unquote(header[4:].removesuffix("\t"))
                    path = None if target == "/dev/null" else target.removeprefix("b/")
                    if path is not None:
                        found.lines.setdefault(path, set())
                elif header.startswith("Binary files ") and header.endswith(" differ"):
                    name = _unquote(header[len("Binary files ") : -len(" differ")].rsplit(" and ", 1)[-1])
                    found.binary.add(name.removeprefix("b/"))
        elif line.startswith("@@") and path is not None:
            m = _HUNK.match(line)
            if not m:
                continue
            old = int(m.group("old") or "1")
            start, new = int(m.group("start")), int(m.group("new") or "1")
            found.lines[path].update(range(start, start + new))
            i += old + new  # the hunk's own lines, whatever they say
            while i < len(lines) and lines[i].startswith("\\"):  # "\ No newline at end of file"
                i += 1


def _unquote(name: str) -> str:
    """A path as git quotes unusual ones: "b/caf\\303\\251 \\"x\\".md"."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("latin-1", "backslashreplace")
    return codecs.escape_decode(raw)[0].decode("utf-8", "surrogateescape")


def _git(args: list[str], cwd: Path, failure: str | None = None) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        message = failure or (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise DiffError(message)
    return proc.stdout
