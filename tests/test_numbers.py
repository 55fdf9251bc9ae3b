"""Figures as editors write them, and the intervals they admit."""

from __future__ import annotations

import math

import pytest

from checker.numbers import Interval, describe, difference, figures, product, quotient, same_unit, sum_of


def only(text: str):
    found = list(figures(text))
    assert len(found) == 1, [text[f.start : f.end] for f in found]
    return found[0]


@pytest.mark.parametrize(
    "text, value",
    [
        ("24,000 accounts", 24_000),
        ("24 000 accounts", 24_000),
        ("24\u00a0000 accounts", 24_000),
        ("24K accounts", 24_000),
        ("24k accounts", 24_000),
        ("16 million exchanges", 16e6),
        ("16m exchanges", 16e6),
        ("16M exchanges", 16e6),
        ("16 mln exchanges", 16e6),
        ("16\u00a0million exchanges", 16e6),
        ("1.5bn", 1.5e9),
        ("sixteen million exchanges", 16e6),
        ("twenty-four thousand accounts", 24_000),
        ("one hundred and fifty thousand exchanges", 150_000),
        ("a dozen labs", 12),
        ("half a million exchanges", 500_000),
        ("3.4 million exchanges", 3.4e6),
    ],
)
def test_values(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("more than 16 million", "more than"),
        ("over 16 million", "more than"),
        ("upwards of 16 million", "more than"),
        ("at least 16 million", "at least"),
        ("16 million-plus", "at least"),
        ("nearly 16 million", "nearly"),
        ("almost 16 million", "nearly"),
        ("approximately 24,000", "approximately"),
        ("roughly 24,000", "approximately"),
        ("around 24,000", "approximately"),
        ("about 24,000", "approximately"),
        ("some 24,000", "approximately"),
        ("an estimated 24,000", "approximately"),
        ("fewer than 24,000", "fewer than"),
        ("less than 24,000", "fewer than"),
        ("under 24,000", "fewer than"),
        ("up to 24,000", "at most"),
        ("just over 24,000", "just over"),
        ("exactly 24,000", "exactly"),
        ("more\nthan 13 million", "more than"),
    ],
)
def test_qualifiers_are_part_of_the_figure(text: str, qualifier: str) -> None:
    figure = only(text)
    assert figure.qualifier == qualifier
    assert (figure.start, figure.end) == (0, len(text))


@pytest.mark.parametrize(
    "text, lo, hi",
    [
        ("between 20,000 and 25,000 accounts", 20_000, 25_000),
        ("20,000-25,000 accounts", 20_000, 25_000),
        ("20–25 million exchanges", 20e6, 25e6),
        ("from 20 to 30 accounts", 20, 30),
    ],
)
def test_ranges(text: str, lo: float, hi: float) -> None:
    figure = only(text)
    assert (figure.interval.lo, figure.interval.hi) == (lo, hi)


@pytest.mark.parametrize(
    "text",
    [
        "DeepSeek V4", "Kimi K2.5", "GPT-4", "Nvidia H200", "DeepSeek-R1", "in 2026",
        "on Feb. 23", "23 February", "February 23rd", "at 10:30 a.m.", "one-off", "two-thirds",
        "the 4th time", "version 3.4.1", "a 5G network", "7" * 400,
    ],
)
def test_not_figures(text: str) -> None:
    assert list(figures(text)) == []


def test_money_is_marked() -> None:
    assert only("a $1.5 billion settlement").money
    assert not only("1.5 billion exchanges").money


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("a $1.5 billion settlement", 1.5e9, "$"),
        ("US$4.8m", 4.8e6, "USD"),
        ("€3bn", 3e9, "EUR"),
        ("3 billion euros", 3e9, "EUR"),
        ("GBP 250,000", 250_000, "GBP"),
        ("a $31-per-share offer", 31, "$"),
        ("45%", 45, "percent"),
        ("12.5 per cent", 12.5, "percent"),
        ("45 percent", 45, "percent"),
        ("a 45-day window", 45, "count"),
        # as a script or a reader says them
        ("twenty-seven dollars seventy-five a share", 27.75, "$"),
        ("twenty seven dollars and seventy five cents", 27.75, "$"),
        ("the two point eight billion dollar fee", 2.8e9, "$"),
        ("nine point five percent", 9.5, "percent"),
    ],
)
def test_units(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.value, figure.unit) == (value, unit)


def test_a_number_word_after_dollars_is_cents_only_where_a_price_ends() -> None:
    assert [f.value for f in figures("They paid twenty dollars ten times.")] == [20, 10]


def test_small_money_and_percentages_are_as_written() -> None:
    """"$30 a share" is thirty dollars, not "thirty-ish"; "10%" is not 5 to 15."""
    assert only("$30 a share").interval[:2] == (29.5, 30.5)
    assert only("10%").interval[:2] == (9.5, 10.5)


@pytest.mark.parametrize("written, declared, same", [("$", "USD", True), ("$", "AUD", True), ("USD", "AUD", False), ("EUR", "USD", False), ("count", "percent", False)])
def test_same_unit(written: str, declared: str, same: bool) -> None:
    assert same_unit(written, declared) is same


@pytest.mark.parametrize(
    "text, inside, outside",
    [
        ("16 million", [16.2e6, 15.8e6], [17e6, 15e6]),
        ("more than 3.4 million", [3.45e6, 4.2e6], [3.4e6, 4.3e6, 7e6]),  # near N: up to a quarter above it
        ("at least 20", [20, 29], [19, 30]),  # not a pledge of 30
        ("more than 10,000", [19_000], [24_000]),  # the next step of its precision
        ("three and a half million", [3.5e6], [3e6, 4e6]),  # a fraction after "and"
        ("about two and a quarter billion", [2.25e9], [2e9, 2.5e9]),

        ("roughly 24,000", [23_501, 24_499], [23_500, 24_500, 25_000, 26_000]),  # not ±10%: "about 25,000" is another number
        ("fewer than 16 million", [0, 15.9e6], [16e6]),
        ("nearly 3.4 million", [3.2e6], [3.4e6, 3.0e6]),
        ("up to 150,000", [150_000], [150_001]),
    ],
)
def test_intervals(text: str, inside: list[float], outside: list[float]) -> None:
    interval = only(text).interval
    for value in inside:
        assert not interval.disjoint(Interval(value, value)), value
    for value in outside:
        assert interval.disjoint(Interval(value, value)), value


@pytest.mark.parametrize(
    "text, said",
    [
        ("Acme raised its bid from $30 to $31 a share.", ["$31"]),
        ("It cut staff from 9,000 to 6,500.", ["6,500"]),
        ("The tally ran from 20,000 to 25,000 accounts.", ["from 20,000 to 25,000"]),  # a range, not a change
    ],
)
def test_a_change_from_one_value_to_another_states_the_second(text: str, said: list[str]) -> None:
    assert [text[f.start : f.end] for f in figures(text)] == said


def test_open_bounds_make_touching_intervals_disjoint() -> None:
    assert Interval(0, 16e6, hi_open=True).disjoint(Interval(16e6, 17e6))
    assert not Interval(0, 16e6).disjoint(Interval(16e6, 17e6))
    assert Interval(13e6, math.inf, lo_open=True).disjoint(Interval(0, 13e6))


@pytest.mark.parametrize("value, text", [(3.4e6, "3.4 million"), (24_000, "24,000"), (1.5e9, "1.5 billion")])
def test_describe(value: float, text: str) -> None:
    assert describe(value) == text


@pytest.mark.parametrize(
    "text, value, qualifier",
    [
        ("a third of its workforce", 100 / 3, None),
        ("one-third of the roles", 100 / 3, None),
        ("two-thirds of its staff", 200 / 3, None),
        ("three quarters of the jobs", 75, None),
        ("half of the roles", 50, None),
        ("nearly half of the roles", 50, "nearly"),
        ("about a fifth of its staff", 20, "approximately"),
    ],
)
def test_a_fraction_of_something_is_a_percentage(text: str, value: float, qualifier: str | None) -> None:
    figure = only(text)
    assert (figure.value, figure.unit, figure.qualifier) == (pytest.approx(value), "percent", qualifier)
    assert text[figure.start : figure.end] == text.split(" of ")[0]


@pytest.mark.parametrize(
    "text, inside, outside",
    [
        ("a third of them", [32, 34], [30, 36]),  # rounded to a simple fraction: five points wide
        ("nearly a third of them", [30, 33], [29, 33.4]),
        ("nearly half of them", [45, 49.9], [44, 50]),
        ("more than half of them", [51, 62], [50, 90]),  # a little over half, not nine in ten
    ],
)
def test_fraction_intervals(text: str, inside: list[float], outside: list[float]) -> None:
    test_intervals(text, inside, outside)


@pytest.mark.parametrize(
    "text",
    ["a third party", "two-thirds", "the second half of the year", "the first quarter of 2026", "half a dozen"],
)
def test_fractions_that_are_not_of_something(text: str) -> None:
    assert all(f.unit != "percent" for f in figures(text))


def test_interval_arithmetic() -> None:
    assert difference(Interval(8_950, 9_050), Interval(2_450, 2_550)) == Interval(6_400, 6_600)
    assert difference(Interval(10, 20, lo_open=True), Interval(1, 2, hi_open=True)) == Interval(8, 19, True, False)
    assert product(Interval(0.1, 0.2), Interval(100, 200, hi_open=True)) == Interval(10, 40, False, True)
    assert product(Interval(0, 0.2, hi_open=True), Interval(100, 200, lo_open=True)).lo_open is False  # zero is admitted
    assert quotient(Interval(10, 20), Interval(2, 5)) == Interval(2, 10)
    assert quotient(Interval(10, 20), Interval(0, 5)) == Interval(2, math.inf, False, True)  # "fewer than 5"
    assert sum_of([Interval(1, 2), Interval(3, 4, lo_open=True)]) == Interval(4, 6, True, False)
