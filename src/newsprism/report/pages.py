"""The page templates (`templates/pages/`) shared by the web app and a per-page report: one
Jinja2 environment, the stylesheet, and the links a page makes (a `Links` object decides where
a story, an article or a speaker lives: a route of the web app, or a file of a static report).

Autoescaping is on for every template; view data carries highlights as `Markup` built from
escaped pieces (see `highlight.py`), never raw text pasted into HTML.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from newsprism.model import LABEL_SEVERITY
from newsprism.report.analysis import ANALYSIS_VERSION

PAGES = "templates/pages"
STYLESHEET = "static/newsprism.css"


class Links(Protocol):
    """Where the pages link to. Every method returns a URL (already quoted)."""

    def stylesheet(self) -> str: ...
    def home(self) -> str: ...
    def stories(self, **filters: str) -> str: ...
    def story(self, story_id: str, page: int = 1) -> str: ...
    def statement(self, story_id: str, statement_id: str) -> str: ...
    def article(self, article_id: str) -> str: ...
    def speaker(self, key: str) -> str: ...
    def search(self, query: str = "") -> str: ...


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {many or word + 's'}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsprism.report", PAGES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # the templates ship with the package: no stat of each a render
    )
    env.filters["plural"] = plural
    return env


def template(name: str) -> Template:
    return environment().get_template(name)


def render(name: str, links: Links, **context: Any) -> str:
    return template(name).render(link=links, **context)


def legend() -> list[dict[str, str]]:
    """Every label with its meaning and colour, most serious first."""
    from newsprism.report.html import LABEL_MEANINGS, SEVERITY_CLASS

    return [
        {"name": name, "meaning": LABEL_MEANINGS[name], "severity": SEVERITY_CLASS[name]}
        for name in LABEL_SEVERITY
    ]


def story_context(
    story: dict[str, Any],
    page: dict[str, Any] | None = None,
    notices: list[str] | None = None,
) -> dict[str, Any]:
    """What `story.html` takes: `story` from `html.story_page_view`, the page links
    (`{"number", "previous_url", "next_url"}`; none for a one-page story) and notices."""
    return {
        "story": story,
        "page": page or {"number": 1, "previous_url": None, "next_url": None},
        "notices": notices or [],
        "legend": legend(),
        "version": ANALYSIS_VERSION,
    }


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return resources.files(__package__).joinpath(STYLESHEET).read_text(encoding="utf-8")
