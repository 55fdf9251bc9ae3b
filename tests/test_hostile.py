"""Packs and drafts that try to hang or break the checker (issue 7)."""

from __future__ import annotations

from conftest import BUNDLED_PACK, run


def test_a_pattern_that_backtracks_catastrophically_is_stopped_and_its_fact_named(write) -> None:
    text = BUNDLED_PACK.read_text(encoding="utf-8")
    start = text.index("  - id: total-exchanges\n")
    line = text.index("    unless: ", start)  # the fact's own unless: a pattern that cannot finish on "aaa...b"
    pack = text[:line] + "    unless: '(?:a|aa)+$'\n" + text[text.index("\n", line) + 1 :]
    rules = write("slow.yaml", pack)
    draft = write("d.md", "In all, 13 million exchanges were made " + "a" * 46 + "b.\nMoonshot had 13 million exchanges.\n")
    proc = run("--all-documents", "--skip-example-check", "--rules", rules, draft)
    assert proc.returncode == 2
    assert f"{draft}: fact 'total-exchanges': a regular expression of the fact took more than 1 s" in proc.stderr
    assert "moonshot-exchanges" in proc.stdout  # the other facts are still checked
