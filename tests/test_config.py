"""Configuration: discovery upward, validation with positions, precedence of flags, and init."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run

WRONG = "Anthropic said Moonshot AI generated 13 million exchanges with Claude.\n"


def newsroom(tmp_path: Path, config: str, name: str = ".factcheck.yaml") -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    for draft in ("stories/a.md", "stories/archive/b.md"):
        (tmp_path / draft).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / draft).write_text(WRONG, encoding="utf-8")
    return tmp_path


def report(proc) -> dict:
    assert proc.stdout, proc.stderr
    return json.loads(proc.stdout)


def test_config_is_found_upward_and_applied(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "exclude: ['stories/archive/**']\nseverity: {moonshot-exchanges: warning}\nformat: json\n")
    proc = run("--all-documents", ".", cwd=root / "stories")
    found = report(proc)["findings"]
    assert [(f["path"], f["severity"]) for f in found] == [("./a.md", "warning")]
    assert proc.returncode == 0  # a warning, and the default fail level is error


def test_flags_override_the_config(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "format: github\nfail_level: warning\nseverity: {moonshot-exchanges: warning}\n")
    proc = run("--all-documents", "--format", "json", "--fail-level", "error", "stories", cwd=root)
    assert len(report(proc)["findings"]) == 2
    assert proc.returncode == 0
    proc = run("--all-documents", "stories", cwd=root)
    assert proc.stdout.startswith("::warning file=stories/a.md,")
    assert proc.returncode == 1


def test_include_and_disable(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "include: ['stories/archive/*.md']\nformat: json\n")
    assert [f["path"] for f in report(run("--all-documents", "stories", cwd=root))["findings"]] == ["stories/archive/b.md"]
    (root / ".factcheck.yaml").write_text("disable: [moonshot-exchanges]\nformat: json\n", encoding="utf-8")
    assert report(run("--all-documents", "stories", cwd=root))["findings"] == []


def test_pyproject_table(tmp_path: Path) -> None:
    root = newsroom(tmp_path, '[project]\nname = "news"\n\n[tool.factcheck]\nformat = "json"\nexclude = ["stories/archive/**"]\n',
                    name="pyproject.toml")
    assert len(report(run("--all-documents", "stories", cwd=root))["findings"]) == 1


def test_bad_settings_point_at_their_line(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "format: json\nfail_levle: warning\n")
    proc = run("stories", cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith(".factcheck.yaml:2:1: unknown key 'fail_levle' (did you mean 'fail_level'?)")
    (root / ".factcheck.yaml").write_text("severity:\n  no-such-fact: warning\n", encoding="utf-8")
    proc = run("stories", cwd=root)
    assert proc.returncode == 2 and ".factcheck.yaml:2:3: unknown fact 'no-such-fact' in severity" in proc.stderr
    (root / ".factcheck.yaml").unlink()
    (root / "pyproject.toml").write_text("[tool.factcheck]\nformat = \"xml\"\n", encoding="utf-8")
    proc = run("stories", cwd=root)
    assert proc.returncode == 2 and "pyproject.toml:2:1: format:" in proc.stderr and "Traceback" not in proc.stderr


def test_init_writes_a_working_starter_and_never_overwrites(tmp_path: Path) -> None:
    proc = run("init", cwd=tmp_path)
    assert proc.returncode == 0
    assert (tmp_path / ".factcheck.yaml").is_file() and (tmp_path / "rules" / "example-story.yaml").is_file()
    assert (tmp_path / "rules" / "example-story.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=pack.schema.json\n"
    )
    assert '"title": "Pack"' in (tmp_path / "rules" / "pack.schema.json").read_text(encoding="utf-8")
    assert run("rules", "test", cwd=tmp_path).returncode == 0
    (tmp_path / "draft.md").write_text("Example Corp had 20 million customers last year.\n", encoding="utf-8")
    proc = run("--no-show-source", "draft.md", cwd=tmp_path)
    assert proc.returncode == 1 and "[customers-served]" in proc.stdout
    config = (tmp_path / ".factcheck.yaml").read_text(encoding="utf-8")
    proc = run("init", cwd=tmp_path)
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert (tmp_path / ".factcheck.yaml").read_text(encoding="utf-8") == config


def test_init_never_writes_through_a_dangling_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".factcheck.yaml").symlink_to(outside)
    proc = run("init", cwd=repo)
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert not outside.exists()


def test_a_foreign_unreadable_pyproject_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.black]\nx = "\xff"\n')
    (tmp_path / "a.md").write_text(WRONG, encoding="utf-8")
    proc = run("--all-documents", "--no-show-source", "a.md", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


def test_a_pyproject_whose_tool_is_not_a_table_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('tool = 1\nx = """\n[tool.factcheck]\n"""\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(WRONG, encoding="utf-8")
    proc = run("--all-documents", "--no-show-source", "a.md", cwd=tmp_path)  # an AttributeError, once
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


def test_a_table_header_inside_a_string_does_not_make_a_pyproject_the_config(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "format: json\n")
    (root / ".git").mkdir()
    (root / "stories" / "pyproject.toml").write_text(
        '[tool.black]\nnote = """\n[tool.factcheck]\nformat = "github"\n"""\n', encoding="utf-8"
    )
    proc = run("--all-documents", "a.md", cwd=root / "stories")  # the settings above it are found instead
    assert [f["path"] for f in report(proc)["findings"]] == ["a.md"]


def test_an_explicit_config_file_wins_over_discovery(tmp_path: Path) -> None:
    root = newsroom(tmp_path, "format: github\n")
    (root / "other.yaml").write_text("format: json\nexclude: ['stories/archive/**']\n", encoding="utf-8")
    proc = run("--all-documents", "--config", "other.yaml", "stories", cwd=root)
    assert [f["path"] for f in report(proc)["findings"]] == ["stories/a.md"]
    proc = run("--config", "missing.yaml", "stories", cwd=root)
    assert proc.returncode == 2 and "no such configuration file: missing.yaml" in proc.stderr


def test_the_settings_schema_and_the_settings_agree() -> None:
    """A file's settings are validated by checker.schema.Settings, then used as config.Settings."""
    from checker import schema
    from checker.config import Settings

    assert list(schema.Settings.model_fields) == list(Settings._fields)
