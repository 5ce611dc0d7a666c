"""Run the stages: Document -> Article + Quotes (per input), then Stories over all articles.

The per-document steps are pure functions, so an executor other than this local loop (a
process pool, Dask) can run them; the store is written by the caller, one input at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from newsprism.clean import clean_document
from newsprism.compare import compare_story
from newsprism.extract import ExtractionError, extract_html
from newsprism.ingest import InputError
from newsprism.model import Article, Document, Quote, Story
from newsprism.quotes import canonical_names, extract_quotes
from newsprism.stories import group_stories, wire_links


@dataclass
class Processed:
    document: Document
    article: Article
    quotes: list[Quote]


@dataclass
class Analysis:
    articles: list[Article]
    quotes: list[Quote]
    stories: list[Story]


@dataclass
class RunStats:
    read: int = 0
    added: int = 0
    unchanged: int = 0
    errors: list[InputError] = field(default_factory=list)


def process_document(document: Document) -> Processed:
    """One input through extract, clean and quotes. Raises ExtractionError on an empty page."""
    text_document = extract_html(document)
    article = clean_document(text_document)
    if not article.paragraphs:
        raise ExtractionError("no article text left after cleaning")
    return Processed(document, article, extract_quotes(article))


def process_all(
    items: Iterable[Document | InputError],
    on_error: Callable[[InputError], None],
) -> Iterator[Processed]:
    """Process what can be processed; report every failure and go on."""
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            continue
        try:
            yield process_document(item)
        except ExtractionError as error:
            on_error(InputError(item.source, str(error)))
        except Exception as error:  # a user's file must never stop the run
            reason = f"could not be processed ({type(error).__name__}: {error})"
            on_error(InputError(item.source, reason))


def unify_speakers(quotes: list[Quote]) -> list[Quote]:
    """One canonical name per person across the given quotes (one story's)."""
    canonical = canonical_names(q.speaker for q in quotes if q.speaker)
    return [replace(q, speaker=canonical[q.speaker]) if q.speaker else q for q in quotes]


def analyse_stories(
    articles: list[Article], quotes: list[Quote], stories: list[Story] | None = None
) -> Analysis:
    """Group articles into stories (unless given), unify speakers in each, compare quotes."""
    by_article: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_article.setdefault(quote.article, []).append(quote)
    stories = stories if stories is not None else group_stories(articles, by_article)
    article_by_id = {a.id: a for a in articles}
    for story in stories:
        members = [article_by_id[i] for i in story.articles]
        story_quotes = unify_speakers([q for a in members for q in by_article.get(a.id, [])])
        for article in members:
            by_article[article.id] = [q for q in story_quotes if q.article == article.id]
        story.matches = compare_story(members, by_article)
    unified = [q for a in articles for q in by_article.get(a.id, [])]
    return Analysis(articles, unified, stories)


def one_story(articles: list[Article]) -> list[Story]:
    """All given articles as a single story (for `newsprism compare`)."""
    if not articles:
        return []
    first = articles[0]
    return [
        Story(
            id=f"s-{first.id}",
            title=first.title,
            articles=[a.id for a in articles],
            wire=wire_links(articles),
        )
    ]
