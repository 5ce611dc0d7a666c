"""Lists of links: the article's own (a deals post) kept, the site's related lists removed."""

from __future__ import annotations

from extract_pages import DEALS, RELATED, deals_page

from newsprism.clean import clean_document
from newsprism.extract import extract_html
from newsprism.extract.links import site_of
from newsprism.model import Document


def cleaned(page: str):
    return clean_document(extract_html(Document(source="deals.html", content=page, format="html")))


def test_a_deals_post_keeps_its_lists_of_links_to_shops():
    body = cleaned(deals_page()).body
    assert all(text in body for text, _ in DEALS)


def test_the_sites_own_related_list_inside_the_article_is_removed():
    article = cleaned(deals_page())
    assert not any(text in article.body for text, _ in RELATED)
    removed = {r.text.removeprefix("- ") for r in article.removed if r.reason == "link-list"}
    assert removed >= {text for text, _ in RELATED}


def test_links_to_the_sites_own_pages_are_a_link_list_even_between_paragraphs():
    own = [(text, f"/deals/{n}") for n, (text, _) in enumerate(DEALS)]
    article = cleaned(deals_page(own))
    assert not any(text in article.body for text, _ in own)


def test_site_of_registered_domain():
    assert site_of("https://www.bbc.co.uk/news/1") == "bbc.co.uk"
    assert site_of("https://news.example.com/a") == "example.com"
    assert site_of("/relative/path") == ""
