"""Invalid packs fail with file:line:col and exit 2; the bundled pack is itself linted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import BUNDLED_PACK, run, run_json

VALID = """\
id: demo
title: Demo pack
sources:
  - id: blog
    title: A blog post
entities:
  - id: acme
    name: Acme
measures:
  - id: widgets
    label: widgets
    nouns: [widget]
facts:
  - id: acme-widgets
    kind: quantity
    owner: acme
    measure: widgets
    value: 5000
    qualifier: more than
    source: blog
    examples:
      pass: ["Acme made more than 5,000 widgets."]
      fail: ["Acme made 9,000 widgets."]
"""


def check_pack(tmp_path: Path, pack: str, *extra: Path) -> tuple[int, str]:
    rules = tmp_path / "pack.yaml"
    rules.write_text(pack, encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("Acme made 9,000 widgets.\n", encoding="utf-8")
    args = ["--rules", rules]
    for path in extra:
        args += ["--rules", path]
    proc = run(*args, draft)
    return proc.returncode, proc.stderr


def test_valid_pack_works(tmp_path: Path) -> None:
    code, stderr = check_pack(tmp_path, VALID)
    assert code == 1, stderr


@pytest.mark.parametrize(
    "old, new, where, message",
    [
        ("    qualifier: more than\n", "    qualifer: more than\n", "19:5", "unknown key 'qualifer'"),
        ("    value: 5000\n", "", "14:5", "missing required key 'value'"),
        ("    kind: quantity\n", "    kind: quantityy\n", "15:5", "unknown fact kind"),
        ("    value: 5000\n", "    value: lots\n", "18:5", "value"),
        ("    source: blog\n", "    source: blgo\n", "20:5", "unknown source 'blgo'"),
        ("    owner: acme\n", "    owner: acme-corp\n", "16:5", "unknown entity 'acme-corp'"),
        ("    measure: widgets\n", "    measure: gadgets\n", "17:5", "unknown measure 'gadgets'"),
        ("  - id: acme\n", "  - id: Acme Corp\n", "7:5", "entities[0].id"),
        ("    qualifier: more than\n", "    qualifier: more than\n    qualifier: at least\n", "20:5", "duplicate key 'qualifier'"),
        ("title: Demo pack\n", "title: !!python/object:os.system Demo\n", "2:8", "tag"),
        ("title: Demo pack\n", "title: Demo pack\nscope:\n  any: [a, b]\n  min_any: 3\n", "3:1", "min_any is 3"),
        ("    title: A blog post\n", "    title: A blog post\n    date: 2026-02-31\n", "6:11", "invalid value"),
        ("title: Demo pack\n", "title: Demo pack\n~: x\n", "3:1", "None"),  # a null key, once reported at 1:1
    ],
)
def test_invalid_packs_point_at_the_offending_key(
    tmp_path: Path, old: str, new: str, where: str, message: str
) -> None:
    assert old in VALID
    code, stderr = check_pack(tmp_path, VALID.replace(old, new, 1))
    assert code == 2
    first = stderr.splitlines()[0]
    assert first.startswith(f"{tmp_path / 'pack.yaml'}:{where}: "), stderr
    assert message in first
    assert "Traceback" not in stderr


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    code, stderr = check_pack(tmp_path, VALID.replace("title: Demo pack", "title: [unclosed"))
    assert code == 2
    assert stderr.startswith(f"{tmp_path / 'pack.yaml'}:") and "Traceback" not in stderr


def test_alias_bombs_are_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]\n"
    code, stderr = check_pack(tmp_path, bomb)
    assert code == 2
    assert "too many aliases" in stderr


def test_duplicate_fact_ids_across_packs(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(VALID.replace("id: demo\n", "id: demo-two\n"), encoding="utf-8")
    code, stderr = check_pack(tmp_path, VALID, other)
    assert code == 2
    assert "fact id 'acme-widgets' is already used in" in stderr
    assert f"{other}:14:5:" in stderr


def test_missing_rules_path_is_a_usage_error(tmp_path: Path) -> None:
    proc = run("--rules", tmp_path / "nope.yaml", tmp_path)
    assert proc.returncode == 2
    assert "no such rule pack" in proc.stderr


# The bundled pack is data, and data gets linted too.
BUNDLED = yaml.safe_load(BUNDLED_PACK.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fact", BUNDLED["facts"], ids=lambda f: f["id"])
def test_every_bundled_fact_has_a_source_and_examples_both_ways(fact: dict) -> None:
    assert fact["source"] in {s["id"] for s in BUNDLED["sources"]}
    assert fact["examples"]["pass"] and fact["examples"]["fail"]


def test_bundled_figures_appear_in_the_seeds() -> None:
    seeds = " ".join(p.read_text(encoding="utf-8") for p in (BUNDLED_PACK.parent.parent / "seeds").iterdir())
    for fact in BUNDLED["facts"]:
        if fact["kind"] == "quantity":
            value = fact["value"]
            written = f"{value / 1e6:g} million" if value >= 1e6 else f"{value:,}"
            assert written in seeds, written


REVISION = """
  - id: moonshot-exchanges-revised
    kind: quantity
    owner: moonshot
    measure: exchanges
    value: 4100000
    qualifier: more than
    valid_from: 2026-04-01
    source: anthropic-blog
    examples:
      pass: ["Moonshot AI generated more than 4.1 million exchanges, Anthropic said."]
      fail: ["Moonshot AI generated 13 million exchanges, Anthropic said."]
"""


def revised_pack(write) -> Path:
    """The bundled pack with Moonshot's figure revised from April 2026 on."""
    text = BUNDLED_PACK.read_text(encoding="utf-8")
    text = text.replace("  - id: moonshot-exchanges\n", "  - id: moonshot-exchanges\n    superseded_by: moonshot-exchanges-revised\n")
    text = text.replace("\n  - id: minimax-exchanges\n", REVISION + "\n  - id: minimax-exchanges\n")
    return write("revised.yaml", text)


@pytest.mark.parametrize(
    ("date", "flagged"),
    [("2026-03-01", False), ("2026-05-01", True), (None, True)],
)
def test_a_superseded_figure_holds_for_older_documents(write, date: str | None, flagged: bool) -> None:
    pack = revised_pack(write)
    header = f"---\ndate: {date}\n---\n\n" if date else ""
    draft = write("draft.md", header + "Anthropic said Moonshot AI generated about 3.4 million exchanges.\n")
    _, report = run_json("--rules", pack, "--all-documents", draft)
    assert [f["fact"] for f in report["findings"]] == (["moonshot-exchanges-revised"] if flagged else [])


def test_superseded_by_must_name_a_dated_fact_of_the_same_kind(write) -> None:
    text = BUNDLED_PACK.read_text(encoding="utf-8").replace(
        "  - id: moonshot-exchanges\n", "  - id: moonshot-exchanges\n    superseded_by: minimax-exchanges\n"
    )
    pack = write("pack.yaml", text)
    proc = run("--rules", pack, write("d.txt", "x\n"))
    assert proc.returncode == 2
    assert "'minimax-exchanges' must be another quantity fact with a valid_from date" in proc.stderr


TWO_OF_A_KIND = VALID.replace(
    "facts:\n",
    """facts:
  - id: acme-returns
    kind: quantity
    owner: acme
    measure: widgets
    value: 300
    qualifier: exactly
    context: '(?i)\\breturn'
    source: blog
    examples:
      pass: ["Acme had 300 widgets returned."]
      fail: ["Acme had 900 widgets returned."]
""",
)


def test_two_facts_of_one_measure_and_owner_never_shadow_each_other(write) -> None:
    # Only the fact declared last ever reported: a wrong figure for the first one was compared
    # with the second, and a right one for the first was flagged against it.
    pack = write("pack.yaml", TWO_OF_A_KIND)
    draft = write("d.md", "Acme had 900 widgets returned.\n\nAcme made 9,000 widgets.\n\nAcme had 300 widgets returned.\n")
    code, report = run_json("--rules", pack, draft)
    assert code == 1
    assert [(f["line"], f["fact"]) for f in report["findings"]] == [(1, "acme-returns"), (3, "acme-widgets")]
    claims = run("claims", "--format", "json", "--rules", pack, draft).stdout
    assert [(c["line"], c["fact"], c["verdict"]) for c in json.loads(claims)["claims"]] == [
        (1, "acme-returns", "contradicts"), (3, "acme-widgets", "contradicts"), (5, "acme-returns", "agrees"),
    ]


def test_rules_check_warns_about_facts_it_cannot_tell_apart(write) -> None:
    alike = TWO_OF_A_KIND.replace("    context: '(?i)\\breturn'\n", "")
    proc = run("rules", "check", "--strict", write("pack.yaml", alike))
    assert proc.returncode == 1
    assert "facts 'acme-returns' and 'acme-widgets' count the same measure for the same owner" in proc.stdout + proc.stderr
    assert run("rules", "check", "--strict", write("pack2.yaml", TWO_OF_A_KIND)).returncode == 0
