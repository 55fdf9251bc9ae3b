"""Many drafts checked in order, by several processes when there are enough of them.

Each draft is read, checked and reported back as a :class:`Checked` (its result, or the one
line that says why it could not be read). With ``jobs`` above one, drafts go to a pool of
worker processes in chunks and come back in the order they were given, so the findings and
their order do not depend on the number of jobs. Only results travel back (a draft's text only
when it has findings, for ``--show-source`` and ``--fix``), so memory does not grow with the
number of files. A progress line is written to stderr for runs that take more than a couple
of seconds, when stderr is a terminal and the caller allows it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NamedTuple, TextIO

from checker import files

if TYPE_CHECKING:
    from checker.compiled import CompiledPack
    from checker.engine import Engine, Result

DRAFT_LIMIT = 25 * files.MB  # some 25 novels; a 10 MB page of dense claims peaks near 400 MB
_PARALLEL_FROM = 8  # drafts per job below which starting workers costs more than it saves
_PROGRESS_AFTER = 2.0  # seconds before a progress line appears


class Checked(NamedTuple):
    display: str  # the path as the user will see it
    path: Path
    result: Result | None  # None: not checked (see error)
    error: str | None = None  # why the draft could not be read, as a line for stderr
    note: str | None = None  # why it was skipped (a binary file): said on stderr, not an error
    data: bytes | None = None  # the file's bytes and text, kept when it has findings
    text: str | None = None


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def encoding(data: bytes) -> tuple[bytes, str]:
    """The file's byte-order mark and encoding: UTF-8, or UTF-16 when its mark says so."""
    return next(((bom, name) for bom, name in _BOMS if data.startswith(bom)), (b"", "utf-8"))


def read_draft(path: Path) -> tuple[bytes, str]:
    """The file's bytes, and its text without its byte-order mark.

    Raises ``OSError``, ``UnicodeDecodeError``, or :class:`checker.files.Refused` for what is
    not a regular file or is larger than :data:`DRAFT_LIMIT`.
    """
    data = files.read(path, DRAFT_LIMIT)
    bom, name = encoding(data)
    try:
        return data, data[len(bom) :].decode(name)
    except UnicodeDecodeError as exc:  # its place in the file as stored, byte-order mark included
        raise UnicodeDecodeError(exc.encoding, data, exc.start + len(bom), exc.end + len(bom), exc.reason) from None


def unreadable(display: str, exc: OSError | UnicodeDecodeError | files.Refused) -> str:
    """The line for stderr that says why :func:`read_draft` could not read a draft."""
    if isinstance(exc, UnicodeDecodeError):
        from checker.document import lines

        bom, name = encoding(exc.object)
        line = len(lines(exc.object[len(bom) : exc.start].decode(name)))  # what precedes the byte is valid
        return f"{display}:{line}: cannot read: not valid {'UTF-8' if name == 'utf-8' else 'UTF-16'} (byte {exc.start})"
    return f"{display}: cannot read: {getattr(exc, 'strerror', None) or exc}"


def internal_error(exc: Exception, display: str | None = None) -> str:
    """The line for stderr that says an unexpected error (a bug) stopped the work, on ``display`` if known."""
    where = f" while checking {display}" if display is not None else ""
    return f"factcheck: error: internal error{where}: {type(exc).__name__}" + (f": {exc}" if str(exc) else "")


def check(engine: Engine, display: str, path: Path) -> Checked:
    """One draft: read, checked, and kept whole only when something was found in it.

    An unexpected error (a bug) on this draft is said for it in one line, as an error, and the
    other drafts are still checked.
    """
    try:
        return _check(engine, display, path)
    except Exception as exc:
        return Checked(display, path, None, internal_error(exc, display))


def _check(engine: Engine, display: str, path: Path) -> Checked:
    from checker.document import FORMATS, read

    if not path.exists():
        if path.is_symlink():
            return Checked(display, path, None, note=f"{display}: skipped: a link to nothing (broken, or a loop of links)")
        return Checked(display, path, None, f"factcheck: error: no such file or folder: {path}")
    try:
        data, text = read_draft(path)
        if "\x00" in text:
            return Checked(display, path, None, note=f"{display}: skipped: a binary file, not a draft")
    except files.Refused as exc:
        return Checked(display, path, None, note=f"{display}: skipped: {exc}")
    except UnicodeDecodeError as exc:
        if b"\x00" in exc.object:
            return Checked(display, path, None, note=f"{display}: skipped: a binary file, not a draft")
        return Checked(display, path, None, unreadable(display, exc))
    except OSError as exc:
        return Checked(display, path, None, unreadable(display, exc))
    skipped = engine.skipped(display, text)
    if skipped is not None:
        return Checked(display, path, skipped)
    result = engine.check(read(display, text, FORMATS.get(path.suffix.lower(), "text")))
    return Checked(display, path, result, data=data, text=text) if result.findings else Checked(display, path, result)


def check_all(
    packs: list[CompiledPack],
    drafts: list[tuple[str, Path]],
    jobs: int,
    options: dict[str, bool],
    progress: TextIO | None = None,
) -> Iterator[Checked]:
    """Every draft checked, in the order given; ``options`` are the Engine's keyword arguments."""
    from checker.engine import Engine

    meter = _Progress(progress, len(drafts))
    if jobs <= 1 or len(drafts) < _PARALLEL_FROM * jobs:
        engine = Engine(packs, **options)
        for display, path in drafts:
            yield check(engine, display, path)
            meter.step()
    else:
        import multiprocessing  # here: a single draft never forks, and the import is not free

        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        chunk = max(1, min(64, len(drafts) // (jobs * 8)))
        with context.Pool(jobs, initializer=_start_worker, initargs=(packs, options)) as pool:
            for checked in pool.imap(_check_in_worker, drafts, chunksize=chunk):
                yield checked
                meter.step()
    meter.done()


_engine: Engine | None = None  # a worker process's engine


def _start_worker(packs: list[CompiledPack], options: dict[str, bool]) -> None:
    global _engine
    from checker.engine import Engine

    _engine = Engine(packs, **options)


def _check_in_worker(draft: tuple[str, Path]) -> Checked:
    from checker import rx

    assert _engine is not None
    checked = check(_engine, *draft)
    rx.save()  # patterns only this worker compiled (a pack's), ready for the next run
    return checked


class _Progress:
    """``factcheck: 1234/22785 files (5%)`` on one line of a terminal, for long runs only."""

    def __init__(self, out: TextIO | None, total: int) -> None:
        self.out = out if out is not None and out.isatty() else None
        self.total = total
        self.count = 0
        self.started = time.monotonic()
        self.shown = 0.0  # when the line was last written; 0: never

    def step(self) -> None:
        self.count += 1
        if self.out is None:
            return
        now = time.monotonic()
        if now - self.started >= _PROGRESS_AFTER and now - self.shown >= 0.1:
            percent = 100 * self.count // max(1, self.total)
            self.out.write(f"\rfactcheck: {self.count}/{self.total} files ({percent}%)")
            self.out.flush()
            self.shown = now

    def done(self) -> None:
        if self.out is not None and self.shown:
            self.out.write("\r\033[K")
            self.out.flush()


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
