"""Dates as drafts write them, resolved to calendar days where the text allows it.

Absolute forms: "Feb. 23", "February 23rd", "23 February 2026", "2026-02-23", each optionally
with a weekday ("Monday, Feb. 23", "TUE 24 FEB 2026" in a script); a weekday alone ("on
Monday"); and relative words ("yesterday", "two days ago", "last week", "earlier this month")
that need the document's own date. Each
mention says what it pins down: a day, a weekday, or a window of days.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from checker import rx

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Broadcast scripts and slugs write dates in capitals: "TUE 24 FEB 2026", "FRIDAY 27 FEB".
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?|"
    r"JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|"
    r"NOV(?:EMBER)?|DEC(?:EMBER)?)"
)
WEEKDAY_WORD = (  # "Tuesday", "Tue.", "Thurs.", "FRIDAY"
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day|\.)"
    r"|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY)"
)
_WEEKDAY = r"(?P<weekday>" + WEEKDAY_WORD + r"(?:'s|’s)?)"
# Before a written date only, a weekday in capitals may be cut short: "TUE 24 FEB 2026".
_WEEKDAY_BEFORE = r"(?P<weekday>" + WEEKDAY_WORD + r"(?:'s|’s)?|MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE = rx.compile(
    rf"(?:{_WEEKDAY_BEFORE},?\s+(?:the\s+)?)?"
    rf"(?:{_MONTH}\s+{_DAY}(?!\d|:\d|\s*(?:%|percent|million|billion))(?:,?\s+{_YEAR})?"
    rf"|{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))(?![\p{{L}}\p{{N}}-])"
    rf"|(?<![\p{{L}}\p{{N}}]){_WEEKDAY}(?![\p{{L}}\p{{N}}])"
)
# A day written with its month: "Mon 23 Feb", "Saturday, Feb. 28, 2026"; FULL_DATE has its year.
DAY_DATE = (
    rf"(?:{_WEEKDAY_BEFORE},?\s+(?:the\s+)?)?(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))(?![\p{{L}}\p{{N}}-])"
)
FULL_DATE = (
    rf"(?:{_WEEKDAY_BEFORE},?\s+(?:the\s+)?)?(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}"
    rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))(?![\p{{L}}\p{{N}}-])"
)
_RELATIVE = rx.compile(
    r"(?i)(?<!\bago\s+)\b(?P<rel>yesterday|today|tonight|this\s+morning|this\s+afternoon|last\s+week|earlier\s+this\s+week|"
    r"this\s+week|earlier\s+this\s+month|this\s+month|last\s+month|last\s+(?P<lastday>"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?P<ago>two|three|four|five|six|[2-6])\s+days\s+ago)\b"
)
_DAYS_AGO = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


class DateMention(NamedTuple):
    start: int
    end: int
    text: str
    day: dt.date | None = None  # the day it names, when it names one
    weekday: int | None = None  # 0 = Monday, when a weekday is written
    window: tuple[dt.date, dt.date] | None = None  # the days relative words admit
    year_given: bool = False


def mentions(text: str, start: int, end: int, year: int, today: dt.date | None) -> list[DateMention]:
    """Date mentions in text[start:end]; ``year`` completes dates written without one and
    ``today`` (the document's date) resolves weekdays and relative words."""
    found: list[DateMention] = []
    for m in _DATE.finditer(text, start, end):
        weekday = _weekday(m.group("weekday"))
        day = _day(m, year)
        if m.group("weekday") and not (m.group("month") or m.group("iso")):
            found.append(DateMention(m.start(), m.end(), m.group(), weekday=weekday, window=_last(today, weekday)))
            continue
        if day is None:
            continue
        found.append(DateMention(m.start(), m.end(), m.group(), day, weekday, None, bool(m.group("year") or m.group("iso"))))
    if today is not None:
        relative = [  # "last Tuesday" is a Tuesday, one of two
            DateMention(m.start(), m.end(), m.group(), weekday=_weekday(m.group("lastday")), window=window)
            for m in _RELATIVE.finditer(text, start, end) if (window := _relative(m, today))
        ]
        # "last Monday" is one mention, not also "Monday" (the Monday of this week)
        found = [d for d in found if not any(r.start <= d.start < r.end for r in relative)] + relative
    return sorted(found, key=lambda d: d.start)


def _weekday(text: str | None) -> int | None:
    if not text:
        return None
    prefix = text[:3].lower()
    return next(i for i, name in enumerate(WEEKDAYS) if name.startswith(prefix))


def _day(m: rx.Match[str], year: int) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        month = _MONTHS[m.group("month")[:3].lower()]
        return dt.date(int(m.group("year") or year), month, int(m.group("day")))
    except (ValueError, TypeError, KeyError):
        return None


def _last(today: dt.date | None, weekday: int | None) -> tuple[dt.date, dt.date] | None:
    """"On Monday" in a story dated ``today``: the last Monday up to and including today."""
    if today is None or weekday is None:
        return None
    day = today - dt.timedelta(days=(today.weekday() - weekday) % 7)
    return day, day


def _relative(m: rx.Match[str], today: dt.date) -> tuple[dt.date, dt.date] | None:
    rel = " ".join(m.group("rel").lower().split())
    day = dt.timedelta(days=1)
    if rel == "yesterday":
        return today - day, today - day
    if rel in ("today", "tonight", "this morning", "this afternoon"):
        return today, today
    # Weeks start on Monday or on Sunday depending on the newsroom: admit either.
    monday = today - dt.timedelta(days=today.weekday())
    sunday = today - dt.timedelta(days=(today.weekday() + 1) % 7)
    if rel == "last week":
        return min(monday, sunday) - 7 * day, max(monday, sunday) - day
    if rel in ("this week", "earlier this week"):
        return min(monday, sunday), today
    if rel in ("this month", "earlier this month"):
        return today.replace(day=1), today
    if rel == "last month":
        end = today.replace(day=1) - day
        return end.replace(day=1), end
    if m.group("ago"):  # "two days ago"
        word = m.group("ago").lower()
        back = today - dt.timedelta(days=int(word) if word.isdigit() else _DAYS_AGO[word])
        return back, back
    if m.group("lastday"):  # "last Monday": the one before today, or the week before that
        weekday = WEEKDAYS.index(m.group("lastday").lower())
        latest = today - dt.timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
        return latest - 7 * day, latest
    return None
