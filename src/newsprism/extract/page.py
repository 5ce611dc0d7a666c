"""The work on an HTML page: its tree parsed once, trafilatura's extraction (a second one when
the first is doubted against the page's evidence of its main article), the page's metadata,
and the plain reading of a page too large for trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from lxml import etree, html

from newsprism.extract import ExtractionError, trafilatura
from newsprism.extract.continuation import restore_continuations
from newsprism.extract.links import OFF_SITE_SHARE, restore_inner_lists, site_of
from newsprism.extract.links import link_lists as find_link_lists
from newsprism.extract.main_article import (
    DEFAULT_CHECK,
    MainArticleCheck,
    agreement,
    doubted,
    page_evidence,
    prefer_second,
)
from newsprism.model import Document
from newsprism.text import fold

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Document as TrafilaturaDocument

MAX_HTML_CHARS = 8_000_000  # bound the work on one page
# trafilatura takes about 100 µs an element (200,000 paragraphs: 100 s and 1.6 GB); a page
# with more elements than any article page is read the plain way (its text blocks in order)
MAX_TRAFILATURA_ELEMENTS = 30_000
MAX_PAGE_ELEMENTS = 1_000_000  # beyond this a page is refused, not read
TAG_RE = re.compile(r"<[A-Za-z]")
PLAIN_SKIP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer",
                   "aside", "form", "svg", "button", "select")  # fmt: skip
PLAIN_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
                    "dt", "dd", "figcaption", "td")  # fmt: skip
MAX_TREE_SIZE = 200_000  # elements; trafilatura gives up on larger trees


@cache
def trafilatura_config() -> Any:
    config = trafilatura().settings.use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    return config


def extract_page(document: Document, check: MainArticleCheck | None = None) -> Document:
    """An HTML Document -> a text Document; what the caller already knew wins over the page.
    The fast extraction is checked against the page's evidence of its main article (`check`;
    DEFAULT_CHECK if None); when doubted, a second extraction by another method is made and
    the better one kept."""
    check = DEFAULT_CHECK if check is None else check
    tree = parse_page(document)
    if tree is None:
        return extract_plain(document)
    first = first_extraction(tree, document.url)
    titles = [document.title or "", first.title or ""] if first is not None else [document.title]
    evidence = page_evidence(tree, document.content, titles)
    first_body = first.body if first is not None else None
    first_agreement = agreement(body_text(first_body), evidence)
    body = first_body
    if first_body is None or doubted(first_agreement, check):
        second = second_extraction(tree, document.url)
        if second is not None and (
            first_body is None
            or prefer_second(first_agreement, agreement(body_text(second), evidence), check)
        ):
            body = second
    return document_from(document, first, body, tree)


def parse_page(document: Document) -> HtmlElement | None:
    """The page's tree (parsed once, for both extractions and the evidence); None when the
    page has more elements than trafilatura reads in reasonable time (read the plain way)."""
    if len(document.content) > MAX_HTML_CHARS:
        raise ExtractionError(f"page too large to extract ({len(document.content):,} characters)")
    elements = len(TAG_RE.findall(document.content))
    if elements > MAX_PAGE_ELEMENTS:
        raise ExtractionError(
            f"page has too many elements to extract ({elements:,}; the limit is "
            f"{MAX_PAGE_ELEMENTS:,})"
        )
    if elements > MAX_TRAFILATURA_ELEMENTS:
        return None
    tree = trafilatura().utils.load_html(document.content)
    if tree is None:
        raise ExtractionError("no article text found in the HTML")
    return tree


def first_extraction(tree: HtmlElement, url: str | None) -> TrafilaturaDocument | None:
    """The fast, recall-favouring extraction with the page's metadata (trafilatura copies
    the tree, so it can be read again)."""
    return trafilatura().bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        fast=True,  # no readability/jusText fallback: faster, and as good once cleaned
        favor_recall=True,  # clean/ takes out what recall lets in
        include_links=True,  # to find lists of links; the links are stripped below
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=trafilatura_config(),
    )


def second_extraction(tree: HtmlElement, url: str | None) -> etree._Element | None:
    """trafilatura's full cascade (its own extraction compared with readability's and
    jusText's): the other method, made only when the fast one is doubted."""
    result = trafilatura().bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_links=True,
        config=trafilatura_config(),
    )
    return None if result is None else result.body


def body_text(body: etree._Element | None) -> str:
    return " ".join(body.itertext()) if body is not None else ""


def document_from(
    document: Document,
    metadata: TrafilaturaDocument | None,
    body: etree._Element | None,
    tree: HtmlElement | None = None,
    off_site_share: float = OFF_SITE_SHARE,
) -> Document:
    """The text Document of the extracted `body`, with the page's metadata; link lists that
    stood inside the article in the page's `tree` are put back first. A run of links inside
    the article is the article's when `off_site_share` of its links go to other sites."""
    if body is None:
        raise ExtractionError("no article text found in the HTML")
    meta = metadata or trafilatura().settings.Document()
    if tree is not None:
        restore_inner_lists(tree, body)
        restore_continuations(tree, body)
    link_lists = find_link_lists(body, site_of(document.url or meta.url), off_site_share)
    etree.strip_tags(body, "ref")
    text = trafilatura().xml.xmltotxt(body, include_formatting=False) or ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise ExtractionError("no article text found in the HTML")
    title = document.title or meta.title or ""
    if lines and title and fold(lines[0]) == fold(title):
        lines = lines[1:]
    standfirst = document.standfirst
    description = (meta.description or "").strip()
    if not standfirst and description and any(fold(line) == fold(description) for line in lines):
        standfirst = description
    return replace(
        document,
        content="\n".join(lines),
        format="text",
        title=title,
        standfirst=standfirst,
        outlet=document.outlet or meta.sitename or meta.hostname,
        url=document.url or meta.url,
        published=document.published or meta.date or document.captured,
        link_lists=link_lists,
    )


def extract_plain(document: Document) -> Document:
    """A page too large for trafilatura: the text of its paragraphs, headings and list items
    in reading order (scripts, navigation, headers and footers left out), its <title>; the
    cleaning that follows takes out the junk. Linear in the page."""
    tree = html.document_fromstring(document.content, parser=_PLAIN_PARSER)
    etree.strip_elements(tree, *PLAIN_SKIP_TAGS, with_tail=False)
    lines = [line for block in _outer_blocks(tree) if (line := " ".join(_text(block).split()))]
    if not lines:
        raise ExtractionError("no article text found in the HTML")
    title = document.title or " ".join((tree.findtext(".//title") or "").split())
    if title and fold(lines[0]) == fold(title):
        lines = lines[1:]
    published = document.published or document.captured
    return replace(
        document, content="\n".join(lines), format="text", title=title, published=published
    )


_PLAIN_PARSER = html.HTMLParser(huge_tree=True, remove_comments=True)


def _outer_blocks(tree: etree._Element) -> Iterator[etree._Element]:
    """The text blocks not inside another ('<li><p>...</p></li>' is one), in one walk."""
    open_blocks = 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if element.tag not in PLAIN_BLOCK_TAGS:
            continue
        if event == "start":
            if not open_blocks:
                yield element
            open_blocks += 1
        else:
            open_blocks -= 1


def _text(element: etree._Element) -> str:
    return "".join(text for text in element.itertext() if isinstance(text, str))
