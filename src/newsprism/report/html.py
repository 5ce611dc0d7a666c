"""A story page's view: the story led by its statements, each outlet's version beside the
source passage it is labelled against (`templates/pages/story.html`, shared by the web app and
the static report folder of `site.py`).

The view is built from the story's part of an analysis dict alone (see `analysis.py`);
`statements.py` builds what a story shows (shared with the terminal summary) and this module
turns it into the template's view. All text goes through `markupsafe.escape`; edit highlights
are built as `Markup` pieces, never by pasting raw text into HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from newsprism.model import FLAGS
from newsprism.report.highlight import Passage, highlight, in_context, sentence_around
from newsprism.report.statements import (
    ONLY_HERE,
    Occurrence,
    StatementRow,
    StoryView,
    by_severity,
    excerpt,
    quotes_by_article,
    story_view,
)

__all__ = [
    "GRID_COLUMNS",
    "LABEL_MEANINGS",
    "LISTED",
    "OUTLETS_SHOWN",
    "SEVERITY_CLASS",
    "STATEMENTS_A_PAGE",
    "VERSIONS_SHOWN",
    "PageLimits",
    "highlight",
    "label_view",
    "page_links",
    "safe_url",
    "story_page_view",
]

LABEL_MEANINGS: dict[str, str] = {
    "altered": "a change that can change the meaning (a content word, hedge, modal, negation or "
    "number)",
    "misattributed": "another outlet credits these same words to a different person",
    "stitched": "joined from passages that are not next to each other in the source",
    "paraphrase": "the same statement in mostly different words",
    "tidied": "small edits that keep the meaning (fillers dropped, grammar smoothed)",
    "trimmed": "only cuts: the source with words or sentences left out",
    "verbatim": "same words (case, punctuation, quote marks, spacing may differ)",
    "unsourced": "only in this outlet: no other article in the story carries these words "
    "(not a fault)",
    "source": "the fullest version in the story, the one the others are labelled against "
    "(not a judgement)",
}
SEVERITY_CLASS: dict[str, str] = {
    "altered": "red",
    "misattributed": "red",
    "stitched": "orange",
    "paraphrase": "yellow",
    "tidied": "yellow",
    "trimmed": "yellow",
    "verbatim": "green",
    "unsourced": "grey",
    "source": "grey",
}
GRID_TEXT = 90
LIST_TEXT = 240
# What one page shows, the same in the report folder and the web app: statements a story
# page, outlets' versions of each, items of each list, grid columns, outlets a story row.
STATEMENTS_A_PAGE = 20
VERSIONS_SHOWN = 12
LISTED = 100
GRID_COLUMNS = 30
OUTLETS_SHOWN = 8


def page_links(number: int, has_next: bool, url: Callable[[int], str]) -> dict[str, Any]:
    """Page `number`'s place among its pages: its number and the pages before and after."""
    return {
        "number": number,
        "previous_url": url(number - 1) if number > 1 else None,
        "next_url": url(number + 1) if has_next else None,
    }


# --- articles and quotes -------------------------------------------------------------------------


@dataclass
class _Index:
    articles: dict[str, dict[str, Any]]
    quotes: dict[str, dict[str, Any]]
    by_article: dict[str, list[dict[str, Any]]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_article = quotes_by_article(self.quotes)


def safe_url(url: str | None) -> str | None:
    """`url` if it is http(s), else None (a `javascript:` url is shown as text, never linked)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _article_view(index: _Index, article_id: str | None) -> dict[str, Any]:
    article = index.articles.get(article_id or "") or {}
    return {
        "id": article_id or "",
        "anchor": f"article-{article_id}",
        "label": article.get("outlet") or article.get("source") or article_id or "unknown",
        "outlet": article.get("outlet"),
        "title": article.get("title") or "(untitled)",
        "url": safe_url(article.get("url")),
        "published": article.get("published"),
        "kind": article.get("kind") or "report",
        "source": article.get("source") or "",
        "standfirst": article.get("standfirst"),
        "removed": list(article.get("removed") or []),
        "notes": list(article.get("notes") or []),
    }


def _quote_view(index: _Index, quote: dict[str, Any], anchor: str | None = None) -> dict[str, Any]:
    continued = index.quotes.get(quote.get("continues") or "")
    speaker, mention = quote.get("speaker"), quote.get("speaker_mention")
    return {
        "id": quote.get("id", ""),
        "anchor": anchor,
        "text": quote.get("text") or "",
        "speaker": speaker or mention or "unknown speaker",
        "speaker_key": quote.get("speaker_key"),
        "mention": mention if mention and mention != speaker else None,
        "cue": quote.get("cue"),
        "kind": quote.get("kind") or "direct",
        "article": _article_view(index, quote.get("article")),
        "continues": quote.get("continues"),
        "continues_text": excerpt(continued.get("text") or "", 70) if continued else None,
    }


def label_view(label: str, count: int = 1) -> dict[str, Any]:
    return {
        "name": label,
        "count": count,
        "severity": SEVERITY_CLASS.get(label, "grey"),
        "meaning": LABEL_MEANINGS.get(label, ""),
    }


# --- one outlet's version of a statement ---------------------------------------------------------


def _body(article: dict[str, Any]) -> str:
    return "\n".join(article.get("paragraphs") or [])


def _paragraph_around(body: str, start: int, end: int) -> tuple[int, int]:
    lo = body.rfind("\n", 0, start) + 1
    hi = body.find("\n", end)
    return lo, len(body) if hi < 0 else hi


def _around(index: _Index, article_id: str, body: str, span: dict[str, Any]) -> tuple[int, int]:
    """The source passage holding a span: a quote of that article, else its paragraph."""
    start, end = span["start"], span["end"]
    for quote in index.by_article.get(article_id, []):
        if quote["start"] <= start and end <= quote["end"]:
            return quote["start"], quote["end"]
    return _paragraph_around(body, start, end)


def _source_passages(
    index: _Index, match: dict[str, Any], spans_html: list[Markup]
) -> list[Markup]:
    """Each source span in the passage around it, what the quote left out dimmed."""
    article_id = match.get("source_article") or ""
    body = _body(index.articles.get(article_id) or {})
    passages: list[Passage] = []
    for span, html in zip(match.get("source_spans") or [], spans_html, strict=True):
        start, end = span.get("start", 0), span.get("end", 0)
        if body[start:end] != span.get("text"):
            passages.append(Passage(0, 0, [(0, 0, html)]))  # offsets off: the span alone
            continue
        lo, hi = _around(index, article_id, body, span)
        last = passages[-1] if passages else None
        if last and (last.start, last.end) == (lo, hi) and start >= last.spans[-1][1]:
            last.spans.append((start, end, html))
        else:
            passages.append(Passage(lo, hi, [(start, end, html)]))
    return in_context(body, passages)


def _speaker_view(occurrence: Occurrence, row: StatementRow) -> dict[str, Any]:
    quote = occurrence.quote
    written = occurrence.speaker_as_written
    resolved = quote.get("speaker")
    disagrees = "misattributed" in occurrence.labels and resolved != row.speaker
    return {
        "written": written,
        "resolved": resolved if resolved and resolved != written else None,
        "statement_speaker": row.speaker if disagrees else None,
    }


def _occurrence_view(index: _Index, occurrence: Occurrence, row: StatementRow) -> dict[str, Any]:
    match = occurrence.match
    view = _quote_view(index, occurrence.quote, occurrence.anchor)
    spans = list(match.get("source_spans") or [])
    edits = list(match.get("edits") or [])
    quote_html, spans_html = highlight(view["text"], [s.get("text", "") for s in spans], edits)
    source_id = match.get("source_article")
    view.update(
        label=occurrence.label,
        labels=[label_view(label) for label in occurrence.labels],
        coverage=occurrence.coverage_text,
        who=_speaker_view(occurrence, row),
        quote_html=quote_html,
        source=_article_view(index, source_id) if source_id else None,
        passages=_source_passages(index, match, spans_html) if spans else [],
        edits=edits,
    )
    return view


# --- a story -------------------------------------------------------------------------------------


def _row_view(
    index: _Index, row: StatementRow, view: StoryView, max_versions: int | None = None
) -> dict[str, Any]:
    shown = row.occurrences[:max_versions]
    return {
        "id": row.id,
        "anchor": row.anchor,
        "speaker": row.speaker or "unknown speaker",
        "speaker_key": _row_speaker_key(row),
        "text": row.text,
        "short": excerpt(row.headline, GRID_TEXT),
        "flags": [label_view(flag) for flag in row.flags],
        "flagged_by": _flagged_by(row),
        "cells": [
            [label_view(label, count) for label, count in row.labels_in(a.get("id", ""))]
            for a in view.articles
        ],
        "n_outlets": len(row.article_ids),
        "occurrences": [_occurrence_view(index, o, row) for o in shown],
        "versions_not_shown": len(row.occurrences) - len(shown),
    }


def _row_speaker_key(row: StatementRow) -> str | None:
    """The person key of the statement's speaker: from a version naming that speaker."""
    keys = [o.quote.get("speaker_key") for o in row.occurrences if o.quote.get("speaker_key")]
    named = [
        o.quote["speaker_key"]
        for o in row.occurrences
        if o.quote.get("speaker_key") and o.quote.get("speaker") == row.speaker
    ]
    return (named or keys or [None])[0]


def _flagged_by(row: StatementRow) -> list[dict[str, Any]]:
    """Each outlet whose versions carry a flag, with its flags (most serious first)."""
    flags: dict[str, list[str]] = {}
    for occurrence in row.occurrences:
        if occurrence.flags:
            flags.setdefault(occurrence.outlet, []).extend(occurrence.flags)
    return [{"outlet": outlet, "flags": by_severity(found)} for outlet, found in flags.items()]


def _only_here_view(index: _Index, occurrence: Occurrence) -> dict[str, Any]:
    view = _quote_view(index, occurrence.quote, occurrence.anchor)
    view.update(short=excerpt(view["text"], LIST_TEXT), long=len(view["text"]) > LIST_TEXT)
    return view


def _badge_view(view: StoryView) -> dict[str, Any]:
    if view.badge:
        return label_view(view.badge)
    return {
        "name": "no flags",
        "count": 1,
        "severity": "green",
        "meaning": "no outlet's version is " + ", ".join(FLAGS),
    }


@dataclass(frozen=True)
class PageLimits:
    """Which statements of a story a page shows (`first`, `count`; all by default), how many
    outlets' versions of each (`versions`), grid columns (`columns`) and items of each list
    (`listed`: articles, quotes only in one outlet, terms), so no page grows with the story."""

    first: int = 0
    count: int | None = None
    versions: int | None = None
    columns: int | None = None
    listed: int | None = None

    def end(self, total: int) -> int:
        return total if self.count is None else min(total, self.first + self.count)


def story_page_view(
    story: dict[str, Any],
    articles: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    limits: PageLimits | None = None,
    view: StoryView | None = None,
    titles: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The view of one story page (`templates/pages/story.html`) from the story's part of an
    analysis dict: the story, the articles it lists (with paragraphs where a source passage or
    a discrepancy is shown from them) and their quotes (with `speaker_key` where known).
    `view`: the story's `statements.story_view` of these, when the caller has built it.
    `titles`: stories' titles by id, for the related stories given by id alone."""
    limits = limits or PageLimits()
    index = _Index(articles={a["id"]: a for a in articles}, quotes={q["id"]: q for q in quotes})
    view = view or story_view(story, index.articles, index.quotes, index.by_article)
    rows = view.statements[limits.first : limits.end(len(view.statements))]
    columns = _columns(view, rows, limits.columns)
    listed = limits.listed
    story_wire = story.get("wire") or []
    story_discrepancies = story.get("discrepancies") or []
    # Each list's views are built for the items the page shows only; its length is counted.
    return {
        "id": story.get("id", ""),
        "title": story.get("title") or "(untitled story)",
        "badge": _badge_view(view),
        "statements": [_row_view(index, row, view, limits.versions) for row in rows],
        "from_statements": view.from_statements,
        "only_here_note": ONLY_HERE,
        "n_statements": len(view.statements),
        "n_articles": len(view.articles),
        "columns": [_article_view(index, a.get("id")) for a in columns],
        "columns_not_shown": len(view.articles) - len(columns),
        "articles": [_article_view(index, a.get("id")) for a in view.articles[:listed]],
        "articles_not_shown": _not_shown(view.articles, listed),
        "n_only_here": len(view.only_here),
        "only_here": [_only_here_view(index, o) for o in view.only_here[:listed]],
        "only_here_not_shown": _not_shown(view.only_here, listed),
        "terms": [_quote_view(index, q) for q in view.terms[:listed]],
        "not_compared": [
            _quote_view(index, q, f"quote-{q['id']}") for q in view.not_compared[:listed]
        ],
        "wire": [_wire_view(index, link) for link in story_wire[:listed]],
        "wire_not_shown": _not_shown(story_wire, listed),
        "discrepancies": [
            _capped_values(_discrepancy_view(index, d), limits.versions)
            for d in story_discrepancies[:listed]
        ],
        "discrepancies_not_shown": _not_shown(story_discrepancies, listed),
        "related": [_related_view(r, titles or {}) for r in story.get("related") or []],
    }


def _related_view(related: str | dict[str, Any], titles: dict[str, str]) -> dict[str, str]:
    """A related story as the page links it: its id and title (given, else looked up)."""
    if isinstance(related, dict):
        story_id, title = str(related.get("id", "")), related.get("title")
    else:
        story_id, title = related, titles.get(related)
    return {"id": story_id, "title": title or "(untitled story)"}


def _not_shown(items: list[Any], listed: int | None) -> int:
    return 0 if listed is None else max(0, len(items) - listed)


def _capped_values(discrepancy: dict[str, Any], most: int | None) -> dict[str, Any]:
    """A discrepancy with at most `most` of its values (one an article), saying how many more."""
    values = discrepancy["values"]
    return {**discrepancy, "values": values[:most], "values_not_shown": len(values[most:])}


def _columns(view: StoryView, rows: list[StatementRow], most: int | None) -> list[dict[str, Any]]:
    """The grid's articles: all of a small story's; of a large one, those carrying the rows
    shown (at most `most`), in story order."""
    if most is None or len(view.articles) <= most:
        return view.articles
    carrying = {article_id for row in rows for article_id in row.article_ids}
    return [a for a in view.articles if a.get("id") in carrying][:most]


def _wire_view(index: _Index, link: dict[str, Any]) -> dict[str, Any]:
    return {
        "article": _article_view(index, link.get("article")),
        "copy_of": _article_view(index, link.get("copy_of")),
        "containment": round(100 * float(link.get("containment") or 0.0)),
    }


def _discrepancy_view(index: _Index, item: dict[str, Any]) -> dict[str, Any]:
    values = [
        {
            "article": _article_view(index, v.get("article")),
            "text": v.get("text", ""),
            "context": _value_in_sentence(index, v),
        }
        for v in item.get("values") or []
    ]
    return {"kind": item.get("kind", ""), "about": item.get("about", ""), "values": values}


def _value_in_sentence(index: _Index, value: dict[str, Any]) -> Markup:
    """A discrepancy's value marked in the sentence around it (the value alone when its offsets
    do not hold it)."""
    body = _body(index.articles.get(value.get("article") or "") or {})
    text, start, end = value.get("text") or "", value.get("start"), value.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or body[start:end] != text:
        return Markup("<mark>{}</mark>").format(text)
    return sentence_around(body, start, end)
