"""Inputs are stored several to a transaction; a batch SQLite undoes is stored again, input by
input, so only the input that cannot be stored fails. And the collector the command sets."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from newsprism import pipeline
from newsprism.cli import main
from newsprism.collector import YOUNG_OBJECTS, set_for_long_runs
from newsprism.executors.ordered import run_chunk
from newsprism.ingest import InputError, read_path
from newsprism.model import Document
from newsprism.pipeline import RunStats, store_inputs
from newsprism.store import Store, StoreError

SETS = FIXTURES / "story_sets_sample.jsonl"


def stored_sources(db: Path, undone_at: str | None = None) -> tuple[set[str], list[str], int]:
    """Store SETS; saving `undone_at` rolls back the whole open transaction and fails, as
    SQLite does on a full disk. (sources stored, errors, inputs counted as added)"""
    errors: list[InputError] = []
    stats = RunStats()
    with Store(db) as store:
        save = store.save_article

        def save_or_undo(source: str, *args: Any, **kwargs: Any) -> None:
            if source == undone_at:
                store.conn.execute("ROLLBACK")
                raise StoreError(f"{source}: database or disk is full")
            save(source, *args, **kwargs)

        store.save_article = save_or_undo  # type: ignore[method-assign]
        store_inputs(store, read_path(SETS), errors.append, stats, 5)
        sources = {row[0] for row in store.conn.execute("SELECT source FROM inputs")}
    return sources, [str(e) for e in errors], stats.added


def test_a_batch_undone_midway_is_stored_again_but_the_failing_input(tmp_path: Path) -> None:
    documents = [d for d in read_path(SETS) if isinstance(d, Document)]
    plain, plain_errors, plain_added = stored_sources(tmp_path / "plain.db")
    assert len(plain) == plain_added > 20  # one batch holds them all (BATCH_INPUTS)
    victim = documents[5].source
    assert victim in plain
    stored, errors, added = stored_sources(tmp_path / "undone.db", victim)
    assert stored == plain - {victim}  # the five stored before it in the batch are kept
    assert added == plain_added - 1
    failed = f"{victim}: not stored: {victim}: database or disk is full"
    assert [e for e in errors if victim in e] == [failed]
    assert [e for e in errors if victim not in e] == plain_errors


def test_a_batch_is_committed_once_it_is_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write lock is not held past BATCH_SECONDS between inputs: another run waits little."""
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 0.0)
    commits: list[int] = []
    commit = Store.commit
    monkeypatch.setattr(Store, "commit", lambda self, what: commits.append(1) or commit(self, what))
    _, _, added = stored_sources(tmp_path / "n.db")
    assert len(commits) == added


@pytest.fixture()
def threshold() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_the_command_collects_young_objects_less_often(threshold: None, tmp_path: Path) -> None:
    gc.set_threshold(700, 10, 10)  # Python's own
    seed = tmp_path / "match.txt"
    seed.write_text('Klopp on the win\n"We fought for everything," Jurgen Klopp said.\n')
    result = CliRunner().invoke(main, ["quotes", str(seed)], catch_exceptions=False)
    assert result.exit_code == 0
    assert gc.get_threshold() == (YOUNG_OBJECTS, 10, 10)


def test_a_worker_that_runs_a_chunk_collects_as_the_command_does(threshold: None) -> None:
    """A Dask worker (or a fork server's) did not start from the command's process."""
    gc.set_threshold(700, 10, 10)
    assert run_chunk(len, ["ab", "abc"]) == [2, 3]
    assert gc.get_threshold() == (YOUNG_OBJECTS, 10, 10)


def test_a_higher_threshold_or_a_collector_turned_off_is_kept(threshold: None) -> None:
    for setting in ((50_000, 5, 5), (0, 10, 10)):
        gc.set_threshold(*setting)
        set_for_long_runs()
        assert gc.get_threshold() == setting
