"""No literal in checker/ names a bundled story's party, product or term: they come from packs.

Every string in the code is checked but docstrings, which explain a kind with its examples.
The words are the bundled packs' own: entity names and aliases, defined terms and their forms,
the marks of a set of parties, and every capitalised word of their patterns (products, other
companies) except the calendar's (a pack may name "December" or "Thursday"; the date reader
must know them too).
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import regex
import yaml

from conftest import ROOT


def _story_words() -> set[str]:
    words: set[str] = set()
    for pack_file in (ROOT / "rules").glob("*.yaml"):
        pack = yaml.safe_load(pack_file.read_text(encoding="utf-8"))
        for entity in pack.get("entities", []):
            words.update([entity["name"], *entity.get("aliases", [])])
        for fact in pack.get("facts", []):
            words.update(w for w in [fact.get("term"), *fact.get("forms", []), *fact.get("marks", [])] if w)
            for value in fact.values():
                if isinstance(value, str) and "\\" in value:  # a pattern
                    words.update(regex.findall(r"\b\p{Lu}[\p{L}\p{N}]{2,}\b", value))
    calendar = {
        *(day.strftime(f) for f in ("%A", "%a") for day in (dt.date(2026, 3, d) for d in range(2, 9))),
        *(dt.date(2026, m, 1).strftime(f) for f in ("%B", "%b") for m in range(1, 13)),
    }
    return {w for w in words if len(w) > 2 and w not in calendar}


def _code_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value) for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_literal_in_the_checker_names_a_bundled_story() -> None:
    words = _story_words()
    assert {"MiniMax", "distillation", "Claude", "Chinese"} <= words  # what the bundled pack gives today
    # Names as written ("Meta" the company, not an HTML <meta> tag); terms in any case ("Distil").
    alternatives = [regex.escape(w) if w[:1].isupper() else "(?i:" + regex.escape(w) + ")" for w in sorted(words, key=len, reverse=True)]
    pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(alternatives) + r")")
    found = [
        f"{path.relative_to(ROOT)}:{line}: {m.group()!r}"
        for path in sorted((ROOT / "checker").rglob("*.py"))
        for line, text in _code_strings(path)
        for m in pattern.finditer(text)
    ]
    assert found == []
