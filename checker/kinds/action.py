"""``action``: who did what -- a property or an action that belongs to a party of the story.

The pack gives the party (``owner``: one entity, or several), how messages name the property
(``label``), the words that state it (``phrases``: "computer vision", "tool use", "nearly half
its traffic") and, optionally, words that state what the pack says is not so (``contradicts``:
"hacked into", "stole the weights"). Facts that say the same thing of different parties
(what each lab's campaign targeted) share a ``property``. A ``context`` (a regular expression)
keeps a phrase from being read as the fact in sentences about something else ("DeepSeek
released a computer vision model"); the sentence before it in its paragraph may match it
instead, and, for an item of a list or a row of a table, the lead-in or the header row.

A phrase is read only when the draft says whose it is, by grammar, as a figure's owner is
found: a label ("- DeepSeek: reasoning, censorship-safe answers", a table row whose first cell
is the party); the subject of the clause ("DeepSeek targeted ...", "DeepSeek's campaign
targeted ...", "Moonshot AI, the Kimi maker, ranged across ..."); "the company" or "it" as the
subject of a sentence after one whose subject was the party. A sentence that names several
parties for it ("DeepSeek and Moonshot targeted ..."), another party after it in the same
clause, or none at all is not read: precision first. Neither is a phrase that is denied,
contrasted or conditional ("DeepSeek did not target computer vision", "unlike Moonshot",
"if"), or asked about; inside quotation marks, the pack's ``quotes`` policy applies.

A phrase given to a party that does not own it is flagged, naming whose it is, when the
party owns no phrase of the pack that matches it: a property listed for two parties (tool
use) is never evidence of a swap, and neither is a wider phrase that holds one of the
party's own ("agentic coding" said of a party that targeted coding). A ``contradicts`` phrase
said of the fact's owner (or, for a fact without an owner, said at all) is flagged too.

    - id: moonshot-targets
      kind: action
      owner: moonshot
      property: targets
      label: What Moonshot AI's campaign targeted
      says: agentic reasoning, tool use, coding, data analysis, computer-use agents and computer vision
      phrases: [computer vision, computer-use agents, data analysis, tool use, coding]
      context: '(?i)\\b(?:target\\w*|aim\\w*|focus\\w*|exchanges)\\b'
      source: anthropic-blog

    draft.md:3:30: error [deepseek-targets] What DeepSeek's campaign targeted: draft says "computer vision", which is Moonshot AI's; the pack says reasoning and censorship-safe answers (source: anthropic-blog)
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from checker import rx
from checker.claims import inside
from checker.document import paragraph_break
from checker.language.owners import Mention
from checker.language.grammar import (
    ADVERBS, APPOSITIVE, COPULA_POSSESSOR, GROUP, HEARSAY, NAME_SUFFIX, PASSIVE_AGENT, POSSESSED, REPORTED_CLAIM, REPORTING_VERBS, VERB_PHRASE,
    WHICH_SAYS, active_voice, coordinated_tail, with_adverbs,
)
from checker.findings import Agreement, Finding, agreement, contradiction
from checker.language.constructions import antecedent_subject
from checker.phrases import NEGATION, phrase_pattern

if TYPE_CHECKING:
    from checker.engine import Context
    from checker.schema.action import Fact


class Rule(NamedTuple):
    id: str
    severity: str
    source: str
    label: str
    owners: tuple[str, ...]
    whose: str | None  # the owners' names, for explain
    property: str | None
    says: str
    phrases: str  # pattern
    contradicts: str | None  # pattern
    denies: str | None  # the contradicting words, for explain
    context: str | None
    unless: str | None
    others: tuple[Rule, ...] = ()  # every action fact of the pack, resolved by link()


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    owners = tuple([fact.owner] if isinstance(fact.owner, str) else fact.owner or ())
    return Rule(
        fact.id, fact.severity, fact.source, fact.label, owners,
        _joined([names[o] for o in owners]) or None,
        fact.property,
        fact.says or _joined(fact.phrases),
        _pattern(fact.phrases),
        _pattern(fact.contradicts) if fact.contradicts else None,
        ", ".join(fact.contradicts) or None,
        fact.context, fact.unless,
    )


def _pattern(phrases: list[str]) -> str:
    """The phrases, with an adverb between their words ("not commercially available in China"),
    and those in the passive said in the active voice ("Claude is sold in China": "Anthropic
    sells Claude in China")."""
    variants = [*map(with_adverbs, phrases), *map(active_voice, phrases)]
    return phrase_pattern(phrases, patterns=[v for v in variants if v is not None])


def link(rule: Rule, facts: dict[str, Any]) -> Rule:
    """Every action fact of the pack, so that a phrase is told whose it is even in a draft
    that triggers only some of them."""
    return rule._replace(others=tuple(r for r in facts.values() if isinstance(r, Rule)))


def triggers(fact: Fact, names: dict[str, list[str]], nouns: dict[str, list[str]]) -> list[str]:
    """Only a document with one of the fact's phrases can state it."""
    return [*fact.phrases, *fact.contradicts]


class _Found(NamedTuple):
    start: int
    end: int
    hits: list[tuple[Rule, bool, bool]]  # (fact, whether its words contradict it, whether they are the whole span)


def read(context: Context, rules: list[Rule]) -> Iterator[Finding | Agreement]:
    """Every phrase of a fact the draft gives to a party: agreeing, given to the wrong party, or contradicting."""
    prose = context.document.prose
    every = rules[0].others or tuple(rules)
    parties = frozenset(o for r in every for o in r.owners)
    phrases = _phrases(rules, prose, context.sentences)
    starts = [m[0] for m in phrases]
    flagged: set[tuple[int, str]] = set()  # (sentence, fact) already said to be contradicted
    for index, (start, end) in enumerate(context.sentences):
        here = _spans(phrases, starts, start, end)
        if not here or rx.search(r"\?[\s\"'”’*_)]*\Z", prose, pos=start, endpos=end):
            continue  # a question asserts nothing
        for found in here:
            text = " ".join(prose[found.start : found.end].split())
            quoted = inside(context.quoted, found.start)
            if quoted and context.quotes == "skip":
                continue
            owner, opening, labelled = _owner(context, index, found.start, found.end, parties)
            hits = [(r, c, whole) for r, c, whole in found.hits if _applies(r, context, index, labelled, parties)]
            before = prose[start:opening]
            if not hits or _unasserted(prose[opening : found.start]) or rx.search(REPORTED_CLAIM + r"\Z", before) or rx.search(HEARSAY, before):
                continue  # "Someone claimed DeepSeek stole ...", "Some headlines said Acme ...": someone else's claim
            extra = {"severity": "warning"} if quoted and context.quotes == "warn" else {}
            said = f'"{text}"' + (" inside a quotation" if quoted else "")
            # words that contradict a fact only as a whole: not "available in China" inside "not available in China";
            # said of its owner, or of the parties together when it has several ("the labs broke into ...")
            together = _together(context, index, found.start, parties) if owner is None else set()
            group = owner is None and _GROUP_DOES.search(prose, opening, found.start) is not None
            wrong = next(
                (
                    r for r, c, whole in hits
                    if c and whole and (
                        not r.owners or owner in r.owners or (len(r.owners) > 1 and (group or bool(together) and together <= set(r.owners)))
                    )
                ),
                None,
            )
            if wrong is not None:
                if (index, wrong.id) in flagged:
                    continue  # "WBD settled it with Netflix, using its own funds": one finding
                flagged.add((index, wrong.id))
                yield contradiction(
                    wrong, "action", found.start, found.end,
                    f"{wrong.label}: draft says {said}, which the pack says is not so; the pack says {wrong.says}",
                    found=text, expected=wrong.says, **extra,
                )
                continue
            stated = [r for r, c, _ in hits if not c]
            story = next((r for r in stated if not r.owners), None)
            if story is not None:
                yield agreement(story, "action", found.start, found.end, text)
            if owner is None or not stated:
                continue
            own = [r for r in every if owner in r.owners and rx.search(r.phrases, text)]
            if own:
                yield agreement(own[0], "action", found.start, found.end, text)
                continue
            swap = _swap(context, owner, text, said, stated, every)
            if swap is not None and (index, swap[0].id) not in flagged:  # one finding per sentence and fact
                rule, message, expected = swap
                flagged.add((index, rule.id))
                yield contradiction(rule, "action", found.start, found.end, message, found=text, expected=expected, **extra)


# Several parties as the subject of the words that follow: "the labs broke into ...",
# "Anthropic said the three labs also hacked ..." (not "by the labs").
_GROUP_DOES = rx.compile(
    r"(?<!\b(?:by|of|to|for|from|with|against|on|at|about)\s)" + GROUP
    + r"(?:\s+(?:also|allegedly|reportedly|then|simply|had|have|all))*\s+\Z",
    rx.IGNORECASE,
)


def _swap(
    context: Context, owner: str, text: str, said: str, stated: list[Rule], every: tuple[Rule, ...]
) -> tuple[Rule, str, str] | None:
    """The finding for a phrase given to ``owner`` that belongs to other parties only."""
    theirs = [r for r in stated if r.owners]
    exact = [r for r in theirs if rx.fullmatch(r.phrases, text)]
    theirs = exact or theirs
    if not theirs:
        return None
    names = context.names
    whose = _joined([f"{names[o]}'s" for o in dict.fromkeys(o for r in theirs for o in r.owners)])
    first = theirs[0]
    counterpart = next(
        (r for r in every if owner in r.owners and first.property is not None and r.property == first.property), None
    )
    if counterpart is not None:
        return counterpart, f"{counterpart.label}: draft says {said}, which is {whose}; the pack says {counterpart.says}", counterpart.says
    return (
        first,
        f"{first.label}: draft gives {said} to {names[owner]}, which is {whose}; the pack says {first.says}",
        first.says,
    )


def _phrases(rules: list[Rule], prose: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, Rule, bool]]:
    """Every phrase of the facts in the document's sentences, found in one pass per pattern."""
    matches: list[tuple[int, int, Rule, bool]] = []
    if not spans:
        return matches
    for rule in rules:
        for pattern, contradicting in ((rule.phrases, False), (rule.contradicts, True)):
            if pattern is not None:
                matches += [
                    (m.start(), m.end(), rule, contradicting)
                    for m in rx.finditer(pattern, prose, pos=spans[0][0], endpos=spans[-1][1])
                ]
    matches.sort(key=lambda m: (m[0], -m[1]))
    return matches


def _spans(phrases: list[tuple[int, int, Rule, bool]], starts: list[int], start: int, end: int) -> list[_Found]:
    """The phrases of the facts in one sentence; a phrase inside a longer one found ("coding" in
    "agentic coding") belongs to the longer one's span."""
    matches = [m for m in phrases[bisect_left(starts, start) : bisect_left(starts, end)] if m[1] <= end]
    groups: list[list[tuple[int, int, Rule, bool]]] = []
    for match in matches:
        if groups and match[0] < max(m[1] for m in groups[-1]):
            groups[-1].append(match)
        else:
            groups.append([match])
    spans = []
    for group in groups:
        s, e = group[0][0], max(m[1] for m in group)
        spans.append(_Found(s, e, [(rule, contradicting, (a, b) == (s, e)) for a, b, rule, contradicting in group]))
    return spans


# What may precede a party that is the subject of its clause: the start of the sentence (a
# bullet, a number), a clause break, a conjunction, or a reporting verb ("Anthropic said DeepSeek ..."),
# and a quotation that opens there.
_OPENING = rx.compile(
    r"(?:\A[\W\d_]*|(?:[,;:—–]|\s-)\s*|\b(?:that|and|but|when|after|as|because|since|with|said|says|say|alleged|"
    r"alleges|added|adds|noted|notes|wrote|writes|claimed|claims|argued|argues|reported|reports)\s+)[\"“‘]?\Z",
    rx.IGNORECASE,
)
# What follows a party that is the subject: its possessive ("DeepSeek's campaign targeted"), or
# an appositive or reporting clause and then a verb ("Moonshot AI, the Kimi maker, targeted"),
# the phrase itself when it is the verb ("Dunmore withdrew its bid"), or a relative clause of
# which it is the subject ("Moonshot, which shifted ...", "DeepSeek, the lab that Anthropic
# says hunted for ...").
_SUBJECT = rx.compile(
    NAME_SUFFIX + r"(?:(?:'s|’s)\s|" + POSSESSED + ADVERBS + APPOSITIVE + ADVERBS
    + WHICH_SAYS + r"\s+(?:(?:" + VERB_PHRASE + r"|is|was|are|were)\b|\Z)"
    + r"|\s*,\s*(?:which|who)\s+(?:" + VERB_PHRASE + r")\b"  # "Moonshot, which shifted nearly half its traffic"
    # "DeepSeek, the lab that Anthropic says hunted for ...", "Moonshot, which it accuses of chasing ..."
    + r"|\s*,\s*(?:(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:(?:that|which|who)\s+)?|(?:which|that|who)\s+)"
    + r"(?:(?-i:\p{Lu})[\p{L}-]*|it|they)\s+(?:" + REPORTING_VERBS + r"|accuses\b|accused\b)(?:\s+of)?\s+(?:" + VERB_PHRASE + r")\b)",
    rx.IGNORECASE,
)
# Another subject with its verb: "DeepSeek said OpenAI targeted ..." (a reporting verb does not count).
_OTHER_SUBJECT = rx.compile(r"\s+(?!" + REPORTING_VERBS + r")" + VERB_PHRASE + r"\b", rx.IGNORECASE)
# A label before an item: "- DeepSeek:", "| MiniMax |", "Moonshot AI — ", "MiniMax ........".
_LABEL_BEFORE = rx.compile(r"[\s|*_>•·#\d.)-]*\Z")
_LABEL_AFTER = rx.compile(NAME_SUFFIX + r"[*_\s]*(?:[:|—–]|\s-\s|\.{3,})")
# Where a clause ends, so that a party named after it speaks of something else.
_CLAUSE_BREAK = rx.compile(r";|,\s+(?:while|whereas|but|and)\b|\s(?:while|whereas)\s|\s[—–]\s|\s--\s", rx.IGNORECASE)
_CONDITIONAL = rx.compile(r"(?i)\b(?:if|whether|unless)\b")


def _owner(
    context: Context, index: int, at: int, after: int, parties: frozenset[str]
) -> tuple[str | None, int, bool]:
    """Whose the phrase at ``at`` is, by grammar: (party or None, where its clause starts, labelled)."""
    prose = context.document.prose
    start, end = context.sentences[index]
    named = [m for m in context.mentions(start, end) if m.entity in parties]
    label = _label(prose, start, named)
    if label is not None:
        return label.entity, label.end, True
    before = [m for m in named if m.end <= at]
    if not before:
        if named:
            agent = named[0]  # "Computer vision was targeted by Moonshot": the passive's agent
            if _OPENING.search(prose[start:at]) and rx.fullmatch(PASSIVE_AGENT, prose, pos=after, endpos=agent.start):
                return agent.entity, start, False
            # "Agentic coding was DeepSeek's main target": the possessor the predicate names
            if (
                _OPENING.search(prose[start:at]) and rx.fullmatch(COPULA_POSSESSOR, prose, pos=after, endpos=agent.start)
                and rx.match(r"(?:'s|’s)\s", prose, pos=agent.end)
            ):
                return agent.entity, start, False
            return None, start, False  # a party named only after it: "... was Moonshot's target"
        pointed = antecedent_subject(
            prose, context.sentences, index, lambda s, e: next(iter(context.mentions(s, e)), None)
        )
        return (pointed.entity if pointed is not None and pointed.entity in parties else None), start, False
    m = before[-1]
    if len(coordinated_tail(prose, before)) > 1:
        return None, start, False  # "DeepSeek and Moonshot targeted ...": whose is not said
    if not (_OPENING.search(prose[start : m.start]) and _SUBJECT.match(prose, m.end, at)):
        return None, start, False
    if ";" in prose[m.end : at] or any(
        _OTHER_SUBJECT.match(prose, x.end, at) for x in context.mentions(m.end, at) if x.entity not in parties
    ):
        return None, start, False
    for y in named:
        if y.start >= after and not _CLAUSE_BREAK.search(prose, after, y.start):
            return None, start, False  # "DeepSeek targeted computer vision, as Moonshot did"
    return m.entity, m.start, False


def _together(context: Context, index: int, at: int, parties: frozenset[str]) -> set[str]:
    """The parties named as one subject of the words at ``at``: "DeepSeek, Moonshot and MiniMax
    stole ..." (none when the subject is one party, or not a list of them)."""
    prose = context.document.prose
    start, end = context.sentences[index]
    named = [m for m in context.mentions(start, end) if m.entity in parties and m.end <= at]
    listed = coordinated_tail(prose, named)
    if len(listed) < 2 or listed[-1] is not named[-1]:
        return set()
    if not (_OPENING.search(prose[start : listed[0].start]) and _SUBJECT.match(prose, listed[-1].end, at)):
        return set()
    return {m.entity for m in listed}


def _label(prose: str, start: int, named: list[Mention]) -> Mention | None:
    """The party that labels a list item or a table row, when it is the only party named in it."""
    if not named or len({m.entity for m in named}) > 1:
        return None
    first = named[0]
    if _LABEL_BEFORE.fullmatch(prose, start, first.start) and _LABEL_AFTER.match(prose, first.end):
        return first
    return None


def _applies(rule: Rule, context: Context, index: int, labelled: bool, parties: frozenset[str]) -> bool:
    """Whether the sentence is about what the fact speaks of (its ``context`` and ``unless``)."""
    prose = context.document.prose
    start, end = context.sentences[index]
    if rule.unless and rx.search(rule.unless, prose, pos=start, endpos=end):
        return False
    if rule.context is None or rx.search(rule.context, prose, pos=start, endpos=end):
        return True
    if index and not paragraph_break(prose, context.sentences[index - 1][1], start) and rx.search(
        rule.context, prose, pos=context.sentences[index - 1][0], endpos=start
    ):
        return True  # "... a $2.8 billion breakup fee. WBD settled it itself.": the sentence before sets the scene
    if not labelled:
        return False
    lead = index - 1  # the lead-in of a list, the header of a table: before the other labelled items
    while lead >= 0:
        s, e = context.sentences[lead]
        if _label(prose, s, [m for m in context.mentions(s, e) if m.entity in parties]) is None:
            return bool(rx.search(rule.context, prose, pos=s, endpos=e))
        lead -= 1
    return False


def _unasserted(clause: str) -> bool:
    """Denied, contrasted, conditional, reported as someone's claim or passed on as hearsay,
    between its subject and the phrase ("Some posts asserted that Claude is sold in China")."""
    return bool(
        rx.search(NEGATION, clause) or _CONDITIONAL.search(clause) or rx.search(REPORTED_CLAIM, clause)
        or rx.search(HEARSAY, clause)
    )


def _joined(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
