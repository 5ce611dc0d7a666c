"""Executors: a local process pool gives the same analysis as a plain run, results in order."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import FIXTURES

import newsprism.executors.dask
from newsprism.cli import main
from newsprism.executors import InProcessExecutor, LocalPoolExecutor, WorkerLost, executor_for
from newsprism.ingest import InputError, read_path
from newsprism.model import Document
from newsprism.pipeline import RunStats, processing_code, store_inputs
from newsprism.store import Store

SETS = FIXTURES / "story_sets_sample.jsonl"


def analyze(folder: Path, *options: str) -> tuple[Result, dict]:
    out = folder / "report"
    args = ["analyze", str(SETS), "--db", str(folder / "n.db"), "--out", str(out), *options]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result, json.loads((out / "analysis.json").read_text(encoding="utf-8"))


def test_a_pool_of_two_writes_the_analysis_of_a_plain_run(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()  # a name of the same length: the summary wraps the same
    plain, plain_data = analyze(tmp_path / "one")
    pooled, pooled_data = analyze(tmp_path / "two", "--workers", "2")
    assert pooled_data == plain_data
    assert len(plain_data["articles"]) > 60 and plain_data["stories"]
    assert pooled.exit_code == plain.exit_code
    where = str(tmp_path / "two"), str(tmp_path / "one")
    assert pooled.output.replace(*where) == plain.output  # the summary, the failures named
    # The story pages, made in the pool's workers, are the plain run's byte for byte.
    assert pages(tmp_path / "two" / "report") == pages(tmp_path / "one" / "report")
    assert len(pages(tmp_path / "one" / "report")) > len(plain_data["stories"])


def pages(report: Path) -> dict[str, bytes]:
    found = report.rglob("*.html")
    return {path.relative_to(report).as_posix(): path.read_bytes() for path in found}


NO_ARTICLE = (  # a social-media widget's text, all junk (one of the sets' inputs)
    "Tweet with a location \n \n You can add location information to your Tweets, such as your "
    "city or precise location, from the web and via third-party applications. You always have "
    "the option to delete your Tweet location history. Learn more"
)


def with_outlet_furniture(folder: Path) -> Path:
    """The shared sets with half the articles given to one outlet, most carrying its header
    (a number in it that changes) and footer lines, which that outlet's template learns, one
    in four of them not (its cleaning does not change when the template does), and a few
    late ones no article at all."""
    lines = []
    for number, line in enumerate(SETS.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        if number % 2:
            record["source"] = "Morning Ledger"
        if number % 2 and number % 8 != 1:
            header = f"Morning Ledger · City Edition · Vol. {number}"
            record["text"] = f"{header}\n{record['text']}\nThanks for reading the Morning Ledger."
        if number % 16 == 15 and number > 40:  # a page of the outlet's with no article in it
            record["text"] = NO_ARTICLE
        lines.append(json.dumps(record))
    path = folder / "sets.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_template_lines_learned_mid_run_are_those_of_a_one_by_one_run(tmp_path: Path) -> None:
    """An outlet's template is learned while the pool is ahead of the store: the results
    cleaned with the lines as they were are processed again in order, and the stored articles
    are those of a one-by-one run."""
    corpus = with_outlet_furniture(tmp_path)
    hashes = {d.source: d.content_hash for d in read_path(corpus) if isinstance(d, Document)}
    code = processing_code()
    runs = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        stats = RunStats()
        errors: list[InputError] = []
        with Store(db) as store, executor_for(workers) as executor:
            store_inputs(store, read_path(corpus), errors.append, stats, 5, executor)
            articles = [(a.id, a.paragraphs, a.removed) for a in store.articles()]
            quotes = [(q.id, q.text, q.start, q.speaker) for q in store.quotes()]
            features = store.grouping_features([a[0] for a in articles])
            failed = [(e.source, store.failure(e.source, hashes[e.source], code)) for e in errors]
        runs.append((articles, quotes, errors, stats, features, failed))
    (plain_articles, plain_quotes, plain_errors, plain_stats, plain_features, failed) = runs[0]
    pooled = runs[1]
    assert any(r.reason == "outlet-template" for a in plain_articles for r in a[2])
    assert pooled[0] == plain_articles and pooled[1] == plain_quotes
    assert [str(e) for e in pooled[2]] == [str(e) for e in plain_errors]
    assert plain_stats.reprocessed == 0  # in process, each task is sent after the last store
    assert pooled[3].reprocessed > 0  # the pool ran ahead: the check was needed, and made
    assert pooled[3].added == plain_stats.added
    # What grouping reads of each article is stored as a plain run stores it, those processed
    # again too (their quotes and features kept from the pool's work where the article is
    # the same).
    assert pooled[4] == plain_features and len(plain_features) == plain_stats.added
    # An input that gives no article is remembered as failed (not processed again next run),
    # also when the pool's result was processed again.
    assert pooled[5] == failed and any(reason for _, reason in failed)


def _square(n: int) -> int:
    return n * n


def test_the_pool_yields_in_order_and_reads_only_a_window_ahead() -> None:
    pulled: list[int] = []

    def numbers():
        for n in range(1000):
            pulled.append(n)
            yield n

    with LocalPoolExecutor(2, chunk_size=5) as pool:
        results = pool.map(_square, numbers())
        assert next(results) == 0
        assert len(pulled) <= 2 * 2 * 5 + 5  # chunks in flight, not the whole input
        assert list(results) == [n * n for n in range(1, 1000)]
    assert list(InProcessExecutor().map(_square, range(5))) == [0, 1, 4, 9, 16]


def _dies_at_seven(n: int) -> int:
    if n == 7:
        os._exit(1)  # as a worker killed by the system would end
    return n


def test_a_pool_process_that_dies_ends_the_map_with_a_named_error() -> None:
    with LocalPoolExecutor(2, chunk_size=2) as pool, pytest.raises(WorkerLost, match="died"):
        list(pool.map(_dies_at_seven, range(20)))


def test_a_dask_cluster_writes_the_analysis_of_a_plain_run(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    plain, plain_data = analyze(tmp_path / "one")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_dask, dask_data = analyze(tmp_path / "two", "--scheduler", cluster.scheduler_address)
    assert dask_data == plain_data
    assert on_dask.exit_code == plain.exit_code


def test_a_scheduler_out_of_reach_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(newsprism.executors.dask, "CONNECT_SECONDS", 1)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]  # closed again: nothing listens there
    args = ["analyze", str(SETS), "--db", str(tmp_path / "n.db"), "--out", str(tmp_path / "r")]
    result = CliRunner().invoke(main, [*args, "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == 2
    assert f"--scheduler tcp://127.0.0.1:{port}: cannot reach it" in result.output
    assert not (tmp_path / "r" / "analysis.json").exists()
