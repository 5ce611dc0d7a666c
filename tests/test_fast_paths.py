"""Shortcuts taken for speed (issue 16's throughput goal) find exactly what the longer way
found: the single names said alone (str.find in place of reading every capitalised word),
the paragraphs passed over for indirect speech and for single-quoted speech, and the
genders the pronouns give, worked out only when asked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest.decoding import INVALID_CHARS_RE, storable
from newsprism.model import Article
from newsprism.quotes import extract_quotes
from newsprism.quotes.attribution import find_cues
from newsprism.quotes.indirect import REPORTING, REPORTING_RE
from newsprism.quotes.marks import (
    _cue_follows,
    _nests_whole,
    _quotes_speech,
    find_marked_spans,
    find_quote_spans,
)
from newsprism.quotes.speakers import CAPITALISED_RE, PersonIndex, _capitalised_words

NAME_PIECES = st.sampled_from(
    [" ", "-", "_", "’s", "'s", "O'", "x", "i", "Phone", "Neill", "A", "É", "é", "Mc", "Trump"]
)
PREFIXES = {"Neill", "Phone", "Trump", "A", "McTrump", "É"}


def _capitalised_reference(text: str, prefixes: set[str]) -> dict[int, str]:
    return {
        match.start(): match.group()
        for match in CAPITALISED_RE.finditer(text)
        if any(match.group().startswith(prefix) for prefix in prefixes if prefix[0].isascii())
    }


@settings(max_examples=500)
@given(st.lists(NAME_PIECES, max_size=24).map("".join))
def test_capitalised_words_are_those_capitalised_re_reads(text: str) -> None:
    assert _capitalised_words(text, PREFIXES) == _capitalised_reference(text, PREFIXES)


def test_capitalised_words_on_news() -> None:
    text = "O'Neill met Neill, x-Neill and an iPhone; Trump’s aide, McTrump, said A. Trump"
    found = _capitalised_words(text, PREFIXES)
    assert found == _capitalised_reference(text, PREFIXES)
    assert "Neill" in found.values() and "Trump’s" in found.values()
    assert "O'Neill" not in found.values()  # no prefix opens it: 'Neill' is inside its run


CUE_PIECES = st.sampled_from(
    [" ", ".", ",", "said", "says", "told", "the ", "his ", "Said", "x", "thinks", "tells",
     "reported", "reports", "ing", "went on", "'", "-"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(CUE_PIECES, max_size=20).map("".join))
def test_a_paragraph_with_a_reporting_cue_is_never_passed_over(text: str) -> None:
    if any(cue.group().lower() in REPORTING for cue in find_cues(text)):
        assert REPORTING_RE.search(text) is not None


MARK_PIECES = st.sampled_from(
    [" ", "a", "b c", "“", "”", '"', "’", "‘", "'", ",", ".", "said", ":", "\n", "He said, "]
)


def _spans_reading_single_marks(paragraph: str, continuing: bool) -> list:
    """find_quote_spans as it was, reading single marks whenever any is in the paragraph."""
    spans = find_marked_spans(paragraph, "double")
    if not any(c in paragraph for c in "'‘’‚‹›"):
        return spans
    speech = [
        single
        for single in find_marked_spans(paragraph, "single")
        if _quotes_speech(paragraph, single, continuing) and _nests_whole(paragraph, single, spans)
    ]
    if not speech:
        return spans
    outer = [d for d in spans if not any(s.start < d.start and d.end < s.end for s in speech)]
    return sorted(outer + speech, key=lambda span: span.start)


@settings(max_examples=500)
@given(st.lists(MARK_PIECES, max_size=24).map("".join), st.booleans())
def test_single_quoted_speech_needs_a_mark_that_opens_it(text: str, continuing: bool) -> None:
    assert find_quote_spans(text, "double", continuing) == _spans_reading_single_marks(
        text, continuing
    )
    assert _cue_follows(text, 0) in (True, False)


PRONOUN_ARTICLE = [
    "Jordan Goodlatte wrote on Twitter, where he describes himself as a designer.",
    "Kim Lee said she would keep the shop next door open.",
    "“We are not leaving,” Goodlatte said. “It is our home,” he added.",
]


def test_pronoun_genders_are_read_when_asked() -> None:
    """Jordan and Kim are names of either sex: the pronouns after them tell."""
    article = Article(id="a", source="a", title="Shop", paragraphs=PRONOUN_ARTICLE)
    people = PersonIndex.build(article, [])
    assert people.pronoun_genders == {}  # nothing read while building
    assert people.agrees("jordan goodlatte", "male")
    assert not people.agrees("jordan goodlatte", "female")
    assert not people.agrees("kim lee", "male")
    assert set(people.pronoun_genders) == {"jordan goodlatte", "kim lee"}
    quotes = extract_quotes(article, indirect=False)
    assert [q.speaker for q in quotes] == ["Jordan Goodlatte"] * 2


STORABLE_OR_NOT = st.sampled_from(["a", " ", "é", "\x00", "\ud800", "\udfff", "😀", "\ufffd"])


@settings(max_examples=500)
@given(st.text(alphabet=STORABLE_OR_NOT))
def test_storable_is_what_the_invalid_characters_pattern_finds_nothing_in(text: str) -> None:
    assert storable(text) == (INVALID_CHARS_RE.search(text) is None)
