"""Binding figures to their measure and owner, on the bundled pack's vocabulary."""

from __future__ import annotations

import pytest

from checker.claims import Binder, quoted_spans
from checker.document import sentences
from checker import loader
from conftest import BUNDLED_PACK

BINDER = Binder(loader.load([BUNDLED_PACK], examples=False).packs[0].vocabulary)


def claims(text: str) -> list[tuple[str, str, str | None, bool]]:
    return [(c.text, c.measure, c.owner, c.ambiguous) for c in BINDER.claims(text, sentences(text), quoted_spans(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("MiniMax's 13 million exchanges targeted coding.", [("13 million", "exchanges", "minimax", False)]),
        ("DeepSeek, the Hangzhou lab, held over 150,000 exchanges.", [("over 150,000", "exchanges", "deepseek", False)]),
        (
            "Moonshot and MiniMax had more than 3.4 million and 13 million exchanges, respectively.",
            [("more than 3.4 million", "exchanges", "moonshot", False), ("13 million", "exchanges", "minimax", False)],
        ),
        ("MiniMax: more than 13 million exchanges.", [("more than 13 million", "exchanges", "minimax", False)]),
        ("More than 150,000 exchanges came from DeepSeek.", [("More than 150,000", "exchanges", "deepseek", False)]),
        (
            "MiniMax ran the largest campaign. Anthropic said so. The company generated 13 million exchanges.",
            [("13 million", "exchanges", "minimax", False)],
        ),
        (
            "DeepSeek, Moonshot AI and MiniMax generated more than 16 million exchanges.",
            [("more than 16 million", "exchanges", None, False)],
        ),
        ("The labs used roughly 24,000 fake accounts.", [("roughly 24,000", "accounts", None, False)]),
        # a measure the sentence before left open, in a sentence that opens with a party
        (
            "MiniMax ran more than 13 million exchanges. Moonshot logged more than 3.4 million; DeepSeek, more than 150,000.",
            [("more than 13 million", "exchanges", "minimax", False), ("more than 3.4 million", "exchanges", "moonshot", False),
             ("more than 150,000", "exchanges", "deepseek", False)],
        ),
        # ... but not a figure with a noun of its own
        ("MiniMax ran 13 million exchanges. DeepSeek employs 200 people.", [("13 million", "exchanges", "minimax", False)]),
        # "its" with one candidate; a name the pack does not know as the subject makes it unclear
        ("Moonshot AI, maker of Kimi K2.5, spread its 3.4 million exchanges widely.", [("3.4 million", "exchanges", "moonshot", False)]),
        ("MiniMax led. Zhipu then spent its 3 million exchanges on coding.", [("3 million", "exchanges", None, True)]),
        # the object's appositive
        ("DeepSeek ran the smallest operation, more than 150,000 exchanges.", [("more than 150,000", "exchanges", "deepseek", False)]),
        # any verb governs a figure its subject owns
        ("Moonshot AI is piling up 13 million exchanges.", [("13 million", "exchanges", "moonshot", False)]),
        ("DeepSeek quietly amassed 1.5 million exchanges.", [("1.5 million", "exchanges", "deepseek", False)]),
        ("MiniMax will have completed 900,000 exchanges.", [("900,000", "exchanges", "minimax", False)]),
        ("MiniMax versus 150,000 exchanges.", [("150,000", "exchanges", None, True)]),
        ("MiniMax rivals logged 150,000 exchanges.", [("150,000", "exchanges", None, True)]),
        # a figure said to be the whole belongs to nobody, whoever is named after it
        ("The company put the traffic at roughly 15 million exchanges in total.", [("roughly 15 million", "exchanges", None, False)]),
        (
            "Anthropic's tally puts the combined total at just under 16 million exchanges, with MiniMax responsible for most.",
            [("just under 16 million", "exchanges", None, False)],
        ),
        ("MiniMax's share of the combined total reached 13 million exchanges.", [("13 million", "exchanges", None, True)]),
        # a list that names its measure once
        (
            "Per Anthropic: more than 16 million exchanges in total; MiniMax more than 13 million; DeepSeek nearly 150,000.",
            [("more than 16 million", "exchanges", None, False), ("more than 13 million", "exchanges", "minimax", False),
             ("nearly 150,000", "exchanges", "deepseek", False)],
        ),
        ("MiniMax had 13 million exchanges; the rest came in 2025 with 150,000 users.", [("13 million", "exchanges", "minimax", False)]),
        # the measure named before its figure, or a figure as a label
        ("The fraudulent accounts numbered about 26,000.", [("about 26,000", "accounts", None, False)]),
        ("The number of accounts involved was put at 30,000.", [("30,000", "accounts", None, False)]),
        ("15,000+: exchanges attributed to DeepSeek.", [("15,000+", "exchanges", "deepseek", False)]),
        ("The accounts were created in 2025 by 40 people.", []),
        ("MOONSHOT AI: More than 3.4 million exchanges.", [("More than 3.4 million", "exchanges", "moonshot", False)]),
    ],
)
def test_owner_binding(text: str, expected: list) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MiniMax, unlike DeepSeek, said it had 13 million exchanges.",  # "it": whose?
        "Moonshot and MiniMax together had 16.4 million exchanges.",  # a partial group
        "Its 13 million exchanges were the most.",
        "Each account handled about 690 exchanges on average.",
        '"Moonshot generated 13 million exchanges," she said.',
    ],
)
def test_ambiguous_figures_are_not_bound(text: str) -> None:
    assert all(ambiguous for *_, ambiguous in claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "DeepSeek V4 had one account.",
        "MiniMax raised $1.5 billion from 400 investors.",
        "Moonshot released Kimi K2.5 on Jan. 27, 2026 to 30 million users.",
        "See https://example.com/13-million-exchanges for more.",
    ],
)
def test_not_claims(text: str) -> None:
    assert claims(text) == []
