"""The report folder of `analyze --out DIR`: `analysis.json`, index pages of the stories
(`index.html`, `index-2.html`, ...), one page a story (`stories/ID.html`, a long story over
`ID.p2.html`, ...) and the stylesheet, rendered with the web app's templates
(`templates/pages/`) and linked relatively, so the folder opens from disk or from any web
server. No page holds a script, and none grows with the store: the index is paged, a story
page shows a bounded number of statements, versions and list items (fewer when a page would
pass `MAX_PAGE_BYTES`). An article is listed on its story's page (its lines removed while
cleaning with their reasons), and the story's references to it link there: a page an article
cost as much again as the story pages (1,356 articles), mostly in creating the files.

A run renders only the stories that changed since the last (a manifest in the folder keeps a
digest of what each story's pages show), rewrites a page only when its bytes changed, each by a
rename (a killed run leaves every file whole), and removes the pages of stories no longer
stored, so the folder matches the store.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from math import ceil
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsprism.executors import Executor, InProcessExecutor
from newsprism.model import LABEL_SEVERITY, Article, Quote, Story
from newsprism.report.analysis import (
    ANALYSIS_VERSION,
    analysis_text,
    build_analysis,
    remove_stale_temporaries,
    write_bytes_atomic,
    write_text_atomic,
)
from newsprism.report.html import (
    GRID_COLUMNS,
    LISTED,
    STATEMENTS_A_PAGE,
    VERSIONS_SHOWN,
    PageLimits,
    label_view,
    page_links,
    story_page_view,
)
from newsprism.report.index import index_entry, story_row, totals_of
from newsprism.report.pages import render, story_context, stylesheet
from newsprism.report.paths import STORY_DIR, index_page, story_page
from newsprism.report.statements import excerpt, quotes_by_article, story_view

Json = dict[str, Any]

STORIES_A_PAGE = 100
TITLE_CHARS = 300
MAX_PAGE_BYTES = 1_000_000
# A story page's bounds, tried in turn until its pages fit MAX_PAGE_BYTES: statements a page,
# versions of a statement, items of each list (articles, quotes in one outlet, wire copies).
STORY_BOUNDS = [(STATEMENTS_A_PAGE, VERSIONS_SHOWN, LISTED), (5, 6, 50), (1, 3, 20), (1, 1, 5)]
REMOVED_CHARS = 400
STYLESHEET_FILE = "newsprism.css"
MANIFEST_FILE = ".newsprism-pages.json"
INDEX_PAGE = re.compile(r"index-\d+\.html")


class FileLinks:
    """A report folder's links (see `pages.Links`), relative to a page `root` levels down
    ("" at the top, "../" in `stories/`). An article links to its entry in the story page's
    list (`listed`: the articles that page lists; others are not linked). No search, no
    speaker pages: those links are ""."""

    def __init__(self, root: str = "", listed: Iterable[str] = ()) -> None:
        self.root = root
        self.anchors = {
            article_id: f"#article-{quote(article_id, safe='')}" for article_id in listed
        }

    def stylesheet(self) -> str:
        return self.root + STYLESHEET_FILE

    def home(self) -> str:
        return self.root + index_page(1)

    def stories(self, page: int = 1, **filters: Any) -> str:
        return self.root + index_page(page)

    def story(self, story_id: str, page: int = 1) -> str:
        return self.root + story_page(story_id, page)

    def statement(self, story_id: str, statement_id: str) -> str:
        return f"{self.story(story_id)}#statement-{quote(statement_id, safe='')}"

    def article(self, article_id: str) -> str:
        return self.anchors.get(article_id, "")

    def speaker(self, key: str) -> str:
        return ""

    def search(self, query: str = "") -> str:
        return ""


TOP, BELOW = FileLinks(), FileLinks("../")


def encode(html: str) -> bytes:
    return html.encode("utf-8", errors="backslashreplace")  # a lone surrogate shows as \ud800


# --- what the pages read ---------------------------------------------------------------------


@dataclass
class _Store:
    """The analysis dict, indexed once for every page."""

    data: Json
    known_titles: dict[str, str] = field(default_factory=dict)  # stories' titles, by id
    articles: dict[str, Json] = field(init=False)
    quotes: dict[str, Json] = field(init=False)
    by_article: dict[str, list[Json]] = field(init=False)

    def __post_init__(self) -> None:
        self.articles = {a["id"]: a for a in self.data.get("articles") or []}
        self.quotes = {q["id"]: q for q in self.data.get("quotes") or []}
        self.by_article = quotes_by_article(self.quotes)

    @property
    def stories(self) -> list[Json]:
        return list(self.data.get("stories") or [])

    @cached_property
    def titles(self) -> dict[str, str]:
        """Every story's title by id (what a related story is linked by): the known ones,
        those of the analysis' index (every stored story) and of its stories."""
        stories = [*(self.data.get("index") or []), *self.stories]
        titles = {s["id"]: s.get("title") or "" for s in stories if "id" in s}
        return self.known_titles | titles

    def story_parts(self, story: Json) -> tuple[list[Json], list[Json]]:
        """The story's articles and their quotes."""
        ids = list(dict.fromkeys(story.get("articles") or []))
        articles = [self.articles[i] for i in ids if i in self.articles]
        return articles, [q for i in ids for q in self.by_article.get(i, [])]


# --- the index -------------------------------------------------------------------------------


def _index_entries(store: _Store) -> list[Json]:
    """The index entries of an analysis with no store behind it: its stories, all in it."""
    return [
        index_entry(story_row(story, *store.story_parts(story)), True) for story in store.stories
    ]


def index_pages(entries: list[Json], totals: Json) -> Iterator[tuple[str, bytes]]:
    """The stories, most flagged first, then newest (undated last), a page of STORIES_A_PAGE."""
    rows = [
        {
            **entry,
            "title": excerpt(entry["title"], TITLE_CHARS),
            "flag_badges": [label_view(flag, n) for flag, n in entry["flags"].items()],
        }
        for entry in entries
    ]
    rows.sort(key=lambda r: (r["flagged"], r["published"] or "", r["id"]), reverse=True)
    labels = totals.get("labels") or {}
    label_counts = [
        label_view(label, labels[label]) for label in LABEL_SEVERITY if labels.get(label)
    ]
    count = max(1, ceil(len(rows) / STORIES_A_PAGE))
    for number in range(1, count + 1):
        first = (number - 1) * STORIES_A_PAGE
        html = render(
            "index.html",
            TOP,
            stories=rows[first : first + STORIES_A_PAGE],
            totals=totals,
            label_counts=label_counts,
            page_size=STORIES_A_PAGE,
            pages=page_links(number, number < count, TOP.stories),
            analysis_url="analysis.json",
            version=ANALYSIS_VERSION,
        )
        yield index_page(number), encode(html)


# --- story pages -----------------------------------------------------------------------------


def story_pages(store: _Store, story: Json) -> dict[str, bytes]:
    """A story's pages, each under MAX_PAGE_BYTES (bounds tightened until they are)."""
    articles, quotes = store.story_parts(story)
    by_id = {a["id"]: a for a in articles}
    quote_ids = {q["id"]: q for q in quotes}
    view = story_view(story, by_id, quote_ids, quotes_by_article(quote_ids))
    story_id = story.get("id", "")
    pages: dict[str, bytes] = {}
    for a_page, versions, listed in STORY_BOUNDS:
        count = max(1, ceil(len(view.statements) / a_page))
        limits = PageLimits(count=a_page, versions=versions, columns=GRID_COLUMNS, listed=listed)
        pages = {}
        for number in range(1, count + 1):
            limits = replace(limits, first=(number - 1) * a_page)
            page = story_page_view(story, articles, quotes, limits, view, store.titles)
            for article in page["articles"]:
                _cap_removed(article, listed)
            links = FileLinks(BELOW.root, [a["id"] for a in page["articles"]])
            numbers = page_links(number, number < count, lambda n: BELOW.story(story_id, n))
            html = render("story.html", links, removed_lines=True, **story_context(page, numbers))
            pages[story_page(story_id, number)] = encode(html)
        if max(len(html) for html in pages.values()) <= MAX_PAGE_BYTES:
            break
    return pages


@dataclass
class StoryPagesTask:
    """What one story's pages are made from: the story, its articles and their quotes."""

    story: Json
    articles: list[Json]
    quotes: list[Json]
    titles: dict[str, str]  # its related stories' titles, by id


def story_pages_step(task: StoryPagesTask) -> dict[str, bytes]:
    """`story_pages` of one task: a pure function, run wherever the executor puts it."""
    data = {"articles": task.articles, "quotes": task.quotes, "stories": [task.story]}
    return story_pages(_Store(data, task.titles), task.story)


def _cap_removed(article: Json, most: int) -> None:
    """At most `most` of the lines removed from an article while cleaning, each cut short."""
    removed = article["removed"]
    article["removed"] = [
        {"text": excerpt(r.get("text") or "", REMOVED_CHARS), "reason": r.get("reason") or ""}
        for r in removed[:most]
    ]
    article["removed_not_shown"] = len(removed[most:])


# --- the folder ------------------------------------------------------------------------------


@dataclass
class _Group:
    """The pages of one story: `key` names it in the manifest, `fingerprint` is a digest of
    everything they show, `task` what `story_pages_step` makes them from."""

    key: str
    fingerprint: str
    task: StoryPagesTask


def page_groups(store: _Store, items: dict[str, list[str]]) -> Iterator[_Group]:
    """Every story's pages. `items`: the JSON text of each article, quote and story, in the
    order of `store.data` (`analysis.analysis_text`), digested for each story."""
    texts = {
        kind: {
            item.get("id"): text
            for item, text in zip(store.data.get(kind) or [], found, strict=True)
        }
        for kind, found in items.items()
    }
    for story in store.stories:
        articles, quotes = store.story_parts(story)
        digest = hashlib.blake2b(digest_size=16)
        digest.update(_encoded(texts.get("stories", {}).get(story.get("id"), "")))
        for kind, parts in (("articles", articles), ("quotes", quotes)):
            for part in parts:
                digest.update(_encoded(texts.get(kind, {}).get(part["id"], "")))
        related = [r for r in story.get("related") or [] if isinstance(r, str)]
        titles = {r: store.titles[r] for r in related if r in store.titles}
        task = StoryPagesTask(story, articles, quotes, titles)
        yield _Group(story.get("id", ""), digest.hexdigest(), task)


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass") + b"\0"


@dataclass
class _Manifest:
    """What each group's pages were made from, kept in the folder between runs, so a run
    renders only the stories that changed: the digest of their content, the store's revision
    of the story, and each page's size and modification time as written (a page changed
    since, by hand or by another run, is made again). Pages made with other code or templates
    (`salt`) are made again; the revisions hold as long as the store (`store`) is the same."""

    path: Path
    salt: str
    store: str = ""
    before: dict[str, list[Any]] = field(default_factory=dict)
    now: dict[str, list[Any]] = field(default_factory=dict)
    same_code: bool = False

    @classmethod
    def read(cls, out_dir: Path, store: str = "") -> _Manifest:
        manifest = cls(out_dir / MANIFEST_FILE, _code_digest(), store)
        try:
            saved = json.loads(manifest.path.read_text(encoding="utf-8"))
            if isinstance(saved.get("groups"), dict):
                manifest.before = saved["groups"]
                manifest.same_code = saved.get("salt") == manifest.salt
                if saved.get("store") != store:
                    manifest.before = {}
        except (OSError, ValueError, AttributeError):
            pass  # none yet, or unreadable: every page is made again
        return manifest

    def revisions(self) -> dict[str, Any]:
        """The revision of each story as this folder's last report showed it."""
        return {
            key: entry[2]
            for key, entry in self.before.items()
            if isinstance(entry, list) and len(entry) == 3
        }

    def unchanged(
        self, key: str, out_dir: Path, fingerprint: str | None = None, revision: Any = None
    ) -> list[str] | None:
        """The group's pages, if they were made by this code from the same content (the same
        `fingerprint`, else the same store `revision`) and are as written."""
        entry = self.before.get(key)
        if not self.same_code or not isinstance(entry, list) or len(entry) != 3:
            return None
        by_content = fingerprint is not None
        if (entry[0] != fingerprint) if by_content else (entry[2] != revision):
            return None
        pages = entry[1]
        if not isinstance(pages, dict) or not pages:
            return None
        if any(_stamp(out_dir / name) != stamp for name, stamp in pages.items()):
            return None
        return list(pages)

    def record(
        self, key: str, fingerprint: str, out_dir: Path, pages: list[str], revision: Any
    ) -> None:
        stamps = {name: _stamp(out_dir / name) for name in pages}
        self.now[key] = [fingerprint, stamps, revision]

    def keep(self, key: str, revision: Any) -> None:
        """The group's pages stay as the last report wrote them."""
        self.now[key] = [self.before[key][0], self.before[key][1], revision]

    def write(self) -> None:
        text = json.dumps(
            {"salt": self.salt, "store": self.store, "groups": self.now}, separators=(",", ":")
        )
        write_bytes_atomic(self.path, text.encode("utf-8", errors="surrogatepass"), durable=False)


def previous_revisions(out_dir: Path, store: str) -> dict[str, Any]:
    """The revision of each story of `store` as the report in `out_dir` last showed it."""
    return _Manifest.read(out_dir, store).revisions()


def _stamp(path: Path) -> list[int] | None:
    """A page's size and modification time (None if it is not there)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns]


def _code_digest() -> str:
    """A digest of this package's code, templates and stylesheet, and the version."""
    package = Path(__file__).parent
    files = sorted(package.rglob("*.py")) + sorted(package.rglob("*.html"))
    files += sorted(package.rglob("*.css"))
    digest = hashlib.blake2b(ANALYSIS_VERSION.encode(), digest_size=16)
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def report_pages(data: Json) -> dict[str, bytes]:
    """Every page of the report for `data`, made afresh: path in the folder -> content."""
    store = _Store(data)
    pages: dict[str, bytes] = {}
    for story in store.stories:
        pages.update(story_pages(store, story))
    pages[STYLESHEET_FILE] = encode(stylesheet())
    pages.update(index_pages(_index_entries(store), _data_totals(store)))
    return pages


def _data_totals(store: _Store) -> Json:
    return totals_of(store.stories, len(store.articles), len(store.quotes))


@dataclass
class StoredStories:
    """What the report of a store needs besides the analysis it writes (the stories that
    changed): every story's index entry and revision, the store's totals and id, and `load`,
    the analysis dict of some stories (to make the pages of a story the folder lacks)."""

    entries: list[Json]
    revisions: dict[str, int]
    totals: Json
    store_id: str
    load: Callable[[list[str]], Json]
    titles: dict[str, str] = field(default_factory=dict)  # every story's, by id


# Stories read from the store at a time to make the pages a folder lacks.
LOAD_STORIES = 200


def write_site(
    out_dir: Path,
    data: Json,
    items: dict[str, list[str]] | None = None,
    stored: StoredStories | None = None,
) -> Path:
    """Write the report pages into `out_dir`: the pages of the stories that changed since the
    last run (all, the first time), the stylesheet and the index pages; then remove the pages
    of stories no longer listed and the index pages past the last. Returns the path of
    `index.html`. `items`: as `page_groups` takes them (made here if not given). `stored`: the
    store behind `data`, which holds only the stories that changed; the index lists every
    stored story, and the pages of the others stay (made from the store where missing)."""
    site = SiteWriter.open(out_dir, stored)
    store = site.add(data, items if items is not None else analysis_text(data)[1])
    if stored is None:
        return site.finish(_index_entries(store), _data_totals(store))
    return site.finish(stored.entries, stored.totals, {s.get("id") for s in store.stories})


@dataclass
class SiteWriter:
    """A report folder written in parts: the pages of some stories at a time (`add`), then
    the rest (`finish`)."""

    out_dir: Path
    manifest: _Manifest
    stored: StoredStories | None
    written: set[str] = field(default_factory=set)
    executor: Executor = field(default_factory=InProcessExecutor)  # makes the story pages

    @classmethod
    def open(
        cls, out_dir: Path, stored: StoredStories | None = None, executor: Executor | None = None
    ) -> SiteWriter:
        for folder in (out_dir, out_dir / STORY_DIR):
            folder.mkdir(parents=True, exist_ok=True)
        manifest = _Manifest.read(out_dir, stored.store_id if stored else "")
        return cls(out_dir, manifest, stored, executor=executor or InProcessExecutor())

    def add(self, data: Json, items: dict[str, list[str]]) -> _Store:
        """The pages of the stories of `data` (`items`: as `page_groups` takes them)."""
        store = _Store(data, self.stored.titles if self.stored else {})
        revisions = self.stored.revisions if self.stored else {}
        groups = page_groups(store, items)
        self.written |= _write_groups(
            self.out_dir, self.manifest, groups, revisions, self.executor
        )
        return store

    def finish(self, entries: list[Json], totals: Json, in_data: set[Any] | None = None) -> Path:
        """The pages of the stored stories not added (`in_data`: those added), the stylesheet
        and the index pages of `entries`; the pages not written are removed."""
        out_dir, written = self.out_dir, self.written
        if self.stored is not None:
            written |= _keep_stored_pages(
                out_dir, self.manifest, self.stored, in_data or set(), self.executor
            )
        # The index last: a run killed midway never leaves it linking a page not yet written.
        for name, content in [
            (STYLESHEET_FILE, encode(stylesheet())),
            *index_pages(entries, totals),
        ]:
            _write_if_changed(out_dir / name, content)
            written.add(name)
        _remove_pages_not_written(out_dir, written)
        self.manifest.write()
        for folder in (out_dir, out_dir / STORY_DIR):
            remove_stale_temporaries(folder)
        return out_dir / index_page(1)


def _write_groups(
    out_dir: Path,
    manifest: _Manifest,
    groups: Iterable[_Group],
    revisions: dict[str, int],
    executor: Executor,
) -> set[str]:
    """Each group's pages, made unless unchanged (by `executor`, in parallel where it runs
    steps so), written and recorded in the groups' order; the pages' names."""
    written: set[str] = set()
    seen: deque[tuple[_Group, list[str] | None]] = deque()  # in order, as the executor reads

    def to_make() -> Iterator[StoryPagesTask]:
        for group in groups:
            pages = manifest.unchanged(group.key, out_dir, fingerprint=group.fingerprint)
            seen.append((group, pages))
            if pages is None:
                yield group.task

    def record(group: _Group, pages: list[str]) -> None:
        manifest.record(group.key, group.fingerprint, out_dir, pages, revisions.get(group.key))
        written.update(pages)

    for made in executor.map(story_pages_step, to_make()):
        group, pages = seen.popleft()
        while pages is not None:  # unchanged, read before the group `made` is of
            record(group, pages)
            group, pages = seen.popleft()
        for name, content in made.items():
            _write_if_changed(out_dir / name, content)
        record(group, list(made))
    for group, pages in seen:
        record(group, pages or [])
    return written


def _keep_stored_pages(
    out_dir: Path,
    manifest: _Manifest,
    stored: StoredStories,
    in_data: set[Any],
    executor: Executor,
) -> set[str]:
    """The pages of the stored stories not in the analysis: kept where the last report made
    them from the same revision, else made from the store (a new folder, new code)."""
    written: set[str] = set()
    missing = []
    for entry in stored.entries:
        key = entry["id"]
        if key in in_data:
            continue
        revision = stored.revisions.get(key)
        pages = manifest.unchanged(key, out_dir, revision=revision)
        if pages is None:
            missing.append(key)
            continue
        manifest.keep(key, revision)
        written.update(pages)
    for first in range(0, len(missing), LOAD_STORIES):
        part = _Store(stored.load(missing[first : first + LOAD_STORIES]), stored.titles)
        groups = page_groups(part, analysis_text(part.data)[1])
        written |= _write_groups(out_dir, manifest, groups, stored.revisions, executor)
    return written


def _write_if_changed(path: Path, content: bytes) -> None:
    try:
        if path.stat().st_size == len(content) and path.read_bytes() == content:
            return
    except OSError:
        pass  # not there yet (or unreadable): written below
    write_bytes_atomic(path, content, durable=False)


def _remove_pages_not_written(out_dir: Path, written: set[str]) -> None:
    """Pages of an earlier run that this one did not write: a story merged away, a story
    page past its last, an index page past the last. Only page names this module makes."""
    found = [p for p in out_dir.glob("index-*.html") if INDEX_PAGE.fullmatch(p.name)]
    found += (out_dir / STORY_DIR).glob("*.html")
    for path in found:
        if path.relative_to(out_dir).as_posix() not in written and not path.is_dir():
            path.unlink(missing_ok=True)


def write_analysis_report(
    out_dir: str | Path, data: Json, stored: StoredStories | None = None
) -> tuple[Path, Path]:
    """Write `analysis.json` and the report pages into `out_dir` (created); returns the paths
    of `analysis.json` and `index.html`. `stored`: as `write_site` takes it."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "analysis.json"
    text, items = analysis_text(data)
    write_text_atomic(json_path, text)
    return json_path, write_site(out_dir, data, items, stored)


def write_report(
    out_dir: str | Path, articles: list[Article], quotes: list[Quote], stories: list[Story]
) -> tuple[Path, Path]:
    """`write_analysis_report` for pipeline objects."""
    return write_analysis_report(out_dir, build_analysis(articles, quotes, stories))
