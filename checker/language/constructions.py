"""Constructions of newsroom English that any kind may ask about, each with its examples.

A :class:`Construction` is a pattern over one sentence with the sentences it must match and
must not match. ``tests/test_language.py`` fails for a construction without examples of both,
and for an example that does not behave as it says.
"""

from __future__ import annotations

from typing import NamedTuple

from checker import rx
from checker.document import paragraph_break
from checker.language.grammar import ANAPHOR


class Construction(NamedTuple):
    name: str
    pattern: str  # matched at the start of a sentence, case-insensitively
    matches: tuple[str, ...]
    misses: tuple[str, ...]

    def found(self, sentence: str) -> bool:
        return rx.match(self.pattern, sentence, rx.IGNORECASE) is not None


_REPORTING = (
    r"(?:said|says|stated|reported|misstated|misreported|misidentified|gave|put|listed|named|described|called|"
    r"referred\s+to|attributed|credited|dated|wrongly|incorrectly|erroneously|mistakenly)"
)

EARLIER_VERSION = Construction(
    "what an earlier version of the story said",
    r"(?:(?:in\s+addition|also|separately|further(?:more)?|additionally|moreover|likewise)\s*,?\s+)?"
    r"(?:an?|the|this)\s+(?:(?:earlier|previous|prior|original|first)\s+(?:version|edition|draft|article|story|report)"
    r"|(?:version|edition|article|story)(?:\s+(?:published|posted|dated|that\s+ran)\b)?)"
    r"\b(?:[^.;]|\.(?!\s+(?-i:\p{Lu}))){0,80}?\b(?:also\s+)?" + _REPORTING + r"\b",
    matches=(
        "An earlier version of this article said the campaigns used 42,000 fraudulent accounts.",
        "A previous version of this story misstated the council's budget as $5 million.",
        "The original report wrongly gave the date as Feb. 25.",
        "An article published on Feb. 24 about the budget misstated which council made the cut.",
        "The article also said the council cut 400 jobs.",
        "In addition, an earlier version stated that the council had cut 400 jobs.",
    ),
    misses=(
        "An earlier version of the model was trained on 2 million examples.",
        "The company said its first version reached 4,000 users.",
    ),
)

ITS_CLAIM = Construction(
    "a further claim of the version being corrected, as 'it'",
    r"it\s+(?:also\s+)?" + _REPORTING + r"\b",
    matches=("It said the campaigns used 42,000 fraudulent accounts.", "It also misstated the date as Feb. 25."),
    misses=("It had 4,000 employees.", "Its staff said the budget was $5 million."),
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

CONSTRUCTIONS = (EARLIER_VERSION, ITS_CLAIM, CORRECTION_CUE, ANAPHOR_SUBJECT, DATELINE)


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


def asserted(prose: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences that assert what they say: all but a correction's account of what an
    earlier version of the story said ("An earlier version said the labs used 42,000 accounts.
    It also said ..."), which a correction repeats in order to retract it."""
    kept: list[tuple[int, int]] = []
    correcting = False  # a correction has begun in this paragraph
    previous_end = 0
    for start, end in spans:
        if paragraph_break(prose, previous_end, start):
            correcting = False
        sentence = prose[start:end]
        retracted = EARLIER_VERSION.found(sentence) or (correcting and ITS_CLAIM.found(sentence))
        correcting = correcting or retracted or CORRECTION_CUE.found(sentence)
        if not retracted:
            kept.append((start, end))
        previous_end = end
    return kept
