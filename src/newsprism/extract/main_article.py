"""Is the extracted text the page's main article? Evidence from the page itself: the title
(og:title, JSON-LD headline, <title>), the article's structured data (JSON-LD articleBody)
and how much of the page's paragraph text the extraction holds.

The fast extraction can take a box of another article (a sidebar explainer, a teaser) for the
page's article. When the evidence doubts it, a second extraction by another method is made,
and the one the evidence agrees with more is kept (see `prefer_second`).
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

from lxml import etree

from newsprism.text import fold

WORD_RE = re.compile(r"\w{4,}")  # words long enough to carry meaning, in spaced scripts
# Chinese, Japanese and Korean write meaning in one to three characters, often unspaced:
# their overlapping character pairs stand in for words
CJK_PAIR_RE = re.compile(r"(?=([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2}))")
JSON_DECODER = json.JSONDecoder(strict=False)
MARKUP_RE = re.compile(r"<[^>]{0,500}>")
LD_SCRIPT_XPATH = etree.XPath('//script[@type="application/ld+json"]/text()')
META_TITLE_XPATH = etree.XPath('//meta[@property="og:title" or @name="twitter:title"]/@content')
PARAGRAPH_TEXT_XPATH = etree.XPath("//body//p//text()")
MIN_TITLE_WORDS = 3  # a title with fewer meaningful words is no evidence
MIN_STRUCTURED_WORDS = 40  # an articleBody shorter than this is a summary, not the article
MAX_LD_NODES = 500  # JSON-LD objects looked at on one page


@dataclass(frozen=True)
class MainArticleCheck:
    """When the fast extraction is doubted, and by how much another must win. benchmarks/
    aeb.py chooses these inside folds over sites: on the plain pages every setting of the
    grid ties (none changes a page); with --boxed (a box of another article put on each
    page) these defaults are among the best on every fold's training pages."""

    enabled: bool = True
    min_title_agreement: float = 0.5  # share of the title's words the text holds
    min_structured_agreement: float = 0.5  # share of the articleBody's words the text holds
    min_page_share: float = 0.3  # share of the page's paragraph text the extraction holds
    # how much more of the evidence the second extraction must hold to win: about one word of
    # a five-word title, so a text that is merely longer does not win by a chance word
    evidence_margin: float = 0.2


DEFAULT_CHECK = MainArticleCheck()
NO_CHECK = MainArticleCheck(enabled=False)


@dataclass(frozen=True)
class PageEvidence:
    """What the page says its article is."""

    title_words: frozenset[str]
    structured_words: frozenset[str]
    paragraph_chars: int


@dataclass(frozen=True)
class Agreement:
    """How one extraction agrees with the page's evidence (None: the page gives none)."""

    title: float | None
    structured: float | None
    page_share: float


def words(text: str) -> frozenset[str]:
    folded = fold(text)
    return frozenset(WORD_RE.findall(folded)).union(CJK_PAIR_RE.findall(folded))


def page_evidence(tree: etree._Element, raw_html: str, titles: list[str]) -> PageEvidence:
    """The evidence from a parsed page: `titles` (the metadata's) with the page's <title>
    and og:title (metadata can take the site's name for the title)."""
    titles = [*titles, tree.findtext(".//title") or "", *META_TITLE_XPATH(tree)]
    title_words = frozenset().union(*(words(title) for title in titles if title))
    structured = _structured_body(tree) if "articleBody" in raw_html else ""
    chars = sum(len(text) for text in PARAGRAPH_TEXT_XPATH(tree))
    return PageEvidence(title_words, words(structured), chars)


def agreement(text: str, page: PageEvidence) -> Agreement:
    text_words = words(text)

    def share_of(reference: frozenset[str], minimum: int) -> float | None:
        if len(reference) < minimum:
            return None
        return len(reference & text_words) / len(reference)

    share = min(1.0, len(text) / page.paragraph_chars) if page.paragraph_chars else 1.0
    return Agreement(
        title=share_of(page.title_words, MIN_TITLE_WORDS),
        structured=share_of(page.structured_words, MIN_STRUCTURED_WORDS),
        page_share=share,
    )


def doubted(found: Agreement, check: MainArticleCheck) -> bool:
    """Whether the evidence doubts that the text is the main article, and another could be
    preferred: when the text already holds so much of the title or the structured body that
    no other could hold `evidence_margin` more, a second extraction is not made."""
    if not check.enabled:
        return False
    if found.structured is not None:
        return found.structured < min(check.min_structured_agreement, 1 - check.evidence_margin)
    if found.title is not None and found.title > 1 - check.evidence_margin:
        return False
    low_title = found.title is not None and found.title < check.min_title_agreement
    return low_title or found.page_share < check.min_page_share


def prefer_second(
    first: Agreement, second: Agreement, check: MainArticleCheck = DEFAULT_CHECK
) -> bool:
    """The second extraction wins when the page's evidence agrees with it clearly more: the
    structured body if the page has one, else the title. Length is no evidence while there
    is some (a second method that takes in the whole page holds more of it without being
    the article); on a page with neither, the second wins when it holds more than twice as
    much of the page's paragraph text."""
    for field in ("structured", "title"):
        a, b = getattr(first, field), getattr(second, field)
        if a is not None and b is not None:
            return b >= a + check.evidence_margin
    share_gain = second.page_share - first.page_share
    return second.page_share > 2 * first.page_share and share_gain >= check.evidence_margin


def _structured_body(tree: etree._Element) -> str:
    """The longest JSON-LD articleBody on the page (markup in it taken out), '' if none."""
    bodies = [
        value
        for script in LD_SCRIPT_XPATH(tree)
        for node in _ld_nodes(_load_json(script))
        if isinstance(value := node.get("articleBody"), str)
    ]
    return unescape(MARKUP_RE.sub(" ", max(bodies, key=len, default="")))


def _load_json(text: str) -> object:
    """The first JSON value in a script (pages leave control characters in strings and put
    more after the value)."""
    try:
        return JSON_DECODER.raw_decode(text.strip())[0]
    except (ValueError, RecursionError):
        return None


def _ld_nodes(data: object) -> Iterator[dict]:
    """The JSON objects in a JSON-LD block (lists and @graph opened), breadth first."""
    queue, seen = deque([data]), 0
    while queue and seen < MAX_LD_NODES:
        item = queue.popleft()
        seen += 1
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            yield item
            queue.extend(value for value in item.values() if isinstance(value, (list, dict)))
