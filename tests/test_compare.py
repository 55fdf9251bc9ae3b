"""``factcheck compare``: claims lined up across sources, through the CLI as a desk runs it."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest

from conftest import ROOT, run

SEEDS = [ROOT / "seeds" / n for n in ("analysis.md", "explainer.txt", "newsletter.html", "tech-site.md", "wire-report.txt")]
SECOND = sorted((ROOT / "seeds").glob("paramount-*"))
ARCHIVE = ROOT.parent / "shared" / "corpus" / "newsroom-archive.tar.xz"


def compare(*args: str | Path, cwd: Path | None = None) -> dict:
    proc = run("compare", "--format", "json", *args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def claim(report: dict, kind: str, about: str) -> dict:
    found = [c for c in report["claims"] if c["kind"] == kind and c["about"].startswith(about)]
    assert found, [c["about"] for c in report["claims"] if c["kind"] == kind]
    return max(found, key=lambda c: c["sources"])


def test_the_inverted_definition_is_the_only_dissent_and_on_its_lines() -> None:
    report = compare(*SEEDS)
    definition = claim(report, "definition", "distillation")
    assert {(Path(d["path"]).name, d["line"]) for d in definition["dissent"]} == {
        ("analysis.md", 17), ("analysis.md", 19), ("analysis.md", 43)
    }
    assert all("the other way round" in d["why"] for d in definition["dissent"])
    assert {Path(s["path"]).name for s in definition["support"]} >= {"newsletter.html", "tech-site.md"}
    assert [c["about"] for c in report["claims"] if c["dissent"] and c is not definition] == []


def test_the_figures_agree_with_the_story_s_facts() -> None:
    """FACTS.md: about 24,000 accounts; more than 16 million exchanges; DeepSeek over 150,000,
    Moonshot AI over 3.4 million, MiniMax over 13 million."""
    report = compare(*SEEDS)
    assert claim(report, "figure", "accounts")["consensus"].startswith("approximately 24,000")
    assert claim(report, "figure", "exchanges")["consensus"].startswith("more than 16 million")
    assert claim(report, "figure", "DeepSeek: exchanges")["consensus"].startswith("more than 150,000")
    assert claim(report, "figure", "Moonshot AI: exchanges")["consensus"].startswith("more than 3.4 million")
    assert claim(report, "figure", "MiniMax: exchanges")["consensus"].startswith("more than 13 million")
    # "interactions" and "exchanges" are one measure: the sources give them the same figures
    assert "interactions" in claim(report, "figure", "MiniMax: exchanges")["about"]
    assert claim(report, "date", "when Anthropic")["consensus"].startswith("Monday 23 February 2026")


def test_json_gives_every_source_and_where_each_claim_is_said() -> None:
    report = compare(*SEEDS)
    assert report["version"] == 1
    assert [Path(s["path"]).name for s in report["sources"]] == [p.name for p in SEEDS]
    assert report["sources"][0]["title"].startswith("What Anthropic")
    accounts = claim(report, "figure", "accounts")
    lines = (ROOT / "seeds" / "wire-report.txt").read_text(encoding="utf-8").splitlines()
    wire = next(s for s in accounts["support"] if s["path"].endswith("wire-report.txt"))
    assert lines[wire["line"] - 1][wire["column"] - 1 :].startswith(wire["text"].split()[0])
    assert set(accounts) == {"kind", "about", "consensus", "sources", "support", "dissent"}


def test_the_text_table_marks_dissent_and_counts() -> None:
    proc = run("compare", *SEEDS, "--color", "never")
    assert proc.returncode == 0, proc.stderr
    assert f"✗ dissent {ROOT / 'seeds' / 'analysis.md'}:17:1" in proc.stdout
    assert proc.stdout.rstrip().splitlines()[-1].startswith("5 sources, ")
    assert "3 dissenting statements in 1 source" in proc.stdout
    coloured = run("compare", *SEEDS, "--color", "always").stdout
    assert "\x1b[1;31m✗ dissent\x1b[0m" in coloured


def test_the_second_story_agrees_with_its_pack() -> None:
    report = compare(*SECOND)
    consensus = [(c["about"], c["consensus"]) for c in report["claims"] if c["sources"] >= 2]
    assert any(k == "Paramount: bids" and v.startswith("$31") for k, v in consensus)
    assert any(k.startswith("fees") and v.startswith("$2.8 billion") for k, v in consensus)
    assert any(k.startswith("fees") and v.startswith("$7 billion") for k, v in consensus)
    assert any(k.endswith("days") and v.startswith("45") for k, v in consensus)  # "Paramount has committed to a 45-day window"
    assert [c["about"] for c in report["claims"] if c["dissent"]] == []


def test_a_story_nobody_here_has_seen(write) -> None:
    """No pack and no story words: a council budget, one report with the wrong figure."""
    a = write("a.md", "The Riverton council approved a budget of $4.2 million on Tuesday, March 3, 2026.\n\n"
                      "Mayor Dana Ruiz said the council would hire 12 wardens.\n")
    b = write("b.txt", "Riverton's council approved a $4.2 million budget, and Mayor Dana Ruiz said it would hire 12 wardens.\n")
    c = write("c.html", "<p>The Riverton council passed a budget of $5.2 million.</p>\n<p>It will hire 12 wardens, said Ruiz.</p>\n")
    report = compare(a, b, c)
    budget = claim(report, "figure", "Riverton: budgets")
    assert budget["consensus"] == "$4.2 million, 2 sources"
    assert [(Path(d["path"]).name, d["line"], d["column"]) for d in budget["dissent"]] == [("c.html", 1, 44)]
    assert budget["dissent"][0]["why"] == "says $5.2 million, where 2 sources say $4.2 million"


def test_sources_that_copy_each_other_count_once(write) -> None:
    a = write("a.md", "Acme employs 4,000 workers at its Ohio plant, the company said.\n")
    b = write("b.md", "Acme employs 4,000 workers at its Ohio plant, the company said.\n")
    c = write("c.md", "In Ohio, Acme employs 4,000 workers, a filing shows.\n")
    d = write("d.md", "Acme employs 5,000 workers at the plant, a union said on Monday.\n")
    workers = claim(compare(a, b, c, d), "figure", "Acme: workers")
    assert workers["sources"] == 2
    assert [Path(s.get("copy_of", "")).name for s in workers["support"]] == ["", "a.md", ""]
    assert [Path(x["path"]).name for x in workers["dissent"]] == ["d.md"]


def test_a_copy_does_not_outvote_a_source(write) -> None:
    """Two copies of one report against one other report: one source each, so no dissent."""
    a = write("a.md", "Acme employs 4,000 workers at its Ohio plant, the company said.\n")
    b = write("b.md", "Acme employs 4,000 workers at its Ohio plant, the company said.\n")
    c = write("c.md", "Acme employs 5,000 workers at the plant, a union said on Monday.\n")
    assert [c for c in compare(a, b, c)["claims"] if c["dissent"]] == []


def test_a_pack_names_the_parties(tmp_path: Path) -> None:
    report = compare(*SEEDS, "--rules", ROOT / "rules" / "anthropic-distillation-2026.yaml")
    assert claim(report, "figure", "Moonshot AI: exchanges")["consensus"].startswith("more than 3.4 million")


def test_the_written_pack_checks_and_tests_clean_and_finds_a_changed_figure(tmp_path: Path) -> None:
    pack = tmp_path / "story.yaml"
    proc = run("compare", *SEEDS, "--write-pack", pack)
    assert proc.returncode == 0, proc.stderr
    text = pack.read_text(encoding="utf-8")
    assert "# figure: approximately 24,000" in text and "support: 5 of 5 sources" in text
    assert "dissent: " in text and "analysis.md lines 17, 19, 43" in text
    assert run("rules", "check", "--strict", pack).returncode == 0
    tested = run("rules", "test", pack)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    # the sources themselves pass; a source with a figure changed does not
    quiet = run("--rules", pack, "--format", "json", *SEEDS[1:])
    assert json.loads(quiet.stdout)["findings"] == [], quiet.stdout
    changed = tmp_path / "changed.md"
    original = (ROOT / "seeds" / "tech-site.md").read_text(encoding="utf-8")
    changed.write_text(original.replace("more than 150,000", "more than 250,000"), encoding="utf-8")
    found = json.loads(run("--rules", pack, "--format", "json", changed).stdout)["findings"]
    assert [f["expected"] for f in found] == ["more than 150,000"] * len(found) and found
    # names with parts get spelling facts: "Deepseek" is flagged
    misspelt = tmp_path / "misspelt.md"
    misspelt.write_text(original.replace("DeepSeek", "Deepseek"), encoding="utf-8")
    found = json.loads(run("--rules", pack, "--format", "json", misspelt).stdout)["findings"]
    assert {f["found"] for f in found} == {"Deepseek"}


def test_write_pack_never_overwrites(tmp_path: Path) -> None:
    pack = tmp_path / "story.yaml"
    pack.write_text("keep me\n", encoding="utf-8")
    proc = run("compare", *SEEDS, "--write-pack", pack)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and str(pack) in proc.stderr and proc.stdout == ""
    assert pack.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize(
    "make, says",
    [
        (lambda d: [d / "nowhere.md", d / "b.md"], "no such file or folder"),
        (lambda d: [d / "b.md"], "at least two reports"),
        (lambda d: [d / "bad.md", d / "b.md"], "bad.md:2: cannot read: not valid UTF-8"),
    ],
)
def test_bad_input_is_one_line_and_status_2(tmp_path: Path, make, says: str) -> None:
    (tmp_path / "b.md").write_text("Acme employs 4,000 workers.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"fine\n\xff\xfe broken\n")
    proc = run("compare", *make(tmp_path))
    assert proc.returncode == 2
    assert says in proc.stderr and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_help_names_every_option() -> None:
    proc = run("compare", "--help")
    assert proc.returncode == 0
    for option in ("--format", "--write-pack", "--rules", "--color"):
        assert option in proc.stdout


# Two more stories from the archive: real reports nobody here wrote, copied to a temporary
# folder at test time.
STORIES = {
    "super-micro": [
        "202603200004-u-s-prosecutors-charge-super-micro-computer-employees-with-smugglin.md",
        "202603200113-u-s-prosecutors-charge-super-micro-computer-employees-with-smugglin.md",
        "202603201313-super-micro-shares-tank-25-after-employees-charged-with-smuggling-n.md",
        "202603202023-super-micro-shares-tank-33-after-employees-charged-with-smuggling-n.md",
        "202603202252-super-micro-co-founder-indicted-on-nvidia-smuggling-charges-leaves-.md",
    ],
    "berkshire": [
        "202602281400-berkshire-hathaway-operating-earnings-fell-nearly-30-in-warren-buff.md",
        "202602281504-berkshire-hathaway-operating-earnings-fell-nearly-30-in-warren-buff.md",
        "202603011220-all-the-highlights-from-berkshire-ceo-abel-s-first-shareholder-lett.md",
        "202603022101-berkshire-hathaway-shares-drop-nearly-5-after-poor-fourth-quarter-r.md",
    ],
}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ARCHIVE.exists():
        pytest.skip("shared newsroom archive not present")
    target = tmp_path_factory.mktemp("stories")
    wanted = {name: story for story, names in STORIES.items() for name in names}
    with tarfile.open(ARCHIVE) as tar:
        for member in tar:
            name = Path(member.name).name
            if member.isfile() and name in wanted:
                folder = target / wanted[name]
                folder.mkdir(exist_ok=True)
                (folder / name).write_bytes(tar.extractfile(member).read())
    return target


def test_archive_reports_that_disagree_on_a_share_move(stories: Path) -> None:
    """The first reports had Super Micro down 12% after hours, an update 25%, the close 33%."""
    report = compare(stories / "super-micro")
    shares = claim(report, "figure", "Super Micro: shares")
    assert shares["consensus"] == "33%, 2 sources"
    assert sorted(d["why"] for d in shares["dissent"]) == [
        "says 12%, where 2 sources say 33%", "says 12%, where 2 sources say 33%", "says 25%, where 2 sources say 33%",
    ]
    # two of the reports are one article published twice: counted once, and said so
    assert sum("copy_of" in s for c in report["claims"] for s in c["support"]) >= 1


def test_archive_reports_that_agree_on_earnings(stories: Path) -> None:
    report = compare(stories / "berkshire")
    earnings = [c for c in report["claims"] if c["about"].startswith("earnings") and c["sources"] >= 2]
    assert {c["consensus"].split(",")[0] for c in earnings} >= {"$10.2 billion"}
    assert [c["about"] for c in report["claims"] if c["dissent"]] == []


def test_a_wrong_member_of_a_counted_set_and_a_swapped_deed_dissent(write) -> None:
    a = write("a.md", "Regulators fined three banks: Acme, Globex and Initech.\n\n"
                      "Acme's traders rigged currency markets for years.\n\nGlobex focused on mortgage pools.\n")
    b = write("b.md", "The three banks, Acme, Globex and Initech, were fined on Monday.\n\n"
                      "Acme traders rigged currency markets, the regulator said.\n\nGlobex worked the mortgage pools.\n")
    c = write("c.md", "Regulators fined three banks: Acme, Globex and Zenith.\n\nGlobex traders rigged currency markets.\n")
    report = compare(a, b, c)
    banks = claim(report, "parties", "the banks named")
    assert banks["consensus"] == "Acme, Globex and Initech, 2 sources"
    assert [(Path(d["path"]).name, d["why"]) for d in banks["dissent"]] == [
        ("c.md", "names Zenith, whom the others do not name")
    ]
    deed = claim(report, "action", '"currency markets"')
    assert deed["consensus"] == "Acme, 2 sources"
    assert [(Path(d["path"]).name, d["line"]) for d in deed["dissent"]] == [("c.md", 3)]
    assert deed["dissent"][0]["why"] == 'ties "currency markets" to Globex; the others tie it to Acme'


def test_an_open_list_is_not_a_dissent(write) -> None:
    """ "channels including CNN and TNT" does not say HGTV is not one."""
    a = write("a.md", "Globex owns networks including Alpha TV and Beta TV.\n")
    b = write("b.md", "Globex owns networks such as Alpha TV, Beta TV and Gamma TV.\n")
    c = write("c.md", "Globex owns networks including Alpha TV and Beta TV, the filing says.\n")
    assert [c["about"] for c in compare(a, b, c)["claims"] if c["dissent"]] == []


# What a review found: each a false dissent or a broken pack before.


def test_dates_without_a_year_and_other_parties_acts_do_not_dissent(write) -> None:
    a = write("a.md", "Acme completed the merger on Tuesday, June 10.\n")
    b = write("b.md", "Acme completed the merger on June 10, the company said.\n")
    c = write("c.md", "Acme completed the merger on Tuesday, June 10, 2025.\n\n"
                      "Analysts said Acme is watching Globex, which completed a deal on Friday, June 20, 2025.\n\n"
                      "Acme announced record profits on June 20, 2025.\n")
    assert [x["about"] for x in compare(a, b, c)["claims"] if x["dissent"]] == []


def test_figures_of_other_things_and_rounded_figures_do_not_dissent(write) -> None:
    a = write("a.md", "Globex will pay a $7 billion regulatory termination fee if regulators block the deal.\n\n"
                      "Globex paid Initech a $2.8 billion breakup fee.\n")
    b = write("b.md", "The $7 billion regulatory termination fee applies if regulators block it.\n\n"
                      "Initech got a $2.8 billion breakup fee from Globex.\n")
    c = write("c.md", "Globex covered the $2.87 billion breakup fee Initech was owed.\n\n"
                      "Revenue was $12 billion in 2025, after $10 billion in 2024.\n")
    assert [x["about"] for x in compare(a, b, c)["claims"] if x["dissent"]] == []


def test_a_qualifier_is_kept_in_the_words(write) -> None:
    a = write("a.md", "The buyer paid a breakup fee of $3.5 billion on Friday.\n")
    b = write("b.md", "On Friday the seller collected a breakup fee of $3.5 billion.\n")
    c = write("c.md", "The buyer paid a breakup fee of nearly $3 billion.\n")
    fee = claim(compare(a, b, c), "figure", "fees")
    assert [d["why"] for d in fee["dissent"]] == ["says nearly $3 billion, where 2 sources say $3.5 billion"]


def test_a_list_of_some_others_is_not_the_set(write) -> None:
    a = write("a.md", "Regulators fined two companies, Acme and Globex, on Monday.\n")
    b = write("b.md", "The two companies, Acme and Globex, were fined.\n")
    c = write("c.md", "Two companies, Acme and Globex, were fined; other companies, including Hooli and Umbrella, were not.\n")
    assert [x["about"] for x in compare(a, b, c)["claims"] if x["dissent"]] == []


def test_a_description_that_names_both_sides_does_not_dissent(write) -> None:
    a = write("a.md", "Netting is a technique in which a small ledger is trained on the outputs of a larger ledger.\n")
    b = write("b.md", "What is netting? A smaller ledger learns from the answers of a bigger ledger.\n")
    c = write("c.md", "Netting is a process in which a student ledger is trained to match a teacher. "
                      "The process compares the student ledger's outputs with the teacher's.\n")
    assert [x["about"] for x in compare(a, b, c)["claims"] if x["dissent"]] == []


def test_a_report_named_twice_or_empty_counts_once_or_not_at_all(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("Acme employs 4,000 workers at its Ohio plant.\n", encoding="utf-8")
    (tmp_path / "empty.md").write_text("\n", encoding="utf-8")
    proc = run("compare", tmp_path, tmp_path / "a.md", "--format", "json")
    assert proc.returncode == 0 and "empty.md: skipped: empty" in proc.stderr
    assert len(json.loads(proc.stdout)["sources"]) == 2


def test_a_broken_pack_is_said_one_problem_per_line(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text("id: x\ntitle: t\n", encoding="utf-8")
    proc = run("compare", *SEEDS[:2], "--rules", pack)
    assert proc.returncode == 2 and "\\n" not in proc.stderr and proc.stderr.startswith(str(pack))


def test_nothing_agreed_writes_no_pack(write, tmp_path: Path) -> None:
    a = write("a.md", "Acme employs 4,000 workers.\n")
    b = write("b.md", "Globex sold 12 ships.\n")
    pack = tmp_path / "none.yaml"
    proc = run("compare", a, b, "--write-pack", pack)
    assert proc.returncode == 0 and "no pack written" in proc.stderr and not pack.exists()


def test_the_second_story_s_pack_checks_strictly_and_its_reports_pass(tmp_path: Path) -> None:
    pack = tmp_path / "wbd.yaml"
    assert run("compare", *SECOND, "--write-pack", pack).returncode == 0
    assert run("rules", "check", "--strict", pack).returncode == 0
    assert run("rules", "test", pack).returncode == 0
    quiet = run("--rules", pack, "--format", "json", "--all-documents", *SECOND)
    assert json.loads(quiet.stdout)["findings"] == []


def test_a_label_is_not_a_party_and_a_part_of_the_total_is_not_a_dissent(write) -> None:
    a = write("a.txt", "Ardmore Health and Penrose Clinic agreed to merge on Friday.\n\n"
                       "- Scale: 1,510 licensed beds across seven hospitals.\n")
    b = write("b.md", "Ardmore Health and Penrose Clinic will run 1,150 beds together, Ardmore said.\n\n"
                      "The fee is about €85m in total: €72m up front and €13m in add-ons.\n")
    c = write("c.md", "The merged Ardmore Health group will operate 1,150 beds, Penrose said.\n\n"
                      "The deal's fee is €85m, Ardmore said.\n")
    d = write("d.md", "Ardmore Health said the fee was €85m and the group would run 1,150 beds.\n")
    report = compare(a, b, c, d)
    assert [(Path(x["path"]).name, x["line"]) for r in report["claims"] for x in r["dissent"]] == [("a.txt", 3)]
    assert not any(r["about"].startswith("Scale") for r in report["claims"])


def test_unrelated_reports_give_no_dissent_from_common_words(write) -> None:
    """Reports of different stories share phrases ("use cases", "best practices") and percentages
    of different things; none of that is a disagreement. "AI" alone and "We’re" are not parties."""
    a = write("a.md", "Acme said its new chip cuts costs by 80% for most use cases.\n\nWe’re proud of it, Acme said.\n")
    b = write("b.md", "Globex said 80% of its staff follow best practices for use cases.\n\nScale AI and Globex met.\n")
    c = write("c.md", "Initech said 60% of tasks are use cases for AI, and Initech's best practices help.\n")
    d = write("d.md", "Hooli said 80% of users have use cases for AI.\n\nHooli follows best practices too.\n")
    report = compare(a, b, c, d)
    assert [x["about"] for x in report["claims"] if x["dissent"]] == []
    assert not any(x["about"].startswith(("AI", "We")) for x in report["claims"])
