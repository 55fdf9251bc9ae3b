"""Plain-text drafts: headings and list items end sentences; hard-wrapped paragraphs do not."""

from __future__ import annotations

import pytest

from checker.document import read, sentences
from conftest import BUNDLED_PACK, run_json


def findings(write, text: str) -> list[tuple[int, int, str]]:
    """(line, column, fact) of every finding on a plain-text draft, scope ignored."""
    path = write("draft.txt", text)
    code, report = run_json("--rules", BUNDLED_PACK, "--all-documents", path)
    assert code == (1 if report["findings"] else 0)
    return [(f["line"], f["column"], f["fact"]) for f in report["findings"]]


KEY_POINTS = """\
What Anthropic says the labs did

Key points
- DeepSeek: over 150,000 exchanges
• 26 million exchanges in total
- Moonshot AI: 13 million exchanges
1. Distillation is a process in which an older model evaluates the answers of a newer model
2) About 24,000 fraudulent accounts were used
"""


def test_plain_text_list_items_and_headings_are_sentences_of_their_own(write) -> None:
    # Read as one sentence, the heading and its items named DeepSeek before "26 million", which
    # left that figure without a sure owner (unchecked), and the definition was reported on the
    # heading's line.
    assert findings(write, KEY_POINTS) == [
        (5, 3, "total-exchanges"),
        (6, 16, "moonshot-exchanges"),
        (7, 4, "distillation-definition"),
    ]


def test_a_heading_in_capitals_ends_its_sentence_without_a_blank_line(write) -> None:
    draft = "DEEPSEEK AND THE OTHERS\n26 million exchanges were logged in all.\n"
    assert findings(write, draft) == [(2, 1, "total-exchanges")]


WIRE = """\
SAN FRANCISCO, Feb 23 (Reuters)
- Anthropic said on Monday that Moonshot AI, the maker of the Kimi
chatbot, generated more than 13 million exchanges with Claude

According to the company, Moonshot AI
- which makes Kimi - held 13 million exchanges with Claude.
"""


def test_hard_wrapped_wire_paragraphs_stay_one_sentence(write) -> None:
    # A dateline is no heading, a short first line runs on into the next, and a dash that
    # starts a wrapped line is no bullet: each figure keeps the subject named lines before it.
    assert findings(write, WIRE) == [(3, 20, "moonshot-exchanges"), (6, 27, "moonshot-exchanges")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A dateline alone on its line runs on into its sentence; a headline in capitals does not.
        ("BC-TECH\nNEW YORK (AP)\n\u2014 Anthropic said so.\n", ["BC-TECH", "NEW YORK (AP)\n\u2014 Anthropic said so."]),
        ("SAN FRANCISCO, Feb 23 (Reuters)\n- Anthropic said so.\n", ["SAN FRANCISCO, Feb 23 (Reuters)\n- Anthropic said so."]),
        # A short label, and a directive between a heading and its list, which is not read.
        ("Key points:\nMiniMax led\n", ["Key points:", "MiniMax led"]),
        ("Key points\r\n# factcheck-ignore-next-line\r\na) MiniMax led\r\n", ["Key points", "MiniMax led"]),
        # An indented item runs on into its indented lines; a year or an initial is no item.
        ("THE SCALE\n\n   - More than 16 million\nexchanges in all\n", ["THE SCALE", "More than 16 million\nexchanges in all"]),
        ("It came out in January\n2025. Next one\nJ. Smith said\n", ["It came out in January\n2025.", "Next one\nJ. Smith said"]),
        # Entries of a fact box or calendar, a label and a dash, are one sentence each.
        ("THE CALENDAR\n24 Feb -- Acme raises its bid\n26 Feb \u2014 Globex walks away\n",
         ["THE CALENDAR", "24 Feb -- Acme raises its bid", "26 Feb \u2014 Globex walks away"]),
        ("The bid -- raised twice -- won\nthe day -- and the board.\n", ["The bid -- raised twice -- won\nthe day -- and the board."]),
        # ... with a spaced hyphen, or a label and a colon, as a fact box's indented lines are
        ("KEY DATES\n  Tue 24 Feb - Acme raises its bid\n  Thu 26 Feb - Globex walks away\n",
         ["KEY DATES", "Tue 24 Feb - Acme raises its bid", "Thu 26 Feb - Globex walks away"]),
        ("FEES\n  Breakup fee owed to Globex: $2.8bn\n  Regulatory fee: $7bn (was $5.8bn)\n",
         ["FEES", "Breakup fee owed to Globex: $2.8bn", "Regulatory fee: $7bn (was $5.8bn)"]),
        ("Acme said the bid - its last - was\nfinal: the board agreed.\n", ["Acme said the bid - its last - was\nfinal: the board agreed."]),
        ("KEY DATES\nTue., Feb. 24 ... Acme raises its bid\nThu., Feb. 26 ... Globex walks away\n",
         # (dot leaders join an entry's date to its event, and the entry ends with its line)
         ["KEY DATES", "Tue., Feb. 24 ... Acme raises its bid", "Thu., Feb. 26 ... Globex walks away"]),
        ("He paused... Then he left. It was late ... Very late.", ["He paused...", "Then he left.", "It was late ... Very late."]),
    ],
)
def test_plain_text_sentences(text: str, expected: list[str]) -> None:
    doc = read("x.txt", text, "text")
    found = [doc.prose[s:e] for s, e in sentences(doc.prose)]
    assert [" ".join(s.split()) for s in found] == [" ".join(s.split()) for s in expected]
    for s, e in sentences(doc.prose):  # every sentence maps back to the same words in the file
        start, end = doc.original(s, e)
        assert "".join(doc.text[start:end].split()).endswith("".join(doc.prose[s:e].split())[-5:])


def test_each_dated_entry_of_a_fact_box_is_its_own_event(write) -> None:
    """Calendar lines with a spaced hyphen: each date goes with its own line, not the next one's."""
    text = (
        "KEY DATES\n"
        "  Mon 23 Feb - Anthropic published its distillation report\n"
        "  Tue 24 Feb - DeepSeek declines to comment\n"
    )
    assert findings(write, text) == []
    assert findings(write, text.replace("Mon 23 Feb", "Sun 22 Feb")) == [(2, 7, "announcement-date")]


def test_a_calendar_with_dot_leaders_keeps_each_date_with_its_own_line(write) -> None:
    text = (
        "KEY DATES\n"
        "Mon., Feb. 23 ... Anthropic publishes its distillation report\n"
        "Tue., Feb. 24 ... DeepSeek declines to comment\n"
    )
    assert findings(write, text) == []
