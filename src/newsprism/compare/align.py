"""Word-level alignment of a reported quote against the quoted passages of another article.

Shared runs of words are found first (longest first, anywhere in the source, so a quote
stitched from separate answers is found piece by piece), grouped into passages of the
source, widened at their edges, and then compared word by word (rapidfuzz's Indel opcodes)
to give an edit list. Every passage must hold an anchor, a run of three words or more with a
content word in it: two-word runs scattered over a long source ("a war" ... "to win") say
nothing about where a quote came from.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from rapidfuzz.distance import Indel

from newsprism.compare.lexicon import is_stop, matching_form, near_words
from newsprism.model import Quote
from newsprism.text import Token, word_tokens

MIN_BLOCK = 2
ANCHOR_WORDS = 3
DENSE_ANCHOR = 0.75  # or shared runs covering this share of the quote,
DENSE_ANCHOR_WORDS = 4  # four words at least
LONG_ANCHOR = 5  # a run this long anchors even without a content word
STITCH_WORDS = 4  # a second passage needs this many quote words to count as one
SUPPORT_SLACK = 8  # words a run beside a repeated phrase may stand off where the quote has it
PASSAGE_MAX_GAP = 60  # source words skipped inside one passage (a trim, not a stitch)
EDGE_SLACK = 4
EDGE_WORDS = 3  # quote words at an edge that may be set against the source's words there
# A quote of this many words at most, with two content words or more, is found word by word
# where runs of three words cannot anchor it (a word cut inside it): all its words in order in
# one source quote, this many source words left out between two of them at most (align_short).
SHORT_QUOTE = 4
SHORT_CONTENT = 2
SHORT_GAP = 2
NEXT_QUOTE_CHARS = 100  # two quotes this close in the text read as one ('," he said. "')
BREAKS = set('.!?;:,—–()[]"“”')
# Words in brackets or parentheses inside a quote are the writer's, not the speaker's.
EDITORIAL_RE = re.compile(r"\[[^\]]*\]|\([^)]*\)")
PERCENT_SIGN_RE = re.compile(r"\s?%")
# Spoken forms one outlet prints as said and another writes out ('gonna' for 'going to'):
# the same words, as a contraction is.
INFORMAL = {
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "kinda": ("kind", "of"),
    "sorta": ("sort", "of"),
    "outta": ("out", "of"),
    "lotta": ("lot", "of"),
}
# What quote_tokens reads apart from word_tokens: a hyphen, a per cent sign, a digit group, a
# spoken form.
READ_APART_RE = re.compile(r"[-%]|\d,\d|(?i:gonna|wanna|gotta|kinda|sorta|outta|lotta)")


def quote_tokens(text: str, offset: int = 0) -> list[Token]:
    """The words of `text` as comparison reads them: a hyphenated compound as its parts (one
    outlet's 'long-term' is another's 'long term', and the two are one length) and a per cent
    sign after a number as the word ('10%' is '10 percent'); a spoken form as the words it
    stands for ('gonna' is 'going to')."""
    if not READ_APART_RE.search(text):
        return word_tokens(text, offset)  # most quotes: the same words, worked out faster
    tokens: list[Token] = []
    for token in word_tokens(text, offset):
        if token.norm in INFORMAL:
            tokens.extend(Token(norm, token.start, token.end) for norm in INFORMAL[token.norm])
            continue
        if _digit_group(tokens, token, text, offset):  # '18,000,000' is one number
            last = tokens.pop()
            tokens.append(Token(last.norm + token.norm, last.start, token.end))
            continue
        surface = text[token.start - offset : token.end - offset]
        if "-" in token.norm and token.norm.count("-") == surface.count("-"):
            tokens.extend(_parts(token, surface))
        else:
            tokens.append(token)
        if token.norm[-1:].isdigit():
            sign = PERCENT_SIGN_RE.match(text, token.end - offset)
            if sign:
                tokens.append(Token("percent", sign.end() - 1 + offset, sign.end() + offset))
    return tokens


def _digit_group(tokens: list[Token], token: Token, text: str, offset: int) -> bool:
    """`token` is three digits after a comma right after the number `tokens` ends with."""
    if not tokens or len(token.norm) != 3 or not token.norm.isdigit():
        return False
    last = tokens[-1]
    return last.norm.isdigit() and text[last.end - offset : token.start - offset] == ","


def _parts(token: Token, surface: str) -> list[Token]:
    parts, start = [], token.start
    for norm, written in zip(token.norm.split("-"), surface.split("-"), strict=True):
        if norm:
            parts.append(Token(norm, start, start + len(written)))
        start += len(written) + 1
    return parts


@dataclass
class SourceText:
    """The quoted passages of one article as one token stream; `unit[i]` is the index of
    the quote (one paragraph) token i belongs to, `chain[u]` the first quote of the run of
    quotes unit u continues (one quote interrupted by its attribution, or running over
    paragraphs)."""

    quotes: list[Quote]
    tokens: list[Token] = field(default_factory=list)
    unit: list[int] = field(default_factory=list)
    chain: list[int] = field(default_factory=list)
    unit_sizes: list[int] = field(default_factory=list)
    token_chain: list[int] = field(default_factory=list)  # chain[unit[i]], per token
    # Per token: a quote starts there, or punctuation stands right before it.
    boundary: list[bool] = field(default_factory=list)
    editorial: list[bool] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    bigrams: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    # Each token's place in `tokens`, by identity: built once, not for each quote aligned
    # against this text (which made comparing a story quadratic in its quotes)
    index_of: dict[int, int] = field(default_factory=dict)
    unit_of: dict[int, int] = field(default_factory=dict)  # each quote's unit, by identity
    _positions: dict[str, list[int]] | None = None

    def positions(self, word: str) -> list[int]:
        """Where `word` (a matching form) stands."""
        if self._positions is None:
            self._positions = defaultdict(list)
            for n, norm in enumerate(self.norms):
                self._positions[norm].append(n)
        return self._positions.get(word, [])

    @classmethod
    def of(cls, quotes: list[Quote], read: dict[str, QuoteReading] | None = None) -> SourceText:
        """The passages of `quotes`; `read`: each quote's reading, kept by id for the next
        text of some of the same quotes (an article's text without one of its quotes)."""
        source = cls(quotes)
        position = {quote.id: number for number, quote in enumerate(quotes)}
        for number, quote in enumerate(quotes):
            tokens, boundaries, editorial, norms = _reading(quote, read)
            source.tokens.extend(tokens)
            source.norms.extend(norms)
            source.unit.extend([number] * len(tokens))
            source.unit_sizes.append(len(tokens))
            source.boundary.extend(boundaries)
            source.editorial.extend(editorial)
            previous = position.get(quote.continues or "")
            if previous is None and number and _next_to(quotes[number - 1], quote):
                previous = number - 1
            source.chain.append(source.chain[previous] if previous is not None else number)
        norms = source.norms
        source.index_of = {id(token): n for n, token in enumerate(source.tokens)}
        source.unit_of = {id(quote): n for n, quote in enumerate(quotes)}
        # Each token's run of quotes: a shared run of words stops where one runs out, not
        # on into the article's next quotation, however far on that is printed.
        source.token_chain = [source.chain[u] for u in source.unit]
        bigrams = source.bigrams
        for i, pair in enumerate(pairwise(norms)):
            if source.token_chain[i] == source.token_chain[i + 1]:
                bigrams[pair].append(i)
        return source

    def unit_length(self, unit: int) -> int:
        return self.unit_sizes[unit]

    def unit_norms(self, unit: int) -> list[str]:
        start = bisect.bisect_left(self.unit, unit)
        return self.norms[start : start + self.unit_sizes[unit]]

    def at_edge(self, start: int, end: int) -> tuple[bool, bool]:
        """Whether tokens [start, end) open, and whether they close, the quote they are in."""
        opens = start == 0 or self.unit[start - 1] != self.unit[start]
        closes = end == len(self.unit) or self.unit[end] != self.unit[end - 1]
        return opens, closes


# A quote's tokens, whether a break comes before each, which are editorial, matching forms.
QuoteReading = tuple[list[Token], list[bool], list[bool], list[str]]


def _reading(quote: Quote, read: dict[str, QuoteReading] | None) -> QuoteReading:
    """How a text reads the quote; if `read` before, with new tokens (a text finds its tokens
    by identity)."""
    found = read.get(quote.id) if read is not None else None
    if found is None:
        tokens = quote_tokens(quote.text, quote.start)
        editorial = editorial_marks(quote.text, tokens, quote.start)
        norms = [matching_form(token.norm) for token in tokens]
        found = (tokens, _boundaries(quote, tokens), editorial, norms)
        if read is None:
            return found
        read[quote.id] = found
    tokens, boundaries, editorial, norms = found
    return [Token(*token) for token in tokens], boundaries, editorial, norms


def editorial_marks(text: str, tokens: list[Token], offset: int = 0) -> list[bool]:
    """Per token of `text` (offsets + `offset`): inside brackets or parentheses."""
    spans = [(m.start() + offset, m.end() + offset) for m in EDITORIAL_RE.finditer(text)]
    if not spans:  # most text: no brackets, nothing to test token by token
        return [False] * len(tokens)
    return [any(s <= t.start and t.end <= e for s, e in spans) for t in tokens]


def _boundaries(quote: Quote, tokens: list[Token]) -> list[bool]:
    marks, end = [], quote.start
    for number, token in enumerate(tokens):
        between = quote.text[end - quote.start : token.start - quote.start]
        marks.append(number == 0 or not BREAKS.isdisjoint(between))
        end = token.end
    return marks


def _next_to(first: Quote, second: Quote) -> bool:
    """Two quotes of one article with only an attribution between them, not two people's
    (a transcript's question and the answers either side of it are three turns, not one
    quote: words left out across the question join two answers)."""
    return (
        first.article == second.article
        and 0 <= second.start - first.end <= NEXT_QUOTE_CHARS
        and not (_turn(first) and _turn(second) and first.speaker != second.speaker)
    )


def _turn(quote: Quote) -> bool:
    return quote.kind == "transcript" and quote.speaker is not None


@dataclass
class Passage:
    """Quote tokens [q_start, q_end) found at source tokens [s_start, s_end)."""

    q_start: int
    q_end: int
    s_start: int
    s_end: int
    unit: int
    longest_block: int = 0
    matched_in_blocks: int = 0
    # The edge was set against the source's words up to a break in the source (a quote's
    # start or end, or punctuation): a change there is aligned on that side.
    bounded_start: bool = False
    bounded_end: bool = False


@dataclass
class Alignment:
    source: SourceText
    passages: list[Passage]
    matched: int
    length: int
    # Per quote token: matched to a word of a passage.
    aligned: list[bool] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        """Share of the quote's words found in the source."""
        return self.matched / self.length if self.length else 0.0

    @property
    def units(self) -> set[int]:
        return {p.unit for p in self.passages}

    @cached_property
    def fullness(self) -> int:
        """Words of the source quotes the passages lie in."""
        return sum(self.source.unit_length(u) for u in self.units)

    @property
    def density(self) -> float:
        """Share of the quote's words found in the source, between the first and the last
        word aligned: low where the same statement is told in other words."""
        span = self.passages[-1].q_end - self.passages[0].q_start
        return self.matched / span if span else 0.0

    @property
    def main_unit(self) -> int:
        """The source quote that carries most of the quote's words."""
        weight: dict[int, int] = defaultdict(int)
        for passage in self.passages:
            weight[passage.unit] += passage.q_end - passage.q_start
        return max(weight, key=lambda u: (weight[u], -u))


def _maximal_matches(query: list[str], source: SourceText) -> list[tuple[int, int, int]]:
    """Every shared run (q_start, s_start, length) that cannot be extended to the left."""
    norms, chains = source.norms, source.token_chain
    found = []
    for i in range(len(query) - 1):
        for j in source.bigrams.get((query[i], query[i + 1]), ()):
            if i and j and query[i - 1] == norms[j - 1] and chains[j - 1] == chains[j]:
                continue
            length = 2
            while (
                i + length < len(query)
                and j + length < len(norms)
                and query[i + length] == norms[j + length]
                and chains[j + length] == chains[j]
            ):
                length += 1
            found.append((i, j, length))
    return found


def _blocks(query: list[str], source: SourceText) -> list[tuple[int, int, int]]:
    """Non-overlapping shared runs, longest first; among runs of one length, the one that
    sits where the runs already taken say it should (so repeated phrases land together)."""
    candidates = _maximal_matches(query, source)
    q_taken = [False] * len(query)
    s_taken: set[int] = set()  # not a flag per source word: the source may be long
    blocks: list[tuple[int, int, int]] = []
    while candidates:
        free = [run for c in candidates if (run := _free_run(q_taken, s_taken, *c))]
        free = [
            r for r in free if r[2] >= 3 or not all(is_stop(w) for w in query[r[0] : r[0] + r[2]])
        ]
        if not free:
            break
        longest = max(r[2] for r in free)
        tied = [r for r in free if r[2] == longest]
        i, j, length = min(tied, key=lambda r: _distance(r, blocks, source))
        again = [r for r in tied if r[0] == i]
        if not blocks and len(again) > 1:
            # A phrase an article prints twice (alone in its lede, in the full sentence
            # later): the first run is placed where the quote's other words are; a quote
            # that is all the phrase, in the article's quote that says the others again.
            units = {source.unit[r[1]] for r in again}
            i, j, length = min(
                again,
                key=lambda r: (
                    _support(r, source, candidates),
                    -_holds(source, source.unit[r[1]], units) if r[2] == len(query) else 0,
                    r[1],
                ),
            )
        for k in range(length):
            q_taken[i + k] = True
            s_taken.add(j + k)
        blocks.append((i, j, length))
        candidates = free
    return sorted(blocks)


def _holds(source: SourceText, unit: int, others: set[int]) -> int:
    """How many of the `others` quotes the quote `unit` prints whole, within its own words."""
    words = f" {' '.join(source.unit_norms(unit))} "
    return sum(f" {' '.join(source.unit_norms(u))} " in words for u in others if u != unit)


def _distance(
    run: tuple[int, int, int], blocks: list[tuple[int, int, int]], source: SourceText
) -> tuple[int, int]:
    """How far a run sits from where its nearest taken neighbour (in the quote) predicts."""
    i, j, _ = run
    if not blocks:
        return (0, j)
    ni, nj, _ = min(blocks, key=lambda b: abs(b[0] - i))
    expected = nj + (i - ni)
    other_unit = source.unit[j] != source.unit[min(max(expected, 0), len(source.unit) - 1)]
    return (int(other_unit), abs(j - expected))


def _support(
    run: tuple[int, int, int], source: SourceText, candidates: list[tuple[int, int, int]]
) -> int:
    """Minus the quote words outside `run` that shared runs place beside it in its source
    quote, about as far from it there as in the quote (lower is better)."""
    i, j, length = run
    words = {
        q
        for ci, cj, cl in candidates
        if source.unit[cj] == source.unit[j] and abs((cj - j) - (ci - i)) <= SUPPORT_SLACK
        for q in range(ci, ci + cl)
        if not i <= q < i + length
    }
    return -len(words)


def _free_run(
    q_taken: list[bool], s_taken: set[int], i: int, j: int, length: int
) -> tuple[int, int, int] | None:
    """The longest stretch of a run whose quote and source words are both still free."""
    best, start = None, None
    for k in range(length + 1):
        free = k < length and not q_taken[i + k] and j + k not in s_taken
        if free and start is None:
            start = k
        elif not free and start is not None:
            if best is None or k - start > best[2]:
                best = (i + start, j + start, k - start)
            start = None
    return best if best and best[2] >= MIN_BLOCK else None


def _passages(blocks: list[tuple[int, int, int]], source: SourceText) -> list[Passage]:
    passages: list[Passage] = []
    for i, j, length in blocks:
        unit = source.unit[j]
        at = _continued(passages, j, unit, source)
        if at is not None:
            del passages[at + 1 :]  # short runs out of place between the two: noise
            last = passages[at]
            last.q_end, last.s_end = i + length, j + length
            last.longest_block = max(last.longest_block, length)
            last.matched_in_blocks += length
        else:
            passages.append(Passage(i, i + length, j, j + length, unit, length, length))
    return passages


def _continued(passages: list[Passage], j: int, unit: int, source: SourceText) -> int | None:
    """The passage a run at source word `j` carries on: the nearest before it in the source of
    the last passage and the short ones before it (a run of a word or three found elsewhere,
    'we wanted to' in the article's earlier quote, does not break a passage that goes on
    after it)."""
    best: tuple[int, int] | None = None
    for at in range(len(passages) - 1, -1, -1):
        passage = passages[at]
        if _continues(passage, j, unit, source) and (best is None or j - passage.s_end < best[0]):
            best = (j - passage.s_end, at)
        if passage.q_end - passage.q_start >= STITCH_WORDS:
            break
    return best[1] if best else None


def _continues(last: Passage, j: int, unit: int, source: SourceText) -> bool:
    """A run that follows the passage in the source, in the same quote (or the quote it runs
    on into), not too far on: the words between were cut, not taken from elsewhere."""
    if j < last.s_end or j - last.s_end > PASSAGE_MAX_GAP:
        return False
    return source.chain[unit] == source.chain[last.unit]


def _is_anchor(passage: Passage, query: list[str]) -> bool:
    """A passage a quote can be said to come from: a run of three words or more holding a
    content word (or five words of any kind), or the whole of a short quote."""
    if passage.q_end - passage.q_start == len(query) and len(query) <= ANCHOR_WORDS:
        return passage.longest_block == len(query)
    in_runs = passage.matched_in_blocks
    if in_runs >= DENSE_ANCHOR_WORDS and in_runs >= DENSE_ANCHOR * len(query):
        return True
    if passage.longest_block < ANCHOR_WORDS:
        return False
    words = query[passage.q_start : passage.q_end]
    return passage.longest_block >= LONG_ANCHOR or not all(is_stop(w) for w in words)


def _widen(passages: list[Passage], query: list[str], source: SourceText) -> None:
    """Pull unmatched quote words at a passage's edges into it where the source has them."""
    norms = source.norms
    for number, passage in enumerate(passages):
        q_floor = passages[number - 1].q_end if number else 0
        if passage.q_start > q_floor:
            gap = query[q_floor : passage.q_start]
            lo = passage.s_start - len(gap) - EDGE_SLACK
            while lo < passage.s_start and (lo < 0 or source.unit[lo] != passage.unit):
                lo += 1
            first = _first_match(gap, norms[lo : passage.s_start], leading=True)
            if first is not None:
                passage.q_start = q_floor + first[0]
                passage.s_start = lo + first[1]
        q_ceiling = passages[number + 1].q_start if number + 1 < len(passages) else len(query)
        if passage.q_end < q_ceiling:
            gap = query[passage.q_end : q_ceiling]
            hi = passage.s_end + len(gap) + EDGE_SLACK
            while hi > passage.s_end and (hi > len(norms) or source.unit[hi - 1] != passage.unit):
                hi -= 1
            last = _first_match(gap, norms[passage.s_end : hi], leading=False)
            if last is not None:
                passage.q_end = passage.q_end + last[0] + 1
                passage.s_end = passage.s_end + last[1] + 1


def _near_edges(passages: list[Passage], query: list[str], source: SourceText) -> None:
    """Take in the quote's edge words that stand for the source's words right beside the
    passage, in the same quote, across a comma if need be ('inhuman and barbaric act'
    against 'hateful, inhumane, and barbaric act')."""
    first, last = passages[0], passages[-1]
    norms, unit = source.norms, source.unit
    while (
        first.q_start > 0
        and first.s_start > 0
        and unit[first.s_start - 1] == first.unit
        and near_words(query[first.q_start - 1], norms[first.s_start - 1])
    ):
        first.q_start, first.s_start = first.q_start - 1, first.s_start - 1
    while (
        last.q_end < len(query)
        and last.s_end < len(norms)
        and unit[last.s_end] == last.unit
        and near_words(query[last.q_end], norms[last.s_end])
    ):
        last.q_end, last.s_end = last.q_end + 1, last.s_end + 1


def _to_breaks(passages: list[Passage], query: list[str], source: SourceText) -> None:
    """Set the quote's few unmatched words at its very start (end) against the source's
    words back (on) to the nearest break: 'stopping the disease' against 'stop the
    disease', 'in a combat zone' against 'in a combat mission.'"""
    first, last = passages[0], passages[-1]
    if 0 < first.q_start <= EDGE_WORDS:
        back = 0
        while not source.boundary[first.s_start - back] and back <= first.q_start + 1:
            back += 1
        if source.boundary[first.s_start - back] and back <= first.q_start + 2:
            first.s_start -= back
            first.q_start, first.bounded_start = 0, True
    if 0 < len(query) - last.q_end <= EDGE_WORDS:
        on, end = 0, len(source.norms)
        while last.s_end + on < end and not _break_after(source, last.s_end + on - 1):
            on += 1
        if on <= len(query) - last.q_end + 2 and _break_after(source, last.s_end + on - 1):
            last.s_end += on
            last.q_end, last.bounded_end = len(query), True


def _break_after(source: SourceText, i: int) -> bool:
    """A break right after token i: the next token opens a quote or follows punctuation."""
    return i + 1 >= len(source.norms) or source.boundary[i + 1]


def _first_match(gap: list[str], window: list[str], leading: bool) -> tuple[int, int] | None:
    """The pair of equal words (gap index, window index) that takes in the most of the gap
    with the fewest source words: at the start the earliest gap word, matched as near the
    passage as it can be; at the end the latest ('all urgency' against 'urgency, all' takes
    'urgency', not 'all'). Only a pair about as far from the passage on both sides: a word
    met far off on one side only ('this' twelve words on in the quote, three in the source,
    where two excerpts of one statement go on differently) is not where the quote goes on."""

    def off(a: int, b: int) -> int:
        if leading:
            return abs((len(gap) - a) - (len(window) - b))
        return abs(a - b)

    pairs = [
        (a, b)
        for a, word in enumerate(gap)
        for b, other in enumerate(window)
        if word == other and off(a, b) <= EDGE_SLACK
    ]
    if not pairs:
        return None
    if leading:
        return min(pairs, key=lambda pair: (pair[0], -pair[1]))
    return max(pairs, key=lambda pair: (pair[0], -pair[1]))


def align(query_tokens: list[Token], source: SourceText, strict: bool = True) -> Alignment | None:
    """Where the words of a quote (its tokens) lie in `source`, or None where no passage of
    it holds an anchor (`strict=False`: any shared runs will do, for a short quote already
    known to say the same)."""
    query = [matching_form(t.norm) for t in query_tokens]
    blocks = _blocks(query, source)
    passages = [p for p in _passages(blocks, source) if not strict or _is_anchor(p, query)]
    if not passages:
        return None
    if len(passages) > 1:
        longest = max(passages, key=lambda p: p.q_end - p.q_start)
        passages = [p for p in passages if p is longest or p.q_end - p.q_start >= STITCH_WORDS]
    return _finish(passages, query, source)


def _finish(passages: list[Passage], query: list[str], source: SourceText) -> Alignment:
    """The passages taken out to their edges, and the quote words they match."""
    _widen(passages, query, source)
    _near_edges(passages, query, source)
    _to_breaks(passages, query, source)
    aligned = [False] * len(query)
    matched = 0
    for passage in passages:
        q_part, s_part = (
            query[passage.q_start : passage.q_end],
            source.norms[passage.s_start : passage.s_end],
        )
        for op in Indel.opcodes(q_part, s_part):
            if op.tag != "equal":
                continue
            matched += op.src_end - op.src_start
            aligned[passage.q_start + op.src_start : passage.q_start + op.src_end] = [True] * (
                op.src_end - op.src_start
            )
    return Alignment(source, passages, matched, len(query), aligned)


def align_short(query_tokens: list[Token], source: SourceText) -> Alignment | None:
    """Where a short quote's words stand in `source` with a word or two cut inside them: a
    phrase of a few words that another outlet quotes whole ('distort historical events'
    against 'distort significant historical events'), too short for runs of three words to
    anchor it once a word is cut from it. Every word of it (two content words at least) must
    stand in one source quote, in the quote's order, with at most SHORT_GAP source words left
    out between two of them: words cut, none put in or swapped ('stand your ground' is not
    'stand our ground'). The first such place is taken."""
    query = [matching_form(t.norm) for t in query_tokens]
    content = [word for word in query if not is_stop(word)]
    if len(query) > SHORT_QUOTE or len(content) < SHORT_CONTENT:
        return None
    for start in source.positions(query[0]):
        end = _follow(query, source, start)
        if end is not None:
            passage = Passage(0, len(query), start, end, source.unit[start])
            return _finish([passage], query, source)
    return None


def _follow(query: list[str], source: SourceText, start: int) -> int | None:
    """The end of the source stretch from `start` (the quote's first word) that holds the
    quote's words in order, each at most SHORT_GAP words on from the last, in the quote
    `start` is in; None if there is none."""
    at = start
    for word in query[1:]:
        reach = min(len(source.norms), at + 2 + SHORT_GAP)
        ahead = [
            j
            for j in range(at + 1, reach)
            if source.unit[j] == source.unit[start] and source.norms[j] == word
        ]
        if not ahead:
            return None
        at = ahead[0]
    return at + 1
