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

from typing import Any, NamedTuple

import yaml

try:  # the C loader is several times faster; the pure one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

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


def load(text: str, strict: bool = True) -> tuple[Any, dict[Path, Mark]]:
    """Parse one YAML document; return its data and the position of every path in it.

    Not ``strict`` (a draft's front matter, which others' tools wrote): a duplicate key keeps its
    last value, as PyYAML does, and keys that are not plain values are left out. The limits on
    depth, size and aliases hold either way.
    """
    loader = _Loader(text)
    try:
        _bound(loader)
        loader.dispose()
        loader = _Loader(text)  # read again, now known to be safe to compose
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
