"""``definition``: what a term of the story means, and the descriptions that contradict it.

A definition is what the term is, what distinguishes it, and what it is not. The pack gives
the term and its forms, the canonical meaning in the desk's words, and

- ``is_a``: what the term is, its class ("a trading strategy", "a fee"), quoted in messages;
- ``relation``: the relation between two roles that makes it what it is, for any story: a
  ``subject`` role (its name and the words that mark a party in it) does something (``verbs``)
  to or with an ``object`` role. Short selling: a *short seller* (trader, hedge fund) *borrows
  shares from* a *lender* (broker, owner). A description that has the object role do it to
  the subject ("a broker borrows shares from a hedge fund") has the roles the other way round;
- or, for a learner and what it learns from, ``roles`` (``learner`` and ``teacher`` words),
  ``learns`` (the learner "is trained on", "learns from", "imitates") and ``outputs`` (what it
  learns from: answers, responses). English's own ways of saying so are read too: "train a
  smaller model on a larger one's outputs", "its outputs are used to train ...", "compresses a
  large model into a small one";
- ``contradicts``: notions that are not the term's meaning, each with its words (for
  distillation, a stronger model that *grades* a weaker model's answers).

A sentence *defines* the term when it says what the term is ("X is/means/refers to/involves
...", "X, sometimes called Y, is ...", "X, or ...", "X -- ...", "X = ...", "a technique called X, in which ...", "known as X", "In X,
..."), answers a question about it ("What is X?" then the answer), or continues a description
("The process ...", "In this technique, ..." after the term was introduced). A sentence that
only uses the term ("distillation attacks") defines nothing.

A definition is flagged when it asserts a contradicting notion, or relates the roles the other
way round, and does not also state the right relation. Notions that are denied or contrasted
("unlike ..., where a model grades answers") are not asserted; notions inside quotation marks
are someone's words.

    - id: short-selling
      kind: definition
      term: short selling
      forms: [short selling, short-selling, shorting]
      meaning: a trader borrowing shares from a lender and selling them, to buy them back later
      is_a: [trading strategy]
      relation:
        subject: {name: short seller, words: [short seller, trader, hedge fund]}
        verbs: [borrows shares from, borrowing shares from]
        object: {name: lender, words: [lender, broker]}
      contradicts:
        - notion: buying shares in the hope that they rise
          words: [hoping they rise, betting they will rise]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

from checker import rx
from checker.claims import inside
from checker.findings import Agreement, Finding, agreement, contradiction
from checker.language.grammar import CONTRASTED_TERM, RESTATES
from checker.phrases import NEGATION, excerpt, phrase_pattern

if TYPE_CHECKING:
    from checker.engine import Context
    from checker.schema.definition import Fact


class Rule(NamedTuple):
    id: str
    severity: str
    source: str
    term: str
    meaning: str
    forms: str  # patterns, see compile_fact
    learner: str  # the subject role's words (the learner's, for learning)
    teacher: str  # the object role's
    learns: str  # the relation's verbs
    outputs: str  # what the learner learns from; nothing for a relation of another kind
    notions: tuple[tuple[str, str], ...]  # (notion, words pattern)
    reversed: str  # the roles turned round, in words: "the larger one trained on the smaller one"
    learning: bool  # a learner and what it learns from: "train X on Y" is read too


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    notions = tuple((n.notion, phrase_pattern(n.words)) for n in fact.contradicts)
    meaning = f"a {fact.is_a[0]}: {fact.meaning}" if fact.is_a else fact.meaning  # what it is, then what makes it one
    head = (fact.id, fact.severity, fact.source, fact.term, meaning, phrase_pattern(fact.forms))
    if fact.roles is not None:
        learner, teacher = fact.roles.learner, fact.roles.teacher
        return Rule(
            *head, phrase_pattern(learner), phrase_pattern(teacher), phrase_pattern(fact.learns),
            phrase_pattern(fact.outputs), notions,
            f"the roles the other way round: the {teacher[0]} one {fact.learns[0]} the {learner[0]} one", True,
        )
    if fact.relation is not None:
        r = fact.relation
        return Rule(
            *head, phrase_pattern(r.subject.words), phrase_pattern(r.object.words), phrase_pattern(r.verbs),
            r"(?!)", notions, f"the roles the other way round: the {r.object.name} {r.verbs[0]} the {r.subject.name}", False,
        )
    return Rule(*head, r"(?!)", r"(?!)", r"(?!)", r"(?!)", notions, "", False)


# What may follow the term in a sentence that says what the term is.
_AFTER_TERM = rx.compile(
    r"""["”’']?\s*(?:\(.{0,40}?\)\s*)?(?:itself\s+|,\s*[^,]{1,60},\s*)?"""
    r"(?:is|are|was|means|meant|refers\s+to|involves|involved|describes|denotes|entails|"
    r"works\s+(?:by|like|when)|happens\s+when|occurs\s+when|amounts\s+to|consists\s+of|"
    r"is\s+when|is\s+where|,?\s*(?:in\s+which|where|whereby|which\s+is|that\s+is|or|i\.e\.|"
    r"meaning)|\s*[:—–=]|\s+--?\s)",
    rx.IGNORECASE,
)
_BEFORE_TERM = rx.compile(
    r"""(?:called|known\s+as|dubbed|termed|named|so-called|practice\s+of|technique\s+of|"""
    r"""process\s+of|method\s+of|concept\s+of|definition\s+of|defines?)\s+["“‘']?\Z""",
    rx.IGNORECASE,
)
# A relative clause that describes the term even where the term is contrasted: "unlike short
# selling, where a trader sells borrowed shares, ...".
_RELATIVE = rx.compile(r"\s*,?\s*(?:where|in\s+which|whereby|which)\b", rx.IGNORECASE)
_QUESTION = rx.compile(
    r"\b(?:what\s+is|what's|what\s+does|what\s+exactly|how\s+does)\b[^?]*\?\s*\Z"
    # or says it will tell: "Ines walks through what distillation actually is."
    r"|\b(?:what\s+(?:[\w-]+\s+){1,2}(?:actually\s+|really\s+|exactly\s+)?(?:is|means)|how\s+(?:[\w-]+\s+){1,2}works)\s*[.:]\s*\Z",
    rx.IGNORECASE,
)
_CONTINUES = rx.compile(
    r"\A(?:In\s+|With\s+|Under\s+)?(?:the|this|that|such\s+a)\s+(?:process|technique|method|practice|"
    r"approach|procedure|set-?up|arrangement|scheme)\b",
    rx.IGNORECASE,
)
_PRONOUN_CONTINUES = rx.compile(r"\AIt\s+(?:works|means|involves|is\s+a\s+(?:process|technique|method))\b")
_NAMES_OTHER = rx.compile(r"\b(?:called|known\s+as|dubbed|termed)\s+\S", rx.IGNORECASE)
_CLAUSE_END = rx.compile(r"[;:]|,\s+(?:and|but|so|while|whereas)\b|\s[—–]\s|\s--\s")
_TRAIN = rx.compile(r"(?i)\btrain(?:s|ed|ing)?\b(?!\s+(?:on|using|with|from)\b)")
_USED_TO_TRAIN = rx.compile(
    r"(?i)\b(?:(?:are|is|get|gets|were|being)\s+)?(?:used\s+)?to\s+(?:help\s+)?(?:train|teach|build)\b"
    r"|\b(?:trains?|teach(?:es|ing)?|taught)\b(?!\s+(?:on|using|with|from)\b)"
)
# "compresses a large model's knowledge into a smaller one": from the first to the second.
_INTO = r"(?i)(?:\b(?:transfer|compress|squeez|pack|pour|condens|bottl)\w*\b|{forms})(?P<source>.{{0,60}}?)\binto\b"
# Where a description ends: another clause that is not about the models.
_DESCRIPTION_END = rx.compile(
    r"[;]|\s[—–]\s|\s--\s|,\s+(?:and|but|while|whereas|so|yet|though|although)\s"
    r"|,\s+(?:\p{L}+\s+){0,3}(?:said|says|argued|argues|noted|notes|wrote|writes)\b"
)
_MODEL = rx.compile(r"(?i)\b(?:models?|systems?|networks?|AIs?|LLMs?|chatbots?|assistants?)\b")


def triggers(fact: Fact, names: dict[str, list[str]], nouns: dict[str, list[str]]) -> list[str]:
    """Only a document that names the term can define it."""
    return list(fact.forms)


def read(context: Context, rules: list[Rule]) -> Iterator[Finding | Agreement]:
    """Every sentence that defines the term: a finding when it describes something else."""
    prose = context.document.prose
    for rule in rules:
        last_mention = -1  # sentence index of the last mention of the term
        defining = False  # the previous sentence defined the term
        for i, (start, end) in enumerate(context.sentences):
            sentence = prose[start:end]
            mentions = list(rx.finditer(rule.forms, sentence))
            described = _described(sentence, mentions, prose, context.sentences, i, last_mention, defining)
            defining = described is not None
            if mentions:
                last_mention = i
            if described is None:
                continue
            wrong = _contradiction(rule, sentence, described, start, context.quoted)
            if wrong is None:
                yield agreement(rule, "definition", start, end, excerpt(sentence, 300))
                continue
            yield contradiction(
                rule, "definition", start, end,
                f'"{rule.term}" is defined wrongly: the draft describes {wrong} '
                f'("{excerpt(sentence, 120)}"); the pack defines it as {rule.meaning}',
                found=excerpt(sentence, 300),
                expected=rule.meaning,
            )


def _described(
    sentence: str,
    mentions: list[rx.Match[str]],
    prose: str,
    spans: list[tuple[int, int]],
    index: int,
    last_mention: int,
    defining: bool,
) -> int | None:
    """Where the description of the term starts, if the sentence defines it."""
    for m in mentions:
        if rx.search(CONTRASTED_TERM, sentence, endpos=m.start()) and not _RELATIVE.match(sentence, m.end()):
            continue  # "not to be confused with short selling: here ...": another thing's description
        if _AFTER_TERM.match(sentence, m.end()):
            return m.end()
        if _BEFORE_TERM.search(sentence, 0, m.start()):
            return 0
        if rx.match(r"(?i)\A(?:In|With|Through|By)\s+(?:a\s+|the\s+)?\Z", sentence[: m.start()]) and rx.match(
            r"(?:\s+(?:set-?up|process|scenario|arrangement|pipeline|approach|scheme))?\s*,", sentence[m.end() :]
        ):
            return m.end()
    if index > 0:
        previous = prose[spans[index - 1][0] : spans[index - 1][1]]
        if _QUESTION.search(previous) and last_mention == index - 1:
            return 0
    if _PRONOUN_CONTINUES.match(sentence) and defining:
        return 0
    if last_mention == index - 1 and rx.match(RESTATES, sentence):  # "... a regulatory fee. In plain terms, ..."
        return 0
    if _CONTINUES.match(sentence) and last_mention >= 0:
        between = prose[spans[last_mention][1] : spans[index][0]]
        if not _NAMES_OTHER.search(between):
            return 0
    return None


def _contradiction(rule: Rule, sentence: str, described: int, offset: int, quoted: list[tuple[int, int]]) -> str | None:
    """The wrong notion the description asserts, or None when it is right or undecided.

    The description runs to the end of its clause, and on into the next clauses as long as
    they speak of models; one that speaks of no model describes something else."""
    text = _description(rule, sentence[described:])
    if not ((rule.learning and _MODEL.search(text)) or rx.search(rule.learner + "|" + rule.teacher, text)):
        return None
    relations = list(_relations(rule, text))
    if True in relations:
        return None  # it states the right relation; anything else is an aside
    for notion, pattern in rule.notions:
        for m in rx.finditer(pattern, text):
            if inside(quoted, offset + described + m.start()):
                continue
            if rx.search(NEGATION, text[: m.start()]):
                continue
            return notion
    if False in relations:
        return rule.reversed
    return None


def _description(rule: Rule, text: str) -> str:
    for m in _DESCRIPTION_END.finditer(text, 3):
        rest = text[m.end() :]
        nxt = _DESCRIPTION_END.search(rest)
        clause = rest[: nxt.start() if nxt else len(rest)]
        if not ((rule.learning and _MODEL.search(clause)) or rx.search(rule.learner + "|" + rule.teacher, clause)):
            return text[: m.start()]
    return text


def _relations(rule: Rule, text: str) -> Iterator[bool | None]:
    """For each learning relation the text states: True when it runs the right way (or
    cannot be told), False when it is reversed, None when it may be the wrong meaning's own
    (the learner's answers "used to train" it)."""
    for m in rx.finditer(rule.learns, text):
        before = _clause(text, m.start(), before=True)
        if rx.search(r"(?i)\b(?:it|they|which|that|who)\s+(?:\w+\s+)?\Z", before):
            continue  # "... until it picks up": whose role "it" has is not told here
        learner = _role(rule, before, last=True)
        source_text = _clause(text, m.end(), before=False)
        if not rx.search(rule.outputs + "|" + rule.teacher + "|" + rule.learner, source_text):
            continue
        yield not (learner == "teacher" and _role(rule, source_text, last=False) == "learner")
    if not rule.learning:
        return
    for m in _TRAIN.finditer(text):  # "train a smaller model on a larger one's outputs"
        after = _clause(text, m.end(), before=False)
        on = rx.search(r"(?i)\b(?:on|using|with|from)\b", after)
        if not on or not rx.search(rule.outputs, after[on.end() :]):
            continue
        learner = _role(rule, after[: on.start()], last=True)
        if learner is None and rx.fullmatch(r"(?i)\s*(?:it|them|this|that)\s*", after[: on.start()]):
            learner = _role(rule, _clause(text, m.start(), before=True), last=True)
        yield not (learner == "teacher" and _role(rule, after[on.end() :], last=False) == "learner")
    for m in rx.finditer(_INTO.format(forms=rule.forms.removeprefix("(?i)")), text):  # the term's own verb too
        source = _role(rule, m.group("source"), last=False)
        learner = _role(rule, _clause(text, m.end(), before=False), last=False)
        yield not (source == "learner" and learner == "teacher")
    for m in _USED_TO_TRAIN.finditer(text):  # "a larger model's outputs are used to train ..."
        before = _clause(text, m.start(), before=True)
        if not (rx.search(rule.outputs, before) or "teach" in m.group().lower()):
            continue
        source = _role(rule, before, last=True)
        learner = _role(rule, _clause(text, m.end(), before=False), last=False)
        if source == "learner" and learner == "teacher":
            yield False
        else:
            yield None if source == "learner" or learner == "teacher" else True


def _clause(text: str, at: int, before: bool) -> str:
    if before:
        ends = list(_CLAUSE_END.finditer(text, 0, at))
        return text[ends[-1].end() if ends else 0 : at][-100:]
    end = _CLAUSE_END.search(text, at)
    return text[at : end.start() if end else len(text)][:120]


def _role(rule: Rule, text: str, last: bool) -> str | None:
    """The role of the model a phrase names: the role word nearest to the verb decides."""
    marks = [(m.start(), "learner") for m in rx.finditer(rule.learner, text)]
    marks += [(m.start(), "teacher") for m in rx.finditer(rule.teacher, text)]
    if not marks:
        return None
    marks.sort()
    return marks[-1][1] if last else marks[0][1]
