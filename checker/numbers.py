"""Figures as editors write them, each with the interval of values it admits.

"more than 3.4 million" admits 3.4 million up to a quarter above it; "roughly 24,000" admits what
rounds to 24,000; a bare "16 million" admits what rounds to it. A figure has a unit: a count
("24,000 accounts"), a percentage ("12%", "12 per cent", and a fraction of something: "a third of
its staff" is 33.3%, "nearly half of the roles" just under 50%) or an amount of money ("$1.5
billion", "US$4.8m", "€3bn", "3 billion euros"). Two statements contradict each other when
their intervals are disjoint; what figures admit together (a sum, a difference, a product, a
quotient) is an interval too. Years, dates, times, ordinals, version and model numbers
("V4", "K2.5", "GPT-4", "H200") are not figures and are never returned.
"""

from __future__ import annotations

import math
import re
from typing import Iterable, Iterator, NamedTuple

from checker import rx
from checker.language.grammar import CHANGED_FROM

INF = math.inf

# Phrases a writer puts before a figure, and the qualifier each one means.
_QUALIFIER_PHRASES = {
    "more than": "more than", "over": "more than", "upwards of": "more than",
    "in excess of": "more than", "above": "more than", "north of": "more than",
    "well over": "more than", "well above": "more than", "greater than": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "a minimum of": "at least",
    "just over": "just over", "just above": "just over", "slightly more than": "just over",
    "a little over": "just over", "a little more than": "just over", "just more than": "just over",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "just shy of": "nearly",
    "approaching": "nearly", "not quite": "nearly", "just below": "nearly",
    "approximately": "approximately", "roughly": "approximately", "around": "approximately",
    "about": "approximately", "some": "approximately", "an estimated": "approximately",
    "estimated": "approximately", "close to": "approximately", "circa": "approximately",
    "approx.": "approximately", "~": "approximately", "in the region of": "approximately",
    "on the order of": "approximately", "an approximate": "approximately",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
    "below": "fewer than",
    "up to": "at most", "as many as": "at most", "at most": "at most",
    "no more than": "at most", "a maximum of": "at most",
    "exactly": "exactly", "precisely": "exactly", "a total of": "exactly",
}

# Which way a qualifier points from its number: a floor (+1) or a ceiling (-1).
DIRECTIONS = {"more than": 1, "at least": 1, "just over": 1, "at most": -1, "fewer than": -1, "nearly": -1}

_UNITS = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "bil": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12,
}
# Currencies as written, and the ISO code each one means. A bare "$" is a dollar of any country:
# it agrees with a pack's USD, AUD, CAD ... (see :func:`same_unit`).
_CURRENCY_SIGNS = {
    "$": "$", "us$": "USD", "us $": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
    "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD",
    "chf": "CHF", "cny": "CNY", "rmb": "CNY", "hk$": "HKD", "hkd": "HKD",
}
_CURRENCY_WORDS = {
    "dollars": "$", "dollar": "$", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "swiss francs": "CHF", "francs": "CHF",
}
PERCENT = "percent"
COUNT = "count"
_SCALE_WORDS = r"(?:thousand|million|billion|trillion|mln|mn|bln|bil|bn|tn)"
_SCALE_LETTERS = r"(?:[kK]|[mM]|[bB])"

NUMBER_WORDS = {  # the numbers written as one word
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
# The words that count a set of parties: "two labs", "a trio of firms", "a dozen companies".
SET_COUNTS = {
    **{w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 12},
    "a single": 1, "a pair of": 2, "a couple of": 2, "a trio of": 3, "a quartet of": 4, "a dozen": 12,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# A fraction of something ("a third of its staff", "nearly half of the roles") is a percentage.
_DENOMINATORS = {
    "half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
# A fraction is a rounding to a simple one: "a third" is said of 32% as of 34%, so it is as
# precise as a percentage rounded to five points.
_FRACTION_PRECISION = 5.0
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

_DIGIT_WORD = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:[-\s](?:"
    + "|".join(k for k in NUMBER_WORDS if NUMBER_WORDS[k] < 10 and k != "zero") + r"))?"
    r"|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
)
_GROUP_SPACE = "[ \u00a0\u202f\u2009]"
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:" + _GROUP_SPACE + r"\d{3})+(?![\d,.]\d)"
    r"|\d+(?:\.\d+)?)"
)

_FIGURE = rx.compile(
    r"""
    (?:(?<![\p{L}\p{N}])(?P<cur>(?:US\$|US\ \$|HK\$|A\$|C\$|[$€£¥])|(?-i:USD|EUR|GBP|JPY|AUD|CAD|CHF|CNY|RMB|HKD)\ ?))?\s?
    (?:
        (?P<num>""" + _DIGITS + r""")
        (?:
            (?:[\s\u00a0]|-)?(?P<scale>""" + _SCALE_WORDS + r""")(?![\p{L}])
          | (?P<letter>""" + _SCALE_LETTERS + r""")(?![\p{L}\p{N}])
        )?
      | (?P<half>half\ an?\ (?P<hscale>thousand|million|billion))
      | (?P<fraction>(?<![\p{L}])(?:(?P<numerator>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]
            (?P<denominator>half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)
          | (?<!\b(?:the|first|second|last|final|latter|former|other|back|front)\s)half)(?=\s+of\b))
      | (?P<dozen>(?:a|one)\ dozen)
      | (?P<words>(?<![\p{L}])(?:an?(?=[\s-](?:hundred|thousand|million|billion|trillion)\b)|""" + _WORD_NUMBER + r""")(?:[\s-](?:hundred))?
            (?:[\s-](?:and\ )?""" + _WORD_NUMBER + r""")?
            (?:\ point(?:[\s-]""" + _DIGIT_WORD + r"""){1,3}|\ and\ an?\ (?:half|quarter))?
            (?:[\s-](?P<wscale>thousand|million|billion|trillion))?)
    )
    (?P<plus>-plus|\+|-odd|\ plus(?!\ \p{L}))?
    (?:
        (?P<pct>\ ?%|[\s\u00a0]per[\s\u00a0]?cent\b|[\s\u00a0]percent\b)
      | [\s\u00a0](?P<curword>""" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)).replace(" ", r"\ ") + r""")\b
        (?:\ (?:and\ )?(?P<cents>""" + _WORD_NUMBER + r""")(?:\ cents?\b|(?=\s+(?:a|an|per|each|apiece)\b|\s*[.,;:!?)\]]|\s*\Z)))?
    )?
    """,
    rx.VERBOSE | rx.IGNORECASE | rx.V1,
)

# Where a figure may start: a currency, a digit, or a number word (stdlib re: it finds these
# in a fraction of the time _FIGURE takes to try every position of a text, so _FIGURE is only
# tried where it can match).
_CANDIDATE = re.compile(
    r"(?i)\b(?:u(?=s\s?\$)|hk(?=\$)|[ac](?=\$)|(?-i:USD|EUR|GBP|JPY|AUD|CAD|CHF|CNY|RMB|HKD)\b)|[$€£¥\d]|\ban?(?=[\s-](?:hundred|thousand|million|billion|trillion|dozen|half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)\b)|\b(?:half|" + "|".join(sorted([*NUMBER_WORDS, *_TENS], key=len, reverse=True)) + r")\b"
)

_QUALIFIER_RE = rx.compile(
    r"(?:^|(?<=[\s(\"'“‘—–-]))(?P<q>"
    + "|".join(
        rx.escape(p).replace(r"\ ", r"\s+") for p in sorted(_QUALIFIER_PHRASES, key=len, reverse=True)
    )
    + r")[\s\u00a0]*\Z",
    rx.IGNORECASE,
)
_SUMS_UP = rx.compile(r"\b(?:add(?:s|ed|ing)?|sum(?:s|med|ming)?|count(?:s|ed|ing)?)\s+\Z", rx.IGNORECASE)
_RANGE_LEFT = rx.compile(r"(?:\b(?P<kw>between|from)\s+)\Z", rx.IGNORECASE)
_RANGE_MID = rx.compile(r"^\s*(?:(?P<dash>[-–—])|\s(?P<word>and|to)\s)\s*", rx.IGNORECASE)
_POSTFIX = rx.compile(r"^\s+(?:(?P<more>or more|or above|and up)|(?P<approx>or so))\b")
_BAD_BEFORE = rx.compile(r"(?:[\p{L}\p{N}_.,/:#@]|\p{L}-)\Z")
_DASH_BEFORE = rx.compile(r"\p{N}[-–]\Z")  # the second half of "20,000-25,000"
_BAD_AFTER = rx.compile(r"^(?:[\p{L}\p{N}_@%]|[.,]\d|:\d)")
# "one-off", "two-thirds": a number word joined to a word is not a figure; "45-day" and
# "$31-per-share" are.
_WORD_JOINED = rx.compile(r"^-\p{L}")
_DATE_BEFORE = rx.compile(_MONTHS + r"\.?\s+\Z")
_DATE_AFTER = rx.compile(r"^(?:st|nd|rd|th)?\s+" + _MONTHS + r"\b")
_TIME_AFTER = rx.compile(r"^\s*(?:[ap]\.?m\.?\b|GMT|UTC|ET|PT|BST)", rx.IGNORECASE)


class Interval(NamedTuple):
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def disjoint(self, other: Interval) -> bool:
        return _below(self, other) or _below(other, self)


def _below(a: Interval, b: Interval) -> bool:
    """True when every value of ``a`` lies below every value of ``b``."""
    return a.hi < b.lo or (a.hi == b.lo and (a.hi_open or b.lo_open))


# What figures admit together: each result admits every value the operation gives on values
# the operands admit. Products and quotients are of magnitudes (no interval goes below zero).


def sum_of(intervals: Iterable[Interval]) -> Interval:
    """The values a sum admits: "more than 3.4 million" + "13 million"."""
    items = list(intervals)
    return Interval(
        sum(i.lo for i in items), sum(i.hi for i in items),
        any(i.lo_open for i in items), any(i.hi_open for i in items),
    )


def difference(a: Interval, b: Interval) -> Interval:
    """The values ``a - b`` admits: "9,000" less "2,500"."""
    return Interval(a.lo - b.hi, a.hi - b.lo, a.lo_open or b.hi_open, a.hi_open or b.lo_open)


def product(a: Interval, b: Interval) -> Interval:
    """The values ``a * b`` admits. A zero end stays closed: the wider reading."""
    return Interval(
        a.lo * b.lo, a.hi * b.hi,
        (a.lo_open or b.lo_open) and a.lo > 0 and b.lo > 0, (a.hi_open or b.hi_open) and a.hi > 0 and b.hi > 0,
    )


def quotient(a: Interval, b: Interval) -> Interval:
    """The values ``a / b`` admits; without bound above when ``b`` admits zero."""
    if b.hi <= 0:
        return Interval(0.0, INF)
    lo = a.lo / b.hi
    hi = a.hi / b.lo if b.lo > 0 else INF
    return Interval(lo, hi, (a.lo_open or b.hi_open) and lo > 0, (a.hi_open or b.lo_open) or hi == INF)


class Figure(NamedTuple):
    """A number in prose: where it is, what it says and which values it admits."""

    start: int  # offset of the qualifier, if any, else of the number
    end: int
    value: float
    interval: Interval
    qualifier: str | None
    unit: str  # COUNT, PERCENT, or a currency: an ISO code, or "$" for a dollar of no stated country
    scale: float = 1.0  # the multiplier written after the number ("million" -> 1e6)

    @property
    def money(self) -> bool:
        return self.unit not in (COUNT, PERCENT)


def same_unit(written: str, declared: str) -> bool:
    """Whether a figure written in one unit states a fact declared in another: "$" is any
    dollar, "US$" only the US dollar."""
    return written == declared or (written == "$" and len(declared) == 3 and declared.endswith("D"))


def unit_of(m: rx.Match) -> str:
    if m["pct"] or m["fraction"]:
        return PERCENT
    sign = m["cur"] or m["curword"]
    if not sign:
        return COUNT
    key = " ".join(sign.lower().split())
    return _CURRENCY_SIGNS.get(key) or _CURRENCY_WORDS[key]


def precision_unit(value: float, decimals: int = 0, scale: float = 1.0, unit: str = COUNT) -> float:
    """The size of the last significant digit: 3.4 million -> 100,000; 24,000 -> 1,000. Money
    and percentages under 100 are as written: "$30 a share" and "10%" are not rounded to tens."""
    if decimals:
        return scale * 10.0 ** -decimals
    if unit != COUNT and value < 100:
        return 1.0
    integer = round(value / scale)
    zeros = 0
    while integer and integer % 10 == 0:
        integer //= 10
        zeros += 1
    return scale * 10.0**zeros


def interval_for(value: float, qualifier: str | None, unit: float) -> Interval:
    """The values a figure admits, given how it was qualified and how precisely written."""
    q = qualifier or "as written"
    loose = max(0.1 * value, unit / 2)
    # A writer who says "more than N" means a value near N, not any value above it: "more than
    # 340,000" does not describe 3.4 million, nor "at least 20" a pledge of 30. N stands for
    # values up to its next step of precision ("more than 16 million": 16 to 17 million; "more
    # than 10,000": 10,000 to 20,000), and never less than a quarter above N.
    reach = value + max(unit, 0.25 * value)
    if q == "more than":
        return Interval(value, reach, lo_open=True, hi_open=True)
    if q == "at least":
        return Interval(value, reach, hi_open=True)
    if q == "just over":
        return Interval(value, value + loose, lo_open=True)
    if q == "nearly":
        return Interval(value - loose, value, hi_open=True)
    if q == "approximately":  # the figure is the claim: "about 26,000" is not a licence for 24,000,
        # nor "about 25,000", whose values only touch "approximately 24,000" at 24,500
        return Interval(value - unit / 2, value + unit / 2, lo_open=True, hi_open=True)
    if q == "fewer than":
        return Interval(0.0, value, hi_open=True)
    if q == "at most":
        return Interval(0.0, value)
    if q == "exactly":
        return Interval(value, value)
    tight = min(unit / 2, 0.05 * value)
    return Interval(value - tight, value + tight)


def _words_value(text: str) -> float | None:
    whole, _, point = text.lower().partition(" point ")
    # "three and a half billion": the fraction goes with the number before the scale
    whole, _, fraction = whole.partition(" and a ")
    share = {"half": 0.5, "quarter": 0.25}.get(fraction.split(" ")[0], 0.0) if fraction else 0.0
    if fraction:
        if not share:
            return None
        whole = " ".join([whole, *fraction.split(" ")[1:]])
    total, current = 0.0, 0.0
    for word in rx.split(r"[\s-]+", whole):
        if word in ("a", "an"):
            current = 1
        elif word == "and":
            continue
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _UNITS:
            total += ((current or 1) + share) * _UNITS[word]
            current, share = 0, 0.0
        else:
            return None
    if point:  # "two point eight billion": the digits after the point, then the scale
        digits = point.split()
        scale = _UNITS.get(digits[-1], 1.0)
        digits = digits[:-1] if digits[-1] in _UNITS else digits
        if not all(d in NUMBER_WORDS or d == "oh" for d in digits):
            return None
        fraction = float("0." + "".join(str(NUMBER_WORDS.get(d, 0)) for d in digits))
        current = (current + fraction) * scale
    value = total + current + share
    return value or None


def _parse(m: rx.Match, unit: str) -> tuple[float, float, float] | None:
    """Value, precision unit and scale of one figure match, or None when it is not a figure."""
    if m["num"]:
        raw = rx.sub(r"[,\s\u00a0\u202f\u2009]", "", m["num"])
        scale = _UNITS[(m["scale"] or m["letter"] or "").lower()] if (m["scale"] or m["letter"]) else 1.0
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        value = float(raw) * scale
        if value == INF:
            return None  # hundreds of digits in a row: not a count anyone wrote
        return value, precision_unit(value, decimals, scale, unit), scale
    if m["half"]:
        scale = _UNITS[m["hscale"].lower()]
        return scale / 2, scale / 10, scale
    if m["dozen"]:
        return 12.0, 1.0, 1.0
    if m["fraction"]:
        numerator = NUMBER_WORDS.get((m["numerator"] or "one").lower(), 1)
        denominator = _DENOMINATORS[(m["denominator"] or "half").lower().removesuffix("s")]
        return 100.0 * numerator / denominator, _FRACTION_PRECISION, 1.0
    value = _words_value(m["words"])
    if value is None or m["words"].lower() in ("a", "an"):
        return None
    scale = _UNITS[m["wscale"].lower()] if m["wscale"] else 1.0
    decimals = len(m["words"].lower().partition(" point ")[2].split()) - (1 if m["wscale"] else 0)
    if " and a" in m["words"].lower():  # "three and a half billion": to the half
        decimals = 1 if "half" in m["words"].lower() else 2
    if m["cents"] and not m["wscale"]:  # "twenty-seven dollars seventy-five"
        cents = _words_value(m["cents"])
        if cents is None or cents >= 100:
            return None
        return value + cents / 100, 0.01, 1.0
    return value, precision_unit(value, max(decimals, 0), scale, unit), scale


def figures(text: str) -> Iterator[Figure]:
    """Every figure in ``text``, with ranges merged and qualifiers applied."""
    found = [f for f in (_figure_at(text, m) for m in _matches(text)) if f]
    i = 0
    while i < len(found):
        first = found[i]
        if i + 1 < len(found) and _changed(text, first, found[i + 1]):
            i += 1  # "raised its bid from $30 to $31": $31 is claimed, not $30 nor "30 to 31"
            continue
        if i + 1 < len(found):
            merged = _range(text, first, found[i + 1])
            if merged:
                yield merged
                i += 2
                continue
        if not _DASH_BEFORE.search(text, max(0, first.start - 2), first.start):  # a dangling "-25" is not a figure
            yield first
        i += 1


def _matches(text: str) -> Iterator[rx.Match]:
    """What ``_FIGURE.finditer(text)`` finds, tried only where a figure may start."""
    end = 0
    for candidate in _CANDIDATE.finditer(text):
        if candidate.start() >= end:
            m = _FIGURE.match(text, candidate.start(), timeout=rx.TIMEOUT)
            if m:
                yield m
                end = m.end()


def _figure_at(text: str, m: rx.Match) -> Figure | None:
    start, end = m.span()
    if not (m["num"] or m["half"] or m["dozen"] or m["fraction"] or m["words"]):
        return None
    while start < end and text[start].isspace():
        start += 1
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if _BAD_BEFORE.search(before) or _BAD_AFTER.match(after) or (not m["num"] and _WORD_JOINED.match(after)):
        return None
    unit = unit_of(m)
    parsed = _parse(m, unit)
    if parsed is None:
        return None
    value, precision, scale = parsed
    plain = m["num"] and not (m["scale"] or m["letter"] or unit != COUNT or m["plus"])
    if plain and "," not in m["num"] and "." not in m["num"]:
        if 1000 <= value <= 2100 and len(m["num"]) == 4:
            return None  # a year
        if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after) or _TIME_AFTER.match(after):
            return None
    if m["num"] and (_DATE_BEFORE.search(before) and value <= 31):
        return None
    qualifier = None
    if m["plus"]:
        qualifier = "at least"
    else:
        post = _POSTFIX.match(after)
        if post:
            qualifier = "at least" if post["more"] else "approximately"
            end += post.end()
    q = _QUALIFIER_RE.search(before)
    if q and _SUMS_UP.search(before, 0, q.start("q")):
        q = None  # "the parts add up to 16.5 million": a result, not a ceiling
    if q and qualifier is None:
        qualifier = _QUALIFIER_PHRASES[" ".join(q["q"].lower().split())]
        start -= len(before) - q.start("q")
    interval = interval_for(value, qualifier, precision)
    if unit == PERCENT and qualifier is None and before[-1:] in ("+", "-", "−") and not before[-2:-1].isalnum():
        start -= 1  # a change: "+10%", "-6%"
    return Figure(start, end, value, interval, qualifier, unit, scale)


def _between(text: str, a: Figure, b: Figure) -> rx.Match | None:
    """What joins two figures into a pair ("-", " and ", " to "), when it is all that stands between them."""
    mid = _RANGE_MID.match(text[a.end : b.start + 1])
    return mid if mid and a.end + mid.end() == b.start else None


def _changed(text: str, a: Figure, b: Figure) -> bool:
    """Whether ``a`` is what something was changed from, and ``b`` what it was changed to."""
    mid = _between(text, a, b)
    if not mid or (mid["word"] or "").lower() != "to":
        return False
    return rx.search(CHANGED_FROM, text, pos=max(0, a.start - 80), endpos=a.start) is not None


def _range(text: str, a: Figure, b: Figure) -> Figure | None:
    mid = _between(text, a, b)
    if not mid or a.qualifier or b.qualifier:
        return None
    left = _RANGE_LEFT.search(text[max(0, a.start - 12) : a.start])
    if mid["word"] and mid["word"].lower() == "and" and not (left and left["kw"].lower() == "between"):
        return None
    if mid["word"] and mid["word"].lower() == "to" and not left:
        return None
    lo = a.value
    if a.scale == 1.0 and b.scale > 1.0 and a.value * b.scale <= b.value:
        lo = a.value * b.scale  # "20-25 million": the scale is shared
    if lo > b.value or (a.unit != b.unit and a.unit != COUNT):
        return None
    start = a.start - (len(left.group(0)) if left else 0)
    interval = Interval(lo, b.value)
    return Figure(start, b.end, (lo + b.value) / 2, interval, "between", b.unit, b.scale)


def describe(value: float, unit: str = COUNT) -> str:
    """A figure the way the pack states it in messages: 3400000 -> '3.4 million'; in USD,
    2.8e9 -> '$2.8 billion'; in percent, 4.5 -> '4.5%'."""
    number = f"{value:,.2f}".rstrip("0").rstrip(".")
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            number = f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
            break
    if unit == PERCENT:
        return f"{number}%"
    if unit == COUNT:
        return number
    sign = {"USD": "$", "$": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(unit)
    return f"{sign}{number}" if sign else f"{number} {unit}"


def describe_span(interval: Interval, unit: str = COUNT) -> str:
    """The values an interval admits, in words: "$30.5 to $31.5", "16 million"."""
    lo, hi = describe(interval.lo, unit), describe(interval.hi, unit)
    return lo if lo == hi else f"{lo} to {hi}"
