"""Output formats other than text and JSON, through the CLI."""

from __future__ import annotations

from conftest import BUNDLED_PACK, run

INJECTION = "DeepSeek stole Claude's reasoning %0A::error file=x.md::forged,\n::warning::also forged.\n"


def annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::")]


def test_github_annotations_carry_the_exact_span(write) -> None:
    draft = write("draft.md", "# Title\n\nAnthropic said Moonshot AI generated 13 million exchanges with Claude.\n")
    proc = run("--format", "github", "--all-documents", draft, cwd=draft.parent)
    assert proc.returncode == 1
    assert annotations(proc.stdout) == [
        "::error file=draft.md,line=3,col=38,endLine=3,endColumn=48,title=factcheck [moonshot-exchanges]::"
        "Moonshot AI's exchanges: draft says \"13 million\", which is MiniMax's figure; the pack says more "
        "than 3.4 million (source: anthropic-blog)"
    ]


def test_draft_text_cannot_inject_workflow_commands(write) -> None:
    draft = write("draft.txt", INJECTION)
    proc = run("--format", "github", "--rules", BUNDLED_PACK, "--all-documents", draft, cwd=draft.parent)
    lines = proc.stdout.splitlines()
    commands = annotations(proc.stdout)
    assert len(commands) == 1  # one finding, one annotation, nothing forged
    assert commands[0].startswith("::error file=draft.txt,line=1,col=1,")
    assert "%250A::error file=x.md::forged" in commands[0]
    assert all(line.startswith(("::error ", "factcheck: ")) for line in lines)


def test_github_limits_are_respected_and_the_rest_is_counted(write) -> None:
    body = "".join(f"Anthropic said MiniMax generated {n} million exchanges.\n\n" for n in range(30, 42))
    draft = write("many.md", body)
    proc = run("--format", "github", "--all-documents", draft, cwd=draft.parent)
    assert len(annotations(proc.stdout)) == 10
    assert proc.stdout.count("factcheck: many.md:") == 2
    assert "2 more findings not shown as annotations" in proc.stdout
