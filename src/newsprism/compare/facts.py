"""The checkable values an article states, clause by clause: numbers with what they count,
scores, dates and times (resolved against the article's date), places, people's ages, parties
and titles. Each value keeps its span in the article body, so a difference can be shown."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from newsprism.compare.lexicon import FUNCTION_WORDS, stem
from newsprism.names import (
    NOT_PERSON_WORDS,
    body_person_mentions,
    common_words,
    is_first_name,
    person_mentions,
    place_table,
    surname_key,
)
from newsprism.text import fold, sentence_spans

CLAUSE_BREAK_RE = re.compile(r"[;:–—()\[\]\n]|,(?!\d{3})|(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z0-9])")
WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "dozen": 12,
}  # fmt: skip
NUMBER_NAMES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
# Each value pattern opens with a look-ahead for the characters its matches can start with:
# the same matches, found without trying every alternative at every character.
NUMBER_RE = re.compile(
    rf"(?=[$£€\d{''.join(sorted({w[0] + w[0].upper() for w in NUMBER_NAMES}))}])"
    # Not the tail of a figure a tokeniser spaced apart ('15, 800', '6. 1', '7: 41', '4 1/2',
    # '2002 - 03'), nor of one in words ('one hundred and three').
    r"(?<![\w.,$£€×-])(?<!\d[.,:/] )(?<!\d[:/])(?<!\d [-–] )(?<![Hh]undred and )"
    r"(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|(?i:{'|'.join(NUMBER_NAMES)}))(?![\w-]|[.,]\d)"
    r"(?P<scale>\s+(?:thousand|million|billion|trillion|dozen)|bn)?"
    r"(?P<pct>\s*%|\s+(?:percent|per cent|percentage points?))?"
)
# How exact a figure is said to be: 'about 100' agrees with 98, 'more than 100' with 120.
QUALIFIERS = {
    "about": "approx", "around": "approx", "nearly": "approx", "almost": "approx",
    "roughly": "approx", "approximately": "approx", "some": "approx", "estimated": "approx",
    "close": "approx", "up": "upper", "least": "lower", "over": "lower", "more": "lower",
    "less": "upper", "fewer": "upper", "under": "upper", "above": "lower", "below": "upper",
    "exceeding": "lower",
}  # fmt: skip
# Words between a figure and the thing it counts that are not the thing itself.
UNIT_SKIP = frozenset("more other new additional extra of the total further".split())
# A span of time is a duration or, with one of these after it, a time placed against another.
TIME_UNITS = frozenset(
    stem(w) for w in "second minute hour day week month year decade".split()
)
OFFSETS = {"ago": " before", "before": " before", "earlier": " before", "after": " after",
           "later": " after", "old": " old"}  # fmt: skip
RANGE_NUMBER = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:{'|'.join(NUMBER_NAMES)}))"
RANGE_AFTER_RE = re.compile(
    rf"(?P<hyphen>\s*-)?\s+(?P<sep>to|or|and)\s+[$£€]?{RANGE_NUMBER}(?![\w.,]\d)"
)
RANGE_BEFORE_RE = re.compile(
    rf"(?<![\w.,]){RANGE_NUMBER}(?P<hyphen>\s*-)?\s+(?P<sep>to|or|and)\s+[$£€]?$"
)
MIN_FRAME_WORDS = 6  # a sentence frame shorter than this ('Photo: #') aligns nothing
ORG_WORDS = frozenset("advisor adviser partner dispatch herald tribune gazette capital".split())
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
CURRENCY_WORDS = {"dollar": "$", "pound": "£", "euro": "€", "dollars": "$", "pounds": "£"}
# A pattern that opens by reading a digit (testing the character before it after it: SCORE_RE,
# TIME_RE) is searched for by that digit alone, where a look-ahead is tried at every character.
SCORE_RE = re.compile(r"(\d(?<![\w.,/-]\d)\d?)\s?[-–]\s?(\d{1,2})(?![\w/]|[-–.,]\d)")
AGE_RE = re.compile(r"(?=\d)(?:(?<![\w-])(\d{1,3})\s?-\s?year\s?-\s?old\b|(?<=, )(\d{1,3})(?=,))")
PARTY_RE = re.compile(r"(?=[(RDI])\(?\b([RDI])-(?:[A-Z][a-zA-Z.]*\.?)(?:\s[A-Z][a-z]*\.?)?\)?")
ROLE_TITLES = {
    "sen.": "senator", "senator": "senator", "rep.": "representative",
    "representative": "representative", "congressman": "representative",
    "congresswoman": "representative", "gov.": "governor", "governor": "governor",
    "mayor": "mayor", "president": "president", "lt.": "lieutenant", "gen.": "general",
    "general": "general", "adm.": "admiral", "judge": "judge", "justice": "justice",
}  # fmt: skip
ROLE_RE = re.compile(
    r"(?=[SRCGMPAJ])"
    r"\b(Sen\.|Senator|Rep\.|Representative|Congressman|Congresswoman|Gov\.|Governor|Mayor"
    r"|President|Gen\.|General|Adm\.|Judge|Justice)\s+(?=[A-Z])"
)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAMES = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split()
)}  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_WORD = (
    rf"(?:{'|'.join(m.capitalize() for m in MONTH_NAMES)}"
    rf"|(?:{'|'.join(a.capitalize() for a in MONTH_ABBREVIATIONS)})\.?)"
)
DATE_RE = re.compile(
    # Months and weekdays are capitalised, years and days figures: only there, or at a relative
    # day, are the alternatives tried.
    r"(?=[A-Z\d]|yesterday|today|tonight|tomorrow|last |next |this )"
    rf"(?:\b(?P<month>{MONTH_WORD})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_WORD})(?:,?\s+(?P<year2>(?:19|20)\d\d))?\b"
    r"|\b(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
    r"|\b(?P<relative>yesterday|today|tonight|tomorrow|(?:last|next|this) (?:week|month|year))\b"
    r"|(?<![\w$£€.,-])(?P<lone_year>(?:19|20)\d\d)(?![\w-]|[.,]\d))"
)
TIME_RE = re.compile(
    r"(\d(?<!\w\d)\d?)(?::(\d\d))?\s?([ap])\.?m\.?(?=\W|$)(?:\s+(?P<zone>[A-Z]{2,4})\b)?",
    re.IGNORECASE,
)
PLACE_RE = re.compile(
    r"(?=[iaoh])(?:\b(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w’'.-]*(?:\s+(?:of\s+|de\s+|di\s+)?[A-Z][\w’'.-]*){0,3})"
    r"(?P<region>,\s+(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]+))?"
    r"|\b(?P<home>at home|away from home|on the road|home leg|home game|away leg|away game)\b)"
)
PLACE_HOME = {"at home": "home", "home leg": "home", "home game": "home",
              "away from home": "away", "on the road": "away", "away leg": "away",
              "away game": "away"}  # fmt: skip
CALENDAR_WORDS = frozenset(WEEKDAYS) | set(MONTH_NAMES) | set(MONTH_ABBREVIATIONS)
FUTURE_WORDS = frozenset(
    "will 'll shall tomorrow next plans planned expected scheduled upcoming".split()
)


@dataclass(frozen=True, slots=True)
class Fact:
    """A value one clause states. `value` is what is compared (normalised), `what` what it
    is a value of (the thing a figure counts, the person an age belongs to), `bounds` for a
    figure the range it allows."""

    kind: str
    value: str
    what: str
    text: str
    start: int
    end: int
    bounds: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Clause:
    article: str
    start: int
    end: int
    text: str
    words: frozenset[str]  # content-word stems, values left out
    facts: tuple[Fact, ...]
    sentence: int = 0  # which sentence of the article it is in
    # Its sentence's words with every value left out, and where in it the clause is: two
    # clauses with one frame say the same but (perhaps) for their values.
    frame: str = ""
    context: frozenset[str] = frozenset()  # the content-word stems of its sentence, values left out


def clauses_of(article_id: str, body: str, published: date | None) -> list[Clause]:
    """The clauses of an article body that state at least one value."""
    stating: list[_Stating] = []
    sentences = _sentence_spans(body)
    sentence = 0
    facts_of = _facts_by_span(_facts(body, 0, published))
    for start, end in _clause_spans(body):
        while sentence < len(sentences) - 1 and sentences[sentence][1] <= start:
            sentence += 1
        facts = facts_of(start, end)
        if facts:
            stating.append(_Stating(start, end, tuple(facts), sentence))
    return _framed(article_id, stating, body, sentences)


ClauseRow = list  # a clause as JSON: [start, end, words, facts, sentence, frame, context]


def clause_rows(clauses: list[Clause]) -> list[ClauseRow]:
    """Clauses as JSON-ready rows, to be kept: their texts are spans of the article body."""
    return [
        [
            c.start,
            c.end,
            sorted(c.words),
            [[f.kind, f.value, f.what, f.start, f.end, _json(f.bounds)] for f in c.facts],
            c.sentence,
            c.frame,
            sorted(c.context),
        ]
        for c in clauses
    ]


def _json(bounds: tuple[float, float] | None) -> list[float] | None:
    return list(bounds) if bounds else None


def clauses_from_rows(article_id: str, body: str, rows: list[ClauseRow]) -> list[Clause]:
    """The clauses `clause_rows` kept, of this article's body."""
    return [
        Clause(
            article_id,
            start,
            end,
            body[start:end],
            frozenset(words),
            tuple(
                Fact(kind, value, what, body[at:to], at, to, tuple(bounds) if bounds else None)
                for kind, value, what, at, to, bounds in facts
            ),
            sentence,
            frame,
            frozenset(context),
        )
        for start, end, words, facts, sentence, frame, context in rows
    ]


class _Stating(NamedTuple):
    """A clause stating a value, before its words and frame are worked out."""

    start: int
    end: int
    facts: tuple[Fact, ...]
    sentence: int


def _framed(
    article_id: str, stating: list[_Stating], body: str, sentences: list[tuple[int, int]]
) -> list[Clause]:
    by_sentence: dict[int, list[_Stating]] = defaultdict(list)
    for clause in stating:
        by_sentence[clause.sentence].append(clause)
    framed = []
    for number, members in by_sentence.items():
        frame, context = _frame(members, body, sentences[number])
        for n, (start, end, facts, _) in enumerate(members):
            text = body[start:end]
            words = _content_stems(text, facts, start)
            at = f"{frame}|{n}" if frame else ""
            framed.append(Clause(article_id, start, end, text, words, facts, number, at, context))
    return sorted(framed, key=lambda c: c.start)


def _frame(
    members: list[_Stating], body: str, sentence: tuple[int, int]
) -> tuple[str, frozenset[str]]:
    """A sentence's frame (its words, each value a '#'; '' if too short) and its content-word
    stems, values left out."""
    start, end = sentence
    values = sorted((f.start, f.end) for c in members for f in c.facts)
    words, cursor = [], start
    for value_start, value_end in values:
        words.extend(WORD_RE.findall(body[cursor:value_start]))
        words.append("#")
        cursor = max(cursor, value_end)
    words.extend(WORD_RE.findall(body[cursor:end]))
    stems = set(map(_content_stem, words))
    stems.discard(None)
    if len(words) - words.count("#") < MIN_FRAME_WORDS:
        return "", frozenset(stems)
    return " ".join(map(fold, words)), frozenset(stems)


def _facts_by_span(facts: list[Fact]) -> Callable[[int, int], list[Fact]]:
    """The facts (read once over the whole body, in order) that start in a span."""
    starts = [f.start for f in facts]

    def within(start: int, end: int) -> list[Fact]:
        low, high = bisect_left(starts, start), bisect_left(starts, end)
        return [f for f in facts[low:high] if f.end <= end]

    return within


def _sentence_spans(body: str) -> list[tuple[int, int]]:
    spans = []
    for start, end in _paragraph_spans(body):
        spans.extend((start + s, start + e) for s, e in sentence_spans(body[start:end]))
    return spans or [(0, len(body))]


def _paragraph_spans(body: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in body.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _clause_spans(body: str) -> list[tuple[int, int]]:
    """The stretches between clause breaks (those without a word state no value: left to the
    facts to tell)."""
    spans, start = [], 0
    for match in CLAUSE_BREAK_RE.finditer(body):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(body):
        spans.append((start, len(body)))
    return spans


def _content_stems(text: str, facts: tuple[Fact, ...], offset: int) -> frozenset[str]:
    """The clause's words but its values (a person named stays: who did it is context too)."""
    # The facts are in order and do not overlap: one pass skips the words that start in one.
    taken = [(f.start - offset, f.end - offset) for f in facts if f.kind != "person"]
    stems = set()
    next_taken = 0
    for match in WORD_RE.finditer(text):
        at = match.start()
        while next_taken < len(taken) and taken[next_taken][1] <= at:
            next_taken += 1
        if next_taken < len(taken) and taken[next_taken][0] <= at:
            continue
        content = _content_stem(match.group())
        if content is not None:
            stems.add(content)
    return frozenset(stems)


def words_near(clause: Clause, fact: Fact, reach: int) -> frozenset[str]:
    """The content words among the `reach` words either side of a value in its clause (other
    values left out, a person's name kept, as in `Clause.words`)."""
    taken = [(f.start, f.end) for f in clause.facts if f.kind != "person"]
    before, after = [], []
    for match in WORD_RE.finditer(clause.text):
        start = clause.start + match.start()
        if any(low <= start < high for low, high in taken):
            continue
        (before if start < fact.start else after).append(match.group())
    near = before[-reach:] + after[:reach]
    return frozenset(s for s in map(_content_stem, near) if s is not None)


@lru_cache(maxsize=1 << 17)
def _content_stem(word: str) -> str | None:
    """The stem of a content word; None for a function word, a figure or a letter."""
    folded = fold(word)
    if folded in FUNCTION_WORDS or any(c.isdigit() for c in folded) or len(folded) <= 1:
        return None
    return stem(folded)


def _facts(text: str, offset: int, published: date | None) -> list[Fact]:
    facts: list[Fact] = []
    taken = bytearray(len(text))  # characters a value already read covers

    def add(fact: Fact | None) -> None:
        if fact is None:
            return
        start, end = fact.start - offset, fact.end - offset
        if any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        facts.append(fact)

    for match in TIME_RE.finditer(text):
        add(_time(match, offset))
    for match in DATE_RE.finditer(text):
        add(_date(match, text, offset, published))
    for match in SCORE_RE.finditer(text):
        add(_score(match, text, offset))
    for match in AGE_RE.finditer(text):
        add(_age(match, text, offset))
    for match in PARTY_RE.finditer(text):
        add(_party(match, text, offset))
    for match in ROLE_RE.finditer(text):
        add(_role(match, text, offset))
    for match in NUMBER_RE.finditer(text):
        add(_number(match, text, offset))
    for match in PLACE_RE.finditer(text):
        add(_place(match, offset))
    for mention in body_person_mentions(text):
        add(_person(mention.text, mention.start + offset, mention.end + offset))
    return sorted(facts, key=lambda f: f.start)


def _organisation(word: str) -> bool:
    """A word that ends names of firms and papers, not people (plural or hyphened)."""
    folded = fold(word).split("-")[-1]
    return folded in NOT_PERSON_WORDS or folded.rstrip("s") in NOT_PERSON_WORDS | ORG_WORDS


def _person(name: str, start: int, end: int) -> Fact | None:
    """A person by full name: a known first name first, a surname last ('Donald J.' is cut
    short, 'Canadian Light Infantry' no person); Jr. and Sr. left out."""
    words = name.split()
    while len(words) > 2 and fold(words[-1]).strip(".,") in NAME_SUFFIXES:
        words.pop()
    if len(words) < 2 or not is_first_name(words[0]) or len(words[-1].rstrip(".")) < 2:
        return None
    if fold(words[-1]) in common_words() or _organisation(words[-1]):
        return None  # 'Rocky Mountain Spotted Fever', 'Gordon Advisors', 'Columbus Dispatch'
    shown = " ".join(words)
    return Fact("person", surname_key(shown), "", shown, start, start + len(shown))


def _fact(
    kind: str,
    value: str,
    what: str,
    match: re.Match[str],
    offset: int,
    group: int | str = 0,
    bounds: tuple[float, float] | None = None,
) -> Fact:
    return Fact(
        kind,
        value,
        what,
        match.group(group),
        match.start(group) + offset,
        match.end(group) + offset,
        bounds,
    )


def _time(match: re.Match[str], offset: int) -> Fact:
    hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
    zone = (match.group("zone") or "").upper()
    return _fact("time", f"{hour:02d}:{match.group(2) or '00'} {zone}".strip(), "", match, offset)


def _date(match: re.Match[str], text: str, offset: int, published: date | None) -> Fact | None:
    groups = match.groupdict()
    if groups["weekday"] or groups["relative"]:
        if published is None:
            return None
        word = (groups["weekday"] or groups["relative"]).lower()
        value = _relative_date(word, _future(text, match.start()), published)
        return _fact("date", value, "", match, offset) if value else None
    if groups["lone_year"]:
        return _fact("date", groups["lone_year"], "", match, offset)
    month = _month(groups["month"] or groups["month2"])
    day, year = groups["day"] or groups["day2"], groups["year"] or groups["year2"]
    if month is None or (day is None and year is None):
        return None  # a month alone ('May') is too often a word or a name
    if year is None and published is not None:
        year = str(_nearest_year(published, month))
    value = "-".join(p for p in (year, f"{month:02d}", f"{int(day):02d}" if day else None) if p)
    return _fact("date", value, "", match, offset)


def _month(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower().rstrip(".")
    return MONTH_NAMES.get(word) or MONTH_ABBREVIATIONS.get(word)


def _nearest_year(published: date, month: int) -> int:
    """A month and day without a year lies within about half a year of the article."""
    if month - published.month > 6:
        return published.year - 1
    if published.month - month > 6:
        return published.year + 1
    return published.year


def _future(text: str, position: int) -> bool:
    before = _this_clause(text[max(0, position - 80) : position], last=True)
    words = {fold(w) for w in WORD_RE.findall(before)}
    return bool(words & FUTURE_WORDS) or "'ll" in before


def _this_clause(window: str, last: bool = False) -> str:
    """The part of a window of text in the clause at its end (`last`) or its start."""
    parts = CLAUSE_BREAK_RE.split(window)
    return parts[-1] if last else parts[0]


def _relative_date(word: str, future: bool, published: date) -> str | None:
    if word in ("today", "tonight"):
        return published.isoformat()
    if word == "yesterday":
        return (published - timedelta(days=1)).isoformat()
    if word == "tomorrow":
        return (published + timedelta(days=1)).isoformat()
    if word in WEEKDAYS:
        gap = (WEEKDAYS.index(word) - published.weekday()) % 7
        day = published + timedelta(days=gap) if future else published - timedelta(days=(-gap) % 7)
        return day.isoformat()
    step, unit = word.split()
    shift = {"last": -1, "this": 0, "next": 1}[step]
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        return f"week of {monday.isoformat()}"
    if unit == "month":
        month = (published.month - 1 + shift) % 12 + 1
        year = published.year + (published.month - 1 + shift) // 12
        return f"{year}-{month:02d}"
    return str(published.year + shift)


def _score(match: re.Match[str], text: str, offset: int) -> Fact | None:
    if _unit_after(text, match.end()):
        return None  # '10-12 inches' is a range of a figure
    return _fact("score", f"{int(match.group(1))}-{int(match.group(2))}", "", match, offset)


def _age(match: re.Match[str], text: str, offset: int) -> Fact | None:
    if match.group(1):
        owner = _name_near(text, match.end(), after=True) or _name_near(text, match.start())
        group = 1
    else:
        owner, group = _name_near(text, match.start() - 2), 2
    if owner is None or not 0 < int(match.group(group)) < 120:
        return None
    return _fact("age", str(int(match.group(group))), owner, match, offset, group)


def _party(match: re.Match[str], text: str, offset: int) -> Fact | None:
    owner = _name_near(text, match.start())
    if owner is None:
        return None
    return _fact("party", match.group(1), owner, match, offset, 1)


def _role(match: re.Match[str], text: str, offset: int) -> Fact | None:
    names = list(person_mentions(text[match.end() : match.end() + 60]))
    if not names or names[0].start != 0 or _preceded_by(text, match.start(), ("former", "ex")):
        return None
    title = ROLE_TITLES.get(match.group(1).lower())
    return _fact("role", title or match.group(1), surname_key(names[0].text), match, offset, 1)


def _preceded_by(text: str, position: int, words: tuple[str, ...]) -> bool:
    before = WORD_RE.findall(text[max(0, position - 30) : position])
    return bool(before) and fold(before[-1]) in words


def _name_near(text: str, position: int, after: bool = False) -> str | None:
    """The surname of the person named right before `position` (or right after)."""
    window = text[position : position + 60] if after else text[max(0, position - 60) : position]
    names = list(person_mentions(window))
    if not names:
        return None
    name = names[0] if after else names[-1]
    gap = window[: name.start] if after else window[name.end :]
    return surname_key(name.text) if len(gap.strip(" ,")) <= 2 else None


def _number(match: re.Match[str], text: str, offset: int) -> Fact | None:
    raw = match.group("num")
    if raw.lower() in NUMBER_NAMES:
        value, step = float(NUMBER_NAMES[raw.lower()]), 0.0
    else:
        value = float(raw.replace(",", ""))
        step = 10.0 ** -len(raw.partition(".")[2]) if "." in raw else 1.0
    scale = SCALES[match.group("scale").strip().lower()] if match.group("scale") else 1.0
    value, step = value * scale, (step * scale if scale > 1 else 0.0)
    if match.group("pct"):
        unit = "percentage point" if "point" in match.group("pct") else "percent"
    elif match.group("cur"):
        unit = match.group("cur")
    else:
        unit = _unit_after(text, match.end()) or ""
        if not unit or (raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2099):
            return None  # a bare figure, or a year: nothing to say what it counts
        if _named(text, match.start()):
            return None  # 'Kate Plus 8', 'Boeing 737': a name, not a figure
    low, high = _bounds(value, step, _qualifier(text, match.start()))
    other_end = _range_end(text, match)
    if other_end is not None:
        low, high = min(low, other_end), max(high, other_end)
    shown = f"{value:f}".rstrip("0").rstrip(".")
    if unit in TIME_UNITS:
        unit += _offset(text, match.end())
    return _fact("number", shown, CURRENCY_WORDS.get(unit, unit), match, offset, 0, (low, high))


def _range_end(text: str, match: re.Match[str]) -> float | None:
    """The other end of a range or pair the figure ends or starts ('between 50,000 and 100,000
    years', '3 to 5 miles'): the figure stands for the whole of it."""
    after = RANGE_AFTER_RE.match(text, match.end())
    if after and _a_range(after, text, match.start()):
        return _plain_value(after.group("num"))
    before = RANGE_BEFORE_RE.search(text[max(0, match.start() - 40) : match.start()])
    if before and _a_range(before, text, match.start() - len(before.group())):
        return _plain_value(before.group("num"))
    return None


def _a_range(joined: re.Match[str], text: str, first: int) -> bool:
    """'3 to 5', 'two or three', 'between 50 and 100', '32- and 64-bit'; not 'five rifles and
    12 magazines'."""
    return joined.group("sep") != "and" or bool(joined.group("hyphen")) or _between(text, first)


def _between(text: str, position: int) -> bool:
    return text[max(0, position - 9) : position].rstrip().lower().endswith("between")


def _plain_value(raw: str) -> float | None:
    folded = raw.lower()
    if folded in NUMBER_NAMES:
        return float(NUMBER_NAMES[folded])
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _offset(text: str, position: int) -> str:
    """' before' or ' after' for a span of time that places an event against another ('two
    weeks before the shooting', '30 days later'), ' old' for an age ('a 29-year-old'), '' for
    one that lasts ('for three weeks')."""
    words = [fold(w) for w in WORD_RE.findall(_this_clause(text[position : position + 40]))[:3]]
    for word, following in itertools.pairwise(words):
        if stem(word) in TIME_UNITS:
            return OFFSETS.get(following, "")
    return ""


def _named(text: str, position: int) -> bool:
    """A figure right after a capitalised word inside a sentence is part of a name."""
    before = text[max(0, position - 30) : position].split()
    if len(before) < 2 or not before[-1][:1].isupper() or before[-2].endswith((".", ":")):
        return False
    return fold(before[-1]).rstrip(".,") not in CALENDAR_WORDS


def _unit_after(text: str, position: int) -> str | None:
    """The lower-case word a figure counts ('12 more people' -> 'people'), the plural after a
    word that qualifies it ('two merchant vessels' -> 'vessels')."""
    words = WORD_RE.findall(_this_clause(text[position : position + 50]))[:4]
    for n, word in enumerate(words):
        folded = fold(word)
        if folded in UNIT_SKIP:
            continue
        if not _a_noun(word):
            return None
        following = words[n + 1] if n + 1 < len(words) else ""
        if not folded.endswith("s") and following.endswith("s") and _a_noun(following):
            folded = fold(following)
        return stem(folded)
    return None


def _a_noun(word: str) -> bool:
    """A lower-case word that may be what a figure counts."""
    folded = fold(word)
    return word[0].islower() and folded not in FUNCTION_WORDS and not any(map(str.isdigit, word))


def _qualifier(text: str, position: int) -> str | None:
    before = [fold(w) for w in WORD_RE.findall(text[max(0, position - 25) : position])][-3:]
    for word in reversed(before):
        if QUALIFIERS.get(word):
            return QUALIFIERS[word]
    return None


def _bounds(value: float, step: float, qualifier: str | None) -> tuple[float, float]:
    """The range a figure allows: as precise as it is written ('1.2 million' is 1.15 to 1.25
    million), looser when qualified ('about 100', 'more than 100')."""
    if qualifier == "lower":
        return value, float("inf")
    if qualifier == "upper":
        return 0.0, value
    slack = max(0.1 * value, step / 2) if qualifier == "approx" else step / 2
    return value - slack, value + slack


def _place(match: re.Match[str], offset: int) -> Fact | None:
    """A place the gazetteer knows ('in Bergamo'), or one a region follows ('in Rancho
    Mirage, Calif.'), or a team's ground ('at home', 'away from home')."""
    if match.group("home"):
        value = PLACE_HOME[match.group("home").lower()]
        return _fact("place", value, "", match, offset, "home")
    words = match.group("place").rstrip(".").split()
    region = match.group("region")
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        if fold(name) in place_table() or (size == len(words) and _a_region(region)):
            start = match.start("place")
            return Fact("place", fold(name), "", name, start + offset, start + len(name) + offset)
    return None


def _a_region(region: str | None) -> bool:
    if not region:
        return False
    name = region.strip(" ,")
    return fold(name) in place_table() or name.endswith(".")


def places_agree(first: str, second: str) -> bool:
    """One place within the other (a city and its country or state), or two places of one
    region (a borough and its city), for some reading of each name."""
    where_a, where_b = place_table().get(first), place_table().get(second)
    if not where_a or not where_b:
        return False
    return any(_within_place(a, b) or _within_place(b, a) for a in where_a for b in where_b)


def _within_place(inner: tuple[str, str], outer: tuple[str, str]) -> bool:
    country, region = outer
    return bool(country) and inner[0] == country and (not region or inner[1] == region)
