"""Property tests over quotes and compare (issue 15): on random text with quote marks of
every style, and on random pairs of articles sharing words, nothing raises, offsets index
the body, and every example stays within a generous time (the Hypothesis deadline)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.clean import clean_document
from newsprism.model import Article, Document, Quote
from newsprism.pipeline import analyse_stories, one_story
from newsprism.quotes import extract_quotes

MARKS = "“”‘’\"'«»„‹›"
WORDS = ["said", "told", "Ann", "Lee", "the", "minister", "he", "she", "according", "to",
         "Q:", "A:", "LEE:", "—", "budget", "will", "not", "Tuesday", ",", ".", "?"]  # fmt: skip
SETTINGS = settings(
    max_examples=60,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)

# Words and marks of news, and any other character now and then.
TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list(MARKS)),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=6),
)
PARAGRAPH = st.lists(TOKEN, min_size=1, max_size=40).map(" ".join)
TEXT = st.lists(PARAGRAPH, min_size=1, max_size=8).map("\n".join)


def article_of(source: str, title: str, text: str) -> Article:
    return clean_document(Document(source=source, content=text, title=title, outlet=source))


def assert_offsets(article: Article, quotes: list[Quote]) -> None:
    body = article.body
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None and quote.speaker_end is not None:
            assert 0 <= quote.speaker_start <= quote.speaker_end <= len(body)


@SETTINGS
@given(title=PARAGRAPH, text=TEXT)
def test_quotes_of_random_text(title: str, text: str) -> None:
    article = article_of("random.txt", title, text)
    quotes = extract_quotes(article)
    assert_offsets(article, quotes)
    assert len({q.id for q in quotes}) == len(quotes)


@SETTINGS
@given(shared=st.lists(PARAGRAPH, min_size=1, max_size=5), data=st.data())
def test_compare_random_pairs_of_articles(shared: list[str], data: st.DataObject) -> None:
    """Two outlets' articles drawn from the same paragraphs (so their quotes overlap), each
    with some of its own."""
    articles, quotes = [], []
    for outlet in ("one.example", "two.example"):
        own = data.draw(st.lists(st.sampled_from(shared) | PARAGRAPH, min_size=1, max_size=6))
        article = article_of(outlet, "A story", "\n".join(own))
        if not article.paragraphs:
            continue
        articles.append(article)
        quotes += extract_quotes(article)
    analysis = analyse_stories(articles, quotes, one_story(articles))
    ids = {q.id for q in analysis.quotes}
    for story in analysis.stories:
        assert {match.quote for match in story.matches} <= ids
        for statement in story.statements:
            assert set(statement.quotes) <= ids
