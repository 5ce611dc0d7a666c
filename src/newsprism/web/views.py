"""One view a page kind (datasette's pattern): `data()` reads what the page shows, once, as
plain JSON-able data (the `/api/...` answer); `context(data)` turns that data into what the
HTML template needs (highlights as escaped `Markup`, links). No view reads the whole store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import quote, urlencode

from markupsafe import Markup

from newsprism.model import FLAGS
from newsprism.report.analysis import ANALYSIS_VERSION
from newsprism.report.html import (
    GRID_COLUMNS,
    LISTED,
    STATEMENTS_A_PAGE,
    VERSIONS_SHOWN,
    PageLimits,
    label_view,
    page_links,
    safe_url,
    story_page_view,
)
from newsprism.report.pages import story_context
from newsprism.report.statements import excerpt, story_view
from newsprism.web.db import (
    HIT_CLOSE,
    HIT_OPEN,
    MAX_BODY_CHARS,
    PAGE_SIZE,
    Database,
    StoryFilters,
)
from newsprism.web.text import marked_paragraphs

Json = dict[str, Any]


class WebLinks:
    """Where the web app's pages live (see `newsprism.report.pages.Links`)."""

    def stylesheet(self) -> str:
        return f"/static/newsprism.css?v={ANALYSIS_VERSION}"

    def home(self) -> str:
        return "/"

    def stories(self, **params: Any) -> str:
        query = urlencode({k: v for k, v in params.items() if v})
        return "/" + (f"?{query}" if query else "")

    def story(self, story_id: str, page: int = 1) -> str:
        return f"/stories/{quote(story_id, safe='')}" + (f"?page={page}" if page > 1 else "")

    def statement(self, story_id: str, statement_id: str) -> str:
        query = urlencode({"statement": statement_id})
        return f"{self.story(story_id)}?{query}#statement-{quote(statement_id, safe='')}"

    def article(self, article_id: str) -> str:
        return f"/articles/{quote(article_id, safe='')}"

    def speaker(self, key: str, page: int = 1) -> str:
        return f"/speakers/{quote(key, safe='')}" + (f"?page={page}" if page > 1 else "")

    def search(self, query: str = "") -> str:
        return "/search" + (f"?{urlencode({'q': query})}" if query else "")


LINKS = WebLinks()


@dataclass
class View:
    db: Database
    template: ClassVar[str]

    def data(self) -> Json:
        raise NotImplementedError

    def context(self, data: Json) -> Json:
        """What the HTML template needs, from `data`."""
        return data

    def as_json(self, data: Json) -> Json:
        """The /api/ answer, from `data`."""
        return data


@dataclass
class StoriesPage(View):
    filters: StoryFilters
    page: int = 1
    template: ClassVar[str] = "stories.html"

    def data(self) -> Json:
        stories, more = self.db.stories(self.filters, self.page)
        return {
            "filters": self.filters.as_params(),
            "page": self.page,
            "page_size": PAGE_SIZE,
            "more": more,
            "stories": stories,
        }

    def context(self, data: Json) -> Json:
        params = data["filters"]
        for story in data["stories"]:
            story["flag_badges"] = [label_view(f["flag"], f["versions"]) for f in story["flags"]]
        return {
            **data,
            "flags": FLAGS,
            "pages": page_links(
                self.page, data["more"], lambda n: LINKS.stories(**params, page=n if n > 1 else 0)
            ),
        }


@dataclass
class StoryPage(View):
    story_id: str
    page: int = 1
    statement: str | None = None  # a statement id: show the page holding it
    template: ClassVar[str] = "story.html"

    def data(self) -> Json:
        bundle = self.db.story(self.story_id)
        self.bundle = bundle
        view = self.view = story_view(
            bundle.story, {a["id"]: a for a in bundle.articles}, {q["id"]: q for q in bundle.quotes}
        )
        ids = [row.id for row in view.statements]
        if self.statement in ids:
            self.page = ids.index(self.statement) // STATEMENTS_A_PAGE + 1
        first = (self.page - 1) * STATEMENTS_A_PAGE
        rows = view.statements[first : first + STATEMENTS_A_PAGE]
        shown = {row.id for row in rows}
        on_page = {o.quote.get("id") for row in rows for o in row.occurrences[:VERSIONS_SHOWN]}
        story = bundle.story
        return {
            "story": {
                "id": story["id"],
                "title": story["title"],
                "articles": story["articles"],
                "flags": [f for f in FLAGS if any(f in row.flags for row in view.statements)],
                "n_statements": len(view.statements),
                "statements": [s for s in story["statements"] if s.get("id") in shown],
                "matches": [m for m in story["matches"] if m.get("quote") in on_page],
                "discrepancies": story["discrepancies"],
                "wire": story["wire"],
                "related": story["related"],
            },
            "articles": [_meta(a) for a in bundle.articles[:LISTED]],
            "quotes": [q for q in bundle.quotes if q["id"] in on_page],
            "page": self.page,
            "versions_shown": VERSIONS_SHOWN,  # matches and quotes: that many a statement
            "more": first + STATEMENTS_A_PAGE < len(view.statements),
            "notices": bundle.notices,
        }

    def context(self, data: Json) -> Json:
        limits = PageLimits(
            first=(self.page - 1) * STATEMENTS_A_PAGE,
            count=STATEMENTS_A_PAGE,
            versions=VERSIONS_SHOWN,
            columns=GRID_COLUMNS,
            listed=LISTED,
        )
        bundle = self.bundle
        story = story_page_view(bundle.story, bundle.articles, bundle.quotes, limits, self.view)
        page = page_links(self.page, data["more"], lambda n: LINKS.story(self.story_id, n))
        return story_context(story, page, data["notices"])


def _meta(article: Json) -> Json:
    return {k: v for k, v in article.items() if k not in ("paragraphs", "removed", "notes")}


@dataclass
class ArticlePage(View):
    article_id: str
    template: ClassVar[str] = "article.html"

    def data(self) -> Json:
        article, quotes, stories, wire = self.db.article(self.article_id)
        return {"article": article, "quotes": quotes, "stories": stories, "wire": wire}

    def context(self, data: Json) -> Json:
        article = data["article"]
        body = "\n".join(article["paragraphs"])
        cut = len(body) > MAX_BODY_CHARS
        return {
            **data,
            "url": safe_url(article.get("url")),
            "paragraphs": marked_paragraphs(body[:MAX_BODY_CHARS], data["quotes"], LINKS),
            "cut": cut,
            "quote_list": [
                {**q, "short": excerpt(q["text"], 160)} for q in data["quotes"][:LISTED]
            ],
        }


@dataclass
class SpeakerPage(View):
    key: str
    page: int = 1
    template: ClassVar[str] = "speaker.html"

    def data(self) -> Json:
        person, quotes, more, versions = self.db.speaker(self.key, self.page)
        return {
            "person": person,
            "quotes": quotes,
            "statements": versions,
            "page": self.page,
            "more": more,
        }

    def context(self, data: Json) -> Json:
        return {
            **data,
            "statements": _by_statement(data["quotes"], data["statements"], self.key),
            "stories_url": LINKS.stories(speaker=self.key),
            "pages": page_links(self.page, data["more"], lambda n: LINKS.speaker(self.key, n)),
        }


def _by_statement(
    quotes: list[Json], versions: dict[str, list[Json]], person_key: str
) -> list[Json]:
    """The speaker's quotes grouped by statement (one thing said, as outlets carried it)."""
    groups: dict[str, Json] = {}
    for q in quotes:
        match = q["match"] or {}
        key = match.get("statement") or q["id"]
        group = groups.setdefault(
            key,
            {
                "text": excerpt(q["text"], 300),
                "story_id": q["story_id"],
                "story_title": q["story_title"],
                "statement": match.get("statement"),
                "versions": [],
            },
        )
        if group["versions"]:
            continue  # a statement's versions are listed once, with its first quote here
        for version in versions.get(match.get("statement") or "") or [q["own"]]:
            label = version["label"]
            group["versions"].append(
                {
                    **version,
                    "outlet": version["outlet"] or "unknown outlet",
                    "badge": label_view(label) if label else None,
                    "credits": version["speaker"]
                    if version["speaker"] and version["speaker_key"] != person_key
                    else None,
                }
            )
            if label == "source":
                group["text"] = excerpt(version["text"], 300)
    return list(groups.values())


@dataclass
class SearchPage(View):
    query: str
    template: ClassVar[str] = "search.html"

    def data(self) -> Json:
        hits = self.db.search(self.query) if self.query.strip() else []
        return {"query": self.query, "hits": hits}

    def context(self, data: Json) -> Json:
        return {
            **data,
            "results": [{**hit, "snippet_html": _snippet(hit["snippet"])} for hit in data["hits"]],
        }

    def as_json(self, data: Json) -> Json:
        """Snippets with the words found in [brackets]."""
        hits = [
            {**hit, "snippet": hit["snippet"].replace(HIT_OPEN, "[").replace(HIT_CLOSE, "]")}
            for hit in data["hits"]
        ]
        return {**data, "hits": hits}


def _snippet(text: str) -> Markup:
    out: list[Markup] = []
    for i, part in enumerate(text.split(HIT_OPEN)):
        found, _, rest = part.partition(HIT_CLOSE) if i else ("", "", part)
        if found:
            out.append(Markup("<mark>{}</mark>").format(found))
        out.append(Markup.escape(rest))
    return Markup("").join(out)
