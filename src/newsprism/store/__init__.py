"""SQLite storage for articles, quotes and stories, with full-text search."""

from newsprism.store.sqlite import (
    SCHEMA_VERSION,
    SearchError,
    Store,
    StoreError,
    StoreOutdated,
    StoreTemplates,
)

__all__ = [
    "SCHEMA_VERSION",
    "SearchError",
    "Store",
    "StoreError",
    "StoreOutdated",
    "StoreTemplates",
]
