"""The story index and the store's totals, read from the summary rows a story gets when it is
written (story_facts, story_flags, story_labels) and from counts, never from the stories'
contents: what a run's report and terminal summary say about the whole store costs a few
queries, however large the store."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from typing import Any

from newsprism.model import FLAGS

Json = dict[str, Any]
UNKNOWN_OUTLET = "unknown outlet"


def story_index(conn: sqlite3.Connection) -> list[Json]:
    """Every stored story, in story order: id, title, revision (when it was last written),
    the date of its newest article, counts of articles, quotes (terms aside), statements,
    facts that differ and flagged versions, each flag with the versions carrying it, and its
    outlets, most articles first."""
    discrepancies = dict(
        conn.execute("SELECT story_id, count(*) FROM discrepancies GROUP BY story_id").fetchall()
    )
    flags: dict[str, dict[str, int]] = defaultdict(dict)
    for story_id, flag, versions in conn.execute(
        "SELECT story_id, flag, versions FROM story_flags"
    ):
        flags[story_id][flag] = versions
    outlets = _outlets(conn)
    rows = conn.execute(
        "SELECT s.id, s.title, s.revision, f.published, f.articles, f.quotes, f.statements,"
        " f.flagged FROM stories s JOIN story_facts f ON f.story_id = s.id ORDER BY s.seq"
    )
    return [
        {
            "id": story_id,
            "title": title,
            "revision": revision,
            "published": published or None,
            "articles": articles,
            "quotes": quotes,
            "statements": statements,
            "discrepancies": discrepancies.get(story_id, 0),
            "flagged": flagged,
            "flags": {flag: flags[story_id][flag] for flag in FLAGS if flag in flags[story_id]},
            "outlets": outlets.get(story_id, []),
        }
        for story_id, title, revision, published, articles, quotes, statements, flagged in rows
    ]


def _outlets(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Each story's outlets, most articles first, then by name (an article without one is
    of "unknown outlet")."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    rows = conn.execute(
        "SELECT sa.story_id, a.outlet, count(*) FROM story_articles sa"
        " JOIN articles a ON a.id = sa.article_id GROUP BY sa.story_id, a.outlet"
    )
    for story_id, outlet, n in rows:
        counts[story_id][outlet or UNKNOWN_OUTLET] += n
    return {
        story_id: sorted(found, key=lambda name: (-found[name], name))
        for story_id, found in counts.items()
    }


def store_totals(conn: sqlite3.Connection) -> Json:
    """Counts over the whole store: stories, articles, quotes, statements, matches labelled
    (and by label), flagged versions by flag, facts that differ by kind."""

    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0] or 0)

    def grouped(sql: str) -> dict[str, int]:
        return {str(key): int(n) for key, n in conn.execute(sql) if key is not None}

    labels = grouped("SELECT label, sum(versions) FROM story_labels GROUP BY label")
    return {
        "stories": count("SELECT count(*) FROM stories"),
        "articles": count("SELECT count(*) FROM articles"),
        "quotes": count("SELECT count(*) FROM quotes"),
        "statements": count("SELECT sum(statements) FROM story_facts"),
        "labelled": sum(labels.values()),
        "labels": labels,
        "flags": grouped("SELECT flag, sum(versions) FROM story_flags GROUP BY flag"),
        "facts": grouped(
            "SELECT json_extract(data, '$.kind') AS kind, count(*) FROM discrepancies"
            " GROUP BY kind ORDER BY count(*) DESC, kind"
        ),
    }
