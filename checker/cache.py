"""Validated packs and settings kept between runs, so unchanged files are not validated again.

Validating a pack (pydantic, the schema, the pack's own examples) costs more than checking a
draft. Its result is kept in the user cache directory (``$XDG_CACHE_HOME/factcheck``, else
``~/.cache/factcheck``; ``~/Library/Caches/factcheck`` on macOS; ``%LOCALAPPDATA%\\factcheck``
on Windows; ``$FACTCHECK_CACHE_DIR`` overrides them all), one file per key. The key is a
BLAKE2 hash of factcheck's version, Python's version, the size and modification time of factcheck's
own modules (so a changed checkout is a new version too) and the name and bytes of every file
read, so an edit, an upgrade or another pack makes a new entry and an old one is never read again;
each write removes the oldest entries of its kind beyond the newest few.

An entry is a header with a BLAKE2 hash of its payload, then the payload (a pickle). It is written
to a temporary file in the same folder and renamed into place, so a run racing another sees a
whole entry or none. An entry that does not verify, or cannot be read, is rebuilt, never
trusted; one the cache cannot write is skipped (the cache only saves time). Because a pickle
runs code when loaded, entries are read only from a folder and files that the user owns and
nobody else can write.
"""

from __future__ import annotations

import functools
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from checker import __version__

try:  # built into CPython; hashlib would first load OpenSSL, which takes longer than a short check
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python implementation
    from hashlib import blake2b

_MAGIC = b"factcheck-cache 2\n"
_KEEP = 8  # entries of one kind (packs, config, patterns) kept; older ones are removed
_enabled = True


def disable() -> None:
    """Neither read nor write entries for the rest of this process (``--no-cache``)."""
    global _enabled
    _enabled = False


def directory() -> Path:
    """Where entries live (not created until something is written)."""
    override = os.environ.get("FACTCHECK_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "factcheck"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "factcheck"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"


def key(kind: str, files: list[tuple[str, bytes]]) -> str:
    """The entry's name for ``files`` (name, bytes) read for ``kind`` by this factcheck."""
    digest = blake2b(f"{kind}\0{__version__}\0{sys.version}\0{_code()}\0".encode())
    for name, data in files:
        encoded = name.encode("utf-8", "surrogateescape")
        digest.update(b"%d\0%s\0" % (len(encoded), encoded))
        digest.update(b"%d\0" % len(data))
        digest.update(data)
    return f"{kind}-{digest.hexdigest()}"


@functools.cache
def _code() -> str:
    """The size and modification time of every module of factcheck, as one string."""
    package = Path(__file__).parent
    stamps = []
    for path in sorted(package.rglob("*.py")):
        info = path.stat()
        stamps.append(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return ";".join(stamps)


def read(name: str) -> Any | None:
    """The entry's value, or None when it is absent, corrupt or not safe to load."""
    if not _enabled:
        return None
    path = directory() / name
    try:
        if not (_trusted(path.parent) and _trusted(path)):
            return None
        data = path.read_bytes()
    except OSError:
        return None
    header, _, payload = data.partition(b"\n\n")
    if header + b"\n\n" != _header(payload):
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a payload that verifies but cannot be loaded (a renamed class): rebuild
        return None


def write(name: str, value: Any) -> None:
    """Store ``value`` under ``name``, atomically; silently skipped when that is not possible."""
    import tempfile

    if not _enabled:
        return
    folder = directory()
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):
            return
        fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_header(payload) + payload)
            os.replace(temp, folder / name)
        except BaseException:
            os.unlink(temp)
            raise
        _prune(folder, name.split("-", 1)[0] + "-")
    except (OSError, pickle.PicklingError):
        return


def _header(payload: bytes) -> bytes:
    """What precedes a payload in its entry: the format, and the payload's BLAKE2 hash."""
    return _MAGIC + blake2b(payload).hexdigest().encode() + b"\n\n"


def _prune(folder: Path, prefix: str) -> None:
    """Remove all but the newest entries whose names start with ``prefix``."""
    entries = []
    for entry in os.scandir(folder):
        if entry.name.startswith(prefix):
            try:
                entries.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
            except FileNotFoundError:  # removed by a run racing this one
                continue
    for _, path in sorted(entries, reverse=True)[_KEEP:]:
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue


def _trusted(path: Path) -> bool:
    """Owned by this user and writable by nobody else (where the system has owners)."""
    info = path.lstat()
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022
