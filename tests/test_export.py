"""`newsprism export`: the store's tables as JSON lines, CSV and Parquet, row for row."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from web_stores import downgrade_to_5, seed_store

from newsprism.cli import main
from newsprism.store import SCHEMA_VERSION, Store

TABLES = ("articles", "quotes", "statements", "matches", "discrepancies")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_store(tmp_path_factory.mktemp("export"))


def export(db: Path, out: Path, table_format: str) -> str:
    result = CliRunner().invoke(
        main, ["export", "--db", str(db), "--format", table_format, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return result.output


def expected_counts(db: Path) -> dict[str, int]:
    with Store(db) as store:
        stories = store.stories()
        return {
            "articles": len(store.articles()),
            "quotes": len(store.quotes()),
            "statements": sum(len(s.statements) for s in stories),
            "matches": sum(len(s.matches) for s in stories),
            "discrepancies": sum(len(s.discrepancies) for s in stories),
        }


def test_jsonl_tables_hold_every_row_with_offsets_into_the_body(db: Path, tmp_path: Path) -> None:
    output = export(db, tmp_path, "jsonl")
    counts = expected_counts(db)
    tables = {
        name: [json.loads(line) for line in (tmp_path / f"{name}.jsonl").open(encoding="utf-8")]
        for name in TABLES
    }
    assert {name: len(rows) for name, rows in tables.items()} == counts
    assert counts["quotes"] > 10 and counts["matches"] > 10
    assert f"{counts['quotes']:>9,} rows" in output
    bodies = {a["id"]: "\n".join(a["paragraphs"]) for a in tables["articles"]}
    for quote in tables["quotes"]:
        assert bodies[quote["article"]][quote["start"] : quote["end"]] == quote["text"]
    assert {q["speaker_key"] for q in tables["quotes"] if q["speaker"] == "Jürgen Klopp"} == {
        "jurgen-klopp"
    }
    altered = [m for m in tables["matches"] if m["label"] == "altered"]
    assert len(altered) == 2 and all(m["edits"] for m in altered)
    for match in tables["matches"]:
        for span in match["source_spans"]:
            assert bodies[match["source_article"]][span["start"] : span["end"]] == span["text"]
    assert all(a["story_id"] for a in tables["articles"])


def test_csv_matches_jsonl(db: Path, tmp_path: Path) -> None:
    export(db, tmp_path / "j", "jsonl")
    export(db, tmp_path / "c", "csv")
    for name in TABLES:
        with (tmp_path / "c" / f"{name}.csv").open(encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file))
        lines = (tmp_path / "j" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(rows) == len(lines), name
        for row, line in zip(rows, lines, strict=True):
            record = json.loads(line)
            assert list(row) == list(record), name
            assert row == {column: _as_csv(value) for column, value in record.items()}, name
    quotes = list(csv.DictReader((tmp_path / "c" / "quotes.csv").open(encoding="utf-8")))
    assert all(int(q["end"]) > int(q["start"]) for q in quotes)


def _as_csv(value: object) -> str:
    """A JSON lines value as the CSV writes it: nested values as JSON text, None empty."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def test_parquet_matches_jsonl(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="parquet export needs the parquet extra")
    export(db, tmp_path / "j", "jsonl")
    export(db, tmp_path / "p", "parquet")
    for name in TABLES:
        table = pq.read_table(tmp_path / "p" / f"{name}.parquet")
        lines = (tmp_path / "j" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert table.num_rows == len(lines), name
    quotes = pq.read_table(tmp_path / "p" / "quotes.parquet").to_pylist()
    first = json.loads((tmp_path / "j" / "quotes.jsonl").read_text(encoding="utf-8").split("\n")[0])
    assert quotes[0] == first
    matches = pq.read_table(tmp_path / "p" / "matches.parquet").to_pylist()
    assert all(isinstance(json.loads(m["edits"]), list) for m in matches)


def test_parquet_without_pyarrow_names_the_extra(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = CliRunner().invoke(
        main, ["export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "newsprism[parquet]" in result.output
    assert not list(tmp_path.glob("*.parquet"))


def test_export_of_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "--db", str(tmp_path / "none.db"), "--format", "csv", "--out", "x"]
    )
    assert result.exit_code == 2 and "no such store" in result.output
    assert not (tmp_path / "none.db").exists()


def test_serve_without_the_web_extra_names_it(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)
    monkeypatch.delitem(sys.modules, "newsprism.web.app", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "0"])
    assert result.exit_code == 2
    assert "newsprism[web]" in result.output


def test_serve_binds_loopback_unless_told(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.web

    calls: list[tuple[str, str, int]] = []
    monkeypatch.setattr(newsprism.web, "serve", lambda *args: calls.append(args))
    assert CliRunner().invoke(main, ["serve", "--db", str(db)]).exit_code == 0
    assert CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0"]).exit_code == 0
    assert calls == [(str(db), "127.0.0.1", 8765), (str(db), "0.0.0.0", 8765)]
    missing = CliRunner().invoke(main, ["serve", "--db", str(db.parent / "none.db")])
    assert missing.exit_code == 2 and "no such store" in missing.output


def test_serve_opens_a_current_store_read_only_and_upgrades_an_old_one(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsprism.cli
    import newsprism.web

    opened: list[bool] = []

    class Recording(Store):
        def __init__(self, path: str | Path, read_only: bool = False) -> None:
            opened.append(read_only)
            super().__init__(path, read_only)

    monkeypatch.setattr(newsprism.cli, "Store", Recording)
    monkeypatch.setattr(newsprism.web, "serve", lambda *args: None)
    assert CliRunner().invoke(main, ["serve", "--db", str(db)]).exit_code == 0
    assert opened == [True]  # a read-only file serves: no write open
    old = tmp_path / "old.db"
    old.write_bytes(db.read_bytes())
    downgrade_to_5(old)
    opened.clear()
    assert CliRunner().invoke(main, ["serve", "--db", str(old)]).exit_code == 0
    assert opened == [True, False]
    with Store(old, read_only=True) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_python_dash_m_is_the_command() -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "newsprism", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "Usage: newsprism" in result.stdout
    assert "serve" in result.stdout and "export" in result.stdout
