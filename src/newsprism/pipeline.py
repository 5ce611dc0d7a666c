"""Run the stages: Document -> Article + Quotes (per input), then Stories over all articles.

The per-document steps are pure functions, so an executor other than this local loop (a
process pool, Dask) can run them; the store is written by the caller, one input at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsprism.budget import OverBudget, input_budget
from newsprism.clean import clean_document, clean_document_id
from newsprism.clean.templates import (
    MemoryTemplates,
    TemplateCounts,
    document_edge_keys,
    template_scope,
)
from newsprism.compare import compare_story
from newsprism.compare.discrepancies import find_discrepancies
from newsprism.extract import ExtractionError, extract_html
from newsprism.ingest import InputError
from newsprism.ingest.paths import resolved_source
from newsprism.model import Article, Document, Quote, Story
from newsprism.persons import PersonTable
from newsprism.quotes import extract_quotes
from newsprism.store import Store
from newsprism.stories import group_stories, wire_links
from newsprism.stories.grouping import Profile, StoryGrouper, stories_from, stream_order


@dataclass
class Processed:
    document: Document  # as read
    text: Document  # as extracted: what cleaning started from, kept for re-cleaning
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


def process_document(document: Document, templates: TemplateCounts | None = None) -> Processed:
    """One input through extract, clean and quotes; the outlet's template lines (learned
    from the articles before it) are removed, and its own lines counted for the next ones.
    Raises ExtractionError on a page with no text, OverBudget on an input that needs more
    work than any article (newsprism.budget)."""
    with input_budget():
        text = extract_html(document)
        return process_text(document, text, templates, learn=True)


def process_text(
    document: Document, text: Document, templates: TemplateCounts | None, learn: bool
) -> Processed:
    scope = template_scope(text)
    keys = templates.template_keys(scope) if templates else frozenset()
    article = clean_document(text, keys)
    if not article.paragraphs:
        raise ExtractionError("no article text left after cleaning")
    if templates and learn:
        templates.observe(scope, article.id, document_edge_keys(text))
    return Processed(document, text, article, extract_quotes(article))


def _guarded(source: str, on_error: Callable[[InputError], None], work: Callable[[], Processed]):
    """Run one input's work; a failure is reported and never stops the run."""
    try:
        with input_budget():
            return work()
    except (ExtractionError, OverBudget) as error:
        on_error(InputError(source, str(error)))
    except Exception as error:  # a user's file must never stop the run
        on_error(InputError(source, f"could not be processed ({type(error).__name__}: {error})"))
    return None


def process_all(
    items: Iterable[Document | InputError],
    on_error: Callable[[InputError], None],
    templates: TemplateCounts | None = None,
) -> Iterator[Processed]:
    """Process what can be processed, in a stream; report every failure and go on."""
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            continue
        processed = _guarded(item.source, on_error, lambda d=item: process_document(d, templates))
        if processed is not None:
            yield processed


def process_batch(
    items: Iterable[Document | InputError],
    on_error: Callable[[InputError], None],
    templates: TemplateCounts | None = None,
) -> list[Processed]:
    """Two passes: learn the template lines of every input first, then clean each with them
    (so the first articles of an outlet lose their template lines too)."""
    templates = templates or MemoryTemplates()
    texts: list[tuple[Document, Document]] = []
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            continue
        text = _guarded(item.source, on_error, lambda d=item: extract_html(d))
        if text is not None:
            texts.append((item, text))
    for _, text in texts:
        article_id = clean_document_id(text)
        templates.observe(template_scope(text), article_id, document_edge_keys(text))
    results = []
    for document, text in texts:
        processed = _guarded(
            document.source,
            on_error,
            lambda d=document, t=text: process_text(d, t, templates, learn=False),
        )
        if processed is not None:
            results.append(processed)
    return results


def adopt_resolved_sources(store: Store) -> int:
    """Inputs an older version stored under the path as typed take the resolved name this one
    reads them under, so a run over the same files does not store them twice."""
    renames = {old: new for old in store.relative_sources() if (new := resolved_source(old))}
    return store.rename_sources(renames) if renames else 0


def analyse_stories(
    articles: list[Article],
    quotes: list[Quote],
    stories: list[Story] | None = None,
    people: PersonTable | None = None,
) -> Analysis:
    """Group articles into stories (unless given), name each story's speakers from the person
    table `people` (the store's; else one for this analysis alone), compare quotes."""
    people = people if people is not None else PersonTable()
    by_article = quotes_by_article(quotes)
    stories = stories if stories is not None else group_stories(articles, by_article)
    article_by_id = {a.id: a for a in articles}
    for story in stories:
        members = [article_by_id[i] for i in story.articles]
        story_quotes = people.unify(members, [q for a in members for q in by_article.get(a.id, [])])
        unified = quotes_by_article(story_quotes)
        for article in members:
            by_article[article.id] = unified.get(article.id, [])
        comparison = compare_story(members, by_article)
        story.statements, story.matches = comparison.statements, comparison.matches
        story.discrepancies = find_discrepancies(members, by_article, comparison.matches)
    unified = [q for a in articles for q in by_article.get(a.id, [])]
    return Analysis(articles, unified, stories)


def quotes_by_article(quotes: Iterable[Quote]) -> dict[str, list[Quote]]:
    grouped: dict[str, list[Quote]] = {}
    for quote in quotes:
        grouped.setdefault(quote.article, []).append(quote)
    return grouped


def incremental_stories(
    store: Store,
    articles: list[Article],
    quotes: dict[str, list[Quote]],
    rebuild: bool = False,
) -> list[Story]:
    """Stories over everything stored (`articles` and their `quotes`, as loaded from
    `store`): articles grouped in earlier runs keep their story and are replayed into the
    grouper from their stored profiles; the new ones are streamed in. With `rebuild`, the
    whole store is grouped again from scratch, then refined in a second pass (articles move to
    the story they fit best once all are seen)."""
    grouper = StoryGrouper()
    story_of: dict[str, int] = {}
    if rebuild:
        store.clear_story_profiles()
    elif counts := store.grouping_counts():
        grouper.load_counts(counts)
        known = {a.id for a in articles}
        for article_id, story, blob in store.story_profiles():
            if article_id in known:
                grouper.restore(Profile.from_bytes(blob), story)
                story_of[article_id] = story
    new = stream_order([a for a in articles if a.id not in story_of])
    for article in new:
        grouper.add(article, quotes.get(article.id, []))
    if rebuild:
        grouper.refine()
    placed = len(grouper.profiles) - len(new)
    new_rows = []
    for position, article in enumerate(new, start=placed):
        story_of[article.id] = grouper.story_of[position]
        new_rows.append((article.id, story_of[article.id], grouper.profiles[position].to_bytes()))
    store.save_story_profiles(new_rows, grouper.counts_blob())
    return stories_from(articles, story_of, articles)


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
