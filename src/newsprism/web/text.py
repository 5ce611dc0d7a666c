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
    open: Markup
    close: Markup


def _spans(body: str, quotes: list[dict[str, Any]], links: SpeakerLinks) -> list[_Span]:
    spans = []
    for q in quotes:
        start, end = q.get("start"), q.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
            title = f"{q.get('speaker') or 'unknown speaker'} ({q.get('kind') or 'direct'})"
            spans.append(
                _Span(
                    start,
                    end,
                    Markup('<q class="quote-span kind-{}" id="quote-{}" title="{}">').format(
                        q.get("kind") or "direct", q.get("id") or "", title
                    ),
                    Markup("</q>"),
                )
            )
        s_start, s_end = q.get("speaker_start"), q.get("speaker_end")
        if (
            isinstance(s_start, int)
            and isinstance(s_end, int)
            and 0 <= s_start < s_end <= len(body)
        ):
            key = q.get("speaker_key")
            name = q.get("speaker") or ""
            opening = (
                Markup('<a class="speaker-span" href="{}" title="{}">').format(
                    links.speaker(key), name
                )
                if key
                else Markup('<span class="speaker-span" title="{}">').format(name)
            )
            spans.append(_Span(s_start, s_end, opening, Markup("</a>" if key else "</span>")))
    return _without_overlaps(spans)


def _without_overlaps(spans: list[_Span]) -> list[_Span]:
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def marked_paragraphs(body: str, quotes: list[dict[str, Any]], links: SpeakerLinks) -> list[Markup]:
    """Each paragraph of `body`, escaped, with quotes and speaker mentions marked; a span that
    runs over a paragraph break is closed and reopened on each side."""
    spans = _spans(body, quotes, links)  # in order and apart, so their ends are in order too
    paragraphs: list[Markup] = []
    start = first = 0
    for text in body.split("\n"):
        end = start + len(text)
        out: list[Markup] = []
        pos = start
        while first < len(spans) and spans[first].end <= start:
            first += 1  # spans wholly before this paragraph are never looked at again
        for at in range(first, len(spans)):
            span = spans[at]
            if span.start >= end:
                break  # this span and all after it begin in a later paragraph
            lo, hi = max(span.start, start), min(span.end, end)
            if lo >= hi:
                continue
            out += [escape(body[pos:lo]), span.open, escape(body[lo:hi]), span.close]
            pos = hi
        out.append(escape(body[pos:end]))
        paragraphs.append(Markup("").join(out))
        start = end + 1
    return paragraphs
