"""Word classes that decide whether an edit keeps the meaning (tidied) or may change it
(altered). Lower case, diacritics folded, contractions already expanded by the tokenizer."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.fuzz import ratio

NEAR_SPELLING = 60  # rapidfuzz ratio at which two different words count as one swapped

FUNCTION_WORDS = frozenset(
    """a an the this that these those and but or nor so then than of in on at to for with by
    from as into onto about over under up out off is are was were be been being am it its
    there here i you he she we they me him her us them my your his our their do does did
    have has had which who whom whose what when where while if because though although also
    too very such some any all both each either every own same other another one ones just
    whereby whereas therefore thus hence however since unless until whether yet via per
    upon within among s t""".split()
)
# Prepositions of direction and place: put in for words left out, they say nothing new ('ease
# pressure towards North Korea' for 'ease pressure, or to reward North Korea'). Only edits
# read them so: the fact finder and story grouping keep them as words.
LIGHT_PREPOSITIONS = frozenset(
    "toward towards across through throughout along amid amidst beside".split()
)
FILLERS = frozenset(
    """kind sort really well like actually basically obviously honestly literally look yes
    okay ok um uh er erm oh ah whatever anyway definitely clearly simply exactly again already
    still even quite pretty just""".split()
)
# Fillers of more than one word: dropped, they change nothing that was said.
FILLER_PHRASES = frozenset({("you", "know"), ("i", "mean"), ("you", "see"), ("sort", "of")})
# Courtesy titles: 'Mr. Flynn' for 'General Flynn' styles a person, it names no one else.
HONORIFICS = frozenset("mr mrs ms miss dr sir dame madam".split())
HEDGES = frozenset(
    """probably maybe perhaps possibly likely unlikely almost nearly roughly approximately
    apparently presumably seemingly somewhat arguably supposedly allegedly reportedly
    hopefully try tries tried trying attempt attempts attempted attempting""".split()
)  # 'trying to do more right' for 'doing more right': an attempt is not a deed
# 'I think' put before a claim or left out of it: the speaker's certainty changed.
HEDGE_PHRASES = frozenset(
    {("i", "think"), ("i", "believe"), ("i", "guess"), ("i", "suppose"), ("i", "assume")}
)
MODALS = frozenset("will would shall should can could may might must ought going gonna".split())
# What a modal says: 'I'm going to be there' and 'I'll be there' say the same.
MODAL_SENSES = {
    "will": "future", "shall": "future", "going": "future", "gonna": "future",
    "would": "conditional", "can": "ability", "could": "ability", "may": "possibility",
    "might": "possibility", "must": "obligation", "should": "obligation", "ought": "obligation",
}  # fmt: skip
# A modal moved into the past to fit reported speech ('will' -> 'would'): the tense of the
# frame, not a change of what was said.
BACKSHIFTS = frozenset({("will", "would"), ("can", "could"), ("shall", "should"), ("may", "might")})
# Dropped before a participle ('has progressed' -> 'progressed'), the tense changes, not what
# was said.
PERFECT_AUXILIARIES = frozenset({"has", "have", "had"})
NEGATIONS = frozenset("not no never nothing nobody none neither nor without cannot".split())
NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion half double twice first second third
    fourth fifth""".split()
)
SYNONYM_SETS: tuple[frozenset[str], ...] = (
    frozenset({"everyone", "everybody"}),
    frozenset({"someone", "somebody"}),
    frozenset({"anyone", "anybody"}),
    frozenset({"till", "until"}),
    frozenset({"toward", "towards"}),
    frozenset({"ok", "okay"}),
    # Text-speak spelt out ('Do u know' -> 'Do you know'): one word written two ways.
    frozenset({"u", "you"}),
    frozenset({"ur", "your"}),
    frozenset({"r", "are"}),
    frozenset({"pls", "plz", "please"}),
    frozenset({"thx", "thanks"}),
)
SUFFIXES = ("ing", "ed", "es", "s", "d", "ly")


@lru_cache(maxsize=1 << 16)  # words repeat: a story's are stemmed over and over
def stem(word: str) -> str:
    """A crude stem, enough to tell 'deserve'/'deserves' apart from 'everyone'/'everything'."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def modal_senses(words: list[str]) -> set[str]:
    return {MODAL_SENSES[w] for w in words if w in MODAL_SENSES}


def hedge_phrases(words: list[str]) -> set[tuple[str, str]]:
    return {pair for pair in pairwise(words) if pair in HEDGE_PHRASES}


def is_number(word: str) -> bool:
    return any(c.isdigit() for c in word) or word in NUMBER_WORDS


def is_light(word: str) -> bool:
    """A word whose loss or swap does not change what was said."""
    return word in FUNCTION_WORDS or word in FILLERS


def is_stop(word: str) -> bool:
    """Too common to anchor an alignment on."""
    return is_light(word) or word in MODALS or word in NEGATIONS


def are_synonyms(first: list[str], second: list[str]) -> bool:
    if len(first) != len(second):
        return False
    return all(
        a == b or any(a in s and b in s for s in SYNONYM_SETS)
        for a, b in zip(first, second, strict=True)
    )


def near_words(reported: str, source: str) -> bool:
    """One word put for another close to it: a synonym, an inflection, a spelling close
    enough ('stopping' for 'stop', 'inhuman' for 'inhumane')."""
    if is_light(reported) != is_light(source):
        return False
    if are_synonyms([reported], [source]) or stem(reported) == stem(source):
        return True
    return not is_light(reported) and ratio(reported, source) >= NEAR_SPELLING


def same_stems(first: list[str], second: list[str]) -> bool:
    heavy_first = sorted(stem(w) for w in first if not is_light(w))
    heavy_second = sorted(stem(w) for w in second if not is_light(w))
    return bool(heavy_first) and heavy_first == heavy_second


# British and American spellings of one word: 'neighbourhood'/'neighborhood', 'fibre'/'fiber',
# 'organise'/'organize', 'travelled'/'traveled', 'defence'/'defense', 'programme'/'program'.
SPELLING_PAIRS: tuple[tuple[str, str], ...] = (
    ("our", "or"),
    ("is", "iz"),
    ("ys", "yz"),
    ("re", "er"),
    ("ogue", "og"),
    ("ll", "l"),
    ("ence", "ense"),
    ("mme", "m"),
    ("ae", "e"),
    ("oe", "e"),
)
MIN_VARIANT_LETTERS = 5  # 'four'/'for' is two words, not one spelled two ways
SHARED_PREFIX = 6  # 'professions'/'professionals', 'vaccine'/'vaccination': one word,
SHARED_SHARE = 0.75  # when the shared beginning is most of the shorter one


def letters(words: list[str]) -> str:
    return "".join(c for w in words for c in w if c.isalnum())


def _variants(word: str) -> set[str]:
    """The word with one British spelling turned American, wherever it occurs."""
    found = set()
    for british, american in SPELLING_PAIRS:
        at = word.find(british)
        while at > 0:
            found.add(word[:at] + american + word[at + len(british) :])
            at = word.find(british, at + 1)
    return found


CARDINAL_VALUES = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
ORDINAL_VALUES = {
    word: value
    for value, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
        "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}
NUMBER_VALUES = CARDINAL_VALUES | ORDINAL_VALUES


def same_spelling(first: list[str], second: list[str]) -> bool:
    """One word (or compound) spelled two ways: 'good will'/'goodwill', 'e-mail'/'email',
    'colour'/'color'."""
    one, other = letters(first), letters(second)
    if not one or not other:
        return False
    if one == other:
        return True
    if min(len(one), len(other)) < MIN_VARIANT_LETTERS:
        return False
    return other in _variants(one) or one in _variants(other) or _mistyped(one, other)


MIN_TYPO_LETTERS = 7  # a slip of the keys in a long word; short words are other words


def _mistyped(one: str, other: str) -> bool:
    """One long word typed two ways: two letters next to each other swapped ('govenrment'
    for 'government'), or one letter dropped or doubled inside it ('goverment',
    'accomodate'), never at its end, where inflections are ('relation'/'relations')."""
    if min(len(one), len(other)) < MIN_TYPO_LETTERS or one[0] != other[0]:
        return False
    if len(one) == len(other):
        differ = [i for i, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
        return (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and one[differ[0]] == other[differ[1]]
            and one[differ[1]] == other[differ[0]]
        )
    short, long = sorted((one, other), key=len)
    if len(long) - len(short) != 1:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long) - 2))


def same_word_family(first: list[str], second: list[str]) -> bool:
    """Two forms of one word that a crude stem misses: a long shared beginning."""
    if len(first) != 1 or len(second) != 1:
        return False
    one, other = first[0], second[0]
    shared = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= SHARED_PREFIX and shared >= SHARED_SHARE * min(len(one), len(other))


def number_value(words: list[str]) -> int | None:
    """The value of a number written as one word or as digits ('3', 'three'), else None."""
    if len(words) != 1:
        return None
    word = words[0].replace(",", "")
    if word[-2:] in ("st", "nd", "rd", "th") and word[:-2].isdigit():
        word = word[:-2]  # '31st'
    if word.isdigit():
        return int(word)
    return NUMBER_VALUES.get(word)


SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
DECIMAL_RE = re.compile(r"\d+(?:\.\d+)?")


def amount(words: list[str]) -> float | None:
    """The value of a number, a scale word after it counted in: '1.5 million' and
    '1,500,000' are one amount written two ways."""
    if len(words) == 2 and words[1] in SCALES:
        base = _decimal(words[0])
        return base * SCALES[words[1]] if base is not None else None
    return _decimal(words[0]) if len(words) == 1 else None


def _decimal(word: str) -> float | None:
    digits = word.replace(",", "")
    if DECIMAL_RE.fullmatch(digits):
        return float(digits)
    value = NUMBER_VALUES.get(word)
    return float(value) if value is not None else None


def _ordinal(value: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(value % 10 if value not in (11, 12, 13) else 0)
    return f"{value}{suffix or 'th'}"


# A number spelt out and in digits is one word to align on ('once-every-five-years' against
# 'once-every-5-years'); how it is written is then a number-format edit. Not 'one', as often
# a pronoun ('no one') as a number.
CARDINAL_FORMS = {word: str(value) for word, value in CARDINAL_VALUES.items() if word != "one"}
ORDINAL_FORMS = {word: _ordinal(value) for word, value in ORDINAL_VALUES.items() if value}
MATCHING_FORMS = CARDINAL_FORMS | ORDINAL_FORMS


def matching_form(word: str) -> str:
    """The form of a normalised word that alignment compares (numbers as digits, inside a
    hyphenated word too: 'once-every-five-years' as 'once-every-5-years')."""
    form = MATCHING_FORMS.get(word)
    if form is not None:
        return form
    return _hyphenated_form(word) if "-" in word else word


@lru_cache(maxsize=8192)
def _hyphenated_form(word: str) -> str:
    return "-".join(MATCHING_FORMS.get(part, part) for part in word.split("-"))


def is_abbreviation(short: str, long: str) -> bool:
    """'sen' for 'senator', 'gov' for 'governor', 'dept' for 'department': the short form's
    letters in order, from the same first letter."""
    if len(short) < 2 or len(short) >= len(long) or short[0] != long[0]:
        return False
    remaining = iter(long)
    return all(c in remaining for c in short)


def is_initialism(short: list[str], long: list[str]) -> bool:
    """'IE' for 'Internet Explorer', 'NRA' for 'National Rifle Association'."""
    if len(short) != 1 or len(long) < 2:
        return False
    compact = letters(short)
    every = "".join(w[0] for w in long)
    content = "".join(w[0] for w in long if not is_light(w))
    return len(compact) >= 2 and compact in (every, content)
