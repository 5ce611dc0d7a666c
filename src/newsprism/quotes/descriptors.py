"""What an article says each person is, and which person a description later means.

News introduces a person with words that it later uses alone: a title or role before the name
("Texas Gov. Greg Abbott", "Former Vice President Joe Biden"), an appositive after it ("Greg
Abbott, the Texas governor,"), a party and state label ("Sen. Rand Paul (R-Ky.)"). A later
description ("the governor", "the Kentucky Republican", "the former vice president") means
the person whose descriptors hold its head noun and do not contradict its modifiers; of
several, the one most of its modifiers describe, then the one named last. A description whose
head some person holds but whose qualifiers none shares ("the former vice president" where
only "President Trump" is named) means nobody rather than the wrong person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.names import SENTENCE_STARTERS
from newsprism.quotes.attribution import AUXILIARY_VERBS, CUE_WORDS, MENTION_MODIFIERS, ROLE_NOUNS
from newsprism.text import fold

# The party letter of a label ("(R-Ky.)", "(D-N.Y.)", "(I)").
PARTIES = {"r": "republican", "d": "democrat", "i": "independent"}
PARTY_LABEL_AFTER_RE = re.compile(
    r"[^\S\n]*\(\s*([RDI])\b\.?\s*(?:[-–,]\s*([^()\n]{1,20}))?\)"
    r"|,[^\S\n]*([RDI])[-–]([A-Z][A-Za-z.]{1,12}(?:[^\S\n][A-Z][A-Za-z.]+)?)(?=[,;:]|\.?\s)"
)  # "(R-Ky.)", "(D-N.Y.)", "(I)"; set off by commas: ", R-Iowa,"
US_STATES = (
    "alabama:ala al|alaska:ak|arizona:ariz az|arkansas:ark ar|california:calif cal ca|"
    "colorado:colo co|connecticut:conn ct|delaware:del de|florida:fla fl|georgia:ga|hawaii:hi|"
    "idaho:id|illinois:ill il|indiana:ind in|iowa:ia|kansas:kan kans ks|kentucky:ky|"
    "louisiana:la|maine:me|maryland:md|massachusetts:mass ma|michigan:mich mi|"
    "minnesota:minn mn|mississippi:miss ms|missouri:mo|montana:mont mt|nebraska:neb nebr ne|"
    "nevada:nev nv|new hampshire:nh|new jersey:nj|new mexico:nm|new york:ny|"
    "north carolina:nc|north dakota:nd|ohio:oh|oklahoma:okla ok|oregon:ore or|"
    "pennsylvania:pa penn|rhode island:ri|south carolina:sc|south dakota:sd|tennessee:tenn tn|"
    "texas:tex tx|utah:ut|vermont:vt|virginia:va|washington:wash wa|west virginia:wva wv|"
    "wisconsin:wis wisc wi|wyoming:wyo wy"
)
# a state's spellings without spaces or stops ("ky", "calif", "newyork") -> the state
STATE_OF = {
    spelling: state
    for row in US_STATES.split("|")
    for state, short in [row.split(":")]
    for spelling in [state.replace(" ", ""), *short.split()]
}
STATE_NAMES = frozenset(STATE_OF.values())

# Words that change which role a head noun names: "the vice president" is not "the
# president", nor "the former governor" the governor in office.
QUALIFIERS = frozenset("vice deputy assistant associate acting former ex interim top".split())
# Abbreviated titles as descriptors, and party adjectives as their nouns.
SPELLED_OUT = {
    "gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
    "gen": "general", "lt": "lieutenant", "sec": "secretary", "atty": "attorney",
    "democratic": "democrat", "dem": "democrat", "gop": "republican", "ceo": "executive",
    "advisor": "adviser",
}  # fmt: skip
# A head noun that the narrower roles of a person satisfy ("the Texas lawmaker" of "Rep. Pete
# Sessions (R-Texas)").
LEGISLATORS = frozenset(
    "senator representative congressman legislator lawmaker assemblyman assemblywoman".split()
)
COVERS = {
    "lawmaker": LEGISLATORS,
    "legislator": LEGISLATORS,
    "congressman": frozenset({"congressman", "representative"}),
    "congresswoman": frozenset({"congresswoman", "representative"}),
    "politician": LEGISLATORS | {"governor", "mayor", "president", "minister"},
}
NOT_DESCRIPTORS = frozenset(
    "the a an of for from in at on and to with by his her their its our who which whose".split()
)
# Abbreviations a premodifier may end in without ending its sentence ("Gov.", "U.S.").
TITLE_ABBREVIATION_RE = re.compile(r"(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z])\.")
# Words that end the description in an appositive: a verb or an infinitive follows.
CLAUSE_WORDS = AUXILIARY_VERBS | {"to", "as", "but", "who", "which", "whose", "that"}
PREMODIFIER_WORDS = 7
APPOSITIVE_CHARS = 90
APPOSITIVE_END_RE = re.compile(r"[,;:()\"“”\n]|\.(?:\s|$)|\s(?:who|which|whose)\b")
# What may close an appositive: not a quotation mark or a colon ("X, the designer admitted
# that “...”" is a subject and its verb, no appositive).
APPOSITIVE_CLOSES = frozenset(",;.)\nwh")


@dataclass(frozen=True)
class Phrase:
    """One descriptor phrase of a person: its words, normalised."""

    words: frozenset[str]

    @property
    def qualifiers(self) -> frozenset[str]:
        return self.words & QUALIFIERS


def normal_word(word: str) -> str:
    low = fold(word).strip(".,;:()“”\"'’")
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    return SPELLED_OUT.get(low, low)


def states_in(words: list[str]) -> set[str]:
    """The US states a list of normalised words names (one word or two: 'north carolina',
    not also 'carolina'; 'west virginia', not also 'virginia')."""
    found, index = set(), 0
    while index < len(words):
        pair = "".join(words[index : index + 2])
        if index + 1 < len(words) and pair in STATE_OF:
            found.add(STATE_OF[pair])
            index += 2
            continue
        word = words[index]
        if STATE_OF.get(word) == word:
            found.add(word)  # a state spelled out; abbreviations only inside a party label
        index += 1
    return found


def party_label(body: str, end: int) -> tuple[list[str], int]:
    """The descriptors of a party and state label right after a name ('(R-Ky.)' ->
    republican, kentucky) and where the label ends."""
    match = PARTY_LABEL_AFTER_RE.match(body, end)
    if match is None:
        return [], end
    party, state = match.group(1) or match.group(3), match.group(2) or match.group(4)
    words = [PARTIES[party.lower()]]
    if state:
        compact = re.sub(r"[^a-z]", "", fold(state))
        if compact in STATE_OF:
            words.append(STATE_OF[compact])
    return words, match.end()


def premodifier(body: str, start: int) -> list[str]:
    """The words of a title or description right before a name ('Texas Gov.', 'House
    Judiciary Committee Chairman Rep.', 'former vice president'), normalised, nearest last."""
    before = body[max(0, start - 120) : start]
    if before[-1:] not in (" ", "\u00a0"):
        return []
    found: list[str] = []
    for word in reversed(before.split()[-PREMODIFIER_WORDS:]):
        if word[-1] in ',;:"“”()' or _ends_sentence(word):
            break
        low = normal_word(word)
        if not low or low in NOT_DESCRIPTORS:
            break
        if not word[:1].isupper() and not _descriptive(low):
            break
        if low in SENTENCE_STARTERS:
            break  # "Despite Trump's ..."
        found.append(low)
    return found[::-1]


def _ends_sentence(word: str) -> bool:
    return word.endswith(".") and TITLE_ABBREVIATION_RE.fullmatch(word) is None


def _descriptive(low: str) -> bool:
    """A lower-case word that may describe a person ('former', 'seven-term', 'spokesman')."""
    return (
        low in ROLE_NOUNS
        or low in MENTION_MODIFIERS
        or low in QUALIFIERS
        or "-" in low
        or (low.endswith(PERSON_SUFFIXES) and len(low) > 4 and low not in NOT_NOUNS)
    )


PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "ess")
# Words of those endings that are no nouns of people.
NOT_NOUNS = frozenset(
    "whether never ever however other another either neither rather further after under "
    "over later earlier together major minor prior whatever whenever wherever whoever "
    "sooner longer better lower higher greater".split()
)


def appositive(body: str, end: int) -> list[str]:
    """The words of a description set off after a name ('Greg Abbott, the Texas governor,'),
    normalised; none when what follows the comma is no description."""
    if body[end : end + 2] != ", ":
        return []
    text = body[end + 2 : end + 2 + APPOSITIVE_CHARS]
    stop = APPOSITIVE_END_RE.search(text)
    if stop is None or stop.group().strip()[:1] not in APPOSITIVE_CLOSES:
        return []
    written = text[: stop.start()].split()
    if not written or not _opens_description(written[0]):
        return []  # "Pompeo, but the CIA director ...", "Trump, however, ..."
    words: list[str] = []
    for word in written:
        low = normal_word(word)
        if low in CUE_WORDS:
            return []  # "Bunch, the prosecutor said he ...": a clause, no description
        if low in CLAUSE_WORDS:
            break  # "nominee to serve as ...", "a lawyer who is ..."
        if word.endswith(("'s", "’s")):
            words = [low] if low in STATE_NAMES else []  # "Trump's nominee": not Trump
            continue
        words.append(low)
    words = [w for w in words if w and w not in NOT_DESCRIPTORS]
    if not any(_descriptive(w) or w in PARTIES.values() for w in words):
        return []
    return words


def description_before(body: str, start: int) -> list[str]:
    """The words of a role of somewhere or something set off by a comma right before a
    name ('the governor of Chiang Rai, Narongsak Osoththanakorn'), normalised, up to its
    'of'; none unless they may describe a person. Without the 'of' the words before a comma
    are as often a clause's ('according to the onetime employee, Mercer, who ...')."""
    found = ROLE_OF_BEFORE_RE.search(body, max(0, start - APPOSITIVE_CHARS), start)
    if found is None:
        return []
    words = [normal_word(word) for word in found.group(1).split()]
    words = [word for word in words if word and word not in NOT_DESCRIPTORS]
    return words if words and _descriptive(words[-1]) else []


# 'the governor of Chiang Rai, ' right before a name
ROLE_OF_BEFORE_RE = re.compile(
    r"(?<![\w’'])[Tt]he\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+of\s+[^,.;:()\"“”\n]{1,40},[^\S\n]+$"
)


def _opens_description(word: str) -> bool:
    low = normal_word(word)
    return (
        low in ("the", "a", "an")
        or word.endswith(("'s", "’s"))
        or _descriptive(low)
        or (word[:1].isupper() and low not in SENTENCE_STARTERS)
    )


def head_and_modifiers(description: str) -> tuple[str, list[str]] | None:
    """'the Kentucky Republican' -> ('republican', ['kentucky']); None unless a definite
    description of one word or more after 'the'."""
    words = description.split()
    if len(words) < 2 or fold(words[0]) != "the":
        return None
    kept: list[str] = []
    for word in words[1:]:
        low = normal_word(word)
        if low in NOT_DESCRIPTORS:
            break  # "the head of the agency": the head
        kept.append(low)
    if not kept or not kept[-1].isalpha():
        return None
    return kept[-1], kept[:-1]


INDEFINITE_RE = (
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+"
    r"(?:(?!(?:of|the|to|in|for|and|at|on|with|who)\b)[\w’'.-]+\s+){0,4}?"
)  # "one of the president's" introduces nobody


def introduced_unnamed(text: str, head: str) -> bool:
    """Whether `text` introduces someone unnamed with a description's head ('an official
    from South Korea's Joint Chiefs of Staff', 'One Republican adviser')."""
    return last_unnamed(text, head) is not None


def last_unnamed(text: str, head: str) -> int | None:
    """Where `text` last introduces someone unnamed with a description's head: not an
    appositive of a name ('Walter Jones, a seven-term congressman') nor one a name follows ('A
    Sandoval spokesman, Mari St. Martin, said')."""
    found = None
    for match in re.finditer(INDEFINITE_RE + re.escape(head) + r"\b", text):
        if AFTER_NAME_RE.search(text, 0, match.start()):
            continue
        if NAME_AFTER_RE.match(text, match.end()):
            continue
        found = match.start()
    return found


def last_unnamed_definite(text: str, head: str) -> int | None:
    """Where `text` last gives a role's head to someone it does not name by a definite or
    possessive description ('the owner of the San Salvador strip club', "Lerner's lawyer
    issued a statement"), not one a name follows ("Trump's lawyer, Michael Cohen", 'the
    governor of Chiang Rai, Narongsak Osoththanakorn')."""
    found = None
    for match in re.finditer(DEFINITE_UNNAMED_RE.format(head=re.escape(head)), text):
        end = match.end()
        if not NAME_AFTER_RE.match(text, end) and not NAMED_AFTER_OF_RE.match(text, end):
            found = match.start()
    return found


# 'the owner of', "Lerner's lawyer", "The strip club's owner": a few words between
DEFINITE_UNNAMED_RE = (
    r"(?:\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?{head}(?=\s+of\b)"
    r"|\w[’']s\s+(?:[\w-]+\s+){{0,2}}?{head}\b)"
)
AFTER_NAME_RE = re.compile(r"[A-Z][\w.’'-]*\)?,\s*$")
NAME_AFTER_RE = re.compile(r",?\s+[A-Z][\w’'-]+\s+[A-Z]")
NAMED_AFTER_OF_RE = re.compile(r"\s+of\s+[^,.;\n]{1,40},\s+[A-Z][\w’'-]+\s+[A-Z]")


def head_held(words: set[str], head: str) -> bool:
    """Whether a person's descriptors hold a description's head noun or a narrower role."""
    return not COVERS.get(head, frozenset({head})).isdisjoint(words)


# Offices one person holds at a time, in the sense a description means them: the holder of
# another ('Ambassador Woody Johnson') is not who 'the US president' or 'the governor' is.
OFFICES = frozenset(
    "president governor mayor senator representative congressman congresswoman minister "
    "ambassador judge secretary chancellor premier commissioner prosecutor sheriff".split()
)


def holds_other_office(words: set[str], head: str) -> bool:
    """Whether a person's descriptors name an office but not the one (or a narrower one) a
    description's head noun names."""
    if head not in OFFICES and head not in COVERS:
        return False
    return not words.isdisjoint(OFFICES) and not head_held(words, head)


def satisfies(phrase: Phrase, head: str, qualifiers: frozenset[str]) -> bool:
    """Whether a descriptor phrase holds a description's head (or a narrower role of it) with
    the same qualifiers."""
    heads = COVERS.get(head, frozenset({head}))
    return not heads.isdisjoint(phrase.words) and phrase.qualifiers == qualifiers
