"""Rule packs: YAML files validated against the pack schema, then compiled for checking.

Validation happens once, when a pack is loaded; everything after works on the plain,
picklable :class:`checker.compiled.CompiledPack`, which the cache keeps between runs. Every problem is
reported as ``file:line:col: what is wrong``, at the YAML position of the offending key. A
pattern is measured from its text (:mod:`checker.rxsize`) before it is compiled, and the
patterns of all the packs loaded together share one budget.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import regex
from pydantic import BaseModel, Field, ValidationError

from checker import rxsize, yamlsafe
from checker.claims import vocabulary
from checker.compiled import CompiledPack, CompiledScope, FactInfo, glob_pattern, triggers
from checker.kinds import KINDS
from checker.loader import PackError
from checker.output import did_you_mean
from checker.phrases import plural_noun
from checker.schema import Entity, Id, Measure, Scope, Source, Strict, Text

_FACT_MODELS = tuple(importlib.import_module(f"checker.schema.{kind}").Fact for kind in KINDS)
FactModel = (
    Annotated[Union[_FACT_MODELS], Field(discriminator="kind")]  # type: ignore[valid-type]
    if len(_FACT_MODELS) > 1
    else _FACT_MODELS[0]
)


class Pack(Strict):
    """A story's canonical facts, the parties they name and the sources they rest on."""

    id: Id
    title: Text
    description: Text | None = None
    scope: Scope | list[Scope] | None = Field(
        None, description="Which documents the pack applies to; a list means any one of them."
    )
    quotes: Literal["skip", "warn", "check"] = Field(
        "skip",
        description="Figures inside quotation marks: skip them (a quote may hold a wrong figure), "
        "report them as warnings, or check them like any other.",
    )
    sources: list[Source] = Field(min_length=1)
    entities: list[Entity] = []
    measures: list[Measure] = []
    facts: list[FactModel] = Field(min_length=1)  # type: ignore[valid-type]


def load(files: list[tuple[Path, bytes]]) -> list[CompiledPack]:
    """Validate and compile every pack (its path and bytes); raise PackError on any problem."""
    packs: list[CompiledPack] = []
    problems: list[str] = []
    seen_facts: dict[str, str] = {}
    budget = _Budget()
    for path, data in files:
        try:
            pack, marks = _validate(path, data, budget)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        for i, fact in enumerate(pack.facts):
            if fact.id in seen_facts:
                where = where_in(path, marks, ("facts", i, "id"))
                problems.append(f"{where}: fact id {fact.id!r} is already used in {seen_facts[fact.id]}")
            seen_facts[fact.id] = str(path)
        compiled, link_problems = compile_pack(pack)
        compiled = compiled._replace(path=str(path))
        problems.extend(f"{where_in(path, marks, loc)}: {msg}" for loc, msg in link_problems)
        packs.append(compiled)
    if problems:
        raise PackError(problems)
    return packs


class _Budget:
    """What the patterns of the packs loaded together may still come to (see checker.rxsize)."""

    def __init__(self) -> None:
        self.left = rxsize.MAX_TOTAL


def _validate(
    path: Path, content: bytes, budget: _Budget | None = None
) -> tuple[Pack, dict[yamlsafe.Path, yamlsafe.Mark]]:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError([f"{path}: cannot read rule pack: not valid UTF-8 (byte {exc.start})"]) from None
    try:
        data, marks = yamlsafe.load(text)
    except yamlsafe.YamlError as exc:
        where = f"{path}:{exc.mark.line}:{exc.mark.column}" if exc.mark else str(path)
        raise PackError([f"{where}: {exc.message}"]) from None
    if not isinstance(data, dict):
        raise PackError([f"{path}:1:1: a rule pack must be a mapping with id, title, sources and facts"])
    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        raise PackError(describe_errors(path, marks, data, exc.errors(), Pack)) from None
    problems = [f"{where_in(path, marks, loc)}: {msg}" for loc, msg in _references(pack, budget or _Budget())]
    if problems:
        raise PackError(problems)
    return pack, marks


def _references(pack: Pack, budget: _Budget) -> list[tuple[tuple[Any, ...], str]]:
    """Ids that must be unique, references that must resolve, patterns that must compile."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    for section in ("sources", "entities", "measures", "facts"):
        seen: set[str] = set()
        for i, item in enumerate(getattr(pack, section)):
            if item.id in seen:
                problems.append(((section, i, "id"), f"duplicate id {item.id!r} in {section}"))
            seen.add(item.id)
    sources = {s.id for s in pack.sources}
    entities = {e.id for e in pack.entities}
    measures = {m.id for m in pack.measures}
    for i, fact in enumerate(pack.facts):
        if fact.source not in sources:
            problems.append((("facts", i, "source"), f"unknown source {fact.source!r} (sources: {_ids(sources)})"))
        for key in ("owner", "entity", "actor", "members", "parties"):
            value = getattr(fact, key, None)
            for j, ref in enumerate(value if isinstance(value, list) else [value]):
                if ref is not None and ref not in entities:
                    where = ("facts", i, key, j) if isinstance(value, list) else ("facts", i, key)
                    problems.append((where, f"unknown entity {ref!r} (entities: {_ids(entities)})"))
        measure = getattr(fact, "measure", None)
        if measure is not None and measure not in measures:
            problems.append((("facts", i, "measure"), f"unknown measure {measure!r} (measures: {_ids(measures)})"))
    by_id = {f.id: f for f in pack.facts}
    for i, fact in enumerate(pack.facts):
        successor = by_id.get(fact.superseded_by) if fact.superseded_by else None
        if fact.superseded_by and successor is None:
            problems.append((("facts", i, "superseded_by"), f"unknown fact {fact.superseded_by!r}"))
        elif successor is not None and (successor.kind != fact.kind or successor.valid_from is None or successor is fact):
            problems.append((
                ("facts", i, "superseded_by"),
                f"{fact.superseded_by!r} must be another {fact.kind} fact with a valid_from date",
            ))
    for where, pattern in _patterns(pack):
        problems.extend((where, p) for p in _pattern_problems(pattern, budget))
    for where, scope in _scopes(pack):
        for i, glob in enumerate(scope.paths):
            problems.extend(((*where, "paths", i), p) for p in _glob_problems(glob, budget))
    return problems


def _patterns(pack: Pack) -> list[tuple[tuple[Any, ...], str]]:
    """Every regular expression the pack gives, with its location."""
    found = []
    for i, fact in enumerate(pack.facts):
        for key in ("context", "unless", "others", "group", "target", "about"):
            pattern = getattr(fact, key, None)
            if pattern is not None:
                found.append((("facts", i, key), pattern))
    for where, scope in _scopes(pack):
        for key in ("all", "any"):
            found += [((*where, key, i), pattern) for i, pattern in enumerate(getattr(scope, key))]
        found += [((*where, "front_matter", key), pattern) for key, pattern in scope.front_matter.items()]
    return found


def _scopes(pack: Pack) -> list[tuple[tuple[Any, ...], Scope]]:
    if pack.scope is None:
        return []
    if isinstance(pack.scope, Scope):
        return [(("scope",), pack.scope)]
    return [(("scope", i), scope) for i, scope in enumerate(pack.scope)]


def _pattern_problems(pattern: str, budget: _Budget) -> list[str]:
    """Why ``pattern`` is refused: measured first (see checker.rxsize), compiled only when small enough."""
    try:
        size = rxsize.size(pattern)
    except rxsize.TooLarge as exc:
        return [f"regular expression {_shown(pattern)} {exc}"]
    problems = _spend(budget, size, f"regular expression {_shown(pattern)}")
    if budget.left < 0:  # over budget (said once): compile nothing more
        return problems
    try:
        regex.compile(pattern)
    except (regex.error, OverflowError, MemoryError) as exc:
        return [f"invalid regular expression {_shown(pattern)}: {str(exc) or type(exc).__name__}"]
    return []


def _glob_problems(glob: str, budget: _Budget) -> list[str]:
    """Why a scope's glob is refused: too long, or over the budget (as the pattern it becomes)."""
    problem = rxsize.too_long(glob)
    if problem:
        return [f"glob {_shown(glob)} {problem}"]
    return _spend(budget, len(glob_pattern(glob)), f"glob {_shown(glob)}")


def _spend(budget: _Budget, size: int, what: str) -> list[str]:
    """Take ``size`` from the budget; the problem, said once, when that overspends it."""
    was, budget.left = budget.left, budget.left - size
    if budget.left < 0 <= was:
        return [f"{what} is one too many: the patterns of the packs together would come to more than "
                f"{rxsize.MAX_TOTAL:,} parts once compiled"]
    return []


def _shown(pattern: str) -> str:
    """The pattern quoted for a message, cut short when it is long."""
    return repr(pattern) if len(pattern) <= 200 else repr(pattern[:200]) + "…"


def _ids(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or "none declared"


_SHAPE = ("model_type", "dict_type", "list_type")  # errors saying only that data is not of a type's shape


def describe_errors(
    path: Path, marks: dict[Any, yamlsafe.Mark], data: Any, errors: list[Any], model: type[BaseModel]
) -> list[str]:
    """One line for each of pydantic's errors validating ``data`` as ``model``.

    Where data may take either of two shapes (``scope``: a mapping, or a list of them) and fits
    neither, pydantic says why for each; the error that says only that the data is not of the
    other shape is left out, when the shape it has gives errors about what is inside it.
    """
    def other_shape(err: Any) -> bool:
        loc = tuple(err["loc"])
        tag = loc[-1] if loc and err["type"] in _SHAPE and isinstance(loc[-1], str) else None
        if tag is None or _data_path(data, loc) != loc[:-1]:  # not a union's member, named by its tag
            return False
        return any(tuple(e["loc"][: len(loc) - 1]) == loc[:-1] and len(e["loc"]) > len(loc) for e in errors)

    return [_describe(path, marks, data, err, model) for err in errors if not other_shape(err)]


def _describe(path: Path, marks: dict[Any, yamlsafe.Mark], data: Any, err: Any, model: type[BaseModel]) -> str:
    """One error in one line; an unknown key is answered with the closest key allowed there
    (``unknown key 'valu' in facts[0] (did you mean 'value'?)``)."""
    loc = tuple(err["loc"])
    if err["type"] == "invalid_key":  # pydantic names a key that is not text by its str(): "None"
        loc = (*loc[:-1], err["input"])
    loc = _data_path(data, loc)
    if err["type"] == "union_tag_invalid":
        loc += ("kind",)  # pydantic places it at the fact; the offending key is its kind
    where = where_in(path, marks, loc)
    dotted = _dotted(loc)
    if err["type"] == "extra_forbidden":
        hint = did_you_mean(str(loc[-1]), known_keys(model, data, loc[:-1]))
        return f"{where}: unknown key {loc[-1]!r}" + (f" in {_dotted(loc[:-1])}" if loc[:-1] else "") + hint
    if err["type"] == "missing":
        return f"{where}: missing required key {loc[-1]!r}" + (f" in {_dotted(loc[:-1])}" if loc[:-1] else "")
    if err["type"] == "union_tag_invalid" or (err["type"] == "literal_error" and loc[-1:] == ("kind",)):
        tag = err.get("ctx", {}).get("tag", err["input"])
        return f"{where}: unknown fact kind {tag!r}{did_you_mean(str(tag), KINDS)} (known kinds: {', '.join(KINDS)})"
    message = err["msg"].removeprefix("Value error, ")
    return f"{where}: {dotted}: {message}" if dotted else f"{where}: {message}"


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the entries pydantic adds to a location (union tags) that are not in the data."""
    path: list[Any] = []
    node = data
    tagged = None  # the fact whose kind pydantic named in the location
    for part in loc:
        if isinstance(node, dict) and node is not tagged and isinstance(part, str) and part in KINDS and node.get("kind") == part:
            tagged = node  # the tag, even when the fact has a key of that name ("relation: share")
            continue
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        elif isinstance(node, dict) and part not in node and isinstance(part, str) and part in KINDS:
            continue
        elif isinstance(part, str) and part.endswith("]"):  # a union's member, as pydantic names it
            continue
        else:
            path.append(part)
            break
        path.append(part)
    return tuple(path)


def known_keys(model: type[BaseModel], data: Any, loc: tuple[Any, ...]) -> list[str]:
    """The keys ``model`` allows in the mapping at ``loc`` of ``data`` (a path in the data, without
    pydantic's union tags), as a pack writes them; of a fact, those of its kind."""
    types: list[Any] = [model]
    node = data
    for part in loc:
        types = [inner for t in types for inner in _inside(t, part)]
        node = node[part] if isinstance(node, (dict, list)) and _has(node, part) else None
    models = [t for t in types for t in _members(t) if isinstance(t, type) and issubclass(t, BaseModel)]
    kind = node.get("kind") if isinstance(node, dict) else None
    of_kind = [m for m in models if "kind" in m.model_fields and kind in get_args(m.model_fields["kind"].annotation)]
    models = of_kind or models
    return [field.alias or name for m in models for name, field in m.model_fields.items()]


def _members(annotation: Any) -> list[Any]:
    """The types an annotation admits: the members of a union, without Annotated's metadata."""
    if get_origin(annotation) is Annotated:
        return _members(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        return [m for arg in get_args(annotation) for m in _members(arg)]
    return [annotation]


def _inside(annotation: Any, part: Any) -> list[Any]:
    """The types of what is at ``part`` (a key or an index) inside a value of ``annotation``."""
    inner = []
    for member in _members(annotation):
        origin, args = get_origin(member), get_args(member)
        if origin is list and isinstance(part, int):
            inner.append(args[0])
        elif origin is dict:
            inner.append(args[1])
        elif isinstance(member, type) and issubclass(member, BaseModel):
            inner += [f.annotation for name, f in member.model_fields.items() if part in (name, f.alias)]
    return inner


def _has(node: dict | list, part: Any) -> bool:
    return part in node if isinstance(node, dict) else isinstance(part, int) and 0 <= part < len(node)


def where_in(path: Path, marks: dict[Any, yamlsafe.Mark], loc: tuple[Any, ...]) -> str:
    for n in range(len(loc), -1, -1):
        mark = marks.get(tuple(loc[:n]))
        if mark:
            return f"{path}:{mark.line}:{mark.column}"
    return f"{path}:1:1"


def _dotted(loc: tuple[Any, ...]) -> str:
    """The location as the pack writes it; a key that could forge a line or drive a terminal is quoted."""
    out = ""
    for part in loc:
        name = str(part) if str(part).isprintable() else repr(part)
        out += f"[{part}]" if isinstance(part, int) else (f".{name}" if out else name)
    return out


def compile_pack(pack: Pack) -> tuple[CompiledPack, list[tuple[tuple[Any, ...], str]]]:
    """The pack as plain rules, and the problems found linking facts that refer to others."""
    names = {e.id: e.name for e in pack.entities}
    sources = {s.id: s for s in pack.sources}
    by_id = {f.id: f for f in pack.facts}
    measures = {m.id: m for m in pack.measures}
    rules: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    compiled: dict[str, Any] = {}
    for fact in pack.facts:
        rule = KINDS[fact.kind].compile_fact(fact, names, {m: v.label for m, v in measures.items()})
        compiled[fact.id] = rule
        rules[fact.kind].append(rule)
    problems: list[tuple[tuple[Any, ...], str]] = []
    for i, fact in enumerate(pack.facts):
        link = getattr(KINDS[fact.kind], "link", None)
        if link is not None:
            position = rules[fact.kind].index(compiled[fact.id])
            try:
                rules[fact.kind][position] = link(compiled[fact.id], compiled)
            except ValueError as exc:
                problems.append((("facts", i), str(exc)))
    owners: dict[str, set[str]] = {}
    for rule in rules.get("quantity", []):
        if rule.owner:
            owners.setdefault(rule.measure, set()).add(rule.owner)
    more: dict[str, list[str]] = {}  # names kinds add to entities (see KINDS: aliases)
    for fact in pack.facts:
        aliases = getattr(KINDS[fact.kind], "aliases", None)
        for entity, added in (aliases(fact) if aliases else {}).items():
            more.setdefault(entity, []).extend(added)
    entities = [e.model_copy(update={"aliases": [*e.aliases, *more.get(e.id, [])]}) for e in pack.entities]
    entity_names = {e.id: [e.name, *e.aliases] for e in entities}
    nouns = {m.id: [*m.nouns, *(plural_noun(n) for n in m.nouns)] for m in pack.measures}
    words: dict[str, tuple[str, ...]] = {}  # fact id -> its trigger words (see KINDS: triggers)
    for fact in pack.facts:
        hook = getattr(KINDS[fact.kind], "triggers", None)
        words[fact.id] = tuple(hook(fact, entity_names, nouns)) if hook else ()
    return CompiledPack(
        id=pack.id,
        names=names,
        vocabulary=vocabulary(entities, pack.measures, owners),
        rules=rules,
        triggers=triggers(words),
        scopes=tuple(_compile_scope(scope) for _, scope in _scopes(pack)),
        quotes=pack.quotes,
        facts={
            f.id: FactInfo(
                f.id, f.kind, f.severity, sources[f.source].title, sources[f.source].url, f.note,
                tuple(f.examples.passing),
                tuple((e, None) if isinstance(e, str) else (e.text, e.expect) for e in f.examples.failing),
                pack.id,
                f.valid_from, by_id[f.superseded_by].valid_from if f.superseded_by else None,
            )
            for f in pack.facts
        },
    ), problems


def _compile_scope(scope: Scope) -> CompiledScope:
    return CompiledScope(
        paths=tuple(glob_pattern(g) for g in scope.paths),
        front_matter=tuple(scope.front_matter.items()),
        start=scope.dates.start if scope.dates else None,
        end=scope.dates.end if scope.dates else None,
        all=tuple(scope.all),
        any=tuple(scope.any),
        min_any=scope.min_any if scope.any else 0,
    )


# "(a+)+", "(\w*\s?)*", "(?:x+){2,}", "(?:a|aa)+": a quantified group holding a quantifier or
# alternatives. Linear: the lookahead finds the quantifier, the possessive run never gives back.
_BACKTRACKS = regex.compile(r"\((?=(?:[^()\\]|\\.)*(?<!\\)[+*}|])(?:[^()\\]|\\.)*+\)(?:[+*]|\{\d*,\d*\})")


def warnings(path: Path, content: bytes) -> list[str]:
    """What a valid pack may still get wrong, each as ``file:line:col: warning: ...``."""
    pack, marks = _validate(path, content)
    found: list[tuple[tuple[Any, ...], str]] = []
    named: dict[str, str] = {}
    for i, entity in enumerate(pack.entities):
        for name in {entity.name, *entity.aliases}:
            other = named.setdefault(name.casefold(), entity.id)
            if other != entity.id:
                found.append((("entities", i), f"{name!r} names both {other!r} and {entity.id!r}"))
    used: set[str] = set()
    for fact in pack.facts:
        for key in ("owner", "entity", "actor", "members", "parties", "measure"):
            value = getattr(fact, key, None)
            used.update(value if isinstance(value, list) else [value] if value else [])
    found += [(("entities", i), f"entity {e.id!r} is not used by any fact") for i, e in enumerate(pack.entities)
              if e.id not in used]
    found += [(("measures", i), f"measure {m.id!r} is not used by any fact") for i, m in enumerate(pack.measures)
              if m.id not in used]
    alike: dict[tuple[Any, ...], str] = {}
    for i, fact in enumerate(pack.facts):
        if fact.kind != "quantity":
            continue
        key = (fact.measure, fact.unit, fact.owner, fact.context, fact.unless, fact.valid_from)
        if key in alike:
            found.append((("facts", i), f"facts {alike[key]!r} and {fact.id!r} count the same measure for the same "
                          "owner in the same sentences: a figure is compared with whichever is nearer in value; "
                          "a 'context' or 'unless' would tell them apart"))
        alike.setdefault(key, fact.id)
    found += [(where, "pattern repeats a group that itself repeats or has alternatives; it may backtrack "
               "catastrophically on long text") for where, pattern in _patterns(pack) if _BACKTRACKS.search(pattern)]
    for i, fact in enumerate(pack.facts):
        for verdict, sentences in (("pass", fact.examples.passing), ("fail", fact.examples.failing)):
            if not sentences:
                found.append((("facts", i, "examples"), f"fact {fact.id!r} has no example that must {verdict}"))
    return [f"{where_in(path, marks, loc)}: warning: {message}" for loc, message in found]
