"""Release hygiene: the snippets users copy pin a ref that exists, the changelog has the version,
and `factcheck init` keeps the packs' own test drafts out of the checks it sets up."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run


def version() -> str:
    proc = run("--version")
    assert proc.returncode == 0
    name, number = proc.stdout.split()
    assert name == "factcheck" and re.fullmatch(r"\d+\.\d+\.\d+", number), "semantic versioning: MAJOR.MINOR.PATCH"
    return number


def pinned_refs() -> dict[str, str]:
    """Where each snippet users copy pins factcheck, and the ref it pins."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    workflow = (ROOT / "examples" / "workflows" / "factcheck.yml").read_text(encoding="utf-8")
    precommit = re.findall(r"repo: https://github\.com/OWNER/factcheck\n\s+rev: (\S+)", readme)
    action = re.findall(r"uses: OWNER/factcheck@(\S+)", readme)
    example = re.findall(r"uses: OWNER/factcheck@(\S+)", workflow)
    assert len(precommit) == len(action) == len(example) == 1, "one snippet of each"
    return {"README pre-commit rev": precommit[0], "README Action": action[0], "examples/workflows": example[0]}


def test_snippets_pin_the_tag_of_this_version() -> None:
    tag = f"v{version()}"
    assert pinned_refs() == dict.fromkeys(pinned_refs(), tag)


def test_the_changelog_has_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(version())}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)
    assert f"[{version()}]: https://github.com/OWNER/factcheck/releases/tag/v{version()}" in changelog


def test_the_pinned_tag_exists_in_a_clone_with_tags() -> None:
    """The tag is made on the commit that sets the version, when it is merged. A clone without
    any tags (a shallow CI checkout) cannot tell; a clone with tags must have this one."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tags = subprocess.run([git, "tag", "--list"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tags:
        pytest.skip("a clone without tags")
    tag = f"v{version()}"
    proc = subprocess.run([git, "rev-parse", "--verify", "--quiet", f"{tag}^{{commit}}"], cwd=ROOT, capture_output=True)
    assert proc.returncode == 0, f"the snippets pin {tag}, which this repository does not have"


def test_init_keeps_the_packs_test_drafts_out_of_the_check(tmp_path: Path) -> None:
    assert run("init", cwd=tmp_path).returncode == 0
    wrong = (  # wrong on purpose, as a pack's test draft is
        "Example Corp had 20 million customers, ExampleCorp said."
        " <!-- expect: customers-served, spelling-example-corp -->\n"
    )
    (tmp_path / "rules" / "tests").mkdir()
    (tmp_path / "rules" / "tests" / "wrong.md").write_text(wrong, encoding="utf-8")
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "ok.md").write_text("Example Corp had about 2 million customers.\n", encoding="utf-8")
    proc = run("--no-show-source", ".", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, ""), proc.stdout
    assert proc.stdout == "1 file checked, 1 claim recognised, 0 findings.\n"
    assert run("--no-show-source", "rules/tests/wrong.md", cwd=tmp_path).returncode == 0  # as pre-commit names it
    assert run("rules", "test", cwd=tmp_path).returncode == 0  # and still a test of the pack
    (tmp_path / "stories" / "wrong.md").write_text(wrong, encoding="utf-8")  # the same draft elsewhere is checked
    assert run("--no-show-source", ".", cwd=tmp_path).returncode == 1


def test_every_package_of_the_checker_is_installed() -> None:
    """A subpackage left out of pyproject's list works in an editable install and is missing
    from a real one."""
    line = re.search(r"^packages = \[(.*)\]$", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    listed = set(re.findall(r'"([^"]+)"', line.group(1)))
    found = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "checker").rglob("__init__.py")
    }
    assert found <= listed
