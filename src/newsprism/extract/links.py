"""Lists of links in an extracted body: which are the page's navigation or related-article
lists (junk), and which are the article's own (a shopping-deals post, a list of sources).

The page's structure decides, not the share of linked text alone: a run of links to the
page's own site is navigation wherever it stands; a run of links to other sites that stands
between two paragraphs of the article is part of the article. trafilatura prunes short
link-dense lists before newsprism sees them; such a list that stood between two paragraphs
the extraction kept is put back (`restore_inner_lists`), and the rule above then judges it.
"""

from __future__ import annotations

from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

from newsprism.text import normalise_line

LINK_ONLY_SHARE = 0.8
LINK_LIST_MIN_ITEMS = 2
OFF_SITE_SHARE = 0.5  # share of a run's links that go to other sites for it to be content
SECOND_LEVEL_SUFFIXES = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})
MAX_LISTS_LOOKED_AT = 200  # per page: a page of thousands of lists is not an article's


def site_of(url: str | None) -> str:
    """The registered domain of a URL ('www.bbc.co.uk' -> 'bbc.co.uk'); '' for a relative
    or missing one."""
    host = (urlsplit(url or "").hostname or "").lower()
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return ""
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL_SUFFIXES else 2
    return ".".join(labels[-keep:])


def _off_site_share(targets: list[str], site: str) -> float:
    """Share of links that go to another site (relative links stay on the page's site; with
    the page's site unknown, no link counts as going elsewhere)."""
    if not targets or not site:
        return 0.0
    return sum(1 for t in targets if site_of(t) not in ("", site)) / len(targets)


def _is_link_only(element: etree._Element) -> tuple[bool, str]:
    text = "".join(element.itertext()).strip()
    linked = sum(len("".join(ref.itertext())) for ref in element.iter("ref"))
    only = bool(text) and linked >= LINK_ONLY_SHARE * len(text) and not text.endswith(tuple(".!?"))
    return only, text


def link_lists(
    body: etree._Element, site: str, off_site_share: float = OFF_SITE_SHARE
) -> frozenset[str]:
    """Texts of paragraphs and list items that are nothing but a link, two or more in a row,
    that are navigation or related-article lists: not a run of links to other sites with the
    article's prose both before and after it."""
    blocks = [
        (*_is_link_only(element), element)
        for element in body.iter("p", "item", "head", "quote")
        if not any(child.tag == "item" for child in element)
    ]
    prose = [index for index, (only, _, _) in enumerate(blocks) if not only]
    found: set[str] = set()
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end][0]:
            end += 1
        run = blocks[start:end]
        between_prose = bool(prose) and prose[0] < start and prose[-1] >= end
        inside = between_prose and _off_site_share(_targets(run), site) >= off_site_share
        if len(run) >= LINK_LIST_MIN_ITEMS and not inside:
            found.update(normalise_line(text) for _, text, _ in run)
        start = end + 1 if end > start else start + 1
    return frozenset(found)


def _targets(run: list[tuple[bool, str, etree._Element]]) -> list[str]:
    return [ref.get("target", "") for _, _, element in run for ref in element.iter("ref")]


def restore_inner_lists(tree: etree._Element, body: etree._Element) -> None:
    """Put back into `body` the lists of the page that stood right between two paragraphs
    the extraction kept next to each other (trafilatura's link-density rule pruned them)."""
    between = [
        (listing, before, after)
        for listing in islice(tree.iter("ul", "ol"), MAX_LISTS_LOOKED_AT)
        if (before := _neighbour(listing, "previous")) is not None
        and (after := _neighbour(listing, "next")) is not None
    ]
    if not between:
        return
    kept = {key: p for p in body.iter("p") if (key := element_key(p))}
    for listing, before, after in between:
        anchor = kept.get(element_key(before))
        following = anchor.getnext() if anchor is not None else None
        if following is None or element_key(following) != element_key(after):
            continue  # the paragraphs were not kept, or something stands between them
        restored = _as_list(listing)
        if restored is not None:
            anchor.addnext(restored)


def element_key(element: etree._Element) -> str:
    """An element's text as a line key (normalised, whitespace collapsed)."""
    return normalise_line(" ".join("".join(element.itertext()).split()))


def _neighbour(element: etree._Element, side: str) -> etree._Element | None:
    """The nearest sibling paragraph on one side, if the nearest element there is one."""
    sibling = element.getprevious() if side == "previous" else element.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getprevious() if side == "previous" else sibling.getnext()
    return sibling if sibling is not None and sibling.tag == "p" else None


def _as_list(listing: etree._Element) -> etree._Element | None:
    """The page's <ul>/<ol> in trafilatura's form (<list><item>...<ref target>)."""
    result = etree.Element("list")
    for item in listing.iterfind("li"):
        text = " ".join("".join(item.itertext()).split())
        if not text:
            continue
        element = etree.SubElement(result, "item")
        links = item.findall(".//a[@href]")
        linked = sum(len(" ".join("".join(link.itertext()).split())) for link in links)
        if links and linked >= LINK_ONLY_SHARE * len(text):
            ref = etree.SubElement(element, "ref", target=links[0].get("href", ""))
            ref.text = text
        else:
            element.text = text
    return result if len(result) >= LINK_LIST_MIN_ITEMS else None
