"""The people of one story: its speaker names grouped, one group a person, with the story as
the evidence.

Full names group when their surname and suffix agree and their given names do (Donald J. /
Donald John / Donald; never George W. with George H. W.); a name and its diminutive (Charles /
Chuck) group in a story only when no two given names of that surname in it disagree (Bob and
Bobby Goodlatte: a father and a son). A surname or first name said alone joins the one person of
that name its article names (speakers and every full name in the text), else the one its story
names; with two or none, it stays a name alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsprism.model import Article
from newsprism.names import (
    body_person_mentions,
    credit_words,
    ends_sentence_word,
    first_said_alone,
)
from newsprism.persons.parsing import (
    PersonName,
    given_relation,
    is_given_name,
    owns_single,
    parse_name,
)

# Abbreviations inside organisations' names, besides those that end no sentence anywhere.
NAME_ABBREVIATIONS = frozenset({"Bros", "Corp", "Ltd", "Dept", "Univ", "Assn", "Mfg"})


@dataclass(frozen=True, slots=True)
class NameUse:
    """A speaker name as one article uses it (the unit a surname alone is resolved in)."""

    name: str
    article: str


@dataclass
class Group:
    """The names a story gives one person (or one organisation, or one name alone)."""

    names: list[PersonName] = field(default_factory=list)
    uses: list[NameUse] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)

    @property
    def full(self) -> list[PersonName]:
        return [n for n in self.names if n.given]

    @property
    def kind(self) -> str:
        if self.full:
            return "person"
        return "organisation" if any(n.organisation for n in self.names) else "name"

    @property
    def sex(self) -> str:
        return next((n.sex for n in self.names if n.sex), "")


def relation(name: PersonName, names: Iterable[PersonName]) -> str:
    """How a full name relates to a person's full names: 'same', 'nickname' or 'conflict'."""
    found = "nickname"
    for other in names:
        if other.compact == name.compact:
            found = "same"
            continue
        if other.family != name.family:
            return "conflict"
        kind = given_relation(name, other)
        if kind == "conflict":
            return "conflict"
        if kind == "same":
            found = "same"
    return found


def story_groups(
    uses: Counter[NameUse], articles: dict[str, Article], roles: dict[str, set[str]]
) -> dict[NameUse, Group]:
    """The group (person) of every name use of a story; `uses` counts quotes, `articles` are
    the story's (their text names people too), `roles` holds the roles each name's
    attributions give."""
    parsed = {use: parse_name(use.name) for use in uses}
    singles = [u for u, n in parsed.items() if n is None or not n.given]
    mentioned = _mentioned(articles.values()) if singles else {}
    groups = _group_full(
        _counted_full(uses, parsed), {n for names in mentioned.values() for n in names}
    )
    group_of_name = {n: g for g in groups for n in g.names}
    group_of = {
        use: group_of_name[name] for use, name in parsed.items() if name is not None and name.given
    }
    if singles:
        speakers = {n for use, n in parsed.items() if n is not None and n.given}
        bodies = {a.id: a.body for a in articles.values()}
        story = StoryNames(groups, speakers, mentioned, bodies)
        _place_singles(singles, parsed, group_of, story)
    for use, group in group_of.items():
        group.uses.append(use)
        group.roles |= roles.get(use.name, set())
        name = parsed[use]
        group.roles |= name.roles if name else set()
    return group_of


def _counted_full(uses: Counter[NameUse], parsed: dict[NameUse, PersonName | None]) -> Counter:
    counts: Counter[PersonName] = Counter()
    for use, count in uses.items():
        name = parsed[use]
        if name is not None and name.given:
            counts[name] += count
    return counts


def _group_full(counts: Counter[PersonName], mentioned: Iterable[PersonName] = ()) -> list[Group]:
    """Full names into groups, the most specific first (so 'Donald Trump' meets 'Donald J.
    Trump' already grouped); a name that fits two groups equally stays apart."""
    names = sorted({*counts, *mentioned}, key=lambda n: (-len(n.given), -counts[n], n.raw))
    disputed = _disputed_families(names)
    groups: list[Group] = []
    near: dict[object, list[Group]] = defaultdict(list)  # groups by surname and by spelling
    for name in names:
        keys = (("family", name.family), ("compact", name.compact))
        candidates = {id(g): g for key in keys for g in near[key]}.values()
        fits = [(g, relation(name, g.full)) for g in candidates]
        fits = [(g, kind) for g, kind in fits if kind != "conflict"]
        same = [g for g, kind in fits if kind == "same"]
        if len(same) == 1:
            group = same[0]
        elif not same and len(fits) == 1 and name.family not in disputed:
            group = fits[0][0]  # a nickname, the story the evidence
        else:
            group = Group()
            groups.append(group)
        group.names.append(name)
        for key in keys:
            if group not in near[key]:
                near[key].append(group)
    return groups


def _disputed_families(names: list[PersonName]) -> set[tuple[str, str]]:
    """Surnames two given names of the story disagree on (Bob and Bobby Goodlatte): no
    nickname is trusted for them."""
    by_family: dict[tuple[str, str], list[PersonName]] = defaultdict(list)
    for name in names:
        by_family[name.family].append(name)
    return {
        family
        for family, members in by_family.items()
        if any(
            a.compact != b.compact and given_relation(a, b) == "conflict"
            for i, a in enumerate(members)
            for b in members[i + 1 :]
        )
    }


def _place_singles(
    singles: list[NameUse],
    parsed: dict[NameUse, PersonName | None],
    group_of: dict[NameUse, Group],
    story: StoryNames,
) -> None:
    """A name alone joins the one person its article, else its story, names by that name;
    else it stays a name alone ('Mr. Clinton' and 'Mrs. Clinton' apart)."""
    both_sexes = _surnames_of_both_sexes(parsed[u] for u in singles)
    organisations = [(u, n) for u, n in parsed.items() if n is not None and n.organisation]
    alone: dict[tuple[str, str], Group] = {}
    for use in sorted(singles, key=lambda u: (u.name, u.article)):
        name = parsed[use]
        if name is None or name.organisation:
            known = _longer_organisation(name, use, organisations, story) if name else None
            key = ("organisation", known.compact if known else use.name)
            group_of[use] = alone.setdefault(key, Group([known] if known else []))
            continue
        owner = _owner(name, use, group_of, story)
        if owner is None:
            sex = name.sex if name.surname in both_sexes else ""
            owner = alone.setdefault((name.surname, f"{sex}{name.suffix}"), Group())
        if name not in owner.names:
            owner.names.append(name)
        group_of[use] = owner


def _longer_organisation(
    name: PersonName,
    use: NameUse,
    organisations: list[tuple[NameUse, PersonName]],
    story: StoryNames,
) -> PersonName:
    """An organisation's short name stands for the one longer name ending with it that its
    article gives (a speaker, or in the text: 'the Times' after 'wrote in The New York
    Times'), else the one among the story's speakers; else for itself. A longer name that only
    puts a person of the story before it ('the Trump White House') is that body, not another;
    one that lists it after another ('Kim Kardashian And Kanye West') names two."""
    words = name.surname.split()
    in_article = {
        other.compact: other
        for other_use, other in organisations
        if other_use.article == use.article and _ends_with(other, words)
    }
    for written in _longer_names(name.full, story.bodies.get(use.article, "")):
        longer = parse_name(written)
        if longer is not None and longer.organisation and _ends_with(longer, words):
            in_article[longer.compact] = longer
    in_story = {other.compact: other for _, other in organisations if _ends_with(other, words)}
    for found in (in_article, in_story):
        named = {k: v for k, v in found.items() if not _other_before(v, words, story.surnames)}
        if named:
            return next(iter(named.values())) if len(named) == 1 else name
    return name


# Words after which a longer name goes on with another name, or the object of its head.
NOT_A_HEAD_BEFORE = frozenset({"and", "&", "of", "for", "in", "on", "at", "to", "from", "by"})


def _other_before(longer: PersonName, words: list[str], surnames: set[str]) -> bool:
    """Whether the words a longer name adds are a surname of the story ('Trump', 'Obama's'),
    another name and a conjunction ('Kim Kardashian And'), or a head the short name is the
    object of ('Rabbinical Council of', so 'America' is not that council)."""
    added = longer.surname.split()[: -len(words)]
    if added and added[-1] in NOT_A_HEAD_BEFORE:
        return True
    return len(added) == 1 and added[0] in surnames  # parse_name took the possessive off


def _ends_with(name: PersonName, words: list[str]) -> bool:
    own = name.surname.split()
    return len(own) > len(words) and own[-len(words) :] == words


def _longer_names(short: str, body: str) -> set[str]:
    """Capitalised runs of the body that end with `short` ('The New York Times'), from after
    an article or a sentence's end ('on Monday. Chanel West Coast' is no longer name)."""
    pattern = rf"(?:[A-Z][\w&'.-]*[^\S\n]+){{1,4}}{re.escape(short)}\b"  # within a line
    found = set()
    for match in re.finditer(pattern, body):
        words = match.group(0).split()
        cuts = [n + 1 for n, word in enumerate(words) if _opens_after(word)]
        words = words[cuts[-1] :] if cuts else words
        found.add(" ".join(words[credit_words(words) :]))  # not 'AP American Airlines'
    return found


def _opens_after(word: str) -> bool:
    """A name starts after this word: an article, or a word that ends a sentence ('Monday.',
    not 'Inc.', 'Bros.' or 'J.')."""
    if word.lower() in ("the", "a", "an"):
        return True
    return ends_sentence_word(word) and word[:-1] not in NAME_ABBREVIATIONS


def _surnames_of_both_sexes(names: Iterable[PersonName | None]) -> set[str]:
    sexes: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if name is not None and name.sex:
            sexes[name.surname].add(name.sex)
    return {surname for surname, found in sexes.items() if len(found) > 1}


@dataclass
class StoryNames:
    """What a single name is resolved against: the story's groups of full names (quoted under or
    given by the text), which full names someone is quoted under, the full names of each
    article's text."""

    groups: list[Group]
    speakers: set[PersonName]
    mentioned: dict[str, list[PersonName]]
    bodies: dict[str, str] = field(default_factory=dict)
    group_of_name: dict[PersonName, Group] = field(default_factory=dict)
    surnames: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.group_of_name = {n: g for g in self.groups for n in g.names}
        self.surnames = {n.surname.split()[-1] for n in self.group_of_name if n.given}


def _owner(
    name: PersonName, use: NameUse, group_of: dict[NameUse, Group], story: StoryNames
) -> Group | None:
    """The one person the single name's article names by it, else the one its story names
    (and `_trusted`); every full name the text gives counts, so a surname two people share
    names neither. A first name alone ('Hillary') names someone only within its article, and
    only where no one in the story has it as a surname."""
    in_article = {id(g): g for u, g in group_of.items() if u.article == use.article and g.full}
    for full in story.mentioned.get(use.article, []):
        group = story.group_of_name[full]
        in_article[id(group)] = group
    first_names = name.surname not in story.surnames
    for candidates, by_first in ((list(in_article.values()), first_names), (story.groups, False)):
        owners = [g for g in candidates if _owns(g, name, by_first)]
        if owners:
            trusted = len(owners) == 1 and _trusted(owners[0], story.speakers)
            return owners[0] if trusted else None
    return None


def _trusted(group: Group, speakers: set[PersonName]) -> bool:
    """Whether a single name may join this person: someone is quoted under its full name, or
    the text names it with a first name people have ('Donald Trump'; not the capitalised runs
    a headline or a sentence makes, 'Drawing China', 'Americans Francis')."""
    return not speakers.isdisjoint(group.full) or any(is_given_name(n.first) for n in group.full)


def _owns(group: Group, name: PersonName, first_names: bool) -> bool:
    if name.sex and group.sex and name.sex != group.sex:
        return False
    return any(owns_single(full, name, first_names) for full in group.full)


def _mentioned(articles: Iterable[Article]) -> dict[str, list[PersonName]]:
    """Every full name each article's body gives, but one whose surname the body used alone
    before it: news introduces a person by full name and then says the surname, so a surname
    said first is someone the reader is taken to know ('President Trump ... First lady Melania
    Trump'), not the full name that comes later."""
    found: dict[str, list[PersonName]] = {}
    for article in articles:
        names = []
        mentions = [(m, parse_name(m.text)) for m in body_person_mentions(article.body)]
        surnames = {name.surname.split()[-1] for _, name in mentions if name and name.given}
        said = first_said_alone(article.body, surnames) if surnames else {}
        for mention, name in mentions:  # not the title: headline case
            if name is None or not name.given:
                continue
            if said.get(name.surname.split()[-1], mention.start) >= mention.start:
                names.append(name)
        found[article.id] = names
    return found
