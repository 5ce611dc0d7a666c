"""Where the per-document work runs, kept apart from what the work is (after datatrove's
executors): in this process, or in a local process pool. Each executor maps a step over a
stream of items and yields the results in the order of the items, lazily, so a run over a
large input never holds more than a bounded window of it in memory."""

from __future__ import annotations

from newsprism.executors.base import Executor, InProcessExecutor
from newsprism.executors.pool import LocalPoolExecutor


def executor_for(workers: int) -> Executor:
    """The executor for `--workers N`: this process for 1, a local pool of N processes else."""
    if workers <= 1:
        return InProcessExecutor()
    return LocalPoolExecutor(workers)


__all__ = ["Executor", "InProcessExecutor", "LocalPoolExecutor", "executor_for"]
