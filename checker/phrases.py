"""Word lists from packs turned into patterns, and the few words every kind must respect.

Packs list words the way an editor writes them ("less capable", "ripped off"); a list becomes
one case-insensitive alternation that matches whole words only, with any run of spaces,
non-breaking spaces or a hyphen between the words of a phrase.
"""

from __future__ import annotations

import re
from typing import Iterable

from checker import rx

# A statement is not asserted when it is denied, contrasted or only compared:
# "not a grader", "unlike RLAIF, where a model scores answers", "like pruning".
NEGATION = (
    r"(?i:\b(?:not|never|no|nor|n't|neither|rather\s+than|instead\s+of|unlike|as\s+opposed\s+to|"
    r"(?:is|are|was)\s+different\s+from|differs?\s+from|distinct\s+from|confused\s+with|"
    r"mistaken\s+for|mistake\s+it\s+for|mixed\s+up\s+with|conflated?\s+with|"
    r"different\s+(?:arrangement|technique|method|set-?up|approach|thing|practice|process)|versus|vs\.?|whereas|while|compared\s+(?:with|to)|"
    r"like|such\s+as|as\s+well\s+as|along\s+with|alongside|other\s+than|except|"
    r"without|nothing|false(?:ly)?|wrong(?:ly)?|myth|misconception)\b|n't\b)"
)


def phrase_pattern(words: Iterable[str], case_sensitive: bool = False, patterns: Iterable[str] = ()) -> str:
    """An alternation of ``words`` matching whole words, longest first, then of ``patterns``
    (other wordings of them, already patterns)."""
    bodies = []
    for word in sorted(set(words), key=len, reverse=True):
        body = rx.escape(word.strip())
        body = rx.sub(r"(?:\\[ \-])+", lambda _: r"[\s\u00a0\-]+", body)
        bodies.append(body)
    bodies += patterns
    if not bodies:
        return r"(?!)"
    alternation = "|".join(bodies)
    flags = "" if case_sensitive else "(?i)"
    return rf"{flags}(?<![\p{{L}}\p{{N}}_])(?:{alternation})(?![\p{{L}}\p{{N}}_])"


def capitalized(text: str) -> str:
    """``text`` with its first letter upper-cased and the rest untouched ("the labs" -> "The labs")."""
    return text[:1].upper() + text[1:]


def plural_noun(noun: str) -> str:
    """The regular English plural of a noun: lab -> labs, query -> queries, box -> boxes."""
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def excerpt(text: str, limit: int = 140) -> str:
    """The text on one line, cut at a word boundary when it is longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;:") + " …"


WORD_RUN = re.compile(r"[^\W_]+")  # stdlib re: it runs over every file, and is faster at this


def words(text: str) -> set[str]:
    """The runs of letters and digits in ``text``, case-folded: what word tests look up."""
    return set(WORD_RUN.findall(text.casefold()))
