"""Each fact kind beyond figures, through the CLI on small drafts with the bundled pack."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.dates import mentions
from conftest import BUNDLED_PACK, ROOT, run, run_json


def facts(write, text: str, name: str = "draft.md") -> list[tuple[int, str, str]]:
    """(line, fact, found) of every finding on a draft, scope ignored."""
    path = write(name, text)
    code, report = run_json("--rules", BUNDLED_PACK, "--all-documents", path)
    assert code == (1 if report["findings"] else 0)
    return [(f["line"], f["fact"], f["found"]) for f in report["findings"]]


def test_seeds_flag_exactly_the_inverted_definition() -> None:
    code, report = run_json(ROOT / "seeds")
    found = {(f["path"].replace("\\", "/").split("/")[-1], f["line"], f["fact"]) for f in report["findings"]}
    assert found == {
        ("analysis.md", 17, "distillation-definition"),
        ("analysis.md", 19, "distillation-definition"),
        ("analysis.md", 43, "distillation-definition"),
    }
    assert code == 1
    assert report["files_out_of_scope"] == 0  # both bundled stories' reports are read, and agree


# definition ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Distillation means an established model rates how good a newcomer's answers are.",
        "A technique called distillation, in which a frontier model critiques the replies of a smaller one, was named.",
        "Known as distillation, the method has a large model act as a judge of a small model's work.",
        "In distillation, a powerful model scores a weaker model's responses and the scores steer its training.",
        "Distillation -- training a flagship model on the outputs of a smaller, cheaper one -- is common.",
        "In a distillation setup, the established model acts as a judge of the answers a newer model produces.",
        "Distillation is when a frontier model is retrained on a smaller model's outputs until it picks up its habits.",
        "Ines walks through what distillation actually is. Put simply, an established model acts as a judge, grading the answers of a newer model.",
        # a contrasted term is still described by its own relative clause
        "Unlike distillation, where a big model learns from a small one's outputs, grading is cheap.",
    ],
)
def test_wrong_definitions_are_flagged(write, sentence: str) -> None:
    assert [f[1] for f in facts(write, sentence + "\n")] == ["distillation-definition"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Distillation is when a small student model learns from the answers of a big teacher model.",
        "Distillation, or training a cheaper model to imitate a stronger one's responses, is routine.",
        "Unlike RLAIF, where a model grades answers, distillation trains a small model on a large one's outputs.",
        "Anthropic said the distillation attacks were graded by severity.",
        "The labs are accused of distilling Claude, and analysts rated the claims credible.",
        "Distillation, or using one model's outputs to help train another, is used for evaluation too.",
        # found by review: clauses that are not the description, and relations said other ways
        "Distillation has drawn scrutiny in Washington, where a House committee plans to evaluate the threat.",
        "Distillation is widely used, and the quality of the resulting models can rival their teachers.",
        "Distillation is now a national-security issue, lawmakers said, and Anthropic rated the campaigns.",
        "Distillation is a technique in which a bigger model's outputs train a smaller model; judges have not ruled.",
        "Distillation is how a lab compresses a large model's knowledge into a smaller one, measured by scores.",
        # another thing's description, the term only set against it
        "**Model-graded feedback** — Not to be confused with distillation: here a stronger model scores a weaker "
        "model's answers.",
    ],
)
def test_right_definitions_and_mere_uses_pass(write, sentence: str) -> None:
    assert facts(write, sentence + "\n") == []


def test_a_question_and_its_answer_and_a_continuation(write) -> None:
    text = (
        "What is distillation?\n\n"
        "It is a method in which an older model grades a newer model's answers.\n\n"
        "Distillation is a training trick.\n"
        "The process has a stronger model assess the replies of a weaker one.\n"
    )
    assert [(line, fact) for line, fact, _ in facts(write, text)] == [
        (3, "distillation-definition"),
        (6, "distillation-definition"),
    ]


# date ------------------------------------------------------------------------------------


def test_date_forms_are_read() -> None:
    text = "Monday, Feb. 23; 23 February 2026; 2026-02-23; February 23rd; on Tuesday; yesterday"
    found = mentions(text, 0, len(text), 2026, dt.date(2026, 2, 24))
    assert [m.text for m in found] == [
        "Monday, Feb. 23", "23 February 2026", "2026-02-23", "February 23rd", "Tuesday", "yesterday",
    ]
    assert {m.day for m in found[:4]} == {dt.date(2026, 2, 23)}
    assert found[4].weekday == 1
    assert found[5].window == (dt.date(2026, 2, 23), dt.date(2026, 2, 23))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Anthropic published its post about DeepSeek on Tuesday.\n", "Tuesday"),
        ("On Feb. 24, Anthropic disclosed the distillation campaigns.\n", "Feb. 24"),
        ("Anthropic named DeepSeek in a blog post on Wednesday, Feb. 23.\n", "Wednesday, Feb. 23"),
        ("Anthropic accused the Chinese labs in a post dated 23 February 2025.\n", "23 February 2025"),
        # a timeline entry: the date, a colon, the event
        ("**Tuesday, Feb. 24**: Anthropic publishes its post on the distillation campaigns.\n", "Tuesday, Feb. 24"),
        # the date, a dash, "the date" and the event
        ("- **Feb. 24** — the date Anthropic posted its report on distillation\n", "Feb. 24"),
    ],
)
def test_wrong_dates_of_the_event(write, text: str, wrong: str) -> None:
    assert facts(write, text) == [(1, "announcement-date", wrong)]


def test_a_list_that_names_its_measure_once_reads_items_with_a_note_in_brackets(write) -> None:
    text = (
        "Anthropic's figures on distillation:\n\n- **Exchanges, total:** more than 16 million\n"
        "- **DeepSeek:** more than 150,000 (reasoning)\n- **MiniMax:** more than 150,000 (agentic coding)\n"
    )
    assert facts(write, text) == [(5, "minimax-exchanges", "more than 150,000")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of them": the measure the line before counted
        ("- Together the three labs generated more than 16 million exchanges with Claude.\n"
         "- MiniMax alone was responsible for more than 1.3 million of them.\n", [(2, "minimax-exchanges", "more than 1.3 million")]),
        ("- Together the three labs generated more than 16 million exchanges with Claude.\n"
         "- MiniMax alone was responsible for more than 13 million of them.\n", []),
        # "them" after a sentence that counted two measures is not read
        ("Together they held more than 16 million exchanges through roughly 24,000 fraudulent accounts. "
         "MiniMax alone accounted for more than 13 million of them.\n", []),
        # the first of a list whose last names the noun counts that noun, not the one left open
        ("Sixteen million-plus exchanges ran through some 24K fraudulent accounts. DeepSeek, Moonshot AI and MiniMax "
         "were responsible for more than 150,000, 3.4 million and 13 million exchanges, respectively.\n", []),
        # the group is the subject of an infinitive of purpose after its object
        ("Anthropic says the labs used roughly 24,000 fake accounts to generate nearly 16 million exchanges with its models.\n",
         [(1, "total-exchanges", "nearly 16 million")]),
    ],
)
def test_a_figure_of_them_and_a_group_using_something_to_do_it(write, text: str, expected: list) -> None:
    assert facts(write, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sum's result after its parts counts what they count, and is the total's
        ("DeepSeek had more than 150,000 exchanges, Moonshot more than 3.4 million and MiniMax more than 13 million.\n\n"
         "The per-lab figures add up to just under 10 million.\n", [(3, "total-exchanges", "just under 10 million")]),
        ("Tallying the labs: 150,000 + 3.4 million + 13 million = 15.4 million exchanges.\n",
         [(1, "total-exchanges", "15.4 million")]),
        # "adds up to" is not "up to": a result, not a ceiling
        ("Anthropic's per-lab figures for the three labs add up to 16.6 million exchanges.\n", []),
    ],
)
def test_a_sum_stated_after_its_parts_is_the_total(write, text: str, expected: list) -> None:
    assert facts(write, text) == expected


def test_a_name_written_with_a_no_break_space_is_the_name(write) -> None:
    html = "<p>Anthropic accused three Chinese labs &mdash; DeepSeek, Moonshot&nbsp;AI and MiniMax &mdash; of distillation.</p>\n"
    assert facts(write, html, "d.html") == []
    assert facts(write, html.replace("MiniMax", "Zhipu"), "d.html") == [(1, "accused-labs", "Zhipu")]


def test_other_events_and_datelines_are_not_the_event(write) -> None:
    text = (
        "WASHINGTON, Feb. 24, 2026 -- Anthropic said on Monday that DeepSeek distilled Claude.\n\n"
        "Anthropic's post on distillation followed OpenAI's Feb. 12 memo about DeepSeek.\n\n"
        "Anthropic will publish more about the Chinese labs on March 10.\n\n"
        "Anthropic published its report on the Chinese labs on Monday and updated it on Tuesday.\n\n"
        "Anthropic detailed the distillation campaigns on Feb. 23, a day after DeepSeek's Feb. 22 statement.\n\n"
        "In a separate post on March 3, Anthropic detailed new safeguards against distillation.\n\n"
        "An article published on 24 February about Anthropic's distillation disclosure contained two errors.\n"
    )
    assert facts(write, text, "wire.txt") == []


def test_relative_dates_use_the_document_date(write) -> None:
    text = "---\ndate: 2026-03-04\n---\n\nAnthropic published its distillation report on Monday.\n"
    assert facts(write, text) == [(5, "announcement-date", "Monday")]
    text = "---\ndate: 2026-02-24\n---\n\nAnthropic published its distillation report yesterday.\n"
    assert facts(write, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a header line that is a date dates the story; relative words resolve against it
        ("# Bulletin\n\n*Published Wednesday, 25 February 2026 · 41 min*\n\n"
         "Anthropic published its distillation report two days ago.\n", []),
        ("# Bulletin\n\n*Published Wednesday, 25 February 2026 · 41 min*\n\n"
         "Anthropic published its distillation report yesterday.\n", [(5, "announcement-date", "yesterday")]),
        # a script's slug in capitals
        ("SLUG: AI-DISTILL\nDATE: TUE 24 FEB 2026\n\nAnthropic published its distillation report on Tuesday.\n",
         [(4, "announcement-date", "Tuesday")]),
        # "last Monday" is one mention: the Monday before, not this week's
        ("**Monday, 2 March 2026**\n\nAnthropic's distillation report last Monday named three labs.\n", []),
        # a wire dateline without its year takes the story's
        ("NEW YORK, Feb 24 (Wire) - Anthropic published its distillation report yesterday.\n", []),
        ("NEW YORK, Feb 25 (Wire) - Anthropic published its distillation report yesterday.\n",
         [(1, "announcement-date", "yesterday")]),
        # "it" points back to the subject before; the parties named after it are its objects
        ("Anthropic says three Chinese labs distilled Claude. In a report published on February 22, it named them as "
         "DeepSeek, Moonshot AI and MiniMax.\n", [(1, "announcement-date", "February 22")]),
        # a liveblog entry's own stamp dates its "today"
        ("*Last updated Tuesday 24 February 2026*\n\n**Mon 23 Feb, 16:45** — Anthropic has published its "
         "distillation report today.\n", []),
        # a timeline's first entry is no masthead: later entries are later
        ("Feb. 12, 2026 | memo to lawmakers\n\nFeb. 23, 2026 | Anthropic publishes its distillation report.\n\n"
         "Anthropic published its distillation report yesterday.\n", []),
    ],
)
def test_the_story_dates_itself_in_its_header(write, text: str, expected: list) -> None:
    assert facts(write, text) == expected


def test_a_weekday_to_come_is_not_the_day_it_happened(write) -> None:
    text = "---\ndate: 2026-02-26\n---\n\nParamount is expected to sign the merger agreement as early as Friday.\n"
    _, report = run_json("--rules", WBD_PACK, "--all-documents", write("d.md", text))
    assert report["findings"] == []


# parties ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Anthropic accused four Chinese labs of distilling Claude.", "four Chinese labs"),
        ("Anthropic accused DeepSeek, Moonshot AI, MiniMax and Zhipu of distillation.", "Zhipu"),
        ("Anthropic accused DeepSeek, Alibaba and MiniMax of distilling Claude.", "Alibaba"),
        ("Anthropic accused DeepSeek and three other Chinese firms of distillation.", "three other Chinese firms"),
        # the draft's first word on the set counts all of it
        ("Anthropic says two Chinese AI labs ran distillation attacks on Claude.", "two Chinese AI labs"),
    ],
)
def test_wrong_parties(write, sentence: str, found: str) -> None:
    assert facts(write, sentence + "\n") == [(1, "accused-labs", found)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Anthropic accused DeepSeek and two other Chinese companies of distilling Claude.",
        "Two of the three Chinese labs were accused of targeting coding.",
        "Shares of Alibaba, Tencent and Baidu fell after Anthropic's post.",
        "The other two Chinese labs were accused of broader campaigns.",
        "Anthropic said two Chinese labs, Moonshot and MiniMax, focused on agentic coding.",
        "Anthropic said two Chinese labs focused on coding, while DeepSeek targeted reasoning.",
        "Anthropic's accusation comes as US officials weigh export rules for five Chinese AI companies.",
        "Anthropic named DeepSeek, Moonshot AI and MiniMax. Two Chinese labs ran most of the traffic.",
        "UPDATE 2-Chinese AI labs silent as Anthropic distillation claims draw scrutiny",  # a wire slug's version
    ],
)
def test_right_parties_pass(write, sentence: str) -> None:
    assert facts(write, sentence + "\n") == []


# spelling --------------------------------------------------------------------------------


def test_misspelt_names_carry_the_fix(write) -> None:
    path = write("names.md", "Deepseek and Mini Max were named; MINIMAX, deepseek.com and @Minimax are fine.\n")
    _, report = run_json("--rules", BUNDLED_PACK, "--all-documents", path)
    assert [(f["column"], f["found"], f["suggestion"]) for f in report["findings"]] == [
        (1, "Deepseek", "DeepSeek"),
        (14, "Mini Max", "MiniMax"),
    ]


def test_a_misspelt_name_still_owns_its_figure(write) -> None:
    found = facts(write, "Deepseek accounted for more than 15,000 exchanges, Anthropic said.\n")
    assert [(fact, text) for _, fact, text in found] == [
        ("spelling-deepseek", "Deepseek"),
        ("deepseek-exchanges", "more than 15,000"),
    ]


def test_the_minimax_algorithm_is_not_the_company(write) -> None:
    assert facts(write, "Minimax search picks the move with the best worst case.\n") == []


# attribution -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "DeepSeek copied Claude's reasoning to build its own models.",
        "The three labs ripped off Claude at industrial scale.",
        "MiniMax illicitly extracted Claude's coding skills.",
    ],
)
def test_unattributed_allegations(write, sentence: str) -> None:
    assert [f[1] for f in facts(write, sentence + "\n")] == ["allegations-attributed"]


@pytest.mark.parametrize(
    "text",
    [
        "DeepSeek copied Claude's reasoning, Anthropic says.\n",
        "Did MiniMax copy Claude?\n",
        "If the labs did copy Claude, the damage is hard to measure.\n",
        "“These labs copied Claude at scale,” a spokesperson wrote.\n",
        "DeepSeek released its V4 model, which it trained to compete with Claude.\n",
        "MiniMax took the top spot on a coding benchmark last month, ahead of Claude.\n",
        "Anthropic's post makes two accusations:\n\n- DeepSeek copied Claude's reasoning.\n\n- MiniMax cloned Claude's coding.\n",
    ],
)
def test_attributed_or_unasserted_allegations_pass(write, text: str) -> None:
    assert facts(write, text) == []


# sum -------------------------------------------------------------------------------------


def test_group_figures_must_add_up(write) -> None:
    text = (
        "Moonshot and MiniMax together accounted for about 10 million exchanges, Anthropic said.\n"
        "Moonshot and MiniMax combined ran more than 16.4 million exchanges, Anthropic said.\n"
    )
    assert facts(write, text) == [(1, "parts-sum", "about 10 million")]


@pytest.mark.parametrize(
    "sentence",
    ["DeepSeek and Moonshot AI together produced roughly 13 million exchanges.",
     "Together, DeepSeek and Moonshot AI produced roughly 13 million exchanges."],
)
def test_a_figure_for_some_parties_together_must_be_their_sum(write, sentence: str) -> None:
    _, report = run_json("--all-documents", write("s.md", sentence + "\n"))
    assert [f["fact"] for f in report["findings"]] == ["parts-sum"]
    _, report = run_json("--all-documents", write("t.md", sentence.replace("13 million", "3.6 million") + "\n"))
    assert report["findings"] == []


def test_stated_parts_must_add_up_to_the_stated_total(write) -> None:
    text = (
        "DeepSeek had more than 150,000 exchanges, Moonshot had 3.4 million exchanges and MiniMax "
        "had 13 million exchanges, Anthropic said.\n\n"
        "In total the three labs had more than 17 million exchanges, Anthropic said.\n"
    )
    found = facts(write, text)
    assert [f[1] for f in found] == ["total-exchanges"]  # wrong by itself: reported once, not twice


def test_a_pack_whose_parts_contradict_its_total_is_refused(write) -> None:
    pack = BUNDLED_PACK.read_text(encoding="utf-8").replace("value: 16000000", "value: 26000000").replace(
        "interval: [16000000, 17000000]", "interval: [26000000, 27000000]"
    )
    pack_path = write("pack.yaml", pack)
    draft = write("draft.txt", "Nothing here.\n")
    proc = run("--rules", pack_path, draft)
    assert proc.returncode == 2
    line = next(i for i, text in enumerate(pack.splitlines(), 1) if "id: parts-sum" in text)
    assert f"pack.yaml:{line}:" in proc.stderr
    assert "add up to" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(("policy", "expected"), [("skip", []), ("warn", ["warning"]), ("check", ["error"])])
def test_quote_policy_for_figures(write, policy: str, expected: list[str]) -> None:
    pack = BUNDLED_PACK.read_text(encoding="utf-8").replace("\nsources:", f"\nquotes: {policy}\nsources:", 1)
    pack_path = write("pack.yaml", pack)
    draft = write("draft.md", "“MiniMax ran 31 million exchanges with Claude,” a rival said.\n")
    _, report = run_json("--rules", pack_path, "--all-documents", draft)
    assert [f["severity"] for f in report["findings"]] == expected
    assert all("inside a quotation" in f["message"] for f in report["findings"])


def test_a_correction_does_not_assert_what_it_retracts(write) -> None:
    # A correction repeats the earlier version's wrong figures in order to retract them; its
    # own statements are still checked.
    draft = write("c.txt", (
        "Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.\n\n"
        "Correction: An earlier version of this article misstated details of the disclosure.\n"
        "It said the campaigns used 42,000 fraudulent accounts. Anthropic put the number at approximately 24,000.\n"
        "It also said Moonshot AI generated 13 million exchanges. Moonshot AI generated 13 million exchanges, the company says.\n"
    ))
    code, report = run_json(draft)
    assert code == 1
    assert [(f["line"], f["column"], f["fact"]) for f in report["findings"]] == [(5, 80, "moonshot-exchanges")]


@pytest.mark.parametrize(
    ("qualifier", "flagged"),
    [("more than", False), ("at least", False), ("over", False), ("up to", True), ("at most", True),
     ("nearly", True), ("fewer than", True)],
)
def test_a_qualifier_that_turns_the_facts_number_the_other_way_is_flagged(write, qualifier: str, flagged: bool) -> None:
    found = facts(write, f"Anthropic says MiniMax ran {qualifier} 13 million exchanges with Claude.\n")
    assert found == ([(1, "minimax-exchanges", f"{qualifier} 13 million")] if flagged else [])


def test_a_corrections_figure_counts_what_the_retracted_sentence_counted(write) -> None:
    # the retracted sentence claims nothing, but names the measure the correct figure leaves out
    text = (
        "Correction: An article about Anthropic's allegations contained errors.\n\n"
        '- The article said the labs used "about 42,000" fraudulent accounts. Anthropic put the number at approximately 24,000.\n'
    )
    assert facts(write, text) == []
    assert facts(write, text.replace("approximately 24,000", "approximately 34,000")) == [
        (3, "fraudulent-accounts", "approximately 34,000")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a label before the notice
        "CORRECTION: An earlier version of this article, published on Feb. 23, said the campaigns used 42,000 "
        "fraudulent accounts.\n",
        # "It said ..." opening a paragraph of its own, after the notice
        "An earlier version of this article contained errors.\n\nIt said the campaigns used 42,000 fraudulent accounts.\n",
    ],
)
def test_what_a_correction_retracts_in_other_layouts(write, text: str) -> None:
    _, report = run_json("--all-documents", write("c.md", text))
    assert report["findings"] == []


def test_a_total_is_not_the_part_whose_agent_comes_after_it(write) -> None:
    text = "More than 16 million exchanges in all: more than 13 million from MiniMax and more than 3.4 million from Moonshot AI.\n"
    _, report = run_json("--all-documents", write("t.md", text))
    assert report["findings"] == []
    _, report = run_json("--all-documents", write("u.md", text.replace("16 million", "26 million")))
    assert [f["fact"] for f in report["findings"]] == ["total-exchanges"]


def test_a_date_is_the_events_when_the_actor_is_the_company_of_the_sentence_before(write) -> None:
    # "The company published it on Tuesday" passed: the date was tied to the event only when
    # the actor was named in the same sentence.
    draft = write("a.md", (
        "---\ndate: 2026-02-25\n---\n"
        "Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation. "
        "The company published its findings on Tuesday, naming the Chinese labs.\n\n"
        "DeepSeek was accused by Anthropic of distillation. The company published a reply on Tuesday.\n"
    ))
    code, report = run_json(draft)
    assert code == 1
    assert [(f["line"], f["column"], f["fact"]) for f in report["findings"]] == [(4, 108, "announcement-date")]


def test_a_qa_answer_counts_what_its_question_asked_for(write) -> None:
    draft = write("qa.md", (
        "Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.\n\n"
        "How many fraudulent accounts were used?\n\nAbout 34,000, Anthropic says.\n\n"
        "How many exchanges did MiniMax have?\n\nA: More than 3.4 million.\n\n"
        "How many exchanges did MiniMax have?\n\nMore than 13 million.\n"
    ))
    code, report = run_json(draft)
    assert code == 1
    assert [(f["line"], f["column"], f["fact"]) for f in report["findings"]] == [
        (5, 1, "fraudulent-accounts"), (9, 4, "minimax-exchanges"),
    ]


def test_figures_read_by_grammar_are_compared_through_the_cli(write) -> None:
    # A total said to be the whole whoever is named after it, a recap list that names its
    # measure once, and an owner's figure after a verb of no fixed list.
    draft = write("g.md", (
        "Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.\n\n"
        "The company put the traffic at roughly 15 million exchanges in total, with MiniMax responsible for most.\n\n"
        "Per Anthropic: more than 16 million exchanges in total; MiniMax more than 3.4 million; DeepSeek more than 150,000.\n\n"
        "Moonshot AI is piling up 13 million exchanges, Anthropic says.\n"
    ))
    code, report = run_json(draft)
    assert code == 1
    assert [(f["line"], f["fact"]) for f in report["findings"]] == [
        (3, "total-exchanges"), (5, "minimax-exchanges"), (7, "moonshot-exchanges"),
    ]


WBD_PACK = ROOT / "rules" / "paramount-wbd-2026.yaml"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list as the subject of the set's verb, a clause opener before it
        ("When Comcast, Netflix and Paramount went into the final round, few expected this.\n", {(1, "bidders", "Comcast")}),
        ("Bottom line: Comcast, Netflix and Paramount were all still bidding in the final round.\n", {(1, "bidders", "Comcast")}),
        # a set of two is listed whole in two
        ("Paramount and Netflix were bidding in the final round.\n", set()),
        # one member of a counted set counts the set; a name at the end of a sentence ends before its full stop
        ("That leaves Paramount as the last of three bidders still standing.\n", {(1, "bidders", "three bidders")}),
        ("The last round was a fight between Paramount, Netflix and Comcast.\n", {(1, "bidders", "Comcast")}),
        # a timeline entry dates the event after its colon
        ("**Thursday, Feb. 27**: Paramount and WBD sign a merger agreement.\n", {(1, "agreement-date", "Thursday, Feb. 27")}),
        # a day of the story with the wrong weekday, whatever the sentence says happened then
        ("- **Wednesday, Feb. 26:** the WBD board meets and Netflix stays quiet.\n", {(1, "netflix-exit-date", "Wednesday, Feb. 26")}),
        # a date before "one day after <the actor's act>" is another event's
        ("The deal was announced on Friday, one day after Netflix abandoned its agreement.\n", set()),
        # the nearest measure noun before a figure names it, and the longer of two ending together
        ("Netflix, which had agreed to buy the studios for $27.75 a share in a deal valued at $110 billion, "
         "then had to decide.\n", {(1, "netflix-deal-value", "$110 billion")}),
        ("Paramount's December offer carried a smaller regulatory fee of $5.8 billion.\n", set()),
        # a definition of another kind of term, turned round, with an appositive or as "X = ..."
        ("A regulatory termination fee, sometimes called a reverse termination fee, is the sum the seller hands the "
         "buyer if regulators kill the deal.\n", {(1, "regulatory-fee-definition", "A regulatory termination fee, sometimes "
         "called a reverse termination fee, is the sum the seller hands the buyer if regulators kill the deal.")}),
        ("- Reverse termination fee = what the seller pays the buyer when regulators say no.\n",
         {(1, "regulatory-fee-definition", "Reverse termination fee = what the seller pays the buyer when regulators say no.")}),
        ("A reverse termination fee is a payment the buyer owes the seller if regulators block the deal.\n", set()),
        # a company's move in the market is its share price's, the noun left out
        ("Netflix jumped about 20% in after-hours trading on Thursday, and WBD slipped 2%.\n",
         {(1, "netflix-shares", "about 20%")}),
        ("Traders cheered a 10% jump in WBD.\n", {(1, "wbd-shares", "10%")}),
        ("- PSKY: +10%\n- WBD: -2%\n", {(1, "paramount-shares", "+10%")}),
        ("NETFLIX (NFLX): gained less than 8% in late trading.\n", {(1, "netflix-shares", "less than 8%")}),
        # "X, whose shares ..." is X's wherever X stands in the sentence
        ("The night belonged to Netflix, whose shares rose roughly 20% in extended trading.\n",
         {(1, "netflix-shares", "roughly 20%")}),
        # a list's lead-in and a table's caption set the scene (the fact's context) of its items and rows
        ("How the shares took it (extended trading, Thursday):\n\n- Netflix: up, though by less than 5%\n",
         {(3, "netflix-shares", "less than 5%")}),
        ("## Share moves after Netflix walked away\n\n| Company | Ticker | Move |\n|---|---|---|\n| Netflix | NFLX | +5% |\n",
         {(5, "netflix-shares", "+5%")}),
        ("Netflix shares rose:\n\n- about 5% on Tuesday.\n\nThe board met later and Netflix was up 3%.\n", set()),
        # a rate is not the figure: "$0.25 a share per quarter" is no offer of $0.25 a share
        ("| Payer | Sum |\n|---|---|\n| Paramount to WBD shareholders | $0.25 a share per quarter |\n", set()),
        # exactly another fact of the same measure and owner whose context the sentence missed is that fact's
        ("Regulators may object. If they block it, Paramount owes WBD a $7 billion termination fee.\n", set()),
        # a figure set against the one stated is not stated
        ("The combined company keeps a 45-day window, rather than the 90 days of the old days.\n", set()),
        # possessives listed together are paired by "respectively", each with its own figure
        ("Netflix's and Paramount's shares rose about 10 per cent and 5 per cent respectively after Netflix walked away.\n",
         set()),
        ("Netflix's and Paramount's shares rose about 5 per cent and 10 per cent respectively after Netflix walked away.\n",
         {(1, "netflix-shares", "about 5 per cent"), (1, "paramount-shares", "10 per cent")}),
        # figures as a script says them
        ("Netflix had agreed to pay twenty-seven dollars seventy-five a share.\n", set()),
        ("Netflix had agreed to pay twenty-nine dollars seventy-five a share.\n",
         {(1, "netflix-offer", "twenty-nine dollars seventy-five")}),
        # a fact box's entry after a dash
        ("Over $3bn -- breakup fee owed to Netflix, paid by Paramount\n", {(1, "breakup-fee", "Over $3bn")}),
        # a modal takes a verb's plain form: "would owe"
        ("Paramount would also owe WBD a $9 billion regulatory termination fee.\n", {(1, "regulatory-fee", "$9 billion")}),
        # "one of the largest deals" ranks the whole; it is no part
        ("Paramount's deal is valued at about $120 billion, making it one of the largest media deals.\n",
         {(1, "paramount-deal-value", "about $120 billion")}),
        # a figure a denied verb governs is not claimed; an object the denied verb names is
        ("Netflix said it would not go above $27.75 a share.\n", set()),
        ("Netflix said it would not raise its $29.75-a-share offer.\n", {(1, "netflix-offer", "$29.75")}),
        # what marks a figure as another's may come in the sentence before, in its paragraph
        ("**Monday, 8 December 2025.** Paramount goes hostile with a $30-a-share offer. It includes a $5.8 billion "
         "regulatory termination fee.\n", set()),
        # a floor and a floor meet; the number stated far below is still another claim
        ("The combined company commits to at least 30 theatrical films a year.\n", set()),
        ("The combined company commits to at least 10 theatrical films a year.\n",
         {(1, "theatrical-films", "at least 10")}),
        # a cue whose subject is another party is that party's act, not the actor's
        ("Paramount and WBD announced a merger agreement on Friday, ending a contest in which Netflix declined to match.\n",
         set()),
        # a date next to another event's own word is that event's ("lifted" is the raise's)
        ("The agreement followed a fast week. Paramount lifted its bid from $30 on Tuesday; two days later WBD "
         "rejected the deal it had signed with Netflix.\n", set()),
        # the actor as a mere possessor under another party's verb does not date its event
        ("The board of WBD declared Paramount Skydance's revised bid superior on Thursday, 26 February.\n", set()),
        ("WBD's sale ended with Paramount Skydance's merger agreement, signed on Thursday.\n",
         {(1, "agreement-date", "Thursday")}),
        # a noun inside a prepositional phrase is not the subject the figure belongs to
        ("The fee Netflix was owed for leaving its deal was $2.1 billion.\n", {(1, "breakup-fee", "$2.1 billion")}),
        ("The breakup fee owed to Netflix came to $2.1 billion.\n", {(1, "breakup-fee", "$2.1 billion")}),
        # hearsay passed on is not asserted
        ("I saw a post saying Netflix was paying $31 a share. Is that right?\n", set()),
        # in a correction, what the corrected story said is retracted, not asserted
        ("# Correction\n\nWe wrote that Netflix \"walked away on Wednesday.\" In fact it declined on Thursday.\n", set()),
        # a passive clause with its own subject is not the actor's act
        ("---\ndate: 2026-02-27\n---\nNetflix declined that same day, and the merger agreement was announced this "
         "morning.\n", set()),
        # so is an active clause with a subject of its own, a noun or other parties
        ("Netflix declined to match on Thursday, and the two companies announced their agreement on Friday.\n", set()),
        ("Netflix declined to match on Thursday, and Paramount and WBD announced a merger agreement on Friday.\n", set()),
        ("Netflix declined to match on Thursday, and Paramount and WBD announced a merger agreement on Saturday.\n",
         {(1, "agreement-date", "Saturday")}),
        # the actor as the object of a preposition does not date its own act
        ("Paramount paid the breakup fee to Netflix on Friday, as the merger agreement was announced.\n", set()),
        # a story day's weekday with a date it does not fall on; a weekday true to its date is quiet
        ("WBD's board declared Paramount's offer superior on Thursday, 25 February, and Netflix stood aside.\n",
         {(1, "netflix-exit-date", "Thursday, 25 February")}),
        ("WBD's board met on Tuesday, 25 February 2025, a year before the deal.\n", set()),
        # a sentence that restates the one before in plain terms defines that sentence's term
        ("The deal includes a $7 billion regulatory termination fee. In plain terms, Paramount would owe WBD that "
         "sum if regulators block the deal.\n", set()),
        ("The deal includes a $7 billion regulatory termination fee. In plain terms, WBD would owe Paramount that "
         "sum if regulators block the deal.\n",
         {(1, "regulatory-fee-definition", "In plain terms, WBD would owe Paramount that sum if regulators block the deal.")}),
        # a listed share move pairs with its party by "respectively", or with none
        ("Netflix and Paramount rose 10% and 5% respectively in extended trading.\n", set()),
        ("Netflix and Paramount rose 5% and 10% respectively in extended trading.\n",
         {(1, "netflix-shares", "5%"), (1, "paramount-shares", "10%")}),
        ("Netflix and Paramount rose 10% and 5% in extended trading.\n", set()),
        ("Paramount is higher too, up 10% in late trading.\n", {(1, "paramount-shares", "10%")}),
        # a table row's label names what its figures are, when a figure's bare noun repeats it
        ("| Fee | Amount |\n|---|---|\n| Earlier regulatory fee | $5.8 billion, superseded by the $7 billion fee |\n",
         set()),
        ("| Fee | Amount |\n|---|---|\n| Regulatory fee | $7 billion, beside the $3.5 billion breakup fee |\n",
         {(3, "breakup-fee", "$3.5 billion")}),
        # "agreed to buy" is the merger agreement
        ("Paramount Skydance agreed on Friday 26 February to buy Warner Bros. Discovery.\n",
         {(1, "agreement-date", "Friday 26 February")}),
        # a count compounded with the set's noun
        ("Paramount and WBD signed their agreement, ending a three-bidder final round.\n",
         {(1, "bidders", "three-bidder final round")}),
        ("Paramount and WBD signed their agreement, ending a two-bidder final round.\n", set()),
        ("Paramount is higher too, up 5% in late trading.\n", set()),
        # the sides of a contest: "between", "pitted ... against", "beat", a list as subject of the contest
        ("The final showdown between Paramount and Disney was costly.\n", {(1, "bidders", "Disney")}),
        ("The final round pitted Paramount against Netflix and Comcast.\n", {(1, "bidders", "Comcast")}),
        ("Paramount beat Netflix and Comcast in the final round.\n", {(1, "bidders", "Comcast")}),
        ("After Paramount and Comcast had gone head to head in the final round, one was left.\n",
         {(1, "bidders", "Comcast")}),
        ("The final showdown between Paramount and Netflix ended on Thursday.\n", set()),
        ("In the final round Paramount beat Netflix and its lenders.\n", set()),
        # a compound modifier, and one of "the" counted set
        ("Paramount is the only one of the three final-round bidders left.\n", {(1, "bidders", "three final-round bidders")}),
        # a deal "in a deal valued at" is the opening subject's, past a party that owns no deal value
        ("Paramount is paying $31 a share in cash for all of WBD, in a deal valued at about $120 billion.\n",
         {(1, "paramount-deal-value", "about $120 billion")}),
        # the header dates the story ("Live coverage, <date>."); "decision" is the exit's word
        ("# Live\n\n*Live coverage, Friday, February 27, 2026. All times Eastern.*\n\n"
         "Analysts praised Netflix's Wednesday decision to walk away.\n", {(5, "netflix-exit-date", "Wednesday")}),
        # a timeline entry's date label dates the sentence after it
        ("**Monday, 23 February.** Paramount raises its offer to $31 a share in cash.\n",
         {(1, "raise-date", "Monday, 23 February")}),
        ("**Tuesday, 24 February.** Paramount raises its offer to $31 a share in cash.\n", set()),
        ("**Monday, 23 February.** Paramount's shares slip. It raises its offer later in the week.\n", set()),
        # "a three-way contest" counts its sides
        ("It was a three-way contest at the end of the final round.\n", {(1, "bidders", "three-way contest")}),
        ("It was a two-way race in the final round.\n", set()),
        # a sentence that denies the event does not date it
        ("**Feb. 10:** Paramount sweetens its terms without raising its price.\n", set()),
        # the actor named only in a quoted headline is not the actor of the sentence
        ('An article published on Feb. 25 under the headline "Netflix walks away" had errors.\n', set()),
        # another subject says it, and names the actor only after the date
        ("The two companies said on Friday that Netflix had walked away.\n", set()),
        # a day told from another event's
        ("Three days after the signing, on Monday, 8 December, Paramount launched a hostile bid.\n", set()),
        # the measure of a clause's subject, not of the noun in its prepositional phrase
        ("For comparison, the regulatory fee in Paramount's earlier offer was $5.8 billion.\n", set()),
        # an entry whose main clause names another event's word is not this event's; its details after a colon may
        ("- **10 February** – Paramount sweetens its terms, adding a ticking fee.\n", set()),
        ("**Feb. 23, 2026**: Paramount submits its best and final offer: $31 a share and an agreement to pay the fee.\n",
         {(1, "raise-date", "Feb. 23, 2026")}),
        # "the transaction" is the deal of the sentence before's subject, in its paragraph
        ("Paramount will pay $31 a share in cash for all of WBD. Counting debt, the transaction is valued at about $120 billion.\n",
         {(1, "paramount-deal-value", "about $120 billion")}),
        ("Paramount will pay $31 a share in cash for all of WBD.\n\nCounting debt, the transaction is valued at about $120 billion.\n",
         set()),
        ("Comcast, Netflix and Paramount were all still bidding. The deal is valued at about $120 billion.\n", set()),
        ("The raise won over WBD's board, which preferred it to Netflix's deal. The whole deal is valued at about $120 billion.\n",
         set()),
        # the buyer pays, however many words before "to buy"
        ("Netflix had held a signed agreement since Dec. 5 to buy the studios and HBO Max for $29.75 a share.\n",
         {(1, "netflix-offer", "$29.75")}),
        # a Q&A answer's figure is the party's the question asks about ("how much", "how many")
        ("**How much is Paramount paying?**\n\n$33 a share, all of it in cash.\n", {(3, "paramount-offer", "$33")}),
        ("**Why didn't Netflix match?**\n\n$33 a share was too rich.\n", set()),
        # a fact box's entry counts the head of what it says it is
        ("**$31.00**: Paramount Skydance's final price per WBD share, all cash\n", set()),
        ("**$33.00**: Paramount Skydance's final price per WBD share, all cash\n", {(1, "paramount-offer", "$33.00")}),
        # "after" opens another clause after the date; before a date it makes the date another event's
        ("Paramount raised its offer to $31 on Monday, after a week of talks allowed by a waiver.\n",
         {(1, "raise-date", "Monday")}),
        ("Paramount signed the merger agreement on 28 February, after Netflix declined to match.\n",
         {(1, "agreement-date", "28 February")}),
        ("Paramount signed the merger agreement after Netflix declined on Thursday, 26 February.\n", set()),
        # a table row: the date cell dates the event cell; another cell's party is not the actor
        ("| Date | Event |\n|---|---|\n| 28 Feb | Paramount signs the merger agreement |\n",
         {(3, "agreement-date", "28 Feb")}),
        ("| Item | Paramount (final) | Netflix (signed 5 Dec.) |\n|---|---|---|\n| Price | $31 | $27.75 |\n", set()),
        # the actor as the object of another party's verb does not date its own act
        ("Paramount paid Netflix the fee on Friday, money WBD would have owed for walking away.\n", set()),
        ("Paramount said Netflix walked away on Wednesday.\n", {(1, "netflix-exit-date", "Wednesday")}),
        # a participle set off after a noun dates that noun
        ("---\ndate: 2026-02-27\n---\nThe agreement, announced today, follows Netflix's decision not to match.\n", set()),
        # "two days ago" is a time, not a count of days
        ("Netflix said two days ago that it would not match.\n", set()),
        ("Netflix's own deal also carried a $5.8bn fee.\n", set()),
        # "each" after a later figure is that figure's: the first is still the whole
        ("The combined company has pledged at least 40 films a year, 15 from each studio.\n",
         {(1, "theatrical-films", "at least 40")}),
        ("The combined company has pledged at least 30 films a year, 15 from each studio.\n", set()),
        # the fact's own number turned the other way
        ("The combined company has pledged at most 30 theatrical films a year.\n", {(1, "theatrical-films", "at most 30")}),
        # a market move after an appositive, a "shares:" label, a table row with a note
        ("Netflix, the loser on paper, gained about 20% in after-hours trading.\n", {(1, "netflix-shares", "about 20%")}),
        ("- Netflix shares: up about 20% after hours on Thursday\n", {(1, "netflix-shares", "about 20%")}),
        ("| Stock | Move |\n|---|---|\n| Netflix (extended trading, 26 Feb) | +20% |\n", {(3, "netflix-shares", "+20%")}),
        ("| Stock | Move |\n|---|---|\n| Netflix (extended trading, 26 Feb) | +10% |\n", set()),
        # "about 3%" only touches "approximately 2%" (1.5% to 2.5%) at its edge: another number
        ("Warner Bros. Discovery shares fell about 3% in extended trading.\n", {(1, "wbd-shares", "about 3%")}),
        # a deal's "own" fee is not the fee of the story
        ("Netflix signed a deal for the studios at $27.75 a share. The deal carries its own $5.8bn fee.\n", set()),
    ],
)
def test_the_second_packs_parties_and_dates(write, text: str, expected: set) -> None:
    _, report = run_json("--rules", WBD_PACK, "--all-documents", write("d.md", text))
    assert {(f["line"], f["fact"], f["found"]) for f in report["findings"]} == expected


def test_a_plain_text_calendar_dates_each_entry_by_itself(write) -> None:
    calendar = (
        "THE CALENDAR\n24 Feb -- Paramount raises its bid to $31\n"
        "26 Feb -- WBD board calls the bid superior; Netflix declines to match\n27 Feb -- merger agreement announced\n"
    )
    _, report = run_json("--rules", WBD_PACK, "--all-documents", write("d.txt", calendar))
    assert report["findings"] == []
    wrong = calendar.replace("27 Feb -- merger agreement announced", "28 Feb -- Paramount and WBD sign the merger agreement")
    _, report = run_json("--rules", WBD_PACK, "--all-documents", write("e.txt", wrong))
    assert [(f["line"], f["fact"]) for f in report["findings"]] == [(4, "agreement-date")]


def test_a_plain_text_fact_box_with_dot_leaders(write) -> None:
    box = (
        "DEAL BY THE NUMBERS\n"
        "$27.75 .......... Per-share price in Netflix's agreement for the studios\n"
        "$5.8 billion .... Size of that fee in Paramount's earlier offers\n"
        "\nKEY DATES\n"
        "Tuesday, 24 February .. Paramount raises its offer to $31\n"
        "Thursday, 26 February .. WBD board rules the offer superior; Netflix declines to match\n"
    )
    _, report = run_json("--rules", WBD_PACK, "--all-documents", write("d.txt", box))
    assert report["findings"] == []
    wrong = box.replace("$27.75 ....", "$29.75 ....").replace("Tuesday, 24 February", "Tuesday, 25 February")
    _, report = run_json("--rules", WBD_PACK, "--all-documents", write("e.txt", wrong))
    assert [(f["line"], f["column"], f["fact"]) for f in report["findings"]] == [
        (2, 1, "netflix-offer"), (6, 1, "raise-date"),
    ]


def test_a_markdown_fact_box_with_dot_leaders_reads_each_line_by_itself(write) -> None:
    box = (
        "Anthropic says three labs distilled Claude.\n\n"
        "WHAT EACH LAB WENT AFTER\n"
        "DeepSeek ......... reasoning; censorship-safe answers to politically sensitive prompts\n"
        "Moonshot AI ...... computer vision, data analysis\n"
        "MiniMax .......... agentic coding, tool use\n"
    )
    assert facts(write, box) == []
    swapped = box.replace("MiniMax .......... agentic coding", "MiniMax .......... computer vision")
    assert facts(write, swapped) == [(6, "minimax-targets", "computer vision")]


@pytest.mark.parametrize("name", ["box.md", "box.txt"])
def test_a_fact_box_set_out_with_pipes_reads_each_line_as_an_entry(write, name: str) -> None:
    box = (
        "BY THE NUMBERS: Anthropic's distillation disclosure\n\n"
        "**~24,000** | fraudulent accounts\n"
        "**16M+** | exchanges with Claude, all three labs together\n"
        "**3.4M+** | Moonshot AI (maker of the Kimi models)\n"
        "**150K+** | DeepSeek\n"
    )
    if name.endswith(".txt"):
        box = box.replace("**", "")
    assert facts(write, box, name) == []
    wrong = box.replace("150K+", "250K+").replace("~24,000", "~34,000")
    assert facts(write, wrong, name) == [(3, "fraudulent-accounts", "~34,000"), (6, "deepseek-exchanges", "250K+")]


# A definition of any term: a relation between two roles, and what the term is.

SHORTS = """\
id: shorts
title: Short selling, as a markets desk defines it
sources: [{id: primer, title: The desk's markets primer}]
facts:
  - id: short-selling
    kind: definition
    term: short selling
    forms: [short selling, short-selling, shorting]
    meaning: a trader borrowing shares from a lender and selling them, to buy them back cheaper later
    is_a: [trading strategy]
    relation:
      subject: {name: short seller, words: [short seller, trader, traders, investor, hedge fund]}
      verbs: [borrows shares from, borrow shares from, borrowing shares from]
      object: {name: lender, words: [lender, lenders, broker, brokers, owner]}
    contradicts:
      - notion: buying shares in the hope that they rise (a long position)
        words: [hoping they rise, hoping they will rise, betting they will rise]
    source: primer
    examples:
      pass: [Short selling is a strategy in which a trader borrows shares from a broker and sells them.]
      fail: [Short selling is a strategy in which a lender borrows shares from a trader.]
"""


def test_a_relation_between_any_roles_turned_round_is_flagged(write) -> None:
    pack = write("shorts.yaml", SHORTS)
    assert run("rules", "check", "--strict", pack).returncode == 0
    assert run("rules", "test", pack).returncode == 0
    draft = write("draft.md", (
        "Short selling is a bet in which a broker borrows shares from a hedge fund and sells them.\n\n"
        "Short selling is a strategy in which a trader borrows shares from a broker.\n\n"
        "Shorting, in short, is a trade in which an investor buys stock hoping they rise.\n\n"
        "Short selling is not buying shares hoping they rise.\n"
    ))
    code, report = run_json("--rules", pack, draft)
    assert code == 1
    found = [(f["line"], f["message"]) for f in report["findings"]]
    assert [line for line, _ in found] == [1, 5]
    assert "the roles the other way round: the lender borrows shares from the short seller" in found[0][1]
    assert "the pack defines it as a trading strategy: a trader borrowing shares" in found[0][1]
    assert "buying shares in the hope that they rise" in found[1][1]


@pytest.mark.parametrize("extra, says", [
    ("    roles: {learner: [a], teacher: [b]}\n", "give roles, learns and outputs together"),
    ("    roles: {learner: [a], teacher: [b]}\n    learns: [x]\n    outputs: [y]\n", "either relation or roles"),
])
def test_a_definition_states_one_relation(write, extra: str, says: str) -> None:
    pack = write("shorts.yaml", SHORTS.replace("    contradicts:\n", extra + "    contradicts:\n"))
    proc = run("rules", "check", pack)
    assert proc.returncode == 2 and says in proc.stderr


def test_a_company_suffix_does_not_end_a_list_of_parties(write) -> None:
    # "Inc." and "Group" end a name as "AI" does: the list runs on, and the added member is seen.
    draft = write("d.md", (
        "Anthropic accused DeepSeek Inc., Moonshot AI, MiniMax Group and Zhipu of distillation.\n\n"
        "Anthropic accused DeepSeek Inc., Moonshot AI and MiniMax Group of distillation.\n"
    ))
    _, report = run_json("--all-documents", draft)
    assert [(f["line"], f["fact"], f["found"]) for f in report["findings"]] == [(1, "accused-labs", "Zhipu")]


def test_a_tables_total_row_is_the_total_and_empty_cells_keep_their_columns(write) -> None:
    table = (
        "Anthropic named DeepSeek, Moonshot AI and MiniMax.\n\n"
        "| Lab | Exchanges | Note |\n|---|---|---|\n"
        "| DeepSeek | more than 150,000 | |\n"
        "| MiniMax | more than 13 million | largest |\n"
        "| **Total** | **more than 16 million** | |\n"
    )
    assert facts(write, table) == []
    assert facts(write, table.replace("**more than 16 million**", "**about 12.5 million**")) == [
        (7, "total-exchanges", "about 12.5 million")
    ]
    assert facts(write, table.replace("| more than 150,000 |", "| more than 13 million |")) == [
        (5, "deepseek-exchanges", "more than 13 million")
    ]


def test_parts_listed_before_their_sum_count_what_it_counts(write) -> None:
    text = ("Anthropic says the three campaigns (DeepSeek 150,000-plus, Moonshot 3.4 million-plus, MiniMax 13 "
            "million-plus) add up to more than 16 million exchanges.\n")
    assert facts(write, text) == []
    assert facts(write, text.replace("more than 16 million", "just over 15 million")) == [
        (1, "parts-sum", "just over 15 million")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a timeline tells in the present tense what happened on its date
        ("**February 22, 2026** — Anthropic publishes its report on distillation by three labs.\n",
         [(1, "announcement-date", "February 22, 2026")]),
        ("**February 23, 2026** — Anthropic publishes its report on distillation by three labs.\n", []),
        # the sentence after the date's, in its paragraph, may say what the story is
        ("Anthropic's post, published Sunday, 22 February, reads like an incident report. It says the accounts "
         "were fraudulent.\n", [(1, "announcement-date", "Sunday, 22 February")]),
        ("Anthropic's post, published Sunday, 22 February, reads like an incident report. Do the accounts "
         "matter?\n", []),
        # a table of two columns: a measure and its figure
        ("Anthropic named DeepSeek, Moonshot AI and MiniMax.\n\n| Measure | Figure |\n|---|---|\n"
         "| Fraudulent accounts | about 240,000 |\n", [(5, "fraudulent-accounts", "about 240,000")]),
        ("Anthropic named DeepSeek, Moonshot AI and MiniMax.\n\n| Measure | Figure |\n|---|---|\n"
         "| Fraudulent accounts | about 24,000 |\n", []),
        # a list that names its measure once, its items further apart
        ("By Anthropic's account, MiniMax ran more than 13 million exchanges aimed at agentic coding and tool use, "
         "Moonshot AI more than 3.4 million, and DeepSeek upwards of 3.4 million.\n",
         [(1, "deepseek-exchanges", "upwards of 3.4 million")]),
        # the company a figure is attributed to is its source, not its owner
        ("Anthropic named three labs. By the company's account, the campaigns produced about 12 million "
         "exchanges with Claude.\n", [(1, "total-exchanges", "about 12 million")]),
        # "All labs" is a table's total row
        ("| Lab | Exchanges |\n|---|---|\n| MiniMax | more than 13 million |\n| All labs | fewer than 16 million |\n",
         [(4, "total-exchanges", "fewer than 16 million")]),
    ],
)
def test_timelines_paragraphs_two_column_tables_and_lists(write, text: str, expected: list) -> None:
    assert facts(write, text) == expected
