"""An article's clean text as escaped HTML paragraphs, its quotes and speaker mentions marked
(offsets into the body, the paragraphs joined by "\\n")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from markupsafe import Markup, escape


class SpeakerLinks(Protocol):
    def speaker(self, key: str) -> str: ...


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    open: str  # HTML, every value in it escaped
    close: str


# Tags built by f-strings of escaped values: Markup.format made a long article's page slow.
def _spans(body: str, quotes: list[dict[str, Any]], links: SpeakerLinks) -> list[_Span]:
    spans = []
    for q in quotes:
        start, end = q.get("start"), q.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
            kind = escape(q.get("kind") or "direct")
            title = escape(f"{q.get('speaker') or 'unknown speaker'} ({q.get('kind') or 'direct'})")
            quote_id = escape(q.get("id") or "")
            opening = f'<q class="quote-span kind-{kind}" id="quote-{quote_id}" title="{title}">'
            spans.append(_Span(start, end, opening, "</q>"))
        s_start, s_end = q.get("speaker_start"), q.get("speaker_end")
        if (
            isinstance(s_start, int)
            and isinstance(s_end, int)
            and 0 <= s_start < s_end <= len(body)
        ):
            key = q.get("speaker_key")
            url = links.speaker(key) if key else ""  # a static report has no speaker pages
            name = escape(q.get("speaker") or "")
            opening = (
                f'<a class="speaker-span" href="{escape(url)}" title="{name}">'
                if url
                else f'<span class="speaker-span" title="{name}">'
            )
            spans.append(_Span(s_start, s_end, opening, "</a>" if url else "</span>"))
    return _without_overlaps(spans)


def _without_overlaps(spans: list[_Span]) -> list[_Span]:
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def marked_body(body: str, quotes: list[dict[str, Any]], links: SpeakerLinks) -> Markup:
    """`body` as HTML paragraphs (`<p>`), escaped, with quotes and speaker mentions marked; a
    span that runs over a paragraph break is closed and reopened on each side."""
    spans = _spans(body, quotes, links)  # in order, none overlapping: their ends are in order too
    paragraphs: list[str] = []
    start = first = 0
    for text in body.split("\n"):
        end = start + len(text)
        while first < len(spans) and spans[first].end <= start:
            first += 1
        out: list[str] = ["<p>"]
        pos = start
        for span in spans[first:]:
            if span.start >= end:
                break
            lo, hi = max(span.start, start), min(span.end, end)
            out += [escape(body[pos:lo]), span.open, escape(body[lo:hi]), span.close]
            pos = hi
        out += [escape(body[pos:end]), "</p>\n"]
        paragraphs.append("".join(out))
        start = end + 1
    return Markup("".join(paragraphs))
