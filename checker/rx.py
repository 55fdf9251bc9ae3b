"""The ``regex`` module's functions, with compiled patterns kept between runs.

The ``regex`` module parses a pattern in Python, so compiling the checker's few hundred
patterns takes longer than checking a draft. A compiled pattern pickles together with its
compiled code, though: the patterns a run uses are kept in the cache (:mod:`checker.cache`,
under a key that changes with factcheck, Python and regex), and the next run loads them ready,
in a millisecond or two. Only the last run's patterns are kept, so the entry never grows
beyond what one run needs.

Every match made through these functions stops with ``TimeoutError`` after :data:`TIMEOUT`
seconds: a pattern that backtracks catastrophically on some draft cannot hang a CI job (see
:meth:`checker.engine.Engine.check`). The modules of the checker call these functions instead
of regex's; they take the same arguments and return the same objects. Every pattern a pack or a
configuration gives is matched through them (never through a compiled pattern's own methods,
which take no timeout unless told), and :func:`found` names the pattern's owner when it runs
out of time.
"""

from __future__ import annotations

from typing import Any, Iterator

import regex
from regex import DOTALL, IGNORECASE, MULTILINE, V1, VERBOSE, Match, Pattern, error, escape

from checker import cache

__all__ = [
    "DOTALL", "IGNORECASE", "MULTILINE", "VERBOSE", "V1", "Match", "Pattern", "error", "escape",
    "compile", "search", "match", "fullmatch", "finditer", "sub", "split", "save", "found", "TooSlow",
]

TIMEOUT = 1.0  # seconds one match may take
_store: dict[tuple[Any, int], Pattern] | None = None
_used: set[tuple[Any, int]] = set()
_added = False


def compile(pattern: Any, flags: int = 0) -> Pattern:  # noqa: A001 - regex's name, on purpose
    global _store, _added
    if _store is None:
        loaded = cache.read(_name())
        _store = loaded if isinstance(loaded, dict) else {}
    key = (pattern, flags)
    _used.add(key)
    compiled = _store.get(key)
    if compiled is None:
        compiled = _store[key] = regex.compile(pattern, flags)
        _added = True
    return compiled


def search(pattern: Any, string: str, flags: int = 0, pos: int | None = None, endpos: int | None = None) -> Match | None:
    return compile(pattern, flags).search(string, pos, endpos, timeout=TIMEOUT)


def match(pattern: Any, string: str, flags: int = 0, pos: int | None = None, endpos: int | None = None) -> Match | None:
    return compile(pattern, flags).match(string, pos, endpos, timeout=TIMEOUT)


def fullmatch(pattern: Any, string: str, flags: int = 0, pos: int | None = None, endpos: int | None = None) -> Match | None:
    return compile(pattern, flags).fullmatch(string, pos, endpos, timeout=TIMEOUT)


def finditer(pattern: Any, string: str, flags: int = 0, pos: int | None = None, endpos: int | None = None) -> Iterator[Match]:
    return compile(pattern, flags).finditer(string, pos, endpos, timeout=TIMEOUT)


def sub(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
    return compile(pattern, flags).sub(repl, string, count, timeout=TIMEOUT)


def split(pattern: Any, string: str, maxsplit: int = 0, flags: int = 0) -> list[str]:
    return compile(pattern, flags).split(string, maxsplit, timeout=TIMEOUT)


class TooSlow(TimeoutError):
    """A pack's or a configuration's pattern ran out of time; ``what`` says whose it is."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def found(pattern: str, string: str, what: str) -> bool:
    """Whether ``pattern`` matches in ``string``; out of time, :class:`TooSlow` names ``what``."""
    try:
        return search(pattern, string) is not None
    except TimeoutError:
        raise TooSlow(what) from None


def save() -> None:
    """Keep this run's patterns for the next run (nothing to do when none was new)."""
    global _added
    if _added and _store is not None:
        cache.write(_name(), {key: _store[key] for key in _used})
        _added = False


def _name() -> str:
    return cache.key("patterns", [("regex", regex.__version__.encode())])
