"""Packs and drafts that try to hang or break the checker (issue 7)."""

from __future__ import annotations

import json

import pytest
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


WRONG = "Anthropic said Moonshot AI generated 13 million exchanges with Claude."  # "13" at column 38
MOONSHOT = "moonshot-exchanges"

# name, draft, the findings expected as (line, column, fact). Each draft ends with a sentence the
# checker must still read exactly after whatever came before it.
DRAFTS = [
    ("empty.md", "", []),
    ("empty.html", "", []),
    ("empty.txt", "", []),
    ("bom-only.md", "\ufeff", []),
    # A float overflowed on 400 digits and the checker crashed with a traceback.
    ("digits.md", "7" * 400 + "\n\n" + WRONG, [(3, 38, MOONSHOT)]),
    ("grouped-digits.md", ",".join(["123"] * 3000) + "\n\n" + WRONG, [(3, 38, MOONSHOT)]),
    # Each unmatched run of backticks searched the rest of the paragraph: over two minutes.
    ("backticks.md", " ".join("`" * i for i in range(1, 2001)) + "\n\n" + WRONG, [(3, 38, MOONSHOT)]),
    ("unclosed-backtick.md", "`" + WRONG, [(1, 39, MOONSHOT)]),
    # The table test backtracked over leading blanks: cubic in the indent, 89 s for 3,000 levels.
    ("deep-list.md", "".join("  " * i + "- x\n" for i in range(1500)) + " " * 2000 + "- x|\n\n" + WRONG, [(1503, 38, MOONSHOT)]),
    ("deep-quote.md", ">" * 10000 + " " + WRONG, [(1, 10039, MOONSHOT)]),
    ("deep-divs.html", "<div>" * 100000 + WRONG + "</div>" * 100000, [(1, 500038, MOONSHOT)]),
    ("crlf-tab.md", "Intro.\r\n\r\nSo it is.\t" + WRONG + "\r\n", [(3, 48, MOONSHOT)]),  # a tab is one column
    ("lone-cr.txt", "Intro.\r\r" + WRONG + "\r", [(3, 38, MOONSHOT)]),
    ("right-to-left-mark.md", "\u200f" + WRONG, [(1, 39, MOONSHOT)]),
    # Invisible characters are not read: "13\u200b000\u200b000" is the 13,000,000 a reader sees.
    ("zero-width-figure.md", WRONG.replace("13 million", "13\u200b000\u200b000"), [(1, 38, MOONSHOT)]),
    ("soft-hyphen-entity.html", "<p>Anthropic said Deep&shy;seek did it.</p>", [(1, 19, "spelling-deepseek")]),
    ("zero-width-name.md", "Anthropic said Deep\u200bseek did it.", [(1, 16, "spelling-deepseek")]),
    ("nbsp-figures.md", "Anthropic said the labs used 24\u00a0000 fraudulent accounts.\n\n"
     "In all, the three labs made over 16\u00a0million exchanges.\n\n"
     "Anthropic said the labs used 40\u00a0000 fraudulent accounts.\n\n"
     "In all, the three labs made over 6\u202fmillion exchanges.\n", [(5, 30, "fraudulent-accounts"), (7, 29, "total-exchanges")]),
    ("unterminated-front-matter.md", "---\ntitle: x\n" + WRONG, [(3, 38, MOONSHOT)]),
    # Unterminated blocks run to the end of the file, as CommonMark and HTML say: nothing left is prose.
    ("unterminated-fence.md", "Intro.\n\n```\n" + WRONG, []),
    ("unterminated-comment.md", "Intro.\n\n<!-- " + WRONG, []),
    ("unterminated-comment.html", "<p>Intro.</p><!-- " + WRONG, []),
    ("unterminated-script.html", "<p>Intro.</p><script>" + WRONG, []),
    ("unterminated-tag.html", "<p " + WRONG, []),
]


@pytest.mark.parametrize("name, text, expected", DRAFTS, ids=[d[0] for d in DRAFTS])
def test_hostile_drafts_are_read_exactly_and_never_hang(write, name: str, text: str, expected: list) -> None:
    draft = write(name, text)
    proc = run("--all-documents", "--format", "json", draft, timeout=120)  # a hang guard, not a speed target
    assert "Traceback" not in proc.stderr and proc.returncode == (1 if expected else 0), proc.stderr
    report = json.loads(proc.stdout)
    assert report["files_checked"] == 1
    assert sorted((f["line"], f["column"], f["fact"]) for f in report["findings"]) == expected
