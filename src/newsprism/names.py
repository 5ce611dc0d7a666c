"""Person names in running text, without a model: capitalised runs, filtered and keyed.

Used by clean (who a transcript records) and quotes (who said what). A name's `key` folds
case and diacritics so "Jurgen Klopp" and "Jürgen Klopp" are one person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from newsprism.text import fold

PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du",
             "bin", "al", "el", "ter", "ten", "dos", "das", "mac"}  # fmt: skip
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "captain", "capt", "coach", "manager", "president", "vice", "prime", "minister",
    "senator", "sen", "rep", "representative", "gov", "governor", "mayor", "judge",
    "general", "gen", "col", "colonel", "sgt", "officer", "chief", "director", "chairman",
    "chairwoman", "secretary", "ceo", "king", "queen", "prince", "princess", "pope",
    "father", "rev", "reverend", "striker", "midfielder", "defender", "goalkeeper",
    "boss", "head", "former", "skipper", "star", "candidate", "speaker", "leader",
}  # fmt: skip
# Nouns that end a capitalised description rather than a name ('the Arizona Republican',
# 'the West Virginia Democrat', 'U.S. Special Envoy').
DESCRIPTION_HEADS = frozenset(
    "republican democrat libertarian lawmaker congressman congresswoman senator governor "
    "mayor president official spokesman spokeswoman spokesperson leader minister secretary "
    "chairman chairwoman envoy ambassador candidate nominee".split()
)
# Offices written before a name that are no part of it ('U.S. Special Envoy Daniel Foote').
NAME_TITLES = TITLES | {
    "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "commissioner",
    "chancellor", "sheriff", "cto", "cfo", "coo", "gm", "vp",
}  # fmt: skip
NOT_NAME_ENDS = PARTICLES | NAME_TITLES | DESCRIPTION_HEADS
# Words that end or start names of places, organisations and events rather than people.
NOT_PERSON_WORDS = {
    "league", "cup", "united", "city", "fc", "club", "house", "party", "department",
    "ministry", "court", "council", "committee", "university", "college", "school",
    "hospital", "street", "road", "avenue", "park", "stadium", "arena", "square", "bank",
    "group", "inc", "corp", "corporation", "ltd", "company", "times", "post", "news", "press",
    "association", "union", "agency", "office", "government", "parliament", "senate",
    "congress", "commission", "service", "force", "army", "police", "republic", "kingdom",
    "states", "island", "islands", "river", "airport", "station", "tech", "media",
    "network", "foundation", "institute", "center", "centre", "museum", "church", "hall",
    "valley", "county", "province", "region", "europe", "america", "africa", "asia",
    "champions", "europa", "premier", "world", "national", "international", "american",
    "british", "european", "stadio", "real", "the", "independent", "guardian", "journal",
    "reds", "democrats", "republicans", "federal", "supreme", "state", "bureau", "sox",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "north", "south", "east", "west", "new", "san",
    "los", "las", "saint", "st", "fort", "mount", "lake", "cape", "port", "grand", "capitol",
}  # fmt: skip
# A month may end a name ('Theresa May'), never open or sit inside one ('May Donald Trump').
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip
SENTENCE_STARTERS = {
    "the", "a", "an", "after", "before", "but", "and", "however", "despite", "when",
    "while", "if", "in", "on", "at", "for", "with", "as", "that", "this", "these", "those",
    "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "now",
    "then", "so", "yet", "although", "though", "because", "since", "from", "to", "of",
    "by", "there", "here", "what", "who", "why", "how", "where", "which", "one", "two",
    "ahead", "asked", "speaking", "meanwhile", "also", "still", "even", "only", "just",
    "yes", "no", "not", "all", "some", "many", "most", "both", "each", "every", "last",
    "next", "first", "second", "during", "until", "under", "over", "about", "between",
    "maybe", "perhaps", "indeed", "instead", "today", "yesterday", "finally",
    "already", "thus", "hence", "besides", "otherwise", "later", "earlier",
    "according", "given", "like", "unlike", "whether", "once", "transcript", "update",
}  # fmt: skip

# Word lists written by benchmarks/make_name_lists.py (sources named there).
NAME_DATA = Path(__file__).with_name("namedata")
MALE, FEMALE = "male", "female"


@cache
def common_words() -> frozenset[str]:
    """Common words printed in lower case only, none a known first name: one opening a
    capitalised run ("Relative Boston newcomer ...") is no part of a name."""
    text = (NAME_DATA / "common_words.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


@cache
def place_table() -> dict[str, frozenset[tuple[str, str]]]:
    """Folded place name -> where it may be (country code, region): namedata/places.tsv."""
    table: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for line in (NAME_DATA / "places.tsv").read_text(encoding="utf-8").splitlines():
        name, country, region = line.split("\t")
        table[name].add((country, region))
    return {name: frozenset(where) for name, where in table.items()}


@cache
def _countries() -> frozenset[str]:
    """Folded names of the countries and continents of namedata/places.tsv (no region)."""
    return frozenset(
        name for name, where in place_table().items() if any(not region for _, region in where)
    )


# A country's people or language: the country name with its demonym ending ('Russia' ->
# 'Russian', 'Iran' -> 'Iranian', 'China' -> 'Chinese', 'Mexico' -> 'Mexican', 'Israel' ->
# 'Israeli'): (ending of the demonym, what the country's name ends in instead).
DEMONYM_ENDINGS = (("n", ""), ("an", ""), ("ian", ""), ("ian", "a"), ("ese", ""),
                   ("ese", "a"), ("an", "o"), ("i", ""))  # fmt: skip


@lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """Whether a capitalised word is a country's demonym ('Russian radars', 'Haitian'), or
    its plural ('Haitians', 'Israelis'): no name."""
    low = fold(word)
    if low.endswith(("ans", "is")):
        low = low[:-1]
    return any(
        low.endswith(ending) and low[: -len(ending)] + base in _countries()
        for ending, base in DEMONYM_ENDINGS
        if len(low) > len(ending) + 2
    )


@cache
def _male_shares() -> dict[str, float]:
    rows = (NAME_DATA / "first_names.tsv").read_text(encoding="utf-8").splitlines()
    return {name: float(share) for name, share in (row.split("\t") for row in rows if row)}


@lru_cache(maxsize=16384)
def is_first_name(word: str) -> bool:
    """Whether `word` is a first name of the census list."""
    return fold(word) in _male_shares()


@lru_cache(maxsize=16384)
def first_name_gender(word: str) -> str | None:
    """MALE or FEMALE when nearly everyone with this first name is (census 1990), else None."""
    share = _male_shares().get(fold(word))
    if share is None or 0.05 < share < 0.95:
        return None
    return MALE if share >= 0.95 else FEMALE


# Words a full stop follows without ending a sentence.
ABBREVIATIONS = ("Sen", "Rep", "Gov", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Jr", "Sr", "Inc",
                 "Co", "Lt", "Col", "No", "vs", "Prof", "Sgt", "Capt", "Mt", "Ft", "Del", "Sens",
                 "Reps", "Adm", "Atty", "Supt", "Cmdr", "Rev", "Maj", "Amb", "Hon", "Const", "Det",
                 "Insp", "Cpl", "Pvt", "Cdr")  # fmt: skip


APOSTROPHES_AND_HYPHENS_RE = re.compile(r"[-'’]")


def ends_with_full_stop(word: str) -> bool:
    """'aide.', 'Crouse-Mays.' and "Crist's." end a sentence; 'Mr.', 'D.C.' and 'J.' do
    not."""
    bare = word[:-1]
    return (
        word.endswith(".")
        and len(bare) > 1
        and APOSTROPHES_AND_HYPHENS_RE.sub("", bare).isalpha()
        and bare.lower() not in TITLES
    )


def ends_sentence_word(word: str) -> bool:
    """'Barbara.' ends a sentence; 'Lt.' and 'Jr.' are abbreviations."""
    return ends_with_full_stop(word) and word[:-1] not in ABBREVIATIONS


MAX_NAME_WORD_CHARS = 40
# Atomic and bounded: a capitalised word is never re-read shorter, and the match tried at
# each position of a long token of capitals stops after MAX_NAME_WORD_CHARS, so finding
# runs is linear in the text (unbounded, a 40 KB token took 22 s).
CAP_WORD = rf"(?>[A-Z][\w’'\-]{{0,{MAX_NAME_WORD_CHARS - 2}}}[\w]|[A-Z](?:\.[A-Z]){{0,2}}\.?)"
# Two or more capitalised words (a single one is never a full name).
PARTICLE_WORD = "|".join(sorted(PARTICLES, key=len, reverse=True))
RUN_RE = re.compile(  # up to two particles between capitalised words ('Marc van der Berg')
    # never from inside a word or a link ('t.co/ctCcRiYcdL. Let's' names no 'L. Let')
    rf"(?<![\w/.]){CAP_WORD}(?:[^\S\n]+(?:(?:{PARTICLE_WORD})[^\S\n]+){{0,2}}{CAP_WORD})+"
)


@dataclass(frozen=True, slots=True)
class NameMention:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return name_key(self.text)

    @property
    def surname(self) -> str:
        return surname_key(self.text)


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    return " ".join(fold(name).replace("'s", "").split())


def surname_key(name: str) -> str:
    return name_key(name).split()[-1] if name.strip() else ""


def strip_possessive(text: str) -> str:
    if text.endswith(("’s", "'s")):
        return text[:-2]
    return text[:-1] if text.endswith(("’", "'")) else text


# Per-word tests of person_mentions, cached: a body's capitalised words repeat.
@lru_cache(maxsize=16384)
def _skippable(word: str) -> bool:
    low = fold(word)
    common = low in common_words() and low not in NOT_PERSON_WORDS  # "CONGRESS HAS ...": none
    return low in SENTENCE_STARTERS or low in MONTHS or common or _is_title(word)


@lru_cache(maxsize=16384)
def _is_title(word: str) -> bool:
    return fold(word).rstrip(".") in NAME_TITLES


@lru_cache(maxsize=16384)
def _common_word(word: str) -> bool:
    """A word printed in lower case only ('Ambassador', 'Commissioner'): inside a capitalised
    run it is an office or a description, not a part of the name after it ('Russian
    Ambassador Vitaly Churkin'). A word in capitals is a heading's ('CONGRESS HAS ...')."""
    return not word.isupper() and fold(word).rstrip(".") in common_words()


@lru_cache(maxsize=16384)
def _bare_fold(word: str) -> str:
    return fold(strip_possessive(word))


def _name_start(words: list[str]) -> int:
    """Where a name starts in a capitalised run: past leading titles, sentence openers and
    the office a title names ('Senate Minority Leader Harry Reid' -> 'Harry Reid'), leaving
    two words at least."""
    first = credit_words(words)
    while first < len(words) and (
        _skippable(words[first]) or _shouted(words, first) or modifier_compound(words[first])
    ):
        first += 1
    for index in range(len(words) - 3, first - 1, -1):  # a title's last, if any
        if _is_title(words[index]) or _common_word(words[index]):
            first = index + 1
            break
    return first + _acronym_title(words, first)


# News agencies a scraped page's photo credit names, glued before the caption or the next
# sentence ('AP Photo Trump threatens ...', 'Getty Images Abortion In a July poll ...').
AGENCIES = frozenset({"AP", "AFP", "Reuters", "EPA", "Getty Images"})
CREDIT_NOUNS = frozenset({"Photo", "Photos", "Image", "Images"})


def credit_words(words: list[str]) -> int:
    """How many words a run opens with that are a photo credit ('AP Photo', 'Getty Images',
    'Reuters'): an agency's name, no part of a person's."""
    count = 0
    if len(words) > 1 and " ".join(words[:2]) in AGENCIES:
        count = 2
    elif words and words[0] in AGENCIES:
        count = 1
    while count and count < len(words) and words[count] in CREDIT_NOUNS:
        count += 1
    return count


# Last words of compounds that modify a name ('Delhi-based', 'Pakistan-born',
# 'Twenty-eight-year-old', 'President-elect', 'Ferguson-era', 'Oscar-winner'); 'Latter-day'
# is a name's own.
MODIFIER_ENDS = ("ed", "ing", "born", "old", "elect", "era", "winner")


def modifier_compound(word: str) -> bool:
    """A compound ending in a lower-case participle or the like: a modifier before a name,
    never its first word (a name's own hyphenated parts follow it: 'Kim Jong-un')."""
    last = word.rsplit("-", 1)[-1] if "-" in word[1:] else ""
    return last.isalpha() and last.islower() and last.endswith(MODIFIER_ENDS)


def _acronym_title(words: list[str], index: int) -> bool:
    """Two capitals before a first name and a surname: an office ('DA Bob Grant', 'MP Jess
    Phillips'), not a particle ('Da Silva') nor a name's own initials ('JD Vance' has no
    first name after them)."""
    return (
        len(words) - index >= 3
        and len(words[index]) == 2
        and words[index].isupper()
        and is_first_name(words[index + 1])
    )


def _shouted(words: list[str], index: int) -> bool:
    """A word in capitals before words that are not, a page's label rather than a name
    ('JUST WATCHED Cummings', 'CLOSE Chris White'); initials ('A.J.') and a name all in
    capitals ('JOHN SMITH') stay."""
    word = words[index]
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 3
        and "." not in word
        and all(c.isupper() for c in letters)
        and any(not w.isupper() for w in words[index + 1 :])
    )


def without_shouted(mention: str) -> str:
    """A mention without the page label in capitals it opens with ('JUST WATCHED Cummings'
    -> 'Cummings')."""
    words = mention.split()
    first = 0
    while first < len(words) - 1 and _shouted(words, first):
        first += 1
    return mention[mention.index(words[first]) :] if first else mention


# "... O. And in those nights", "U.S. He said", "Orange Is the New Black"
NOT_IN_NAMES = {"and", "but", "or", "the", "of", "a", "an", "he", "she", "it", "we", "you", "they",
                "is", "are", "was"}  # fmt: skip


def looks_like_person(words: list[str]) -> bool:
    if len(words) < 2 or len(words) > 5:
        return False
    folded = [_bare_fold(w) for w in words]
    if not NOT_PERSON_WORDS.isdisjoint(folded) or not NOT_IN_NAMES.isdisjoint(folded[1:]):
        return False
    if any(w.rstrip(".") in MONTHS for w in folded[:-1]):
        return False
    last = folded[-1].rstrip(".")
    digits = any(c.isdigit() for w in folded for c in w)  # "Pfizer-BioNTech COVID-19"
    return last not in NOT_NAME_ENDS and not digits and not _mixed_shout(words)


def _mixed_shout(words: list[str]) -> bool:
    """A headline's word in capitals among words that are not ('Macron RECALLS French'):
    no name mixes the two."""
    shouted = [_all_capitals(w) for w in words]
    return any(shouted) and not all(shouted)


def _all_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 3 and "." not in word and all(c.isupper() for c in letters)


NAME_GOES_ON_RE = re.compile(rf"[^\S\n]+(?:(?:{PARTICLE_WORD})[^\S\n]+)*[A-Z]")
CAPITALISED_WORD_RE = re.compile(r"[A-Z][\w’'\-]*")


def first_said_alone(text: str, wanted: set[str]) -> dict[str, int]:
    """Where each of the `wanted` name words (folded) first stands alone in `text`, a title
    before it at most ('Trump said', 'President Trump'; not 'Donald Trump', 'White House'):
    one pass over the text."""
    found: dict[str, int] = {}
    for match in CAPITALISED_WORD_RE.finditer(text):
        word = match.group().lower()
        if word not in wanted:
            word = _bare_fold(word)
            if word not in wanted:
                continue
        if word in found:
            continue
        if NAME_GOES_ON_RE.match(text, match.end()):
            continue  # the first word of a longer name ('Mohammed bin Salman')
        before = text[max(0, match.start() - 30) : match.start()].split()
        if before and before[-1][:1].isupper() and _bare_fold(before[-1]).rstrip(".") not in TITLES:
            continue  # the last word of one
        found[word] = match.start()
    return found


def person_mentions(text: str, offset: int = 0) -> Iterator[NameMention]:
    """Full-name mentions (two to five capitalised words) that look like people, leading
    titles and sentence openers left out ('Captain Marten De Roon' -> 'Marten De Roon')."""
    for match in RUN_RE.finditer(text):
        if name := _name_in_run(match.group()):
            start, end = match.start() + name[0], match.start() + name[1]
            if _organisation_goes_on(text, match.start(), start, end):
                continue
            yield NameMention(text[start:end], start + offset, end + offset)


ORGANISATION_GOES_ON_RE = re.compile(
    rf"[^\S\n]+(?:and|&)[^\S\n]+(?:{CAP_WORD}[^\S\n]+){{0,3}}({CAP_WORD})(?![\w’'-])"
)


THE_BEFORE_RE = re.compile(r"\b[Tt]he[^\S\n]+$")


OF_FOR_GOES_ON_RE = re.compile(r"[^\S\n]+(?:of|for)[^\S\n]+[A-Z]")


def _organisation_goes_on(text: str, run: int, start: int, end: int) -> bool:
    """Whether a name after 'the' that opens with no first name goes on past 'and' into an
    organisation's name ('the US Fish and Wildlife Service'), or past 'of' or 'for' ('the
    Syrian Observatory for Human Rights'): the words are the body's, no person's. 'Donald
    Trump and Fox News' names two. `run` is where the capitalised run holding the name
    starts ('The Britain-based Syrian Observatory')."""
    goes_on = ORGANISATION_GOES_ON_RE.match(text, end)
    joined = goes_on is not None and fold(goes_on.group(1)) in NOT_PERSON_WORDS
    return (
        (joined or OF_FOR_GOES_ON_RE.match(text, end) is not None)
        and (text.startswith("The ", run) or THE_BEFORE_RE.search(text, max(0, run - 5), run))
        and not is_first_name(text[start:end].split()[0])
    )


@lru_cache(maxsize=256)
def body_person_mentions(body: str) -> tuple[NameMention, ...]:
    """`person_mentions` of an article body, kept for the bodies last read: a story's bodies
    are read for names when its speakers are named, and again when it is compared."""
    return tuple(person_mentions(body))


@lru_cache(maxsize=16384)
def _name_in_run(run: str) -> tuple[int, int] | None:
    """Where the person a capitalised run names lies in it, if it names one. Cached: an
    article repeats its names, and news the same people."""
    words = run.split()
    first = _name_start(words)
    words = _up_to_possessive(words[first:])
    if len(words) < 2:
        return None
    words[-1] = strip_possessive(words[-1])
    if not looks_like_person(words):
        return None
    start = run.index(words[0], 0 if not first else 1)
    return start, run.rindex(words[-1]) + len(words[-1])


def _up_to_possessive(words: list[str]) -> list[str]:
    """A possessive ends a name ('Donald Trump’s Twitter' -> 'Donald Trump’s'); a lone
    one opens the run with an owner ('CNN’s Jake Tapper' -> 'Jake Tapper')."""
    for index, word in enumerate(words):
        if strip_possessive(word) != word:
            return words[: index + 1] if index else _up_to_possessive(words[1:])
    return words


NUMBERED_RE = re.compile(r"[^\S\n]+\d")


def numbered(text: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by a number: 'Malaysia Airlines Flight 17',
    'Apollo 11' name a thing numbered, not a person."""
    return NUMBERED_RE.match(text, end) is not None


def leading_person(text: str) -> str | None:
    """The person a line opens with: 'Jürgen Klopp: Let's play...' -> 'Jürgen Klopp'."""
    for mention in person_mentions(text):
        return mention.text if mention.start <= 3 else None
    return None
