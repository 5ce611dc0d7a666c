"""The static HTML report: every story, each quote beside the source passage it is labelled against.

The page is built from the analysis dict alone (see `analysis.py`), so a saved `analysis.json`
can be rendered again. All text goes through `markupsafe.escape`; edit highlights are built as
`Markup` pieces, never by pasting raw text into HTML.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup, escape

from newsprism.model import LABEL_SEVERITY, Article, Quote, Story
from newsprism.report.analysis import build_analysis, write_analysis

TEMPLATE = "templates/report.html"
LABEL_MEANINGS: dict[str, str] = {
    "unsourced": "only in this outlet: no other article in the story carries these words",
    "misattributed": "another outlet credits these same words to a different person",
    "altered": "a change that can change the meaning (a content word, hedge, modal, negation or "
    "number)",
    "stitched": "joined from passages that are not next to each other in the source",
    "paraphrase": "the same statement in mostly different words",
    "tidied": "small edits that keep the meaning (fillers dropped, grammar smoothed)",
    "trimmed": "only cuts: the source with words or sentences left out",
    "verbatim": "same words (case, punctuation, quote marks, spacing may differ)",
    "source": "the fullest version in the story, the one the others are labelled against",
}
SEVERITY_CLASS: dict[str, str] = {
    "unsourced": "grey",
    "misattributed": "red",
    "altered": "red",
    "stitched": "orange",
    "paraphrase": "orange",
    "tidied": "yellow",
    "trimmed": "yellow",
    "verbatim": "green",
    "source": "grey",
}
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
    """(tag, css class, title) for the quote side and for the source side of one edit."""
    op, kind = edit.get("op", ""), edit.get("kind", "")
    css = f"edit {op} kind-{_css_kind(kind)}"
    reported, source = edit.get("reported", ""), edit.get("source", "")
    if op == "insert":
        return ("ins", css, f"added ({kind})"), ("del", css, "")
    if op == "delete":
        return ("ins", css, ""), ("del", css, f"cut ({kind})")
    return (
        ("mark", css, f"source: {source} ({kind})"),
        ("del", css, f"reported as: {reported} ({kind})"),
    )


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


# --- view model ----------------------------------------------------------------------------------


@dataclass
class _Index:
    articles: dict[str, dict[str, Any]]
    quotes: dict[str, dict[str, Any]]


def _safe_url(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _article_view(index: _Index, article_id: str | None) -> dict[str, Any]:
    article = index.articles.get(article_id or "") or {}
    return {
        "id": article_id or "",
        "anchor": f"article-{article_id}",
        "label": article.get("outlet") or article.get("source") or article_id or "unknown",
        "outlet": article.get("outlet"),
        "title": article.get("title") or "(untitled)",
        "url": _safe_url(article.get("url")),
        "published": article.get("published"),
        "kind": article.get("kind") or "report",
        "source": article.get("source") or "",
        "standfirst": article.get("standfirst"),
        "removed": list(article.get("removed") or []),
        "notes": list(article.get("notes") or []),
    }


def _snippet(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quote_view(index: _Index, quote_id: str) -> dict[str, Any]:
    quote = index.quotes.get(quote_id) or {"id": quote_id, "text": "", "article": None}
    continued = index.quotes.get(quote.get("continues") or "")
    speaker, mention = quote.get("speaker"), quote.get("speaker_mention")
    return {
        "id": quote_id,
        "anchor": f"quote-{quote_id}",
        "text": quote.get("text") or "",
        "speaker": speaker or mention or "unknown speaker",
        "mention": mention if mention and mention != speaker else None,
        "cue": quote.get("cue"),
        "kind": quote.get("kind") or "direct",
        "article": _article_view(index, quote.get("article")),
        "continues": quote.get("continues"),
        "continues_text": _snippet(continued.get("text") or "") if continued else None,
    }


def _label_view(label: str) -> dict[str, str]:
    return {
        "name": label,
        "severity": SEVERITY_CLASS.get(label, "grey"),
        "meaning": LABEL_MEANINGS.get(label, ""),
    }


def _match_view(index: _Index, match: dict[str, Any]) -> dict[str, Any]:
    view = _quote_view(index, match.get("quote", ""))
    spans = list(match.get("source_spans") or [])
    edits = list(match.get("edits") or [])
    quote_html, span_html = highlight(view["text"], [s.get("text", "") for s in spans], edits)
    labels = list(match.get("labels") or [match.get("label", "unsourced")])
    view.update(
        label=match.get("label") or labels[0],
        labels=[_label_view(lb) for lb in labels],
        similarity=round(100 * float(match.get("similarity") or 0.0)),
        source=_article_view(index, match["source_article"])
        if match.get("source_article")
        else None,
        spans=[{**span, "html": html} for span, html in zip(spans, span_html, strict=True)],
        quote_html=quote_html,
        edits=edits,
    )
    return view


def _story_view(index: _Index, story: dict[str, Any]) -> dict[str, Any]:
    article_ids = list(story.get("articles") or [])
    matches = [_match_view(index, m) for m in story.get("matches") or []]
    matched = {m["id"] for m in matches}
    unmatched = [
        _quote_view(index, qid)
        for qid, quote in index.quotes.items()
        if quote.get("article") in article_ids and qid not in matched
    ]
    labels = [m["label"] for m in matches if m["label"] in LABEL_SEVERITY]
    worst = min(labels, key=LABEL_SEVERITY.index) if labels else None
    return {
        "id": story.get("id", ""),
        "title": story.get("title") or "(untitled story)",
        "articles": [_article_view(index, aid) for aid in article_ids],
        "matches": matches,
        "unmatched": unmatched,
        "worst": worst,
        "worst_severity": SEVERITY_CLASS.get(worst or "", "grey"),
        "wire": [_wire_view(index, link) for link in story.get("wire") or []],
        "discrepancies": [_discrepancy_view(index, d) for d in story.get("discrepancies") or []],
    }


def _wire_view(index: _Index, link: dict[str, Any]) -> dict[str, Any]:
    return {
        "article": _article_view(index, link.get("article")),
        "copy_of": _article_view(index, link.get("copy_of")),
        "containment": round(100 * float(link.get("containment") or 0.0)),
    }


def _discrepancy_view(index: _Index, item: dict[str, Any]) -> dict[str, Any]:
    values = [
        {"article": _article_view(index, v.get("article")), "text": v.get("text", "")}
        for v in item.get("values") or []
    ]
    return {"kind": item.get("kind", ""), "about": item.get("about", ""), "values": values}


def _loose_view(index: _Index, stories: list[dict[str, Any]]) -> dict[str, Any]:
    """Articles that no story lists, with their quotes."""
    in_stories = {aid for story in stories for aid in story.get("articles") or []}
    loose = [aid for aid in index.articles if aid not in in_stories]
    quotes = [
        _quote_view(index, qid) for qid, q in index.quotes.items() if q.get("article") in loose
    ]
    return {"articles": [_article_view(index, aid) for aid in loose], "quotes": quotes}


def _page_view(data: dict[str, Any]) -> dict[str, Any]:
    index = _Index(
        articles={a["id"]: a for a in data.get("articles") or []},
        quotes={q["id"]: q for q in data.get("quotes") or []},
    )
    stories = list(data.get("stories") or [])
    story_views = [_story_view(index, story) for story in stories]
    counts = Counter(m["label"] for story in story_views for m in story["matches"])
    return {
        "version": data.get("version", ""),
        "n_articles": len(index.articles),
        "n_quotes": len(index.quotes),
        "n_stories": len(stories),
        "n_matches": sum(counts.values()),
        "label_counts": [
            {"name": lb, "count": counts[lb], "severity": SEVERITY_CLASS[lb]}
            for lb in LABEL_SEVERITY
            if counts[lb]
        ],
        "legend": [
            {"name": lb, "meaning": LABEL_MEANINGS[lb], "severity": SEVERITY_CLASS[lb]}
            for lb in LABEL_SEVERITY
        ],
        "stories": story_views,
        "loose": _loose_view(index, stories),
    }


# --- rendering -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _template() -> Template:
    source = resources.files(__package__).joinpath(TEMPLATE).read_text(encoding="utf-8")
    env = Environment(
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["plural"] = _plural
    return env.from_string(source)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def render_html(data: dict[str, Any]) -> str:
    """The self-contained HTML report page for an analysis dict."""
    return _template().render(**_page_view(data))


def write_report(
    out_dir: str | Path, articles: list[Article], quotes: list[Quote], stories: list[Story]
) -> tuple[Path, Path]:
    """Write `analysis.json` and `index.html` into `out_dir` (created); returns both paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = build_analysis(articles, quotes, stories)
    json_path = write_analysis(out_dir / "analysis.json", data)
    html_path = out_dir / "index.html"
    html_path.write_text(render_html(data), encoding="utf-8")
    return json_path, html_path
