"""A draft turned into prose a reader sees, with an exact map back to the original file.

Markup is described as *edits* on the original text: a span to drop (a tag, a link target, a
code block, a URL), to replace by a paragraph break (a block-level tag, a list marker), or to
replace by what it stands for (an HTML entity, a backslash escape). Applying the edits gives the
prose and, for every prose character, the original span it came from, so a finding anywhere in
the prose can be reported at its exact line and column in the file.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from functools import cached_property
from typing import Any, Iterable, Iterator

from checker import markup, rx

Edit = tuple[int, int, str]  # (start, end, replacement) in original offsets

PROSE_KEYS = ("title", "subtitle", "description", "excerpt", "summary")
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".txt": "text"}


class Edits:
    """Non-overlapping edits, added in passes; an earlier pass wins any overlap."""

    def __init__(self) -> None:
        self._items: list[Edit] = []
        self._starts: list[int] = []

    def add_pass(self, edits: Iterable[Edit]) -> None:
        items, starts = self._items, self._starts
        kept: list[Edit] = []
        last_end = -1
        for start, end, rep in sorted(edits, key=lambda e: (e[0], e[1])):
            if start < last_end or (start == end and start == last_end and kept and kept[-1][0] < start):
                continue
            i = bisect_right(starts, start) - 1
            if i >= 0 and (items[i][1] > start or (items[i][0] == start and start == end)):
                continue
            if i + 1 < len(items) and items[i + 1][0] < end:
                continue
            kept.append((start, end, rep))
            last_end = end
        if kept:
            self._items = sorted(items + kept, key=lambda e: (e[0], e[1]))
            self._starts = [e[0] for e in self._items]

    def covers(self, start: int, end: int) -> bool:
        """True when some edit already overlaps [start, end)."""
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and self._items[i][1] > start:
            return True
        return i + 1 < len(self._items) and self._items[i + 1][0] < end

    def __iter__(self) -> Iterator[Edit]:
        return iter(self._items)


class Document:
    """One draft: its original text, its prose, and the map between them."""

    def __init__(self, path: str, text: str, prose: str, fmt: str, segments: list[tuple[int, int, int | None]]) -> None:
        self.path = path
        self.text = text
        self.prose = prose
        self.fmt = fmt  # markdown, html or text
        # Each segment: (prose start, original start, original width of each char or None).
        # None means a verbatim run; a number means the segment replaced that many original chars.
        self._segments = segments
        self._line_starts: list[int] | None = None

    @cached_property
    def meta(self) -> dict[str, Any]:
        """Front matter or <meta> tags (see markup.metadata), read only when asked for."""
        return markup.metadata(self.text, self.fmt)

    @property
    def date(self) -> dt.date | None:
        """The document's own date (front matter ``date:``, an HTML page's published time)."""
        return as_date(self.meta.get("date"))

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets [start, end) of the prose span [start, end)."""
        return self._to_original(start, False), self._to_original(max(start, end - 1), True)

    def _to_original(self, offset: int, is_end: bool) -> int:
        i = bisect_right(self._segments, (offset, float("inf"), 0)) - 1
        pstart, ostart, width = self._segments[max(i, 0)]
        if width is None:
            return ostart + (offset - pstart) + (1 if is_end else 0)
        return ostart + width if is_end else ostart

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an original offset (columns count characters)."""
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1


_NEWLINE = rx.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """The lines of ``text`` as positions count them (only CR, LF and CRLF end a line)."""
    return _NEWLINE.split(text)


def line_starts(text: str) -> list[int]:
    """The offset where each of the :func:`lines` of ``text`` starts."""
    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


def apply(text: str, edits: Iterable[Edit]) -> tuple[str, list[tuple[int, int, int | None]]]:
    pieces: list[str] = []
    segments: list[tuple[int, int, int | None]] = []
    pos = p = 0
    for start, end, rep in edits:
        if start > pos:
            segments.append((p, pos, None))
            pieces.append(text[pos:start])
            p += start - pos
        if rep:
            segments.append((p, start, end - start))
            pieces.append(rep)
            p += len(rep)
        pos = end
    segments.append((p, pos, None))
    pieces.append(text[pos:])
    return "".join(pieces), segments


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
    return Document(path, text, prose, fmt, segments)


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
_PARAGRAPH = rx.compile(r"\n[ \t\u00a0\u200b]*\n\s*")
_SENTENCE_END = rx.compile(
    r"""(?<=[.!?…])["'”’)\]]*(?:\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])|(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll}))"""
)
_WORD_BEFORE = rx.compile(r"([\p{L}.]+)\.[\"'”’)\]]*$")


def sentences(prose: str) -> list[tuple[int, int]]:
    """Sentence spans of ``prose``; paragraph breaks always end a sentence."""
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


def _paragraphs(prose: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _PARAGRAPH.finditer(prose):
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
    if end > start:
        spans.append((start, end))
