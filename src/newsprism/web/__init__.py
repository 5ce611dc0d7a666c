"""`newsprism serve`: a read-only web app over the store (FastAPI, server-rendered Jinja2
pages, the same data as JSON under /api/...). Needs the `web` extra."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

MISSING_EXTRA = (
    "the web app needs FastAPI and uvicorn: pip install 'newsprism[web]' "
    "(in a checkout: pip install -e '.[web]')"
)


class MissingExtra(RuntimeError):
    """The `web` extra is not installed."""


def create_app(db_path: str | Path, query_seconds: float | None = None) -> FastAPI:
    """The app over the store at `db_path`; MissingExtra without FastAPI installed."""
    try:
        from newsprism.web.app import create_app as create
    except ImportError as error:
        if error.name and error.name.split(".")[0] in ("fastapi", "starlette", "pydantic"):
            raise MissingExtra(MISSING_EXTRA) from error
        raise
    return create(db_path, query_seconds)


def serve(db_path: str | Path, host: str, port: int) -> None:
    """Run the app with uvicorn until interrupted."""
    app = create_app(db_path)
    try:
        import uvicorn
    except ImportError as error:
        raise MissingExtra(MISSING_EXTRA) from error
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


__all__ = ["MISSING_EXTRA", "MissingExtra", "create_app", "serve"]
