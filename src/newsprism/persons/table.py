"""The person table: one key and one canonical name per person across everything stored.

Each story's names are grouped first (`story.py`), then each group is matched to the persons
already known: a full name to the one person whose full names all agree with it (surname and
suffix, given names and initials; a diminutive only where a role is shared: 'Weekly Standard
Editor Bill Kristol' / 'editor William Kristol'), preferring one already seen with exactly that
name; a name alone ('Trump' where the story names no Trump in full) to the persons known by that
name alone, never to a full name. A group matching none, or two equally, is a new person.
Keys are slugs of the canonical name and never change; the table only grows, so a run adds the
names of its new quotes to it and leaves the rest as it was.

A table over a store (`source`) reads a stored person only when a name of the run asks for one
of its index terms (`index_terms`: the store keeps them), so a run parses the names it touches,
not every name stored; what it matches is what a table holding every stored person matches.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Protocol

from newsprism.model import Article, Quote
from newsprism.persons.parsing import PersonName, owns_single, parse_name, roles_in
from newsprism.persons.story import Group, NameUse, relation, story_groups
from newsprism.text import fold

SLUG_RE = re.compile(r"[^a-z0-9]+")
EXACT = 3  # closeness of a name already known as written
# What `index_terms` makes of a name: stores index their persons again when it changes.
INDEX_VERSION = 1
STORED = 0  # a stored name's stamp comes before those of the names a run indexes


@dataclass
class Person:
    key: str
    name: str  # canonical
    kind: str  # person (a full name) | name (a surname or first name alone) | organisation
    names: set[str] = field(default_factory=set)  # the speaker names it was matched by
    roles: set[str] = field(default_factory=set)


@dataclass
class Changes:
    """What a run added to the table, for the store to write."""

    persons: set[str] = field(default_factory=set)  # new keys
    renamed: set[str] = field(default_factory=set)
    names: set[tuple[str, str]] = field(default_factory=set)  # (key, speaker name)
    roles: set[tuple[str, str]] = field(default_factory=set)
    links: dict[str, tuple[str, str]] = field(default_factory=dict)  # quote -> (key, name)


class PersonSource(Protocol):
    """Where a table reads stored persons from, each with its creation order."""

    def persons_indexed(self, terms: list[str]) -> list[tuple[int, Person]]:
        """The persons with any of these index terms."""
        ...

    def persons_keyed(self, keys: list[str]) -> list[tuple[int, Person]]: ...

    def all_persons(self) -> list[tuple[int, Person]]: ...

    def person_key_taken(self, key: str) -> bool: ...

    def next_person_order(self) -> int: ...


class PersonTable:
    """Persons, the speaker names matched to them, and which quote names whom (`links`)."""

    def __init__(
        self,
        persons: Iterable[Person] = (),
        links: dict[str, tuple[str, str]] | None = None,
        reserved: dict[str, str] | None = None,
        source: PersonSource | None = None,
    ) -> None:
        self.persons: dict[str, Person] = {}  # those read so far, with `source`
        self.links: dict[str, tuple[str, str]] = dict(links or {})
        self.changes = Changes()
        # canonical name -> key of a person to reuse (a rebuild keeps the keys it had)
        self._reserved = dict(reserved or {})
        self._by_family: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_compact: dict[str, set[str]] = defaultdict(set)
        self._by_surname: dict[str, set[str]] = defaultdict(set)  # and its last word
        # (kind, folded name) -> (stamp, key): the first person indexed by the name has it
        self._alone: dict[tuple[str, str], tuple[tuple[int, int], str]] = {}
        self._full: dict[str, list[PersonName]] = defaultdict(list)
        self._order: dict[str, int] = {}  # key -> when the person was made
        self._source = source
        self._read_terms: set[str] = set()
        self._next_order = source.next_person_order() if source else 0
        self._stamps = 0  # names indexed in this run
        for person in persons:
            self._add_stored(self._next_order, person)
            self._next_order += 1

    def rebuilt(self) -> PersonTable:
        """An empty table that gives each person it makes again the key it had."""
        if self._source is not None:
            self._add_unread(self._source.all_persons())
        reserved = {fold(p.name): p.key for p in self.persons.values()}
        return PersonTable(reserved=reserved)

    def person(self, key: str) -> Person | None:
        """The person of this key (read from the source the first time), None if unknown."""
        if key not in self.persons and self._source is not None:
            self._add_unread(self._source.persons_keyed([key]))
        return self.persons.get(key)

    def read_for(self, quotes: Iterable[Quote]) -> None:
        """Read at once the stored persons these quotes are linked to and those their speaker
        names not linked yet may match: what `unify` reads story by story, in a few queries."""
        if self._source is None:
            return
        keys: set[str] = set()
        terms: set[str] = set()
        for quote in quotes:
            link = self.links.get(quote.id)
            if link is not None:
                keys.add(link[0])
            if quote.speaker and (link is None or link[1] != quote.speaker):
                terms |= _lookup_terms(quote.speaker)
        self._read(terms)
        self._add_unread(self._source.persons_keyed(sorted(keys - self.persons.keys())))

    def in_creation_order(self, keys: Iterable[str]) -> list[str]:
        """These persons' keys in the order they were made: stored so, their rowids rank
        them as this table did (`next_person_order`), whatever the hash seed."""
        return sorted(keys, key=self._order.__getitem__)

    # -- reading stored persons --------------------------------------------------------------

    def _read(self, terms: Iterable[str]) -> None:
        """Read the stored persons indexed by any of these terms not asked for yet."""
        wanted = sorted(set(terms) - self._read_terms)
        if self._source is None or not wanted:
            return
        self._read_terms.update(wanted)
        self._add_unread(self._source.persons_indexed(wanted))

    def _add_unread(self, stored: list[tuple[int, Person]]) -> None:
        for order, person in sorted(stored, key=lambda found: found[0]):
            if person.key not in self.persons:
                self._add_stored(order, person)

    def _add_stored(self, order: int, person: Person) -> None:
        self.persons[person.key] = person
        self._order[person.key] = order
        self._index(person.key, {person.name} | person.names, stamp=(STORED, order))

    # -- one story ---------------------------------------------------------------------------

    def unify(self, articles: list[Article], quotes: list[Quote]) -> list[Quote]:
        """The story's quotes with `speaker` the canonical name and `speaker_key` the person;
        a story whose named quotes are all linked already is left as it was linked."""
        named = [q for q in quotes if q.speaker]
        if not all(self.links.get(q.id, ("", ""))[1] == q.speaker for q in named):
            self._resolve(articles, named)
        return [self._named(q) if q.speaker else q for q in quotes]

    def _named(self, quote: Quote) -> Quote:
        key = self.links[quote.id][0]
        person = self.person(key)
        if person is None:
            raise LookupError(f"quote {quote.id} is linked to no person: {key}")
        return replace(quote, speaker=person.name, speaker_key=key)

    def _resolve(self, articles: list[Article], quotes: list[Quote]) -> None:
        uses = Counter(NameUse(q.speaker, q.article) for q in quotes if q.speaker)
        roles: dict[str, set[str]] = defaultdict(set)
        for quote in quotes:
            roles[quote.speaker or ""] |= roles_in(quote.speaker_mention)
        groups = story_groups(uses, {a.id: a for a in articles}, roles)
        key_of: dict[int, str] = {}
        for group in groups.values():
            if id(group) not in key_of:
                key_of[id(group)] = self._place(group)
        for quote in quotes:
            name = quote.speaker or ""
            link = (key_of[id(groups[NameUse(name, quote.article)])], name)
            if self.links.get(quote.id) != link:
                self.links[quote.id] = self.changes.links[quote.id] = link

    def _place(self, group: Group) -> str:
        key = self._match(group) or self._create(group)
        person = self.persons[key]
        for name in {use.name for use in group.uses} - person.names:
            person.names.add(name)
            self.changes.names.add((key, name))
        for role in group.roles - person.roles:
            person.roles.add(role)
            self.changes.roles.add((key, role))
        self._index(key, _index_names(group))
        self._prefer_diacritics(person, group)
        return key

    # -- matching a group to a known person --------------------------------------------------

    def _match(self, group: Group) -> str | None:
        if group.kind != "person":
            return self._titled_owner(group) or self._alone_owner(group.kind, _alone_key(group))
        full = group.full
        self._read(term for n in full for term in (_family_term(n.family), _compact_term(n)))
        candidates = set().union(
            *(self._by_family[n.family] | self._by_compact[n.compact] for n in full)
        )
        tiers: dict[int, list[str]] = defaultdict(list)
        for key in sorted(candidates):
            known = self._full[key]
            kinds = {relation(name, known) for name in full}
            if "conflict" in kinds:
                continue
            if "same" in kinds:
                tiers[_closeness(full, known)].append(key)
            elif group.roles & self.persons[key].roles:
                tiers[0].append(key)  # a diminutive, a shared role the evidence
        if not tiers:
            return None
        best = tiers[max(tiers)]
        if len(best) > 1 and max(tiers) == EXACT:
            # The story joins names two persons were each known by exactly ('Steve Bannon',
            # 'Stephen Bannon'): one person, known until now under two keys; the older keeps it.
            return min(best, key=self._order.__getitem__)
        return best[0] if len(best) == 1 else None

    def _titled_owner(self, group: Group) -> str | None:
        """A surname said with a role ('President Trump', 'Gov. Sandoval') where the story names
        no one in full: the one person known by a full name of that surname who has held that
        role in the store; two such, or none, leave it a name alone."""
        singles = [n for n in group.names if n is not None and n.single]
        if group.kind != "name" or not group.roles or not singles:
            return None
        self._read([_surname_term(singles[0].surname)])
        owners = [
            key
            for key in sorted(self._by_surname[singles[0].surname])
            if group.roles & self.persons[key].roles
            and all(_owned(self._full[key], n) for n in singles)
        ]
        return owners[0] if len(owners) == 1 else None

    def _create(self, group: Group) -> str:
        name = _canonical(group)
        taken = {fold(p.name) for p in self._namesakes(group)}
        if group.kind == "person" and fold(name) in taken:
            name = max((n.full for n in group.full), key=len)  # keep the initials that differ
        key = self._reserved.pop(fold(name), None) or self._new_key(name)
        self.persons[key] = Person(key, name, group.kind)
        self._order[key] = self._next_order
        self._next_order += 1
        self.changes.persons.add(key)
        return key

    def _alone_owner(self, kind: str, folded: str) -> str | None:
        self._read([_alone_term(kind, folded)])
        found = self._alone.get((kind, folded))
        return found[1] if found else None

    def _namesakes(self, group: Group) -> Iterable[Person]:
        self._read(_family_term(n.family) for n in group.full)
        keys = set().union(*(self._by_family[n.family] for n in group.full))
        return (self.persons[key] for key in keys)

    def _new_key(self, name: str) -> str:
        base = SLUG_RE.sub("-", fold(name)).strip("-") or "person"
        key, number = base, 1
        while key in self.persons or key in self._reserved.values() or self._stored_key(key):
            number += 1
            key = f"{base}-{number}"
        return key

    def _stored_key(self, key: str) -> bool:
        return self._source is not None and self._source.person_key_taken(key)

    def _index(self, key: str, names: Iterable[str], stamp: tuple[int, int] | None = None) -> None:
        """Index a person by these names; `stamp` orders who has a name alone (stored persons
        by creation, before any this run indexes, as when the whole table was read first)."""
        person = self.persons[key]
        known = {n.raw for n in self._full[key]}
        if stamp is None:
            self._stamps += 1
            stamp = (STORED + 1, self._stamps)
        for raw in names:
            name = parse_name(raw)
            if name is None or raw in known:
                continue
            if person.kind == "person" and name.given:
                self._full[key].append(name)
                self._by_family[name.family].add(key)
                self._by_compact[name.compact].add(key)
                for surname in _surnames(name):
                    self._by_surname[surname].add(key)
            elif person.kind != "person":
                alone = (person.kind, _folded(name))
                if alone not in self._alone or stamp < self._alone[alone][0]:
                    self._alone[alone] = (stamp, key)

    def _prefer_diacritics(self, person: Person, group: Group) -> None:
        """'Jurgen Klopp' becomes 'Jürgen Klopp' once the accented spelling is seen."""
        for name in group.full:
            if fold(name.shown) == fold(person.name) and _accents(name.shown) > _accents(
                person.name
            ):
                person.name = name.shown
                self.changes.renamed.add(person.key)


def index_terms(kind: str, names: Iterable[str]) -> set[str]:
    """The terms a table looks a person of this kind, known by these names, up by."""
    terms = set()
    for raw in names:
        name = parse_name(raw)
        if name is None:
            continue
        if kind == "person" and name.given:
            terms |= {_family_term(name.family), _compact_term(name)}
            terms.update(_surname_term(surname) for surname in _surnames(name))
        elif kind != "person":
            terms.add(_alone_term(kind, _folded(name)))
    return terms


def _lookup_terms(raw: str) -> set[str]:
    """The terms matching a speaker name may look up (some it may not need)."""
    name = parse_name(raw)
    if name is not None and name.given:
        return {_family_term(name.family), _compact_term(name)}
    folded = _folded(name) if name is not None else fold(raw)
    terms = {_alone_term(kind, folded) for kind in ("name", "organisation")}
    return terms | ({_surname_term(name.surname)} if name is not None else set())


def _surnames(name: PersonName) -> set[str]:
    """A full name's surname and the surname's last word ('Bader Ginsburg', 'Ginsburg')."""
    return {name.surname, name.surname.split()[-1]}


def _family_term(family: tuple[str, str]) -> str:
    return f"family\t{family[0]}\t{family[1]}"


def _compact_term(name: PersonName) -> str:
    return f"compact\t{name.compact}"


def _surname_term(surname: str) -> str:
    return f"surname\t{surname}"


def _alone_term(kind: str, folded: str) -> str:
    return f"alone\t{kind}\t{folded}"


def _owned(names: list[PersonName], single: PersonName) -> bool:
    """A surname said alone that one of a person's full names owns, of the same sex."""
    return any(
        owns_single(name, single, first_names=False)
        and not (single.sex and name.sex and single.sex != name.sex)
        for name in names
    )


def _closeness(names: list[PersonName], known: list[PersonName]) -> int:
    """3: a name already known as written (up to case, accents, titles); 2: the same first
    name; 1: agreeing only through a nickname the name gives ('Charles (Chuck) Schumer')."""
    if any(n.compact == k.compact for n in names for k in known):
        return EXACT
    return 2 if any(n.first == k.first for n in names for k in known) else 1


def _index_names(group: Group) -> set[str]:
    """The names to find a group's person by in later stories: an organisation by its own
    name, not by the short names this story's text showed to stand for it ('the Times')."""
    if group.kind == "organisation":
        return {n.raw for n in group.names if n is not None}
    return {use.name for use in group.uses} | {n.raw for n in group.full}


def _canonical(group: Group) -> str:
    """The name to show for a new person: the spelling its quotes use most (titles and
    initials left out), accents kept, the shortest on a tie."""
    counts = Counter(use.name for use in group.uses)
    names = group.full or [n for n in group.names if n is not None]
    if not names:
        return group.uses[0].name.strip() if group.uses else "?"
    best = max(
        names, key=lambda n: (counts[n.raw], _accents(n.shown), -len(n.shown.split()), n.shown)
    )
    return best.shown


def _alone_key(group: Group) -> str:
    names = [n for n in group.names if n is not None]
    return _folded(names[0]) if names else fold(group.uses[0].name)


def _folded(name: PersonName) -> str:
    return name.compact


def _accents(text: str) -> int:
    return sum(not c.isascii() for c in text)
