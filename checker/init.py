"""``factcheck init``: a commented starter configuration and pack for a repository without them,
with the pack format's JSON Schema next to the pack so editors validate it as it is typed.

The configuration excludes ``rules/tests/``: the test drafts ``factcheck rules test`` runs are
wrong on purpose, and a check of the whole repository (or its pre-commit hook) must not flag them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

CONFIG = """\
# factcheck settings for this repository (see the factcheck README, "Configuration").
# Command-line flags override these. Paths are relative to this file.

rules: [rules]                 # pack files or folders
include: []                    # globs of drafts to check; empty: every draft given
exclude: ['rules/tests/**']    # globs of drafts never to check, e.g. 'archive/**'; rules/tests/
                               # holds the packs' test drafts, wrong on purpose (factcheck rules test)
severity: {}                   # per-fact severity, e.g. {story-figure: warning}
disable: []                    # facts not to report at all
fail_level: error              # lowest severity that fails a run: error or warning
format: text                   # text, json or github
"""

PACK = """\
# yaml-language-server: $schema=pack.schema.json
# A starter rule pack: one story, its sources, its parties and its facts.
# Replace the example with your story; run `factcheck DRAFTS` to check drafts against it.
id: example-story
title: Example Corp says it had 2 million customers in 2025

scope:                         # only documents that mention the story are checked
  all: ['\\bExample Corp\\b']

sources:
  - id: press-release
    title: Example Corp annual results
    url: https://example.com/results
    date: 2026-01-15

entities:
  - id: example-corp
    name: Example Corp
    aliases: [Example]

measures:
  - id: customers
    label: customers
    nouns: [customer, client]

facts:
  - id: customers-served
    kind: quantity
    owner: example-corp
    measure: customers
    value: 2000000
    qualifier: approximately
    source: press-release
    examples:
      pass: ["Example Corp had about 2 million customers last year."]
      fail: ["Example Corp had 20 million customers last year."]

  - id: spelling-example-corp
    kind: spelling
    entity: example-corp
    wrong: [ExampleCorp, Example corp]
    source: press-release
    examples:
      pass: ["Example Corp had about 2 million customers last year."]
      fail: ["ExampleCorp had about 2 million customers last year."]
"""


DESCRIPTION = (
    "Write a commented .factcheck.yaml and a starter rule pack (rules/example-story.yaml, with the pack "
    "format's JSON Schema) into the current folder, the repository's top. Nothing is ever overwritten."
)


def main(argv: Sequence[str]) -> int:
    import json

    from checker.cli import Parser
    from checker.pack import Pack

    Parser(prog="factcheck init", description=DESCRIPTION).parse_args(argv)
    folder = Path(".")

    schema = json.dumps(Pack.model_json_schema(by_alias=True), indent=2) + "\n"
    targets = {
        folder / ".factcheck.yaml": CONFIG,
        folder / "rules" / "example-story.yaml": PACK,
        folder / "rules" / "pack.schema.json": schema,  # editors validate and complete packs with it
    }
    # lexists: a dangling symbolic link is taken too, and never written through
    taken = [p for p in (*targets, folder / "rules", folder / ".factcheck.yml") if os.path.lexists(p)]
    if taken:
        print(f"factcheck: error: {taken[0]} already exists; init only starts a repository that has none", file=sys.stderr)
        return 2
    try:
        for path, text in targets.items():
            path.parent.mkdir(exist_ok=True)
            with path.open("x", encoding="utf-8") as out:  # never over anything that appeared meanwhile
                out.write(text)
            print(f"wrote {path}")
    except OSError as exc:
        print(f"factcheck: error: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0
