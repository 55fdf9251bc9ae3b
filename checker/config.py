"""Settings a newsroom repository keeps for factcheck, found upward from the working folder.

``.factcheck.yaml`` (or ``.factcheck.yml``), or a ``[tool.factcheck]`` table in
``pyproject.toml``; the first found walking up from the current folder wins. It is validated
like a pack (unknown keys are errors, reported as file:line), paths in it are relative to
the file, and command-line flags override it.

    rules: [rules]                       # pack files or folders
    include: ['stories/**']              # check only these drafts (globs)
    exclude: ['stories/archive/**']      # never these
    severity: {fraudulent-accounts: warning}
    disable: [spelling-moonshot]         # facts not checked at all
    fail_level: warning
    format: github
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple, Sequence

from checker import cache, files, rx, rxsize, yamlsafe

NAMES = (".factcheck.yaml", ".factcheck.yml")


class Settings(NamedTuple):
    """The settings, defaults included; a file's are validated by :class:`checker.schema.Settings`."""

    rules: Sequence[str] = ()
    include: Sequence[str] = ()
    exclude: Sequence[str] = ()
    severity: Mapping[str, str] = MappingProxyType({})
    disable: Sequence[str] = ()
    fail_level: str | None = None
    format: str | None = None


class ConfigError(Exception):
    """Problems in the configuration file, each one line formatted as file:line:col: message."""

    def __init__(self, *problems: str) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Config(NamedTuple):
    path: Path | None = None  # the file it came from; None: no file, all defaults
    settings: Settings = Settings()
    marks: Mapping[Any, yamlsafe.Mark] = MappingProxyType({})

    def rule_paths(self) -> list[Path]:
        base = self.path.parent if self.path else Path(".")
        return [base / r for r in self.settings.rules]

    def where(self, *loc: Any) -> str:
        from checker.pack import where_in

        return where_in(self.path or Path("."), self.marks, loc)


def discover(start: Path) -> Config:
    """The nearest configuration at or above ``start``, up to the repository's top (or the defaults).

    A ``pyproject.toml`` counts only when it has a ``[tool.factcheck]`` table: a line that looks
    like one inside a multi-line string does not make it ours.
    """
    for folder in [start, *start.parents]:
        for name in NAMES:
            if (folder / name).is_file():
                return load(folder / name)
        pyproject = folder / "pyproject.toml"
        try:
            content = files.read(pyproject, files.SETTINGS_LIMIT) if pyproject.is_file() else b""
            header = rx.search(rb"(?m)^\[tool\.factcheck(?:\.|\])", content)
        except (OSError, files.Refused):
            header = None  # an unreadable pyproject.toml is someone else's
        if header:
            config = load(pyproject)
            if config.path is not None:
                return config
        if (folder / ".git").exists():
            break
    return Config()


def load(path: Path) -> Config:
    """The file's settings; validated once, then taken from the cache while it is unchanged.

    A ``pyproject.toml`` without a ``[tool.factcheck]`` table gives the defaults, with no path.
    """
    try:
        content = files.read(path, files.SETTINGS_LIMIT)
    except files.Refused as exc:
        raise ConfigError(f"{path}: not read as configuration: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    name = cache.key("config", [(str(path), content)])
    config = cache.read(name)
    if not isinstance(config, Config):
        config = _validate(path, content)
        if config.path is not None:  # the defaults are not worth an entry (nor picklable)
            cache.write(name, config)
    return config


def _validate(path: Path, content: bytes) -> Config:
    from pydantic import ValidationError

    from checker import schema
    from checker.pack import describe_errors, where_in

    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read configuration: not valid UTF-8 (byte {exc.start})") from None
    if path.name == "pyproject.toml":
        table = _toml_table(path, text)
        if table is None:
            return Config()  # no [tool.factcheck] table: not a configuration (see discover)
        data, marks = table
    else:
        try:
            data, marks = yamlsafe.load(text)
        except yamlsafe.YamlError as exc:
            where = f"{path}:{exc.mark.line}:{exc.mark.column}" if exc.mark else str(path)
            raise ConfigError(f"{where}: {exc.message}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1:1: the configuration must be a mapping of settings")
    try:
        settings = schema.Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(*describe_errors(path, marks, data, exc.errors(), schema.Settings)) from None
    long_globs = [
        f"{where_in(path, marks, (key, i))}: {key}[{i}] {problem}"
        for key in ("include", "exclude")
        for i, glob in enumerate(getattr(settings, key))
        if (problem := rxsize.too_long(glob))
    ]
    if long_globs:
        raise ConfigError(*long_globs)
    return Config(path, Settings(**settings.model_dump()), marks)


def _toml_table(path: Path, text: str) -> tuple[Any, dict[Any, yamlsafe.Mark]] | None:
    """The [tool.factcheck] table and the positions of its keys; None when there is none."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ConfigError(f"{path}: nested too deeply to be read") from None
    if not isinstance(tool, dict) or "factcheck" not in tool:
        return None
    data = tool["factcheck"]
    # TOML parsers keep no positions: find each key's line in the [tool.factcheck] tables.
    marks: dict[Any, yamlsafe.Mark] = {}
    table: tuple[str, ...] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        header = rx.match(r"\s*\[([^\[\]]+)\]\s*$", line)
        if header:
            parts = tuple(p.strip() for p in header.group(1).split("."))
            table = parts[2:] if parts[:2] == ("tool", "factcheck") else None
            if table is not None:
                marks[table] = yamlsafe.Mark(number, 1)
            continue
        key = rx.match(r"\s*([A-Za-z0-9_-]+)\s*=", line)
        if table is not None and key:
            marks[(*table, key.group(1))] = yamlsafe.Mark(number, key.start(1) + 1)
    return data, marks
