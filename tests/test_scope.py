"""Pack scope: paths, front matter, a date window and content signatures, alone or as alternatives."""

from __future__ import annotations

import pytest

from conftest import BUNDLED_PACK, ROOT, run, run_json

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


def test_drafts_out_of_every_scope_are_counted(write, tmp_path) -> None:
    """Silence is visible: a draft no pack's scope admits was checked against nothing, and is counted."""
    write("drafts/story.md", (ROOT / "tests" / "golden" / "draft.md").read_text(encoding="utf-8"))
    write("drafts/council.md", "The council met on Tuesday to discuss the budget for 2026.\n")
    drafts = tmp_path / "drafts"
    text = run("--rules", BUNDLED_PACK, "--no-show-source", drafts).stdout
    assert text.splitlines()[-1] == (
        "2 files checked (1 out of every pack's scope), 1 claim recognised, 3 findings (1 fixable with --fix)."
    )
    github = run("--rules", BUNDLED_PACK, "--format", "github", drafts).stdout
    assert github.splitlines()[-1] == (
        "factcheck: 2 files checked (1 out of every pack's scope), 1 claim recognised, 3 findings"
    )
    _, report = run_json("--rules", BUNDLED_PACK, drafts)
    assert (report["files_checked"], report["files_out_of_scope"]) == (2, 1)
    # --all-documents: every pack applies to every draft, so none is out of scope
    text = run("--rules", BUNDLED_PACK, "--no-show-source", "--all-documents", drafts).stdout
    assert text.splitlines()[-1] == "2 files checked, 1 claim recognised, 3 findings (1 fixable with --fix)."
    _, report = run_json("--rules", BUNDLED_PACK, "--all-documents", drafts)
    assert (report["files_checked"], report["files_out_of_scope"]) == (2, 0)


@pytest.mark.parametrize(
    ("scope", "name", "out"),
    [
        ("null", "news/draft.md", 0),  # no scope: every draft is in it
        ("{paths: ['news/**']}", "news/draft.md", 0),
        ("{paths: ['news/**']}", "opinion/draft.md", 1),
        ("{all: ['widgets']}", "news/draft.md", 0),
        ("{all: ['gadgets']}", "news/draft.md", 1),
        ("[{all: ['gadgets']}, {all: ['(?i)\\bcontract']}]", "news/draft.md", 0),
        ("{all: ['widgets'], dates: {to: 2026-01-31}}", "news/draft.md", 1),
    ],
)
def test_a_draft_in_scope_without_anything_to_check_is_in_scope(write, scope: str, name: str, out: int) -> None:
    """Out of scope is what no scope admits, not what has no claims: this draft has none of the pack's words."""
    pack = write("pack.yaml", PACK.format(scope=scope))
    draft = write(name, DRAFT.format(date="2026-02-24", tags="business").replace("ACMe", "A firm"))
    _, report = run_json("--rules", pack, draft)
    assert (report["files_checked"], report["files_out_of_scope"], report["claims_recognised"]) == (1, out, 0)


BRIEF = (
    "Anthropic said on Monday that DeepSeek, Moonshot AI and MiniMax used about 34,000 fraudulent "
    "accounts to copy the abilities of Claude, its chatbot.\n"
)


def test_a_brief_that_never_says_distillation_is_this_story(write) -> None:
    """Anthropic, Claude and the three labs named: the bundled pack applies, and the wrong figure is found."""
    draft = write("brief.md", BRIEF)
    code, report = run_json("--rules", BUNDLED_PACK, draft)
    assert code == 1 and report["files_out_of_scope"] == 0
    assert [(f["fact"], f["found"]) for f in report["findings"]] == [("fraudulent-accounts", "about 34,000")]


def test_a_brief_that_names_two_labs_without_distillation_is_not(write) -> None:
    draft = write("brief.md", BRIEF.replace("DeepSeek, Moonshot AI and MiniMax", "DeepSeek and MiniMax"))
    code, report = run_json("--rules", BUNDLED_PACK, draft)
    assert (code, report["findings"], report["files_out_of_scope"]) == (0, [], 1)
