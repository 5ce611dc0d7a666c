"""Facts that differ between a story's articles: two clauses about the same thing (they share
a score, a figure or a date, or most of their words, or figures of one counted noun with the
same words near them) that give one thing two values.

A value inside quotation marks that provenance already compares (the same statement in both
articles) is left to it: a number changed in a quote is an `altered` quote, not listed again.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from rapidfuzz import fuzz

from newsprism.compare.facts import (
    OFFSETS,
    QUALIFIERS,
    WORD_RE,
    Clause,
    Fact,
    clauses_of,
    place_table,
    places_agree,
    words_near,
)
from newsprism.compare.lexicon import stem
from newsprism.model import Article, Discrepancy, DiscrepancyValue, Quote, QuoteMatch
from newsprism.names import person_mentions, surname_key
from newsprism.quotes.indirect import REPORTING
from newsprism.text import fold

MIN_SHARED_WORDS = 3  # clauses with no value in common align on this many content words,
MIN_DICE = 0.5  # making up this share of both
MAX_POSTINGS = 40  # a word or value in more clauses of a story than this aligns none
# Words a clause pair shares beside an anchor of each kind: a score is specific enough alone.
ANCHOR_WORDS = {"score": 0, "number": 1, "date": 2}
# Clauses nearly the same but for their values: only there does another name for a person
# count (in looser likeness two people are as often two people).
NEAR_DICE = 0.7
NEAR_SHARED = 5
# Two figures of one counted noun align their clauses when words near them (COUNTED_REACH
# either side) are the same, each said beside a figure of that noun in only one clause of each
# article ('hospitalized for three weeks' and 'hospitalized in Los Angeles for four weeks'), and
# their sentences share MIN_CONTEXT_WORDS words. Such a likeness is looser than a shared frame:
# figures further apart than MAX_COUNT_RATIO were, read by hand, counts of two things (a game
# and a season, a part and the whole).
COUNTED_REACH = 4
MIN_CONTEXT_WORDS = 3
MAX_COUNT_RATIO = 2.0
RELATIONAL_STEMS = frozenset(
    stem(word) for word in (*QUALIFIERS, *OFFSETS, "since", "during", "until", "within")
)
# Words that make a figure a part of a whole another article may give.
PART_WORDS = frozenset("first next extra additional other more another further remaining".split())
# Figures whose unit names no thing counted (money, shares, nothing read), or occasions
# ('arrested four times') over a period one article may leave unsaid.
UNNAMED_COUNTS = frozenset({"", "$", "£", "€", "percent", "percentage point", stem("times")})
SPELLING_RATIO = 75  # rapidfuzz ratio of two spellings of one name
ANCHOR_KINDS = frozenset({"score", "number", "date"})
UPDATE_HOURS = 3  # a figure this much newer than another replaces it rather than contradicts it
UPDATE_CUE_RE = re.compile(
    r"\b(?:rose|risen|rising|climbed|jumped|increased|grew|now|latest|updated|revised|so far)\b",
    re.IGNORECASE,
)
QUESTIONS = {
    "place": "where", "date": "when", "time": "at what time", "score": "the score",
    "person": "who",
}  # fmt: skip
MAX_ABOUT_WORDS = 10
SAID_WORDS = 4  # a reporting verb this few words before a date: the day of a statement
DETERMINERS = frozenset("a an the its their his her our".split())
PREPOSITIONS = frozenset("in at on here there".split())
SETTING_KINDS = frozenset({"person", "date", "place"})
# The kinds DESIGN.md lists: an age is a person's number, a party label one of their roles.
REPORTED_KIND = {"age": "number", "party": "role"}


@dataclass(frozen=True, slots=True)
class _Alignment:
    """Two clauses of two articles taken to speak of one thing: through a shared `anchor`
    value, shared words, one sentence frame, or (`counted`: the noun) figures of one counted
    noun with the same words near them."""

    first: Clause
    second: Clause
    anchor: Fact | None = None
    counted: str | None = None


@dataclass(frozen=True, slots=True)
class _Pair:
    kind: str
    first: tuple[Clause, Fact]
    second: tuple[Clause, Fact]
    anchor: Fact | None


def find_discrepancies(
    articles: list[Article],
    quotes: dict[str, list[Quote]],
    matches: list[QuoteMatch] | None = None,
    clauses: dict[str, list[Clause]] | None = None,
) -> list[Discrepancy]:
    """Each thing the story's articles give different values for, with every value's span.
    `clauses`: the articles' clauses (`story_clauses`), if worked out already."""
    if len(articles) < 2:
        return []
    dates = {a.id: _published(a.published) for a in articles}
    if clauses is None:
        clauses = story_clauses(articles)
    statement_at = _statement_spans([quotes.get(a.id, []) for a in articles], matches or [])
    around = {a.id: _sentence_facts(clauses[a.id]) for a in articles}
    stated = {a.id: _by_slot(clauses[a.id]) for a in articles}
    pairs = []
    for alignment in _aligned(*(clauses[a.id] for a in articles)):
        found = _differences(alignment, stated, statement_at)
        pairs.extend(p for p in found if not _other_setting(p, around))
    return [_discrepancy(group, dates) for group in _merged(pairs)]


def story_clauses(
    articles: list[Article], known: dict[str, list[Clause]] | None = None
) -> dict[str, list[Clause]]:
    """The clauses of each article that state a value; those `known` as given (a clause is a
    function of its article's body and date alone)."""
    known = known or {}

    def of(article: Article) -> list[Clause]:
        return clauses_of(article.id, article.body, _day(_published(article.published)))

    return {a.id: known[a.id] if a.id in known else of(a) for a in articles}


def _by_slot(clauses: list[Clause]) -> dict[tuple[str, str], list[tuple[Clause, Fact]]]:
    """An article's values by kind and what they are of, each with its clause."""
    slots: dict[tuple[str, str], list[tuple[Clause, Fact]]] = defaultdict(list)
    for clause in clauses:
        for fact in clause.facts:
            slots[(fact.kind, fact.what)].append((clause, fact))
    return slots


def _sentence_facts(clauses: list[Clause]) -> dict[int, list[Fact]]:
    facts: dict[int, list[Fact]] = defaultdict(list)
    for clause in clauses:
        facts[clause.sentence].extend(clause.facts)
    return facts


def _other_setting(pair: _Pair, around: dict[str, dict[int, list[Fact]]]) -> bool:
    """The two values' sentences name other people, days or places (and none in common):
    they tell of two things ('Thomas had 63 yards on Sunday', 'Bush had 404 this season')."""
    a, b = pair.first[0], pair.second[0]
    facts_a, facts_b = around[a.article][a.sentence], around[b.article][b.sentence]
    for kind in SETTING_KINDS - {pair.kind}:
        of_a = [f for f in facts_a if f.kind == kind]
        of_b = [f for f in facts_b if f.kind == kind]
        if of_a and of_b and not any(_agree(x, y) for x in of_a for y in of_b):
            return True
    return False


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def _day(moment: datetime | None) -> date | None:
    return moment.date() if moment else None


def _aligned(*articles: list[Clause]) -> list[_Alignment]:
    """Clause pairs of two articles about one thing: a shared anchor value, shared words, or
    figures of one counted noun with the same words near them. Pairs are found through
    an index, a value or word that more than MAX_POSTINGS clauses share left out (it says
    nothing of which two belong together): linear in the clauses."""
    order = {clause.article: n for n, clauses in enumerate(articles) for clause in clauses}
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    everything = [clause for clauses in articles for clause in clauses]
    keys_of = [_keys(clause) for clause in everything]
    for n, keys in enumerate(keys_of):
        for key in keys:
            by_key[key].append(n)
    near_word_clauses = Counter(
        (key, everything[m].article)
        for key, postings in by_key.items()
        if key[0] == "counted"
        for m in postings
    )
    noun_clauses = _noun_clauses(everything)
    pairs = []
    for clause, keys in zip(everything, keys_of, strict=True):
        anchors: dict[int, Fact] = {}
        shared: dict[int, int] = defaultdict(int)
        counted: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        framed: set[int] = set()
        for key in keys:
            postings = by_key[key]
            if len(postings) > MAX_POSTINGS:
                continue
            for m in postings:
                other = everything[m]
                if order[other.article] <= order[clause.article]:
                    continue
                if key[0] == "word":
                    shared[m] += 1
                elif key[0] == "frame":
                    framed.add(m)
                elif key[0] == "counted":
                    said = (near_word_clauses[(key, a)] for a in (clause.article, other.article))
                    if all(n == 1 for n in said):
                        counted[m][key[1]] += 1
                else:
                    anchors.setdefault(m, _fact_of(clause, key))
        for m in sorted(anchors.keys() | shared.keys() | framed | counted.keys()):
            other, anchor, count = everything[m], anchors.get(m), shared.get(m, 0)
            if anchor is not None and count < ANCHOR_WORDS[anchor.kind]:
                anchor = None
            similar = _dice(clause, other, count) >= MIN_DICE
            if anchor is not None or m in framed or (count >= MIN_SHARED_WORDS and similar):
                pairs.append(_Alignment(clause, other, anchor))
            if m not in counted:  # no figure of a noun near the same words
                continue
            noun = _counted_noun(clause, other, counted[m], noun_clauses)
            if noun is not None:
                pairs.append(_Alignment(clause, other, counted=noun))
    return pairs


def _noun_clauses(clauses: list[Clause]) -> Counter[tuple[str, str]]:
    """How many clauses of each article give a figure of each noun."""
    return Counter(
        (clause.article, noun)
        for clause in clauses
        for noun in {f.what for f in clause.facts if f.kind == "number"}
    )


def _counted_noun(
    first: Clause,
    second: Clause,
    near_words: dict[str, int],
    noun_clauses: Counter[tuple[str, str]],
) -> str | None:
    """The one noun two clauses count with the same words near the figures (`near_words`: how
    many, each said so in one clause of each article): one word where neither article gives a
    figure of the noun in another clause, else two; their sentences alike besides."""

    def needed(noun: str) -> int:
        elsewhere = any(noun_clauses[(c.article, noun)] > 1 for c in (first, second))
        return 2 if elsewhere else 1

    nouns = [noun for noun, words in near_words.items() if words >= needed(noun)]
    if len(nouns) != 1 or len(first.context & second.context) < MIN_CONTEXT_WORDS:
        return None
    return nouns[0]


def _keys(clause: Clause) -> list[tuple[str, ...]]:
    keys: set[tuple[str, ...]] = {("word", word) for word in clause.words}
    if clause.frame:
        keys.add(("frame", clause.frame))
    keys.update(
        (fact.kind, fact.value, fact.what)
        for fact in clause.facts
        if fact.kind in ANCHOR_KINDS and _specific(fact)
    )
    keys.update(
        ("counted", fact.what, word)
        for fact in clause.facts
        if fact.kind == "number" and fact.what not in UNNAMED_COUNTS and not _an_age(fact)
        for word in words_near(clause, fact, COUNTED_REACH) - _not_telling(clause)
    )
    return sorted(keys)  # in a set's order, which anchor a pair is given would vary by run


def _an_age(fact: Fact) -> bool:
    """An age no name goes with ('a 13-year-old rival'): of two people as often as of one."""
    return fact.what.endswith(" old")


def _not_telling(clause: Clause) -> set[str]:
    """Words near a figure that say nothing of what it counts: what the clause's figures count
    ('hour before' for 'two hours before'), how exact one is ('nearly'), when ('after')."""
    units = {stem(word) for fact in clause.facts for word in fact.what.split()}
    return units | RELATIONAL_STEMS


def _fact_of(clause: Clause, key: tuple[str, ...]) -> Fact:
    return next(f for f in clause.facts if (f.kind, f.value, f.what) == key)


def _dice(first: Clause, second: Clause, shared: int) -> float:
    return 2 * shared / max(1, len(first.words) + len(second.words))


def _specific(fact: Fact) -> bool:
    """A value specific enough to say two clauses speak of one thing."""
    if fact.kind == "date":
        return len(fact.value) == 10  # a day, not a year or a month
    if fact.kind == "number":
        return fact.what not in ("", "percent") and float(fact.value) >= 10
    return True


def _differences(
    alignment: _Alignment,
    stated: dict[str, dict[tuple[str, str], list[tuple[Clause, Fact]]]],
    statement_at: dict[str, list[tuple[int, int, str]]],
) -> list[_Pair]:
    a, b, anchor = alignment.first, alignment.second, alignment.anchor
    found = []
    slots_b = _slots(b, anchor)
    for slot, facts_a in _slots(a, anchor).items():
        if alignment.counted is not None and slot != ("number", alignment.counted):
            continue  # aligned on what a figure counts: only that figure is compared
        for fa, fb in _paired(facts_a, slots_b.get(slot, []), anchor):
            if alignment.counted is None and not _listed(fa, fb, a, b, anchor):
                continue
            if alignment.counted is not None and not _one_count(fa, a, fb, b):
                continue
            if _same_statement(fa, a, fb, b, statement_at):
                continue
            if _also_stated(fa, a, stated[b.article], anchor) or _also_stated(
                fb, b, stated[a.article], anchor
            ):
                continue
            found.append(_Pair(fa.kind, (a, fa), (b, fb), anchor))
    # One value that differs in clauses that otherwise agree is a discrepancy; clauses that
    # differ in several (another day and another toll) speak of two things.
    return found if len(found) == 1 else []


def _one_count(fa: Fact, a: Clause, fb: Fact, b: Clause) -> bool:
    """Two figures of one counted noun that count one whole: neither a part ('two extra life
    sentences', 'his first 17 passes'), not more than MAX_COUNT_RATIO apart, and not of two
    people named before them ('Charles rushed for 226 yards', 'Hillis added 101 yards')."""
    if _a_part(fa, a) or _a_part(fb, b):
        return False
    low, high = sorted((float(fa.value), float(fb.value)))
    if high > MAX_COUNT_RATIO * max(low, 1e-9):
        return False
    subject_a, subject_b = _subject(fa, a), _subject(fb, b)
    return subject_a is None or subject_b is None or subject_a == subject_b


def _a_part(fact: Fact, clause: Clause) -> bool:
    """'his first 17 passes', 'two additional life sentences'."""
    before = WORD_RE.findall(clause.text[: fact.start - clause.start])[-1:]
    between = WORD_RE.findall(clause.text[fact.end - clause.start :])[:2]
    return any(fold(word) in PART_WORDS for word in before + between)


def _subject(fact: Fact, clause: Clause) -> str | None:
    """The person named last before a figure in its clause."""
    named = list(person_mentions(clause.text[: fact.start - clause.start]))
    return surname_key(named[-1].text) if named else None


def _listed(fa: Fact, fb: Fact, a: Clause, b: Clause, anchor: Fact | None) -> bool:
    """Only what hand-read findings showed to be one thing given two values (README, 'Facts
    that differ'). Names and places: spelt two ways, set against a match's score, or in
    sentences the same word for word but for them (in merely like words two names were as
    often two people, two places two places of one story). Figures: in clauses that read
    nearly the same (in looser likeness most were figures of two players, seasons or phases).
    """
    same_sentence = bool(a.frame and a.frame == b.frame)
    if fa.kind == "date" and (_said_on(a, fa) or _said_on(b, fb)):
        return False
    if fa.kind == "person":
        return same_sentence or _spelt_two_ways(fa, fb)
    if fa.kind == "place":
        if anchor is not None and anchor.kind == "score":
            return True
        # A place the gazetteer does not know may lie in the other ('Bayou La Batre, Ala.').
        known = all(f.value in place_table() for f in (fa, fb))
        return known and (same_sentence or _nearly_same(a, b))
    if fa.kind == "number":
        return same_sentence or _nearly_same(a, b)
    return True


def _said_on(clause: Clause, fact: Fact) -> bool:
    """'the White House said Friday', 'Pelosi revealed a bill on Monday': the day someone
    said something, which two articles give differently when they report two statements."""
    words = [w.lower() for w in WORD_RE.findall(clause.text[: fact.start - clause.start])]
    at = max(0, len(words) - SAID_WORDS)
    return any(
        word in REPORTING and (n == 0 or words[n - 1] not in DETERMINERS)  # 'a reported $30m'
        for n, word in enumerate(words[at:], start=at)
    )


def _paired(first: list[Fact], second: list[Fact], anchor: Fact | None) -> list[tuple[Fact, Fact]]:
    """Values of one kind in two aligned clauses that differ, paired in order; with more than
    one a side, only where the others agree ('14 points and 11 rebounds' against '14 points and
    19 rebounds'): else which is which is not known."""
    if not first or len(first) != len(second):
        return []
    pairs = list(zip(first, second, strict=True))
    differ = [(a, b) for a, b in pairs if not _agree(a, b, anchor)]
    if len(pairs) > 1 and len(differ) == len(pairs):
        return []
    return differ


def _spelt_two_ways(first: Fact, second: Fact) -> bool:
    """One name spelt two ways: a name shared, the other close ('Duncan Rait', 'Duncan
    Raite'); not the same letters spaced or hyphenated otherwise ('Kim Jong-un')."""
    a, b = fold(first.text).split(), fold(second.text).split()
    if len(a) < 2 or len(b) < 2 or _letters(first.text) == _letters(second.text):
        return False
    if a[0] == b[0]:
        return fuzz.ratio(a[-1], b[-1]) >= SPELLING_RATIO
    return a[-1] == b[-1] and fuzz.ratio(a[0], b[0]) >= SPELLING_RATIO


def _letters(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalnum())


def _nearly_same(first: Clause, second: Clause) -> bool:
    shared = len(first.words & second.words)
    return shared >= NEAR_SHARED and _dice(first, second, shared) >= NEAR_DICE


def _slots(clause: Clause, anchor: Fact | None) -> dict[tuple[str, str], list[Fact]]:
    """The clause's values by kind and what they are of, but the anchor's (two dates in
    clauses aligned on one date are as likely of two events as of one)."""
    slots: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in clause.facts:
        if anchor is None or (fact.kind, fact.what) != (anchor.kind, anchor.what):
            slots[(fact.kind, fact.what)].append(fact)
    return slots


def _agree(first: Fact, second: Fact, anchor: Fact | None = None) -> bool:
    if first.value == second.value:
        return True
    grounds = {"home", "away"}
    if first.kind == "place" and (first.value in grounds) != (second.value in grounds):
        # 'At home' differs from a named place only for a match (a score): whose home it is
        # the named place may be.
        return anchor is None or anchor.kind != "score"
    if first.kind == "number":
        (low_a, high_a), (low_b, high_b) = first.bounds or (0, 0), second.bounds or (0, 0)
        return low_a <= high_b and low_b <= high_a
    if first.kind == "date":
        if _precision(first.value) != _precision(second.value):
            return True  # a weekday and a year in like words are two dates of two things
        return _within(first.value, second.value) or _within(second.value, first.value)
    if first.kind == "score":
        return first.value == "-".join(reversed(second.value.split("-")))
    if first.kind == "place" and places_agree(first.value, second.value):
        return True
    if first.kind == "person" and _letters(first.text) == _letters(second.text):
        return True
    if first.kind in ("place", "person"):
        a, b = set(first.value.split()), set(second.value.split())
        return a <= b or b <= a
    if first.kind == "time":
        zone_a, zone_b = first.value[6:], second.value[6:]
        return bool(zone_a and zone_b and zone_a != zone_b) or first.value[:5] == second.value[:5]
    return False


def _precision(value: str) -> str:
    if value.startswith("week of "):
        return "week"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "other")


def _within(coarse: str, fine: str) -> bool:
    """A year, month or week that contains a day ('2020-11' and '2020-11-04')."""
    if coarse.startswith("week of "):
        if len(fine) != 10:
            return False
        monday = date.fromisoformat(coarse[8:])
        return monday <= date.fromisoformat(fine) < monday + timedelta(days=7)
    return fine.startswith(coarse)


def _also_stated(
    fact: Fact,
    clause: Clause,
    others: dict[tuple[str, str], list[tuple[Clause, Fact]]],
    anchor: Fact | None,
) -> bool:
    """The other article (`others`: its values by slot) gives this value too, in a clause
    about the same thing: it tells of two values (before and after, two events), not one
    that differs."""
    return any(
        _agree(fact, value, anchor) and _close(clause, other)
        for other, value in others.get((fact.kind, fact.what), ())
    )


def _close(first: Clause, second: Clause) -> bool:
    values_a = {(f.kind, f.value) for f in first.facts}
    if any((f.kind, f.value) in values_a and f.kind in ANCHOR_KINDS for f in second.facts):
        return True
    shared = len(first.words & second.words)
    return shared >= MIN_SHARED_WORDS - 1 and _dice(first, second, shared) >= MIN_DICE


def _statement_spans(
    quotes: list[list[Quote]], matches: list[QuoteMatch]
) -> dict[str, list[tuple[int, int, str]]]:
    """Where each article's quotes of a statement are (the story's articles only)."""
    statement_of = {m.quote: m.statement for m in matches if m.statement}
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for article_quotes in quotes:
        for quote in article_quotes:
            if quote.id in statement_of:
                spans[quote.article].append((quote.start, quote.end, statement_of[quote.id]))
    return spans


def _same_statement(
    fa: Fact, a: Clause, fb: Fact, b: Clause, statement_at: dict[str, list[tuple[int, int, str]]]
) -> bool:
    def statement(fact: Fact, article: str) -> str | None:
        for start, end, statement_id in statement_at.get(article, []):
            if start <= fact.start and fact.end <= end:
                return statement_id
        return None

    first = statement(fa, a.article)
    return first is not None and first == statement(fb, b.article)


def _merged(pairs: list[_Pair]) -> list[list[_Pair]]:
    """Pairs that share a value are one thing given several values."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(key: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for pair in pairs:
        keys = [(clause.article, fact.start) for clause, fact in (pair.first, pair.second)]
        parent[root(keys[0])] = root(keys[1])
    groups: dict[tuple[str, int], list[_Pair]] = defaultdict(list)
    for pair in pairs:
        groups[root((pair.first[0].article, pair.first[1].start))].append(pair)
    return [group for group in groups.values() if _one_value_each(group)]


def _one_value_each(group: list[_Pair]) -> bool:
    """An article that gives the thing two values speaks of two things, not one."""
    values: dict[str, set[str]] = defaultdict(set)
    for pair in group:
        for clause, fact in (pair.first, pair.second):
            values[clause.article].add(fact.value)
    return all(len(v) == 1 for v in values.values())


def _discrepancy(group: list[_Pair], dates: dict[str, datetime | None]) -> Discrepancy:
    first = group[0]
    seen: dict[tuple[str, int], tuple[Clause, Fact]] = {}
    for pair in group:
        for clause, fact in (pair.first, pair.second):
            seen.setdefault((clause.article, fact.start), (clause, fact))
    values = [
        DiscrepancyValue(clause.article, fact.text, fact.start, fact.end)
        for clause, fact in seen.values()
    ]
    kind = REPORTED_KIND.get(first.kind, first.kind)
    if kind == "number" and _is_update(list(seen.values()), dates):
        kind = "update"
    return Discrepancy(kind, _about(first), values)


def _is_update(values: list[tuple[Clause, Fact]], dates: dict[str, datetime | None]) -> bool:
    """A later article gives a newer figure: it says so, or it is hours newer."""
    moments = [dates.get(clause.article) for clause, _ in values]
    if any(UPDATE_CUE_RE.search(clause.text) for clause, _ in values):
        return True
    if any(m is None for m in moments):
        return False
    known = [m for m in moments if m is not None]
    if any(m.tzinfo is None for m in known) and any(m.tzinfo is not None for m in known):
        known = [m.replace(tzinfo=None) for m in known]
    return max(known) - min(known) >= timedelta(hours=UPDATE_HOURS)


def _about(pair: _Pair) -> str:
    """What differs, in plain words: 'where Liverpool hammered Atalanta 5-0'."""
    clause, fact = pair.first
    if fact.kind == "person" and _spelt_two_ways(fact, pair.second[1]):
        return f"how the name {fact.text} is spelt"
    if fact.kind in ("age", "party", "role"):
        owner = _shown_name(clause.text, fact.what)
        return {"age": "the age of", "party": "the party of", "role": "the title of"}[
            fact.kind
        ] + f" {owner}"
    if fact.kind in QUESTIONS:
        return f"{QUESTIONS[fact.kind]} {_context(clause, fact, pair.anchor)}"
    return _context(clause, fact, pair.anchor, unknown="?")  # 'the storm killed ? people'


def _shown_name(text: str, surname: str) -> str:
    for word in text.split():
        if fold(word).strip(",.;:'’s") == surname:
            return word.strip(",.;:")
    return surname.title()


def _context(clause: Clause, fact: Fact, anchor: Fact | None, unknown: str = "") -> str:
    """The clause's words around the value: the value and its preposition left out, or the
    value put as `unknown`."""
    offset = clause.start
    before = clause.text[: fact.start - offset].split()
    after = clause.text[fact.end - offset :].split()
    while before and not unknown and fold(before[-1]) in PREPOSITIONS:
        before.pop()
    words = [*before, unknown, *after] if unknown else before + after
    low, high = max(0, len(before) - MAX_ABOUT_WORDS // 2), len(before) + MAX_ABOUT_WORDS // 2
    if anchor is not None and anchor.text in clause.text:
        # End on the anchor: 'where Liverpool hammered Atalanta 5-0'.
        end = len(clause.text[: clause.text.index(anchor.text) + len(anchor.text)].split())
        end -= 1 if anchor.start > fact.start else 0  # the value's words are left out
        low, high = max(0, end - MAX_ABOUT_WORDS), end
    text = " ".join(words[low:high]).strip(" ,.;:-–—\"“”'‘’")
    return text or fact.text
