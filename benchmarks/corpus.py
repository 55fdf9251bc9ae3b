"""Where the benchmark's drafts come from: the shared archive, a folder, or a generated set.

- The shared newsroom archive (``../shared/corpus/newsroom-archive.tar.xz`` beside the
  repository) is extracted once into ``$TMPDIR/factcheck-bench/<key>/``, where the key is the
  first 16 hex digits of the archive's SHA-256, and reused by later runs.
- ``generate(n, folder)`` writes ``n`` small Markdown articles, the same ones for the same
  ``n`` and seed: generic news copy, and about a third on the story of the bundled pack
  (Anthropic, distillation, DeepSeek, Moonshot AI, MiniMax, exchanges and accounts), some of
  them with wrong figures or misspelt names, so the checker has work to do.
- ``sample(files, limit, folder)`` links the first ``limit`` drafts into a folder for peers
  too slow for the whole corpus; ``single_draft(folder)`` writes a ~5 KB draft from the
  repository's ``seeds/``.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from floor import draft_files

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = (REPO / ".." / "shared" / "corpus" / "newsroom-archive.tar.xz").resolve()
CACHE = Path(tempfile.gettempdir()) / "factcheck-bench"
_DONE = ".extracted"


@dataclass(frozen=True)
class Corpus:
    """A folder of drafts and what it holds."""

    folder: Path
    origin: str  # "archive", "generated" or "folder"
    files: list[Path]

    @cached_property
    def size(self) -> int:
        """Their bytes."""
        return sum(f.stat().st_size for f in self.files)


def open_folder(folder: Path, origin: str) -> Corpus:
    return Corpus(folder, origin, draft_files(folder))


def extract_archive(archive: Path = ARCHIVE, cache: Path = CACHE) -> Path:
    """The archive's contents in the cache, extracting them the first time."""
    digest = hashlib.sha256()
    with archive.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    target = cache / digest.hexdigest()[:16]
    if (target / _DONE).exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="extracting-", dir=cache))
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(staging, filter="data")
        else:  # Pythons before the extraction filters (3.10.11 and older)
            tar.extractall(staging)
    (staging / _DONE).write_text(str(archive) + "\n", encoding="utf-8")
    try:
        staging.rename(target)
    except OSError:  # a half-extracted leftover, or another run finished first
        if (target / _DONE).exists():
            shutil.rmtree(staging)
        else:
            shutil.rmtree(target, ignore_errors=True)
            staging.rename(target)
    return target


def sample(files: list[Path], root: Path, limit: int, folder: Path) -> list[Path]:
    """Hard-link (or copy) the first ``limit`` of ``files`` into ``folder``, keeping their
    paths relative to ``root``; return the new paths."""
    chosen: list[Path] = []
    for path in files[:limit]:
        target = folder / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)
        chosen.append(target)
    return chosen


def single_draft(folder: Path, size: int = 5000) -> Path:
    """A Markdown draft of about ``size`` bytes: one seed report, then paragraphs of another."""
    seeds = REPO / "seeds"
    text = (seeds / "tech-site.md").read_text(encoding="utf-8").rstrip() + "\n"
    body = (seeds / "analysis.md").read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    for paragraph in body.split("\n\n"):
        if len(text.encode("utf-8")) >= size:
            break
        text += "\n" + paragraph.strip() + "\n"
    path = folder / "draft.md"
    path.write_text(text, encoding="utf-8")
    return path


# Generated articles: every sentence below was written for this benchmark.
_TOPICS = {
    "council": [
        "The city council approved a new budget for road repairs on Tuesday evening.",
        "Residents packed the meeting to argue over plans for a second bus depot.",
        "The mayor said the cycle lanes would be finished before the autumn term.",
        "Opposition members asked why the library renovation had run over budget.",
        "A vote on the riverside housing scheme was postponed until next month.",
        "Officials estimated that about 1,200 homes would be connected to the new heating network.",
    ],
    "weather": [
        "Forecasters warned of heavy rain across the north of the region this weekend.",
        "Several rail lines were closed after a landslip near the coast.",
        "Farmers said the dry spring had cut their early harvest by a third.",
        "The storm brought down power lines, leaving some 8,000 households without electricity.",
        "Temperatures are expected to recover by the middle of next week.",
    ],
    "sport": [
        "The home side came back from two goals down to draw in the final minutes.",
        "Their captain said the squad had trained harder than ever over the winter.",
        "Tickets for the cup final sold out within an hour of going on sale.",
        "The club confirmed that its new stadium would hold 42,000 spectators.",
        "A late penalty decided the match, to the fury of the visiting fans.",
    ],
    "markets": [
        "Shares in the chip maker rose sharply after it raised its sales forecast.",
        "The central bank left interest rates unchanged, as most economists had expected.",
        "Oil prices slipped for a third day on signs of weaker demand.",
        "The retailer said it would close 40 stores and open a larger warehouse.",
        "Analysts cautioned that the recovery in consumer spending remained fragile.",
    ],
    "technology": [
        "The startup released an open-source tool for translating legal documents.",
        "A new phone from the company will ship with a larger battery and a brighter screen.",
        "Researchers published a benchmark comparing how quickly language models answer questions.",
        "The cloud provider said an outage on Monday was caused by a faulty configuration change.",
        "Regulators opened a consultation on how chatbots should label generated text.",
    ],
}
_STORY = [
    "Anthropic said three Chinese labs had used distillation to copy the abilities of its Claude models.",
    "According to Anthropic, DeepSeek, Moonshot AI and MiniMax worked through roughly 24,000 fraudulent accounts.",
    "The labs generated more than 16 million exchanges with Claude, Anthropic said.",
    "Anthropic said MiniMax accounted for more than 13 million exchanges, the largest share.",
    "Moonshot AI was responsible for more than 3.4 million exchanges, the company said.",
    "DeepSeek held over 150,000 exchanges with Claude, according to Anthropic.",
    "Distillation means training a smaller model on the outputs of a larger, more capable one.",
    "Anthropic said it had banned the accounts and shared what it found with other AI companies.",
    "Experts said distillation is a common technique when a company trains its own smaller models.",
]
# Sentences a careless draft would write: wrong figures, a misspelt name, a wrong definition.
_MISTAKES = [
    "Anthropic said the labs used about 34,000 fraudulent accounts.",
    "Moonshot's 13 million exchanges focused on coding, Anthropic said.",
    "Deepseek held more than 150,000 exchanges with Claude, Anthropic said.",
    "Minimax shifted nearly half of its traffic to a new model, Anthropic said.",
    "Distillation is a process in which an established model evaluates the answers of a newer model and scores them.",
    "In total the three labs generated more than 61 million exchanges with Claude, Anthropic said.",
]


def generate(count: int, folder: Path, seed: int = 2026) -> Corpus:
    """Write ``count`` Markdown articles into ``folder`` (the same ones for the same seed)."""
    rng = random.Random(seed)
    topics = sorted(_TOPICS)
    for i in range(count):
        on_story = i % 3 == 0
        topic = "distillation" if on_story else rng.choice(topics)
        day = 1 + rng.randrange(28)
        lines = ["---", f"title: Article {i + 1} on {topic}", f"date: 2026-03-{day:02d}", "---", "",
                 f"# Article {i + 1}", ""]
        for _ in range(rng.randint(4, 8)):
            if on_story:
                sentences = rng.sample(_STORY, 3)
                if rng.random() < 0.3:
                    sentences[rng.randrange(3)] = rng.choice(_MISTAKES)
            else:
                sentences = rng.sample(_TOPICS[topic], 3)
            lines += [" ".join(sentences), ""]
        section = folder / ("story" if on_story else topic)
        section.mkdir(parents=True, exist_ok=True)
        (section / f"article-{i + 1:05d}.md").write_text("\n".join(lines), encoding="utf-8")
    return open_folder(folder, "generated")
