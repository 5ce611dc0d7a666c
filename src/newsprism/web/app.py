"""The FastAPI app: each page kind's view rendered as HTML (Jinja2, no scripts) or as JSON under
/api/..., a Content-Security-Policy on every response, the store opened read-only."""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from newsprism.model import FLAGS
from newsprism.report import pages
from newsprism.report.analysis import ANALYSIS_VERSION
from newsprism.web.db import MAX_PAGE, Database, NotFound, QueryTimeout, SearchError, StoryFilters
from newsprism.web.views import (
    LINKS,
    ArticlePage,
    SearchPage,
    SpeakerPage,
    StoriesPage,
    StoryPage,
    View,
)

# No script may run, no plug-in load, no page frame this one; styles and images only from here.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
MAX_PARAM = 200
Page = Query(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")


def create_app(db_path: str | Path, query_seconds: float | None = None) -> FastAPI:
    """The app over the store at `db_path` (opened read-only now: StoreError if it cannot be)."""
    db = Database(db_path) if query_seconds is None else Database(db_path, query_seconds)
    app = FastAPI(
        title="newsprism",
        version=ANALYSIS_VERSION,
        description="Stories, statements across outlets, articles, speakers and search, "
        "read-only over a newsprism store. Every HTML page has the same data at /api/....",
        docs_url=None,  # the interactive docs load scripts from a CDN, which the CSP forbids
        redoc_url=None,
    )
    app.state.db = db
    _add_security(app)
    _add_errors(app)
    _add_routes(app, db)
    return app


def _add_security(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, title: str, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse(
            {"error": title, "detail": message}, status_code=status, headers=SECURITY_HEADERS
        )
    html = pages.render(
        "error.html",
        LINKS,
        title=title,
        message=message,
        status=status,
        version=ANALYSIS_VERSION,
        query=request.query_params.get("q", "")[:1_000],  # kept in the search box
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _add_errors(app: FastAPI) -> None:
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, "Not found", str(exc))

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout) -> Response:
        return _error(request, 503, "Too slow", str(exc))

    @app.exception_handler(SearchError)
    async def bad_search(request: Request, exc: SearchError) -> Response:
        return _error(request, 400, "Search not run", str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return _error(request, 400, "Bad request", problems)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        # Outside the middleware: the error page carries the security headers itself.
        return _error(request, 500, "Server error", "this page failed; the error is logged")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        titles = {404: "Not found", 405: "Method not allowed"}
        return _error(request, exc.status_code, titles.get(exc.status_code, "Error"), exc.detail)


def _render(view: View, as_json: bool) -> Response:
    data = view.data()
    if as_json:
        return Response(
            json.dumps(view.as_json(data), ensure_ascii=False, default=str),
            media_type="application/json",
        )
    context = {"version": ANALYSIS_VERSION, **view.context(data)}
    return HTMLResponse(pages.render(view.template, LINKS, **context))


def _filters(
    flag: str | None, outlet: str | None, speaker: str | None, since: str | None, until: str | None
) -> StoryFilters:
    return StoryFilters(
        flag=flag or None,
        outlet=outlet or None,
        speaker=speaker or None,
        since=since or None,
        until=until or None,
    )


def _add_routes(app: FastAPI, db: Database) -> None:
    flag_pattern = "^(|" + "|".join(FLAGS) + ")$"
    date_pattern = r"^(|\d{4}(-\d{2}(-\d{2})?)?)$"

    def stories(
        flag: str | None = Query(None, pattern=flag_pattern, description="altered, ..."),
        outlet: str | None = Query(None, max_length=MAX_PARAM),
        speaker: str | None = Query(None, max_length=MAX_PARAM, description="key or name"),
        since: str | None = Query(None, pattern=date_pattern, description="YYYY[-MM[-DD]]"),
        until: str | None = Query(None, pattern=date_pattern, description="YYYY[-MM[-DD]]"),
        sort: str | None = Query(None, pattern="^(|newest|flagged)$", description="or flagged"),
        page: int = Page,
    ) -> StoriesPage:
        filters = _filters(flag, outlet, speaker, since, until)
        filters.sort = sort if sort == "flagged" else None
        return StoriesPage(db, filters, page)

    def story(
        story_id: str,
        page: int = Page,
        statement: str | None = Query(None, max_length=MAX_PARAM, description="show its page"),
    ) -> StoryPage:
        return StoryPage(db, story_id, page, statement)

    def article(article_id: str) -> ArticlePage:
        return ArticlePage(db, article_id)

    def speaker(key: str, page: int = Page) -> SpeakerPage:
        return SpeakerPage(db, key, page)

    def search(q: str = Query("", max_length=1_000, description="FTS5 query")) -> SearchPage:
        return SearchPage(db, q)

    for path, make, summary in (
        ("/", stories, "Stories, newest first, filtered"),
        ("/stories/{story_id}", story, "A story: its statements by outlets"),
        ("/articles/{article_id}", article, "An article's clean text and quotes"),
        ("/speakers/{key}", speaker, "A speaker's statements across stories"),
        ("/search", search, "Full-text search over articles and quotes"),
    ):
        _route(app, path, make, summary)

    @app.get("/static/newsprism.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(
            pages.stylesheet(),
            media_type="text/css",
            headers={"Cache-Control": "public, max-age=86400"},
        )


def _route(app: FastAPI, path: str, make: Callable[..., View], summary: str) -> None:
    """The HTML page at `path` and its JSON at /api/... (/api/stories for `/`)."""
    api_path = "/api/stories" if path == "/" else "/api" + path

    def html_page(view: View) -> Response:
        return _render(view, as_json=False)

    def json_page(view: View) -> Response:
        return _render(view, as_json=True)

    _bind(app, path, make, html_page, summary, include=False)
    _bind(app, api_path, make, json_page, summary, include=True)


def _bind(
    app: FastAPI,
    path: str,
    make: Callable[..., View],
    render: Callable[[View], Response],
    summary: str,
    include: bool,
) -> None:
    def endpoint(**kwargs: Any) -> Response:
        return render(make(**kwargs))

    endpoint.__signature__ = inspect.signature(make).replace(  # type: ignore[attr-defined]
        return_annotation=Response
    )
    endpoint.__name__ = ("api_" if include else "page_") + make.__name__
    app.add_api_route(
        path,
        endpoint,
        methods=["GET"],
        summary=summary,
        include_in_schema=include,
        response_class=JSONResponse if include else HTMLResponse,
    )
