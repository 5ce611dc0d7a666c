"""A local process pool: items go out in chunks, a bounded number of chunks in flight, and
the results come back in the items' order."""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Self, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNK_SIZE = 16  # items a worker takes at once: enough to pay for the pickling round trip
CHUNKS_IN_FLIGHT_PER_WORKER = 2  # keeps each worker busy while the parent stores results
# Workers start from a server process that has imported newsprism once (no fork of a parent
# that may run threads, e.g. a progress bar; no import cost per worker).
PRELOAD = ["newsprism.pipeline"]


def _run_chunk(step: Callable[[Item], Result], chunk: list[Item]) -> list[Result]:
    return [step(item) for item in chunk]


class LocalPoolExecutor:
    """`workers` processes on this machine. The step must be a module-level function and the
    items and results picklable."""

    def __init__(self, workers: int, chunk_size: int = CHUNK_SIZE) -> None:
        self.workers = workers
        self.chunk_size = chunk_size
        self._pool: ProcessPoolExecutor | None = None

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    def map(self, step: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        pool = self._started()
        limit = self.workers * CHUNKS_IN_FLIGHT_PER_WORKER
        chunks = _chunks(items, self.chunk_size)
        pending: deque[Future[list[Result]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_run_chunk, step, chunk))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
