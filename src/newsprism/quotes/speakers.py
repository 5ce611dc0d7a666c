"""People named in an article, and one canonical name per person.

Within an article: full names are collected first, then surnames and first names alone are
tied to them, roles ("Atalanta coach Gian Piero Gasperini") remembered, and "he"/"she"
resolved to the person last named outside quotes. Across a story: "Jurgen Klopp", "Jürgen
Klopp" and "Klopp" become one speaker.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from newsprism.model import Article
from newsprism.names import (
    FEMALE,
    MALE,
    MONTHS,
    NOT_PERSON_WORDS,
    PARTICLES,
    SENTENCE_STARTERS,
    NameMention,
    common_words,
    credit_words,
    first_name_gender,
    first_said_alone,
    is_demonym,
    is_first_name,
    modifier_compound,
    name_key,
    numbered,
    person_mentions,
    place_table,
    strip_possessive,
    without_shouted,
)
from newsprism.quotes.attribution import (
    CUE_WORD_RE,
    DETERMINERS,
    INVERTING_CUES,
    NOT_SUBJECT_BEFORE,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SENTENCE_WINDOW,
    WEEKDAYS,
    after_appositive,
    last_sentence,
    sentence_subject,
    subject_before,
    verb_like,
    word_after,
)
from newsprism.quotes.authors import document_author
from newsprism.quotes.descriptors import (
    COVERS,
    OFFICES,
    QUALIFIERS,
    STATE_NAMES,
    Phrase,
    appositive,
    description_before,
    head_and_modifiers,
    head_held,
    holds_other_office,
    introduced_unnamed,
    last_unnamed,
    last_unnamed_definite,
    normal_word,
    party_label,
    premodifier,
    satisfies,
    states_in,
)
from newsprism.text import fold

CAPITALISED_RE = re.compile(r"[A-Z][\w’'\-]+")
NAME_RUN_RE = re.compile(r"[A-Z][\w’'\-.]*(?:[^\S\n][A-Z][\w’'\-.]*)*")
LONE_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"  # "Klopp", "Ocasio-Cortez"
LONE_NAME_RE = re.compile(LONE_NAME)
BARE_NAME_RE = re.compile(f"({LONE_NAME}) [a-z]")
NOT_NAMES = NOT_PERSON_WORDS | SENTENCE_STARTERS | MONTHS


def _leading_name_re(joiners: str) -> re.Pattern[str]:
    """Capitalised words at a text's start, going on over the small words `joiners`."""
    return re.compile(
        rf"(?:[Tt]he\s+)?[A-Z][\w.&’'\-]*(?:\s+(?:(?:{joiners})\s+)?[A-Z][\w.&’'\-]*)*\s*"
    )


LEADING_NAME_RE = _leading_name_re("of|for|&")  # "Syrian Observatory for Human Rights"
# "Customs and Border Protection" (a body's name; "Bauer and Fattal" is two people)
LEADING_BODY_RE = _leading_name_re("of|for|and|&")
PERSONAL_TITLES = (
    r"Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Prof|Gen|Sir|Dame|President|Senator|Governor|"
    r"Mayor|Judge|Justice|Secretary|Speaker"
)
TITLED_RE = re.compile(rf"^(?:{PERSONAL_TITLES})\.?\s+([A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+)?)$")
# A title and one capitalised word, no more ("Mr. Trump", "President Biden"): a person known
# by surname.
TITLED_SURNAME_RE = re.compile(
    rf"({PERSONAL_TITLES})\.?[^\S\n]+({LONE_NAME})\b(?![^\S\n]*[A-Z’'\-])"
)
TITLE_GENDER = {"mr": MALE, "sir": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE,
                "dame": FEMALE}  # fmt: skip
# A party and state label ("R-S.C.", "D-Ariz", "I-Vt."): never a speaker of its own.
PARTY_LABEL_RE = re.compile(r"[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?")
# "(R-SC)", "(D-Ill.)", "(Maine)" after a name: a label of it, no part of it.
PARENTHESIS_RE = re.compile(r"\s*\([^()]*\)\s*$")
PRONOUN_GENDER = {"he": MALE, "his": MALE, "him": MALE, "himself": MALE, "she": FEMALE,
                  "her": FEMALE, "herself": FEMALE}  # fmt: skip
GENDERED_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]imself|[Hh]erself)\b")
DESCRIBED_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+[a-z]")  # someone else, unnamed
GENDER_WINDOW = 200  # characters after a name read for the pronouns that take it up
# A name set off by commas after a description: two to four capitalised words, then a comma.
APPOSITIVE_NAME_RE = re.compile(r", ([A-Z][\w’'\-.]*(?:[^\S\n][A-Z][\w’'\-.]*){1,3}),")
# A name after a comma that ends the sentence: 'said the manager, Eric Schorer.'
CLOSING_NAME_RE = re.compile(
    r", ([A-Z][\w’'\-.]*(?:[^\S\n][A-Z][\w’'\-.]*){0,2}[^\S\n][A-Z][\w’'\-]+)\.(?=\s|$)"
)  # its last word no initial: 'Andrew J. Pincus of ...' does not end at 'J.'
PERSONAL_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
MAX_ROLE_HOLDERS = 20  # the latest people named with a role that a description may mean
MAX_PRONOUN_CHAIN = 2  # pronouns followed back, sentence by sentence, to a person
MAIN_PERSON_RATIO = 2  # how much more often than anyone the article's main person is named
FOCUS_SENTENCES = 3  # sentences read back for the person a pronoun takes up


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
    roles: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    genders: dict[str, str] = field(default_factory=dict)
    # People whose gender is only their first name's in the name list, which the article's
    # own titles overrule ('Mr Love' of Lauri Love, a man's name in Finnish).
    listed_genders: set[str] = field(default_factory=set)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    lower: LowerCaseWords = field(default_factory=lambda: LowerCaseWords(""))
    positions: list[int] = field(default_factory=list)
    keys_at: list[str] = field(default_factory=list)
    body: str = ""
    standfirst: str = ""
    title: str = ""
    shown: dict[str, str] = field(default_factory=dict)
    timeline: _Timeline | None = None  # of positions/keys_at, built when first needed
    # Folded name parts the body says alone before it names, in full, some people who bear
    # them: those people are not who the part alone means (see `_introduce_late_names`).
    late: dict[str, set[str]] = field(default_factory=dict)
    # Whom quotes were attributed to so far: (mention start, mention end, a person's key or
    # an organisation's name, whether a person), sorted; the speaker in focus for what follows.
    speakers: list[tuple[int, int, str, bool]] = field(default_factory=list)
    # What the article says each person is (see `descriptors`): key -> phrases, all words;
    # read when a description is first resolved (most articles never resolve one).
    phrases: dict[str, list[Phrase]] = field(default_factory=lambda: defaultdict(list))
    described: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    descriptors_read: bool = False
    titles: set[str] = field(default_factory=set)  # the last words of titles before names
    # Lines of the body that are headings (a link to another story, "George Takei: Terrorist
    # Trump must resign now"): no one is introduced there, and no one later refers back to
    # a mention there.
    headings: list[tuple[int, int]] = field(default_factory=list)
    # Genders the pronouns give the people without one (see `_pronoun_gender`), as they are
    # asked; None while the index is built (the pronouns are read only of the whole index).
    pronoun_genders: dict[str, str | None] | None = None
    pronouns: list[int] | None = None  # where 'he', 'she', 'his' ... stand in the body
    mentions_of: dict[str, list[int]] | None = None
    # The names the headline and standfirst give (line, where the name starts, key): what a
    # title there says a person is ('President Biden announced ...') describes them too.
    head_names: list[tuple[str, int, str]] = field(default_factory=list)

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
        index = cls(
            body=body,
            standfirst=article.standfirst or "",
            title=article.title or "",
            quoted=quoted,
            lower=LowerCaseWords(body),
        )
        index.headings = _heading_lines(body)
        head = [article.title, article.standfirst or ""]
        for offset, text in zip((-2, -1), head, strict=True):
            for mention in person_mentions(text):
                name = _without_lower_case_words(mention.text, index.lower)
                if name and (name := _headline_name(name, text, body)):
                    index._add(name, offset)
                    if not _title_case(text):  # every word capitalised: no title read
                        start = mention.end - len(name)
                        index.head_names.append((text, start, name_key(name)))
        named = []  # (position, key) in reading order, remembered at once
        things: dict[str, bool] = {}
        for mention in person_mentions(body):
            name = _without_lower_case_words(mention.text, index.lower)
            if name and fold(name.split()[0]) in PARTICLES:
                continue  # 'De la Renta': a surname alone, not a person of its own
            if name and name_key(name) in place_table():
                continue  # 'Des Moines': a place
            if name and _named_thing(body, mention.end - len(name), name):
                continue  # 'the Boulder Daily Camera', 'the U.S. Navy'
            if name and things.setdefault(name, _taken_up_as_thing(body, name)):
                continue  # 'Qatar Airways, which ...': no one's name
            if numbered(body, mention.end):
                continue  # 'Malaysia Airlines Flight 17', 'Apollo 11': a thing numbered
            if _inside(mention.start, index.headings):
                continue  # "Facebook AI 'will identify terrorists'": a link to another story
            if name and not _inside(mention.start, quoted):
                start = mention.end - len(name)  # the name is a suffix of the mention
                named.append((start, index._register(name)))
                index._note_role(body, start, name_key(name))
        index._remember(named)
        index._introduce_late_names(body)
        index._genders_from_titles(body)
        index._add_titled_surnames(body, quoted)
        index._add_lone_speakers(speakers)  # before single names: each mention of them counts
        index._add_single_names(body, quoted)
        index.pronoun_genders = {}  # read person by person, when a pronoun's gender is asked
        return index

    def _read_descriptors(self) -> None:
        """Each person's descriptors where the body, the standfirst or the headline names
        them: a title or role before the name, a party and state label and an appositive
        after it, a role of somewhere set off by a comma before it."""
        if self.descriptors_read:
            return
        self.descriptors_read = True
        for position, key in zip(self.positions, self.keys_at, strict=True):
            if position >= 0:  # the headline's are read from its own text
                self._describe(self.body, position, key)
        for text, position, key in self.head_names:
            self._describe(text, position, key)

    def _describe(self, text: str, position: int, key: str) -> None:
        """The descriptors of the person `key` named at text[position]."""
        end = name_run_end(text, position)
        possessive = OWNER_SPLIT_RE.search(text, position, end)
        end = possessive.start() if possessive else end  # "Vanity Fair’s John Heilpern"
        before = premodifier(text, position)
        if before and before[-1] in {normal_word(part) for part in key.split()}:
            return  # "Kennedy" of "Jackie Kennedy": described where the name starts
        label, end = party_label(text, end)
        if before:
            self.titles.add(before[-1])
        after = appositive(text, end)
        for words in (before, label, after, description_before(text, position)):
            if words:
                self.phrases[key].append(Phrase(frozenset(words)))
                self.described[key].update(words)
                self.described[key].update(states_in(words))

    def _introduce_late_names(self, body: str) -> None:
        """News names a person in full and then by surname, so a surname (or a first name)
        said alone before a full name that bears it means someone the reader is taken to know
        ('President Trump warned ... first lady Melania Trump'; 'Google said ... Google
        Books'): that later full name is never what the word alone names."""
        introduced: dict[str, int] = {}
        for position, key in zip(self.positions, self.keys_at, strict=True):
            if " " in key:
                introduced.setdefault(key, position)
        if not introduced:
            return
        said = first_said_alone(body[: max(introduced.values())], set(self.by_part))
        for part, keys in self.by_part.items():
            late = {k for k in keys if part in said and said[part] < introduced.get(k, -1)}
            if late:
                self.late[part] = late

    def _part_owners(self, part: str) -> set[str]:
        """The people named in full with this word (folded) in their name, but those named so
        only after the word was said alone."""
        keys = self.by_part.get(part, set())
        return keys - self.late[part] if part in self.late else keys

    def _add_titled_surnames(self, body: str, quoted: list[tuple[int, int]]) -> None:
        """'Mr. Trump', 'President Biden': a person by surname, unless a person named in full
        with that surname may be meant (a title of the other sex rules one out: 'Mr. Trump'
        is not Melania Trump; a title of no sex, one named only later: 'President Obama'
        opening an article is not the Michelle Obama it names further on)."""
        named = _Timeline(self.positions, self.keys_at)  # the names in full, read once
        found = []
        for match in TITLED_SURNAME_RE.finditer(body):
            title, surname = fold(match.group(1)), match.group(2)
            glued = match.start() and _word_char(body[match.start() - 1])  # "AMr. X"
            not_a_name = fold(surname) in NOT_NAMES and fold(surname) not in MONTHS  # 'Mrs May'
            if glued or _inside(match.start(), quoted) or not_a_name:
                continue
            gender, at = TITLE_GENDER.get(title), match.start(2)
            owners = {k for k in self._part_owners(fold(surname)) if self.agrees(k, gender)}
            if gender is None and not named.any_before(owners, at):
                owners = set()  # "President Obama" before any Obama is named: not Michelle
            if owners:
                key = named.last_named(owners, at)
            else:
                key = self._register(surname)
                if gender:
                    self.genders.setdefault(key, gender)
            found.append((at, key))
            if title in ROLE_NOUNS:
                self._note_role_at(title, at, key)
        self._remember(found)

    def _genders_from_titles(self, body: str) -> None:
        """Each person's gender as the article's own titles give it: 'Mr Love' after Lauri
        Love is named, quoted or not, makes Lauri Love a man whatever the name list says of
        'Lauri'. The title is of the person of that surname named last before it; a person
        given titles of both sexes keeps the list's word."""
        named = _Timeline(self.positions, self.keys_at)
        titled: dict[str, set[str]] = defaultdict(set)
        for match in TITLED_SURNAME_RE.finditer(body):
            gender = TITLE_GENDER.get(fold(match.group(1)))
            owners = self._part_owners(fold(match.group(2))) if gender else set()
            owners = {key for key in owners if key.rsplit(" ", 1)[-1] == fold(match.group(2))}
            if owners and named.any_before(owners, match.start()):
                titled[named.last_named(owners, match.start())].add(gender)
        for key, genders in titled.items():
            if len(genders) == 1 and key in self.listed_genders:
                self.genders[key] = next(iter(genders))
                self.listed_genders.discard(key)  # the article's word, no longer the list's

    def _pronoun_gender(self, key: str) -> str | None:
        """A person's gender as the article's pronouns give it: 'Bobby Goodlatte wrote on
        Twitter, where he describes himself': a sentence whose subject is the one person it
        names and that then says 'he' or 'his' (outside quotes, before any description of
        someone else: 'Conway said the president chose Whitaker because he') is of a man,
        when no such sentence says otherwise. Only for people the name list and titles know
        nothing of; worked out the first time it is asked (most people's never is)."""
        assert self.pronoun_genders is not None
        if key in self.pronoun_genders:
            return self.pronoun_genders[key]
        if self.pronouns is None:
            self.pronouns = [m.start() for m in GENDERED_PRONOUN_RE.finditer(self.body)]
        pronouns, votes, voters = self.pronouns, set(), 0
        for index in self._mentions_of().get(key, ()):
            position = self.positions[index]
            following = bisect.bisect_right(pronouns, position)
            if following == len(pronouns) or pronouns[following] > position + GENDER_WINDOW:
                continue  # no pronoun near: most names, read no further
            if position >= 0 and not _inside(position, self.quoted):
                said = self._genders_said_after(self.body, index, position)
                votes |= said
                voters += bool(said)
        # The name list's gender is overruled only by two mentions that agree ('Yu Darvish,
        # ... in his sixth season' ... 'Darvish said through his interpreter')
        enough = voters >= 2 or key not in self.listed_genders
        gender = next(iter(votes)) if len(votes) == 1 and enough else None
        self.pronoun_genders[key] = gender
        return gender

    def _mentions_of(self) -> dict[str, list[int]]:
        """Each person's mentions: their indexes in `positions`, in reading order."""
        if self.mentions_of is None:
            self.mentions_of = defaultdict(list)
            for index, key in enumerate(self.keys_at):
                self.mentions_of[key].append(index)
        return self.mentions_of

    def _genders_said_after(self, body: str, index: int, position: int) -> set[str]:
        """The genders of the pronouns after the mention at `position` (the index-th) that
        take it up: in its sentence, whose subject it is and which names no one else before
        them."""
        stop = SENTENCE_END_RE.search(body, position, position + GENDER_WINDOW)
        end = stop.start() if stop else min(len(body), position + GENDER_WINDOW)
        start = self._sentence_start(position)
        if start is None or (index and self.positions[index - 1] >= start):
            return set()  # someone else is named earlier in the sentence (or this is a name's
            # surname, counted with the name)
        name_end = self._name_end(position)
        if not self._subject_at(position, name_end, end):
            return set()  # 'lawyer George T. Conway III, in which he': whose 'he' is unclear
        after = bisect.bisect_left(self.positions, name_end)  # past the name's own surname
        if after < len(self.positions):
            end = min(end, self.positions[after])
        if described := DESCRIBED_RE.search(body, name_end, end):
            end = described.start()
        return {
            PRONOUN_GENDER[fold(pronoun.group())]
            for pronoun in GENDERED_PRONOUN_RE.finditer(body, name_end, end)
            if not _inside(pronoun.start(), self.quoted)
        }

    def agrees(self, key: str, gender: str | None) -> bool:
        """Whether the person `key` may be referred to as `gender` (unknown agrees). Once the
        index is built, a person the name list and titles give no gender may have one from
        the article's pronouns."""
        if gender is None:
            return True
        known = self.genders.get(key)
        if self.pronoun_genders is not None and (known is None or key in self.listed_genders):
            known = self._pronoun_gender(key) or known
        return known is None or known == gender

    def naming_words(self, speaker: str) -> frozenset[str]:
        """The words that may stand for a person named in the article (folded): the parts
        of their name and the pronouns that agree with them; none for anyone else."""
        key = name_key(speaker)
        if key not in self.forms:
            return frozenset()
        pronouns = (p for p, gender in PRONOUN_GENDER.items() if self.agrees(key, gender))
        return frozenset([*key.split(), *pronouns])

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
                and not self._part_owners(low)  # a part of a full name: a single name of theirs
                and not _sentence_opening_noun(word, low, self.body)
            ):
                found.append((position, self._register(word)))
        self._remember(found)

    def _add(self, name: str, position: int) -> None:
        self._remember([(position, self._register(name))])

    def _register(self, name: str) -> str:
        """Count a form of a person's name; returns the person's key."""
        key = name_key(name)
        self.forms[key].append(name)
        gender = first_name_gender(key.split()[0]) if " " in key else None
        if gender and key not in self.genders:
            self.genders[key] = gender
            self.listed_genders.add(key)
        parts = key.split()
        self.by_part[parts[-1]].add(key)
        self.by_part[parts[0]].add(key)
        return key

    def _remember(self, found: list[tuple[int, str]]) -> None:
        """Add mentions (position, key), keeping positions sorted: appended when they come
        in reading order (the common case), else merged in one sort (inserting one at a time
        is quadratic in a long text of names)."""
        if self.headings:
            found = [(at, key) for at, key in found if not _inside(at, self.headings)]
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
        floor = max(0, start - 40)
        if OF_SOMEONE_RE.search(body, floor, start):
            return  # "the son of Bob Goodlatte": the role is someone else's
        for word in body[floor:start].split()[-3:]:
            if role := _role(word):
                self._note_role_at(role, start, key)

    def _note_role_at(self, role: str, position: int, key: str) -> None:
        bisect.insort(self.roles[role], (position, key))

    def _several_people(self, mention: str) -> bool:
        """'Craig Zadan and Neil Meron', 'Zadan and Meron': people joined by 'and', each a
        full name or a surname of someone the article names ('Health and Human Services' is
        one body)."""
        parts = [part.strip(" ,") for part in re.split(r",|\band\b", mention)]
        return len(parts) > 1 and all(self._one_person(part) for part in parts)

    def _several_named(self, mention: str) -> bool:
        """'the FDA and CDC', 'Facebook and Twitter', 'Canada and Mexico': names joined by
        'and', each of which the article writes on its own elsewhere (a group of bodies or
        places, no one speaker; 'Customs and Border Protection' is one body)."""
        joined = DETERMINER_RE.sub("", mention)
        if not re.search(r"\s(?:and|&)\s", joined):
            return False  # "Apple's chief executive, Tim Cook": one, described
        parts = [part.strip(" ,") for part in re.split(r",|\s(?:and|&)\s", joined)]
        return len(parts) > 1 and all(
            part[:1].isupper() and self._written_alone(part) for part in parts
        )

    def _written_alone(self, name: str) -> bool:
        """Whether the body writes `name` somewhere not joined to another name by 'and'."""
        pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])(?!\s+(?:and|&)\s+[A-Z])"
        for found in re.finditer(pattern, self.body):
            before = self.body[max(0, found.start() - 5) : found.start()]
            if not re.search(r"(?:and|&)\s+$", before):
                return True
        return False

    def _one_person(self, words: str) -> bool:
        named = next(person_mentions(words), None)
        if named is not None and named.text == words:
            return True
        return LONE_NAME_RE.fullmatch(words) is not None and bool(self._bare_owners(fold(words)))

    def _role_holder(self, role: str, position: int, ruled_out: set[str]) -> str | None:
        """Of the people named with `role` before `position`, the one mentioned last (by any
        name: 'Judge Rowland Barnes ... Judge James Bodiford ... said Bodiford. The judge
        offered' is Bodiford); none before, the first named with it after."""
        held = [(at, key) for at, key in self.roles[role] if key not in ruled_out]
        if not held:
            return None  # "the two-term president" of a vice president only: read on
        at = bisect.bisect_left(held, (position, ""))
        if not at:
            return held[0][1]
        recent = held[max(0, at - MAX_ROLE_HOLDERS) : at]  # bounded: linear in the article
        return self._timeline().last_named({key for _, key in recent}, position)

    def _bare_owners(self, word: str) -> set[str]:
        """The people a word alone names: those whose surname it is, or whose first name it is
        when it is a known first name ('Hillary'). A name's first word otherwise may be a
        family name ('President Tsai' of Tsai Ing-wen), named so only after a title, or a
        maker's ('Google' of 'Google Search')."""
        keys = self._part_owners(word)
        if is_first_name(word):
            return keys
        return {key for key in keys if key.rsplit(" ", 1)[-1] == word}

    def _add_single_names(self, body: str, quoted: list[tuple[int, int]]) -> None:
        """Each surname or first name said alone ('Klopp said') is a mention of its person;
        one shared by two people ('Clinton') of the one named last before it."""
        owners: dict[str, set[str]] = {}  # surface form (possessive too) -> the people's keys
        named: set[str] = set()  # the forms' own words
        for forms in self.forms.values():
            for word in {w for form in forms for w in form.split()}:
                keys = self._bare_owners(fold(word))
                if keys:
                    owners[word] = owners[word + "’s"] = owners[word + "'s"] = keys
                    named.add(word)
        if not owners:
            return
        full_names = _Timeline(self.positions, self.keys_at)
        taken = set(self.positions)
        words = _capitalised_words(body, named)  # a possessive opens with its word
        found = [
            (at, full_names.last_named(owners[word], at))
            for at, word in sorted(words.items())
            if word in owners and at not in taken and not _inside(at, quoted)
        ]
        self._remember(found)

    def _bare_name_opening(self, start: int, end: int) -> str | None:
        """A sentence opened by one capitalised name we know nothing else of ('Perez
        hammered ...'): taken as its subject; a role ('Aides said') is no name."""
        match = BARE_NAME_RE.match(self.body, start, end)
        if not match or _inside(start, self.quoted) or _common(match.group(1)):
            return None
        if fold(match.group(1)) in place_table() or is_demonym(match.group(1)):
            return None  # "Singapore is much wealthier than Canada", "Russian radars spotted"
        if fold(match.group(1)) in ROLE_NOUNS:
            return None
        return match.group(1)

    def _sentence_start(self, position: int) -> int | None:
        """Where the sentence holding `position` starts; a stop inside a quote ends no
        sentence of the text around it ('“It is naive. By doing so ...,” he said')."""
        if position < 0:
            return None
        start = self._line_sentence_start(position)
        quote = _quote_holding(start, self.quoted)
        if quote is not None and quote[0] < start:
            return self._line_sentence_start(quote[0])
        return start

    def _line_sentence_start(self, position: int) -> int:
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

    def last_person_before(
        self, position: int, sentence_start: int | None = None, gender: str | None = None
    ) -> str | None:
        """The person a pronoun at `position` refers to: the first person named earlier in
        its own sentence (the subject: 'Cross said he ...'), else the last one named; never
        one of the other sex ('she' is not Alejandro Giammattei)."""
        found = self._person_before(position, sentence_start, gender)
        if found is not None and found in self.forms and not self.agrees(found, gender):
            # "Fiorina wrote, she ...": of Carly and Frank Fiorina, the one who agrees
            namesakes = {k for k in self.by_part[found.split()[-1]] if self.agrees(k, gender)}
            found = self._timeline().last_named(namesakes, position) if namesakes else None
            found = found or self._last_agreeing(position, gender)
        elif found is None:
            found = self._last_agreeing(position, gender)
        return None if found is None else self.display(found)

    def _cue_subject(self, start: int, end: int) -> str | None:
        """The person a speech cue in body[start:end] attributes words to: named right after
        it ('said Rick Tyler') or right before it ('Rick Tyler said')."""
        first, last = (bisect.bisect_left(self.positions, at) for at in (start, end))
        if first == last:
            return None
        # Not find_cues: its cache is the attribution's, kept for whole paragraphs.
        for cue in CUE_WORD_RE.finditer(self.body, start, end):
            cue_start, cue_end = cue.start(), cue.end()
            inverting = cue.group() in INVERTING_CUES
            for index in range(first, last):
                at, key = self.positions[index], self.keys_at[index]
                if self._possessive(at):
                    continue  # "said Perry's nomination", "Biden’s calls for": no speaker
                if inverting and _next_to(self.body, cue_end, at):
                    return key  # "said Rick Tyler", not "accusing Rick Tyler"
                if at < cue_start < at + 60 and _next_to(self.body, self._name_end(at), cue_start):
                    return key  # "Rick Tyler said"
        return None

    def _possessive(self, position: int) -> bool:
        """Whether the name written at `position` is possessive ('Biden’s calls')."""
        return self.body[self._name_end(position) - 2 :][:2] in ("’s", "'s")

    def _name_end(self, position: int) -> int:
        """Where the name written at `position` ends ('Cummings' of a person shown as
        'Elijah Cummings')."""
        return name_run_end(self.body, position)

    def _last_agreeing(self, position: int, gender: str | None) -> str | None:
        for at in range(bisect.bisect_left(self.positions, position) - 1, -1, -1):
            if self.agrees(self.keys_at[at], gender):
                return self.keys_at[at]
        return None

    def _person_before(
        self, position: int, sentence_start: int | None, gender: str | None, depth: int = 0
    ) -> str | None:
        """The key (or, for a sentence opened by an unknown name, the name) a pronoun at
        `position` refers to by position (and, in the sentence before, grammatical role)."""
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
                    return self.keys_at[named]
            if first < at and (
                found := self._pronoun_subject_person(subject, sentence_start, gender, depth)
            ):
                return found
            if first < at:
                return self.keys_at[first]
            if opener := self._bare_name_opening(sentence_start, position):
                return opener  # "Perez hammered Trump, ... whom he described"
            if found := self._earlier_sentence_person(sentence_start, gender, depth):
                return found
        return self.keys_at[at - 1] if at else None

    def _pronoun_subject_person(
        self, subject: tuple[int, int] | None, sentence_start: int, gender: str | None, depth: int
    ) -> str | None:
        """The person a pronoun means when its sentence's subject is a pronoun of the same
        sex: that subject's, of the sentences before ('He ran the CIA's bin Laden unit ...
        “...,” he told' is Martin of the sentence before, not bin Laden, named first after
        the subject)."""
        if subject is None or gender is None or depth >= MAX_PRONOUN_CHAIN:
            return None
        written = fold(self.body[subject[0] : subject[1]])
        if PERSONAL_PRONOUN_RE.fullmatch(written) is None or PRONOUN_GENDER[written] != gender:
            return None
        return self._earlier_sentence_person(sentence_start, gender, depth + 1)

    def _earlier_sentence_person(
        self, sentence_start: int, gender: str | None, depth: int
    ) -> str | None:
        """The person in focus in the nearest sentence before `sentence_start` that names
        one, past a few that name no one ('Mitt Romney spoke in Ohio, where Paul Ryan joined
        him. The crowd cheered. “...,” he said' -> Romney, not the last named)."""
        start = sentence_start
        for _ in range(FOCUS_SENTENCES):
            if found := self._previous_sentence_person(start, gender, depth):
                return found
            previous = self._sentence_start(start - 1)
            if previous is None or start - previous <= 1:
                return None
            start = previous
        return None

    def _previous_sentence_person(
        self, sentence_start: int, gender: str | None, depth: int = 0
    ) -> str | None:
        """The person in focus in the sentence before the one at `sentence_start` (centering:
        'Klopp said he had spoken to Salah. "...," he said.' -> Klopp, not Salah): the one a
        cue names, else the one in subject position, else the first named."""
        previous_start = self._sentence_start(sentence_start - 1)
        if previous_start is None or sentence_start - previous_start <= 1:
            return None
        if speaker := self._cue_subject(previous_start, sentence_start):
            return speaker  # "..., said Rick Tyler, a consultant. “...,” he said"
        if subject := self._subject_person(previous_start, sentence_start, gender, depth):
            return subject
        first = bisect.bisect_left(self.positions, previous_start)
        if first < len(self.positions) and self.positions[first] < sentence_start:
            return self.keys_at[first]
        return None

    def _subject_person(self, start: int, end: int, gender: str | None, depth: int) -> str | None:
        """The first person in subject position in body[start:end] (a name or a pronoun
        followed by its verb) who may be of `gender`, a pronoun followed back to its person:
        'Aides said he hoped to push back against Mr. Macron's pleas' -> he -> his person.
        Only the people named there and the pronouns are read, not every word."""
        first, last = (bisect.bisect_left(self.positions, at) for at in (start, end))
        pronouns = list(PERSONAL_PRONOUN_RE.finditer(self.body, start, end))
        if last - first <= 1 and not pronouns:
            return None  # one person at most, as the first named: no choice to make
        mentions = sorted(
            [(self.positions[i], i) for i in range(first, last)]
            + [(p.start(), -1 - n) for n, p in enumerate(pronouns)]
        )
        for at, index in mentions:
            stop = self._name_end(at) if index >= 0 else pronouns[-1 - index].end()
            if not self._subject_at(at, stop, end):
                continue
            if index >= 0:
                if self.agrees(self.keys_at[index], gender):
                    return self.keys_at[index]
            elif depth < MAX_PRONOUN_CHAIN and self._pronoun_agrees(at, stop, gender):
                return self._person_before(at, start, gender, depth + 1)
        return None

    def _subject_at(self, start: int, stop: int, end: int) -> bool:
        """Whether the mention body[start:stop] is a clause's subject: not after a preposition
        or a determiner, not possessive, and followed (past an appositive) by a verb."""
        before = self.body[max(0, start - 16) : start].split()
        if before and fold(before[-1]).strip(",") in NOT_SUBJECT_BEFORE:
            return False
        if self.body[stop - 2 : stop] in ("’s", "'s"):
            return False  # "Mr. Macron's pleas"
        following = word_after(self.body, stop, end)
        if following and following.group() == ",":  # "Bush, Florida’s former governor, also"
            following = after_appositive(self.body, following.end(), end)
        return following is not None and verb_like(following.group())

    def _pronoun_agrees(self, start: int, stop: int, gender: str | None) -> bool:
        return gender in (None, PRONOUN_GENDER[fold(self.body[start:stop])])

    def note_speaker(self, start: int, end: int, speaker: str | None) -> None:
        """Remember that the mention body[start:end] was resolved to `speaker`, a person named
        in the article or an organisation, for the pronouns and descriptions after it."""
        if not speaker:
            return
        key = name_key(speaker)
        mention = self.body[start:end]
        if key in self.forms:
            bisect.insort(self.speakers, (start, end, key, True))
        elif _organisation(speaker) and not _may_be_person(mention, speaker):
            bisect.insort(self.speakers, (start, end, speaker, False))

    def _last_speaker(self, position: int) -> tuple[int, int, str, bool] | None:
        at = bisect.bisect_left(self.speakers, (position, -1, "", False))
        return self.speakers[at - 1] if at else None

    def _speaker_in_focus(self, position: int, gender: str | None) -> str | None:
        """The person who spoke last before `position` when no person is named between that
        quote's mention and `position` ('the designer admitted ... “...” / “...,” he asked':
        the designer, not a magazine named before the description)."""
        last = self._last_speaker(position)
        if last is None or not last[3]:
            return None
        _, end, key, _ = last
        named_between = bisect.bisect_left(self.positions, position) - bisect.bisect_left(
            self.positions, end
        )
        return key if not named_between and self.agrees(key, gender) else None

    def _organisation_in_focus(self, position: int) -> str | None:
        """The organisation that spoke last before `position`, if no person spoke since and it
        was not long before: who 'it', 'the memorandum' or 'the government' speaks for
        ('FWS maintains ... “...” / “...,” the memorandum says')."""
        last = self._last_speaker(position)
        if last is None or last[3] or position - last[0] > ORGANISATION_FOCUS_CHARS:
            return None
        return last[2]

    def resolve(self, mention: str, position: int) -> str | None:
        """The person (or organisation) a mention names, or None when nothing supports one."""
        written = mention
        mention = PARENTHESIS_RE.sub("", without_shouted(mention)).strip() or mention
        low = fold(mention).strip()
        if not low:
            return None
        if low in ("he", "she", "his", "her"):
            gender = PRONOUN_GENDER[low]
            if focus := self._speaker_in_focus(position, gender):
                return self.display(focus)
            return self.last_person_before(position, self._sentence_start(position), gender)
        if low in ("it", "they", "its", "their"):
            return self._organisation_subject(position) or self._organisation_in_focus(position)
        if low in PRONOUNS:
            return None
        if " " not in low and is_demonym(mention):
            return None  # "Syrian authorities claim ...", "the lanky Australian": no name
        if PARTY_LABEL_RE.fullmatch(mention.strip("()., ")):
            # "(R-S.C.)", "D-Ariz.": a label of the person named before it
            return self.last_person_before(position)
        if low in RELATIVE_PRONOUNS:
            antecedent = subject_before(self.body, position)
            if antecedent is None or fold(self.body[slice(*antecedent)]) in RELATIVE_PRONOUNS:
                return None
            return self.resolve(self.body[slice(*antecedent)], antecedent[0])
        if self._several_people(mention) or self._several_named(mention) or _a_quantity(low):
            return None  # "Zadan and Meron said", "Thousands of Cubans": no one person
        body = NAMED_BODY_RE.fullmatch(mention.strip())
        if body and self._names_a_person(body.group(1)):
            return body.group(1)  # "the Biden administration" speaks as itself, not as Biden
        if named_body := self._named_body_after(written, position):
            return named_body  # 'Biden' of "the Biden administration's goal": the body
        for person in _head_person_mentions(mention):
            if person.key in self.forms:
                return self.display(person.key)
            if fold(person.text.split()[0]) in PARTICLES and self.by_part.get(
                person.key.split()[-1]
            ):
                break  # 'De la Renta': the surname of someone named in full, looked up below
            if name := _without_lower_case_words(person.text, self.lower):
                return self.display(name_key(name)) if name_key(name) in self.forms else name
            break
        if named := self._appositive_name(position + len(written)):
            return named  # "A Sandoval spokesman, Mari St. Martin, said": named right after
        words = low.split()
        last = mention.split()[-1]
        if len(words) > 1 and words[0] in INDEFINITE_DETERMINERS and (
            last.islower() or last.isupper()
        ):
            return None  # "one U.S. official", "A Sandoval spokesman", "One MP": not named
        gender = TITLE_GENDER.get(low.split()[0].rstrip("."))
        # The last capitalised word names the person ("Mr. Trump", "Clinton's campaign"); an
        # earlier one modifies ("the Korean Central News Agency" is no Korean Peninsula's).
        capitalised = CAPITALISED_RE.findall(mention)
        if capitalised and _of_someone(mention, mention.rfind(capitalised[-1])):
            capitalised = []  # "the son of Bob Goodlatte": whose son, not who speaks
        for word in capitalised[-1:]:
            bare = len(words) == 1 and len(capitalised) == 1  # no title: "Google", not "Mr. Youn"
            part = fold(strip_possessive(word))
            keys = self._bare_owners(part) if bare else self._part_owners(part)
            keys = {key for key in keys if self.agrees(key, gender)}  # "Mr. Trump"
            if keys:  # "Clinton" when both Bill and Hillary Clinton are named: the last
                # (counting this mention's own word: "President Obama" is the Obama named here)
                own = position + mention.rfind(word) + 1
                return self.display(self._timeline().last_named(keys, own))
        if self._unnamed_since(mention, position):
            return None  # "One Republican adviser ... said. “...,” the adviser said"
        described, ruled_out = self._described(mention, position, _described_gender(low))
        if described is not None:
            return self.display(described)
        found = self._read_description(mention, low, position, ruled_out)
        return None if found and name_key(found) in ruled_out else found

    def _named_body_after(self, mention: str, position: int) -> str | None:
        """The body a name heads in the text where the mention stands, when the mention
        left off its noun ('Biden' of "the Biden administration's goal")."""
        if self.body[position : position + len(mention)] != mention:
            return None
        noun = BODY_AFTER_NAME_RE.match(self.body, position + len(mention))
        if noun is None:
            return None
        following = word_after(self.body, noun.end(), len(self.body))
        if following and following.group()[:1].islower() and not verb_like(following.group()):
            return None  # "Sanders’ campaign manager": a person of the body
        whole = f"{strip_possessive(mention.strip())}{noun.group()}"
        body = NAMED_BODY_RE.fullmatch(whole)
        return body.group(1) if body and self._names_a_person(body.group(1)) else None

    def _appositive_name(self, end: int) -> str | None:
        """The full name set off by commas right after a description ending at `end` ('A
        Sandoval spokesman, Mari St. Martin, said'; 'Another major neoconservative figure,
        Dan Senor, told'), or closing the sentence after the cue ('said the lawyer, William
        W. Taylor III.')."""
        named = APPOSITIVE_NAME_RE.match(self.body, end) or CLOSING_NAME_RE.match(self.body, end)
        if named is None:
            return None
        name, key = named.group(1), name_key(named.group(1))
        if key in self.forms:
            return self.display(key)
        return name if is_first_name(name.split()[0]) else None

    def _read_description(
        self, mention: str, low: str, position: int, ruled_out: set[str] | None = None
    ) -> str | None:
        """Who a mention that names no one in the article means: a role's holder (not one
        whose descriptors contradict the description: `ruled_out`), a person described, an
        organisation."""
        head = _head_noun(low)
        held = head and _may_hold_role(head) and self.roles.get(head)
        if held and (holder := self._role_holder(head, position, ruled_out or set())):
            return self.display(holder)
        titled = TITLED_RE.match(mention)
        if titled:  # "Mrs. Clinton", "Sen. Sanders": a person we only know by surname
            return titled.group(1)
        if _describes_a_person(low):  # "the designer", "The congressman"
            return self._described_person(mention, position, _described_gender(low))
        acronym = DETERMINER_RE.sub("", mention.strip())  # "the CDC"
        if ACRONYM_RE.fullmatch(acronym) and (spelled := self._spelled_out(acronym)):
            spelled = strip_possessive(spelled)
            role = _head_noun(fold(spelled))
            if role in ROLE_NOUNS and role not in NOT_PERSON_NOUNS and not _plural(role):
                # "the PM" is a prime minister, not a body like "the FDA" or "the AP"
                described, _ = self._described("the " + spelled.lower(), position, None)
                return self.display(described) if described else None
            return spelled  # "FWS" -> "Fish and Wildlife Service", named so in the article
        if (owner := _described_owner(mention)) is not None:
            # "the team’s statement", "the company’s ads team": the body described speaks
            return self.resolve(owner, position)
        owner = self._document_owner(mention)
        if owner is not None and (author := self.resolve(owner, position)):
            return author  # "her statement", "the NYPD's statement", "the White House statement"
        if DOCUMENT_RE.fullmatch(low):  # "the memorandum says": what its author says
            return self._document_author(low, position) or self._organisation_in_focus(position)
        body_noun = ORGANISATION_ROLE_RE.fullmatch(low)
        if body_noun and all(_body_modifier(w) for w in mention.split()[1:-1]):
            # "the conservative group", not "The Justice Department" (a name)
            noun = body_noun.group(1)
            named = self._named_body(noun, position)
            return (
                named
                or self._organisation_in_focus(position)
                or self._organisation_subject_before(noun, position)
                or self._headline_body(noun, position)
            )
        return _organisation(mention, self.lower)

    def _described(
        self, mention: str, position: int, gender: str | None
    ) -> tuple[str | None, set[str]]:
        """The person a definite description ('the Kentucky Republican') means by what the
        article said they are, when its descriptors confirm it: they hold its head noun (or a
        narrower role), share its qualifiers and one of its other modifiers if it has any;
        and the people whose descriptors contradict it (another state, 'vice president' for
        'the president'), whom no other reading may give."""
        parsed = head_and_modifiers(mention)
        if parsed is None or not self._person_head(parsed[0], mention):
            return None, set()
        head, modifiers = parsed
        scored, ruled_out = self._head_holders(head, modifiers, position, gender)
        best = max(scored.values(), default=0)
        wanted = set(modifiers) - QUALIFIERS
        if not scored or (best == 0 and wanted):
            return None, ruled_out  # "the Florida senator" of a senator named without a state
        keys = {key for key, score in scored.items() if score == best}
        focus = self._focus_before(position, gender)
        timeline = self._timeline()
        found = focus if focus in keys else timeline.last_named(keys, position)
        named = timeline.positions[found]
        last = named[bisect.bisect_left(named, position) - 1]
        if introduced_unnamed(self.body[last:position], fold(mention.split()[-1])):
            return None, ruled_out | {found}  # "an official said ... the official said"
        return found, ruled_out

    def _head_holders(
        self, head: str, modifiers: list[str], position: int, gender: str | None
    ) -> tuple[dict[str, int], set[str]]:
        """The people named before `position` whom the article gives a description's head
        noun (or a narrower role) with its qualifiers, each with how many of its other
        modifiers (a state among them) the article gives them too; and the people whose
        descriptors contradict it (another state, 'vice president' for 'the president')."""
        self._read_descriptors()
        qualifiers = frozenset(modifiers) & QUALIFIERS
        wanted = set(modifiers) - qualifiers
        states = states_in(modifiers)
        scored: dict[str, int] = {}
        ruled_out = set()
        timeline = self._timeline()
        for key, words in self.described.items():
            if not head_held(words, head):
                continue
            known = words & STATE_NAMES
            fits = any(satisfies(phrase, head, qualifiers) for phrase in self.phrases[key])
            if (states and known and not states & known) or not fits:
                ruled_out.add(key)
            elif self.agrees(key, gender) and timeline.any_before({key}, position):
                scored[key] = len(wanted & words) + len(states & known)
        return scored, ruled_out

    def _person_head(self, head: str, mention: str) -> bool:
        """Whether a description's head noun names one person by role: a role noun by list
        or shape (`_person_head`), or one the article writes before a name as a title
        ('Senate majority whip Dick Durbin' ... 'the whip said')."""
        if _person_head(head, mention):
            return True
        if not mention.split()[-1][:1].islower() or head in NOT_PERSON_NOUNS - PERSON_ROLES:
            return False
        self._read_descriptors()
        return head in self.titles and _may_hold_role(head) and head not in NOT_PERSON_HEADS

    def _unnamed_since(self, mention: str, position: int) -> bool:
        """Whether a definite description of a person ('the adviser', 'the witness') takes
        up someone the article introduced unnamed ('One Republican adviser', 'An unknown
        witness', 'the owner of the San Salvador strip club', "Lerner's lawyer") with no one
        it describes so named since."""
        parsed = head_and_modifiers(mention)
        if parsed is None or not self._person_head(parsed[0], mention):
            return False
        floor = max(0, position - UNNAMED_LOOKBACK)
        head = fold(mention.split()[-1])
        text = self.body[floor:position]
        found = [last_unnamed(text, head), last_unnamed_definite(text, head)]
        at = max((at for at in found if at is not None), default=None)
        if at is None:
            return False
        self._read_descriptors()
        holders = {key for key, words in self.described.items() if head_held(words, parsed[0])}
        holders |= {key for _, key in self.roles.get(parsed[0], [])}
        since = bisect.bisect_left(self.positions, floor + at)
        later = self.keys_at[since : bisect.bisect_left(self.positions, position)]
        return holders.isdisjoint(later)

    def _focus_before(self, position: int, gender: str | None) -> str | None:
        """The person in focus at `position`: the one the sentence before speaks through or
        has as its subject."""
        start = self._sentence_start(position)
        previous = None if start is None else self._sentence_start(start - 1)
        if previous is None or start is None:
            return None
        return self._cue_subject(previous, start) or self._subject_person(
            previous, start, gender, MAX_PRONOUN_CHAIN
        )

    def _names_a_person(self, body: str) -> bool:
        """Whether the words before a body's noun ('Biden' of 'the Biden administration',
        'McSally’s' of 'McSally’s campaign') may be a name: not a common word ('Us' of
        'Sing All of Us campaign')."""
        owner = strip_possessive(body.rsplit(maxsplit=1)[0]) if " " in body else ""
        words = [strip_possessive(word) for word in owner.split()]
        if words and fold(words[0]) == "the":
            words = words[1:]
        return bool(words) and not any(
            fold(word) in OBJECT_PRONOUNS or _lower_case_word(word, self.lower) for word in words
        )

    def _document_owner(self, mention: str) -> str | None:
        """Who a document's description says wrote it: 'her' of 'her statement', 'NYPD' of
        'the NYPD's statement'; a name before the noun only if it names a body or a person
        of the article ('the White House statement', 'The NCAA report', not 'the Sandy Hook
        lawsuit', which is about Sandy Hook)."""
        owned = OWNED_DOCUMENT_RE.fullmatch(mention.strip())
        if owned is None:
            return None
        if owned.group("pronoun") or owned.group("owner"):
            return owned.group("pronoun") or strip_possessive(owned.group("owner"))
        name = owned.group("name")
        if strip_possessive(name) != name:
            return strip_possessive(name)  # "the NYPD's statement"
        body_head = fold(name.split()[-1]) in BODY_NOUNS | BODY_NAME_NOUNS
        return name if body_head or ACRONYM_RE.fullmatch(name) or self._names_person(name) else None

    def _document_author(self, low: str, position: int) -> str | None:
        """The author the article named when it introduced the document a description
        ('the statement') stands for: 'a statement from US 7th Fleet', "Clifford's lawsuit",
        'The Nulato Tribal Council issued a statement'."""
        end = position + len(low)
        span = document_author(self.body, position, low.split()[-1], self._subject_of, end)
        if span is None:
            return None
        author = self.body[span[0] : span[1]].rstrip(".")
        if DOCUMENT_RE.fullmatch(fold(author)) or self._several_people(author):
            return None  # "The Statement": no author named; "his lawyers X and Y": a group
        if fold(author) in PRONOUNS or is_demonym(author):
            return self.resolve(author, span[0])  # "It provided a statement", "Finnish": no name
        return self.resolve(author, span[0]) or author.strip()

    def _subject_of(self, position: int) -> tuple[int, int] | None:
        """The subject of the sentence holding `position` ('In a statement, Carnival told')."""
        start = self._sentence_start(position)
        if start is None:
            return None
        within = [end for begin, end in self.quoted if start <= begin and end <= position]
        start = max([start, *within])  # '“...,” NASA wrote in a statement': not the quote's
        stop = SENTENCE_END_RE.search(self.body, position)
        return sentence_subject(self.body, start, stop.start() if stop else len(self.body))

    def _named_body(self, noun: str, position: int) -> str | None:
        """'The department said': the last organisation named before whose name holds the
        noun ('the Education Department'); 'the agency' any government body's. None in the
        body, the one the standfirst names ('The House Freedom Caucus sent a letter ...' /
        'The caucus wrote')."""
        lookback = max(0, position - ORGANISATION_LOOKBACK)
        return _last_body_named(self.body, noun, lookback, position) or _last_body_named(
            self.standfirst, noun, 0, len(self.standfirst)
        )

    def _organisation_subject_before(self, noun: str, position: int) -> str | None:
        """The organisation the sentences before `position` are about, for a description of
        a body ('the company') whose noun no name holds: the subject of the nearest sentence
        that has an organisation for its subject ("Keurig's explanation was ... / ... the
        company explained"), within a few paragraphs. A name headed by another body's noun
        ('the Justice Department' for 'the company') is another body."""
        end = self._sentence_start(position + 1)  # its own sentence, if it opens one
        if end is not None and end < position and not _inside(end, self.quoted):
            own = self._subject_body(end, position)  # "CBP is sending ..., the agency said"
            if own and _body_noun_agrees(own, noun):
                return own
        floor = max(0, position - ORGANISATION_FOCUS_CHARS)
        while end is not None and end > floor:
            start = self._sentence_start(end - 1)
            if start is None or start >= end:
                return None
            found = (
                None
                if _inside(start, self.quoted)
                else self._appositive_subject(start, end)
                or self._reported_subject(start, end)
                or self._subject_body(start, end)
            )
            if found and _body_noun_agrees(found, noun):
                return found
            end = start
        return None

    def _headline_body(self, noun: str, position: int) -> str | None:
        """The organisation the headline opens with as its subject, for a description of a
        body near the top of an article that names none before it ('YouTube expands ban on
        vaccine misinformation' ... 'the company said'): the words up to a verb the article
        writes in lower case."""
        if position > ORGANISATION_FOCUS_CHARS:
            return None
        named = LEADING_BODY_RE.match(self.title)
        if named is None:
            return None
        words = named.group().split()
        cut = next((i for i, w in enumerate(words) if _lower_case_word(w, self.lower)), None)
        if cut is not None:
            words = words[:cut]  # 'Moderna says ...'
        elif not HEADLINE_SUBJECT_END_RE.match(self.title, named.end()):
            return None  # no verb, nor another name listed, after the name: no subject read
        words[-1:] = [strip_possessive(words[-1])] if words else []
        while words and " ".join(words) not in self.body:
            words.pop()  # 'YouTube Expands Crackdown On ...': the words the body names
        name = self._as_body_name(" ".join(words), no_person_named=True) if words else None
        return name if name and _body_noun_agrees(name, noun) else None

    def _appositive_subject(self, start: int, end: int) -> str | None:
        """The organisation a sentence's subject names in apposition to a description ('His
        employer, Héma-Québec, issued a statement'), if it is no person or place."""
        found = APPOSITIVE_SUBJECT_RE.match(self.body, start, end)
        if found is None:
            return None
        return self._as_body_name(found.group(1), no_person_named=True)

    def _reported_subject(self, start: int, end: int) -> str | None:
        """The organisation a sentence reports on as the subject of its clause after 'reports
        that' ('The Huffington Post reports that the WWF made the finds'): the one whose deeds
        are told, not the outlet telling them."""
        span = sentence_subject(self.body, start, end)
        reported = None if span is None else REPORTS_THAT_RE.match(self.body, span[1], end)
        named = None if reported is None else LEADING_NAME_RE.match(self.body, reported.end(), end)
        if named is None:
            return None
        return self._as_body_name(named.group().strip(), no_person_named=True)

    def _subject_body(self, start: int, end: int) -> str | None:
        """The organisation that is the subject of the sentence body[start:end], if one is:
        not a person the article names, nor a place."""
        if self.body[start:end].rstrip().endswith("?"):
            return None  # "Did Trump have lawful authority ...?": a question has no subject
        span = sentence_subject(self.body, start, end)
        if span is None or not self._subject_at(span[0], self._owned_end(span[1], end), end):
            return None  # the first name of a sentence is not always its subject
        if AFTER_LISTED_NAME_RE.search(self.body, start, span[0]):
            return None  # "China, Burma (...), Laos ... all share": one of a list
        named = LEADING_BODY_RE.match(self.body, *span)
        if named is None:
            return None
        words = named.group().split()
        whole = named.end() >= span[1] or self.body[named.end() : span[1]].isspace()
        if not whole and strip_possessive(words[-1]) == words[-1]:
            return None  # "the Switzerland-based group": a name modifies a description
        words[-1] = strip_possessive(words[-1])  # "Keurig's explanation"
        name = " ".join(words)
        if self._joins_a_person(name) or self._people_of(words):
            return None  # "Bradley and Tiukhtyaev's balloon", "Executives for Mondelez"
        return self._as_body_name(name)

    def _joins_a_person(self, name: str) -> bool:
        """Whether a name joined by 'and' joins a person of the article ('Republican Trump and
        Democrat Clinton'), not words of one body ('Customs and Border Protection')."""
        parts = [strip_possessive(part).split() for part in name.split(" and ")]
        return len(parts) > 1 and any(part and self._names_person(part[-1]) for part in parts)

    def _people_of(self, words: list[str]) -> bool:
        """Whether a name opens with a plural of a role, or one the article writes in lower
        case too: people of the body named after it ('Executives for Mondelez'), not the
        body."""
        first = fold(words[0])
        people = first in self.lower or first[:-1] in ROLE_NOUNS
        return len(words) > 1 and _plural(first) and people

    def _as_body_name(self, text: str, no_person_named: bool = False) -> str | None:
        """`text` as an organisation's name, if it is one: no place, no person the article
        names, no one's title ("President Bashar al-Assad's security forces"); with
        `no_person_named`, no name a person's at all (a subject read off a pattern)."""
        name = _organisation(text, self.lower)
        if name is None or name_key(name) in place_table() or self._known_person(name):
            return None
        if TITLED_RE.match(name) or (no_person_named and next(person_mentions(name), None)):
            return None
        return name

    def _owned_end(self, stop: int, end: int) -> int:
        """Where the noun phrase a possessive at body[:stop] opens ends ("Keurig's
        explanation"); `stop` itself after no possessive."""
        if self.body[stop - 2 : stop] not in ("’s", "'s"):
            return stop
        noun = word_after(self.body, stop, end)
        return noun.end() if noun is not None and noun.group().islower() else stop

    def _known_person(self, name: str) -> bool:
        """Whether a name is one of the article's people as more than a word it says alone:
        'Microsoft said' or 'YouTube on Wednesday said' counts a lone word as someone, but
        one no full name, first name, title or pronoun makes a person may be an
        organisation ('Microsoft has just released ... the company explained')."""
        key = name_key(name)
        if " " in key or key not in self.forms:
            return self._names_person(name)
        if is_first_name(name) or self._bare_owners(key) - {key}:
            return True  # a known first name; the surname of someone named in full
        return self.genders.get(key) is not None or self._pronoun_gender(key) is not None

    def _names_person(self, name: str) -> bool:
        """Whether a name is one of the article's people, in full or by one of their names."""
        key = name_key(name)
        return key in self.forms or (" " not in key and bool(self._bare_owners(key)))

    def _spelled_out(self, acronym: str) -> str | None:
        """The name an acronym stands for, as the article writes it out ("Fish and Wildlife
        Service" for "FWS"): capitalised words whose initials spell it, joiners aside."""
        letters = acronym.strip().replace(".", "")
        for run in ORGANISATION_RUN_RE.finditer(self.body):
            words = [w for w in run.group().split() if w not in ORGANISATION_JOINERS]
            for first in range(len(words) - len(letters) + 1):
                chosen = words[first : first + len(letters)]
                if "".join(w[0] for w in chosen) == letters:
                    start = run.group().index(chosen[0])
                    end = run.group().rindex(chosen[-1]) + len(chosen[-1])
                    if AND_LAST_WORD_RE.fullmatch(run.group(), end):
                        end = len(run.group())  # "CDC": "... Disease Control and Prevention"
                    return strip_possessive(run.group()[start:end])
        return None

    def _described_person(self, mention: str, position: int, gender: str | None) -> str | None:
        """The person a description at `position` stands for when no descriptor confirms all
        its words: the one the nearest sentence before that names anyone speaks through or has
        as its named subject ('Cummings said .... The congressman added'; 'Sen. Bernie Sanders
        also called ... “...,” the Vermont senator told') if the article gives them its head
        noun or, when it gives it no one, no other office; else the last named who holds its
        head ('Representative Pete Sessions ... the Texas lawmaker'); else the person the
        article is about (never one named in the description's own clause)."""
        parsed = head_and_modifiers(mention)
        holders = set(self._head_holders(*parsed, position, gender)[0]) if parsed else set()
        head = parsed[0] if parsed else None
        start = self._sentence_start(position)
        found = None if start is None else self._named_focus_before(start, position)
        if found and self.agrees(found, gender) and (
            found in holders or (not holders and not self._other_office(found, head))
        ):
            return self.display(found)
        if holders:
            return self.display(self._timeline().last_named(holders, position))
        lead = self._lead_person(position, gender)
        if lead and parsed is not None and parsed[0] in OFFICES and not self._main_person(lead):
            return None  # 'the president' of a column on George Zimmerman's acquittal
        return lead

    def _main_person(self, name: str) -> bool:
        """Whether the article is plainly about this person: named at least twice as often
        as anyone else. An office no one is named with is then theirs ('The US President' of
        an article about Donald Trump); else its holder is someone the article never names."""
        counts = Counter(self.keys_at)
        key = name_key(name)
        others = [count for other, count in counts.items() if other != key]
        return counts[key] >= MAIN_PERSON_RATIO * max(others, default=0)

    def _other_office(self, key: str, head: str | None) -> bool:
        self._read_descriptors()
        return head is not None and holds_other_office(self.described.get(key, set()), head)

    def _named_focus_before(self, sentence_start: int, position: int) -> str | None:
        """The person a cue names, or the named subject, of the nearest of a few sentences
        before `sentence_start` that names someone (or of the description's own sentence
        before a quotation in it: 'Clinton proclaimed, “...” The candidate reiterated'); none
        when that sentence's subject is a pronoun or no one named there (a pronoun's person is
        a guess, the lead is surer)."""
        quote = bisect.bisect_left(self.quoted, (sentence_start, -1))
        if quote < len(self.quoted) and self.quoted[quote][0] < position:
            named, found = self._sentence_focus(sentence_start, self.quoted[quote][0])
            if named:
                return found
        end = sentence_start
        for _ in range(FOCUS_SENTENCES):
            start = self._sentence_start(end - 1)
            if start is None or end - start <= 1:
                return None
            named, found = self._sentence_focus(start, end)
            if named:
                return found
            end = start
        return None

    def _sentence_focus(self, start: int, end: int) -> tuple[bool, str | None]:
        """Whether body[start:end] names someone, and the person a cue there names or its
        subject when a name, unless it takes up someone else by an object pronoun ('Paul Ryan
        disagreed with him': the one before stays the topic)."""
        if speaker := self._cue_subject(start, end):
            return True, speaker
        first, last = (bisect.bisect_left(self.positions, at) for at in (start, end))
        if first == last:
            return False, None
        if OBJECT_PRONOUN_RE.search(self.body, start, end):
            return True, None
        subject = sentence_subject(self.body, start, end)
        named = subject and bisect.bisect_left(self.positions, subject[0])
        at = self.positions[named] if subject and named < last else end
        if subject and at < subject[1] and not self._possessive(at):
            return True, self.keys_at[named]
        return True, None

    def _lead_person(self, position: int, gender: str | None) -> str | None:
        """The person the article is about: the first it names (outside quotes, headline
        aside), of the description's sex."""
        for at, key in zip(self.positions, self.keys_at, strict=True):
            if at >= position:
                return None
            if at >= 0 and self.agrees(key, gender):
                return self.display(key)
        return None

    def label(self, turn: str) -> str | None:
        """The speaker a turn's label names as written ("WALLACE:"), without leading words
        the article writes in lower case or common words: a "Full Time:" or "Popular Wedding
        Colors:" line of a list names nobody."""
        words = turn.split()
        while words and (_common(words[0]) or _lower_case_word(words[0], self.lower)):
            words = words[1:]
        return " ".join(words) or None

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
        organisation = _organisation(named.group().strip(), self.lower)
        alone = not self.body[named.end() : span[1]].strip()  # not "The Clinton campaign"
        if organisation and alone and self._names_someone(organisation):
            return None  # "Robert Mercer was the sole donor behind a campaign attacking
            # what it described as ...": 'it' is never a person
        return organisation

    def _names_someone(self, name: str) -> bool:
        """Whether a name is a person's the article names: in full, or by one word alone
        ('Beatty' of Warren Beatty)."""
        if name_key(name) in self.forms:
            return True
        return " " not in name and bool(self._bare_owners(fold(strip_possessive(name))))


# Words a count of unnamed people opens with ('Seventeen percent of respondents', 'Fifty-nine',
# 'Thousands of Cubans'); ordinals are left out ('First Lady Melania Trump').
QUANTITY_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million hundreds thousands millions tens dozens scores""".split()
)


def _a_quantity(low: str) -> bool:
    """Whether a (folded) mention opens with a count: it names no one."""
    first = low.split()[0]
    return all(part in QUANTITY_WORDS for part in first.split("-"))


# A description opening with one of these is of someone unnamed, not of a person named before
# with that role.
INDEFINITE_DETERMINERS = frozenset("a an one another some several many".split())
ORGANISATION_JOINERS = {"of", "for", "and", "on", "&"}  # "the Department of Health"
NOT_IN_ORGANISATIONS = PRONOUNS | {"is", "are", "was", "were"}
DETERMINER_RE = re.compile(r"^[Tt]he\s+")
# Nouns that head the names of bodies, never a person's role ("the White House" is not its
# press secretary).
BODY_NOUNS = frozenset(
    "house department ministry office administration government campaign company firm group "
    "union court committee council board military army agency police network newspaper "
    "paper website site service bureau commission".split()
)
ACRONYM_RE = re.compile(r"[A-Z](?:\.?[A-Z]){1,5}\.?")  # "FWS", "C.D.C."
ORGANISATION_RUN_RE = re.compile(
    r"[A-Z][\w’'-]*(?:[^\S\n]+(?:(?:of|for|and|on|&)[^\S\n]+)?[A-Z][\w’'-]*)+"  # within a line
)
AND_LAST_WORD_RE = re.compile(r"[^\S\n]+(?:and|&)[^\S\n]+[A-Z][\w’'-]*")  # an acronym leaves out
ORGANISATION_LOOKBACK = 5000  # characters read back for the organisation a role stands for
GOVERNMENT_BODIES = frozenset(
    "agency department service administration bureau commission office ministry".split()
)
# The nouns a body is described by ("the department said"), and the last word of many bodies'
# names ("the Justice Department").
BODY_NAME_NOUNS = frozenset(
    "agency department service administration bureau commission office ministry company "
    "committee council board court university police union government group caucus "
    "organization organisation team foundation firm network charity institute association "
    "coalition command giant".split()
)
ORGANISATION_ROLE_RE = re.compile(
    rf"(?:the|its) (?:[\w’'-]+ ){{0,2}}?({'|'.join(sorted(BODY_NAME_NOUNS))})"
)
# A document or statement speaking ("the memorandum says", "the order states"): its author's
# words.
DOCUMENT_NOUNS = frozenset(
    "statement memorandum memo order opinion report letter filing ruling release announcement "
    "notice document complaint lawsuit motion brief decision judgment guidance proposal "
    "analysis assessment review study request warrant suit indictment".split()
)
DOCUMENT_ALTERNATIVES = "|".join(sorted(DOCUMENT_NOUNS))
DOCUMENT_RE = re.compile(
    rf"(?:the|its|their|this|that) (?:[a-z\-]+ ){{0,2}}(?:{DOCUMENT_ALTERNATIVES})"
)
# A document its description says the author of: an owner's pronoun ("her statement"), a
# name owning it ("the NYPD's statement") or before its noun ("the White House statement").
OWNED_DOCUMENT_NAME = r"[A-Z][\w.&’'\-]*(?: (?:of |for |and |& )?[A-Z][\w.&’'\-]*){0,4}?"
OWNED_DOCUMENT_RE = re.compile(
    rf"(?:(?P<pronoun>[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)|[Tt]he (?P<name>{OWNED_DOCUMENT_NAME})"
    rf"|(?:[Tt]he )?(?P<owner>{OWNED_DOCUMENT_NAME})[’']s) "
    rf"(?:[a-z\-]+ ){{0,2}}(?:{DOCUMENT_ALTERNATIVES})"
)
# A body described by its noun owning a document or a part of it ("the team’s statement",
# "the company’s ads team", "the ministry's spokesman" aside): the body speaks through it.
BODY_ALTERNATIVES = "|".join(sorted(BODY_NAME_NOUNS))
OWNED_BY_BODY_RE = re.compile(
    rf"((?:the|The) (?:[a-z\-]+ ){{0,2}}?(?:{BODY_ALTERNATIVES}))[’']s "
    rf"(?:[a-z\-]+ ){{0,2}}(?:{BODY_ALTERNATIVES}|{DOCUMENT_ALTERNATIVES})"
)
# A subject described, then named between commas, then its verb: "His employer, Héma-Québec,
# issued", "Its parent company, Alphabet, said".
APPOSITIVE_SUBJECT_RE = re.compile(
    r"\s*(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he)\s+(?:[a-z\-]+\s+){0,3}?[a-z\-]+,\s+"
    r"([A-Z][\w.&’'\-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w.&’'\-]*){0,5}),\s+[a-z]"
)
# A subject's report of what someone did: "The Huffington Post reports that ...".
REPORTS_THAT_RE = re.compile(
    r"[^\S\n]+(?:reports|reported|says|said|writes|wrote|notes|noted|reveals|revealed)"
    r"[^\S\n]+that[^\S\n]+"
)
# After a headline's opening name: a verb in lower case, or another name listed ('Google,
# YouTube to prohibit ads'); not a noun listed ('Internet, phone traffic badly disrupted').
HEADLINE_SUBJECT_END_RE = re.compile(r"\s*(?:,\s*[A-Z]|[a-z]+(?:s|ed)\b)")
AFTER_LISTED_NAME_RE = re.compile(r"[A-Z][\w’'-]*,\s*$")
SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n")
UNNAMED_LOOKBACK = 3000  # characters read back for someone introduced unnamed
ORGANISATION_FOCUS_CHARS = 1500  # an organisation is the one spoken of for a few paragraphs


# A person's name before one of these nouns names a body of people: "the Biden
# administration", "the Trump campaign", "Clinton's campaign".
NAMED_BODY_RE = re.compile(
    r"(?:[Tt]he\s+)?((?:[A-Z][\w.\-]*\s+)*[A-Z][\w.\-]*(?:[’']s)?\s+"
    r"(?:administration|campaign|government|camp|White House|transition team))"
)
# The noun of a body a name heads ('Biden' of "the Biden administration's goal").
BODY_AFTER_NAME_RE = re.compile(
    r"[^\S\n]+(?:administration|campaign|government|camp|transition team)\b"
)
# A role's preposition before a name ("a spokesman for Sen. Rand Paul", "an aide to"): the
# name is whom the role is of, not who holds it.
OF_SOMEONE_RE = re.compile(r"\b[a-z]+\s+(?:of|for|to)\s+(?:(?:the|[A-Z][\w.’'-]*)\s+)*$")
OWNER_SPLIT_RE = re.compile(r"[’']s\b")
OWNER_RE = re.compile(r".*[’']s\s+(?=[A-Z])")


def _described_owner(mention: str) -> str | None:
    """The body a description's owner describes ('the team' of 'the team’s statement')."""
    owned = OWNED_BY_BODY_RE.fullmatch(mention.strip())
    return owned.group(1) if owned else None


def _head_person_mentions(mention: str) -> Iterator[NameMention]:
    """The people a mention names, the one after an owner first: in 'The Washington
    Examiner’s Michael Barone' the owner modifies the name after it."""
    if ", " in mention:  # "the governor of Chiang Rai, Narongsak Osoththanakorn"
        appositive = mention.rsplit(", ", 1)[1]
        named = next(person_mentions(appositive), None)
        if named is not None and named.text == appositive.strip():
            yield named
    owner = OWNER_RE.match(mention) if "s " in mention else None
    if owner and (after := next(person_mentions(mention[owner.end() :]), None)):
        yield after
    for named in person_mentions(mention):
        if not _of_someone(mention, named.start):
            yield named  # not 'a spokesman for Sen. Rand Paul', 'the son of Bob Goodlatte'


def _of_someone(mention: str, start: int) -> bool:
    """Whether the name at mention[start:] is whom a role before it is of ('the son of', 'a
    spokesman for Sen.'), not who holds the role."""
    return OF_SOMEONE_RE.search(mention, 0, start) is not None


def _organisation(mention: str, lower: LowerCaseWords | None = None) -> str | None:
    """The organisation a mention names: capitalised words (of/for/and between them), one of
    them a name rather than a word capitalised for a heading ("Popular Wedding Colors",
    "POLL BLAST"): a word the text writes in lower case too is no name, unless it is one
    organisations are named with ("Department", "Service")."""
    words = mention.split()
    while words and fold(words[0]) in DETERMINERS:
        words = words[1:]
    if (credit := credit_words(words)) < len(words):
        words = words[credit:]  # "AP American Airlines on Thursday said"; "AP" alone stays
    while len(words) > 1 and modifier_compound(words[0]):
        words = words[1:]  # "Switzerland-based Nestle"
    house_number = len(words) > 1 and words[0].isdigit()  # "10 Downing Street"
    if house_number:
        words = words[1:]
    if not words or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if not all(w[:1].isupper() or w in ORGANISATION_JOINERS for w in words):
        return None
    words[-1] = strip_possessive(words[-1])  # "the Iraqi Army's attempt"
    folded = [fold(strip_possessive(w)) for w in words if w not in ORGANISATION_JOINERS]
    if len(folded) == 1 and (_not_a_name(words[0], folded[0]) or folded[0] in THING_ACRONYMS):
        return None  # "Doing so would ...", "More than 50 ...", "I’ll call them ...", "TV"
    if len(folded) == 1 and lower and _sentence_opening_noun(words[0], folded[0], lower.text):
        return None  # 'Initial reports', 'Banners in the square'
    if not NOT_IN_ORGANISATIONS.isdisjoint(folded) or not WEEKDAYS.isdisjoint(folded):
        return None  # "Orange Is", "U.S. He", "Wednesday"
    if _article_inside(words):
        return None  # "Dr. Oz The Good Life": a title glued on
    if (
        lower is not None
        and all(w in lower for w in folded)
        and NOT_PERSON_WORDS.isdisjoint(folded)
    ):
        return None
    return " ".join(mention.split()[-len(words) - 1 :] if house_number else words)


def _article_inside(words: list[str]) -> bool:
    """Whether a capitalised article stands inside a name, but after 'of' ('Voice of The
    People'): it opens a title or a sentence glued on."""
    return any(
        word in ("The", "A", "An") and before not in ORGANISATION_JOINERS
        for before, word in itertools.pairwise(words)
    )


# Acronyms of things or jobs, not of bodies: alone they name no one ('the TV reported', 'TV
# producer and "Lucifer" showrunner Joe Henderson').
THING_ACRONYMS = frozenset("tv ceo cfo coo cto pr ai gdp dna".split())
# Words that open sentences as quantifiers or pronouns, never naming a body.
QUANTIFIERS = frozenset(
    "more less much such few several any none nobody everyone someone anyone everybody "
    "somebody others other".split()
)


def _last_body_named(text: str, noun: str, start: int, end: int) -> str | None:
    """The last organisation text[start:end] names whose name holds the noun."""
    wanted = _nouns_meant(noun)
    found = None
    for match in ORGANISATION_RUN_RE.finditer(text, start, end):
        words = {fold(strip_possessive(w)) for w in match.group().split()}
        if not wanted.isdisjoint(words) and (name := _organisation(match.group(), None)):
            found = name
    return found


def _nouns_meant(noun: str) -> frozenset[str]:
    """The nouns of the bodies a description's noun may mean: 'the agency' any government
    body's."""
    return GOVERNMENT_BODIES if noun == "agency" else frozenset({noun})


def _body_modifier(word: str) -> bool:
    """A word that modifies a body's noun, not part of a name: lower case, or a country's
    adjective ('the French firm', 'the Israeli military', 'the US software giant')."""
    return _lower_case_modifier(word) or is_demonym(word) or word.rstrip(".") in COUNTRY_INITIALS


COUNTRY_INITIALS = frozenset({"U.S", "US", "UK", "U.K"})


def _lower_case_modifier(word: str) -> bool:
    """A word that modifies a description's noun: lower case, or a compound that ends in
    lower case ('Switzerland-based')."""
    return word.rsplit("-", 1)[-1].islower()


def _body_noun_agrees(name: str, noun: str) -> bool:
    """Whether a body's name may be taken up as 'the <noun>': a name headed by another body's
    noun ('Justice Department', 'Supreme Court') is not 'the company'; one without (Keurig,
    WWF) may be any but a ministry, department, court or the like, which names say they are
    ('President Bashar' is no 'foreign ministry')."""
    head = fold(name.split()[-1])
    if head not in BODY_NAME_NOUNS:
        return noun not in NAMED_BY_NOUN
    return head in _nouns_meant(noun)


# Bodies that only a name holding their noun is ("the Foreign Ministry" for "the ministry").
NAMED_BY_NOUN = frozenset("ministry department court committee council commission bureau".split())


def _not_a_name(word: str, low: str) -> bool:
    """A capitalised word alone that names nothing: a sentence opener, a quantifier, a
    capitalised participle or adverb ('Doing', 'Shortly'), a role ('Sources'), a contraction
    ('I’ll', 'It’s')."""
    return (
        low in SENTENCE_STARTERS
        or low in QUANTIFIERS
        or (low.endswith(("ing", "ly")) and low in common_words())  # "Shortly after ..."
        or low in ROLE_NOUNS  # "Sources close to the couple", "Police": people unnamed
        or any(mark in word for mark in "’'")
    )


def _may_be_person(mention: str, speaker: str) -> bool:
    """A speaker not in the article's person index who may still be a person: a full name,
    one named by a personal title or a pronoun, or one word alone ('Trump', not 'CDC')."""
    return (
        next(person_mentions(speaker), None) is not None
        or TITLED_RE.match(mention.strip()) is not None
        or fold(mention.strip()) in PRONOUN_GENDER
        or (" " not in speaker.strip() and not speaker.isupper())  # "CDC" is no person
    )


# Where a sentence opens: the text's or a line's start, after a full stop, or an opening quote
# mark; not after a quote's closing mark ('?" Trump asked': an attribution goes on).
SENTENCE_OPENING_RE = re.compile(r"""(?:^|[.!?]\s+|\n\s*|["“‘(])$""")


def _sentence_opening_noun(word: str, low: str, text: str) -> bool:
    """A common word ('Initial reports', 'Banners in the square') that the text capitalises
    only where a sentence opens: no name."""
    return _common_noun(word, low) and not _capitalised_mid_sentence(word, text)


def _common_noun(word: str, low: str) -> bool:
    """A word of the common-word list, in any of its forms, that is no first name."""
    return not common_words().isdisjoint(_word_forms(low)) and not is_first_name(word)


def _word_forms(low: str) -> set[str]:
    """The word and the stems its common endings leave ('witnesses', 'authorities',
    'continuing'): the word list holds base forms."""
    forms = {low}
    for ending, base in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            forms.add(low[: -len(ending)] + base)
    return forms


def _capitalised_mid_sentence(word: str, text: str) -> bool:
    """Whether the text capitalises the word where no sentence opens ('a letter to Apple'):
    a common word capitalised only at a sentence's start is no name."""
    for match in re.finditer(rf"(?<![\w.&-]){re.escape(word)}(?![\w&-])", text):
        if not SENTENCE_OPENING_RE.search(text, max(0, match.start() - 4), match.start()):
            return True
    return False


class LowerCaseWords:
    """Whether a text writes a word in lower case somewhere, as a word of its own (not inside
    another word or a hyphenated one)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[str, bool] = {}

    def __bool__(self) -> bool:
        return bool(self.text)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        if word not in self.seen:
            self.seen[word] = self._written(word)
        return self.seen[word]

    def _written(self, word: str) -> bool:
        text, at = self.text, self.text.find(word)
        while at != -1:
            end = at + len(word)
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            if not _word_char(before) and not _word_char(after):
                return True
            at = text.find(word, at + 1)
        return False


CAPITALISED_RUN_RE = re.compile(r"[\w’'\-]+")  # what CAPITALISED_RE's words are made of


def _capitalised_words(body: str, prefixes: set[str]) -> dict[int, str]:
    """The words of CAPITALISED_RE.finditer(body) that open with one of `prefixes`, by where
    they start: found with str.find (far faster than reading every capitalised word of the
    body in Python). A run of the regular expression's characters is one match, from its
    first capital to its end: 'Neill' opens none of "O'Neill", but does of 'x-Neill'."""
    found: dict[int, str] = {}
    for prefix in prefixes:
        if not "A" <= prefix[:1] <= "Z":
            continue
        at = body.find(prefix)
        while at >= 0:
            if at not in found and _opens_run(body, at):
                end = CAPITALISED_RUN_RE.match(body, at).end()  # type: ignore[union-attr]
                if end - at > 1:  # one letter is no word of CAPITALISED_RE's
                    found[at] = body[at:end]
            at = body.find(prefix, at + 1)
    return found


def _opens_run(body: str, at: int) -> bool:
    """No capital A-Z before `at` in the run of CAPITALISED_RE's characters holding it."""
    before = at - 1
    while before >= 0 and CAPITALISED_RUN_RE.match(body, before):
        if "A" <= body[before] <= "Z":
            return False
        before -= 1
    return True


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "-'’"


def _without_lower_case_words(name: str, lower: LowerCaseWords) -> str | None:
    """A name from after the last word the article writes in lower case elsewhere (a first
    name aside), if two words are left: "Deport Piers Morgan" -> Piers Morgan, "FBI Special
    Agent Christopher Tarbell" -> Christopher Tarbell, "Popular Wedding Colors" -> None.
    The name keeps its spacing, so it is a suffix of `name`."""
    words = name.split()
    cut = 0
    for index in range(len(words) - 1):
        if _lower_case_word(words[index], lower):
            cut = index + 1
    if not cut:
        return name
    if len(words) - cut < 2:
        return None
    at = 0
    for word in words[:cut]:
        at = name.index(word, at) + len(word)
    return name[name.index(words[cut], at) :]


def _lower_case_word(word: str, lower: LowerCaseWords) -> bool:
    low = fold(word)  # "Bill de Blasio" keeps "De Blasio" a name
    if INITIAL_RE.fullmatch(word):
        return False  # "Alfonse M. D’Amato": an initial, though "p.m." holds "m."
    return low not in PARTICLES and not is_first_name(word) and low in lower


INITIAL_RE = re.compile(r"[A-Z]\.")


class _Timeline:
    """Where each person is named (their mentions' indexes in positions/keys_at), to find
    the one of several named last before a point without reading every mention before it."""

    def __init__(self, positions: list[int], keys_at: list[str]) -> None:
        self.indexes: dict[str, list[int]] = defaultdict(list)
        self.positions: dict[str, list[int]] = defaultdict(list)
        for index, (position, key) in enumerate(zip(positions, keys_at, strict=True)):
            self.indexes[key].append(index)
            self.positions[key].append(position)

    def any_before(self, keys: set[str], position: int) -> bool:
        """Whether one of `keys` is named before `position`."""
        return any(self.positions.get(key, [position])[0] < position for key in keys)

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


def _headline_name(name: str, line: str, body: str) -> str | None:
    """A name read in a headline or standfirst. In title case ("Biden Cancels Trip") every
    word is capitalised, so a run is only its first two words, and only when the body names
    them so too, or the first is a known first name and the body uses the second as a name
    mid-sentence ("Kamala Harris Says ..." -> Kamala Harris)."""
    if not _title_case(line):
        return name
    first, second, *_ = name.split()
    second = strip_possessive(second)
    if f"{first} {second}" in body:
        return f"{first} {second}"
    if not is_first_name(first):
        return None
    used = re.search(rf"[a-z,]\s+(?:[A-Z][\w.]*\s+)?{re.escape(second)}\b", body)
    return f"{first} {second}" if used else None


def _named_thing(body: str, start: int, name: str) -> bool:
    """A name after 'the' that opens with no first name names a thing, not a person ('the
    Boulder Daily Camera'); 'the Donald Trump campaign' still names Donald Trump."""
    return THE_BEFORE_RE.search(body, max(0, start - 4), start) is not None and not (
        is_first_name(name.split()[0])
    )


THE_BEFORE_RE = re.compile(r"\b[Tt]he\s$")


def _taken_up_as_thing(body: str, name: str) -> bool:
    """Whether the article takes a name that opens with no first name up as a thing, by
    'which' or 'its' ('Qatar Airways, which could ...', 'Ridgeback Biotherapeutics and its
    partner'): a person's is taken up by 'who' and 'his' or 'her'."""
    if is_first_name(name.split()[0]):
        return False  # 'Bill Clinton, which she had no intention of doing': a clause's which
    return re.search(re.escape(name) + THING_PRONOUN_AFTER, body) is not None


THING_PRONOUN_AFTER = r"(?:’s|'s)?(?:,\s+which\b|\s+and\s+its\b)"


def _heading_lines(body: str) -> list[tuple[int, int]]:
    """The spans of the body's lines that are headings, not sentences: ending in no stop
    (closing marks aside), and short ("Facebook AI 'will identify terrorists'") or in title
    case and not long."""
    spans, start = [], 0
    for line in body.split("\n"):
        end = start + len(line)
        if line.rstrip().rstrip(CLOSING_MARKS)[-1:] not in SENTENCE_STOPS:  # most lines stop
            words = len(line.split())
            if words <= SHORT_LINE_WORDS or (words <= HEADING_WORDS and _title_case(line)):
                spans.append((start, end))
        start = end + 1
    return spans


SHORT_LINE_WORDS = 8  # a line this short with no stop is a heading in any case
HEADING_WORDS = 25  # no heading is longer
SENTENCE_STOPS = frozenset(".!?:")
CLOSING_MARKS = "\"”’')"


def _title_case(line: str) -> bool:
    """Whether a line capitalises its words as a headline does (three or more words of five
    letters or more, nearly all capitalised)."""
    long_words = [w for w in line.split() if len(w) > 4 and w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in long_words)
    return len(long_words) >= 3 and capitalised >= 0.8 * len(long_words)


# Nouns of people's roles and trades beyond ROLE_NOUNS' own, and ROLE_NOUNS that name things.
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "ess")
NOT_PERSON_NOUNS = {
    "order", "paper", "letter", "newspaper", "number", "matter", "chapter", "center",
    "poster", "register", "counter", "statement", "report", "email", "memo", "poll", "survey",
    "study", "website", "site", "network", "agency", "headline", "editorial", "article",
    "story", "campaign", "administration", "government", "department", "ministry", "company",
    "firm", "group", "union", "court", "committee", "council", "board", "military", "army",
    "office", "white", "house", "police", "source", "family", "people", "man", "woman",
    "spokesman", "spokeswoman", "spokesperson", "official", "officer", "member", "monitor",
}  # fmt: skip


HEAD_ENDS = {"of", "for", "at", "from", "on", "in", "with", "to", "who", "which", ","}


def _head_noun(low: str) -> str | None:
    """The noun a description is of: its last word before a preposition or a relative
    clause ('the coach of the team' -> coach); 'a former campaign staffer' is a staffer,
    not the campaign's."""
    words = []
    for word in low.replace(",", " , ").split():
        if word in HEAD_ENDS:
            break
        words.append(word)
    return strip_possessive(words[-1]) if words else None


PARTY_HEADS = frozenset({"republican", "democrat", "independent"})
OBJECT_PRONOUNS = frozenset("us me him her them it you we i".split())
NOT_PERSON_HEADS = frozenset({"man", "woman", "person", "one", "people"})
# 'him', or 'her' as an object ('help her', 'told her that'), not as a possessive ('her team').
OBJECT_PRONOUN_RE = re.compile(
    r"\bhim\b|\bher\b(?=\s*(?:[.,;:!?—]|$|(?:to|for|with|about|as|that|and|in|on|at|of|from|"
    r"into|over|after|before|down|up|out|off|back|do|be)\b))"
)


def _person_head(head: str, mention: str) -> bool:
    """Whether a description's (normalised) head noun names one person by role or trade:
    written in lower case ('the FBI', 'The Senate' name bodies), a party aside ('the Kentucky
    Republican')."""
    if head in PARTY_HEADS:
        return True
    if head in NOT_PERSON_HEADS or head in NOT_PERSON_NOUNS - PERSON_ROLES:
        return False
    written = mention.split()[-1]
    if not written[:1].islower() or not _may_hold_role(head):
        return False
    return head in ROLE_NOUNS or head in COVERS or head.endswith(PERSON_SUFFIXES)


# NOT_PERSON_NOUNS that a description of one person may end in all the same.
PERSON_ROLES = frozenset("spokesman official officer member monitor".split())


def _may_hold_role(head: str) -> bool:
    """Whether a description's head noun can stand for one person who holds it: not a body
    ('the White House'), a document ('the incident report') or a plural ('The men')."""
    return (
        head not in BODY_NOUNS
        and DOCUMENT_RE.fullmatch("the " + head) is None
        and not _plural(head)
    )


def _plural(noun: str) -> bool:
    return noun in PLURAL_NOUNS or (noun.endswith("s") and not noun.endswith(("ss", "us", "is")))


PLURAL_NOUNS = frozenset("men women people police staff children".split())


def _describes_a_person(low: str) -> bool:
    """'the designer', 'the Texas lawmaker': one person described by role, not named."""
    words = low.split()
    if len(words) < 2 or words[0] != "the" or not words[-1].isalpha():
        return False
    head = words[-1]
    if head in NOT_PERSON_NOUNS or _plural(head):
        return False
    return head in ROLE_NOUNS or head.endswith(PERSON_SUFFIXES)


def _described_gender(low: str) -> str | None:
    head = low.split()[-1]
    if head.endswith(("woman", "ess")):
        return FEMALE
    return MALE if head.endswith("man") else None


def _next_to(text: str, end: int, start: int) -> bool:
    """Whether only a title or two stand between text[end] and text[start]."""
    between = text[end:start] if end <= start else "x" * 99
    return len(between) < 24 and "," not in between and len(between.split()) <= 2


def _common(word: str) -> bool:
    low = fold(word)
    return low in NOT_NAMES or _common_noun(word, low)  # 'Witnesses told'


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


def _quote_holding(position: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The one of `spans` (sorted by start, not overlapping) `position` falls in, if any."""
    at = bisect.bisect_right(spans, (position, math.inf)) - 1
    return spans[at] if at >= 0 and spans[at][0] <= position < spans[at][1] else None


def name_run_end(text: str, position: int) -> int:
    """Where the run of capitalised words written at text[position] ends."""
    written = NAME_RUN_RE.match(text, position)
    return written.end() if written else position
