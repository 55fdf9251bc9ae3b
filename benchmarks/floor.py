"""The floor: the least any checker of these drafts must do, run as its own process.

It reads every draft under a folder (the files factcheck would check: ``.md``, ``.markdown``,
``.html``, ``.htm`` and ``.txt``, hidden files and folders skipped) and runs one compiled
``regex`` alternation of a pack's trigger words over each file's text, counting the matches.
No parsing, no sentences, no facts: a checker cannot be faster than finding its words.

    python benchmarks/floor.py WORDS.json FOLDER

WORDS.json is a JSON list of words (``run.py`` extracts them from the pack). Prints a JSON
object with the number of files, their bytes and the matches.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import regex

DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".html", ".htm", ".txt"})


def draft_files(folder: Path) -> list[Path]:
    """The drafts under ``folder`` that factcheck would check, sorted."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, name) for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in DRAFT_SUFFIXES
        )
    return sorted(found)


def trigger_pattern(words: Iterable[str]) -> regex.Pattern[str]:
    """One alternation of the words, longest first, starting at a word boundary."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in ordered) + ")")


def scan(pattern: regex.Pattern[str], files: list[Path]) -> dict[str, int]:
    """Read every file and count the pattern's matches in it."""
    matches = size = 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        matches += sum(1 for _ in pattern.finditer(data.decode("utf-8", errors="replace")))
    return {"files": len(files), "bytes": size, "matches": matches}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: floor.py WORDS.json FOLDER", file=sys.stderr)
        return 2
    words = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    print(json.dumps(scan(trigger_pattern(words), draft_files(Path(argv[1])))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
