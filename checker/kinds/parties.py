"""``parties``: the set of parties a story names, and how many there were.

Two things are checked in sentences that match ``context`` (the accusation, not every
sentence that happens to count companies):

- a count of the group ("four Chinese labs", "two companies") that is not the number of
  members. "DeepSeek and two other companies" counts the named member too; "two of the labs",
  "the other two" and "at least two" are parts of the group or bounds, not counts of it;
- a list that names members together with a party that is not one ("DeepSeek, Moonshot AI,
  MiniMax and Zhipu"; "DeepSeek, Alibaba and MiniMax"), when the list is what the accusation
  is about: right after the accusing verb or the group ("accused ...", "three labs: ...").

    - id: accused-labs
      kind: parties
      members: [deepseek, moonshot, minimax]
      label: the Chinese labs Anthropic accused
      nouns: [lab, company, firm, developer]
      context: '(?i)\\b(?:accus|alleg|named|distil)'
      marks: [Chinese]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, NamedTuple

from checker import rx
from checker.claims import inside
from checker.findings import Agreement, Finding, agreement, contradiction
from checker.language.grammar import CONTEST_NOUNS, CONTESTS, NAME_SUFFIX
from checker.numbers import SET_COUNTS
from checker.phrases import capitalized, phrase_pattern, plural_noun

if TYPE_CHECKING:
    from checker.engine import Context
    from checker.schema.parties import Fact


class Rule(NamedTuple):
    id: str
    severity: str
    source: str
    label: str
    members: tuple[str, ...]
    canonical: str  # "DeepSeek, Moonshot AI and MiniMax"
    group: str  # "(count) (adjectives) nouns"
    context: str
    unless: str | None
    marks: str | None
    accusing: str


def compile_fact(fact: Fact, names: dict[str, str], measure_labels: dict[str, str]) -> Rule:
    listed = [names[m] for m in fact.members]
    canonical = ", ".join(listed[:-1]) + " and " + listed[-1]
    plurals = [plural_noun(n) for n in fact.nouns]
    counts = "|".join(rx.escape(c).replace(r"\ ", r"\s+") for c in sorted(SET_COUNTS, key=len, reverse=True))
    group = (
        rf"(?i)(?<![\p{{L}}\p{{N}}-])(?P<count>{counts}|\d{{1,2}})(?:\s+|-(?!(?-i:\p{{Lu}})))"  # not a wire slug's "UPDATE 2-Chinese labs ..."
        r"(?:(?:other|more|further|additional|different|separate|AI|A\.I\.|artificial|"
        r"intelligence|major|leading|rival|prominent|big|large|small|well-known|companies'|of\s+its|"
        r"\p{Ll}+-\p{Ll}+"  # a compound: "three final-round bidders", "two China-based labs"
        + "".join("|" + rx.escape(mark).replace(r"\ ", r"\s+") for mark in fact.marks) + r")\s+){0,4}"
        rf"(?:(?P<noun>{phrase_pattern(plurals, case_sensitive=True)})|(?<=-)way\s+(?:\p{{Ll}}+\s+)?(?P<noun>{CONTESTS})"
        # a compound of the count and the set's noun: "a three-bidder final round", "a two-suitor race"
        rf"|(?<=-)(?P<noun>{phrase_pattern(fact.nouns, case_sensitive=True)})\s+(?:\p{{Ll}}+\s+){{0,2}}?(?:{CONTESTS}|round\b|field\b))"
    )
    return Rule(
        fact.id, fact.severity, fact.source, fact.label, tuple(fact.members), canonical, group,
        fact.context, fact.unless, phrase_pattern(fact.marks) if fact.marks else None, phrase_pattern(fact.accusing),
    )


_PART = rx.compile(
    r"(?i)(?:\b(?:of|among|between|other|another|remaining|latter|former|first|last|only|just|least|most|"
    r"than|up\s+to|\d\s+to|each|all|some|any|which|these|those)\s+|\bthe\s+)\Z"
)
# "two other labs", "3 more firms": a count of the members not named before it.
_OTHERS_COUNT = rx.compile(
    r"(?i)\b(?P<count>" + "|".join(w for w in SET_COUNTS if " " not in w) + r"|\d)\s+(?:other|more|further|additional)\s+"
)
# One member of a whole set that is counted: "the last of three bidders", "one of two suitors".
_ONE_OF = rx.compile(r"(?i)\b(?:one|the\s+(?:last|first|only|other)|each|either|neither|none)\s+of\s+(?:the\s+)?\Z")
_PARTITIVE = rx.compile(
    r"(?i)\s+(?:of|among|from)\s+(?:the|those|these|them)\b|\s+(?:which|that|who)\s+(?:were|are)\s+not\b"
)
_NAME = rx.compile(r"(\p{Lu}[\p{L}\p{N}&.'-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'-]*){0,3})")
_STANDS_ACCUSED = rx.compile(
    r"\s+(?:were|are|was|is|stand|stands|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:accused|named|identified|blamed)\b"
)
# Between the items of a list of parties; "against" and "versus" join the sides of a contest
# ("pitted Paramount against Netflix and Comcast").
_SEPARATOR = rx.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|against|versus|vs\.?)\s+")


def triggers(fact: Fact, names: dict[str, list[str]], nouns: dict[str, list[str]]) -> list[str]:
    """A count needs a noun of the set ("four labs") or of a contest ("a three-way race"); a list
    needs a member's name."""
    return [
        *fact.nouns, *(plural_noun(n) for n in fact.nouns), *CONTEST_NOUNS, *(n for m in fact.members for n in names[m])
    ]


def read(context: Context, rules: list[Rule]) -> Iterator[Finding | Agreement]:
    """Every count or list of the set the draft states: a finding when it is wrong."""
    prose = context.document.prose
    for rule in rules:
        introduced = -1  # where the set or a member was first named: a count after it may be a subset
        for start, end in context.sentences:
            sentence = prose[start:end]
            mentions = [m for m in context.mentions(start, end) if m.entity in rule.members]
            if introduced < 0:
                group = rx.search(rule.group, prose, pos=start, endpos=end)
                introduced = min([m.start for m in mentions] + ([group.start()] if group else []), default=-1)
            if not rx.search(rule.context, sentence) or (rule.unless and rx.search(rule.unless, sentence)):
                continue
            yield from _counts(rule, prose, start, end, mentions, context.quoted, introduced)
            yield from _lists(rule, prose, start, end, mentions, context.quoted)


def _counts(
    rule: Rule, prose: str, start: int, end: int, mentions: list, quoted: list, introduced: int
) -> Iterator[Finding | Agreement]:
    for m in rx.finditer(rule.group, prose, pos=start, endpos=end):
        if inside(quoted, m.start()) or (rule.marks and not rx.search(rule.marks, m.group())):
            continue
        before = prose[max(start, m.start() - 40) : m.start()]
        if (_PART.search(before) and not _ONE_OF.search(before)) or _PARTITIVE.match(prose, m.end()):
            continue
        if rx.search(r"(?i)\b(?:other|more|further|additional)\b", m.group()):
            continue  # "DeepSeek and two other companies": see _others
        count = group_count(m)
        named = _named_before(prose, start, m.start(), mentions)
        if count == len(rule.members):
            yield agreement(rule, "parties", m.start(), m.end(), m.group())
        if count == len(rule.members) or named:
            continue
        if count < len(rule.members) and not _whole_set(rule, prose, start, m, mentions, m.start() <= introduced):
            continue  # "two Chinese labs focused on coding": some of them, not a count of all
        yield _finding(rule, m.start(), m.end(), " ".join(m.group().split()),
                       f"counts {count} where there were {len(rule.members)}")
    for m in rx.finditer(
        _OTHERS_COUNT, prose, pos=start, endpos=end
    ):
        noun = rx.match(rule.group, prose, pos=m.start())
        if noun is None or inside(quoted, m.start()):
            continue
        named = _named_before(prose, start, m.start(), mentions)
        if not named:
            continue
        count = int(m.group("count")) if m.group("count").isdigit() else SET_COUNTS[m.group("count").lower()]
        if len(named) + count == len(rule.members):
            yield agreement(rule, "parties", m.start(), noun.end(), prose[m.start() : noun.end()])
        else:
            text = " ".join(prose[m.start() : noun.end()].split())
            yield _finding(rule, m.start(), noun.end(), text,
                           f"counts {len(named)} named and {count} others where there were {len(rule.members)}")


def _whole_set(rule: Rule, prose: str, start: int, group: rx.Match[str], mentions: list, first: bool) -> bool:
    """A count too small for the set is wrong only when it speaks of the whole set: it is
    followed by more members than it counts, or, naming none, is governed by the accusing verb
    ("accused two Chinese companies", "two Chinese labs stand accused"), or is the draft's
    ``first`` word on the set: "Anthropic says two Chinese labs ran attacks", before any member
    is named, counts all of it. A count followed by its members ("two Chinese labs, Moonshot and
    MiniMax") is a subset."""
    named = {m.entity for m in mentions}
    listed = _listed_after(prose, group.end(), mentions)
    if listed:
        return len(listed) > group_count(group)  # "two Chinese labs, Moonshot and MiniMax"
    if len(named) > group_count(group):
        return True
    if named:
        return False
    if first:
        return True
    led = rx.search(rule.accusing + r"\s+(?:the\s+)?\Z", prose[max(start, group.start() - 40) : group.start()])
    stands = _STANDS_ACCUSED.match(prose, group.end())
    return bool(led or stands)


def _listed_after(prose: str, at: int, mentions: list) -> set[str]:
    """The members listed right after a count, in apposition: ", Moonshot and MiniMax"."""
    listed: set[str] = set()
    pos = at
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < at:
            continue
        gap = prose[pos : m.start]
        if not (rx.fullmatch(r"\s*[,:—–(]\s*", gap) if not listed else rx.fullmatch(NAME_SUFFIX + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", gap)):
            break
        listed.add(m.entity)
        pos = m.end
    return listed


def group_count(group: rx.Match[str]) -> int:
    word = " ".join(group.group("count").lower().split())
    return int(word) if word.isdigit() else SET_COUNTS[word]


def _named_before(prose: str, start: int, at: int, mentions: list) -> list:
    """Members listed right before "and two other ...": "DeepSeek and", "DeepSeek, MiniMax and"."""
    run = [m for m in mentions if m.end <= at]
    if not run or not rx.fullmatch(NAME_SUFFIX + r"\s*(?:,\s*|\s+)(?:and|plus|along\s+with|with)\s+", prose[run[-1].end : at]):
        return []
    named = [run[-1]]
    for m in reversed(run[:-1]):
        if rx.fullmatch(NAME_SUFFIX + r"(?:\s*,\s*|\s+and\s+)", prose[m.end : named[0].start]):
            named.insert(0, m)
        else:
            break
    return named


def _lists(rule: Rule, prose: str, start: int, end: int, mentions: list, quoted: list) -> Iterator[Finding | Agreement]:
    """Items of a list of members that are not members."""
    if not mentions:
        return
    items = _list_items(prose, start, end, mentions, min(3, len(rule.members))) if len({m.entity for m in mentions}) > 1 else []
    # A list as long as the set, naming one member, is the set with others in it -- when it is
    # what the set's own words are about: "the final showdown between Paramount and Disney".
    whole = not items
    if whole:
        items = next(
            (found for i in range(len(mentions))
             if len(found := _list_items(prose, start, end, mentions[i:], len(rule.members), members=1)) == len(rule.members)),
            [],
        )
        if not items:
            return
    first = items[0][0]
    lead = prose[max(start, first - 80) : first]
    trail = prose[items[-1][1] : min(end, items[-1][1] + 60)]
    opening = rx.fullmatch(r"[\s*_•>#-]*(?:[^,;:]{1,30}:\s*)?(?:" + _OPENER + r")?", prose[start:first])
    # the list is the subject of the set's verb: "Comcast, Netflix and Paramount were all still bidding"
    subject = opening and rx.match(r"\s+(?:\S+\s+){0,3}?" + rule.accusing, trail)
    if whole:
        led = rx.search(rule.accusing + r"\s+\Z", lead) or subject
    else:
        led = rx.search(rule.accusing + r"[^.;]{0,40}?[:—–,-]?\s*\Z", lead) or rx.search(rule.group + r"\s*[:—–-]+\s*\Z", lead)
        led = led or subject
    if not led or rx.search(r"(?i)\b(?:not|never|no)\b", lead):
        return
    for item_start, item_end, member in items:
        if member or inside(quoted, item_start):
            continue
        text = prose[item_start:item_end]
        yield _finding(rule, item_start, item_end, text, f'adds "{text}"')
    if all(member for _, _, member in items) and {m.entity for m in mentions} == set(rule.members):
        yield agreement(rule, "parties", items[0][0], items[-1][1], prose[items[0][0] : items[-1][1]])


def _list_items(
    prose: str, start: int, end: int, mentions: list, shortest: int = 3, members: int = 2
) -> list[tuple[int, int, bool]]:
    """The coordinated list around the members: (start, end, is a member) per item; at least
    ``shortest`` items (a set of two is listed whole in two), ``members`` of them members."""
    by_start = {m.start: m for m in mentions}
    pos = mentions[0].start
    items: list[tuple[int, int, bool]] = []
    while True:  # names listed before the first member: "accused Alibaba, Moonshot AI and ..."
        earlier = rx.search(r"(?<![\p{L}\p{N}])" + _NAME.pattern + r"\s*,\s*\Z", prose[start:pos])
        if not earlier:
            break
        opener = rx.match(_OPENER, earlier.group(1))  # "When Comcast, Netflix and ...": the name is Comcast
        if not _is_name(earlier.group(1)[opener.end() if opener else 0 :]):
            break
        pos = start + earlier.start() + (opener.end() if opener else 0)
    while pos < end:
        member = by_start.get(pos)
        if member:
            item_end = member.end
            item_end = rx.match(NAME_SUFFIX, prose, pos=item_end, endpos=end).end()  # "Moonshot AI", "Acme Inc."
            items.append((pos, item_end, True))
        else:
            name = _NAME.match(prose, pos, end)
            if not name:
                break
            item_end = _name_end(name)
            items.append((pos, item_end, False))
        sep = _SEPARATOR.match(prose, item_end, end)
        if not sep:
            break
        last = "and" in sep.group() or "&" in sep.group()
        pos = sep.end()
        if last:
            member = by_start.get(pos)
            if member:
                items.append((pos, member.end, True))
            else:
                name = _NAME.match(prose, pos, end)
                if name:
                    items.append((pos, _name_end(name), False))
            break
    if len(items) < shortest or sum(1 for i in items if i[2]) < members:
        return []
    if not all(_is_name(prose[s:e]) for s, e, member in items if not member):
        return []
    return items


# Words that open a clause before a list of names: "When Comcast, Netflix and Paramount went ..."
_OPENER = r"(?:When|While|As|After|Before|Because|If|Since|Though|Although|And|But|Once|Until|Whether)\s+"


def _name_end(name: rx.Match[str]) -> int:
    """Where a name ends: before a full stop that ends the sentence ("... and Comcast."), not
    one of an abbreviation ("Warner Bros.", "A.I.")."""
    text = name.group()
    last = text.rsplit(None, 1)[-1]
    if last.endswith(".") and last.count(".") == 1 and last[:-1] not in _ABBREVIATIONS:
        return name.end() - 1
    return name.end()


_ABBREVIATIONS = {"Bros", "Inc", "Corp", "Co", "Ltd", "Cos", "Jr", "Sr", "St", "Mr", "Ms", "Mrs", "Dr", "Plc", "Bhd"}


def _is_name(text: str) -> bool:
    """A proper name, not the start of a clause ("The", "Anthropic said")."""
    words = text.split()
    return 1 <= len(words) <= 3 and words[0] not in {"The", "A", "An", "This", "That", "It", "They", "All"}


def _finding(rule: Rule, start: int, end: int, found: str, what: str) -> Finding:
    return contradiction(
        rule, "parties", start, end,
        f'{capitalized(rule.label)}: draft says "{found}", which {what}; the pack names '
        f"{len(rule.members)}: {rule.canonical}",
        found=found,
        expected=rule.canonical,
    )
