"""A draft turned into prose a reader sees, with an exact map back to the original file.

Markup is described as *edits* on the original text: a span to drop (a tag, a link target, a
code block, a URL), to replace by a paragraph break (a block-level tag, a list marker), or to
replace by what it stands for (an HTML entity, a backslash escape). Applying the edits gives the
prose and, for every prose character, the original span it came from, so a finding anywhere in
the prose can be reported at its exact line and column in the file.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_right
from functools import cached_property
from io import StringIO
from typing import Any, Iterable, Iterator, NamedTuple

from checker import markup, rx

Edit = tuple[int, int, str]  # (start, end, replacement) in original offsets

PROSE_KEYS = ("title", "subtitle", "description", "excerpt", "summary")
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".txt": "text"}


class Edits:
    """Non-overlapping edits, added in passes; an earlier pass wins any overlap.

    Kept in arrays, in order of (start, end): a draft of millions of entities or tags costs 24
    bytes an edit, not a tuple each.
    """

    def __init__(self) -> None:
        self._starts = array("q")
        self._ends = array("q")
        self._reps: list[str] = []

    def add_pass(self, edits: Iterable[Edit]) -> None:
        starts, ends = self._starts, self._ends
        kept: list[int] = []  # indexes into the pass, in order
        pass_starts, pass_ends, pass_reps = array("q"), array("q"), []
        for start, end, rep in edits:
            pass_starts.append(start)
            pass_ends.append(end)
            pass_reps.append(rep)
        order: Iterable[int] = range(len(pass_reps))
        if any(pass_starts[i] > pass_starts[i + 1] or (pass_starts[i] == pass_starts[i + 1] and pass_ends[i] > pass_ends[i + 1]) for i in range(len(pass_reps) - 1)):
            order = sorted(order, key=lambda i: (pass_starts[i], pass_ends[i]))
        last_end = -1
        for j in order:
            start, end = pass_starts[j], pass_ends[j]
            if start < last_end or (start == end and start == last_end and kept and pass_starts[kept[-1]] < start):
                continue
            i = bisect_right(starts, start) - 1
            if i >= 0 and (ends[i] > start or (starts[i] == start and start == end)):
                continue
            if i + 1 < len(starts) and starts[i + 1] < end:
                continue
            kept.append(j)
            last_end = end
        if kept:
            self._merge(pass_starts, pass_ends, pass_reps, kept)

    def _merge(self, starts: array[int], ends: array[int], reps: list[str], kept: list[int]) -> None:
        """The edits kept from a pass merged into the others, in order (the others first on a tie)."""
        merged = Edits()
        old = 0
        for j in kept:
            while old < len(self._reps) and (self._starts[old], self._ends[old]) <= (starts[j], ends[j]):
                merged._append(self._starts[old], self._ends[old], self._reps[old])
                old += 1
            merged._append(starts[j], ends[j], reps[j])
        merged._starts.extend(self._starts[old:])
        merged._ends.extend(self._ends[old:])
        merged._reps.extend(self._reps[old:])
        self._starts, self._ends, self._reps = merged._starts, merged._ends, merged._reps

    def _append(self, start: int, end: int, rep: str) -> None:
        self._starts.append(start)
        self._ends.append(end)
        self._reps.append(rep)

    def covers(self, start: int, end: int) -> bool:
        """True when some edit already overlaps [start, end)."""
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < end

    def __iter__(self) -> Iterator[Edit]:
        return zip(self._starts, self._ends, self._reps)


class Document:
    """One draft: its original text, its prose, and the map between them."""

    def __init__(self, path: str, text: str, prose: str, fmt: str, segments: Segments) -> None:
        self.path = path
        self.text = text
        self.prose = prose
        self.fmt = fmt  # markdown, html or text
        self._segments = segments
        self._line_starts: array[int] | None = None

    @cached_property
    def meta(self) -> dict[str, Any]:
        """Front matter or <meta> tags (see markup.metadata), read only when asked for."""
        return markup.metadata(self.text, self.fmt)

    @property
    def date(self) -> dt.date | None:
        """The document's own date: front matter ``date:`` (or ``published:``, ``pubDate:``,
        ``published_at:``, as static-site generators and feeds write it), an HTML page's
        published time."""
        for key in _DATE_KEYS:
            if key in self.meta:
                return as_date(self.meta[key])
        return None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets [start, end) of the prose span [start, end)."""
        return self._to_original(start, False), self._to_original(max(start, end - 1), True)

    def _to_original(self, offset: int, is_end: bool) -> int:
        seg = self._segments
        i = max(bisect_right(seg.prose, offset) - 1, 0)
        pstart, ostart, width = seg.prose[i], seg.original[i], seg.width[i]
        if width == VERBATIM:
            return ostart + (offset - pstart) + (1 if is_end else 0)
        return ostart + width if is_end else ostart

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an original offset (columns count characters)."""
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1


VERBATIM = -1  # a segment's width when it is a run of the original text, unchanged


class Segments(NamedTuple):
    """The map from prose to the original, one entry per run, in arrays (a draft of millions of
    entities maps in 24 bytes an entity). Each run starts at ``prose[i]`` in the prose and at
    ``original[i]`` in the file; it is the original text unchanged when ``width[i]`` is
    :data:`VERBATIM`, else a replacement of ``width[i]`` original characters."""

    prose: array[int]
    original: array[int]
    width: array[int]


_NEWLINE = rx.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """The lines of ``text`` as positions count them (only CR, LF and CRLF end a line)."""
    return _NEWLINE.split(text)


def line_starts(text: str) -> array[int]:
    """The offset where each of the :func:`lines` of ``text`` starts, 8 bytes a line (a file of
    millions of empty lines stays small)."""
    starts = array("q", [0])
    starts.extend(m.end() for m in _NEWLINE.finditer(text))
    return starts


def apply(text: str, edits: Iterable[Edit]) -> tuple[str, Segments]:
    out = StringIO()
    segments = Segments(array("q"), array("q"), array("q"))

    def segment(p: int, o: int, width: int) -> None:
        segments.prose.append(p)
        segments.original.append(o)
        segments.width.append(width)

    pos = p = 0
    for start, end, rep in edits:
        if start > pos:
            segment(p, pos, VERBATIM)
            out.write(text[pos:start])
            p += start - pos
        if rep:
            segment(p, start, end - start)
            out.write(rep)
            p += len(rep)
        pos = end
    segment(p, pos, VERBATIM)
    out.write(text[pos:])
    return out.getvalue(), segments


def read(path: str, text: str, fmt: str, prose_keys: tuple[str, ...] = PROSE_KEYS) -> Document:
    """Build the document for ``text`` written in ``fmt`` (markdown, html or text)."""
    edits = Edits()
    if fmt == "markdown":
        markup.markdown(text, edits, prose_keys)
    elif fmt == "html":
        markup.html_page(text, edits)
    else:
        markup.plain(text, edits)
    markup.unseen(text, edits)
    prose, segments = apply(text, edits)
    prose = markup.as_lf(prose)
    return Document(path, text, prose, fmt, segments)


_DATE_KEYS = ("date", "published", "publishDate", "pubDate", "published_at", "publishedAt", "datePublished")


def as_date(value: Any) -> dt.date | None:
    """A date from a metadata value: a YAML date or datetime, or an ISO 8601 string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


# Words that end with a period without ending a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft inc corp co ltd llc plc bros vs etc al approx est dept "
    "univ gov sen rep gen lt col capt sgt adm jan feb mar apr jun jul aug sep sept oct nov dec "
    "no nos vol fig op pp e.g i.e u.s u.k u.n e.u a.m p.m d.c n.y l.a".split()
)
PARAGRAPH = rx.compile(r"\n[ \t\u00a0\u200b]*\n\s*")  # a blank line between paragraphs of prose
# Dot leaders end no sentence on their line: "$31.00 ........ Per-share price".
_SENTENCE_END = rx.compile(
    r"""(?<=[.!?…])(?!(?<=[ \t\u00a0](?:\.{2,}|…+))[ \t\u00a0]+\S)["'”’)\]]*(?:\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])|(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll}))"""
)
_WORD_BEFORE = rx.compile(r"([\p{L}.]+)\.[\"'”’)\]]*$")


# Characters in the longest span read as one sentence. Real sentences stay far below it: of the
# 681,788 sentences of the shared archive's 22,785 articles, 56 are longer than 1,000 characters
# and 13 longer than this, all in three pages of pasted data (a game map, a court filing). A
# longer run without a full stop is read in windows of at most this many characters, each cut
# at a space, so every check costs the same per character whatever the draft's shape. A claim
# that straddles a cut is not recognised.
MAX_SENTENCE = 5_000


def sentences(prose: str) -> list[tuple[int, int]]:
    """Sentence spans of ``prose``; paragraph breaks always end a sentence, and no span is
    longer than :data:`MAX_SENTENCE`."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(prose):
        start = para_start
        for m in _SENTENCE_END.finditer(prose, para_start, para_end):
            word = _WORD_BEFORE.search(prose, max(para_start, m.start() - 30), m.start())
            if word and _is_abbreviation(word.group(1)):
                continue
            _add(prose, spans, start, m.start())
            start = m.end()
        _add(prose, spans, start, para_end)
    return spans


def paragraph_break(prose: str, start: int, end: int) -> bool:
    """Whether a paragraph ends somewhere in prose[start:end] (a blank line, blanks allowed)."""
    return PARAGRAPH.search(prose, start, end) is not None


def paragraph_start(prose: str, at: int) -> int:
    """Where the paragraph holding prose[at] begins."""
    breaks = [m.end() for m in PARAGRAPH.finditer(prose, 0, at)]
    return breaks[-1] if breaks else 0


def _paragraphs(prose: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in PARAGRAPH.finditer(prose):
        yield start, m.start()
        start = m.end()
    yield start, len(prose)


def _is_abbreviation(word: str) -> bool:
    word = word.lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or "." in word.strip(".")


def _add(prose: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:  # no real sentence: read it in windows, cut at a space
        limit = start + MAX_SENTENCE
        cut = max(prose.rfind(" ", start + MAX_SENTENCE // 2, limit), prose.rfind("\n", start + MAX_SENTENCE // 2, limit))
        cut = cut if cut > start else limit
        spans.append((start, cut))
        start = cut
        while start < end and prose[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
