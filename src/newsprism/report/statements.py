"""A story as a reader sees it: its statements, each with the outlets that carried it.

Built once from the analysis dict and rendered twice, as the HTML report (`html.py`) and as the
terminal summary (`summary.py`). A story whose `statements` are empty (a store written before
statements existed) falls back to one row a reported quote, beside the passage it was
labelled against.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from newsprism.model import FLAGS, LABEL_SEVERITY

Json = dict[str, Any]
NOTHING = "∅"
ONLY_HERE = "only in this outlet"
SOURCE_ROW = "fullest version (source)"


def severity(label: str) -> int:
    """Position in LABEL_SEVERITY (most serious first); unknown labels last."""
    return LABEL_SEVERITY.index(label) if label in LABEL_SEVERITY else len(LABEL_SEVERITY)


def by_severity(labels: list[str]) -> list[str]:
    """Distinct labels, most serious first."""
    return sorted(set(labels), key=severity)


def outlet_name(article: Json) -> str:
    return article.get("outlet") or article.get("source") or article.get("id") or "unknown"


def excerpt(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def edit_text(edit: Json, limit: int = 40) -> str:
    """One edit, read source -> reported: “everyone” → “everything” (content-word)."""
    source, reported = edit.get("source") or "", edit.get("reported") or ""
    before = f"“{excerpt(source, limit)}”" if source else NOTHING
    after = f"“{excerpt(reported, limit)}”" if reported else NOTHING
    kind = edit.get("kind")
    return f"{before} → {after}" + (f" ({kind})" if kind else "")


@dataclass
class Occurrence:
    """One quote carrying a statement, with its match (label, edits, coverage) and article."""

    quote: Json
    match: Json
    article: Json
    anchor: str | None = None

    @property
    def label(self) -> str:
        return self.match.get("label") or "unsourced"

    @property
    def labels(self) -> list[str]:
        return by_severity(list(self.match.get("labels") or [self.label]))

    @property
    def flags(self) -> list[str]:
        return [label for label in self.labels if label in FLAGS]

    @property
    def outlet(self) -> str:
        return outlet_name(self.article)

    @property
    def speaker_as_written(self) -> str | None:
        return self.quote.get("speaker_mention") or self.quote.get("speaker")

    @property
    def coverage_text(self) -> str | None:
        """How much of the source it carries; None where the number is not known (old stores)."""
        if self.label == "source":
            return SOURCE_ROW
        if self.label == "unsourced":
            return ONLY_HERE
        coverage = float(self.match.get("coverage") or 0.0)
        if coverage <= 0.0:
            return None
        share = "under 1%" if coverage < 0.005 else f"{round(100 * coverage)}%"
        return f"carries {share} of the source"


@dataclass
class StatementRow:
    """A statement (or, for an old store, one reported quote) and every outlet's version."""

    id: str
    anchor: str
    speaker: str | None
    text: str
    flags: list[str]
    occurrences: list[Occurrence]

    @property
    def headline(self) -> str:
        """The words the outlets carried: the source passage of the first reported version
        (a transcript answer runs long), else the statement's text."""
        for occurrence in self.occurrences:
            spans = occurrence.match.get("source_spans") or []
            if occurrence.label != "source" and spans:
                return " … ".join(span.get("text") or "" for span in spans)
        return self.text

    def labels_in(self, article_id: str) -> list[tuple[str, int]]:
        """(label, how many quotes) of this article's versions, most serious first."""
        labels = self._labels_by_article.get(article_id, [])
        return [(label, labels.count(label)) for label in by_severity(labels)]

    @cached_property
    def _labels_by_article(self) -> dict[str | None, list[str]]:
        """Each article's labels, read once: the grid asks for every outlet's (a story of
        thousands of copies made reading all occurrences per cell quadratic)."""
        labels: dict[str | None, list[str]] = defaultdict(list)
        for occurrence in self.occurrences:
            labels[occurrence.quote.get("article")].append(occurrence.label)
        return labels

    @property
    def article_ids(self) -> set[str]:
        return {o.quote.get("article") or "" for o in self.occurrences}

    @property
    def misattributed_to(self) -> list[Occurrence]:
        return [o for o in self.occurrences if "misattributed" in o.labels]


@dataclass
class StoryView:
    story: Json
    articles: list[Json]
    statements: list[StatementRow]
    only_here: list[Occurrence]
    terms: list[Json]
    not_compared: list[Json]
    from_statements: bool

    @property
    def badge(self) -> str | None:
        """The most serious flag among the story's statements, if any."""
        flags = [flag for row in self.statements for flag in row.flags]
        return by_severity(flags)[0] if flags else None

    @property
    def flagged(self) -> list[StatementRow]:
        return [row for row in self.statements if row.flags]


@dataclass
class _Index:
    articles: dict[str, Json]
    quotes: dict[str, Json]
    by_article: dict[str, list[Json]]
    matches: dict[str, Json] = field(default_factory=dict)
    placed: set[str] = field(default_factory=set)

    def occurrence(self, quote_id: str, match: Json | None = None) -> Occurrence:
        quote = self.quotes.get(quote_id) or {"id": quote_id, "text": "", "article": None}
        match = match or self.matches.get(quote_id) or {"quote": quote_id, "label": "source"}
        article = self.articles.get(quote.get("article") or "") or {}
        anchor = None if quote_id in self.placed else f"quote-{quote_id}"
        self.placed.add(quote_id)
        return Occurrence(quote, match, article, anchor)


def story_views(data: Json) -> list[StoryView]:
    """Every story of an analysis dict, the ones carrying the most serious flags first."""
    articles = {a["id"]: a for a in data.get("articles") or []}
    quotes = {q["id"]: q for q in data.get("quotes") or []}
    by_article = quotes_by_article(quotes)
    views = [story_view(story, articles, quotes, by_article) for story in data.get("stories") or []]
    return sorted(views, key=lambda view: severity(view.badge) if view.badge else len(FLAGS) + 1)


def quotes_by_article(quotes: dict[str, Json]) -> dict[str, list[Json]]:
    grouped: dict[str, list[Json]] = {}
    for quote in quotes.values():
        grouped.setdefault(quote.get("article") or "", []).append(quote)
    return grouped


def story_view(
    story: Json,
    articles: dict[str, Json],
    quotes: dict[str, Json],
    by_article: dict[str, list[Json]] | None = None,
) -> StoryView:
    article_ids = list(story.get("articles") or [])
    by_article = by_article if by_article is not None else quotes_by_article(quotes)
    in_story = [q for aid in dict.fromkeys(article_ids) for q in by_article.get(aid, [])]
    terms = {q["id"] for q in in_story if q.get("kind") == "term"}
    matches = [m for m in story.get("matches") or [] if m.get("quote") not in terms]
    index = _Index(articles, quotes, by_article, {m["quote"]: m for m in matches})
    statements = list(story.get("statements") or [])
    rows = [_statement_row(index, statement) for statement in statements]
    # Matches no statement holds (every match of an old store): a row each.
    rows += _fallback_rows(index, [m for m in matches if m["quote"] not in index.placed])
    rows, alone = _split_alone(rows)
    only_here = alone + _left_over(index, matches)
    return StoryView(
        story=story,
        articles=[articles.get(aid) or {"id": aid} for aid in article_ids],
        statements=sorted(rows, key=_row_order),
        only_here=only_here,
        terms=[q for q in in_story if q["id"] in terms],
        not_compared=[q for q in in_story if q["id"] not in index.matches and q["id"] not in terms],
        from_statements=bool(statements),
    )


def _row_order(row: StatementRow) -> int:
    return min((severity(flag) for flag in row.flags), default=len(LABEL_SEVERITY))


def _statement_row(index: _Index, statement: Json) -> StatementRow:
    source_id = statement.get("source_quote") or ""
    ids = [source_id] + [qid for qid in statement.get("quotes") or [] if qid != source_id]
    occurrences = [index.occurrence(qid) for qid in ids if qid in index.matches or qid == source_id]
    flags = list(statement.get("flags") or []) + [f for o in occurrences for f in o.flags]
    source_text = (index.quotes.get(source_id) or {}).get("text") or ""
    return StatementRow(
        id=statement.get("id") or source_id,
        anchor=f"statement-{statement.get('id') or source_id}",
        speaker=statement.get("speaker"),
        text=statement.get("text") or source_text,
        flags=by_severity(flags),
        occurrences=occurrences,
    )


def _fallback_rows(index: _Index, matches: list[Json]) -> list[StatementRow]:
    """One row a reported quote, with the quote of its source article it was labelled against."""
    rows = []
    for match in matches:
        if match.get("label") in ("source", "unsourced"):
            continue
        source_id = _enclosing_source(index, match)
        occurrences = [index.occurrence(source_id)] if source_id else []
        occurrences.append(index.occurrence(match["quote"], match))
        quote = index.quotes.get(match["quote"]) or {}
        rows.append(
            StatementRow(
                id=match["quote"],
                anchor=f"row-{match['quote']}",
                speaker=quote.get("speaker"),
                text=quote.get("text") or "",
                flags=occurrences[-1].flags,
                occurrences=occurrences,
            )
        )
    return rows


def _enclosing_source(index: _Index, match: Json) -> str | None:
    """The quote of the source article holding most of the match's source spans."""
    article = match.get("source_article")
    spans = match.get("source_spans") or []
    best, best_chars = None, 0
    for quote in index.by_article.get(article or "", []):
        if quote.get("kind") == "term":
            continue
        chars = sum(_inside(span, quote) for span in spans)
        if chars > best_chars:
            best, best_chars = quote["id"], chars
    return best


def _inside(span: Json, quote: Json) -> int:
    """Characters of `span` inside `quote` (both index the same article body)."""
    return max(0, min(span.get("end", 0), quote["end"]) - max(span.get("start", 0), quote["start"]))


def _split_alone(rows: list[StatementRow]) -> tuple[list[StatementRow], list[Occurrence]]:
    """Statements only one article carries are not compared: they join "only in one outlet"."""
    kept = [row for row in rows if len(row.article_ids) > 1]
    alone = [o for row in rows if len(row.article_ids) <= 1 for o in row.occurrences]
    return kept, alone


def _left_over(index: _Index, matches: list[Json]) -> list[Occurrence]:
    """Unsourced quotes, and source passages no row shows (no other outlet carried them)."""
    return [
        index.occurrence(m["quote"], m)
        for m in matches
        if m["quote"] not in index.placed and m.get("label") in ("unsourced", "source")
    ]
