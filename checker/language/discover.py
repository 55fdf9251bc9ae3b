"""A story's own words when no pack names them: its parties, its measures, its terms.

``factcheck compare`` reads sources before a pack exists, so the names and nouns a pack would
give must be found in the sources themselves, by how English writes them:

- a *party* is a run of capitalised words used as a name: possessed ("MiniMax's"), followed
  by a verb or punctuation ("Anthropic said", "with Claude."), not only as a modifier ("Chinese
  AI labs"), and not capitalised only because it opens a sentence ("Distillation is ...");
- a *measure* is the noun a figure counts: the head of the words after it ("24,000 fraudulent
  accounts", "a 45-day window") or the noun it is "of" ("a breakup fee of $2.8 billion");
- a *term* is a word a sentence sets out to define ("What's distillation?", "a technique known
  as distillation", "Distillation is a process in which ...").

Each recogniser below is a :class:`Pattern` with sentences it must and must not find, run by
``tests/test_language.py`` like the constructions.
"""

from __future__ import annotations

from typing import NamedTuple

from checker import rx
from checker.language import grammar


class Pattern(NamedTuple):
    """A recogniser and its examples: ``found`` holds (sentence, what group 1 must capture)."""

    name: str
    regex: rx.Pattern
    found: tuple[tuple[str, str], ...]
    not_found: tuple[str, ...]

    def first(self, sentence: str) -> str | None:
        m = self.regex.search(sentence)
        return first_group(m) if m else None


# Words written with a capital for a reason other than being a name.
FUNCTION_WORDS = frozenset(
    "a an the in on at but and or so if when while as for of to by with from it its this that these those their "
    "his her we they he she i you our my what why how who whom where which after before since unlike according "
    "there here then now yet still also not no all some many most more several each every both either neither "
    "one two three four five six seven eight nine ten first second third last next until unless though although "
    "because however meanwhile instead despite during under over into about against between among through only even just "
    "mr mrs ms dr prof sir madam st".split()
)
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_NAME_WORD = r"(?:\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}(?:[\p{L}\p{N}&]|-(?!\p{Ll})|['’](?![sS]\b))*(?![\p{L}-]))"
NAME_RUN = rx.compile(
    r"(?<![\p{L}\p{N}_'’.-])" + _NAME_WORD + r"(?:\.?[ \u00a0]" + _NAME_WORD + r")*"
)
# What follows a name used as one: a possessive, punctuation, the end, or a verb that is
# surely one (an auxiliary, a past tense, a reporting verb).
AS_NAME_AFTER = rx.compile(
    r"(?:['’]s?\b|\s*(?:[,.;:!?)\]”\"—–]|\Z)|\s+-\s|\s+(?:and|or)\s+\p{Lu}|\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|"
    r"must|should|did|does|do|said|says|say|told|tells|claims|claimed|alleges|alleged|accused|accuses|argues|"
    r"argued|warns|warned|notes|noted|added|adds|wrote|writes|declined|denied|denies|agreed|agrees|"
    r"\p{Ll}{2,}ed)\b"
    # a verb in the present, known by what follows it: "Acme employs 4,000", "Acme says the ..."
    r"|\s+\p{Ll}{2,}s\s+(?:\d|an?\b|the\b|its\b|their\b|that\b|it\b|to\b|(?-i:\p{Lu})))"
)
# Words that rank one of two things above the other, as (higher, lower) pairs: a definition
# that gives the higher one's part to the lower one has turned its roles round.
RANKS = (
    ("larger", "smaller"), ("large", "small"), ("bigger", "smaller"), ("big", "small"), ("stronger", "weaker"),
    ("strong", "weak"), ("more capable", "less capable"), ("more powerful", "less powerful"),
    ("more advanced", "less advanced"), ("more experienced", "less experienced"), ("older", "newer"),
    ("senior", "junior"), ("teacher", "student"), ("teachers", "students"), ("master", "apprentice"),
    ("expert", "novice"), ("mentor", "pupil"), ("parent", "child"), ("original", "copy"), ("leader", "follower"),
)
HIGHER = frozenset(h for h, _ in RANKS)
LOWER = frozenset(lo for _, lo in RANKS)
# What something produces, whose maker a definition may name: "the outputs of a larger model".
PRODUCTS = r"(?:outputs?|answers?|responses?|replies|reply|results?|predictions?|work)"
_NOT_ROLE = r"(?!(?:of|the|an?|its|that|to|by|from|on|in|and|or|with|but|so|is|are|was|were)\b)"
_THING = _NOT_ROLE + r"[\p{L}-]+"  # any thing a rank word may stand before: "a larger model", "the senior partner"
_WORD = _NOT_ROLE + r"[\p{L}-]+\s+"
_ROLE_WORDS = r"((?:" + _WORD + r"){0,2}" + _THING + r")"
MAKER = Pattern(
    "the maker of a product a definition names (quotation marks removed, see plain())",
    rx.compile(
        r"(?i)\b" + PRODUCTS + r"\s+(?:of|from|produced\s+by|generated\s+by|given\s+by|written\s+by)\s+"
        r"(?:an?\s+|the\s+|its\s+|that\s+)?" + _ROLE_WORDS + r"\b"
        r"|\b" + _ROLE_WORDS + r"'s\s+(?:[\p{L}-]+\s+)?" + PRODUCTS + r"\b"
        # a possessive whose product is understood: "compares the student's outputs with the teacher's"
        r"|\b(?:with|to|than|and|as)\s+(?:the|a|an)\s+" + _ROLE_WORDS + r"'s(?=\s*(?:[,.;:)]|and\b|or\b|$))"
    ),
    found=(
        ("a smaller model trained on the outputs of a larger teacher model", "larger teacher model"),
        ("it grades the quality of the newer model's responses", "newer model"),
        ("it grades the answers produced by a newer model", "newer model"),
        ("it compares the outputs with the teacher's.", "teacher"),
        ("it compares the outputs with the teacher's and nudges", "teacher"),
    ),
    not_found=("the model was trained on public data", "Acme's staff were counted"),
)
# A word a sentence sets out to define.
TERM = Pattern(
    "a term a sentence sets out to define",
    rx.compile(
        r"(?i)(?:\bwhat(?:'s|’s|\s+is|\s+exactly\s+is)\s+[\"“‘]?(\p{Ll}[\p{Ll}-]{3,})[\"”’]?\s*\?"
        r"|\b(?:technique|process|method|practice|approach)\s+(?:known\s+as|called|dubbed|termed)\s+[\"“‘]?(\p{L}[\p{Ll}-]{3,})"
        r"|\bthe\s+(?:word|term)\s+[\"“‘](\p{L}[\p{Ll}-]{3,})(?:[.,]?[\"”’]|[.,]?$)"
        r"|[\"“‘](\p{L}[\p{Ll}-]{3,})[\"”’]\s+is\s+the\s+(?:word|term)\b"
        r"|^[\"“‘]?(\p{L}[\p{Ll}-]{3,})[\"”’]?\s+itself\s+(?:is|means)\b"
        r"|^(?:in\s+)?[\"“‘]?(\p{L}[\p{Ll}-]{3,})[\"”’]?(?:\s+itself)?\s+(?:is|means|refers\s+to|describes)\s+"
        r"(?:an?|the)\s+(?:[\p{Ll}-]+\s+){0,2}(?:process|technique|method|practice|approach|way|trick|term|idea))"
    ),
    found=(
        ("Wait, what’s netting?", "netting"),
        ("They did it through a technique known as netting.", "netting"),
        ("Start with the word “netting.”", "netting"),
        ("Why “netting” is the word everyone is using", "netting"),
        ("Netting itself is not new.", "Netting"),
        ("Netting is a process in which debts cancel out.", "Netting"),
    ),
    not_found=("What is the company worth?", "The board is a body of nine."),
)
# A sentence that goes on describing the term defined before it: "The process lets ...".
CONTINUES = rx.compile(
    r"(?i)\A(?:in\s+|with\s+|under\s+)?(?:the|this|that|such\s+a)\s+(?:process|technique|method|practice|"
    r"approach|procedure|arrangement|scheme|trick)\b|\AIt(?:'s|’s|\s+is|\s+works|\s+means|\s+involves)\b"
)
PATTERNS = (MAKER, TERM)  # with COUNTED and NAMES below, run by tests/test_language.py


# The verbs of making something public, each with its forms: a report that dates one of them
# ("published on Monday") dates the others its party is said to do ("accused ... on Tuesday").
PUBLIC_ACTS = {
    verb: tuple(forms.split())
    for verb, forms in {
        "publish": "publish published publishes publishing", "post": "posted posts posting",
        "announce": "announce announced announces announcing", "disclose": "disclose disclosed discloses disclosing",
        "reveal": "reveal revealed reveals revealing", "unveil": "unveil unveiled unveils unveiling",
        "release": "released releases releasing", "accuse": "accuse accused accuses accusing",
        "name": "named names naming",
    }.items()
}
# The words a company's name may end with and still be the company: "Acme" is "Acme Inc".
NAME_SUFFIXES = frozenset(w.lower() for w in grammar.NAME_SUFFIXES)  # "ai", "inc.", "group": lower case


def first_group(m: rx.Match) -> str:
    return next((g for g in m.groups() if g is not None), "")


def plain(text: str) -> str:
    """The text without quotation marks, its possessives written with "'": what MAKER reads."""
    return rx.sub(r"[\"“”‘]|’(?!s\b)", "", text.replace("’s", "'s"))


def singular(noun: str) -> str:
    """The singular of a regular English plural: accounts -> account, queries -> query."""
    noun = noun.lower()
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "ches", "shes", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")):
        return noun[:-1]
    return noun


def rank(words: str) -> int:
    """+1 when the words put their thing above another ("a larger teacher model"), -1 below."""
    text = " " + " ".join(words.lower().replace("“", " ").replace("”", " ").split()) + " "
    score = 0
    for higher, lower in RANKS:
        score += f" {higher} " in text
        score -= f" {lower} " in text
    return (score > 0) - (score < 0)


# Words too common to be a measure or a context: "the", "said", "million".
COMMON_WORDS = frozenset(
    "and or to from in of by with for than on at per a an the that which who were was is are had have has its their "
    "his her it this these those as into over under about more less fewer some each every between within during "
    "after before since until across against among through be been being said says will would could can may might "
    "million billion trillion thousand hundred percent cent times year-on-year down off out up today tomorrow "
    "yesterday ago earlier later alone apiece worth sold".split()
)
# The noun a figure counts: its head, the last of up to three lowercase words after it.
_AFTER_FIGURE = rx.compile(r"(?:-|\s+)(?:of\s+(?:the|its|their|those|these|all)\s+)?((?:[\p{Ll}][\p{Ll}-]*\s*){1,3})")
# Named before it: "a breakup fee of $2.8 billion", "shares of Acme fell 12%", "revenue rose 5%"
# (capitalised, only a plural: "Shares fell 5%" but not "Acme fell 5%").
_BEFORE_FIGURE = rx.compile(
    r"\b(\p{Ll}{3,}|\p{Lu}\p{Ll}+[^s\W]s)(?:\s+of\s+(?:\p{Lu}[\p{L}.&-]*\s+){1,4}|\s+)(?:of|at|valued\s+at|worth|"
    r"(?:rose|fell|jumped|climbed|gained|dropped|slipped|surged|slid|soared|sank|tumbled|plunged|plummeted|"
    r"tanked|increased|decreased|declined|grew|rises|falls|jumps|climbs|gains|drops)(?:\s+by)?)\s+\Z"
)
# Sentences and the noun their first figure counts (None: it counts no noun).
COUNTED = (
    ("The labs used 24,000 fraudulent accounts and 16 million exchanges.", "account"),
    ("Globex kept a 45-day window for films.", "window"),
    ("Initech got a breakup fee of $2.8 billion.", "fee"),
    ("Acme cut 10% of its staff.", "staff"),
    ("Shares of Acme Corp fell 12% in extended trading.", "share"),
    ("Acme rose 10% on Friday.", None),
    ("Acme shares tank 25% after employees were charged.", None),
    ("The council met 3 times.", None),
)
# Sentences and the runs of capitalised words in them used as names (True) or not (False).
NAMES = (
    ("Acme said three Dutch AI banks, Globex and Initech, ran the scheme.",
     (("Acme", True), ("Dutch AI", False), ("Globex", True), ("Initech", True))),
    ("The deal puts Umbrella Bros. Holdings under Hooli's control.", (("Umbrella Bros. Holdings", False), ("Hooli", True))),
    ("Netting is a process in which debts cancel out.", (("Netting", True),)),
    ("Only Acme employs 4,000 workers; Dutch banks lend more.", (("Acme", True), ("Dutch", False))),
    ("In a memo to the U.S. Senate on Feb. 12, Hooli accused Globex.", (("U.S. Senate", False), ("Hooli", True), ("Globex", True))),
)


def counted_noun(sentence: str, start: int, end: int) -> str | None:
    """The singular noun the figure at sentence[start:end] counts, or None: "24,000 fraudulent
    accounts" -> account, "a 45-day window" -> window, "a breakup fee of $2.8 billion" -> fee."""
    m = _AFTER_FIGURE.match(sentence, end)
    if m:
        head = None
        for word in rx.split(r"[\s-]+", m.group(1).strip()):
            if word in COMMON_WORDS or word in FUNCTION_WORDS or len(word) < 3 or word.endswith(("ed", "ing", "ly")):
                break
            head = word
        if head is not None:
            return singular(head)
    m = _BEFORE_FIGURE.search(sentence, 0, start)
    word = m.group(1).lower() if m else ""
    if word and word not in COMMON_WORDS and word not in FUNCTION_WORDS and not word.endswith(("ed", "ing", "ly")):
        return singular(word)
    return None


def name_runs(sentence: str) -> list[tuple[int, int, bool]]:
    """The runs of capitalised words in a sentence that may be names: (start, end, as_name),
    where ``as_name`` says this use is a name's (possessed, followed by a verb or punctuation)
    and not a modifier's ("Chinese AI labs"). A sentence's first word is left out when it is a
    function word; the caller decides about the rest of a sentence's opening run."""
    runs = []
    for m in NAME_RUN.finditer(sentence):
        start, end = m.start(), m.end()
        words = m.group().split()
        while words and words[0].lower().strip(".") in FUNCTION_WORDS | CALENDAR_WORDS:
            start = sentence.index(words[1], start) if len(words) > 1 else end
            words = words[1:]
        while words and words[-1].lower().strip(".") in CALENDAR_WORDS | FUNCTION_WORDS:
            words = words[:-1]
            end = sentence.rindex(words[-1], start, end) + len(words[-1]) if words else start
        if not words or sum(c.isalpha() for c in "".join(words)) < 2:
            continue
        runs.append((start, end, AS_NAME_AFTER.match(sentence, end) is not None))
    return runs


def title_case(sentence: str) -> bool:
    """A headline or a title: most of its words capitalised."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 10 >= len(words) * 6
