"""Small text helpers shared by the stages: folding, word tokens with offsets, sentences."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial
from typing import NamedTuple

APOSTROPHES = "’‘`´ʼ"
# A word, with an editor's bracketed first letter kept in it ("[T]hat"). It opens by reading
# its first character (a bracket or a letter, told apart by looking back at it), so that it is
# searched for by that character alone: '(?:\[[^\W_]\])?[^\W_]+...' tried every position.
WORD_RE = re.compile(
    r"[\[\w](?:(?<=\[)[^\W_]\][^\W_]+|(?<=[^\W_])[^\W_]*)(?:[’'\-./][^\W_]+)*", re.UNICODE
)
# The same, with a contraction split off by a tokenised corpus kept in its word ("I ’ m").
WORD_TOKEN_RE = re.compile(WORD_RE.pattern + r"(?: [’'] (?:s|m|re|ve|ll|d|t)\b)?", re.UNICODE)
# Combining marks are never ASCII: only the runs of other characters are looked at one by one.
NON_ASCII_RUN_RE = re.compile(r"[^\x00-\x7f]+")
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")

CONTRACTIONS = {
    "n't": ["not"],
    "'re": ["are"],
    "'ve": ["have"],
    "'ll": ["will"],
    "'m": ["am"],
    "'d": ["would"],
}
IRREGULAR_CONTRACTIONS = {
    "can't": ["can", "not"],
    "won't": ["will", "not"],
    "shan't": ["shall", "not"],
    "let's": ["let", "us"],
    "it's": ["it", "is"],
    "that's": ["that", "is"],
    "there's": ["there", "is"],
    "here's": ["here", "is"],
    "what's": ["what", "is"],
    "he's": ["he", "is"],
    "she's": ["she", "is"],
    "who's": ["who", "is"],
    "where's": ["where", "is"],
}


def _without_combining(run: re.Match[str]) -> str:
    return "".join(c for c in run[0] if not unicodedata.combining(c))


# Texts longer than this (a whole article's body) are folded afresh each time: kept in the
# cache, they held every body of a run's stories and their folded copies (two of 65,536 entries).
FOLD_CACHED_CHARS = 500


def fold(text: str) -> str:
    """Casefold, strip diacritics and unify apostrophes: 'Jürgen’s' -> "jurgen's"."""
    return _folded(text) if len(text) > FOLD_CACHED_CHARS else _cached_fold(text)


@lru_cache(maxsize=65536)
def _cached_fold(text: str) -> str:
    return _folded(text)


def _folded(text: str) -> str:
    if text.isascii():
        return text.replace("`", "'").lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = NON_ASCII_RUN_RE.sub(_without_combining, decomposed)
    for mark in APOSTROPHES:
        stripped = stripped.replace(mark, "'")
    return stripped.casefold()


class Token(NamedTuple):
    """A normalised word and the span of the surface word it came from (a named tuple: a
    text has as many as words, and a tuple is the cheapest to make)."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=1 << 18)
def expanded(word: str) -> tuple[str, ...]:
    """Normalised forms of one surface word, contractions expanded ("don't" -> do, not);
    worked out once a word (words repeat: the hot path of tokenising)."""
    folded = fold(word).replace(" ", "")
    if folded.startswith("["):
        folded = folded[1] + folded[3:]
    if folded in IRREGULAR_CONTRACTIONS:
        return tuple(IRREGULAR_CONTRACTIONS[folded])
    for suffix, replacement in CONTRACTIONS.items():
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return (folded[: -len(suffix)], *replacement)
    if folded.endswith("'s") and len(folded) > 2:
        return (folded,)
    return (folded.strip("'"),) if folded.strip("'") else ()


# Token((norm, start, end)) without the call of Token._make: a third of tokenising's time.
_new_token = partial(tuple.__new__, Token)


def word_tokens(text: str, offset: int = 0) -> list[Token]:
    """Normalised word tokens of `text`, each spanning its surface word (offsets + `offset`)."""
    tokens: list[Token] = []
    append, make = tokens.append, _new_token
    for match in WORD_TOKEN_RE.finditer(text):
        start, end = match.span()
        for norm in expanded(match.group()):
            append(make((norm, start + offset, end + offset)))
    return tokens


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence boundaries: enough for splitting paragraphs, not for linguistics."""
    spans, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def count_words(text: str) -> int:
    """Words as spaces separate them: cheap, and close enough for length thresholds."""
    return len(text.split())


def normalise_line(text: str) -> str:
    """A line as junk rules see it: folded, spaces collapsed."""
    return " ".join(fold(text).split())
