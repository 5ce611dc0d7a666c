"""Whose words a quote without a cue verb is: a linear ranker over the words of its paragraph.

With a cue verb ('..., Klopp said') the rules in attribution.py are right about 96% of the
time. Without one ('Politifact seized on Trump’s claim that there were “thousands of
shootings”') they fall back to the sentence's subject, which is right only about 70% of the
time. Here every word of the quote's sentence and the one before that could head a mention
(a name, a pronoun, a role, a determined noun) is scored by a weighted sum of its features:
its shape, its neighbours, which side of the quote it is on and how far, and whether it is
the rules' choice. The weights ship with the package (speaker_ranker.json); they were fitted
on PolNeAR's training articles by benchmarks/train_speaker_ranker.py.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, repeat
from pathlib import Path

from newsprism.names import SENTENCE_STARTERS, TITLES, ends_with_full_stop, strip_possessive
from newsprism.quotes.attribution import (
    CUE_WORDS,
    PRONOUNS,
    QUOTE_MARK_RE,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    TOKEN_RE,
    _is_possessive,
    _low,
    _np_word,
    sentence_breaks,
    verb_like,
)
from newsprism.text import fold

WEIGHTS_PATH = Path(__file__).with_name("speaker_ranker.json")
# Words scored by their own identity rather than their shape.
CLOSED_WORDS = {
    "he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "his", "her", "their",
    "its", "him", "them", "the", "a", "an", "according", "to", "by", "of", "in", "on", "at",
    "for", "with", "said", "says", "and", "but", "as", "told",
}  # fmt: skip
# Shapes that never head a mention (a plain lower-case word does after a determiner).
NOT_MENTION_SHAPES = {
    "low", "cue", "starter", ",", "num", "the", "a", "an", "to", "by", "of", "in", "on", "at",
    "for", "with", "said", "says", "and", "but", "as", "told", "according", "that", "him",
    "them",
}  # fmt: skip
DETERMINER_SHAPES = {"the", "a", "an", "his", "her", "their", "its"}
DISTANCE_BUCKETS = (0, 1, 2, 3, 5, 8, 12, 20, 40)
# The bucket of each distance up to the last, looked up rather than searched for.
BUCKET_NAMES = tuple(
    next(str(b) for b in DISTANCE_BUCKETS if distance <= b)
    for distance in range(DISTANCE_BUCKETS[-1] + 1)
)


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """A quote in its paragraph, offsets into `text` (the paragraph, quoted words masked)."""

    text: str
    quote: tuple[int, int]
    rule: tuple[int, int] | None  # the rules' mention; outside the paragraph when inherited
    offset: int = 0  # where `text` starts in the article's body
    # The words that may name whoever last spoke with a cue verb before the quote: the parts
    # of their name and the pronouns that agree with them (folded, no possessive).
    focus: frozenset[str] = frozenset()
    # The words of the names of the people the article names, folded ('klopp', 'jurgen'): a
    # capitalised word among them is a person's name, not a place's, a body's or a heading's.
    person_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int  # offsets into the context's text
    end: int
    features: tuple[str, ...]
    keep: bool = False  # stands for the rules' mention, which lies outside the paragraph


class _Paragraph:
    """A paragraph's words and what about them does not depend on the quote: their shapes,
    sentences, and whether they could head a mention."""

    __slots__ = (
        "breaks", "candidate_sentences", "candidates", "commas", "cues", "ends",
        "first_mentions", "lexicals", "marks", "sentences", "shapes", "starts", "tokens",
    )  # fmt: skip

    def __init__(self, text: str) -> None:
        self.tokens = tuple([(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)])
        starts, ends, words = zip(*self.tokens, strict=True) if self.tokens else ((), (), ())
        self.starts, self.ends = starts, ends
        self.shapes = tuple(map(_shape, words))
        self.lexicals = ("BOS", *map(_lexical, words), "EOS")
        self.commas = tuple(accumulate(map(",".__eq__, self.shapes), initial=0))
        self.cues = tuple(accumulate(map("cue".__eq__, self.shapes), initial=0))
        self.marks = tuple(m.start() for m in QUOTE_MARK_RE.finditer(text))
        self.breaks = tuple(sentence_breaks(text))
        self.sentences = tuple(map(partial(bisect.bisect_right, self.breaks), starts))
        self.candidates = self._may_head_mentions()
        self.candidate_sentences = tuple(self.sentences[index] for index in self.candidates)
        self.first_mentions = self._first_mentions()

    def _may_head_mentions(self) -> tuple[int, ...]:
        """The words that could head a mention: any but a few shapes, and a plain lower-case
        word one or two after a determiner."""
        shapes = self.shapes
        return tuple(
            index
            for index, shape in enumerate(shapes)
            if shape not in NOT_MENTION_SHAPES
            or (
                shape == "low"
                and (
                    (index >= 1 and shapes[index - 1] in DETERMINER_SHAPES)
                    or (index >= 2 and shapes[index - 2] in DETERMINER_SHAPES)
                )
            )
        )

    def _first_mentions(self) -> tuple[bool, ...]:
        """Per word: whether no word before it in its sentence could head a mention."""
        firsts = []
        sentence, mention_seen = -1, False
        for index, shape in enumerate(self.shapes):
            if self.sentences[index] != sentence:
                sentence, mention_seen = self.sentences[index], False
            firsts.append(not mention_seen)
            mention_seen = mention_seen or shape not in NOT_MENTION_SHAPES
        return tuple(firsts)


@lru_cache(maxsize=64)
def _paragraph(text: str) -> _Paragraph:
    return _Paragraph(text)


@lru_cache(maxsize=16384)
def _shape(word: str) -> str:
    low = _low(word)
    if low in CLOSED_WORDS or word == ",":
        return low
    if _is_possessive(word):
        return "poss"
    if low in TITLES:
        return "title"
    if low in ROLE_NOUNS:
        return "role"
    if low in CUE_WORDS:
        return "cue"
    if low in SENTENCE_STARTERS:
        return "starter"  # "After", "However": capitalised, but no name
    if word[:1].isupper():
        return "cap"
    return "num" if word[:1].isdigit() else "low"


@lru_cache(maxsize=16384)
def _lexical(word: str) -> str:
    """A lower-case word as itself; a capitalised one as 'C', anything else as 'O'."""
    if word[:1].islower() or word == ",":
        return _low(word)
    return "C" if word[:1].isupper() else "O"


def _bucket(distance: int) -> str:
    return "far" if distance >= len(BUCKET_NAMES) else BUCKET_NAMES[max(distance, 0)]


MAX_CANDIDATES_A_SIDE = 40  # words before the quote, and after it, that the ranker scores


def candidates(context: QuoteContext) -> list[Candidate]:
    """Words of the quote's sentence and the sentence before that could head a mention,
    with their features; plus one standing for the rules' mention when it is elsewhere."""
    paragraph = _paragraph(context.text)
    quote_sentence = bisect.bisect_right(paragraph.breaks, context.quote[0])
    # candidates in the quote's sentence or the one before (sentences ascend with words)
    sentences = paragraph.candidate_sentences
    first = bisect.bisect_left(sentences, quote_sentence - 1)
    last = bisect.bisect_right(sentences, quote_sentence)
    chosen = paragraph.candidates[first:last]
    # the nearest on either side of the quote: a "sentence" with no stop in it may run for
    # pages, and scoring all its words for each of its quotes is quadratic
    middle = bisect.bisect_left(chosen, bisect.bisect_left(paragraph.starts, context.quote[0]))
    chosen = chosen[max(0, middle - MAX_CANDIDATES_A_SIDE) : middle + MAX_CANDIDATES_A_SIDE]
    before = chosen[: min(middle, MAX_CANDIDATES_A_SIDE)]
    subject = _nearest_subject(paragraph, before, quote_sentence)
    found = [
        Candidate(
            *paragraph.tokens[index][:2],
            _quote_features(context, paragraph, index, quote_sentence)
            + _neighbour_features(paragraph, index)
            + (("ns=1", f"nssh={paragraph.shapes[index]}") if index == subject else ()),
        )
        for index in chosen
    ]
    rule = context.rule
    if rule is not None and not 0 <= rule[0] < len(context.text):
        found.append(Candidate(rule[0], rule[1], ("keep",), keep=True))
    return found


def _nearest_subject(paragraph: _Paragraph, before: tuple[int, ...], sentence: int) -> int:
    """The last word before the quote in its sentence that a verb follows: the subject of
    the clause the quote sits in ('Clinton endorsed the deal, although she made it clear that
    she has “serious concerns”': the second 'she'); -1 when there is none."""
    tokens = paragraph.tokens
    for index in reversed(before):
        if paragraph.sentences[index] != sentence:
            break
        if index + 1 < len(tokens) and verb_like(tokens[index + 1][2]):
            return index
    return -1


def _quote_features(
    context: QuoteContext, paragraph: _Paragraph, index: int, quote_sentence: int
) -> tuple[str, ...]:
    """The features of a word that depend on the quote: where the word is against it and
    against the rules' mention."""
    start, end, _ = paragraph.tokens[index]
    shape = paragraph.shapes[index]
    side, between = _side(context, paragraph, index)
    relation, in_rule = _relation_to_rule(context, start, end, side)
    next_word = paragraph.lexicals[index + 2]
    rule = "1" if in_rule else "0"
    focus = "1" if context.focus and _bare(paragraph.tokens[index][2]) in context.focus else "0"
    return (
        *_position_features(context, paragraph, index, side, between, quote_sentence),
        f"rel={relation}", f"relsh={relation}{shape}", f"relnw={relation}{next_word}",
        f"rule={rule}", f"rulesh={rule}{shape}", f"ruleside={rule}{side}",
        f"fo={focus}{shape}", f"foside={focus}{side}",
        f"person={_person_word(context, paragraph.tokens[index][2], shape)}{side}",
    )  # fmt: skip


@lru_cache(maxsize=16384)
def _bare(word: str) -> str:
    """A word as a name's part is keyed: folded, without a possessive ending."""
    return fold(strip_possessive(word))


NAME_WORD_SHAPES = frozenset({"cap", "poss"})


def _person_word(context: QuoteContext, word: str, shape: str) -> str:
    """Whether a capitalised word is a word of the name of a person the article names ('1'),
    or not ('0'); '-' for other words."""
    if shape not in NAME_WORD_SHAPES:
        return "-"
    return "1" if _bare(word) in context.person_words else "0"


def _position_features(
    context: QuoteContext,
    paragraph: _Paragraph,
    index: int,
    side: str,
    between: range,
    quote_sentence: int,
) -> list[str]:
    """Which side of the quote a word is on, how far (words, commas, cue words and quotation
    marks between), in which sentence, and whether it is the first possible mention there."""
    start, end, _ = paragraph.tokens[index]
    shape = paragraph.shapes[index]
    distance = _bucket(len(between))
    commas = min(3, paragraph.commas[between.stop] - paragraph.commas[between.start])
    cues = min(2, paragraph.cues[between.stop] - paragraph.cues[between.start])
    quote_start, quote_end = context.quote
    if side == "B":
        marks = min(3, _count_between(paragraph.marks, end, quote_start))
    else:
        marks = min(3, _count_between(paragraph.marks, quote_end, start))
    offset = max(-2, min(2, paragraph.sentences[index] - quote_sentence))
    first_mention = "1" if paragraph.first_mentions[index] else "0"
    return [
        f"sh={shape}", f"side={side}", f"d={side}{distance}", f"shd={shape}{side}{distance}",
        f"cm={side}{commas}", f"cb={side}{cues}", f"mk={side}{marks}",
        f"so={offset}", f"shso={shape}{offset}{side}",
        f"fm={first_mention}{side}",
    ]  # fmt: skip


def _count_between(positions: tuple[int, ...], start: int, end: int) -> int:
    return max(0, bisect.bisect_left(positions, end) - bisect.bisect_left(positions, start))


def _neighbour_features(paragraph: _Paragraph, index: int) -> tuple[str, ...]:
    """The shapes of the two words either side, the words themselves right next to it, and
    whether a verb follows."""
    tokens, shapes, lexicals = paragraph.tokens, paragraph.shapes, paragraph.lexicals
    next_word, previous_word = lexicals[index + 2], lexicals[index]  # lexicals open with BOS
    word, shape = tokens[index][2], shapes[index]
    before2 = shapes[index - 2] if index >= 2 else "BOS"
    before = shapes[index - 1] if index >= 1 else "BOS"
    after = shapes[index + 1] if index + 1 < len(shapes) else "EOS"
    after2 = shapes[index + 2] if index + 2 < len(shapes) else "EOS"
    verb_after = index + 1 < len(tokens) and verb_like(tokens[index + 1][2])
    features = [
        f"p={before}", f"n={after}", f"p2={before2}|{before}",
        f"n2={after}|{after2}", f"shn={shape}|{after}", f"shp={before}|{shape}",
        f"pw={previous_word}", f"nw={next_word}", f"w={lexicals[index + 1]}",
        f"shnw={shape}{next_word}", f"shpw={previous_word}{shape}", f"v={int(verb_after)}{shape}",
    ]  # fmt: skip
    if word[:1].isupper():
        capital_before = index > 0 and tokens[index - 1][2][:1].isupper()
        capital_after = index + 1 < len(tokens) and tokens[index + 1][2][:1].isupper()
        features.append(f"run={int(capital_before)}{int(capital_after)}")
    return tuple(features)


def _side(context: QuoteContext, paragraph: _Paragraph, index: int) -> tuple[str, range]:
    """'B'efore or 'A'fter the quote (or 'I'nside it), and the indexes of the tokens between."""
    start, end, _ = paragraph.tokens[index]
    quote_start, quote_end = context.quote
    if end <= quote_start:
        return "B", range(index + 1, bisect.bisect_right(paragraph.ends, quote_start))
    if start >= quote_end:
        return "A", range(bisect.bisect_left(paragraph.starts, quote_end), index)
    return "I", range(index, index)


def _relation_to_rule(context: QuoteContext, start: int, end: int, side: str) -> tuple[str, bool]:
    """Where a word lies against the rules' mention: in it, before it, between it and the
    quote, or the mention is elsewhere."""
    rule = context.rule
    if rule is None:
        return "norule", False
    if start < rule[1] and end > rule[0]:
        return "in", True
    if not 0 <= rule[0] < len(context.text):
        return "out", False
    if end <= rule[0]:
        return "beforerule", False
    if side == "B" and rule[0] < start:
        return "rule<tok<q", False
    if side == "A" and start < rule[0]:
        return "q<tok<rule", False
    return "other" + side, False


NO_WEIGHTS = repeat(0.0)  # the weight of a feature the ranker has none for


class SpeakerRanker:
    """Scores candidates with shipped weights; picks the best."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> SpeakerRanker:
        return cls(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))["weights"])

    def score(self, candidate: Candidate) -> float:
        return sum(map(self.weights.get, candidate.features, NO_WEIGHTS))

    def choose(self, context: QuoteContext) -> Candidate | None:
        return max(candidates(context), key=self.score, default=None)


STANDALONE_MENTIONS = PRONOUNS | RELATIVE_PRONOUNS


def mention_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole mention a chosen word heads: 'Trump’s' -> 'Donald Trump’s', 'judge' ->
    'a federal judge'; a pronoun stays itself."""
    if _low(text[start:end]) in STANDALONE_MENTIONS:
        return start, end
    return _mention_start(text, start), _mention_end(text, start, end)


def _mention_start(text: str, start: int) -> int:
    """Back over the names, titles and modifiers before a word, to a determiner at most."""
    first = start
    for token in reversed(list(TOKEN_RE.finditer(text, max(0, start - 80), start))):
        word = token.group()
        if (
            text[token.end() : first].strip()  # a mark or a masked quote between
            or ends_with_full_stop(word)
            or not (_np_word(word) or _shape(word) in DETERMINER_SHAPES)
        ):
            break
        first = token.start()
        if _shape(word) in DETERMINER_SHAPES:
            break
    return first


def _mention_end(text: str, start: int, end: int) -> int:
    """On over the capitalised words after a word ('Doris' -> 'Doris Crouse-Mays'), short of a
    sentence's full stop; a possessive ends the mention."""
    if ends_with_full_stop(text[start:end]):
        return end - 1
    if _is_possessive(text[start:end]):
        return end
    last = end
    for token in TOKEN_RE.finditer(text, end, min(len(text), end + 60)):
        word = token.group()
        if text[last : token.start()].strip() or not word[:1].isupper() or _is_possessive(word):
            break
        if ends_with_full_stop(word):
            return token.end() - 1
        last = token.end()
    return last
