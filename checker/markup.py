"""What is not prose in Markdown, HTML and plain text, expressed as edits on the original.

Each function adds passes to an :class:`~checker.document.Edits`; earlier passes win overlaps,
so block structures (front matter, code, comments) are claimed before inline markup.
Paragraph breaks (``"\\n\\n"``) are inserted wherever a reader sees a new block: headings, list
items, table cells, block-level HTML tags. Sentences never run across them.
"""

from __future__ import annotations

import re
from functools import cached_property
from io import StringIO
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from checker import rx
from checker.phrases import WORD_RUN
from checker.phrases import words as phrase_words

if TYPE_CHECKING:
    from checker.document import Edit, Edits

BREAK = "\n\n"
# Characters a reader never sees: soft hyphen, zero-width spaces and joiners, direction marks and
# controls, word joiner, zero-width no-break space. "13\u200b000\u200b000" reads as 13000000 and
# "Deep\u200bseek" as "Deepseek", so they are dropped from the prose (and from the early tests).
INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE = rx.compile("[" + INVISIBLE + "]+")

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")  # stdlib re: it runs over every line, and is faster at this
_FENCE_OPEN = rx.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = rx.compile(r" {0,3}(#{1,6})(?:[ \t]+|(?=[\r\n]|$))")
_ATX_CLOSE = rx.compile(r"[ \t]+#+[ \t]*$|[ \t]*$")
_SETEXT_OR_RULE = rx.compile(r" {0,3}(?:=+|-{2,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$")
_QUOTE = rx.compile(r" {0,3}(?:>[ \t]?)+")
_LIST = rx.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)")
# Plain text: bullets a typist uses, and numbers or letters that count items (not a year that
# ends a sentence at the start of a wrapped line, nor an initial: "2026." and "J." are not items).
_PLAIN_ITEM = rx.compile(r"[ \t]*+(?:[-*\u2022\u00b7\u2013\u2014]|\d{1,2}[.)]|[a-z][.)]|[A-Z]\))[ \t]++(?=\S)")
# A line of a fact box or calendar: a short label, a dash, a colon or dot leaders, what it
# stands for ("24 Feb -- the board meets", "$7bn — the regulatory fee", "Tue 24 Feb - Acme raises
# its offer", "Breakup fee: $2.8bn", "Fri., Feb. 27 ... Merger signed", "Thu, 26 Feb .. Globex
# walks"). Two such lines in a row are two entries, not a wrapped sentence.
_ENTRY = rx.compile(r"[ \t]*+(?!\p{Ll})\S.{0,27}?(?:[ \t]+(?:--|-|\u2014|\u2013|\.{2,}|\u2026)|:)[ \t]+\S")
# A Markdown line set out as a fact box's entry with dot leaders: "DeepSeek ......... reasoning".
_LEADER_ENTRY = rx.compile(r"[ \t]*+(?!\p{Ll})\S.{0,40}?[ \t]*(?:\.{4,}|…{2,})[ \t]*\S")
# A line of a fact box set out with one pipe between its head and what it says, no table around it.
_PIPE_ENTRY = rx.compile(r"[ \t]*[^|\s][^|\r\n]{0,40}?[ \t]+\|[ \t]+[^|\r\n]*[^|\s][^|\r\n]*(?:\r\n|\r|\n)?\Z")
_HEADING_WIDTH = 80  # characters: a wire paragraph wraps at about 70, a headline fits in this
_HEADING_END = ".!?:;,-\u2013\u2014"
_CLOSERS = "\"'\u201d\u2019)]"
_LABEL_WORDS = 4
# A wire dateline ends no sentence though it may stand alone: "SAN FRANCISCO, Feb 23 (Reuters)",
# "NEW YORK (AP)". A headline in capitals has no capitalised word after its comma.
_DATELINE = rx.compile(r"[ \t]*+\p{Lu}[\p{Lu}.'\u2019 -]{1,30}?(?:,[ \t]+\p{Lu}\p{Ll}|[ \t]+\(\p{Lu}[\p{L}.]*\))")
_REFDEF = rx.compile(r" {0,3}\[[^\]\r\n]+\]:[ \t]*\S+.*$")
# Possessive: "[ \t]*\|?[ \t]*" once took seconds per line on a line of 2,000 spaces.
_TABLE_DELIM = rx.compile(r"[ \t]*+\|?[ \t]*+:?-{3,}+:?[ \t]*+(?:\|[ \t]*+:?-{3,}+:?[ \t]*+)*+\|?[ \t]*+$")

_COMMENT = rx.compile(r"<!--.*?(?:-->|\Z)", rx.DOTALL)
_RAW_BLOCK = rx.compile(
    r"<(script|style|pre|code|svg|math|template|noscript|iframe)\b[^<>]*+>.*?(?:</\1\s*>|\Z)",
    rx.DOTALL | rx.IGNORECASE,
)
# Declarations (<!DOCTYPE>), processing instructions (<?php ?>) and CDATA: in Markdown they end
# as CommonMark's HTML blocks do ("?>", "]]>"), in an HTML page at the first ">" as in a browser.
# One still open runs to the end of the file and hides it, so no opener is searched for its end
# more than once: "<?" searched for "?>" from each one took 28 s for 50,000 of them.
_DECLARATION = {
    "markdown": rx.compile(r"<(?:![A-Za-z][^>]*+(?:>|\Z)|\?.*?(?:\?>|\Z)|!\[CDATA\[.*?(?:\]\]>|\Z))", rx.DOTALL),
    "html": rx.compile(r"<(?:![A-Za-z]|\?|!\[CDATA\[)[^>]*+(?:>|\Z)"),
}
_TAG_START = rx.compile(r"</?[A-Za-z]")
_TAG = rx.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*/?>")
_ALT = rx.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", rx.IGNORECASE)
_META_TAG = rx.compile(r"<meta\b[^<>]*+>", rx.IGNORECASE)
_SHOWN_META = rx.compile(r"""\b(?:name|property)\s*=\s*["'](?:og:)?(?:description|title)["']""", rx.IGNORECASE)
_CONTENT = rx.compile(r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", rx.IGNORECASE)
# Tags are searched no further than the next "<", and what is unclosed runs to the end: each
# pattern reads the text once, however many unclosed "<meta", "<script" or "<title>" it holds.
_HEAD = rx.compile(r"<head\b[^<>]*+>.*?(?:</head\s*>|\Z)", rx.DOTALL | rx.IGNORECASE)
_TITLE = rx.compile(r"<title\b[^<>]*+>(.*?)(?:</title\s*>|\Z)", rx.DOTALL | rx.IGNORECASE)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p "
    "section summary table tbody tfoot thead title tr ul head option select".split()
)
_CELL_TAGS = frozenset(("td", "th"))  # a table row is one sentence, its cells joined by " | "

_ENTITY = rx.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPE = rx.compile(r"\\([!-/:-@\[-`{-~])")
_TICKS = re.compile(r"`+")
_PARAGRAPH_END = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)")  # not a CRLF read as CR, LF
_AUTOLINK = rx.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_LINK = rx.compile(
    r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"(\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\[\]\n]*\])"
)
# A URL runs to a blank, "<", a quote or a backtick, less the punctuation that ends a sentence,
# and only when nothing but such punctuation comes before that blank or "<". (A lazy body with a
# lookahead did the same but read the trailing run again at every character: quadratic.)
_URL = rx.compile(r"(\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'`]++", rx.IGNORECASE)
_URL_END = ".,;:!?)]'\"”’"
_URL_TAIL = rx.compile(r"[.,;:!?)\]'\"”’]*+(?:\s|$|<)")
_EMAIL = rx.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_EMPHASIS = rx.compile(r"(?<![\p{L}\p{N}])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\p{L}\p{N}])|\*{1,3}(?! )|(?<! )\*{1,3}|~~")


# A suppression (see checker.suppress): in an HTML comment, or after "#" in plain text.
DIRECTIVE = (
    r"factcheck-(?P<verb>disable|enable|ignore-next-line)(?P<facts>(?:[ \t]+[a-z0-9][a-z0-9,\t -]*?)?)"
    r"(?:[ \t]+--[ \t]*(?P<reason>[^\r\n]*?))?"
)
DIRECTIVE_LINE = rx.compile(r"^[ \t]*#[ \t]*" + DIRECTIVE + r"[ \t\r]*$", rx.MULTILINE)


def code_spans(text: str, fmt: str) -> list[tuple[int, int]]:
    """Where a draft shows code (fences, code spans, <pre>/<code>): text there is an example."""
    if fmt == "markdown":
        spans = [(start, end) for start, end, _ in _fenced_code(text, 0)]
        spans += _code_spans(text, 0)
        return spans + [m.span() for m in _RAW_BLOCK.finditer(text)]
    if fmt == "html":
        return [m.span() for m in _RAW_BLOCK.finditer(text)]
    return []


def _code_spans(text: str, body: int) -> list[tuple[int, int]]:
    """Markdown code spans: a run of backticks up to the next run of the same length, in one paragraph.

    One pass over the runs, so that thousands of unmatched backticks cost no more than reading
    them (a single regular expression searched ahead from every run, which is quadratic).
    """
    runs = [m.span() for m in _TICKS.finditer(text, body)]
    later: dict[int, list[int]] = {}  # length -> indexes of the runs of that length, last first
    for k in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[k][1] - runs[k][0], []).append(k)
    spans: list[tuple[int, int]] = []
    paragraph_end = -1
    k = 0
    while k < len(runs):
        start, end = runs[k]
        same = later[end - start]
        while same and same[-1] <= k:
            same.pop()
        if paragraph_end < end:
            found = _PARAGRAPH_END.search(text, end)
            paragraph_end = found.start() if found else len(text)
        if same and runs[same[-1]][0] < paragraph_end:
            closer = same.pop()
            spans.append((start, runs[closer][1]))
            k = closer + 1
        else:
            k += 1
    return spans


def _lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, line without its ending) for each line of text[start:end].

    A StringIO with ``newline=""`` ends lines at CR, LF and CRLF alone, as positions count them,
    and reads them one at a time at the speed of C.
    """
    offset = start
    for line in StringIO(text[start:end], newline=""):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def plain(text: str, edits: Edits) -> None:
    """Plain text: only URLs, e-mail addresses and factcheck's own directives are not prose;
    list items and headings end their sentences (see :func:`_plain_blocks`)."""
    edits.add_pass((m.start(), m.end(), "") for m in DIRECTIVE_LINE.finditer(text))
    edits.add_pass(_plain_blocks(text))
    edits.add_pass(_urls(text))


class _Line(NamedTuple):
    """What the line before decides about the next one, in plain text."""

    end: int  # offset after its last character (before its line end)
    blank: bool
    candidate: bool  # may be a heading: starts a block, is short, is not ended by punctuation
    caps: bool  # a heading whatever follows it: in capitals, or a short "Label:"
    opens_list: bool  # a list item may follow: it is blank, a list item, or ends with ":"
    entry: bool = False  # an entry of a fact box or calendar: "24 Feb -- the board meets"


def _plain_blocks(text: str) -> Iterator[Edit]:
    """List items and headings in plain text, which end a sentence as in Markdown.

    A list item is a line that starts with a bullet ("- ", "* ", "• ", "· ", "– ", "— ") or a
    number or letter ("1. ", "2) ", "a) "), where a list may start: after a blank line, at the top,
    after a line ending with ":", within a list, or after a heading when the item does not start
    in lower case. Its marker becomes a paragraph break. A heading is a line of at most :data:`_HEADING_WIDTH` characters, not a list item, not
    ended by punctuation (``.!?:;,`` or a dash), not a wire dateline, at the top, after a blank line
    or after a heading; it ends its sentence when a blank line or a list item follows, or when it
    is in capitals ("THE SCALE") or a short label ("Key points:"). Two entries of a fact box or
    calendar in a row ("24 Feb -- the board meets") are two sentences. A hard-wrapped paragraph,
    whose first line runs on into the next, stays one paragraph.
    """
    before = _Line(-1, True, False, False, True)
    in_list = False
    for offset, line in _lines(text):
        stripped = line.strip()
        if stripped.startswith("#") and DIRECTIVE_LINE.match(line):
            continue  # a directive is not read: the lines around it meet
        blank = not stripped
        item = None if blank else _PLAIN_ITEM.match(line)
        if item and not (before.opens_list or in_list or (before.candidate and not line[item.end()].islower())):
            item = None  # a dash that starts a line of a wrapped paragraph: "- which he denies -"
        heading = before.candidate and (blank or item is not None or before.caps)
        if heading and not (blank or item):  # else the blank line or the item's break ends it
            yield before.end, before.end, BREAK
        if item:
            yield offset, offset + item.end(), BREAK
        entry = not blank and not item and _ENTRY.match(line) is not None
        piped = not blank and not item and not entry and _PIPE_ENTRY.match(line) is not None
        if piped:  # "16M+ | exchanges with Claude": the pipe reads as an entry's colon
            pipe = offset + line.index("|")
            yield pipe, pipe + 1, ":"
            entry = True
        if entry and before.entry and not heading:
            yield before.end, before.end, BREAK
        in_list = item is not None or (in_list and not blank)
        starts_block = before.blank or heading
        words = stripped.rstrip(_CLOSERS)
        label = starts_block and not item and words.endswith(":") and len(words.split()) <= _LABEL_WORDS
        candidate = (
            starts_block
            and not item
            and not blank
            and len(stripped) <= _HEADING_WIDTH
            and (label or words[-1:] not in _HEADING_END)  # "" is in every string
            and not _DATELINE.match(line)
        )
        opens_list = blank or item is not None or words.endswith(":")
        before = _Line(offset + len(line), blank, candidate, label or stripped.isupper(), opens_list, entry)


def markdown(text: str, edits: Edits, prose_keys: tuple[str, ...]) -> None:
    body = front_matter(text, edits, prose_keys)
    edits.add_pass(_fenced_code(text, body))
    edits.add_pass((m.start(), m.end(), "") for m in _COMMENT.finditer(text, body))
    edits.add_pass((m.start(), m.end(), BREAK) for m in _RAW_BLOCK.finditer(text, body))
    edits.add_pass(_indented_code(text, body, edits))
    edits.add_pass((start, end, "") for start, end in _code_spans(text, body))
    edits.add_pass(_blocks(text, body, edits))
    edits.add_pass((m.start(), m.end(), "") for m in _AUTOLINK.finditer(text, body))
    edits.add_pass(_links(text, body))
    edits.add_pass(_tags(text, "markdown", body))
    edits.add_pass(_urls(text, body))
    edits.add_pass(_entities(text, body))
    edits.add_pass((m.start(), m.end(), m.group(1)) for m in _ESCAPE.finditer(text, body))
    edits.add_pass((m.start(), m.end(), "") for m in _EMPHASIS.finditer(text, body))


def html_page(text: str, edits: Edits) -> None:
    edits.add_pass((m.start(), m.end(), "") for m in _COMMENT.finditer(text))
    edits.add_pass(_head(text))
    edits.add_pass((m.start(), m.end(), BREAK) for m in _RAW_BLOCK.finditer(text))
    edits.add_pass(_tags(text, "html"))
    edits.add_pass(_urls(text))
    edits.add_pass(_entities(text))


def front_matter(text: str, edits: Edits, prose_keys: tuple[str, ...]) -> int:
    """Drop YAML (---) or TOML (+++) front matter but its reader-facing keys; return body start."""
    block = _front_matter_block(text)
    if block is None:
        return 0
    fence, lines, end = block
    kept = list(_prose_values(text, lines, fence, prose_keys))
    removed: list[Edit] = []
    pos = 0
    for start, stop in kept:
        removed.append((pos, start, BREAK))
        pos = stop
    removed.append((pos, end, BREAK))
    edits.add_pass(removed)
    return end


def _front_matter_block(text: str) -> tuple[str, list[tuple[int, str]], int] | None:
    """(fence, lines between the fences, offset after the closing fence), if there is one."""
    first = _LINE.match(text)
    if first is None:
        return None
    fence = first.group().rstrip("\r\n")
    if fence not in ("---", "+++"):
        return None
    closers = ("---", "...") if fence == "---" else ("+++",)
    # Found first and read after: an unterminated block would keep every line of the file.
    close = next((offset for offset, line in _lines(text, first.end()) if line.rstrip() in closers), None)
    if close is None:
        return None  # unterminated: not front matter but a thematic break
    end_line = _LINE.match(text, close)
    return fence, list(_lines(text, first.end(), close)), end_line.end() if end_line else len(text)


def metadata(text: str, fmt: str) -> dict[str, Any]:
    """The document's own metadata: front matter keys, or an HTML page's <meta> tags.

    Used for pack scope and for the date relative words ("on Monday") are resolved against.
    Metadata that cannot be parsed is ignored: it is the prose that is checked, not its header.
    """
    if fmt == "html":
        return _html_meta(text)
    if fmt != "markdown":
        return {}
    block = _front_matter_block(text)
    if block is None:
        return {}
    fence, lines, _ = block
    body = "\n".join(line for _, line in lines)
    try:
        if fence == "+++":
            import tomllib

            data = tomllib.loads(body)
        else:
            from checker import yamlsafe  # bounded: a draft's header can be as hostile as its body

            data = yamlsafe.flat(body)
            if data is None:
                data, _ = yamlsafe.load(body, strict=False)
    except Exception:  # noqa: BLE001 - a malformed header only loses its metadata
        return {}
    return data if isinstance(data, dict) else {}


_META_NAME = rx.compile(r"""\b(?:name|property|itemprop)\s*=\s*(?:"([^"]*)"|'([^']*)')""", rx.IGNORECASE)
_META_KEYS = {
    "article:published_time": "date", "datepublished": "date", "date": "date", "pubdate": "date",
    "dc.date": "date", "og:published_time": "date", "article:tag": "tags", "keywords": "tags",
}


def _html_meta(text: str) -> dict[str, Any]:
    head = _HEAD.search(text)
    found: dict[str, Any] = {}
    for tag in _META_TAG.finditer(text, 0, head.end() if head else len(text)):
        name, content = _META_NAME.search(tag.group()), _CONTENT.search(tag.group())
        if not name or not content:
            continue
        key = (name.group(1) if name.group(1) is not None else name.group(2)).lower()
        value = unescape(content.group(1) if content.group(1) is not None else content.group(2)).strip()
        key = _META_KEYS.get(key, key)
        if key == "tags":
            found.setdefault("tags", []).extend(t.strip() for t in value.split(",") if t.strip())
        else:
            found.setdefault(key, value)
    return found


_YAML_KEY = rx.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+|$)")
_TOML_KEY = rx.compile(r"([A-Za-z_][\w-]*)[ \t]*=[ \t]*")


def _prose_values(
    text: str, lines: list[tuple[int, str]], fence: str, keys: tuple[str, ...]
) -> Iterator[tuple[int, int]]:
    """Spans of the values of ``keys`` (quotes excluded) in front matter lines."""
    key_re = _YAML_KEY if fence == "---" else _TOML_KEY
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        m = key_re.match(line)
        i += 1
        if not m or m.group(1).lower() not in keys:
            continue
        value = line[m.end():]
        start = offset + m.end()
        if fence == "---" and rx.match(r"[>|][-+0-9]*[ \t]*$", value):
            block = []
            while i < len(lines) and (not lines[i][1].strip() or lines[i][1][:1] in " \t"):
                block.append(lines[i])
                i += 1
            if block:
                yield block[0][0], block[-1][0] + len(block[-1][1])
            continue
        stripped = value.rstrip()
        if stripped[:1] in "\"'" and len(stripped) > 1 and stripped[-1] == stripped[0]:
            yield start + 1, start + len(stripped) - 1
            continue
        end = start + len(stripped)
        while fence == "---" and i < len(lines) and lines[i][1][:1] in " \t" and lines[i][1].strip():
            end = lines[i][0] + len(lines[i][1])
            i += 1
        if end > start:
            yield start, end


def _fenced_code(text: str, body: int) -> Iterator[Edit]:
    fence: str | None = None
    begin = 0
    for offset, line in _lines(text, body):
        if fence is None:
            m = _FENCE_OPEN.match(line)
            if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
                fence, begin = m.group(1), offset
        elif line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
            yield begin, offset + len(line), BREAK
            fence = None
    if fence is not None:
        yield begin, len(text), BREAK


def _indented_code(text: str, body: int, edits: Edits) -> Iterator[Edit]:
    """CommonMark indented code: 4+ columns of indent after a blank line, outside lists."""
    previous_blank, in_list, block_start, block_end = True, False, -1, -1
    for offset, line in _lines(text, body):
        blank = not line.strip()
        indented = line.startswith(("    ", "\t")) and not blank
        if block_start >= 0 and not (indented or blank):
            yield block_start, block_end, BREAK
            block_start = -1
        if indented and block_start < 0 and previous_blank and not in_list:
            if not edits.covers(offset, offset + len(line)):
                block_start = offset
        if block_start >= 0 and indented:
            block_end = offset + len(line)
        if not blank and not indented:
            in_list = bool(_LIST.match(line)) or (in_list and not previous_blank)
        previous_blank = blank
    if block_start >= 0:
        yield block_start, block_end, BREAK


def _blocks(text: str, body: int, edits: Edits) -> Iterator[Edit]:
    """Line-level Markdown: headings, rules, quotes, list markers, tables, link definitions,
    and the lines of a fact box laid out with dot leaders or a pipe, each a sentence of its own."""
    in_table = False
    for offset, line in _lines(text, body):
        end = offset + len(line)
        if edits.covers(offset, max(end, offset + 1)) and edits.covers(offset, offset + 1):
            continue
        if _LEADER_ENTRY.match(line):  # "Moonshot AI ...... agentic reasoning, tool use"
            yield offset, offset, BREAK
            yield end, end, BREAK
        elif not in_table and _PIPE_ENTRY.match(line) and not _next_is_delimiter(text, end):
            # "**~24,000** | fraudulent accounts": a fact box's entry, not a table's row; its
            # pipe reads as the colon of "**~24,000**: fraudulent accounts"
            pipe = offset + line.index("|")
            yield offset, offset, BREAK
            yield pipe, pipe + 1, ":"
            yield end, end, BREAK
        if line[:1].isalpha():  # most lines of prose: no block starts with a letter, but a table row may
            if "|" in line and (in_table or _next_is_delimiter(text, end)):
                in_table = True
                yield from _row(offset, line)
            else:
                in_table = False
            continue
        if _REFDEF.match(line) or _SETEXT_OR_RULE.match(line):
            yield offset, end, BREAK
            continue
        pos = offset
        quote = _QUOTE.match(line)
        if quote:
            yield offset, offset + quote.end(), ""
            pos = offset + quote.end()
        heading = _ATX.match(text, pos, end)
        if heading:
            yield pos, heading.end(), BREAK
            close = _ATX_CLOSE.search(text, heading.end(), end)
            yield (close.start(), end, BREAK) if close else (end, end, BREAK)
            continue
        item = _LIST.match(text, pos, end)
        if item:
            yield pos, item.end(), BREAK
        if _TABLE_DELIM.match(line) and "-" in line:
            in_table = True
            yield offset, end, BREAK
            continue
        if "|" in line and (in_table or _next_is_delimiter(text, end)):
            in_table = True
            yield from _row(offset, line)
            continue
        in_table = False


def _row(offset: int, line: str) -> Iterator[Edit]:
    """A table row is one sentence; its inner pipes stay as cell separators."""
    row = rx.match(r"[ \t]*\|?(.*?)\|?[ \t]*$", line)
    assert row is not None
    yield offset, offset + row.start(1), BREAK
    yield offset + row.end(1), offset + len(line), BREAK


def _next_is_delimiter(text: str, line_end: int) -> bool:
    m = _LINE.match(text, line_end)
    if not m:
        return False
    nxt = _LINE.match(text, m.end())
    return bool(nxt and nxt.group().strip() and _TABLE_DELIM.match(nxt.group().rstrip("\r\n")))


def _links(text: str, body: int) -> Iterator[Edit]:
    """[text](target), ![alt](src) and [text][ref]: the text stays, the rest goes."""
    for m in _LINK.finditer(text, body):
        yield m.start(), m.start(2), ""
        yield m.end(2), m.end(), ""


def _tags(text: str, fmt: str, start: int = 0) -> Iterator[Edit]:
    """HTML tags go; block-level ones leave a paragraph break; an image leaves its alt text.

    In an HTML page a tag still open at the end of the file hides the rest, as in a browser.
    """
    if fmt == "html":
        unclosed = _TAG_START.search(text, text.rfind(">") + 1)
        if unclosed:
            yield unclosed.start(), len(text), ""
    for m in _DECLARATION[fmt].finditer(text, start):
        yield m.start(), m.end(), BREAK
    for m in _TAG.finditer(text, start):
        name = m.group(1).lower()
        opening = not m.group().startswith("</")
        rep = BREAK if name in _BLOCK_TAGS else (" | " if name in _CELL_TAGS and opening else "")
        alt = _ALT.search(m.group()) if name == "img" else None
        if alt:
            group = 1 if alt.group(1) is not None else 2
            yield m.start(), m.start() + alt.start(group), " "
            yield m.start() + alt.end(group), m.end(), " "
        else:
            yield m.start(), m.end(), rep


def _head(text: str) -> Iterator[Edit]:
    """The <head> goes, except the title and the meta description a reader sees."""
    head = _HEAD.search(text)
    if not head:
        return
    kept: list[tuple[int, int]] = []
    title = _TITLE.search(text, head.start(), head.end())
    if title:
        kept.append(title.span(1))
    for meta in _META_TAG.finditer(text, head.start(), head.end()):
        if not _SHOWN_META.search(meta.group()):
            continue
        content = _CONTENT.search(meta.group())
        if content:
            group = 1 if content.group(1) is not None else 2
            kept.append((meta.start() + content.start(group), meta.start() + content.end(group)))
    pos = head.start()
    for start, end in sorted(kept):
        yield pos, start, BREAK
        pos = end
    yield pos, head.end(), BREAK


def _urls(text: str, start: int = 0) -> Iterator[Edit]:
    for m in _URL.finditer(text, start):
        end = max(m.start() + len(m.group().rstrip(_URL_END)), m.end(1) + 1)  # at least one character
        if end <= m.end() and _URL_TAIL.match(text, end):
            yield m.start(), end, ""
    for m in _EMAIL.finditer(text, start):
        yield m.start(), m.end(), ""


def _entities(text: str, start: int = 0) -> Iterator[Edit]:
    for m in _ENTITY.finditer(text, start):
        decoded = unescape(m.group())
        if decoded != m.group():
            yield m.start(), m.end(), _INVISIBLE.sub("", decoded)  # "&shy;" and "&#8203;" too


def unseen(text: str, edits: Edits) -> None:
    """Last, in every format: characters a reader never sees go.

    From the top of the file, since a front matter title is prose too.
    """
    edits.add_pass((m.start(), m.end(), "") for m in _INVISIBLE.finditer(text))


def as_lf(prose: str) -> str:
    """The prose with CRLF and lone CR read as LF, so a blank line ends a paragraph whatever
    editor saved the file.

    Character for character, so the map to the original file stays as it is, and a file of
    millions of CRs costs no more than one of letters: a lone CR becomes LF, and the CR of a
    CRLF a space before its LF (which no check of prose tells from a line end).
    """
    return prose.replace("\r\n", " \n").replace("\r", "\n") if "\r" in prose else prose


_TAG_OR_MARK = re.compile(r"<[^<>]*>|[*_~`\\" + INVISIBLE + "]")  # stdlib re: faster for this, on every file


class Unread:
    """A file's text before its markup is read: cheap places to look for the prose's words.

    ``flat`` is the text with entities decoded, tags and emphasis marks dropped, case-folded.
    Not prose, but the words of the prose are in it (as parts of longer runs of letters, maybe,
    where a dropped tag joined two words), unless a link, a code span or a URL splits one
    ("Anth[ro](x)pic"). ``words`` are its words as a set, where a tag counts both as joining
    the words beside it ("Anth<b>ropic</b>") and as parting them ("</p><p>").
    """

    def __init__(self, text: str) -> None:
        self._decoded = unescape(text) if "&" in text else text
        self.flat = _TAG_OR_MARK.sub("", self._decoded).casefold()

    @cached_property
    def words(self) -> set[str]:
        found = set(WORD_RUN.findall(self.flat))
        if "<" in self._decoded:
            found |= phrase_words(_TAG_OR_MARK.sub(" ", self._decoded))
        return found


def unescape(text: str) -> str:
    """``html.unescape``, imported only by documents that have entities (its table is large)."""
    import html

    return html.unescape(text)
