"""`Store`: one SQLite file holding ingested articles, their quotes and the stories built on them.

Practice borrowed from sqlite-utils/datasette: WAL journal, foreign keys on, the schema version
in `PRAGMA user_version` with migrations applied in order, FTS5 external-content tables kept in
sync by triggers, JSON text for nested values.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from newsprism.model import (
    FLAGS,
    Article,
    Discrepancy,
    DiscrepancyValue,
    Document,
    Edit,
    Quote,
    QuoteMatch,
    Removed,
    SourceSpan,
    Statement,
    Story,
    WireLink,
)
from newsprism.persons import Person, PersonTable
from newsprism.persons.table import INDEX_VERSION, index_terms
from newsprism.store.index import store_totals, story_index

_FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"

# Each migration is one SQL script; migration i brings the schema to version i + 1.
_FLAG_LIST = ", ".join(f"'{flag}'" for flag in FLAGS)


def story_facts_sql(ids: str) -> str:
    """Fills story_facts, story_flags and story_outlets for the stories the query `ids`
    names (the rows of deleted stories go with them: the tables cascade). A story's flags
    are the flag labels of its quotes' matches (terms are never labelled against a source)."""
    return f"""
    INSERT INTO story_facts(story_id, published, articles, quotes, statements)
    SELECT s.id,
           (SELECT max(a.published) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
            WHERE sa.story_id = s.id),
           (SELECT count(*) FROM story_articles sa WHERE sa.story_id = s.id),
           (SELECT count(*) FROM story_articles sa JOIN quotes q ON q.article = sa.article_id
            WHERE sa.story_id = s.id AND q.kind != 'term'),
           (SELECT count(*) FROM statements t WHERE t.story_id = s.id)
    FROM stories s WHERE s.id IN ({ids});
    INSERT INTO story_flags(story_id, flag, versions)
    SELECT m.story_id, label.value, count(*)
    FROM matches m JOIN quotes q ON q.id = m.quote_id, json_each(m.data, '$.labels') label
    WHERE label.value IN ({_FLAG_LIST}) AND q.kind != 'term' AND m.story_id IN ({ids})
    GROUP BY m.story_id, label.value;
    UPDATE story_facts SET flagged = (
        SELECT count(*) FROM matches m JOIN quotes q ON q.id = m.quote_id
        WHERE m.story_id = story_facts.story_id AND q.kind != 'term'
          AND EXISTS (SELECT 1 FROM json_each(m.data, '$.labels') label
                      WHERE label.value IN ({_FLAG_LIST})))
    WHERE story_id IN ({ids});
    INSERT OR IGNORE INTO story_outlets(outlet, story_id, published)
    SELECT a.outlet, sa.story_id, f.published
    FROM story_articles sa JOIN articles a ON a.id = sa.article_id
    JOIN story_facts f ON f.story_id = sa.story_id
    WHERE a.outlet IS NOT NULL AND sa.story_id IN ({ids});
"""


def story_labels_sql(ids: str) -> str:
    """Fills story_labels for the stories the query `ids` names: how many of each story's
    matches carry each label (`label`, the most serious one)."""
    return f"""
    INSERT INTO story_labels(story_id, label, versions)
    SELECT story_id, json_extract(data, '$.label') AS label, count(*) FROM matches
    WHERE story_id IN ({ids}) AND label IS NOT NULL GROUP BY story_id, label;
"""


MIGRATIONS: list[str] = [
    f"""
    CREATE TABLE inputs (
        source TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        article_id TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX inputs_article ON inputs(article_id);

    -- `pk` is a stable integer rowid (an implicit rowid may change on VACUUM) for FTS.
    CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        seq INTEGER NOT NULL,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        standfirst TEXT,
        outlet TEXT,
        url TEXT,
        published TEXT,
        kind TEXT NOT NULL,
        interviewee TEXT,
        paragraphs TEXT NOT NULL,
        removed TEXT NOT NULL,
        body TEXT NOT NULL
    );
    CREATE INDEX articles_seq ON articles(seq);
    CREATE INDEX articles_source ON articles(source);

    CREATE TABLE quotes (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        speaker TEXT,
        speaker_mention TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT,
        kind TEXT NOT NULL,
        continues TEXT
    );
    CREATE INDEX quotes_article ON quotes(article, seq);

    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        seq INTEGER NOT NULL
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (story_id, seq)
    );
    CREATE INDEX story_articles_article ON story_articles(article_id);
    CREATE TABLE matches (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        quote_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (story_id, seq)
    );
    CREATE INDEX matches_quote ON matches(quote_id);
    CREATE TABLE discrepancies (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (story_id, seq)
    );
    CREATE TABLE wire_links (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article TEXT NOT NULL,
        copy_of TEXT NOT NULL,
        containment REAL NOT NULL
    );
    CREATE INDEX wire_links_story ON wire_links(story_id);
    CREATE INDEX wire_links_article ON wire_links(article);
    CREATE INDEX wire_links_copy_of ON wire_links(copy_of);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, standfirst, body,
        content='articles', content_rowid='pk', tokenize='{_FTS_TOKENIZE}'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, standfirst, body)
        VALUES (new.pk, new.title, new.standfirst, new.body);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body)
        VALUES ('delete', old.pk, old.title, old.standfirst, old.body);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, body)
        VALUES ('delete', old.pk, old.title, old.standfirst, old.body);
        INSERT INTO articles_fts(rowid, title, standfirst, body)
        VALUES (new.pk, new.title, new.standfirst, new.body);
    END;

    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, speaker,
        content='quotes', content_rowid='pk', tokenize='{_FTS_TOKENIZE}'
    );
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.pk, new.text, new.speaker);
    END;
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
        VALUES ('delete', old.pk, old.text, old.speaker);
    END;
    CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
        VALUES ('delete', old.pk, old.text, old.speaker);
        INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.pk, new.text, new.speaker);
    END;
    """,
    # 2: cleaning notes; the extracted document kept for re-cleaning; outlet template counts.
    """
    ALTER TABLE articles ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE inputs ADD COLUMN document TEXT;
    CREATE TABLE template_seen (
        scope TEXT NOT NULL,
        line_key TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (scope, line_key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX template_seen_article ON template_seen(article_id);
    CREATE TABLE template_counts (
        scope TEXT NOT NULL,
        line_key TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (scope, line_key)
    ) WITHOUT ROWID;
    """,
    # 3: the story grouper's memory (one compact profile an article, and its term counts).
    """
    CREATE TABLE story_profiles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        profile BLOB NOT NULL
    );
    CREATE INDEX story_profiles_seq ON story_profiles(seq);
    CREATE TABLE story_state (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    """,
    # 4: statements (one quoted statement across a story's outlets).
    """
    CREATE TABLE statements (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (story_id, seq)
    );
    """,
    # 5: the person table: one key a person across the store, the speaker names matched to
    # it, the roles its attributions give, and which quote names whom.
    """
    CREATE TABLE persons (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE person_names (
        person_key TEXT NOT NULL REFERENCES persons(key) ON DELETE CASCADE,
        name TEXT NOT NULL,
        PRIMARY KEY (person_key, name)
    ) WITHOUT ROWID;
    CREATE TABLE person_roles (
        person_key TEXT NOT NULL REFERENCES persons(key) ON DELETE CASCADE,
        role TEXT NOT NULL,
        PRIMARY KEY (person_key, role)
    ) WITHOUT ROWID;
    CREATE TABLE quote_persons (
        quote_id TEXT PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
        person_key TEXT NOT NULL REFERENCES persons(key) ON DELETE CASCADE,
        name TEXT NOT NULL
    );
    CREATE INDEX quote_persons_person ON quote_persons(person_key);
    """,
    # 6: what the web app lists, sorts and filters stories by, kept at write time so no page
    # reads every story's JSON: the newest article date and counts a story, how many of its
    # versions carry a flag, each flag with how many carry it, its outlets (to list an
    # outlet's stories newest first along an index); indexes for the outlet (any case),
    # speaker name, date and story look-ups.
    """
    CREATE TABLE story_facts (
        story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
        published TEXT,
        articles INTEGER NOT NULL,
        quotes INTEGER NOT NULL,
        statements INTEGER NOT NULL,
        flagged INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX story_facts_published ON story_facts(published, story_id);
    CREATE INDEX story_facts_flagged ON story_facts(flagged, published, story_id);
    CREATE TABLE story_flags (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        flag TEXT NOT NULL,
        versions INTEGER NOT NULL,
        PRIMARY KEY (story_id, flag)
    ) WITHOUT ROWID;
    CREATE INDEX story_flags_flag ON story_flags(flag, story_id);
    CREATE TABLE story_outlets (
        outlet TEXT NOT NULL COLLATE NOCASE,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        published TEXT,
        PRIMARY KEY (outlet, story_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_outlets_published ON story_outlets(outlet, published, story_id);
    CREATE INDEX story_outlets_story ON story_outlets(story_id);
    CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
    CREATE INDEX persons_name ON persons(name COLLATE NOCASE);
    CREATE INDEX person_names_name ON person_names(name COLLATE NOCASE);
    CREATE INDEX stories_seq ON stories(seq);
    CREATE INDEX statements_story ON statements(story_id);
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(5.0, 2.0, 1.0)');
    """
    + story_facts_sql("SELECT id FROM stories"),
    # 7: an outlet's template lines read without scanning every line it has counted (each
    # input asks for them).
    """
    CREATE INDEX IF NOT EXISTS template_counts_qualifying
        ON template_counts(scope, articles, line_key);
    """,
    # 8: a run reports only what changed: each story row carries the revision (a store-wide
    # counter) it was written at, so a report folder can tell which stories changed since it
    # was written; the store's own id (so a folder written from another store is not trusted);
    # each story's labels counted at write time, for the totals of a report's index; inputs
    # that failed to give an article, by content and code, so an unchanged one is not
    # processed again run after run (its error is reported all the same).
    """
    CREATE TABLE failed_inputs (
        source TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    INSERT OR IGNORE INTO story_state(key, value) VALUES ('store_id', lower(hex(randomblob(16))));
    CREATE TABLE story_labels (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        versions INTEGER NOT NULL,
        PRIMARY KEY (story_id, label)
    ) WITHOUT ROWID;
    """
    + story_labels_sql("SELECT id FROM stories"),
    # 9: the terms the person table looks each person up by (its names parsed), so a run reads
    # the persons its names ask for, not every one; filled from the persons by the first run
    # (parsing is Python's), and again when the parsing changes (story_state 'person_index').
    """
    CREATE TABLE person_index (
        term TEXT NOT NULL,
        person_key TEXT NOT NULL REFERENCES persons(key) ON DELETE CASCADE,
        PRIMARY KEY (term, person_key)
    ) WITHOUT ROWID;
    CREATE INDEX person_index_person ON person_index(person_key);
    """,
    # 10: the story chain: related stories as the grouper numbers them (its memory, kept with
    # the profiles) and by story id, each stored story's (what the pages show).
    """
    CREATE TABLE IF NOT EXISTS story_links (story INTEGER NOT NULL, related INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS story_related (
        story_id TEXT NOT NULL,
        related_id TEXT NOT NULL,
        PRIMARY KEY (story_id, related_id)
    ) WITHOUT ROWID;
    """,
    # 11: articles and quotes are indexed for search a transaction at a time (one INSERT ...
    # SELECT for all the articles it stored is several times faster than a trigger a row);
    # until then each stored article waits in fts_pending, written in the same transaction
    # as the article, so a rolled-back save leaves nothing to index. What grouping reads of
    # an article, worked out where the article was (in a worker, with --workers), kept until
    # the article is grouped.
    """
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER quotes_fts_insert;
    CREATE TABLE fts_pending (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE grouping_features (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        features BLOB NOT NULL
    );
    """,
    # 12: how near the article nearest to each grouped one has come so far (NULL: not known,
    # grouped by an earlier version), so that a later run judges mutual nearness as one run.
    """
    ALTER TABLE story_profiles ADD COLUMN nearest REAL;
    """,
    # 13: what aligning each story's quotes with its first articles found (compressed JSON),
    # so that a story that grows aligns only its new quotes and articles again.
    """
    CREATE TABLE IF NOT EXISTS story_known_links (
        story_id TEXT PRIMARY KEY, links BLOB NOT NULL
    ) WITHOUT ROWID;
    """,
]


SCHEMA_VERSION = len(MIGRATIONS)
# How long a write waits for another run's (the story step holds the lock while it groups).
BUSY_TIMEOUT_MS = 120_000

_QUOTE_FIELDS = (
    "id", "article", "text", "start", "end", "speaker", "speaker_mention", "speaker_start",
    "speaker_end", "cue", "kind", "continues",
)  # fmt: skip
_QUOTE_COLUMNS = ", ".join(f'"{name}"' for name in (*_QUOTE_FIELDS, "seq"))
_NAMED_QUOTE_COLUMNS = "q.*, l.person_key AS person_key, p.name AS person_name"
_INSERT_QUOTE_SQL = (
    f"INSERT INTO quotes ({_QUOTE_COLUMNS}) VALUES ({', '.join('?' * (len(_QUOTE_FIELDS) + 1))})"
)

# One query per FTS table (a column filter valid for one may be an error for the other).
# FTS5's own `rank` (bm25 with the weights configured in migration 6: title 5, standfirst 2,
# body 1) under `ORDER BY rank LIMIT` lets FTS5 keep only the best rows and make snippets of
# those alone: half the time of ordering by an explicit bm25() on a common word.
_SEARCH_SQL = {
    "article": """
        SELECT 'article' AS type, a.id AS id, a.id AS article, best.snippet, best.rank
        FROM (SELECT rowid, snippet(articles_fts, -1, :open, :close, '…', 12) AS snippet, rank
              FROM articles_fts WHERE articles_fts MATCH :query ORDER BY rank LIMIT :limit) best
        JOIN articles a ON a.pk = best.rowid ORDER BY best.rank
    """,
    "quote": """
        SELECT 'quote' AS type, q.id AS id, q.article AS article, best.snippet, best.rank
        FROM (SELECT rowid, snippet(quotes_fts, 0, :open, :close, '…', 12) AS snippet, rank
              FROM quotes_fts WHERE quotes_fts MATCH :query ORDER BY rank LIMIT :limit) best
        JOIN quotes q ON q.pk = best.rowid ORDER BY best.rank
    """,
}


@dataclass
class StoriesWritten:
    """The stories a story step wrote before saving the rest (`Store.write_story`), and the
    revision they were written at."""

    ids: set[str] = field(default_factory=set)
    revision: int | None = None


class StoreError(Exception):
    """The database cannot be opened, is of an unknown version, or a write failed."""


class StoreOutdated(StoreError):
    """A store of an older schema opened read-only: a write open upgrades it."""


class SearchError(ValueError):
    """A search query out of bounds (too long, too many terms, a bad limit) or too slow."""


# Search bounds: a query of 100 prefix terms took 188 s, and limit=-1 returned everything.
MAX_SEARCH_CHARS = 1_000
MAX_SEARCH_TERMS = 20
MAX_SEARCH_LIMIT = 200
MAX_SEARCH_SECONDS = 5.0


def _check_search(query: object, limit: object) -> None:
    if not isinstance(query, str):
        raise SearchError(f"the query must be text, not {type(query).__name__}")
    if len(query) > MAX_SEARCH_CHARS:
        raise SearchError(
            f"query too long ({len(query):,} characters; at most {MAX_SEARCH_CHARS:,})"
        )
    if (terms := len(query.split())) > MAX_SEARCH_TERMS:
        raise SearchError(f"query has {terms} terms; at most {MAX_SEARCH_TERMS}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_SEARCH_LIMIT:
        raise SearchError(
            f"limit must be a whole number from 1 to {MAX_SEARCH_LIMIT}, not {limit!r}"
        )


class Store:
    """SQLite storage; `Store(":memory:")` for a throwaway one. Use as a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """`read_only`: the file opened for reading only (never created, never migrated; a
        store of an older schema is an error saying how to upgrade it)."""
        self.path = str(path)
        self.read_only = read_only
        self._whole = False  # inside the story lock: its writes are parts of one transaction
        self._conn = _connect_read_only(self.path) if read_only else _connect(self.path)
        try:
            if read_only:
                self._configure_read_only()
            else:
                self._configure()
                self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        """The underlying connection (autocommit mode), for ad-hoc queries."""
        return self._conn

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _configure(self) -> None:
        try:
            self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS:d}")
            if self.path != ":memory:" and self.path:
                self._write_ahead_log()
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            # Each input is saved in a savepoint of its batch's transaction: SQLite journals a
            # savepoint's pages in a temporary file once they pass 64 KiB, a write call a page
            # (on multinews_sample 230,000 of them, twice the store's own). In memory they cost
            # no call (but time growing with the square of a large savepoint's pages: the
            # story step takes none).
            self._conn.execute("PRAGMA temp_store=MEMORY")
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as an SQLite database ({exc})") from exc

    def _write_ahead_log(self) -> None:
        """Switch to WAL. On a new file another process is creating, SQLite may refuse the
        switch at once, without waiting out the busy timeout: wait for it here."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _configure_read_only(self) -> None:
        try:
            self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS:d}")
            self._conn.execute("PRAGMA query_only=ON")
            version = self.schema_version
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as an SQLite database ({exc})") from exc
        self._check_version(version)
        if version < SCHEMA_VERSION:
            raise StoreOutdated(
                f"{self.path}: schema version {version} is older than this newsprism's "
                f"({SCHEMA_VERSION}); open it once for writing (`newsprism stories --db "
                f"{self.path}`) to upgrade it"
            )

    def _migrate(self) -> None:
        self._check_version(self.schema_version)
        if self.schema_version == SCHEMA_VERSION:
            return
        with self._transaction("migrating the schema"):
            version = self.schema_version  # again, now that the write lock is held
            self._check_version(version)
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in _statements(script):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {number:d}")

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this newsprism "
                f"supports ({SCHEMA_VERSION}); upgrade newsprism to open it"
            )

    def check_writable(self) -> None:
        """Raise StoreError unless the store takes a write (a read-only file or folder, a full
        disk), so a run fails at the start rather than after reading every input."""
        with self._transaction("checking the store can be written") as conn:
            conn.execute(f"PRAGMA user_version = {self.schema_version:d}")

    @contextmanager
    def story_lock(self) -> Iterator[sqlite3.Connection]:
        """Hold the write lock over reading the articles, grouping them and saving the stories,
        so two runs on one store cannot save stories from an older snapshot. Writers in other
        runs wait for it (the busy timeout). The writes inside are parts of its one
        transaction, not savepoints of it: an error in any rolls all of it back, and a
        savepoint journal kept in memory costs time growing with the square of the pages the
        savepoint writes (the person links of 40,000 articles: 42 s in a savepoint, 1.3 s
        without)."""
        with self._transaction("grouping stories") as conn:
            self._whole = True
            try:
                yield conn
            finally:
                self._whole = False

    def begin(self, what: str) -> None:
        """Open a transaction that the writes until `commit` are savepoints of (several
        inputs stored at one commit)."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {what}: {exc}") from exc

    def commit(self, what: str) -> None:
        """Commit the transaction `begin` opened; on failure it is rolled back."""
        try:
            self._index_pending()
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._undo(nested=False)
            raise StoreError(f"{self.path}: {what}: {exc}") from exc

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    @contextmanager
    def _transaction(self, what: str) -> Iterator[sqlite3.Connection]:
        """One atomic write: inside a batch `begin` opened, a savepoint of it (an input that
        fails is undone alone); inside the story lock, a part of its one transaction."""
        nested = self._conn.in_transaction
        if nested and self._whole:
            yield from self._part_of_whole(what)
            return
        try:
            self._conn.execute("SAVEPOINT nested" if nested else "BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {what}: {exc}") from exc
        try:
            yield self._conn
            if not nested:
                self._index_pending()
            self._conn.execute("RELEASE nested" if nested else "COMMIT")
        except BaseException as exc:
            self._undo(nested)
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: {what}: {exc}") from exc
            raise

    def _part_of_whole(self, what: str) -> Iterator[sqlite3.Connection]:
        try:
            yield self._conn
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {what}: {exc}") from exc

    def _undo(self, nested: bool) -> None:
        if not self._conn.in_transaction:  # SQLite may have rolled back already (disk full)
            return
        try:
            if nested:
                self._conn.execute("ROLLBACK TO nested")
                self._conn.execute("RELEASE nested")
            else:
                self._conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the error being raised is the one to report

    # -- inputs and articles -----------------------------------------------------------------

    def input_hash(self, source: str) -> str | None:
        row = self._conn.execute(
            "SELECT content_hash FROM inputs WHERE source = ?", (source,)
        ).fetchone()
        return row[0] if row else None

    def input_hashes(self, sources: list[str]) -> dict[str, str]:
        """`input_hash` of many sources at once (those stored), by source."""
        found: dict[str, str] = {}
        for part in _chunks(sources):
            marks = ",".join("?" * len(part))
            found.update(self._conn.execute(
                f"SELECT source, content_hash FROM inputs WHERE source IN ({marks})", part
            ).fetchall())  # fmt: skip
        return found

    def save_article(
        self,
        source: str,
        content_hash: str,
        article: Article,
        quotes: list[Quote],
        document: Document | None = None,
        template_lines: tuple[str, Iterable[str]] | None = None,
        grouping_features: bytes | None = None,
    ) -> None:
        """Replace whatever `source` produced before by `article` and its `quotes`, atomically.
        `document` (the extracted text) is kept so the article can be cleaned again later;
        `template_lines` (scope, line keys) are counted for the article in the same step;
        `grouping_features` (stories.grouping.Features as bytes) kept until it is grouped."""
        with self._transaction(f"saving {source}") as conn:
            conn.execute("DELETE FROM failed_inputs WHERE source = ?", (source,))
            seq = self._drop_source(source)
            _insert_article(conn, article, seq)
            conn.execute("INSERT OR IGNORE INTO fts_pending(article_id) VALUES (?)", (article.id,))
            if grouping_features is not None:
                conn.execute(
                    "INSERT INTO grouping_features(article_id, features) VALUES (?, ?)",
                    (article.id, grouping_features),
                )
            if template_lines is not None:
                self.observe_lines(template_lines[0], article.id, template_lines[1])
            _insert_quotes(conn, quotes)
            conn.execute(
                "INSERT INTO inputs(source, content_hash, article_id, ingested_at, document)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET"
                " content_hash = excluded.content_hash, article_id = excluded.article_id,"
                " ingested_at = excluded.ingested_at, document = excluded.document",
                (source, content_hash, article.id, _now(), _document_json(document)),
            )

    def remember_failure(self, source: str, content_hash: str, code: str, reason: str) -> None:
        """`source`, as of `content_hash`, gave no article with this `code` (a digest of the
        processing code), for `reason`."""
        with self._transaction(f"noting {source} failed") as conn:
            conn.execute(
                "INSERT OR REPLACE INTO failed_inputs(source, content_hash, code, reason)"
                " VALUES (?, ?, ?, ?)",
                (source, content_hash, code, reason),
            )

    def failure(self, source: str, content_hash: str, code: str) -> str | None:
        """Why `source` failed, if it did as of this content and code."""
        row = self._conn.execute(
            "SELECT reason FROM failed_inputs WHERE source = ? AND content_hash = ? AND code = ?",
            (source, content_hash, code),
        ).fetchone()
        return row[0] if row else None

    def forget_failures(self) -> None:
        with self._transaction("forgetting failed inputs") as conn:
            conn.execute("DELETE FROM failed_inputs")

    def documents(self) -> list[tuple[str, str, Document]]:
        """(source, content hash, extracted document) of every stored input, in read order."""
        rows = self._conn.execute(
            "SELECT i.source, i.content_hash, i.document FROM inputs i"
            " JOIN articles a ON a.id = i.article_id"
            " WHERE i.document IS NOT NULL ORDER BY a.seq, a.pk"
        )
        return [(row[0], row[1], _document_from_json(row[2])) for row in rows]

    # -- outlet templates --------------------------------------------------------------------

    def observe_lines(self, scope: str, article_id: str, keys: Iterable[str]) -> None:
        """Count each line key once per article of `scope` (an outlet, or a file)."""
        keys = sorted(set(keys))
        with self._transaction("counting template lines") as conn:
            seen = {
                row[0]
                for row in conn.execute(
                    "SELECT line_key FROM template_seen WHERE article_id = ? AND scope = ?",
                    (article_id, scope),
                )
            }
            added = [(scope, key, article_id) for key in keys if key not in seen]
            conn.executemany(
                "INSERT INTO template_seen(scope, line_key, article_id) VALUES (?, ?, ?)", added
            )
            conn.executemany(
                "INSERT INTO template_counts(scope, line_key, articles) VALUES (?, ?, 1)"
                " ON CONFLICT(scope, line_key) DO UPDATE SET articles = articles + 1",
                [(scope, key) for scope, key, _ in added],
            )

    def template_lines(self, scope: str, min_articles: int) -> frozenset[str]:
        rows = self._conn.execute(
            "SELECT line_key FROM template_counts WHERE scope = ? AND articles >= ?",
            (scope, min_articles),
        )
        return frozenset(row[0] for row in rows)

    def forget_template_lines(self) -> None:
        with self._transaction("forgetting template lines") as conn:
            conn.execute("DELETE FROM template_seen")
            conn.execute("DELETE FROM template_counts")

    def relative_sources(self) -> list[str]:
        """Sources stored as a path was typed (before inputs were named by resolved path)."""
        rows = self._conn.execute("SELECT source FROM inputs WHERE source NOT LIKE '/%'")
        return [row[0] for row in rows]

    def rename_sources(self, names: dict[str, str]) -> int:
        """Store each input under its new name (old -> new), unless that name is already
        stored; return how many were renamed."""
        renamed = 0
        with self._transaction("renaming inputs") as conn:
            self._index_pending()  # an updated row is dropped from the search index and added
            for old, new in names.items():
                if self.input_hash(new) is not None:
                    continue
                conn.execute("UPDATE inputs SET source = ? WHERE source = ?", (new, old))
                conn.execute("UPDATE articles SET source = ? WHERE source = ?", (new, old))
                renamed += 1
        return renamed

    def _index_pending(self) -> None:
        """Index for search the articles (and their quotes) stored since the last time."""
        if self._conn.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone() is None:
            return
        pending = "SELECT article_id FROM fts_pending"
        self._conn.execute(
            "INSERT INTO articles_fts(rowid, title, standfirst, body)"
            f" SELECT pk, title, standfirst, body FROM articles WHERE id IN ({pending}) ORDER BY pk"
        )
        self._conn.execute(
            "INSERT INTO quotes_fts(rowid, text, speaker)"
            f" SELECT pk, text, speaker FROM quotes WHERE article IN ({pending}) ORDER BY pk"
        )
        self._conn.execute("DELETE FROM fts_pending")

    def _drop_source(self, source: str) -> int:
        """Delete the articles earlier stored for `source`; return the read position to use."""
        rows = self._conn.execute(
            "SELECT id, seq FROM articles WHERE source = ?"
            " OR id IN (SELECT article_id FROM inputs WHERE source = ?)",
            (source, source),
        ).fetchall()
        if rows:
            self._index_pending()  # the search index drops what it holds of a deleted row
        for row in rows:
            _forget_in_stories(self._conn, row["id"])
            _forget_template_lines(self._conn, row["id"])
            self._conn.execute("DELETE FROM articles WHERE id = ?", (row["id"],))
        if rows:
            return min(row["seq"] for row in rows)
        row = self._conn.execute("SELECT coalesce(max(seq), -1) + 1 FROM articles").fetchone()
        return int(row[0])

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The stored articles (those of `ids` only, when given), in reading order."""
        if ids is None:
            rows = self._conn.execute("SELECT * FROM articles ORDER BY seq, pk").fetchall()
        else:
            with self._selected(ids) as selected:
                rows = self._conn.execute(
                    f"SELECT a.* FROM articles a JOIN {selected} s ON s.id = a.id"
                    " ORDER BY a.seq, a.pk"
                ).fetchall()
        return [_article_from_row(row) for row in rows]

    def article_heads(self, ids: Iterable[str]) -> list[Article]:
        """The articles of `ids` in reading order, as much of each as names its story: id,
        title, standfirst and first paragraph (the body's other paragraphs are left out)."""
        with self._selected(ids) as selected:
            rows = self._conn.execute(
                "SELECT a.id, a.source, a.title, a.standfirst, json_extract(a.paragraphs, '$[0]')"
                f" FROM articles a JOIN {selected} s ON s.id = a.id ORDER BY a.seq, a.pk"
            ).fetchall()
        return [
            Article(i, source, title, [first] if first is not None else [], standfirst=standfirst)
            for i, source, title, standfirst, first in rows
        ]

    def article_order(self) -> list[str]:
        """Every article's id, in reading order (that of `articles()`)."""
        return [row[0] for row in self._conn.execute("SELECT id FROM articles ORDER BY seq, pk")]

    def publication_dates(self) -> dict[str, str | None]:
        """Every article's id and publication date (None when undated), in reading order."""
        rows = self._conn.execute("SELECT id, published FROM articles ORDER BY seq, pk")
        return {row[0]: row[1] for row in rows}

    def article(self, id: str) -> Article | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (id,)).fetchone()
        return _article_from_row(row) if row else None

    def quotes(self, article_id: str | None = None) -> list[Quote]:
        sql = "SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article"
        params: tuple[str, ...] = ()
        if article_id is not None:
            sql, params = sql + " WHERE q.article = ?", (article_id,)
        rows = self._conn.execute(sql + " ORDER BY a.seq, a.pk, q.seq", params)
        return [_quote_from_row(row) for row in rows]

    def quotes_of(self, article_ids: Iterable[str], named: bool = False) -> list[Quote]:
        """The quotes of these articles, in reading order. `named`: each speaker as the person
        table names it (its canonical name and key), as a story step left it."""
        columns = _NAMED_QUOTE_COLUMNS if named else "q.*"
        with self._selected(article_ids) as selected:
            rows = self._conn.execute(
                f"SELECT {columns} FROM quotes q JOIN articles a ON a.id = q.article"
                f" JOIN {selected} s ON s.id = q.article"
                " LEFT JOIN quote_persons l ON l.quote_id = q.id"
                " LEFT JOIN persons p ON p.key = l.person_key"
                " ORDER BY a.seq, a.pk, q.seq"
            ).fetchall()
        return [_quote_from_row(row, named) for row in rows]

    @contextmanager
    def _selected(self, ids: Iterable[str]) -> Iterator[str]:
        """A temporary table holding `ids` (its name), to read a part of the store by."""
        self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS selected_ids (id TEXT PRIMARY KEY)")
        self._conn.execute("DELETE FROM temp.selected_ids")
        self._conn.executemany(
            "INSERT OR IGNORE INTO temp.selected_ids VALUES (?)", ((i,) for i in ids)
        )
        try:
            yield "temp.selected_ids"
        finally:
            self._conn.execute("DELETE FROM temp.selected_ids")

    # -- stories -----------------------------------------------------------------------------

    def write_story(self, story: Story, position: int, early: StoriesWritten) -> None:
        """Write `story` now, at `position` in the story order, replacing the stored story of
        its id: a part of the story step's transaction (the story lock), so the step need not
        hold every story's comparison until `save_stories`, which it hands `early` to."""
        with self._transaction("saving stories") as conn:
            if early.revision is None:
                early.revision = self._next_revision()
            conn.execute("DELETE FROM stories WHERE id = ?", (story.id,))
            _insert_story(conn, story, position, early.revision)
        early.ids.add(story.id)

    def known_links(self, story_ids: Iterable[str]) -> dict[str, bytes]:
        """The links each story's last comparison found (as `save_known_links` took them)."""
        with self._selected(story_ids) as selected:
            rows = self._conn.execute(
                f"SELECT k.story_id, k.links FROM story_known_links k"
                f" JOIN {selected} s ON s.id = k.story_id"
            ).fetchall()
        return {story_id: links for story_id, links in rows}

    def save_known_links(self, links: dict[str, bytes]) -> None:
        with self._transaction("saving stories") as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO story_known_links(story_id, links) VALUES (?, ?)",
                links.items(),
            )

    def save_stories(
        self,
        stories: list[Story],
        unchanged: Iterable[str] = (),
        early: StoriesWritten | None = None,
    ) -> None:
        """Replace all stories (with their matches, discrepancies and wire links), atomically.
        The stories whose ids are `unchanged` are as stored (the same articles, statements,
        matches, discrepancies and wire links): their rows stay, their place in the order is
        updated, and only the others are written again, at the store's next revision. Those
        of `early` were written already (`write_story`), in the same transaction."""
        early = early or StoriesWritten()
        with self._transaction("saving stories") as conn:
            stored = {row[0]: (row[1], row[2]) for row in conn.execute(
                "SELECT id, seq, title FROM stories"
            )}  # fmt: skip
            keep = set(unchanged).intersection(stored) - early.ids
            conn.executemany(
                "DELETE FROM stories WHERE id = ?",
                [(i,) for i in stored if i not in keep and i not in early.ids],
            )
            conn.executemany(
                "UPDATE stories SET seq = ?, title = ? WHERE id = ?",
                [
                    (n, story.title, story.id)
                    for n, story in enumerate(stories)
                    if story.id in keep and stored[story.id] != (n, story.title)
                ],
            )
            revision = early.revision
            if revision is None:
                revision = self._next_revision() if len(keep) < len(stories) else 0
            written = [story.id for story in stories if story.id not in keep]
            for position, story in enumerate(stories):
                if story.id not in keep and story.id not in early.ids:
                    _insert_story(conn, story, position, revision)
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS written_stories (id TEXT PRIMARY KEY)")
            conn.execute("DELETE FROM temp.written_stories")
            conn.executemany("INSERT INTO temp.written_stories VALUES (?)", [(i,) for i in written])
            # Only the stories written now get their summary rows: a kept story's are right.
            ids = "SELECT id FROM temp.written_stories"
            for statement in _statements(story_facts_sql(ids) + story_labels_sql(ids)):
                conn.execute(statement)
            # Links change as other stories grow, a kept story's too: all written again.
            conn.execute("DELETE FROM story_related")
            conn.executemany(
                "INSERT OR IGNORE INTO story_related(story_id, related_id) VALUES (?, ?)",
                [(story.id, other) for story in stories for other in story.related],
            )
            conn.execute(
                "DELETE FROM story_known_links WHERE story_id NOT IN (SELECT id FROM stories)"
            )

    def _next_revision(self) -> int:
        """The store's story revision, counted up (kept apart from the grouper's state)."""
        row = self._conn.execute(
            "SELECT value FROM story_state WHERE key = 'revision'"
        ).fetchone()
        revision = int(row[0]) + 1 if row else 1
        self._conn.execute(
            "INSERT OR REPLACE INTO story_state(key, value) VALUES ('revision', ?)", (revision,)
        )
        return revision

    def store_id(self) -> str:
        """This store's own id, made once (a report folder notes the store it was written from)."""
        row = self._conn.execute("SELECT value FROM story_state WHERE key = 'store_id'").fetchone()
        return str(row[0]) if row else ""

    def stories(self, ids: Iterable[str] | None = None) -> list[Story]:
        """The stored stories (those of `ids` only, when given) with their statements, matches,
        discrepancies and wire links, in story order."""
        if ids is None:
            return self._stories("SELECT id FROM stories")
        with self._selected(ids) as selected:
            return self._stories(f"SELECT id FROM {selected}")

    def _stories(self, ids: str) -> list[Story]:
        stories = {
            row["id"]: Story(id=row["id"], title=row["title"], articles=[])
            for row in self._conn.execute(
                f"SELECT id, title FROM stories WHERE id IN ({ids}) ORDER BY seq"
            )
        }
        for story_id, article_id in self._children("article_id", "story_articles", ids):
            stories[story_id].articles.append(article_id)
        for story_id, data in self._children("data", "statements", ids):
            stories[story_id].statements.append(Statement(**json.loads(data)))
        for story_id, data in self._children("data", "matches", ids):
            stories[story_id].matches.append(_match_from_json(data))
        for story_id, data in self._children("data", "discrepancies", ids):
            stories[story_id].discrepancies.append(_discrepancy_from_json(data))
        rows = self._conn.execute(
            "SELECT story_id, article, copy_of, containment FROM wire_links"
            f" WHERE story_id IN ({ids}) ORDER BY rowid"
        )
        for row in rows:
            stories[row["story_id"]].wire.append(
                WireLink(row["article"], row["copy_of"], row["containment"])
            )
        rows = self._conn.execute(
            f"SELECT story_id, related_id FROM story_related WHERE story_id IN ({ids})"
        )
        for row in rows:
            stories[row[0]].related.append(row[1])
        return list(stories.values())

    def story_members(self) -> dict[str, tuple[str, list[str]]]:
        """Each stored story's title and article ids (in order), by story id: what a run
        compares its grouping with, without reading the stories' contents."""
        members: dict[str, tuple[str, list[str]]] = {
            row[0]: (row[1], []) for row in self._conn.execute("SELECT id, title FROM stories")
        }
        for story_id, article_id in self._children("article_id", "story_articles"):
            members[story_id][1].append(article_id)
        return members

    def stories_with_unlinked_speakers(self) -> set[str]:
        """Stories with a named quote no person is linked to by that name (a store from before
        persons existed): the person table has to name them."""
        rows = self._conn.execute(
            "SELECT DISTINCT sa.story_id FROM quotes q"
            " JOIN story_articles sa ON sa.article_id = q.article"
            " WHERE q.speaker IS NOT NULL AND q.speaker != '' AND NOT EXISTS"
            " (SELECT 1 FROM quote_persons l WHERE l.quote_id = q.id AND l.name = q.speaker)"
        )
        return {row[0] for row in rows}

    def stories_naming(self, person_keys: Iterable[str]) -> set[str]:
        """Stories with a quote linked to one of these persons."""
        with self._selected(person_keys) as selected:
            rows = self._conn.execute(
                "SELECT DISTINCT sa.story_id FROM quote_persons l"
                f" JOIN {selected} s ON s.id = l.person_key JOIN quotes q ON q.id = l.quote_id"
                " JOIN story_articles sa ON sa.article_id = q.article"
            ).fetchall()
        return {row[0] for row in rows}

    def _children(
        self, column: str, table: str, ids: str | None = None
    ) -> Iterable[tuple[str, Any]]:
        where = f" WHERE story_id IN ({ids})" if ids else ""
        sql = f"SELECT story_id, {column} FROM {table}{where} ORDER BY story_id, seq"
        return ((row[0], row[1]) for row in self._conn.execute(sql))

    # -- story grouping state ------------------------------------------------------------------

    def story_profiles(self) -> Iterator[tuple[str, int, bytes, float | None]]:
        """(article id, story number, profile bytes, similarity of its nearest article or
        None) in the order they were grouped, read as they are taken (a large store's
        profiles never sit in memory twice)."""
        rows = self._conn.execute(
            "SELECT article_id, story, profile, nearest FROM story_profiles ORDER BY seq"
        )
        return ((row[0], row[1], row[2], row[3]) for row in rows)

    def grouping_features(self, article_ids: list[str]) -> dict[str, bytes]:
        """The grouping features kept of these articles (those not yet grouped), by id."""
        found = {}
        for part in _chunks(article_ids):
            rows = self._conn.execute(
                "SELECT article_id, features FROM grouping_features"
                f" WHERE article_id IN ({_marks(part)})",
                part,
            )
            found.update((row[0], row[1]) for row in rows)
        return found

    def grouping_counts(self) -> bytes | None:
        row = self._conn.execute("SELECT value FROM story_state WHERE key = 'counts'").fetchone()
        return row[0] if row else None

    def grouping_count_changes(self) -> list[bytes]:
        """The changes to `grouping_counts` stored since they were (`save_story_profiles`
        with `counts_change`), in the order stored."""
        rows = self._conn.execute(
            "SELECT value FROM story_state WHERE key LIKE 'counts+%' ORDER BY key"
        )
        return [row[0] for row in rows]

    def grouping_count_changes_kept(self) -> int:
        """How many changes to `grouping_counts` are stored beside them."""
        return _count_changes_kept(self._conn)

    def story_links(self) -> list[tuple[int, int]]:
        """The grouper's pairs of related stories (story numbers), in the order found."""
        return [(row[0], row[1]) for row in self._conn.execute(
            "SELECT story, related FROM story_links ORDER BY rowid"
        )]  # fmt: skip

    def save_story_profiles(
        self,
        rows: Iterable[tuple[str, int, bytes, float]],
        counts: bytes | None,
        moved: list[tuple[str, int]] | None = None,
        links: list[tuple[int, int]] | None = None,
        nearer: list[tuple[str, float]] | None = None,
        counts_change: bool = False,
    ) -> None:
        """Add newly grouped articles' profiles (`rows`: id, story, profile, similarity of its
        nearest; taken one at a time: they need not be made all at once) and the pairs of
        related stories found (`links`), move stored articles to their new story (`moved`:
        article id, story), record the stored articles that met a nearer article (`nearer`)
        and replace the term counts (with `counts_change`, add `counts` as a change to them;
        None: unchanged), atomically."""
        with self._transaction("saving story profiles") as conn:
            conn.executemany("INSERT INTO story_links(story, related) VALUES (?, ?)", links or [])
            conn.executemany(
                "UPDATE story_profiles SET story = ? WHERE article_id = ?",
                [(story, article_id) for article_id, story in moved or []],
            )
            conn.executemany(
                "UPDATE story_profiles SET nearest = ? WHERE article_id = ?",
                [(nearest, article_id) for article_id, nearest in nearer or []],
            )
            start = conn.execute("SELECT coalesce(max(seq), -1) + 1 FROM story_profiles").fetchone()
            saved: list[str] = []

            def numbered() -> Iterator[tuple[str, int, int, bytes, float]]:
                for i, (article_id, story, blob, nearest) in enumerate(rows):
                    saved.append(article_id)
                    yield article_id, story, start[0] + i, blob, nearest

            conn.executemany(
                "INSERT OR REPLACE INTO story_profiles(article_id, story, seq, profile, nearest)"
                " VALUES (?, ?, ?, ?, ?)",
                numbered(),
            )
            conn.executemany(
                "DELETE FROM grouping_features WHERE article_id = ?", ((a,) for a in saved)
            )
            if counts is not None:
                _save_counts(conn, counts, counts_change)

    def clear_story_profiles(self) -> None:
        with self._transaction("clearing story profiles") as conn:
            conn.execute("DELETE FROM story_profiles")
            conn.execute("DELETE FROM story_links")
            conn.execute("DELETE FROM story_state WHERE key = 'counts' OR key LIKE 'counts+%'")

    # -- persons -----------------------------------------------------------------------------

    def person_table(self, article_ids: Iterable[str] | None = None) -> PersonTable:
        """The person table over the store (it reads the persons the names it matches ask
        for) with the quotes linked to persons (those of `article_ids` only, when given: the
        quotes a run names)."""
        self._check_person_index()
        if article_ids is None:
            links = self._person_links("SELECT quote_id, person_key, name FROM quote_persons")
        else:
            links = self.person_links(article_ids)
        return PersonTable(links=links, source=self)

    def persons_indexed(self, terms: list[str]) -> list[tuple[int, Person]]:
        """The persons (with creation order) that any of these index terms look up."""
        keys: set[str] = set()
        for chunk in _chunks(terms):
            keys.update(
                row[0]
                for row in self._conn.execute(
                    f"SELECT person_key FROM person_index WHERE term IN ({_marks(chunk)})", chunk
                )
            )
        return self.persons_keyed(sorted(keys))

    def persons_keyed(self, keys: list[str]) -> list[tuple[int, Person]]:
        found: list[tuple[int, Person]] = []
        for chunk in _chunks(keys):
            found += self._read_persons(f"IN ({_marks(chunk)})", chunk)
        return found

    def all_persons(self) -> list[tuple[int, Person]]:
        return self._read_persons("IS NOT NULL", [])

    def person_key_taken(self, key: str) -> bool:
        found = self._conn.execute("SELECT 1 FROM persons WHERE key = ?", (key,)).fetchone()
        return found is not None

    def next_person_order(self) -> int:
        return self._conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM persons").fetchone()[0]

    def _read_persons(self, keys: str, params: list[str]) -> list[tuple[int, Person]]:
        """Persons whose key is `keys` (an SQL condition on it), their names and roles."""
        persons = {
            row[1]: (row[0], Person(row[1], row[2], row[3]))
            for row in self._conn.execute(
                f"SELECT rowid, key, name, kind FROM persons WHERE key {keys}", params
            )
        }
        for table, attribute in (("person_names", "name"), ("person_roles", "role")):
            for key, value in self._conn.execute(
                f"SELECT person_key, {attribute} FROM {table} WHERE person_key {keys}", params
            ):
                person = persons[key][1]
                (person.names if attribute == "name" else person.roles).add(value)
        return list(persons.values())

    def _check_person_index(self) -> None:
        """Index every person again when the index is missing or from another parsing."""
        row = self._conn.execute(
            "SELECT value FROM story_state WHERE key = 'person_index'"
        ).fetchone()
        if row is not None and row[0] == INDEX_VERSION:
            return
        with self._transaction("indexing persons") as conn:
            _index_persons(conn, [person for _, person in self.all_persons()], everyone=True)
            conn.execute(
                "INSERT OR REPLACE INTO story_state(key, value) VALUES ('person_index', ?)",
                (INDEX_VERSION,),
            )

    def person_links(self, article_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """Quote id -> (person key, name as written) of the quotes of these articles."""
        with self._selected(article_ids) as selected:
            return self._person_links(
                "SELECT l.quote_id, l.person_key, l.name FROM quote_persons l"
                f" JOIN quotes q ON q.id = l.quote_id JOIN {selected} s ON s.id = q.article"
            )

    def _person_links(self, sql: str) -> dict[str, tuple[str, str]]:
        return {row[0]: (row[1], row[2]) for row in self._conn.execute(sql).fetchall()}

    def save_person_table(self, table: PersonTable, rebuilt: bool = False) -> None:
        """Write what `table` added (every person's names, roles and links when `rebuilt`:
        those of the table it was rebuilt from are dropped; persons, and so keys, are kept)."""
        changes = table.changes
        with self._transaction("saving the person table") as conn:
            if rebuilt:
                for name in ("quote_persons", "person_names", "person_roles"):
                    conn.execute(f"DELETE FROM {name}")
            conn.executemany(
                "INSERT INTO persons(key, name, kind, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(key) DO UPDATE SET name = excluded.name, kind = excluded.kind",
                [
                    (k, table.persons[k].name, table.persons[k].kind, _now())
                    for k in table.in_creation_order(changes.persons)
                ],
            )
            conn.executemany(
                "UPDATE persons SET name = ? WHERE key = ?",
                [(table.persons[key].name, key) for key in changes.renamed],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO person_names(person_key, name) VALUES (?, ?)",
                sorted(changes.names),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO person_roles(person_key, role) VALUES (?, ?)",
                sorted(changes.roles),
            )
            conn.executemany(
                "INSERT INTO quote_persons(quote_id, person_key, name)"
                " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM quotes WHERE id = ?)"
                " ON CONFLICT(quote_id) DO UPDATE SET person_key = excluded.person_key,"
                " name = excluded.name",
                [(q, key, name, q) for q, (key, name) in changes.links.items()],
            )
            if rebuilt:
                _index_persons(conn, [person for _, person in self.all_persons()], everyone=True)
            else:
                changed = changes.persons | changes.renamed | {key for key, _ in changes.names}
                _index_persons(conn, [table.persons[key] for key in sorted(changed)])
        table.changes = type(changes)()

    def persons(self) -> list[dict[str, Any]]:
        """Every person: key, canonical name, kind, and how many quotes and articles name it."""
        rows = self._conn.execute(
            "SELECT p.key, p.name, p.kind, count(l.quote_id) AS quotes,"
            " count(DISTINCT q.article) AS articles FROM persons p"
            " LEFT JOIN quote_persons l ON l.person_key = p.key"
            " LEFT JOIN quotes q ON q.id = l.quote_id GROUP BY p.key ORDER BY quotes DESC, p.key"
        )
        return [dict(row) for row in rows]

    def person(self, key: str) -> dict[str, Any] | None:
        """One person: its canonical name, the names its quotes use (with counts), its roles,
        and the quotes and articles that name it."""
        row = self._conn.execute(
            "SELECT key, name, kind FROM persons WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        linked = self._conn.execute(
            "SELECT l.quote_id, l.name, q.article FROM quote_persons l"
            " JOIN quotes q ON q.id = l.quote_id JOIN articles a ON a.id = q.article"
            " WHERE l.person_key = ? ORDER BY a.seq, q.seq",
            (key,),
        ).fetchall()
        counts = Counter(link["name"] for link in linked)
        names = self._conn.execute(
            "SELECT name FROM person_names WHERE person_key = ? ORDER BY name", (key,)
        )
        roles = self._conn.execute(
            "SELECT role FROM person_roles WHERE person_key = ? ORDER BY role", (key,)
        )
        return {
            **dict(row),
            "variants": sorted(
                ({"name": n[0], "quotes": counts[n[0]]} for n in names),
                key=lambda v: (-v["quotes"], v["name"]),
            ),
            "roles": [r[0] for r in roles],
            "quotes": [link["quote_id"] for link in linked],
            "articles": list(dict.fromkeys(link["article"] for link in linked)),
        }

    # -- search and counts -------------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int = 20,
        max_seconds: float = MAX_SEARCH_SECONDS,
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[dict[str, Any]]:
        """FTS5 search over articles and quotes, best first; bad FTS syntax is searched as words.
        Bounded: at most MAX_SEARCH_TERMS terms, `limit` in 1..MAX_SEARCH_LIMIT, and
        `max_seconds` for each of the two searches; beyond any of them, a SearchError.
        Each hit's snippet has the words found between `marks` (opening, closing)."""
        _check_search(query, limit)
        if not query.strip():
            return []
        hits = [
            hit
            for sql in _SEARCH_SQL.values()
            for hit in self._search_one(sql, query, limit, max_seconds, marks)
        ]
        return sorted(hits, key=lambda hit: hit["rank"])[:limit]

    def _search_one(
        self, sql: str, query: str, limit: int, max_seconds: float, marks: tuple[str, str]
    ) -> list[dict[str, Any]]:
        phrases = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
        with time_limit(self._conn, max_seconds, 10_000) as expired:
            for attempt in (query, phrases):
                params = {"query": attempt, "limit": limit, "open": marks[0], "close": marks[1]}
                try:
                    rows = self._conn.execute(sql, params).fetchall()
                except sqlite3.OperationalError as error:
                    if expired():
                        raise SearchError(
                            f"search took longer than {max_seconds:g} s: make it narrower"
                        ) from error
                    continue
                return [dict(row) for row in rows]
        return []

    def story_index(self) -> list[dict[str, Any]]:
        """Every story's id, title, revision, counts, flags and outlets (`store.index`)."""
        return story_index(self._conn)

    def totals(self) -> dict[str, Any]:
        """Counts over the whole store (`store.index.store_totals`)."""
        return store_totals(self._conn)

    def counts(self) -> dict[str, int]:
        return {
            table: int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("articles", "quotes", "stories")
        }


@contextmanager
def time_limit(
    conn: sqlite3.Connection, seconds: float, steps: int
) -> Iterator[Callable[[], bool]]:
    """Interrupt the connection's queries once `seconds` have passed (checked every `steps`
    virtual-machine steps); yields whether the time is up, to tell an interrupt from an
    error."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: time.monotonic() > deadline, steps)
    try:
        yield lambda: time.monotonic() > deadline
    finally:
        conn.set_progress_handler(None, 0)


class StoreTemplates:
    """Template counts kept in the store, so an outlet's template is learned across runs.

    An article's lines are counted when it is stored (`save_article(template_lines=
    templates.observed(id))`, one transaction), not when it is read: a run killed between the
    two must not leave the article's own lines counted when the same command reads it again
    (its cleaning would differ from a clean run's)."""

    def __init__(self, store: Store, min_articles: int) -> None:
        self.store = store
        self.min_articles = min_articles
        self._observed: dict[str, tuple[str, set[str]]] = {}

    def observe(self, scope: str, article_id: str, keys: set[str]) -> None:
        self._observed = {article_id: (scope, keys)}  # only the article being read is pending

    def observed(self, article_id: str) -> tuple[str, set[str]] | None:
        """The scope and line keys seen in `article_id`, to count as it is stored."""
        return self._observed.pop(article_id, None)

    def template_keys(self, scope: str) -> frozenset[str]:
        return self.store.template_lines(scope, self.min_articles)


# -- helpers -----------------------------------------------------------------------------------


def _connect(path: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open database ({exc})") from exc
    conn.row_factory = sqlite3.Row
    return conn


def _connect_read_only(path: str) -> sqlite3.Connection:
    if not path or path == ":memory:" or not Path(path).is_file():
        raise StoreError(f"{path}: no such store file")
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open database ({exc})") from exc
    conn.row_factory = sqlite3.Row
    return conn


def _statements(script: str) -> Iterator[str]:
    """Split an SQL script into complete statements (trigger bodies stay whole)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:80]}")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _index_persons(
    conn: sqlite3.Connection, persons: list[Person], everyone: bool = False
) -> None:
    """Write the index terms of these persons (of `everyone`: the index holds no other)."""
    if everyone:
        conn.execute("DELETE FROM person_index")
    else:
        conn.executemany(
            "DELETE FROM person_index WHERE person_key = ?", [(p.key,) for p in persons]
        )
    conn.executemany(
        "INSERT OR IGNORE INTO person_index(term, person_key) VALUES (?, ?)",
        [
            (term, person.key)
            for person in persons
            for term in sorted(index_terms(person.kind, {person.name} | person.names))
        ],
    )


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    """Values in runs of at most `size` (the parameters one statement may take)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _marks(values: list[str]) -> str:
    return ", ".join("?" * len(values))


def _forget_in_stories(conn: sqlite3.Connection, article_id: str) -> None:
    """Delete story rows mentioning an article (and its quotes); drop stories left empty."""
    conn.execute("DELETE FROM story_articles WHERE article_id = ?", (article_id,))
    conn.execute(
        "DELETE FROM matches WHERE quote_id IN (SELECT id FROM quotes WHERE article = ?)"
        " OR json_extract(data, '$.source_article') = ?",
        (article_id, article_id),
    )
    conn.execute(
        "DELETE FROM discrepancies WHERE EXISTS (SELECT 1 FROM json_each(data, '$.values') v"
        " WHERE json_extract(v.value, '$.article') = ?)",
        (article_id,),
    )
    conn.execute(
        "DELETE FROM wire_links WHERE article = ? OR copy_of = ?", (article_id, article_id)
    )
    conn.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)")


def _forget_template_lines(conn: sqlite3.Connection, article_id: str) -> None:
    conn.execute(
        "UPDATE template_counts SET articles = articles - 1 WHERE (scope, line_key) IN"
        " (SELECT scope, line_key FROM template_seen WHERE article_id = ?)",
        (article_id,),
    )
    conn.execute("DELETE FROM template_seen WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM template_counts WHERE articles <= 0")


def _document_json(document: Document | None) -> str | None:
    if document is None:
        return None
    values = asdict(document)
    values["link_lists"] = sorted(document.link_lists)
    return json.dumps(values, ensure_ascii=False)


def _document_from_json(data: str) -> Document:
    values = json.loads(data)
    values["link_lists"] = frozenset(values.get("link_lists") or ())
    return Document(**values)


def _insert_article(conn: sqlite3.Connection, article: Article, seq: int) -> None:
    values = {
        "id": article.id,
        "seq": seq,
        "source": article.source,
        "title": article.title,
        "standfirst": article.standfirst,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "kind": article.kind,
        "interviewee": article.interviewee,
        "paragraphs": json.dumps(article.paragraphs, ensure_ascii=False),
        "removed": json.dumps([r.to_dict() for r in article.removed], ensure_ascii=False),
        "notes": json.dumps(article.notes, ensure_ascii=False),
        "body": article.body,
    }
    _insert(conn, "articles", values)


def _insert_quotes(conn: sqlite3.Connection, quotes: list[Quote]) -> None:
    """An article's quotes, in order (one statement for them all)."""
    conn.executemany(
        _INSERT_QUOTE_SQL,
        [
            (*(getattr(quote, name) for name in _QUOTE_FIELDS), seq)
            for seq, quote in enumerate(quotes)
        ],
    )


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    columns = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join(f":{name}" for name in values)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)


def _insert_story(conn: sqlite3.Connection, story: Story, seq: int, revision: int) -> None:
    conn.execute(
        "INSERT INTO stories(id, title, seq, revision) VALUES (?, ?, ?, ?)",
        (story.id, story.title, seq, revision),
    )
    conn.executemany(
        "INSERT INTO story_articles(story_id, article_id, seq) VALUES (?, ?, ?)",
        [(story.id, article_id, i) for i, article_id in enumerate(story.articles)],
    )
    conn.executemany(
        "INSERT INTO statements(story_id, seq, data) VALUES (?, ?, ?)",
        [(story.id, i, _json(s.to_dict())) for i, s in enumerate(story.statements)],
    )
    conn.executemany(
        "INSERT INTO matches(story_id, quote_id, seq, data) VALUES (?, ?, ?, ?)",
        [(story.id, m.quote, i, _json(m.to_dict())) for i, m in enumerate(story.matches)],
    )
    conn.executemany(
        "INSERT INTO discrepancies(story_id, seq, data) VALUES (?, ?, ?)",
        [(story.id, i, _json(d.to_dict())) for i, d in enumerate(story.discrepancies)],
    )
    conn.executemany(
        "INSERT INTO wire_links(story_id, article, copy_of, containment) VALUES (?, ?, ?, ?)",
        [(story.id, w.article, w.copy_of, w.containment) for w in story.wire],
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        source=row["source"],
        title=row["title"],
        paragraphs=json.loads(row["paragraphs"]),
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        standfirst=row["standfirst"],
        removed=[Removed(**r) for r in json.loads(row["removed"])],
        kind=row["kind"],
        interviewee=row["interviewee"],
        notes=json.loads(row["notes"]),
    )


def _quote_from_row(row: sqlite3.Row, named: bool = False) -> Quote:
    quote = Quote(**{name: row[name] for name in _QUOTE_FIELDS})
    if named and quote.speaker and row["person_key"] is not None:
        quote.speaker, quote.speaker_key = row["person_name"], row["person_key"]
    return quote


def _match_from_json(data: str) -> QuoteMatch:
    value = json.loads(data)
    return QuoteMatch(
        quote=value["quote"],
        label=value["label"],
        labels=list(value["labels"]),
        statement=value.get("statement"),
        coverage=value.get("coverage", 0.0),
        source_article=value.get("source_article"),
        source_spans=[SourceSpan(**s) for s in value.get("source_spans") or []],
        similarity=value.get("similarity", 0.0),
        edits=[Edit(**e) for e in value.get("edits") or []],
    )


def _discrepancy_from_json(data: str) -> Discrepancy:
    value = json.loads(data)
    return Discrepancy(
        kind=value["kind"],
        about=value.get("about", value.get("statement", "")),
        values=[DiscrepancyValue(**v) for v in value["values"]],
    )


def _save_counts(conn: sqlite3.Connection, counts: bytes, change: bool) -> None:
    """The grouper's term counts: all of them (the changes stored before dropped), or a
    change to them, numbered after the last."""
    if not change:
        conn.execute("DELETE FROM story_state WHERE key LIKE 'counts+%'")
        conn.execute(
            "INSERT OR REPLACE INTO story_state(key, value) VALUES ('counts', ?)", (counts,)
        )
        return
    key = f"counts+{_count_changes_kept(conn):08d}"
    conn.execute("INSERT INTO story_state(key, value) VALUES (?, ?)", (key, counts))


def _count_changes_kept(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT count(*) FROM story_state WHERE key LIKE 'counts+%'").fetchone()
    return int(row[0])
