"""People named in an article, and one canonical name per person.

Within an article: full names are collected first, then surnames and first names alone are
tied to them, roles ("Atalanta coach Gian Piero Gasperini") remembered, and "he"/"she"
resolved to the person last named outside quotes. Across a story: "Jurgen Klopp", "Jürgen
Klopp" and "Klopp" become one speaker.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from newsprism.model import Article
from newsprism.names import (
    MONTHS,
    NOT_PERSON_WORDS,
    SENTENCE_STARTERS,
    name_key,
    person_mentions,
    strip_possessive,
)
from newsprism.quotes.attribution import (
    DETERMINERS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SENTENCE_WINDOW,
    last_sentence,
    sentence_subject,
    subject_before,
)
from newsprism.text import fold

CAPITALISED_RE = re.compile(r"[A-Z][\w’'\-]+")
LONE_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"  # "Klopp", "Ocasio-Cortez"
LONE_NAME_RE = re.compile(LONE_NAME)
BARE_NAME_RE = re.compile(f"({LONE_NAME}) [a-z]")
NOT_NAMES = NOT_PERSON_WORDS | SENTENCE_STARTERS | MONTHS
LEADING_NAME_RE = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w.&’'\-]*\s*)+")
TITLED_RE = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Prof|Gen|Sir|Dame|President|Senator|Governor|"
    r"Mayor|Judge|Justice|Secretary|Speaker)\.?\s+([A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+)?)$"
)


def preferred_form(forms: Iterable[str]) -> str:
    """The fullest spelling: most words, then diacritics kept, then most often seen."""
    counts = Counter(forms)
    return max(
        counts,
        key=lambda f: (len(f.split()), _non_ascii(f), counts[f]),
    )


def _non_ascii(text: str) -> int:
    return 0 if text.isascii() else sum(not c.isascii() for c in text)


@dataclass
class PersonIndex:
    forms: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_part: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    roles: dict[str, str] = field(default_factory=dict)
    positions: list[int] = field(default_factory=list)
    keys_at: list[str] = field(default_factory=list)
    body: str = ""
    shown: dict[str, str] = field(default_factory=dict)
    timeline: _Timeline | None = None  # of positions/keys_at, built when first needed

    def _timeline(self) -> _Timeline:
        if self.timeline is None:
            self.timeline = _Timeline(self.positions, self.keys_at)
        return self.timeline

    @classmethod
    def build(
        cls,
        article: Article,
        quoted: list[tuple[int, int]],
        speakers: Iterable[tuple[str, int]] = (),
    ) -> PersonIndex:
        """People named outside `quoted` spans; `speakers` adds the mentions that cue verbs
        attribute speech to, so a lone surname ('Obama said') counts as a person."""
        body = article.body
        index = cls(body=body)
        head = [article.title, article.standfirst or ""]
        for offset, text in zip((-2, -1), head, strict=True):
            for mention in person_mentions(text):
                index._add(mention.text, offset)
        for mention in person_mentions(body):
            if not _inside(mention.start, quoted):
                index._add(mention.text, mention.start)
                index._note_role(body, mention.start, mention.key)
        index._add_single_names(body, quoted)
        index._add_lone_speakers(speakers)
        return index

    def _add_lone_speakers(self, speakers: Iterable[tuple[str, int]]) -> None:
        taken = set(self.positions)
        found = []
        for mention, position in speakers:
            word = strip_possessive(mention.strip())
            low = fold(word)
            if (
                position not in taken
                and LONE_NAME_RE.fullmatch(word)
                and low not in NOT_NAMES
                and low not in ROLE_NOUNS
            ):
                found.append((position, self._register(word)))
        self._remember(found)

    def _add(self, name: str, position: int) -> None:
        self._remember([(position, self._register(name))])

    def _register(self, name: str) -> str:
        """Count a form of a person's name; returns the person's key."""
        key = name_key(name)
        self.forms[key].append(name)
        parts = key.split()
        self.by_part[parts[-1]].add(key)
        self.by_part[parts[0]].add(key)
        return key

    def _remember(self, found: list[tuple[int, str]]) -> None:
        """Add mentions (position, key), keeping positions sorted: appended when they come
        in reading order (the common case), else merged in one sort (inserting one at a time
        is quadratic in a long text of names)."""
        if not found:
            return
        self.timeline = None
        if (not self.positions or found[0][0] >= self.positions[-1]) and found == sorted(found):
            self.positions += [position for position, _ in found]
            self.keys_at += [key for _, key in found]
            return
        merged = sorted([*zip(self.positions, self.keys_at, strict=True), *found], key=_first)
        self.positions = [position for position, _ in merged]
        self.keys_at = [key for _, key in merged]

    def _note_role(self, body: str, start: int, key: str) -> None:
        before = body[max(0, start - 40) : start].split()[-3:]
        for word in before:
            if role := _role(word):
                self.roles[role] = key

    def _add_single_names(self, body: str, quoted: list[tuple[int, int]]) -> None:
        """Each surname or first name said alone ('Klopp said') is a mention of its person;
        one shared by two people ('Clinton') of the one named last before it."""
        owners: dict[str, set[str]] = {}  # surface form (possessive too) -> the people's keys
        for forms in self.forms.values():
            for word in {w for form in forms for w in form.split()}:
                keys = self.by_part.get(fold(word))
                if keys:
                    owners[word] = owners[word + "’s"] = owners[word + "'s"] = keys
        if not owners:
            return
        full_names = _Timeline(self.positions, self.keys_at)
        taken = set(self.positions)
        owner_of = owners.get
        found = []
        for match in CAPITALISED_RE.finditer(body):
            keys = owner_of(match.group())
            if keys and (at := match.start()) not in taken and not _inside(at, quoted):
                found.append((at, full_names.last_named(keys, at)))
        self._remember(found)

    def _bare_name_opening(self, start: int, end: int) -> str | None:
        """A sentence opened by one capitalised name we know nothing else of ('Perez
        hammered ...'): taken as its subject."""
        match = BARE_NAME_RE.match(self.body, start, end)
        if not match or fold(match.group(1)) in NOT_NAMES:
            return None
        return match.group(1)

    def _sentence_start(self, position: int) -> int | None:
        if position < 0:
            return None
        # the sentence start lies within SENTENCE_WINDOW of `position`: read no more of a
        # long line (a few characters more, for the abbreviation test at the window's edge)
        floor = max(0, position - SENTENCE_WINDOW - 8)
        newline = self.body.rfind("\n", floor, position)
        line_start = newline + 1 if newline >= 0 else floor
        return line_start + last_sentence(self.body[line_start:position])

    def display(self, key: str) -> str:
        if key not in self.forms:
            return key
        if key not in self.shown:
            self.shown[key] = preferred_form(self.forms[key])
        return self.shown[key]

    def last_person_before(self, position: int, sentence_start: int | None = None) -> str | None:
        """The person a pronoun at `position` refers to: the first person named earlier in
        its own sentence (the subject: 'Cross said he ...'), else the last one named."""
        at = bisect.bisect_left(self.positions, position)
        if sentence_start is not None:
            first = bisect.bisect_left(self.positions, sentence_start)
            opening = first < at and self.body[sentence_start : self.positions[first]].strip()
            subject = sentence_subject(self.body, sentence_start, position) if opening else None
            if subject and self.positions[first] < subject[0] < position:
                # "With a vote for Trump ruled out, Cross said he ...": the subject, not a
                # name in the opening phrase
                named = bisect.bisect_left(self.positions, subject[0])
                if named < at and self.positions[named] < subject[1]:
                    return self.display(self.keys_at[named])
            if first < at:
                return self.display(self.keys_at[first])
            if opener := self._bare_name_opening(sentence_start, position):
                return opener  # "Perez hammered Trump, ... whom he described"
            # Else the subject of the sentence before (centering: 'Klopp said he had spoken
            # to Salah. "...," he said.' -> Klopp, not Salah).
            previous_start = self._sentence_start(sentence_start - 1)
            if previous_start is not None and sentence_start - previous_start > 1:
                first = bisect.bisect_left(self.positions, previous_start)
                if first < at and self.positions[first] < sentence_start:
                    return self.display(self.keys_at[first])
        return self.display(self.keys_at[at - 1]) if at else None

    def resolve(self, mention: str, position: int) -> str | None:
        """The person (or organisation) a mention names, or None when nothing supports one."""
        low = fold(mention).strip()
        if low in ("he", "she", "his", "her"):
            return self.last_person_before(position, self._sentence_start(position))
        if low in ("it", "they", "its", "their"):
            return self._organisation_subject(position)
        if low in PRONOUNS:
            return None
        if low in RELATIVE_PRONOUNS:
            antecedent = subject_before(self.body, position)
            if antecedent is None or fold(self.body[slice(*antecedent)]) in RELATIVE_PRONOUNS:
                return None
            return self.resolve(self.body[slice(*antecedent)], antecedent[0])
        for person in person_mentions(mention):
            return self.display(person.key) if person.key in self.forms else person.text
        for word in CAPITALISED_RE.findall(mention):
            keys = self.by_part.get(fold(strip_possessive(word)))
            if keys:  # "Clinton" when both Bill and Hillary Clinton are named: the last
                return self.display(self._timeline().last_named(keys, position))
        for word in reversed(low.split()):
            if word in self.roles:
                return self.display(self.roles[word])
        titled = TITLED_RE.match(mention)
        if titled:  # "Mrs. Clinton", "Sen. Sanders": a person we only know by surname
            return titled.group(1)
        return _organisation(mention)

    def _organisation_subject(self, position: int) -> str | None:
        """'The Security Council ... to what it called': the organisation that is the
        subject of the pronoun's own sentence."""
        start = self._sentence_start(position)
        span = sentence_subject(self.body, start, position) if start is not None else None
        if span is None or span[1] > position:
            return None
        named = LEADING_NAME_RE.match(self.body, *span)  # not "... Council on Friday"
        if named is None or fold(strip_possessive(named.group().strip())) in PRONOUNS:
            return None  # "It’s denouncing what it calls ...": no name to give
        return _organisation(named.group().strip())


def _organisation(mention: str) -> str | None:
    words = mention.split()
    while words and fold(words[0]) in DETERMINERS:
        words = words[1:]
    named = [w for w in words if w[:1].isupper()]
    return " ".join(words) if named and len(named) == len(words) else None


class _Timeline:
    """Where each person is named (their mentions' indexes in positions/keys_at), to find
    the one of several named last before a point without reading every mention before it."""

    def __init__(self, positions: list[int], keys_at: list[str]) -> None:
        self.indexes: dict[str, list[int]] = defaultdict(list)
        self.positions: dict[str, list[int]] = defaultdict(list)
        for index, (position, key) in enumerate(zip(positions, keys_at, strict=True)):
            self.indexes[key].append(index)
            self.positions[key].append(position)

    def last_named(self, keys: set[str], position: int) -> str:
        """The person a name names: the only one, or of several sharing it the one named
        last before `position`, else the one named most often."""
        if len(keys) == 1:
            return next(iter(keys))
        last, latest = None, -1
        for key in keys:
            before = bisect.bisect_left(self.positions.get(key, ()), position)
            if before and self.indexes[key][before - 1] > latest:
                last, latest = key, self.indexes[key][before - 1]
        if last is not None:
            return last
        return max(sorted(keys), key=lambda key: len(self.indexes.get(key, ())))


@lru_cache(maxsize=16384)
def _role(word: str) -> str | None:
    """The role noun a word is ('coach', 'Coach,'), if any."""
    low = fold(word).strip(",.")
    return low if low in ROLE_NOUNS else None


def _first(pair: tuple[int, str]) -> int:
    return pair[0]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `position` falls in one of `spans` (sorted by start, not overlapping)."""
    at = bisect.bisect_right(spans, (position, math.inf)) - 1
    return at >= 0 and spans[at][0] <= position < spans[at][1]


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map every speaker name of a story to one canonical form per person."""
    groups: dict[str, list[str]] = defaultdict(list)
    distinct = sorted(set(names), key=lambda n: -len(n.split()))
    for name in distinct:
        key = name_key(name)
        parts = key.split()
        if len(parts) == 1:
            owners = {k for k in groups if parts[0] in (k.split()[0], k.split()[-1])}
            key = owners.pop() if len(owners) == 1 else key
        groups[key].append(name)
    return {name: preferred_form(forms) for forms in groups.values() for name in forms}
