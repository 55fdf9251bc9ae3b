"""The language layer's constructions and grammar: each has examples both ways, and each example holds."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from checker import rx
from checker.claims import Binder, quoted_spans, vocabulary
from checker.document import sentences
from checker.language import discover, grammar, owners
from checker.language.grammar import active_voice
from checker.language.constructions import CONSTRUCTIONS, Construction
from checker.numbers import figures


@pytest.mark.parametrize("construction", CONSTRUCTIONS, ids=[c.name for c in CONSTRUCTIONS])
def test_every_construction_has_examples_that_hold(construction: Construction) -> None:
    assert construction.matches and construction.misses, f"{construction.name!r} needs examples both ways"
    assert [s for s in construction.matches if not construction.found(s)] == []
    assert [s for s in construction.misses if construction.found(s)] == []


EXAMPLE_BINDER = Binder(vocabulary(owners.EXAMPLE_PARTIES, owners.EXAMPLE_MEASURES, owners.EXAMPLE_OWNERS))


@pytest.mark.parametrize("strategy", owners.STRATEGIES, ids=[s.name for s in owners.STRATEGIES])
def test_every_owner_strategy_binds_its_examples(strategy: owners.Strategy) -> None:
    """Each example's figure gets the owner it says, from this strategy; an example that
    expects no comparison (AMBIGUOUS) may be left to whichever strategy refuses it."""
    assert strategy.examples, f"{strategy.name!r} needs examples"
    assert any(owner != owners.AMBIGUOUS for _, _, owner in strategy.examples)
    for sentence, figure, owner in strategy.examples:
        found = [c for c in EXAMPLE_BINDER.claims(sentence, sentences(sentence), quoted_spans(sentence)) if c.text == figure]
        assert len(found) == 1, (sentence, figure, found)
        claim = found[0]
        if owner == owners.AMBIGUOUS:
            assert (claim.owner, claim.ambiguous) == (None, True), (sentence, claim.how)
        else:
            assert (claim.owner, claim.ambiguous, claim.how) == (owner, False, strategy.name), sentence


@pytest.mark.parametrize(
    "pattern, matches, misses",
    [
        (grammar.ANY_VERB, ["is cutting", "will cut", "came to", "employs", "agreed to pay", "said it would cut", "would owe",
                            "will also pay", "has also raised"], ["versus", "plus", "news", "would the"]),
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


@pytest.mark.parametrize("pattern", discover.PATTERNS, ids=[p.name for p in discover.PATTERNS])
def test_every_discovery_pattern_has_examples_that_hold(pattern: discover.Pattern) -> None:
    assert pattern.found and pattern.not_found, f"{pattern.name!r} needs examples both ways"
    read = discover.plain if pattern is discover.MAKER else (lambda s: s)
    assert [(s, pattern.first(read(s))) for s, want in pattern.found if pattern.first(read(s)) != want] == []
    assert [s for s in pattern.not_found if pattern.first(read(s)) is not None] == []


@pytest.mark.parametrize("sentence, noun", discover.COUNTED)
def test_the_noun_a_figure_counts(sentence: str, noun: str | None) -> None:
    figure = next(iter(figures(sentence)))
    assert discover.counted_noun(sentence, figure.start, figure.end) == noun


@pytest.mark.parametrize("sentence, runs", discover.NAMES)
def test_names_used_as_names(sentence: str, runs: tuple[tuple[str, bool], ...]) -> None:
    assert tuple((sentence[a:b], named) for a, b, named in discover.name_runs(sentence)) == runs


def test_rank_places_one_of_two_things_above_the_other() -> None:
    assert discover.rank("larger teacher") == 1
    assert discover.rank("newer model") == -1
    assert discover.rank("model") == 0


def test_coordinated_gives_every_run_of_names() -> None:
    class Span(NamedTuple):
        start: int
        end: int

    sentence = "Acme beat Rival, Globex and Initech."
    names = [Span(0, 4), Span(10, 15), Span(17, 23), Span(28, 35)]
    assert grammar.coordinated(sentence, names) == [names[:1], names[1:]]


@pytest.mark.parametrize(
    "passive, active, said",
    [
        ("Claude is sold in China", "Anthropic sells Claude in China.", "sells Claude in China"),
        ("Claude is offered in China", "Anthropic does offer Claude in China.", "offer Claude in China"),
        ("the cargo was shipped to Oslo", "Acme ships the cargo to Oslo.", "ships the cargo to Oslo"),
        ("the cargo was carried to Oslo", "Acme carried the cargo quickly to Oslo.", "carried the cargo quickly to Oslo"),
        ("Claude is available in China", "Claude is available in China.", None),  # an adjective: no active voice
    ],
)
def test_a_passive_phrase_in_the_active_voice(passive: str, active: str, said: str | None) -> None:
    pattern = active_voice(passive)
    found = pattern and rx.search("(?i)" + pattern, active)
    assert (found.group() if found else None) == said
