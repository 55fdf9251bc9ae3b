"""Reading a file the user named, without being stalled or flooded by what is really there.

A path in a repository can be a link to a named pipe, a device or a file of any size. Opening
a pipe waits for a writer and reading ``/dev/zero`` never ends, so a file is opened without
waiting, checked to be a regular file, and refused when it is larger than the caller allows.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MB = 1024 * 1024
# Rule packs and configuration files: twenty times a generated pack of 1,000 facts. A larger
# one is refused before it is read, and yamlsafe bounds what a smaller one can expand into.
SETTINGS_LIMIT = 8 * MB
NOT_REGULAR = "not a regular file (a pipe, a device or a socket)"


class Refused(Exception):
    """A file that is not read: not a regular file, or too large. The message says which."""


def read(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`Refused` for anything else, and ``OSError`` when the file cannot be opened.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # what a socket (or a device with no driver) answers
            raise Refused(NOT_REGULAR) from None
        raise
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(NOT_REGULAR)
        data = b"" if info.st_size > limit else file.read(limit + 1)  # it may grow while read
    if info.st_size > limit or len(data) > limit:
        raise Refused(f"too large ({max(info.st_size, len(data)) / MB:.1f} MB; the limit is {limit / MB:.0f} MB)")
    return data
