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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.executors import Executor
from newsprism.model import Article, Quote, Story
from newsprism.report.analysis import ANALYSIS_VERSION, StreamedAnalysis, build_analysis
from newsprism.report.index import index_entry
from newsprism.report.site import SiteWriter, StoredStories, previous_revisions
from newsprism.report.statements import quotes_by_article
from newsprism.store import Store

Json = dict[str, Any]


@dataclass
class StoreReport:
    json_path: Path
    html_path: Path
    index: list[Json]  # analysis.json's `index`
    totals: Json  # the whole store's (`Store.totals`)
    data: Json | None = None  # what analysis.json holds, when asked for (`keep_data`)


# Stories whose analysis is made, written and let go at a time: the report of a store never
# holds the analysis dict (nor the text of analysis.json) of more than these.
STORIES_A_PART = 200


def write_store_report(
    out_dir: str | Path,
    store: Store,
    articles: list[Article],
    quotes: list[Quote],
    stories: list[Story],
    keep_data: bool = False,
    executor: Executor | None = None,
) -> StoreReport:
    """Write the report of `store` into `out_dir`: the stories that changed since the folder
    was last written, taken from `stories` (a run's, with their `articles` and `quotes`)
    where there, else read from the store; an index of every stored story; their pages.
    The changed stories are made STORIES_A_PART at a time; `keep_data`: the analysis dict
    of them all is returned too (as analysis.json holds it). `executor` makes the story
    pages (in parallel, where it runs steps so)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = store.story_index()
    store_id = store.store_id()
    shown = previous_revisions(out_dir, store_id)
    changed = [row["id"] for row in rows if shown.get(row["id"]) != row["revision"]]
    stored = StoredStories(
        entries=[],
        revisions={row["id"]: row["revision"] for row in rows},
        totals=store.totals(),
        store_id=store_id,
        load=lambda ids: stored_analysis(store, ids),
        titles={row["id"]: row["title"] for row in rows},
    )
    site = SiteWriter.open(out_dir, stored, executor)
    parts = _ChangedParts(store, changed, articles, quotes, stories)
    kept: list[Json] = []
    json_path = out_dir / "analysis.json"
    with StreamedAnalysis.spooled_in(out_dir) as analysis:
        for data in parts:
            site.add(data, analysis.add(data))
            if keep_data:
                kept.append(data)
        stored.entries = [index_entry(row, row["id"] in parts.written) for row in rows]
        analysis.write(json_path, ANALYSIS_VERSION, parts.article_order(), stored.entries)
    html_path = site.finish(stored.entries, stored.totals, parts.written)
    data = _joined(kept, parts.article_order(), stored.entries) if keep_data else None
    return StoreReport(json_path, html_path, stored.entries, stored.totals, data)


@dataclass
class _ChangedParts:
    """The analysis dicts of the `changed` stories, a part at a time: the run's in its story
    order where it has them all, else in `changed` order, the rest read from the store. The
    articles are put in order at the end (`article_order`): the run's order, or the store's
    reading order once stories were read from it."""

    store: Store
    changed: list[str]
    articles: list[Article]
    quotes: list[Quote]
    stories: list[Story]
    written: set[str] = field(default_factory=set)  # the stories made
    arrived: dict[str, int] = field(default_factory=dict)  # article id -> when it came
    read_any: bool = False
    rank: dict[str, int] = field(init=False)  # the run's articles: id -> place in `articles`

    def __post_init__(self) -> None:
        self.rank = {article.id: n for n, article in enumerate(self.articles)}

    def __iter__(self) -> Iterator[Json]:
        by_id = {article.id: article for article in self.articles}
        # The run's stories given with their articles; the rest are read from the store.
        have = {s.id: s for s in self.stories if all(i in by_id for i in s.articles)}
        wanted = set(self.changed)
        if all(story_id in have for story_id in self.changed):
            chosen: list[str | Story] = [s for s in self.stories if s.id in wanted]
        else:
            chosen = [have.get(story_id, story_id) for story_id in self.changed]
        by_article = _quotes_by_article(self.quotes)
        for first in range(0, len(chosen), STORIES_A_PART):
            part = chosen[first : first + STORIES_A_PART]
            to_read = [s for s in part if isinstance(s, str)]
            read = {s.id: s for s in self.store.stories(to_read)} if to_read else {}
            stories = [s if isinstance(s, Story) else read.get(s) for s in part]
            made = [s for s in stories if s is not None]
            yield self._part(made, set(read), by_id, by_article)

    def _part(
        self,
        stories: list[Story],
        read: set[str],
        by_id: dict[str, Article],
        by_article: dict[str, list[Quote]],
    ) -> Json:
        """The analysis dict of `stories` (those `read` from the store, the rest the run's)."""
        ids = [i for s in stories if s.id not in read for i in s.articles if i in by_id]
        articles = sorted({i: by_id[i] for i in ids}.values(), key=lambda a: self.rank[a.id])
        quotes = [q for a in articles for q in by_article.get(a.id, [])]
        if read:
            self.read_any = True
            members = [i for s in stories if s.id in read for i in s.articles]
            articles += self.store.articles(members)
            quotes += self.store.quotes_of(members, named=True)
        for article in articles:
            self.arrived.setdefault(article.id, len(self.arrived))
        self.written.update(story.id for story in stories)
        return build_analysis(*_with_articles(stories, articles, quotes))

    def article_order(self) -> list[str]:
        """The articles made, in the order analysis.json lists them."""
        if not self.read_any:
            return sorted(self.arrived, key=self.rank.__getitem__)
        order = {article_id: n for n, article_id in enumerate(self.store.article_order())}
        after_run = len(self.rank)  # ties (articles not stored): the run's first

        def place(article_id: str) -> tuple[int, int]:
            came = self.rank.get(article_id, after_run + self.arrived[article_id])
            return order.get(article_id, -1), came

        return sorted(self.arrived, key=place)


def _joined(parts: list[Json], article_order: list[str], index: list[Json]) -> Json:
    """The analysis dicts of the parts as one, as analysis.json holds it."""
    articles = {a["id"]: a for part in parts for a in part["articles"]}
    quotes = quotes_by_article({q["id"]: q for part in parts for q in part["quotes"]})
    return {
        "version": ANALYSIS_VERSION,
        "articles": [articles[i] for i in article_order],
        "quotes": [q for i in article_order for q in quotes.get(i, [])],
        "stories": [story for part in parts for story in part["stories"]],
        "index": index,
    }


def _with_articles(
    stories: list[Story], articles: list[Article], quotes: list[Quote]
) -> tuple[list[Article], list[Quote], list[Story]]:
    """`stories` with their articles (in the order given) and the quotes of those."""
    members = {article_id for story in stories for article_id in story.articles}
    chosen = [article for article in articles if article.id in members]
    by_article = _quotes_by_article(quotes)
    return chosen, [q for a in chosen for q in by_article.get(a.id, [])], stories


def _read(store: Store, story_ids: list[str]) -> tuple[list[Story], list[Article], list[Quote]]:
    stories = store.stories(story_ids)
    members = [article_id for story in stories for article_id in story.articles]
    return stories, store.articles(members), store.quotes_of(members, named=True)


def stored_analysis(store: Store, story_ids: list[str]) -> Json:
    """The analysis dict of these stored stories, their articles and quotes (each speaker as
    the person table names it)."""
    return build_analysis(*_with_articles(*_read(store, story_ids)))


def _quotes_by_article(quotes: Iterable[Quote]) -> dict[str, list[Quote]]:
    by_article: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_article.setdefault(quote.article, []).append(quote)
    return by_article
