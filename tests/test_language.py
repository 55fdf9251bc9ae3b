"""The language layer's constructions and grammar: each has examples both ways, and each example holds."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from checker import rx
from checker.language import grammar
from checker.language.constructions import CONSTRUCTIONS, Construction


@pytest.mark.parametrize("construction", CONSTRUCTIONS, ids=[c.name for c in CONSTRUCTIONS])
def test_every_construction_has_examples_that_hold(construction: Construction) -> None:
    assert construction.matches and construction.misses, f"{construction.name!r} needs examples both ways"
    assert [s for s in construction.matches if not construction.found(s)] == []
    assert [s for s in construction.misses if construction.found(s)] == []


@pytest.mark.parametrize(
    "pattern, matches, misses",
    [
        (grammar.ANY_VERB, ["is cutting", "will cut", "came to", "employs", "agreed to pay", "said it would cut"], ["versus", "plus", "news"]),
        (grammar.VERB_PHRASE, ["was alleged to have conducted", "is accused of generating", "held"], ["the", "its"]),
        (grammar.POSSESSED, ["'s campaign", "’s", "'s share, by contrast,"], ["s campaign"]),
        (grammar.APPOSITIVE, [", the Hangzhou lab,", " — the Hangzhou lab —"], [", the lab; it"]),
        (grammar.ANAPHOR, ["the company", "the San Francisco firm", "this lab"], ["the companies", "a firm"]),
    ],
)
def test_grammar_patterns_behave_as_their_examples_say(pattern: str, matches: list[str], misses: list[str]) -> None:
    for text in matches:
        assert rx.fullmatch(pattern, text, rx.IGNORECASE), text
    for text in misses:
        assert not rx.fullmatch(pattern, text, rx.IGNORECASE), text


def test_coordinated_tail_is_the_last_run_of_names() -> None:
    class Span(NamedTuple):
        start: int
        end: int

    sentence = "Acme beat Rival, Globex and Initech."
    names = [Span(0, 4), Span(10, 15), Span(17, 23), Span(28, 35)]
    assert grammar.coordinated_tail(sentence, names) == names[1:]
