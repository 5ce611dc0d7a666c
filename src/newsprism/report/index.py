"""The story index of a report: one entry for every story (its id, title, counts, flags and
badge, outlets) saying where its detail is: in this analysis.json's `stories` when it changed
since the folder was last written, else its report page, the web app's API and `newsprism
export`. analysis.json holds it as `index`; the report's index pages list it.

An entry comes from the store's summary rows (`Store.story_index`) or, for an analysis with
no store behind it, from the story's part of the analysis itself: the same numbers either way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from newsprism.model import FLAGS
from newsprism.report.html import OUTLETS_SHOWN
from newsprism.report.paths import story_page
from newsprism.store.index import UNKNOWN_OUTLET

Json = dict[str, Any]
API_STORY = "/api/stories/"


def index_entry(row: Json, changed: bool) -> Json:
    """The analysis JSON's entry for a story's index row (as `story_row` or the store makes
    it); `changed`: whether the story is in this analysis's `stories`."""
    outlets = list(row.get("outlets") or [])
    flags = dict(row.get("flags") or {})
    return {
        "id": row["id"],
        "title": row.get("title") or "",
        "published": row.get("published"),
        "articles": row.get("articles", 0),
        "quotes": row.get("quotes", 0),
        "statements": row.get("statements", 0),
        "discrepancies": row.get("discrepancies", 0),
        "flagged": row.get("flagged", 0),
        "flags": flags,
        "badge": next(iter(flags), None),
        "outlets": outlets[:OUTLETS_SHOWN],
        "more_outlets": max(0, len(outlets) - OUTLETS_SHOWN),
        "changed": changed,
        "page": story_page(row["id"]),
        "api": API_STORY + quote(row["id"], safe=""),
    }


def story_row(story: Json, articles: list[Json], quotes: list[Json]) -> Json:
    """A story's index row from its part of an analysis (its articles and their quotes), as
    the store's summary rows count it: terms are not quotes, and no match of a term counts."""
    terms = {q["id"] for q in quotes if q.get("kind") == "term"}
    labels = [
        set(m.get("labels") or [])
        for m in story.get("matches") or []
        if m.get("quote") not in terms
    ]
    flags = Counter(flag for found in labels for flag in found if flag in FLAGS)
    outlets = Counter(a.get("outlet") or UNKNOWN_OUTLET for a in articles)
    dates = [a["published"] for a in articles if a.get("published")]
    return {
        "id": story.get("id", ""),
        "title": story.get("title") or "",
        "published": max(dates) if dates else None,
        "articles": len(story.get("articles") or []),
        "quotes": len(quotes) - len(terms),
        "statements": len(story.get("statements") or []),
        "discrepancies": len(story.get("discrepancies") or []),
        "flagged": sum(1 for found in labels if found & set(FLAGS)),
        "flags": {flag: flags[flag] for flag in FLAGS if flags[flag]},
        "outlets": sorted(outlets, key=lambda name: (-outlets[name], name)),
    }


def totals_of(stories: Iterable[Json], articles: int, quotes: int) -> Json:
    """The totals of an index page for these stories (analysis JSON), as `Store.totals`."""
    stories = list(stories)
    labels = Counter(m.get("label") for s in stories for m in s.get("matches") or [])
    return {
        "stories": len(stories),
        "articles": articles,
        "quotes": quotes,
        "statements": sum(len(s.get("statements") or []) for s in stories),
        "labelled": sum(labels.values()),
        "labels": {str(label): n for label, n in labels.items() if label is not None},
    }
