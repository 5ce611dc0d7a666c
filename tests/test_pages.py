"""The page templates shared by the web app and a static report: a story page rendered from the
analysis dict alone, with file links (no web app, no FastAPI)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from newsprism.pipeline import Analysis
from newsprism.report import build_analysis
from newsprism.report.html import PageLimits, story_page_view
from newsprism.report.pages import make_environment, render, story_context, stylesheet


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


def _story_context(seed_analysis: Analysis) -> dict[str, Any]:
    data = build_analysis(seed_analysis.articles, seed_analysis.quotes, seed_analysis.stories)
    view = story_page_view(data["stories"][0], data["articles"], data["quotes"])
    return {"link": FileLinks(), **story_context(view)}


def test_the_compiled_templates_are_kept_and_read_again(
    seed_analysis: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    context = _story_context(seed_analysis)
    page = make_environment(tmp_path).get_template("story.html").render(**context)
    assert len(list(tmp_path.glob("*.jinja"))) >= 2  # story.html and what it extends
    again = make_environment(tmp_path)

    def compiled_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was compiled again")

    monkeypatch.setattr(again, "compile", compiled_again)
    assert again.get_template("story.html").render(**context) == page


def test_no_compiled_template_is_written_where_python_writes_no_bytecode(
    seed_analysis: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    context = _story_context(seed_analysis)
    make_environment(tmp_path / "compiled").get_template("story.html").render(**context)
    assert not (tmp_path / "compiled").exists()
