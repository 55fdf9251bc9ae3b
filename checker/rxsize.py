"""How large a regular expression from a pack would be once compiled, read from its text alone.

The ``regex`` module writes a counted repeat out when it compiles it: ``a{1000}`` becomes a
thousand parts, and a repeat inside a repeat multiplies, so ``((a{1000}){1000}){1000}`` would
be a billion parts and tens of gigabytes, built before any match could be stopped by a timeout.
So a pack's pattern is read here first, without compiling it, and refused when

- it is longer than :data:`MAX_LENGTH` characters;
- one of its counts (``{n}``, ``{n,}``, ``{,m}``, ``{n,m}``) is above :data:`MAX_REPEAT`;
- written out, each counted repeat copied and a repeat inside a repeat multiplied, it would
  have more than :data:`MAX_SIZE` parts (a character, a set, an escape: one part each);
- it nests groups more than :data:`MAX_DEPTH` deep (regex would run out of stack);
- it turns on regex's version 1 behaviour (``(?V1)``), whose nested character sets this
  reading does not follow.

The reading follows regex's own syntax wherever it decides what is counted: an escaped brace
(``\\{``) is a character, ``\\p{L}`` one class, a character set one part whatever it holds,
``(?#...)`` a comment; under ``(?x)``, from where it stands to the end of its group, whitespace
and ``#`` comments are skipped, inside a count too (``{4000 000}``). Where it is unsure it counts
more, never less. :mod:`checker.pack` also keeps the sum of all the packs' patterns under
:data:`MAX_TOTAL`.
"""

from __future__ import annotations

MAX_LENGTH = 10_000  # characters of the pattern as written
MAX_REPEAT = 1_000  # the largest count of one repeat
MAX_SIZE = 100_000  # parts once every counted repeat is written out: about 16 MB compiled
MAX_TOTAL = 1_000_000  # parts of all the patterns and globs of the packs a run loads
MAX_DEPTH = 50  # groups inside groups: regex reads them recursively, and 200 exhaust Python's stack

_FLAGS = frozenset("abefiLmprsuwx")  # regex's inline flags, besides V0 and V1
_DIGITS = frozenset("0123456789")  # regex reads counts in ASCII digits only
_NOT_FLAGS = frozenset("<=!P#(>|&R0123456789")  # what (? may start other than flags


class TooLarge(ValueError):
    """A pattern refused before it is compiled; the message says why, to follow the pattern."""


def size(pattern: str) -> int:
    """How many parts ``pattern`` compiles to, at most; :class:`TooLarge` when it is refused."""
    problem = too_long(pattern)
    if problem:
        raise TooLarge(problem)
    return _Reader(pattern).read()


def too_long(text: str) -> str | None:
    """Why a pattern or a glob is too long to be compiled; None when it is not."""
    return f"is {len(text):,} characters long; the limit is {MAX_LENGTH:,}" if len(text) > MAX_LENGTH else None


def _bounded(size: int) -> int:
    if size > MAX_SIZE:
        raise TooLarge(
            f"is too large: written out, with a repeat inside a repeat multiplied, it would have more "
            f"than {MAX_SIZE:,} parts"
        )
    return size


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.at = 0
        self.verbose = False  # under (?x): whitespace and # comments are not part of the pattern

    def read(self) -> int:
        text = self.text
        outer: list[tuple[int, int, bool]] = []  # the enclosing groups' (total, last, verbose)
        total = last = 0  # the size so far in this group, and of its last item (what a count repeats)
        while True:
            self.skip()
            if self.at >= len(text):
                break
            char = text[self.at]
            if char == "(" and text.startswith("(?#", self.at):
                self.at = self.comment_end(self.at + 3)
                continue
            if char == "(":
                flags = self.flags(self.at)
                if flags is not None and flags[1] == ")":  # (?x): to the end of the enclosing group
                    self.verbose, self.at = flags[0], flags[2]
                    continue
                outer.append((total, last, self.verbose))
                if len(outer) > MAX_DEPTH:  # regex reads groups recursively
                    raise TooLarge(f"nests groups more than {MAX_DEPTH} deep")
                total = last = 0
                if flags is None:
                    self.at += 1
                else:  # (?x:...): inside the group only
                    self.verbose, self.at = flags[0], flags[2]
                continue
            if char == ")":
                if not outer:
                    raise TooLarge("has a ')' that closes no group")
                inside = max(total, 1)
                total, last, self.verbose = outer.pop()
                total, last = total + inside, inside
                self.at += 1
                continue
            if char == "{":
                count = self.count(self.at)
                if count is not None:
                    times, self.at = count
                    total, last = _bounded(total + last * (times - 1)), last * times
                    continue
            if char == "|":
                last = 0
            elif char not in "*+?":  # a repeat without a count adds no copies
                total, last = total + 1, 1
            self.at = self.escape_end(self.at) if char == "\\" else self.set_end(self.at) if char == "[" else self.at + 1
        while outer:  # a group left open: regex refuses it; count it all the same
            inside = max(total, 1)
            total, _, _ = outer.pop()
            total += inside
        return _bounded(total)

    def skip(self) -> None:
        """Step over whitespace and comments, under (?x)."""
        text = self.text
        while self.verbose and self.at < len(text):
            if text[self.at].isspace():
                self.at += 1
            elif text[self.at] == "#":
                end = text.find("\n", self.at)
                self.at = len(text) if end < 0 else end
            else:
                break

    def flags(self, start: int) -> tuple[bool, str, int] | None:
        """At "(": for inline flags (?flags) or (?flags:, whether (?x) is then on, ")" or ":", and where they end."""
        text = self.text
        if not text.startswith("(?", start) or text[start + 2 : start + 3] in _NOT_FLAGS:
            return None
        if text[start + 2 : start + 3] in ("+", "-") and text[start + 3 : start + 4].isdigit():
            return None  # (?-1): a call to a group
        self.at = start + 2
        verbose = self.verbose
        on = True
        while True:
            self.skip()
            char = text[self.at : self.at + 1]
            if char == "V":
                self.at += 1
                self.skip()
                if text[self.at : self.at + 1] == "1":
                    raise TooLarge("turns on regex's version 1 behaviour (?V1), which packs do not accept")
                self.at += 1
            elif char and char in _FLAGS:
                verbose = on if char == "x" else verbose
                self.at += 1
            elif char == "-" and on:
                on = False
                self.at += 1
            elif char in (")", ":"):
                return verbose, char, self.at + 1
            else:
                self.at = start
                return None  # not flags after all: regex will say what is wrong

    def count(self, start: int) -> tuple[int, int] | None:
        """At "{": the times a count repeats what it follows, and where it ends; None: not a count."""
        text = self.text
        self.at = start + 1
        low = self.digits()
        high: str | None = low
        self.skip()
        if text.startswith(",", self.at):
            self.at += 1
            high = self.digits()
        elif not low:
            self.at = start
            return None
        self.skip()
        if not text.startswith("}", self.at):
            self.at = start
            return None
        numbers = [n.lstrip("0") or "0" for n in (low, high) if n]
        if any(len(n) > len(str(MAX_REPEAT)) or int(n) > MAX_REPEAT for n in numbers):
            raise TooLarge(f"repeats something more than {MAX_REPEAT:,} times")
        return max([1, *map(int, numbers)]), self.at + 1

    def digits(self) -> str:
        found = []
        while True:
            self.skip()
            char = self.text[self.at : self.at + 1]
            if char not in _DIGITS:
                return "".join(found)
            found.append(char)
            self.at += 1

    def comment_end(self, start: int) -> int:
        """After "(?#": where the comment ends, after its ")" (a backslash escapes the next character)."""
        text = self.text
        at = start
        while at < len(text) and text[at] != ")":
            at += 2 if text[at] == "\\" else 1
        return at + 1

    def escape_end(self, start: int) -> int:
        """At a backslash: where the escape ends (\\p{...}, \\P{...} and \\N{...} run to their brace)."""
        text = self.text
        if text[start + 1 : start + 3] in ("p{", "P{", "N{"):
            end = text.find("}", start + 3)
            return len(text) if end < 0 else end + 1
        return start + 2

    def set_end(self, start: int) -> int:
        """At "[": where the character set ends. A first "]" is a member; so is "[" (except [:alpha:])."""
        text = self.text
        at = start + 1
        if text.startswith("^", at):
            at += 1
        first = True
        while at < len(text) and (first or text[at] != "]"):
            first = False
            if text[at] == "\\":
                at = self.escape_end(at)
            elif text.startswith("[:", at) and (end := text.find(":]", at + 2)) > 0 and text[at + 2 : end].replace("^", "", 1).isalnum():
                at = end + 2
            else:
                at += 1
        return at + 1
