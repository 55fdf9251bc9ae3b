"""What each source says, read with the language layer and no pack: figures with their
measure, owner, qualifier and unit; dates of a party's acts; named sets of parties; the
definitions of terms.

The names and measures come from the sources themselves (:mod:`checker.language.discover`),
or from a pack when one is given, and are compiled into the same
:class:`checker.claims.Vocabulary` a pack gives the checker, so a figure's owner is found the
way ``factcheck`` finds it in a draft.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import NamedTuple, Sequence

from checker import rx
from checker.claims import Binder, Mention, quoted_spans
from checker.claims import vocabulary as compile_vocabulary
from checker.compiled import CompiledPack
from checker.dates import mentions as date_mentions
from checker.document import Document, paragraph_break, sentences
from checker.language.constructions import asserted
from checker.language.discover import (
    COMMON_WORDS, CONTINUES, FUNCTION_WORDS, MAKER, NAME_SUFFIXES, TERM, first_group, counted_noun, name_runs, plain, rank, singular, title_case,
)
from checker.language.grammar import IRREGULAR, REPORTING_VERBS, coordinated
from checker.numbers import COUNT, NUMBER_WORDS, Figure, figures
from checker.phrases import NEGATION, excerpt


class Source(NamedTuple):
    path: str
    document: Document
    spans: list[tuple[int, int]]  # its asserted sentences, prose offsets

    def sentence(self, i: int) -> str:
        start, end = self.spans[i]
        return self.document.prose[start:end]


class Said(NamedTuple):
    """Where one source says something: its words and the sentence they are in."""

    source: int
    start: int  # prose offsets of the words
    end: int
    sentence: str
    at: int  # where the sentence starts in the prose

    def wording(self, limit: int = 60) -> str:
        """The words from the claim on, to the end of its sentence or about ``limit`` characters."""
        return excerpt(self.sentence[self.start - self.at :], limit)


class FigureSaid(NamedTuple):
    said: Said
    figure: Figure
    measure: str
    owner: str | None
    named: frozenset[str] | None = None  # whose it is unclear: the parties its sentence names


class DateSaid(NamedTuple):
    said: Said
    actor: str
    act: str  # the verb's stem: "publish"
    verb: str  # as written: "published"
    day: dt.date | None
    weekday: int | None
    year_known: bool  # written, or the report's own; else the day is only a month and a day
    thing: str | None  # what the verb acted on: "post"


class SetSaid(NamedTuple):
    said: Said
    noun: str  # singular: "lab"
    members: frozenset[str]
    count: int | None  # "three labs"


class ActionSaid(NamedTuple):
    """A party said to do or have something: "Moonshot AI ... targeted computer vision"."""

    said: Said  # the clause
    party: str
    phrase: str  # two content words in a row, lowercase: "computer vision"


class DefinitionSaid(NamedTuple):
    said: tuple[Said, ...]  # the sentences of one description
    term: str
    rank: int  # +1: what is used is the higher one's ("the outputs of a larger model"), -1 the lower's, 0 unsaid
    maker: str  # the words that say whose it is


class Entity(NamedTuple):
    """A party the sources name (the fields of a pack's entity)."""

    id: str
    name: str
    aliases: list[str] = []
    case_sensitive: bool = True


class Measure(NamedTuple):
    """What the sources' figures count (the fields of a pack's measure)."""

    id: str
    label: str
    nouns: list[str]


class Words(NamedTuple):
    """The parties and measures of the sources (a pack's, when none is given)."""

    entities: list[Entity]
    measures: list[Measure]


class Statements(NamedTuple):
    sources: list[Source]
    vocabulary: Words
    names: dict[str, str]  # entity id -> name
    figures: list[FigureSaid]
    dates: list[DateSaid]
    sets: list[SetSaid]
    definitions: list[DefinitionSaid]
    actions: list[ActionSaid]
    mentioned: list[set[str]]  # by source: the parties it names


_SET_NOUN = rx.compile(
    r"(?:\b(?P<other>other\s+)?(?i:(?P<count>\d{1,2}|" + "|".join(w for w, n in NUMBER_WORDS.items() if n)
    + r"))\s+(?:[\p{L}-]+\s+){0,3}?)?\b(?P<noun>\p{Ll}{3,}s)\b(?P<open>,?\s+(?:including|such\s+as|like|among\s+them)\b)?"
)
_ACT = rx.compile(r"\b(?P<verb>\p{Ll}{3,}ed|" + IRREGULAR + r")\b")
_YEARISH = (1900, 2100)


def read(sources: list[Source], packs: Sequence[CompiledPack] = ()) -> Statements:
    vocabulary = discover(sources, packs)

    # Who may own a figure of a measure: first anyone; then only the parties a figure of it
    # was bound to, so that "16 million exchanges with Claude" is nobody's, not Claude's.
    ids = {e.id for e in vocabulary.entities}
    binder = Binder(compile_vocabulary(vocabulary.entities, vocabulary.measures, {m.id: ids for m in vocabulary.measures}))
    owners: dict[str, set[str]] = {m.id: set() for m in vocabulary.measures}
    for source in sources:
        prose = source.document.prose
        for claim in binder.claims(prose, source.spans, quoted_spans(prose)):
            if claim.owner and not claim.ambiguous:
                owners[claim.measure].add(claim.owner)
    binder = Binder(compile_vocabulary(vocabulary.entities, vocabulary.measures, owners))
    names = {e.id: e.name for e in vocabulary.entities}
    said_figures: list[FigureSaid] = []
    said_dates: list[DateSaid] = []
    said_sets: list[SetSaid] = []
    said_definitions: list[DefinitionSaid] = []
    for index, source in enumerate(sources):
        prose = source.document.prose
        for claim in binder.claims(prose, source.spans, quoted_spans(prose)):
            if claim.quoted or _yearish(claim.figure):
                continue
            said = Said(index, claim.start, claim.end, prose[claim.sentence[0] : claim.sentence[1]], claim.sentence[0])
            named = frozenset(m.entity for m in binder.mentions(prose, *claim.sentence)) if claim.ambiguous else None
            said_figures.append(FigureSaid(said, claim.figure, claim.measure, claim.owner, named))
        said_dates += _dates(index, source, binder)
        said_sets += _sets(index, source, binder)
        said_definitions += _definitions(index, source)
    terms = Counter(d.term for d in {(d.said[0].source, d.term): d for d in said_definitions}.values())
    said_definitions = [d for d in said_definitions if terms[d.term] >= 2]  # a term two sources set out to define
    # The story's parties: those a figure belongs to or a set names.
    parties = {f.owner for f in said_figures if f.owner} | {m for s in said_sets for m in s.members}
    said_actions = [a for index, source in enumerate(sources) for a in _actions(index, source, binder, parties)]
    mentioned = [{m.entity for m in binder.mentions(s.document.prose, 0, len(s.document.prose))} for s in sources]
    return Statements(
        sources, vocabulary, names, said_figures, said_dates, said_sets, said_definitions, said_actions, mentioned
    )


def discover(sources: list[Source], packs: Sequence[CompiledPack] = ()) -> Words:
    """The parties and measures of the sources: names used as names (see
    :func:`checker.language.discover.name_runs`), the shorter ones that are a longer name's
    first words or initials as its aliases; and the nouns figures count. Packs' entities and
    measures come first and keep their ids."""
    as_name: Counter[str] = Counter()
    inside: set[str] = set()  # runs seen after a sentence's first word
    opening: Counter[str] = Counter()  # runs at a sentence's start, used as names
    nouns: Counter[str] = Counter()
    for source in sources:
        for start, end in source.spans:
            sentence = source.document.prose[start:end]
            if not title_case(sentence):
                for a, b, named in name_runs(sentence):
                    run = " ".join(sentence[a:b].split())
                    if " " in run and run.isupper():  # a transcript's cue: "SOUND BITE", not a name
                        continue
                    if a > 0:
                        inside.add(run)
                        as_name[run] += named
                    elif named and not rx.match(r"\s*:", sentence, pos=b):  # "Scale: 1,510 beds" is a label
                        opening[run] += 1
            for figure in figures(sentence):
                noun = None if _yearish(figure) else counted_noun(sentence, figure.start, figure.end)
                if noun:
                    nouns[noun] += 1
    # A name only ever at a sentence's start ("Globex said ...") is one when the sources never
    # write it in lower case, as they would a common word ("Distillation is ...", "Shares fell").
    lowered = {
        m.group() for source in sources for m in rx.finditer(r"\b\p{Ll}[\p{Ll}-]*\b", source.document.prose)
    }
    for run, count in opening.items():
        words = run.split()
        if run in inside or not any(w.casefold() in lowered for w in words) and not (
            len(words) == 1 and run.endswith("s") and run[1:].islower()
        ):
            as_name[run] += count
    names = sorted((n for n, c in as_name.items() if c and not _not_a_name(n)), key=lambda n: (-len(n.split()), n))
    entities: list[Entity] = []
    taken: dict[str, str] = {}  # name, casefolded -> entity id
    for pack in packs:
        named = set(pack.vocabulary.entity_of.values())
        for entity_id, name in pack.names.items():
            if entity_id in named and name.casefold() not in taken:
                written = {t for t, e in pack.vocabulary.entity_of.items() if e == entity_id}
                entities.append(Entity(entity_id, name, sorted(written - {name, name.upper(), name.casefold()})))
                taken.update((t.casefold(), entity_id) for t in written | {name})
    aliases: dict[str, list[str]] = defaultdict(list)
    for name in names:
        if name.casefold() in taken:
            continue
        longer = [other for other in entities if _shortens(name, other.name)]
        if len(longer) == 1:
            aliases[longer[0].id].append(name)
            taken[name.casefold()] = longer[0].id
            continue
        entity_id = slug(name, {e.id for e in entities})
        entities.append(Entity(id=entity_id, name=name))
        taken[name.casefold()] = entity_id
    entities = [e._replace(aliases=[*e.aliases, *aliases[e.id]]) for e in entities]
    measures = [m for pack in packs for m in pack_measures(pack)]
    known = {n.casefold() for m in measures for n in m.nouns}
    for noun, _ in sorted(nouns.items()):
        if noun not in known and rx.fullmatch(r"[a-z][a-z-]*", noun):
            measures.append(Measure(id=slug(noun, {m.id for m in measures}), label=noun, nouns=[noun]))
    return Words(entities, measures)


def pack_measures(pack: CompiledPack) -> list[Measure]:
    """A pack's measures, as nouns the binder reads (the singular of each plural it matches)."""
    found = []
    for measure_id, pattern in pack.vocabulary.measures.items():
        words = [m.group() for m in rx.finditer(r"[a-z][a-z -]*[a-z]", pattern)]
        found.append(Measure(id=measure_id, label=words[0] if words else measure_id, nouns=sorted({singular(w) for w in words}) or [measure_id]))
    return found


def _not_a_name(run: str) -> bool:
    """A contraction ("We’re") or only the word a company's name ends with ("AI", "Inc")."""
    return bool(rx.search(r"['’](?:re|ve|ll|d|m|t)\b", run)) or all(w.lower() in NAME_SUFFIXES for w in run.split())


def _shortens(name: str, longer: str) -> bool:
    """"Moonshot" for "Moonshot AI", "WBD" for "Warner Bros. Discovery"."""
    words, others = name.split(), longer.split()
    if len(words) < len(others) and others[: len(words)] == words:
        return all(w.lower() in NAME_SUFFIXES for w in others[len(words) :])
    initials = "".join(w[0] for w in others if w[0].isupper())
    return name.isupper() and len(name) >= 2 and name == initials


def slug(text: str, taken: set[str]) -> str:
    base = rx.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "x"
    if not base[0].isalnum():
        base = "x" + base
    found, n = base, 2
    while found in taken:
        found, n = f"{base}-{n}", n + 1
    return found


def _yearish(figure: Figure) -> bool:
    return figure.unit == COUNT and figure.scale == 1 and figure.value.is_integer() and _YEARISH[0] <= figure.value <= _YEARISH[1]


def _dates(index: int, source: Source, binder: Binder) -> list[DateSaid]:
    """The day a party did something: "Anthropic published the post on Monday, Feb. 23". The
    act is the last verb in the past before the date; the party, the one named just before
    that verb ("Globex, which completed a deal on Friday" is Globex's). A date without a year
    takes the report's own (the year before, when that would put it after the report); in a
    report with no date of its own, its year is unknown."""
    document, prose = source.document, source.document.prose
    today = document.date
    found = []
    for start, end in source.spans:
        named = binder.mentions(prose, start, end)
        for mention in date_mentions(prose, start, end, today.year if today else 2000, today):
            if mention.day is None and mention.weekday is None:
                continue
            verbs = [m for m in _ACT.finditer(prose, start, mention.start) if not rx.match(REPORTING_VERBS, m["verb"])]
            if not verbs:
                continue
            verb = verbs[-1]
            before = [m for m in named if m.end <= verb.start()]
            if not before or verb.start() - before[-1].end > _ACTOR_GAP:
                continue
            day, known = mention.day, mention.year_given or today is not None
            if day is not None and not mention.year_given and today is not None and day > today:
                day = day.replace(year=day.year - 1)
            thing = _THING_AFTER.match(prose, verb.end(), mention.start)
            sentence = prose[start:end]
            found.append(DateSaid(
                Said(index, mention.start, mention.end, sentence, start), before[-1].entity, _stem(verb["verb"]),
                verb["verb"], day, mention.weekday, known, thing["thing"].lower() if thing else None,
            ))
    return found


_ACTOR_GAP = 40  # the most between a party's name and its verb: "Globex, which ", "Acme's board "
# What a verb acted on: its first content word ("published a blog post" -> "blog").
_THING_AFTER = rx.compile(r"\s+(?:(?:a|an|the|its|their|his|her|new|first)\s+)*(?P<thing>\p{L}[\p{L}-]{2,})")


def _stem(verb: str) -> str:
    """The act a verb names, the same for "published" and "publishes": "publish"."""
    verb = verb.lower()
    return verb[:-2] if verb.endswith("ed") and len(verb) > 5 else verb



def _sets(index: int, source: Source, binder: Binder) -> list[SetSaid]:
    """A set of parties named as one: "three Chinese labs: DeepSeek, Moonshot AI and MiniMax",
    "the labs named are DeepSeek, Moonshot and MiniMax"."""
    prose = source.document.prose
    found = []
    for start, end in source.spans:
        named: list[Mention] = binder.mentions(prose, start, end)
        sentence = prose[start:end]
        local = [Mention(m.start - start, m.end - start, m.entity) for m in named]
        for run in coordinated(sentence, local):
            members = frozenset(m.entity for m in run)
            if len(members) < 2:
                continue
            near = max(0, run[0].start - _SET_GAP)
            nouns = [m for m in _SET_NOUN.finditer(sentence, near, run[0].start) if m["noun"] not in _NOT_SET_NOUNS]
            if not nouns or any(nouns[-1].end() <= m.start < run[0].start for m in local):
                continue  # no noun, or another name between it and the list: "bidders: Acme, run by Ann Lee, and Initech"
            noun = nouns[-1]
            if noun["open"] or rx.search(r"(?i)\bother\s+(?:[\p{L}-]+\s+){0,2}\Z", sentence[: noun.start("noun")]):
                continue  # a list that is not the whole set: "companies including ...", "two other labs, ..."
            count = noun["count"]
            number = None if count is None else int(count) if count.isdigit() else NUMBER_WORDS[count.lower()]
            said = Said(index, start + run[0].start, start + run[-1].end, sentence, start)
            found.append(SetSaid(said, singular(noun["noun"]), members, number))
    return found


_SET_GAP = 40  # at most this far before its list: "the labs named in the Feb. 23 post are DeepSeek, ..."
_NOT_SET_NOUNS = frozenset("was has is its this his does says thus was whereas".split())


# A clause that says the party shares it with another: "it makes phones too", "also".
_SHARED = rx.compile(r"(?i)\b(?:too|also|as\s+well|likewise|similar(?:ly)?|both|same)\b")
_CLAUSES = rx.compile(r";\s+|\s[—–]\s|\s--\s")
_WORD = rx.compile(r"[\p{L}][\p{L}-]*")


def _actions(index: int, source: Source, binder: Binder, parties: set[str]) -> list[ActionSaid]:
    """What a clause that names one of the story's parties, and no other, says of it: each two
    content words in a row ("computer vision", "tool use"). A clause that denies or contrasts
    ("not", "unlike", "while"), or whose party only reports it ("X said ..."), says nothing of it
    here."""
    prose = source.document.prose
    found = []
    for start, end in source.spans:
        cuts = [start, *(m.end() for m in _CLAUSES.finditer(prose, start, end)), end]
        for a, b in zip(cuts, cuts[1:]):
            named = [m for m in binder.mentions(prose, a, b)]
            if {m.entity for m in named} & parties != {m.entity for m in named} or len({m.entity for m in named}) != 1:
                continue
            clause = prose[a:b]
            if rx.search(NEGATION, clause) or _SHARED.search(clause):
                continue
            if rx.match(r"\s+" + REPORTING_VERBS, prose, pos=named[0].end):
                continue  # "Anthropic said those prompts targeted ...": what it reports of another
            said = Said(index, a, b, prose[start:end], start)
            previous = None
            for m in _WORD.finditer(prose, a, b):
                word = m.group()
                content = (
                    word.islower() and len(word) >= 3 and word not in COMMON_WORDS and word not in FUNCTION_WORDS
                    and not word.endswith(("ed", "ing", "ly")) and not any(n.start <= m.start() < n.end for n in named)
                )
                if (
                    content and previous is not None and prose[previous.end() : m.start()] in (" ", "-")
                    and not previous.group().endswith("s")  # "makes smart", "sells phones": a verb, not a modifier
                ):
                    found.append(ActionSaid(said, named[0].entity, f"{previous.group()} {word}"))
                previous = m if content else None
    return found


def _definitions(index: int, source: Source) -> list[DefinitionSaid]:
    """Each description of a term: the sentence that sets out to define it, the sentences that
    go on ("The process ...", "In this technique, ..."), and, after a question or a heading,
    the paragraph that answers it."""
    prose = source.document.prose
    spans = source.spans
    found: list[DefinitionSaid] = []
    term: str | None = None
    i = 0
    while i < len(spans):
        sentence = source.sentence(i)
        m = TERM.regex.search(sentence)
        named = first_group(m) or None if m else None
        if named is None and not (term and CONTINUES.match(sentence)):
            i += 1
            continue
        if named and named.lower() in FUNCTION_WORDS:  # "This is the only way ..."
            i += 1
            continue
        term = singular(named) if named else term
        block = [i]
        j = i + 1
        asks = sentence.rstrip().endswith(("?", ":")) or title_case(sentence)
        while j < len(spans) and len(block) < 4:
            broke = paragraph_break(prose, spans[j - 1][1], spans[j][0])
            if broke and not (asks and len(block) == 1):
                break
            if not broke and TERM.regex.search(source.sentence(j)):
                break
            block.append(j)
            j += 1
        said = tuple(Said(index, spans[k][0], spans[k][1], source.sentence(k), spans[k][0]) for k in block)
        votes = []
        for s in said:
            for made in MAKER.regex.finditer(plain(s.sentence)):
                words = first_group(made)
                votes.append((rank(words), words))
        score = sum(v for v, _ in votes)
        sign = (score > 0) - (score < 0)
        maker = next((w for v, w in votes if v == sign), "") if sign else ""
        found.append(DefinitionSaid(said, term, sign, maker))
        i = j
    return found


def load(paths: list[tuple[str, str, str]]) -> list[Source]:
    """Sources from (display path, text, format)."""
    from checker.document import read as read_document

    loaded = []
    for path, text, fmt in paths:
        document = read_document(path, text, fmt)
        loaded.append(Source(path, document, asserted(document.prose, sentences(document.prose))))
    return loaded
