"""The executor contract, and the executor that runs each step in this process."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Protocol, Self, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class WorkerLost(RuntimeError):
    """A pool process ended without a result (killed, out of memory): the run cannot go on."""


class SchedulerError(RuntimeError):
    """The extra is missing, or the scheduler cannot be reached: one line for the user."""


class Executor(Protocol):
    """Runs a step over a stream of items; results come back in the items' order."""

    def map(self, step: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...


class Closing:
    """An executor used as a context manager closes when the block ends."""

    def close(self) -> None:
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class InProcessExecutor(Closing):
    """Each item's step runs here, when the consumer asks for its result: the next item is
    not read before the one before it has been consumed (stored)."""

    def map(self, step: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        for item in items:
            yield step(item)
