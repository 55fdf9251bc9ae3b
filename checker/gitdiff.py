"""``--diff-base REF``: which lines of which files changed since REF, from git itself.

Whole documents are still checked (a sum or a swapped figure needs the whole draft); only the
findings whose span touches an added or changed line are reported. Renames are followed, a
file git does not track (new, ignored, outside the repository) counts as all new, and binary
files are skipped. git counts only LF as a line end; in a draft whose lines end in a lone CR,
a change marks every line between the two LFs around it (in a draft with no LF at all, the
whole draft), as git sees them.
"""

from __future__ import annotations

import codecs
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from checker import rx
from checker.document import line_starts

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

    def new_lines(self, path: Path, text: str) -> set[int] | None:
        """The lines of ``text``, the file as it is now, added or changed since the base, numbered
        as findings number them; None when all of it is new (git does not track the file).

        git ends a line at LF only, findings also at a lone CR: each of git's changed lines
        stands for every line of ours within it.
        """
        key = self.key(path)
        if key not in self.tracked:
            return None
        changed = self.lines.get(key, set())
        ours: set[int] = set()
        git_line = 0
        for number, start in enumerate(line_starts(text), 1):
            if start == 0 or text[start - 1] == "\n":  # after LF or CRLF, git's next line starts too
                git_line += 1
            if git_line in changed:
                ours.add(number)
        return ours


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
