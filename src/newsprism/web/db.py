"""The web app's read-only access to the store: one connection a worker thread, every query
under a time limit and a row cap, and the queries each page needs (none reads the whole store).
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.model import FLAGS
from newsprism.report.html import OUTLETS_SHOWN
from newsprism.store import SearchError, Store
from newsprism.store.sqlite import time_limit

Json = dict[str, Any]

QUERY_SECONDS = 2.0
PAGE_SIZE = 25
MAX_PAGE = 10_000
# A story larger than these is shown in part, with a notice (no page loads a whole huge story).
STORY_MAX_ARTICLES = 400
STORY_MAX_QUOTES = 6_000
STORY_MAX_ROWS = 6_000
MAX_BODY_CHARS = 400_000
SEARCH_LIMIT = 50
ORDERS = {
    "newest": "f.published DESC, f.story_id DESC",
    "flagged": "f.flagged DESC, f.published DESC, f.story_id DESC",
}
# Private-use characters mark the words found in a search snippet (never in article text).
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
VERSIONS_READ = 30
IDS_A_QUERY = 500  # ids bound in one query (SQLite allows 999 parameters at the least)
ONE_LETTER_PREFIX = re.compile(r"(?<!\w)\w\*")

_ARTICLE_META = "a.id, a.source, a.title, a.standfirst, a.outlet, a.url, a.published, a.kind"
_QUOTE_COLUMNS = (
    'q.id, q.article, q.text, q."start", q."end", q.speaker, q.speaker_mention, '
    "q.speaker_start, q.speaker_end, q.cue, q.kind, q.continues, l.person_key AS speaker_key"
)


class QueryTimeout(Exception):
    """A query ran past its time limit: the page says so rather than hanging."""


class NotFound(LookupError):
    pass


@dataclass
class StoryFilters:
    flag: str | None = None
    outlet: str | None = None
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    sort: str | None = None  # "flagged": most flagged versions first; else newest first

    def as_params(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


@dataclass
class StoryBundle:
    """One story's part of the analysis dict, as the report pages take it, and what was cut."""

    story: Json
    articles: list[Json]
    quotes: list[Json]
    notices: list[str] = field(default_factory=list)


class Database:
    """The store at `path`, read-only, a connection for each thread that asks."""

    def __init__(self, path: str | Path, seconds: float = QUERY_SECONDS) -> None:
        self.path = str(path)
        self.seconds = seconds
        self._local = threading.local()
        self.store()  # fail now (no such file, wrong version) rather than on the first page

    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path, read_only=True)
        return store

    @property
    def conn(self) -> sqlite3.Connection:
        return self.store().conn

    @contextmanager
    def limited(self) -> Iterator[sqlite3.Connection]:
        """The connection with the time limit armed: past it, a QueryTimeout."""
        conn = self.conn
        with time_limit(conn, self.seconds, 5_000) as expired:
            try:
                yield conn
            except sqlite3.OperationalError as error:
                if expired():
                    raise QueryTimeout(
                        f"the query took longer than {self.seconds:g} s: narrow it down"
                    ) from error
                raise

    def rows(self, sql: str, params: Sequence[Any] | Json = (), cap: int = 1_000) -> list[Json]:
        """At most `cap` rows (the caller asks for one more to know there are more)."""
        with self.limited() as conn:
            return [dict(row) for row in conn.execute(sql, params).fetchmany(cap)]

    def one(self, sql: str, params: Sequence[Any] | Json = ()) -> Json | None:
        found = self.rows(sql, params, cap=1)
        return found[0] if found else None

    def rows_in(
        self, sql: str, ids: Sequence[Any], before: Sequence[Any] = (), per_id: int = 1
    ) -> Iterator[Json]:
        """The rows of `sql`, whose `{marks}` takes a list of `ids` (IDS_A_QUERY at a time, within
        SQLite's limit on parameters), after the parameters `before`."""
        for chunk in range(0, len(ids), IDS_A_QUERY):
            part = list(ids[chunk : chunk + IDS_A_QUERY])
            marks = ", ".join("?" * len(part))
            yield from self.rows(sql.format(marks=marks), [*before, *part], cap=len(part) * per_id)

    # -- stories -------------------------------------------------------------------------------

    def stories(self, filters: StoryFilters, page: int) -> tuple[list[Json], bool]:
        """A page of stories, newest first (undated last: NULL sorts lowest) or most flagged
        first, and whether there is a next page. Either order walks an index backwards."""
        where, params = _story_conditions(filters)
        params.update(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
        order = ORDERS.get(filters.sort or "", ORDERS["newest"])
        tables = "stories s JOIN story_facts f ON f.story_id = s.id"
        if filters.outlet:  # driven by the outlet's stories, in date order along its index
            tables = "story_outlets o JOIN " + tables + " AND f.story_id = o.story_id"
            order = order.replace("f.published DESC, f.story_id", "o.published DESC, o.story_id")
        rows = self.rows(
            "SELECT s.id, s.title, f.published, f.articles, f.quotes, f.statements, f.flagged,"
            " (SELECT count(*) FROM discrepancies d WHERE d.story_id = s.id) AS discrepancies"
            f" FROM {tables} WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset",
            params,
            cap=PAGE_SIZE + 1,
        )
        more = len(rows) > PAGE_SIZE
        rows = rows[:PAGE_SIZE]
        self._add_flags_and_outlets(rows)
        return rows, more

    def _add_flags_and_outlets(self, rows: list[Json]) -> None:
        ids = [row["id"] for row in rows]
        marks = ", ".join("?" * len(ids))
        flags: dict[str, dict[str, int]] = {i: {} for i in ids}
        for r in self.rows(
            f"SELECT story_id, flag, versions FROM story_flags WHERE story_id IN ({marks})",
            ids,
            cap=len(ids) * len(FLAGS),
        ):
            flags[r["story_id"]][r["flag"]] = r["versions"]
        outlets: dict[str, list[str]] = {i: [] for i in ids}
        for r in self.rows(
            "SELECT sa.story_id, a.outlet, count(*) AS n FROM story_articles sa"
            f" JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN ({marks})"
            " GROUP BY sa.story_id, a.outlet ORDER BY sa.story_id, n DESC, a.outlet",
            ids,
            cap=50_000,
        ):
            outlets[r["story_id"]].append(r["outlet"] or "unknown outlet")
        for row in rows:
            found = flags[row["id"]]
            row["flags"] = [{"flag": f, "versions": found[f]} for f in FLAGS if f in found]
            row["outlets"] = outlets[row["id"]][:OUTLETS_SHOWN]
            row["more_outlets"] = max(0, len(outlets[row["id"]]) - OUTLETS_SHOWN)

    def story(self, story_id: str) -> StoryBundle:
        head = self.one("SELECT id, title FROM stories WHERE id = ?", (story_id,))
        if head is None:
            raise NotFound(f"no story {story_id!r}")
        notices: list[str] = []
        ids = [
            r["article_id"]
            for r in self._capped(
                "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq",
                (story_id,),
                STORY_MAX_ARTICLES,
                "articles",
                notices,
            )
        ]
        story = {
            **head,
            "articles": ids,
            "statements": self._json_rows("statements", story_id, notices),
            "matches": self._json_rows("matches", story_id, notices),
            "discrepancies": self._json_rows("discrepancies", story_id, notices),
            "wire": self.rows(
                "SELECT article, copy_of, containment FROM wire_links WHERE story_id = ?"
                " ORDER BY rowid",
                (story_id,),
                cap=STORY_MAX_ROWS,
            ),
            "related": self.rows(
                "SELECT r.related_id AS id, s.title FROM story_related r"
                " JOIN stories s ON s.id = r.related_id WHERE r.story_id = ? ORDER BY s.seq",
                (story_id,),
                cap=STORY_MAX_ROWS,
            ),
        }
        articles = self.articles_by_id(ids, with_text=True)
        quotes = self._capped(
            f"SELECT {_QUOTE_COLUMNS} FROM story_articles sa JOIN quotes q ON q.article ="
            " sa.article_id LEFT JOIN quote_persons l ON l.quote_id = q.id"
            " WHERE sa.story_id = ? ORDER BY sa.seq, q.seq",
            (story_id,),
            STORY_MAX_QUOTES,
            "quotes",
            notices,
        )
        return StoryBundle(story, articles, quotes, notices)

    def _json_rows(self, table: str, story_id: str, notices: list[str]) -> list[Json]:
        rows = self._capped(
            f"SELECT data FROM {table} WHERE story_id = ? ORDER BY seq",
            (story_id,),
            STORY_MAX_ROWS,
            table,
            notices,
        )
        return [json.loads(row["data"]) for row in rows]

    def _capped(
        self, sql: str, params: Sequence[Any], cap: int, what: str, notices: list[str]
    ) -> list[Json]:
        rows = self.rows(sql, params, cap=cap + 1)
        if len(rows) > cap:
            notices.append(f"This story is very large: only its first {cap:,} {what} are read.")
        return rows[:cap]

    def articles_by_id(self, ids: list[str], with_text: bool = False) -> list[Json]:
        columns = _ARTICLE_META + (", a.paragraphs, a.removed, a.notes" if with_text else "")
        found: dict[str, Json] = {}
        sql = f"SELECT {columns} FROM articles a WHERE a.id IN ({{marks}})"
        for row in self.rows_in(sql, ids):
            for name in ("paragraphs", "removed", "notes"):
                if name in row:
                    row[name] = json.loads(row[name])
            found[row["id"]] = row
        return [found[i] for i in ids if i in found]

    # -- articles -------------------------------------------------------------------------------

    def article(self, article_id: str) -> tuple[Json, list[Json], list[Json], list[Json]]:
        """The article (paragraphs, removed lines), its quotes, its stories, its wire links."""
        found = self.articles_by_id([article_id], with_text=True)
        if not found:
            raise NotFound(f"no article {article_id!r}")
        quotes = self.rows(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes q LEFT JOIN quote_persons l"
            " ON l.quote_id = q.id WHERE q.article = ? ORDER BY q.seq",
            (article_id,),
            cap=STORY_MAX_QUOTES,
        )
        stories = self.rows(
            "SELECT s.id, s.title FROM story_articles sa JOIN stories s ON s.id = sa.story_id"
            " WHERE sa.article_id = ?",
            (article_id,),
            cap=100,
        )
        wire = self.rows(
            "SELECT w.article, w.copy_of, w.containment, a.title, a.outlet FROM wire_links w"
            " JOIN articles a ON a.id = CASE WHEN w.article = :id THEN w.copy_of ELSE w.article"
            " END WHERE w.article = :id OR w.copy_of = :id",
            {"id": article_id},
            cap=100,
        )
        return found[0], quotes, stories, wire

    # -- speakers -------------------------------------------------------------------------------

    def speaker(self, key: str, page: int) -> tuple[Json, list[Json], bool, dict[str, list[Json]]]:
        """The person (names with counts, roles), a page of its quotes, newest first, each with
        its match and story, whether there are more, and every outlet's version of each
        statement those quotes belong to (statement id -> versions)."""
        person = self.one("SELECT key, name, kind FROM persons WHERE key = ?", (key,))
        if person is None:
            raise NotFound(f"no speaker {key!r}")
        person["names"] = self.rows(
            "SELECT name, count(*) AS quotes FROM quote_persons WHERE person_key = ?"
            " GROUP BY name ORDER BY quotes DESC, name",
            (key,),
            cap=200,
        )
        person["roles"] = [
            r["role"]
            for r in self.rows(
                "SELECT role FROM person_roles WHERE person_key = ? ORDER BY role", (key,), cap=50
            )
        ]
        count = self.one("SELECT count(*) AS n FROM quote_persons WHERE person_key = ?", (key,))
        person["n_quotes"] = count["n"] if count else 0
        rows = self.rows(
            "SELECT q.id, q.text, q.kind, q.article, q.speaker, l.person_key AS speaker_key,"
            " a.outlet, a.title, a.published, m.story_id, m.data AS match, s.title AS story_title"
            " FROM quote_persons l JOIN quotes q ON q.id = l.quote_id"
            " JOIN articles a ON a.id = q.article"
            " LEFT JOIN matches m ON m.quote_id = q.id LEFT JOIN stories s ON s.id = m.story_id"
            " WHERE l.person_key = :key AND q.kind != 'term'"
            " ORDER BY a.published IS NULL, a.published DESC, a.seq DESC, q.seq"
            " LIMIT :limit OFFSET :offset",
            {"key": key, "limit": PAGE_SIZE * 2 + 1, "offset": (page - 1) * PAGE_SIZE * 2},
            cap=PAGE_SIZE * 2 + 1,
        )
        for row in rows:
            row["match"] = json.loads(row["match"]) if row["match"] else None
        rows, more = rows[: PAGE_SIZE * 2], len(rows) > PAGE_SIZE * 2
        statements = {(r["story_id"], (r["match"] or {}).get("statement")) for r in rows}
        versions = self.statement_versions({(s, t) for s, t in statements if s and t})
        for row in rows:
            row["own"] = _version(row)
        return person, rows, more, versions

    def statement_versions(self, statements: set[tuple[str, str]]) -> dict[str, list[Json]]:
        """(story id, statement id) -> each outlet's version: quote id, text, speaker as
        credited, outlet, article, date and match; at most VERSIONS_READ a statement."""
        by_story: dict[str, list[str]] = {}
        for story_id, statement_id in sorted(statements):
            by_story.setdefault(story_id, []).append(statement_id)
        quote_ids: dict[str, list[str]] = {}
        for story_id, wanted_statements in by_story.items():  # one query a story
            sql = (
                "SELECT data FROM statements WHERE story_id = ?"
                " AND json_extract(data, '$.id') IN ({marks})"
            )
            for found in self.rows_in(sql, wanted_statements, before=[story_id]):
                data = json.loads(found["data"])
                quote_ids[data["id"]] = data["quotes"][:VERSIONS_READ]
        wanted = [qid for ids in quote_ids.values() for qid in ids]
        rows: dict[str, Json] = {}
        sql = (
            "SELECT q.id, q.text, q.kind, q.article, q.speaker, l.person_key AS speaker_key,"
            " a.outlet, a.published, m.data AS match FROM quotes q"
            " JOIN articles a ON a.id = q.article LEFT JOIN quote_persons l"
            " ON l.quote_id = q.id LEFT JOIN matches m ON m.quote_id = q.id"
            " WHERE q.id IN ({marks})"
        )
        for row in self.rows_in(sql, wanted, per_id=2):
            row["match"] = json.loads(row["match"]) if row["match"] else None
            rows[row["id"]] = _version(row)
        return {
            statement_id: [rows[q] for q in ids if q in rows]
            for statement_id, ids in quote_ids.items()
        }

    # -- search ---------------------------------------------------------------------------------

    def search(self, query: str) -> list[Json]:
        """Search hits with their article's title and outlet and, for a quote, its speaker.
        A one-letter prefix (`s*`) is refused: it expands to most of the vocabulary."""
        if ONE_LETTER_PREFIX.search(query):
            raise SearchError("a prefix search needs at least two letters before the * (pr*)")
        hits = self.store().search(
            query, limit=SEARCH_LIMIT, max_seconds=self.seconds, marks=(HIT_OPEN, HIT_CLOSE)
        )
        articles = {a["id"]: a for a in self.articles_by_id(list({h["article"] for h in hits}))}
        quote_ids = [h["id"] for h in hits if h["type"] == "quote"]
        marks = ", ".join("?" * len(quote_ids))
        speakers = {
            r["id"]: r
            for r in self.rows(
                "SELECT q.id, q.speaker, l.person_key AS speaker_key FROM quotes q LEFT JOIN"
                f" quote_persons l ON l.quote_id = q.id WHERE q.id IN ({marks})",
                quote_ids,
                cap=len(quote_ids) + 1,
            )
        }
        for hit in hits:
            article = articles.get(hit["article"]) or {}
            hit.update(title=article.get("title"), outlet=article.get("outlet"))
            hit.update(published=article.get("published"))
            speaker = speakers.get(hit["id"]) if hit["type"] == "quote" else None
            hit.update(
                speaker=speaker and speaker["speaker"],
                speaker_key=speaker and speaker["speaker_key"],
            )
        return hits


def _version(row: Json) -> Json:
    match = row.get("match") or {}
    return {
        "quote": row["id"],
        "text": row["text"],
        "article": row["article"],
        "outlet": row.get("outlet"),
        "published": row.get("published"),
        "speaker": row.get("speaker"),
        "speaker_key": row.get("speaker_key"),
        "label": match.get("label"),
        "labels": match.get("labels") or [],
    }


def _story_conditions(filters: StoryFilters) -> tuple[str, Json]:
    conditions, params = ["1"], {}
    if filters.flag:
        conditions.append("s.id IN (SELECT story_id FROM story_flags WHERE flag = :flag)")
        params["flag"] = filters.flag
    if filters.outlet:
        conditions.append("o.outlet = :outlet")
        params["outlet"] = filters.outlet
    if filters.speaker:
        conditions.append(
            "s.id IN (SELECT sa.story_id FROM quote_persons l JOIN quotes q ON q.id = l.quote_id"
            " JOIN story_articles sa ON sa.article_id = q.article WHERE l.person_key IN"
            " (SELECT key FROM persons WHERE key = :speaker OR name = :speaker COLLATE NOCASE"
            " UNION SELECT person_key FROM person_names WHERE name = :speaker COLLATE NOCASE))"
        )
        params["speaker"] = filters.speaker
    if filters.since:
        conditions.append("f.published >= :since")
        params["since"] = filters.since
    if filters.until:
        conditions.append("f.published < :until")
        params["until"] = filters.until + "\uffff"  # the whole day (or month) named
    return " AND ".join(conditions), params


__all__ = [
    "HIT_CLOSE",
    "HIT_OPEN",
    "MAX_PAGE",
    "Database",
    "NotFound",
    "QueryTimeout",
    "SearchError",
    "StoryBundle",
    "StoryFilters",
]
