"""The action kind through the CLI: who did what, in an invented story (three shipyards bid for
a harbour contract: what each bid offered, who withdrew, how the bids were judged), then in
the bundled packs."""

from __future__ import annotations

import json
import re

import pytest

from conftest import BUNDLED_PACK, ROOT, run, run_json

PACK = r"""
id: harbour-bids
title: Three shipyards bid for the harbour contract
sources:
  - id: port-report
    title: Port authority report
entities:
  - id: authority
    name: Port Authority
  - id: northyard
    name: Northyard
  - id: kestrel
    name: Kestrel Marine
    aliases: [Kestrel]
  - id: dunmore
    name: Dunmore
facts:
  - id: northyard-offer
    kind: action
    owner: northyard
    property: offer
    label: What Northyard's bid offered
    says: dredging and crane maintenance
    phrases: [dredging, crane maintenance, maintenance]
    context: '(?i)\b(?:bid\w*|offer\w*|propos\w*|tender\w*)\b'
    source: port-report
    examples:
      pass: ["Northyard's bid offered dredging."]
      fail:
        - text: "Northyard's bid offered hull welding."
          expect: which is Kestrel Marine's
  - id: kestrel-offer
    kind: action
    owner: kestrel
    property: offer
    label: What Kestrel Marine's bid offered
    says: hull welding, tugboat crews and maintenance
    phrases: [hull welding, tugboat crews, maintenance]
    context: '(?i)\b(?:bid\w*|offer\w*|propos\w*|tender\w*)\b'
    source: port-report
    examples:
      pass: ["Kestrel's bid offered hull welding."]
      fail: ["Kestrel's bid offered dredging."]
  - id: dunmore-withdrawal
    kind: action
    owner: dunmore
    label: Dunmore's withdrawal
    says: it withdrew its bid two days before the deadline
    phrases: [withdrew its bid, pulled its bid]
    source: port-report
    examples:
      pass: ["Dunmore withdrew its bid on Friday."]
      fail: ["Kestrel withdrew its bid on Friday."]
  - id: award-method
    kind: action
    owner: [northyard, kestrel, dunmore]
    label: How the bids were judged
    says: a sealed tender scored by an independent panel
    phrases: [sealed tender, independent panel]
    contradicts: [bribed officials, rigged the tender]
    source: port-report
    examples:
      pass: ["Northyard entered a sealed tender."]
      fail: ["Northyard bribed officials to win."]
  - id: contract-closed
    kind: action
    label: Whether foreign yards may bid
    says: the contract is closed to foreign yards
    phrases: [closed to foreign yards, not open to foreign yards]
    contradicts: [open to foreign yards, the contract is offered to foreign yards]
    source: port-report
    examples:
      pass: ["The contract is not open to foreign yards."]
      fail: ["The contract is open to foreign yards."]
"""


def findings(write, draft: str, pack: str = PACK) -> list[tuple[int, str, str]]:
    code, report = run_json("--rules", write("pack.yaml", pack), write("draft.md", draft))
    assert code == (1 if report["findings"] else 0)
    return [(f["line"], f["fact"], f["message"]) for f in report["findings"]]


def test_the_pack_passes_check_and_its_own_tests(write) -> None:
    pack = write("pack.yaml", PACK)
    proc = run("rules", "check", pack)  # the authority is named, never an owner: only the warning that says so
    assert proc.returncode == 0 and "entity 'authority' is not used by any fact" in proc.stdout, proc.stdout
    assert proc.stdout.strip().endswith("1 warning."), proc.stdout
    proc = run("rules", "test", pack)
    assert proc.returncode == 0 and proc.stdout.strip().endswith("0 failures."), proc.stdout


SWAPPED = (
    "What Northyard's bid offered: draft says \"hull welding\", which is Kestrel Marine's; the pack says dredging "
    "and crane maintenance (source: port-report)"
)


@pytest.mark.parametrize(
    "draft",
    [
        "Northyard's bid offered hull welding, the Port Authority said.",  # possessive
        "Northyard offered hull welding in its bid.",  # subject
        "The Port Authority said Northyard, the oldest yard, offered hull welding in its bid.",  # appositive, reported
        "According to the report, Northyard proposed hull welding.",
        "What the bids offered, yard by yard\n\n- Northyard: hull welding\n- Dunmore: nothing yet",  # a list item, its lead-in
        "| Yard | What the bid offered |\n|---|---|\n| Northyard | hull welding |\n| Dunmore | nothing |",  # a table row
        "Northyard entered the tender first. The company offered hull welding.",  # "the company": its subject before
        "In the tender, hull welding was proposed by Northyard.",  # the agent of a passive
        "In the tender, hull welding was Northyard's main offer.",  # the possessor of the predicate
        "Northyard entered the tender first. The same company offered hull welding.",  # "the same company"
        "Northyard's bid offered hull welding and tugboat crews.",  # two of another's: one finding
    ],
)
def test_a_property_given_to_the_wrong_party_is_flagged_naming_whose_it_is(write, draft: str) -> None:
    found = findings(write, draft + "\n")
    assert [(fact, message) for _, fact, message in found] == [("northyard-offer", SWAPPED)]


def test_an_action_of_one_party_given_to_another_is_flagged(write) -> None:
    assert findings(write, "Kestrel withdrew its bid on Friday.\n") == [(
        1, "dunmore-withdrawal",
        "Dunmore's withdrawal: draft gives \"withdrew its bid\" to Kestrel Marine, which is Dunmore's; the pack says "
        "it withdrew its bid two days before the deadline (source: port-report)",
    )]


@pytest.mark.parametrize(
    "draft",
    [
        "Northyard's bid offered maintenance.",  # listed for Northyard and Kestrel: never a swap
        "Kestrel's bid offered crane maintenance.",  # a wider phrase that holds one of Kestrel's own
        "Northyard's bid offered dredging, and Kestrel's offered hull welding.",
        "Dunmore withdrew its bid on Friday.",
    ],
)
def test_a_property_the_party_has_is_not_flagged(write, draft: str) -> None:
    assert findings(write, draft + "\n") == []


@pytest.mark.parametrize(
    ("draft", "fact", "message"),
    [
        ("The Port Authority said Northyard bribed officials.", "award-method",
         'How the bids were judged: draft says "bribed officials", which the pack says is not so; the pack says a '
         "sealed tender scored by an independent panel (source: port-report)"),
        ("The harbour contract is open to foreign yards.", "contract-closed",
         'Whether foreign yards may bid: draft says "open to foreign yards", which the pack says is not so; the pack '
         "says the contract is closed to foreign yards (source: port-report)"),
    ],
)
def test_a_statement_the_pack_contradicts_is_flagged(write, draft: str, fact: str, message: str) -> None:
    assert findings(write, draft + "\n") == [(1, fact, message)]


def test_a_passive_statement_is_also_read_in_the_active_voice(write) -> None:
    """The pack says "the contract is offered to foreign yards"; a draft says who offers it."""
    found = findings(write, "The Port Authority now offers the contract to foreign yards.\n")
    assert [(line, fact) for line, fact, _ in found] == [(1, "contract-closed")]
    assert 'draft says "offers the contract to foreign yards"' in found[0][2]
    assert findings(write, "The Port Authority does not offer the contract to foreign yards.\n") == []


def test_an_adverb_between_a_phrases_words_is_still_the_phrase(write) -> None:
    found = findings(write, "The contract is officially open to foreign yards.\n")
    assert [(line, fact) for line, fact, _ in found] == [(1, "contract-closed")]
    assert findings(write, "The contract is not formally open to foreign yards.\n") == []


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("The Port Authority said the three firms bribed officials.", True),
        ("Investigators found that the firms also rigged the tender.", True),
        ("Officials were taken to lunch by the firms, who never rigged the tender.", False),
        ("The Port Authority says Northyard, Kestrel and Dunmore bribed officials.", True),  # the parties listed
        ("The Port Authority says Northyard and the council bribed officials.", False),  # one of them, with another
        ("According to the report, the yards had won copies of the rigged the tender files.", False),
    ],
)
def test_a_contradicting_phrase_said_of_the_parties_together(write, draft: str, flagged: bool) -> None:
    """A fact of several parties is contradicted by what "the firms" did together."""
    assert [fact for _, fact, _ in findings(write, draft + "\n")] == (["award-method"] if flagged else [])


@pytest.mark.parametrize(
    "draft",
    [
        "The harbour contract is not open to foreign yards.",  # the contradicting words inside the right phrase
        "The Port Authority said Northyard never bribed officials.",
        "The Port Authority bribed officials, Northyard said.",  # said of someone the fact is not about
        "Someone on social media claimed Northyard bribed officials.",  # someone else's claim, reported
    ],
)
def test_a_contradicting_phrase_not_asserted_of_the_party_is_silent(write, draft: str) -> None:
    assert findings(write, draft + "\n") == []


@pytest.mark.parametrize(
    "draft",
    [
        "Northyard and Dunmore offered hull welding in their bids.",  # a list of parties
        "Northyard and Dunmore offered hull welding and tugboat crews, respectively, in their bids.",
        "Hull welding was offered in a bid by Northyard.",  # no party before it
        "Northyard's bid offered hull welding, as Kestrel's did.",  # another party after it in the clause
        "Northyard said the Port Authority proposed hull welding.",  # another subject between
        "The Port Authority named Northyard. The company offered hull welding in its bid.",  # "the company" is the authority
        "Its bid offered hull welding.",
    ],
)
def test_a_phrase_whose_owner_is_unclear_is_silent(write, draft: str) -> None:
    assert findings(write, draft + "\n") == []


@pytest.mark.parametrize(
    "draft",
    [
        "Northyard did not offer hull welding in its bid.",
        "Northyard's bid never offered hull welding.",
        "Unlike Kestrel, Northyard's bid offered no hull welding.",
        "If Northyard had offered hull welding, its bid would have won.",
        "Did Northyard's bid offer hull welding?",
        "Northyard's bid offered dredging rather than hull welding.",
        # someone else's claim, reported
        "Some posts asserted that the harbour contract is open to foreign yards.",
        # hearsay passed on
        "Plenty of people online are saying Northyard bribed officials. Did it?",
        "Some headlines said Northyard bribed officials.",
        "Nobody says Northyard bribed officials.",
        # what the paper said before, then set right
        "Last week we said Northyard's bid offered hull welding. That was Kestrel; Northyard offered dredging.",
    ],
)
def test_a_denied_contrasted_conditional_or_asked_phrase_is_silent(write, draft: str) -> None:
    assert findings(write, draft + "\n") == []


def test_a_phrase_outside_its_context_is_silent(write) -> None:
    # "offered" is what the facts of offers speak of; a yard's business is something else.
    assert findings(write, "Northyard has done hull welding for decades.\n") == []


def test_a_phrase_inside_a_quotation_follows_the_packs_quote_policy(write) -> None:
    draft = 'Northyard\'s manager said: "Northyard\'s bid offered hull welding."\n'
    assert findings(write, draft) == []  # quotes: skip, the default
    for policy, severity in (("warn", "warning"), ("check", "error")):
        pack = PACK.replace("\nsources:", f"\nquotes: {policy}\nsources:", 1)
        _, report = run_json("--rules", write("pack.yaml", pack), write("draft.md", draft))
        assert [(f["fact"], f["severity"]) for f in report["findings"]] == [("northyard-offer", severity)]
        assert '"hull welding" inside a quotation, which is Kestrel Marine\'s' in report["findings"][0]["message"]


def test_statements_found_right_are_listed_as_agreeing(write) -> None:
    pack = write("pack.yaml", PACK)
    draft = write("draft.md", (
        "Northyard's bid offered dredging. Kestrel's bid offered hull welding and maintenance.\n\n"
        "Dunmore withdrew its bid. The contract is closed to foreign yards.\n\n"
        "Northyard's bid offered tugboat crews.\n"
    ))
    proc = run("claims", "--format", "json", draft, "--rules", pack)
    assert proc.returncode == 0, proc.stderr
    read = [(c["line"], c["fact"], c["text"], c["verdict"]) for c in json.loads(proc.stdout)["claims"] if c["kind"] == "action"]
    assert read == [
        (1, "northyard-offer", "dredging", "agrees"),
        (1, "kestrel-offer", "hull welding", "agrees"),
        (1, "kestrel-offer", "maintenance", "agrees"),
        (3, "dunmore-withdrawal", "withdrew its bid", "agrees"),
        (3, "contract-closed", "closed to foreign yards", "agrees"),
        (5, "northyard-offer", "tugboat crews", "contradicts"),
    ]
    assert '"dredging" action: agrees with northyard-offer' in run("claims", draft, "--rules", pack).stdout


def test_explain_and_rules_list_say_whose_it_is_in_plain_words(write) -> None:
    pack = write("pack.yaml", PACK)
    proc = run("explain", "award-method", "--rules", pack)
    assert proc.returncode == 0
    for line in (
        "award-method (action, error) in pack harbour-bids",
        "  what: How the bids were judged",
        "  whose: Northyard, Kestrel Marine and Dunmore",
        "  says: a sealed tender scored by an independent panel",
        "  contradicted by: bribed officials, rigged the tender",
        "  is flagged: Northyard bribed officials to win.",
    ):
        assert line in proc.stdout.splitlines()
    assert "whose:" not in run("explain", "contract-closed", "--rules", pack).stdout
    rows = [re.split(r"\s{2,}", line) for line in run("rules", "list", pack).stdout.splitlines()]
    assert {row[1]: row[2] for row in rows[1:]}["northyard-offer"] == "action"


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("    owner: dunmore\n", "    owner: dunmor\n", "owner: dunmor", "unknown entity 'dunmor'"),
        ("    phrases: [withdrew its bid, pulled its bid]\n", "", "id: dunmore-withdrawal", "give phrases, contradicts, or both"),
        ("    phrases: [closed to foreign yards, not open to foreign yards]\n    contradicts", "    property: access\n    contradicts",
         "id: contract-closed", "property: only a fact with an owner"),
    ],
)
def test_an_action_fact_that_cannot_be_read_is_refused_at_its_line(write, old: str, new: str, where: str, message: str) -> None:
    assert old in PACK
    text = PACK.replace(old, new)
    pack = write("pack.yaml", text)
    proc = run("rules", "check", pack)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.endswith(where))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"{pack}:{line}:") and message in proc.stderr, proc.stderr


def test_the_schema_describes_action_facts(write) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(run("rules", "schema").stdout)
    jsonschema.validate(yaml.safe_load(PACK), schema)


# The bundled packs: what each lab's campaign targeted, and who did what.
LEAD = "Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.\n\n"


@pytest.mark.parametrize(
    ("sentence", "fact", "message"),
    [
        ("DeepSeek's campaign targeted computer vision, Anthropic said.", "deepseek-targets",
         'What DeepSeek\'s campaign targeted: draft says "computer vision", which is Moonshot AI\'s; the pack says '
         "reasoning and censorship-safe answers to politically sensitive questions (source: anthropic-blog)"),
        ("Anthropic said Moonshot AI's exchanges sought censorship-safe answers.", "moonshot-targets",
         'What Moonshot AI\'s campaign targeted: draft says "censorship-safe answers", which is DeepSeek\'s; the pack '
         "says agentic reasoning, tool use, coding, data analysis, computer-use agents and computer vision (source: anthropic-blog)"),
        ("MiniMax ran more than 13 million exchanges, focused on data analysis.", "minimax-targets",
         'What MiniMax\'s campaign targeted: draft says "data analysis", which is Moonshot AI\'s; the pack says agentic '
         "coding and tool use (source: anthropic-blog)"),
        ("Anthropic said DeepSeek shifted nearly half its traffic to the new Claude model within 24 hours.",
         "minimax-traffic-shift",
         'MiniMax\'s shift of traffic to a new Claude model: draft gives "half its traffic" to DeepSeek, which is '
         "MiniMax's; the pack says soon after a new Claude model was released, MiniMax shifted nearly half its "
         "traffic to it (source: anthropic-blog)"),
        ("Anthropic said DeepSeek hacked into its systems to reach Claude.", "access-method",
         'How the labs reached Claude: draft says "hacked into", which the pack says is not so; the pack says through '
         'commercial proxy services that resell access, running "hydra clusters" of accounts across many API keys and '
         "clouds (source: anthropic-blog)"),
        ("The labs went through proxy resellers, even though Claude is available in China.", "claude-not-in-china",
         'Where Claude is offered: draft says "Claude is available in China", which the pack says is not so; the pack '
         "says Claude is not offered in China (source: anthropic-blog)"),
        # the subject of a relative clause; an irregular verb; a figure with a comma in an appositive
        ("Moonshot, which shifted nearly half its traffic to a new Claude model, makes Kimi.", "minimax-traffic-shift",
         'MiniMax\'s shift of traffic to a new Claude model: draft gives "half its traffic" to Moonshot AI, which is '
         "MiniMax's; the pack says soon after a new Claude model was released, MiniMax shifted nearly half its "
         "traffic to it (source: anthropic-blog)"),
        ("- MiniMax also went after computer vision, Anthropic says.", "minimax-targets",
         'What MiniMax\'s campaign targeted: draft says "computer vision", which is Moonshot AI\'s; the pack says agentic '
         "coding and tool use (source: anthropic-blog)"),
        # an appositive that reports what the party did
        ("DeepSeek, the lab that Anthropic says hunted for computer vision, has shipped no such product.",
         "deepseek-targets",
         'What DeepSeek\'s campaign targeted: draft says "computer vision", which is Moonshot AI\'s; the pack says '
         "reasoning and censorship-safe answers to politically sensitive questions (source: anthropic-blog)"),
        ("DeepSeek, whose campaign was the smallest at 150,000 exchanges, targeted computer vision.", "deepseek-targets",
         'What DeepSeek\'s campaign targeted: draft says "computer vision", which is Moonshot AI\'s; the pack says '
         "reasoning and censorship-safe answers to politically sensitive questions (source: anthropic-blog)"),
    ],
)
def test_the_bundled_pack_flags_who_did_what_wrongly(write, sentence: str, fact: str, message: str) -> None:
    _, report = run_json("--rules", BUNDLED_PACK, write("draft.md", LEAD + sentence + "\n"))
    assert [(f["line"], f["fact"], f["message"]) for f in report["findings"]] == [(3, fact, message)]


def test_the_bundled_pack_lets_shared_targets_and_each_labs_own_through(write) -> None:
    draft = LEAD + (
        "Moonshot AI's exchanges targeted agentic coding and tool use, Anthropic said. DeepSeek focused on reasoning. "
        "MiniMax moved nearly half its traffic to the new model.\n\n"
        "Claude is not offered in China, and DeepSeek reached it through proxy services.\n"
    )
    _, report = run_json("--rules", BUNDLED_PACK, write("draft.md", draft))
    assert report["findings"] == []


def test_the_paramount_pack_flags_wbd_paying_the_fee_owed_to_netflix(write) -> None:
    pack = ROOT / "rules" / "paramount-wbd-2026.yaml"
    lead = "Paramount won Warner Bros. Discovery after Netflix declined to match.\n\n"
    _, report = run_json("--rules", pack, write("draft.md", lead + "WBD paid Netflix the $2.8 billion breakup fee on Friday.\n"))
    assert [(f["line"], f["fact"]) for f in report["findings"]] == [(3, "breakup-fee-payer")]
    right = lead + "Paramount paid Netflix the $2.8 billion breakup fee that WBD owed it.\n"
    assert run_json("--rules", pack, write("draft.md", right))[1]["findings"] == []


def test_the_sentence_before_in_its_paragraph_sets_the_scene(write) -> None:
    """The fact's context may be named in the sentence before, in the same paragraph only."""
    pack = ROOT / "rules" / "paramount-wbd-2026.yaml"
    said = "Netflix is owed a $2.8 billion breakup fee. WBD settled it with Netflix on Friday, using its own funds.\n"
    _, report = run_json("--rules", pack, "--all-documents", write("draft.md", said))
    assert [(f["line"], f["fact"]) for f in report["findings"]] == [(1, "breakup-fee-payer")]
    apart = "Netflix is owed a $2.8 billion breakup fee.\n\nWBD settled it with Netflix on Friday, using its own funds.\n"
    assert run_json("--rules", pack, "--all-documents", write("draft.md", apart))[1]["findings"] == []
