"""An article body the page splits into containers of one class (ad rows between them) is
read whole; a box of that class before it, and the next article after another headline, are
not joined to it."""

from __future__ import annotations

from extract_pages import ARTICLE, NEXT_ARTICLE, split_body_page
from lxml import etree, html

from newsprism.clean import clean_document
from newsprism.extract import extract_html
from newsprism.extract.continuation import restore_continuations
from newsprism.model import Document


def body_of(page: str) -> str:
    document = extract_html(Document(source="split.html", content=page, format="html"))
    article = clean_document(document)
    return "\n".join(filter(None, [article.standfirst, article.body]))


def test_every_part_of_a_split_body_is_kept_in_page_order():
    body = body_of(split_body_page(parts=3))
    positions = [body.find(paragraph) for paragraph in ARTICLE]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_the_next_article_after_its_own_headline_is_not_joined():
    body = body_of(split_body_page(parts=2, next_article=True))
    assert all(paragraph in body for paragraph in ARTICLE)
    assert not any(paragraph in body for paragraph in NEXT_ARTICLE)


def test_only_parts_after_the_kept_one_are_joined():
    """trafilatura keeps the first container it matches, so a part before the kept one is
    some other box of that class (a fact-check's claim), not the article's."""
    tree = html.document_fromstring(split_body_page(parts=2, claim_box=True))
    kept = tree.xpath('//div[@class="grid"]/div[@class="body article-body"]')[0]
    body = etree.Element("body")
    for p in kept.iter("p"):
        etree.SubElement(body, "p").text = p.text
    restore_continuations(tree, body)
    texts = [p.text for p in body.iter("p")]
    assert texts == ARTICLE
