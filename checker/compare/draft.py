"""``compare --write-pack``: a draft rule pack of what the sources agree on.

It holds the sources (titles, URLs and dates from front matter), the parties and measures the
agreed claims name, and one fact per claim two or more sources state: figures, dates and sets
of parties. Each fact's pass examples are the sources' own sentences; its fail examples are
those sentences with the claim changed (another number, another day). A comment above each
fact says how many sources support it and who dissents. Definitions are written as comments:
what a term means is the desk's to state.

Every example is run through the checker before the file is written, and one the checker
does not read as the fact says is left out (and counted in the fact's comment), so the pack
passes ``factcheck rules check`` and ``factcheck rules test`` as written. A file that exists is
never overwritten.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from collections import Counter, defaultdict

from checker import rx
from checker.language.discover import COMMON_WORDS, FUNCTION_WORDS
from checker.phrases import plural_noun
from checker.compare.align import Row
from checker.compare.extract import Source, Statements, slug
from checker.numbers import COUNT

_QUALIFIERS = ("exactly", "approximately", "more than", "at least", "fewer than", "at most")
_DIGITS = rx.compile(r"\d[\d,]*(?:\.\d+)?")


def write(path: Path, statements: Statements, rows: list[Row]) -> int:
    """Write the draft pack to ``path`` (which must not exist); return how many facts it has."""
    sources = statements.sources
    facts = _facts(statements, rows)
    dropped: dict[str, int] = {}
    for _ in range(3):  # an example left out can change nothing else; three rounds are plenty
        text = _render(path, statements, rows, facts, dropped)
        bad = _misbehaving(path, text)
        if not bad:
            break
        for fact in facts:
            for verdict in ("pass", "fail"):
                kept = [s for s in fact["examples"][verdict] if (fact["id"], s) not in bad]
                dropped[fact["id"]] = dropped.get(fact["id"], 0) + len(fact["examples"][verdict]) - len(kept)
                fact["examples"][verdict] = kept
    # A fact none of whose sentences the checker reads as they are, or flags once changed, is
    # one it could not check in a draft either: it is named in a comment, not written.
    unread = [f for f in facts if not (f["examples"]["pass"] and f["examples"]["fail"])]
    if unread:
        facts = [f for f in facts if f["examples"]["pass"] and f["examples"]["fail"]]
        text = _render(path, statements, rows, facts, dropped, unread)
    with open(path, "x", encoding="utf-8") as out:
        out.write(text)
    return len(facts)


def _misbehaving(path: Path, text: str) -> set[tuple[str, str]]:
    """(fact id, example) of every example the checker does not read as the fact says."""
    from checker import pack
    from checker.document import read
    from checker.engine import Engine

    compiled = pack.load([(path, text.encode("utf-8"))])
    engine = Engine(compiled, ignore_scope=True)
    bad = set()
    for p in compiled:
        for fact in p.facts.values():
            cases = [(True, s) for s in fact.passing] + [(False, s) for s, _ in fact.failing]
            for passes, sentence in cases:
                found = {f.finding.fact for f in engine.check(read("example", sentence + "\n", "text")).findings}
                if (passes and found) or (not passes and fact.id not in found):
                    bad.add((fact.id, sentence))
    return bad


def _facts(statements: Statements, rows: list[Row]) -> list[dict[str, Any]]:
    sources = statements.sources
    facts: list[dict[str, Any]] = []
    taken: set[str] = set()
    for row in rows:
        if row.sources < 2:
            continue
        fact: dict[str, Any] | None = None
        if row.kind == "figure":
            fact = _quantity(row)
        elif row.kind == "date":
            fact = _date(row)
        elif row.kind == "parties":
            fact = _parties(row, statements)
        if fact is None:
            continue
        fact["id"] = slug(fact.pop("name"), taken)
        fact.setdefault("also", [])  # entities its examples name besides its own
        taken.add(fact["id"])
        fact["source"] = _source_id(sources, row.support[0].said.source)
        fact["row"] = row
        facts.append(fact)
    _contexts(facts)
    return facts


def _quantity(row: Row) -> dict[str, Any]:
    info = row.fact
    figure = info["figure"]
    unit = {"$": "USD"}.get(info["unit"], info["unit"])
    fact: dict[str, Any] = {
        "name": "-".join(filter(None, [info["owner"], info["measure"]])),
        "kind": "quantity",
        "measure": info["measure"],
        **({"owner": info["owner"]} if info["owner"] else {}),
        "value": _number(figure.value),
        **({"unit": unit} if unit != COUNT else {}),
        **({"qualifier": figure.qualifier} if figure.qualifier in _QUALIFIERS[1:] else {}),
    }
    passing = _distinct(f.said.sentence for f in info["examples"])
    fact["examples"] = {"pass": passing, "fail": _distinct(_mutated(f) for f in info["examples"])}
    return fact


def _contexts(facts: list[dict[str, Any]]) -> None:
    """A ``context`` for each figure nobody owns, and for each of two figures of one measure,
    owner and unit: a draft's figure of the same noun elsewhere ("four business days" beside
    a 45-day window) is then not compared with it."""
    siblings: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        if fact["kind"] == "quantity":
            siblings[(fact["measure"], fact.get("owner"), fact.get("unit"))].append(fact)
    for group in siblings.values():
        for fact in group:
            if "owner" in fact and len(group) == 1:
                continue
            others = [f["row"].fact["examples"] for f in group if f is not fact]
            context = _context(fact["row"].fact["examples"], fact["row"].fact["nouns"], [x for o in others for x in o])
            if context:
                fact["context"] = context


def _context(examples: list[Any], nouns: list[str], others: list[Any]) -> str | None:
    """The words two or more sources use around a figure ("breakup", "termination"), and
    that the sentences of the figures it must be told from do not."""
    sources: dict[str, set[int]] = defaultdict(set)
    skip = {n for noun in nouns for n in (noun, plural_noun(noun))}
    skip |= {m.group() for f in others for m in rx.finditer(r"\b\p{Ll}{4,}\b", f.said.sentence)}
    for f in examples:
        for m in rx.finditer(r"\b\p{Ll}{4,}\b", f.said.sentence):
            word = m.group()
            if word not in COMMON_WORDS and word not in FUNCTION_WORDS and word not in skip:
                sources[word].add(f.said.source)
    shared = sorted((w for w, s in sources.items() if len(s) >= 2), key=lambda w: (-len(sources[w]), w))[:4]
    return r"(?i)\b(?:" + "|".join(shared) + ")" if shared else None


def _mutated(f: Any) -> str:
    """The sentence with its figure doubled: "24,000" -> "48,000", "3.4 million" -> "6.8 million"."""
    sentence, figure = f.said.sentence, f.figure
    m = _DIGITS.search(sentence, figure.start, figure.end)
    if m is None:
        return sentence
    written = f"{float(m.group().replace(',', '')) * 2:,.10g}"
    written = written if "," in m.group() else written.replace(",", "")
    return sentence[: m.start()] + written + sentence[m.end() :]


def _date(row: Row) -> dict[str, Any]:
    info = row.fact
    day: dt.date = info["day"]
    other = day + dt.timedelta(days=2)
    fact: dict[str, Any] = {
        "name": f"{info['actor']}-{info['acts'][0]}-date",
        "kind": "date",
        "event": row.about,
        "date": day,
        "actor": info["actor"],
        "about": r"(?i)\b(?:" + "|".join(rx.escape(a) for a in info["acts"]) + r")",
        "cues": sorted({w for d in info["examples"] for w in _verbs(d)}) or info["acts"],
    }
    passing = _distinct(d.said.sentence for d in info["examples"])
    failing = []
    for d in info["examples"]:
        if d.day is not None:
            said = d.said.sentence
            text = d.said.sentence
            failing.append(text.replace(str(day.day), str(other.day), 1) if str(day.day) in said else text)
    fact["examples"] = {"pass": passing, "fail": _distinct(failing)}
    return fact


def _verbs(d: Any) -> list[str]:
    return [m.group() for m in rx.finditer(r"(?i)\b" + rx.escape(d.act) + r"\w*", d.said.sentence)]


def _parties(row: Row, statements: Statements) -> dict[str, Any]:
    info = row.fact
    noun = info["noun"]
    # a party of the story not in the set, for the fail examples (written into the pack's entities)
    owners = Counter(f.owner for f in statements.figures if f.owner and f.owner not in info["members"])
    owners.update(d.actor for d in statements.dates if d.actor not in info["members"])
    other = owners.most_common(1)[0][0] if owners else None
    outsider = statements.names[other] if other else None
    return {
        "name": f"{noun}-named",
        "also": [other] if other else [],
        "kind": "parties",
        "members": info["members"],
        "label": row.about,
        "nouns": [noun],
        "context": r"(?i)\b" + rx.escape(noun),
        "examples": {
            "pass": _distinct(s.said.sentence for s in info["examples"]),
            "fail": _distinct([
                *(_recounted(s) for s in info["examples"] if s.count),
                *(_swapped(s, outsider) for s in info["examples"] if outsider),
            ]),
        },
    }


_COUNTS = "zero one two three four five six seven eight nine ten eleven".split()


def _swapped(s: Any, outsider: str) -> str:
    """The sentence with the last party of its list replaced by one not in the set."""
    at = s.said.end - s.said.at
    last = rx.search(r"[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*)*\Z", s.said.sentence[:at])
    return s.said.sentence[: last.start()] + outsider + s.said.sentence[at:] if last else s.said.sentence


def _recounted(s: Any) -> str:
    """The sentence with its count one higher: "three labs" -> "four labs"."""
    sentence = s.said.sentence
    for word in (str(s.count), _COUNTS[s.count] if s.count < len(_COUNTS) - 1 else None):
        m = word and rx.search(r"(?i)\b" + word + r"\b", sentence)
        if m:
            more = str(s.count + 1) if word.isdigit() else _COUNTS[s.count + 1]
            more = more.capitalize() if m.group()[0].isupper() else more
            return sentence[: m.start()] + more + sentence[m.end() :]
    return sentence


def _distinct(sentences: Any) -> list[str]:
    seen: list[str] = []
    for s in sentences:
        s = " ".join(s.split())
        if s and s not in seen and len(seen) < 4:
            seen.append(s)
    return seen


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _source_id(sources: list[Source], index: int) -> str:
    return slug(Path(sources[index].path).stem, set())


def _render(
    path: Path, statements: Statements, rows: list[Row], facts: list[dict[str, Any]], dropped: dict[str, int],
    unread: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> str:
    sources = statements.sources
    used = {id(f["row"]) for f in facts}
    entities = sorted({e for f in facts for e in _entities(f)})
    measures = sorted({f["measure"] for f in facts if f["kind"] == "quantity"})
    known = {e.id: e for e in statements.vocabulary.entities}
    labels = {m.id: m.label for m in statements.vocabulary.measures}
    dates = [s.document.date for s in sources if s.document.date]
    head: dict[str, Any] = {
        "id": slug(path.stem, set()),
        "title": f"Draft: what {len(sources)} reports agree on (written by factcheck compare; confirm every fact)",
    }
    if dates and entities:
        head["scope"] = {"dates": {"from": min(dates)}}
    head["sources"] = []
    for i, source in enumerate(sources):
        meta = source.document.meta
        item: dict[str, Any] = {"id": _source_id(sources, i), "title": str(meta.get("title") or Path(source.path).name)}
        if meta.get("url"):
            item["url"] = str(meta["url"])
        if source.document.date:
            item["date"] = source.document.date
        head["sources"].append(item)
    head["entities"] = [
        {"id": e, "name": known[e].name, **({"aliases": known[e].aliases} if known[e].aliases else {})} for e in entities
    ]
    nouns = {f["measure"]: f["row"].fact["nouns"] for f in facts if f["kind"] == "quantity"}
    head["measures"] = [{"id": m, "label": plural_noun(labels[m]), "nouns": nouns[m]} for m in measures]
    lines = [
        "# A draft pack written by `factcheck compare` from what the sources below agree on.",
        "# Confirm every fact against the primary source before you use it; then run",
        "# `factcheck rules check` and `factcheck rules test`.",
        _dump(head).rstrip(),
        "",
        "facts:",
    ]
    for fact in facts:
        row: Row = fact["row"]
        paths = sorted({sources[e.said.source].path for e in row.support})
        lines.append(f"  # {row.kind}: {row.consensus}; support: {row.sources} of {len(sources)} sources ({', '.join(paths)})")
        for entry in row.dissent:
            lines.append(f"  # dissent: {sources[entry.said.source].path}: {entry.why}")
        if dropped.get(fact["id"]):
            lines.append(f"  # {dropped[fact['id']]} example(s) from the sources left out: the checker does not read them as this fact says")
        body = {k: v for k, v in fact.items() if k not in ("row", "also")}
        body = {"id": body.pop("id"), **body}
        lines.append(_indent(_dump([body])))
    for fact in unread:
        row = fact["row"]
        lines.append(f"  # not written: {row.kind} {row.about!r}, {row.consensus}: the checker does not read the")
        lines.append("  #   sources' sentences of it as they are, or flag them once changed, so it could not check a draft")
    for row in rows:
        if row.kind == "definition" and id(row) not in used:
            paths = sorted({sources[e.said.source].path for e in row.support})
            lines.append(f"  # definition of {row.about!r}: {row.consensus} ({', '.join(paths)})")
            for where, why in sorted({(_lines(sources, row, e.said.source), e.why) for e in row.dissent}):
                lines.append(f"  #   dissent: {where}: {why}")
            lines.append("  #   a definition fact (kind: definition) needs its roles and contradicting notions from the desk")
    return "\n".join(lines).rstrip() + "\n"


def _lines(sources: list[Source], row: Row, source: int) -> str:
    """"analysis.md lines 17, 19, 43": where one source's dissent is."""
    document = sources[source].document
    lines = sorted({document.position(document.original(e.said.start, e.said.end)[0])[0] for e in row.dissent if e.said.source == source})
    return f"{sources[source].path} line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"


def _entities(fact: dict[str, Any]) -> list[str]:
    return [e for e in (fact.get("owner"), fact.get("actor")) if e] + list(fact.get("members", [])) + fact["also"]


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # a date written twice is written twice, not as &id001
        return True


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _indent(text: str) -> str:
    return "\n".join("  " + line if line else line for line in text.rstrip().splitlines())

