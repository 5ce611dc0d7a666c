"""A local process pool: items go out in chunks, a bounded number of chunks in flight, and
the results come back in the items' order."""

from __future__ import annotations

import importlib
import multiprocessing
import multiprocessing.context
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from newsprism.executors.base import Closing, WorkerLost
from newsprism.executors.ordered import ordered_map, run_chunk

Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNK_SIZE = 16  # items a worker takes at once: enough to pay for the pickling round trip
CHUNKS_IN_FLIGHT_PER_WORKER = 2  # keeps each worker busy while the parent stores results
# Workers are forked from this process, with these imported, when the pool is entered (before
# the run starts a thread, e.g. a progress bar): they keep its collector settings
# (newsprism.collector; a fork server's workers collected at Python's default rate, 15% more
# CPU) and its imports (a fork server imported newsprism a second time).
PRELOAD = ["newsprism.pipeline", "newsprism.report.site"]


def _context() -> multiprocessing.context.BaseContext:
    """Fork on Linux; elsewhere (macOS, where a forked process may crash in system
    libraries) a fork server that has imported newsprism once."""
    for module in PRELOAD:
        importlib.import_module(module)
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


class LocalPoolExecutor(Closing):
    """`workers` processes on this machine. The step must be a module-level function and the
    items and results picklable."""

    def __init__(self, workers: int, chunk_size: int = CHUNK_SIZE) -> None:
        self.workers = workers
        self.chunk_size = chunk_size
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalPoolExecutor:
        self._started()
        return self

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            pool = ProcessPoolExecutor(self.workers, mp_context=_context())
            pool.submit(int)  # a pool that forks forks all its workers at its first task
            self._pool = pool
        return self._pool

    def map(self, step: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        pool = self._started()
        in_flight = self.workers * CHUNKS_IN_FLIGHT_PER_WORKER
        try:
            yield from ordered_map(
                lambda chunk: pool.submit(run_chunk, step, chunk), items, self.chunk_size, in_flight
            )
        except BrokenProcessPool as error:
            raise WorkerLost(
                "a worker process died (killed, or out of memory); what was stored is kept:"
                " run again, without --workers to find the input that kills it"
            ) from error

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
