"""Patterns rewritten for speed (issue 20: opening by reading a character, so the regex engine
searches for that character, where a look-ahead or an optional group was tried at every
position) find exactly what the patterns they replace found, on random text made of the
characters they turn on."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.compare.facts import SCORE_RE, TIME_RE
from newsprism.text import WORD_RE, WORD_TOKEN_RE

WORD_BEFORE = re.compile(r"(?:\[[^\W_]\])?[^\W_]+(?:[’'\-./][^\W_]+)*", re.UNICODE)
WORD_TOKEN_BEFORE = re.compile(
    WORD_BEFORE.pattern + r"(?: [’'] (?:s|m|re|ve|ll|d|t)\b)?", re.UNICODE
)
SCORE_BEFORE = re.compile(r"(?=\d)(?<![\w.,/-])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\w/]|[-–.,]\d)")
TIME_BEFORE = re.compile(
    r"(?=\d)\b(\d{1,2})(?::(\d\d))?\s?([ap])\.?m\.?(?=\W|$)(?:\s+(?P<zone>[A-Z]{2,4})\b)?",
    re.IGNORECASE,
)
PAIRS = [
    (WORD_BEFORE, WORD_RE),
    (WORD_TOKEN_BEFORE, WORD_TOKEN_RE),
    (SCORE_BEFORE, SCORE_RE),
    (TIME_BEFORE, TIME_RE),
]
PIECES = st.sampled_from(
    [*"[]_ab1239 -–.,/:’'", "é", "ß", "٣", "am", "p.m.", "EST", " s", "T]hat", "10:30"]
)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_rewritten_patterns_find_what_they_replace(text: str) -> None:
    for before, after in PAIRS:
        assert _found(after, text) == _found(before, text), (before.pattern, text)


def test_rewritten_patterns_on_news() -> None:
    text = "[T]he score was 3-1 at 7:30 p.m. EST, 12-year-old_x said; U.S.-made, 2-3/4, a_1 [é]t"
    for before, after in PAIRS:
        assert _found(after, text) == _found(before, text)
    assert WORD_RE.findall("[T]hat it_s") == ["[T]hat", "it", "s"]
