"""A speaker name taken apart: titles and roles, given names, surname, suffix, nickname.

"Sen. Charles (Chuck) E. Schumer" -> roles {senator}, given (charles, e), surname schumer,
nickname chuck, shown "Charles Schumer". Everything compared is folded (case, diacritics), so
"Jürgen Klopp" and "JURGEN KLOPP" are one name; "Kim Jong - un" (tokenised text) is
"Kim Jong-un".
"""

from __future__ import annotations

import csv
import importlib.util
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsprism.names import NOT_PERSON_WORDS, PARTICLES, TITLES, strip_possessive
from newsprism.text import fold

# Honorifics say nothing about a role; they may say the person's sex.
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": "", "dr": "", "sir": "m",
              "dame": "f", "lord": "m", "lady": "f", "madam": "f", "madame": "f"}  # fmt: skip
ROLE_WORDS = TITLES | {
    "chancellor", "editor", "constable", "attorney", "sergeant", "sheriff", "detective",
    "deputy", "commissioner", "ambassador", "spokesman", "spokeswoman", "spokesperson",
    "justice", "lieutenant", "lt", "cpl", "corporal", "trooper", "inspector", "superintendent",
    "executive", "founder", "anchor", "host", "correspondent", "reporter", "columnist",
    "chair", "chairperson", "congressman", "congresswoman", "assemblyman", "assemblywoman",
    "councilman", "councilwoman", "councillor", "councilor", "admiral", "adm", "maj", "major",
    "sec", "supt", "insp", "det", "premier", "economist", "analyst", "professor", "coach",
    "lawmaker", "official", "aide", "adviser", "advisor", "counsel", "prosecutor", "dean",
} | set(HONORIFICS)  # fmt: skip
# Short forms of one role, so "Sen. Rubio" and "Senator Rubio" share a role.
ROLE_FORMS = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general",
              "prof": "professor", "capt": "captain", "col": "colonel", "lt": "lieutenant",
              "adm": "admiral", "maj": "major", "sec": "secretary", "det": "detective",
              "congressman": "representative", "congresswoman": "representative"}  # fmt: skip
# Words that can follow a title word and name its office ("Secretary of State", "Chief of Staff").
OFFICE_WORDS = {"of", "the", "for", "state", "staff", "defense", "defence", "homeland",
                "security", "treasury", "health", "labor", "labour", "education", "energy",
                "commerce", "interior", "transportation", "agriculture", "justice", "general",
                "foreign", "affairs", "public", "national", "intelligence"}  # fmt: skip
# A role word alone at the end of a title run does not say who the person is.
NOT_ROLES = set(HONORIFICS) | {"former", "vice", "prime", "head", "chief", "star", "the"}
SUFFIXES = {"jr": "Jr.", "jnr": "Jr.", "junior": "Jr.", "sr": "Sr.", "snr": "Sr.",
            "senior": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}  # fmt: skip
DEGREES = {"md", "m.d", "phd", "ph.d", "esq", "dds", "rn", "mba", "jd", "qc", "kc", "obe",
           "mbe", "cbe"}  # fmt: skip
NICKNAME_RE = re.compile(r"""\s*[(“"‘']([^()“”"‘’']{2,20})[)”"’']\s*""")
SPACED_HYPHEN_RE = re.compile(r"(?<=\w) - (?=\w)")
INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,3}")
NOT_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "L.A.", "N.Y."})


def nickname_table() -> dict[str, set[str]]:
    """The nicknames data set as `NickNamer.default_lookup()` gives it (a name -> the names it
    is also written as), read from the package's names.csv without importing the package:
    its __init__ asks importlib.metadata for its version, a tenth of newsprism's start-up.
    Through the package where the file is not on disk (a zipped install)."""
    spec = importlib.util.find_spec("nicknames")
    folders = (spec.submodule_search_locations or []) if spec else []
    path = next((Path(f) / "names.csv" for f in folders if (Path(f) / "names.csv").is_file()), None)
    if path is None:
        from nicknames import NickNamer

        return NickNamer.default_lookup()
    table: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as lines:
        rows = csv.reader(lines)
        next(rows)  # the header
        for name, relationship, other in rows:
            if relationship == "has_nickname":
                table.setdefault(name, set()).add(other)
    return table


NICKNAMES = nickname_table()  # a name -> the names it is also written as
DIMINUTIVE_ENDINGS = {"y", "ie", "ey", "i"}
GIVEN_NAMES = frozenset(NICKNAMES) | {name for names in NICKNAMES.values() for name in names}


@dataclass(frozen=True, slots=True)
class PersonName:
    """One speaker name. `given` holds the first and middle names (an initial as one letter);
    a name of one word (a surname or a first name said alone) has no `given`."""

    raw: str
    given: tuple[str, ...]
    surname: str
    suffix: str = ""
    nickname: str = ""
    sex: str = ""
    roles: frozenset[str] = frozenset()
    shown: str = ""  # the name to show: titles and initials left out
    full: str = ""  # as written, titles left out ('George H. W. Bush')
    organisation: bool = False
    titled: bool = False  # a title or honorific came before it ('Mr. Trump', 'President Moon')

    @property
    def first(self) -> str:
        return self.given[0] if self.given else ""

    @property
    def single(self) -> bool:
        """A surname or first name said alone ('Trump', 'Mr. Trump', 'Hillary')."""
        return not self.given and not self.organisation

    # Letters only, for spellings of one name ('Kim Jong Un' = 'Kim Jong-un').
    compact: str = field(init=False, compare=False, default="")
    # What two full names of one person must share: surname and suffix.
    family: tuple[str, str] = field(init=False, compare=False, default=("", ""))

    def __post_init__(self) -> None:
        letters = _letters(" ".join((*self.given, self.surname, self.suffix)))
        object.__setattr__(self, "compact", letters)
        object.__setattr__(self, "family", (_letters(self.surname), self.suffix))


@lru_cache(maxsize=65536)
def parse_name(raw: str) -> PersonName | None:
    """The parts of a speaker name, or None when no name is left once titles are gone."""
    text = SPACED_HYPHEN_RE.sub("-", unicodedata.normalize("NFC", raw)).strip()
    nickname = ""
    if match := NICKNAME_RE.search(text):
        nickname = fold(match.group(1)).strip()
        text = f"{text[: match.start()]} {text[match.end() :]}"
    words = [w for w in (strip_possessive(w) for w in text.replace(",", " ").split()) if w]
    if not any(c.isalpha() for w in words for c in w):
        return None
    words, suffix = _suffix(words)
    written_words = words
    words, roles, sex = _titles(words)
    titled = len(words) < len(written_words)
    if not words:
        return None
    if titled and len(words) == 1 and _organisation(words):
        words = written_words  # a body named by its field: 'Justice Department', not 'Department'
    if _organisation(words):
        written = " ".join(words[1:] if len(words) > 1 and fold(words[0]) == "the" else words)
        return PersonName(raw, (), fold(written), shown=written, full=written, organisation=True)
    surname_at = _surname_start(words)
    given = tuple(_given_key(w) for w in words[:surname_at])
    surname = fold(" ".join(words[surname_at:]))
    shown = _shown(words, surname_at, suffix)
    full = " ".join(words + ([suffix] if suffix else []))
    return PersonName(raw, given, surname, suffix, nickname, sex, roles, shown, full, False, titled)


def _suffix(words: list[str]) -> tuple[list[str], str]:
    suffix = ""
    while len(words) > 1 and (key := fold(words[-1]).rstrip(".")) in SUFFIXES.keys() | DEGREES:
        suffix = SUFFIXES.get(key, suffix)
        words = words[:-1]
    return words, suffix


def _titles(words: list[str]) -> tuple[list[str], frozenset[str], str]:
    """Drop titles and the office they name ('German Chancellor', 'Secretary of State'):
    everything up to the last role word that leaves a name after it."""
    last_title = -1
    for index, word in enumerate(words[:-1]):
        if _title_key(word) in ROLE_WORDS:
            last_title = index
    if last_title < 0:
        return words, frozenset(), ""
    titles = [_title_key(w) for w in words[: last_title + 1]]
    rest = words[last_title + 1 :]
    while len(rest) > 1 and fold(rest[0]) in OFFICE_WORDS:
        rest = rest[1:]
    sex = next((HONORIFICS[t] for t in titles if HONORIFICS.get(t)), "")
    roles = frozenset(ROLE_FORMS.get(t, t) for t in titles if t in ROLE_WORDS - NOT_ROLES)
    return rest, roles, sex


def _title_key(word: str) -> str:
    return fold(word).rstrip(".")


def _organisation(words: list[str]) -> bool:
    """Not a person's name: an office or body ('White House'), a long or lower-case run."""
    folded = [fold(w) for w in words]
    if len(words) > 5 or not NOT_PERSON_WORDS.isdisjoint(folded):
        return True
    opening = words[0]
    if len(words) > 1 and len(opening) > 2 and opening.isupper() and not words[-1].isupper():
        # An acronym opening a name ('DNA Case', 'ABC Entertainment'), not initials ('A.J.').
        return opening in NOT_INITIALS or not INITIALS_RE.fullmatch(opening)

    return any(
        not w[:1].isalpha() or (w[:1].islower() and f not in PARTICLES) or _has_digit(w)
        for w, f in zip(words, folded, strict=True)
    )


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _surname_start(words: list[str]) -> int:
    """Where the surname starts: the last word, with the particles before it ('von Trapp')."""
    start = len(words) - 1
    while start > 0 and fold(words[start - 1]) in PARTICLES:
        start -= 1
    return start if start != 1 or fold(words[0]) not in PARTICLES else 0


def _given_key(word: str) -> str:
    """A given name folded; an initial ('J.', 'J') as its letter."""
    return fold(word).rstrip(".")


def _shown(words: list[str], surname_at: int, suffix: str) -> str:
    """The name as written less its initials ('Roger J. Stone Jr.' -> 'Roger Stone Jr.', 'W.
    Mark Felt' -> 'Mark Felt'; 'A. J. Smith', all initials, kept); capitals made title case."""
    given = [w for w in words[:surname_at] if len(w.rstrip(".")) > 1] or words[:surname_at]
    shown = " ".join([*given, *words[surname_at:]] + ([suffix] if suffix else []))
    return _title_case(shown) if shown.isupper() and len(shown) > 3 else shown


def _title_case(text: str) -> str:
    return " ".join(w if w.rstrip(".") in SUFFIXES.values() else w.title() for w in text.split())


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


# -- how two full names relate ----------------------------------------------------------------


def given_relation(a: PersonName, b: PersonName) -> str:
    """'same' (one person's given names: 'Donald J.' / 'Donald John' / 'Donald'), 'nickname'
    (a formal name and its diminutive: 'Charles' / 'Chuck'; needs evidence), or 'conflict'."""
    if a.sex and b.sex and a.sex != b.sex:
        return "conflict"
    if not _middles_agree(_called(a)[1], _called(b)[1]):
        return "conflict"
    first_a, first_b = _called(a)[0], _called(b)[0]
    if first_a == first_b or first_a in (b.nickname,) or first_b in (a.nickname,):
        return "same"
    return "nickname" if is_nickname_pair(first_a, first_b) else "conflict"


def _called(name: PersonName) -> tuple[str, tuple[str, ...]]:
    """The first name a person goes by and the initials or names around it: 'W. Mark Felt'
    goes by Mark."""
    given = name.given
    if len(given) > 1 and len(given[0]) == 1 and len(given[1]) > 1:
        return given[1], given[2:]
    return given[0], given[1:]


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One side has none, or both have as many and each pair agrees (a name and its initial):
    'J.' = 'John', but 'W.' != 'H. W.' (George W. Bush is not George H. W. Bush)."""
    if not a or not b:
        return True
    return len(a) == len(b) and all(x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y)
                                    for x, y in zip(a, b, strict=True))  # fmt: skip


@lru_cache(maxsize=16384)
def is_nickname_pair(a: str, b: str) -> bool:
    """A name and its diminutive (William/Bill, Charles/Chuck, Robert/Bob), never two
    diminutives of one longer name (Bob/Bobby of Robert: a father and a son; Bill/Billy)."""
    if a == b or not (b in NICKNAMES.get(a, ()) or a in NICKNAMES.get(b, ())):
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short) :].lstrip(short[-1]) in DIMINUTIVE_ENDINGS:
        return False  # Ron/Ronnie, Bob/Bobby
    return not any(
        a in names and b in names and len(formal) > len(long) for formal, names in NICKNAMES.items()
    )


def owns_single(name: PersonName, single: PersonName, first_names: bool = True) -> bool:
    """Whether a name said alone ('Trump', 'Hillary', 'Mr. Kim') can name this full name: its
    surname (or the surname's last word) or, with `first_names` and no title before the single
    name, its first name or nickname (Korean names put the surname first: 'Kim Jong-un')."""
    if name.organisation or (single.suffix and single.suffix != name.suffix):
        return False  # 'Larry Jr.' is not Larry Washington
    word = single.surname
    if word in (name.surname, name.surname.split()[-1]) or (
        _surname_first(name) and word == name.first
    ):
        return True
    if not first_names or single.titled or single.shown.isupper():
        return False  # 'Mr. Kim' is a surname; 'ABC' no first name
    return word in (name.first, name.nickname)


def is_given_name(word: str) -> bool:
    """A first name of the nicknames data set (about 2,000 English given names)."""
    return word in GIVEN_NAMES


def _surname_first(name: PersonName) -> bool:
    """A Korean name, surname first: 'Moon Jae-in', 'Kim Jong-un' ('Mr. Moon', 'Mr. Kim');
    not a double-barrelled surname ('Smith-Lee')."""
    after = name.full.split()[-1].partition("-")[2] if name.full else ""
    return len(name.given) == 1 and after[:1].islower() and after.isalpha() and len(after) <= 4


def roles_in(mention: str | None) -> frozenset[str]:
    """The roles an attribution gives ('Weekly Standard Editor Bill Kristol' -> {editor}, 'the
    senator' -> {senator}); honorifics are not roles."""
    if not mention:
        return frozenset()
    words = (fold(word).strip(".,;:") for word in mention.split())
    return frozenset(ROLE_FORMS.get(w, w) for w in words if w in ROLE_WORDS and w not in NOT_ROLES)
