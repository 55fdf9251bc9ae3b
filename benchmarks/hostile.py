"""Hostile shapes of the same text, timed against the same text in ordinary files.

    python benchmarks/hostile.py [--corpus DIR | --generate N] [--megabytes M] [--tree-files F]
                                 [--repeat K] [--json OUT]

About M MB (default 10) of article text from the corpus (the shared archive by default, or
``--generate N`` articles) is written in several shapes, each checked with ``factcheck
--all-documents --format json`` (every sentence analysed: the worst case) as a child process,
once to warm up and then K times (default 3), medians reported:

- ``pages``: one HTML file per article, a ``<p>`` per paragraph. The baseline of the HTML shapes.
- ``one-line``: all of it in one HTML file on a single line.
- ``nested``: that line inside 100,000 nested ``<div>`` elements.
- ``tree``: F (default 100,000) Markdown files of about M/F bytes each, 100 to a folder, in
  folders 3 deep under a spine of 20 nested ones. Compared per file, not per byte.
- ``markdown``: all of it in one Markdown file, a paragraph per article. The baseline of:
- ``markdown-hostile``: the same with, before every paragraph, runs that once made the reader
  quadratic: an unmatched run of backticks (one longer per paragraph), an unclosed ``<?``, a
  line of 2,000 blanks before a table-like ``- x|``, and 400 digits.
- ``one-sentence``: the same text with no full stop anywhere: one sentence of M MB.
- ``word-lines``: the same words one to a line, one paragraph of millions of short lines.
- ``lone-cr``: the same text with every line end a lone CR, and a run of 1,000 CRs between
  paragraphs.
- ``entities``: the same text with every space written ``&#32;`` and a run of 1,000 ``&amp;``
  between paragraphs.
- ``suppressions``: before every paragraph, a code span and a suppression comment beside it.
- ``claims``: the pack's own claims, densely: after every paragraph, a sentence listing every
  party of the first bundled pack, and one long sentence of possessed figures of its first
  measure ("A's 13 million N and B's 13 million N and ..."), as many as the paragraph is long.

The ratios are time per byte (per file for ``tree``) and peak memory against the shape's
baseline: 1.0 means the shape costs what the same text costs in ordinary files. A reader that
is linear in its input keeps them near 1 whatever M is.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import tempfile
from pathlib import Path

import corpus as corpora
import tools
import yaml
from measure import exit_codes, measure
from run import UsageError, find_corpus

SHAPES = (
    "pages", "one-line", "nested", "tree", "markdown", "markdown-hostile", "one-sentence", "word-lines",
    "lone-cr", "entities", "suppressions", "claims",
)
MARKDOWN = ("markdown", "markdown-hostile", "one-sentence", "word-lines", "lone-cr", "entities", "suppressions", "claims")
BASELINE = {"one-line": "pages", "nested": "pages", "tree": "pages", **{shape: "markdown" for shape in MARKDOWN[1:]}}
PER_FILE = ("tree",)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--corpus", type=Path, help="a folder of drafts to take the text from")
    source.add_argument("--generate", type=int, metavar="N", help="take the text from N generated articles")
    parser.add_argument("--megabytes", type=float, default=10.0, help="how much text (default 10)")
    parser.add_argument("--tree-files", type=int, default=100_000, help="files in the tree shape (default 100,000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per shape (default 3)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure as JSON")
    return parser.parse_args(argv)


def articles(args: argparse.Namespace, scratch: Path) -> list[str]:
    """Article texts, in a stable order, until there are ``--megabytes`` of them."""
    found = find_corpus(args, scratch)  # the same choice of corpus as run.py
    wanted, texts, total = args.megabytes * 1024 * 1024, [], 0
    for path in found.files:
        text = path.read_bytes().decode("utf-8", errors="replace").replace("\x00", "")
        texts.append(" ".join(text.split()))  # one paragraph per article
        total += len(texts[-1].encode("utf-8"))
        if total >= wanted:
            break
    return texts


def write_shapes(texts: list[str], folder: Path, tree_files: int) -> dict[str, Path]:
    """Each shape in its own folder (or file); what factcheck is given for it."""
    paragraphs = [f"<p>{html.escape(t, quote=False)}</p>" for t in texts]
    pages = folder / "pages"
    pages.mkdir()
    for i, paragraph in enumerate(paragraphs):
        (pages / f"article-{i:05d}.html").write_text(f"<html><body>\n{paragraph}\n</body></html>\n", encoding="utf-8")
    line = "<html><body>" + "".join(paragraphs) + "</body></html>"
    (folder / "one-line.html").write_text(line, encoding="utf-8")
    depth = 100_000
    (folder / "nested.html").write_text("<div>" * depth + line + "</div>" * depth, encoding="utf-8")
    whole = " ".join(texts)
    size = max(1, len(whole) // tree_files)
    tree = folder / "tree"
    spine = tree.joinpath(*(f"level-{level}" for level in range(20)))
    for i in range(tree_files):
        branch = spine / f"{i // 10_000}" / f"{i // 1000 % 10}" / f"{i // 100 % 10}"
        branch.mkdir(parents=True, exist_ok=True)
        (branch / f"part-{i:06d}.md").write_text(whole[i * size : (i + 1) * size] + "\n", encoding="utf-8")
    (folder / "markdown.md").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    hostile = [
        "x " + "`" * (i + 1) + " <? " + "\n" + " " * 2000 + "- x|\n\n" + "7" * 400 + "\n\n" + text
        for i, text in enumerate(texts)
    ]
    (folder / "markdown-hostile.md").write_text("\n\n".join(hostile) + "\n", encoding="utf-8")
    listed, figures = _claims()
    markdown = {
        "one-sentence": "\n\n".join(t.translate(_NO_STOPS) for t in texts),
        "word-lines": "\n".join(word for t in texts for word in t.split()),
        "lone-cr": ("\r" * 1000).join(t.replace(". ", ".\r") for t in texts),
        "entities": ("\n\n" + "&amp;" * 1000 + "\n\n").join(t.replace(" ", "&#32;") for t in texts),
        "suppressions": "\n\n".join("`x` <!-- factcheck-disable -- quoted -->\n\n" + t for t in texts),
        "claims": "\n\n".join(f"{t}\n\n{listed}\n\n" + " and ".join([figures] * (1 + len(t) // len(figures))) + "."
                                for t in texts),
    }
    for name, text in markdown.items():
        (folder / f"{name}.md").write_bytes(text.encode("utf-8") + b"\n")  # bytes: the CRs as written
    return {name: folder / (name if name in ("pages", "tree") else f"{name}{'.md' if name in MARKDOWN else '.html'}")
            for name in SHAPES}


_NO_STOPS = str.maketrans(".!?", ",,,")


def _claims() -> tuple[str, str]:
    """A sentence listing the first bundled pack's parties, and a phrase of their figures."""
    pack = yaml.safe_load(next((corpora.REPO / "rules").glob("*.yaml")).read_text(encoding="utf-8"))
    names = [entity["name"] for entity in pack["entities"]]
    noun = pack["measures"][0]["nouns"][0]
    listed = f"Reports named {', '.join(names[:-1])} and {names[-1]}."
    return listed, " and ".join(f"{name}'s 13 million {noun}s" for name in names)


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(os.path.getsize(os.path.join(root, f)) for root, _, files in os.walk(path) for f in files)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factcheck-hostile-") as name:
        scratch = Path(name)
        try:
            texts = articles(args, scratch)
        except UsageError as exc:
            print(f"hostile.py: {exc}", file=sys.stderr)
            return 2
        shapes = write_shapes(texts, scratch, args.tree_files)
        env = dict(os.environ, FACTCHECK_CACHE_DIR=str(scratch / "cache"))
        command, as_module = tools.factcheck_command()
        if as_module:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(corpora.REPO), env.get("PYTHONPATH")]))
        rows = {}
        for shape, path in shapes.items():
            print(f"  {shape}", file=sys.stderr)
            run = [*command, "--all-documents", "--format", "json", "--no-show-source", str(path)]
            found = measure(run, repeat=args.repeat, verdict=exit_codes(0, 1), cwd=scratch, env=env, scratch=scratch)
            if found.error:
                print(f"factcheck failed on {shape}: {found.error}", file=sys.stderr)
                return 1
            files = json.loads(found.stdout)["files_checked"]
            rows[shape] = {"files": files, "bytes": size_of(path), "wall_s": found.wall_s, "peak_mb": found.peak_mb}
    print(f"{len(texts)} articles; factcheck --all-documents; median of {args.repeat}\n")
    print("| shape | files | MB | wall s | peak MB | time per MB (per file: tree) vs baseline | peak memory vs baseline |")
    print("|---|---|---|---|---|---|---|")
    for shape, row in rows.items():
        base = rows.get(BASELINE.get(shape, ""))
        time_ratio = memory_ratio = "baseline"
        if base:
            unit = "files" if shape in PER_FILE else "bytes"
            row["time_ratio"] = (row["wall_s"] / row[unit]) / (base["wall_s"] / base[unit])
            row["memory_ratio"] = row["peak_mb"] / base["peak_mb"]
            time_ratio, memory_ratio = f"{row['time_ratio']:.2f}x", f"{row['memory_ratio']:.2f}x"
        print(f"| {shape} | {row['files']:,} | {row['bytes'] / 1e6:.1f} | {row['wall_s']:.2f} | {row['peak_mb']:.0f} "
              f"| {time_ratio} | {memory_ratio} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
