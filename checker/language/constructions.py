"""Constructions of newsroom English that any kind may ask about, each with its examples.

A :class:`Construction` is a pattern over one sentence with the sentences it must match and
must not match. ``tests/test_language.py`` fails for a construction without examples of both,
and for an example that does not behave as it says.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, NamedTuple

from checker import rx
from checker.dates import DAY_DATE, FULL_DATE, DateMention, mentions
from checker.document import paragraph_break, paragraph_start
from checker.language.grammar import ANAPHOR, FUTURE


class Construction(NamedTuple):
    name: str
    pattern: str  # matched at the start of a sentence, case-insensitively
    matches: tuple[str, ...]
    misses: tuple[str, ...]

    def found(self, sentence: str) -> bool:
        return rx.match(self.pattern, sentence, rx.IGNORECASE) is not None


_REPORTING = (
    r"(?:said|says|stated|reported|misstated|misreported|misidentified|gave|put|listed|named|described|called|"
    r"referred\s+to|attributed|credited|dated|wrongly|incorrectly|erroneously|mistakenly|"
    r"(?:contained|included|had|made)\s+(?:an?\s+|some\s+|several\s+|\p{Ll}+\s+)?(?:errors?|mistakes?|inaccurac(?:y|ies)))"
)

EARLIER_VERSION = Construction(
    "what an earlier version of the story said",
    r"(?:[\p{L}'’ ]{1,25}:\s+)?"  # "CORRECTION: ", "Editor's note: "
    r"(?:(?:in\s+addition|also|separately|further(?:more)?|additionally|moreover|likewise)\s*,?\s+)?"
    r"(?:an?|the|this)\s+(?:(?:earlier|previous|prior|original|first)\s+(?:version|edition|draft|article|story|report)"
    r"|(?:version|edition|article|story)(?:\s+(?:published|posted|dated|that\s+ran)\b)?)"
    r"\b(?:[^.;]|\.(?!\s+(?-i:\p{Lu}))){0,80}?\b(?:also\s+)?" + _REPORTING + r"\b",
    matches=(
        "An earlier version of this article said the campaigns used 42,000 fraudulent accounts.",
        "A previous version of this story misstated the council's budget as $5 million.",
        "The original report wrongly gave the date as Feb. 25.",
        "An article published on Feb. 24 about the budget misstated which council made the cut.",
        "An article published on 24 February about the council's budget contained two errors.",
        "The article also said the council cut 400 jobs.",
        "In addition, an earlier version stated that the council had cut 400 jobs.",
        "CORRECTION: An earlier version of this article, published on Feb. 23, said the council cut 400 jobs.",
    ),
    misses=(
        "An earlier version of the model was trained on 2 million examples.",
        "The company said its first version reached 4,000 users.",
        "The first version had 4,000 users.",
    ),
)

ITS_CLAIM = Construction(
    "a further claim of the version being corrected, as 'it'",
    r"it\s+(?:also\s+)?" + _REPORTING + r"\b",
    matches=("It said the campaigns used 42,000 fraudulent accounts.", "It also misstated the date as Feb. 25."),
    misses=("It had 4,000 employees.", "Its staff said the budget was $5 million."),
)

REPORT_RETRACTED = Construction(
    "in a correction, what the story being corrected said: 'We wrote that ...', 'A caption said ...'",
    r"(?:(?:last\s+week|last\s+\p{L}+day|earlier|yesterday|previously|in\s+(?:an?|our)\s+(?:earlier|previous|last)\s+\p{L}+)"
    r"\s*,?\s+)?(?:we|the\s+(?:article|story|report|chart|caption|headline|graphic|table)|"
    r"an?\s+(?:chart|caption|headline|graphic|table|photo\s+caption))\s+"
    r"(?:also\s+|had\s+|wrongly\s+|incorrectly\s+|mistakenly\s+)?"
    r"(?:wrote|said|stated|reported|described|referred|called|gave|put|misspelled|misstated|listed|named|misidentified)\b",
    matches=(
        'We wrote that the council "voted on Wednesday."',
        "A caption said the budget rose 10%.",
        "We also referred in one paragraph to the wrong ward.",
        "Last week we said the council had cut 400 jobs.",
    ),
    misses=("We expect the council to vote on Wednesday.", "The council said the budget rose 10%."),
)

# The sentence after a report of what was said, that puts it right: "That was wrong.", "That was
# the mayor; ...", "In fact ...".
SET_RIGHT = Construction(
    "a sentence that puts right what the one before reported being said",
    r"(?:(?:that|this|it)\s+(?:was|is)\s+(?:wrong|incorrect|an?\s+(?:error|mistake)|not\s+(?:so|right|true|correct)|(?-i:\p{Lu}))"
    r"|in\s+fact\b|actually\b|in\s+reality\b)",
    matches=("That was wrong.", "That was Kestrel; the council had cut 300.", "In fact the council cut 300 jobs."),
    misses=("That was the largest cut in a decade.", "The council cut 300 jobs."),
)

CORRECTION_CUE = Construction(
    "a correction's words",
    r".*?\b(?:corrections?|corrected|earlier\s+version|previous\s+version|misstated|misreported|misidentified|"
    r"incorrectly|erroneously|we\s+regret)\b",
    matches=("Correction: An earlier version of this article misstated the figures.", "We regret the error."),
    misses=("The council changed course in March.", "Its staff said the budget was $5 million."),
)

ANAPHOR_SUBJECT = Construction(
    "a sentence whose subject points back to a party: 'the company', 'the firm', 'it'",
    r"(?:(?:on|in|by|at)\s+[^,]{1,40},\s+)?(?:" + ANAPHOR + r"|it\b)(?!\s+(?:is|was)\s+(?:not|unclear))",
    matches=(
        "The company published its findings on Tuesday.",
        "It said on Monday that the labs had used proxies.",
        "On Monday, the San Francisco firm named three labs.",
    ),
    misses=("Its rivals said nothing on Tuesday.", "The companies published nothing.", "Italy published its figures."),
)

DATELINE = Construction(
    "a wire dateline before the story's first words: it dates the story, not an event",
    r"(?-i:\p{Lu}[\p{Lu}\p{Lt} .,'’/-]{1,40}),\s+(?P<date>[^-—–(]{3,30}?)\s*(?:\([^)]{1,40}\)\s*)?(?:--|—|–|-)\s",
    matches=(
        "WASHINGTON, Feb. 24, 2026 -- The agency said it would review the case.",
        "NEW YORK, Feb 27 (Meridian Wire) - The company signed the agreement on Friday.",
    ),
    misses=("The company signed a deal on Friday - a big one.", "In New York, Feb. 27 was a Friday."),
)
DATELINE_AT = rx.compile(DATELINE.pattern)

MASTHEAD_DATE = Construction(
    "a line of a story's header that gives its date: a masthead, a byline, a script's slug",
    r"[\s*_#>|]*(?:[^\n·|]{0,40}?(?:\s*[·|,:]|\s{3,})[\s*_|]*){0,3}?"
    r"(?:(?:last\s+)?(?:published|updated|posted|filed|dated|air\s+date|date)\s*:?\s+(?:on\s+)?)?"
    + FULL_DATE
    + r"(?:\s*(?:[·|,/.]\s*[^\n]{0,60}|(?:--|—|–)\s*[\p{L}\p{N}:.]+(?:\s+[\p{L}\p{N}:.]+){0,2}))?[\s*_|]*\Z",
    matches=(
        "*Published Saturday, Feb. 28, 2026*",
        "*Tuesday 24 February 2026 · Updates from our Asia and US desks · Times in HKT (GMT+8)*",
        "**BUSINESS BRIEFS** | *Valley Courier, Tuesday, March 3, 2026*",
        "AIR DATE: FRIDAY 27 FEB 2026 / 18:40",
        "TECH BRIEFS                 Wednesday, 25 Feb 2026",
        "Friday, Feb. 27, 2026 -- close",
        "*Last updated Thursday, February 26, 2026, 8:05 p.m. ET*",
        "*Live coverage, Friday, February 27, 2026. All times Eastern.*",
    ),
    misses=(
        "Dec. 8, 2025 — the council puts its budget to a vote",
        "Feb. 27, 2026: the merger agreement is signed.",
        "The council met on Feb. 27, 2026 to vote on the budget.",
    ),
)

ENTRY_STAMP = Construction(
    "a liveblog entry's date and time: what the entry says happened 'today' happened that day",
    r"[\s*_#>|]*" + DAY_DATE + r"(?:,?\s+\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?)?[\s*_]*(?:—|–|--|-|:|\|)\s",
    matches=(
        "**Mon 23 Feb, 16:45** — BREAKING: the council has published its budget today.",
        "Feb. 24, 9:05 a.m. - The company said today that it would appeal.",
    ),
    misses=("**16:45** — The council published its budget today.", "On Feb. 24 the council met."),
)
ENTRY_STAMP_AT = rx.compile(ENTRY_STAMP.pattern, rx.IGNORECASE)

DATE_LABEL = Construction(
    "a date standing alone at the head of a timeline entry: it dates the sentence after it",
    r"[\s*_#>|•-]*" + DAY_DATE + r"[\s*_.:—–-]*\Z",
    matches=("**Monday, 23 February.**", "Feb. 24:", "### 27 February 2026"),
    misses=("On Monday, 23 February, the council met.", "Feb. 24: the council met."),
)
DATE_LABEL_AT = rx.compile(DATE_LABEL.pattern, rx.IGNORECASE)


def label_day(prose: str, spans: list[tuple[int, int]], index: int, year: int) -> DateMention | None:
    """The date mention of a :data:`DATE_LABEL` right before sentence ``index`` in its paragraph."""
    if index == 0:
        return None
    start, end = spans[index - 1]
    if paragraph_break(prose, end, spans[index][0]) or not DATE_LABEL_AT.match(prose, start, end):
        return None
    return next((m for m in mentions(prose, start, end, year, None) if m.day), None)


MASTHEAD_DATE_AT = rx.compile(MASTHEAD_DATE.pattern, rx.IGNORECASE)
_HEADER_LINES = 8  # the lines read for a masthead date, at most
_BODY_WORDS = 15  # a line this long is the story's body: its header is over


def stated_day(
    prose: str, spans: list[tuple[int, int]], year: int, names_party: Callable[[int, int], bool]
) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The day a story's own words date it, and where: a wire dateline ("NEW YORK, Feb 27
    (Wire) -"), or a header line that is a date (:data:`MASTHEAD_DATE`). A dateline without a
    year takes ``year``. A header line that names a party (``names_party(start, end)``) is not
    the story's date but an event's; nor is a line when the story later says something happened
    on a later day: it was a timeline's first entry."""
    dateline = next(filter(None, (DATELINE_AT.match(prose, s) for s, _ in spans[:6])), None)
    if dateline:
        where = (dateline.start("date"), dateline.end("date"))
        dated = [m for m in mentions(prose, *where, year, None) if m.day]
        if dated and dated[0].year_given:
            return dated[0].day, where
        if dated:
            return _latest(prose, dated[0].day, where, year), where
        return None, where
    pos, seen = 0, 0
    while pos < len(prose) and seen < _HEADER_LINES:
        end = prose.find("\n", pos)
        end = len(prose) if end < 0 else end
        line = prose[pos:end]
        if line.strip():
            seen += 1
            if len(line.split()) >= _BODY_WORDS:
                break
            if MASTHEAD_DATE_AT.match(line) and not names_party(pos, end):
                dated = [m for m in mentions(prose, pos, end, year, None) if m.day and m.year_given]
                if len(dated) == 1:
                    return _latest(prose, dated[0].day, (pos, end), year), (pos, end)
        pos = end + 1
    return None, None


def entry_day(prose: str, start: int, year: int) -> dt.date | None:
    """The day of the liveblog entry (:data:`ENTRY_STAMP`) whose paragraph holds ``start``."""
    at = paragraph_start(prose, start)
    stamp = ENTRY_STAMP_AT.match(prose, at)
    if not stamp:
        return None
    dated = [m for m in mentions(prose, at, stamp.end(), year, None) if m.day]
    return dated[0].day if dated else None


def _latest(prose: str, day: dt.date, where: tuple[int, int], year: int) -> dt.date | None:
    """``day``, unless the text after it says, with a year, that something happened later
    (not "will", "until": a deadline)."""
    for m in mentions(prose, where[1], len(prose), year, None):
        if m.day and m.year_given and m.day > day and not rx.search(FUTURE, prose[max(where[1], m.start - 80) : m.start]):
            return None
    return day


CONSTRUCTIONS = (
    EARLIER_VERSION, ITS_CLAIM, REPORT_RETRACTED, SET_RIGHT, CORRECTION_CUE, ANAPHOR_SUBJECT, DATELINE, MASTHEAD_DATE,
    ENTRY_STAMP, DATE_LABEL,
)


def antecedent_subject(prose: str, spans: list[tuple[int, int]], index: int, first_mention) -> object | None:
    """What an anaphoric subject of sentence ``index`` points back to: the party named first, in
    subject position (its first 40 characters), in the sentence before it in its paragraph;
    None when the sentence's subject is not an anaphor or there is no such sentence.
    ``first_mention(start, end)`` gives the first party named in prose[start:end], or None."""
    start, end = spans[index]
    if index == 0 or not ANAPHOR_SUBJECT.found(prose[start:end]):
        return None
    before_start, before_end = spans[index - 1]
    if paragraph_break(prose, before_end, start):
        return None
    return first_mention(before_start, min(before_end, before_start + 40))


def _set_right(prose: str, spans: list[tuple[int, int]], index: int) -> bool:
    """The sentence after ``index``, in its paragraph, puts right what it reported (:data:`SET_RIGHT`)."""
    if index + 1 >= len(spans) or paragraph_break(prose, spans[index][1], spans[index + 1][0]):
        return False
    return SET_RIGHT.found(prose[spans[index + 1][0] : spans[index + 1][1]])


def asserted(prose: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences that assert what they say: all but a correction's account of what an
    earlier version of the story said ("An earlier version said the labs used 42,000 accounts.
    It also said ..."), which a correction repeats in order to retract it."""
    kept: list[tuple[int, int]] = []
    correcting = False  # a correction has begun in this paragraph
    corrected = False  # ... or anywhere before: the document is a correction
    previous_end = 0
    for index, (start, end) in enumerate(spans):
        opens = paragraph_break(prose, previous_end, start)
        if opens:
            correcting = False
        sentence = prose[start:end]
        retracted = (
            EARLIER_VERSION.found(sentence)
            # "It said ...", in the correction's paragraph or opening one of its own: the earlier version
            or ((correcting or (corrected and opens)) and ITS_CLAIM.found(sentence))
            or (REPORT_RETRACTED.found(sentence) and (corrected or _set_right(prose, spans, index)))
        )
        correcting = correcting or retracted or CORRECTION_CUE.found(sentence)
        corrected = corrected or correcting
        if not retracted:
            kept.append((start, end))
        previous_end = end
    return kept
