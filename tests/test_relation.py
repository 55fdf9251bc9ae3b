"""The relation kind through the CLI: arithmetic across quantity facts of an invented story
(a freight company cuts jobs: staff before and after, the cut as a share of the staff, and the
severance bill per job)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import run, run_json

PACK = r"""
id: freight-cuts
title: A freight company cuts jobs
sources:
  - id: annual-report
    title: Annual report
measures:
  - id: staff
    label: staff
    nouns: [employee, worker, workforce]
  - id: cuts
    label: jobs cut
    nouns: [job, role, position]
  - id: severance
    label: severance
    nouns: [severance bill, severance cost]
  - id: cost-per-job
    label: cost per job
    nouns: [per job, a job]
facts:
  - id: staff-before
    kind: quantity
    label: Staff before the cut
    measure: staff
    value: 9000
    qualifier: approximately
    unless: '(?i)\b(?:left|remain\w*)\b'
    source: annual-report
    examples:
      pass: ["The company had about 9,000 employees."]
      fail: ["The company had 12,000 employees."]
  - id: staff-after
    kind: quantity
    label: Staff left
    measure: staff
    value: 6500
    qualifier: approximately
    context: '(?i)\b(?:left|remain\w*)\b'
    source: annual-report
    examples:
      pass: ["The company will have about 6,500 employees left."]
      fail: ["The company will have 5,000 employees left."]
  - id: jobs-cut
    kind: quantity
    label: Jobs cut
    measure: cuts
    value: 2500
    qualifier: approximately
    source: annual-report
    examples:
      pass: ["The company will cut 2,500 jobs."]
      fail: ["The company will cut 4,000 jobs."]
  - id: cut-rate
    kind: quantity
    label: Share of the workforce cut
    measure: staff
    unit: percent
    value: 28
    interval: [25, 31]
    source: annual-report
    examples:
      pass: ["The cuts affect 28% of its workforce."]
      fail: ["The cuts affect 40% of its workforce."]
  - id: severance
    kind: quantity
    label: Severance
    measure: severance
    unit: USD
    value: 250000000
    qualifier: approximately
    source: annual-report
    examples:
      pass: ["The company expects a $250 million severance bill."]
      fail: ["The company expects a $400 million severance bill."]
  - id: cost-per-job
    kind: quantity
    label: Severance per job
    measure: cost-per-job
    unit: USD
    value: 100000
    qualifier: approximately
    source: annual-report
    examples:
      pass: ["Severance comes to about $100,000 per job."]
      fail: ["Severance comes to $180,000 per job."]
  - id: staff-after-cut
    kind: relation
    relation: difference
    result: staff-after
    of: [staff-before, jobs-cut]
    source: annual-report
    examples:
      pass: ["It had 9,000 employees. It will cut 2,500 jobs. It will have 6,500 employees left."]
      fail:
        - text: "It had 9,400 employees. It will cut 2,500 jobs. It will have 6,500 employees left."
          expect: '"9,400" minus "2,500" is 6,900'
  - id: cut-share
    kind: relation
    relation: share
    part: jobs-cut
    rate: cut-rate
    base: staff-before
    source: annual-report
    examples:
      pass: ["It will cut 2,500 jobs, 28% of its workforce. It had 9,000 employees."]
      fail: ["It will cut 2,500 jobs, nearly a third of its workforce. It had 9,000 employees."]
  - id: severance-per-job
    kind: relation
    relation: ratio
    result: cost-per-job
    of: [severance, jobs-cut]
    source: annual-report
    examples:
      pass: ["It will cut 2,500 jobs. It expects a $250 million severance bill, or $100,000 per job."]
      fail: ["It will cut 2,500 jobs. It expects a $250 million severance bill, or $95,000 per job."]
"""

AGREES = (
    "The company had 9,000 employees.\n\n"
    "It will cut 2,500 jobs, 28% of its workforce. It will have 6,500 employees left.\n\n"
    "It expects a $250 million severance bill, or $100,000 per job.\n"
)


def findings(write, draft: str) -> list[tuple[int, str, str]]:
    pack = write("pack.yaml", PACK)
    code, report = run_json("--rules", pack, write("draft.md", draft))
    assert code == (1 if report["findings"] else 0)
    return [(f["line"], f["fact"], f["message"]) for f in report["findings"]]


def test_the_pack_passes_check_strict_and_its_own_tests(write) -> None:
    pack = write("pack.yaml", PACK)
    proc = run("rules", "check", "--strict", pack)
    assert proc.returncode == 0, proc.stdout
    proc = run("rules", "test", pack)
    assert proc.returncode == 0 and proc.stdout.strip().endswith("0 failures."), proc.stdout


@pytest.mark.parametrize(
    ("draft", "line", "fact", "message"),
    [
        (
            "The company had 9,400 employees.\n\nIt will cut 2,500 jobs. It will have 6,500 employees left.\n",
            3, "staff-after-cut", 'Staff left: draft says "6,500", but "9,400" minus "2,500" is 6,900 (source: annual-report)',
        ),
        (
            "It will cut 2,500 jobs, nearly a third of its workforce.\n\nThe company had 9,000 employees.\n",
            3, "cut-share", 'Jobs cut: draft says "2,500", but "nearly a third" of "9,000" is 2,565 to 3,150 (source: annual-report)',
        ),
        (
            "It will cut 2,500 jobs.\n\nIt expects a $250 million severance bill, or $95,000 per job.\n",
            3, "severance-per-job", 'Severance per job: draft says "$95,000", but "$250 million" divided by "2,500" is $100,000 (source: annual-report)',
        ),
    ],
)
def test_figures_each_right_that_break_a_relation_are_flagged_once(write, draft, line, fact, message) -> None:
    # Each figure is within its own fact; together they do not add up. The finding is on the
    # last of the figures, and a draft that says it all again is still flagged once.
    assert findings(write, draft) == [(line, fact, message)]
    assert findings(write, draft + "\n" + draft) == [(line, fact, message)]


def test_a_wrong_figure_is_reported_by_its_own_fact_only(write) -> None:
    draft = "The company had 9,000 employees.\n\nIt will cut 2,500 jobs. It will have 5,000 employees left.\n"
    assert [(line, fact) for line, fact, _ in findings(write, draft)] == [(3, "staff-after")]


def test_a_relation_the_draft_states_in_part_is_not_checked(write) -> None:
    # 9,400 less the pack's 2,500 is not 6,500, but the draft never says how many jobs go.
    assert findings(write, "The company had 9,400 employees.\n\nIt will have 6,500 employees left.\n") == []


def test_figures_that_agree_are_quiet_and_listed_as_agreeing(write) -> None:
    pack = write("pack.yaml", PACK)
    draft = write("draft.md", AGREES)
    assert findings(write, AGREES) == []
    proc = run("claims", "--format", "json", draft, "--rules", pack)
    assert proc.returncode == 0, proc.stderr
    read = [(c["line"], c["fact"], c["text"], c["verdict"]) for c in json.loads(proc.stdout)["claims"] if c["kind"] == "relation"]
    assert read == [
        (3, "cut-share", "28% of 9,000 is 2,500", "agrees"),
        (3, "staff-after-cut", "9,000 minus 2,500 is 6,500", "agrees"),
        (5, "severance-per-job", "$250 million divided by 2,500 is $100,000", "agrees"),
    ]
    assert '"9,000 minus 2,500 is 6,500" relation: agrees with staff-after-cut' in run("claims", draft, "--rules", pack).stdout


@pytest.mark.parametrize(
    ("old", "new", "fact", "message"),
    [
        (
            "    value: 6500\n", "    value: 5000\n", "staff-after-cut",
            "staff-before minus jobs-cut (approximately 9,000 minus approximately 2,500) is 5,950 to 7,050, "
            "which staff-after (approximately 5,000) does not admit",
        ),
        (
            "    interval: [25, 31]\n", "    interval: [40, 45]\n", "cut-share",
            "cut-rate of staff-before (28% of approximately 9,000) is 3,400 to 4,275, which jobs-cut "
            "(approximately 2,500) does not admit",
        ),
        (
            "    value: 100000\n", "    value: 150000\n", "severance-per-job",
            "severance divided by jobs-cut (approximately $250 million divided by approximately 2,500) is $96,078.43 to "
            "$104,081.63, which cost-per-job (approximately $150,000) does not admit",
        ),
    ],
)
def test_a_pack_whose_figures_break_a_relation_is_refused(write, old: str, new: str, fact: str, message: str) -> None:
    assert old in PACK
    text = PACK.replace(old, new)
    pack = write("pack.yaml", text)
    proc = run("--rules", pack, write("draft.md", "Nothing here.\n"))
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.endswith(f"id: {fact}"))
    assert (proc.returncode, proc.stderr) == (2, f"{pack}:{line}:5: {message}\n")


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("    rate: cut-rate\n", "    rate: staff-after\n", "id: cut-share",
         "rate: 'staff-after' must be a percentage (unit: percent), not count"),
        ("    of: [severance, jobs-cut]\n", "    of: [severance, cut-share]\n", "id: severance-per-job",
         "of: 'cut-share' is not a quantity fact of this pack"),
        ("    of: [staff-before, jobs-cut]\n", "    of: [staff-before, severance]\n", "id: staff-after-cut",
         "the facts of a difference must be in one unit (staff-after: count, staff-before: count, severance: USD)"),
        ("    rate: cut-rate\n", "    rate: cut-rate\n    result: jobs-cut\n", "id: cut-share",
         "facts[7]: 'result' is not a key of a share (its keys: part, rate, base)"),
        ("    of: [staff-before, jobs-cut]\n", "    of: [staff-before]\n", "of: [staff-before]", "facts[6].of: "),
    ],
)
def test_a_relation_that_cannot_be_linked_is_refused_at_its_line(write, old: str, new: str, where: str, message: str) -> None:
    text = PACK.replace(old, new)
    pack = write("pack.yaml", text)
    proc = run("rules", "check", pack)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.endswith(where))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"{pack}:{line}:") and message in proc.stderr and proc.stderr.count("\n") == 1


def test_explain_and_rules_list_say_the_relation_in_plain_words(write) -> None:
    pack = write("pack.yaml", PACK)
    proc = run("explain", "staff-after-cut", "--rules", pack)
    assert proc.returncode == 0
    assert "staff-after-cut (relation, error) in pack freight-cuts" in proc.stdout
    assert (
        "relation: staff-after (approximately 6,500) = staff-before (approximately 9,000) minus jobs-cut "
        "(approximately 2,500)" in proc.stdout
    )
    rows = [re.split(r"\s{2,}", line) for line in run("rules", "list", pack).stdout.splitlines()]
    kinds = {row[1]: row[2] for row in rows[1:]}
    assert kinds["staff-after-cut"] == "relation (difference)"
    assert kinds["cut-share"] == "relation (share)"
    assert kinds["severance-per-job"] == "relation (ratio)"
    assert kinds["jobs-cut"] == "quantity"


def test_a_count_and_a_percentage_of_one_measure_are_not_alike(write) -> None:
    # "9,000 employees" and "28% of its workforce" never compete for a figure: each is compared
    # only with figures in its own unit, so check --strict has nothing to say about them.
    text = PACK.replace("    unless: '(?i)\\b(?:left|remain\\w*)\\b'\n", "")
    assert "unless" not in text
    pack = write("pack.yaml", text)
    proc = run("rules", "check", "--strict", pack)
    assert proc.returncode == 0, proc.stdout


def test_a_figure_inside_a_quotation_follows_the_packs_quote_policy(write) -> None:
    draft = 'The company had 9,400 employees.\n\nIt will cut 2,500 jobs. "We will have 6,500 employees left," it said.\n'
    assert findings(write, draft) == []  # quotes: skip, the default: the quoted figure states nothing
    pack = write("pack.yaml", PACK.replace("\nsources:", "\nquotes: warn\nsources:", 1))
    _, report = run_json("--rules", pack, write("draft.md", draft))
    assert [(f["fact"], f["severity"]) for f in report["findings"]] == [("staff-after-cut", "warning")]
    assert report["findings"][0]["message"].endswith("is 6,900; a figure is inside a quotation (source: annual-report)")


def test_the_schema_describes_relations(write) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(run("rules", "schema").stdout)
    jsonschema.validate(yaml.safe_load(PACK), schema)
