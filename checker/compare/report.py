"""The agreement table, for a person at a terminal or as JSON (``--format json``).

Text: one block per claim two or more sources state (or that one source contradicts): the
kind, what it is about, the consensus, then each source's words with file:line:column, a
dissent marked ``✗`` (red when colour is on). The closing line gives the counts, and how
many claims only one source states (JSON lists those too).
"""

from __future__ import annotations

import json as json_module
from typing import Any, TextIO

from checker.compare.align import Entry, Row
from checker.compare.extract import Source
from checker.output import printable
from checker.report.text import paint


def _where(sources: list[Source], entry: Entry) -> tuple[str, int, int]:
    source = sources[entry.said.source]
    document = source.document
    line, column = document.position(document.original(entry.said.start, entry.said.end)[0])
    return source.path, line, column


def _shown(row: Row) -> bool:
    """Rows two or more sources state, and rows with a dissent; who did what only with a
    dissent (a story ties many phrases to its parties: JSON lists them all)."""
    return bool(row.dissent) or (row.sources >= 2 and row.kind != "action")


def text(sources: list[Source], rows: list[Row], out: TextIO, colour: bool) -> None:
    shown = [r for r in rows if _shown(r)]
    for row in shown:
        out.write(f"{paint(row.kind, 'fact', colour)}  {printable(row.about)}: {printable(row.consensus)}\n")
        for entry in row.support:
            path, line, column = _where(sources, entry)
            copied = f"  (copies {sources[entry.copy_of].path})" if entry.copy_of is not None else ""
            out.write(f"    {paint(f'{path}:{line}:{column}', 'path', colour)}  \"{printable(entry.text)}\"{copied}\n")
        for entry in row.dissent:
            path, line, column = _where(sources, entry)
            mark = paint("✗ dissent", "error", colour)
            out.write(
                f"  {mark} {paint(f'{path}:{line}:{column}', 'path', colour)}  \"{printable(entry.text)}\": "
                f"{printable(entry.why or '')}\n"
            )
        out.write("\n")
    dissents = sum(len({(e.said.source, e.said.start) for e in r.dissent}) for r in rows)
    dissenting = len({sources[e.said.source].path for r in rows for e in r.dissent})
    single = len(rows) - len(shown)
    copies = len({sources[e.said.source].path for r in rows for e in r.support if e.copy_of is not None})
    out.write(
        f"{len(sources)} sources, {len(shown)} claim{'s' if len(shown) != 1 else ''} stated by two or more, "
        f"{dissents} dissenting statement{'s' if dissents != 1 else ''} in {dissenting} source{'s' if dissenting != 1 else ''}"
        + (f", {copies} source{'s' if copies != 1 else ''} copying another" if copies else "")
        + f"; {single} claim{'s' if single != 1 else ''} stated by one source only (--format json lists them).\n"
    )


def json(sources: list[Source], rows: list[Row], out: TextIO) -> None:
    def entry(e: Entry, dissent: bool) -> dict[str, Any]:
        path, line, column = _where(sources, e)
        item: dict[str, Any] = {"path": path, "line": line, "column": column, "text": e.text}
        if e.copy_of is not None:
            item["copy_of"] = sources[e.copy_of].path
        if dissent:
            item["why"] = e.why
        return item

    report = {
        "version": 1,
        "sources": [
            {"path": s.path, "title": _meta(s, "title"), "url": _meta(s, "url") or _meta(s, "canonical_url"),
             "date": s.document.date.isoformat() if s.document.date else None}
            for s in sources
        ],
        "claims": [
            {"kind": r.kind, "about": r.about, "consensus": r.consensus, "sources": r.sources,
             "support": [entry(e, False) for e in r.support], "dissent": [entry(e, True) for e in r.dissent]}
            for r in rows
        ],
    }
    out.write(json_module.dumps(report, indent=2, ensure_ascii=False) + "\n")


def _meta(source: Source, key: str) -> str | None:
    value = source.document.meta.get(key)
    return str(value) if value not in (None, "") else None
