"""``--fix`` and ``--diff``: apply the findings that have one right replacement.

Only suggestions are applied (a misspelt name's canonical spelling); nothing that needs an
editor's judgement is ever changed. A file is written through a temporary file in the same
folder and an atomic rename, keeping its owner, group, permissions and line endings, and only if
it still holds exactly the text that was checked. Some files are not written, each with a reason:
a link, a file with other names (a hard link), or a file whose path passes through a link to a
folder, since the change would land outside the folder named; and a file whose owner and group
this user cannot give the new file (another user's file), since it would change hands.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from pathlib import Path

from checker.batch import encoding
from checker.findings import Located


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
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{display}", f"b/{display}"
        )
    )


def write(path: Path, checked: bytes, text: str) -> None:
    """Replace the file's content with ``text`` (in its encoding), atomically, if it is still ``checked``."""
    if any(folder.is_symlink() for folder in (path.parent, *path.parent.parents)):
        raise FixError("is reached through a link to a folder; not fixed (name it by its real path)")
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode) or info.st_nlink > 1:
        raise FixError("is a symbolic or hard link; not fixed (fix the file it points to)")
    bom, name = encoding(checked)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".factcheck")
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
        if os.path.exists(temp):
            os.unlink(temp)
        raise
