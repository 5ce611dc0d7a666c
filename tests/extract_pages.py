"""Small news pages written for the extraction tests (none is a copy of a benchmark page):
an article with a box of another article before it, and the pieces to build variants."""

from __future__ import annotations

import json

HEADLINE = "City council approves new bridge over the Elm river"
ARTICLE = [
    "The city council voted seven to two on Tuesday night to approve a new bridge across the "
    "Elm river, ending a debate that has divided the town for more than a decade.",
    "The bridge, which will carry two lanes of traffic and a protected cycle path, is expected "
    "to cost about 48 million dollars and to open in the spring of 2029.",
    "Mayor Ellen Park said the vote was a turning point for the east side of the city, where "
    "residents have long complained that the only crossing is a forty-minute detour.",
    "Opponents on the council argued that the money would be better spent repairing existing "
    "roads, and warned that construction would disrupt the riverside market for two summers.",
    "Council member Victor Olsen, who voted against the plan, said he respected the result but "
    "would push for an independent review of the budget before any contract is signed.",
    "Engineers hired by the city have recommended a steel arch design that avoids placing piers "
    "in the deepest part of the channel, where the current is strongest in flood season.",
    "The state transport agency has promised to cover roughly a third of the cost, with the "
    "remainder coming from a bond that voters approved in a referendum two years ago.",
    "Construction firms will be invited to submit bids in March, and the council expects to "
    "award the contract before the end of the summer.",
]
TEASER = [
    "A bond is a loan that a city takes out from investors, who are repaid over many years "
    "with interest from the city's budget.",
    "Voters must usually approve a bond in a referendum, and the money can only be spent on the "
    "projects named on the ballot.",
]


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def article_page(title: str = HEADLINE, structured_body: str | None = None) -> str:
    """The article in a plain 'story' block, after an explainer box of another article whose
    markup looks more like an article body ('post-content'): trafilatura's fast mode takes
    the box."""
    head = f"<title>{title} | Riverside Gazette</title>" if title else ""
    if title:
        head += f'<meta property="og:title" content="{title}">'
    if structured_body is not None:
        data = {"@context": "https://schema.org", "@type": "NewsArticle"}
        data["articleBody"] = structured_body
        head += f'<script type="application/ld+json">{json.dumps(data)}</script>'
    heading = f"<h1>{title}</h1>" if title else ""
    return f"""<html><head>{head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><div class="layout">
<div class="explainer"><div class="post-content"><h3>Explainer: what is a city bond?</h3>
{paragraphs(TEASER)}<a href="/explainers/bonds">Read the full explainer</a></div></div>
<div class="story">{heading}{paragraphs(ARTICLE)}</div>
</div></main>
<footer><p>Riverside Gazette, 1 Mill Street.</p></footer></body></html>"""


DEALS = [
    ("Sony WH-1000XM4 Wireless Noise Cancelling Headphones", "https://shop.example.com/sony-xm4"),
    ("Apple AirPods Pro with MagSafe Charging Case", "https://shop.example.com/airpods-pro"),
    ("Instant Pot Duo 7-in-1 Electric Pressure Cooker", "https://store.example.net/instant-pot"),
    ("Kindle Paperwhite with adjustable warm light", "https://shop.example.com/kindle"),
    ("Dyson V8 Cordless Vacuum Cleaner", "https://store.example.net/dyson-v8"),
]
DEALS_PROSE = [
    "Black Friday is still a few days away, but several big retailers have already cut prices "
    "on some of the most popular gadgets of the year.",
    "We have picked the deals below from the early sales, and we will keep updating this list "
    "as new offers appear through the weekend.",
    "Headphones are among the best bargains this year, with discounts of up to forty percent "
    "on models that rarely go on sale at all.",
    "Prices were correct when we published this post, but they change often during the sales, "
    "so check the retailer's page before you buy anything.",
]
RELATED = [
    ("Ten things to know about the new budget", "/news/budget-things"),
    ("Council elections: the results", "/news/council-results"),
    ("Storm closes schools across the county", "/news/storm-schools"),
]


def links(items: list[tuple[str, str]]) -> str:
    return "<ul>" + "".join(f'<li><a href="{url}">{text}</a></li>' for text, url in items) + "</ul>"


def deals_page(deal_links: list[tuple[str, str]] = DEALS) -> str:
    """A shopping-deals post: two short lists of links to shops between its paragraphs, and a
    list of the site's own related articles inside the article after them."""
    return f"""<html><head><title>The best early Black Friday deals | Riverside Gazette</title>
<link rel="canonical" href="https://www.riversidegazette.com/deals/black-friday"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>The best early Black Friday deals</h1>{paragraphs(DEALS_PROSE[:2])}
{links(deal_links[:3])}{paragraphs(DEALS_PROSE[2:3])}{links(deal_links[3:])}
{paragraphs(DEALS_PROSE[3:])}<p>Related stories</p>{links(RELATED)}<p>{ARTICLE[0]}</p></article>
<footer><p>Riverside Gazette</p></footer></body></html>"""


NEXT_HEADLINE = "Library to open on Sundays from next month"
NEXT_ARTICLE = [
    "The central library will open on Sundays from the first of next month, after the council "
    "found money in its budget to pay for the extra staff hours the change will need.",
    "Librarians said the Sunday opening had been the most common request in a survey of more "
    "than three thousand readers last year, ahead of longer evening hours.",
]


def split_body_page(parts: int = 3, next_article: bool = False, claim_box: bool = False) -> str:
    """The article cut into `parts` containers of one class with an advertisement row between
    them (a magazine layout); optionally a box of that class before the body (a fact-check's
    claim) and the site's next article after it, under its own headline, in the same markup."""
    size = -(-len(ARTICLE) // parts)
    ad_row = '<div class="row"><div class="ad"><span>Advertisement</span></div></div>'
    body = ad_row.join(
        f'<div class="grid"><div class="body article-body">{paragraphs(ARTICLE[n : n + size])}'
        "</div></div>"
        for n in range(0, len(ARTICLE), size)
    )
    claim = f'<div class="body article-body">{paragraphs(TEASER)}</div>' if claim_box else ""
    following = (
        f'<h1>{NEXT_HEADLINE}</h1><div class="body article-body">{paragraphs(NEXT_ARTICLE)}</div>'
        if next_article
        else ""
    )
    return f"""<html><head><title>{HEADLINE} | Riverside Gazette</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><article>{claim}<h1>{HEADLINE}</h1>{body}{following}</article></main>
<footer><p>Riverside Gazette, 1 Mill Street.</p></footer></body></html>"""
