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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from math import ceil
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsprism.model import FLAGS, LABEL_SEVERITY, Article, Quote, Story
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
    OUTLETS_SHOWN,
    STATEMENTS_A_PAGE,
    VERSIONS_SHOWN,
    PageLimits,
    label_view,
    page_links,
    story_page_view,
)
from newsprism.report.pages import render, story_context, stylesheet
from newsprism.report.statements import excerpt, quotes_by_article, story_view

Json = dict[str, Any]

STORIES_A_PAGE = 100
TITLE_CHARS = 300
MAX_PAGE_BYTES = 1_000_000
# A story page's bounds, tried in turn until its pages fit MAX_PAGE_BYTES: statements a page,
# versions of a statement, items of each list (articles, quotes in one outlet, wire copies).
STORY_BOUNDS = [(STATEMENTS_A_PAGE, VERSIONS_SHOWN, LISTED), (5, 6, 50), (1, 3, 20), (1, 1, 5)]
REMOVED_CHARS = 400
STORY_DIR = "stories"
STYLESHEET_FILE = "newsprism.css"
MANIFEST_FILE = ".newsprism-pages.json"
INDEX_PAGE = re.compile(r"index-\d+\.html")
# An id that is its own file name (no dot, so never "..", never a page suffix); others are hashed.
PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def file_stem(item_id: str) -> str:
    """The file name (without suffix) of a story's page."""
    if PLAIN_ID.fullmatch(item_id):
        return item_id
    digest = hashlib.sha256(item_id.encode("utf-8", errors="surrogatepass")).hexdigest()
    return "_" + digest[:24]  # "_" never opens a plain id: no clash with one


def index_page(number: int) -> str:
    return "index.html" if number == 1 else f"index-{number}.html"


def story_page(story_id: str, number: int = 1) -> str:
    suffix = "" if number == 1 else f".p{number}"
    return f"{STORY_DIR}/{file_stem(story_id)}{suffix}.html"


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

    def story_parts(self, story: Json) -> tuple[list[Json], list[Json]]:
        """The story's articles and their quotes."""
        ids = list(dict.fromkeys(story.get("articles") or []))
        articles = [self.articles[i] for i in ids if i in self.articles]
        return articles, [q for i in ids for q in self.by_article.get(i, [])]


# --- the index -------------------------------------------------------------------------------


def _index_row(store: _Store, story: Json) -> Json:
    articles, quotes = store.story_parts(story)
    terms = {q["id"] for q in quotes if q.get("kind") == "term"}
    labels = [
        set(m.get("labels") or [])
        for m in story.get("matches") or []
        if m.get("quote") not in terms
    ]
    flags = Counter(flag for found in labels for flag in found if flag in FLAGS)
    outlets = Counter(a.get("outlet") or "unknown outlet" for a in articles)
    by_count = sorted(outlets, key=lambda name: (-outlets[name], name))
    dates = [a["published"] for a in articles if a.get("published")]
    return {
        "id": story.get("id", ""),
        "title": excerpt(story.get("title") or "", TITLE_CHARS),
        "published": max(dates) if dates else None,
        "articles": len(story.get("articles") or []),
        "quotes": len(quotes) - len(terms),
        "statements": len(story.get("statements") or []),
        "discrepancies": len(story.get("discrepancies") or []),
        "flagged": sum(1 for found in labels if found & set(FLAGS)),
        "flag_badges": [label_view(f, flags[f]) for f in FLAGS if flags[f]],
        "outlets": by_count[:OUTLETS_SHOWN],
        "more_outlets": max(0, len(by_count) - OUTLETS_SHOWN),
    }


def _totals(store: _Store) -> tuple[Json, list[Json]]:
    stories = store.stories
    counts = Counter(m.get("label") for s in stories for m in s.get("matches") or [])
    totals = {
        "stories": len(stories),
        "articles": len(store.articles),
        "quotes": len(store.quotes),
        "statements": sum(len(s.get("statements") or []) for s in stories),
        "labelled": sum(counts.values()),
    }
    return totals, [label_view(label, counts[label]) for label in LABEL_SEVERITY if counts[label]]


def index_pages(store: _Store) -> Iterator[tuple[str, bytes]]:
    """The stories, most flagged first, then newest (undated last), a page of STORIES_A_PAGE."""
    rows = [_index_row(store, story) for story in store.stories]
    rows.sort(key=lambda r: (r["flagged"], r["published"] or "", r["id"]), reverse=True)
    totals, label_counts = _totals(store)
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
            page = story_page_view(story, articles, quotes, limits, view)
            for article in page["articles"]:
                _cap_removed(article, listed)
            links = FileLinks(BELOW.root, [a["id"] for a in page["articles"]])
            numbers = page_links(number, number < count, lambda n: BELOW.story(story_id, n))
            html = render("story.html", links, removed_lines=True, **story_context(page, numbers))
            pages[story_page(story_id, number)] = encode(html)
        if max(len(html) for html in pages.values()) <= MAX_PAGE_BYTES:
            break
    return pages


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
    everything they show, `render` makes them (path in the folder -> bytes)."""

    key: str
    fingerprint: str
    render: Callable[[], dict[str, bytes]]


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
        yield _Group(
            story.get("id", ""),
            digest.hexdigest(),
            lambda story=story: story_pages(store, story),
        )


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass") + b"\0"


@dataclass
class _Manifest:
    """What each group's pages were made from, kept in the folder between runs, so a run
    renders only the stories that changed: the digest of their content, and each page's size
    and modification time as written (a page changed since, by hand or by another run, is
    made again). Made with other code or templates (`salt`), it is ignored."""

    path: Path
    salt: str
    before: dict[str, list[Any]] = field(default_factory=dict)
    now: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def read(cls, out_dir: Path) -> _Manifest:
        manifest = cls(out_dir / MANIFEST_FILE, _code_digest())
        try:
            saved = json.loads(manifest.path.read_text(encoding="utf-8"))
            if saved.get("salt") == manifest.salt and isinstance(saved.get("groups"), dict):
                manifest.before = saved["groups"]
        except (OSError, ValueError, AttributeError):
            pass  # none yet, or unreadable: every page is made again
        return manifest

    def unchanged(self, group: _Group, out_dir: Path) -> list[str] | None:
        """The group's pages, if they were made from the same content and are as written."""
        entry = self.before.get(group.key)
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != group.fingerprint:
            return None
        pages = entry[1]
        if not isinstance(pages, dict) or not pages:
            return None
        if any(_stamp(out_dir / name) != stamp for name, stamp in pages.items()):
            return None
        return list(pages)

    def record(self, group: _Group, out_dir: Path, pages: list[str]) -> None:
        self.now[group.key] = [group.fingerprint, {name: _stamp(out_dir / name) for name in pages}]

    def write(self) -> None:
        text = json.dumps({"salt": self.salt, "groups": self.now}, separators=(",", ":"))
        write_bytes_atomic(self.path, text.encode("utf-8", errors="surrogatepass"), durable=False)


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
    pages.update(index_pages(store))
    return pages


def write_site(out_dir: Path, data: Json, items: dict[str, list[str]] | None = None) -> Path:
    """Write the report pages into `out_dir`: the pages of the stories that changed since the
    last run (all, the first time), the stylesheet and the index pages; then remove the pages
    of stories no longer in `data` and the index pages past the last. Returns the path of
    `index.html`. `items`: as `page_groups` takes them (made here if not given)."""
    for folder in (out_dir, out_dir / STORY_DIR):
        folder.mkdir(parents=True, exist_ok=True)
    store = _Store(data)
    manifest = _Manifest.read(out_dir)
    written: set[str] = set()
    for group in page_groups(store, items if items is not None else analysis_text(data)[1]):
        pages = manifest.unchanged(group, out_dir)
        if pages is None:
            made = group.render()
            for name, content in made.items():
                _write_if_changed(out_dir / name, content)
            pages = list(made)
        manifest.record(group, out_dir, pages)
        written.update(pages)
    # The index last: a run killed midway never leaves it linking a page not yet written.
    for name, content in [(STYLESHEET_FILE, encode(stylesheet())), *index_pages(store)]:
        _write_if_changed(out_dir / name, content)
        written.add(name)
    _remove_pages_not_written(out_dir, written)
    manifest.write()
    for folder in (out_dir, out_dir / STORY_DIR):
        remove_stale_temporaries(folder)
    return out_dir / index_page(1)


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


def write_analysis_report(out_dir: str | Path, data: Json) -> tuple[Path, Path]:
    """Write `analysis.json` and the report pages into `out_dir` (created); returns the paths
    of `analysis.json` and `index.html`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "analysis.json"
    text, items = analysis_text(data)
    write_text_atomic(json_path, text)
    return json_path, write_site(out_dir, data, items)


def write_report(
    out_dir: str | Path, articles: list[Article], quotes: list[Quote], stories: list[Story]
) -> tuple[Path, Path]:
    """`write_analysis_report` for pipeline objects."""
    return write_analysis_report(out_dir, build_analysis(articles, quotes, stories))
