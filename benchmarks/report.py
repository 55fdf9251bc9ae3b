"""The benchmark's results: rows, ratios against targets, and the plain-text tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from measure import Measurement

MB = 1_000_000  # bytes; peak memory is reported in the same unit


@dataclass
class Row:
    """One command of the benchmark and what became of it."""

    name: str
    label: str  # the command as the table shows it
    files: int
    size: int  # bytes of the drafts it read
    measurement: Measurement | None = None  # None: not installed, or not run
    install: str | None = None  # set when not installed
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.measurement is None:
            return "not installed"
        return "failed" if self.measurement.error else "ok"

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def wall_s(self) -> float:
        assert self.measurement is not None
        return self.measurement.wall_s

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "name": self.name, "label": self.label, "status": self.status, "files": self.files,
            "bytes": self.size, "note": self.note or None, "install": self.install, **self.extra,
        }
        if self.measurement is not None:
            result.update(self.measurement.to_json())
        if self.ok:
            result["files_per_s"] = self.files / self.wall_s
            result["mb_per_s"] = self.size / MB / self.wall_s
        return result


@dataclass(frozen=True)
class Target:
    """A ratio of two rows' times per byte read, and the most it may be. Per byte, so that a
    peer run on a sample of the corpus compares by throughput; rows that read the same files
    compare by wall time."""

    name: str
    numerator: str  # row names
    denominator: str
    limit: float

    def ratio(self, rows: dict[str, Row]) -> float | None:
        top, bottom = rows.get(self.numerator), rows.get(self.denominator)
        if top is None or bottom is None or not (top.ok and bottom.ok and top.size and bottom.size):
            return None
        return (top.wall_s / top.size) / (bottom.wall_s / bottom.size)

    def to_json(self, rows: dict[str, Row]) -> dict[str, Any]:
        ratio = self.ratio(rows)
        return {
            "name": self.name, "numerator": self.numerator, "denominator": self.denominator,
            "limit": self.limit, "ratio": ratio, "pass": None if ratio is None else ratio <= self.limit,
        }


def _table(header: list[str], lines: list[list[str]], right: set[int]) -> str:
    widths = [max(len(r[i]) for r in [header, *lines]) for i in range(len(header))]

    def fmt(cells: list[str]) -> str:
        padded = (c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "  ".join(padded).rstrip()

    return "\n".join([fmt(header), fmt(["-" * w for w in widths]), *map(fmt, lines)])


def _problem(row: Row) -> str:
    if row.measurement is None:
        return f"not installed ({row.install})"
    return f"failed: {row.measurement.error}"


def _multiple(row: Row) -> str:
    if row.extra.get("multiple_of_bundled") is not None:
        return f"{row.extra['multiple_of_bundled']:.2f}x bundled"
    if row.extra.get("factcheck_multiple") is not None:
        return f"{row.extra['factcheck_multiple']:.2f}x"
    return ""


def corpus_table(rows: list[Row]) -> str:
    header = ["tool", "files", "MB", "wall s", "files/s", "MB/s", "peak MB", "factcheck is", "note"]
    lines = []
    for row in rows:
        if row.ok:
            assert row.measurement is not None
            cells = [f"{row.files:,}", f"{row.size / MB:.1f}", f"{row.wall_s:.2f}", f"{row.files / row.wall_s:,.0f}",
                     f"{row.size / MB / row.wall_s:.2f}", f"{row.measurement.peak_mb:.1f}"]
            note = row.note
        else:
            cells = ["-"] * 6
            note = "; ".join(filter(None, [_problem(row), row.note]))
        lines.append([row.name, *cells, _multiple(row), note])
    return _table(header, lines, right={1, 2, 3, 4, 5, 6, 7})


def single_table(rows: list[Row]) -> str:
    header = ["command", "wall s", "peak MB", "note"]
    lines = []
    for row in rows:
        if row.ok:
            assert row.measurement is not None
            lines.append([row.label, f"{row.wall_s:.3f}", f"{row.measurement.peak_mb:.1f}", row.note])
        else:
            lines.append([row.label, "-", "-", _problem(row)])
    return _table(header, lines, right={1, 2})


def ratio_table(targets: list[Target], rows: dict[str, Row], informative: list[tuple[str, str, str]]) -> str:
    """Targets with PASS/FAIL, then ratios shown for information (name, numerator, denominator)."""
    header = ["ratio", "measured", "target", "result"]
    lines = []
    for target in targets:
        ratio = target.ratio(rows)
        if ratio is None:
            measured, result = "n/a", "n/a"
        else:
            measured, result = f"{ratio:.2f}x", "PASS" if ratio <= target.limit else "FAIL"
        lines.append([target.name, measured, f"<= {target.limit:g}x", result])
    for name, top, bottom in informative:
        ratio = Target(name, top, bottom, 0).ratio(rows)
        lines.append([name, "n/a" if ratio is None else f"{ratio:.2f}x", "", ""])
    return _table(header, lines, right={1})
