"""Every line factcheck prints: text from files, made printable.

File names, the keys of packs and settings, and the words of drafts are the only text that
factcheck prints without having written it. A line of output must never carry anything from
them that could end the line (a file named ``x\\n::error::forged.md`` would start a workflow
command of its own), drive a terminal (an escape sequence), or reorder what is shown (a
bidirectional override). So every line made from such text goes through :func:`printable`:
each character that is not printable (control and format characters, line and paragraph
separators, private-use and unassigned code points) is shown as a backslash escape, the way
Python writes it: ``\\n``, ``\\x1b``, ``\\u202e``. Tabs and spaces stay as they are.

A file name that is not valid UTF-8 reaches Python with each stray byte as a lone surrogate
(the ``surrogateescape`` convention); such a byte is shown as ``\\xNN``, so ``caf\\xe9.md`` is
the file whose name is the bytes ``c a f 0xE9 . m d``. A backslash in a name is shown as it is.

Colour (see :func:`colour`) is added by the text format around text already made printable,
so its escape sequences are always factcheck's own.
"""

from __future__ import annotations

import sys
from typing import Callable, Iterable, Mapping, TextIO

_NAMED = {"\n": "\\n", "\r": "\\r"}


def backslashed(char: str) -> str:
    """One character that is not printable, as Python writes it in a string."""
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str, escape: Callable[[str], str] = backslashed) -> str:
    """``text`` with every character that is not printable (tabs excepted) replaced by ``escape`` of it."""
    if text.isprintable():  # most lines: no need to import regex, which would cost start-up time
        return text
    from checker import rx

    pattern = rx.compile(r"(?!\t)[\p{C}\p{Zl}\p{Zp}]")
    return pattern.sub(lambda m: escape(m.group()), text)


def say(line: str, out: TextIO | None = None) -> None:
    """Print one line made from file text, printable, on ``out`` (stdout by default)."""
    print(printable(line), file=out if out is not None else sys.stdout)


def did_you_mean(name: str, known: Iterable[str], what: str = "") -> str:
    """`` (did you mean '--rules'?)`` when one of ``known`` is close to ``name``, else nothing."""
    import difflib  # only on a usage error: a check that goes well never pays for it

    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {what}{close[0]!r}?)" if close else ""


def colour(choice: str, out: TextIO, environ: Mapping[str, str]) -> bool:
    """Whether text output to ``out`` is coloured, for ``--color`` ``always``, ``never`` or ``auto``.

    ``auto`` follows the environment: ``NO_COLOR`` set to anything but the empty string turns
    colour off; otherwise ``FORCE_COLOR`` set to anything but the empty string turns it on, even
    when ``out`` is not a terminal; otherwise colour is used on a terminal (not ``TERM=dumb``).
    """
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return out.isatty() and environ.get("TERM") != "dumb"
