"""The cache of validated packs and compiled patterns, through the CLI: used, invalidated,
shared by racing runs, rebuilt when corrupt, never trusted when someone else could write it."""

from __future__ import annotations

import concurrent.futures
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from checker import cache as cache_module
from conftest import BUNDLED_PACK, factcheck_command

WRONG = "Anthropic said Moonshot AI generated 13 million exchanges with Claude.\n"


def factcheck(cache: Path, *args: str | Path, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    """A run with its own cache folder (and, with ``importtime``, Python's import log on stderr)."""
    command = [sys.executable, "-X", "importtime", "-m", "checker"] if importtime else factcheck_command()
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache)}
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True, env=env, encoding="utf-8")


@pytest.fixture
def draft(write) -> Path:
    return write("draft.md", WRONG)


def imported(proc: subprocess.CompletedProcess[str]) -> set[str]:
    return {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}


def test_an_unchanged_pack_is_not_validated_again(tmp_path: Path, draft: Path) -> None:
    cache = tmp_path / "cache"
    first = factcheck(cache, "--all-documents", "--rules", BUNDLED_PACK, draft, importtime=True)
    second = factcheck(cache, "--all-documents", "--rules", BUNDLED_PACK, draft, importtime=True)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout
    assert "pydantic" in imported(first) and "checker.examples" in imported(first)
    assert not {"pydantic", "checker.schema", "checker.pack", "checker.examples"} & imported(second)
    assert sorted(p.name.split("-")[0] for p in cache.iterdir()) == ["packs", "patterns"]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in cache.iterdir())
    assert cache.stat().st_mode & 0o777 == 0o700


def test_an_edited_pack_is_read_afresh(tmp_path: Path, draft: Path) -> None:
    cache, pack = tmp_path / "cache", tmp_path / "pack.yaml"
    text = BUNDLED_PACK.read_text(encoding="utf-8")
    pack.write_text(text, encoding="utf-8")
    assert "moonshot-exchanges" in factcheck(cache, "--all-documents", "--rules", pack, draft).stdout
    # Sentences about Claude are now left alone: the cached pack must not be used.
    pack.write_text(text.replace("unless: '\\b(?:OpenAI", "unless: '\\b(?:Claude|OpenAI"), encoding="utf-8")
    edited = factcheck(cache, "--all-documents", "--skip-example-check", "--rules", pack, draft)
    assert (edited.returncode, edited.stderr) == (0, "")


def test_corrupt_entries_are_rebuilt_not_trusted(tmp_path: Path, draft: Path) -> None:
    cache = tmp_path / "cache"
    expected = factcheck(cache, "--all-documents", draft).stdout
    for entry in cache.iterdir():
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] + b"\x00garbage")  # a torn or damaged write
    again = factcheck(cache, "--all-documents", draft)
    assert (again.returncode, again.stdout) == (1, expected)
    assert factcheck(cache, "--all-documents", draft, importtime=True).stdout == expected
    for entry in cache.iterdir():
        header, _, payload = entry.read_bytes().partition(b"\n\n")
        assert header + b"\n\n" == cache_module._header(payload)


def test_an_entry_others_can_write_is_ignored(tmp_path: Path, draft: Path) -> None:
    cache = tmp_path / "cache"
    factcheck(cache, "--all-documents", draft)
    (entry,) = cache.glob("packs-*")
    # A well-formed entry saying the packs have no facts, as someone else could plant it.
    _, _, payload = entry.read_bytes().partition(b"\n\n")
    loaded = pickle.loads(payload)
    forged = pickle.dumps(loaded._replace(packs=[]))
    entry.write_bytes(cache_module._header(forged) + forged)  # it verifies: only its owner gives it away
    entry.chmod(0o666)
    proc = factcheck(cache, "--all-documents", draft)
    assert proc.returncode == 1 and "moonshot-exchanges" in proc.stdout


def test_runs_racing_on_one_cache_agree(tmp_path: Path, write) -> None:
    cache = tmp_path / "cache"
    drafts = [write(f"d{i}.md", WRONG * (i + 1)) for i in range(4)]
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        runs = list(pool.map(lambda _: factcheck(cache, "--all-documents", "--jobs", "2", *drafts), range(6)))
    assert {(r.returncode, r.stdout) for r in runs} == {(1, runs[0].stdout)}
    assert runs[0].stdout.count("moonshot-exchanges") == 10
    assert not list(cache.glob(".tmp-*"))


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, draft: Path) -> None:
    cache = tmp_path / "cache"
    proc = factcheck(cache, "--no-cache", "--all-documents", draft, importtime=True)
    assert proc.returncode == 1 and "moonshot-exchanges" in proc.stdout
    assert "pydantic" in imported(proc)
    assert not cache.exists()


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, draft: Path) -> None:
    cache = tmp_path / "cache"
    cache.write_text("a file where the folder should be")
    proc = factcheck(cache, "--all-documents", draft)
    assert proc.returncode == 1 and "moonshot-exchanges" in proc.stdout
