"""Suppressions in drafts: each form, their reasons, and the ones that suppress nothing."""

from __future__ import annotations

from conftest import run_json

WRONG = "Anthropic said Moonshot AI generated 13 million exchanges with Claude."
WRONG2 = "Anthropic said MiniMax generated 31 million exchanges with Claude."


def found(write, name: str, text: str, *args: str) -> list[tuple[int, str, str]]:
    path = write(name, text)
    _, report = run_json("--all-documents", *args, path)
    return [(f["line"], f["fact"], f["severity"]) for f in report["findings"]]


def test_ignore_next_line_in_markdown(write) -> None:
    text = f"{WRONG}\n\n<!-- factcheck-ignore-next-line moonshot-exchanges -- quoting the first report -->\n{WRONG}\n"
    assert found(write, "a.md", text) == [(1, "moonshot-exchanges", "error")]


def test_ignore_next_line_names_its_facts(write) -> None:
    text = f"<!-- factcheck-ignore-next-line deepseek-exchanges -- wrong fact named -->\n{WRONG}\n"
    assert found(write, "a.md", text) == [(2, "moonshot-exchanges", "error")]


def test_disable_until_enable_in_html(write) -> None:
    text = (
        f"<p>{WRONG}</p>\n<!-- factcheck-disable moonshot-exchanges,minimax-exchanges -- a quoted correction -->\n"
        f"<p>{WRONG}</p>\n<p>{WRONG2}</p>\n<!-- factcheck-enable -->\n<p>{WRONG2}</p>\n"
    )
    assert found(write, "a.html", text) == [(1, "moonshot-exchanges", "error"), (6, "minimax-exchanges", "error")]


def test_plain_text_directives_after_a_hash(write) -> None:
    text = f"# factcheck-disable -- the whole wire is a quoted correction\n{WRONG}\n{WRONG2}\n"
    assert found(write, "a.txt", text) == []


def test_a_suppression_without_a_reason_is_a_warning(write) -> None:
    text = f"<!-- factcheck-ignore-next-line moonshot-exchanges -->\n{WRONG}\n"
    path = write("a.md", text)
    code, report = run_json("--all-documents", path)
    assert [(f["line"], f["fact"], f["severity"]) for f in report["findings"]] == [(1, "factcheck-suppression", "warning")]
    assert "has no reason" in report["findings"][0]["message"]
    assert code == 0  # a warning fails only with --fail-level warning


def test_unused_suppressions_are_reported_when_asked(write) -> None:
    text = "<!-- factcheck-ignore-next-line moonshot-exchanges -- was wrong once -->\nAll is well.\n"
    assert found(write, "a.md", text) == []
    assert found(write, "a.md", text, "--report-unused-suppressions") == [(1, "factcheck-suppression", "warning")]


SPELT = "Anthropic named Deepseek."  # one spelling finding and nothing else


def test_an_enable_naming_facts_turns_only_those_back_on(write) -> None:
    text = (
        "<!-- factcheck-disable -- a quoted correction -->\n"
        f"{WRONG}\n{SPELT}\n"
        "<!-- factcheck-enable spelling-deepseek -->\n"
        f"{WRONG}\n{SPELT}\n"
    )
    assert found(write, "a.md", text) == [(6, "spelling-deepseek", "error")]


def test_plain_text_directives_with_crlf_line_ends(write) -> None:
    text = f"# factcheck-ignore-next-line -- quoted wire copy\r\n{WRONG}\r\n{WRONG}\r\n"
    assert found(write, "a.txt", text) == [(3, "moonshot-exchanges", "error")]


def test_directives_shown_as_code_are_examples(write) -> None:
    text = f"```\n<!-- factcheck-disable -- example for the style guide -->\n```\n\n{WRONG}\n"
    assert found(write, "a.md", text) == [(5, "moonshot-exchanges", "error")]
