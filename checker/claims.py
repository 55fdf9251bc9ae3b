"""What a draft claims: figures bound to the measure they count and the party they belong to.

A figure is a claim only when a noun of one of the pack's measures follows it ("24,000 fake
accounts", "3.4 million and 13 million exchanges"), is named before it ("the accounts numbered
24,000"), heads its table column, or was asked for by the question it answers. Whose figure it
is comes from :mod:`checker.language.owners`, whose strategies each say how with examples.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Iterable, NamedTuple, Sequence

from checker import rx
from checker.document import paragraph_break
from checker.language.grammar import (
    CONTRASTED, COORDINATION, DESCRIPTION_HEAD, ELAPSED, FACT_BOX_SEPARATOR, GOVERNED, HEARSAY, MARKET_MOVE, MARKET_MOVE_AFTER, NEGATED, SHARE_NOUNS, SIGNED_MOVE,
    SIGNS, STOP_WORDS, SUBJECT_START, TOTAL_ROW,
)
from checker.language.owners import ADDS_UP, Counted, Mention, Scene, bind
from checker.numbers import COUNT, PERCENT, Figure, figures
from checker.phrases import plural_noun


class Vocabulary(NamedTuple):
    """The names and nouns of one pack, compiled for matching."""

    entity_pattern: str  # alternation of every name and alias
    entity_of: dict[str, str]  # matched text, or casefolded for case-insensitive names -> entity id
    measures: dict[str, str]  # measure id -> noun alternation (plural forms: what counts)
    measures_any: dict[str, str]  # measure id -> singular and plural forms (what money and percentages are of)
    owners: dict[str, frozenset[str]]  # measure id -> entities that own a fact of it


class FigureClaim(NamedTuple):
    start: int  # prose offsets
    end: int
    text: str
    figure: Figure
    measure: str
    owner: str | None
    ambiguous: bool
    # The sentence's span, from where the words that set its scene begin: a Q&A answer's question,
    # a list item's lead-in, a table row's caption or header. A fact's context is looked for in it.
    sentence: tuple[int, int]
    quoted: bool = False  # inside quotation marks (compared only when the pack's quote policy says so)
    how: str = ""  # what bound the owner: a strategy of checker.language.owners, a table row, a question


_DISTRIBUTIVE = rx.compile(r"\b(?i:each|every|average|averaged|apiece|a\s+day|a\s+week)\b")
# One of several, before the figure: "a single network managed 20,000 accounts", "one of the labs
# ran 690 exchanges". After it, "one of the largest deals" ranks the whole.
_ONE_OF = rx.compile(r"\b(?i:a\s+single|one\s+of|in\s+one\s+case)\b")
# A rate after the figure's noun: "690 exchanges per account", "$0.25 a share per quarter"; not
# "per the filing", nor "per year", which like "a year" is how a yearly figure is stated ("30
# films per year"). Before the figure, "per share" names the measure: "the offer per share".
_PER = rx.compile(r"\b(?i:per)(?:\s+(?!(?:the|its|their|his|her|an?|year|annum)\b)\p{Ll}|-)")
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
_TOTAL_LABEL = r"(?:,?\s+(?:in\s+)?(?:total|combined|overall|all\s+told))?"  # "Exchanges, total: 16 million"
# A question for a count: "How many accounts ...?", "What was the number of exchanges?"
_HOW_MANY = rx.compile(r"(?i)\bhow\s+(?:many|much)\b|\bwhat\s+(?:was|is|were)\s+the\s+(?:number|total|count|tally)\b")
# The next item of a list that named its measure once: "; DeepSeek ", ", and Moonshot AI ".
_LIST_ITEM = rx.compile(
    r"[^;,:]{0,60}?(?:[;,]\s*(?:and\s+)?|\s+and\s+)(?P<name>[^\s;,:][^;,:]{0,40}?)(?:\s+(?:for|with|at|on)|\s*,)?\s*:?\s*"
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
# A name in a list ("Globex, Acme and Initech", "Acme & Globex"): what stands right before it,
# and what follows it.
_LIST_BEFORE_NAME = rx.compile(r"(?:\band|&)\s+\Z")
_LIST_AFTER_NAME = rx.compile(r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?-i:\p{Lu})")
_QUOTE_CHARS = rx.compile(r'["“”]|(?<![\p{L}\p{N}])‘|’(?![\p{L}\p{N}])')

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
        self.described = rx.compile(DESCRIPTION_HEAD + r"(?:" + _alternatives(groups, vocab.measures) + r")\b")
        self.described_any = rx.compile(DESCRIPTION_HEAD + r"(?:" + _alternatives(groups, vocab.measures_any) + r")\b")
        self.subject_noun = rx.compile(SUBJECT_START + r"(?:" + _alternatives(groups, vocab.measures) + r")\b")
        self.subject_noun_any = rx.compile(SUBJECT_START + r"(?:" + _alternatives(groups, vocab.measures_any) + r")\b")
        self.governed = rx.compile(GOVERNED)
        self.header_word = rx.compile(r"\b(?:" + _alternatives(groups, vocab.measures_any) + r")\b")
        self.measure_word = rx.compile(r"\b(?:" + _alternatives(groups, vocab.measures) + r")\b")
        shares = {self._header_measure(noun) for noun in SHARE_NOUNS} - {None}
        self.share_measure = shares.pop() if len(shares) == 1 else None  # the pack's share price, if it has one
        self.mover = rx.compile(r"(?:" + vocab.entity_pattern + r")" + MARKET_MOVE)
        self.moved = rx.compile(MARKET_MOVE_AFTER + r"(?:" + vocab.entity_pattern + r")")
        self.signed = rx.compile(r"(?:" + vocab.entity_pattern + r")" + SIGNED_MOVE)

    def _nouns(self, groups: dict[str, str], patterns: dict[str, str]) -> tuple[rx.Pattern, rx.Pattern]:
        """The measure noun after a figure ("24,000 accounts", "a 45-day window", '"about 42,000"
        fake accounts'), and the one
        named before it: "the fraudulent accounts numbered about 26,000", "the number of
        accounts involved was put at 30,000"."""
        nouns = _alternatives(groups, patterns)
        joined = _alternatives(groups, self.vocab.measures_any)
        after = rx.compile(
            r"(?:-(?:" + joined + r")\b|(?:-|[\"”’']?\s+|" + FACT_BOX_SEPARATOR + r")(?:of\s+(?:the|those|these|all|its|their)\s+(?:\d[\d,.]*\s+)?)?"
            r"(?:(?!" + STOP_WORDS + r"\b)[\p{Ll}][\p{Ll}-]*\s+){0,2}?(?:" + nouns + r")\b)"
        )
        # "the shares of Netflix", "the fee owed to Netflix", "the payment from Paramount"
        of_party = (
            r"(?:\s+(?:of|in|to|for|from|(?:owed|paid|due|payable|offered)\s+(?:to|by))\s+(?:the\s+)?(?:"
            + self.vocab.entity_pattern + r"))?"
        )
        before = rx.compile(
            r"(?:" + nouns + r")\b(?:" + of_party + r"(?:\s+(?!(?:and|or|but|than)\b)[\p{Ll}-]+){0,3}?\s*,?\s+"
            + _LINKS + r"(?:\s+(?:now|then|still|already|currently|just|only))?\s+\Z|" + _TOTAL_LABEL + _OF + ")"
        )
        return after, before

    def entity_id(self, text: str) -> str | None:
        v = self.vocab
        text = " ".join(text.split())  # "Moonshot&nbsp;AI", a name broken over two lines
        return v.entity_of.get(text) or v.entity_of.get(text.casefold())

    def mentions(self, prose: str, start: int, end: int) -> list[Mention]:
        found = []
        for m in self.entities.finditer(prose, start, end):
            entity = self.entity_id(m.group())
            if entity is not None:
                found.append(Mention(m.start(), m.end(), entity))
        return found

    def measure_at(self, text: str, offset: int, unit: str) -> str | None:
        """The measure whose noun starts at ``offset`` of ``text``, for a figure of ``unit``."""
        noun = (self.noun_any if unit != COUNT else self.noun).match(text, offset)
        return self.measure_of_group[noun.lastgroup] if noun else None

    def claims(
        self,
        prose: str,
        spans: Iterable[tuple[int, int]],
        quoted: list[tuple[int, int]],
        retracted: frozenset[tuple[int, int]] = frozenset(),
    ) -> list[FigureClaim]:
        """The figure claims of the sentences ``spans``. A ``retracted`` sentence (a correction's
        account of what the story wrongly said) claims nothing, but is read for what the next
        one leaves out: "The article said 42,000 accounts. Anthropic put the number at 24,000."
        """
        result: list[FigureClaim] = []
        header: list[str | None] | None = None  # the measures of the columns of the table being read
        lead: str | None = None  # the measure a list's lead-in named ("The exchanges, by lab:")
        recent: list[Mention] = []  # party mentions of the last sentences, for "the company"
        last_named: list[Mention] = []  # the party mentions of the last sentence that named any, for "its"
        asked: tuple[str | None, str | None] | None = None  # the measure (and owner) the last sentence asked about
        asked_at = 0
        topic: str | None = None  # the party the last sentence opened with as its subject, in this paragraph
        previous_end = 0
        previous_start = 0
        last_counted: list[Counted] = []  # what the sentence before counted
        # Where the words that set the scene of a list's items or a table's rows begin: its lead-in
        # ("How the shares moved (Thursday, after hours):") or the caption above its header.
        setting: int | None = None
        caption: int | None = None  # the last sentence, when it could caption a table: no figure, no full stop
        for start, end in spans:
            sentence = prose[start:end]
            mentions = [
                Mention(m.start - start, m.end - start, m.entity) for m in self.mentions(prose, start, end)
            ]
            if paragraph_break(prose, previous_end, start):
                topic = None
            figs = list(figures(sentence))  # read once: every step below asks for them
            # the measure the sentence before left open, when it counted only that one
            left_open = lead if _opens_with(sentence, mentions) and len({c.measure for c in last_counted}) <= 1 else None
            counted = self._counted(sentence, figs, left_open, lead)
            last_counted = counted
            cells = _cells(sentence)
            labelled: dict[int, tuple[str | None, bool]] = {}  # table cells: figure start -> owner
            has_figure = bool(figs)
            if cells is None:
                header = None
                # an item goes on the list; a sentence with a full stop, or a heading, ends it
                setting = setting if has_figure and not _finished(sentence) else None
            elif not has_figure:
                header = [self._header_measure(sentence[a:b]) for a, b in cells]
                if caption is not None and not any(header):  # "| Company | Move |" under "Share moves, Thursday"
                    header = [self._header_measure(prose[caption:start])] * len(cells)
                setting = start if caption is None else caption
            elif header is not None and len(header) == len(cells):
                self._row(sentence, cells, header, counted, mentions, labelled)
            if sentence.rstrip().endswith(":"):
                setting = start
            caption = start if cells is None and not has_figure and not _finished(sentence) else None
            carried, lead = lead, self._lead(sentence, has_figure, lead, counted)
            answer = self._answer(sentence, figs, asked, counted)
            if answer is not None:
                counted.insert(0, answer)
            previous: tuple[Counted, str | None, bool, str] | None = None
            for this in counted:
                figure = this.figure
                in_quote = inside(quoted, start + figure.start)
                if in_quote and self.quotes == "skip":
                    owner, ambiguous, how = None, True, "quoted"
                elif _distributive(sentence, figure, this.noun_end):
                    owner, ambiguous, how = None, True, "a part or an average"
                elif rx.search(CONTRASTED, sentence, pos=max(0, figure.start - 30), endpos=figure.start):
                    owner, ambiguous, how = None, True, "set against another"  # "rather than the 90 days of old"
                elif rx.search(NEGATED, sentence, pos=max(0, figure.start - 40), endpos=figure.start):
                    owner, ambiguous, how = None, True, "denied"  # "it would not go above $27.75"
                elif rx.search(HEARSAY + r"[^.;:]*\Z", sentence, endpos=figure.start):
                    owner, ambiguous, how = None, True, "hearsay"  # "I saw a post saying Netflix was paying $31"
                elif figure.start in labelled:
                    owner, ambiguous, how = *labelled[figure.start], "table row"
                elif previous is not None and _RESTATED.fullmatch(
                    sentence, previous[0].noun_end or previous[0].figure.end, figure.start
                ):
                    _, owner, ambiguous, how = previous  # "cutting 4,000 jobs, or 12% of its staff": the same party's
                elif answer is not None and figure is answer.figure and asked and asked[1]:
                    owner, ambiguous, how = asked[1], False, "question"  # "How many exchanges did MiniMax have?" "More than 13 million."
                else:
                    owners = self.vocab.owners.get(this.measure, frozenset())
                    owner, ambiguous, how = bind(
                        Scene(
                            sentence, this, counted, mentions, recent, last_named, owners, self.measure_at, topic,
                            asked[1] if asked else None,
                        )
                    )
                previous = (this, owner, ambiguous, how)
                result.append(
                    FigureClaim(
                        start + figure.start, start + figure.end, " ".join(sentence[figure.start : figure.end].split()),
                        figure, this.measure, owner, ambiguous,
                        (asked_at, end) if answer is not None and figure is answer.figure
                        # a measure the sentence leaves out: the sentence before, which named it, sets the scene
                        else (previous_start, end)
                        if cells is None and this.measure == carried and this.noun_end is None and this.noun_before is None
                        else (setting if setting is not None else start, end),
                        in_quote, how,
                    )
                )
            recent = (recent + mentions)[-6:] if mentions else recent
            last_named = mentions or last_named
            # its subject: the party it names first, in its first words ("Acme will pay ...", "On Friday, Acme
            # ..."), and alone ("Globex, Acme and Initech were bidding" has no one subject)
            first = mentions[0] if mentions and mentions[0].start <= 40 else None
            listed = first and (_LIST_BEFORE_NAME.search(sentence, 0, first.start) or _LIST_AFTER_NAME.match(sentence, first.end))
            topic = first.entity if first and not listed else None
            previous_end, previous_start = end, start
            asked, asked_at = self._asked(sentence, mentions), start  # an answer's context is its question too
        if retracted:
            result = [c for c in result if not any(a <= c.start < b for a, b in retracted)]
        return result

    def _lead(self, sentence: str, has_figure: bool, lead: str | None, counted: list[Counted]) -> str | None:
        """The measure the next sentence may leave out: named by a lead-in ending in a colon
        ("Exchanges by lab:"), or counted last in this sentence ("MiniMax ran 13 million
        exchanges." "Moonshot logged more than 3.4 million."); a question in between keeps it."""
        if counted:
            return counted[-1].measure
        if has_figure and rx.match(r"[\s*_>•#-]*[^\s:]{1,12}?[*_]*" + FACT_BOX_SEPARATOR, sentence):
            return lead  # a fact box's entry that counts nothing the pack knows: "13M+: the largest share"
        if sentence.rstrip().endswith(":"):
            word = self.measure_word.search(sentence)
            return self.measure_of_group[word.lastgroup] if word else None
        if sentence.rstrip().rstrip("*_").endswith("?") and not has_figure:
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
        total = label is None and rx.fullmatch(TOTAL_ROW, sentence, pos=cells[0][0], endpos=cells[0][1]) is not None
        row_measure = self._header_measure(sentence[cells[0][0] : cells[0][1]]) if label is None else None
        if row_measure is not None:  # "| Regulatory termination fee | $7bn | Paramount to WBD ... |"
            owning = {m.entity for m in mentions} & self.vocab.owners.get(row_measure, frozenset())
            label = owning.pop() if len(owning) == 1 else None
            # "| Earlier regulatory fee | ... | Superseded by the $7 billion fee |": a figure whose bare
            # noun the row's label repeats ("fee") counts the row's measure, not another that noun names
            label_words = set(sentence[cells[0][0] : cells[0][1]].lower().split())

            def repeated(c: Counted) -> bool:  # its noun is one word of the row's label
                noun = sentence[c.figure.end : c.noun_end].lower().split()
                return len(noun) == 1 and noun[0] in label_words

            counted[:] = [
                c for c in counted
                if c.figure.start < cells[1][0] or c.measure == row_measure or c.noun_end is None or not repeated(c)
            ]
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
                if not owners or total:  # "| **Total** | 16.5 million |" is nobody's own
                    labelled[f.start] = (None, False)
                else:
                    labelled[f.start] = (label, False) if label in owners else (None, True)
        counted.sort(key=lambda c: c.figure.start)

    def _asked(self, sentence: str, mentions: list[Mention]) -> tuple[str | None, str | None] | None:
        """The measure a question asks for ("How many fraudulent accounts were used?"), or None
        when it names none ("How much is Acme paying?"), and the one party the question names
        (that owns figures of its measure), if any."""
        if not sentence.rstrip().endswith("?") or not _HOW_MANY.search(sentence):
            return None
        word = self.measure_word.search(sentence)
        measure = self.measure_of_group[word.lastgroup] if word else None
        owning = self.vocab.owners.get(measure, frozenset()) if measure else None
        named = {m.entity for m in mentions if owning is None or m.entity in owning}
        return measure, named.pop() if len(named) == 1 else None

    def _answer(
        self, sentence: str, figs: list[Figure], asked: tuple[str, str | None] | None, counted: list[Counted]
    ) -> Counted | None:
        """A Q&A answer's figure, when the answer opens with it and names no measure of its own:
        it counts what the question asked for."""
        if asked is None or asked[0] is None:
            return None
        first = figs[0] if figs else None
        if first is None or first.start > 12 or any(c.figure.start == first.start for c in counted):
            return None
        if not rx.fullmatch(r"[\s*_]*(?:A\s*[:.]\s*)?[\s*_]*", sentence[: first.start]):
            return None
        return Counted(first, asked[0], None)

    def _noun_before(self, sentence: str, figure: Figure) -> rx.Match | None:
        """The measure noun named before a figure: the nearest ("$27.75 a share in a deal valued
        at $110 billion" is a deal's), and of two ending together the longer ("a regulatory fee
        of $5.8 billion" is not a fee's)."""
        pattern = self.noun_any_before if figure.unit != COUNT else self.noun_before
        best = found = pattern.search(sentence, max(0, figure.start - 80), figure.start)
        while found and (found := pattern.search(sentence, found.start() + 1, figure.start)):
            if found.end(found.lastgroup) > best.end(best.lastgroup):
                best = found
        if best and self.governed.search(sentence, max(0, best.start() - 40), best.start()):
            # "the fee ... for leaving its deal was $2.8 billion": the clause's subject, if a measure
            clause = max(sentence.rfind(c, 0, best.start()) for c in ",;:—(") + 1
            subject = self.subject_noun_any if figure.unit != COUNT else self.subject_noun
            return subject.match(sentence, clause, best.start())
        return best

    def _counted(
        self, sentence: str, figs: list[Figure], left_open: str | None = None, lead: str | None = None
    ) -> list[Counted]:
        """Figures followed by a measure noun, directly or through a coordinated figure.

        ``left_open`` is the measure the sentence before left open, when this one opens with a
        party: its first figure counts it if no noun follows ("- Moonshot AI: more than 3.4
        million, spanning coding", "Moonshot logged more than 3.4 million; DeepSeek, more than
        150,000"), but not "DeepSeek employs 200 people". ``lead`` is the measure the sentence
        before counted last: a sum's result with no noun counts it ("Those three figures add up
        to 16.5 million"). ``figs`` are the sentence's figures."""
        nouns = [(self.noun_any if f.unit != COUNT else self.noun).match(sentence, f.end) for f in figs]
        entry = figs and nouns[0] is None and rx.fullmatch(r"[\s*_>•#-]*", sentence, endpos=figs[0].start)
        if entry:
            # a fact box's entry: "$31.00 ....... Per-share price in Acme's bid"
            nouns[0] = (self.described_any if figs[0].unit != COUNT else self.described).match(sentence, figs[0].end)
        measures = [self.measure_of_group[m.lastgroup] if m else None for m in nouns]
        separator = entry and nouns[0] is None and lead and rx.match(r"[*_]*" + FACT_BOX_SEPARATOR + r"[*_]*", sentence, pos=figs[0].end)
        if separator:
            # an entry that names only a party counts what the entry before it counted: "16M+: exchanges" "150K+: DeepSeek"
            named = self.entities.match(sentence, separator.end())
            if named and rx.match(r"[*_\s]*(?:\([^()]*\)[*_\s]*)?\Z", sentence, pos=named.end()):
                measures[0] = lead
        named_before: list[int | None] = [None] * len(figs)
        for i, f in enumerate(figs):
            if measures[i] is None:
                before = self._noun_before(sentence, f)
                if before:
                    measures[i] = self.measure_of_group[before.lastgroup]
                    named_before[i] = before.start()
        moved = set()  # figures whose share-price measure a market verb before them names
        for i, f in enumerate(figs):  # "Netflix jumped 10%", "a 10% jump in Netflix": its share price
            if measures[i] is None and f.unit == PERCENT and self.share_measure and (
                self.mover.search(sentence, max(0, f.start - 80), f.start) or self.moved.match(sentence, f.end)
                or (sentence[f.start] in SIGNS and self.signed.search(sentence, max(0, f.start - 80), f.start))
            ):
                measures[i] = self.share_measure
                moved.add(i)
        # "more than 150,000 (coding, ...)", "more than 13 million of them"; not the first of a
        # list whose last names its noun ("150,000, 3.4 million and 13 million exchanges")
        coordinated = len(figs) > 1 and measures[1] is not None and COORDINATION.fullmatch(sentence, figs[0].end, figs[1].start)
        if left_open and figs and measures[0] is None and not coordinated:
            if rx.match(r"\s*(?:[,;.()—–]|of\s+(?:them|those|these)\b|\Z)", sentence[figs[0].end :]):
                measures[0] = left_open
        sums = [ADDS_UP.search(sentence, max(0, f.start - 30), f.start) for f in figs]  # "add up to" before it
        for i, f in enumerate(figs):  # "... 13 million; they add up to 16.5 million": what the parts count
            if measures[i] is None and sums[i]:
                # the parts' measure: of the figures before it here, or, when there are none, the last one before
                measures[i] = next((m for m in reversed(measures[:i]) if m is not None), None) if i else lead
        for i, f in enumerate(figs):  # "(Acme 400, Globex 900) add up to 1,300 jobs": the parts count what their sum does
            adds = sums[i] if i and measures[i] is not None else None
            j = i - 1
            if adds is None or measures[j] is not None or not rx.fullmatch(r"[\s)\]]*", sentence[figs[j].end : adds.start()]):
                continue
            while j >= 0 and measures[j] is None and figs[j].unit == f.unit:
                measures[j] = measures[i]
                item = _LIST_ITEM.fullmatch(sentence, figs[j - 1].end, figs[j].start) if j else None
                if not (item and self.entities.fullmatch(item["name"])):
                    break
                j -= 1
        for i in range(len(figs) - 2, -1, -1):
            if measures[i] is None and measures[i + 1] is not None:
                gap = COORDINATION.fullmatch(sentence, figs[i].end, figs[i + 1].start)
                if gap:
                    measures[i] = measures[i + 1]
        # a noun or a market verb named before the first: "shares rose 10% and 5%, respectively",
        # "Netflix and Paramount rose 10% and 5% respectively"
        for i in range(1, len(figs)):
            before_first = named_before[i - 1] is not None or i - 1 in moved
            if measures[i] is None and before_first and figs[i].unit == figs[i - 1].unit:
                if COORDINATION.fullmatch(sentence, figs[i - 1].end, figs[i].start):
                    measures[i], named_before[i] = measures[i - 1], named_before[i - 1]
                    if i - 1 in moved:
                        moved.add(i)
        for i in range(1, len(figs)):  # a list that names its measure once: "MiniMax 13 million; DeepSeek 150,000"
            if measures[i] is None and measures[i - 1] is not None:
                after = nouns[i - 1].end() if nouns[i - 1] else figs[i - 1].end
                item = _LIST_ITEM.fullmatch(sentence, after, figs[i].start)
                parallel = figs[i].unit == figs[i - 1].unit and _PARALLEL.fullmatch(sentence, after, figs[i].start)
                if (item and self.entities.fullmatch(item["name"])) or (parallel and self.entities.fullmatch(parallel["name"])):
                    measures[i] = measures[i - 1]
        return [
            Counted(f, m, n.end() if n else None, b)
            for f, m, n, b in zip(figs, measures, nouns, named_before)
            if m is not None and not (n and rx.match(ELAPSED, sentence, pos=n.end()))  # "two days ago": a time, not a count
        ]


def _cells(sentence: str) -> list[tuple[int, int]] | None:
    """The cells of a table row (a row is one sentence, its cells joined by " | "; a table of two
    columns has one), or None."""
    if "|" not in sentence:
        return None
    cells, start = [], 0
    for m in rx.finditer(r"\|", sentence):
        cells.append((start, m.start()))
        start = m.end()
    cells.append((start, len(sentence)))
    # A row written with its edge pipes ("| a | b |", in plain text) has no cell outside them;
    # an empty cell inside a row ("Total | 16.5 million |" from "| Total | 16.5 million | |")
    # keeps the columns in line with the header's.
    if sentence.lstrip().startswith("|"):
        cells = cells[1:-1] if sentence.rstrip().endswith("|") else cells[1:]
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
    after = sentence[figure.end if noun_end is None else noun_end :]
    after = after[:40] if len(after) <= 40 or not after[40].isalnum() else after[:40].rsplit(None, 1)[0]  # whole words
    after = rx.split(r"[,;]\s*(?=[^\s\d]{0,3}\d)", after, maxsplit=1)[0]  # not the next figure's: "30 a year, 15 from each studio"
    before = sentence[max(0, figure.start - 50) : figure.start]
    if ADDS_UP.search(before):
        return False  # "the per-lab figures add up to 16.5 million": the whole
    before = rx.split(r"[,;:—–()]", before)[-1]  # in the figure's own clause: "15 from each studio, and 45 days" is not
    return bool(
        _DISTRIBUTIVE.search(before) or _ONE_OF.search(before) or _DISTRIBUTIVE.search(after) or _PER.match(after.lstrip())
    )


def _alternatives(groups: dict[str, str], patterns: dict[str, str]) -> str:
    """One named group per measure; a pack without measures matches nothing (not the empty string)."""
    return "|".join(f"(?P<{g}>{patterns[m]})" for g, m in groups.items()) or "(?!)"


def _finished(sentence: str) -> bool:
    """The sentence ends as prose does, with a full stop, not as a heading, an item or a cell."""
    return sentence.rstrip().rstrip("*_\"”’)]").endswith((".", "!", "?", "…"))


def _opens_with(sentence: str, mentions: list[Mention]) -> bool:
    """The sentence (a list item, a new clause) opens with a party's name."""
    return bool(mentions) and not sentence[: mentions[0].start].strip(" \t*_-•#>0123456789.")
