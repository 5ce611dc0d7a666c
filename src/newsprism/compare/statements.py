"""Group a story's quotes into statements by their words, pick each statement's fullest
version, and reconcile who said it.

Quotes are linked when one carries the words of another article's quote (an alignment with
an anchor), never by the speaker each outlet names, so a wrong or missing speaker in one
outlet cannot hide a match. A statement is a connected group of linked quotes; its source is
the transcript answer if there is one, else the longest version that is not put together from
another article's passages, else the earliest published, else the first read.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise, permutations

from rapidfuzz.fuzz import ratio

from newsprism.compare.align import (
    Alignment,
    Passage,
    QuoteReading,
    SourceText,
    align,
    align_short,
    editorial_marks,
    quote_tokens,
)
from newsprism.compare.lexicon import is_light, matching_form, stem
from newsprism.model import Article, Quote
from newsprism.names import TITLES, looks_like_person, name_key, surname_key
from newsprism.text import WORD_RE, Token, fold, sentence_spans

DETERMINERS = frozenset({"the", "a", "an", "this", "that"})

SQUARE_BRACKETS_RE = re.compile(r"\[[^\]]*\]")
MIN_COVERAGE = 0.5  # share of the quote's words found in order in the source
MIN_DENSITY = 0.5  # share of the quote's words found between its first and last aligned
MIN_CONTAINED_WORDS = 5  # or this many words, being most of a shorter version
MIN_SHARED_WORDS = 8  # or a shared stretch this long (two excerpts of one longer statement)
MIN_SHARED_RUN = 6
MIN_EDGE_RUN = 5  # or a run this long at the start or end of the other quote
REPEATED = 0.8  # share of a quote found in another quote of its own article: a repeat
# A statement's member says the source's words more densely than a bare link needs: a quote
# that only brushes the source is regrouped with what it says closely (or told apart).
MEMBER_DENSITY = 0.6
# Share of a quote left alone that a member of a statement must carry for the quote to join
# it through that member: most of its words, not a phrase it shares.
RELAYED = 0.8
MIN_CREDITED = 8  # words of a quote whose credit is weighed (two people may say a short phrase)
COMPOSED = 0.8  # share of a stitched quote's words found in the article it was stitched from
COMPOSED_PARAGRAPHS = 3  # its passages this many paragraphs apart there
SPELLED_APART = 80  # rapidfuzz ratio of two spellings of one surname (Jaczko, Jazcko)


@dataclass
class Version:
    """One article's quoted passages, ready to be aligned against."""

    article: Article
    order: int
    quotes: list[Quote]
    _text: SourceText | None = None
    _without: dict[str, SourceText] = field(default_factory=dict)
    _read: dict[str, QuoteReading] = field(default_factory=dict)  # each quote's, read once
    _starts: list[int] | None = None
    _chains: dict[str, int] | None = None

    @property
    def text(self) -> SourceText:
        if self._text is None:
            self._text = SourceText.of(self.quotes, self._read)
        return self._text

    def text_without(self, quote: Quote) -> SourceText:
        """The passages of this article other than `quote` (to align a quote against the
        source of its statement when both are in one article)."""
        if quote.id not in self._without:
            others = [q for q in self.quotes if q is not quote]
            self._without[quote.id] = SourceText.of(others, self._read)
        return self._without[quote.id]

    @cached_property
    def body_text(self) -> SourceText:
        """The article's whole text, a passage a paragraph (for words it prints unquoted)."""
        paragraphs = [
            Quote(f"{self.article.id}-p{n}", self.article.id, text, start, end)
            for n, (text, (start, end)) in enumerate(
                zip(self.article.paragraphs, self.article.paragraph_spans(), strict=True)
            )
        ]
        return SourceText.of(paragraphs)

    @cached_property
    def body_trigrams(self) -> set[tuple[str, ...]]:
        """Every run of three rough words of the article's text: to skip it quickly, without
        tokenising the whole text as body_text does (that is only wanted when it may match)."""
        return trigrams(rough_words(self.article.body))

    @cached_property
    def unquoted_trigrams(self) -> set[tuple[str, ...]]:
        """Every run of three rough words of the article's text outside its quotes."""
        body, parts, at = self.article.body, [], 0
        for quote in sorted(self.quotes, key=lambda q: q.start):
            parts.append(body[at : quote.start])
            at = max(at, quote.end)
        parts.append(body[at:])
        return set().union(*(trigrams(rough_words(part)) for part in parts))

    @property
    def outlet(self) -> str:
        return self.article.outlet or self.article.id

    @cached_property
    def words(self) -> set[str]:
        """The article's words, possessives dropped (to ask whether it names someone)."""
        return _words(self.article.body)

    def chain_words(self, quote: Quote) -> int:
        """Words of the whole quotation `quote` is part of: one quote running over
        paragraphs, or broken by its attribution, is stored as quotes that continue it."""
        if self._chains is None:
            by_id = {q.id: q for q in self.quotes}
            root: dict[str, str] = {}
            for q in self.quotes:
                first = q
                while first.continues in by_id and first.continues != first.id:
                    first = by_id[first.continues]
                root[q.id] = first.id
            words: Counter[str] = Counter()
            for q in self.quotes:
                words[root[q.id]] += len(q.text.split())
            self._chains = {q.id: words[root[q.id]] for q in self.quotes}
        return self._chains.get(quote.id, len(quote.text.split()))

    def paragraph_of(self, offset: int) -> int:
        """The paragraph of the article body holding `offset`."""
        if self._starts is None:
            self._starts = [start for start, _ in self.article.paragraph_spans()]
        return bisect.bisect_right(self._starts, offset) - 1


def rough_words(text: str) -> list[str]:
    """The words of `text` folded, without the normalising of word_tokens: a quick
    tokenisation for a first filter only."""
    return WORD_RE.findall(fold(text))


def trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return set(zip(words, words[1:], words[2:], strict=False))


@dataclass
class Occurrence:
    quote: Quote
    version: Version
    tokens: list[Token]
    spoken: int = 0  # words outside brackets and parentheses (the speaker's own)

    @cached_property
    def content(self) -> set[str]:
        """The stems of its content words."""
        return {stem(t.norm) for t in self.tokens if not is_light(t.norm)}

    @cached_property
    def sentence_contents(self) -> list[set[str]]:
        """The stems of the content words of each of its sentences, for a quote of several."""
        spans = sentence_spans(self.quote.text)
        if len(spans) < 2:
            return []
        return [
            {stem(t.norm) for t in self.tokens if a <= t.start < b and not is_light(t.norm)}
            for a, b in spans
        ]

    @cached_property
    def matched_words(self) -> tuple[set[str], set[str]]:
        """The stems of its content words as matching reads them, and of those not written
        as a name (a capitalised word after the first)."""
        text = self.quote.text
        content, common = set(), set()
        for n, token in enumerate(self.tokens):
            if is_light(token.norm):
                continue
            word = stem(matching_form(token.norm))
            content.add(word)
            if n == 0 or not text[token.start : token.start + 1].isupper():
                common.add(word)
        return content, common

    @cached_property
    def bracketed(self) -> list[bool]:
        """Per token: inside square brackets, a writer's insertion, never the speaker's words
        (where parentheses may be a statement's own aside)."""
        spans = _square_brackets(self.quote)
        return [any(a <= t.start and t.end <= b for a, b in spans) for t in self.tokens]

    @cached_property
    def unbracketed(self) -> int:
        """Words outside square brackets."""
        return len(self.tokens) - sum(self.bracketed)

    @cached_property
    def confident(self) -> bool:
        return _confident(self.quote, self.version.chain_words(self.quote))

    @property
    def rank(self) -> tuple:
        """Lowest first: a transcript, the longest, the earliest published, the first read."""
        article = self.version.article
        return (
            article.kind != "transcript" or self.quote.kind != "transcript",
            -self.spoken,
            article.published or "\uffff",
            self.version.order,
            self.quote.start,
        )


def _square_brackets(quote: Quote) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SQUARE_BRACKETS_RE.finditer(quote.text)]


def _passage_words(alignment: Alignment) -> set[str]:
    norms = alignment.source.norms
    return {stem(norms[i]) for p in alignment.passages for i in range(p.s_start, p.s_end)}


def _names_only(passage_words: set[str], occurrence: Occurrence | None) -> bool:
    """The words the quote shares with the source are names and function words: a name is in
    every article about the story ('infiltrating the Syrian Red Crescent' against '...
    belonging to the Syrian Red Crescent', 'absolute heart of the Endangered Species Act'
    against 'wholly inappropriate use of the Endangered Species Act')."""
    if occurrence is None:
        return False
    _, common = occurrence.matched_words
    return bool(common) and not common & passage_words


def _content_carried(passage_words: set[str], occurrence: Occurrence | None) -> bool:
    """Most of the quote's content words are among its words found in the source: a short
    quote whose function words line up with another's ('DNA is a part of the case' against
    'DNA is a fraction of 1 percent of the DNA') does not carry its words."""
    if occurrence is None:
        return True
    content, _ = occurrence.matched_words
    if len(content) < 2:
        return True
    return len(content & passage_words) >= MIN_COVERAGE * len(content)


def carries(alignment: Alignment, occurrence: Occurrence | None = None) -> bool:
    """The other version says these words: most of the quote (of its words outside a writer's
    square brackets, if `occurrence` is given; most of its content words too), most of a shorter
    passage, a long stretch of both, or a run where one version stops and the other goes on
    (two excerpts of one longer statement, one of them perhaps cut off with '...'); never
    words scattered thinly over a long stretch of it."""
    if alignment.density < MIN_DENSITY:
        return False
    unbracketed = occurrence.unbracketed if occurrence else None
    passage_words = _passage_words(alignment) if occurrence else set()
    if (
        alignment.coverage >= MIN_COVERAGE
        or (unbracketed and alignment.matched >= MIN_COVERAGE * unbracketed)
    ) and _content_carried(passage_words, occurrence):
        return not _names_only(passage_words, occurrence)
    if alignment.matched >= MIN_CONTAINED_WORDS and alignment.matched >= (
        MIN_COVERAGE * alignment.fullness
    ):
        return True
    longest = max(p.longest_block for p in alignment.passages)
    if alignment.matched >= MIN_SHARED_WORDS and longest >= MIN_SHARED_RUN:
        return True
    return (
        longest >= MIN_EDGE_RUN
        and any(_overlap(p, alignment) for p in alignment.passages)
        and not _names_only(passage_words, occurrence)
    )


def _overlap(passage: Passage, alignment: Alignment) -> bool:
    """The passage is where one excerpt ends and the other begins: it opens the quote and
    closes the source quote, or closes the quote and opens the source quote."""
    source = alignment.source
    opens, closes = source.at_edge(passage.s_start, passage.s_end)
    return (passage.q_start == 0 and closes) or (passage.q_end == alignment.length and opens)


MAX_COMPARED_ARTICLES = 100


@dataclass
class KnownLinks:
    """What aligning a story's quotes with its first articles found, kept for its next
    comparison: every quote of `quotes` (by article) was aligned with every article of
    `targets`; `edges` holds the pairs that carried, each with the target's quote it links to.
    A pair is a function of the two articles' quotes alone, so it holds while neither changes."""

    quotes: dict[str, list[str]] = field(default_factory=dict)  # article id -> quote ids
    targets: list[str] = field(default_factory=list)
    edges: dict[tuple[str, str], str] = field(default_factory=dict)  # (quote, target) -> quote

    def without(self, changed: set[str]) -> KnownLinks:
        """These links less what involves the `changed` articles (their quotes may differ)."""
        return KnownLinks(
            {a: q for a, q in self.quotes.items() if a not in changed},
            [t for t in self.targets if t not in changed],
            {k: v for k, v in self.edges.items() if k[1] not in changed},
        )

    def to_json(self) -> dict:
        return {
            "quotes": self.quotes,
            "targets": self.targets,
            "edges": [[q, t, other] for (q, t), other in self.edges.items()],
        }

    @classmethod
    def from_json(cls, data: dict) -> KnownLinks:
        edges = {(q, t): other for q, t, other in data["edges"]}
        return cls(data["quotes"], data["targets"], edges)


class Links:
    """Every quote aligned against every other article of the story, once; the pairs `known`
    from the story's last comparison are not aligned again until an alignment is asked for."""

    def __init__(
        self,
        occurrences: list[Occurrence],
        versions: list[Version],
        known: KnownLinks | None = None,
    ) -> None:
        self.alignments: dict[tuple[str, int], Alignment] = {}
        self.edges: list[tuple[str, str]] = []
        self._linked: dict[tuple[str, int], tuple[Occurrence, Version]] = {}  # known, unaligned
        self._found: dict[tuple[str, str], str] = {}  # (quote, target article) -> its quote
        # every quote against the story's first articles with quotes: all of them in any
        # story but a flood of copies, where aligning each quote with every other article
        # grew with the square of the story (2,000 copies: 113 s and 2.9 GB)
        targets = [version for version in versions if version.quotes][:MAX_COMPARED_ARTICLES]
        known = known or KnownLinks()
        known_quotes = {q for ids in known.quotes.values() for q in ids}
        known_targets = set(known.targets)
        for occurrence in occurrences:
            quote_known = occurrence.quote.id in known_quotes
            for version in targets:
                if version is occurrence.version:
                    continue
                key = (occurrence.quote.id, version.order)
                if quote_known and version.article.id in known_targets:
                    other = known.edges.get((occurrence.quote.id, version.article.id))
                    if other is not None:
                        self._linked[key] = (occurrence, version)
                        self._link(occurrence.quote.id, version.article.id, other)
                    continue
                alignment = _carried_alignment(occurrence, version)
                if alignment is None:
                    continue
                self.alignments[key] = alignment
                other = version.quotes[alignment.main_unit].id
                self._link(occurrence.quote.id, version.article.id, other)
        self._targets = [version.article.id for version in targets]
        self._occurrences = occurrences

    def _link(self, quote_id: str, target: str, other: str) -> None:
        self.edges.append((quote_id, other))
        self._found[(quote_id, target)] = other

    def known(self) -> KnownLinks:
        """The links found, to be known by the story's next comparison."""
        quotes: dict[str, list[str]] = {}
        for occurrence in self._occurrences:
            quotes.setdefault(occurrence.quote.article, []).append(occurrence.quote.id)
        return KnownLinks(quotes, self._targets, self._found)

    def get(self, quote_id: str, order: int) -> Alignment | None:
        """The alignment of the quote with the article at `order` in the story, if it carried."""
        key = (quote_id, order)
        if key not in self.alignments and (pair := self._linked.get(key)):
            alignment = _carried_alignment(*pair)
            if alignment is not None:  # a known pair aligns as it did
                self.alignments[key] = alignment
        return self.alignments.get(key)

    def has(self, quote_id: str, order: int) -> bool:
        return (quote_id, order) in self.alignments or (quote_id, order) in self._linked

    def composed(self, occurrence: Occurrence, members: list[Occurrence]) -> bool:
        """The quote is put together from passages of another member's article: however
        long, it is not the fullest version of anything. Passages in neighbouring paragraphs
        (in either order) are more likely one statement the other outlet split with its
        narration; a transcript's answers, passages far apart, or a join marked with an
        ellipsis are pieces put together."""
        for member in members:
            if member.version is occurrence.version:
                continue
            alignment = self.get(occurrence.quote.id, member.version.order)
            if alignment is None or alignment.coverage < COMPOSED or len(alignment.passages) < 2:
                continue
            version = member.version
            paragraphs = [
                version.paragraph_of(alignment.source.tokens[p.s_start].start)
                for p in alignment.passages
            ]
            apart = any(abs(b - a) >= COMPOSED_PARAGRAPHS for a, b in pairwise(paragraphs))
            marked = _ellipsis_joins(occurrence, alignment)
            if apart or marked or version.article.kind == "transcript":
                return True
        return False

    def against(self, occurrence: Occurrence, source: Occurrence) -> Alignment | None:
        """The alignment of `occurrence` against the article `source` is in, when it carries
        those words and takes some from `source` (or the quotes it runs on with)."""
        if occurrence.version is not source.version:
            alignment = self.get(occurrence.quote.id, source.version.order)
        else:  # one article saying the same words twice
            alignment = align(occurrence.tokens, source.version.text_without(occurrence.quote))
            if alignment is not None and alignment.coverage < REPEATED:
                alignment = None
        if alignment is None or alignment.density < MEMBER_DENSITY:
            return None
        text = alignment.source
        unit = text.unit_of[id(source.quote)]
        touched = {text.chain[u] for u in alignment.units}
        return alignment if text.chain[unit] in touched else None


def _carried_alignment(occurrence: Occurrence, version: Version) -> Alignment | None:
    """The quote aligned with the version's quotes, if that version carries its words."""
    alignment = align(occurrence.tokens, version.text)
    if alignment is None or not carries(alignment, occurrence):
        alignment = align_short(occurrence.tokens, version.text)
    if alignment is None or not carries(alignment, occurrence):
        return None
    return alignment


def _ellipsis_joins(occurrence: Occurrence, alignment: Alignment) -> bool:
    """An ellipsis stands where the quote goes from one passage to the next."""
    tokens, text = occurrence.tokens, occurrence.quote.text
    for before, after in pairwise(alignment.passages):
        between = text[tokens[before.q_end - 1].end : tokens[after.q_start].start]
        if "…" in between or "..." in between:
            return True
    return False


def components(ids: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of `ids` (in the order given) under `edges`; singletons left out."""
    parent = {i: i for i in ids}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second in edges:
        if first in parent and second in parent:
            parent[root(first)] = root(second)
    groups: dict[str, list[str]] = defaultdict(list)
    for item in parent:
        groups[root(item)].append(item)
    return [group for group in groups.values() if len(group) > 1]


@dataclass
class Grouped:
    source: Occurrence
    members: list[tuple[Occurrence, Alignment]]  # each other occurrence, against the source
    # Occurrences whose words the source does not carry but another member's version does
    # (each with that member, and its alignment against the member's article).
    relayed: list[tuple[Occurrence, Occurrence, Alignment]] = field(default_factory=list)

    def occurrences(self) -> list[Occurrence]:
        return [
            self.source,
            *(member for member, _ in self.members),
            *(occurrence for occurrence, _, _ in self.relayed),
        ]


def group_statements(
    occurrences: list[Occurrence], links: Links
) -> tuple[list[Grouped], list[Occurrence]]:
    """Statements (each with its source and its members aligned against it) and the
    occurrences that belong to none."""
    by_id = {o.quote.id: o for o in occurrences}
    pending = [o.quote.id for o in occurrences]
    grouped: list[Grouped] = []
    while True:
        split_off: list[str] = []
        for group in components(pending, links.edges):
            members = sorted((by_id[i] for i in group), key=lambda o: o.rank)
            source = next((m for m in members if not links.composed(m, members)), members[0])
            kept, dropped = [], []
            for member in members:
                if member is source:
                    continue
                alignment = links.against(member, source)
                if alignment is None:
                    dropped.append(member)
                else:
                    kept.append((member, alignment))
            kept, closer = _closer_elsewhere(kept, dropped, links)
            split_off += [m.quote.id for m in dropped + closer]
            if kept:
                grouped.append(Grouped(source, kept))
            else:
                split_off.append(source.quote.id)
        if len(split_off) < 2 or len(split_off) == len(pending):
            break
        pending = split_off
    in_statements = {o.quote.id for g in grouped for o in g.occurrences()}
    alone = [o for o in occurrences if o.quote.id not in in_statements]
    relayed = _relay(alone, grouped, links)
    return grouped, [o for o in alone if o.quote.id not in relayed]


def _closer_elsewhere(
    kept: list[tuple[Occurrence, Alignment]], dropped: list[Occurrence], links: Links
) -> tuple[list[tuple[Occurrence, Alignment]], list[Occurrence]]:
    """Members that a quote the source does not carry says more of than the source and every
    other member do: a quote that bridges two statements ('It's insane. It's ridiculous. It
    should have never been made' shares its last words with a longer answer that says 'It's
    falling down. It should have never ever been made') goes with the quote that carries most
    of its words, not with the longer one it only brushes."""
    stay, closer = [], []
    for member, alignment in kept:
        outside = max([_carried(member, other, links) for other in dropped], default=0)
        # the other members are asked only when the quote outside says more than the source:
        # a statement's every member against every other grows with its square
        if outside > alignment.matched and not any(
            _carried(member, other, links) >= outside for other, _ in kept if other is not member
        ):
            closer.append(member)
        else:
            stay.append((member, alignment))
    return stay, closer


def _carried(occurrence: Occurrence, other: Occurrence, links: Links) -> int:
    """Words of `occurrence` that `other` (in another article) carries."""
    if other.version is occurrence.version:
        return 0
    alignment = links.against(occurrence, other)
    return alignment.matched if alignment is not None else 0


def _relay(alone: list[Occurrence], grouped: list[Grouped], links: Links) -> set[str]:
    """Quotes left alone most of whose words another outlet's member of a statement carries,
    though the statement's source does not (an outlet printing one exchange as separate
    quotes, 'I can't. Sorry.', where others print it whole and the source is a longer piece of
    it), or that the statement's source, in their own article, says again (a phrase printed
    alone and in its full sentence): each joins that statement, labelled against the quote
    that carries it (another outlet's first), not left unsourced."""
    found = set()
    for occurrence in alone:
        best: tuple[tuple[bool, int, float], Grouped, Occurrence, Alignment] | None = None
        for group in grouped:
            for carrier in _carriers(occurrence, group, links):
                alignment = links.against(occurrence, carrier)
                if alignment is None or alignment.coverage < RELAYED:
                    continue
                elsewhere = carrier.version is not occurrence.version
                score = (elsewhere, alignment.matched, alignment.coverage)
                if best is None or score > best[0]:
                    best = (score, group, carrier, alignment)
        if best is not None:
            _, group, carrier, alignment = best
            group.relayed.append((occurrence, carrier, alignment))
            found.add(occurrence.quote.id)
    return found


def _carriers(occurrence: Occurrence, group: Grouped, links: Links) -> list[Occurrence]:
    """The statement's quotes that may carry a quote left alone: those of other articles it
    was aligned with, and the statement's source if it is in the quote's own article."""
    found = [group.source] if group.source.version is occurrence.version else []
    for carrier in [group.source, *(member for member, _ in group.members)]:
        if carrier.version is not occurrence.version and (
            links.has(occurrence.quote.id, carrier.version.order)
        ):
            found.append(carrier)
    return found


# --- who said it -----------------------------------------------------------------------------


def _names_person(quote: Quote) -> bool:
    """The outlet wrote a name where it attributes the quote (not 'he' or 'the coach')."""
    if not quote.speaker or not quote.speaker_mention:
        return False
    return surname_key(quote.speaker) in name_key(quote.speaker_mention).split()


def _named_person(quote: Quote) -> bool:
    """The outlet names a person there, if only by surname ('Trump said')."""
    return _names_person(quote) and looks_like_person((quote.speaker or "").split())


def _confident(quote: Quote, words: int) -> bool:
    """A full personal name, written in full by the outlet where it attributes a quotation
    (of `words` words, over all its parts) of a few words at least ('said Jim Jordan, the
    ranking Republican'; not 'Reid's rep', nor the title of a film)."""
    if not quote.speaker or not quote.speaker_mention or words < MIN_CREDITED:
        return False
    name = person_words(quote.speaker)
    written = quote.speaker_mention.split()
    surname_at = [n for n, w in enumerate(written) if name_key(w) == name[-1]]
    return (
        len(name) >= 2
        and looks_like_person(quote.speaker.split())
        and any(_first_name(written[n - 1]) for n in surname_at if n)
    )


def _first_name(word: str) -> bool:
    """A capitalised word that can stand before a surname ('A.J.', 'Jim'; not 'The')."""
    return word[:1].isupper() and fold(word) not in DETERMINERS


def different_people(first: Occurrence, second: Occurrence) -> bool:
    """Both outlets confidently name a speaker, and not the same person."""
    if not (first.confident and second.confident):
        return False
    return not same_person(first.quote.speaker or "", second.quote.speaker or "")


# Offices and ranks that open a name as the outlets write it ('Const. Tim Fanning').
EXTRA_TITLES = frozenset(
    """constable const detective det inspector insp sergeant lieutenant lt cpl corporal
    officer trooper deputy sheriff commissioner superintendent supt chief""".split()
)


def person_words(name: str) -> list[str]:
    """A name's words without the titles before it: 'Constable Tim Fanning' -> tim fanning."""
    words = name_key(name).split()
    while len(words) > 1 and (words[0].rstrip(".") in TITLES | EXTRA_TITLES):
        words = words[1:]
    return words


def same_person(first: str, second: str) -> bool:
    """'Klopp' and 'Jürgen Klopp' are one person ('DelGiudice' and 'Del Giudice' too);
    'Chris White' and 'Dana White' are two."""
    one, other = person_words(first), person_words(second)
    if not one or not other:
        return False
    same_first = one[0] == other[0] or _initial(one[0], other[0])
    if _surname(one) != _surname(other):
        # one surname spelled two ways by two outlets ('Steve Mullin', 'Steve Mullins')
        return same_first and ratio(_surname(one), _surname(other)) >= SPELLED_APART
    return len(one) == 1 or len(other) == 1 or same_first


def _surname(words: list[str]) -> str:
    """The letters after the first name: 'vincent del giudice' -> delgiudice."""
    return "".join(c for w in words[1:] or words for c in w if c.isalpha())


def _initial(first: str, second: str) -> bool:
    """'J.' or 'J' for 'Jürgen'."""
    short, long = sorted((first.rstrip("."), second.rstrip(".")), key=len)
    return len(short) == 1 and long.startswith(short)


@dataclass
class Speakers:
    speaker: str | None
    misattributed: set[str]  # quote ids whose outlet credits someone else, confidently


class People:
    """The people a statement's outlets name, each once, with who names them."""

    def __init__(self, named: list[Occurrence], credits: Credits | None = None) -> None:
        self.credits = credits
        self.forms: dict[str, str] = {}
        for occurrence in sorted(named, key=lambda o: -len(_speaker(o).split())):
            self.forms.setdefault(self.key(_speaker(occurrence)), _speaker(occurrence))
        self.outlets: dict[str, set[str]] = defaultdict(set)
        self.named_by: Counter[str] = Counter()
        for occurrence in named:
            person = self.key(_speaker(occurrence))
            self.outlets[person].add(occurrence.version.outlet)
            self.named_by[person] += _names_person(occurrence.quote)

    def key(self, speaker: str) -> str:
        """The person `speaker` is among those seen ('Klopp' joins 'Jurgen Klopp')."""
        key = name_key(speaker)
        if key in self.forms:
            return key
        owners = {k for k in self.forms if same_person(k, speaker)}
        return owners.pop() if len(owners) == 1 else key

    def most_named(self) -> str:
        return max(
            self.forms,
            key=lambda p: (
                self.named_by[p] > 0,
                len(self.outlets[p]),
                sum(self.preferred(p, other) is True for other in self.forms if other != p),
                self.named_by[p],
            ),
        )

    def preferred(self, person: str, other: str) -> bool | None:
        """Whether the story's other statements credit `person` over `other`, by more
        outlets (None: they do not say)."""
        if self.credits is None:
            return None
        return self.credits.prefers(self.forms[person], self.forms[other])


class Credits:
    """Two people one statement's outlets credit unequally (more outlets name one): the same
    two credited equally in another statement of the story are told apart the same way (a
    wire's wrong name copied by as many outlets as print the right one there). Where no
    statement tells them apart, the one more of the story's outlets quote by name anywhere is
    preferred, when the outlets give the two one office (two outlets print a wire's wrong
    name for the general manager's words, three quote the right one)."""

    def __init__(
        self, statements: list[list[Occurrence]], quoted: Iterable[Occurrence] = ()
    ) -> None:
        self.quoted_by: dict[str, set[str]] = defaultdict(set)  # speaker -> outlets naming
        self.offices: dict[str, set[str]] = defaultdict(set)  # speaker -> words of the role
        for occurrence in quoted:
            quote = occurrence.quote
            if _named_person(quote) and quote.speaker and quote.speaker_mention:
                self.quoted_by[quote.speaker].add(occurrence.version.outlet)
                self.offices[quote.speaker] |= _office_words(quote.speaker_mention, quote.speaker)
        self.beats: list[tuple[str, str]] = []
        for occurrences in statements:
            named = [o for o in occurrences if _named_person(o.quote) and o.confident]
            people = People(named)
            for one, other in permutations(people.forms, 2):
                if len(people.outlets[one]) > len(people.outlets[other]):
                    self.beats.append((people.forms[one], people.forms[other]))

    def prefers(self, person: str, other: str) -> bool | None:
        ahead = any(same_person(a, person) and same_person(b, other) for a, b in self.beats)
        behind = any(same_person(a, other) and same_person(b, person) for a, b in self.beats)
        if ahead != behind:
            return ahead
        if _of(self.offices, person).isdisjoint(_of(self.offices, other)):
            return None
        mine, theirs = len(_of(self.quoted_by, person)), len(_of(self.quoted_by, other))
        return mine > theirs if mine != theirs else None


def _of(by_speaker: dict[str, set[str]], person: str) -> set[str]:
    """What `by_speaker` holds for `person` under any of their names."""
    return set().union(*(v for name, v in by_speaker.items() if same_person(name, person)))


def _office_words(mention: str, speaker: str) -> set[str]:
    """The words a mention gives beside the name ('team general manager A.J. Smith':
    team, general, manager), light words left out."""
    name = set(person_words(speaker))
    return {w for w in _words(mention) if w not in name and not is_light(w) and len(w) > 2}


def _speaker(occurrence: Occurrence) -> str:
    return occurrence.quote.speaker or ""


def reconcile_speakers(occurrences: list[Occurrence], credits: Credits | None = None) -> Speakers:
    """One speaker for a statement: a transcript's speaker first, else the person most
    outlets name (a name beats a pronoun, a role or a fragment; on a tie, the one `credits`,
    the story's other statements, prefer)."""
    named = [o for o in occurrences if o.quote.speaker]
    if not named:
        return Speakers(None, set())
    people = People(named, credits)
    transcript = next((o for o in named if _is_answer(o)), None)
    winner = people.key(_speaker(transcript)) if transcript else people.most_named()
    speaker = people.forms[winner]
    fullest = occurrences[0]  # the statement's source comes first
    return Speakers(speaker, _misattributed(named, speaker, transcript, credits, fullest))


def _is_answer(occurrence: Occurrence) -> bool:
    return occurrence.version.article.kind == "transcript" and occurrence.quote.kind == "transcript"


def _misattributed(
    named: list[Occurrence],
    speaker: str,
    transcript: Occurrence | None,
    credits: Credits | None,
    fullest: Occurrence | None = None,
) -> set[str]:
    """Occurrences whose outlet confidently credits another person than the statement's
    speaker, where some outlet names that speaker and outnumbers this one (or it is the
    transcript's), and the outlet does not name the statement's speaker near the quote (if it
    does, the quote's attribution was more likely misread than misprinted). Only credits of
    a few words at least are weighed: two people may say a short phrase ('Deep Throat')."""
    named = [o for o in named if o.version.chain_words(o.quote) >= MIN_CREDITED]
    people = People(named, credits)
    winner = people.key(speaker)
    backed = transcript is not None or any(
        _named_person(o.quote) and people.key(_speaker(o)) == winner for o in named
    )
    if not backed:
        return set()
    found = set()
    for occurrence in named:
        if (
            occurrence.confident
            and not same_person(_speaker(occurrence), speaker)
            and not _named_near(occurrence, person_words(speaker)[-1])
            and (transcript is not None or _outnumbered(occurrence, named, people, winner, fullest))
        ):
            found.add(occurrence.quote.id)
    return found


def _outnumbered(
    occurrence: Occurrence,
    named: list[Occurrence],
    people: People,
    winner: str,
    fullest: Occurrence | None = None,
) -> bool:
    """More outlets credit the statement's speaker than this occurrence's person; on a tie,
    an outlet that credits the speaker while it names this person elsewhere in its article
    (it knew of both and chose) outweighs one that does not; where no outlet of either
    knew of both, the credit of the fullest version, given in full, stands (the occurrence
    is labelled against it)."""
    person = people.key(_speaker(occurrence))
    ours, theirs = len(people.outlets[person]), len(people.outlets[winner])
    if theirs != ours:
        return theirs > ours
    if (preferred := people.preferred(winner, person)) is not None:
        return preferred
    if _chose(named, people, winner, person):
        return True
    if fullest is None or _chose(named, people, person, winner):
        return False
    return fullest.confident and people.key(_speaker(fullest)) == winner


def _chose(named: list[Occurrence], people: People, credited: str, other: str) -> bool:
    """An outlet credits `credited` while it names `other` elsewhere in its article."""
    surname = person_words(people.forms[other])[-1]
    return any(
        people.key(_speaker(o)) == credited
        and _named_person(o.quote)
        and surname in o.version.words
        and not _named_near(o, surname)
        for o in named
    )


def _words(text: str) -> set[str]:
    return {w.removesuffix("'s") for w in WORD_RE.findall(fold(text))}


def _named_near(occurrence: Occurrence, surname: str) -> bool:
    """`surname` is in the quote's paragraph or the one before it."""
    version = occurrence.version
    at = version.paragraph_of(occurrence.quote.start)
    return surname in _words(" ".join(version.article.paragraphs[max(0, at - 1) : at + 1]))


def occurrences_of(versions: list[Version]) -> list[Occurrence]:
    found = []
    for version in versions:
        for quote in version.quotes:
            tokens = quote_tokens(quote.text)
            spoken = len(tokens) - sum(editorial_marks(quote.text, tokens))
            found.append(Occurrence(quote, version, tokens, spoken))
    return found
