"""Pack scope: paths, front matter, a date window and content signatures, alone or as alternatives."""

from __future__ import annotations

import pytest

from conftest import run, run_json

PACK = """\
id: scoped
title: A scoped pack
scope: {scope}
sources: [{{id: s, title: Source}}]
entities: [{{id: acme, name: Acme}}]
facts:
  - id: acme-spelling
    kind: spelling
    entity: acme
    wrong: [ACMe]
    source: s
    examples: {{pass: [Acme], fail: [ACMe]}}
"""
DRAFT = "---\ndate: {date}\ntags: [{tags}]\n---\n\nACMe won a contract for widgets.\n"


def flagged(write, scope: str, name: str = "news/draft.md", date: str = "2026-02-24", tags: str = "business") -> bool:
    pack = write("pack.yaml", PACK.format(scope=scope))
    draft = write(name, DRAFT.format(date=date, tags=tags))
    _, report = run_json("--rules", pack, draft)
    return bool(report["findings"])


@pytest.mark.parametrize(
    ("scope", "kwargs", "expected"),
    [
        ("{paths: ['news/**']}", {}, True),
        ("{paths: ['opinion/*.md']}", {}, False),
        ("{paths: ['*.md']}", {"name": "a/b/c.md"}, True),
        ("{front_matter: {tags: '^business$'}}", {}, True),
        ("{front_matter: {tags: '^sport$'}}", {}, False),
        ("{front_matter: {story: 'x'}}", {}, False),
        ("{dates: {from: 2026-02-23, to: 2026-03-31}}", {}, True),
        ("{dates: {from: 2026-03-01}}", {}, False),
        ("{all: ['widgets'], any: ['contract', 'tender'], min_any: 1}", {}, True),
        ("{all: ['gadgets']}", {}, False),
        # a list is a choice of scopes: any one admits the document
        ("[{paths: ['opinion/**']}, {front_matter: {tags: business}}]", {}, True),
        ("[{paths: ['opinion/**']}, {front_matter: {tags: sport}}]", {}, False),
    ],
)
def test_scope_conditions(write, scope: str, kwargs: dict, expected: bool) -> None:
    assert flagged(write, scope, **kwargs) is expected


def test_a_document_without_a_date_passes_a_date_window(write) -> None:
    pack = write("pack.yaml", PACK.format(scope="{dates: {from: 2026-03-01}}"))
    draft = write("wire.txt", "ACMe won a contract.\n")
    _, report = run_json("--rules", pack, draft)
    assert len(report["findings"]) == 1


def test_an_invalid_scope_pattern_is_a_pack_error(write) -> None:
    pack = write("pack.yaml", PACK.format(scope="{front_matter: {tags: '(unclosed'}}"))
    draft = write("draft.md", "Nothing.\n")
    proc = run("--rules", pack, draft)
    assert proc.returncode == 2
    assert "pack.yaml:3:" in proc.stderr and "invalid regular expression" in proc.stderr
