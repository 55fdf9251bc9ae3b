"""``--fix`` and ``--diff``: apply the findings that have one right replacement.

Only suggestions are applied (a misspelt name's canonical spelling); nothing that needs an
editor's judgement is ever changed. A file is written through a temporary file in the same
folder and an atomic rename, keeping its owner, group, permissions and line endings, and only if
it still holds exactly the text that was checked. Some files are not written, each with a reason:
a link, a file with other names (a hard link), or a file whose path passes through a link to a
folder, since the change would land outside the folder named; and a file whose owner and group
this user cannot give the new file (another user's file), since it would change hands.

Temporary files are named ``.factcheck-XXXXXXXX.tmp`` (X a hexadecimal digit), whatever the
file's name. A run that is killed can leave one behind; the next run that writes in that folder
removes those older than its first write.
"""

from __future__ import annotations

import difflib
import os
import secrets
import stat
import time
from pathlib import Path

from checker import rx
from checker.batch import encoding
from checker.findings import Located
from checker.output import printable

_LINE = rx.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # only CR, LF and CRLF end a line

_TEMPORARY = r"\.factcheck-[0-9a-f]{8}\.tmp"


class FixError(Exception):
    pass


def fixed(text: str, findings: list[Located]) -> str:
    """``text`` with every suggestion applied (overlapping ones after the first are skipped)."""
    pieces = []
    pos = 0
    for f in sorted((f for f in findings if f.finding.suggestion is not None), key=lambda f: f.offsets):
        start, end = f.offsets
        if start < pos:
            continue
        pieces += [text[pos:start], f.finding.suggestion or ""]
        pos = end
    return "".join(pieces) + text[pos:]


def diff(display: str, before: str, after: str) -> str:
    """The change as a unified diff to read: the name and every line printable, line ends kept."""
    lines = []
    for line in difflib.unified_diff(_lines(before), _lines(after), f"a/{display}", f"b/{display}"):
        body = line.rstrip("\r\n")
        lines.append(printable(body) + (line[len(body) :] or "\n\\ No newline at end of file\n"))
    return "".join(lines)


def _lines(text: str) -> list[str]:
    return [m.group() for m in _LINE.finditer(text)]


class Writer:
    """Writes fixed files, and clears what a killed run left in each folder before writing there."""

    def __init__(self) -> None:
        self.started = time.time()
        self.swept: set[Path] = set()

    def write(self, path: Path, checked: bytes, text: str) -> None:
        """Replace the file's content with ``text`` (in its encoding), atomically, if it is still ``checked``."""
        if any(folder.is_symlink() for folder in (path.parent, *path.parent.parents)):
            raise FixError("is reached through a link to a folder; not fixed (name it by its real path)")
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_nlink > 1:
            raise FixError("is a symbolic or hard link; not fixed (fix the file it points to)")
        bom, name = encoding(checked)
        self._sweep(path.parent)
        fd, temp = _temporary(path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(bom + text.encode(name))
                made = os.fstat(fd)
                if hasattr(os, "fchown") and (made.st_uid, made.st_gid) != (info.st_uid, info.st_gid):
                    try:
                        os.fchown(fd, info.st_uid, info.st_gid)
                    except PermissionError:
                        raise FixError("belongs to another user or group; not fixed (its owner could not be kept)") from None
            os.chmod(temp, stat.S_IMODE(info.st_mode))  # after the owner: changing it clears set-user-ID
            if path.read_bytes() != checked:  # as late as can be: an editor may have saved meanwhile
                raise FixError("changed since it was checked; not fixed")
            os.replace(temp, path)
        except BaseException:
            if os.path.lexists(temp):
                os.unlink(temp)
            raise

    def _sweep(self, folder: Path) -> None:
        """Remove the temporary files a killed run left in ``folder``: ours by name, older than this run."""
        if folder in self.swept:
            return
        self.swept.add(folder)
        try:
            entries = [e for e in os.scandir(folder) if rx.fullmatch(_TEMPORARY, e.name)]
        except OSError:
            return
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < self.started:
                    os.unlink(entry.path)
            except OSError:  # gone already, or not ours to remove: it only takes room
                continue


def _temporary(folder: Path) -> tuple[int, Path]:
    """A new file of ours in ``folder``, open for writing, and its path; only this user can read it."""
    while True:
        temp = folder / f".factcheck-{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), temp
        except FileExistsError:
            continue
