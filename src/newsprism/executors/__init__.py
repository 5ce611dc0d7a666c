"""Where the per-document work runs, kept apart from what the work is (after datatrove's
executors): in this process, a local process pool, or a Dask distributed cluster. Each
executor maps a step over a stream of items and yields the results in the order of the
items, lazily, so a run over a large input never holds more than a bounded window of it."""

from __future__ import annotations

from newsprism.executors.base import Executor, InProcessExecutor
from newsprism.executors.dask import DaskExecutor, SchedulerError
from newsprism.executors.pool import LocalPoolExecutor, WorkerLost


def executor_for(workers: int = 1, scheduler: str | None = None) -> Executor:
    """The executor for `--scheduler ADDRESS` (a Dask cluster), else for `--workers N`: this
    process for 1, a local pool of N processes else."""
    if scheduler:
        return DaskExecutor(scheduler)
    if workers <= 1:
        return InProcessExecutor()
    return LocalPoolExecutor(workers)


__all__ = [
    "DaskExecutor",
    "Executor",
    "InProcessExecutor",
    "LocalPoolExecutor",
    "SchedulerError",
    "WorkerLost",
    "executor_for",
]
