"""The report of a store (`analyze`, `stories`): what changed, with an index of everything.

A run writes into the report folder the stories that changed since the folder was last written
(every story the first time, or into a new folder), with their articles and quotes, and an
index of every stored story (`index`: counts, flags, where its detail is); the pages of the
stories that changed, and the index pages. The rest stays as it was: the whole store is never
read to write a report. The store keeps each story's revision, the folder's manifest the
revision it last showed, so a run killed before its report, or a report written to another
folder, still shows every change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.model import Article, Quote, Story
from newsprism.report.analysis import build_analysis
from newsprism.report.index import index_entry
from newsprism.report.site import StoredStories, previous_revisions, write_analysis_report
from newsprism.store import Store

Json = dict[str, Any]


@dataclass
class StoreReport:
    json_path: Path
    html_path: Path
    data: Json  # what analysis.json holds
    totals: Json  # the whole store's (`Store.totals`)


def write_store_report(
    out_dir: str | Path,
    store: Store,
    articles: list[Article],
    quotes: list[Quote],
    stories: list[Story],
) -> StoreReport:
    """Write the report of `store` into `out_dir`: the stories that changed since the folder
    was last written, taken from `stories` (a run's, with their `articles` and `quotes`)
    where there, else read from the store; an index of every stored story; their pages."""
    out_dir = Path(out_dir)
    rows = store.story_index()
    store_id = store.store_id()
    shown = previous_revisions(out_dir, store_id)
    changed = [row["id"] for row in rows if shown.get(row["id"]) != row["revision"]]
    data = _changed_analysis(store, changed, articles, quotes, stories)
    in_data = {story["id"] for story in data["stories"]}
    data["index"] = [index_entry(row, row["id"] in in_data) for row in rows]
    stored = StoredStories(
        entries=data["index"],
        revisions={row["id"]: row["revision"] for row in rows},
        totals=store.totals(),
        store_id=store_id,
        load=lambda ids: stored_analysis(store, ids),
    )
    json_path, html_path = write_analysis_report(out_dir, data, stored)
    return StoreReport(json_path, html_path, data, stored.totals)


def _changed_analysis(
    store: Store,
    changed: list[str],
    articles: list[Article],
    quotes: list[Quote],
    stories: list[Story],
) -> Json:
    """The analysis dict of the `changed` stories (in story order): the run's where it has
    them, the rest read from the store."""
    have = {story.id: story for story in stories}
    missing = [story_id for story_id in changed if story_id not in have]
    if not missing:
        wanted = set(changed)
        kept = [story for story in stories if story.id in wanted]
        return build_analysis(*_with_articles(kept, articles, quotes))
    read_stories, read_articles, read_quotes = _read(store, missing)
    by_id = {story.id: story for story in read_stories} | have
    order = {article_id: n for n, article_id in enumerate(store.article_order())}
    every = sorted(
        {a.id: a for a in [*articles, *read_articles]}.values(), key=lambda a: order.get(a.id, -1)
    )
    chosen = [by_id[story_id] for story_id in changed if story_id in by_id]
    return build_analysis(*_with_articles(chosen, every, [*quotes, *read_quotes]))


def _with_articles(
    stories: list[Story], articles: list[Article], quotes: list[Quote]
) -> tuple[list[Article], list[Quote], list[Story]]:
    """`stories` with their articles (in the order given) and the quotes of those."""
    members = {article_id for story in stories for article_id in story.articles}
    chosen = [article for article in articles if article.id in members]
    by_article: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_article.setdefault(quote.article, []).append(quote)
    return chosen, [q for a in chosen for q in by_article.get(a.id, [])], stories


def _read(store: Store, story_ids: list[str]) -> tuple[list[Story], list[Article], list[Quote]]:
    stories = store.stories(story_ids)
    members = [article_id for story in stories for article_id in story.articles]
    return stories, store.articles(members), store.quotes_of(members, named=True)


def stored_analysis(store: Store, story_ids: list[str]) -> Json:
    """The analysis dict of these stored stories, their articles and quotes (each speaker as
    the person table names it)."""
    return build_analysis(*_with_articles(*_read(store, story_ids)))
