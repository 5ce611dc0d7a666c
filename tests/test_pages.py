"""The page templates shared by the web app and a static report: a story page rendered from the
analysis dict alone, with file links (no web app, no FastAPI)."""

from __future__ import annotations

import re

from newsprism.pipeline import Analysis
from newsprism.report import build_analysis
from newsprism.report.html import PageLimits, story_page_view
from newsprism.report.pages import render, story_context, stylesheet


class FileLinks:
    """A static report's links: one file a page, beside each other."""

    def stylesheet(self) -> str:
        return "newsprism.css"

    def home(self) -> str:
        return "index.html"

    def stories(self, **filters: str) -> str:
        return "index.html"

    def story(self, story_id: str, page: int = 1) -> str:
        return f"story-{story_id}.html" if page == 1 else f"story-{story_id}-{page}.html"

    def statement(self, story_id: str, statement_id: str) -> str:
        return f"{self.story(story_id)}#statement-{statement_id}"

    def article(self, article_id: str) -> str:
        return f"article-{article_id}.html"

    def speaker(self, key: str) -> str:
        return f"speaker-{key}.html"

    def search(self, query: str = "") -> str:
        return "search.html"


def _story_page(seed_analysis: Analysis, limits: PageLimits | None = None) -> str:
    data = build_analysis(seed_analysis.articles, seed_analysis.quotes, seed_analysis.stories)
    story = data["stories"][0]
    view = story_page_view(story, data["articles"], data["quotes"], limits)
    return render("story.html", FileLinks(), **story_context(view))


def test_a_story_page_from_the_analysis_dict_with_file_links(seed_analysis: Analysis) -> None:
    page = _story_page(seed_analysis)
    assert re.search(r'<mark class="edit replace[^>]*>everything</mark>', page)
    assert 'href="newsprism.css"' in page
    links = set(re.findall(r'href="([^"#]+)', page))
    kinds = {link.split("-")[0] for link in links}
    assert kinds <= {"newsprism.css", "index.html", "search.html", "article", "speaker"}
    assert any(link.startswith("speaker-") for link in links)


def test_page_limits_bound_the_statements_shown(seed_analysis: Analysis) -> None:
    whole = _story_page(seed_analysis)
    first = _story_page(seed_analysis, PageLimits(first=0, count=1, versions=1, listed=2))
    assert whole.count('<details class="statement"') == 4
    assert first.count('<details class="statement"') == 1
    assert "more version" in first and "not shown" in first
    assert first.count('<li id="article-') == 2 and len(first) < len(whole)


def test_the_stylesheet_is_shipped() -> None:
    css = stylesheet()
    assert "mark.edit" in css and "@media" in css
