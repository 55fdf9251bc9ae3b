"""Money and percentages as claims, through the CLI, on a pack of an invented story: units,
a measure named before its figure, the possessor of that noun, "its", a restated figure, and a
table whose column headers name the measures of its cells."""

from __future__ import annotations

import pytest

from conftest import run_json

PACK = """\
id: acme-deal
title: Acme buys Widget
sources:
  - {id: release, title: Acme press release, url: "https://example.com/acme"}
entities:
  - {id: acme, name: Acme Corp, aliases: [Acme]}
  - {id: rival, name: Rival Inc, aliases: [Rival]}
measures:
  - {id: offer, label: offer per share, nouns: [a share, per share]}
  - {id: fee, label: breakup fee, nouns: [breakup fee, termination fee]}
  - {id: jobs, label: jobs, nouns: [job]}
  - {id: staff, label: share of staff, nouns: [staff, workforce]}
  - {id: stock, label: share price move, nouns: [share, stock]}
  - {id: value, label: deal value, nouns: [deal value, deal]}
facts:
  - {id: acme-offer, kind: quantity, owner: acme, measure: offer, value: 31, unit: USD, source: release,
     examples: {pass: ["Acme offered $31 a share."], fail: ["Acme offered $35 a share."]}}
  - {id: rival-offer, kind: quantity, owner: rival, measure: offer, value: 27.75, unit: USD, source: release,
     examples: {pass: ["Rival offered $27.75 a share."], fail: ["Rival offered $25 a share."]}}
  - {id: acme-value, kind: quantity, owner: acme, measure: value, value: 110000000000, unit: USD, source: release,
     examples: {pass: ["Acme agreed a $110 billion deal."], fail: ["Acme agreed a $150 billion deal."]}}
  - {id: fee, kind: quantity, measure: fee, value: 2800000000, unit: USD, source: release,
     examples: {pass: ["The breakup fee is $2.8 billion."], fail: ["The breakup fee is $3.8 billion."]}}
  - {id: jobs, kind: quantity, owner: acme, measure: jobs, value: 4000, source: release,
     examples: {pass: ["Acme is cutting 4,000 jobs."], fail: ["Acme is cutting 6,000 jobs."]}}
  - {id: cut-share, kind: quantity, owner: acme, measure: staff, value: 12, unit: percent, source: release,
     examples: {pass: ["Acme is cutting 12% of its staff."], fail: ["Acme is cutting 20% of its staff."]}}
  - {id: acme-stock, kind: quantity, owner: acme, measure: stock, value: 10, unit: percent, source: release,
     examples: {pass: ["Acme shares rose 10%."], fail: ["Acme shares rose 20%."]}}
"""


def check(write, text: str) -> tuple[set[tuple[int, str, str]], dict]:
    pack = write("rules/acme.yaml", PACK)
    draft = write("draft.md", text)
    _, report = run_json("--rules", pack, "--all-documents", draft)
    return {(f["line"], f["fact"], f["found"]) for f in report["findings"]}, report


CORRECT = """\
Acme raised its offer to $31 per share on Tuesday.

Acme's offer of $31 a share beat Rival's bid of $27.75 a share.

The deal carries a breakup fee of US$2.8bn, or 2.8 billion dollars.

Acme Corp is cutting 4,000 jobs, or 12% of its staff.

Shares of Acme closed up 10% on the news. Rival Inc shares fell 3%.

| Bidder | Offer per share | Deal value |
|---|---|---|
| Acme Corp | $31.00 | $110bn |
| Rival Inc | $27.75 | $90bn |
"""


def test_correct_money_and_percentages_are_recognised_and_quiet(write) -> None:
    found, report = check(write, CORRECT)
    assert found == set()
    assert report["claims_recognised"] >= 12


def test_a_lower_bound_at_the_figure_is_quiet(write) -> None:
    found, _ = check(write, CORRECT.replace("is cutting 4,000 jobs", "is cutting at least 4,000 jobs"))
    assert found == set()


@pytest.mark.parametrize(
    "original, mutated, expected",
    [
        ("raised its offer to $31 per", "raised its offer to $33 per", (1, "acme-offer", "$33")),
        ("Acme's offer of $31 a share", "Acme's offer of $27.75 a share", (3, "acme-offer", "$27.75")),
        ("Rival's bid of $27.75", "Rival's bid of $31", (3, "rival-offer", "$31")),
        ("breakup fee of US$2.8bn", "breakup fee of US$3.8bn", (5, "fee", "US$3.8bn")),
        ("breakup fee of US$2.8bn", "breakup fee of three and a half billion dollars",
         (5, "fee", "three and a half billion dollars")),
        ("or 12% of its staff", "or 15% of its staff", (7, "cut-share", "15%")),
        # a lower bound is a figure too: "more than 2,000" says about 2,000, not 4,000
        ("is cutting 4,000 jobs", "is cutting more than 2,000 jobs", (7, "jobs", "more than 2,000")),
        ("Shares of Acme closed up 10%", "Shares of Acme closed up 14%", (9, "acme-stock", "14%")),
        ("| Acme Corp | $31.00 | $110bn |", "| Acme Corp | $31.00 | $150bn |", (13, "acme-value", "$150bn")),
        ("| Rival Inc | $27.75 |", "| Rival Inc | $31.00 |", (14, "rival-offer", "$31.00")),
    ],
)
def test_each_mutation_is_flagged_and_only_it(write, original: str, mutated: str, expected: tuple) -> None:
    assert original in CORRECT
    found, _ = check(write, CORRECT.replace(original, mutated))
    assert found == {expected}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a label: the measure named before a colon, its possessor the owner
        ("Acme's deal value: about $150 billion.", ("acme-value", "about $150 billion")),
        # an appositive names the deal of the clause's subject
        ("Acme agreed to buy Widget for $31 a share, a deal valued at $150 billion.", ("acme-value", "$150 billion")),
        # the buyer pays
        ("Acme has signed an agreement to buy all of Widget for $35 a share.", ("acme-offer", "$35")),
        # a fact box: the figure first, what it is after a colon
        ("**$150bn**: deal value of the Acme deal that Rival lost", ("acme-value", "$150bn")),
        # a link with an adverb
        ("The breakup fee is now $3.8 billion.", ("fee", "$3.8 billion")),
        # a change from one value to another claims the second ("from ... to" is no range here)
        ("Acme raised its offer from $27 to $35 a share.", ("acme-offer", "$35")),
    ],
)
def test_where_a_money_figure_says_what_and_whose_it_is(write, sentence: str, expected: tuple) -> None:
    found, _ = check(write, sentence + "\n")
    assert found == {(1, *expected)}


def test_a_figure_in_another_unit_is_not_compared(write) -> None:
    """31 shares are not $31, and "$4,000" is not 4,000 jobs."""
    found, _ = check(write, "Acme bought 35 shares. Acme is cutting $6,000 jobs.\n")
    assert found == set()


def test_its_with_two_candidates_stays_silent(write) -> None:
    found, report = check(write, "Rival lost to Acme. Its shares rose 14%.\n")
    assert found == set()


def test_a_pack_without_measures_reads_lead_ins_questions_and_tables(write) -> None:
    """A pack of names only: the measure lookups find nothing, and nothing fails."""
    pack = write("rules/names.yaml", (
        "id: names\ntitle: Names only\nsources: [{id: s, title: S}]\nentities: [{id: acme, name: Acme}]\n"
        "facts:\n  - {id: sp, kind: spelling, entity: acme, wrong: [Acmee], source: s,"
        " examples: {pass: [Acme won.], fail: [Acmee won.]}}\n"
    ))
    draft = write("d.md", (
        "Acmee, itemised:\n\n- Acme: one\n\nHow many units did Acme sell? About 4,000 units, or 12% of the market.\n\n"
        "| Firm | Units |\n|---|---|\n| Acme | 4,000 |\n"
    ))
    code, report = run_json("--rules", pack, "--all-documents", draft)
    assert code == 1 and [(f["line"], f["fact"]) for f in report["findings"]] == [(1, "sp")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Acme shares plunged 14% on the news.", {(1, "acme-stock", "14%")}),  # plunged, plummeted, tanked link
        ("Acme shares tanked 10% on the news.", set()),
        ("Acme shares plummeted 14% on the news.", {(1, "acme-stock", "14%")}),
        # "after" ends the measure noun: 6,000 counts no jobs here
        ("Acme is cutting 6,000 after jobs talks failed.", set()),
    ],
)
def test_fall_verbs_link_and_after_ends_a_measure(write, sentence: str, expected: set) -> None:
    found, _ = check(write, sentence + "\n")
    assert found == expected


def test_a_change_to_the_right_value_is_quiet(write) -> None:
    found, _ = check(write, "Acme raised its offer from $27 to $31 a share.\n")
    assert found == set()
