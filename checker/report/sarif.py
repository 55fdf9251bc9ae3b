"""``--format sarif``: SARIF 2.1.0 as GitHub code scanning reads it.

One rule per fact of the packs loaded (help text with the source and its link, default
level from the fact's severity), results with full regions in Unicode code points (how
factcheck counts columns: ``columnKind: unicodeCodePoints``), paths relative to the
repository (``%SRCROOT%``) as percent-encoded URIs, a fingerprint that survives edits
elsewhere in the file, and a fix where a finding has one right replacement.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any, TextIO
from urllib.parse import quote

from checker import __version__
from checker.findings import Located
from checker.report.github import relative
from checker.report.json_format import dumps
from checker.report.run import Run

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning"}


def render(run: Run, out: TextIO) -> None:
    facts = sorted(run.facts.values(), key=lambda f: f.id)
    index = {f.id: i for i, f in enumerate(facts)}
    rules = [_rule(f) for f in facts]
    extra = sorted({f.finding.fact for f in run.findings} - set(index))  # e.g. suppression problems
    for fact in extra:
        index[fact] = len(rules)
        rules.append({"id": fact, "name": fact, "shortDescription": {"text": f"factcheck {fact}"}})
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "informationUri": "https://github.com/OWNER/factcheck",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.finding.fact]) for f in run.findings],
            }
        ],
    }
    out.write(dumps(log, indent=2) + "\n")


def _rule(fact: Any) -> dict[str, Any]:
    source = fact.source_title + (f" <{fact.source_url}>" if fact.source_url else "")
    article = "An" if fact.kind[:1] in "aeiou" else "A"  # "An action fact", "A date fact"
    text = f"{article} {fact.kind} fact of the pack. Source: {source}." + (f" {fact.note}" if fact.note else "")
    markdown_source = f"[{fact.source_title}]({fact.source_url})" if fact.source_url else fact.source_title
    rule: dict[str, Any] = {
        "id": fact.id,
        "name": "".join(part.capitalize() for part in fact.id.split("-")),
        "shortDescription": {"text": f"Draft contradicts the pack's fact {fact.id} ({fact.kind})"},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": f"{article} `{fact.kind}` fact of the pack. Source: {markdown_source}."},
        "defaultConfiguration": {"level": LEVELS[fact.severity]},
        "properties": {"kind": fact.kind, "tags": ["factcheck", fact.kind]},
    }
    if fact.source_url:
        rule["helpUri"] = fact.source_url
    return rule


def _result(f: Located, rule_index: int) -> dict[str, Any]:
    location = {"uri": _uri(relative(f.path)), "uriBaseId": "%SRCROOT%"}
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
    result: dict[str, Any] = {
        "ruleId": f.finding.fact,
        "ruleIndex": rule_index,
        "level": LEVELS[f.finding.severity],
        "message": {"text": f.finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {"factcheck/v1": _fingerprint(f)},
    }
    if f.finding.suggestion is not None:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with {f.finding.suggestion}"},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [{"deletedRegion": region, "insertedContent": {"text": f.finding.suggestion}}],
                    }
                ],
            }
        ]
    return result


def _uri(path: str) -> str:
    """A path as a relative URI reference: every byte of its name but letters, digits, ``-._~``
    and the slashes between folders percent-encoded (``my%20draft.md``, ``a%23b.md``,
    ``caf%C3%A9.md``; a name that is not valid UTF-8 keeps its own bytes: ``caf%E9.md``)."""
    return quote(os.fsencode(path), safe="/")


def _fingerprint(f: Located) -> str:
    """Stable across runs and unrelated edits: the file, the fact and the words found."""
    key = "\0".join((relative(f.path), f.finding.fact, f.finding.found))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
