"""Where the per-document work runs, kept apart from what the work is (after datatrove's
executors): in this process, a local process pool, or a Dask distributed cluster. Each
executor maps a step over a stream of items and yields the results in the order of the
items, lazily, so a run over a large input never holds more than a bounded window of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsprism.executors.base import Executor, InProcessExecutor, SchedulerError, WorkerLost

if TYPE_CHECKING:
    from newsprism.executors.dask import DaskExecutor
    from newsprism.executors.pool import LocalPoolExecutor


def executor_for(workers: int = 1, scheduler: str | None = None) -> Executor:
    """The executor for `--scheduler ADDRESS` (a Dask cluster), else for `--workers N`: this
    process for 1, a local pool of N processes else."""
    if scheduler:
        return __getattr__("DaskExecutor")(scheduler)
    if workers <= 1:
        return InProcessExecutor()
    return __getattr__("LocalPoolExecutor")(workers)


def __getattr__(name: str) -> Any:
    """The pool and Dask executors, imported when first asked for: a run in this process
    (most runs) does not start up multiprocessing's machinery."""
    if name == "LocalPoolExecutor":
        from newsprism.executors.pool import LocalPoolExecutor

        return LocalPoolExecutor
    if name == "DaskExecutor":
        from newsprism.executors.dask import DaskExecutor

        return DaskExecutor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DaskExecutor",
    "Executor",
    "InProcessExecutor",
    "LocalPoolExecutor",
    "SchedulerError",
    "WorkerLost",
    "executor_for",
]
