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
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from checker import rx
from checker.compare.align import Row
from checker.compare.extract import Source, Statements, slug
from checker.language.discover import COMMON_WORDS, FUNCTION_WORDS, PUBLIC_ACTS
from checker.numbers import COUNT, NUMBER_WORDS, describe, sum_of
from checker.phrases import plural_noun

# A figure's qualifier, as a pack may write it.
_QUALIFIERS = {
    "approximately": "approximately", "nearly": "approximately", "more than": "more than", "just over": "more than",
    "at least": "at least", "fewer than": "fewer than", "at most": "at most",
}
_DIGITS = rx.compile(r"\d[\d,]*(?:\.\d+)?")


def write(path: Path, statements: Statements, rows: list[Row]) -> int:
    """Write the draft pack to ``path`` (which must not exist); return how many facts it has
    (0: nothing two sources agree on that the checker could check, and no file is written)."""
    facts, left = _facts(statements, rows)  # and the facts not written, with why
    notes: dict[str, str] = {}  # fact id -> why some of the sources' examples are not in it
    for _ in range(6):  # each round loosens or leaves out what misbehaved; what is left cannot misbehave anew
        if not facts:
            break
        text = _render(path, statements, rows, facts, notes, left)
        compiled, engine = _load(path, text)
        bad, blamed = _misbehaving(compiled, engine)
        noisy = {**blamed, **_noisy(engine, statements, facts)}
        if not bad and not noisy:
            break
        # A figure the reports word several ways ("nearly 4,000", "more than 4,000"), so that
        # it flags half its own sentences or more, is first stated as approximately that,
        # Then as the values from the lowest to the highest the reports give ("$2.8 billion",
        # "$2.87 billion").
        loose = [
            f for f in facts
            if f["kind"] == "quantity" and f.get("loosened", 0) < 2
            and (f["id"] in noisy or 2 * sum((f["id"], e) in bad for e in f["examples"]["pass"]) >= len(f["examples"]["pass"]))
        ]
        for fact in loose:
            if not fact.get("loosened") and fact.get("qualifier") != "approximately":
                fact["loosened"] = 1
                fact["qualifier"] = "approximately"
                notes[fact["id"]] = "stated as approximately: the reports word it in more than one way"
            else:
                fact["loosened"] = 2
                fact.pop("qualifier", None)
                fact["interval"] = _hull(fact["row"])
                notes[fact["id"]] = "stated as the range of values the reports give"
        if loose:
            continue
        for fact in facts:
            before = sum(map(len, fact["examples"].values()))
            for verdict in ("pass", "fail"):
                fact["examples"][verdict] = [e for e in fact["examples"][verdict] if (fact["id"], e) not in bad]
            if before > sum(map(len, fact["examples"].values())):
                notes[fact["id"]] = "some of the sources' sentences are left out: the checker does not read them as this fact says"
        kept = []
        for fact in facts:
            if fact["id"] in noisy:
                left.append((fact, f"it would flag {noisy[fact['id']]} that the reports agree on"))
            elif not (fact["examples"]["pass"] and fact["examples"]["fail"]):
                left.append((fact, "the checker does not read the reports' sentences of it, or flag them once changed"))
            else:
                kept.append(fact)
        ids = {f["id"] for f in kept}
        facts = []
        for fact in kept:  # a sum whose total or a part was left out cannot be written
            if fact["kind"] == "sum" and not {fact["total"], *fact["parts"]} <= ids:
                left.append((fact, "a figure it adds up is left out"))
            else:
                facts.append(fact)
    if not facts:
        return 0
    with open(path, "x", encoding="utf-8") as out:
        out.write(_render(path, statements, rows, facts, notes, left))
    return len(facts)


def _load(path: Path, text: str) -> tuple[Any, Any]:
    """The pack as written, compiled, and an engine that checks with it regardless of scope."""
    from checker import pack
    from checker.engine import Engine

    compiled = pack.load([(path, text.encode("utf-8"))])
    return compiled, Engine(compiled, ignore_scope=True)


def _misbehaving(compiled: Any, engine: Any) -> tuple[set[tuple[str, str]], dict[str, str]]:
    """(fact id, example) of every example its fact does not read as it says, and the facts
    that flag another fact's pass example (fact id -> the example): a sentence the reports
    agree on."""
    from checker.document import read

    bad: set[tuple[str, str]] = set()
    blamed: dict[str, str] = {}
    for p in compiled:
        for fact in p.facts.values():
            cases = [(True, s) for s in fact.passing] + [(False, s) for s, _ in fact.failing]
            for passes, sentence in cases:
                found = {f.finding.fact for f in engine.check(read("example", sentence + "\n", "text")).findings}
                if (passes and fact.id in found) or (not passes and fact.id not in found):
                    bad.add((fact.id, sentence))
                for other in found - {fact.id} if passes else ():
                    blamed.setdefault(other, repr(sentence[:60]))
    return bad, blamed


def _noisy(engine: Any, statements: Statements, facts: list[dict[str, Any]]) -> dict[str, str]:
    """Facts that flag the reports themselves where the table says they agree: fact id ->
    where, "analysis.md:12"."""
    dissent = {
        (e.said.source, e.said.at) for f in facts for e in f["row"].dissent
    }
    noisy: dict[str, str] = {}
    for index, source in enumerate(statements.sources):
        for located in engine.check(source.document).findings:
            finding = located.finding
            sentence = next((a for a, b in source.spans if a <= finding.start < b), None)
            if (index, sentence) not in dissent and finding.fact not in noisy:
                noisy[finding.fact] = f"{source.path}:{located.line}"
    return noisy


def _facts(statements: Statements, rows: list[Row]) -> tuple[list[dict[str, Any]], list[tuple[dict[str, Any], str]]]:
    """One fact per row two or more sources state, and the facts left out with why."""
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
            fact = _date(row, statements)
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
    facts += _spellings(statements, facts, taken)
    facts += _sums(statements, facts, taken)
    return _contexts(facts)


def _sums(statements: Statements, facts: list[dict[str, Any]], taken: set[str]) -> list[dict[str, Any]]:
    """A ``sum`` fact where the reports give a figure nobody owns and the figures of two or more
    parties of the same measure that add up to it (150,000 + 3.4 million + 13 million, "more
    than 16 million"). Its pass examples are the reports' sentences of the total; its fail
    examples say two of the parties together had twice what they add up to."""
    found = []
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        if fact["kind"] == "quantity":
            groups[(fact["measure"], fact.get("unit"))].append(fact)
    for (measure, unit), group in groups.items():
        totals = [f for f in group if "owner" not in f]
        parts = [f for f in group if "owner" in f]
        if len(totals) != 1 or len(parts) < 2:
            continue
        total = totals[0]["row"].fact["figure"].interval
        added = sum_of(f["row"].fact["figure"].interval for f in parts)
        if added.disjoint(total):
            continue
        names = statements.names
        a, b = parts[0], parts[1]
        both = a["row"].fact["figure"].value + b["row"].fact["figure"].value
        noun = plural_noun(totals[0]["row"].fact["nouns"][0])
        wrong = f"{names[a['owner']]} and {names[b['owner']]} together had {describe(both * 2, unit or COUNT)} {noun}."
        fact_id = slug(f"{measure}-sum", taken)
        taken.add(fact_id)
        found.append({
            "id": fact_id, "kind": "sum", "total": totals[0]["id"], "parts": [p["id"] for p in parts], "also": [],
            "source": totals[0]["source"], "row": Row("sum", noun, f"the figures the reports give {len(parts)} parties add up to the total they give", 0, [], [], {}),
            "examples": {"pass": list(totals[0]["examples"]["pass"][:2]), "fail": [wrong]},
        })
    return found


def _spellings(statements: Statements, facts: list[dict[str, Any]], taken: set[str]) -> list[dict[str, Any]]:
    """A ``spelling`` fact for each party the facts name whose name has parts ("DeepSeek",
    "Moonshot AI"): the ways copy gets such a name wrong are the parts run together, split,
    hyphenated or in the wrong case ("Deepseek", "Deep Seek", "Moonshot Ai")."""
    known = {e.id: e for e in statements.vocabulary.entities}
    names = {n for e in known.values() for n in (e.name, *e.aliases)}
    written = []
    for entity_id in sorted({e for f in facts for e in _entities(f)}):
        entity = known[entity_id]
        wrong = sorted(w for w in _misspellings(entity.name) if w not in names)
        sentences = [
            source.document.prose[a:b] for source in statements.sources for a, b in source.spans
            if rx.search(r"(?<![\p{L}\p{N}])" + rx.escape(entity.name) + r"(?![\p{L}\p{N}])", source.document.prose[a:b])
        ]
        reports = sum(1 for source in statements.sources if entity.name in source.document.prose)
        if not wrong or reports < 2:
            continue
        passing = _distinct(sentences)
        failing = _distinct(p.replace(entity.name, w, 1) for p, w in zip(passing, wrong * len(passing)))
        fact_id = slug(f"spelling-{entity_id}", taken)
        taken.add(fact_id)
        row = Row("name", entity.name, f"written so in {reports} reports", reports, [], [], {})
        written.append({
            "id": fact_id, "kind": "spelling", "entity": entity_id, "wrong": wrong, "also": [],
            "source": _source_id(statements.sources, 0), "row": row, "examples": {"pass": passing, "fail": failing},
        })
    return written


def _misspellings(name: str) -> set[str]:
    """"DeepSeek" -> Deep Seek, Deepseek; "Moonshot AI" -> MoonshotAI, Moonshot Ai. (A
    spelling fact reads a space and a hyphen alike, and case as written.)"""
    words = name.split()
    found = set()
    for i, word in enumerate(words):
        parts = rx.split(r"(?<=\p{Ll})(?=\p{Lu})", word)
        if len(parts) > 1:  # a word with a capital inside
            found.add(" ".join([*words[:i], " ".join(parts), *words[i + 1 :]]))
            found.add(" ".join([*words[:i], parts[0] + "".join(p.lower() for p in parts[1:]), *words[i + 1 :]]))
        elif i and len(word) > 1 and word.isupper():  # a capitalised word after another: "AI"
            found.add(" ".join([*words[:i], word[0] + word[1:].lower(), *words[i + 1 :]]))
    if len(words) > 1 and all(w[:1].isupper() and w.isalpha() for w in words):
        found.add("".join(words))
    return {w for w in found if w != name and len(w) > 3}


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
        **({"qualifier": _QUALIFIERS[figure.qualifier]} if figure.qualifier in _QUALIFIERS else {}),
    }
    passing = _distinct(f.said.sentence for f in info["examples"])
    fact["examples"] = {"pass": passing, "fail": _distinct(_mutated(f) for f in info["examples"])}
    return fact


def _hull(row: Row) -> list[int | float]:
    """From the lowest value the agreeing reports admit to the highest a bounded one admits
    ("more than 16 million" is bounded by no one's words but its own figure)."""
    figures = [f.figure for f in row.fact["examples"]]
    bounded = [f.interval.hi for f in figures if f.qualifier not in ("more than", "at least") and not f.interval.hi_open]
    return [_number(min(f.interval.lo for f in figures)), _number(max(bounded) if bounded else max(f.value for f in figures))]


def _contexts(facts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[tuple[dict[str, Any], str]]]:
    """A ``context`` for each figure nobody owns, and for each of two figures of one measure,
    owner and unit: a draft's figure of the same noun elsewhere ("four business days" beside
    a 45-day window) is then not compared with it. Of figures still alike (no context tells
    them apart), only the best supported is kept: a pack must tell its facts apart."""
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
    kept, left = [], []
    for fact in facts:
        group = siblings.get((fact.get("measure"), fact.get("owner"), fact.get("unit")), [fact])
        alike = [f for f in group if "context" not in f]
        best = max(alike, key=lambda f: f["row"].sources) if alike else None
        if fact["kind"] != "quantity" or "context" in fact or len(alike) < 2 or fact is best:
            kept.append(fact)
        else:
            left.append((fact, f"no words of the reports tell it apart from {best['id']}"))
    return kept, left


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


def _public_verbs(statements: Statements, actor: str) -> set[str]:
    """Every form of each verb of making public that two or more reports use in a sentence
    naming the party ("accusing" gives accused, accuses, accusing, accuse)."""
    entity = next(e for e in statements.vocabulary.entities if e.id == actor)
    said: dict[str, set[int]] = defaultdict(set)
    for index, source in enumerate(statements.sources):
        for a, b in source.spans:
            sentence = source.document.prose[a:b]
            if any(n in sentence for n in (entity.name, *entity.aliases)):
                for verb, forms in PUBLIC_ACTS.items():
                    if rx.search(r"(?i)\b(?:" + "|".join(forms) + r")\b", sentence):
                        said[verb].add(index)
    return {form for verb, reports in said.items() if len(reports) >= 2 for form in PUBLIC_ACTS[verb]}


def _date(row: Row, statements: Statements) -> dict[str, Any] | None:
    info = row.fact
    if not info["year_known"]:
        return None  # no report gives the year
    day: dt.date = info["day"]
    verbs = info["verbs"]
    # An act of making something public is dated under the other verbs of making public that
    # two or more reports use of the same party ("published" and "accused", "named").
    public = any(v.lower() in forms for v in verbs for forms in PUBLIC_ACTS.values())
    cues = sorted(set(verbs) | (_public_verbs(statements, info["actor"]) if public else set()))
    fact: dict[str, Any] = {
        "name": f"{info['actor']}-{verbs[0]}-date",
        "kind": "date",
        "event": row.about,
        "date": day,
        "actor": info["actor"],
        "about": r"(?i)\b(?:" + "|".join(rx.escape(v) for v in cues) + r")\b",
        "cues": cues,
    }
    fact["examples"] = {
        "pass": _distinct(d.said.sentence for d in info["examples"]),
        "fail": _distinct(_moved(d, day) for d in info["examples"]),
    }
    return fact


def _moved(d: Any, day: dt.date) -> str:
    """The sentence with its date two days later, or earlier at a month's end ("Feb. 23" ->
    "Feb. 25", "Monday" -> "Wednesday")."""
    sentence, start, end = d.said.sentence, d.said.start - d.said.at, d.said.end - d.said.at
    written = sentence[start:end]
    later = day + dt.timedelta(days=2)
    if later.month != day.month:  # keep the month as written: "Feb. 27" -> "Feb. 25"
        later = day - dt.timedelta(days=2)
    moved = rx.sub(r"\b" + str(day.day) + r"\b", str(later.day), written, count=1)
    moved = moved.replace(f"{day:%A}", f"{later:%A}").replace(f"{day:%a}", f"{later:%a}")
    return sentence[:start] + moved + sentence[end:]


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


_COUNTS = {n: w for w, n in NUMBER_WORDS.items()}


def _swapped(s: Any, outsider: str) -> str:
    """The sentence with the last party of its list replaced by one not in the set."""
    at = s.said.end - s.said.at
    last = rx.search(r"[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*)*\Z", s.said.sentence[:at])
    return s.said.sentence[: last.start()] + outsider + s.said.sentence[at:] if last else s.said.sentence


def _recounted(s: Any) -> str:
    """The sentence with its count one higher: "three labs" -> "four labs"."""
    sentence = s.said.sentence
    for word in (str(s.count), _COUNTS.get(s.count) if s.count + 1 in _COUNTS else None):
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
    """The source's id: its file name's stem, made unique ("report", "report-2")."""
    taken: set[str] = set()
    for i in range(index + 1):
        found = slug(Path(sources[i].path).stem, taken)
        taken.add(found)
    return found


def _render(
    path: Path, statements: Statements, rows: list[Row], facts: list[dict[str, Any]], notes: dict[str, str],
    left: list[tuple[dict[str, Any], str]],
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
        support = f"; support: {row.sources} of {len(sources)} sources ({', '.join(paths)})" if paths else ""
        lines.append(f"  # {row.kind}: {row.consensus}{support}")
        for entry in row.dissent:
            lines.append(f"  # dissent: {sources[entry.said.source].path}: {entry.why}")
        if fact["id"] in notes:
            lines.append(f"  # {notes[fact['id']]}")
        body = {k: v for k, v in fact.items() if k not in ("row", "also", "loosened")}
        body = {"id": body.pop("id"), **body}
        body = {**body, "source": body.pop("source"), "examples": body.pop("examples")}
        lines.append(_indent(_dump([body])))
    for fact, why in left:
        row = fact["row"]
        lines.append(f"  # not written: {row.kind} {row.about!r}, {row.consensus}: {why}")
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
    """The entities a fact names: its owner, actor, members or entity, and those its examples name."""
    named = [fact.get(k) for k in ("owner", "actor", "entity")]
    return [e for e in named if e] + list(fact.get("members", [])) + fact["also"]


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # a date written twice is written twice, not as &id001
        return True


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _indent(text: str) -> str:
    return "\n".join("  " + line if line else line for line in text.rstrip().splitlines())

