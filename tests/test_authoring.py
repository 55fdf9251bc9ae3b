"""Commands for pack authors through the CLI: rules list/check/test/schema, explain, claims."""

from __future__ import annotations

import json
import pytest

from conftest import BUNDLED_PACK, run


def test_rules_list_is_a_table_of_every_fact() -> None:
    proc = run("rules", "list", BUNDLED_PACK)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0 and lines[0].split() == ["pack", "fact", "kind", "severity", "source"]
    assert any(line.split()[1:4] == ["distillation-definition", "definition", "error"] for line in lines[1:])
    assert any(line.split()[1:4] == ["deepseek-targets", "action", "error"] for line in lines[1:])
    assert len(lines) == 1 + 20


def test_the_bundled_pack_passes_check_strict_and_its_own_tests() -> None:
    assert run("rules", "check", "--strict", BUNDLED_PACK).returncode == 0
    proc = run("rules", "test", BUNDLED_PACK)
    assert proc.returncode == 0 and proc.stdout.strip().endswith("0 failures.")


def test_check_warns_about_what_a_valid_pack_may_get_wrong(write) -> None:
    pack = BUNDLED_PACK.read_text(encoding="utf-8").replace(
        "  - id: openai\n    name: OpenAI\n",
        "  - id: openai\n    name: OpenAI\n  - id: stray\n    name: Stray Labs\n    aliases: [MiniMax]\n",
    )
    path = write("pack.yaml", pack)
    proc = run("rules", "check", path)
    assert proc.returncode == 0
    assert "warning: 'MiniMax' names both 'minimax' and 'stray'" in proc.stdout
    assert "warning: entity 'stray' is not used by any fact" in proc.stdout
    assert run("rules", "check", "--strict", path).returncode == 1


def test_rules_test_reports_failing_examples_and_annotated_drafts(write) -> None:
    pack = BUNDLED_PACK.read_text(encoding="utf-8").replace(
        "        - Moonshot AI generated more than 3.4 million exchanges, Anthropic said.",
        "        - Moonshot AI generated 13 million exchanges, Anthropic said.",
    )
    path = write("packs/pack.yaml", pack)
    write("packs/tests/draft.md", (
        "Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.\n\n"
        "Anthropic said MiniMax had 31 million exchanges. <!-- expect: minimax-exchanges -->\n\n"
        "Anthropic said DeepSeek had 150,000 exchanges. <!-- expect: deepseek-exchanges -->\n"
    ))
    proc = run("rules", "test", path.parent)
    assert proc.returncode == 1
    assert "moonshot-exchanges: should pass but was flagged for moonshot-exchanges: " in proc.stdout
    assert "draft.md:5: expected deepseek-exchanges, not found" in proc.stdout
    assert "draft.md:3:" not in proc.stdout  # the expected MiniMax finding was there
    assert proc.stdout.strip().endswith("2 failures.")


def test_rules_test_counts_lines_as_findings_do(write) -> None:
    path = write("packs/pack.yaml", BUNDLED_PACK.read_text(encoding="utf-8"))
    expect = "Anthropic said MiniMax had 31 million exchanges. <!-- expect: minimax-exchanges -->\n"
    for name, separator in (("form-feed", "\f"), ("line-separator", "\u2028"), ("next-line", "\x85"), ("cr", "\r")):
        lead = f"Anthropic accused DeepSeek, Moonshot AI and MiniMax of distillation.{separator}More.\n\n"
        write(f"packs/tests/{name}.md", lead + expect)
    proc = run("rules", "test", path.parent)
    # Only CR, LF and CRLF end a line; splitting at the others put each expectation a line too far.
    assert proc.returncode == 0 and proc.stdout.strip().endswith("0 failures."), proc.stdout


def test_rules_test_and_claims_report_a_test_draft_they_cannot_read(write) -> None:
    path = write("packs/pack.yaml", BUNDLED_PACK.read_text(encoding="utf-8"))
    draft = write("packs/tests/latin1.md", "")
    draft.write_bytes("Intro.\nAnthropic named Moonshot AI \u2013 caf\u00e9.\n".encode("cp1252"))
    proc = run("rules", "test", path.parent)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{draft}:2: cannot read: not valid UTF-8 (byte 35)" in proc.stdout.splitlines()
    proc = run("claims", "--rules", path, draft)
    assert (proc.returncode, proc.stderr) == (2, f"{draft}:2: cannot read: not valid UTF-8 (byte 35)\n")


def test_explain_and_an_unknown_fact() -> None:
    proc = run("explain", "moonshot-exchanges", "--rules", BUNDLED_PACK)
    assert proc.returncode == 0
    assert "value: more than 3.4 million" in proc.stdout and "admits: 3.4 million to 3.5 million" in proc.stdout
    assert "<https://www.anthropic.com/news/detecting-and-preventing-distillation-attacks>" in proc.stdout
    assert "is flagged: Moonshot's 13 million exchanges focused on coding, Anthropic said." in proc.stdout
    assert "applies to: dated 2026-02-23" in proc.stdout
    proc = run("explain", "no-such-fact", "--rules", BUNDLED_PACK)
    assert proc.returncode == 2 and "no fact 'no-such-fact'" in proc.stderr


def test_claims_shows_what_was_compared_and_why(write) -> None:
    draft = write("d.md", "Anthropic said Moonshot AI had 13 million exchanges; it had 9,000 accounts.\n")
    proc = run("claims", draft, "--rules", BUNDLED_PACK)
    assert proc.returncode == 0
    assert "out of scope" in proc.stdout
    assert (
        '"13 million" [12.5 million to 13.5 million] exchanges, Moonshot AI (the subject of its verb): contradicts moonshot-exchanges'
        in proc.stdout
    )


def test_claims_says_how_an_owner_was_read_and_why_one_was_not(write) -> None:
    draft = write("d.md", "DeepSeek trailed MiniMax. Its 13 million exchanges were the most.\n\nThe lab's 150,000 exchanges, it said.\n")
    proc = run("claims", "--format", "json", draft, "--rules", BUNDLED_PACK)
    figures = [c for c in json.loads(proc.stdout)["claims"] if c["kind"] == "quantity"]
    assert [(c["text"], c["owner"], c["read_by"], c["verdict"]) for c in figures] == [
        ("13 million", None, "its", "not compared"),
        ("150,000", "MiniMax", "possessive", "contradicts"),
    ]
    proc = run("claims", draft, "--rules", BUNDLED_PACK)
    assert 'whose figure it is is unclear: "its" before it' in proc.stdout


def test_claims_as_json_gives_each_claim_its_place_and_verdict(write) -> None:
    draft = write("d.md", "Intro.\n\nMiniMax had more than 13 million exchanges; Moonshot AI had 13 million exchanges.\n")
    proc = run("claims", "--format", "json", draft, "--rules", BUNDLED_PACK)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["version"] == 1 and report["packs"] == [{"id": "anthropic-distillation-2026", "in_scope": False}]
    figures = [c for c in report["claims"] if c["kind"] == "quantity"]
    assert [(c["line"], c["column"], c["owner"], c["read_by"], c["verdict"], c["fact"]) for c in figures] == [
        (3, 13, "MiniMax", "subject", "agrees", "minimax-exchanges"),
        (3, 61, "Moonshot AI", "subject", "contradicts", "moonshot-exchanges"),
    ]
    # The other kinds' statements are listed too: here, the names written right.
    names = [(c["line"], c["column"], c["kind"], c["text"], c["verdict"]) for c in report["claims"] if c["kind"] != "quantity"]
    assert names == [(3, 1, "spelling", "MiniMax", "agrees"), (3, 45, "spelling", "Moonshot AI", "agrees")]


def test_claims_lists_dates_sets_and_definitions_with_their_verdict(write) -> None:
    draft = write("d.md", (
        "Anthropic accused three Chinese AI labs of distilling Claude.\n\n"
        "Anthropic published its post on the Chinese labs on Monday, Feb. 23.\n\n"
        "Anthropic accused four Chinese AI labs of distillation on Tuesday.\n\n"
        "Distillation means training a smaller model on the outputs of a larger one.\n"
    ))
    proc = run("claims", "--format", "json", draft, "--rules", BUNDLED_PACK)
    read = {(c["line"], c["kind"], c["verdict"]) for c in json.loads(proc.stdout)["claims"] if c["kind"] != "spelling"}
    assert {(1, "parties", "agrees"), (3, "date", "agrees"), (5, "parties", "contradicts"), (7, "definition", "agrees")} <= read
    text = run("claims", draft, "--rules", BUNDLED_PACK).stdout
    assert '"three Chinese AI labs" parties: agrees with accused-labs' in text


def test_schema_describes_the_pack_format() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml

    schema = json.loads(run("rules", "schema").stdout)
    # as an editor's YAML plugin sees the pack: dates are strings
    pack = json.loads(json.dumps(yaml.safe_load(BUNDLED_PACK.read_text(encoding="utf-8")), default=str))
    jsonschema.validate(pack, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**pack, "oops": 1}, schema)


def test_check_warns_about_patterns_that_can_backtrack(write) -> None:
    pack = BUNDLED_PACK.read_text(encoding="utf-8").replace(
        "    context: '(?i)\\b(?:fraudulent", "    context: '(?i)(\\w+\\s?)+\\b(?:fraudulent", 1
    )
    proc = run("rules", "check", write("pack.yaml", pack))
    assert "may backtrack catastrophically" in proc.stdout


def test_a_pack_whose_examples_fail_is_refused(write) -> None:
    pack = BUNDLED_PACK.read_text(encoding="utf-8").replace(
        "        - Moonshot AI generated more than 3.4 million exchanges, Anthropic said.",
        "        - Moonshot AI generated 13 million exchanges, Anthropic said.",
    )
    path = write("pack.yaml", pack)
    draft = write("d.txt", "Nothing.\n")
    proc = run("--rules", path, draft)
    assert proc.returncode == 2
    assert f"{path}: moonshot-exchanges: should pass but was flagged for moonshot-exchanges" in proc.stderr
    assert run("--rules", path, "--skip-example-check", draft).returncode == 0


def test_a_failing_example_can_require_words_of_its_message(write) -> None:
    pack = BUNDLED_PACK.read_text(encoding="utf-8").replace(
        "          expect: which is MiniMax's figure", "          expect: which is DeepSeek's figure"
    )
    proc = run("rules", "test", write("pack.yaml", pack))
    assert proc.returncode == 1
    assert "moonshot-exchanges: flagged, but the message does not say \"which is DeepSeek's figure\"" in proc.stdout


def test_check_reports_an_invalid_pack_at_its_line(write) -> None:
    pack = BUNDLED_PACK.read_text(encoding="utf-8").replace("    qualifier: approximately\n", "    qualifer: approximately\n", 1)
    path = write("pack.yaml", pack)
    line = next(i for i, text in enumerate(pack.splitlines(), 1) if "qualifer" in text)
    proc = run("rules", "check", path)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"{path}:{line}:5: unknown key 'qualifer'")
