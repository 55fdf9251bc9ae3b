"""Property-based tests (hypothesis): the reader's offset map, figures, and a checker that never raises.

Drafts are built from fragments that exercise the reader: emphasis, links, entities, tags,
code spans and fences, front matter, CRLF and lone CR, tabs, non-breaking and zero-width
spaces, right-to-left marks and non-ASCII letters, in any order.

``.ci/run`` runs this module again with ``HYPOTHESIS_PROFILE=fuzz``: many more examples, a
bounded fuzzing run. A draft it ever finds that breaks a property is added here with
``@example`` so that it stays a regression test.
"""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
import os  # noqa: E402

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from checker.document import read  # noqa: E402
from checker.numbers import figures  # noqa: E402

FRAGMENTS = [
    "Moonshot", "DeepSeek", " ", "\t", "\n", "\r\n", "\r", "\n\n", "13 million", "24,000", "16\u00a0million",
    "24\u202f000", "exchanges", "**bold**", "_it_", "*x*", "[link](http://example.com/a_b)", "![alt](i.png)",
    "&amp;", "&mdash;", "&#x41;", "&nbsp;", "<b>", "</b>", "<p>", "</p>", "<!-- note -->", "`code`", "\n```\nfenced\n```\n",
    "# ", "> ", "- ", "1. ", "|", "\u200b", "\u200f", "\u202e", "Zürich", "日本", "😀", ".", ",", "\"", "“", "”",
    "---\ntitle: x\n---\n", "http://x.org/y", "a@b.co", "7", "123,", "`", "[", "*",
]
settings.register_profile("default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Long runs of one short piece: hundreds of digits, backticks, brackets or spaces in a row.
runs = st.tuples(st.sampled_from(FRAGMENTS) | st.text(min_size=1, max_size=3), st.integers(2, 400)).map(lambda r: r[0] * r[1])
drafts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5) | runs, max_size=40).map("".join)


@given(drafts, st.sampled_from(["markdown", "html", "text"]))
def test_every_verbatim_prose_character_maps_back_to_itself(text: str, fmt: str) -> None:
    document = read("d", text, fmt)
    for i, c in enumerate(document.prose):
        start, end = document.original(i, i + 1)
        assert 0 <= start <= end <= len(text)
        source = text[start:end]
        # A character is the original one, or stands for a replaced span (an entity, a break).
        assert source == c or (end - start != 1 or not source.isalnum()) or c.isspace(), (i, c, source)
        line, column = document.position(start)
        assert line >= 1 and column >= 1


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([",", "\u00a0", "\u202f", " "]))
def test_formatted_numbers_read_back(n: int, separator: str) -> None:
    written = f"{n:,}".replace(",", separator)
    found = list(figures(f"They had {written} exchanges."))
    assert len(found) == 1
    assert found[0].value == n


@given(drafts)
@example("7" * 309)  # found by the runs above: a figure too big for a float once crashed the checker
def test_the_checker_never_raises(text: str) -> None:
    from checker import loader
    from checker.engine import Engine

    from conftest import BUNDLED_PACK

    engine = Engine(loader.load([BUNDLED_PACK], examples=False).packs, ignore_scope=True)
    for fmt in ("markdown", "html", "text"):
        result = engine.check(read("d", text, fmt))
        for f in result.findings:
            assert 1 <= f.line <= text.count("\n") + text.count("\r") + 1


# Front matter lines: keys and values that PyYAML reads as text, and ones it reads otherwise.
HEADER_KEYS = ["title", "date", "author", "slug-name", "a_b", "yes", "On", "null", "Date", "x y", "é", "k:v", " title", "#c"]
HEADER_VALUES = [
    "Acme cuts jobs", '"Acme: 4,000 jobs"', "'It''s'", "'quoted'", '"a \\" b"', "2026-02-24", "2026-02-31",
    "2026-2-4", "٢٠٢٦-٠٢-٢٤", "1.5", "42", "yes", "No", "OFF", "null", "~", "", "a # note", "a: b", "ends:",
    "[a, b]", "{a: 1}", "|", "- x", "Zürich", "x\u00a0y", "x\ty", "&anchor", "*alias", "!tag x", "%x", "@x",
    "`x`", "text  ", '"unclosed', "'", "Ärger", "é", "=", "<<", "[Acme, Moonshot AI]", "[]", "[a, yes]", "[a,]",
    "[a, [b]]", "[a: b]", "[a #b]", "[2026, a]", "['a', b]", "[Acme's, R&D (x)]", "[a, &b]", "Acme's “big” day — again",
    "it's 100% $5/share", "a ? b", "a: b # c", "x:", "[a, b] # c", "[ ]",
]
header_lines = st.one_of(
    st.tuples(st.sampled_from(HEADER_KEYS), st.sampled_from(HEADER_VALUES)).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.sampled_from(["", "# a comment", "  continued", "- item", "key:", "---"]),
    st.text(max_size=12),
)


@given(st.lists(header_lines, max_size=8).map("\n".join))
@example('title: "Acme cuts 4,000 jobs"\ndate: 2026-02-24\nauthor: Jo Bloggs')
@example("draft: yes")
@example("summary: Acme # a comment")
@example("date: 2026-02-31")
@example("quote: 'It''s'")
@example("a: b: c")
@example("title: Acme cuts jobs\n#\x1f")  # found by the fuzzing run: a control character in a comment
@example("tags: [Acme, Moonshot AI]\ntitle: Acme's “big” day — again")
def test_a_header_read_without_pyyaml_is_read_as_pyyaml_reads_it(body: str) -> None:
    from checker import yamlsafe

    fast = yamlsafe.flat(body)
    if fast is None:
        return
    try:
        slow, _ = yamlsafe.load(body, strict=False)
    except yamlsafe.YamlError:
        slow = "refused"
    assert fast == slow
    assert [type(v) for v in fast.values()] == [type(v) for v in slow.values()]
