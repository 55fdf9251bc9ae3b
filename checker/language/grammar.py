"""The grammar of a clause that the kinds share: verbs, subjects and what may stand between
a subject and its verb.

Without a tagger, a verb is a word the way verbs are written (-ed, -s, -ing, or an irregular
past), after at most two auxiliaries ("is cutting", "will cut", "came to", "employs"); a subject
is a party's name, possibly possessed ("DeepSeek's campaign was ..."), with an appositive
("DeepSeek, the Hangzhou lab, held ...") or a reporting clause ("MiniMax, which Anthropic says
held ...") before its verb. ``tests/test_language.py`` checks each pattern on its examples.
"""

from __future__ import annotations

from typing import Any, Sequence

from checker import rx

# The verbs that most often govern a figure its subject owns ("held 150,000 exchanges").
FIGURE_VERBS = (
    r"(?:had|has|have|held|holds|logged|logs|generated|generates|ran|runs|conducted|made|makes|"
    r"accounted\s+for|accounts\s+for|(?:was|is|were)\s+(?:responsible\s+for|behind)|carried\s+out|"
    r"drove|produced|racked\s+up|created|used|operated|amassed|initiated|sent|submitted|"
    r"exchanged|accumulated|clocked|tallied|recorded|engaged\s+in|"
    r"(?:was|is)\s+(?:linked|tied)\s+to|(?:was|is)\s+(?:credited\s+with|blamed\s+for)|"
    r"generating|logging|holding|running|conducting|making|producing|creating|sending|"
    r"accounting\s+for)"
)
# Any verb governs a figure its subject owns: "is cutting", "will cut", "came to", "employs".
# Without a tagger, a verb is a word the way verbs are written (-ed, -s, -ing, or an irregular
# past), after at most two auxiliaries, with at most one particle after it; the words that
# look like one and are not ("versus", "plus") are left out.
AUXILIARY = r"(?:is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|could|may|might|must|do|does|did)"
IRREGULAR = (
    r"(?:ran|run|held|hold|made|make|came|come|put|took|take|got|get|sent|send|hit|cut|spent|spend|paid|pay|lost|"
    r"won|win|saw|see|did|drew|grew|rose|fell|led|brought|bought|sold|sell|kept|keep|gave|give|found|left|built|"
    r"wrote|began|set|shut|bore|bear|meant|dealt|stood|told|said|had|has|have|went|sought|stole|broke|fought|chose|struck)"
)
NOT_VERBS = r"(?:versus|plus|minus|thus|this|its|his|hers|ours|yours|theirs|as|us|less|unless|whereas|perhaps|news|series|species)"
# A modal is followed by a verb's plain form, whatever it is: "would owe", "will also pay".
MODAL = r"(?:will|would|shall|should|can|could|may|might|must)"
ANY_VERB = (
    r"(?:(?:" + AUXILIARY + r"\s+(?:(?:not|also|still|then|now|\p{Ll}{3,}ly)\s+)?){0,2}"
    r"(?:" + IRREGULAR + r"|(?!" + NOT_VERBS + r"\b)\p{Ll}{2,}(?:ed|s|ing))"
    r"|" + MODAL + r"\s+(?:(?:not|also|still|then|now|\p{Ll}{3,}ly)\s+)?(?!" + NOT_VERBS + r"\b|the\b|an?\b)\p{Ll}{2,})"
    r"(?:\s+(?:to|at|for|up|out|in|about|over|off|down|through))?"
    # a verb that governs another: "agreed to pay", "plans to cut", "said it would cut"
    r"(?:\s+(?:to|it\s+would|it\s+will|they\s+would|they\s+will)\s+\p{Ll}{2,})?"
    # its object's article: "agreed a $120 billion takeover", "agreed to a $7 billion fee"
    r"(?:\s+(?:an?|its|their))?"
)
# A verb phrase, reported or not: "was alleged to have conducted", "is accused of generating".
VERB_PHRASE = (
    r"(?:(?:is|was|were|are)\s+(?:alleged|said|reported|believed|thought|estimated)\s+to\s+have\s+"
    r"|(?:is|was|were|are)\s+accused\s+of\s+)?(?:" + FIGURE_VERBS + r"|" + ANY_VERB + r")"
)
# Verbs whose object is someone else's: "Netflix declined to match the $31 offer", "Acme
# rejected a $20 bid". Their subject does not own the figure in their object.
OTHERS_VERBS = (
    r"(?:match|beat|top|reject|declin|counter|rebuff|spurn|weigh|consider|review|evaluat|accept|welcom|dismiss|"
    r"question|exceed|outbid|trump|criticis|criticiz)\w*"
)
# Words that end a run of modifiers before a noun: "the fraudulent accounts" but not "to accounts".
STOP_WORDS = (
    r"(?:and|or|to|from|in|of|by|with|for|than|on|at|per|a|an|the|that|which|who|were|was|"
    r"is|are|had|have|has|its|their|his|her|it|this|these|those|as|into|over|under|about|"
    r"after|before|since|during|while|when|because|despite|following|until)"
)
# A noun governed by a preposition or a gerund is not its clause's subject: in "the fee owed to
# Netflix for leaving its deal was $2.8 billion" the figure is the fee's, not the deal's. ("of"
# is left out: "the number of accounts was put at 30,000" counts accounts.) Nor is one after "in"
# and a possessor: "the regulatory fee in Acme's earlier offer was $5.8 billion" is a fee.
GOVERNED = (
    r"(?i:\b(?:for|from|with|without|by|after|before|over|under|about|against|into|than|"
    r"\p{Ll}+ing\s+(?:its|the|their|his|her|a|an))\s+(?:(?:its|the|their|his|her|a|an|this|that)\s+)?(?:[\p{Ll}-]+\s+)?\Z"
    r"|\bin\s+(?-i:\p{Lu})[\p{L}.&-]*(?:'s|’s)\s+(?:[\p{Ll}-]+\s+)?\Z)"
)
SUBJECT_START = r"[\s*_\"“]*(?:(?i:the|a|an|its|their|this|that)\s+)?(?:[\p{Ll}-]+\s+){0,2}?"  # "the breakup fee", "its fee"
# A subject that names nobody, opening the sentence: "The two companies said on Friday that
# Netflix ...", "Both boards announced ...". Not a phrase of place or time ("In a post published
# Feb. 24"), nor a possessor ("The agreement followed Thursday's decision").
UNNAMED_SUBJECT = (
    r"[\W_]*(?i:the|both|all|these|those|several|many|most|some|two|three|four)\s+"
    r"(?:(?!" + STOP_WORDS + r"\b)(?![\p{L}\p{N}.-]+(?:ed|'s|’s)\s)[\p{L}\p{N}.-]+\s+){0,2}?"
)
# A clause joined to the one before with a subject of its own, matched right before its verb:
# "Netflix declined on Thursday, and the merger agreement was announced this morning", "...,
# and the two companies announced their agreement on Friday", "... on Friday, as the merger
# agreement was announced". What that verb says is not the first clause's subject's act.
CLAUSE_JOIN = r"(?i:(?:,\s+(?:and|but|while|whereas|as)|;|,?\s+as|\s+while)\s+)"
OWN_SUBJECT = (
    r"(?i:" + CLAUSE_JOIN + r"(?:the|a|an|its|their|both|all)\s+[^,;]{1,40}?\s+"
    r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be)\s+)?(?:\p{Ll}+ly\s+)?\Z)"
)
# The same with names for its subject ("..., and Acme and Globex announced"): the subject's
# words, which must name parties and no pronoun, are the group "subject".
NAMED_SUBJECT = CLAUSE_JOIN + r"(?P<subject>(?:(?!\b(?i:it|they|he|she|which|who|that)\b)[^,;]){1,60}?)\s+(?:\p{Ll}+ly\s+)?\Z"
# A party named as the object of a preposition, matched right before its name: "paid the fee
# to Netflix on Friday", "a deal with Acme". It receives or accompanies the act; it does not do it.
OBJECT_OF = r"(?i:\b(?:to|from|for|with|against|towards?|into|than)\s+(?:the\s+)?\Z)"
# What comes between the subject of a passive clause and its agent, matched up to the agent's
# name: "Computer vision was targeted by Acme", "Coding and tool use were mainly pursued by the
# Acme team". The agent did what the verb says to the subject.
PASSIVE_AGENT = (
    r"(?i:[^;.]{0,60}?\s(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\p{Ll}+ly\s+)?"
    r"(?:\p{Ll}{2,}ed|\p{Ll}{2,}en|sought|taught|bought|caught|brought|held|run|won|hit|led|made)\s+by\s+(?:the\s+)?\Z)"
)
# A subject said to be a party's in the predicate, from the subject's end to the party: "coding
# was Acme's main target", "agents were among the targets of Acme's queries", "welding is
# also Acme's".
COPULA_POSSESSOR = (
    r"(?i:\s+(?:was|were|is|are)\s+(?:also\s+)?(?:among\s+)?(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}?(?:of\s+)?\Z)"
)
# A passive statement in a pack, said in the active voice by a draft: "Claude is sold in China"
# is also "Acme sells Claude in China", "Acme does offer Claude in China". Irregular
# participles give their forms here; a regular one ("offered", "shipped", "carried") gives its
# stem, and the stem takes the endings.
PARTICIPLES = {
    "sold": "sell|sells|sold|selling", "made": "make|makes|made|making", "paid": "pay|pays|paid|paying",
    "given": "give|gives|gave|giving", "taken": "take|takes|took|taking", "held": "hold|holds|held|holding",
    "kept": "keep|keeps|kept|keeping", "bought": "buy|buys|bought|buying", "brought": "bring|brings|brought|bringing",
    "built": "build|builds|built|building", "sent": "send|sends|sent|sending", "shown": "show|shows|showed|showing",
    "told": "tell|tells|told|telling", "found": "find|finds|found|finding", "stolen": "steal|steals|stole|stealing",
    "run": "run|runs|ran|running", "written": "write|writes|wrote|writing", "known": "know|knows|knew|knowing",
    "won": "win|wins|won|winning", "led": "lead|leads|led|leading", "lent": "lend|lends|lent|lending",
}
_PASSIVE_PHRASE = r"(?P<object>\S.*?)\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?P<participle>\p{Ll}+)\s+(?P<rest>\S.*)"


def _forms(participle: str) -> tuple[str, str] | None:
    """The pattern of every form of the verb whose past participle is given, and of its present
    tense, third person; None when it is not a participle ("available", "is")."""
    participle = participle.lower()
    irregular = PARTICIPLES.get(participle)
    if irregular is not None:
        return irregular, irregular.split("|")[1]
    if not participle.endswith("ed") or len(participle) < 5 or not participle.isalpha():
        return None
    stem = participle[:-2]
    if stem.endswith("i"):  # carried -> carry, carries, carrying
        return f"{stem[:-1]}(?:y|ies|ied|ying)", f"{stem[:-1]}ies"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in "bdgmnprt":  # shipped -> ship, ships
        return f"{stem[:-1]}(?:{stem[-1]})?(?:s|ed|ing)?", f"{stem[:-1]}s"
    return f"{stem}(?:e?s|ed|ing|e)?", f"{stem}e?s"  # offered -> offer, offers; released -> releases


def verb_forms(participle: str) -> str | None:
    """The pattern of the forms of the verb whose past participle is given: "sold" ->
    "sell|sells|sold|selling", "published" -> "publish", "publishes", "published", "publishing"."""
    forms = _forms(participle)
    return forms[0] if forms else None


def present_form(participle: str) -> str | None:
    """The pattern of the present tense, third person, of the verb whose past participle is
    given: how a timeline or a headline tells what happened ("Feb. 23 -- Acme publishes its
    report"). "published" -> "publishes", "sold" -> "sells", "carried" -> "carries"."""
    forms = _forms(participle)
    return forms[1] if forms else None


def active_voice(phrase: str) -> str | None:
    """The pattern of a passive ``phrase`` said in the active voice, or None when it is not
    passive: "Claude is sold in China" -> "(?:sell|sells|sold|selling) Claude in China"; an
    emphatic "does offer Claude in China" holds "offer Claude in China"."""
    m = rx.fullmatch(_PASSIVE_PHRASE, phrase.strip())
    forms = m and verb_forms(m["participle"])
    if not forms:
        return None  # "is available": an adjective, not a verb
    gap = r"[\s\u00a0-]+"
    said = gap.join(rx.escape(w) for w in m["object"].split())
    rest = gap.join(rx.escape(w) for w in m["rest"].split())
    return r"(?:" + forms + r")(?:\s+\p{Ll}+ly)?" + gap + said + gap + r"(?:\p{Ll}+ly" + gap + r")?" + rest


def with_adverbs(phrase: str) -> str | None:
    """The pattern of a ``phrase`` of several words with an adverb in ``-ly`` allowed between
    them: "not available in China" -> also "not commercially available in China", "is
    officially offered in China"; None for a single word."""
    words = phrase.split()
    if len(words) < 2:
        return None
    gap = r"[\s\u00a0-]+(?:\p{Ll}{3,}ly[\s\u00a0]+)?"
    return gap.join(rx.escape(w) for w in words)


# A sentence that says again, in other words, what the sentence before it said: "In plain
# terms, the buyer pays ...", "Put simply, ...", "In other words: ...". What it says of the
# last sentence's term, it says as that term's meaning.
RESTATES = r"(?i:\A[\s*_]*(?:in\s+(?:plain|simple|other|practical)\s+(?:terms|words|english)|put\s+(?:simply|plainly|another\s+way)|simply\s+put|that\s+is|i\.e\.|in\s+short|in\s+effect|in\s+practice|translation)\s*[,:])"
# Who a sentence's words come from, not who did what they say: "By the company's account, the
# campaigns ran ...", "according to it", "by its own count". A party or "it" named there is the
# source of the figure, not its owner.
SOURCE_OF = (
    r"(?i:\b(?:by|in|on)\s+(?:the\s+(?:\p{Ll}+\s+)?\p{Ll}+(?:'s|’s)|its|their|(?-i:\p{Lu})\S*(?:'s|’s))\s+(?:own\s+)?"
    r"(?:account|telling|count|reckoning|estimate|tally|figures|numbers|version)\b"
    r"|\baccording\s+to\s+(?:it|them|the\s+(?:\p{Ll}+\s+)?\p{Ll}+|(?-i:\p{Lu})\S*)(?=[\s,.;:]))"
)
# A change from one value to another, matched right before "from": "raised its offer from $30
# to $31", "cut the workforce from 9,000 to 6,500", "went up from 5% to 7%". The value it is
# changed to is the claim; the one it is changed from is not (and "from ... to" is no range).
CHANGED_FROM = (
    r"(?i:\b(?:rais|lift|increas|boost|bump|sweeten|hik|cut|reduc|lower|slash|trim|grew|grow|rose|rise|fell|fall|"
    r"drop|climb|jump|swell|shr[ai]nk|revis|chang|mov|went|go(?:es|ne)?|up|down)\w*\b[^.;:]{0,50}?\bfrom\s+\Z)"
)
# What a contest between parties is called; "a three-way contest" counts its sides.
CONTEST_NOUNS = ("contest", "race", "battle", "fight", "auction", "bidding war", "showdown", "tussle", "duel", "scramble")
CONTESTS = r"(?:" + "|".join(n.replace(" ", r"\s+") for n in CONTEST_NOUNS) + r")\b"
# Words that put a date in the future, not the day something happened: "will vote on March 3",
# "expected to close by Sept. 30".
FUTURE_WORD = r"(?i)\b(?:will|would|next|plans?|planned|scheduled|due|expected|upcoming|coming)\b"
# Words that make a date after them a limit or another event's time: "until Feb. 27", "since
# Monday", "after Tuesday's vote". A date before them is not theirs: "raised its offer on
# Tuesday, after a week of talks" dates the raise.
TIME_PREPOSITION = r"(?i)\b(?:until|before|since|after)\b"
FUTURE = FUTURE_WORD + "|" + TIME_PREPOSITION
# A time measured from another event: "one day after Netflix walked away", "two weeks before
# the vote", "the day after". A date before it is not the date of what follows it.
OFFSET_FROM = r"(?i:\b(?:(?:one|two|three|four|five|six|seven|a|\d{1,2})\s+(?:days?|weeks?|months?)|the\s+(?:day|week))\s+(?:after|before)\b)"
# Words that deny the verb right after them: "without raising its price", "did not announce".
DENIED = r"(?i:\b(?:without|not|never|n't|no\s+longer)\s+(?:\p{Ll}+ly\s+)?\Z)"
# A company's move in the market, its measure left out: "Netflix jumped 10%", "Paramount was up
# about 5%", "WBD: down 2%", "Paramount's gained 5%", "NETFLIX (NFLX): gained 8%". The figure is
# its share price's move.
TICKER = r"(?:\s*\([^()]{1,12}\))?"  # a ticker in brackets after a company's name: "Netflix (NFLX)"
MARKET_MOVE = (
    # "Netflix shares: up 10%", "Netflix, the loser on paper, gained 10%", "| Acme | down 3% |"
    TICKER + r"(?:'s|’s)?(?:\s+(?:shares|stock))?(?:\s*,\s*(?:the\s+)?[^,;:()]{1,40},)?\s*[:|]?\s*"
    # "Paramount is higher too, up 10%": the move said, then its size
    r"(?:(?:was|were|is|are|closed|ended|finished|traded)\s+(?:higher|lower|up|down)(?:\s+(?:too|also|as\s+well|again))?\s*,\s+)?"
    r"(?:(?:was|were|is|are|closed|ended|finished|traded)\s+)?"
    r"(?:up|down|higher|lower|rose|rises|fell|falls|gained|gains|jumped|jumps|slipped|slips|climbed|climbs|"
    r"dropped|drops|advanced|advances|retreated|retreats|surged|surges|slid|slides|sank|tumbled|soared|plunged|"
    r"edged\s+(?:up|down))(?:\s+by)?\s+\Z"
)
# The same move named after the figure: "a 10% jump in WBD", "a 5% gain for Globex", "a 2% drop
# in the shares of Acme". The company follows.
MARKET_MOVE_AFTER = (
    r"(?i:(?:\s+|-)(?:jump|rise|gain|climb|increase|surge|rally|advance|fall|drop|decline|slide|slip|dip|loss|"
    r"plunge|tumble)\s+(?:in|for)\s+(?:(?:the\s+)?(?:shares|stock|share\s+price|stock\s+price)\s+of\s+)?)"
)
# A signed change after a company's name is its move too: "WBD: -6%", "Acme +10%", "PSKY (+5%)".
SIGNED_MOVE = TICKER + r"(?:\s*\([^()]{1,40}\))?\s*[:(|]?\s*\Z"  # "Acme (extended trading, 26 Feb) | +10%"
SIGNS = "+-−"  # what a signed figure opens with
# A figure a denied verb governs is not claimed: "it would not go above $27.75 a share", "never
# reached 20%", "did not pay $31". Not one the verb's object names ("would not raise its $27.75
# offer" states the offer), nor one further on ("is not lost revenue from 24,000 accounts").
NEGATED = (
    r"(?i:\b(?:not|never|n't|no\s+longer)\s+(?!only\b|least\b|just\b)"
    r"(?:(?!(?:its|the|an?|their|his|her|this|that)\b)[\p{Ll}-]+\s+){0,2}?\Z)"
)
# Hearsay the writer passes on without asserting it: "I saw a post saying Netflix was paying $31
# a share", "rumours that the fee was $5 billion", "people online are saying the labs hacked it",
# "some headlines said the labs broke in", "nobody says they broke in".
HEARSAY = (
    r"(?i:\b(?:(?:a|an|one|some|the)\s+(?:[\p{Ll}-]+\s+)?(?:posts?|tweets?|rumou?rs?|reports?|stor(?:y|ies)|headlines?|"
    r"claims?|messages?|videos?)\s+(?:saying|claiming|suggesting|alleging)|rumou?rs?\s+that|it\s+(?:is|was)\s+rumou?red|"
    r"(?:people|users|commentators|critics|observers|posters|some|many|others)\s+(?:[\p{Ll}-]+\s+){0,2}?"
    r"(?:are|were|have\s+been|keep)\s+(?:saying|claiming|suggesting|speculating)|"
    r"(?:some|many|several|other|earlier|early|initial)\s+(?:[\p{Ll}-]+\s+)?(?:posts|tweets|reports|stories|headlines|"
    r"outlets|accounts|articles)\s+(?:said|claimed|suggested|reported|alleged|stated|had)|"
    r"(?:nobody|no\s+one)\s+(?:is\s+|was\s+|has\s+)?(?:says?|saying|said|claim\w*|alleg\w*|suggest\w*))\b)"
)
# What separates a fact box's figure from what it is: "$7 billion: termination fee ...",
# "Over $3bn -- breakup fee owed to Globex", "60 — days, the minimum window", "$31.00 ........
# Per-share price".
FACT_BOX_SEPARATOR = r"(?:\s*:\s+|\s+(?:--|—|–)\s+|\s+\.{2,}\s*|\s*(?:\.{3,}|…+)\s*)"
# What a fact box's entry counts is the head of what follows its separator, a few words in:
# "**$31.00**: Acme's final price per share, all cash", "~$110bn -- approximate value of the
# transaction", "4 .... Business days Globex had to match". A clause names no head: not "what
# Acme owes Globex if the deal fails", nor "paid to Globex if regulators block the deal".
DESCRIPTION_HEAD = (
    r"[*_]*" + FACT_BOX_SEPARATOR + r"(?:(?!(?!(?i:of|the|an?)\b)(?i:" + STOP_WORDS
    + r")\b)(?!(?i:what|how|if|whether|unless|where|who)\b)[\p{L}\p{N}][\p{L}\p{N}’'.&–-]*\s+){0,4}?"
)
# What sets a figure against the one the sentence states, so that it is not stated itself:
# "the 45-day window, rather than the 90 days of old", "instead of $30", "as opposed to 12%".
CONTRASTED = r"(?i:\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|in\s+place\s+of)\s+(?:the\s+|an?\s+)?\Z)"
# What sets a term against the thing a sentence describes, so that the description is not the
# term's: "Margin lending: not to be confused with short selling: here a broker lends cash ...",
# "unlike short selling, where ...", "as distinct from short selling".
CONTRASTED_TERM = (
    r"(?i:\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|in\s+place\s+of|confused\s+with|mistaken\s+for|"
    r"unlike|(?:different|distinct|differs?)\s+from|not)\s+(?:the\s+|an?\s+)?[\"“‘']?\Z)"
)
SHARE_NOUNS = ("shares", "stock")  # what a share price's measure is called
# What credits a figure to several parties at once: "Acme and Globex together cut 1,300 jobs",
# "Together, Acme and Globex ...", "combined", "between them".
TOGETHER = r"(?i:\b(?:together|combined|between\s+them|jointly|collectively|in\s+total|altogether|taken\s+together)\b)"
# A sum's result after its parts: "the three figures add up to 16.5 million", "= 16.55 million",
# "totalling 16.5 million". The result counts what the parts count, and is nobody's own.
ADDS_UP_TO = r"(?i:(?:\badd(?:s|ed|ing)?\s+up\s+to|\bsum\s+to|\btotall?(?:ing|ed|s)|\bfor\s+a\s+total\s+of|\s=)\s*\Z)"
# What joins figures or names into a list: ", ", ", and ", " and ", " or ", " to ".
COORDINATION = rx.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+to\s+)")
# The words that may end a company's name: "Acme AI", "Acme A.I.", "Globex Inc.", "Initech Group".
NAME_SUFFIXES = (
    "AI", "A.I.", "A-I", "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "LLC", "plc", "Group", "Holdings",
    "Labs", "Technologies", "Limited", "SA", "AG", "GmbH",
)
# What may follow a party's name without being a word of the sentence, as written (capitals).
NAME_SUFFIX = r"(?:\s+(?-i:" + "|".join(rx.escape(w) for w in sorted(NAME_SUFFIXES, key=len, reverse=True)) + r")(?![\p{L}\p{N}]))?"
# The party's own thing as subject: "DeepSeek's campaign, by contrast, was ...", "DeepSeek's was ..."
POSSESSED = r"(?:(?:'s|’s)(?:\s+(?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+(?:,\s+[^,;:]{1,30},)?)?)?"
# Up to two proper adjectives or initialisms before a noun: "Chinese", "AI", "U.S." (case as written).
PROPER = r"(?:(?-i:\p{Lu})[\p{L}.-]*\s+){0,2}"
# "MiniMax, which Anthropic says held ...": the reporting clause does not change the subject.
WHICH_SAYS = r"(?:\s*,\s*(?:which|who)\s+(?:\S+\s+){0,2}(?:says|said|alleges|alleged|claims|claimed|estimates|estimated))?"
ADVERBS = r"(?:\s+(?:alone|itself|also|then|still|together|(?!only\b)\p{Ll}{3,}ly))?"  # "reportedly", "quietly"
APPOSITIVE = r"(?:\s*(?:,|\s[—–-])\s*(?:[^,;:—–()\"“”]|(?<=\d),(?=\d{3})){1,160}?(?:,|\s[—–-]))?"  # "150,000" inside
# Someone else's claim, reported: "Some posts asserted that ...", "critics claimed ...".
REPORTED_CLAIM = r"(?i)\b(?:asserted|claimed|alleged|suggested|speculated|rumou?red|insisted|argued|tweeted|posted)\s+(?:that\s+)?"
# The verbs that report a statement rather than do something: "Acme said on Tuesday" dates
# what Acme said, and "DeepSeek said OpenAI targeted ..." leaves OpenAI the doer.
REPORTING_VERBS = (
    r"(?:said|says|say|alleged|alleges|added|adds|noted|notes|wrote|writes|claimed|claims|argued|argues|reported|"
    r"reports|calls|called|described|describes|counted|counts|found|estimated|estimates|believes|thinks|"
    r"told|tells|stated|states|warned|warns|explained|explains|insisted|insists)\b"
)
# A participle set off after a noun, up to its date: "The agreement, announced today, follows
# Netflix's decision" dates the noun (group 1), not another event the sentence names.
SET_OFF_PARTICIPLE = r"(\p{L}+)\s*,\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn)\s+(?:on\s+)?\Z"
# What makes "two days" a point in time rather than a count of days: "said two days ago",
# "two days later", "a week earlier".
ELAPSED = r"(?i:\s+(?:ago|later|earlier|afterwards|previously)\b)"
# What stands between a party's name and another party that is the object of its verb:
# "Paramount paid Netflix a fee on Friday", "Acme beat Globex". Not a reporting verb ("Acme said
# Globex walked away" leaves Globex the subject), nor a word that joins or relates two names.
OBJECT_AFTER_VERB = (
    NAME_SUFFIX + r"\s+(?:\p{Ll}+ly\s+)?(?!" + REPORTING_VERBS
    + r"|(?:and|but|nor|plus|than|versus|while|whereas|with|without|from|into|over|after|before|like|then|also|not)\b)"
    r"\p{Ll}{3,}\s+\Z"
)
# The nouns a story uses for one of its parties: "the company", "the San Francisco firm".
PARTY_NOUNS = r"(?:company|firm|group|lab|laboratory|startup|start-up|developer|maker|business)"
ANAPHOR = r"(?:the|that|this)\s+(?:same\s+)?" + PROPER + PARTY_NOUNS + r"\b"  # "the company", "the same lab"
# Several parties as one subject: "the labs", "the three Chinese firms", "they".
PARTY_NOUNS_PLURAL = r"(?:companies|firms|groups|labs|laboratories|startups|start-ups|developers|makers|businesses)"
GROUP = (
    r"\b(?:(?:the|these|those|all|both)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
    + PROPER + PARTY_NOUNS_PLURAL + r"|they)"
)
# A table row or list line that holds the total of the rows above it: "| **Total** | 16.5 million |",
# "| All three | ... |", "| All labs | ... |", "| Combined | ... |". Its figures are nobody's own.
TOTAL_ROW = r"(?i:[\s*_]*(?:(?:grand\s+)?totals?|combined|overall|in\s+all|altogether|all(?:\s+(?:two|three|four|five|six))?(?:\s+" + PARTY_NOUNS_PLURAL + r")?)[\s*_:]*)"
PRONOUN = rx.compile(r"\b(?:it|its|it's|itself)\b|" + ANAPHOR, rx.IGNORECASE)


def coordinated_tail(sentence: str, names: Sequence[Any]) -> list[Any]:
    """The last run of names joined by commas and "and": "DeepSeek, Moonshot and MiniMax"."""
    runs = coordinated(sentence, names)
    return runs[-1] if runs else []


def coordinated(sentence: str, names: Sequence[Any]) -> list[list[Any]]:
    """Every run of names joined by commas and "and", in order: "Acme beat Rival, Globex and
    Initech" gives [Acme] and [Rival, Globex, Initech]; "Acme's and Globex's shares" [Acme, Globex]."""
    runs: list[list[Any]] = []
    for m in names:
        if runs and rx.fullmatch(NAME_SUFFIX + r"(?:'s|’s)?\s*(?:,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+)", sentence[runs[-1][-1].end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


