"""What a draft claims: figures bound to the measure they count and the party they belong to.

A figure is a claim only when a measure noun of the pack follows it ("24,000 fake accounts",
"3.4 million and 13 million exchanges"). Its owner is found, in this order, from

- a possessive: "MiniMax's 13 million exchanges";
- a "respectively" list: "Moonshot and MiniMax had 3.4 million and 13 million exchanges,
  respectively";
- a label: "MiniMax: more than 13 million exchanges" (list items, table rows);
- the subject of its clause: "DeepSeek held over 150,000 exchanges", "DeepSeek, the Hangzhou
  lab, held ...";
- an agent after the noun: "13 million exchanges came from MiniMax";
- "the company" / "the firm" as subject, meaning the last party named before it that owns a
  figure of that measure.

A figure with none of these in a sentence that names a party, or that says "it"/"its", is
ambiguous and is never compared: precision first.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Iterable, NamedTuple, Sequence

from checker import rx
from checker.document import paragraph_break
from checker.language.constructions import DATELINE_AT
from checker.language.grammar import (
    ADVERBS, ANAPHOR, ANY_VERB, APPOSITIVE, FIGURE_VERBS, GROUP, NAME_SUFFIX, POSSESSED, PRONOUN, VERB_PHRASE, WHICH_SAYS,
    coordinated_tail,
)
from checker.numbers import COUNT, Figure, figures
from checker.phrases import plural_noun


class Vocabulary(NamedTuple):
    """The names and nouns of one pack, compiled for matching."""

    entity_pattern: str  # alternation of every name and alias
    entity_of: dict[str, str]  # matched text, or casefolded for case-insensitive names -> entity id
    measures: dict[str, str]  # measure id -> noun alternation (plural forms: what counts)
    measures_any: dict[str, str]  # measure id -> singular and plural forms (what money and percentages are of)
    owners: dict[str, frozenset[str]]  # measure id -> entities that own a fact of it


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


class FigureClaim(NamedTuple):
    start: int  # prose offsets
    end: int
    text: str
    figure: Figure
    measure: str
    owner: str | None
    ambiguous: bool
    sentence: tuple[int, int]
    quoted: bool = False  # inside quotation marks (compared only when the pack's quote policy says so)


# A group as subject: "the labs together generated", "the three Chinese firms ran".
_GROUP_SUBJECT = rx.compile(
    GROUP + r"(?:\s+(?:together|combined|collectively|jointly|in\s+total))?\s+" + VERB_PHRASE + r"\s+\Z",
    rx.IGNORECASE,
)
_AGENT = rx.compile(
    r"\s+(?:(?:came|come|were|was|are)\s+)?(?:from|by|attributed\s+to|linked\s+to|tied\s+to|"
    r"traced\s+to|generated\s+by|made\s+by|run\s+by|conducted\s+by|belonging\s+to)\s+(?:the\s+)?\Z"
)
_DISTRIBUTIVE = rx.compile(
    r"\b(?:(?i:each|every|average|averaged|apiece|a\s+day|a\s+week|a\s+single|one\s+of|in\s+one\s+case)"
    r"|(?i:per)(?:\s+\p{Ll}|-))\b"
)
# Verbs that link a measure named first to its figure: "the accounts numbered 24,000".
_LINKS = (
    r"(?:numbered|number|totall?ed|totals?|came\s+to|comes?\s+to|stood\s+at|stands?\s+at|reached|reaches|"
    r"amounted\s+to|amounts?\s+to|ran\s+to|runs?\s+to|topped|tops|exceeded|exceeds|"
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:put|estimated|pegged|placed|set|given|counted)\s+at|"
    r"(?:(?:was|were|is|are)\s+)?(?:valued|priced|worth)(?:\s+at)?|"
    r"(?:rose|fell|climbed|jumped|gained|dropped|slipped|surged|slid|soared|sank|tumbled|increased|decreased|"
    r"declined|grew|rises|falls|climbs|jumps|gains|drops|slips|surges|plunged|plummeted|tanked|tumbles|plunges|"
    r"(?:(?:closed|ended|finished|traded|were|was|are|is)\s+)?(?:up|down|higher|lower))(?:\s+by)?|"
    r"(?:is|was|are|were|will\s+be|would\s+be|stands|stood))"
)
# The measure named just before its figure: "a breakup fee of $2.8 billion", "a stake of 10%".
_OF = r"(?:\s+of|\s*:)\s+\Z"  # also a label: "Paramount's deal: about $110 billion"
# A question for a count: "How many accounts ...?", "What was the number of exchanges?"
_HOW_MANY = rx.compile(r"(?i)\bhow\s+(?:many|much)\b|\bwhat\s+(?:was|is|were)\s+the\s+(?:number|total|count|tally)\b")
# The next item of a list that named its measure once: "; DeepSeek ", ", and Moonshot AI ".
_LIST_ITEM = rx.compile(
    r"[^;,:]{0,30}?(?:[;,]\s*(?:and\s+)?|\s+and\s+)(?P<name>[^\s;,:][^;,:]{0,40}?)(?:\s+(?:for|with|at|on)|\s*,)?\s*:?\s*"
)
# A clause parallel to the one before, its measure left out: "Netflix shares jumped 10%, Paramount
# stock rose 5%, while WBD slipped 2%", "Paramount's gained 5%, and WBD's fell 2%".
_PARALLEL = rx.compile(
    r"[^;,]{0,60}?(?:[;,]\s*(?:and\s+|while\s+|whereas\s+|but\s+)?|\s+(?:and|while|whereas|but)\s+)"
    r"(?P<name>(?-i:\p{Lu})[^\s;,:]*(?:\s+(?-i:\p{Lu})[^\s;,:]*){0,3}?)(?:'s|’s)?\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,2}"
)
# A figure restating the one before it in other terms: "4,000 jobs, or 12% of its staff",
# "$110 billion (about €95 billion)".
_RESTATED = rx.compile(r"\s*(?:,\s*or|\(|[—–]|,\s*(?:which\s+is|equal\s+to|equivalent\s+to))\s*")
_LABEL = rx.compile(r"^[^:|.!?]{1,60}[:|]\s*")
_COLLECTIVE = rx.compile(r"\b(?:total|all|combined|together|three|overall|altogether)\b", rx.IGNORECASE)
_QUOTE_CHARS = rx.compile(r'["“”]|(?<![\p{L}\p{N}])‘|’(?![\p{L}\p{N}])')
_STOP = (
    r"(?:and|or|to|from|in|of|by|with|for|than|on|at|per|a|an|the|that|which|who|were|was|"
    r"is|are|had|have|has|its|their|his|her|it|this|these|those|as|into|over|under|about|"
    r"after|before|since|during|while|when|because|despite|following|until)"
)


def vocabulary(entities: Sequence[Any], measures: Sequence[Any], owners: dict[str, set[str]]) -> Vocabulary:
    """The names and nouns a :class:`Binder` reads with, from a pack's entities and measures
    (or anything with their fields: ``id``, ``name``, ``aliases``, ``case_sensitive``; ``id``,
    ``nouns``); ``owners`` maps a measure to the entities that may own a figure of it."""
    return Vocabulary(
        entity_pattern=_entity_pattern(entities),
        entity_of=_entity_lookup(entities),
        measures={m.id: _noun_pattern(m) for m in measures},
        measures_any={m.id: _noun_pattern(m, singular=True) for m in measures},
        owners={m: frozenset(o) for m, o in owners.items()},
    )


def _entity_pattern(entities: Sequence[Any]) -> str:
    alternatives = []
    for entity in entities:
        for name in sorted(_names(entity), key=len, reverse=True):
            body = rx.escape(name).replace(r"\ ", r"[\s\u00a0]+")
            alternatives.append(body if entity.case_sensitive else f"(?i:{body})")
    alternatives.sort(key=len, reverse=True)
    return "|".join(alternatives) or r"(?!)"


def _names(entity: Any) -> set[str]:
    """Every way the entity is written, with the all-capitals form wire copy uses."""
    names = {entity.name, *entity.aliases}
    return names | {n.upper() for n in names} if entity.case_sensitive else names


def _entity_lookup(entities: Sequence[Any]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for entity in entities:
        for name in _names(entity):
            lookup[name if entity.case_sensitive else name.casefold()] = entity.id
    return lookup


def _noun_pattern(measure: Any, singular: bool = False) -> str:
    """Plural forms only: "one account" or "a 24,000-account network" counts nothing. Money
    and percentages take the singular too: "a $2.8 billion fee", "$31 a share", "a 10% stake"."""
    forms = {plural_noun(noun.lower()) for noun in measure.nouns}
    if singular:
        forms |= {noun.lower() for noun in measure.nouns}
    body = "|".join(rx.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return f"(?i:{body})"


class Binder:
    """Finds the figure claims of one document for one pack's vocabulary."""

    def __init__(self, vocab: Vocabulary, quotes: str = "skip") -> None:
        self.quotes = quotes  # what figures inside quotation marks are: skip, warn or check
        self.vocab = vocab
        self.entities = rx.compile(
            r"(?<![\p{L}\p{N}_])(?:" + vocab.entity_pattern + r")(?![\p{L}\p{N}_])"
        )
        groups = {f"m{i}": m for i, m in enumerate(vocab.measures)}
        self.measure_of_group = groups
        self.noun, self.noun_before = self._nouns(groups, vocab.measures)
        self.noun_any, self.noun_any_before = self._nouns(groups, vocab.measures_any)
        self.header_word = rx.compile(r"\b(?:" + _alternatives(groups, vocab.measures_any) + r")\b")
        self.measure_word = rx.compile(r"\b(?:" + _alternatives(groups, vocab.measures) + r")\b")
        self.coordination = rx.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+to\s+)")

    def _nouns(self, groups: dict[str, str], patterns: dict[str, str]) -> tuple[rx.Pattern, rx.Pattern]:
        """The measure noun after a figure ("24,000 accounts", "a 45-day window"), and the one
        named before it: "the fraudulent accounts numbered about 26,000", "the number of
        accounts involved was put at 30,000"."""
        nouns = _alternatives(groups, patterns)
        joined = _alternatives(groups, self.vocab.measures_any)
        after = rx.compile(
            r"(?:-(?:" + joined + r")\b|(?:-|\s+|\s*:\s+)(?:of\s+(?:the|those|these|all|its|their)\s+(?:\d[\d,.]*\s+)?)?"
            r"(?:(?!" + _STOP + r"\b)[\p{Ll}][\p{Ll}-]*\s+){0,2}?(?:" + nouns + r")\b)"
        )
        of_party = r"(?:\s+(?:of|in)\s+(?:the\s+)?(?:" + self.vocab.entity_pattern + r"))?"
        before = rx.compile(
            r"(?:" + nouns + r")\b(?:" + of_party + r"(?:\s+(?!(?:and|or|but|than)\b)[\p{Ll}-]+){0,3}?\s*,?\s+"
            + _LINKS + r"(?:\s+(?:now|then|still|already|currently|just|only))?\s+\Z|" + _OF + ")"
        )
        return after, before

    def entity_id(self, text: str) -> str | None:
        v = self.vocab
        return v.entity_of.get(text) or v.entity_of.get(text.casefold())

    def mentions(self, prose: str, start: int, end: int) -> list[Mention]:
        found = []
        for m in self.entities.finditer(prose, start, end):
            entity = self.entity_id(m.group())
            if entity is not None:
                found.append(Mention(m.start(), m.end(), entity))
        return found

    def claims(
        self, prose: str, spans: Iterable[tuple[int, int]], quoted: list[tuple[int, int]]
    ) -> list[FigureClaim]:
        result: list[FigureClaim] = []
        header: list[str | None] | None = None  # the measures of the columns of the table being read
        lead: str | None = None  # the measure a list's lead-in named ("The exchanges, by lab:")
        recent: list[Mention] = []  # party mentions of the last sentences, for "the company"
        asked: tuple[str, str | None] | None = None  # the measure (and owner) the last sentence asked about
        asked_at = 0
        for start, end in spans:
            sentence = prose[start:end]
            mentions = [
                Mention(m.start - start, m.end - start, m.entity) for m in self.mentions(prose, start, end)
            ]
            counted = self._counted(sentence, lead if _opens_with(sentence, mentions) else None)
            cells = _cells(sentence)
            labelled: dict[int, tuple[str | None, bool]] = {}  # table cells: figure start -> owner
            if cells is None:
                header = None
            elif not any(True for _ in figures(sentence)):
                header = [self._header_measure(sentence[a:b]) for a, b in cells]
            elif header is not None and len(header) == len(cells):
                self._row(sentence, cells, header, counted, mentions, labelled)
            lead = self._lead(sentence, lead, counted)
            answer = self._answer(sentence, asked, counted)
            if answer is not None:
                counted.insert(0, answer)
            previous: tuple[Counted, str | None, bool] | None = None
            for figure, measure, noun_end, noun_before in counted:
                in_quote = inside(quoted, start + figure.start)
                if (in_quote and self.quotes == "skip") or _distributive(sentence, figure, noun_end):
                    owner, ambiguous = None, True
                elif figure.start in labelled:
                    owner, ambiguous = labelled[figure.start]
                elif previous is not None and _RESTATED.fullmatch(
                    sentence, previous[0].noun_end or previous[0].figure.end, figure.start
                ):
                    _, owner, ambiguous = previous  # "cutting 4,000 jobs, or 12% of its staff": the same party's
                elif answer is not None and figure is answer.figure and asked and asked[1]:
                    owner, ambiguous = asked[1], False  # "How many exchanges did MiniMax have?" "More than 13 million."
                else:
                    owner, ambiguous = self._owner(
                        sentence, Counted(figure, measure, noun_end, noun_before), counted, mentions, recent
                    )
                previous = (Counted(figure, measure, noun_end, noun_before), owner, ambiguous)
                result.append(
                    FigureClaim(
                        start + figure.start, start + figure.end, " ".join(sentence[figure.start : figure.end].split()),
                        figure, measure, owner, ambiguous,
                        (asked_at, end) if answer is not None and figure is answer.figure else (start, end), in_quote,
                    )
                )
            recent = (recent + mentions)[-6:] if mentions else recent
            asked, asked_at = self._asked(sentence, mentions), start  # an answer's context is its question too
        return result

    def _lead(self, sentence: str, lead: str | None, counted: list[Counted]) -> str | None:
        """The measure the next sentence may leave out: named by a lead-in ending in a colon
        ("Exchanges by lab:"), or counted last in this sentence ("MiniMax ran 13 million
        exchanges." "Moonshot logged more than 3.4 million."); a question in between keeps it."""
        if counted:
            return counted[-1].measure
        if sentence.rstrip().endswith(":"):
            word = self.measure_word.search(sentence)
            return self.measure_of_group[word.lastgroup] if word else None
        if sentence.rstrip().rstrip("*_").endswith("?") and not any(True for _ in figures(sentence)):
            return lead
        return None



    def _header_measure(self, cell: str) -> str | None:
        """The measure a table column counts, from its header: "Per-share offer", "Accounts"."""
        word = self.header_word.search(cell)
        return self.measure_of_group[word.lastgroup] if word else None

    def _row(
        self,
        sentence: str,
        cells: list[tuple[int, int]],
        header: list[str | None],
        counted: list[Counted],
        mentions: list[Mention],
        labelled: dict[int, tuple[str | None, bool]],
    ) -> None:
        """A table row's figures count their column's measure and belong to the party that
        labels the row: "| Netflix | $27.75 | $82.7 billion |"."""
        first = [m for m in mentions if cells[0][0] <= m.start and m.end <= cells[0][1]]
        label = first[0].entity if len({m.entity for m in first}) == 1 else None
        row_measure = self._header_measure(sentence[cells[0][0] : cells[0][1]]) if label is None else None
        if row_measure is not None:  # "| Regulatory termination fee | $7bn | Paramount to WBD ... |"
            owning = {m.entity for m in mentions} & self.vocab.owners.get(row_measure, frozenset())
            label = owning.pop() if len(owning) == 1 else None
        have = {c.figure.start for c in counted}
        for (a, b), measure in zip(cells[1:], header[1:]):
            measure = row_measure or measure
            if measure is None:
                continue
            for f in figures(sentence[a:b]):
                f = f._replace(start=f.start + a, end=f.end + a)
                if f.start in have:
                    continue
                counted.append(Counted(f, measure, None))
                owners = self.vocab.owners.get(measure, frozenset())
                if not owners:
                    labelled[f.start] = (None, False)
                else:
                    labelled[f.start] = (label, False) if label in owners else (None, True)
        counted.sort(key=lambda c: c.figure.start)

    def _asked(self, sentence: str, mentions: list[Mention]) -> tuple[str, str | None] | None:
        """The measure a question asks for ("How many fraudulent accounts were used?"), and the
        one party that owns figures of it that the question names, if any."""
        if not sentence.rstrip().endswith("?") or not _HOW_MANY.search(sentence):
            return None
        word = self.measure_word.search(sentence)
        if word is None:
            return None
        measure = self.measure_of_group[word.lastgroup]
        owners = {m.entity for m in mentions if m.entity in self.vocab.owners.get(measure, frozenset())}
        return measure, owners.pop() if len(owners) == 1 else None

    def _answer(self, sentence: str, asked: tuple[str, str | None] | None, counted: list[Counted]) -> Counted | None:
        """A Q&A answer's figure, when the answer opens with it and names no measure of its own:
        it counts what the question asked for."""
        if asked is None:
            return None
        first = next(iter(figures(sentence)), None)
        if first is None or first.start > 12 or any(c.figure.start == first.start for c in counted):
            return None
        if not rx.fullmatch(r"[\s*_]*(?:A\s*[:.]\s*)?[\s*_]*", sentence[: first.start]):
            return None
        return Counted(first, asked[0], None)

    def _counted(self, sentence: str, left_open: str | None = None) -> list[Counted]:
        """Figures followed by a measure noun, directly or through a coordinated figure.

        ``left_open`` is the measure the sentence before left open, when this one opens with a
        party: its first figure counts it if no noun follows ("- Moonshot AI: more than 3.4
        million, spanning coding", "Moonshot logged more than 3.4 million; DeepSeek, more than
        150,000"), but not "DeepSeek employs 200 people"."""
        figs = list(figures(sentence))
        nouns = [(self.noun_any if f.unit != COUNT else self.noun).match(sentence, f.end) for f in figs]
        measures = [self.measure_of_group[m.lastgroup] if m else None for m in nouns]
        named_before: list[int | None] = [None] * len(figs)
        for i, f in enumerate(figs):
            if measures[i] is None:
                before = (self.noun_any_before if f.unit != COUNT else self.noun_before).search(
                    sentence, max(0, f.start - 80), f.start
                )
                if before:
                    measures[i] = self.measure_of_group[before.lastgroup]
                    named_before[i] = before.start()
        if left_open and figs and measures[0] is None:
            if rx.match(r"\s*(?:[,;.)—–]|\Z)", sentence[figs[0].end :]):
                measures[0] = left_open
        for i in range(len(figs) - 2, -1, -1):
            if measures[i] is None and measures[i + 1] is not None:
                gap = self.coordination.fullmatch(sentence, figs[i].end, figs[i + 1].start)
                if gap:
                    measures[i] = measures[i + 1]
        for i in range(1, len(figs)):  # a list that names its measure once: "MiniMax 13 million; DeepSeek 150,000"
            if measures[i] is None and measures[i - 1] is not None:
                after = nouns[i - 1].end() if nouns[i - 1] else figs[i - 1].end
                item = _LIST_ITEM.fullmatch(sentence, after, figs[i].start)
                parallel = figs[i].unit == figs[i - 1].unit and _PARALLEL.fullmatch(sentence, after, figs[i].start)
                if (item and self.entities.fullmatch(item["name"])) or (parallel and self.entities.fullmatch(parallel["name"])):
                    measures[i] = measures[i - 1]
        return [
            Counted(f, m, n.end() if n else None, b)
            for f, m, n, b in zip(figs, measures, nouns, named_before) if m is not None
        ]

    def _owner(
        self,
        sentence: str,
        this: Counted,
        counted: list[Counted],
        mentions: list[Mention],
        recent: list[Mention],
    ) -> tuple[str | None, bool]:
        figure, measure, noun_end = this.figure, this.measure, this.noun_end
        owners = self.vocab.owners.get(measure, frozenset())
        if not owners:
            return None, False  # nobody owns a figure of this measure: no owner to get wrong
        before = sentence[: figure.start]
        party = [m for m in mentions if m.entity in owners]

        for head in (figure.start, this.noun_before):  # "MiniMax's 13 million", "Paramount's offer of $31"
            possessor = None if head is None else self._possessor(sentence[:head], party, owners, mentions, recent)
            if possessor is not None:
                return possessor
        its = self._its(before, owners, mentions, recent)  # "Moonshot AI spread its 3.4 million exchanges"
        if its is not None:
            return its
        if this.noun_before is not None:
            modifier = self._modifier(sentence, this.noun_before, figure.start, party)
            if modifier is not None:
                return modifier, False
            its = self._its(sentence[: this.noun_before], owners, mentions, recent)
            if its is not None:
                return its
            # "Netflix had agreed to pay $27.75 a share for the studios, a deal valued at $82.7 billion"
            if rx.search(r",\s+(?:an?|the)\s+(?:[\p{Ll}-]+\s+){0,2}\Z", sentence[: this.noun_before]):
                opener = _clause_subject(sentence, party)
                if opener is not None and len({m.entity for m in party if m.end <= this.noun_before}) == 1:
                    return opener, False

        labelled = _label_owner(sentence, figure, party, counted)
        if labelled is not None:
            return labelled, False

        boxed = self._fact_box(sentence, this, party)
        if boxed is not None:
            return boxed, False

        respectively = self._respectively(sentence, figure, measure, counted, party)
        if respectively is not None:
            return respectively

        if _GROUP_SUBJECT.search(before):
            return None, False  # the parties together: the figure is a total

        for m in party:
            between = sentence[m.end : figure.start]
            # "...; DeepSeek 150,000", ", Moonshot AI for more than 3.4 million", "; DeepSeek, more than 150,000"
            item = rx.fullmatch(NAME_SUFFIX + r"(?:\s+(?:for|with|at|on)\s+|\s*,\s*|\s+)", between) and rx.search(
                r"(?:[;,]\s*(?:and\s+)?|\s+and\s+)\Z", sentence[: m.start]
            )
            item = item or (rx.fullmatch(NAME_SUFFIX + r"\s+", between) and rx.search(r"^\s*\Z", sentence[: m.start]))
            if (item or rx.fullmatch(NAME_SUFFIX + r"\s*[:—–|]\s*|\s+-\s+", between)) and not _has_figure_before(
                counted, figure, m.end
            ):
                return m.entity, False

        subject = self._subject(sentence, figure, party, owners)
        if subject is not None:
            return subject

        agent_text = sentence[figure.end : figure.end + 120]
        if noun_end is not None:
            after_noun = noun_end - figure.end
            for m in party:
                offset = m.start - figure.end
                if offset > after_noun and _AGENT.search(agent_text[after_noun:offset]) and not (
                    agent_text[after_noun:offset].count(",")
                ):
                    return m.entity, False

        if rx.search(
            r"(?:^|[,;]\s+|\b(?:and|but|while|as|said|says)\s+)" + ANAPHOR + ADVERBS + r"\s+" + FIGURE_VERBS + r"\s+\Z",
            before,
            rx.IGNORECASE,
        ):
            return self._antecedent(recent, owners, mentions, figure.start)

        if not any(m.end <= figure.start for m in party) and _is_total(sentence, figure, noun_end):
            return None, False  # "put the traffic at 15 million exchanges in total, with MiniMax ..."
        if party or PRONOUN.search(before):
            return None, True
        label = _LABEL.match(before)
        if label and not _COLLECTIVE.search(label.group()):
            return None, True  # "Lab X: 13 million exchanges" where X is not a party we know
        if rx.search(r"\b(?:its|their)\s+(?:\S+\s+){0,2}\Z", before, rx.IGNORECASE):
            return None, True
        return None, False

    def _possessor(
        self, before: str, party: list[Mention], owners: frozenset[str], mentions: list[Mention], recent: list[Mention]
    ) -> tuple[str | None, bool] | None:
        """The owner named by a possessive right before a figure or its noun, with up to two
        modifiers between: "MiniMax's", "Paramount's revised", "the company's"."""
        possessive = rx.search(
            r"(?:'s|’s|')\s+(?:(?!" + _STOP + r"\b)[\p{Ll}][\p{Ll}-]*\s*){0,2}(?P<of>(?<=\p{Ll}\s+)of\s+|(?<=\p{Ll}):\s+)?\Z", before
        )
        if possessive is None:
            return None
        pos = possessive.start()
        named = [m for m in party if m.end == pos]
        if named:
            return named[0].entity, False
        if rx.search(ANAPHOR + r"\Z", before[:pos], rx.IGNORECASE):
            return self._antecedent(recent, owners, mentions, len(before))
        return None if possessive["of"] else (None, True)  # "Anthropic's estimate of ..." names no owner

    def _its(self, before: str, owners: frozenset[str], mentions: list[Mention], recent: list[Mention]) -> tuple[str | None, bool] | None:
        """"Its shares rose 10%", "its offer of $31": the party "its" stands for, when the
        noun it governs is the measure named before the figure and exactly one party of the
        last sentences owns a figure of that measure."""
        if not rx.search(r"(?i)(?:^|\W)its\s+(?:(?!" + _STOP + r"\b)[\p{Ll}][\p{Ll}-]*\s+){0,2}\Z", before):
            return None
        candidates = {m.entity for m in recent + mentions if m.entity in owners and m.end <= len(before)}
        subject = rx.search(r"(?-i:\p{Lu})[\p{L}\p{N}.&-]*\s+(?:\p{Ll}+\s+){0,2}its\s+(?:\S+\s+){0,2}\Z", before)
        if subject and not any(m.start <= subject.start() < m.end for m in mentions):
            return None, True  # "Skydance completed its $8 billion takeover": a name the pack does not know
        return (candidates.pop(), False) if len(candidates) == 1 else (None, True)

    def _fact_box(self, sentence: str, this: Counted, party: list[Mention]) -> str | None:
        """A fact box opens with its figure and says what it is after a colon: "**$90bn**:
        enterprise value of the Netflix deal". The party that qualifies a noun of the measure
        there owns it."""
        figure = this.figure
        if sentence[: figure.start].strip(" \t*_-•>#") or not rx.match(r"[*_]*\s*:", sentence[figure.end :]):
            return None
        nouns = self.noun_any if figure.unit != COUNT else self.noun
        owning = {
            m.entity for m in party
            if m.start > figure.end and (noun := nouns.match(sentence, m.end)) and self.measure_of_group[noun.lastgroup] == this.measure
        }
        return owning.pop() if len(owning) == 1 else None

    @staticmethod
    def _modifier(sentence: str, noun: int, figure: int, party: list[Mention]) -> str | None:
        """The party that qualifies a measure named before its figure: "Netflix shares rose
        10%", "shares of Netflix closed up 10%"."""
        for m in party:
            if rx.fullmatch(r"\s+", sentence[m.end : noun]) or (
                noun < m.start < figure and rx.fullmatch(r"[\p{Ll}\s-]+\s+(?:of|in)\s+(?:the\s+)?", sentence[noun : m.start])
            ):
                return m.entity
        return None

    def _subject(
        self, sentence: str, figure: Figure, party: list[Mention], owners: frozenset[str]
    ) -> tuple[str | None, bool] | None:
        """(owner, ambiguous) from the subject of the verb governing the figure, if any.

        A list of parties as subject ("DeepSeek, Moonshot and MiniMax generated ...") speaks
        for all of them together when it names every owner, and is ambiguous otherwise.
        """
        earlier = [m for m in party if m.end <= figure.start]
        if not earlier:
            return None
        m = earlier[-1]  # the nearest party governs, or nothing does
        between = sentence[m.end : figure.start]
        if not (
            rx.fullmatch(
                NAME_SUFFIX + POSSESSED + ADVERBS + APPOSITIVE + ADVERBS + WHICH_SAYS + r"\s+(?:" + VERB_PHRASE + r"|is|was)"
                + r"(?:\s+(?:with\s+(?-i:\p{Lu})[\p{L}\p{N}.-]*|in\s+total|overall|together|combined))?\s+",
                between,
                rx.IGNORECASE,
            )
            # "DeepSeek, with ...", "MiniMax was the heaviest user, with ...", "MiniMax was
            # behind ..., accounting for ...": only when no other party is named before the
            # figure ("DeepSeek trailed MiniMax, with ..." is DeepSeek's figure, not MiniMax's).
            or (
                len({x.entity for x in earlier}) == 1
                and rx.fullmatch(NAME_SUFFIX + r"\s*,?\s+with\s+", between)
            )
            # "Paramount agreed to buy WBD for $31 a share": the buyer pays.
            or (
                len({x.entity for x in earlier}) == 1
                and rx.fullmatch(
                    NAME_SUFFIX + r"\s+(?:\S+\s+){0,5}?(?:to\s+)?(?:buy|acquire|purchase|take\s+over|pay)\s+[^,;:()]{0,80}?\s+for\s+",
                    between,
                    rx.IGNORECASE,
                )
            )
            # "Paramount raised its offer to $31", "Netflix put its bid at $27.75": the new value
            # of the subject's own thing.
            or (
                len({x.entity for x in earlier}) == 1
                and rx.fullmatch(
                    NAME_SUFFIX + ADVERBS + r"\s+" + VERB_PHRASE + r"\s+(?:its|their)\s+(?:[\p{Ll}-]+\s+){1,3}(?:to|at|of)\s+",
                    between,
                    rx.IGNORECASE,
                )
            )
            or (
                len({x.entity for x in earlier}) == 1
                and rx.fullmatch(
                    NAME_SUFFIX + POSSESSED + r"\s+(?:was|is|had|has|ran|led|" + ANY_VERB + r")\b[^;:()\"“”]{0,160},\s+"
                    r"(?:(?:with|at|accounting\s+for|responsible\s+for|generating|logging|holding)\s+)?",
                    between,
                    rx.IGNORECASE,
                )
            )
        ):
            return None
        listed = coordinated_tail(sentence, earlier)
        if len(listed) == 1:
            return m.entity, False
        return (None, False) if {x.entity for x in listed} >= owners else (None, True)

    def _respectively(
        self,
        sentence: str,
        figure: Figure,
        measure: str,
        counted: list[Counted],
        party: list[Mention],
    ) -> tuple[str | None, bool] | None:
        if "respectively" not in sentence:
            return None
        before_word = [c.figure for c in counted if c.measure == measure and c.figure.end <= sentence.index("respectively")]
        figs = before_word[-1:]
        for f in reversed(before_word[:-1]):
            if not self.coordination.fullmatch(sentence, f.end, figs[0].start):
                break
            figs.insert(0, f)
        if len(figs) < 2 or figure not in figs:
            return None
        names = [m for m in party if m.end <= figs[0].start]
        listed = coordinated_tail(sentence, names)
        if len(listed) != len(figs):
            return None, True
        return listed[figs.index(figure)].entity, False

    def _antecedent(
        self, recent: list[Mention], owners: frozenset[str], mentions: list[Mention], at: int
    ) -> tuple[str | None, bool]:
        """The last party named before "the company" that owns a figure of this measure."""
        here = [m for m in mentions if m.end <= at]
        for m in reversed(recent + here):
            if m.entity in owners:
                return m.entity, False
        return None, True


def _cells(sentence: str) -> list[tuple[int, int]] | None:
    """The cells of a table row (a row is one sentence, its cells joined by " | "), or None."""
    if sentence.count("|") < 2:
        return None
    cells, start = [], 0
    for m in rx.finditer(r"\|", sentence):
        cells.append((start, m.start()))
        start = m.end()
    cells.append((start, len(sentence)))
    cells = [(a, b) for a, b in cells if sentence[a:b].strip()]
    return cells if len(cells) >= 2 else None


def quoted_spans(prose: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; a paragraph break closes any quote left open."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    last = 0
    for m in _QUOTE_CHARS.finditer(prose):
        if opened is not None and paragraph_break(prose, last, m.start()):
            opened = None
        last = m.end()
        char = m.group()
        if opened is None and char in "\"“‘":
            opened = m.end()
        elif opened is not None and char in "\"”’":
            spans.append((opened, m.start()))
            opened = None
    return spans


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _distributive(sentence: str, figure: Figure, noun_end: int | None) -> bool:
    """A part or an average, not the whole: "690 exchanges per account", "a single network
    managed 20,000 accounts"."""
    after = sentence[figure.end if noun_end is None else noun_end :][:40]
    before = sentence[max(0, figure.start - 50) : figure.start]
    before = rx.split(r"[,;:—–()]", before)[-1]  # in the figure's own clause: "15 from each studio, and 45 days" is not
    return bool(_DISTRIBUTIVE.search(before) or _DISTRIBUTIVE.search(after))


# A figure said to be the whole: "the combined total at 16 million", "a total of", "16 million
# exchanges in total", "... altogether".
_TOTAL_BEFORE = rx.compile(
    r"(?i)\b(?:(?:combined|overall|grand|running)\s+total|a\s+total|the\s+total)"
    r"(?:\s+(?:of|at|to|was|is|stood\s+at|came\s+to|reached))?\s+\Z"
)
_TOTAL_AFTER = rx.compile(r"(?i)\s*,?\s*(?:in\s+total|in\s+all|altogether|combined|overall|between\s+them)\b")


def _is_total(sentence: str, figure: Figure, noun_end: int | None) -> bool:
    if _TOTAL_BEFORE.search(sentence, max(0, figure.start - 40), figure.start):
        return True
    return noun_end is not None and _TOTAL_AFTER.match(sentence, noun_end) is not None


def _alternatives(groups: dict[str, str], patterns: dict[str, str]) -> str:
    """One named group per measure; a pack without measures matches nothing (not the empty string)."""
    return "|".join(f"(?P<{g}>{patterns[m]})" for g, m in groups.items()) or "(?!)"


def _label_owner(sentence: str, figure: Figure, party: list[Mention], counted: list[Counted]) -> str | None:
    """A line labelled by one party owns the figures after the label, until another party is
    named: "Netflix’s old deal: $27.75 a share, $82.7 billion enterprise value"."""
    label = _LABEL.match(sentence)
    if label is None or figure.start < label.end():
        return None
    named = {m.entity for m in party if m.end <= label.end()}
    if len(named) != 1 or any(label.end() <= m.start < figure.start for m in party):
        return None
    return named.pop()


def _opens_with(sentence: str, mentions: list[Mention]) -> bool:
    """The sentence (a list item, a new clause) opens with a party's name."""
    return bool(mentions) and not sentence[: mentions[0].start].strip(" \t*_-•#>0123456789.")


def _clause_subject(sentence: str, party: list[Mention]) -> str | None:
    """The party that opens the sentence as its subject ("Netflix had agreed ...")."""
    first = party[0] if party else None
    dateline = DATELINE_AT.match(sentence)
    opening = sentence[dateline.end() if dateline else 0 : first.start] if first else ""
    if first is None or opening.strip(" \t*_-•>#") or not rx.match(r"\s+(?-i:\p{Ll})", sentence[first.end :]):
        return None
    return first.entity


def _has_figure_before(counted: list[Counted], figure: Figure, after: int) -> bool:
    return any(after <= c.figure.start < figure.start for c in counted)
