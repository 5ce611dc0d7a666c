"""An article body the page splits into several containers of one kind (a row of ads or a
promotion between them, each part in its own `<div class="article-body">`): trafilatura keeps
one part, and the rest of the article is lost. The other parts are found by the
page's structure, not by their words: elements after the container of the kept paragraphs, of
its tag and class, in the same `<article>` and with no other headline (`<h1>`) between, whose
paragraphs the extraction did not keep. Their paragraphs are added in page order. Only parts
after it: trafilatura keeps the first container its body patterns match, so what it misses
follows; a box of that class before the body is something else (a fact-check's claim).
"""

from __future__ import annotations

from collections import Counter
from itertools import islice

from lxml import etree

from newsprism.extract.links import element_key

MAX_PARTS = 12  # more elements of one class than this are a list of teasers, not one body
MAX_ELEMENTS_READ = 5_000  # of one tag, on one page
MIN_PART_WORDS = 20  # a part with less prose than this is a caption or a teaser line


def restore_continuations(tree: etree._Element, body: etree._Element) -> None:
    """Add to `body` the paragraphs of the article's other containers (see module)."""
    kept = {key for p in body.iter("p") if (key := element_key(p))}
    if not kept:
        return
    container = _container(tree, kept)
    if container is None:
        return
    parts = [
        element
        for element in islice(tree.iter(container.tag), MAX_ELEMENTS_READ)
        if element.get("class") == container.get("class")
    ]
    if not 1 < len(parts) <= MAX_PARTS:
        return
    order = {element: n for n, element in enumerate(tree.iter())}
    after = []
    for part in parts:
        if part is container or _nested(part, container) or not _same_article(part, container):
            continue
        paragraphs = [p for p in part.iter("p") if (key := element_key(p)) and key not in kept]
        if sum(len(p.text_content().split()) for p in paragraphs) < MIN_PART_WORDS:
            continue
        if order[part] > order[container] and not _headline_between(tree, container, part, order):
            after.extend(paragraphs)
    body.extend(_paragraph(p) for p in after)


def _container(tree: etree._Element, kept: set[str]) -> etree._Element | None:
    """The element with a class attribute that holds most of the kept paragraphs."""
    holders: Counter[etree._Element] = Counter()
    for p in islice(tree.iter("p"), MAX_ELEMENTS_READ):
        if element_key(p) in kept:
            parent = p.getparent()
            while parent is not None and not parent.get("class"):
                parent = parent.getparent()
            if parent is not None:
                holders[parent] += 1
    if not holders:
        return None
    container, count = holders.most_common(1)[0]
    return container if count * 2 >= sum(holders.values()) else None


def _nested(first: etree._Element, second: etree._Element) -> bool:
    return any(a is second for a in first.iterancestors()) or any(
        a is first for a in second.iterancestors()
    )


def _same_article(first: etree._Element, second: etree._Element) -> bool:
    def article(element: etree._Element) -> etree._Element | None:
        return next(element.iterancestors("article"), None)

    return article(first) is article(second)


def _headline_between(
    tree: etree._Element,
    first: etree._Element,
    second: etree._Element,
    order: dict[etree._Element, int],
) -> bool:
    return any(order[first] < order[h] < order[second] for h in tree.iter("h1"))


def _paragraph(p: etree._Element) -> etree._Element:
    element = etree.Element("p")
    element.text = " ".join(p.text_content().split())
    return element
