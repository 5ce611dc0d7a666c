"""A run holds a part of its work at a time, not all of it: the story step reads its articles
a part at a time, and the report of a store writes analysis.json and the pages a part of the
stories at a time. Output is the same whatever the size of the parts."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, shared_data
from web_stores import synthetic_store

from newsprism import pipeline
from newsprism.ingest import read_path
from newsprism.pipeline import RunStats, run_analyze
from newsprism.report import stored
from newsprism.report.analysis import StreamedAnalysis, analysis_text
from newsprism.report.stored import stored_analysis, write_store_report
from newsprism.store import Store


def _files(folder: Path) -> dict[str, bytes]:
    """The report folder's files (its manifest holds times and the store's id: left out)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


# A full-text index's own tables hold its segments, laid out by when the inputs were
# committed (every BATCH_SECONDS as well as every BATCH_INPUTS): the same words, another layout.
_FTS_SHADOW = re.compile(r"_fts_(data|idx|docsize|config|content)$")


def _rows(db: Path) -> list[str]:
    """Every row of the store, sorted (times, the store's id and the layout of its full-text
    indexes left out; what they index is kept)."""
    with Store(db) as store:
        tables = [
            row[0]
            for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_") and not _FTS_SHADOW.search(row[0])
        ]
        rows = []
        for table in tables:
            for row in store.conn.execute(f"SELECT * FROM {table}"):
                rows.append(f"{table}:{[v for v in row if not _is_time(v)]}")
    return sorted(r for r in rows if "store_id" not in r)


def _is_time(value: object) -> bool:
    return isinstance(value, str) and len(value) == 25 and value[10] == "T" and "+00:00" in value


def test_streamed_analysis_is_analysis_text(tmp_path: Path) -> None:
    """analysis.json written a story at a time (parts added out of order, the articles put in
    order at the end) is byte for byte the text `analysis_text` makes of the whole dict."""
    db = synthetic_store(tmp_path / "s.db", 7)
    with Store(db) as store:
        ids = [row["id"] for row in store.story_index()]
        whole = stored_analysis(store, ids)
        parts = [stored_analysis(store, [i]) for i in reversed(ids)]
    whole["articles"][2]["title"] = "Zoë \ud800 «quoted» \u2028 line"  # a lone surrogate too
    parts[-3]["articles"][0]["title"] = whole["articles"][2]["title"]
    index = [{"id": i, "changed": True} for i in ids]
    expected = analysis_text({**whole, "stories": whole["stories"][::-1], "index": index})[0]
    path = tmp_path / "analysis.json"
    with StreamedAnalysis.spooled_in(tmp_path) as streamed:
        for part in parts:
            streamed.add(part)
        streamed.write(path, whole["version"], [a["id"] for a in whole["articles"]], index)
    assert path.read_bytes() == expected.encode("utf-8", errors="backslashreplace")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["analysis.json", "s.db"]  # no spools


def test_streamed_analysis_of_nothing(tmp_path: Path) -> None:
    path = tmp_path / "analysis.json"
    with StreamedAnalysis.spooled_in(tmp_path) as streamed:
        streamed.write(path, "1.0", [], [])
    empty = {"version": "1.0", "articles": [], "quotes": [], "stories": [], "index": []}
    assert path.read_text(encoding="utf-8") == analysis_text(empty)[0]
    assert json.loads(path.read_text(encoding="utf-8")) == empty


def _run(tmp_path: Path, name: str, inputs: list[Path]) -> tuple[Path, Path]:
    """`analyze` of `inputs`, one after another, into a store and its report folder."""
    db, out = tmp_path / f"{name}.db", tmp_path / f"{name}-report"
    with Store(db) as store:
        for path in inputs:
            stats = RunStats()
            analysis = run_analyze(store, read_path(path), lambda e: None, stats)
            write_store_report(out, store, analysis.articles, analysis.quotes, analysis.stories)
    return db, out


def _inputs(tmp_path: Path, lines: list[str]) -> list[Path]:
    """The seeds, then the lines in two runs (the second adds to the first's stories)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    second.write_text("".join(lines[len(lines) // 2 :]), encoding="utf-8")
    return [seeds, first, second]


def test_parts_of_one_give_what_one_part_gives(tmp_path: Path, monkeypatch) -> None:
    """The story step reading one article at a time and the report writing one story at a
    time give the same store and the same report folder as parts larger than the corpus,
    over a first run and two that add to it."""
    text = shared_data("stories", "multinews_sample", "articles.jsonl").read_text("utf-8")
    inputs = _inputs(tmp_path, text.splitlines(keepends=True)[:60])
    monkeypatch.setattr(pipeline, "ARTICLES_A_READ", 10_000)
    monkeypatch.setattr(stored, "STORIES_A_PART", 10_000)
    whole_db, whole_out = _run(tmp_path, "whole", inputs)
    monkeypatch.setattr(pipeline, "ARTICLES_A_READ", 1)
    monkeypatch.setattr(stored, "STORIES_A_PART", 1)
    parts_db, parts_out = _run(tmp_path, "parts", inputs)
    assert _files(parts_out) == _files(whole_out)
    assert _rows(parts_db) == _rows(whole_db)
    data = json.loads((parts_out / "analysis.json").read_text(encoding="utf-8"))
    assert len(data["index"]) > 5 and data["stories"]


@pytest.mark.parametrize("keep_data", [False, True])
def test_a_new_folder_on_a_stored_corpus(tmp_path: Path, monkeypatch, keep_data: bool) -> None:
    """A report written into a new folder reads every story from the store, a part at a time:
    the same analysis.json as the run's own folder; `keep_data` returns that analysis too."""
    monkeypatch.setattr(stored, "STORIES_A_PART", 2)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    db, out = _run(tmp_path, "run", [seeds])
    with Store(db) as store:
        report = write_store_report(tmp_path / "new", store, [], [], [], keep_data=keep_data)
    text = (tmp_path / "new" / "analysis.json").read_text(encoding="utf-8")
    assert text == (out / "analysis.json").read_text(encoding="utf-8")
    assert report.data == (json.loads(text) if keep_data else None)


def test_story_step_writes_each_part_as_it_goes(tmp_path: Path, monkeypatch) -> None:
    """The story step writes a part's stories (their statements, matches, discrepancies) once
    that part is compared, not every story at the end: while a later part is compared the
    earlier ones are in the store (its one transaction), and the stories it hands back hold
    no comparison (the report reads them from the store)."""
    text = shared_data("stories", "multinews_sample", "articles.jsonl").read_text("utf-8")
    inputs = tmp_path / "some.jsonl"
    inputs.write_text("".join(text.splitlines(keepends=True)[:40]), encoding="utf-8")
    monkeypatch.setattr(pipeline, "ARTICLES_A_READ", 5)
    stored_when_compared: list[int] = []
    analyse = pipeline.analyse_stories

    with Store(tmp_path / "s.db") as store:

        def counting(*args, **kwargs):
            count = store.conn.execute("SELECT count(*) FROM stories").fetchone()[0]
            stored_when_compared.append(count)
            return analyse(*args, **kwargs)

        monkeypatch.setattr(pipeline, "analyse_stories", counting)
        analysis = run_analyze(store, read_path(inputs), lambda e: None, RunStats())
        stored = store.stories()
    assert len(stored_when_compared) > 2
    assert stored_when_compared == sorted(stored_when_compared) and stored_when_compared[-1] > 0
    assert [s.id for s in analysis.stories] == [s.id for s in stored]
    assert not any(s.statements or s.matches for s in analysis.stories)
    assert any(s.statements for s in stored) and any(s.matches for s in stored)
