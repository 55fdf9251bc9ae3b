"""Whose figure it is: owner binding as a list of small strategies, each with its examples.

A figure's owner is a role in its sentence, not a verb: the possessor ("MiniMax's 13 million
exchanges"), the subject of whatever verb governs it ("Acme is cutting 4,000 jobs"), the agent
of a passive ("... came from MiniMax"), a row or list label, or the party "it" or "the company"
points back to. :data:`STRATEGIES` are tried in order; the first that answers decides. One that
finds two candidates answers "ambiguous", and an ambiguous figure is never compared: precision
first. When none answers, a figure in a sentence that names a party or says "it" is ambiguous
too, and one in a sentence that names nobody belongs to nobody (a total).

Each strategy's examples are read with :data:`EXAMPLE_VOCABULARY` (invented parties: Acme,
Globex, Initech); ``tests/test_language.py`` fails for a strategy without examples, and for an
example that is not bound as it says, by that strategy.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from checker import rx
from checker.language.constructions import DATELINE_AT
from checker.language.grammar import (
    ADDS_UP_TO, ADVERBS, ANAPHOR, ANY_VERB, FACT_BOX_SEPARATOR, MARKET_MOVE, MARKET_MOVE_AFTER, SIGNED_MOVE, SIGNS, APPOSITIVE, COORDINATION, FIGURE_VERBS, GROUP, IRREGULAR, NAME_SUFFIX, OTHERS_VERBS, POSSESSED, PRONOUN,
    REPORTING_VERBS, SOURCE_OF, STOP_WORDS, VERB_PHRASE, WHICH_SAYS, coordinated, coordinated_tail,
)
from checker.numbers import Figure


class Mention(NamedTuple):
    start: int
    end: int
    entity: str


class Counted(NamedTuple):
    """A figure that counts a measure; noun_end is where its own noun ends (None when the
    noun is shared with the next figure: "3.4 million and 13 million exchanges")."""

    figure: Figure
    measure: str
    noun_end: int | None
    noun_before: int | None = None  # where the noun starts when it is named before the figure


class Scene(NamedTuple):
    """One figure in its sentence, as the strategies see it."""

    sentence: str
    this: Counted
    counted: list[Counted]  # every figure of the sentence that counts a measure
    mentions: list[Mention]  # every party the sentence names
    recent: list[Mention]  # parties named in the last sentences, for "the company"
    last_named: list[Mention]  # the parties the last sentence that named any named, for "its"
    owners: frozenset[str]  # the parties that own a figure of this measure
    measure_at: Callable[[str, int, str], str | None]  # the measure whose noun starts at an offset of a text
    topic: str | None = None  # the party the sentence before, in this paragraph, opens with as its subject
    asked: str | None = None  # the one party named by the how-much or how-many question this sentence answers

    @property
    def figure(self) -> Figure:
        return self.this.figure

    @property
    def before(self) -> str:
        return self.sentence[: self.this.figure.start]

    @property
    def party(self) -> list[Mention]:
        return [m for m in self.mentions if m.entity in self.owners]


Bound = tuple[str | None, bool]  # (owner, ambiguous); (None, False) is nobody's: a total
AMBIGUOUS = "?"  # what an example expects when the figure is never compared


class Strategy(NamedTuple):
    name: str
    plain: str  # what it reads, for an editor: "the subject of its verb"
    find: Callable[[Scene], Bound | None]
    examples: tuple[tuple[str, str, str | None], ...]  # (sentence, figure as written, owner id, None or AMBIGUOUS)


# --- the strategies, in the order they are tried -------------------------------------------


def possessive(s: Scene) -> Bound | None:
    """A possessive right before the figure or its noun, with up to two modifiers between."""
    for head in (s.figure.start, s.this.noun_before):
        if head is None:
            continue
        before = s.sentence[:head]
        found = rx.search(
            r"(?:'s|’s|')\s+(?:(?!" + STOP_WORDS + r"\b)[\p{Ll}][\p{Ll}-]*\s*){0,2}"
            r"(?P<of>(?<=\p{Ll}\s+)of\s+|(?<=\p{Ll}):\s+)?\Z",
            before,
        )
        if found is None:
            continue
        named = [m for m in s.party if m.end == found.start()]
        if named:
            if len(coordinated_tail(s.sentence, [m for m in s.mentions if m.end <= named[0].end])) > 1:
                # "Acme's and Globex's shares rose 10% and 5%": a list's, paired "respectively" or nobody's own
                return None if "respectively" in s.sentence else (None, True)
            return named[0].entity, False
        if rx.search(ANAPHOR + r"\Z", before[: found.start()], rx.IGNORECASE):
            return _antecedent(s, len(before))
        return None if found["of"] else (None, True)  # "Anthropic's estimate of ..." names no owner
    return None


def its(s: Scene) -> Bound | None:
    """"its" before the figure or its noun, when exactly one party of the last sentences owns
    a figure of this measure."""
    for head in (s.figure.start, s.this.noun_before):
        if head is None:
            continue
        before = s.sentence[:head]
        if not rx.search(r"(?i)(?:^|\W)its\s+(?:(?!" + STOP_WORDS + r"\b)[\p{Ll}][\p{Ll}-]*\s+){0,2}\Z", before):
            continue
        subject = rx.search(r"(?-i:\p{Lu})[\p{L}\p{N}.&-]*\s+(?:\p{Ll}+\s+){0,2}its\s+(?:\S+\s+){0,2}\Z", before)
        if subject and not any(m.start <= subject.start() < m.end for m in s.mentions):
            return None, True  # "Skydance completed its $8 billion takeover": a name the pack does not know
        return _one_candidate(s, len(before))
    return None


def its_subject(s: Scene) -> Bound | None:
    """A sentence whose subject is "its" and a noun, the figure in its predicate: "Its
    agreement, signed in December, paid $27.75 a share"."""
    if s.mentions and s.mentions[0].start < s.figure.start:
        return None
    if not rx.fullmatch(
        r"[\s*_>•-]*its\s+(?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+" + APPOSITIVE + r"\s+" + ANY_VERB + _OBJECT_WORDS,
        s.before,
        rx.IGNORECASE,
    ):
        return None
    return _one_candidate(s, 0)


def modifier(s: Scene) -> Bound | None:
    """The party that qualifies a measure named before its figure."""
    noun = s.this.noun_before
    if noun is None:
        return None
    for m in s.party:
        if rx.fullmatch(r"\s+", s.sentence[m.end : noun]) or (
            noun < m.start < s.figure.start
            and rx.fullmatch(r"[\p{Ll}\s-]+\s+(?:of|in)\s+(?:the\s+)?", s.sentence[noun : m.start])
        ):
            return m.entity, False
    return None


def object_appositive(s: Scene) -> Bound | None:
    """A noun phrase after a comma restating what the sentence's opening subject did ("..., a deal
    valued at", "..., in a deal worth"); parties that own no figure of the measure may be named
    on the way ("for all of Initech")."""
    noun = s.this.noun_before
    if noun is None or not rx.search(r",\s+(?:in\s+)?(?:an?|the)\s+(?:[\p{Ll}-]+\s+){0,2}\Z", s.sentence[:noun]):
        return None
    party = s.party
    first = party[0] if party else None
    if first is None or {m.entity for m in party if m.end <= noun and m.entity in s.owners} != {first.entity}:
        return None
    dateline = DATELINE_AT.match(s.sentence)
    opening = s.sentence[dateline.end() if dateline else 0 : first.start]
    if opening.strip(" \t*_-•>#") or not rx.match(r"\s+(?-i:\p{Ll})", s.sentence[first.end :]):
        return None
    return first.entity, False


def label(s: Scene) -> Bound | None:
    """A line labelled by one party owns the figures after the label, until another party is
    named."""
    found = _LABEL.match(s.sentence)
    if found is None or s.figure.start < found.end():
        return None
    named = {m.entity for m in s.party if m.end <= found.end()}
    if len(named) != 1 or any(found.end() <= m.start < s.figure.start for m in s.party):
        return None
    return named.pop(), False


def fact_box(s: Scene) -> Bound | None:
    """A fact box opens with its figure (and its noun) and says what it is after a colon: the
    party that qualifies a noun of the measure there owns it, or else the one party named there
    that owns figures of this measure."""
    if s.before.strip(" \t*_-•>#"):
        return None
    colon = next(
        (c for end in (s.figure.end, s.this.noun_end) if end and (c := rx.match(r"[*_]*" + FACT_BOX_SEPARATOR, s.sentence, pos=end))),
        None,
    )
    if colon is None:
        return None
    said = [m for m in s.party if m.start >= colon.end()]
    owning = {m.entity for m in said if s.measure_at(s.sentence, m.end, s.figure.unit) == s.this.measure}
    owning = owning or {m.entity for m in said}
    return (owning.pop(), False) if len(owning) == 1 else None


def respectively(s: Scene) -> Bound | None:
    """Parties and figures paired in order by "respectively"."""
    if "respectively" not in s.sentence:
        return None
    word = s.sentence.index("respectively")
    listed_figures = [c.figure for c in s.counted if c.measure == s.this.measure and c.figure.end <= word]
    figs = listed_figures[-1:]
    for f in reversed(listed_figures[:-1]):
        if not COORDINATION.fullmatch(s.sentence, f.end, figs[0].start):
            break
        figs.insert(0, f)
    if len(figs) < 2 or s.figure not in figs:
        return None
    listed = coordinated_tail(s.sentence, [m for m in s.party if m.end <= figs[0].start])
    if len(listed) != len(figs):
        return None, True
    return listed[figs.index(s.figure)].entity, False


def group_subject(s: Scene) -> Bound | None:
    """The parties together as subject: the figure is their total."""
    return (None, False) if _GROUP_SUBJECT.search(s.before) else None


def list_item(s: Scene) -> Bound | None:
    """A party's name opening an item of a list, the figure after it."""
    for m in s.party:
        between = s.sentence[m.end : s.figure.start]
        item = rx.fullmatch(NAME_SUFFIX + r"(?:\s+(?:for|with|at|on)\s+|\s*,\s*|\s+)", between) and rx.search(
            r"(?:[;,(]\s*(?:and\s+)?|\s+and\s+)\Z", s.sentence[: m.start]
        )
        item = item or (rx.fullmatch(NAME_SUFFIX + r"\s+", between) and rx.search(r"^\s*\Z", s.sentence[: m.start]))
        if (item or rx.fullmatch(NAME_SUFFIX + r"\s*[:—–|]\s*|\s+-\s+", between)) and not any(
            m.end <= c.figure.start < s.figure.start for c in s.counted
        ):
            return m.entity, False
    return None


def mover(s: Scene) -> Bound | None:
    """The company whose move in the market the figure is: "Netflix jumped 10%", "WBD: down 2%",
    "a 10% jump in WBD", "WBD: -2%"."""
    signed = s.sentence[s.figure.start] in SIGNS
    for m in s.party:
        if rx.fullmatch(NAME_SUFFIX + MARKET_MOVE, s.sentence[m.end : s.figure.start], rx.IGNORECASE):
            # "Acme and Globex rose 10% and 5%": whose is whose only "respectively" says
            together = coordinated_tail(s.sentence, [p for p in s.party if p.end <= m.end])
            return (None, True) if len({p.entity for p in together}) > 1 else (m.entity, False)
        if m.start >= s.figure.end and rx.fullmatch(MARKET_MOVE_AFTER, s.sentence[s.figure.end : m.start]):
            return m.entity, False
        if signed and rx.fullmatch(NAME_SUFFIX + SIGNED_MOVE, s.sentence[m.end : s.figure.start]):
            return m.entity, False
    return None


def subject(s: Scene) -> Bound | None:
    """The subject of the verb governing the figure. A list of parties as subject speaks for
    all of them together when it names every owner, and is ambiguous otherwise."""
    earlier = [m for m in s.party if m.end <= s.figure.start]
    if not earlier:
        return None
    m = earlier[-1]  # the nearest party governs, or nothing does
    between = s.sentence[m.end : s.figure.start]
    alone = len({x.entity for x in earlier}) == 1
    if not (
        (_SUBJECT_VERB.fullmatch(between) and not _OTHERS.search(between))
        or (alone and any(p.fullmatch(between) for p in _SUBJECT_ALONE))
    ):
        return None
    listed = coordinated_tail(s.sentence, earlier)
    if len(listed) == 1:
        return m.entity, False
    return (None, False) if {x.entity for x in listed} >= s.owners else (None, True)


def agent(s: Scene) -> Bound | None:
    """The agent after the figure's noun: "... came from MiniMax", "... attributed to DeepSeek"."""
    if s.this.noun_end is None:
        return None
    after = s.sentence[s.this.noun_end : s.figure.end + 120]
    for m in s.party:
        offset = m.start - s.this.noun_end
        between = after[:offset]
        if offset > 0 and _AGENT.search(between) and not rx.search(r"[,:;]", between) and not any(
            s.this.noun_end <= c.figure.start < m.start for c in s.counted
        ):  # not "16 million exchanges in all: 13 million from Globex": the next figure's agent
            return m.entity, False
    return None


def clause_subject(s: Scene) -> Bound | None:
    """The subject of a clause whose verb's object holds the figure a few words on: "Paramount,
    which raised its offer yesterday to $31", "Acme has also promised a $7 billion fee", "Acme
    owes Globex a $7 billion fee". A subject of two parties of which one owns figures of this
    measure is that one's ("Acme and Initech signed a deal valued at ..."). No other party that
    owns such figures may be named in the clause, before or after."""
    earlier = [m for m in s.mentions if m.end <= s.figure.start]
    if not any(m.entity in s.owners for m in earlier):
        return None
    # the subject, one name or several: the last run of names with one that owns such figures
    run = next(r for r in reversed(coordinated(s.sentence, earlier)) if any(m.entity in s.owners for m in r))
    owning = {m.entity for m in run} & s.owners
    if len(owning) != 1 or len({m.entity for m in run}) != len(run):
        return None  # "Acme and Globex combined cut ...": see subject
    first, last = run[0], run[-1]
    clause = _CLAUSE.fullmatch(s.sentence, last.end, s.figure.start)
    # "X, whose shares rose 20%" is X's wherever X stands; other clauses need X as their subject
    if clause is None or not (clause["whose"] or _SUBJECT_SLOT.search(s.sentence[: first.start])):
        return None
    receiver = [x for x in earlier if (x.start, x.end) == clause.span("object")]
    if clause["pronoun"] or any(x.entity in s.owners for x in receiver):
        return None, True  # "Acme paid Globex the $2.8 billion": the payer's or the payee's
    rest = rx.match(r"(?:(?!" + _SUBORDINATE + r")[^,;:.!?()\"“”])*", s.sentence[s.figure.end :], rx.IGNORECASE)
    rivals = [x for x in s.mentions if last.end <= x.start < s.figure.end + rest.end() and x.entity in s.owners]
    gap = s.sentence[last.end : s.figure.start]
    if _NOUN_THEN_VERB.match(gap):
        return None  # "Acme rivals logged 900 jobs": the name qualifies the subject
    if rivals or _OTHERS.search(gap) or _COLLECTIVE.search(gap) or rx.search(r"(?:'s|’s)\s", gap, pos=1):
        return None
    return owning.pop(), False


def anaphor(s: Scene) -> Bound | None:
    """"the company" or "it" as the subject of a figure verb: the last party named before it
    that owns a figure of this measure."""
    if rx.search(
        r"(?:^|[,;]\s+|\b(?:and|but|while|as|said|says)\s+)" + ANAPHOR + ADVERBS + r"\s+" + FIGURE_VERBS + r"\s+\Z",
        s.before,
        rx.IGNORECASE,
    ):
        return _antecedent(s, s.figure.start)
    return None


def definite(s: Scene) -> Bound | None:
    """"The deal", "the fee" as the figure's subject in a sentence that names no party: the deal of
    the party the sentence before, in its paragraph, has as its subject, when that party owns
    such figures ("Acme will pay $31 a share for Initech. Counting debt, the deal is valued at
    $110 billion")."""
    if s.mentions or s.topic not in s.owners:
        return None
    head = s.this.noun_before if s.this.noun_before is not None else s.figure.start
    if not rx.search(r"(?:^|[,;:]\s+|[\s*_]+)(?i:the|this|that)\s+(?:[\p{Ll}-]+\s+)?\Z", s.sentence[:head]):
        return None
    return s.topic, False


def total(s: Scene) -> Bound | None:
    """A figure said to be the whole, with no party named before it, or the sum of the figures
    before it, belongs to nobody."""
    if ADDS_UP.search(s.before):
        return None, False  # "Acme cut 400 and Globex 900 jobs, which adds up to 1,300": the parties' sum
    if any(m.end <= s.figure.start for m in s.party):
        return None
    if _TOTAL_BEFORE.search(s.sentence, max(0, s.figure.start - 40), s.figure.start) or (
        s.this.noun_end is not None and _TOTAL_AFTER.match(s.sentence, s.this.noun_end)
    ):
        return None, False
    return None


def unbound(s: Scene) -> Bound:
    """What no strategy answered: ambiguous in a sentence that names a party, says "it" or
    "its", or labels the figure with a name the pack does not know; otherwise nobody's."""
    if s.party or PRONOUN.search(rx.sub(SOURCE_OF, " ", s.before)):  # not "by the company's account"
        return None, True
    found = _LABEL.match(s.before)
    if found and not _COLLECTIVE.search(found.group()):
        return None, True  # "Lab X: 13 million exchanges" where X is not a party we know
    if rx.search(r"\b(?:its|their)\s+(?:\S+\s+){0,2}\Z", s.before, rx.IGNORECASE):
        return None, True
    return None, False


def question(s: Scene) -> Bound | None:
    """The one party a how-much or how-many question names, for a figure of its answer that
    nothing else binds and no party named before it claims ("How much is Acme paying?" "$31 a
    share, all in cash.")."""
    if s.asked not in s.owners or any(m.end <= s.figure.start for m in s.party):
        return None
    return s.asked, False


# How a figure's owner was read when no strategy of the list decided it.
OTHER_READINGS = {
    "no owner": "nobody owns a figure of this measure",
    "unbound": "a party or \"it\" is named, but nothing ties the figure to one",
    "nobody named": "no party is named or pointed at",
    "quoted": "inside quotation marks",
    "a part or an average": "a part or an average (\"each\", \"per\")",
    "set against another": "set against the figure the sentence states (\"rather than\", \"instead of\")",
    "denied": "in a clause that denies it (\"would not go above\")",
    "hearsay": "passed on, not asserted (\"a post saying\", \"rumours that\")",
    "table row": "its table row",
}


def plain(how: str) -> str:
    """An editor's words for how an owner was read."""
    return next((s.plain for s in STRATEGIES if s.name == how), None) or OTHER_READINGS.get(how, how)


# The readings that make a figure the parties' sum rather than anyone's own.
TOTALS = frozenset({"group_subject", "total"})


def bind(s: Scene) -> tuple[str | None, bool, str]:
    """(owner, ambiguous, the strategy that decided) for one figure."""
    if not s.owners:
        return None, False, "no owner"  # nobody owns a figure of this measure: no owner to get wrong
    for strategy in STRATEGIES:
        found = strategy.find(s)
        if found is not None:
            return found[0], found[1], strategy.name
    owner, ambiguous = unbound(s)
    return owner, ambiguous, "unbound" if ambiguous else "nobody named"


# --- what the strategies share ---------------------------------------------------------------


def _antecedent(s: Scene, at: int) -> Bound:
    """The last party named before ``at`` (in this sentence or the last ones) that owns a
    figure of this measure."""
    for m in reversed(s.recent + [m for m in s.mentions if m.end <= at]):
        if m.entity in s.owners:
            return m.entity, False
    return None, True


def _one_candidate(s: Scene, at: int) -> Bound:
    """The one party "its" can stand for: named in this sentence before ``at``, or else in the
    last sentence that named any; ambiguous when there are several, or it owns no figure of
    this measure."""
    named = [m for m in s.mentions if m.end <= at] or s.last_named
    candidates = {m.entity for m in named}
    if len(candidates) != 1 or not candidates <= s.owners:
        return None, True
    return candidates.pop(), False


_LABEL = rx.compile(r"^[^:|.!?]{1,60}[:|]\s*")
_COLLECTIVE = rx.compile(r"\b(?:total|all|combined|together|three|overall|altogether)\b", rx.IGNORECASE)
# A group as subject: "the labs together generated", "the three Chinese firms ran", "the firms
# used 24,000 accounts to generate" (the subject of an infinitive of purpose after its object).
_GROUP_SUBJECT = rx.compile(
    GROUP + r"(?:\s+(?:together|combined|collectively|jointly|in\s+total))?\s+" + VERB_PHRASE
    + r"(?:\s+(?:[^,;:.!?()]|(?<=\d)[,.](?=\d)){1,60}?\s+to\s+\p{Ll}+)?\s+\Z",
    rx.IGNORECASE,
)
_AGENT = rx.compile(
    r"\s+(?:(?:came|come|were|was|are)\s+)?(?:from|by|attributed\s+to|linked\s+to|tied\s+to|"
    r"traced\s+to|generated\s+by|made\s+by|run\s+by|conducted\s+by|belonging\s+to)\s+(?:the\s+)?\Z"
)
# The subject's verb right before its figure: "DeepSeek held", "DeepSeek, the Hangzhou lab, held".
_SUBJECT_VERB = rx.compile(
    NAME_SUFFIX + POSSESSED + ADVERBS + APPOSITIVE + ADVERBS + WHICH_SAYS + r"\s+(?:" + VERB_PHRASE + r"|is|was)"
    + r"(?:\s+(?:with\s+(?-i:\p{Lu})[\p{L}\p{N}.-]*|in\s+total|overall|together|combined))?\s+",
    rx.IGNORECASE,
)
# Constructions that name the owner only when one party is named before the figure.
_SUBJECT_ALONE = (
    # "DeepSeek, with ...": not "DeepSeek trailed MiniMax, with ..."
    rx.compile(NAME_SUFFIX + r"\s*,?\s+with\s+"),
    # "Paramount agreed to buy WBD for $31 a share": the buyer pays.
    rx.compile(
        NAME_SUFFIX + r"\s+(?:\S+\s+){0,9}?(?:to\s+)?(?:buy|acquire|purchase|take\s+over|pay)\s+[^,;:()]{0,80}?\s+for\s+",
        rx.IGNORECASE,
    ),
    # "Paramount raised its offer to $31": the new value of the subject's own thing.
    rx.compile(
        NAME_SUFFIX + ADVERBS + r"\s+" + VERB_PHRASE + r"\s+(?:its|their)\s+(?:[\p{Ll}-]+\s+){1,3}(?:to|at|of)\s+",
        rx.IGNORECASE,
    ),
    # "MiniMax was behind ..., accounting for ...", "DeepSeek ran the smallest operation, 150,000 ...",
    # "DeepSeek's share was small: 150,000 ..."
    rx.compile(
        NAME_SUFFIX + POSSESSED + r"\s+(?:was|is|had|has|ran|led|" + ANY_VERB + r")\b[^;:()\"“”]{0,160}[,:]\s+"
        r"(?:(?:with|at|accounting\s+for|responsible\s+for|generating|logging|holding)\s+)?",
        rx.IGNORECASE,
    ),
)
# Where a subject stands: opening the sentence or a clause, or after a reporting verb.
_SUBJECT_SLOT = rx.compile(
    r"(?:^[\s*_>•#\d.-]*|[,;:—–(.!?]\s*|\b(?:and|but|while|whereas|then|so|as|when|after|once|because|since|if|"
    r"although|though|that)\s+|" + REPORTING_VERBS + r"\s+)\Z",
    rx.IGNORECASE,
)
# The words of a verb's object before the figure: no clause boundary, no new clause.
_SUBORDINATE = r"\b(?:that|which|who|whom|after|before|when|while|because|if|since|although|though|but|than)\b"
_OBJECT_WORDS = r"(?:\s+(?!" + _SUBORDINATE + r"|" + REPORTING_VERBS + r")[^\s,;:()\"“”]+){0,20}?\s+"
_CLAUSE = rx.compile(
    NAME_SUFFIX + POSSESSED + ADVERBS + APPOSITIVE
    + r"(?:\s*,\s*(?:which|who)|\s*,\s*(?P<whose>whose)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)?" + ADVERBS
    + r"\s+(?!" + REPORTING_VERBS + r")" + ANY_VERB
    + r"(?:\s+(?P<object>(?-i:\p{Lu})[\p{L}\p{N}.&-]*(?:\s+(?-i:\p{Lu})[\p{L}\p{N}.&-]*){0,2}|(?P<pronoun>it|them|him|her))"
    r"(?=\s+(?:an?|the|\$|\p{N})))?"
    + _OBJECT_WORDS,
    rx.IGNORECASE,
)
_OTHERS = rx.compile(r"\b" + OTHERS_VERBS, rx.IGNORECASE)
_NOUN_THEN_VERB = rx.compile(NAME_SUFFIX + r"\s+\p{Ll}+[^s\s]s\s+(?:\p{Ll}{2,}ed|" + IRREGULAR + r")\b")
_TOTAL_BEFORE = rx.compile(
    r"(?i)\b(?:(?:combined|overall|grand|running)\s+total|a\s+total|the\s+total)"
    r"(?:\s+(?:of|at|to|was|is|stood\s+at|came\s+to|reached))?\s+\Z"
)
ADDS_UP = rx.compile(ADDS_UP_TO)  # also how claims.py gives a sum's result its measure
_TOTAL_AFTER = rx.compile(r"(?i)\s*,?\s*(?:in\s+total|in\s+all|altogether|combined|overall|between\s+them)\b")


# --- examples --------------------------------------------------------------------------------


class _Party(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = True


class _Measure(NamedTuple):
    id: str
    nouns: tuple[str, ...]


# The vocabulary the examples are read with: three invented companies cutting jobs, bidding
# for a target (a price a share, a deal value), moving in the market, and a fee only Acme pays.
EXAMPLE_PARTIES = (_Party("acme", "Acme", ("Acme Corp",)), _Party("globex", "Globex"), _Party("initech", "Initech"))
EXAMPLE_MEASURES = (
    _Measure("jobs", ("job", "role")),
    _Measure("offer", ("a share", "per share")),
    _Measure("deal", ("deal", "deal value")),
    _Measure("shares", ("share", "stock")),
    _Measure("fee", ("termination fee",)),
)
EXAMPLE_OWNERS = {
    "jobs": {"acme", "globex"}, "offer": {"acme", "globex"}, "deal": {"acme", "globex"}, "shares": {"acme", "globex"},
    "fee": {"acme"},
}


def _examples(*rows: tuple[str, str, str | None]) -> tuple[tuple[str, str, str | None], ...]:
    return rows


STRATEGIES = (
    Strategy("possessive", "a possessive before it", possessive, _examples(
        ("Globex's 4,000 jobs are safe.", "4,000", "globex"),
        ("Acme's revised deal of $31 billion won.", "$31 billion", "acme"),
        ("Acme named a rival. The company's 900 jobs stay.", "900", "acme"),
        ("Acme's rival's 900 jobs are safe.", "900", AMBIGUOUS),
        ("Acme's and Globex's 900 jobs are safe.", "900", AMBIGUOUS),
    )),
    Strategy("its", '"its" before it', its, _examples(
        ("Globex led the market. Its shares rose 10%.", "10%", "globex"),
        ("Acme raised its deal of $31 billion again.", "$31 billion", "acme"),
        ("Acme fell. Soylent completed its $8 billion deal.", "$8 billion", AMBIGUOUS),
    )),
    Strategy("its_subject", 'a subject "its ..." before it', its_subject, _examples(
        ("Globex walked away. Its agreement, signed in December, paid $27.75 a share.", "$27.75", "globex"),
        ("Acme and Globex met. Its board then set 400 jobs aside.", "400", AMBIGUOUS),
    )),
    Strategy("modifier", "the party that qualifies its noun", modifier, _examples(
        ("Globex shares rose 10% in late trading.", "10%", "globex"),
        ("The shares of Acme closed up 5%.", "5%", "acme"),
    )),
    Strategy("object_appositive", "the subject of the clause it restates", object_appositive, _examples(
        ("Globex agreed to pay $27.75 a share for the studios, a deal valued at $82 billion.", "$82 billion", "globex"),
        ("Acme is paying $31 a share for all of Initech, in a deal valued at $120 billion.", "$120 billion", "acme"),
        ("Acme is paying $31 a share for Globex, in a deal valued at $120 billion.", "$120 billion", AMBIGUOUS),
    )),
    Strategy("label", "the label the line opens with", label, _examples(
        ("Acme: 4,000 jobs, the most this year.", "4,000", "acme"),
        ("Globex, in brief: 900 jobs and 30 stores.", "900", "globex"),
    )),
    Strategy("fact_box", "the party named in what the fact box says it is", fact_box, _examples(
        ("$150bn: deal value of the Acme deal that Globex lost", "$150bn", "acme"),
        ("$7 billion: termination fee Acme owes Initech if the deal is blocked", "$7 billion", "acme"),
        ("$27.75 a share: what Globex had agreed to pay", "$27.75", "globex"),
        ("Over $3bn -- termination fee Acme owes Initech", "Over $3bn", "acme"),
    )),
    Strategy("respectively", 'a "respectively" list', respectively, _examples(
        ("Acme and Globex cut 400 and 900 jobs, respectively.", "900", "globex"),
        ("Globex and Acme rose 10% and 5% respectively after hours.", "5%", "acme"),
        ("Acme Inc. and Globex Group cut 400 and 900 jobs, respectively.", "400", "acme"),
        ("Acme cut 400 and 900 jobs, respectively.", "400", AMBIGUOUS),
        ("Acme's and Globex's shares rose 10% and 5% respectively.", "10%", "acme"),
    )),
    Strategy("group_subject", "the parties together as subject (a total)", group_subject, _examples(
        ("The companies together cut 1,300 jobs.", "1,300", None),
        ("The firms hired 2,000 contractors to cut 1,300 jobs.", "1,300", None),
    )),
    Strategy("list_item", "the party opening its list item", list_item, _examples(
        ("Job cuts: Acme 400; Globex, 900 jobs.", "900", "globex"),
        ("The cuts (Acme 400, Globex 900) add up to 1,300 jobs.", "400", "acme"),
        ("Acme — 400 jobs.", "400", "acme"),
    )),
    Strategy("mover", "the company whose move in the market it is", mover, _examples(
        ("Globex jumped about 10% after hours, and Acme slipped 2%.", "2%", "acme"),
        ("Acme was up about 5%.", "about 5%", "acme"),
        ("Traders cheered a 10% jump in Globex and a 2% slide in the shares of Acme.", "2%", "acme"),
        ("In late trading Globex (GBX) +10% and Acme (ACM) -6%.", "-6%", "acme"),
        ("In the late session GLOBEX (GBX) gained less than 8%.", "less than 8%", "globex"),
        ("Acme and Globex rose 10% and 5% in late trading.", "10%", AMBIGUOUS),
        ("Globex is higher too, up 10% in late trading.", "10%", "globex"),
    )),
    Strategy("subject", "the subject of its verb", subject, _examples(
        ("Acme is cutting 4,000 jobs.", "4,000", "acme"),
        ("Globex, the Ohio retailer, will cut 900 jobs.", "900", "globex"),
        ("Acme and Globex cut 1,300 jobs.", "1,300", None),
        ("Acme agreed to buy Initech for $31 a share.", "$31", "acme"),
        ("Globex had held a signed agreement since Dec. 5 to buy the studios for $27.75 a share.", "$27.75", "globex"),
        ("Acme raised its offer to $31 a share.", "$31", "acme"),
        ("Acme has also promised a $7 billion termination fee.", "$7 billion", "acme"),
        ("Globex's share of the cuts this year was comparatively small by any measure: nearly 900 jobs.", "nearly 900",
         "globex"),
        ("Globex declined to match a $31 deal.", "$31", AMBIGUOUS),
    )),
    Strategy("agent", 'the agent after it ("from", "by")', agent, _examples(
        ("About 900 jobs came from Globex.", "About 900", "globex"),
    )),
    Strategy("clause_subject", "the subject of its clause", clause_subject, _examples(
        ("Acme, which raised its offer yesterday to $31 per share in cash, is bidding for all of it.", "$31", "acme"),
        ("Globex, whose shares rose roughly 20% after hours, said nothing.", "roughly 20%", "globex"),
        ("Globex, whose shares rose 20% after it said no to Acme's offer, won.", "20%", "globex"),
        ("The day belonged to Globex, whose shares rose 20% after it said no to Acme.", "20%", "globex"),
        ("Globex, which had agreed in December to buy the studios and streaming arm for $27 a share in a deal "
         "valued at $83 billion, walked away.", "$83 billion", "globex"),
        ("Then Acme owes Initech a $7 billion termination fee.", "$7 billion", "acme"),
        ("Acme paid Globex a $31 billion deal.", "$31 billion", AMBIGUOUS),
        ("Acme paid it a $31 billion deal.", "$31 billion", AMBIGUOUS),
        ("Acme topped the 900 jobs Globex had cut.", "900", AMBIGUOUS),
        ("Globex declined to match the $31 a share Acme offered.", "$31", AMBIGUOUS),
        ("Acme rivals logged 900 jobs.", "900", AMBIGUOUS),
        ("Acme and Initech signed a deal valued at about $110 billion.", "about $110 billion", "acme"),
        ("Acme's board agreed a deal valued at about $110 billion.", "about $110 billion", "acme"),
        ("Acme and Globex signed a deal valued at about $110 billion.", "about $110 billion", AMBIGUOUS),
    )),
    Strategy("anaphor", '"the company" and the party it points back to', anaphor, _examples(
        ("Globex led the sector. Analysts agreed. The company had 900 jobs left.", "900", "globex"),
    )),
    Strategy("definite", '"the deal" and the one party of the last sentence whose it can be', definite, _examples(
        ("Acme will pay $31 a share for Initech. Counting debt, the deal is valued at $110 billion.", "$110 billion", "acme"),
        ("Acme cut 400 jobs. The $31 billion deal closed.", "$31 billion", "acme"),
    )),
    Strategy("total", "a total, nobody's", total, _examples(
        ("The cuts came to 1,300 jobs in total, with Acme ahead.", "1,300", None),
        ("Acme cut 400 jobs and Globex 900 jobs, which adds up to 1,300 jobs.", "1,300", None),
    )),
    Strategy("question", "the question it answers", question, _examples(
        ("How much is Acme paying?\n\n$31 a share, all in cash.", "$31", "acme"),
    )),
)
