"""Store.search is bounded (issue 15): a query of 100 prefix terms took 188 s and limit=-1
returned every row. Out of bounds is a SearchError that says why, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsprism.model import Article
from newsprism.store import SearchError, Store
from newsprism.store.sqlite import MAX_SEARCH_LIMIT, MAX_SEARCH_TERMS

ARTICLES = 2_000


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(":memory:") as store:
        for n in range(ARTICLES):
            article = Article(
                id=f"a{n}",
                source=f"s{n}.txt",
                title=f"Budget brief {n}",
                paragraphs=[f"The budget body {n} talks of bridges, buses and borrowing."],
            )
            store.save_article(article.source, f"h{n}", article, [])
        yield store


def test_a_query_of_many_terms_is_refused(store: Store) -> None:
    query = " ".join(["b*"] * 100)
    with pytest.raises(SearchError, match=f"100 terms; at most {MAX_SEARCH_TERMS}"):
        store.search(query)


@pytest.mark.parametrize("limit", [-1, 0, MAX_SEARCH_LIMIT + 1, 2.5, "10", None, True])
def test_a_limit_out_of_bounds_is_refused(store: Store, limit: object) -> None:
    with pytest.raises(SearchError, match="limit must be a whole number"):
        store.search("budget", limit=limit)  # type: ignore[arg-type]


def test_the_largest_limit_returns_that_many(store: Store) -> None:
    assert len(store.search("budget", limit=MAX_SEARCH_LIMIT)) == MAX_SEARCH_LIMIT


def test_a_slow_query_is_stopped_by_its_time_limit(store: Store) -> None:
    query = " ".join(["b*"] * MAX_SEARCH_TERMS)  # every row matches every term
    assert len(store.search(query, limit=5)) == 5  # within the default limit
    with pytest.raises(SearchError, match=r"took longer than 0\.001 s"):
        store.search(query, limit=5, max_seconds=0.001)
    assert len(store.search("budget", limit=3)) == 3  # the connection is usable after


def test_a_query_too_long_or_not_text_is_refused(store: Store) -> None:
    with pytest.raises(SearchError, match="query too long"):
        store.search("budget " * 1_000)
    with pytest.raises(SearchError, match="must be text"):
        store.search(None)  # type: ignore[arg-type]
