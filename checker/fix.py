"""``--fix`` and ``--diff``: apply the findings that have one right replacement.

Only suggestions are applied (a misspelt name's canonical spelling); nothing that needs an
editor's judgement is ever changed. A file is written through a temporary file in the same
folder and an atomic rename, keeping its permissions and its line endings, and only if it
still holds exactly the text that was checked.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from pathlib import Path

from checker import rx
from checker.batch import encoding
from checker.findings import Located
from checker.output import printable

_LINE = rx.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # only CR, LF and CRLF end a line


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


def write(path: Path, checked: bytes, text: str) -> None:
    """Replace the file's content with ``text`` (in its encoding), atomically, if it is still ``checked``."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode) or info.st_nlink > 1:
        raise FixError("is a symbolic or hard link; not fixed (fix the file it points to)")
    if path.read_bytes() != checked:
        raise FixError("changed since it was checked; not fixed")
    mode = stat.S_IMODE(path.stat().st_mode)
    bom, name = encoding(checked)
    data = bom + text.encode(name)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".factcheck")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
