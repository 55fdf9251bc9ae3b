"""Timing a command as a child process: wall time and peak memory, median of repeats.

Each run goes through ``launch.py``, a small process that starts the command, reaps it with
``os.wait4`` and reports the wall time (``time.perf_counter()`` around spawn and reaping, its
own start-up excluded) and ``ru_maxrss``: on Linux, in KiB, the peak resident set size of the
*largest single process* in the command's tree (the command and every descendant it waited
for), not the sum of processes that ran at the same time. So ``factcheck --jobs N`` reports its
biggest process, not the pool's total, and ``npx textlint`` the larger of npm and node.
``resource.getrusage(RUSAGE_CHILDREN)`` has the same max-not-sum semantics but accumulates over
every child a process has ever reaped, so in the harness its ``ru_maxrss`` could only grow from
one run to the next; ``wait4`` gives each run its own figure. (Why a launcher at all, and its
~8 MB floor: see ``launch.py``. macOS reports bytes; converted here.)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

_RSS_UNIT = 1024 if sys.platform == "darwin" else 1  # ru_maxrss bytes on macOS, KiB on Linux
LAUNCHER = Path(__file__).resolve().parent / "launch.py"


@dataclass(frozen=True)
class Sample:
    """One run of a command."""

    wall_s: float
    peak_rss_kib: int
    exit_code: int


@dataclass(frozen=True)
class Outcome:
    """What a run printed, for deciding whether it worked."""

    exit_code: int
    stdout: str
    stderr: str


# Whether a run worked, given what it printed; None if so, else why not.
Verdict = Callable[[Outcome], str | None]


@dataclass
class Measurement:
    """A command measured ``len(samples)`` times after one untimed warm-up."""

    command: list[str]
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None
    stdout: str = ""  # of the last run

    @property
    def wall_s(self) -> float:
        return statistics.median(s.wall_s for s in self.samples)

    @property
    def peak_mb(self) -> float:
        """Median peak RSS in MB (10^6 bytes)."""
        return statistics.median(s.peak_rss_kib for s in self.samples) * 1024 / 1_000_000

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"command": self.command, "samples": [asdict(s) for s in self.samples]}
        if self.error:
            result["error"] = self.error
        if self.samples:
            result.update(wall_s=self.wall_s, peak_mb=self.peak_mb)
        return result


def run_once(command: Sequence[str], cwd: Path, env: dict[str, str], scratch: Path) -> tuple[Sample, Outcome]:
    """Run ``command`` once through the launcher, its output going to files in ``scratch``
    (not pipes, so a chatty tool never waits on this process). Raises OSError when the
    command cannot be started."""
    out_path, err_path, result = scratch / "stdout", scratch / "stderr", scratch / "launch-result"
    result.unlink(missing_ok=True)
    with out_path.open("wb") as out, err_path.open("wb") as err:
        subprocess.run([sys.executable, "-I", "-S", str(LAUNCHER), str(result), *command],
                       cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err, check=False)
    if not result.exists():
        raise OSError(last_line(_text(err_path)))
    wall, rss, code = result.read_text(encoding="ascii").split()
    sample = Sample(float(wall), int(rss) // _RSS_UNIT, int(code))
    return sample, Outcome(sample.exit_code, _text(out_path), _text(err_path))


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def measure(
    command: Sequence[str], *, repeat: int, verdict: Verdict, cwd: Path, env: dict[str, str], scratch: Path
) -> Measurement:
    """One untimed warm-up, then ``repeat`` timed runs; stop at the first run that fails."""
    result = Measurement(list(command))
    for attempt in range(repeat + 1):
        try:
            sample, outcome = run_once(command, cwd, env, scratch)
        except OSError as exc:
            result.error = f"cannot run: {exc}"
            return result
        result.error = verdict(outcome)
        if result.error:
            result.samples.clear()
            return result
        if attempt:
            result.samples.append(sample)
        result.stdout = outcome.stdout
    return result


def exit_codes(*ok: int) -> Verdict:
    """A verdict: the run worked when it exited with one of ``ok``; else its last stderr line."""

    def verdict(outcome: Outcome) -> str | None:
        if outcome.exit_code in ok:
            return None
        return f"exit {outcome.exit_code}: {last_line(outcome.stderr)}"

    return verdict


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no message)"
