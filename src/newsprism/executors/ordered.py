"""Ordered results from a pool that runs chunks of items: a bounded window in flight."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from newsprism.collector import set_for_long_runs

Item = TypeVar("Item")
Result = TypeVar("Result")
ResultT_co = TypeVar("ResultT_co", covariant=True)


class Pending(Protocol[ResultT_co]):
    """A future of concurrent.futures or of Dask distributed."""

    def result(self) -> ResultT_co: ...


def run_chunk(step: Callable[[Item], Result], chunk: list[Item]) -> list[Result]:
    """`step` over a chunk, in a worker. A Dask worker, or a fork server's, did not start from
    the command's process, so it is given the command's collector settings here."""
    set_for_long_runs()
    return [step(item) for item in chunk]


def ordered_map(
    submit: Callable[[list[Item]], Pending[list[Result]]],
    items: Iterable[Item],
    chunk_size: int,
    in_flight: int,
) -> Iterator[Result]:
    """Submit `items` in chunks, at most `in_flight` chunks ahead of the consumer; yield each
    result in the items' order. The input is read only as far as the window reaches."""
    pending: deque[Pending[list[Result]]] = deque()
    for chunk in chunks(items, chunk_size):
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
