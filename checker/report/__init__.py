"""Output formats, one module each; every module has ``render(run, stream, options)``."""

from __future__ import annotations

from types import ModuleType

from checker.report import github, json_format, rdjsonl, sarif, text

FORMATS: dict[str, ModuleType] = {
    "text": text,
    "json": json_format,
    "github": github,
    "sarif": sarif,
    "rdjsonl": rdjsonl,
}
