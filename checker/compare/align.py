"""Claims about the same thing, lined up across sources: what most say, and who says otherwise.

- Figures align by measure, owner and unit. Two measure nouns are one measure when sources
  give the same owner the same figure in each ("13 million exchanges", "13 million
  interactions"). Values that admit a common value agree ("16 million", "more than 16
  million"); a value only one source gives, against one that two or more give, dissents.
- Dates align by the party whose act they date; a day one source gives against the day two or
  more give, for the same act, dissents. A weekday agrees with the day it falls on.
- Sets of parties align by their noun ("labs"); naming a member the others do not is a dissent,
  naming fewer is not.
- Definitions align by term; a source whose description gives the part of the higher of two
  things to the lower one ("the answers of a newer model") against two or more that give it
  to the higher ("the outputs of a larger model") dissents, on every line of its description.

Sentences that are near copies of another source's count once, and say whose copy they are.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any, Callable, Iterable, NamedTuple, Sequence, TypeVar

from checker import rx
from checker.compare.extract import DateSaid, FigureSaid, Said, SetSaid, Statements
from checker.dates import WEEKDAYS
from checker.language.discover import COMMON_WORDS, FUNCTION_WORDS
from checker.language.grammar import PRONOUN
from checker.numbers import COUNT, PERCENT, Figure, describe, precision_unit, same_unit
from checker.numbers import figures as figures_in
from checker.phrases import excerpt, plural_noun

COPY = 0.8  # two sentences sharing this share of their words (Jaccard) are copies
COPY_WORDS = 12  # ... when each has at least this many different words


class Entry(NamedTuple):
    said: Said
    text: str  # the words, as written
    copy_of: int | None = None  # the source it copies
    why: str | None = None  # for a dissent


class Row(NamedTuple):
    kind: str  # figure, date, parties, definition
    about: str
    consensus: str
    sources: int  # independent sources that agree
    support: list[Entry]
    dissent: list[Entry]
    fact: dict[str, Any]  # what a pack needs to state it (see checker.compare.draft)


T = TypeVar("T")


def align(statements: Statements) -> list[Row]:
    rows = _figures(statements) + _dates(statements) + _sets(statements) + _definitions(statements) + _actions(statements)
    order = {"figure": 0, "date": 1, "parties": 2, "definition": 3, "action": 4}
    return sorted(rows, key=lambda r: (not r.dissent, -r.sources, order[r.kind], r.about))


@lru_cache(maxsize=None)
def _words(sentence: str) -> frozenset[str]:
    return frozenset(m.group() for m in rx.finditer(r"\w+", sentence.casefold()))


def _copies(a: str, b: str) -> bool:
    """Whether one sentence copies the other: long enough not to match by chance (12 words),
    and sharing :data:`COPY` of their words."""
    x, y = _words(a), _words(b)
    return min(len(x), len(y)) >= COPY_WORDS and len(x & y) >= COPY * len(x | y)


def _independent(saids: Sequence[Said]) -> dict[int, int | None]:
    """Each source among ``saids``, and the earlier source it copies here (None if its own words)."""
    first: dict[int, Said] = {}
    for said in sorted(saids, key=lambda s: s.source):
        first.setdefault(said.source, said)
    copies: dict[int, int | None] = {}
    kept: list[Said] = []
    for said in first.values():
        copied = next((k.source for k in kept if _copies(said.sentence, k.sentence)), None)
        copies[said.source] = copied
        if copied is None:
            kept.append(said)
    return copies


def _count(saids: Sequence[Said]) -> int:
    return sum(1 for c in _independent(saids).values() if c is None)


def _entries(saids: Sequence[Said], text: Callable[[Said], str]) -> list[Entry]:
    copies = _independent(saids)
    return [Entry(s, text(s), copies.get(s.source)) for s in saids]


def _grouped(items: Iterable[T], key: Callable[[T], Any]) -> dict[Any, list[T]]:
    """The items by ``key``, each group in the items' order."""
    groups: dict[Any, list[T]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


def _cluster(
    items: list[T], said: Callable[[T], Said], agree: Callable[[T, T], bool], key: Callable[[T], Any],
    reach: Callable[[T], tuple[float, float]] = lambda _: (0.0, math.inf),
) -> list[list[T]]:
    """Items that agree, each cluster round the value most sources agree with. Items of one
    ``key`` (one value) agree; values are compared once each, and only with the values within
    ``reach`` of them (low, high: sorted by low, a value is compared with the ones whose low
    is at most its high), so that thousands of figures take a sweep, not every pair."""
    buckets = _grouped(items, key)
    values = sorted(buckets.values(), key=lambda v: reach(v[0]))
    near: list[set[int]] = [{i} for i in range(len(values))]
    for i, value in enumerate(values):
        high = reach(value[0])[1]
        for j in range(i + 1, len(values)):
            if reach(values[j][0])[0] > high:
                break
            if agree(value[0], values[j][0]):
                near[i].add(j)
                near[j].add(i)
    backing = [_count([said(o) for j in near[i] for o in values[j]]) for i in range(len(values))]
    clusters: list[tuple[int, list[T]]] = []
    for i in sorted(range(len(values)), key=lambda i: -backing[i]):
        home = next((c for anchor, c in clusters if i in near[anchor]), None)
        if home is None:
            clusters.append((i, list(values[i])))
        else:
            home.extend(values[i])
    return [c for _, c in clusters]


def _split(clusters: list[list[T]], said: Callable[[T], Said], may_dissent: Callable[[T, list[T]], bool]) -> list[tuple[list[T], list[T]]]:
    """Rows of (agreeing, dissenting) items: the best-backed cluster takes as dissent the items
    of a cluster only one source gives, when that source does not also agree with it."""
    if not clusters:
        return []
    main, rest = clusters[0], clusters[1:]
    rows: list[tuple[list[T], list[T]]] = []
    dissent: list[T] = []
    backed = _count([said(i) for i in main]) >= 2
    main_sources = {said(i).source for i in main}
    for cluster in rest:
        alone = _count([said(i) for i in cluster]) == 1
        if backed and alone and not main_sources & {said(i).source for i in cluster} and all(may_dissent(i, main) for i in cluster):
            dissent += cluster
        else:
            rows.append((cluster, []))
    return [(main, dissent), *rows]


# Figures ----------------------------------------------------------------------------------


def _figures(st: Statements) -> list[Row]:
    figures = _owned(st.figures)
    same = _synonyms(figures)
    groups = _grouped(figures, lambda f: (same[f.measure], f.owner, "USD" if f.figure.unit == "$" else f.figure.unit))
    nouns: dict[str, Counter[str]] = defaultdict(Counter)
    for f in figures:
        nouns[same[f.measure]][f.measure] += 1
    rows = []
    for (measure, owner, unit), items in groups.items():
        clusters = _cluster(items, lambda f: f.said, _agree, lambda f: f.figure.interval, _reach)
        for agreeing, dissenting in _split(clusters, lambda f: f.said, lambda f, main: _close(f, main, owner)):
            label = plural_noun(nouns[measure].most_common(1)[0][0])
            also = sorted(plural_noun(n) for n in nouns[measure] if plural_noun(n) != label)
            about = (f"{st.names[owner]}: " if owner else "") + label + (f" (also {', '.join(also)})" if also else "")
            consensus = _tally([_figure_words(f) for f in agreeing], [f.said for f in agreeing])
            best = _best(agreeing)
            rows.append(Row(
                "figure", about, consensus, _count([f.said for f in agreeing]),
                _entries([f.said for f in agreeing], _text),
                [Entry(f.said, _text(f.said), None, f"says {_figure_words(f)}, where {_sources_say(agreeing)}") for f in dissenting],
                {"measure": measure, "nouns": sorted(nouns[measure]), "owner": owner, "unit": unit,
                 "figure": next(f.figure for f in agreeing if _figure_words(f) == best),
                 "examples": [f for f in agreeing], "mutations": [f for f in dissenting]},
            ))
    return rows


def _owned(figures: list[FigureSaid]) -> list[FigureSaid]:
    """The figures whose owner is known. One the grammar left unclear is the party's its sentence
    names when that is the only party it names and some source gives that party a figure of that
    measure ("The Riverton council approved a budget of $4.2 million", where "Riverton's $4.2
    million budget" is elsewhere). One whose sentence names no party and points at none ("it", "the company")
    is nobody's. Else it is left out."""
    owners: dict[str, set[str]] = defaultdict(set)
    for f in figures:
        if f.named is None and f.owner:
            owners[f.measure].add(f.owner)
    kept = []
    for f in figures:
        if f.named is None:
            kept.append(f)
        elif len(f.named) == 1 and f.named <= owners[f.measure]:
            kept.append(f._replace(owner=next(iter(f.named)), named=None))
        elif not f.named and not PRONOUN.search(f.said.sentence):
            kept.append(f._replace(named=None))  # no party named or pointed at: "- Scale: 1,510 beds"
    return kept


def _synonyms(figures: list[FigureSaid]) -> dict[str, str]:
    """Measure -> the measure it is one with: nouns two sources use for the same owner's same
    figure ("13 million exchanges", "13 million interactions"), the first such noun by count."""
    parent: dict[str, str] = {f.measure: f.measure for f in figures}

    def root(m: str) -> str:
        while parent[m] != m:
            m = parent[m]
        return m

    count = Counter(f.measure for f in figures)
    by_claim: dict[tuple[str | None, str, float, float], set[tuple[str, int]]] = defaultdict(set)
    for f in figures:
        # small counts, and percentages nobody owns, are too common to tell one measure by
        if (f.figure.unit == COUNT and f.figure.value >= 100) or (f.figure.unit != COUNT and (f.owner or f.figure.unit != PERCENT)):
            by_claim[(f.owner, f.figure.unit, f.figure.interval.lo, f.figure.interval.hi)].add((f.measure, f.said.source))
    for said in by_claim.values():
        measures = sorted({m for m, _ in said}, key=lambda m: (-count[m], m))
        if len({s for _, s in said}) >= 2:
            for m in measures[1:]:
                a, b = root(measures[0]), root(m)
                if a != b:
                    parent[b] = a
    return {m: root(m) for m in parent}


def _agree(a: FigureSaid, b: FigureSaid) -> bool:
    """Two figures agree when they admit a common value, or one is the other cut to its
    precision ("$2.8 billion" for "$2.87 billion")."""
    if not a.figure.interval.disjoint(b.figure.interval):
        return True
    return _cut(a.figure, b.figure) or _cut(b.figure, a.figure)


def _reach(f: FigureSaid) -> tuple[float, float]:
    """The values a figure may agree with lie from its interval's low to its high, or to its
    value and one step of its precision (see _cut)."""
    interval = f.figure.interval
    return interval.lo, max(interval.hi, f.figure.value + _step(f.figure))


def _cut(short: Figure, long: Figure) -> bool:
    if short.qualifier not in (None, "exactly"):  # "nearly $3 billion" is below 3, not 3.5 cut short
        return False
    step = _step(short)
    return step > 0 and short.value <= long.value < short.value + step


def _step(figure: Figure) -> float:
    return precision_unit(figure.value, _decimals(figure), figure.scale, figure.unit)


def _decimals(figure: Figure) -> int:
    text = f"{figure.value / figure.scale:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _close(f: FigureSaid, main: list[FigureSaid], owner: str | None) -> bool:
    """Whether a figure may dissent from the agreed one. Only when it is of the same order
    (within a factor of three), its sentence does not also state the agreed one (a part of it:
    "€85m in total: €72m up front"), its sentence shares words the agreeing ones share (a "$2.8
    billion breakup fee" says nothing of the "$7 billion regulatory termination fee"), and no
    other year: a figure further off, or of another year, likely counts something else. A
    small count or a percentage nobody owns ("three months", "60%") is too common to dissent at
    all."""
    value = main[0].figure.value
    if owner is None and ((f.figure.unit == COUNT and value < 100) or f.figure.unit == PERCENT):
        return False  # "three months", "60%" of nobody in particular: too common to dissent
    if not value / 3 <= f.figure.value <= value * 3:
        return False
    if any(
        same_unit(g.unit, f.figure.unit) and not g.interval.disjoint(main[0].figure.interval)
        for g in figures_in(f.said.sentence) if g.start != f.figure.start
    ):
        return False  # the agreed figure is in its sentence too: "€85m in total: €72m up front"
    years = {y for m in main for y in _years(m.said.sentence)}
    if years and _years(f.said.sentence) and not years & _years(f.said.sentence):
        return False
    shared = _shared_words([m.said for m in main])
    return not shared or bool(shared & _content(f.said.sentence))


def _years(sentence: str) -> set[str]:
    return {m.group() for m in rx.finditer(r"\b(?:19|20)\d\d\b", sentence)}


def _content(sentence: str) -> set[str]:
    return {
        m.group() for m in rx.finditer(r"\b\p{Ll}{4,}\b", sentence)
        if m.group() not in COMMON_WORDS and m.group() not in FUNCTION_WORDS
    }


def _shared_words(saids: list[Said]) -> set[str]:
    """The content words two or more sources use in these sentences."""
    sources: dict[str, set[int]] = defaultdict(set)
    for said in saids:
        for word in _content(said.sentence):
            sources[word].add(said.source)
    return {w for w, s in sources.items() if len(s) >= 2}


def _figure_words(f: FigureSaid) -> str:
    qualifier = "" if f.figure.qualifier in (None, "exactly") else f.figure.qualifier + " "
    if f.figure.qualifier == "between":
        from checker.numbers import describe_span

        return describe_span(f.figure.interval, f.figure.unit)
    return qualifier + describe(f.figure.value, f.figure.unit)


def _best(agreeing: list[FigureSaid]) -> str:
    """The wording most sources use; of several, the most precise: "$82.7 billion" before
    "nearly $83 billion"."""
    sources: dict[str, set[int]] = defaultdict(set)
    width: dict[str, float] = {}
    for f in agreeing:
        words = _figure_words(f)
        sources[words].add(f.said.source)
        width[words] = f.figure.interval.hi - f.figure.interval.lo
    return min(sources, key=lambda w: (-len(sources[w]), width[w], w))


def _sources_say(agreeing: list[FigureSaid]) -> str:
    return f"{_count([f.said for f in agreeing])} sources say {_best(agreeing)}"


def _tally(values: list[str], saids: list[Said]) -> str:
    """"approximately 24,000, 4 sources; more than 24,000, 1 source": sources that copy
    another's sentence are not counted again."""
    copies = _independent(saids)
    sources: dict[str, set[int]] = defaultdict(set)
    counted: set[int] = set()  # each source once, under the first way it words it
    for value, said in sorted(zip(values, saids), key=lambda vs: (vs[1].source, vs[1].start)):
        if copies.get(said.source) is None and said.source not in counted:
            sources[value].add(said.source)
            counted.add(said.source)
    parts = sorted(((v, s) for v, s in sources.items() if s), key=lambda kv: (-len(kv[1]), kv[0]))
    return "; ".join(f"{v}, {len(s)} source{'s' if len(s) != 1 else ''}" for v, s in parts)


def _text(said: Said) -> str:
    """A claim's words, from where it starts: "more than 13 million exchanges with Claude …"."""
    return said.wording()


# Dates ------------------------------------------------------------------------------------


def _dates(st: Statements) -> list[Row]:
    groups = _grouped(st.dates, lambda d: d.actor)
    rows = []
    for actor, items in groups.items():
        dated = [d for d in items if d.day is not None]
        clusters = _cluster(dated, lambda d: d.said, _same_day, lambda d: (d.day, d.year_known))
        weekdays = [d for d in items if d.day is None]
        for agreeing, dissenting in _split(clusters, lambda d: d.said, _may_dissent):
            known = [d for d in agreeing if d.year_known]
            day = (known or agreeing)[0].day
            acts = {d.act for d in agreeing}
            things = {d.thing for d in agreeing if d.thing}
            if known:  # a weekday agrees with the day it falls on, in a year someone gave
                agreeing = agreeing + [d for d in weekdays if d.act in acts and d.weekday == day.weekday()]
                dissenting = dissenting + [
                    d for d in weekdays if d.act in acts and d.thing in things and d.weekday != day.weekday()
                    and _count([a.said for a in agreeing]) >= 2
                ]
            verbs = Counter(d.verb for d in agreeing)
            words = _day_words(day, bool(known))
            n = _count([d.said for d in agreeing])
            rows.append(Row(
                "date", f"when {st.names[actor]} {verbs.most_common(1)[0][0]}",
                f"{words}, {n} source{'s' if n != 1 else ''}", n,
                _entries([d.said for d in agreeing], _text),
                [e._replace(why=_date_why(d, words)) for e, d in zip(_entries([d.said for d in dissenting], _text), dissenting)],
                {"actor": actor, "day": day, "year_known": bool(known), "verbs": sorted(verbs), "examples": agreeing},
            ))
    return rows


def _same_day(a: DateSaid, b: DateSaid) -> bool:
    """The same day; a day whose year is unknown agrees with the same month and day."""
    if a.year_known and b.year_known:
        return a.day == b.day
    return (a.day.month, a.day.day) == (b.day.month, b.day.day)


def _may_dissent(d: DateSaid, main: list[DateSaid]) -> bool:
    """Another day for the same act on the same thing ("published the post"): "announced the
    merger" says nothing of the day it "announced record profits"."""
    return any(m.act == d.act and m.thing == d.thing and d.thing for m in main)


def _day_words(day: dt.date, year_known: bool) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}" if year_known else f"{day.day} {day:%B} (no year given)"


def _date_why(d: DateSaid, words: str) -> str:
    said = _day_words(d.day, d.year_known) if d.day else WEEKDAYS[d.weekday or 0].capitalize()
    return f"says {said}, where the others say {words}"


# Sets of parties --------------------------------------------------------------------------


def _sets(st: Statements) -> list[Row]:
    groups = _grouped(st.sets, lambda s: s.noun)
    rows = []
    for noun, items in groups.items():
        backing: Counter[frozenset[str]] = Counter()
        for members in {m.members for m in items}:
            backing[members] = _count([i.said for i in items if members <= i.members])
        members, support = max(backing.items(), key=lambda kv: (kv[1], len(kv[0])))
        if support < 2:
            continue
        # Only a set the sources close, by counting it ("the three labs"), has members one may
        # wrongly add to: "channels including CNN and TNT" does not say HGTV is not one.
        closed = _count([i.said for i in items if i.count == len(members)]) >= 2
        agreeing = [i for i in items if not closed or (i.members <= members and i.count in (None, len(members)))]
        dissenting = [i for i in items if i not in agreeing]
        names = _names(st, members)
        rows.append(Row(
            "parties", f"the {plural_noun(noun)} named", f"{names}, {support} sources", support,
            _entries([i.said for i in agreeing], _text),
            [Entry(i.said, _text(i.said), None, _set_why(st, i, members)) for i in dissenting],
            {"noun": noun, "members": sorted(members), "examples": agreeing},
        ))
    return rows


def _names(st: Statements, members: frozenset[str]) -> str:
    names = sorted(st.names[m] for m in members)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _set_why(st: Statements, s: SetSaid, members: frozenset[str]) -> str:
    extra = s.members - members
    if extra:
        return f"names {_names(st, extra) if len(extra) > 1 else st.names[next(iter(extra))]}, whom the others do not name"
    return f"counts {s.count}, where the others name {len(members)}"


# Who did what -----------------------------------------------------------------------------


def _actions(st: Statements) -> list[Row]:
    """Each phrase the sources tie to one party or more ("computer vision": Moonshot AI). A
    phrase may be several parties' ("tool use"); a source that ties it to a party no other
    source does, and not to one that two or more do, dissents."""
    by_phrase = _grouped(st.actions, lambda a: a.phrase)
    rows = []
    for phrase, items in sorted(by_phrase.items()):
        by_party = _grouped(items, lambda a: a.party)
        backed = {p for p, said in by_party.items() if _count([a.said for a in said]) >= 2}
        if not backed:
            continue
        distinctive = len(backed) == 1 and len(by_party) <= 2  # a phrase many parties share is no one's mark
        holders = {p: {a.said.source for a in said} for p, said in by_party.items()}
        agreeing = [a for a in items if a.party in backed]
        dissenting = [  # in a source that names the party it belongs to, and ties it to none of them
            a for a in items
            if a.party not in backed and len(holders[a.party]) == 1
            and not any(a.said.source in holders[p] for p in backed)
            and backed & st.mentioned[a.said.source] and distinctive
            and not any(_related(st.names[a.party], st.names[p]) for p in backed)
        ]
        whose = " and ".join(sorted(st.names[p] for p in backed))
        consensus = "; ".join(
            f"{st.names[p]}, {_count([a.said for a in by_party[p]])} sources" for p in sorted(backed, key=lambda p: st.names[p])
        )
        rows.append(Row(
            "action", f'"{phrase}"', consensus, _count([a.said for a in agreeing]),
            _entries([a.said for a in agreeing], lambda s: excerpt(s.sentence[s.start - s.at : s.end - s.at], 100)),
            [Entry(a.said, excerpt(a.said.sentence[a.said.start - a.said.at : a.said.end - a.said.at], 100), None,
                   f'ties "{phrase}" to {st.names[a.party]}; the others tie it to {whose}') for a in dissenting],
            {"phrase": phrase, "parties": sorted(backed), "examples": agreeing},
        ))
    return rows


def _related(a: str, b: str) -> bool:
    """Names of one family: "OpenAI Academy" and "OpenAI", "ChatGPT" and "GPT-5"."""
    x, y = a.casefold(), b.casefold()
    stems = {rx.sub(r"[\W\d_]+$", "", n) for n in (x, y)}
    return any(len(stem) >= 3 and (stem in x and stem in y) for stem in stems)


# Definitions ------------------------------------------------------------------------------


def _definitions(st: Statements) -> list[Row]:
    groups = _grouped(st.definitions, lambda d: d.term)
    rows = []
    for term, items in groups.items():
        by_source = _grouped(items, lambda d: d.said[0].source)
        sign = {s: _sign(sum(d.rank for d in ds)) for s, ds in by_source.items()}
        copies = _independent([d.said[0] for d in items if d.rank])  # a copied description votes once
        votes = Counter(v for s, v in sign.items() if v and copies.get(s) is None)
        held = max(votes, key=lambda v: votes[v]) if votes else 0
        if votes[held] < 2 or votes[held] <= votes[-held]:
            held = 0  # no description two sources share, or as many each way
        agreeing = [d for d in items if sign[d.said[0].source] != -held or not held]
        dissenting = [d for d in items if held and sign[d.said[0].source] == -held]
        heldmaker = next((d.maker for d in agreeing if d.rank == held and d.maker), "")
        supporting = [d.said[0] for d in agreeing]
        holders = sorted({Path(st.sources[s].path).name for s, v in sign.items() if v == held and held})
        why = {
            d.said[0].source: "has the roles the other way round: it says what is learned from is the "
            f"{next((x.maker for x in by_source[d.said[0].source] if x.maker), 'other one')}'s; "
            f"{', '.join(holders)} say the {heldmaker}'s"
            for d in dissenting
        }
        consensus = (
            f"{len(by_source)} sources describe it; {', '.join(holders)} say what is learned from is the {heldmaker}'s"
            if held else f"{len(by_source)} sources describe it"
        )
        rows.append(Row(
            "definition", term, consensus, _count(supporting),
            _entries(supporting, lambda s: excerpt(s.sentence, 100)),
            [Entry(s, excerpt(s.sentence, 100), None, why[s.source]) for d in dissenting for s in d.said],
            {"term": term, "examples": agreeing},
        ))
    return rows


def _sign(n: int) -> int:
    return (n > 0) - (n < 0)
