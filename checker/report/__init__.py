"""Output formats, one module each; every module has ``render(run, stream)``."""

from __future__ import annotations

import importlib
from types import ModuleType

FORMATS = {"text": "text", "json": "json_format", "github": "github", "sarif": "sarif", "rdjsonl": "rdjsonl"}


def formatter(name: str) -> ModuleType:
    """The module of the format named ``name`` (imported only when it is used)."""
    return importlib.import_module(f"checker.report.{FORMATS[name]}")
