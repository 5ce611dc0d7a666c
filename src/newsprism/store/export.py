"""`newsprism export`: the store's articles, quotes, statements, matches and discrepancies as
flat tables (JSON lines, CSV, or Parquet with the `parquet` extra), streamed a batch at a time:
the store is never held in memory whole.

Nested values (an article's paragraphs, a match's edits) are JSON text in CSV and Parquet and
plain JSON in JSON lines; offsets index the article body (the paragraphs joined by "\\n").
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.store.sqlite import Store

BATCH = 1_000
Row = dict[str, Any]


class MissingParquet(RuntimeError):
    """Parquet was asked for without pyarrow installed."""


MISSING_PARQUET = (
    "--format parquet needs pyarrow: pip install 'newsprism[parquet]' "
    "(in a checkout: pip install -e '.[parquet]')"
)


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    sql: str
    # Columns holding JSON text in the store, decoded for JSON lines.
    nested: tuple[str, ...] = ()
    # For a table read from a story's JSON rows: the row to columns.
    unpack: Callable[[str, int, Row], Row] | None = None


def _match_row(story_id: str, seq: int, data: Row) -> Row:
    return {
        "story_id": story_id,
        "quote_id": data.get("quote"),
        "statement_id": data.get("statement"),
        "label": data.get("label"),
        "labels": data.get("labels") or [],
        "coverage": data.get("coverage"),
        "similarity": data.get("similarity"),
        "source_article": data.get("source_article"),
        "source_spans": data.get("source_spans") or [],
        "edits": data.get("edits") or [],
    }


def _statement_row(story_id: str, seq: int, data: Row) -> Row:
    return {
        "story_id": story_id,
        "statement_id": data.get("id"),
        "seq": seq,
        "speaker": data.get("speaker"),
        "source_quote": data.get("source_quote"),
        "text": data.get("text"),
        "quotes": data.get("quotes") or [],
        "outlets": data.get("outlets") or [],
        "flags": data.get("flags") or [],
    }


def _discrepancy_row(story_id: str, seq: int, data: Row) -> Row:
    return {
        "story_id": story_id,
        "seq": seq,
        "kind": data.get("kind"),
        "about": data.get("about", data.get("statement")),
        "values": data.get("values") or [],
    }


TABLES: tuple[Table, ...] = (
    Table(
        "articles",
        (
            "id", "source", "outlet", "url", "published", "title", "standfirst", "kind",
            "story_id", "paragraphs", "removed", "notes",
        ),
        "SELECT a.id, a.source, a.outlet, a.url, a.published, a.title, a.standfirst, a.kind,"
        " (SELECT sa.story_id FROM story_articles sa WHERE sa.article_id = a.id LIMIT 1)"
        " AS story_id, a.paragraphs, a.removed, a.notes FROM articles a ORDER BY a.seq, a.pk",
        nested=("paragraphs", "removed", "notes"),
    ),
    Table(
        "quotes",
        (
            "id", "article", "text", "start", "end", "speaker", "speaker_key",
            "speaker_mention", "speaker_start", "speaker_end", "cue", "kind", "continues",
        ),
        'SELECT q.id, q.article, q.text, q."start", q."end", q.speaker, l.person_key AS'
        " speaker_key, q.speaker_mention, q.speaker_start, q.speaker_end, q.cue, q.kind,"
        " q.continues FROM quotes q JOIN articles a ON a.id = q.article"
        " LEFT JOIN quote_persons l ON l.quote_id = q.id ORDER BY a.seq, a.pk, q.seq",
    ),
    Table(
        "statements",
        ("story_id", "statement_id", "seq", "speaker", "source_quote", "text", "quotes",
         "outlets", "flags"),
        "SELECT t.story_id, t.seq, t.data FROM statements t JOIN stories s ON s.id = t.story_id"
        " ORDER BY s.seq, t.seq",
        nested=("quotes", "outlets", "flags"),
        unpack=_statement_row,
    ),
    Table(
        "matches",
        ("story_id", "quote_id", "statement_id", "label", "labels", "coverage", "similarity",
         "source_article", "source_spans", "edits"),
        "SELECT m.story_id, m.seq, m.data FROM matches m JOIN stories s ON s.id = m.story_id"
        " ORDER BY s.seq, m.seq",
        nested=("labels", "source_spans", "edits"),
        unpack=_match_row,
    ),
    Table(
        "discrepancies",
        ("story_id", "seq", "kind", "about", "values"),
        "SELECT d.story_id, d.seq, d.data FROM discrepancies d"
        " JOIN stories s ON s.id = d.story_id ORDER BY s.seq, d.seq",
        nested=("values",),
        unpack=_discrepancy_row,
    ),
)  # fmt: skip


def rows(store: Store, table: Table) -> Iterator[Row]:
    """The table's rows, nested values as Python lists and dicts, read a batch at a time."""
    cursor = store.conn.execute(table.sql)
    while batch := cursor.fetchmany(BATCH):
        for record in batch:
            if table.unpack is not None:
                yield table.unpack(record["story_id"], record["seq"], json.loads(record["data"]))
                continue
            row = dict(record)
            for name in table.nested:
                row[name] = json.loads(row[name]) if row[name] is not None else None
            yield row


def export_tables(store: Store, folder: Path, table_format: str) -> list[tuple[Path, int]]:
    """Write each table into `folder` as TABLE.jsonl / .csv / .parquet; (path, rows) each."""
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[table_format]
    if table_format == "parquet":
        _pyarrow()  # fail before any file is written
    written = []
    for table in TABLES:
        path = folder / f"{table.name}.{table_format}"
        temporary = path.with_name(f".{path.name}.part")
        try:
            count = writer(table, rows(store, table), temporary)
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        written.append((path, count))
    return written


def _flat(table: Table, row: Row) -> Row:
    """Nested values as JSON text (for CSV and Parquet)."""
    return {
        name: json.dumps(row[name], ensure_ascii=False) if name in table.nested else row[name]
        for name in table.columns
    }


def _write_jsonl(table: Table, items: Iterator[Row], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", errors="backslashreplace") as file:
        for row in items:
            ordered = {name: row[name] for name in table.columns}
            file.write(json.dumps(ordered, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(table: Table, items: Iterator[Row], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", errors="backslashreplace", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=table.columns)
        writer.writeheader()
        for row in items:
            writer.writerow(_flat(table, row))
            count += 1
    return count


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise MissingParquet(MISSING_PARQUET) from error
    return pyarrow


def _write_parquet(table: Table, items: Iterator[Row], path: Path) -> int:
    pa = _pyarrow()
    import pyarrow.parquet as pq

    numbers = {"start", "end", "speaker_start", "speaker_end", "seq"}
    floats = {"coverage", "similarity"}
    schema = pa.schema(
        [
            (
                name,
                pa.int64() if name in numbers else pa.float64() if name in floats else pa.string(),
            )
            for name in table.columns
        ]
    )
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[Row] = []
        for row in items:
            batch.append(_flat(table, row))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
