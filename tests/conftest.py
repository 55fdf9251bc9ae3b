from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_PACK = ROOT / "rules" / "anthropic-distillation-2026.yaml"


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every run the tests start shares one cache of their own, not the user's."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["FACTCHECK_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(autouse=True, scope="session")
def plain_output() -> None:
    """Output compared as text is uncoloured, whatever the environment running the tests asks
    for; the tests of colour set these themselves."""
    for name in ("FORCE_COLOR", "NO_COLOR"):
        os.environ.pop(name, None)


def factcheck_command() -> list[str]:
    """The installed console script, as a user runs it (the module when not installed)."""
    exe = shutil.which("factcheck")
    return [exe] if exe else [sys.executable, "-m", "checker"]


def run(
    *args: str | Path, cwd: Path | None = None, stdin: str | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """factcheck with ``args``; ``timeout`` (seconds) turns a hang into a failure instead of a stuck suite."""
    return subprocess.run(
        [*factcheck_command(), *map(str, args)],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        input=stdin,
        encoding="utf-8",
        timeout=timeout,
    )


def run_json(*args: str | Path, cwd: Path | None = None, timeout: float | None = None) -> tuple[int, dict]:
    proc = run("--format", "json", *args, cwd=cwd, timeout=timeout)
    assert proc.stdout, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture
def write(tmp_path: Path):
    """Write a file (text as given, exact bytes) under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return path

    return _write
