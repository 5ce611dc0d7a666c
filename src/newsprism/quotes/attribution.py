"""Who a quote is attributed to, from the words around it: a cue verb and its subject.

"..., he said." / "..., said Atalanta coach Gian Piero Gasperini." / "Captain Marten De Roon
added: ..." / "According to the club, ..." / "As Politico reported, ..." / "Trump returned the
compliment, telling Reuters, ...". Returns the mention as written, with its span; resolving
it to a person is speakers.py's job.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from newsprism.clean.structure import is_topic_label
from newsprism.names import (
    ABBREVIATIONS,
    PARTICLES,
    SENTENCE_STARTERS,
    TITLES,
    common_words,
    ends_sentence_word,
    ends_with_full_stop,
    is_first_name,
    person_mentions,
    strip_possessive,
)

# Verbs that introduce what someone said, as lemmas; their forms are generated below.
CUE_LEMMAS = """
    say tell add insist explain note state claim argue ask reply answer warn write continue
    declare admit acknowledge concede suggest remark comment stress emphasise emphasize recall
    joke urge tweet post announce reveal confirm deny agree maintain counter respond predict
    promise vow observe reflect quip boast complain lament muse conclude exclaim confess echo
    report describe dub label term email text shout scream yell whisper cry plead assert
    allege contend caution demand repeat proclaim pledge testify brag charge accuse blast slam
    praise tout mock chide scoff sniff grumble snap retort recount read call instruct
    advise inform assure remind wonder question challenge dismiss predict reiterate estimate
    recommend acknowledge complain lecture interject quote cite vent needle assure blog chant
    retweet bemoan bark grouse beam gush marvel rave fume sigh hiss sneer bellow reference
    opine
""".split()
IRREGULAR_FORMS = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "read": ("read",),
    "speak": ("spoke", "spoken"), "put": ("put",), "press": ("pressed",),
}  # fmt: skip
CUE_PHRASES = (
    "goes on to say", "went on to say", "went on", "goes on", "pointed out", "points out",
    "put it", "puts it", "spoke of", "speaking to", "shot back", "fired back", "hit back",
    "chimed in", "weighed in", "started", "began",
)  # fmt: skip
ROLE_NOUNS = {
    "coach", "manager", "captain", "spokesman", "spokeswoman", "spokesperson", "president",
    "minister", "official", "officials", "source", "sources", "chief", "director",
    "secretary", "chairman", "chairwoman", "ceo", "boss", "striker", "midfielder",
    "defender", "goalkeeper", "player", "players", "senator", "governor", "mayor",
    "leader", "leaders", "candidate", "lawyer", "attorney", "prosecutor", "judge", "police",
    "statement", "report", "analyst", "analysts", "expert", "experts", "economist",
    "professor", "teammate", "skipper", "owner", "founder", "executive", "adviser", "advisor",
    "aide", "aides", "campaign", "representative", "head", "witness", "resident", "residents",
    "doctor", "father", "mother", "brother", "sister", "wife", "husband", "son", "daughter",
    "friend", "newspaper", "paper", "email", "letter", "memo", "poll", "survey", "study",
    "website", "site", "network", "agency", "headline", "editorial", "article", "story",
    "tycoon", "billionaire", "businessman", "businesswoman", "reporter", "reporters",
    "journalist", "columnist", "editor", "host", "anchor", "commentator", "writer", "author",
    "activist", "activists", "protester", "protesters", "voter", "voters", "supporter",
    "supporters", "critic", "critics", "democrat", "democrats", "republican", "republicans",
    "lawmaker", "lawmakers", "congressman", "congresswoman", "administration", "government",
    "department", "ministry", "company", "firm", "group", "union", "court", "committee",
    "council", "board", "military", "army", "office", "white", "house", "people", "man",
    "woman", "men", "women", "officer", "officers", "investigators", "prosecutors",
    "researchers", "scientists", "staff", "employee", "employees", "member", "members",
    "delegate", "delegates", "chairperson", "strategist", "pollster", "rival", "opponent",
    "opponents", "ally", "allies", "nominee", "challenger", "incumbent", "justice",
    "attorneys", "lawyers", "ambassador", "envoy", "general", "commander", "soldier",
    "citizens", "students", "student", "teacher", "fans", "parents", "family", "families",
    "niece", "nephew", "cousin", "uncle", "aunt", "grandson", "granddaughter", "grandmother",
    "grandfather", "widow", "widower", "fiance", "fiancee", "girlfriend", "boyfriend",
}  # fmt: skip
PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
NOT_NAME_STARTERS = SENTENCE_STARTERS - PRONOUNS
# "Beck, who has described Trump as ...": the mention is "who", the speaker Beck
RELATIVE_PRONOUNS = {"who", "which"}
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
               "that", "these", "those", "one", "another", "some", "many"}  # fmt: skip
# Lower-case words that may sit inside a speaker's description ("former deputy press secretary").
MENTION_MODIFIERS = {
    "press", "deputy", "assistant", "senior", "former", "chief", "top", "campaign", "club",
    "team", "party", "state", "foreign", "national", "communications", "general", "executive",
    "vice", "longtime", "local", "leading", "prominent", "presidential", "federal", "senate",
    "house", "county", "city", "police", "security", "white", "gambling", "republican",
    "democratic", "conservative", "liberal", "political", "news", "public", "health",
    "defense", "military", "intelligence", "legal", "spokes", "union", "company", "real",
    "estate", "energy", "finance", "justice", "district", "high", "supreme", "elections",
    "retired",
}  # fmt: skip
CONNECTORS = {"of", "for", "at", "from", "on", "to", "in", "and"}
BE_FORMS = {"is", "was", "are", "were", "be", "been", "being"}
AUXILIARY_VERBS = BE_FORMS | {
    "has", "have", "had", "will", "would", "can", "could", "did", "does", "do", "may", "might",
    "must", "should", "shall",
}  # fmt: skip
# Words that may sit between a subject and its cue ("he also told", "Trump has said").
ADVERBS = (AUXILIARY_VERBS - BE_FORMS) | {
    "also", "often", "later", "then", "once", "again", "still", "previously", "recently",
    "earlier", "further", "simply", "flatly", "has also", "repeatedly", "reportedly", "even",
    "just", "quickly", "soon", "privately", "publicly", "separately", "bluntly", "now",
}  # fmt: skip
MAX_MENTION_TOKENS = 14
MENTION_WINDOW = 160  # characters before a cue that its subject can lie in
LOOK_BEHIND_CHARS = 80  # read before a window: a comma, a name before a description
AGE_RE = re.compile(r"\d+-year-old")
QUOTE_MARK_RE = re.compile("“|”|\"|''|’’")  # each a literal: `re` skips ahead to them
CLAUSE_PUNCTUATION_RE = re.compile(r"[.,;:!?\"“”]")
MAX_CUE_DISTANCE = 120  # characters between the cue and the quote it introduces


def _cue_forms() -> list[str]:
    forms = set(CUE_PHRASES)
    for lemma in CUE_LEMMAS:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        if re.search(r"(?:qu|[^aeiou])[aeiou][bdgklmnprt]$", lemma) and len(lemma) <= 5:
            stem = lemma + lemma[-1]  # admit -> admitted, quip -> quipped
        ies = lemma.endswith("y") and lemma[-2:] not in ("ay", "ey", "oy")
        forms.update(
            {
                lemma,
                lemma[:-1] + "ies"
                if ies
                else lemma + ("es" if lemma.endswith(("s", "sh", "ch", "o")) else "s"),
                lemma[:-1] + "ied" if ies else stem + "ed",
                stem + "ing",
                (lemma[:-1] if lemma.endswith("e") else lemma) + "ed",
            }
        )
        forms.update(IRREGULAR_FORMS.get(lemma, ()))
    forms.update(f for values in IRREGULAR_FORMS.values() for f in values)
    forms.update(("saying", "telling", "writing", "reading", "speaking"))
    return sorted(forms, key=len, reverse=True)


CUE_FORMS = _cue_forms()
# Cues are found word by word (a set lookup) rather than by one large alternation, which
# is slow. Lower case only: "States" in "the United States" is no cue.
# Forms that are seldom cues: "her campaign would continue", "the talks continue".
NOT_CUE_FORMS = {"continue", "continuing"}
CUE_WORDS = frozenset(f for f in CUE_FORMS if " " not in f) - NOT_CUE_FORMS
CUE_PHRASE_RE_SOURCE = [f for f in CUE_FORMS if " " in f]


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Cue words and phrases in text[start:end], in order."""
    end = len(text) if end is None else end
    cues, starts = _all_cues(text)
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [m for m in cues[first:last] if m.end() <= end]


@lru_cache(maxsize=256)
def _all_cues(text: str) -> tuple[tuple[re.Match[str], ...], list[int]]:
    """Every cue of a text, and where each starts; cached, as one paragraph is searched many
    times (the starts to find those in a stretch without reading them all)."""
    found = [
        match
        for match in CUE_WORD_RE.finditer(text)
        if not NOUN_MARKER_BEFORE_RE.search(text, max(0, match.start() - 7), match.start())
    ]
    found += CUE_PHRASE_RE.finditer(text)
    cues = tuple(sorted(found, key=lambda m: m.start()))
    return cues, [m.start() for m in cues]


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for many words, as a prefix tree: far faster for `re` to scan
    than a flat alternation. It matches at a word's start: checked after the first letter
    (no \\b before it), so that `re` skips ahead to the words' first letters."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict], start: str = "") -> str:
        branches = [
            re.escape(char) + start + build(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie, start=r"(?<!\w.)")  # no word character before the first letter


CUE_WORD_RE = re.compile(trie_pattern(CUE_WORDS) + r"\b")
CUE_PHRASE_RE = re.compile(trie_pattern(CUE_PHRASE_RE_SOURCE) + r"\b")
NOUN_MARKER_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts) $")


TOKEN_RE = re.compile(r"[\w’'.\-]+(?:&[\w’'.\-]+)*|,")  # "AT&T" one word
ACCORDING_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
# "per the party’s bylaws", "in the words of a senior adviser": "according to" by other words
SOURCE_PHRASE_RE = re.compile(
    r"\b(?:[Aa]ccording to|[Ii]n the words of"
    r"|(?<=[,”\"'] )per(?= (?:the|a|an|his|her|their|its) ))\s+"
)
MAX_SOURCE_WORDS = 20
NOT_SOURCE_OPENERS = PRONOUNS | {"what", "how", "when", "where", "whether", "which", "who", "that"}
LEAD_RE = re.compile(r"[\s,―—–\-'’\"”]*")
DASH_RE = re.compile(r"\s*[―—–-]\s*[A-Z]")
TURN_RE = re.compile(r"(?:^|[.!?]\s+)((?:[A-Z][\w’'.\-]*\s){0,3}[A-Z][\w’'.\-]*):\s*$")
BREAK_CANDIDATE_RE = re.compile(r"[.!?]['\"”’)]*\s+(?=[\"“‘'(]{0,2}[A-Z0-9]|“|''|\"\s)")
ABBREVIATION_END_RE = re.compile(r"(?:\b(?:" + "|".join(ABBREVIATIONS) + r")|\b[A-Z])$")
SENTENCE_WINDOW = 600  # characters looked back for a sentence start


def sentence_breaks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where sentences start in text[start:end]: after . ! ? and space, unless the stop ends
    an abbreviation ("Sen.") or an initial ("James B. Comey")."""
    end = len(text) if end is None else end
    return [
        m.end()
        for m in BREAK_CANDIDATE_RE.finditer(text, start, end)
        if not ABBREVIATION_END_RE.search(text, max(0, m.start() - 6), m.start())
    ]


def _ends_sentence(text: str, start: int, end: int | None = None) -> int | None:
    """Where the sentence running at `start` ends (just after its stop), if it does."""
    for match in BREAK_CANDIDATE_RE.finditer(text, start, len(text) if end is None else end):
        if not ABBREVIATION_END_RE.search(text, max(0, match.start() - 6), match.start()):
            return match.start() + 1
    return None


@dataclass(frozen=True, slots=True)
class Attribution:
    mention: str
    start: int  # offsets into the text that was searched
    end: int
    cue: str


@lru_cache(maxsize=16384)
def _low(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


@lru_cache(maxsize=16384)
def _is_name_word(word: str) -> bool:
    bare = word.rstrip(".")
    return (
        bool(bare)
        and (bare[0].isupper() or bare.lower() in PARTICLES)
        and not _is_contraction(bare)
    )


def _is_possessive(word: str) -> bool:
    return (
        word.endswith(("’s", "'s", "s’", "s'")) and word[:1].isupper() and not _is_contraction(word)
    )


def _is_contraction(word: str) -> bool:
    """'That’s', 'Here’s': a capitalised word with 's that is no name ('He’s' stays a
    mention)."""
    return word[-2:] in ("’s", "'s") and _low(word[:-2]) in NOT_NAME_STARTERS


@lru_cache(maxsize=16384)
def _np_word(word: str) -> bool:
    low = _low(word)
    if low in SENTENCE_STARTERS and low not in DETERMINERS:
        return False
    return (
        _is_name_word(word)
        or low in ROLE_NOUNS
        or low in TITLES
        or low in MENTION_MODIFIERS
        or _is_possessive(word)
        or bool(AGE_RE.fullmatch(low))
    )


def _has_head(words: list[str]) -> bool:
    """A mention names someone: a capitalised word (not a sentence opener), a role noun, or
    a determined noun ('the boy')."""
    if len(words) >= 2 and _low(words[0]) in DETERMINERS - {"that", "this"}:
        return True
    return any(
        (_is_name_word(w) and _low(w) not in SENTENCE_STARTERS) or _low(w) in ROLE_NOUNS
        for w in words
    )


# "in Columbus, Ohio", "from Sumter, South Carolina": a town and its state
CAPITALISED_WORDS = r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?"
PLACE = r"(?:\b(?:in|of|from|at|near)\s+" + CAPITALISED_WORDS + r",\s+" + CAPITALISED_WORDS + ")"
APPOSITIVE_RE = re.compile(
    r",\s+(?:\d{1,3}(?:,\s+[^,]{0,60}" + PLACE + r")?"  # "Cory James, 22, of Flint, Mich.,"
    r"|who\b[^,]{0,80}|which\b[^,]{0,80}|[a-z]+ing\b[^,]{0,80}),\s*$"
    # "Jenna Golden, Twitter’s director,"
    r"|(?<=[\w)]),\s+(?:[^,]{0,100}" + PLACE + r"|[^,]{1,120}),\s*$"
)


def _appositive(text: str, start: int) -> re.Match[str] | None:
    """', 69,' or ', who attended the rally,' ending `text` (searched from `start` on: the
    window a mention can lie in)."""
    comma = text.find(",", start)  # each appositive opens with one: search from the first
    return APPOSITIVE_RE.search(text, comma) if comma >= 0 else None


def _without_appositive(text: str, match: re.Match[str] | None) -> str:
    """`text` with its appositive blanked out, offsets kept."""
    return text[: match.start()] + " " * (len(text) - match.start()) if match else text


NOT_DESCRIPTIONS = frozenset("said says told added and or but then also".split())


def _named_appositive(
    text: str, start: int, match: re.Match[str] | None
) -> tuple[int, int] | None:
    """A person's full name set off by commas (the appositive `match`) after a description
    of them that ends `text` ('Kushner's lawyer, Jamie Gorelick,'): where the name is."""
    if match is None:
        return None
    inner = text[match.start() : match.end()].strip(" ,")
    before = text[start : match.start()].split()
    if before and not before[-1][:1].islower():
        # "the governor of Chiang Rai, Narongsak Osoththanakorn,": the description's head
        # before a phrase naming where or what of
        before = before[: _of_name_start(before)]
    if not before or not before[-1][:1].islower() or _low(before[-1]) in NOT_DESCRIPTIONS:
        return None
    names = list(person_mentions(inner))
    if len(names) != 1 or names[0].text != inner:
        return None
    at = text.index(inner, match.start())
    return at, at + len(inner)


OF_WORDS = frozenset("of for at from in".split())


def _of_name_start(words: list[str]) -> int:
    """Where a phrase of a preposition and a name ('of Chiang Rai', 'at the Pentagon') ending
    `words` starts; len(words) when none does."""
    at = len(words)
    while at and words[at - 1][:1].isupper():
        at -= 1
    if at and _low(words[at - 1]) == "the":
        at -= 1
    if at < len(words) and at and _low(words[at - 1]) in OF_WORDS:
        return at - 1
    return len(words)


def subject_before(
    text: str, end: int, floor: int = 0, relative: bool = False
) -> tuple[int, int] | None:
    """The noun phrase ending just before `end` (adverbs skipped: 'he also told'): a pronoun,
    or names, roles and their description ('Joel Pollak of Breitbart California',
    'Huma Abedin, vice chairwoman for Clinton’s campaign,'); with `relative`, also the
    relative pronoun of a clause set off by a comma ('Beck, who has described')."""
    window = max(floor, end - MENTION_WINDOW)
    if (lo := window - LOOK_BEHIND_CHARS) > 0:  # read a bounded slice: the text may be long
        span = subject_before(text[lo:end], end - lo, max(0, floor - lo), relative)
        return (span[0] + lo, span[1] + lo) if span else None
    described = text[:end]
    tail = described[window:]
    modified = any(phrase in tail for phrase in POST_MODIFIERS)
    if modified and (modifier := POST_MODIFIER_RE.search(described, window)):
        # "A person familiar with the talks said": the person, not the talks
        head = subject_before(text, modifier.start(), floor)
        if head and _low(text[head[0] : head[1]]) not in PRONOUNS:
            return head
    appositive = _appositive(described, window)
    text = _without_appositive(described, appositive)
    tokens = list(TOKEN_RE.finditer(text, window, end))
    _drop_adverbials(tokens)
    if not tokens:
        return None
    last = tokens[-1]
    if _low(last.group()) in PRONOUNS or (
        relative
        and _low(last.group()) in RELATIVE_PRONOUNS
        and (text[: last.start()].rstrip().endswith(",") or _after_proper_name(tokens))
    ):
        return last.start(), last.end()
    tail = text[max(window, last.end() - 40) : last.end()]
    shared = "percent" in tail or "%" in tail
    if shared and (share := SHARE_RE.search(text, window, last.end())):
        return share.start(), share.end()  # "63 percent said": the share of those polled
    taken: list[re.Match[str]] = []
    index = len(tokens) - 1
    while index >= 0 and len(taken) < MAX_MENTION_TOKENS:
        word = tokens[index].group()
        low = _low(word)
        if taken and ends_with_full_stop(word):
            break  # "according to a campaign aide. Donald Trump ..."
        if taken and PHRASE_END_RE.search(text, tokens[index].end(), taken[-1].start()):
            break  # 'On CBS's “Face the Nation,” House Speaker Paul D. Ryan'
        if (
            _np_word(word)
            or (low in CONNECTORS and index > 0 and _np_word(tokens[index - 1].group()) and taken)
            or (not taken and index > 0 and _counts_after_of(tokens, index))
            or (taken and index == 0 and _opens_name(word, taken[-1].group()))
        ):
            taken.append(tokens[index])
        elif (
            word == ","
            and taken
            and index > 0
            and _is_name_word(tokens[index - 1].group())
            and not _is_time_word(_low(tokens[index - 1].group()))  # "In a statement Tuesday,"
            and not _names_only(tokens, index, taken)  # "with Clinton, Gowdy said"
        ):
            taken.append(tokens[index])  # an appositive: "Huma Abedin, vice chairwoman ..."
        elif low in DETERMINERS - {"that", "this", "these", "those"} and taken:
            taken.append(tokens[index])
            break
        else:
            break
        index -= 1
    while taken and (taken[-1].group() == "," or _low(taken[-1].group()) in CONNECTORS):
        taken.pop()
    if not taken:
        taken = _determined_before(tokens)  # "The petition accuses ..."
        if taken and (modified := _modified_by_participle(text, tokens, len(taken), floor)):
            return modified
    words = [t.group() for t in reversed(taken)]
    if not taken or not _has_head(words):
        return None
    start, stop = taken[-1].start(), taken[0].end()
    if named := _named_appositive(described, window, appositive):
        return start, named[1]  # "Kushner's lawyer, Jamie Gorelick, told": the name with it
    if described[stop : stop + 1] == "," and _low(taken[-1].group()) in DETERMINERS:
        start = _named_before_description(text, start, window)  # "Scott Pruitt, the ..., one"
    else:
        start = _person_before_unclosed_description(text, start, window)
    return start, stop - (1 if text[stop - 1] == "." and len(taken[0].group()) > 3 else 0)


# What follows an anonymous source's head noun before its cue. The phrases are first looked
# for as plain strings, as searching the pattern at every space is slow.
POST_MODIFIERS = (
    "familiar with", "close to", "speaking to", "speaking with", "with knowledge of",
    "with direct knowledge of", "briefed on", "involved in", "knowledgeable about",
    "who was briefed on", "who were briefed on",
)  # fmt: skip
POST_MODIFIER_RE = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, POST_MODIFIERS)) + r")\s+[^,;:.“”\"]{1,60}$"
)
NAME_AND_COMMA_RE = re.compile(r"((?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'.\-]*),\s+$")
SHARE_RE = re.compile(r"\b\d+(?:\.\d+)?(?: percent|%)(?: of [a-z]+(?: [a-z]+)?)?\s*$")


STARTERS_AND_TITLES = SENTENCE_STARTERS | TITLES


def _after_proper_name(tokens: list[re.Match[str]]) -> bool:
    """'the Chicago Police Department which reported': a relative pronoun right after a
    name heads its clause even without a comma."""
    before = tokens[-2].group() if len(tokens) > 1 else ""
    return _is_name_word(before) and _low(before) not in STARTERS_AND_TITLES


def _opens_name(word: str, following: str) -> bool:
    """'10' of '10 Downing Street', opening the clause: a number that is part of a name."""
    return word.isdigit() and _is_name_word(following) and _low(following) not in TIME_WORDS


NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}


def _counts_after_of(tokens: list[re.Match[str]], index: int) -> bool:
    """'the 34-year-old mother of three': a number ending a description."""
    word = _low(tokens[index].group())
    return (word in NUMBER_WORDS or word.isdigit()) and _low(tokens[index - 1].group()) == "of"


def _modified_by_participle(
    text: str, tokens: list[re.Match[str]], size: int, floor: int
) -> tuple[int, int] | None:
    """'Protesters marching through the streets chanted': a determined noun after a
    preposition and a participle is no subject; the noun before the participle is."""
    if len(tokens) < size + 3 or _low(tokens[-size - 1].group()) not in PLACE_PREPOSITIONS:
        return None
    participle = tokens[-size - 2]
    if not participle.group().endswith("ing") or not participle.group().islower():
        return None
    return subject_before(text, participle.start(), floor)


PLACE_PREPOSITIONS = {"through", "in", "on", "at", "outside", "inside", "near", "into", "across"}


def _named_before_description(text: str, start: int, floor: int) -> int:
    """'Scott Pruitt, the Republican attorney general of Oklahoma': a description opening
    with a determiner (at `start`) takes the name before it."""
    named = NAME_AND_COMMA_RE.search(text, max(floor, start - 60), start)
    if named is None or not all(_np_word(w) for w in named.group(1).split()):
        return start
    first = named.group(1).split()[0]
    before = text[: named.start(1)].rstrip()
    opens_clause = not before or before.endswith(("”", '"', "''", ".", "!", "?"))
    if not opens_clause or _low(first) in SENTENCE_STARTERS or _is_time_word(_low(first)):
        return start
    return named.start(1)


# "David Allsopp, professor of neuroscience at " before the name a cue follows: a description
# whose closing comma the writer left out.
UNCLOSED_DESCRIPTION_RE = re.compile(
    r"((?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'.\-]*),\s+(?:(?:a|an|the)\s+)?[a-z][\w’'\-]*"
    r"(?:\s+[\w’'\-]+){0,6}?\s+(?:at|of|for|with|from)\s+$"
)
DESCRIPTION_ENDS = (" at ", " of ", " for ", " with ", " from ")


def _person_before_unclosed_description(text: str, start: int, floor: int) -> int:
    """'David Allsopp, professor of neuroscience at Lancaster University said': the person
    the description (its closing comma left out) is of, not the place they work at."""
    if not text[max(floor, start - 6) : start].endswith(DESCRIPTION_ENDS):
        return start  # most subjects: no pattern run (this is on every attribution's path)
    found = UNCLOSED_DESCRIPTION_RE.search(text, max(floor, start - 90), start)
    if found is None or not is_first_name(found.group(1).split()[0]):
        return start
    return found.start(1)


YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")


def _names_only(tokens: list[re.Match[str]], comma: int, taken: list[re.Match[str]]) -> bool:
    """After the comma is a bare name, and before it no town ('of Ashton, Md.'): the comma
    ends an opening phrase ('In a swipe against Donald Trump, Clinton said')."""
    town = comma > 1 and _low(tokens[comma - 2].group()) in ("of", "in", "from")
    return not town and all(
        _is_name_word(t.group()) and not _is_possessive(t.group()) for t in taken
    )


TIME_PHRASE_PREPOSITIONS = {"in", "at", "on", "for", "during", "over", "since", "by"}


HONORIFICS = frozenset("mr mrs ms miss dr sir dame lady lord".split())


def _drop_adverbials(tokens: list[re.Match[str]]) -> None:
    """Strip what may sit between a subject and its verb: adverbs, commas, time words and
    short time phrases ('Priebus later Thursday told', 'Trump at the time said', 'who has
    in the past described')."""
    while tokens:
        word = tokens[-1].group()
        low = _low(word)
        titled = len(tokens) > 1 and _low(tokens[-2].group()) in HONORIFICS  # 'Mrs May said'
        if (
            (word.islower() and (low in ADVERBS or _manner_adverb(low)))
            or low == ","
            or (_is_time_word(low) and not titled)
        ):
            tokens.pop()
            continue
        if low == "and" and _verb_after_subject(tokens[:-1]):
            del tokens[-2:]  # "he laughed and said": the first verb's subject
            continue
        phrase = _time_phrase_length(tokens)
        if not phrase:
            return
        del tokens[-phrase:]


def _verb_after_subject(tokens: list[re.Match[str]]) -> bool:
    """`tokens` end with a subject and a verb ('he laughed')."""
    if len(tokens) < 2 or not verb_like(tokens[-1].group()):
        return False
    subject = tokens[-2].group()
    return _low(subject) in PRONOUNS or (_np_word(subject) and not _is_possessive(subject))


NOT_MANNER_ADVERBS = {"family", "rally", "ally", "assembly", "supply", "reply", "anomaly",
                      "monopoly", "belly", "bully", "fly", "jelly"}  # fmt: skip


def _manner_adverb(low: str) -> bool:
    """'angrily', 'infamously' (between a subject and its verb)."""
    return low.endswith("ly") and len(low) > 4 and low not in NOT_MANNER_ADVERBS


def _time_phrase_length(tokens: list[re.Match[str]]) -> int:
    """Tokens of a preposition, a determiner and one or two lower-case words ending
    `tokens` ('at the time', 'in the past'), or of a preposition and a date ('in 2010',
    'on Friday'), or 0."""
    if len(tokens) > 2 and _low(tokens[-2].group()) in TIME_PHRASE_PREPOSITIONS:
        last = _low(tokens[-1].group())
        if _is_time_word(last) or YEAR_RE.fullmatch(last):
            return 2
    for size in (3, 4):
        if len(tokens) <= size:
            break
        words = [_low(t.group()) for t in tokens[-size:]]
        if (
            words[0] in TIME_PHRASE_PREPOSITIONS
            and words[1] in DETERMINERS
            and all(t.group().isalpha() and t.group().islower() for t in tokens[-size + 2 :])
            and words[-1] in OCCASION_NOUNS
        ):
            return size
    return 0


OCCASION_NOUNS = {
    "time", "past", "moment", "end", "start", "beginning", "morning", "evening", "night",
    "afternoon", "day", "week", "month", "year", "weekend", "interview", "meeting", "event",
    "rally", "debate", "hearing", "conference", "briefing", "speech", "statement", "same",
}  # fmt: skip


NOT_DETERMINED_WORDS = CONNECTORS | ADVERBS | SENTENCE_STARTERS | AUXILIARY_VERBS


def _determined_before(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """A determiner and one to three plain words right before the cue, last token first."""
    for size in (1, 2, 3):
        if len(tokens) > size and _low(tokens[-size - 1].group()) in DETERMINERS - {"that"}:
            words = tokens[-size:]
            plain = (w.group() for w in words)
            if all(
                w.replace("-", "").isalpha() and _low(w) not in NOT_DETERMINED_WORDS for w in plain
            ):
                return list(reversed(tokens[-size - 1 :]))
    return []


# A quotation mark, a semicolon or a colon (not one inside a number: "Isaiah 45:1").
PHRASE_END_RE = re.compile(QUOTE_MARK_RE.pattern + r"|;|(?<!\d):")


def subject_after(text: str, start: int, end: int | None = None) -> tuple[int, int] | None:
    """The noun phrase starting at `start` (after a cue: 'said Atalanta coach X')."""
    end = len(text) if end is None else end
    tokens = list(TOKEN_RE.finditer(text, start, min(end, start + MENTION_WINDOW)))
    if not tokens or text[start : tokens[0].start()].strip():
        return None
    if _low(tokens[0].group()) in PRONOUNS:
        return tokens[0].start(), tokens[0].end()
    taken: list[re.Match[str]] = []
    for position, token in enumerate(tokens):
        word, low = token.group(), _low(token.group())
        if len(taken) >= MAX_MENTION_TOKENS or word == ",":
            break
        if taken and PHRASE_END_RE.search(text, taken[-1].end(), token.start()):
            break  # 'TV boss on “The Apprentice,” Donald Trump': a title ends the phrase
        if taken and ends_sentence_word(taken[-1].group()):
            break  # 'says Barbara. Guidelines: ...': the sentence ended
        if (
            _np_word(word)
            or (not taken and low in DETERMINERS and low != "that")  # "said that CNN ..."
            or (taken and word.isdigit())
            or (
                low in CONNECTORS
                and taken
                and position + 1 < len(tokens)
                and _np_word(tokens[position + 1].group())
                and not _is_time_word(_low(tokens[position + 1].group()))  # "Cruz on Monday"
            )
        ):
            taken.append(token)
        else:
            break
    while taken and _low(taken[-1].group()) in CONNECTORS:
        taken.pop()  # 'TV boss on' before a title
    if taken and _low(taken[0].group()) in DETERMINERS and len(taken) > 1:
        taken += _head_after(text, tokens, len(taken))  # "a former campaign staffer,"
    if taken and _low(taken[0].group()) in DETERMINERS and len(taken) == 1:
        taken = _determined_noun(text, tokens)  # "asked the boy, who ...", "the document states"
    if not taken or not _has_head([t.group() for t in taken]):
        return None
    end = taken[-1].end()
    if text[end - 1] == "." and len(taken[-1].group()) > 3 and taken[-1].group().count(".") == 1:
        end -= 1  # a full stop, not an initial
    return taken[0].start(), end


def _head_after(text: str, tokens: list[re.Match[str]], taken: int) -> list[re.Match[str]]:
    """The plain noun that heads a determined phrase after its modifiers ('a former campaign'
    + 'staffer'), when a comma or a stop ends the phrase right after it."""
    if taken >= len(tokens):
        return []
    word = tokens[taken]
    plain = word.group().rstrip(".")
    following = "." if word.group().endswith(".") else text[word.end() : word.end() + 1]
    if (
        not plain.isalpha()
        or not plain.islower()
        or plain in NOT_DETERMINED_WORDS
        or verb_like(plain)
        or following not in (",", ".", "")
    ):
        return []
    return [word]


POSTMODIFIER_OPENERS = CONNECTORS - {"and", "to"} | {"with", "who", "close", "familiar"}


def _determined_noun(text: str, tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """A determiner and the one to three words after it, up to a comma, the sentence end or
    a preposition ('said one person with knowledge of ...')."""
    words = []
    for token in tokens[1:4]:
        if token.group() == ",":
            break
        if words and _low(token.group()) in POSTMODIFIER_OPENERS:
            return [tokens[0], *words]
        words.append(token)
        if token.group().endswith("."):
            break
    if not words:
        return []
    following = text[words[-1].end() : words[-1].end() + 1]
    if ends_with_full_stop(words[-1].group()) or (following and following in ",.;"):
        return [tokens[0], *words]
    return []


def _according_source(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The source after 'according to' at `start`: a noun phrase ('the paper'), or all the
    words up to the clause's end when they name someone ('his longtime personal physician')."""
    noun = subject_after(text, start, end)
    if noun and _ends_source(text, noun, end):
        return noun
    # else "a study" (last year by economists at ...)
    return _source_words(text, start, end) or noun


def _source_phrase_noun(text: str, start: int, end: int) -> tuple[int, int] | None:
    span = subject_after(text, start, end)
    return span if span and _ends_source(text, span, end) else None


def _ends_source(text: str, span: tuple[int, int], end: int) -> bool:
    """The noun phrase is the whole source: nothing but a stop or a comma follows it."""
    return span[1] >= end or text[span[1] : span[1] + 1] in (",", ".", ";", ")")


def _source_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    stop = CLAUSE_PUNCTUATION_RE.search(text, start, end)
    words = text[start : stop.start() if stop else end].rstrip()
    tokens = words.split()
    if not tokens or len(tokens) > MAX_SOURCE_WORDS or _low(tokens[0]) in NOT_SOURCE_OPENERS:
        return None  # "according to what he said"
    return start, start + len(words)


def _source_phrase(
    text: str, begin: int, stop: int, cues: list[re.Match[str]]
) -> Attribution | None:
    """'According to the paper, “...', 'In the words of X, “...': the last in text[begin:stop]
    whose source can be read and opens the clause of a quote at `stop`. A source read only
    as the words up to the comma counts when no cue verb follows in the sentence."""
    phrases = list(SOURCE_PHRASE_RE.finditer(text, begin, stop))
    if not phrases:
        return None
    verbs = any(_verb_use(text, cue) for cue in cues)
    for phrase in reversed(phrases):
        if verbs and phrase.group().startswith("per"):
            continue  # "Guccifer said, per a translator, that ..."
        span = _source_phrase_noun(text, phrase.end(), stop)
        if span is None and not verbs:
            span = _source_words(text, phrase.end(), stop)
        if span and (span[1] >= stop or text[span[1]] == ","):
            return _attribution(text, span, "according to")
    return None


def _attribution(text: str, span: tuple[int, int] | None, cue: str) -> Attribution | None:
    if not span:
        return None
    start, end = span
    if is_date_mention(text[start:end]):
        return None  # '“...” – Oct. 25, on Fox News': when it was said, not who said it
    if "(" in text[start:end] and ")" not in text[start:end]:
        closing = CLOSING_PARENTHESIS_RE.match(text, end)  # "Rep. Zoe Lofgren (D-Calif.)"
        end = closing.end() if closing else end
    return Attribution(text[start:end], start, end, cue)


CLOSING_PARENTHESIS_RE = re.compile(r"[^\s()]{0,4}\)")


def attribution_after(
    text: str, start: int = 0, sentence_closed: bool = False
) -> Attribution | None:
    """Attribution opening text[start:] (what follows a closing mark): '..., he said.'
    When the quote ended its sentence ('... neighborhood." Russia insisted that ...'), only a
    short sign-off counts ('." Klopp said.'): a longer sentence is a new statement."""
    lead = LEAD_RE.match(text, start).end()  # type: ignore[union-attr]
    if sentence_closed and text[lead : lead + 1].isupper() and not _short_sign_off(text, lead):
        return None
    if DASH_RE.match(text, start) and (span := subject_after(text, lead)):
        return _attribution(text, span, "—")  # '“...” ― Krystal Correa'
    according = SOURCE_PHRASE_RE.match(text, lead)
    if according:
        end = _ends_sentence(text, lead) or len(text)
        return _attribution(text, _according_source(text, according.end(), end), "according to")
    cues = find_cues(text, lead, lead + 120)  # right after the quote, a cue is a verb
    match = next((m for m in cues if m.start() == lead or _verb_use(text, m)), None)
    if (
        not match
        or match.start() - lead > MAX_SUBJECT_CHARS
        or _ends_sentence(text, lead, match.start()) is not None
    ):
        return _closing_inverted(text, lead)
    if match.start() == lead:  # "said Klopp", "added the spokeswoman"
        if match.group().lower() not in INVERTING_CUES:
            return None
        span = subject_after(text, match.end() + 1)
        if span and _verb_after(text, span[1]):
            return None  # '“...,” said the candidate could win': a clause, not a speaker
        return _attribution(text, span, match.group().lower())
    span = subject_before(text, match.start(), lead)
    between = text[lead : match.start()]
    if span is None or not _describes(text[lead : span[0]]):
        # "the Post's senior politics editor Steven Ginsberg responded": all of it names him
        span = (
            (lead, lead + len(_without_auxiliaries(between)))
            if _names_someone(between, match)
            else None
        )
    if span is None:
        return _closing_inverted(text, lead)
    return _attribution(text, span, match.group().lower())


def _verb_after(text: str, at: int) -> bool:
    """An auxiliary follows text[:at] ('the candidate could')."""
    following = NEXT_WORD_RE.match(text, at)
    return following is not None and _low(following.group(1)) in AUXILIARY_VERBS


MAX_SIGN_OFF_WORDS = 8
MAX_SUBJECT_CHARS = 130  # between a closing mark and its cue: a speaker and a description


def _short_sign_off(text: str, lead: int) -> bool:
    """text[lead:] opens with a short sentence that reports nothing itself ('Klopp said.')."""
    end = _ends_sentence(text, lead) or len(text)
    words = text[lead:end].split()
    opens_quote = any(mark in text[lead:end] for mark in ("“", '"', "‘", "''"))  # 'He added, “
    return len(words) <= MAX_SIGN_OFF_WORDS and "that" not in words and not opens_quote


CLOSING_PRONOUN_RE = re.compile(r",\s+(he|she|they|we|I)\s+$")


def _closing_inverted(text: str, lead: int) -> Attribution | None:
    """'... to Mr. Sanders, said David Axelrod, a former strategist.': the speaker of the
    sentence named at its end."""
    sentence_end = _ends_sentence(text, lead) or len(text)
    cues = find_cues(text, lead, sentence_end)
    for cue in cues:  # ", said David Axelrod, a former strategist."
        if (
            cue.group().lower() not in INVERTING_CUES  # ", told The Huffington Post."
            or not text[: cue.start()].rstrip().endswith(",")
            or text[cue.end() : cue.end() + 1] != " "
        ):
            continue
        span = subject_after(text, cue.end() + 1)
        if span and text[span[1] : span[1] + 1] in (",", ".", ""):
            return _attribution(text, span, cue.group())
    for cue in cues:  # ", she said, referencing ...", ", she said in a video message."
        pronoun = CLOSING_PRONOUN_RE.search(text, lead, cue.start())
        if pronoun and _ends_clause(text, cue.end()):
            return Attribution(pronoun.group(1), pronoun.start(1), pronoun.end(1), cue.group())
    for cue in reversed(cues):  # "..., Sanders said.", "..., Sanders said Thursday, adding"
        if not _closes_report(text, cue, sentence_end):
            continue
        comma = text.rfind(",", lead, cue.start())
        span = subject_before(text, cue.start(), lead) if comma >= 0 else None
        if span and not text[comma + 1 : span[0]].strip():
            return _attribution(text, span, cue.group())
    return None


def _closes_report(text: str, cue: re.Match[str], sentence_end: int) -> bool:
    """The cue ends the sentence's reporting clause: nothing but a stop follows it, or a
    time or an adverbial and then a comma or the stop ('said Thursday, adding ...'), never a
    clause of its own ('said on Friday that ...')."""
    rest = text[cue.end() : sentence_end]
    if not rest.strip(" .,;"):
        return True
    if cue.group().endswith("ing") or not _ends_clause(text, cue.end()):
        return False
    clause = rest.split(",", 1)[0]
    return len(clause.split()) <= MAX_CLOSING_ADVERBIAL_WORDS and "that" not in clause.split()


MAX_CLOSING_ADVERBIAL_WORDS = 4  # "said in a statement", "said on Thursday"


ADVERBIAL_OPENERS = {
    "in", "on", "at", "during", "after", "before", "to", "from", "via", "while", "when", "as",
    "last", "this",
}  # fmt: skip
NEXT_WORD_RE = re.compile(r"\s+(\w+)")


def _ends_clause(text: str, at: int) -> bool:
    """A cue at `at` takes no complement: a comma, a stop, the end, or an adverbial."""
    if text[at : at + 1] in ("", ",", "."):
        return True
    following = NEXT_WORD_RE.match(text, at)
    word = following.group(1).lower() if following else ""
    return word in ADVERBIAL_OPENERS or _is_time_word(word)


def _describes(words_before: str) -> bool:
    """Only a description sits between the quote and the speaker ('another friend, '), or
    the "as" of '..., as a Homeland Security memo put it'."""
    tokens = TOKEN_RE.findall(words_before)
    if tokens[:2] == [",", "as"] or tokens[:1] == ["as"]:
        tokens = tokens[tokens.index("as") + 1 :]
    return all(t == "," or _np_word(t) or _low(t) in DETERMINERS | ROLE_NOUNS for t in tokens) and (
        len(tokens) <= 6
    )


def _without_auxiliaries(words: str) -> str:
    """'the two-term president will ' -> 'the two-term president'; 'the three-judge court
    unanimously ' -> 'the three-judge court'."""
    kept = words.split()
    while kept and (
        _low(kept[-1]) in ADVERBS or (kept[-1].islower() and _manner_adverb(_low(kept[-1])))
    ):
        kept.pop()
    return words[: words.rindex(kept[-1]) + len(kept[-1])] if kept else words.rstrip()


def _names_someone(between: str, cue: re.Match[str]) -> bool:
    """Words between a closing mark and its cue that can all be the speaker's description."""
    words = between.split()
    return (
        0 < len(words) <= 10
        and not CLAUSE_PUNCTUATION_RE.search(between)
        and (_np_word(words[0]) or _low(words[0]) in DETERMINERS - {"that", "this", "these"})
        and _has_head(words)
        and not cue.group().lower().endswith("ing")
    )


PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|on|with|through|via|into|from)\s+$")
DETERMINED_RE = re.compile(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s")


def _object_of_preposition(text: str, begin: int, start: int) -> bool:
    """Whether a determined noun phrase at text[start:] follows a preposition in its
    sentence ('in a Twitter message')."""
    return (
        DETERMINED_RE.match(text, start) is not None
        and PREPOSITION_BEFORE_RE.search(text, max(begin, start - 12), start) is not None
    )


def last_sentence(text: str, end: int | None = None) -> int:
    """Where the last sentence of text[:end] starts."""
    end = len(text) if end is None else end
    window = max(0, end - SENTENCE_WINDOW)
    starts = sentence_breaks(text, window, end)
    return starts[-1] if starts else window


def attribution_before(text: str, end: int | None = None) -> Attribution | None:
    """Attribution in the sentence before an opening mark at `end`: 'De Roon added: ',
    'According to the paper, ', 'Rubio called the statement ', 'Trump ..., telling Reuters, '."""
    stop = len(text[:end].rstrip())
    begin = last_sentence(text, stop)
    cues = [m for m in find_cues(text, begin, stop) if stop - m.end() <= MAX_CUE_DISTANCE]
    if source := _source_phrase(text, begin, stop, cues):
        return source
    if owner := _speech_noun_owner(text, begin, stop, cues):
        return Attribution(owner.group(1), owner.start(1), owner.end(1), _low(owner.group(2)))
    for cue in reversed(cues):
        if _ends_sentence(text, cue.end(), stop) is not None or (
            text[cue.end() : stop] == "." and cue.group().lower() in NOT_REPORTING
        ):
            continue  # the cue's sentence ended before the quote ("where Clinton also spoke.")
        word = cue.group().lower()
        if _hypothetical(text, cue) and any(_governs(text, c, cue) for c in cues):
            continue  # "Obama said he expected that Americans will say “no”": Obama's words
        if inverted := _inverted_subject(text, cue, stop):
            return _attribution(text, inverted, word)
        if not _verb_use(text, cue) or _passive(text, cue):
            continue
        if word.endswith("ing"):  # "X issued a statement describing ...": X is the speaker
            fronted = _fronted_participle_subject(text, begin, cue, stop)
            span = fronted or _participle_subject(text, begin, cue)
        else:
            span = subject_before(text, cue.start(), begin, relative=word not in NOT_REPORTING)
            if span and word.endswith("ed") and _object_of_preposition(text, begin, span[0]):
                # "Mr. Trump seized on the memos in a Twitter message posted late Thursday":
                # the object of a preposition is no subject, so the cue is a participle
                span = sentence_subject(text, begin, span[0])
        if span and _low(text[span[0] : span[1]]) in ("it", "they"):
            span = _reporting_subject(text, begin, span[0]) or span
        elif span and _low(text[span[0] : span[1]]) in PRONOUNS:
            span = _reporting_same_pronoun(text, begin, span)
        if span and (later := _main_clause_subject(text, begin, cue, stop)):
            return _attribution(text, later, "")  # the quote is in a later clause
        if span:
            return _attribution(text, span, word)
    return _turn(text, begin, stop)


MODALS = frozenset("will would should could might may must shall can".split())
MODAL_BEFORE_RE = re.compile(r"\b(\w+)\s+(?:(?:\w+ly|also|not|never)\s+)?$")


def _hypothetical(text: str, cue: re.Match[str]) -> bool:
    """The cue follows a modal ('will say', 'should reiterate', 'would never call'): what
    someone may say, not what they said."""
    before = MODAL_BEFORE_RE.search(text, max(0, cue.start() - 30), cue.start())
    return before is not None and before.group(1).lower() in MODALS


def _governs(text: str, earlier: re.Match[str], cue: re.Match[str]) -> bool:
    """`cue` sits in what the `earlier` cue reports: after it, no comma or semicolon between
    ('said Trump would challenge', not 'read them aloud, and Harris would say')."""
    return earlier.end() <= cue.start() and not CLAUSE_BREAK_RE.search(
        text, earlier.end(), cue.start()
    )


CLAUSE_BREAK_RE = re.compile(r"[,;]")


SPEECH_NOUNS = {
    "claim", "claims", "remark", "remarks", "comment", "comments", "suggestion", "assertion",
    "statement", "call", "calls", "dictum", "emphasis", "insistence", "argument", "promise",
    "pledge", "vow", "warning", "words", "description", "charge", "accusation", "contention",
    "declaration", "admission", "boast", "quip", "complaint", "tweet", "question", "retort",
    "characterization", "prediction", "slogan", "mantra", "refrain", "motto", "catchphrase",
}  # fmt: skip
POSSESSOR = (
    r"(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*(?:’s|'s|s’|s')|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
)
# "Trump’s claim that Obama “founded ISIS”", "her March comment that, “...”"
SPEECH_NOUN = trie_pattern(SPEECH_NOUNS) + r"\b"
SPEECH_NOUN_RE = re.compile(rf"({POSSESSOR})\s+(?:[\w\-]+,?\s+){{0,3}}?({SPEECH_NOUN})")
SPEECH_NOUN_WORD_RE = re.compile(SPEECH_NOUN)
MAX_SPEECH_NOUN_DISTANCE = 100  # characters from the noun to the opening mark


def _speech_noun_owner(
    text: str, begin: int, stop: int, cues: list[re.Match[str]]
) -> re.Match[str] | None:
    """The last possessed noun of speech in text[begin:stop] whose content the quote is
    ('Trump’s claim that Obama “founded ISIS”', 'his call for “revolution”'). No cue may
    follow the noun; one before it makes the noun its topic unless "that", "for" or "of"
    joins the noun to the quote ('calling Trump’s charge “pathetic”')."""
    owner, start = None, max(begin, stop - 200)
    if not SPEECH_NOUN_WORD_RE.search(text, start, stop):
        return None  # the common case, found fast
    for match in SPEECH_NOUN_RE.finditer(text, start, stop):
        owner = match
    if (
        owner is None
        or stop - owner.end() > MAX_SPEECH_NOUN_DISTANCE
        or not _possessor(owner.group(1))
        or not all(_modifier(word) for word in text[owner.end(1) : owner.start(2)].split())
        or not (joint := NOUN_CONTENT_RE.match(text[owner.end() : stop]))
        or any(cue.start() >= owner.end() for cue in cues)
        or (not joint.lastindex and any(cue.start() < owner.start() for cue in cues))
    ):
        return None
    return owner


def _possessor(words: str) -> bool:
    """'Donald Trump’s', 'her': not 'It’s' or 'In Trump’s'."""
    first, owner = _low(words.split()[0]), _low(strip_possessive(words.split()[-1]))
    return first in PRONOUN_POSSESSIVES or (
        first not in SENTENCE_STARTERS and owner not in SENTENCE_STARTERS
    )


def _modifier(word: str) -> bool:
    """A word that may sit between a possessor and its noun ('repeated', 'March')."""
    low = _low(word.rstrip(","))
    return low not in NOT_DETERMINED_WORDS and not low.endswith("ing")


PRONOUN_POSSESSIVES = {"his", "her", "their", "its"}
# What may join a noun of speech to its quoted content: nothing, a colon, or "that", "for"
# or "of" opening a clause with no verb of its own before the quote.
NOUN_CONTENT_RE = re.compile(
    r"\s*[,:]?\s*$|\s+(for|of)\s*$|\s+(that)\b(?![^,]*\b(?:is|was|were|are)\b)"
)


SUBORDINATORS = {"when", "after", "while", "as", "since", "before", "although", "though",
                 "if", "because", "once", "until", "whenever"}  # fmt: skip
MAIN_CLAUSE_RE = re.compile(r",\s+(he|she|they|I|we)\s+(\w+)(?:\s+(\w+))?")


def _main_clause_subject(
    text: str, begin: int, cue: re.Match[str], stop: int
) -> tuple[int, int] | None:
    """'When Trump announced his candidacy, he infamously referred to ... “criminals”': the
    cue sits in a subordinate clause; the quote is in the main clause, with its own subject."""
    opener = text[begin : cue.start()].split(maxsplit=1)
    if not opener or opener[0].lower() not in SUBORDINATORS or "," in text[begin : cue.start()]:
        return None
    match = MAIN_CLAUSE_RE.search(text, cue.end(), stop)
    if match is None or "," in text[cue.end() : match.start()]:
        return None
    verb = (match.group(3) or "") if _manner_adverb(match.group(2)) else match.group(2)
    return (match.start(1), match.end(1)) if verb_like(verb) else None


def _fronted_participle_subject(
    text: str, begin: int, participle: re.Match[str], stop: int
) -> tuple[int, int] | None:
    """'After saying her foot was “so swollen ...,” she was ...', 'Declaring that the United
    States must “get this done,” President Joe Biden opened ...': a participle opening the
    sentence shares the subject of the main clause after it."""
    opener = text[begin : participle.start()].strip().lower()
    if opener and opener not in PARTICIPLE_OPENERS:
        return None
    return _main_clause_subject_after(text, stop, named=not opener)


def _main_clause_subject_after(text: str, stop: int, named: bool) -> tuple[int, int] | None:
    """The subject of the main clause after a fronted participle's quote at `stop`: a
    pronoun, or (`named`) a name or a description followed by its verb."""
    end = _ends_sentence(text, stop) or len(text)
    match = FRONTED_CLAUSE_END_RE.search(text, stop, end)
    if match:
        return match.start(1), match.end(1)
    if not named or not (boundary := QUOTE_CLAUSE_END_RE.search(text, stop, end)):
        return None
    span = subject_after(text, boundary.end(), end)
    following = word_after(text, span[1], end) if span else None
    return span if following is not None and verb_like(following.group()) else None


PARTICIPLE_OPENERS = SUBORDINATORS | {"upon", "by"}
FRONTED_CLAUSE_END_RE = re.compile(r"(?:,[”\"'’]*|[”\"'’]+)\s+(he|she|they|I|we)\s+\w")
QUOTE_CLAUSE_END_RE = re.compile(r"[”\"'’]+,?\s+")  # where the quote ends its clause


# Cues that, in a relative clause, describe the speaker rather than report ("..., who spoke
# on the condition of anonymity", "the talks, which started a decade ago")
NOT_REPORTING = {"spoke", "started", "began", "read", "reads", "put"}


# Cue forms that are also nouns ("Clinton's call", "a Trumpian post", "a book called"):
# taken as cues only right after a subject, an adverb or an auxiliary.
NOUN_LIKE_CUES = {
    "call", "calls", "called", "post", "posts", "state", "states", "report", "reports",
    "comment", "comments", "answer", "answers", "question", "questions", "claim", "claims",
    "charge", "charges", "quote", "quotes", "text", "texts", "email", "emails", "tweet",
    "tweets", "echo", "echoes", "cry", "cries", "demand", "demands", "counter", "counters",
    "challenge", "challenges", "dub", "dubbed", "label", "labels", "labeled", "labelled",
    "term", "terms", "termed", "read", "reads", "blast", "blasts", "praise", "plead",
    "promise", "promises", "vow", "vows", "pledge", "pledges", "warning", "joke", "jokes",
    "lecture", "cite", "cites", "cited", "note", "notes", "noted", "started", "began",
    "retort", "reply", "response", "remark", "remarks", "message", "rebuttal",
    "quip", "statement", "chant", "chants", "estimate", "estimates",
}  # fmt: skip
AUXILIARIES = {"has", "have", "had", "will", "would", "also", "then", "later", "once", "who",
               "which", "that", "and", "but", "not", "never", "just", "repeatedly"}  # fmt: skip


# Cues that may come before their subject ("said Hester", "explained Rosenberg,"); others
# take a listener or an object there ("told the host", "suggesting a few questions").
INVERTING_CUES = {
    "said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "explained", "noted",
    "continued", "recalled", "insisted", "replied", "answered", "responded", "countered",
    "quipped", "remarked", "observed", "concluded", "declared", "argued", "warned", "stated",
    "acknowledged", "admitted", "shot back", "chimed in", "tweeted", "posted", "cautioned",
    "conceded", "complained", "joked", "mused", "offered", "predicted", "reported", "reflected",
    "exclaimed", "echoed", "confirmed", "agreed", "emphasized", "emphasised", "stressed",
    "beamed", "pressed", "read", "reads",
}  # fmt: skip
OBJECT_PRONOUN_RE = re.compile(r"\s+(him|her|them|it|me|us|himself|herself|themselves)\b")


def _verb_use(text: str, cue: re.Match[str]) -> bool:
    """A cue form that may be a noun counts only after a subject-like word; 'went on' only
    before what it goes on with ('went on: “...”', not 'goes on recess')."""
    if cue.group().lower() in ("went on", "goes on"):
        return GOES_ON_WITH_RE.match(text, cue.end()) is not None
    before = TOKEN_RE.findall(text, max(0, cue.start() - LOOK_BEHIND_CHARS), cue.start())
    if before and _owner(before[-1]) and _noun_after(text, cue.end()):
        return False  # "Trump’s repeated calls", "his stated aim": inside a noun phrase
    if cue.group().lower() not in NOUN_LIKE_CUES:
        return True
    if OBJECT_PRONOUN_RE.match(text, cue.end()):
        return True  # "called him", "calls it"
    before = TOKEN_RE.findall(text[: cue.start()])
    if not before:
        return True
    previous = before[-1]
    low = _low(previous)
    # "a friendly question", "of Republican claims": a modifier inside a noun phrase
    opener = _low(before[-2]) if len(before) > 1 else ""
    modifier = opener in NOUN_PHRASE_OPENERS
    if low in PRONOUNS or low in AUXILIARIES:
        return True
    if (low in ROLE_NOUNS and opener not in CONNECTORS) or (low.endswith("ly") and not modifier):
        return True  # "the company called", not "of Republican claims"
    if previous == ",":
        return _closes_description(text, cue.start())
    if not _is_name_word(previous) or _is_possessive(previous):
        return False
    return not modifier and not _indefinite_names_before(before)


def _owner(word: str) -> bool:
    """A possessive: 'Trump’s', 'his', 'their'; not 'her' (an object too: 'told her') nor a
    pronoun's contraction ('He’s said')."""
    if _low(word) in PRONOUN_POSSESSIVES - {"her"}:
        return True
    return _is_possessive(word) and _low(strip_possessive(word)) not in PRONOUNS


NOT_NOUN_WORDS = DETERMINERS | CONNECTORS | PRONOUNS | {"that", "him", "them", "us", "me", "by"}


def _noun_after(text: str, at: int) -> bool:
    """A lower-case content word follows: the cue form before it modifies a noun ('repeated
    calls'), where a verb takes an object ('Microsoft’s posted a link': has posted)."""
    following = NEXT_WORD_RE.match(text, at)
    word = following.group(1) if following else ""
    return word[:1].islower() and word.lower() not in NOT_NOUN_WORDS


def _closes_description(text: str, end: int) -> bool:
    """'Apple's chief executive, Tim Cook, called': the comma before `end` closes a
    description set off after a name or a role ('CNN, Cruz said, called' is another matter)."""
    match = APPOSITIVE_RE.search(text[:end], max(0, end - MENTION_WINDOW))
    if match is None or find_cues(text, match.start(), end - 1):
        return False
    words = TOKEN_RE.findall(text, max(0, match.start() - 40), match.start())
    return bool(words) and (
        (_is_name_word(words[-1]) and not _is_possessive(words[-1]))
        or _low(words[-1]) in ROLE_NOUNS
    )


PASSIVE_RE = re.compile(r"\b(?:" + "|".join(sorted(BE_FORMS - {"be"})) + r")\s+$")


def _passive(text: str, cue: re.Match[str]) -> bool:
    """'... were admitted': the subject is not who spoke."""
    return PASSIVE_RE.search(text, max(0, cue.start() - 8), cue.start()) is not None


def _indefinite_names_before(words: list[str]) -> bool:
    """'a Donald Trump tweet', 'a recent Senate report': names after 'a' (and an adjective)
    modify the noun that follows them."""
    index = len(words) - 1
    while index >= 0 and _is_name_word(words[index]):
        index -= 1
    if index < 0 or words[index].lower() in ("a", "an"):
        return index >= 0
    return index >= 1 and _adjective_like(words[index]) and words[index - 1].lower() in ("a", "an")


def _adjective_like(word: str) -> bool:
    """A lower-case word that may qualify a noun ('recent', 'new'): not a role, a document
    or an adverb ('In a statement Smith claims', 'a day after Smith reportedly claims')."""
    low = _low(word)
    return word.isalpha() and word.islower() and low not in ROLE_NOUNS and not low.endswith("ly")


GOES_ON_WITH_RE = re.compile(r"\s*(?:[,:;.—–“\"‘']|(?:to|about)\b|$)")
NOUN_PHRASE_OPENERS = {
    "of", "the", "a", "an", "to", "in", "for", "on", "by", "with", "about", "from", "at", "per",
    "via", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
}  # fmt: skip


def _with_subject(text: str, participle: re.Match[str]) -> tuple[int, int] | None:
    """'with Senator John McCain telling reporters', 'footage of Hillary Clinton asking':
    the participle's own subject."""
    span = subject_before(text, participle.start())
    if not span:
        return None
    before = text[: span[0]].rstrip().lower()
    if "," in text[span[1] : participle.start()]:
        return None  # "He shared it with Mr. Trump, saying ...": the participle is his
    if before.endswith((" with", ",with")) or (
        before.endswith(" of") and not text[span[1] : participle.start()].strip()
    ):
        return span
    return None


def _reporting_subject(text: str, begin: int, pronoun: int) -> tuple[int, int] | None:
    """'Obama said it would tell a story, one of “...”': 'it' opens what a cue before it
    reports (no comma between), so that cue's subject is the speaker."""
    for cue in reversed(find_cues(text, begin, pronoun)):
        if "," in text[cue.end() : pronoun]:
            return None
        if _verb_use(text, cue) and (span := subject_before(text, cue.start())):
            return span
    return None


def _reporting_same_pronoun(text: str, begin: int, pronoun: tuple[int, int]) -> tuple[int, int]:
    """'She said she recalls the colleague being “confused”': the same pronoun as subject
    of the cue that reports the clause is the same person; its mention is the outer one."""
    cues = find_cues(text, begin, pronoun[0])
    if not cues or text[cues[-1].end() : pronoun[0]].strip() not in ("", "that"):
        return pronoun
    outer = subject_before(text, cues[-1].start(), begin) if _verb_use(text, cues[-1]) else None
    if outer and _low(text[outer[0] : outer[1]]) == _low(text[pronoun[0] : pronoun[1]]):
        return outer
    return pronoun


def _earlier_cue_subject(
    sentence: str, begin: int, participle: re.Match[str]
) -> tuple[int, int] | None:
    """'Hollande said Tuesday in Paris, noting ...': the participle shares the subject of
    the cue before it in the sentence; of a participle before it ('Rubio pushed back on
    those claims, saying ... and arguing ...'), the subject that one has."""
    earlier = find_cues(sentence, begin, participle.start())
    for cue in reversed(earlier):
        if not _verb_use(sentence, cue):
            continue
        if cue.group().lower().endswith("ing"):
            span = _participle_subject(sentence, begin, cue)
        else:
            span = subject_before(sentence, cue.start())
        if span:
            return span
    return None


def _participle_subject(
    sentence: str, begin: int, participle: re.Match[str]
) -> tuple[int, int] | None:
    """Whose a participle within its sentence is: its own subject ('..., with Gorka noting',
    'footage of X asking'), the subject of a cue before it, else the sentence's."""
    return (
        _with_subject(sentence, participle)
        or _earlier_cue_subject(sentence, begin, participle)
        or sentence_subject(sentence, begin, participle.start())
        or subject_before(sentence, participle.start(), begin)
    )


INFINITIVE_RE = re.compile(r"\bto\s+$")


def _inverted_subject(sentence: str, cue: re.Match[str], stop: int) -> tuple[int, int] | None:
    """'..., explained Rosenberg, “...”', 'Stated Stone: “...”': the speaker after the cue."""
    if cue.group().lower() not in INVERTING_CUES or INFINITIVE_RE.search(sentence, 0, cue.start()):
        return None  # "he hadn’t had a chance to read the president's plan, but ..."
    subject = subject_before(sentence, cue.start())
    if subject and all(_low(w) in ADVERBS for w in sentence[subject[1] : cue.start()].split()):
        return None  # "Clinton said Patricia Smith, ..., is wrong": a subject before the cue
    span = subject_after(sentence, cue.end() + 1, stop)
    if span and is_date_mention(sentence[span[0] : span[1]]):
        return None  # "Mari Martin, a spokeswoman, said Wednesday, “...”": when, not who
    if span and sentence[span[1] : stop].lstrip()[:1] in (",", ":"):
        return span
    return None


WHAT_RE = re.compile(r"\b[Ww]hat\s+")
# What may sit between a cue and the quote it names ('what Morgan described as “...”').
NAMING_WORDS = {"as", "it", "a", "an", "the", "his", "her", "their", "its", "to", "be"}
MAX_WHAT_CLAUSE_CHARS = 100


def attribution_of_what_clause(text: str, end: int) -> Attribution | None:
    """'In what Morgan described as a “big, long rant,” Jones ...', 'what the CDC calls
    “substantial”': a free relative naming the quote ending right before the opening mark at
    `end`; its subject is the speaker, whatever the sentence says after the quote."""
    whats = list(WHAT_RE.finditer(text, max(0, end - MAX_WHAT_CLAUSE_CHARS), end))
    if not whats:
        return None
    begin = whats[-1].end()
    cues = [c for c in find_cues(text, begin, end) if _verb_use(text, c)]
    if not cues or any(_low(w) not in NAMING_WORDS for w in text[cues[-1].end() : end].split()):
        return None
    span = subject_before(text, cues[-1].start(), begin)
    if span is None or span[0] != begin:
        return None  # 'what he said was “...”' has the subject right after "what"
    return _attribution(text, span, cues[-1].group().lower())


def last_report(paragraph: str) -> Attribution | None:
    """Who a paragraph last reports as speaking ('Biden released a statement Wednesday
    acknowledging ...', 'He spoke about the lawsuit from his golf club.'): the subject of its
    last cue verb, read as the speaker of a quote that opens the next paragraph with no
    attribution of its own."""
    for cue in reversed(find_cues(paragraph)):
        if not _verb_use(paragraph, cue) or _passive(paragraph, cue):
            continue
        begin = last_sentence(paragraph, cue.start())
        if cue.group().endswith("ing"):
            span = sentence_subject(paragraph, begin, cue.start())
        else:
            span = subject_before(paragraph, cue.start(), begin)
        return _attribution(paragraph, span, cue.group().lower()) if span else None
    return None


def last_subject(paragraph: str) -> Attribution | None:
    """The person a paragraph that reports no speech ends on: the named subject of its last
    sentence ('DeSantis signed an executive order Friday ...'), read as the speaker of a quote
    opening the next paragraph with no attribution of its own."""
    text = paragraph.rstrip()
    span = sentence_subject(text, last_sentence(text), len(text))
    if span is None or not _names_a_person(text[span[0] : span[1]]):
        return None
    return _attribution(text, span, "")


def _names_a_person(mention: str) -> bool:
    """A full name, or one capitalised word that is no common word ('DeSantis', not
    'Often'), not a possessive, with no digit ('COVID-19')."""
    words = mention.split()
    if len(words) == 1:
        word = words[0]
        return (
            word[:1].isupper()
            and not _is_possessive(word)
            and _low(word) not in common_words()
            and not any(c.isdigit() for c in word)
        )
    return next(person_mentions(mention), None) is not None


def _turn(sentence: str, begin: int, stop: int) -> Attribution | None:
    """'Clinton: "Our goal is ..."': a name and a colon right before the quote."""
    match = TURN_RE.search(sentence, begin, stop)
    if match and _has_head(match.group(1).split()) and not is_topic_label(match.group(1)):
        return Attribution(match.group(1), match.start(1), match.end(1), ":")
    return None


INTRO_WORDS = {
    "in", "at", "on", "after", "before", "during", "since", "with", "for", "by", "from",
    "over", "under", "when", "while", "as", "although", "though", "despite", "following",
    "earlier", "later", "last", "next", "this", "that", "speaking", "asked", "meanwhile",
    "moreover", "furthermore", "nevertheless", "nonetheless", "additionally", "separately",
    "initially", "ultimately", "similarly", "likewise", "regardless", "instead", "still",
    "hours", "minutes", "days", "weeks", "months", "years", "moments", "shortly", "soon",
    "amid", "among", "against", "through", "throughout", "within", "without", "across",
    "toward", "towards", "upon", "via", "per", "beyond", "behind", "inside", "outside",
}  # fmt: skip
TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
}  # fmt: skip


def _is_time_word(word: str) -> bool:
    return word in TIME_WORDS


WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


def is_date_mention(mention: str) -> bool:
    """'Oct. 25', 'Monday': a date where a sign-off would name someone."""
    words = [_low(w) for w in mention.split()]
    if not words:
        return False
    if words[0] in WEEKDAYS:
        return True
    month = _is_time_word(words[0]) or words[0] in MONTH_ABBREVIATIONS
    return month and (len(words) == 1 or words[1][:1].isdigit())


def _subject_after_comma(tokens: list[re.Match[str]], commas: list[int]) -> int:
    """Which comma ends the opening phrase: the first one followed by a pronoun, or by a name
    and then a lower-case word ('Hours later, Trump returned', 'At a summit in Hilton Head,
    S.C., Rubio offered')."""
    for comma in commas:
        at = comma + 1
        if at < len(tokens) and _low(tokens[at].group()) in PRONOUNS:
            return at
        while at < len(tokens) and _is_name_word(tokens[at].group()):
            at += 1
        if comma + 1 < at < len(tokens) and tokens[at].group()[:1].islower():
            return comma + 1
    return commas[-1] + 1


def sentence_subject(
    text: str, begin: int, end: int, limit: int | None = None
) -> tuple[int, int] | None:
    """The subject of the sentence text[begin:end]: the first pronoun or name, after an
    opening phrase ('Hours later, Trump ...', 'When he returned he began ...')."""
    tokens = list(TOKEN_RE.finditer(text, begin, end))
    skip = 0
    commas = [i for i, t in enumerate(tokens[:10]) if t.group() == ","]
    opener = _low(tokens[0].group()) if tokens else ""
    intro = (
        opener in INTRO_WORDS
        or opener in DETERMINERS
        or _is_time_word(opener)
        or opener.endswith(("ly", "ed", "ing"))
        or (bool(tokens) and tokens[0].group().isupper() and len(opener) > 2)  # "WASHINGTON,"
    )
    if commas and intro:
        skip = _subject_after_comma(tokens, commas)
    elif opener in INTRO_WORDS and len(tokens) > 1:
        skip = 1  # "On September 27 they published ...": past the phrase's capitalised words
        while skip < len(tokens) and (
            tokens[skip].group()[:1].isupper() or tokens[skip].group().isdigit()
        ):
            skip += 1
    elif opener in SENTENCE_STARTERS - PRONOUNS - DETERMINERS:
        skip = 1  # "Then he cut into Bush", "Maybe he figures"
    limit = end if limit is None else limit
    if opener in DETERMINERS and len(tokens) > 1 and _is_name_word(tokens[1].group()):
        skip = 0  # "The Democratic National Convention released a statement, saying ..."
    if span := _subject_before_verb(text, [t for t in tokens if t.end() <= limit], skip, end):
        return span
    for token in tokens[skip:]:
        if _low(token.group()) in PRONOUNS - {"it", "you"}:
            return token.start(), token.end()
        named = token.group() != "," and _is_name_word(token.group())
        if named and (
            span := subject_after(text, token.start()) or _determiner_phrase(text, token, end)
        ):
            return span
    return None


SUBJECT_DETERMINERS = {"the", "his", "her", "their", "several", "many", "some", "most", "both"}
PHRASE_DETERMINERS = DETERMINERS | SUBJECT_DETERMINERS
NOT_SUBJECT_BEFORE = CONNECTORS | DETERMINERS | {
    "by", "with", "about", "against", "than", "like", "as", "into", "over", "under", "between",
    "after", "before", "during", "through", "toward", "towards", "including", "among",
}  # fmt: skip
VERB_WORDS = AUXILIARY_VERBS | {
    "also", "then", "now", "later",
    "once", "never", "not", "still", "again", "just", "already", "became", "becomes", "made",
    "makes", "took", "takes", "went", "goes", "got", "gets", "gave", "gives", "kept", "keeps",
    "left", "put", "ran", "runs", "sent", "sends", "set", "sought", "seeks", "saw", "sees",
    "thought", "thinks", "knew", "knows", "felt", "feels", "told", "said", "says", "came",
    "comes", "began", "begins", "brought", "brings", "won", "wins", "lost", "loses", "hit",
    "spent", "spends", "stood", "stands", "held", "holds", "paid", "pays", "met", "meets",
}  # fmt: skip


@lru_cache(maxsize=16384)
def verb_like(word: str) -> bool:
    low = _low(word)
    if not word[:1].islower():
        return False
    return (
        low in VERB_WORDS
        or low in CUE_WORDS
        or low.endswith("ed")
        or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3)
    )


def _subject_before_verb(
    text: str, tokens: list[re.Match[str]], skip: int, end: int
) -> tuple[int, int] | None:
    """The first pronoun or name, not the object of a preposition ('back on American soil,
    he returned'), whose phrase is followed by a verb-like word: the clause's subject."""
    for index in range(skip, len(tokens)):
        word = tokens[index].group()
        low = _low(word)
        before = _low(tokens[index - 1].group()) if index else ""
        if before in NOT_SUBJECT_BEFORE or (
            index > skip and _is_name_word(tokens[index - 1].group()) and _is_name_word(word)
        ):
            continue
        if low in PRONOUNS - {"it", "you"} or (low == "it" and _acts(tokens, index)):
            span = (tokens[index].start(), tokens[index].end())
        elif _is_name_word(word) and low not in SENTENCE_STARTERS and not _is_possessive(word):
            span = subject_after(text, tokens[index].start(), end)
        elif low in SUBJECT_DETERMINERS:
            span = _determiner_phrase(text, tokens[index], end)  # "his operatives forced"
        else:
            continue
        if span is None or _is_possessive(text[span[0] : span[1]].split()[-1]):
            continue  # "Mrs. Clinton's remark"
        following = word_after(text, span[1], end)
        if following and following.group() == ",":  # "Bush, Florida’s former governor, also"
            following = after_appositive(text, following.end(), end)
        if following and verb_like(following.group()):
            return span
    return None


def word_after(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first word from `start` on, past manner adverbs ('Mr. Trump hardly clarified')."""
    for word in TOKEN_RE.finditer(text, start, end):
        if word.group() != "," and not any(c.isalnum() for c in word.group()):
            continue  # the full stop of "(I-Vt.)"
        if not (word.group().islower() and _manner_adverb(_low(word.group()))):
            return word
    return None


def _acts(tokens: list[re.Match[str]], index: int) -> bool:
    """'it attacked Trump', 'it referenced': "it" followed by a cue or a past-tense verb is
    an agent (not the "it" of "it is clear that")."""
    following = _low(tokens[index + 1].group()) if index + 1 < len(tokens) else ""
    return following in CUE_WORDS or (following.endswith("ed") and following not in VERB_WORDS)


def after_appositive(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first word after ', Florida’s former governor,' (from just after its first comma),
    adverbs skipped; None unless the appositive is short and closed by a comma."""
    close = text.find(",", start, min(end, start + 80))
    if close < 0 or any(c in text[start:close] for c in '.;:!?"“”'):
        return None
    for word in TOKEN_RE.finditer(text, close + 1, end):
        if _low(word.group()) not in ADVERBS and not _manner_adverb(_low(word.group())):
            return word
    return None


def _determiner_phrase(text: str, first: re.Match[str], end: int) -> tuple[int, int] | None:
    """'The town released ...' -> 'The town': a determiner and the words up to the verb; a
    name may run on ('The New Baltimore Police Department')."""
    if _low(first.group()) not in PHRASE_DETERMINERS:
        return None
    words = list(islice(TOKEN_RE.finditer(text, first.end(), end), MAX_DETERMINED_NAME + 1))
    taken: list[re.Match[str]] = []
    for position, word in enumerate(words[:MAX_DETERMINED_NAME]):
        if position >= MAX_DETERMINED_WORDS and not all(
            w.group()[:1].isupper() for w in words[: position + 1]
        ):
            break
        low = _low(word.group())
        following = words[position + 1].group() if position + 1 < len(words) else ""
        plural_noun = (  # "groups granted", not "is based"
            low.endswith("s") and low not in VERB_WORDS and verb_like(following)
        )
        if (
            text[(taken[-1] if taken else first).end() : word.start()].strip()  # a mark, a dash
            or word.group() == ","
            or (verb_like(word.group()) and not plural_noun)
            or low in NOT_IN_DETERMINED_PHRASE
            or _manner_adverb(low)
        ):
            break
        taken.append(word)
    return (first.start(), taken[-1].end()) if taken else None


MAX_DETERMINED_WORDS = 3  # after the determiner: "the town", "his top aide"
MAX_DETERMINED_NAME = 8  # capitalised words all: "The New Baltimore Police Department"
NOT_IN_DETERMINED_PHRASE = ADVERBS | CONNECTORS | PRONOUNS | RELATIVE_PRONOUNS | {"first", "that"}


OPENING_WORD_RE = re.compile(r"\s*([A-Z][a-z]+)\b")
DATELINE_RE = re.compile(r"(?:[A-Z]{2,}[A-Z .]*(?:, [A-Z][\w.]*)*\s+[-—–]+\s+)?")


def attribution_of_sentence(text: str, at: int) -> Attribution | None:
    """No cue at all: a quote inside a sentence (at `at`, quoted words masked in `text`) is
    taken to be its subject's words ('Christie ... his guilty pleasure is “Football Life.”',
    'In declaring Trump's statements “not Christian,” the pope demonstrated ...')."""
    begin = last_sentence(text, len(text[:at].rstrip()))
    end = _ends_sentence(text, at) or len(text)
    if not text[begin:at].strip() and not text[at:end].strip(" “”\"'‘’,.;:!?"):
        return None  # the quote is the whole sentence: nothing to take a subject from
    begin = DATELINE_RE.match(text, begin).end()  # type: ignore[union-attr]
    for phrase in SOURCE_PHRASE_RE.finditer(text, at, end):  # "..., according to the organizer."
        if source := _according_source(text, phrase.end(), end):
            return _attribution(text, source, "according to")
    # "Declaring that the United States must “get this done,” President Joe Biden opened"
    opening = OPENING_WORD_RE.match(text, begin)
    cue = opening.group(1).lower() if opening else ""
    if cue in CUE_WORDS and cue.endswith("ing"):
        main = _main_clause_subject_after(text, at, named=True)
        if main:
            return _attribution(text, main, cue)
    span = sentence_subject(text, begin, end, limit=at)
    if span is None:
        return None
    # The cue field tells how it was found: "" the subject is before the quote, "?" after it.
    return _attribution(text, span, "" if span[1] <= at else "?")


MAX_LABEL_WORDS = 8


def _name_label(text: str, end: int) -> Attribution | None:
    """A line that is only a person and what they are, over their words ('Conservative radio
    host Laura Ingraham:'): no verb, a name of two words or more at its end."""
    words = text[:end].split()
    if not 2 <= len(words) <= MAX_LABEL_WORDS or any(find_cues(text, 0, end)):
        return None
    if not all(_is_name_word(w) for w in words[-2:]):
        return None
    return Attribution(text[:end].strip(), len(text) - len(text.lstrip()), end, ":")


def attribution_of_intro(paragraph: str) -> Attribution | None:
    """A paragraph ending with a colon introduces the quote that follows ('Cruz continued:')."""
    text = paragraph.rstrip()
    if not text.endswith(":"):
        return None
    end = len(text) - 1
    if attribution := attribution_before(text, end):
        return attribution
    if labelled := _name_label(text, end):
        return labelled
    # "He then listed the qualities a nominee needs:", "Clinton released this statement:"
    span = sentence_subject(text, last_sentence(text, end), end)
    return _attribution(text, span, "")
