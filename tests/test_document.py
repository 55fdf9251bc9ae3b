"""Markup to prose, with an exact map back to the original, and sentence splitting."""

from __future__ import annotations

import html

import pytest

from checker.document import read, sentences

MARKDOWN = """---
title: "Anthropic names three labs"
date: 2026-02-23
tags: [ai, 16 million]
summary: >-
  The labs generated more than
  16 million exchanges.
---
# Heading with *emphasis*

Moonshot's `code 13 million` exchanges [link text](https://example.com/13-million "t") and
![alt text 24,000](img/3400000.png) are here. Visit https://example.com/9000000 or
write to desk@example.com. AT&amp;T said &quot;hi&quot;.

```python
x = 13_000_000
```

    indented code 99 million

- item one
- item two

| Lab | Exchanges |
|---|---|
| MiniMax | 13 million |

> quoted line
<!-- comment 77 million -->
<p class="x">Para <b>bold</b></p>
"""


def prose_of(text: str, fmt: str = "markdown") -> str:
    return read("x", text, fmt).prose


def test_markdown_keeps_reader_text_and_drops_the_rest() -> None:
    prose = prose_of(MARKDOWN)
    for kept in ("Anthropic names three labs", "16 million exchanges", "Heading with emphasis",
                 "link text", "alt text 24,000", "AT&T said \"hi\"", "item one", "MiniMax | 13 million",
                 "quoted line", "Para bold"):
        assert kept in prose, kept
    for dropped in ("2026-02-23", "tags", "code 13 million", "example.com", "3400000", "9000000",
                    "desk@", "13_000_000", "99 million", "77 million", "class=", "---", "```", "#", "*"):
        assert dropped not in prose, dropped


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_every_prose_character_maps_back_to_its_original(fmt: str) -> None:
    doc = read("x", MARKDOWN, fmt)
    for i, char in enumerate(doc.prose):
        start, end = doc.original(i, i + 1)
        source = doc.text[start:end]
        if source == char:
            continue
        # Replacements: an entity decodes to its character; markup leaves a break or a cell bar
        # (a break inserted after a heading covers no original character at all).
        assert (end > start and html.unescape(source) == char) or char in " \n|", (i, char, source)


def test_html_page_reads_title_description_body_and_alt() -> None:
    page = (
        '<!DOCTYPE html><html><head><title>Labs &amp; Claude</title>'
        '<meta name="description" content="Over 16&nbsp;million exchanges">'
        '<style>p{}</style><script>var n = 13000000;</script></head>'
        '<body><p>DeepSeek held <a href="/x/150000">over 150,000</a> exchanges.</p>'
        '<img src="a-24000.png" alt="24,000 accounts"><table><tr><td>MiniMax</td><td>13 million</td></tr></table>'
        "</body></html>"
    )
    prose = prose_of(page, "html")
    assert "Labs & Claude" in prose
    assert "Over 16\u00a0million exchanges" in prose
    assert "DeepSeek held over 150,000 exchanges." in prose
    assert "24,000 accounts" in prose
    assert "MiniMax | 13 million" in prose
    for dropped in ("13000000", "150000", "a-24000", "p{}", "DOCTYPE"):
        assert dropped not in prose


def test_unterminated_front_matter_is_not_front_matter() -> None:
    assert "title: kept" in prose_of("---\ntitle: kept\nno closing fence\n")


def test_positions_count_characters_across_crlf_tabs_and_multibyte() -> None:
    text = "ZÜRICH\r\n\tMoonshot’s 13 million\r\nend"
    doc = read("x", text, "text")
    offset = doc.prose.index("13 million")
    start, end = doc.original(offset, offset + len("13 million"))
    assert doc.position(start) == (2, 13)
    assert doc.position(end) == (2, 23)
    lone_cr = read("x", "a\rb\r13", "text")
    assert lone_cr.position(lone_cr.prose.index("13")) == (3, 1)


def test_entity_spans_map_to_the_whole_entity() -> None:
    doc = read("x", "say &quot;16&nbsp;million&quot; now", "html")
    i = doc.prose.index("16")
    start, end = doc.original(i, i + len("16\u00a0million\""))
    assert doc.text[start:end] == "16&nbsp;million&quot;"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. market grew. It did.", ["The U.S. market grew.", "It did."]),
        ("On Feb. 23 it said so. Then more.", ["On Feb. 23 it said so.", "Then more."]),
        ("It had 3.4 million exchanges. Fine.", ["It had 3.4 million exchanges.", "Fine."]),
        ("Nvidia Inc. rose. Then fell.", ["Nvidia Inc. rose.", "Then fell."]),
        ('"It is bad," he said. Then left.', ['"It is bad," he said.', "Then left."]),
        ("Affected.Users were told.", ["Affected.", "Users were told."]),
        ("One\n\nTwo", ["One", "Two"]),
        ("Wrapped\nline continues. Next.", ["Wrapped\nline continues.", "Next."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text)] == expected


def test_list_items_are_sentences_of_their_own() -> None:
    prose = prose_of("Intro:\n- MiniMax: 13 million exchanges\n- Moonshot: 3.4 million exchanges\n")
    found = [prose[s:e] for s, e in sentences(prose)]
    assert "MiniMax: 13 million exchanges" in found
    assert "Moonshot: 3.4 million exchanges" in found
