"""Edit highlighting: a quote and its source passages as escaped HTML, with each word-level edit
marked where the word alignment of the two puts it, and the source shown in its context.

Everything is built from `Markup` pieces over escaped text, never by pasting raw text into HTML.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from newsprism.report.statements import edit_text

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SPAN_SEPARATOR = "\n\n"

# --- edit highlighting -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    tag: str
    css: str
    title: str


@dataclass
class _Side:
    """One text (the quote, or the source passages joined) with its words and the marks so far."""

    text: str
    tokens: list[tuple[str, int, int]] = field(init=False)
    used: set[int] = field(default_factory=set)
    cursor: int = 0
    marks: list[_Mark] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tokens = _tokens(self.text)

    @property
    def words(self) -> list[str]:
        return [token[0] for token in self.tokens]


def _norm(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(_norm(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def _words(text: str) -> list[str]:
    return [token[0] for token in _tokens(text)]


def _run_in(side: _Side, words: list[str], lo: int, hi: int) -> int | None:
    """First unused run of `words` starting in side.tokens[lo:hi] and ending by `hi`."""
    n, all_words = len(words), side.words
    for i in range(max(lo, 0), hi - n + 1):
        if all_words[i : i + n] == words and side.used.isdisjoint(range(i, i + n)):
            return i
    return None


def _search(side: _Side, words: list[str]) -> int | None:
    """In order: after what earlier edits consumed, else anywhere still free."""
    if not words:
        return None
    found = _run_in(side, words, side.cursor, len(side.tokens))
    return found if found is not None else _run_in(side, words, 0, side.cursor)


def _diff_blocks(quote: _Side, source: _Side) -> list[tuple[int, int, int, int]]:
    matcher = difflib.SequenceMatcher(None, quote.words, source.words, autojunk=False)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _in_blocks(
    blocks: list[tuple[int, int, int, int]],
    quote: _Side,
    want_q: list[str],
    source: _Side,
    want_s: list[str],
) -> tuple[int | None, int | None] | None:
    """Where the word alignment of quote and source has this very edit, if it does."""
    for i1, i2, j1, j2 in blocks:
        q_at = _run_in(quote, want_q, i1, i2) if want_q else None
        s_at = _run_in(source, want_s, j1, j2) if want_s else None
        if (q_at is not None or not want_q) and (s_at is not None or not want_s):
            return q_at, s_at
    return None


def _css_kind(kind: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "other"


def _mark(side: _Side, at: int | None, n: int, tag: str, css: str, title: str) -> None:
    if at is None or n == 0:
        return
    side.used.update(range(at, at + n))
    side.cursor = at + n
    start, end = side.tokens[at][1], side.tokens[at + n - 1][2]
    side.marks.append(_Mark(start, end, tag, css, title))


def _edit_marks(edit: dict[str, Any]) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """(tag, css class, title) for the quote side and for the source side of one edit; the
    title reads source -> reported, as edits do everywhere."""
    op, kind = edit.get("op", ""), edit.get("kind", "")
    css = f"edit {op} kind-{_css_kind(kind)}"
    title = edit_text(edit, limit=80)
    if op == "insert":
        return ("ins", css, f"added: {title}"), ("del", css, "")
    if op == "delete":
        return ("ins", css, ""), ("del", css, f"left out: {title}")
    return ("mark", css, f"changed: {title}"), ("del", css, f"changed: {title}")


def _place_edits(quote: _Side, source: _Side, edits: list[dict[str, Any]]) -> None:
    blocks = _diff_blocks(quote, source)
    for edit in edits:
        op = edit.get("op")
        want_q = _words(edit.get("reported", "")) if op in ("insert", "replace") else []
        want_s = _words(edit.get("source", "")) if op in ("delete", "replace") else []
        hit = _in_blocks(blocks, quote, want_q, source, want_s) if blocks else None
        q_at, s_at = hit if hit is not None else (_search(quote, want_q), _search(source, want_s))
        q_style, s_style = _edit_marks(edit)
        _mark(quote, q_at, len(want_q), *q_style)
        _mark(source, s_at, len(want_s), *s_style)


def _render(text: str, marks: list[_Mark], offset: int = 0) -> Markup:
    """`text` escaped, with the marks (offsets into a text where `text` starts at `offset`)."""
    out: list[Markup] = []
    pos = 0
    for mark in sorted(marks, key=lambda m: m.start):
        start, end = max(mark.start - offset, pos), min(mark.end - offset, len(text))
        if start >= end:
            continue
        out.append(escape(text[pos:start]))
        out.append(
            Markup('<{0} class="{1}" title="{2}">{3}</{0}>').format(
                mark.tag, mark.css, mark.title, text[start:end]
            )
        )
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def highlight(
    quote_text: str, source_texts: list[str], edits: list[dict[str, Any]]
) -> tuple[Markup, list[Markup]]:
    """The quote with its added/changed words marked, and each source passage with cut ones."""
    quote = _Side(quote_text)
    source = _Side(_SPAN_SEPARATOR.join(source_texts))
    _place_edits(quote, source, edits)
    rendered, offset = [], 0
    for text in source_texts:
        rendered.append(_render(text, source.marks, offset))
        offset += len(text) + len(_SPAN_SEPARATOR)
    return _render(quote_text, quote.marks), rendered


# --- the source passage in its context -----------------------------------------------------------


@dataclass
class Passage:
    """A stretch of the source article's body (a quote or a paragraph) and the spans in it."""

    start: int
    end: int
    spans: list[tuple[int, int, Markup]] = field(default_factory=list)


def in_context(body: str, passages: list[Passage]) -> list[Markup]:
    """Each passage of `body` with its spans as given and the rest, left out of the quote,
    dimmed."""
    return [_passage_html(body, passage) for passage in passages]


def _passage_html(body: str, passage: Passage) -> Markup:
    out: list[Markup] = []
    pos = passage.start
    for start, end, html in passage.spans:
        out.append(_dim(body[pos:start]))
        out.append(html)
        pos = end
    out.append(_dim(body[pos : passage.end]))
    return Markup("").join(out)


def _dim(text: str) -> Markup:
    if not text.strip():
        return escape(text)
    return Markup('<span class="context" title="not in this version">{}</span>').format(text)


# --- a span in its sentence ----------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"'”’)\]]|$)|\n")
SENTENCE_LIMIT = 300


def sentence_around(body: str, start: int, end: int, limit: int = SENTENCE_LIMIT) -> Markup:
    """`body[start:end]` marked, in the sentence (at most `limit` characters either side)
    around it."""
    lo = max(0, start - limit)
    ends_before = [m.end() for m in _SENTENCE_END.finditer(body, lo, start)]
    lo = ends_before[-1] if ends_before else lo
    after = _SENTENCE_END.search(body, end, min(len(body), end + limit))
    hi = after.end() if after else min(len(body), end + limit)
    before, after_text = body[lo:start].lstrip(), body[end:hi].rstrip()
    return Markup("{}<mark>{}</mark>{}").format(
        ("…" if lo > 0 and not ends_before else "") + before,
        body[start:end],
        after_text + ("…" if hi < len(body) and not after else ""),
    )
