"""``date``: when an event of the story happened.

The event is recognised by its ``actor`` (an entity) and its ``cues`` (the words that
describe the event: "published", "disclosed", "blog post"); a date in such a sentence is
about this event when an event cue is the nearest anchor to it. Dates of other events in the
same article ("OpenAI's Feb. 12 memo", "a hearing on Thursday") have their own anchors in
``others`` (and every "will", "next", "plans" of the future) and are left alone.

A date about the event is wrong when it names another day ("Feb. 24", "23 February 2025"),
another weekday ("on Tuesday"), or a weekday that does not fall on the date it goes with
("Wednesday, Feb. 23"). Relative words ("yesterday", "on Monday", "last week", "earlier this
month") are resolved against the document's own date (front matter ``date:``, an HTML page's
published time, a wire dateline, a date line in its header such as "*Published Saturday, Feb.
28, 2026*") and are only checked when the document has one. When the
sources only say "earlier that month", the fact gives the days it may have been (``between``)
instead of a ``date``, and a mention is wrong when it cannot fall in them.

    - id: announcement-date
      kind: date
      event: Anthropic's disclosure
      date: 2026-02-23
      actor: anthropic
      about: '(?i)\\b(?:distil\\w*|DeepSeek|Moonshot|MiniMax)'
      cues: [published, disclosed, announced, blog post]
      others: '\\b(?:OpenAI|memo|letter)\\b'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from checker import rx
from checker.claims import inside
from checker.dates import WEEKDAY_WORD, WEEKDAYS, DateMention, mentions
from checker.document import paragraph_break
from checker.findings import Agreement, Finding, agreement, contradiction
from checker.language.constructions import ANAPHOR_SUBJECT, antecedent_subject, entry_day, label_day, stated_day
from checker.language.grammar import DENIED, FUTURE, FUTURE_WORD, NAMED_SUBJECT, OBJECT_AFTER_VERB, OBJECT_OF, OFFSET_FROM, OWN_SUBJECT, SET_OFF_PARTICIPLE, TIME_PREPOSITION, UNNAMED_SUBJECT, present_form
from checker.language.owners import Mention
from checker.phrases import phrase_pattern

if TYPE_CHECKING:
    from checker.engine import Context
    from checker.schema.date import Fact


class Rule(NamedTuple):
    id: str
    severity: str
    source: str
    event: str
    first: dt.date  # the event's day, or the first and last days it may have been
    last: dt.date
    actor: str
    about: str
    cues: str
    others: str | None
    events: tuple[str, ...] = ()  # the words (about, cues) of the pack's other date facts, resolved by link()


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    return Rule(
        fact.id, fact.severity, fact.source, fact.event,
        fact.date or fact.between.start, fact.date or fact.between.end,  # type: ignore[union-attr]
        fact.actor, fact.about, _cues(fact.cues), fact.others,
    )


def _cues(cues: list[str]) -> str:
    """The cue words, and each verb among them in the present tense: a timeline's "Feb. 23 --
    Anthropic publishes" is the pack's "published". (Not its other forms: "offer" is a noun,
    and "ending a takeover fight" is not the end the pack dates.)"""
    return phrase_pattern(cues, patterns=[f for f in map(present_form, cues) if f is not None])


# What may stand between an event's date and the cue after it: "Monday's blog post".
_DATE_THEN_CUE = rx.compile(
    r"(?i)(?:'s|’s)?,?\s+(?:(?:the|its|a|an|new|formal|public|surprise|company|lengthy|detailed)\s+){0,2}"
)
# "a follow-up post", "a separate statement": the cue is another event's.
_OWNED = rx.compile(r"(?i)\b(?:follow-up|separate|second|later|new|another|updated?)\s+(?:\S+\s+){0,2}\Z")
_POSSESSIVE = rx.compile(r"(\p{Lu}[\p{L}\p{N}-]*)(?:'s|’s)\s+\Z")
_POSSESSOR = rx.compile(r"(?:'s|’s)\s")
_POSSESSED_CUE = rx.compile(r"(?:'s|’s)\s+(?:[\p{L}-]+\s+){0,2}")  # "Paramount's [newly] revised bid"
_PARTICIPLE_BEFORE = rx.compile(SET_OFF_PARTICIPLE)
_PARTICIPLE_AFTER = rx.compile(r"\s*[,—–)]")  # the participle's phrase closes after the date
_GAP_BREAK = rx.compile(r"[,;:()—–]|\s-\s|\s--\s")


def triggers(fact: Fact, names: dict[str, list[str]], nouns: dict[str, list[str]]) -> list[str]:
    """A date is about the event only in a sentence that names its actor."""
    return names[fact.actor]


def read(context: Context, rules: list[Rule]) -> Iterator[Finding | Agreement]:
    """Every date of the event the draft states: a finding when it is wrong."""
    prose = context.document.prose
    stated, dateline = stated_day(
        prose, context.sentences, min(rule.first.year for rule in rules), lambda s, e: bool(context.mentions(s, e))
    )
    today = context.document.date or stated
    read_here: set[int] = set()  # the dates already read as some event's
    for rule in rules:
        said = _said(rule)
        for i, (start, end) in enumerate(context.sentences):
            # The actor as the sentence names it: not inside a quoted headline, and not after
            # "one day after" (a date before that is another event's).
            actors = [
                m for m in context.mentions(start, end)
                if m.entity == rule.actor and not inside(context.quoted, m.start)
                and not rx.search(OFFSET_FROM + r"[^,;.]{0,60}\Z", prose, pos=start, endpos=m.start)
            ]
            if not actors:  # "Anthropic named the labs. The company published its post on Tuesday."
                pointed = antecedent_subject(prose, context.sentences, i, lambda s, e: next(iter(context.mentions(s, e)), None))
                subject = ANAPHOR_SUBJECT_AT.match(prose, start, end)
                if pointed is not None and pointed.entity == rule.actor and subject and not context.mentions(start, subject.end()):
                    actors = [Mention(subject.start(), subject.end(), rule.actor)]  # others named after it are objects
            if not actors or not _about(rule, prose, context.sentences, i):
                continue
            # not a cue whose day is told from another's: "three days after the signing, on Monday, 8 December"
            cues = [
                (m.start(), m.end()) for m in rx.finditer(rule.cues, prose, pos=start, endpos=end)
                if not rx.search(OFFSET_FROM + r"[^,;.]{0,60}\Z", prose, pos=start, endpos=m.start())
            ]
            if not cues or any(rx.search(DENIED, prose, pos=max(start, c - 30), endpos=c) for c, _ in cues):
                continue  # a sentence that denies the event ("sweetens its terms without raising its price")
            # the actor as an object ("paid the fee to Netflix on Friday") does not date its act
            named_here = context.mentions(start, end)
            # nor as the object of another party's verb ("Paramount paid Netflix a fee on Friday")
            anchors = cues + [
                (m.start, m.end) for m in actors
                if not rx.search(OBJECT_OF, prose, pos=start, endpos=m.start)
                and not any(o.entity != rule.actor and rx.fullmatch(OBJECT_AFTER_VERB, prose, pos=o.end, endpos=m.start) for o in named_here)
            ]
            others = [m.start() for m in rx.finditer(FUTURE_WORD, prose, pos=start, endpos=end)]
            prepositions = [m.start() for m in rx.finditer(TIME_PREPOSITION, prose, pos=start, endpos=end)]
            if rule.others:
                others += [m.start() for m in rx.finditer(rule.others, prose, pos=start, endpos=end)]
            # another event's own words: "Paramount lifted its bid on Tuesday" is not its merger's day
            others += [
                m.start() for other in rules if other.cues != rule.cues
                for m in rx.finditer(other.cues, prose, pos=start, endpos=end)
                if not any(c < m.end() and m.start() < e for c, e in cues)
            ]
            year = today.year if today else rule.first.year
            theirs = _theirs(prose, start, rule.actor, cues, actors, named_here)
            for mention in mentions(prose, start, end, year, entry_day(prose, start, year) or today):
                if dateline and dateline[0] <= mention.start < dateline[1]:
                    continue
                if mention.day is None and rx.search(FUTURE, prose, pos=start, endpos=mention.start):
                    continue  # "expected to sign as early as Friday": a weekday to come
                if not _bound(prose, mention, [a for a in anchors if a not in theirs], [c for c in cues if c not in theirs]):
                    continue
                nearest = min(min(abs(c - mention.start), abs(e - mention.start)) for c, e in anchors)
                # another event's word nearer the date, before it or in its own clause after it
                # ("signed the agreement on Friday, after Netflix declined" dates the signing)
                if any(
                    abs(o - mention.start) < nearest and (o < mention.start or not _GAP_BREAK.search(prose, mention.end, o))
                    for o in others
                ) or any(0 < mention.start - o < nearest for o in prepositions):
                    continue
                noun = _PARTICIPLE_BEFORE.search(prose, start, mention.start)
                if noun and _PARTICIPLE_AFTER.match(prose, mention.end) and _others_word(rule, noun.group(1)):
                    continue  # "The agreement, announced today, follows ...": the agreement's day
                if _opens(prose, start, mention.start):
                    # an entry's opening date: another event's word in its main clause, before any
                    # colon, makes it that event's ("10 Feb – Acme sweetens its terms, adding a ticking fee")
                    after = min((a for a, _ in anchors if a >= mention.end), default=end)
                    stop = rx.search(r"[:;]", prose, pos=after, endpos=end)
                    if any(mention.end <= o < (stop.start() if stop else end) for o in others):
                        continue
                read_here.add(mention.start)
                yield _verdict(rule, mention, said)
            # "**Monday, 23 February.** Paramount raises its offer": the entry's label dates it,
            # when the actor opens the sentence and this event's word comes before any other's
            label = label_day(prose, context.sentences, i, year)
            if (
                label is not None and label.start not in read_here
                and any(_opens(prose, start, a.start) for a in actors)
                and min(c for c, _ in cues) < min(others, default=end)
            ):
                read_here.add(label.start)
                yield _verdict(rule, label, said)
    yield from _misdated(context, rules, today, dateline, read_here)


def link(rule: Rule, facts: dict[str, Any]) -> Rule:
    """The words of the pack's other events, so that one is told apart even in a draft that
    names only this one's actor."""
    others = [r for r in facts.values() if isinstance(r, Rule) and r.id != rule.id]
    return rule._replace(events=tuple(p for r in others for p in (r.about, r.cues)))


def _others_word(rule: Rule, word: str) -> bool:
    """Whether ``word`` names another fact's event and not this one's."""
    if rx.search(rule.about, word) or rx.search(rule.cues, word):
        return False
    return any(rx.search(pattern, word) for pattern in rule.events)


def _opens(prose: str, start: int, at: int) -> bool:
    """Whether what stands at ``at`` opens the sentence that starts at ``start`` (markup and
    punctuation before it only): an entry's date, or the actor it names first."""
    return rx.fullmatch(r"[\W_]*", prose, pos=start, endpos=at) is not None


def _theirs(
    prose: str, start: int, actor: str, cues: list[tuple[int, int]], actors: list[Mention], named: list[Mention]
) -> list[tuple[int, int]]:
    """The cues and actor mentions that are another party's act, not the actor's: a cue whose
    subject is another party ("Paramount and WBD announced a merger on Friday, ending a contest
    in which Netflix declined ..."); the actor as a mere possessor after another party, with the
    cue in the possessed phrase ("WBD's board declared Paramount's revised bid superior on
    Thursday"); a cue in a clause joined on with its own subject ("Netflix declined on Thursday,
    and the merger agreement was announced this morning", "..., and Paramount and WBD announced
    their agreement today")."""

    def after_another(at: int) -> bool:
        return any(m.start < at and m.entity != actor for m in named)

    def named_subject(at: int) -> bool:
        clause = rx.search(NAMED_SUBJECT, prose, pos=max(start, at - 80), endpos=at)
        if not clause:
            return False
        subject = [m for m in named if clause.start("subject") <= m.start < clause.end("subject")]
        return bool(subject) and all(m.entity != actor for m in subject)

    def cell(at: int) -> int:  # where the table cell holding ``at`` starts (the sentence's start outside tables)
        return max(start, prose.rfind("|", start, at) + 1)

    possessors = [(a.start, a.end) for a in actors if _POSSESSOR.match(prose, a.end) and after_another(a.start)]
    return [
        c for c in cues
        # the actor in another cell of a table row is not the cue's: "| Acme (final) | Globex (signed 5 Dec.) |"
        if (not any(cell(c[0]) <= a.start < c[0] for a in actors) and (after_another(c[0]) or _OTHER_SUBJECT.fullmatch(prose, start, c[0])))
        or any(_POSSESSED_CUE.fullmatch(prose, e, c[0]) for _, e in possessors)
        or rx.search(OWN_SUBJECT, prose, pos=max(start, c[0] - 60), endpos=c[0])
        or named_subject(c[0])
    ] + possessors


def _verdict(rule: Rule, mention: DateMention, said: str) -> Finding | Agreement:
    wrong = _wrong(rule, mention)
    if not wrong:
        return agreement(rule, "date", mention.start, mention.end, mention.text)
    return contradiction(
        rule, "date", mention.start, mention.end,
        f'{rule.event}: draft says "{mention.text}", {wrong}; the pack says {said}',
        found=mention.text,
        expected=said,
    )


def _misdated(
    context: Context, rules: list[Rule], today: dt.date | None, dateline: tuple[int, int] | None, read_here: set[int]
) -> Iterator[Finding]:
    """A day of the story written with the wrong weekday ("Wednesday, Feb. 26" when the pack's
    event fell on Thursday 26 February) is wrong whatever the sentence says happened then; so
    is a story day's weekday written with a date it does not fall on ("Thursday, 25 February"
    for the event of Thursday 26 February)."""
    days = {rule.first: rule for rule in reversed(rules) if rule.first == rule.last}  # the first fact of each day
    if not days:
        return
    prose = context.document.prose
    year = today.year if today else min(days).year
    for start, end in context.sentences:
        if not _WEEKDAY.search(prose, start, end):
            continue
        for mention in mentions(prose, start, end, year, today):
            rule = days.get(mention.day)
            if rule is None and mention.day is not None and mention.weekday is not None:
                nearest = (mention.weekday - mention.day.weekday() + 3) % 7 - 3  # the weekday's day in that week
                rule = days.get(mention.day + dt.timedelta(days=nearest)) if nearest else None
            if (
                rule is None or mention.start in read_here or mention.weekday is None
                or mention.weekday == mention.day.weekday() or inside(context.quoted, mention.start)
                or (dateline and dateline[0] <= mention.start < dateline[1])
            ):
                continue
            said = _said(rule)
            yield contradiction(
                rule, "date", mention.start, mention.end,
                f'{rule.event}: draft says "{mention.text}", {_wrong(rule, mention)}; the pack says {said}',
                found=mention.text,
                expected=said,
            )


_OTHER_SUBJECT = rx.compile(UNNAMED_SUBJECT, rx.IGNORECASE)
_WEEKDAY = rx.compile(WEEKDAY_WORD, rx.IGNORECASE)  # a cheap test before reading dates
ANAPHOR_SUBJECT_AT = rx.compile(ANAPHOR_SUBJECT.pattern, rx.IGNORECASE)


def _about(rule: Rule, prose: str, spans: list[tuple[int, int]], index: int) -> bool:
    """The sentence, or the one before it in its paragraph, is about the story; or the one after
    it, when that one goes on about the same party ("Anthropic's post, published Monday, reads
    like an incident report. The company says the accounts ...")."""
    start, end = spans[index]
    if index and not paragraph_break(prose, spans[index - 1][1], start):
        start = spans[index - 1][0]
    if index + 1 < len(spans) and not paragraph_break(prose, end, spans[index + 1][0]):
        if ANAPHOR_SUBJECT_AT.match(prose, spans[index + 1][0], spans[index + 1][1]):
            end = spans[index + 1][1]
    return bool(rx.search(rule.about, prose, pos=start, endpos=end))


def _bound(prose: str, mention: DateMention, anchors: list[tuple[int, int]], cues: list[tuple[int, int]]) -> bool:
    """The date goes with the event: right after the actor or a cue in the same clause
    ("Anthropic on Monday", "published ... on Monday"), or right before a cue ("Monday's post")."""
    if _OWNED.search(prose, max(0, mention.start - 40), mention.start):
        return False  # "in a separate post on March 3"
    for start, end in anchors:
        if end <= mention.start and mention.start - end <= 80 and not _GAP_BREAK.search(prose, end, mention.start):
            if not _OWNED.search(prose, max(0, start - 40), start):
                return True
    owner = _POSSESSIVE.search(prose, max(0, mention.start - 40), mention.start)
    if owner and not any(a[1] == owner.end(1) for a in anchors):
        return False  # "DeepSeek's Feb. 22 statement": someone else's
    for start, _ in cues:
        if start >= mention.end and _DATE_THEN_CUE.fullmatch(prose[mention.end : start]):
            return True
    # "On 23 February, Anthropic published", "2026-02-23: Anthropic ...", "Feb. 23 — the day Anthropic ...",
    # "23 Feb -- Anthropic publishes", "Tue., Feb. 24 ... Acme raises", "| 23 Feb | Anthropic publishes |"
    for start, _ in anchors:
        if start >= mention.end and rx.fullmatch(
            r"[*_]*\s*(?:--|[,:—–|-]|\.{2,}|…)?\s*(?:the\s+(?:date|day)\s+)?", prose[mention.end : start], rx.IGNORECASE
        ):
            return True
    return False


def _said(rule: Rule) -> str:
    if rule.first == rule.last:
        return f"{WEEKDAYS[rule.first.weekday()].capitalize()}, {rule.first.day} {rule.first:%B %Y}"
    return f"between {_day(rule.first)} and {_day(rule.last)}"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _wrong(rule: Rule, mention: DateMention) -> str | None:
    first, last = rule.first, rule.last
    if mention.day is not None:
        day = mention.day
        if mention.weekday is not None and day.weekday() != mention.weekday:
            return f"but {_day(day)} was a {WEEKDAYS[day.weekday()].capitalize()}"
        if not mention.year_given:  # "Feb. 23" in a story of another year still means the event's
            try:
                day = day.replace(year=first.year)
            except ValueError:  # 29 February
                return None
        return None if first <= day <= last else "which is another day"
    if mention.weekday is not None:
        days = [first + dt.timedelta(days=n) for n in range(min(7, (last - first).days + 1))]
        if not any(d.weekday() == mention.weekday for d in days):
            return "which is another weekday"
    if mention.window is not None and (mention.window[1] < first or mention.window[0] > last):
        low, high = mention.window
        span = _day(low) if low == high else f"{low.day} {low:%B} to {_day(high)}"
        return f"which, in a story dated as this one is, means {span}"
    return None
