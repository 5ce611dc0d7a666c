"""The person table: one key and one canonical name per person across everything stored.

Each story's names are grouped first (`story.py`), then each group is matched to the persons
already known: a full name to the one person whose full names all agree with it (surname and
suffix, given names and initials; a diminutive only where a role is shared: 'Weekly Standard
Editor Bill Kristol' / 'editor William Kristol'), preferring one already seen with exactly that
name; a name alone ('Trump' where the story names no Trump in full) to the persons known by that
name alone, never to a full name. A group matching none, or two equally, is a new person.
Keys are slugs of the canonical name and never change; the table only grows, so a run adds the
names of its new quotes to it and leaves the rest as it was.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from newsprism.model import Article, Quote
from newsprism.persons.parsing import PersonName, owns_single, parse_name, roles_in
from newsprism.persons.story import Group, NameUse, relation, story_groups
from newsprism.text import fold

SLUG_RE = re.compile(r"[^a-z0-9]+")
EXACT = 3  # closeness of a name already known as written


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


class PersonTable:
    """Persons, the speaker names matched to them, and which quote names whom (`links`)."""

    def __init__(
        self,
        persons: Iterable[Person] = (),
        links: dict[str, tuple[str, str]] | None = None,
        reserved: dict[str, str] | None = None,
    ) -> None:
        self.persons: dict[str, Person] = {}
        self.links: dict[str, tuple[str, str]] = dict(links or {})
        self.changes = Changes()
        # canonical name -> key of a person to reuse (a rebuild keeps the keys it had)
        self._reserved = dict(reserved or {})
        self._by_family: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_compact: dict[str, set[str]] = defaultdict(set)
        self._by_surname: dict[str, set[str]] = defaultdict(set)  # and its last word
        self._alone: dict[tuple[str, str], str] = {}  # (kind, folded name) -> key
        self._full: dict[str, list[PersonName]] = defaultdict(list)
        self._order: dict[str, int] = {}  # key -> when the person was made
        for person in persons:
            self.persons[person.key] = person
            self._order[person.key] = len(self._order)
            self._index(person.key, {person.name} | person.names)

    def rebuilt(self) -> PersonTable:
        """An empty table that gives each person it makes again the key it had."""
        reserved = {fold(p.name): p.key for p in self.persons.values()}
        return PersonTable(reserved=reserved)

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
        return replace(quote, speaker=self.persons[key].name, speaker_key=key)

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
        self._index(key, {use.name for use in group.uses} | {n.raw for n in group.full})
        self._prefer_diacritics(person, group)
        return key

    # -- matching a group to a known person --------------------------------------------------

    def _match(self, group: Group) -> str | None:
        if group.kind != "person":
            return self._titled_owner(group) or self._alone.get((group.kind, _alone_key(group)))
        full = group.full
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
        self._order[key] = len(self._order)
        self.changes.persons.add(key)
        return key

    def _namesakes(self, group: Group) -> Iterable[Person]:
        keys = set().union(*(self._by_family[n.family] for n in group.full))
        return (self.persons[key] for key in keys)

    def _new_key(self, name: str) -> str:
        base = SLUG_RE.sub("-", fold(name)).strip("-") or "person"
        key, number = base, 1
        while key in self.persons or key in self._reserved.values():
            number += 1
            key = f"{base}-{number}"
        return key

    def _index(self, key: str, names: Iterable[str]) -> None:
        person = self.persons[key]
        known = {n.raw for n in self._full[key]}
        for raw in names:
            name = parse_name(raw)
            if name is None or raw in known:
                continue
            if person.kind == "person" and name.given:
                self._full[key].append(name)
                self._by_family[name.family].add(key)
                self._by_compact[name.compact].add(key)
                for surname in {name.surname, name.surname.split()[-1]}:
                    self._by_surname[surname].add(key)
            elif person.kind != "person":
                self._alone.setdefault((person.kind, _folded(name)), key)

    def _prefer_diacritics(self, person: Person, group: Group) -> None:
        """'Jurgen Klopp' becomes 'Jürgen Klopp' once the accented spelling is seen."""
        for name in group.full:
            if fold(name.shown) == fold(person.name) and _accents(name.shown) > _accents(
                person.name
            ):
                person.name = name.shown
                self.changes.renamed.add(person.key)


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
