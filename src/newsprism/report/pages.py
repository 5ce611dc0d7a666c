"""The page templates (`templates/pages/`) shared by the web app and a per-page report: one
Jinja2 environment, the stylesheet, and the links a page makes (a `Links` object decides where
a story, an article or a speaker lives: a route of the web app, or a file of a static report).

Autoescaping is on for every template; view data carries highlights as `Markup` built from
escaped pieces (see `highlight.py`), never raw text pasted into HTML.
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, Template
from jinja2.bccache import Bucket

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


class TemplateCodeCache(FileSystemBytecodeCache):
    """The templates compiled, kept beside them in `__pycache__` as Python keeps its compiled
    modules, so a run does not compile them again (a good part of a small run's report).
    Jinja2 makes a template again when its source changed; the file names carry a digest of
    the environment's settings and Jinja2's version, which the compiled code depends on too.
    Nothing is written where Python writes no compiled modules (PYTHONDONTWRITEBYTECODE) or
    where the folder cannot take it (a read-only install): the templates are compiled then."""

    def __init__(self, directory: Path, settings: dict[str, Any]) -> None:
        described = repr(sorted(settings.items())) + jinja2.__version__
        digest = hashlib.blake2b(described.encode(), digest_size=8).hexdigest()
        super().__init__(str(directory), f"{digest}-%s.jinja")

    def dump_bytecode(self, bucket: Bucket) -> None:
        if sys.dont_write_bytecode:
            return
        try:
            Path(self.directory).mkdir(exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass  # not kept: compiled again next time


# What the compiled templates depend on besides their source.
TEMPLATE_SETTINGS: dict[str, Any] = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    return make_environment(Path(__file__).parent / PAGES / "__pycache__")


def make_environment(compiled: Path) -> Environment:
    """The pages' environment, their compiled code kept in the folder `compiled`."""
    env = Environment(
        loader=PackageLoader("newsprism.report", PAGES),
        undefined=StrictUndefined,
        auto_reload=False,  # the templates ship with the package: no stat of each a render
        bytecode_cache=TemplateCodeCache(compiled, TEMPLATE_SETTINGS),
        **TEMPLATE_SETTINGS,
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
