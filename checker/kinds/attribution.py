"""``attribution``: an allegation that copy must attribute to whoever makes it.

A sentence states the allegation as plain fact when it has a party of ``parties`` (or the
``group`` they form) doing one of the ``claims`` ("stole", "copied", "cloned") to the
``target`` ("Claude"), and no attribution cue (``cues``: "alleged", "accused", "according to",
"said", "claims", "Anthropic's statement" ...) in the sentence or in a lead-in that governs it
("Anthropic's post makes three accusations:" before a list). Words inside quotation marks
are the accuser's own and attributed by definition; questions, denials and conditionals
("did DeepSeek copy Claude?", "no evidence that", "if the labs did copy") assert nothing.

    - id: allegations-attributed
      kind: attribution
      parties: [deepseek, moonshot, minimax]
      group: '(?i)\\bthe\\s+(?:three\\s+)?(?:Chinese\\s+)?labs\\b'
      target: '\\bClaude\\b'
      claims: [stole, copied, cloned, ripped off]
      cues: [alleged, accused, according to, said, says, claims]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

from checker import rx
from checker.claims import inside
from checker.findings import Agreement, Finding, agreement, contradiction
from checker.phrases import capitalized, excerpt, phrase_pattern

if TYPE_CHECKING:
    from checker.engine import Context
    from checker.schema.attribution import Fact

# Words that keep a sentence from asserting anything: questions, hedges, denials, conditions.
_UNASSERTED = (
    r"(?i)\b(?:if|whether|may|might|could|would|should|no\s+(?:\w+\s+){0,2}(?:evidence|proof|sign|indication)|not|never|n't|deny|denies|denied|"
    r"denial|rejects?|rejected|dispute[sd]?|disputing|unproven|unverified|suspect(?:s|ed)?|suspicion|"
    r"alleg\w*|accus\w*|purported(?:ly)?|reported(?:ly)?|apparent(?:ly)?|"
    r"suggest(?:s|ed)?|believe[sd]?|thinks?|thought)\b|n't\b"
)
_NOT_OBJECT = rx.compile(
    r"(?i)[,;:()]|\b(?:to|than|ahead|against|versus|vs|like|rival\w*|compet\w*|comparable|similar)\b"
)
_LIST_LEAD_SPAN = 8  # sentences a lead-in ending with ":" governs, when each is its own paragraph


class Rule(NamedTuple):
    id: str
    severity: str
    source: str
    label: str
    accuser: str
    parties: frozenset[str]
    group: str | None
    target: str
    claims: str
    cues: str


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    return Rule(
        fact.id, fact.severity, fact.source, fact.label, fact.accuser, frozenset(fact.parties), fact.group,
        fact.target, phrase_pattern(fact.claims), phrase_pattern(fact.cues),
    )


def triggers(fact: Fact, names: dict[str, list[str]], nouns: dict[str, list[str]]) -> list[str]:
    """Only a sentence with one of the allegation's words can state it."""
    return list(fact.claims)


def read(context: Context, rules: list[Rule]) -> Iterator[Finding | Agreement]:
    """Every allegation the draft states: a finding when nothing attributes it."""
    prose = context.document.prose
    spans = context.sentences
    for rule in rules:
        governed = 0  # sentences still governed by an attributing lead-in
        for start, end in spans:
            sentence = prose[start:end]
            attributed = bool(rx.search(rule.cues, sentence))
            if governed and _own_paragraph(prose, start, end):
                governed -= 1
                attributed = True
            else:
                governed = 0
            if sentence.rstrip().endswith(":") and rx.search(rule.cues, sentence):
                governed = _LIST_LEAD_SPAN
            if sentence.rstrip().endswith("?"):
                continue
            claim = _claim(rule, context, prose, start, end)
            if claim is None or rx.search(_UNASSERTED, prose, pos=start, endpos=claim.start()):
                continue
            if attributed:
                yield agreement(rule, "attribution", start, end, excerpt(sentence, 300))
                continue
            yield contradiction(
                rule, "attribution", start, end,
                f'{capitalized(rule.label)} stated as fact: "{excerpt(sentence, 120)}" says "{claim.group()}" '
                f"with no attribution; the pack says these are {rule.accuser}'s allegations and must be attributed",
                found=excerpt(sentence, 300),
                expected=f"attributed to {rule.accuser}",
            )


def _claim(rule: Rule, context: Context, prose: str, start: int, end: int) -> rx.Match[str] | None:
    """The allegation word of a sentence with a party doing it to the target, if any."""
    starts = [m.start for m in context.mentions(start, end) if m.entity in rule.parties]
    if rule.group:
        starts += [m.start() for m in rx.finditer(rule.group, prose, pos=start, endpos=end)]
    if not starts or not rx.search(rule.target, prose[start:end]):
        return None
    for m in rx.finditer(rule.claims, prose, pos=start, endpos=end):
        if inside(context.quoted, m.start()) or min(starts) >= m.start():
            continue
        # What was taken follows the verb closely, as its object: "stole Claude's reasoning",
        # "trained its chatbot on Claude's answers"; not "trained to compete with Claude".
        near = rx.search(rule.target, prose, pos=m.end(), endpos=min(end, m.end() + 45))
        if near and not _NOT_OBJECT.search(prose, m.end(), near.start()):
            return m
    return None


_BREAK_BEFORE = rx.compile(r"(?:\A|\n[ \t\r]*\n)[ \t\r\n]*\Z")
_BREAK_AFTER = rx.compile(r"\s*\Z|[ \t\r]*\n[ \t\r]*\n")


def _own_paragraph(prose: str, start: int, end: int) -> bool:
    return bool(_BREAK_BEFORE.search(prose, max(0, start - 20), start)) and bool(_BREAK_AFTER.match(prose, end))
