"""The check that the extracted text is the page's main article, and its fallback."""

from __future__ import annotations

import pytest
from extract_pages import ARTICLE, HEADLINE, TEASER, article_page

from newsprism.clean import clean_document
from newsprism.extract import extract_html
from newsprism.extract.main_article import NO_CHECK, Agreement, prefer_second
from newsprism.model import Document


def body_of(page: str, **kwargs) -> str:
    document = extract_html(Document(source="page.html", content=page, format="html"), **kwargs)
    article = clean_document(document)
    return "\n".join(filter(None, [article.standfirst, article.body]))


def test_fast_extraction_alone_takes_the_box_of_another_article():
    body = body_of(article_page(), check=NO_CHECK)
    assert TEASER[0] in body
    assert ARTICLE[2] not in body


def test_a_box_of_another_article_is_not_taken_for_the_article():
    body = body_of(article_page())
    assert all(paragraph in body for paragraph in ARTICLE[1:])
    assert TEASER[0] not in body


def test_the_structured_article_body_decides_when_the_page_has_no_title():
    assert TEASER[0] in body_of(article_page(title=""), check=NO_CHECK)
    body = body_of(article_page(title="", structured_body=" ".join(ARTICLE)))
    assert ARTICLE[3] in body
    assert TEASER[0] not in body


@pytest.mark.parametrize(
    "script",
    [
        '{"@type": "NewsArticle", "articleBody": "line one\nline two"}',  # raw control character
        '{"@type": "NewsArticle"} {"extra": 1}',  # more after the value
        "{not json",
        "[" * 5000 + "]" * 5000,  # deep nesting
    ],
)
def test_broken_structured_data_is_no_evidence_and_no_crash(script):
    page = article_page().replace(
        "</head>", f'<script type="application/ld+json">{script}</script><!--articleBody--></head>'
    )
    body = body_of(page)
    assert ARTICLE[4] in body


def test_a_longer_second_text_without_more_evidence_does_not_win():
    short = Agreement(title=0.6, structured=None, page_share=0.2)
    whole_page = Agreement(title=0.6, structured=None, page_share=1.0)
    assert not prefer_second(short, whole_page)
    assert prefer_second(short, Agreement(title=1.0, structured=None, page_share=0.5))


def test_the_structured_body_outranks_the_title():
    first = Agreement(title=0.2, structured=0.9, page_share=0.5)
    second = Agreement(title=1.0, structured=0.3, page_share=0.9)
    assert not prefer_second(first, second)


def test_the_headline_is_not_left_in_the_text():
    body = body_of(article_page())
    assert HEADLINE not in body


def test_with_no_title_or_structured_body_the_page_share_decides():
    box = Agreement(title=None, structured=None, page_share=0.2)
    assert prefer_second(box, Agreement(title=None, structured=None, page_share=0.7))
    part = Agreement(title=None, structured=None, page_share=0.5)
    assert not prefer_second(part, Agreement(title=None, structured=None, page_share=0.8))


def test_a_page_whose_og_title_is_the_site_name_still_gets_its_article():
    page = article_page().replace(
        f'<meta property="og:title" content="{HEADLINE}">',
        '<meta property="og:title" content="Riverside Gazette">',
    )
    body = body_of(page)
    assert ARTICLE[5] in body
    assert TEASER[1] not in body
