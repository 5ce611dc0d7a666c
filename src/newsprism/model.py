"""The types every stage passes along: Document -> Article -> Quote -> Story, and a story's
Statements (one quoted statement across outlets) with a QuoteMatch for each of its quotes.

Offsets (`start`, `end`, `speaker_start`, ...) are character offsets into `Article.body`,
the cleaned paragraphs joined by "\\n", so a span is always `article.body[start:end]`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

DocumentFormat = Literal["text", "html"]
ArticleKind = Literal["report", "transcript"]
QuoteKind = Literal["direct", "transcript", "indirect", "term"]
EditOp = Literal["insert", "delete", "replace"]

# Most serious first: a match's `label` is the first of these among its `labels`.
# `unsourced` and `source` stand alone (never beside another label).
LABEL_SEVERITY: tuple[str, ...] = (
    "altered",
    "misattributed",
    "stitched",
    "paraphrase",
    "tidied",
    "trimmed",
    "verbatim",
    "unsourced",
    "source",
)
# The labels a reader is pointed to; `unsourced` is shown plainly, never as an alarm.
FLAGS: tuple[str, ...] = ("altered", "misattributed", "stitched")


def short_hash(*parts: str, length: int = 12) -> str:
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:length]


@dataclass
class Document:
    """Raw input as read: plain text paragraphs or an HTML page, plus what is known of it."""

    source: str
    content: str
    format: DocumentFormat = "text"
    title: str | None = None
    standfirst: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    # Lines the page shows as lists of links (normalised); clean/ treats them as junk.
    link_lists: frozenset[str] = frozenset()
    # When a web archive captured the page: its date when the page itself states none.
    captured: str | None = None

    @property
    def content_hash(self) -> str:
        # `captured` only when there is one, so documents without it keep their stored hash.
        return short_hash(
            self.format,
            self.content,
            self.title or "",
            self.outlet or "",
            self.url or "",
            self.published or "",
            *([self.captured] if self.captured else []),
            length=16,
        )


@dataclass
class Removed:
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass
class Article:
    id: str
    source: str
    title: str
    paragraphs: list[str]
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    standfirst: str | None = None
    removed: list[Removed] = field(default_factory=list)
    kind: ArticleKind = "report"
    # For a transcript: the person whose answers it records, as named by the article.
    interviewee: str | None = None
    # What cleaning wants a reader to know (a removal the safety rule stopped, ...).
    notes: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        for paragraph in self.paragraphs:
            spans.append((start, start + len(paragraph)))
            start += len(paragraph) + 1
        return spans

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "title": self.title,
            "standfirst": self.standfirst,
            "kind": self.kind,
            "paragraphs": list(self.paragraphs),
            "removed": [r.to_dict() for r in self.removed],
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"],
            source=data["source"],
            title=data.get("title") or "",
            paragraphs=list(data.get("paragraphs") or []),
            outlet=data.get("outlet"),
            url=data.get("url"),
            published=data.get("published"),
            standfirst=data.get("standfirst"),
            removed=[Removed(**r) for r in data.get("removed") or []],
            kind=data.get("kind") or "report",
            interviewee=data.get("interviewee"),
            notes=list(data.get("notes") or []),
        )


@dataclass
class Quote:
    id: str
    article: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"
    # The id of the quote this paragraph carries on (a quote running over several paragraphs).
    continues: str | None = None
    # The person table's key of the speaker (stable across runs; set when stories are analysed).
    speaker_key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Spelled out rather than dataclasses.asdict (which deep-copies every value): the
        # analysis JSON holds every quote of the store.
        return {
            "id": self.id,
            "article": self.article,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "cue": self.cue,
            "kind": self.kind,
            "continues": self.continues,
            "speaker_key": self.speaker_key,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})


@dataclass
class WireLink:
    """`article` is a near-copy of `copy_of` (the earlier one): share of its words found there."""

    article: str
    copy_of: str
    containment: float

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "copy_of": self.copy_of, "containment": self.containment}


@dataclass
class Story:
    id: str
    title: str
    articles: list[str]
    statements: list[Statement] = field(default_factory=list)
    matches: list[QuoteMatch] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    wire: list[WireLink] = field(default_factory=list)
    related: list[str] = field(default_factory=list)  # stories of one developing event (ids)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "statements": [s.to_dict() for s in self.statements],
            "matches": [m.to_dict() for m in self.matches],
            "discrepancies": [d.to_dict() for d in self.discrepancies],
            "wire": [w.to_dict() for w in self.wire],
            "related": list(self.related),
        }


@dataclass
class Statement:
    """One thing a person said, as the outlets of a story carry it: `source_quote` is its
    fullest version, `quotes` every quote carrying it (the source first), `flags` the labels a
    reader is pointed to among its occurrences."""

    id: str
    speaker: str | None
    source_quote: str
    text: str
    quotes: list[str]
    outlets: list[str]
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "source_quote": self.source_quote,
            "text": self.text,
            "quotes": list(self.quotes),
            "outlets": list(self.outlets),
            "flags": list(self.flags),
        }


@dataclass
class SourceSpan:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Edit:
    """One word-level difference between a reported quote and its source."""

    op: EditOp
    reported: str
    source: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "reported": self.reported, "source": self.source, "kind": self.kind}


@dataclass
class QuoteMatch:
    quote: str
    label: str
    labels: list[str]
    statement: str | None = None
    # Share of the source's words this quote carries (1.0 for the source itself).
    coverage: float = 0.0
    source_article: str | None = None
    source_spans: list[SourceSpan] = field(default_factory=list)
    similarity: float = 0.0
    edits: list[Edit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "label": self.label,
            "labels": list(self.labels),
            "statement": self.statement,
            "coverage": self.coverage,
            "source_article": self.source_article,
            "source_spans": [span.to_dict() for span in self.source_spans],
            "similarity": self.similarity,
            "edits": [edit.to_dict() for edit in self.edits],
        }


@dataclass
class DiscrepancyValue:
    article: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "text": self.text, "start": self.start, "end": self.end}


@dataclass
class Discrepancy:
    kind: str
    about: str
    values: list[DiscrepancyValue]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "about": self.about,
            "values": [value.to_dict() for value in self.values],
        }


def most_serious(labels: list[str]) -> str:
    return min(labels, key=LABEL_SEVERITY.index)
