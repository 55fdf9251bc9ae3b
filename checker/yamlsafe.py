"""Safe YAML loading that remembers where every key and value came from.

PyYAML's safe loader is used to compose the node tree (no arbitrary tags), then the tree is
turned into plain Python data by hand so that we can (a) record the line and column of every
mapping key and value, (b) refuse duplicate keys, which PyYAML silently overwrites, and (c)
bound the work an alias-heavy document ("billion laughs") can cause.

Before anything is composed, the document's events are counted: a document nested deeper than
:data:`MAX_DEPTH` (the C composer recursed until the process crashed on 100,000 brackets) or
with more than :data:`MAX_NODES` values is refused while it is still only being read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import yaml

Path = tuple[Any, ...]

MAX_NODES = 200_000
MAX_DEPTH = 64  # a pack needs about 6 levels
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


class YamlError(Exception):
    """A problem in a YAML file, with the 1-based position it refers to."""

    def __init__(self, message: str, mark: Mark | None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _mark(node: yaml.Node | yaml.Event) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loader: Any, strict: bool) -> None:
        self.loader = loader
        self.strict = strict
        self.marks: dict[Path, Mark] = {}
        self.budget = MAX_NODES

    def build(self, node: yaml.Node, path: Path) -> Any:
        import yaml

        self.budget -= 1
        if self.budget < 0:
            raise YamlError(
                f"document too large or too many aliases (over {MAX_NODES:,} values)", _mark(node)
            )
        if len(path) >= MAX_DEPTH:  # aliases can nest what the events did not: "&a [*a]"
            raise YamlError(f"nested too deeply (over {MAX_DEPTH} levels, aliases included)", _mark(node))
        self.marks.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                raise YamlError(f"tag {node.tag!r} is not allowed", _mark(node))
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    if not self.strict:
                        continue
                    raise YamlError("mapping keys must be plain values", _mark(key_node))
                key = self.build_scalar(key_node)
                if key == "<<" and self.strict:
                    raise YamlError("merge keys (<<) are not supported", _mark(key_node))
                if key in result and self.strict:
                    raise YamlError(f"duplicate key {key!r}", _mark(key_node))
                self.marks[path + (key,)] = _mark(key_node)
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise YamlError(f"tag {node.tag!r} is not allowed", _mark(node))
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.build_scalar(node)

    def build_scalar(self, node: yaml.Node) -> Any:
        import yaml

        if node.tag not in self.loader.yaml_constructors:
            raise YamlError(f"tag {node.tag!r} is not allowed", _mark(node))
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            raise YamlError(str(exc.problem), _mark(node)) from None
        except (ValueError, OverflowError) as exc:  # e.g. a date such as 2026-02-31
            raise YamlError(f"invalid value {node.value!r}: {exc}", _mark(node)) from None


def _bound(loader: Any) -> None:
    """Read the document's events once, refusing it when it is too deep or has too many values."""
    import yaml

    depth = values = 0
    while loader.check_event():
        event = loader.get_event()
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError(f"nested too deeply (over {MAX_DEPTH} levels)", _mark(event))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if isinstance(event, yaml.NodeEvent):
            values += 1
            if values > MAX_NODES:
                raise YamlError(f"document too large (over {MAX_NODES:,} values)", _mark(event))


# Plain words that YAML 1.1 (PyYAML's resolver) reads as a boolean or as null, not as text.
_NOT_TEXT = frozenset("y n yes no true false on off null ~".split())
_UNREAD = object()  # a value flat() leaves to PyYAML


def flat(text: str) -> dict[str, Any] | None:
    """The mapping of a header written only as ``key: value`` lines, read without PyYAML; None
    when the header is anything else, and :func:`load` must read it.

    Most front matter is such lines. Importing PyYAML costs more than checking a short draft,
    so these are read here, and only where the result is certainly PyYAML's (see
    :func:`_value`). Anything else (a number, a boolean, a comment after a value, a
    continuation line, a nested mapping) sends the whole header to :func:`load`. Keys repeat
    as PyYAML's do: the last one counts.

        title: "Acme cuts 4,000 jobs"     -> {"title": "Acme cuts 4,000 jobs",
        date: 2026-02-24                      "date": datetime.date(2026, 2, 24),
        tags: [Acme, jobs]                    "tags": ["Acme", "jobs"]}
        draft: yes                        -> None (a boolean)
    """
    data: dict[str, Any] = {}
    for line in text.split("\n"):
        if not line.isprintable():
            return None  # a control character, even in a comment, is an error to PyYAML
        if not line.strip(" ") or line.startswith("#"):
            continue
        key, colon, value = line.partition(": ")
        if not colon or not _word(key, "_-") or not key.isascii():
            return None
        data[key] = _value(value.strip(" "))
        if data[key] is _UNREAD:
            return None
    return data or None


def _word(text: str, inside: str) -> bool:
    """Plain text that YAML reads as text: it starts with a letter, holds only letters, digits,
    spaces and the characters ``inside``, and is not a boolean or null."""
    return (
        text[:1].isalpha() and text.lower() not in _NOT_TEXT and text.isprintable()
        and all(c.isalnum() or c in inside for c in text)
    )


def _value(value: str) -> Any:
    """One value of :func:`flat`, or ``_UNREAD``: text quoted with no escape or quote inside; a
    bare ``YYYY-MM-DD`` date; a ``[list, of, words]``; or plain text that starts with a letter
    and holds no ": " or " #" (which YAML would read as a mapping or a comment)."""
    import datetime as dt

    if len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]:
        inner = value[1:-1]
        return inner if inner.isprintable() and value[0] not in inner and "\\" not in inner else _UNREAD
    digits = value[:4] + value[5:7] + value[8:]
    if len(value) == 10 and value[4] == value[7] == "-" and digits.isascii() and digits.isdigit():
        try:
            return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            return _UNREAD
    if value[:1] == "[" and value[-1:] == "]":
        items = [item.strip(" ") for item in value[1:-1].split(",")]
        if items == [""]:
            return []
        return items if all(_word(item, " .'-_&()/") for item in items) else _UNREAD
    if _word(value, " .,;'\"!?()&%$/-_’‘“”—–") and value[-1] != ":":
        return value
    return _UNREAD


def load(text: str, strict: bool = True) -> tuple[Any, dict[Path, Mark]]:
    """Parse one YAML document; return its data and the position of every path in it.

    Not ``strict`` (a draft's front matter, which others' tools wrote): a duplicate key keeps its
    last value, as PyYAML does, and keys that are not plain values are left out. The limits on
    depth, size and aliases hold either way.
    """
    import yaml  # here, not above: a run whose packs come from the cache never parses YAML

    # the C loader is several times faster; the pure one behaves the same
    Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = Loader(text)
    try:
        _bound(loader)
        loader.dispose()
        loader = Loader(text)  # read again, now known to be safe to compose
        node = loader.get_single_node()
        if node is None:
            return None, {}
        builder = _Builder(loader, strict)
        return builder.build(node, ()), builder.marks
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else None
        raise YamlError(str(exc.problem or exc.context), where) from None
    except yaml.reader.ReaderError as exc:  # a control character: YAML allows none
        line_start = text.rfind("\n", 0, exc.position) + 1
        where = Mark(text.count("\n", 0, exc.position) + 1, exc.position - line_start + 1)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlError(f"character U+{code:04X} is not allowed in YAML", where) from None
    finally:
        loader.dispose()
