"""A Dask distributed cluster (the `distributed` extra): a scheduler and workers started with
Dask's own `dask scheduler` and `dask worker` commands, on this machine or others. Each
worker needs newsprism installed (the same version); the store and the inputs stay with the
process that runs `analyze`, which sends the documents out and stores what comes back."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from newsprism.executors.base import Closing, SchedulerError
from newsprism.executors.ordered import ordered_map, run_chunk

Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNK_SIZE = 16
CHUNKS_IN_FLIGHT_PER_THREAD = 2
CONNECT_SECONDS = 10


class DaskExecutor(Closing):
    """Steps run on the workers of the scheduler at `address` (tcp://HOST:PORT), or of a
    client already made (a LocalCluster's, in tests)."""

    def __init__(self, address: str | Any, chunk_size: int = CHUNK_SIZE) -> None:
        self.chunk_size = chunk_size
        self._own_client = isinstance(address, str)
        self.client = _connect(address) if isinstance(address, str) else address

    def map(self, step: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        threads = sum(self.client.nthreads().values()) or 1
        in_flight = threads * CHUNKS_IN_FLIGHT_PER_THREAD
        yield from ordered_map(
            lambda chunk: self.client.submit(run_chunk, step, chunk, pure=False),
            items,
            self.chunk_size,
            in_flight,
        )

    def close(self) -> None:
        if self._own_client:
            self.client.close()


def _connect(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as error:
        raise SchedulerError(
            "--scheduler needs the `distributed` extra: pip install 'newsprism[distributed]'"
        ) from error
    try:
        return Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise SchedulerError(f"--scheduler {address}: cannot reach it ({error})") from error
