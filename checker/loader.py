"""The packs a run checks with: read, then taken from the cache or validated and compiled.

A check never needs the schema of an unchanged pack: its compiled form, and whether its own
examples passed, come from :mod:`checker.cache` under a key made of the packs' bytes. Only a
new or edited pack is validated (:mod:`checker.pack`) and has its examples run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from checker import cache, files
from checker.compiled import CompiledPack

PACK_SUFFIXES = (".yaml", ".yml")


class PackError(Exception):
    """One or more problems in rule packs, each already formatted as file:line:col: message."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Loaded(NamedTuple):
    packs: list[CompiledPack]
    failures: tuple[str, ...] | None = None  # the packs' failing examples; None: not run (or not asked for)


def pack_files(paths: list[Path], problems: list[str]) -> list[Path]:
    """The pack files named by ``paths``: files as given, folders searched recursively.

    A folder that cannot be read is added to ``problems``: its packs would be missing silently.
    """

    def cannot_read(exc: OSError) -> None:
        problems.append(f"{exc.filename}: cannot read rules folder: {exc.strerror or exc}")

    named: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [Path(root, name) for root, _, names in os.walk(path, onerror=cannot_read) for name in names]
            named.extend(sorted(p for p in found if p.suffix in PACK_SUFFIXES and p.is_file()))
        else:
            named.append(path)
    return named


def read(paths: list[Path]) -> list[tuple[Path, bytes]]:
    """Every pack file under ``paths`` with its bytes; PackError names each one unreadable."""
    found: list[tuple[Path, bytes]] = []
    problems: list[str] = []
    for path in pack_files(paths, problems):
        try:
            found.append((path, files.read(path, files.SETTINGS_LIMIT)))
        except files.Refused as exc:
            problems.append(f"{path}: not read as a rule pack: {exc}")
        except OSError as exc:
            problems.append(f"{path}: cannot read rule pack: {exc.strerror or exc}")
    if not found and not problems:  # a check against no facts would pass every draft
        problems.append(f"{', '.join(map(str, paths))}: no rule packs here (.yaml or .yml files)")
    if problems:
        raise PackError(problems)
    return found


def load(paths: list[Path], examples: bool = True) -> Loaded:
    """The compiled packs under ``paths``, and (with ``examples``) which of their examples fail."""
    found = read(paths)
    name = cache.key("packs", [(str(path), data) for path, data in found])
    loaded = cache.read(name)
    fresh = not isinstance(loaded, Loaded)
    if fresh:
        from checker import pack

        loaded = Loaded(pack.load(found))
    if examples and loaded.failures is None:
        from checker.examples import failures

        loaded = loaded._replace(failures=tuple(failures(loaded.packs)[1]))
        fresh = True
    if fresh:
        cache.write(name, loaded)
    return loaded if examples else loaded._replace(failures=None)
